// Command derive writes the derived tables of a study, so that anyone can
// recompute a measure with another tool:
//
//	build/derived/messages.csv     the pseudonymised corpus (the inspector's --csv columns)
//	build/derived/communities.csv, panels.csv, profiles.csv
//	build/derived/indicators.csv   community, profession, indicator, value
//	                               (every family's rows, assembled by analysis/indicator/all)
//	build/derived/network/COMMUNITY.{graphml,gexf,edges.csv}
//	                               each community's reply network, for Gephi
//	build/derived/parquet/         the same as Apache Parquet (zstd), for DuckDB or Spark:
//	                               messages/ (one file, or community=C/month=YYYY-MM/
//	                               partitions), communities.parquet, indicators.parquet,
//	                               edges.parquet (see analysis/parquetout)
//
// Usage:
//
//	go run ./scripts/derive [-study FILE] [-out DIR] [-partition auto|always|never]
//	                        [-codebook FILE] [-gold FILE|none] [-gold-pairs FILE]
//	                        [-gold-threads auto|FILES|none]
//
// The themes, questions and question types are coded by the coder the
// study file's "coding" chooses (keyword codebook by default, or the
// trained coder) and, with gold codes, also given corrected for that
// coder's measured error (analysis/coder); -codebook and -gold override
// the study file's files.
//
// The study defaults to $COMPENDIUM_STUDY or data/study.json; the output
// folder to build/derived. -partition auto (the default) writes the
// messages as Hive partitions when the corpus has more than
// parquetout.PartitionThreshold (a million) messages. scripts/reproduce
// runs it after the notebooks. -gold-threads names the thread gold
// files whose codes correct the status and source shares
// (consensual_share_corrected, ..., citing_share_corrected_<kind>:
// all.IndicatorsCoded); auto (the default) is the study file's
// coding.gold_threads when it names one, else every
// data/codebook/coding/gold-threads*.csv and those of its round folders
// (coder.GoldThreadFiles); none (or -gold none), no such rows.
//
// On a terminal, the load shows a progress bar on standard error (files,
// records, MB/s, time left) and the later steps a spinner, once a step
// has run two seconds (analysis/progress); elsewhere (a log, a pipe) the
// load writes one line per file read instead, and nothing else.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/all"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/memory"
	"github.com/faire-communaute/compendium/analysis/parquetout"
	"github.com/faire-communaute/compendium/analysis/progress"
	"github.com/faire-communaute/compendium/analysis/repo"
)

func main() {
	// A large study's load stays within the memory the machine (or the
	// job's cgroup) gives, the collector working harder near it.
	fmt.Fprintf(os.Stderr, "derive: %s\n", memory.Set())
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("derive", flag.ContinueOnError)
	fl.SetOutput(stderr)
	study := fl.String("study", load.DefaultStudy(), "study file")
	goldThreads := fl.String("gold-threads", "auto", "comma-separated thread gold `FILES` to correct the status and source shares with (scripts/code gold; auto: the study file's coding.gold_threads when it names one, else data/codebook/coding/gold-threads*.csv and */gold-threads*.csv; none, or -gold none: none)")
	out := fl.String("out", filepath.Join(repo.Root(), "build", "derived"), "output folder")
	codebook := fl.String("codebook", "", "codebook file (default: the study file's coding.codebook, else data/codebook/codebook.json)")
	gold := fl.String("gold", "", "gold codes that measure the coder's error, to correct its shares with (scripts/code gold; default: the study file's coding.gold, else data/codebook/hand-coded.csv; `none`: no corrected shares, keyword coder only)")
	goldPairs := fl.String("gold-pairs", filepath.Join(repo.Root(), filepath.FromSlash(norms.PairGoldFile)), "coded question pairs to validate the detector of recurring questions with (scripts/code gold on pairs; absent or empty: not validated)")
	partition := fl.String("partition", "auto", "write the Parquet messages as community/month partitions: `auto` (above a million messages), always or never")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	parts, ok := map[string]parquetout.Partitioning{"auto": parquetout.Auto, "always": parquetout.Always, "never": parquetout.Never}[*partition]
	if !ok {
		fmt.Fprintf(stderr, "derive: -partition %q: want auto, always or never\n", *partition)
		return 2
	}
	opt := load.Options{Progress: stderr}
	hook, endBar := progress.Load(stderr, "derive: load")
	if hook != nil {
		// On a terminal the bar replaces the lines per file.
		opt.Progress, opt.OnProgress = nil, hook
	}
	c, rep, err := load.Study(*study, opt)
	endBar()
	if err != nil {
		fmt.Fprintf(stderr, "derive: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "derive: %d records: %d loaded, %d duplicates, %d rejected\n", rep.Records, rep.Loaded, rep.Duplicates, rep.Rejected)
	spec, err := load.ReadStudy(*study)
	if err != nil {
		fmt.Fprintf(stderr, "derive: %v\n", err)
		return 1
	}
	coding := spec.CodingChoice()
	if *goldThreads == "auto" {
		*goldThreads = strings.Join(coder.StudyGoldThreads(spec), ",")
	}
	if *codebook == "" {
		*codebook = coding.Codebook
	}
	if *gold == "" {
		*gold = coding.Gold
	}
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
	endStep := progress.Step(stderr, "derive: indicators")
	nets := network.Measure(c)
	ch := coder.Choice{Coder: coding.Coder}
	if *gold != "none" {
		// The shares are also given corrected for the chosen coder's
		// measured error on these gold codes (package coder).
		if ch.Gold, err = themes.LoadSample(*gold); err != nil {
			fmt.Fprintf(stderr, "derive: gold codes: %v\n", err)
			return 1
		}
	}
	var pairs []norms.CodedPair
	if *goldPairs != "" {
		pairs, err = norms.LoadPairGold(*goldPairs)
		switch {
		case errors.Is(err, os.ErrNotExist):
			fmt.Fprintf(stderr, "derive: no coded question pairs (%s): the detector of recurring questions is not validated\n", *goldPairs)
		case err != nil:
			fmt.Fprintf(stderr, "derive: coded pairs: %v\n", err)
			return 1
		}
	}
	// Status and source shares corrected for the thread coders' error on
	// these gold threads (package norms, Correct); -gold none asks for no
	// corrected share at all.
	var threads []coder.Thread
	if *goldThreads != "" && *goldThreads != "none" && *gold != "none" {
		if threads, err = coder.LoadGoldThreads(cb, strings.Split(*goldThreads, ",")...); err != nil {
			endStep()
			fmt.Fprintf(stderr, "derive: thread gold: %v\n", err)
			return 1
		}
	}
	rows, err := all.IndicatorsCoded(c, cb, nets, ch, pairs, threads)
	endStep()
	if err != nil {
		fmt.Fprintf(stderr, "derive: coding: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "derive: messages coded by the %s coder (%d gold messages, %d gold threads)\n", coding.Coder, len(ch.Gold), len(threads))
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
	endStep = progress.Step(stderr, "derive: parquet")
	wr, err := writeParquet(filepath.Join(*out, "parquet"), c, rows, nets, parquetout.Options{Partition: parts})
	endStep()
	if err != nil {
		fmt.Fprintf(stderr, "derive: %v\n", err)
		return 1
	}
	layout := "one file"
	if wr.Partitioned {
		layout = fmt.Sprintf("%d community/month partitions", wr.Files)
	}
	fmt.Fprintf(stdout, "derive: wrote %s (messages.csv: %d rows, indicators.csv: %d rows; parquet/messages: %s)\n", *out, len(c.Messages), len(rows), layout)
	return 0
}

// writeParquet writes the Parquet tables into dir.
func writeParquet(dir string, c *corpus.Corpus, rows []indicator.Row, nets []network.Group, o parquetout.Options) (parquetout.Written, error) {
	wr, err := parquetout.WriteCorpus(dir, c, o)
	if err != nil {
		return wr, err
	}
	if err := parquetout.WriteIndicators(filepath.Join(dir, "indicators.parquet"), rows); err != nil {
		return wr, err
	}
	return wr, parquetout.WriteEdges(filepath.Join(dir, "edges.parquet"), nets)
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
