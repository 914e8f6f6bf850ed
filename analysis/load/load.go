package load

import (
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
		st := l.community(corpus.Community{
			ID: cs.ID, Name: cs.Name, Platform: corpus.Platform(cs.Platform),
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
	type job struct {
		abs, rel string
		src      SourceSpec
		comm     *commState
	}
	var jobs []job
	owner := map[string]string{}
	addSource := func(src SourceSpec, at string, comm *commState) error {
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
				if seen[f] {
					continue
				}
				seen[f] = true
				if prev, dup := owner[f]; dup {
					return fmt.Errorf("load: %s: file read by both %s and %s", relPath(spec.Dir, f), prev, at)
				}
				owner[f] = at
				jobs = append(jobs, job{abs: f, rel: relPath(spec.Dir, f), src: src, comm: comm})
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
	for _, j := range jobs {
		if err := l.file(j.abs, j.rel, j.src.Format, j.src.Options, j.comm); err != nil {
			return nil, l.rep, err
		}
	}
	return l.finish(), l.rep, nil
}

// Files loads loose files (a folder stands for every file under it, read
// recursively). Each message goes to the community its export names, else
// to a community named after its file's base name; the profession of
// these communities is unknown. Paths in the report and the corpus are as
// given.
func Files(paths []string, opt Options) (*corpus.Corpus, *Report, error) {
	groups, err := expandPaths(paths)
	if err != nil {
		return nil, nil, err
	}
	l, err := newLoader(opt)
	if err != nil {
		return nil, nil, err
	}
	for _, files := range groups {
		for _, f := range files {
			if err := l.file(f, f, "", nil, nil); err != nil {
				return nil, l.rep, err
			}
		}
	}
	return l.finish(), l.rep, nil
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
}

// commState is a community being loaded.
type commState struct {
	c     corpus.Community
	msgs  chunks
	index map[string]int // message id → index in msgs
	// exportThread is each message's thread id as its export gave it.
	exportThread []string
	names        map[string]bool // Facebook display names to scrub
	roles        map[string]corpus.Role
}

// chunkSize is the number of messages in a chunk of a community's store.
const chunkSize = 4096

// chunks stores a community's messages while loading, in fixed-size
// chunks: appending never copies the messages already read (they are
// large structs holding pointers, and copying them while the collector
// runs was most of the loading time of a million messages); finish
// copies them once into the corpus.
type chunks struct {
	c [][]corpus.Message
	n int
}

func (cs *chunks) len() int { return cs.n }

func (cs *chunks) at(i int) *corpus.Message { return &cs.c[i/chunkSize][i%chunkSize] }

func (cs *chunks) push(m corpus.Message) {
	if cs.n == len(cs.c)*chunkSize {
		cs.c = append(cs.c, make([]corpus.Message, 0, chunkSize))
	}
	last := len(cs.c) - 1
	cs.c[last] = append(cs.c[last], m)
	cs.n++
}

// moveTo copies the messages into dst (of length cs.len()) and empties cs.
func (cs *chunks) moveTo(dst []corpus.Message) {
	off := 0
	for _, c := range cs.c {
		off += copy(dst[off:], c)
	}
	cs.c, cs.n = nil, 0
}

func newLoader(opt Options) (*loader, error) {
	l := &loader{opt: opt, c: &corpus.Corpus{}, rep: &Report{}, comms: map[string]*commState{}, now: opt.Now}
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
	st := &commState{c: c, index: map[string]int{}, names: map[string]bool{}, roles: map[string]corpus.Role{}}
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

// hashingReader hashes what it reads and fails once the load is aborted.
type hashingReader struct {
	r       io.Reader
	h       hash.Hash
	aborted *bool
}

var errAborted = errors.New("load aborted")

func (h *hashingReader) Read(p []byte) (int, error) {
	if *h.aborted {
		return 0, errAborted
	}
	n, err := h.r.Read(p)
	h.h.Write(p[:n])
	return n, err
}

// file reads one raw file. comm is the community of its source (nil in
// Files, and for observation sources).
func (l *loader) file(abs, rel, format string, options map[string]string, comm *commState) error {
	osf, err := os.Open(abs)
	if err != nil {
		return &FileError{Path: rel, Err: unwrapPathError(err)}
	}
	defer osf.Close()
	var aborted bool
	hr := &hashingReader{r: osf, h: sha256.New(), aborted: &aborted}
	f, err := rawio.NewFileWith(rel, hr, l.opt.Limits)
	if err != nil {
		return &FileError{Path: rel, Err: errors.New(strings.TrimPrefix(err.Error(), rel+": "))}
	}
	defer f.Close()
	f.Options = options

	var ff rawio.Format
	switch {
	case l.forced != nil:
		ff = *l.forced
	case format != "" && format != "auto":
		ff, _ = rawio.Lookup(format) // checked with the study file
	default:
		if ff, err = rawio.Detect(f.Head); err != nil {
			return &FileError{Path: rel, Err: err}
		}
	}
	if comm != nil && ff.Platform != "" && ff.Platform != comm.c.Platform {
		return &FileError{Path: rel, Err: fmt.Errorf("format %s is for %s, but community %s is on %s", ff.Name, ff.Platform, comm.c.ID, comm.c.Platform)}
	}
	fr := &FileReport{Path: rel, Format: ff.Name, Reasons: map[string]int{}}
	l.rep.Files = append(l.rep.Files, fr)
	s := &sink{l: l, fr: fr, format: ff, comm: comm, base: baseName(rel), aborted: &aborted}
	rerr := readSafely(ff, f, s)
	if s.strictErr != nil {
		l.rep.add(fr)
		return s.strictErr
	}
	if rerr != nil {
		l.rep.add(fr)
		return &FileError{Path: rel, Err: rerr}
	}
	// Hash the rest of the file, which the format may not have read.
	if _, err := io.Copy(io.Discard, hr); err != nil {
		return &FileError{Path: rel, Err: unwrapPathError(err)}
	}
	fr.SHA256 = hex.EncodeToString(hr.h.Sum(nil))
	l.rep.add(fr)
	l.c.Inputs = append(l.c.Inputs, corpus.Input{Path: rel, SHA256: fr.SHA256, Format: ff.Name})
	if l.opt.Progress != nil {
		fmt.Fprintf(l.opt.Progress, "load: %s %s %s records\n", rel, ff.Name, thousands(fr.Records))
	}
	return nil
}

// readSafely runs a format's reader, turning a panic into an
// *InternalError.
func readSafely(ff rawio.Format, f *rawio.File, s *sink) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &InternalError{Format: ff.Name, Value: v, Stack: string(debug.Stack())}
		}
	}()
	return ff.Read(f, s)
}

// baseName is a file's name without folders and extensions.
func baseName(p string) string {
	b := filepath.Base(filepath.FromSlash(p))
	if i := strings.IndexByte(b, '.'); i > 0 {
		b = b[:i]
	}
	return b
}
