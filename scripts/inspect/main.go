// Command inspect reads raw exports and says what the loaders make of
// them, one JSON object per line on standard output for each PATH:
//
//	go run ./scripts/inspect [--strict] [--format NAME] [--csv DIR] PATH...
//	go run ./scripts/inspect [--strict] [--format NAME] [--csv DIR] --study FILE
//
// A PATH is a file, or a folder read recursively and reported as one
// input. All PATHs are loaded together, like the exports of one study: a
// message already read from an earlier PATH counts as a duplicate. With
// --study, the whole study is loaded and there is one object per source
// file, its path relative to the study folder.
//
// Each object has the fields:
//
//	path         the PATH as given (with --study, the file's path)
//	format       the format detected (or forced); for a folder, the
//	             formats of its files joined with "+", sorted
//	records      raw records the format read (messages, panels, profiles)
//	loaded       records kept
//	duplicates   messages already read
//	rejected     records rejected
//	rejections   up to 20 of {"file", "line", "field", "reason"}
//	kinds        loaded messages per kind (every kind, zeros included)
//	authors      number of distinct author pseudonyms among them
//	communities  ids of the communities the records went to, sorted
//	first, last  the earliest and latest message (RFC 3339, UTC; "" when
//	             no message)
//	error        only when the PATH could not be read: the reason
//
// --csv DIR writes the loaded corpus, pseudonymised, as messages.csv,
// communities.csv, panels.csv and profiles.csv (see load.WriteCSV).
//
// Exit status: 0 when every PATH was read, rejections allowed; 1 with
// --strict when any record was rejected; 2 when a PATH cannot be read or
// its format is not recognised (an empty file, a binary file, JSON of no
// known shape), with a line "inspect: PATH: reason" on standard error, or
// on a usage error. The pseudonymisation key's source is printed on
// standard error first.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// Exit statuses.
const (
	exitOK       = 0
	exitRejected = 1
	exitFailed   = 2
)

// Result is the JSON object printed for each input.
type Result struct {
	Path        string         `json:"path"`
	Format      string         `json:"format"`
	Records     int            `json:"records"`
	Loaded      int            `json:"loaded"`
	Duplicates  int            `json:"duplicates"`
	Rejected    int            `json:"rejected"`
	Rejections  []Rejection    `json:"rejections"`
	Kinds       map[string]int `json:"kinds"`
	Authors     int            `json:"authors"`
	Communities []string       `json:"communities"`
	First       string         `json:"first"`
	Last        string         `json:"last"`
	Error       string         `json:"error,omitempty"`
}

// Rejection is one rejected record.
type Rejection struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

// input is one PATH and the files it stands for.
type input struct {
	path   string
	files  []string
	failed error
	result *Result
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	strict := fs.Bool("strict", false, "exit with status 1 when any record is rejected")
	format := fs.String("format", "", "read every file in format `NAME` instead of detecting it")
	csvDir := fs.String("csv", "", "write the loaded corpus as CSV files into `DIR`")
	study := fs.String("study", "", "inspect the study described by `FILE`, one object per source file")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: inspect [--strict] [--format NAME] [--csv DIR] PATH...\n       inspect [--strict] [--format NAME] [--csv DIR] --study FILE")
		fs.PrintDefaults()
		var names []string
		for _, f := range rawio.Formats() {
			names = append(names, f.Name)
		}
		fmt.Fprintf(stderr, "formats: %s\n", strings.Join(names, ", "))
	}
	// Flags may come after paths.
	var paths []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return exitFailed
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		paths, rest = append(paths, rest[0]), rest[1:]
	}
	if (*study == "") == (len(paths) == 0) {
		fs.Usage()
		return exitFailed
	}
	if *format != "" {
		if _, ok := rawio.Lookup(*format); !ok {
			fmt.Fprintf(stderr, "inspect: unknown format %q\n", *format)
			return exitFailed
		}
	}
	key, source, err := pseudo.LoadKey()
	if err != nil {
		fmt.Fprintf(stderr, "inspect: pseudonym key: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(stderr, "inspect: pseudonym key: %s\n", source)
	opt := load.Options{Format: *format, Key: key}

	var (
		inputs []*input
		c      *corpus.Corpus
		rep    *load.Report
	)
	if *study != "" {
		c, rep, err = load.Study(*study, opt)
		if err != nil {
			fmt.Fprintf(stderr, "inspect: %s\n", studyError(*study, err))
			return exitFailed
		}
		for _, f := range rep.Files {
			inputs = append(inputs, &input{path: f.Path, files: []string{f.Path}})
		}
	} else {
		inputs, c, rep, err = loadPaths(paths, *format, opt)
		if err != nil {
			fmt.Fprintf(stderr, "inspect: %v\n", err)
			return exitFailed
		}
	}

	status := exitOK
	results := summarise(inputs, c, rep)
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for i, in := range inputs {
		r := results[i]
		if in.failed != nil {
			fmt.Fprintf(stderr, "inspect: %s: %v\n", in.path, in.failed)
			r = empty(in.path)
			r.Error = in.failed.Error()
			status = exitFailed
		}
		if err := enc.Encode(r); err != nil {
			fmt.Fprintf(stderr, "inspect: %v\n", err)
			return exitFailed
		}
	}
	if *csvDir != "" && c != nil {
		if err := load.WriteCSV(*csvDir, c); err != nil {
			fmt.Fprintf(stderr, "inspect: %v\n", err)
			return exitFailed
		}
	}
	if status == exitOK && *strict && rep != nil && rep.Rejected > 0 {
		for _, f := range rep.Files {
			if len(f.Rejections) > 0 {
				fmt.Fprintf(stderr, "inspect: %d records rejected; first: %v\n", rep.Rejected, f.Rejections[0])
				break
			}
		}
		status = exitRejected
	}
	return status
}

// studyError words a study's load error as "PATH: reason".
func studyError(study string, err error) string {
	var fe *load.FileError
	var pe *rawio.ParseError
	switch {
	case errors.As(err, &fe):
		if errors.As(fe.Err, &pe) {
			return pe.Error()
		}
		return fmt.Sprintf("%s: %v", fe.Path, fe.Err)
	case errors.As(err, &pe):
		return pe.Error()
	}
	return fmt.Sprintf("%s: %s", study, strings.TrimPrefix(err.Error(), "load: "))
}

// loadPaths lists and checks the files of each PATH, then loads those that
// can be read together. PATHs that cannot be read are marked failed.
func loadPaths(paths []string, format string, opt load.Options) ([]*input, *corpus.Corpus, *load.Report, error) {
	var inputs []*input
	for _, p := range paths {
		in := &input{path: p}
		inputs = append(inputs, in)
		files, err := load.ListFiles(p)
		if err != nil {
			in.failed = reason(p, err)
			continue
		}
		in.files = files
		for _, f := range files {
			if _, err := load.DetectFile(f, format); err != nil {
				in.failed = reason(p, err)
				break
			}
		}
	}
	for {
		var files []string
		for _, in := range inputs {
			if in.failed == nil {
				files = append(files, in.files...)
			}
		}
		if len(files) == 0 {
			return inputs, nil, nil, nil
		}
		c, rep, err := load.Files(files, opt)
		var fe *load.FileError
		if err == nil {
			return inputs, c, rep, nil
		}
		if !errors.As(err, &fe) {
			return nil, nil, nil, err
		}
		// A file failed while read: drop its PATH and load the others.
		dropped := false
		for _, in := range inputs {
			if in.failed == nil && contains(in.files, fe.Path) {
				in.failed, dropped = reason(in.path, err), true
				break
			}
		}
		if !dropped {
			return nil, nil, nil, err
		}
	}
}

// reason words the error of PATH p without repeating p.
func reason(p string, err error) error {
	var fe *load.FileError
	if errors.As(err, &fe) {
		var pe *rawio.ParseError
		switch {
		case errors.As(fe.Err, &pe):
			return errors.New(strings.TrimPrefix(pe.Error(), p+": "))
		case fe.Path == p:
			return fe.Err
		default:
			return fmt.Errorf("%s: %v", fe.Path, fe.Err)
		}
	}
	return errors.New(strings.TrimPrefix(err.Error(), "load: "))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func empty(path string) *Result {
	r := &Result{Path: path, Rejections: []Rejection{}, Kinds: map[string]int{}, Communities: []string{}}
	for _, k := range corpus.Kinds {
		r.Kinds[string(k)] = 0
	}
	return r
}

// summarise computes each input's result from the report and the corpus.
func summarise(inputs []*input, c *corpus.Corpus, rep *load.Report) []*Result {
	results := make([]*Result, len(inputs))
	owner := map[string]int{} // file → first input reading it
	for i, in := range inputs {
		results[i] = empty(in.path)
		for _, f := range in.files {
			if _, ok := owner[f]; !ok && in.failed == nil {
				owner[f] = i
			}
		}
	}
	if rep == nil {
		return results
	}
	formats := make([]map[string]bool, len(inputs))
	comms := make([]map[string]bool, len(inputs))
	authors := make([]map[string]bool, len(inputs))
	for i := range inputs {
		formats[i], comms[i], authors[i] = map[string]bool{}, map[string]bool{}, map[string]bool{}
	}
	// Report files come in the order the inputs gave them.
	k := 0
	for i, in := range inputs {
		if in.failed != nil {
			continue
		}
		r := results[i]
		for range in.files {
			if k >= len(rep.Files) {
				break
			}
			f := rep.Files[k]
			k++
			formats[i][f.Format] = true
			r.Records += f.Records
			r.Loaded += f.Loaded
			r.Duplicates += f.Duplicates
			r.Rejected += f.Rejected
			for _, e := range f.Rejections {
				if len(r.Rejections) < load.MaxRejections {
					r.Rejections = append(r.Rejections, rejection(e))
				}
			}
		}
	}
	var first, last = make([]time.Time, len(inputs)), make([]time.Time, len(inputs))
	for _, m := range c.Messages {
		i, ok := owner[m.Source.File]
		if !ok {
			continue
		}
		r := results[i]
		r.Kinds[string(m.Kind)]++
		if m.Author != "" {
			authors[i][m.Author] = true
		}
		comms[i][m.Community] = true
		if first[i].IsZero() || m.Created.Before(first[i]) {
			first[i] = m.Created
		}
		if last[i].IsZero() || m.Created.After(last[i]) {
			last[i] = m.Created
		}
	}
	for _, p := range c.Panels {
		if i, ok := owner[p.Source.File]; ok {
			comms[i][p.Community] = true
		}
	}
	for _, p := range c.Profiles {
		if i, ok := owner[p.Source.File]; ok && p.Community != "" {
			comms[i][p.Community] = true
		}
	}
	for i, r := range results {
		r.Format = strings.Join(sortedKeys(formats[i]), "+")
		r.Communities = sortedKeys(comms[i])
		r.Authors = len(authors[i])
		if !first[i].IsZero() {
			r.First = first[i].UTC().Format(time.RFC3339)
			r.Last = last[i].UTC().Format(time.RFC3339)
		}
	}
	return results
}

func rejection(e *rawio.ParseError) Rejection {
	line := e.Line
	if line == 0 {
		line = e.Record
	}
	reason := ""
	if e.Err != nil {
		reason = e.Err.Error()
	}
	return Rejection{File: e.File, Line: line, Field: e.Field, Reason: reason}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
