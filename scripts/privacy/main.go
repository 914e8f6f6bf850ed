// Command privacy checks that no display name, handle or account id met in
// a study's raw exports appears in its outputs: figures, derived tables and
// executed notebooks. scripts/reproduce runs it after every build.
//
// Usage:
//
//	go run ./scripts/privacy [-study FILE] [PATH...]
//
// PATHs default to figures, build/notebooks and build/derived (and the
// figure folder of another study, build/figures-*). Findings are printed
// masked (first letters and length), never in clear. Exit status 1 when
// anything is found, 2 on errors.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/repo"

	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/privacy"
	"github.com/faire-communaute/compendium/analysis/pseudo"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("privacy", flag.ContinueOnError)
	fl.SetOutput(stderr)
	study := fl.String("study", load.DefaultStudy(), "study file")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	paths := fl.Args()
	if len(paths) == 0 {
		root := repo.Root()
		paths = []string{filepath.Join(root, "figures"), filepath.Join(root, "build", "notebooks"), filepath.Join(root, "build", "derived")}
		extra, _ := filepath.Glob(filepath.Join(root, "build", "figures-*"))
		paths = append(paths, extra...)
	}
	key, _, err := pseudo.LoadKey()
	if err != nil {
		fmt.Fprintf(stderr, "privacy: %v\n", err)
		return 2
	}
	ps := pseudo.New(key)
	if _, _, err := load.Study(*study, load.Options{Pseudonymizer: ps}); err != nil {
		fmt.Fprintf(stderr, "privacy: %v\n", err)
		return 2
	}
	sc := privacy.NewScanner(privacy.Needles(ps.Identities()))
	found, files, err := sc.ScanPaths(paths...)
	if err != nil {
		fmt.Fprintf(stderr, "privacy: %v\n", err)
		return 2
	}
	for i, f := range found {
		if i == 50 {
			fmt.Fprintf(stdout, "privacy: ... %d findings in all\n", len(found))
			break
		}
		fmt.Fprintf(stdout, "privacy: FOUND %s\n", f)
	}
	fmt.Fprintf(stdout, "privacy: %d identities from the raw exports searched in %d output files: %d found\n", sc.Len(), files, len(found))
	if len(found) > 0 {
		return 1
	}
	return 0
}
