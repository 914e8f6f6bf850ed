package twitter

import (
	"bytes"
	"encoding/json"

	"github.com/faire-communaute/compendium/analysis/load/internal/jsonvalues"
)

// eachRecord calls fn with each JSON record of r.f and the line where it
// starts. A file of JSON lines gives its non-blank lines. A JSON document
// laid over several lines (pretty-printed), or a top-level array, gives
// its top-level values, the elements of a top-level array one by one
// (jsonvalues.EachChecked splits them).
//
// Records stay within r.f.Limits: a line longer than LineBytes (in a
// document, a value longer than it), or a record nested deeper than
// Depth, is rejected whole, naming its line and the limit, and reading
// goes on with the next line (or value). Memory holds one record at a
// time, so it stays within the limits whatever the file holds.
func (r *reader) eachRecord(fn func(b []byte, line int)) error {
	return jsonvalues.EachChecked(r.f, documentMode(r.f.Head), r.rejectBad(fn))
}

// eachValue calls fn with each top-level value of r.f (the elements of a
// top-level array one by one) and the line where it starts, counting
// skipped lines before the first byte left to read. A value past the
// limits is rejected, as in eachRecord.
func (r *reader) eachValue(skipped int, fn func(b []byte, line int)) error {
	return jsonvalues.ValuesChecked(r.f.R, skipped, r.f.Limits, r.rejectBad(fn))
}

// rejectBad turns fn into a callback of jsonvalues that rejects a record
// past the limits, naming its line, and gives fn the others.
func (r *reader) rejectBad(fn func(b []byte, line int)) func(b []byte, line int, bad error) {
	return func(b []byte, line int, bad error) {
		if bad != nil {
			r.reject(line, 0, "", bad)
			return
		}
		fn(b, line)
	}
}

// documentMode reports whether head starts a JSON document laid over
// several lines or an array, rather than JSON lines: whether it opens with
// '[', or with '{' alone on its line. (jsonvalues.DocumentMode also takes
// a first line that leaves an object open for a document; here such a
// line is a JSON line cut short, rejected alone.)
func documentMode(head []byte) bool {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 {
		return false
	}
	if t[0] == '[' {
		return true
	}
	return string(bytes.TrimSpace(firstLine(t))) == "{"
}

// shape is what a sniffer sees of the first JSON record of a head: the
// keys of its top-level object, the kind of their values (the first byte:
// '{', '[', '"', 't', 'f', 'n' or a digit), its short string values, and
// the keys of the object under "data" (or of the first element of data).
type shape struct {
	top  map[string]byte
	str  map[string]string
	data map[string]bool
}

func (s *shape) has(keys ...string) bool {
	for _, k := range keys {
		if _, ok := s.top[k]; !ok {
			return false
		}
	}
	return true
}

func (s *shape) any(keys ...string) bool {
	for _, k := range keys {
		if _, ok := s.top[k]; ok {
			return true
		}
	}
	return false
}

// sniffShape reads the shape of the first record of head: the first JSON
// object, or the first element of a top-level array, read as far as head
// goes. It returns nil when head does not start with JSON.
func sniffShape(head []byte) *shape {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 || (t[0] != '{' && t[0] != '[') {
		return nil
	}
	s := &shape{top: map[string]byte{}, str: map[string]string{}, data: map[string]bool{}}
	dec := json.NewDecoder(bytes.NewReader(t))
	dec.UseNumber()
	type frame struct {
		obj, wantKey bool
		key          string
		idx          int
	}
	var stack []frame
	rec := 1 // depth of the record object
	if t[0] == '[' {
		rec = 2
	}
	// path reports whether the frames from the record down are the record
	// itself (level 0), data (level 1) or data's first element (level 2).
	level := func() int {
		switch {
		case len(stack) == rec:
			return 0
		case len(stack) == rec+1 && stack[rec-1].key == "data":
			return 1
		case len(stack) == rec+2 && stack[rec-1].key == "data" && !stack[rec].obj && stack[rec].idx == 0:
			return 2
		}
		return -1
	}
	inRecord := func() bool {
		for i := 0; i < rec-1 && i < len(stack); i++ {
			if stack[i].idx != 0 { // past the first element of the array
				return false
			}
		}
		return true
	}
	done := func() { // a value ended in the top frame
		if n := len(stack); n > 0 {
			if stack[n-1].obj {
				stack[n-1].wantKey = true
			} else {
				stack[n-1].idx++
			}
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil || !inRecord() {
			break
		}
		top := len(stack) > 0 && stack[len(stack)-1].obj && stack[len(stack)-1].wantKey
		switch tok := tok.(type) {
		case json.Delim:
			switch tok {
			case '{', '[':
				if len(stack) == rec && !top {
					s.top[stack[rec-1].key] = byte(tok)
				}
				stack = append(stack, frame{obj: tok == '{', wantKey: tok == '{'})
			default:
				stack = stack[:len(stack)-1]
				done()
				if len(stack) < rec {
					return s
				}
			}
			continue
		case string:
			if top {
				f := &stack[len(stack)-1]
				f.key, f.wantKey = tok, false
				switch level() {
				case 0:
					s.top[tok] = 0
				case 1, 2:
					if stack[len(stack)-1].obj {
						s.data[tok] = true
					}
				}
				continue
			}
			if len(stack) == rec {
				k := stack[rec-1].key
				s.top[k] = '"'
				if len(tok) <= 64 {
					s.str[k] = tok
				}
			}
		default:
			if len(stack) == rec {
				k := stack[rec-1].key
				switch v := tok.(type) {
				case bool:
					s.top[k] = 'f'
					if v {
						s.top[k] = 't'
					}
				case nil:
					s.top[k] = 'n'
				default:
					s.top[k] = '0'
				}
			}
		}
		done()
		if len(stack) < rec {
			return s
		}
	}
	if len(s.top) == 0 && len(s.data) == 0 {
		return nil
	}
	return s
}
