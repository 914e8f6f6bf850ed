package twitter

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// callLog is a Sink writing down every call, in order.
type callLog struct{ b strings.Builder }

func (l *callLog) Message(m *rawio.RawMessage) { fmt.Fprintf(&l.b, "M %+v\n", *m) }
func (l *callLog) Panel(p *corpus.PanelObservation) {
	fmt.Fprintf(&l.b, "P %+v\n", *p)
}
func (l *callLog) Profile(p *rawio.RawProfile) { fmt.Fprintf(&l.b, "R %+v\n", *p) }
func (l *callLog) Reject(e *rawio.ParseError)  { fmt.Fprintf(&l.b, "X %v\n", e) }

// TestTwarc2Workers reads a twarc2 file of 2,000 lines — pages, flattened
// tweets, broken JSON, a line past the line limit, one nested too deep,
// blank lines — with one worker and with several, and checks that the
// sink receives the same calls in the same order.
func TestTwarc2Workers(t *testing.T) {
	var lines [][]byte
	for _, name := range []string{"search.jsonl", "flat.jsonl"} {
		b, err := os.ReadFile(filepath.Join("testdata", "twarc2", name))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, bytes.Split(bytes.TrimSpace(b), []byte("\n"))...)
	}
	lines = append(lines,
		[]byte(`{"data": [{"id": "1500000000000009999", "text": "coupé`),
		[]byte(`{"id": "1500000000000009998", "text": "`+strings.Repeat("long ", 1000)+`", "created_at": "2022-03-05T21:14:07.000Z"}`),
		[]byte(strings.Repeat("[", 40)+strings.Repeat("]", 40)),
		[]byte(""),
	)
	var raw bytes.Buffer
	for i := 0; raw.Len() == 0 || i < 2000; i++ {
		raw.Write(lines[i%len(lines)])
		raw.WriteByte('\n')
	}
	limits := rawio.Limits{LineBytes: 4000, Depth: 20}
	read := func(workers int) (string, int) {
		f, err := rawio.NewFileWith("t.jsonl", bytes.NewReader(raw.Bytes()), limits)
		if err != nil {
			t.Fatal(err)
		}
		f.Workers = workers
		log := &callLog{}
		if err := readTwarc2(f, log); err != nil {
			t.Fatal(err)
		}
		return log.b.String(), strings.Count(log.b.String(), "\nX ")
	}
	want, rejects := read(1)
	t.Logf("%d messages, %d rejections, %d lines", strings.Count(want, "M "), rejects, len(lines))
	if n := strings.Count(want, "M "); n < 1000 || rejects < 3*2000/len(lines) {
		t.Fatalf("one worker: %d messages, %d rejections", n, rejects)
	}
	for _, w := range []int{2, 5} {
		if got, _ := read(w); got != want {
			t.Errorf("%d workers: the calls differ from one worker's (%d and %d bytes)", w, len(got), len(want))
		}
	}
}
