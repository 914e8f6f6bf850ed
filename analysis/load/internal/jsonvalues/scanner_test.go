package jsonvalues

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// scanArray splits the elements of a JSON array with a Scanner.
func scanArray(t *testing.T, doc string, bufSize int) []string {
	t.Helper()
	f := &rawio.File{R: bufio.NewReaderSize(strings.NewReader(doc), bufSize), Limits: rawio.Limits{}.WithDefaults()}
	s := NewScanner(f, false)
	if c, err := s.Peek(); err != nil || c != '[' {
		t.Fatalf("peek = %q, %v", c, err)
	}
	s.Discard(1)
	var out []string
	for {
		c, err := s.Peek()
		if err != nil {
			t.Fatal(err)
		}
		switch c {
		case ']':
			return out
		case ',':
			s.Discard(1)
			continue
		}
		v, _, err := s.Value(true)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(v))
	}
}

// The scanner finds the same values as encoding/json, whatever escapes
// the strings hold and wherever the buffer boundaries fall.
func TestScanner(t *testing.T) {
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

// The scanner counts the lines it steps over, and a literal ends at ':'
// only when the scanner was told so.
func TestScannerLinesColon(t *testing.T) {
	doc := "{\n  \"a\":\n\n  \"x\\\ny\",\n  \"b\": 12:3\n}"
	for _, colon := range []bool{false, true} {
		f := &rawio.File{R: bufio.NewReader(strings.NewReader(doc)), Limits: rawio.Limits{}.WithDefaults()}
		s := NewScanner(f, colon)
		if c, _ := s.Peek(); c != '{' {
			t.Fatalf("peek = %q", c)
		}
		s.Discard(1)
		var got []string
		for range 4 {
			v, line, err := s.Value(true)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprint(line, " ", string(v)))
			if c, _ := s.Peek(); c == ':' || c == ',' {
				s.Discard(1)
			}
		}
		want := []string{`2 "a"`, "4 \"x\\\ny\"", `6 "b"`, "6 12:3"}
		lines := 6 // the line feed after 12:3 was stepped over by Peek
		if colon {
			want[3], lines = "6 12", 5 // Peek stopped at ':' before the 3
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("colon %v: %q, want %q", colon, got, want)
		}
		if s.Line() != lines {
			t.Errorf("colon %v: Line() = %d, want %d", colon, s.Line(), lines)
		}
	}
}

// Next steps over commas to the next value and consumes the closing
// bracket; the end of the stream is io.EOF.
func TestScannerNext(t *testing.T) {
	f := &rawio.File{R: bufio.NewReader(strings.NewReader("[ ,, 1 ,\n\"a\" ] x [2")), Limits: rawio.Limits{}.WithDefaults()}
	s := NewScanner(f, false)
	s.Discard(1)
	var got []string
	for {
		c, more, err := s.Next(']')
		if err != nil || !more {
			got = append(got, fmt.Sprint("end ", more, " ", err, " ", string(c)))
			break
		}
		v, line, _ := s.Value(true)
		got = append(got, fmt.Sprint(string(c), " ", string(v), " ", line))
	}
	if c, _ := s.Peek(); c != 'x' {
		t.Errorf("after ']': %q", c)
	}
	s.Discard(3) // "x ["
	if _, _, err := s.Value(true); err != nil {
		t.Fatal(err)
	}
	_, more, err := s.Next(']')
	got = append(got, fmt.Sprint("cut ", more, " ", err))
	want := []string{"1 1 1", `" "a" 2`, "end false <nil> ]", "cut false EOF"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
