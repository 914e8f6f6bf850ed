// Package loadtest holds what the tests of the readers under
// analysis/load share, so that each reader's tests keep only what is its
// own: sinks that record what a reader gives (Recorder, and
// ServiceRecorder for the readers of service records); reading a file or
// bytes with a registered format (Read, ReadBytes, ReadFile,
// ReadTestdata, ReadDetected, ReadPath); the seeds and common checks of
// their fuzz tests (SmallLimits, SeedDirs, SeedTree, FuzzRead,
// LineRecords, Decoded); the detection of their fixtures among every
// registered format (DetectAmongAll, SniffNone); and the memory a read
// allocates (Allocated). It is imported by _test.go files only.
package loadtest

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Recorder is a rawio.Sink that keeps what a reader gives it, in order.
// It is not a rawio.ServiceSink: a reader's service records reach it as
// rejections (see rawio.EmitService).
type Recorder struct {
	Msgs    []*rawio.RawMessage
	Rejects []*rawio.ParseError
	Other   int // Panel and Profile calls
}

func (r *Recorder) Message(m *rawio.RawMessage)    { r.Msgs = append(r.Msgs, m) }
func (r *Recorder) Panel(*corpus.PanelObservation) { r.Other++ }
func (r *Recorder) Profile(*rawio.RawProfile)      { r.Other++ }
func (r *Recorder) Reject(e *rawio.ParseError)     { r.Rejects = append(r.Rejects, e) }

// Calls is the number of calls the sink received.
func (r *Recorder) Calls() int { return len(r.Msgs) + len(r.Rejects) + r.Other }

// ByID returns the message of id, failing t when there is none.
func (r *Recorder) ByID(t testing.TB, id string) *rawio.RawMessage {
	t.Helper()
	for _, m := range r.Msgs {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("no message %s among %d", id, len(r.Msgs))
	return nil
}

// Index returns the messages by id (the last one of an id).
func (r *Recorder) Index() map[string]*rawio.RawMessage {
	out := map[string]*rawio.RawMessage{}
	for _, m := range r.Msgs {
		out[m.ID] = m
	}
	return out
}

// ServiceRecorder is a Recorder that also takes service records (a
// rawio.ServiceSink).
type ServiceRecorder struct {
	Recorder
	Services []*rawio.RawService
}

func (r *ServiceRecorder) Service(s *rawio.RawService) { r.Services = append(r.Services, s) }

// Calls is the number of calls the sink received, service records
// included.
func (r *ServiceRecorder) Calls() int { return r.Recorder.Calls() + len(r.Services) }

// Kinds counts the service records by kind.
func (r *ServiceRecorder) Kinds() map[string]int {
	out := map[string]int{}
	for _, s := range r.Services {
		out[s.Kind]++
	}
	return out
}

// Read reads f with the registered format into sink and returns the
// reader's error; it fails t when format is not registered.
func Read(t testing.TB, f *rawio.File, format string, sink rawio.Sink) error {
	t.Helper()
	fm, ok := rawio.Lookup(format)
	if !ok {
		t.Fatalf("format %s not registered", format)
	}
	return fm.Read(f, sink)
}

// ReadBytes reads raw, named name, with format within lim into sink and
// returns the reader's error.
func ReadBytes(t testing.TB, format, name string, raw []byte, lim rawio.Limits, sink rawio.Sink) error {
	t.Helper()
	f, err := rawio.NewFileWith(name, bytes.NewReader(raw), lim)
	if err != nil {
		t.Fatal(err)
	}
	return Read(t, f, format, sink)
}

// ReadFile reads the file at path, opened as load opens it, with format
// into sink, failing t when it cannot be opened or read.
func ReadFile(t testing.TB, format, path string, sink rawio.Sink) {
	t.Helper()
	f, err := rawio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := Read(t, f, format, sink); err != nil {
		t.Fatalf("%s: Read: %v", f.Name, err)
	}
}

// ReadTestdata reads testdata/name, named name, with format into a new
// ServiceRecorder, failing t when it cannot be read.
func ReadTestdata(t testing.TB, format, name string) *ServiceRecorder {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	rec := &ServiceRecorder{}
	if err := ReadBytes(t, format, name, raw, rawio.Limits{}, rec); err != nil {
		t.Fatal(err)
	}
	return rec
}

// ReadDetected reads raw, named name, within lim into sink, after
// checking that detection among the registered formats picks format; it
// fails t otherwise, or when Read fails.
func ReadDetected(t testing.TB, format, name string, raw []byte, lim rawio.Limits, sink rawio.Sink) {
	t.Helper()
	f, err := rawio.NewFileWith(name, bytes.NewReader(raw), lim)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if fm, err := rawio.Detect(f.Head); err != nil || fm.Name != format {
		t.Fatalf("detected %q, %v; want %s", fm.Name, err, format)
	}
	if err := Read(t, f, format, sink); err != nil {
		t.Fatal(err)
	}
}

// ReadPath opens the file at path as load opens it (so that a reader can
// open it again for a second pass), gives it opts and reads it with read
// (a format's Read) into sink, failing t when it cannot be opened or
// read.
func ReadPath(t testing.TB, path string, opts map[string]string, read func(*rawio.File, rawio.Sink) error, sink rawio.Sink) {
	t.Helper()
	f, err := rawio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.Options = opts
	if err := read(f, sink); err != nil {
		t.Fatalf("Read: %v", err)
	}
}

// SmallLimits is the seed limit code of small limits (see
// rawiotest.FuzzLimits): lines of 512 bytes, fields of 64, records of 4
// lines, depth 8.
const SmallLimits = uint32(496) | uint32(60)<<9 | uint32(3)<<17 | uint32(7)<<20

// SeedDirs adds every file of dirs (not their subfolders; a missing
// folder adds nothing) to the seed corpus of f, each with the default
// limits (code 0) and with SmallLimits.
func SeedDirs(f *testing.F, dirs ...string) {
	for _, dir := range dirs {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && !e.IsDir() {
				f.Add(b, uint32(0))
				f.Add(b, SmallLimits)
			}
		}
	}
}

// SeedTree adds every file of at most max bytes under roots (a missing
// root adds nothing; fuzz corpora, folders named fuzz, are skipped) to
// the seed corpus of f, each with the default limits (code 0) and with
// SmallLimits.
func SeedTree(f *testing.F, max int64, roots ...string) {
	for _, root := range roots {
		filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			switch {
			case err != nil:
				return nil
			case d.IsDir() && d.Name() == "fuzz":
				return filepath.SkipDir
			case d.IsDir():
				return nil
			}
			if info, err := d.Info(); err != nil || info.Size() > max {
				return nil
			}
			if b, err := os.ReadFile(path); err == nil && int64(len(b)) <= max {
				f.Add(b, uint32(0))
				f.Add(b, SmallLimits)
			}
			return nil
		})
	}
}

// SharedFixtures is the folder of the real public exports
// (/work/shared/fixtures), seen from a reader's package folder
// (analysis/load/NAME).
var SharedFixtures = filepath.Join("..", "..", "..", "..", "shared", "fixtures")

// LineRecords counts the records of a file of JSON lines b read within
// lim: its non-blank lines, and its lines past the line limit, blank or
// not. lim is taken as it is (without defaults), so that a zero
// LineBytes counts every line that is not empty.
func LineRecords(b []byte, lim rawio.Limits) int {
	n := 0
	for _, l := range bytes.Split(b, []byte{'\n'}) {
		if len(bytes.TrimSpace(l)) > 0 || len(bytes.TrimSuffix(l, []byte{'\r'})) > lim.LineBytes {
			n++
		}
	}
	return n
}

// Decoded is the content a File decodes raw to (ungzipped, without a
// byte order mark), or nil when raw cannot be opened.
func Decoded(raw []byte) []byte {
	f, err := rawio.NewFile("x", bytes.NewReader(raw))
	if err != nil {
		return nil
	}
	b, _ := io.ReadAll(f.R)
	return b
}

// Allocated returns the bytes allocated while fn runs (as the limits
// tests bound a reader's memory whatever its input).
func Allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
