package loadtest

import (
	"bytes"
	"compress/gzip"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// LineRecords counts the non-blank lines and, blank or not, the lines
// past the line limit; Decoded ungzips.
func TestLineRecords(t *testing.T) {
	b := []byte("{\"a\":1}\n\n   \n" + "{\"b\":2}\r\n" + "        \n")
	if n := LineRecords(b, rawio.Limits{LineBytes: 100}); n != 2 {
		t.Errorf("%d records, want 2", n)
	}
	// With lines of at most 4 bytes the two blank lines of 3 and 8
	// spaces: the second counts, as a line past the limit.
	if n := LineRecords(b, rawio.Limits{LineBytes: 4}); n != 3 {
		t.Errorf("%d records, want 3", n)
	}
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(b)
	w.Close()
	if got := Decoded(gz.Bytes()); !bytes.Equal(got, b) {
		t.Errorf("Decoded = %q", got)
	}
}

// The recorders count every call; ServiceRecorder takes service records,
// which reach a Recorder as rejections.
func TestRecorders(t *testing.T) {
	notMessage := &rawio.ParseError{File: "x", Line: 3}
	var plain Recorder
	var svc ServiceRecorder
	for _, s := range []rawio.Sink{&plain, &svc} {
		s.Message(&rawio.RawMessage{ID: "1"})
		s.Message(&rawio.RawMessage{ID: "2", Line: 2})
		s.Profile(&rawio.RawProfile{})
		rawio.EmitService(s, &rawio.RawService{Kind: "join", Line: 3}, notMessage)
	}
	if plain.Calls() != 4 || len(plain.Rejects) != 1 || plain.Other != 1 {
		t.Errorf("Recorder: %d calls, %d rejects, %d other", plain.Calls(), len(plain.Rejects), plain.Other)
	}
	if svc.Calls() != 4 || len(svc.Rejects) != 0 || svc.Kinds()["join"] != 1 {
		t.Errorf("ServiceRecorder: %d calls, %d rejects, kinds %v", svc.Calls(), len(svc.Rejects), svc.Kinds())
	}
	if m := svc.ByID(t, "2"); m.Line != 2 || svc.Index()["1"].ID != "1" || len(svc.Index()) != 2 {
		t.Errorf("ByID(2) = %+v, Index %v", m, svc.Index())
	}
}
