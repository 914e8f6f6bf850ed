package whatsapp

import (
	"bytes"
	"errors"
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

// records counts the records of decoded content read within lim,
// independently of the reader: each line past the limit, each header
// line, and one for the lines before the first header when one of them
// is not blank.
func records(content []byte, lim rawio.Limits) int {
	lim = lim.WithDefaults()
	ls := bytes.Split(content, []byte{'\n'})
	if len(ls) > 0 && len(ls[len(ls)-1]) == 0 {
		ls = ls[:len(ls)-1]
	}
	n, started := 0, false
	for _, l := range ls {
		l = bytes.TrimSuffix(l, []byte{'\r'})
		switch _, header := parseHeader(string(l)); {
		case len(l) > lim.LineBytes:
			n++
		case header:
			n++
			started = true
		case !started && strings.TrimSpace(stripMarks(string(l))) != "":
			n++
			started = true
		}
	}
	return n
}

// FuzzRead reads any input as a WhatsApp export, spooled (no folder), and
// checks what the reader promises whatever it holds: no panic; no error
// but an undecided day-month order; one call per record (counted by
// records); messages of platform whatsapp, in UTC, posts without parent,
// with an id; calls naming lines within the input.
func FuzzRead(f *testing.F) {
	loadtest.SeedTree(f, 64<<10-1, filepath.Join("testdata", "whatsapp"), filepath.Join(loadtest.SharedFixtures, "whatsapp"))
	f.Fuzz(func(t *testing.T, raw []byte, code uint32) {
		lim := rawiotest.FuzzLimits(code)
		file, err := rawio.NewFileWith("fuzz/input", bytes.NewReader(raw), lim)
		if err != nil || file.Gzip {
			return
		}
		rec := &recorder{}
		rerr := read(file, rec)
		if rerr != nil {
			if !errors.Is(rerr, ErrUndecidedOrder) {
				t.Errorf("Read: %v", rerr)
			}
			return
		}
		dec, _ := rawio.NewFile("x", bytes.NewReader(raw))
		content, _ := io.ReadAll(dec.R)
		if want := records(content, lim); rec.Calls() != want {
			t.Errorf("%d calls for %d records", rec.Calls(), want)
		}
		lines := 1 + bytes.Count(content, []byte{'\n'})
		for _, m := range rec.Msgs {
			switch {
			case m.Platform != corpus.WhatsApp || m.Created.Location() != time.UTC || m.Created.IsZero():
				t.Errorf("message of platform %q at %v", m.Platform, m.Created)
			case m.Kind != corpus.Post || m.ParentID != "" || m.ID == "" || m.Author.IsZero():
				t.Errorf("message %+v", m)
			case m.Line < 1 || m.Line > lines:
				t.Errorf("message at line %d of %d", m.Line, lines)
			}
		}
		for _, e := range rec.Rejects {
			if e.File != "fuzz/input" || e.Err == nil || e.Line < 1 || e.Line > lines {
				t.Errorf("reject %+v (input of %d lines)", e, lines)
			}
		}
		for _, s := range rec.Services {
			if s.Kind != ServiceSystem || s.Line < 1 || s.Line > lines {
				t.Errorf("service %+v", s)
			}
		}
	})
}

// FuzzSniff: any head scores within 0 to 100, without panic.
func FuzzSniff(f *testing.F) {
	f.Add([]byte("26/09/2019 à 22:39 - Nadia : ok\n"))
	f.Fuzz(func(t *testing.T, head []byte) {
		if s := sniff(head); s < 0 || s > 100 {
			t.Errorf("score %d", s)
		}
	})
}
