// Package repo finds the compendium's repository: the folder holding the
// go.mod of this module, from which the default study, the codebook and
// the figures folder are found. Notebooks, scripts and tests all run from
// somewhere inside it.
package repo

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Module is the module path of the compendium.
const Module = "github.com/faire-communaute/compendium"

// Root returns the root folder of the repository: the nearest folder at or
// above the working directory whose go.mod declares Module, else the
// folder this package was compiled from when it is one; "" when neither is
// found.
func Root() string {
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
		dir := filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
		if isRoot(dir) {
			return dir
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
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module"); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`) == Module
		}
	}
	return false
}
