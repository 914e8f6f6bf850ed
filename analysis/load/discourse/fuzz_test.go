package discourse

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
)

// seed adds the fixtures of this package and the real Mastodon samples,
// when present, each with the default limits and with small ones.
func seed(f *testing.F) {
	loadtest.SeedDirs(f, "testdata", filepath.Join(loadtest.SharedFixtures, "forum"))
	f.Add([]byte(`{"id":7,"post_stream":{"posts":[{"post_number":2,"created_at":"2024-01-01T00:00:00Z","cooked":"<p>a<br>b</p>"}]},"x":}`), uint32(0))
	f.Add([]byte("{\"latest_posts\":[{\"topic_id\":1},\n{\"topic_id\":1,\"post_number\":1,\"created_at\":\"2024-01-01T00:00:00Z\"}]}"), loadtest.SmallLimits)
}

// fuzzRead reads raw as format within the limits of code and checks what
// every reader promises (loadtest.FuzzRead: no panic, no error, messages
// of platform discourse with an id, a UTC time and a line within the input,
// located rejects) and what this one does: kinds consistent with the
// links, and its service records.
func fuzzRead(t *testing.T, raw []byte, format string, code uint32) {
	rec, _ := loadtest.FuzzRead(t, raw, format, code, corpus.Discourse)
	if rec == nil {
		return
	}
	for _, m := range rec.Msgs {
		switch {
		case (m.ParentID != "") != (m.Kind == corpus.Reply), m.RefID != "", strings.HasSuffix(m.ID, "/1") != (m.Kind == corpus.Post):
			t.Errorf("message %s of kind %s with parent %q and ref %q", m.ID, m.Kind, m.ParentID, m.RefID)
		case !strings.HasSuffix(m.ThreadID, "/1") || !strings.Contains(m.ID, "/"):
			t.Errorf("message %s of thread %q", m.ID, m.ThreadID)
		}
	}
	for _, s := range rec.Services {
		if s.Kind != "small_action" {
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
