package discourse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// recorder is the sink of these tests: it keeps what a reader gives it,
// in order, service records included.
type recorder = loadtest.ServiceRecorder

// readWith reads raw as format within lim.
func readWith(t *testing.T, format, name string, raw []byte, lim rawio.Limits) (*recorder, error) {
	t.Helper()
	rec := &recorder{}
	return rec, loadtest.ReadBytes(t, format, name, raw, lim, rec)
}

// readFile reads testdata/name as format.
func readFile(t *testing.T, format, name string) *recorder {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := readWith(t, format, name, raw, rawio.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return rec
}
