package twitter

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// seed adds the fixtures of this package (and the real samples, when
// present and small) under the given folders to f's corpus.
func seed(f *testing.F, dirs ...string) {
	for _, dir := range dirs {
		for _, root := range []string{"testdata", filepath.Join("..", "..", "..", "..", "shared", "fixtures")} {
			filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return nil
				}
				if info, err := d.Info(); err != nil || info.Size() > 64<<10 {
					return nil
				}
				if b, err := os.ReadFile(path); err == nil {
					f.Add(b)
				}
				return nil
			})
		}
	}
}

// fuzzRead reads raw with format and checks what every reader promises
// whatever its input: no panic, no Panel or Profile, messages with an id,
// a time in UTC, a known kind and consistent references, rejects with
// file, a line within the input, and a reason. It returns the sink.
func fuzzRead(t *testing.T, raw []byte, format string) (rec *recorder, head []byte, err error) {
	const name = "fuzz/input"
	f, err := rawio.NewFile(name, bytes.NewReader(raw))
	if err != nil {
		return nil, nil, err // a broken gzip header: not the reader's business
	}
	head = bytes.Clone(f.Head) // f.Head is only valid until reading starts
	if head == nil {
		head = []byte{}
	}
	fm, _ := rawio.Lookup(format)
	rec = &recorder{}
	err = fm.Read(f, rec)
	if rec.other != 0 {
		t.Errorf("%d Panel or Profile calls", rec.other)
	}
	lines := 1 + bytes.Count(raw, []byte{'\n'})
	if f.Gzip {
		lines = 1 << 30 // lines of the decompressed content, not counted here
	}
	for _, m := range rec.msgs {
		switch {
		case m.ID == "" || m.Created.IsZero() || m.Created.Location() != time.UTC || m.Platform != corpus.Twitter:
			t.Errorf("message without id, UTC time or platform: %+v", m)
		case m.Line < 1 || m.Line > lines:
			t.Errorf("message %s at line %d of %d", m.ID, m.Line, lines)
		case m.ParentID != "" && m.Kind != corpus.Reply, m.RefID != "" && m.Kind == corpus.Tweet:
			t.Errorf("message %s of kind %s with parent %q and ref %q", m.ID, m.Kind, m.ParentID, m.RefID)
		}
		switch m.Kind {
		case corpus.Tweet, corpus.Reply, corpus.Retweet, corpus.Quote:
		default:
			t.Errorf("message %s of kind %q", m.ID, m.Kind)
		}
	}
	for _, e := range rec.rejects {
		if e.File != name || e.Err == nil || e.Line < 1 || e.Line > lines {
			t.Errorf("reject %+v (input of %d lines)", e, lines)
		}
	}
	return rec, head, err
}

// nonBlankLines counts the records of a file of JSON lines.
func nonBlankLines(b []byte) int {
	n := 0
	for _, l := range bytes.Split(b, []byte{'\n'}) {
		if len(bytes.TrimSpace(l)) > 0 {
			n++
		}
	}
	return n
}

// decoded is the content a File decodes to.
func decoded(raw []byte) []byte {
	f, err := rawio.NewFile("x", bytes.NewReader(raw))
	if err != nil {
		return nil
	}
	b, _ := io.ReadAll(f.R)
	return b
}

// checkLineRecords checks that a format reading JSON lines made exactly
// one call per non-blank line.
func checkLineRecords(t *testing.T, raw []byte, rec *recorder, head []byte) {
	if documentMode(head) {
		return
	}
	if want := nonBlankLines(decoded(raw)); rec.calls() != want {
		t.Errorf("%d calls for %d records", rec.calls(), want)
	}
}

func FuzzTwarc2(f *testing.F) {
	seed(f, "twarc2")
	f.Fuzz(func(t *testing.T, raw []byte) {
		if _, head, err := fuzzRead(t, raw, Twarc2); head != nil && err != nil {
			t.Errorf("Read: %v", err)
		}
	})
}

func FuzzTwarcCSV(f *testing.F) {
	seed(f, "twarc-csv")
	f.Fuzz(func(t *testing.T, raw []byte) {
		rec, head, err := fuzzRead(t, raw, TwarcCSV)
		if head == nil || err != nil {
			return // no readable header
		}
		// One call per CSV record after the header.
		_, comma := csvHeader(head)
		r := csv.NewReader(bytes.NewReader(decoded(raw)))
		r.Comma, r.FieldsPerRecord = comma, -1
		want := -1
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			want++
		}
		if want >= 0 && rec.calls() != want {
			t.Errorf("%d calls for %d records", rec.calls(), want)
		}
	})
}

func FuzzV1(f *testing.F) {
	seed(f, "twitter-v1")
	f.Fuzz(func(t *testing.T, raw []byte) {
		rec, head, err := fuzzRead(t, raw, V1)
		if head == nil {
			return
		}
		if err != nil {
			t.Errorf("Read: %v", err)
		}
		checkLineRecords(t, raw, rec, head)
	})
}

func FuzzXArchive(f *testing.F) {
	seed(f, "x-archive")
	f.Fuzz(func(t *testing.T, raw []byte) {
		fuzzRead(t, raw, XArchive) // an error is fine: not an archive file
	})
}

func FuzzTweetScraper(f *testing.F) {
	seed(f, "tweetscraper")
	f.Fuzz(func(t *testing.T, raw []byte) {
		rec, head, err := fuzzRead(t, raw, TweetScraper)
		if head == nil {
			return
		}
		if err != nil {
			t.Errorf("Read: %v", err)
		}
		checkLineRecords(t, raw, rec, head)
	})
}

func FuzzZeeschuimerX(f *testing.F) {
	seed(f, "zeeschuimer-x")
	f.Fuzz(func(t *testing.T, raw []byte) {
		rec, head, err := fuzzRead(t, raw, ZeeschuimerX)
		if head == nil {
			return
		}
		if err != nil {
			t.Errorf("Read: %v", err)
		}
		checkLineRecords(t, raw, rec, head)
	})
}

// FuzzSniff runs every sniffer of the package on any head: none panics,
// and scores stay within 0 to 100.
func FuzzSniff(f *testing.F) {
	seed(f, "twarc2", "twarc-csv", "twitter-v1", "x-archive", "tweetscraper", "zeeschuimer-x")
	f.Fuzz(func(t *testing.T, head []byte) {
		for name, sniff := range ours {
			if s := sniff(head); s < 0 || s > 100 {
				t.Errorf("%s scores %d", name, s)
			}
		}
	})
}
