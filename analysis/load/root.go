package load

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Module is the module path of the compendium, which DefaultStudy looks
// for in go.mod files.
const Module = "github.com/faire-communaute/compendium"

// EnvStudy names the environment variable that overrides DefaultStudy.
const EnvStudy = "COMPENDIUM_STUDY"

// DefaultStudy returns the study file notebooks and scripts load:
// $COMPENDIUM_STUDY when set, else data/study.json at the root of the
// repository. The root is the nearest folder above the working directory
// whose go.mod declares this module, else the folder this package was
// compiled from; when neither is found it returns "data/study.json".
func DefaultStudy() string {
	if s := os.Getenv(EnvStudy); s != "" {
		return s
	}
	if root := RepoRoot(); root != "" {
		return filepath.Join(root, "data", "study.json")
	}
	return filepath.Join("data", "study.json")
}

// RepoRoot returns the root folder of the repository (see DefaultStudy),
// or "" when it cannot be found.
func RepoRoot() string {
	if wd, err := os.Getwd(); err == nil {
		for dir := wd; ; dir = filepath.Dir(dir) {
			if isRoot(dir) {
				return dir
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	if _, file, _, ok := runtime.Caller(0); ok {
		dir := filepath.Join(filepath.Dir(file), "..", "..")
		if isRoot(dir) {
			return filepath.Clean(dir)
		}
	}
	return ""
}

// isRoot reports whether dir holds the go.mod of this module.
func isRoot(dir string) bool {
	f, err := os.Open(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "module"); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`) == Module
		}
	}
	return false
}
