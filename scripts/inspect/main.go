// Command inspect reads raw exports and says what the loaders make of
// them, one JSON object per line on standard output for each PATH:
//
//	go run ./scripts/inspect [--strict] [--format NAME] [--limit LIMITS] [--csv DIR] [--parquet DIR] PATH...
//	go run ./scripts/inspect [--strict] [--format NAME] [--limit LIMITS] [--csv DIR] [--parquet DIR] --study FILE
//
// A PATH is a file, "-" for standard input, a folder read recursively and
// reported as one input, or a zip archive read as a folder of its members
// (named ARCHIVE!/MEMBER). Every file is opened once and read once, its
// format sniffed from its buffered head, so that standard input, pipes
// and FIFOs read as files do: `cat f | inspect -`, `inspect /dev/stdin`,
// `inspect <(zcat f.gz)`. A zip archive cannot be read from a pipe: save
// it to a file first.
//
// In a folder or a zip archive, a file that is no export (its format is
// not recognised, it is empty, or it is not a regular file: a README, a
// picture, an X archive's account.js or manifest.js) is skipped and
// listed in the PATH's "skipped" array; the other files load. A PATH that
// names a file of a format not recognised is unreadable (status 2), and
// so is a folder or a zip archive of which no file could be read.
//
// All PATHs are loaded together, like the exports of one study: a message
// already read from an earlier PATH counts as a duplicate. A message
// whose export names no group goes to the community "ungrouped-facebook"
// or "ungrouped-twitter", never to one named after its file (timeline
// exports are often named after their account). With --study, the whole
// study is loaded and there is one object per source file, its path
// relative to the study folder, and one per skipped file.
//
// Each object has the fields:
//
//	path         the PATH as typed (with --study, the file's path): the
//	             inspector's output is for whoever typed it, so the path
//	             is echoed as is; it never reaches the --csv tables
//	format       the format detected (or forced); for a folder, the
//	             formats of its files joined with "+", sorted
//	records      raw records the format read (messages, panels, profiles)
//	loaded       records kept
//	duplicates   messages already read
//	conflicting  messages whose id was already read with another author,
//	             time or text (the first copy is kept)
//	rejected     records rejected
//	rejections   up to 20 of {"file", "line", "field", "reason"}
//	conflicts    up to 20 of {"file", "line", "id", "fields",
//	             "first_file", "first_line"}: where the conflicting copy
//	             was read, the message id, what differs ("author",
//	             "created", "text"), where the kept copy was read
//	skipped      the files of the PATH not read, as no export:
//	             {"path", "reason"}, e.g. "format not recognised",
//	             "empty file", "not a regular file"
//	kinds        loaded messages per kind (every kind, zeros included)
//	authors      number of distinct author pseudonyms among them
//	communities  ids of the communities the records went to, sorted
//	first, last  the earliest and latest message (RFC 3339, UTC; "" when
//	             no message)
//	error        only when the PATH could not be read, or not to the
//	             end: the reason (what was read before it is counted)
//
// --limit LIMITS raises (or lowers) the bounds of rawio.Limits for every
// file, as name=value pairs separated by commas, values ending in k, M or
// G for powers of 1024: --limit line-bytes=256M,depth=64. The names:
// line-bytes, field-bytes, record-lines, depth, decompressed-bytes,
// ratio. A study source's own "limits" win for its files.
//
// --csv DIR writes the loaded corpus, pseudonymised, as messages.csv,
// communities.csv, panels.csv and profiles.csv (see load.WriteCSV); also
// when a PATH could not be read (status 2), without that PATH's records
// after its error.
//
// --parquet DIR writes the same corpus as Apache Parquet (see
// analysis/parquetout): DIR/messages/ (one file, or community/month
// partitions above a million messages) and DIR/communities.parquet,
// under the same conditions as --csv.
//
// On a terminal, a load running more than two seconds shows a progress
// bar on standard error (files, records, MB/s, time left); otherwise
// nothing (analysis/progress).
//
// Exit status:
//
//	0  every PATH was read (rejections allowed)
//	1  with --strict, a record was rejected (and every PATH was read)
//	2  a PATH cannot be read: missing, of a format not recognised (an
//	   empty file, a binary file, JSON of no known shape), past a limit,
//	   or failing its format's reader; a study file in error; a usage
//	   error. A line "inspect: PATH: reason" on standard error, and an
//	   "error" field in that PATH's object (with --study, one object with
//	   the failing file's path and "error")
//	3  an internal error: a bug of the compendium, not of the input
//	   (a reader that crashed, a crash in the inspector itself). A line
//	   "inspect: internal error (a bug: please report it ...)" on standard
//	   error, and an object with an "error" field; no goroutine dump. The
//	   load stops there: the PATHs after it say "not read", those before
//	   give their counts but no kinds, authors, communities, first, last,
//	   and --csv writes nothing.
//
// The highest status wins. The pseudonymisation key's source is printed
// on standard error first.
//
// To test status 3 on the built command, TestBuiltCommand builds it with
// the build tag "inspecttest", which adds (see crash_inspecttest.go) a
// format "crash-test" whose reader panics and the environment variable
// INSPECT_TEST_CRASH=run, which makes the inspector itself panic. Neither
// exists in the command as built normally.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/memory"
	"github.com/faire-communaute/compendium/analysis/parquetout"
	"github.com/faire-communaute/compendium/analysis/progress"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

func main() {
	memory.Set() // a large load stays within the machine's (or cgroup's) memory
	os.Exit(protect(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK       = 0
	exitRejected = 1
	exitFailed   = 2
	exitInternal = 3
)

// testHook is called once the inputs are loaded. Tests, and builds with
// the inspecttest tag, make it panic, to check that a crash of the
// inspector ends with status 3.
var testHook = func(stage string) {}

const internalMessage = "internal error (a bug: please report it with this message)"

// protect runs the inspector, turning a panic into status 3, one line on
// standard error and one JSON object with an "error" field.
func protect(args []string, stdin io.Reader, stdout, stderr io.Writer) (status int) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		msg := fmt.Sprintf("%s: %v%s", internalMessage, v, panicSite())
		fmt.Fprintf(stderr, "inspect: %s\n", msg)
		b, _ := json.Marshal(struct {
			Error string `json:"error"`
		}{msg})
		fmt.Fprintf(stdout, "%s\n", b)
		status = exitInternal
	}()
	return run(args, stdin, stdout, stderr)
}

// panicSite names the function and line that panicked, " (at
// main.go:12 in main.run)", from a deferred function during the panic.
func panicSite() string {
	pc := make([]uintptr, 32)
	frames := runtime.CallersFrames(pc[:runtime.Callers(2, pc)])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case panicking && !strings.HasPrefix(f.Function, "runtime."):
			return fmt.Sprintf(" (at %s:%d in %s)", filepath.Base(f.File), f.Line, f.Function)
		}
		if !more {
			return ""
		}
	}
}

// Result is the JSON object printed for each input.
type Result struct {
	Path        string         `json:"path"`
	Format      string         `json:"format"`
	Records     int            `json:"records"`
	Loaded      int            `json:"loaded"`
	Duplicates  int            `json:"duplicates"`
	Conflicting int            `json:"conflicting"`
	Rejected    int            `json:"rejected"`
	Service     map[string]int `json:"service,omitempty"` // records read that are not messages, by kind (among loaded)
	Rejections  []Rejection    `json:"rejections"`
	Conflicts   []Conflict     `json:"conflicts"`
	Skipped     []Skipped      `json:"skipped"`
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

// Conflict is a message read again with another author, time or text.
type Conflict struct {
	File      string   `json:"file"`
	Line      int      `json:"line"`
	ID        string   `json:"id"`
	Fields    []string `json:"fields"`
	FirstFile string   `json:"first_file"`
	FirstLine int      `json:"first_line"`
}

// Skipped is a file not read, as no export.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// input is one PATH (or, with --study, one file) and what became of it.
type input struct {
	path   string
	failed error    // the first error of its files
	files  []string // the paths of its files in the report
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	strict := fs.Bool("strict", false, "exit with status 1 when any record is rejected")
	format := fs.String("format", "", "read every file in format `NAME` instead of detecting it")
	csvDir := fs.String("csv", "", "write the loaded corpus as CSV files into `DIR`")
	parquetDir := fs.String("parquet", "", "write the loaded corpus as Parquet files into `DIR`")
	study := fs.String("study", "", "inspect the study described by `FILE`, one object per source file")
	limit := fs.String("limit", "", "bounds on reading each file, e.g. `line-bytes=256M,depth=64` (names: "+strings.Join(rawio.LimitNames(), ", ")+")")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: inspect [--strict] [--format NAME] [--limit LIMITS] [--csv DIR] [--parquet DIR] PATH...\n       inspect [--strict] [--format NAME] [--limit LIMITS] [--csv DIR] [--parquet DIR] --study FILE\nA PATH is a file, a folder, a zip archive, or - for standard input.")
		fs.PrintDefaults()
		var names []string
		for _, f := range rawio.Formats() {
			names = append(names, f.Name)
		}
		fmt.Fprintf(stderr, "formats: %s\n", strings.Join(names, ", "))
		fmt.Fprintln(stderr, "exit status: 0 read, 1 rejection with --strict, 2 unreadable input or usage error, 3 internal error (a bug: please report it)")
	}
	// Flags may come after paths; "-" is a PATH (standard input).
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
	if n := count(paths, "-"); n > 1 {
		fmt.Fprintln(stderr, "inspect: standard input (-) given more than once")
		return exitFailed
	}
	if *format != "" {
		if _, ok := rawio.Lookup(*format); !ok {
			fmt.Fprintf(stderr, "inspect: unknown format %q\n", *format)
			return exitFailed
		}
	}
	limits, err := rawio.ParseLimits(*limit)
	if err != nil {
		fmt.Fprintf(stderr, "inspect: --limit: %v\n", err)
		return exitFailed
	}
	key, source, err := pseudo.LoadKey()
	if err != nil {
		fmt.Fprintf(stderr, "inspect: pseudonym key: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(stderr, "inspect: pseudonym key: %s\n", source)
	opt := load.Options{Format: *format, Key: key, Limits: limits, KeepGoing: true, Stdin: stdin}
	hook, endBar := progress.Load(stderr, "inspect")
	opt.OnProgress = hook

	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	var (
		inputs []*input
		c      *corpus.Corpus
		rep    *load.Report
	)
	if *study != "" {
		c, rep, err = load.Study(*study, opt)
		if err != nil {
			path, msg := studyError(*study, err)
			status := exitFailed
			if isInternal(err) {
				status = exitInternal
			}
			endBar()
			fmt.Fprintf(stderr, "inspect: %s\n", msg)
			r := empty(path)
			r.Error = strings.TrimPrefix(msg, path+": ")
			enc.Encode(r)
			return status
		}
		// One input per file read, then one per file skipped.
		for i, f := range rep.Files {
			f.Input = i
			inputs = append(inputs, &input{path: f.Path})
		}
		for i := range rep.Skipped {
			rep.Skipped[i].Input = len(rep.Files) + i
			inputs = append(inputs, &input{path: rep.Skipped[i].Path})
		}
	} else {
		c, rep, err = load.Files(paths, opt)
		if err != nil && !isInternal(err) {
			endBar()
			fmt.Fprintf(stderr, "inspect: %s\n", strings.TrimPrefix(err.Error(), "load: "))
			return exitFailed
		}
		for _, p := range paths {
			inputs = append(inputs, &input{path: p})
		}
	}
	endBar()
	internal := err // an internal error, which stopped the load
	testHook("loaded")

	status := exitOK
	results := summarise(inputs, c, rep)
	for i, in := range inputs {
		r := results[i]
		switch {
		case in.failed != nil:
			r.Error = in.failed.Error()
		case internal != nil && len(in.files) == 0 && len(r.Skipped) == 0:
			r.Error = "not read: the load stopped at an internal error"
		}
		if in.failed != nil {
			fmt.Fprintf(stderr, "inspect: %s: %v\n", in.path, in.failed)
			if isInternal(in.failed) {
				status = exitInternal
			} else if status == exitOK {
				status = exitFailed
			}
		}
		if err := enc.Encode(r); err != nil {
			fmt.Fprintf(stderr, "inspect: %v\n", err)
			return max(status, exitFailed)
		}
	}
	if internal != nil {
		return exitInternal
	}
	if *csvDir != "" && c != nil {
		if err := load.WriteCSV(*csvDir, c); err != nil {
			fmt.Fprintf(stderr, "inspect: %v\n", err)
			return max(status, exitFailed)
		}
	}
	if *parquetDir != "" && c != nil {
		if _, err := parquetout.WriteCorpus(*parquetDir, c, parquetout.Options{}); err != nil {
			fmt.Fprintf(stderr, "inspect: %v\n", err)
			return max(status, exitFailed)
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

func isInternal(err error) bool {
	var ie *load.InternalError
	return errors.As(err, &ie)
}

// studyError words a study's load error: the path it is about (the
// failing file, else the study file) and the message for standard error,
// "PATH: reason" or "PATH:LINE: ...".
func studyError(study string, err error) (path, msg string) {
	var fe *load.FileError
	var pe *rawio.ParseError
	switch {
	case errors.As(err, &fe) && !isInternal(err) && errors.As(fe.Err, &pe):
		return fe.Path, pe.Error()
	case errors.As(err, &fe):
		return fe.Path, fe.Path + ": " + fe.Err.Error()
	case errors.As(err, &pe):
		if pe.File == "" {
			return study, study + ": " + pe.Error()
		}
		return pe.File, pe.Error()
	}
	return study, study + ": " + strings.TrimPrefix(err.Error(), "load: ")
}

// reason words the error of PATH p without repeating p.
func reason(p string, err error) error {
	var fe *load.FileError
	if errors.As(err, &fe) {
		var pe *rawio.ParseError
		switch {
		case errors.As(fe.Err, &pe):
			return &worded{strings.TrimPrefix(pe.Error(), p+": "), err}
		case fe.Path == p:
			return &worded{fe.Err.Error(), err}
		default:
			return &worded{fmt.Sprintf("%s: %v", fe.Path, fe.Err), err}
		}
	}
	return &worded{strings.TrimPrefix(err.Error(), "load: "), err}
}

// worded is an error reworded, keeping its chain.
type worded struct {
	msg string
	err error
}

func (w *worded) Error() string { return w.msg }
func (w *worded) Unwrap() error { return w.err }

func count(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

func empty(path string) *Result {
	r := &Result{Path: path, Rejections: []Rejection{}, Conflicts: []Conflict{}, Skipped: []Skipped{},
		Kinds: map[string]int{}, Communities: []string{}}
	for _, k := range corpus.Kinds {
		r.Kinds[k.String()] = 0
	}
	return r
}

// summarise computes each input's result from the report (whose files
// and skipped files name their input) and the corpus (nil when the load
// stopped at an internal error).
func summarise(inputs []*input, c *corpus.Corpus, rep *load.Report) []*Result {
	results := make([]*Result, len(inputs))
	for i, in := range inputs {
		results[i] = empty(in.path)
	}
	if rep == nil {
		return results
	}
	n := len(inputs)
	formats, comms, authors := make([]map[string]bool, n), make([]map[string]bool, n), make([]map[string]bool, n)
	for i := range inputs {
		formats[i], comms[i], authors[i] = map[string]bool{}, map[string]bool{}, map[string]bool{}
	}
	owner := map[string]int{} // file → first input reading it
	for _, f := range rep.Files {
		i := f.Input
		if i < 0 || i >= n {
			continue
		}
		in, r := inputs[i], results[i]
		in.files = append(in.files, f.Path)
		if f.Err != nil && in.failed == nil {
			in.failed = reason(in.path, f.Err)
		}
		if f.Format == "" {
			continue
		}
		if _, ok := owner[f.Path]; !ok {
			owner[f.Path] = i
		}
		formats[i][f.Format] = true
		r.Records += f.Records
		r.Loaded += f.Loaded
		r.Duplicates += f.Duplicates
		r.Conflicting += f.Conflicting
		r.Rejected += f.Rejected
		for k, n := range f.Service {
			if r.Service == nil {
				r.Service = map[string]int{}
			}
			r.Service[k] += n
		}
		for _, e := range f.Rejections {
			if len(r.Rejections) < load.MaxRejections {
				r.Rejections = append(r.Rejections, rejection(e))
			}
		}
		for _, x := range f.Conflicts {
			if len(r.Conflicts) < load.MaxRejections {
				r.Conflicts = append(r.Conflicts, Conflict{File: x.Later.File, Line: x.Later.Line, ID: x.ID, Fields: x.Fields,
					FirstFile: x.First.File, FirstLine: x.First.Line})
			}
		}
	}
	for _, s := range rep.Skipped {
		if s.Input >= 0 && s.Input < n {
			results[s.Input].Skipped = append(results[s.Input].Skipped, Skipped{Path: s.Path, Reason: s.Reason})
		}
	}
	first, last := make([]time.Time, n), make([]time.Time, n)
	if c != nil {
		for _, m := range c.Messages {
			i, ok := owner[m.Source.File]
			if !ok {
				continue
			}
			r := results[i]
			r.Kinds[m.Kind.String()]++
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
