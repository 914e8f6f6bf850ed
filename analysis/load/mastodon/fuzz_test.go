package mastodon

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
	loadtest.SeedDirs(f, "testdata", filepath.Join(loadtest.SharedFixtures, "mastodon"))
	f.Add([]byte(`{"statuses":[{"id":"1","created_at":"2024-01-01T00:00:00Z","content":"<p>a<br>b</p>"}],"x":}`), uint32(0))
	f.Add([]byte("[{\"id\":\"1\"},\n{\"id\":\"2\",\"created_at\":\"2024-01-01T00:00:00Z\",\"reblog\":{\"id\":\"1\"}}"), loadtest.SmallLimits)
}

// fuzzRead reads raw as format within the limits of code and checks what
// every reader promises (loadtest.FuzzRead: no panic, no error, messages
// of platform mastodon with an id, a UTC time and a line within the input,
// located rejects) and what this one does: kinds consistent with the
// links, and its service records.
func fuzzRead(t *testing.T, raw []byte, format string, code uint32) {
	rec, _ := loadtest.FuzzRead(t, raw, format, code, corpus.Mastodon)
	if rec == nil {
		return
	}
	for _, m := range rec.Msgs {
		switch {
		case (m.ParentID != "") != (m.Kind == corpus.Reply), m.RefID != "" && m.Kind != corpus.Retweet && m.Kind != corpus.Quote:
			t.Errorf("message %s of kind %s with parent %q and ref %q", m.ID, m.Kind, m.ParentID, m.RefID)
		case format == "mastodon-outbox" && (!strings.HasPrefix(m.ID, "ap-") || len(m.ID) != 19):
			t.Errorf("outbox message id %q not derived", m.ID)
		}
	}
	for _, s := range rec.Services {
		if !strings.HasPrefix(s.Kind, "activitypub-") {
			t.Errorf("service %+v", s)
		}
	}
}

func FuzzAPI(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, raw []byte, code uint32) { fuzzRead(t, raw, "mastodon", code) })
}

func FuzzOutbox(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, raw []byte, code uint32) { fuzzRead(t, raw, "mastodon-outbox", code) })
}

// FuzzSniff: no sniffer panics, scores stay within 0 to 100.
func FuzzSniff(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, head []byte, _ uint32) {
		for _, s := range []int{sniffAPI(head), sniffOutbox(head)} {
			if s < 0 || s > 100 {
				t.Errorf("score %d", s)
			}
		}
	})
}
