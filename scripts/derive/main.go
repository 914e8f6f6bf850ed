// Command derive writes the derived tables of a study, so that anyone can
// recompute a measure with another tool:
//
//	build/derived/messages.csv     the pseudonymised corpus (the inspector's --csv columns)
//	build/derived/communities.csv, panels.csv, profiles.csv
//	build/derived/indicators.csv   community, profession, indicator, value
//	                               (every family's rows, assembled by analysis/indicator/all)
//	build/derived/network/COMMUNITY.{graphml,gexf,edges.csv}
//	                               each community's reply network, for Gephi
//
// Usage:
//
//	go run ./scripts/derive [-study FILE] [-out DIR]
//
// The study defaults to $COMPENDIUM_STUDY or data/study.json; the output
// folder to build/derived. scripts/reproduce runs it after the notebooks.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/repo"

	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/all"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("derive", flag.ContinueOnError)
	fl.SetOutput(stderr)
	study := fl.String("study", load.DefaultStudy(), "study file")
	out := fl.String("out", filepath.Join(repo.Root(), "build", "derived"), "output folder")
	codebook := fl.String("codebook", "", "codebook file (default: data/codebook/codebook.json)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	c, rep, err := load.Study(*study, load.Options{Progress: stderr})
	if err != nil {
		fmt.Fprintf(stderr, "derive: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "derive: %d records: %d loaded, %d duplicates, %d rejected\n", rep.Records, rep.Loaded, rep.Duplicates, rep.Rejected)
	cb, err := loadCodebook(*codebook)
	if err != nil {
		fmt.Fprintf(stderr, "derive: codebook: %v\n", err)
		return 1
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "derive: %v\n", err)
		return 1
	}
	if err := load.WriteCSV(*out, c); err != nil {
		fmt.Fprintf(stderr, "derive: %v\n", err)
		return 1
	}
	nets := network.Measure(c)
	rows := all.IndicatorsWith(c, cb, nets)
	f, err := os.Create(filepath.Join(*out, "indicators.csv"))
	if err != nil {
		fmt.Fprintf(stderr, "derive: %v\n", err)
		return 1
	}
	if err := indicator.WriteCSV(f, rows); err != nil {
		f.Close()
		fmt.Fprintf(stderr, "derive: %v\n", err)
		return 1
	}
	if err := f.Close(); err != nil {
		fmt.Fprintf(stderr, "derive: %v\n", err)
		return 1
	}
	if err := writeNetworks(filepath.Join(*out, "network"), nets); err != nil {
		fmt.Fprintf(stderr, "derive: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "derive: wrote %s (messages.csv: %d rows, indicators.csv: %d rows)\n", *out, len(c.Messages), len(rows))
	return 0
}

func loadCodebook(path string) (*themes.Codebook, error) {
	if path == "" {
		path = filepath.Join(repo.Root(), themes.DefaultFile)
	}
	return themes.LoadCodebook(path)
}

// writeNetworks writes each community's reply network as GraphML, GEXF
// and an edge CSV (source,target,weight), named by community id.
func writeNetworks(dir string, nets []network.Group) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, g := range nets {
		if g.Community.ID == indicator.AllCommunities {
			continue
		}
		graph := g.Graph
		for _, w := range []struct {
			ext   string
			write func(io.Writer, *network.Graph) error
		}{{".graphml", network.WriteGraphML}, {".gexf", network.WriteGEXF}, {".edges.csv", network.WriteEdgeCSV}} {
			f, err := os.Create(filepath.Join(dir, g.Community.ID+w.ext))
			if err != nil {
				return err
			}
			if err := w.write(f, graph); err != nil {
				f.Close()
				return fmt.Errorf("%s%s: %w", g.Community.ID, w.ext, err)
			}
			if err := f.Close(); err != nil {
				return err
			}
		}
	}
	return nil
}
