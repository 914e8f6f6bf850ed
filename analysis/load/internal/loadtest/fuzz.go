package loadtest

import (
	"bytes"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/rawio/rawiotest"
)

// FuzzName is the name of the file FuzzRead reads.
const FuzzName = "fuzz/input"

// FuzzRead reads raw, named FuzzName, with format within the limits of
// code (rawiotest.FuzzLimits) and checks what every reader promises
// whatever its input: no error (the input is in memory) but for a
// gzip-compressed input, no Panel or Profile call; messages of platform
// with an id, a UTC time and a line within the input; rejects naming the
// file, a line within the input and a reason; service records at a line
// within the input. Lines are counted with both line ends, \n and \r
// (1<<30 for gzip). It returns the recorder and that count, for the
// format's own checks, or nil when raw cannot be opened (a broken gzip
// header: not the reader's business).
func FuzzRead(t *testing.T, raw []byte, format string, code uint32, platform corpus.Platform) (*ServiceRecorder, int) {
	t.Helper()
	f, err := rawio.NewFileWith(FuzzName, bytes.NewReader(raw), rawiotest.FuzzLimits(code))
	if err != nil {
		return nil, 0
	}
	gz := f.Gzip
	fm, _ := rawio.Lookup(format)
	rec := &ServiceRecorder{}
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
		case m.ID == "" || m.Created.IsZero() || m.Created.Location() != time.UTC || m.Platform != platform:
			t.Errorf("message without id, UTC time or platform: %+v", m)
		case m.Line < 1 || m.Line > lines:
			t.Errorf("message %s at line %d of %d", m.ID, m.Line, lines)
		}
	}
	for _, e := range rec.Rejects {
		if e.File != FuzzName || e.Err == nil || e.Line < 1 || e.Line > lines {
			t.Errorf("reject %+v (input of %d lines)", e, lines)
		}
	}
	for _, s := range rec.Services {
		if s.Line < 1 || s.Line > lines {
			t.Errorf("service %+v", s)
		}
	}
	return rec, lines
}
