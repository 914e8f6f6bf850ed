package discourse

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/rawio/rawiotest"
)

// seed adds the fixtures of this package and the real Mastodon samples,
// when present, each with the default limits and with small ones.
func seed(f *testing.F) {
	loadtest.SeedDirs(f, "testdata", filepath.Join(loadtest.SharedFixtures, "forum"))
	f.Add([]byte(`{"id":7,"post_stream":{"posts":[{"post_number":2,"created_at":"2024-01-01T00:00:00Z","cooked":"<p>a<br>b</p>"}]},"x":}`), uint32(0))
	f.Add([]byte("{\"latest_posts\":[{\"topic_id\":1},\n{\"topic_id\":1,\"post_number\":1,\"created_at\":\"2024-01-01T00:00:00Z\"}]}"), loadtest.SmallLimits)
}

// fuzzRead reads raw as format within the limits of code and checks what
// the readers promise whatever their input: no panic, no error (the input
// is in memory), messages of platform discourse with an id, a UTC time, a
// kind consistent with their links and a line within the input, and
// rejects naming the file, a line within the input and a reason.
func fuzzRead(t *testing.T, raw []byte, format string, code uint32) {
	const name = "fuzz/input"
	f, err := rawio.NewFileWith(name, bytes.NewReader(raw), rawiotest.FuzzLimits(code))
	if err != nil {
		return // a broken gzip header: not the reader's business
	}
	gz := f.Gzip
	fm, _ := rawio.Lookup(format)
	rec := &recorder{}
	if err := fm.Read(f, rec); err != nil && !gz {
		t.Errorf("Read: %v", err)
	}
	if rec.Other != 0 {
		t.Errorf("%d Panel or Profile calls", rec.Other)
	}
	lines := 1 + bytes.Count(raw, []byte{'\n'}) + bytes.Count(raw, []byte{'\r'})
	if gz {
		lines = 1 << 30
	}
	for _, m := range rec.Msgs {
		switch {
		case m.ID == "" || m.Created.IsZero() || m.Created.Location() != time.UTC || m.Platform != corpus.Discourse:
			t.Errorf("message without id, UTC time or platform: %+v", m)
		case m.Line < 1 || m.Line > lines:
			t.Errorf("message %s at line %d of %d", m.ID, m.Line, lines)
		case (m.ParentID != "") != (m.Kind == corpus.Reply), m.RefID != "", strings.HasSuffix(m.ID, "/1") != (m.Kind == corpus.Post):
			t.Errorf("message %s of kind %s with parent %q and ref %q", m.ID, m.Kind, m.ParentID, m.RefID)
		case !strings.HasSuffix(m.ThreadID, "/1") || !strings.Contains(m.ID, "/"):
			t.Errorf("message %s of thread %q", m.ID, m.ThreadID)
		}
	}
	for _, e := range rec.Rejects {
		if e.File != name || e.Err == nil || e.Line < 1 || e.Line > lines {
			t.Errorf("reject %+v (input of %d lines)", e, lines)
		}
	}
	for _, s := range rec.Services {
		if s.Kind != "small_action" || s.Line < 1 || s.Line > lines {
			t.Errorf("service %+v", s)
		}
	}
}

func FuzzDiscourse(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, raw []byte, code uint32) { fuzzRead(t, raw, "discourse", code) })
}

// FuzzSniff: the sniffer does not panic, its score stays within 0 to 100.
func FuzzSniff(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, head []byte, _ uint32) {
		if s := sniff(head); s < 0 || s > 100 {
			t.Errorf("score %d", s)
		}
	})
}
