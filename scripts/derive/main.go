// Command derive writes the derived tables of a study, so that anyone can
// recompute a measure with another tool:
//
//	build/derived/messages.csv     the pseudonymised corpus (the inspector's --csv columns)
//	build/derived/communities.csv, panels.csv, profiles.csv
//	build/derived/indicators.csv   community, profession, indicator, value
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

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/activity"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
	"github.com/faire-communaute/compendium/analysis/indicator/retention"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
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
	groups, graphs := network.Graphs(c)
	rows := Indicators(c, cb, groups, graphs)
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
	if err := writeNetworks(filepath.Join(*out, "network"), groups, graphs); err != nil {
		fmt.Fprintf(stderr, "derive: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "derive: wrote %s (messages.csv: %d rows, indicators.csv: %d rows)\n", *out, len(c.Messages), len(rows))
	return 0
}

func loadCodebook(path string) (*themes.Codebook, error) {
	if path == "" {
		return themes.DefaultCodebook()
	}
	return themes.LoadCodebook(path)
}

// Indicators computes every family's scalar indicators, per community and
// per profession, in canonical order; the reply graphs come built (see
// network.Graphs).
func Indicators(c *corpus.Corpus, cb *themes.Codebook, groups []indicator.Group, graphs []*network.Graph) []indicator.Row {
	var rows []indicator.Row
	rows = append(rows, activity.Rows(c)...)
	rows = append(rows, participation.Rows(c)...)
	rows = append(rows, responsiveness.Rows(c)...)
	rows = append(rows, rhythm.Rows(c)...)
	rows = append(rows, retention.Rows(c)...)
	rows = append(rows, network.GraphRows(groups, graphs)...)
	rows = append(rows, themes.Rows(c, cb)...)
	rows = append(rows, norms.Rows(c, cb)...)
	indicator.Sort(rows)
	return rows
}

// writeNetworks writes each community's reply network as GraphML, GEXF
// and an edge CSV (source,target,weight), named by community id.
func writeNetworks(dir string, groups []indicator.Group, graphs []*network.Graph) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i, g := range groups {
		if g.Community.ID == indicator.AllCommunities {
			continue
		}
		graph := graphs[i]
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
