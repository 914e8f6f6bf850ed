package whatsapp

import (
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// recorder is the sink of these tests: it keeps what a reader gives it,
// in order, service records included.
type recorder = loadtest.ServiceRecorder

// readFile reads the file at path, opened as load opens it (so that it
// can be opened again for the second pass).
func readFile(t testing.TB, path string, opts map[string]string) *recorder {
	t.Helper()
	rec := &recorder{}
	loadtest.ReadPath(t, path, opts, read, rec)
	return rec
}

// readString reads raw as standard input is read: without a folder, so
// the first pass spools the file.
func readString(t testing.TB, raw string, opts map[string]string, lim rawio.Limits) (*recorder, error) {
	t.Helper()
	f, err := rawio.NewFileWith("chat.txt", strings.NewReader(raw), lim)
	if err != nil {
		t.Fatal(err)
	}
	f.Options = opts
	rec := &recorder{}
	return rec, read(f, rec)
}
