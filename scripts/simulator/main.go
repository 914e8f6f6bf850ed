// Command simulator writes the calibrated synthetic study: raw exports of
// the three home-care aides' Facebook groups and of #DocTocToc in their
// real formats, the panel and profile observations, the known truth and
// study.json. See package analysis/simulate for the mechanisms.
//
// Usage:
//
//	simulator [--seed N] [--scale F] [--out DIR] [--formats LIST]
//
// Same seed and scale give byte-identical files.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/faire-communaute/compendium/analysis/simulate"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "simulator:", err)
		os.Exit(1)
	}
}

func run(args []string, log io.Writer) error {
	fs := flag.NewFlagSet("simulator", flag.ContinueOnError)
	fs.SetOutput(log)
	seed := fs.Uint64("seed", simulate.DefaultSeed, "random seed")
	scale := fs.Float64("scale", 1, "volume multiplier (members, posts, tweets); at 1 the panels are the presentation's")
	out := fs.String("out", "data", "study folder: writes OUT/raw/... and OUT/study.json")
	formats := fs.String("formats", "", "comma-separated families to write (default all): "+strings.Join(simulate.Families, ","))
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	var fams []string
	for _, f := range strings.Split(*formats, ",") {
		if f = strings.TrimSpace(f); f != "" {
			fams = append(fams, f)
		}
	}
	_, err := simulate.Generate(simulate.DefaultParams(*seed, *scale), simulate.Options{Out: *out, Families: fams, Log: log})
	return err
}
