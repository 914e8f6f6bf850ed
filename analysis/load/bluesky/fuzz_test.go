package bluesky

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/jsonvalues"
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/rawio/rawiotest"
)

// seed adds this package's fixtures and, when present and small, the real
// samples to f's corpus, each with the default limits and small ones.
func seed(f *testing.F) {
	loadtest.SeedTree(f, 64<<10, "testdata", filepath.Join(loadtest.SharedFixtures, "bluesky"))
	f.Add([]byte(`{"thread": {"post": {"uri": "at://did:plc:x/app.bsky.feed.post/3ll2aaaaaaa2a", "record": {"createdAt": "2025-01-01T00:00:00Z", "text": "@a.b", "facets": [{"index": {"byteStart": 0, "byteEnd": 99}, "features": [{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:y"}]}]}}, "replies": [{"notFound": true}, 1]}}`), uint32(0))
}

// fuzzRead reads raw with format within the limits of code and checks
// what every reader promises whatever its input: no panic, no Panel or
// Profile, messages of Bluesky with an id free of DIDs, a UTC time, a
// known kind and consistent links, rejects with file, a line within the
// input and a reason, service records with a kind; and, for a file of
// JSON lines of one record each, at least one call per record.
func fuzzRead(t *testing.T, raw []byte, format string, code uint32) {
	const name = "fuzz/input"
	lim := rawiotest.FuzzLimits(code)
	f, err := rawio.NewFileWith(name, bytes.NewReader(raw), lim)
	if err != nil {
		return // a broken gzip header: not the reader's business
	}
	fm, _ := rawio.Lookup(format)
	rec := &recorder{}
	if err := fm.Read(f, rec); err != nil && !f.Gzip && format != CSV {
		t.Errorf("Read: %v", err) // a CSV without its header fails whole
	}
	if rec.Other != 0 {
		t.Errorf("%d Panel or Profile calls", rec.Other)
	}
	lines := 1 + bytes.Count(loadtest.Decoded(raw), []byte{'\n'})
	if f.Gzip {
		lines = 1 << 30
	}
	for _, m := range rec.Msgs {
		switch {
		case m.ID == "" || m.Created.IsZero() || m.Created.Location() != time.UTC || m.Platform != corpus.Bluesky:
			t.Errorf("message without id, UTC time or platform: %+v", m)
		case m.Line < 1 || m.Line > lines:
			t.Errorf("message %s at line %d of %d", m.ID, m.Line, lines)
		case m.ParentID != "" && m.Kind != corpus.Reply, m.Kind == corpus.Retweet && m.RefID == "", m.Kind == corpus.Quote && m.RefID == "":
			t.Errorf("message %s of kind %s with parent %q and ref %q", m.ID, m.Kind, m.ParentID, m.RefID)
		}
		switch m.Kind {
		case corpus.Post, corpus.Reply, corpus.Retweet, corpus.Quote:
		default:
			t.Errorf("message %s of kind %q", m.ID, m.Kind)
		}
		for _, id := range []string{m.ID, m.ParentID, m.RefID, m.ThreadID} {
			if strings.Contains(id, "did:") || strings.Contains(id, "/") || len(id) > rawio.MaxIDBytes {
				t.Errorf("id %q is not derived", id)
			}
		}
	}
	for _, e := range rec.Rejects {
		if e.File != name || e.Err == nil || e.Line < 1 || e.Line > lines {
			t.Errorf("reject %+v (input of %d lines)", e, lines)
		}
	}
	for k := range rec.Kinds() {
		if k == "" {
			t.Error("service record without kind")
		}
	}
	if format != CSV && !jsonvalues.DocumentMode(raw) && !f.Gzip {
		if want := loadtest.LineRecords(loadtest.Decoded(raw), lim); rec.Calls() < want {
			t.Errorf("%d calls for %d lines", rec.Calls(), want)
		}
	}
}

func FuzzAPI(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, raw []byte, code uint32) { fuzzRead(t, raw, API, code) })
}

func FuzzJetstream(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, raw []byte, code uint32) { fuzzRead(t, raw, Jetstream, code) })
}

func FuzzFourCAT(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, raw []byte, code uint32) { fuzzRead(t, raw, FourCAT, code) })
}

func FuzzCSV(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, raw []byte, code uint32) { fuzzRead(t, raw, CSV, code) })
}

// FuzzSniff runs the sniffers on any head: no panic, scores within 0 to
// 100.
func FuzzSniff(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, head []byte, _ uint32) {
		for _, sniff := range []func([]byte) int{sniffAPI, sniffJetstream, sniffCSV, sniffFourCAT} {
			if s := sniff(head); s < 0 || s > 100 {
				t.Errorf("score %d", s)
			}
		}
	})
}
