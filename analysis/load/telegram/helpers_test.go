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
	rec := &recorder{}
	loadtest.ReadPath(t, path, opts, read, rec)
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
