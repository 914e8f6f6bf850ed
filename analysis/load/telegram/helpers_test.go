package telegram

import (
	"bytes"
	"testing"

	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// recorder is the sink of these tests: it keeps what a reader gives it,
// in order, service records included.
type recorder = loadtest.ServiceRecorder

func readFile(t testing.TB, path string, opts map[string]string) *recorder {
	t.Helper()
	f, err := rawio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.Options = opts
	rec := &recorder{}
	if err := read(f, rec); err != nil {
		t.Fatalf("Read: %v", err)
	}
	return rec
}

func readBytes(t testing.TB, raw string, opts map[string]string) (*recorder, error) {
	t.Helper()
	f, err := rawio.NewFile("in.json", bytes.NewReader([]byte(raw)))
	if err != nil {
		t.Fatal(err)
	}
	f.Options = opts
	rec := &recorder{}
	return rec, read(f, rec)
}
