package telegram

import (
	"bytes"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// recorder is a Sink that keeps what it receives, in order, service
// records included.
type recorder struct {
	msgs     []*rawio.RawMessage
	rejects  []*rawio.ParseError
	services []*rawio.RawService
	other    int // Panel and Profile calls, which this format never makes
}

func (r *recorder) Message(m *rawio.RawMessage)    { r.msgs = append(r.msgs, m) }
func (r *recorder) Panel(*corpus.PanelObservation) { r.other++ }
func (r *recorder) Profile(*rawio.RawProfile)      { r.other++ }
func (r *recorder) Reject(e *rawio.ParseError)     { r.rejects = append(r.rejects, e) }
func (r *recorder) Service(s *rawio.RawService)    { r.services = append(r.services, s) }

func (r *recorder) calls() int { return len(r.msgs) + len(r.rejects) + len(r.services) + r.other }

// kinds counts the service records by kind.
func (r *recorder) kinds() map[string]int {
	out := map[string]int{}
	for _, s := range r.services {
		out[s.Kind]++
	}
	return out
}

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
