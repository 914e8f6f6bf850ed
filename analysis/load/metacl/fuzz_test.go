package metacl_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/load/metacl"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/rawio/rawiotest"
)

// FuzzMetaCL reads any input as an MCL CSV within fuzzed limits: no
// panic, every call at its own line after the header, messages with an id,
// a UTC time and a kind agreeing with their parent (a comment whose post_id is empty is an orphan comment), rejections naming the
// file; and, for a file encoding/csv reads whole in one-line records of
// the header's field count within the limits, one call per record.
func FuzzMetaCL(f *testing.F) {
	for _, p := range []string{"testdata/mcl_posts.csv", "testdata/mcl_comments.csv"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, uint32(0))
			f.Add(b, loadtest.SmallLimits)
		}
	}
	f.Add([]byte("id,creation_time,post_id,owner.name\n1,1700000000,2,x\n3,2024-01-01 00:00,,\n"), uint32(0))
	f.Fuzz(func(t *testing.T, raw []byte, code uint32) {
		lim := rawiotest.FuzzLimits(code)
		const name = "fuzz/input"
		file, err := rawio.NewFileWith(name, bytes.NewReader(raw), lim)
		if err != nil {
			return
		}
		fm, _ := rawio.Lookup(metacl.Format)
		rec := &recorder{}
		if err := fm.Read(file, rec); err != nil || file.Gzip || file.Zstd {
			return // no readable header, or compressed lines
		}
		seen := map[int]bool{}
		for _, m := range rec.Msgs {
			if m.ID == "" || m.Created.Location() != time.UTC || m.Platform != corpus.Facebook ||
				m.Kind == corpus.Post && m.ParentID != "" || m.Kind == corpus.Reply && m.ParentID == "" || seen[m.Line] || m.Line < 2 {
				t.Errorf("message %+v", m)
			}
			seen[m.Line] = true
		}
		for _, e := range rec.Rejects {
			if e.File != name || e.Err == nil || seen[e.Line] || e.Line < 2 {
				t.Errorf("reject %+v", e)
			}
			seen[e.Line] = true
		}
		// The count, on files encoding/csv reads whole.
		content := raw
		r := csv.NewReader(bytes.NewReader(content))
		r.FieldsPerRecord = 0
		want := -1
		for {
			fields, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil || strings.HasPrefix(string(content), "\xef\xbb\xbf") {
				return
			}
			for _, fl := range fields {
				if len(fl) > lim.FieldBytes || strings.ContainsAny(fl, "\r\n") {
					return
				}
			}
			want++
		}
		for _, l := range bytes.Split(content, []byte{'\n'}) {
			if len(l) > lim.LineBytes || bytes.IndexByte(l, '\r') >= 0 {
				return
			}
		}
		if sep := bytes.IndexAny(content, "\t;"); sep >= 0 {
			return // another separator may have been chosen
		}
		if got := len(rec.Msgs) + len(rec.Rejects) + rec.Other; want >= 0 && got != want {
			t.Errorf("%d calls for %d records", got, want)
		}
	})
}
