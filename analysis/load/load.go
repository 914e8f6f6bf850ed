package load

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Options tune a load.
type Options struct {
	// Strict aborts the load at the first rejected record, returning its
	// *rawio.ParseError.
	Strict bool
	// Format, when set, is used for every file instead of the study's
	// formats and detection.
	Format string
	// Key is the pseudonymisation key; nil means pseudo.LoadKey.
	Key []byte
	// Progress, when set, gets one line per file read, e.g.
	// "load: raw/avs/posts.tsv.gz netvizz-posts 4,812 records".
	Progress io.Writer
	// OnProgress, when set, is called with the load's Counts after
	// every file done and every MiB read: a progress bar's hook
	// (analysis/progress). Its last call has the load's totals.
	OnProgress func(Counts)
	// Pseudonymizer, when set, is used instead of one made from Key: a
	// privacy check passes its own to list the identities met
	// (Pseudonymizer.Identities) and look for them in outputs.
	Pseudonymizer *pseudo.Pseudonymizer
	// Limits bound what reading one file may spend (zero fields: the
	// defaults of rawio.Limits).
	Limits rawio.Limits
	// Now is the load instant, after which (plus a day) no message can
	// have been written; zero means the time the load starts.
	Now time.Time
	// KeepGoing, in Files, goes on after a PATH or file that cannot be
	// read (it cannot be opened, its format is not recognised, its reader
	// fails on it) instead of returning its *FileError: the error is in
	// that file's FileReport.Err, and the records read from it before the
	// error stay loaded and counted. A strict rejection and an
	// *InternalError still end the load.
	KeepGoing bool
	// Stdin is what the PATH "-" of Files reads; nil means os.Stdin.
	Stdin io.Reader
	// Workers is how many files are decoded, how many batches of
	// messages are converted ahead (ids, checks, pseudonyms looked up:
	// see pipeline), and how many texts are scrubbed, at once; 0 means
	// runtime.GOMAXPROCS(0), 1 does all the work in the calling
	// goroutine. The corpus and the report do not depend on it: records
	// reach the corpus, and the report, in the order a single worker
	// would read them.
	Workers int
}

// FileError is a file that could not be read at all: it cannot be opened,
// its format is not recognised, or its format failed on it as a whole.
type FileError struct {
	Path string // as the report names it
	Err  error
}

func (e *FileError) Error() string {
	var pe *rawio.ParseError
	if errors.As(e.Err, &pe) && pe.File == e.Path {
		return "load: " + e.Err.Error()
	}
	return fmt.Sprintf("load: %s: %v", e.Path, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// InternalError is a reader that crashed on a file: a bug of the
// compendium, not of the file. The load stops with it (inside a
// *FileError naming the file) rather than with the crash.
type InternalError struct {
	Format string
	Value  any    // what the reader panicked with
	Stack  string // where
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error in the %s reader (a bug: please report it with this message): %v", e.Format, e.Value)
}

// Study loads the study described by the study file at path (see the
// package documentation). On error it returns the report of what was
// read until then, and no corpus.
func Study(path string, opt Options) (*corpus.Corpus, *Report, error) {
	spec, err := ReadStudy(path)
	if err != nil {
		return nil, nil, err
	}
	return LoadSpec(spec, opt)
}

// LoadSpec loads a parsed study file; paths are relative to spec.Dir.
func LoadSpec(spec *Spec, opt Options) (*corpus.Corpus, *Report, error) {
	l, err := newLoader(opt)
	if err != nil {
		return nil, nil, err
	}
	l.study = true
	l.c.Study, l.c.Synthetic, l.c.ObservationDate = spec.Name, spec.Synthetic, spec.Observed
	l.rep.Study = spec.Name
	for _, cs := range spec.Communities {
		created, _ := ParseCreated(cs.Created)
		platform, _ := corpus.ParsePlatform(cs.Platform) // checked by ReadSpec
		st := l.community(corpus.Community{
			ID: cs.ID, Name: cs.Name, Platform: platform,
			Profession: corpus.Profession(cs.Profession), Visibility: corpus.Visibility(cs.Visibility),
			Created: created,
		})
		for _, a := range cs.Admins {
			st.roles[l.staff(st, a)] = corpus.Admin
		}
		for _, m := range cs.Moderators {
			if p := l.staff(st, m); st.roles[p] == corpus.Unknown {
				st.roles[p] = corpus.Moderator
			}
		}
	}
	// Resolve every glob first, so that a bad source fails before any
	// reading.
	type source struct {
		at    string // the source's field in the study file
		files int    // files matched
		read  int    // files read, zip members included
	}
	var (
		jobs    []job
		sources []*source
		owner   = map[string]string{}
	)
	addSource := func(src SourceSpec, at string, comm *commState) error {
		limits, err := src.limits()
		if err != nil {
			return fmt.Errorf("load: %s.limits: %v", at, err)
		}
		input := len(sources)
		sources = append(sources, &source{at: at})
		seen := map[string]bool{}
		for k, pat := range src.Files {
			files, err := glob(spec.Dir, pat)
			if err != nil {
				return fmt.Errorf("load: %s.files[%d]: %v", at, k, err)
			}
			if len(files) == 0 {
				return fmt.Errorf("load: %s.files[%d]: %q matches no file in %s", at, k, pat, spec.Dir)
			}
			for _, f := range files {
				if seen[f.path] {
					continue
				}
				seen[f.path] = true
				if prev, dup := owner[f.path]; dup {
					return fmt.Errorf("load: %s: file read by both %s and %s", relPath(spec.Dir, f.path), prev, at)
				}
				owner[f.path] = at
				sources[input].files++
				jobs = append(jobs, job{abs: f.path, rel: relPath(spec.Dir, f.path), explicit: f.explicit, skip: f.skip,
					format: src.Format, options: src.Options, limits: mergeLimits(opt.Limits, limits), comm: comm, input: input})
			}
		}
		return nil
	}
	for i, cs := range spec.Communities {
		for j, src := range cs.Sources {
			if err := addSource(src, fmt.Sprintf("communities[%d].sources[%d]", i, j), l.comms[cs.ID]); err != nil {
				return nil, nil, err
			}
		}
	}
	for j, src := range spec.Observations {
		if err := addSource(src, fmt.Sprintf("observations[%d]", j), nil); err != nil {
			return nil, nil, err
		}
	}
	planned := make([]string, len(jobs))
	for k, j := range jobs {
		if j.skip == "" {
			planned[k] = j.abs
		}
	}
	l.m.plan(planned)
	// A source must read at least one file: one whose every file is
	// skipped is an error, once its last file has been met.
	p := newPipeline(l, jobs)
	defer p.stop()
	for k, j := range jobs {
		n, err := p.file(k)
		if err != nil {
			return nil, l.rep, err
		}
		src := sources[j.input]
		src.read += n
		if (k == len(jobs)-1 || jobs[k+1].input != j.input) && src.read == 0 {
			return nil, l.rep, fmt.Errorf("load: %s: none of its %s read: %s", src.at, plural(src.files, "file"), l.skippedOf(j.input))
		}
	}
	return l.finish(), l.rep, nil
}

// Files loads loose files: each path is a file, a folder (every file
// under it, read recursively), a zip archive (its members), or "-" for
// standard input (Options.Stdin). In a folder or a zip archive, a file
// that is no export (format not recognised, empty, not a regular file) is
// skipped and listed in Report.Skipped; a path that names a file of a
// format not recognised is an error, and so is a folder or zip archive of
// which no file could be read. Each message goes to the community its
// export names, else to the community "ungrouped-" + its platform
// (NeutralCommunity), never to one named after a file; the profession of
// these communities is unknown. Paths in the report and the corpus are as
// given.
func Files(paths []string, opt Options) (*corpus.Corpus, *Report, error) {
	// List every path first, so that a missing one fails before any
	// reading.
	lists := make([][]entry, len(paths))
	listErr := make([]error, len(paths))
	stdin := false
	for i, p := range paths {
		lists[i], listErr[i] = listPath(p)
		if p == "-" {
			if stdin {
				listErr[i] = &FileError{Path: p, Err: errors.New("standard input named twice")}
			}
			stdin = true
		}
		if listErr[i] != nil && !opt.KeepGoing {
			return nil, nil, listErr[i]
		}
	}
	l, err := newLoader(opt)
	if err != nil {
		return nil, nil, err
	}
	var jobs []job
	for i, p := range paths {
		if listErr[i] != nil {
			continue // as below: no file of it is read
		}
		for _, e := range lists[i] {
			jobs = append(jobs, job{abs: e.path, rel: e.path, explicit: e.explicit, skip: e.skip, stdin: p == "-",
				limits: opt.Limits, input: i})
		}
	}
	pl := newPipeline(l, jobs)
	defer pl.stop()
	k := 0
	for i, p := range paths {
		for _, e := range lists[i] {
			if e.skip != "" || p == "-" {
				l.m.plan([]string{""})
			} else {
				l.m.plan([]string{e.path})
			}
		}
	}
	for i, p := range paths {
		if listErr[i] != nil {
			l.failed(job{rel: p, input: i}, listErr[i])
			continue
		}
		read, failed := 0, false
		for range lists[i] {
			n, err := pl.file(k)
			k++
			read += n
			if err != nil {
				if !opt.KeepGoing || !goOn(err) {
					return nil, l.rep, err
				}
				failed = true
			}
		}
		if read == 0 && !failed {
			// A folder all of whose files were skipped (a zip archive
			// with no export is an error of its own).
			err := &FileError{Path: p, Err: fmt.Errorf("no export in folder: %s", l.skippedOf(i))}
			if !opt.KeepGoing {
				return nil, l.rep, err
			}
			l.failed(job{rel: p, input: i}, err)
		}
	}
	return l.finish(), l.rep, nil
}

// goOn reports whether a load with KeepGoing goes on after err: a
// *FileError that is not an *InternalError.
func goOn(err error) bool {
	var fe *FileError
	var ie *InternalError
	return errors.As(err, &fe) && !errors.As(err, &ie)
}

// NeutralCommunity is the community of a message of platform read by
// Files whose export names no group: "ungrouped-facebook" or
// "ungrouped-twitter" (every such message of one platform, from every
// path, in one community, so that duplicates and threads are found
// across files). A community id is never made from a file's name, which
// often is an account's handle (a timeline export "@name.jsonl").
func NeutralCommunity(platform corpus.Platform) string {
	if platform == 0 {
		return "ungrouped"
	}
	return "ungrouped-" + platform.String()
}

// skippedOf lists the files of input i skipped so far, for an error
// saying that none was read.
func (l *loader) skippedOf(i int) string {
	var parts []string
	for _, s := range l.rep.Skipped {
		if s.Input == i {
			parts = append(parts, s.Path+" ("+s.Reason+")")
		}
	}
	if len(parts) > 3 {
		parts = append(parts[:3], fmt.Sprintf("and %d more", len(parts)-3))
	}
	return "skipped " + strings.Join(parts, ", ")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return thousands(n) + " " + what + "s"
}

func relPath(dir, p string) string {
	if r, err := filepath.Rel(dir, p); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(p)
}

// loader holds the state of one load.
type loader struct {
	opt    Options
	ps     *pseudo.Pseudonymizer
	study  bool // communities are declared; messages go to their source's
	c      *corpus.Corpus
	rep    *Report
	comms  map[string]*commState
	order  []*commState
	forced *rawio.Format
	now    time.Time
	m      *meter // nil without Options.OnProgress
	// interned holds one copy of the short strings many messages repeat
	// (hashtags, language tags), so that a message does not hold its own.
	interned interner
	// strs holds the ids the messages keep of the raw records; the
	// corpus keeps them as they are.
	strs arena
	// texts holds the texts and links, which finish scrubs and copies
	// into an arena of its own, community by community, in steps that
	// let the collector take back what is copied (see scrubTexts).
	texts arena
	// refs holds the ids of parents and threads as the exports give
	// them, which finish replaces by the strings of the messages they
	// name (or one copy per id in strs): the corpus keeps none of them,
	// so that they are not kept beside their messages' ids.
	refs arena
	// files numbers the files of Source.File in the stores.
	files fileTable
}

// maxInterned bounds the strings interned: past it, new ones are copied
// each time (a corpus of unique hashtags would grow the table for
// nothing).
const maxInterned = 1 << 16

// intern returns the loader's copy of s, made on first meeting it.
func (l *loader) intern(s string) string { return l.interned.intern(s) }

// interner holds one copy of short strings: intern returns it, made on
// first meeting s (a copy, never a window on the raw record); past
// maxInterned strings, new ones are copied each time. The zero value is
// ready to use.
type interner map[string]string

func (t *interner) intern(s string) string {
	if s == "" || len(s) > 64 {
		return s
	}
	if v, ok := (*t)[s]; ok {
		return v
	}
	if *t == nil {
		*t = interner{}
	}
	s = strings.Clone(s)
	if len(*t) < maxInterned {
		(*t)[s] = s
	}
	return s
}

// commState is a community being loaded.
type commState struct {
	c     corpus.Community
	msgs  store
	index *idIndex        // message id → index in msgs
	names map[string]bool // Facebook display names to scrub
	roles map[string]corpus.Role
}

func newLoader(opt Options) (*loader, error) {
	l := &loader{opt: opt, c: &corpus.Corpus{}, rep: &Report{}, comms: map[string]*commState{}, now: opt.Now}
	l.m = newMeter(opt.OnProgress, l.rep)
	if l.now.IsZero() {
		l.now = time.Now()
	}
	key := opt.Key
	if key == nil {
		k, src, err := pseudo.LoadKey()
		if err != nil {
			return nil, err
		}
		key, l.rep.KeySource = k, src
	} else {
		l.rep.KeySource = "given by the caller"
	}
	l.ps = pseudo.New(key)
	if opt.Pseudonymizer != nil {
		l.ps = opt.Pseudonymizer
	}
	if opt.Format != "" {
		f, ok := rawio.Lookup(opt.Format)
		if !ok {
			return nil, fmt.Errorf("load: unknown format %q (known: %s)", opt.Format, formatNames())
		}
		l.forced = &f
	}
	return l, nil
}

// community returns the state of community c.ID, declaring it if new.
func (l *loader) community(c corpus.Community) *commState {
	if st, ok := l.comms[c.ID]; ok {
		return st
	}
	st := &commState{c: c, index: newIDIndex(), names: map[string]bool{}, roles: map[string]corpus.Role{}}
	l.comms[c.ID] = st
	l.order = append(l.order, st)
	return st
}

var handleLike = regexp.MustCompile(`^@?[A-Za-z0-9_]{1,15}$`)

// staff returns the pseudonym of an admin or moderator of st, and keeps
// Facebook names for scrubbing.
//
// An entry "id:XYZ" names the account by the export's id instead, for
// exports that hide names (Netvizz hashes every account).
func (l *loader) staff(st *commState, who string) string {
	who = strings.TrimSpace(who)
	if id, ok := strings.CutPrefix(who, "id:"); ok {
		return l.ps.Person(st.c.Platform, rawio.Person{ID: strings.TrimSpace(id)})
	}
	if st.c.Platform == corpus.Twitter && handleLike.MatchString(who) {
		return l.ps.Person(corpus.Twitter, rawio.Person{Handle: strings.TrimPrefix(who, "@")})
	}
	st.names[who] = true
	return l.ps.Person(st.c.Platform, rawio.Person{Name: who})
}

// hashingReader hashes what it reads and fails once the load is aborted:
// by a strict rejection in its file (aborted), or by the end of the load
// while the file was still being decoded ahead of it (cancel, nil when
// reading in one goroutine).
type hashingReader struct {
	r       io.Reader
	h       hash.Hash
	aborted *atomic.Bool
	cancel  *atomic.Bool
	m       *meter
	n       int64 // bytes read
}

var errAborted = errors.New("load aborted")

func (h *hashingReader) Read(p []byte) (int, error) {
	if h.aborted.Load() || h.cancel != nil && h.cancel.Load() {
		return 0, errAborted
	}
	n, err := h.r.Read(p)
	h.h.Write(p[:n])
	h.m.read(n)
	h.n += int64(n)
	return n, err
}

// job is one file to read.
type job struct {
	abs, rel string // where to open it; the name reports give
	stdin    bool   // read Options.Stdin instead of opening abs
	explicit bool   // named by itself (see entry)
	member   bool   // a member of a zip archive
	skip     string // why it is not to be read, when not empty
	format   string // the source's format; "" or "auto" to detect
	options  map[string]string
	limits   rawio.Limits
	comm     *commState // the source's community; nil in Files and observations
	input    int        // see FileReport.Input
	// sibling opens a file beside this one (rawio.File.Sibling); nil for
	// standard input and pipes.
	sibling func(name string) (*rawio.File, error)
}

// failed records a file that could not be read before its format was
// known, in a FileReport of its own, and returns err.
func (l *loader) failed(j job, err error) error {
	l.rep.Files = append(l.rep.Files, &FileReport{Path: j.rel, Input: j.input, Reasons: map[string]int{}, Err: err})
	return err
}

// skipped records a file not read, as no export.
func (l *loader) skipped(j job, reason string) {
	l.rep.Skipped = append(l.rep.Skipped, Skipped{Path: j.rel, Input: j.input, Reason: reason})
	if l.opt.Progress != nil {
		fmt.Fprintf(l.opt.Progress, "load: %s skipped: %s\n", j.rel, reason)
	}
}

// fileError is a *FileError for job j, recorded in its FileReport.
func (l *loader) fileError(j job, err error) error {
	return l.failed(j, &FileError{Path: j.rel, Err: err})
}

// file opens and reads one file, or skips it. It returns how many files
// it read: 1, 0 when skipped, or the members read of a zip archive.
func (l *loader) file(j job) (int, error) {
	defer l.m.done(j.rel)
	if j.skip != "" {
		l.skipped(j, j.skip)
		return 0, nil
	}
	if j.stdin {
		r := l.opt.Stdin
		if r == nil {
			r = os.Stdin
		}
		return l.read(j, r, nil)
	}
	osf, err := os.Open(j.abs)
	if err != nil {
		return 0, l.fileError(j, unwrapPathError(err))
	}
	defer osf.Close()
	if isRegular(osf) {
		j.sibling = rawio.SiblingOpener(j.abs, j.limits)
	}
	return l.read(j, osf, osf)
}

// read reads file j from r, opened once and read once from its start (it
// may be a pipe). osf is the file r reads when it is one, for zip
// archives, which cannot be read but from a file.
func (l *loader) read(j job, r io.Reader, osf *os.File) (int, error) {
	o := l.prepare(j, r, osf, nil)
	if o.f != nil {
		defer o.f.Close()
	}
	return l.apply(j, o, osf, func(s *sink) error { return readSafely(o.ff, o.f, s) })
}

// outcome is what prepare found of a file before reading its records.
type outcome struct {
	skip    string       // not read, as no export: why
	err     error        // not read: the file's error
	zip     bool         // a zip archive, to read member by member
	ff      rawio.Format // else the format to read it with
	f       *rawio.File
	hr      *hashingReader
	aborted *atomic.Bool // set by a strict rejection in the file
}

// prepare opens file j from r and chooses its format, changing nothing
// of the load: it may run in a worker (see pipeline). cancel, when not
// nil, makes reading fail once set.
func (l *loader) prepare(j job, r io.Reader, osf *os.File, cancel *atomic.Bool) outcome {
	aborted := new(atomic.Bool)
	hr := &hashingReader{r: r, h: sha256.New(), aborted: aborted, cancel: cancel, m: l.m}
	f, err := rawio.NewFileWith(j.rel, hr, j.limits)
	if err != nil {
		return outcome{err: trimName(err, j.rel)}
	}
	o := outcome{f: f, hr: hr, aborted: aborted}
	f.Options = j.options
	f.Sibling = j.sibling
	f.Workers = l.workers()
	if isZip(f.Head) {
		switch {
		case j.member:
			o.skip = "zip archive inside a zip archive (extract it first)"
		case f.Gzip:
			o.err = errors.New("zip archive inside a gzip file: decompress it first")
		case osf == nil || !isRegular(osf):
			o.err = errors.New("zip archive read from a pipe or standard input: save it to a file first")
		default:
			o.zip = true
		}
		return o
	}
	if !j.explicit && isBlank(f.Head) {
		o.skip = "empty file"
		return o
	}
	switch {
	case l.forced != nil:
		o.ff = *l.forced
	case j.format != "" && j.format != "auto":
		o.ff, _ = rawio.Lookup(j.format) // checked with the study file
	default:
		if o.ff, err = detectSafely(f.Head); err != nil {
			var ie *InternalError
			if !j.explicit && !errors.As(err, &ie) {
				o.skip = err.Error()
			} else {
				o.err = err
			}
			return o
		}
	}
	if j.comm != nil && o.ff.Platform != 0 && o.ff.Platform != j.comm.c.Platform {
		o.err = fmt.Errorf("format %s is for %s, but community %s is on %s", o.ff.Name, o.ff.Platform, j.comm.c.ID, j.comm.c.Platform)
	}
	return o
}

// apply records in the load what prepare found of file j, and reads its
// records into the load with readInto, which hands them to s (reading
// the file, or replaying what a worker read of it).
func (l *loader) apply(j job, o outcome, osf *os.File, readInto func(s *sink) error) (int, error) {
	switch {
	case o.skip != "":
		l.skipped(j, o.skip)
		return 0, nil
	case o.err != nil:
		return 0, l.fileError(j, o.err)
	case o.zip:
		// The archive's bytes are counted as its members'.
		l.m.unread(o.hr.n)
		return l.zip(j, osf)
	}
	fr := &FileReport{Path: j.rel, Input: j.input, Format: o.ff.Name, Reasons: map[string]int{}}
	l.rep.Files = append(l.rep.Files, fr)
	l.m.reading(fr)
	s := &sink{l: l, fr: fr, format: o.ff, comm: j.comm, aborted: o.aborted}
	rerr := readInto(s)
	if s.strictErr != nil {
		l.rep.add(fr)
		return 1, s.strictErr
	}
	if rerr == nil {
		// Hash the rest of the file, which the format may not have read
		// (a worker has done it already: nothing is left).
		if _, err := io.Copy(io.Discard, o.hr); err != nil {
			rerr = unwrapPathError(err)
		}
	}
	if rerr != nil {
		l.rep.add(fr)
		fr.Err = &FileError{Path: j.rel, Err: rerr}
		return 1, fr.Err
	}
	fr.SHA256 = hex.EncodeToString(o.hr.h.Sum(nil))
	l.rep.add(fr)
	l.c.Inputs = append(l.c.Inputs, corpus.Input{Path: j.rel, SHA256: fr.SHA256, Format: o.ff.Name})
	if l.opt.Progress != nil {
		fmt.Fprintf(l.opt.Progress, "load: %s %s %s records\n", j.rel, o.ff.Name, thousands(fr.Records))
	}
	return 1, nil
}

// isBlank reports whether a file's head is all of it and holds nothing
// but white space.
func isBlank(head []byte) bool {
	return len(head) < rawio.HeadSize && len(bytes.TrimSpace(head)) == 0
}

func isRegular(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode().IsRegular()
}

// trimName drops the file name rawio's errors start with, keeping the
// error's chain (a *rawio.LimitError stays one).
func trimName(err error, name string) error {
	msg := err.Error()
	if t, ok := strings.CutPrefix(msg, name+": "); ok {
		return &trimmed{msg: t, err: err}
	}
	return err
}

type trimmed struct {
	msg string
	err error
}

func (t *trimmed) Error() string { return t.msg }
func (t *trimmed) Unwrap() error { return t.err }

// detectSafely detects a file's format, turning a sniffer's panic into an
// *InternalError.
func detectSafely(head []byte) (ff rawio.Format, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &InternalError{Format: "(format detection)", Value: v, Stack: string(debug.Stack())}
		}
	}()
	return rawio.Detect(head)
}

// readSafely runs a format's reader, turning a panic into an
// *InternalError.
func readSafely(ff rawio.Format, f *rawio.File, s rawio.Sink) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &InternalError{Format: ff.Name, Value: v, Stack: string(debug.Stack())}
		}
	}()
	return ff.Read(f, s)
}
