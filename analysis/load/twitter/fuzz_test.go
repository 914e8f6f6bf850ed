package twitter

import (
	"bytes"
	"encoding/csv"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/rawio/rawiotest"
)

// fuzzLimits is rawiotest.FuzzLimits.
func fuzzLimits(code uint32) rawio.Limits { return rawiotest.FuzzLimits(code) }

// seed adds the fixtures of this package (and the real samples, when
// present and small) under the given folders to f's corpus, each with
// the default limits and with small ones.
func seed(f *testing.F, dirs ...string) {
	for _, dir := range dirs {
		loadtest.SeedTree(f, 64<<10, filepath.Join("testdata", dir), filepath.Join(loadtest.SharedFixtures, dir))
	}
}

// fuzzRead reads raw with format within lim and checks what every reader
// promises whatever its input: no panic, no Panel or Profile, messages
// with an id, a time in UTC, a known kind and consistent references,
// rejects with file, a line within the input, and a reason. It returns
// the sink.
func fuzzRead(t *testing.T, raw []byte, format string, lim rawio.Limits) (rec *recorder, head []byte, err error) {
	const name = "fuzz/input"
	f, err := rawio.NewFileWith(name, bytes.NewReader(raw), lim)
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
	if rec.Other != 0 {
		t.Errorf("%d Panel or Profile calls", rec.Other)
	}
	lines := 1 + bytes.Count(loadtest.Decoded(raw), []byte{'\n'}) // CR-only files read as LF
	if f.Gzip {
		lines = 1 << 30 // lines of the decompressed content, not counted here
	}
	for _, m := range rec.Msgs {
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
	for _, e := range rec.Rejects {
		if e.File != name || e.Err == nil || e.Line < 1 || e.Line > lines {
			t.Errorf("reject %+v (input of %d lines)", e, lines)
		}
	}
	return rec, head, err
}

// checkLineRecords checks that a format reading JSON lines within lim
// made exactly one call per record.
func checkLineRecords(t *testing.T, raw []byte, rec *recorder, head []byte, lim rawio.Limits) {
	if documentMode(head) {
		return
	}
	if want := loadtest.LineRecords(loadtest.Decoded(raw), lim); rec.Calls() != want {
		t.Errorf("%d calls for %d records", rec.Calls(), want)
	}
}

func FuzzTwarc2(f *testing.F) {
	seed(f, "twarc2")
	f.Fuzz(checkTwarc2)
}

func checkTwarc2(t *testing.T, raw []byte, code uint32) {
	if _, head, err := fuzzRead(t, raw, Twarc2, fuzzLimits(code)); head != nil && err != nil {
		t.Errorf("Read: %v", err)
	}
}

func FuzzTwarcCSV(f *testing.F) {
	seed(f, "twarc-csv")
	f.Fuzz(checkTwarcCSV)
}

func checkTwarcCSV(t *testing.T, raw []byte, code uint32) {
	lim := fuzzLimits(code)
	rec, head, err := fuzzRead(t, raw, TwarcCSV, lim)
	if head == nil || err != nil {
		return // no readable header
	}
	// Every record names its own first line, after the header.
	seen := map[int]bool{}
	for _, l := range callLines(rec) {
		if seen[l] || l < 2 {
			t.Errorf("two records at line %d, or one at the header's", l)
		}
		seen[l] = true
	}
	// A file that encoding/csv reads whole, of one-line records of
	// the header's field count within the limits: one call per
	// record.
	content := loadtest.Decoded(raw)
	_, comma := csvHeader(head)
	r := csv.NewReader(bytes.NewReader(content))
	r.Comma = comma
	lim = lim.WithDefaults()
	want := -1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return
		}
		for _, f := range rec {
			if len(f) > lim.FieldBytes || strings.ContainsAny(f, "\r\n") {
				return
			}
		}
		want++
	}
	for _, l := range bytes.Split(content, []byte{'\n'}) {
		if len(l) > lim.LineBytes {
			return
		}
	}
	if want >= 0 && rec.Calls() != want {
		t.Errorf("%d calls for %d records", rec.Calls(), want)
	}
}

// callLines are the lines the calls to rec name.
func callLines(rec *recorder) []int {
	var out []int
	for _, m := range rec.Msgs {
		out = append(out, m.Line)
	}
	for _, e := range rec.Rejects {
		out = append(out, e.Line)
	}
	return out
}

func FuzzV1(f *testing.F) {
	seed(f, "twitter-v1")
	f.Fuzz(checkV1)
}

func checkV1(t *testing.T, raw []byte, code uint32) {
	lim := fuzzLimits(code)
	rec, head, err := fuzzRead(t, raw, V1, lim)
	if head == nil {
		return
	}
	if err != nil {
		t.Errorf("Read: %v", err)
	}
	checkLineRecords(t, raw, rec, head, lim)
}

func FuzzXArchive(f *testing.F) {
	seed(f, "x-archive", "xarchive-data")
	f.Fuzz(checkXArchive)
}

func checkXArchive(t *testing.T, raw []byte, code uint32) {
	fuzzRead(t, raw, XArchive, fuzzLimits(code)) // an error is fine: not an archive file
}

func FuzzTweetScraper(f *testing.F) {
	seed(f, "tweetscraper")
	f.Fuzz(checkTweetScraper)
}

func checkTweetScraper(t *testing.T, raw []byte, code uint32) {
	lim := fuzzLimits(code)
	rec, head, err := fuzzRead(t, raw, TweetScraper, lim)
	if head == nil {
		return
	}
	if err != nil {
		t.Errorf("Read: %v", err)
	}
	checkLineRecords(t, raw, rec, head, lim)
}

func FuzzZeeschuimerX(f *testing.F) {
	seed(f, "zeeschuimer-x")
	f.Fuzz(checkZeeschuimerX)
}

func checkZeeschuimerX(t *testing.T, raw []byte, code uint32) {
	lim := fuzzLimits(code)
	rec, head, err := fuzzRead(t, raw, ZeeschuimerX, lim)
	if head == nil {
		return
	}
	if err != nil {
		t.Errorf("Read: %v", err)
	}
	checkLineRecords(t, raw, rec, head, lim)
}

// FuzzSniff runs every sniffer of the package on any head: none panics,
// and scores stay within 0 to 100.
func FuzzSniff(f *testing.F) {
	seed(f, "twarc2", "twarc-csv", "twitter-v1", "x-archive", "xarchive-data", "tweetscraper", "zeeschuimer-x")
	f.Fuzz(func(t *testing.T, head []byte, _ uint32) {
		for name, sniff := range ours {
			if s := sniff(head); s < 0 || s > 100 {
				t.Errorf("%s scores %d", name, s)
			}
		}
	})
}
