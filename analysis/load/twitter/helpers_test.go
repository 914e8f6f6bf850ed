package twitter

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// recorder is the sink of these tests: it keeps what a reader gives it,
// in order (a rawio.Sink, not a ServiceSink).
type recorder = loadtest.Recorder

// readFormat reads the file at path with the named format, after checking
// that sniffing picks that format.
func readFormat(t *testing.T, path, format string) *recorder {
	t.Helper()
	rec := &recorder{}
	loadtest.ReadFile(t, format, path, rec)
	return rec
}

// readBytes reads raw bytes named name with the named format.
func readBytes(t testing.TB, name string, raw []byte, format string) *recorder {
	t.Helper()
	f, err := rawio.NewFile(name, bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	return readOpened(t, f, format)
}

func readOpened(t testing.TB, f *rawio.File, format string) *recorder {
	t.Helper()
	rec := &recorder{}
	if err := loadtest.Read(t, f, format, rec); err != nil {
		t.Fatalf("%s: Read: %v", f.Name, err)
	}
	return rec
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// want is the expected value of a message; zero fields are checked too.
type want struct {
	ID, Kind, Parent, Ref, Thread string
	Author                        rawio.Person
	Created                       string // RFC 3339, UTC
	Text                          string // prefix of the text
	Reactions, Shares             int
	Hashtags                      []string
	Mentions                      []rawio.Person
	Links                         []string
	ReplyTo                       rawio.Person
	Line                          int
}

func check(t *testing.T, m *rawio.RawMessage, w want) {
	t.Helper()
	created, err := time.Parse(time.RFC3339, w.Created)
	if err != nil {
		t.Fatalf("bad expected time %q", w.Created)
	}
	var diffs []string
	d := func(field string, got, want any) {
		if fmt.Sprint(got) != fmt.Sprint(want) {
			diffs = append(diffs, fmt.Sprintf("%s = %v, want %v", field, got, want))
		}
	}
	d("Platform", m.Platform, corpus.Twitter)
	d("ID", m.ID, w.ID)
	d("Kind", m.Kind, w.Kind)
	d("ParentID", m.ParentID, w.Parent)
	d("RefID", m.RefID, w.Ref)
	d("ThreadID", m.ThreadID, w.Thread)
	d("Author", m.Author, w.Author)
	d("Created", m.Created, created)
	if m.Created.Location() != time.UTC {
		diffs = append(diffs, "Created not in UTC")
	}
	if !strings.HasPrefix(m.Text, w.Text) || (w.Text == "" && m.Text != "") {
		diffs = append(diffs, fmt.Sprintf("Text = %q, want prefix %q", m.Text, w.Text))
	}
	d("Reactions", m.Reactions, w.Reactions)
	d("Shares", m.Shares, w.Shares)
	d("Hashtags", m.Hashtags, w.Hashtags)
	d("Mentions", m.Mentions, w.Mentions)
	d("Links", m.Links, w.Links)
	d("ReplyTo", m.ReplyTo, w.ReplyTo)
	d("Line", m.Line, w.Line)
	if len(diffs) > 0 {
		t.Errorf("message %s:\n  %s", m.ID, strings.Join(diffs, "\n  "))
	}
}

// checkReject checks a reject's position, field and reason.
func checkReject(t *testing.T, e *rawio.ParseError, file string, line int, field string, reason error) {
	t.Helper()
	if e.File != file || e.Line != line || e.Field != field {
		t.Errorf("reject at %s:%d field %q, want %s:%d field %q (%v)", e.File, e.Line, e.Field, file, line, field, e)
	}
	if reason != nil && !errorsIs(e, reason) {
		t.Errorf("reject %v: reason is not %v", e, reason)
	}
}

// sharedFixtures returns the folder of real samples, skipping the test
// when it is absent.
func sharedFixtures(t *testing.T, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "..", "shared", "fixtures", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real samples not available: %v", err)
	}
	return dir
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

func fmtList(s []string) string { return fmt.Sprint(s) }

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
