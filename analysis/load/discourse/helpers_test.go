package discourse

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// recorder is a sink keeping what a reader gives it.
type recorder struct {
	msgs     []*rawio.RawMessage
	rejects  []*rawio.ParseError
	services []*rawio.RawService
	other    int
}

func (r *recorder) Message(m *rawio.RawMessage)        { r.msgs = append(r.msgs, m) }
func (r *recorder) Panel(*corpus.PanelObservation)     { r.other++ }
func (r *recorder) Profile(*rawio.RawProfile)          { r.other++ }
func (r *recorder) Reject(e *rawio.ParseError)         { r.rejects = append(r.rejects, e) }
func (r *recorder) Service(s *rawio.RawService)        { r.services = append(r.services, s) }
func (r *recorder) records() int                       { return len(r.msgs) + len(r.rejects) + len(r.services) }
func (r *recorder) byID() map[string]*rawio.RawMessage { return index(r.msgs) }

func index(ms []*rawio.RawMessage) map[string]*rawio.RawMessage {
	out := map[string]*rawio.RawMessage{}
	for _, m := range ms {
		out[m.ID] = m
	}
	return out
}

// readWith reads raw as format within lim.
func readWith(t *testing.T, format, name string, raw []byte, lim rawio.Limits) (*recorder, error) {
	t.Helper()
	f, err := rawio.NewFileWith(name, bytes.NewReader(raw), lim)
	if err != nil {
		t.Fatal(err)
	}
	fm, ok := rawio.Lookup(format)
	if !ok {
		t.Fatalf("format %s not registered", format)
	}
	rec := &recorder{}
	err = fm.Read(f, rec)
	return rec, err
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
