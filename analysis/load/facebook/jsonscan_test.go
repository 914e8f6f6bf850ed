package facebook

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// scanArray splits the elements of a JSON array with jsonScanner.
func scanArray(t *testing.T, doc string, bufSize int) []string {
	t.Helper()
	f := &rawio.File{R: bufio.NewReaderSize(strings.NewReader(doc), bufSize), Limits: rawio.Limits{}.WithDefaults()}
	s := newJSONScanner(f)
	if c, err := s.peek(); err != nil || c != '[' {
		t.Fatalf("peek = %q, %v", c, err)
	}
	s.r.Discard(1)
	var out []string
	for {
		c, err := s.peek()
		if err != nil {
			t.Fatal(err)
		}
		switch c {
		case ']':
			return out
		case ',':
			s.r.Discard(1)
			continue
		}
		v, err := s.value(true)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(v))
	}
}

// The scanner finds the same values as encoding/json, whatever escapes
// the strings hold and wherever the buffer boundaries fall.
func TestJSONScanner(t *testing.T) {
	values := []string{
		`{"a":"x\\\"y\\\\","b":[1,{"c":"]}"}]}`,
		`"\\"`, `"\\\\\""`, `"\""`, `12.5e3`, `true`, `null`, `[]`, `{}`,
		`{"k":"` + strings.Repeat(`\\`, 17) + `\""}`,
		`["` + strings.Repeat("é", 20) + `\u00e9",{"x":"{["}]`,
	}
	doc := "[" + strings.Join(values, " ,\n ") + "]"
	var want []json.RawMessage
	if err := json.Unmarshal([]byte(doc), &want); err != nil {
		t.Fatal(err)
	}
	for pad := 0; pad < 24; pad++ {
		for _, size := range []int{16, 17, 23, 64} {
			got := scanArray(t, strings.Repeat(" ", pad)+doc, size)
			if len(got) != len(want) {
				t.Fatalf("pad %d size %d: %d values, want %d: %q", pad, size, len(got), len(want), got)
			}
			for i := range want {
				if got[i] != string(bytes.TrimSpace(want[i])) {
					t.Errorf("pad %d size %d: value %d = %s, want %s", pad, size, i, got[i], want[i])
				}
			}
		}
	}
}
