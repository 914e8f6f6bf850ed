package telegram

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/rawio/rawiotest"
)

// FuzzRead reads any input as a Telegram export and checks what the
// reader promises whatever it holds: no panic; messages of platform
// telegram with a UTC time when they have one, a known kind, a parent
// only on replies; calls naming lines within the input; and, for a
// valid chat document within the default limits, exactly one call per
// item of its messages array.
func FuzzRead(f *testing.F) {
	loadtest.SeedTree(f, 64<<10-1, filepath.Join("testdata", "telegram"), filepath.Join(loadtest.SharedFixtures, "telegram"))
	f.Add([]byte(`{"id":1,"messages":[{"id":1,"type":"message","date":"2024-01-01T10:00:00","text":[{"type":"mention_name","text":"A","user_id":1}]}]}`), uint32(0))
	f.Fuzz(func(t *testing.T, raw []byte, code uint32) {
		lim := rawiotest.FuzzLimits(code)
		file, err := rawio.NewFileWith("fuzz/input", bytes.NewReader(raw), lim)
		if err != nil {
			return
		}
		rec := &recorder{}
		rerr := read(file, rec)
		if file.Gzip {
			return
		}
		lines := 1 + bytes.Count(raw, []byte{'\n'}) + bytes.Count(raw, []byte{'\r'})
		for _, m := range rec.Msgs {
			switch {
			case m.Platform != corpus.Telegram || !m.Created.IsZero() && m.Created.Location() != time.UTC:
				t.Errorf("message of platform %q at %v", m.Platform, m.Created)
			case m.Kind != corpus.Post && m.Kind != corpus.Reply && m.Kind != corpus.Retweet:
				t.Errorf("message of kind %q", m.Kind)
			case m.ParentID != "" && m.Kind != corpus.Reply:
				t.Errorf("parent %q on a %s", m.ParentID, m.Kind)
			case m.Line < 1 || m.Line > lines:
				t.Errorf("message at line %d of %d", m.Line, lines)
			}
		}
		for _, e := range rec.Rejects {
			if e.File != "fuzz/input" || e.Err == nil || e.Line < 1 || e.Line > lines {
				t.Errorf("reject %+v (input of %d lines)", e, lines)
			}
		}
		if rec.Other != 0 {
			t.Errorf("%d Panel or Profile calls", rec.Other)
		}
		// A valid chat document within the default limits: one call per
		// item.
		var doc struct {
			Messages []json.RawMessage `json:"messages"`
			Chats    json.RawMessage   `json:"chats"`
		}
		if code != 0 || json.Unmarshal(raw, &doc) != nil || doc.Messages == nil || doc.Chats != nil || bytes.Count(raw, []byte(`"messages"`)) != 1 {
			return
		}
		if rerr != nil || rec.Calls() != len(doc.Messages) {
			t.Errorf("%v: %d calls for %d items", rerr, rec.Calls(), len(doc.Messages))
		}
	})
}

// FuzzSniff: any head scores within 0 to 100, without panic.
func FuzzSniff(f *testing.F) {
	f.Add([]byte(`{"name":"x","type":"private_group","id":1,"messages":[{"id":1,"type":"message","date_unixtime":"1"}]}`))
	f.Fuzz(func(t *testing.T, head []byte) {
		if s := sniff(head); s < 0 || s > 100 {
			t.Errorf("score %d", s)
		}
	})
}
