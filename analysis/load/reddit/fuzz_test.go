package reddit_test

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/load/reddit"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/rawio/rawiotest"
	"github.com/klauspost/compress/zstd"
)

// FuzzReddit reads any input as a Reddit dump within fuzzed limits: no
// panic, one call per non-blank line (and per line past the limit),
// messages with a fullname id, a UTC time, a Reddit kind whose parent
// agrees with it, and rejections naming the file and a line of the input.
func FuzzReddit(f *testing.F) {
	for _, p := range []string{fixture, "../../../../shared/fixtures/reddit/Pushshift-Importer_test_comments.json"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, uint32(0))
			f.Add(b, loadtest.SmallLimits)
		}
	}
	if b, err := os.ReadFile(fixture); err == nil { // a .zst dump
		var z bytes.Buffer
		w, _ := zstd.NewWriter(&z)
		w.Write(b)
		w.Close()
		f.Add(z.Bytes(), uint32(0))
	}
	f.Add([]byte(`{"id": "a", "body": "u/abc", "created_utc": "1e3", "parent_id": "x", "link_id": "x", "score": 2.0}`), uint32(0))
	f.Fuzz(func(t *testing.T, raw []byte, code uint32) {
		lim := rawiotest.FuzzLimits(code)
		const name = "fuzz/input"
		file, err := rawio.NewFileWith(name, bytes.NewReader(raw), lim)
		if err != nil {
			return
		}
		compressed := file.Gzip || file.Zstd
		fm, _ := rawio.Lookup(reddit.Format)
		rec := &recorder{}
		if err := fm.Read(file, rec); err != nil {
			return // a decompression error: the file, not a record
		}
		if compressed {
			return // its lines are not those of raw
		}
		content := raw
		if bytes.HasPrefix(content, []byte("\xef\xbb\xbf")) {
			content = content[3:]
		}
		if bytes.IndexByte(content[:min(len(content), rawio.HeadSize)], '\n') < 0 {
			content = bytes.ReplaceAll(content, []byte("\r"), []byte("\n"))
		}
		lines := bytes.Split(content, []byte("\n"))
		want := 0
		for _, l := range lines {
			if len(bytes.TrimSpace(l)) > 0 || len(bytes.TrimSuffix(l, []byte("\r"))) > lim.LineBytes {
				want++
			}
		}
		if got := len(rec.Msgs) + len(rec.Rejects) + rec.Other; got != want {
			t.Errorf("%d calls for %d records", got, want)
		}
		for _, m := range rec.Msgs {
			ok := m.Platform == corpus.Reddit && len(m.ID) > 3 && m.Created.Location() == time.UTC && m.Line >= 1 && m.Line <= len(lines)
			switch m.Kind {
			case corpus.Post:
				ok = ok && m.ID[:3] == "t3_" && m.ParentID == ""
			case corpus.Comment:
				ok = ok && m.ID[:3] == "t1_" && (m.ParentID == "" || m.ParentID[:3] == "t3_")
			case corpus.Reply:
				ok = ok && m.ID[:3] == "t1_" && m.ParentID[:3] == "t1_"
			default:
				ok = false
			}
			if !ok {
				t.Errorf("message %+v", m)
			}
		}
		for _, e := range rec.Rejects {
			if e.File != name || e.Err == nil || e.Line < 1 || e.Line > len(lines) {
				t.Errorf("reject %+v of an input of %d lines", e, len(lines))
			}
		}
	})
}
