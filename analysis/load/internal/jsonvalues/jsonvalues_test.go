package jsonvalues

import (
	"bufio"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

func TestDocumentMode(t *testing.T) {
	for head, want := range map[string]bool{
		"":                                 false,
		`{"id": 1}` + "\n" + `{"id": 2}`:   false,
		"[\n{}]":                           true,
		"{\n  \"a\": 1\n}":                 true,
		`{"latest_posts": [` + "\n{}]}":    true,
		`{"id": "1", "te`:                  true, // cut short: a document's value
		"\r\n  [1]":                        true,
		`{"a": "}"}` + "\n" + `{"b": "{"}`: false,
	} {
		if got := DocumentMode([]byte(head)); got != want {
			t.Errorf("DocumentMode(%q) = %v, want %v", head, got, want)
		}
	}
}

func TestMembersElements(t *testing.T) {
	b := []byte(`{"a": [1, {"x": "]}"}, "s\"", bad, [2]], "b": {"c": null}, "d"}`)
	var keys []string
	var vals []string
	_, err := Members(b, func(k string, v []byte, off int) bool {
		keys, vals = append(keys, k), append(vals, string(v))
		if string(b[off:off+len(v)]) != string(v) {
			t.Errorf("offset %d of %s", off, k)
		}
		return true
	})
	if !errors.Is(err, rawio.ErrBadJSON) || !reflect.DeepEqual(keys, []string{"a", "b"}) ||
		vals[1] != `{"c": null}` {
		t.Fatalf("members %q %q, %v", keys, vals, err)
	}
	var els []string
	if err := Elements([]byte(vals[0]), func(el []byte, _ int) { els = append(els, string(el)) }); err != nil {
		t.Fatal(err)
	}
	if want := []string{"1", `{"x": "]}"}`, `"s\""`, "bad", "[2]"}; !reflect.DeepEqual(els, want) {
		t.Errorf("elements %q, want %q", els, want)
	}
	// An element still open at the end is the rest.
	els = nil
	Elements([]byte(`[{"a": 1}, {"b": [`), func(el []byte, _ int) { els = append(els, string(el)) })
	if want := []string{`{"a": 1}`, `{"b": [`}; !reflect.DeepEqual(els, want) {
		t.Errorf("elements %q, want %q", els, want)
	}
	if Elements([]byte(`{}`), func([]byte, int) {}) == nil {
		t.Error("an object read as an array")
	}
	if got := LineOf([]byte("a\nb\nc"), 4, 10); got != 12 {
		t.Errorf("LineOf = %d", got)
	}
}

// Values streams a top-level array element by element, and a value past
// the line limit is an error alone.
func TestValues(t *testing.T) {
	in := "[\n{\"a\": 1},\n\"" + strings.Repeat("x", 100) + "\",\n{\"b\": [2]}\n]\n{\"c\": 3}\n"
	type got struct {
		v    string
		line int
		lim  string
	}
	var out []got
	err := Values(bufio.NewReader(strings.NewReader(in)), rawio.Limits{LineBytes: 50}, func(b []byte, line int, bad error) {
		g := got{string(b), line, ""}
		var le *rawio.LimitError
		if errors.As(bad, &le) {
			g.lim = le.Limit
		}
		out = append(out, g)
	})
	want := []got{{`{"a": 1}`, 2, ""}, {"", 3, "line-bytes"}, {`{"b": [2]}`, 4, ""}, {`{"c": 3}`, 6, ""}}
	if err != nil || !reflect.DeepEqual(out, want) {
		t.Errorf("%v %+v, want %+v", err, out, want)
	}
}

// ValuesChecked counts the lines skipped before the stream and gives a
// value nested past the depth limit as an error alone; Values, which
// leaves depth to the readers, gives it whole.
func TestValuesChecked(t *testing.T) {
	in := "[\n{\"a\": [[[1]]]},\n{\"b\": 2}\n]\n"
	lim := rawio.Limits{Depth: 3}
	var lines []int
	var limits []string
	err := ValuesChecked(bufio.NewReader(strings.NewReader(in)), 5, lim, func(b []byte, line int, bad error) {
		lines = append(lines, line)
		var le *rawio.LimitError
		if errors.As(bad, &le) {
			limits = append(limits, le.Limit)
		} else {
			limits = append(limits, string(b))
		}
	})
	if want := []int{7, 8}; err != nil || !reflect.DeepEqual(lines, want) {
		t.Errorf("%v lines %v, want %v", err, lines, want)
	}
	if want := []string{"depth", `{"b": 2}`}; !reflect.DeepEqual(limits, want) {
		t.Errorf("got %q, want %q", limits, want)
	}
	var whole []string
	Values(bufio.NewReader(strings.NewReader(in)), lim, func(b []byte, _ int, bad error) { whole = append(whole, string(b)) })
	if want := []string{`{"a": [[[1]]]}`, `{"b": 2}`}; !reflect.DeepEqual(whole, want) {
		t.Errorf("Values gave %q, want %q", whole, want)
	}
}

// EachChecked reads JSON lines or a document as told, not as
// DocumentMode would guess, and rejects a line nested too deep alone.
func TestEachChecked(t *testing.T) {
	in := "{\"a\": 1, \"cut\n[[[[1]]]]\n\n{\"b\": 2}\n"
	f, err := rawio.NewFileWith("x.jsonl", strings.NewReader(in), rawio.Limits{Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !DocumentMode(f.Head) {
		t.Fatal("DocumentMode takes the cut first line for a document")
	}
	var got []string
	err = EachChecked(f, false, func(b []byte, line int, bad error) {
		var le *rawio.LimitError
		if errors.As(bad, &le) {
			got = append(got, fmt.Sprint(line, " ", le.Limit))
			return
		}
		got = append(got, fmt.Sprint(line, " ", string(b)))
	})
	if want := []string{`1 {"a": 1, "cut`, "2 depth", `4 {"b": 2}`}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("%v %q, want %q", err, got, want)
	}
}
