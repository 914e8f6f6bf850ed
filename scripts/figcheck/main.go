// Command figcheck checks the figures in a directory against its committed
// manifest.json, or rewrites the manifest with -update.
//
// Usage:
//
//	go run ./scripts/figcheck [-update] [-baseline DIR] [-report DIR] [-goarch ARCH] FIGDIR
//	go run ./scripts/figcheck -gallery FIGDIR
//
// Check mode prints one line per figure ("ok   ID" or "FAIL ID: reason")
// and a summary line, writes an HTML report when a figure fails (default
// build/figure-report/index.html) and exits 1 on failure, 0 on success and
// 2 on usage or I/O errors. -baseline names a directory holding the accepted
// ID.png and ID.csv files (e.g. extracted from git HEAD): it is needed to
// compare PNGs rendered on another GOARCH and gives CSV line diffs.
//
// -gallery writes FIGDIR/index.html, every figure with its caption, data
// and provenance.
//
// -update rewrites FIGDIR/manifest.json from the figures present and prints
// the figures added, removed or changed relative to the old manifest.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/figcheck"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("figcheck", flag.ContinueOnError)
	fl.SetOutput(stderr)
	update := fl.Bool("update", false, "rewrite FIGDIR/manifest.json from the current figures")
	gallery := fl.Bool("gallery", false, "write the gallery FIGDIR/index.html and exit")
	baseline := fl.String("baseline", "", "directory with the accepted ID.png/ID.csv files (e.g. from git HEAD)")
	report := fl.String("report", "build/figure-report", "directory for the HTML report written on failure")
	goarch := fl.String("goarch", "", "GOARCH the figures were rendered on (default: this machine's)")
	chanTol := fl.Int("channel-tolerance", 0, "per-channel tolerance (of 255) on another GOARCH (0: default 8, <0: exact)")
	pixTol := fl.Float64("pixel-tolerance", 0, "share of differing pixels allowed on another GOARCH (0: default 0.005, <0: none)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: figcheck [-update] [-baseline DIR] [-report DIR] [-goarch ARCH] FIGDIR")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return 2
	}
	dir := fl.Arg(0)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "figcheck: %s is not a directory\n", dir)
		return 2
	}
	if *gallery {
		if err := figcheck.WriteGallery(dir); err != nil {
			fmt.Fprintf(stderr, "figcheck: gallery: %v\n", err)
			return 2
		}
		fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(dir, figcheck.GalleryFile))
		return 0
	}
	manifestPath := filepath.Join(dir, figcheck.ManifestFile)

	if *update {
		old, err := figcheck.ReadManifest(manifestPath)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "figcheck: warning: old manifest ignored: %v\n", err)
		}
		m, err := figcheck.Update(dir)
		if err != nil {
			fmt.Fprintf(stderr, "figcheck: manifest not updated:\n%v\n", err)
			return 2
		}
		changes := figcheck.Diff(old, m)
		for _, c := range changes {
			fmt.Fprintln(stdout, c)
		}
		fmt.Fprintf(stdout, "wrote %s: %d figures, %d changed\n", manifestPath, len(m.Figures), len(changes))
		return 0
	}

	m, err := figcheck.ReadManifest(manifestPath)
	if err != nil {
		fmt.Fprintf(stderr, "figcheck: %v\n(to accept the current figures run scripts/reproduce --update)\n", err)
		return 2
	}
	res := figcheck.Check(m, dir, figcheck.Options{
		GOARCH: *goarch, BaselineDir: *baseline, ChannelTolerance: *chanTol, PixelTolerance: *pixTol,
	})
	if res.Err != nil {
		fmt.Fprintf(stderr, "figcheck: %v\n", res.Err)
		return 2
	}
	for _, f := range res.Figures {
		switch {
		case f.Failed():
			fmt.Fprintf(stdout, "FAIL %s\n", f.Reason)
		case f.Note != "":
			fmt.Fprintf(stdout, "ok   %s (%s)\n", f.ID, f.Note)
		default:
			fmt.Fprintf(stdout, "ok   %s\n", f.ID)
		}
	}
	fmt.Fprintf(stdout, "figures: %d checked, %d matching, %d failing\n", res.Checked, res.Matching, res.Failing)
	if res.OK() {
		return 0
	}
	if err := figcheck.WriteReport(res, dir, *baseline, *report); err != nil {
		fmt.Fprintf(stderr, "figcheck: report: %v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "report: %s\n", filepath.Join(*report, figcheck.ReportFile))
	fmt.Fprintln(stdout, "if the changes are intended: scripts/reproduce --update")
	return 1
}
