package mastodon

import (
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
