// Package jsonvalues splits JSON exports into records without decoding
// them, within a file's rawio.Limits, for the readers of JSON formats
// (analysis/load/twitter, analysis/load/mastodon, analysis/load/discourse,
// analysis/load/bluesky, and through Scanner analysis/load/facebook and
// analysis/load/telegram), and decodes the values they share (DecodeError,
// ID, Count, Kind, Position).
//
// Each gives the records of a file: a file of JSON lines gives its
// non-blank lines; a JSON document (a top-level array, or an object laid
// over several lines) gives its top-level values, the elements of a
// top-level array one by one. A line or value longer than
// Limits.LineBytes is given as a *rawio.LimitError instead of its bytes,
// and reading goes on with the next line or value; memory holds one
// record at a time. Each and Values do not check depth: the splitting
// follows brackets without recursion, so each reader checks the records
// it decodes (a status, a post) with rawio.CheckJSONDepth, and a record
// nested too deep costs itself, not the response holding it. EachChecked
// and ValuesChecked also give a record nested deeper than Limits.Depth as
// its *rawio.LimitError, for a reader that decodes whole records (a
// tweet, a line of a Twitter archive).
//
// Members and Elements split a record already in memory (an API response
// object, a wrapper holding an array of statuses or posts) into its
// members or its elements, following only strings and brackets, so that
// a malformed element is cut where it ends and fails alone when decoded.
//
// Scanner walks one large JSON document (a Facebook DYI file, a Telegram
// chat export) byte by byte and value by value, for a reader that finds
// its records by the keys leading to them (analysis/load/facebook,
// analysis/load/telegram).
package jsonvalues

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Each calls fn with each record of f and the line where it starts, or,
// for a record past the line limit, with a nil record and the error (a
// *rawio.LimitError). It returns an error only when f cannot be read.
// f is read as a document when DocumentMode(f.Head) says so.
func Each(f *rawio.File, fn func(b []byte, line int, bad error)) error {
	return each(f, DocumentMode(f.Head), noDepth, fn)
}

// EachChecked is Each, with two differences: a record nested deeper than
// f.Limits.Depth is given, like one past the line limit, as a nil record
// and its *rawio.LimitError; and f is read as a document (its top-level
// values) when document is true, as JSON lines otherwise, for a reader
// whose formats tell the two apart in their own way.
func EachChecked(f *rawio.File, document bool, fn func(b []byte, line int, bad error)) error {
	return each(f, document, f.Limits.WithDefaults().Depth, fn)
}

// each is Each and EachChecked: depth is the depth limit, or noDepth.
func each(f *rawio.File, document bool, depth int, fn func(b []byte, line int, bad error)) error {
	if document {
		return values(f.R, 0, f.Limits, depth, fn)
	}
	lr := f.Lines()
	for {
		b, n, err := lr.Next()
		switch {
		case err == nil:
		case err == io.EOF:
			return nil
		case rawio.IsRecordError(err):
			fn(nil, n, err)
			continue
		default:
			return err
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		if err := checkDepth(b, depth); err != nil {
			fn(nil, n, err)
			continue
		}
		fn(b, n, nil)
	}
}

// DocumentMode reports whether head starts a JSON document laid over
// several lines or an array, rather than JSON lines: whether it opens
// with '[', or with an object still open at the end of its first line
// (a pretty-printed object, or an object whose first line opens an array
// of records, as {"latest_posts": [ does).
func DocumentMode(head []byte) bool {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 {
		return false
	}
	if t[0] == '[' {
		return true
	}
	line := t
	if i := bytes.IndexByte(t, '\n'); i >= 0 {
		line = t[:i]
	}
	_, closed := valueEnd(line, 0)
	return !closed
}

// Values calls fn with each top-level value of br (the elements of a
// top-level array one by one) and the line where it starts, or, for a
// value longer than lim.LineBytes, with a nil value and the
// *rawio.LimitError it went past. A value still open at the end of the
// stream is given as an error naming its first and last lines. Depth is
// not checked (see the package documentation).
func Values(br *bufio.Reader, lim rawio.Limits, fn func(b []byte, line int, bad error)) error {
	return values(br, 0, lim, noDepth, fn)
}

// ValuesChecked is Values, counting skipped lines already read before the
// first byte of br (lines are then those of the file), and giving a value
// nested deeper than lim.Depth as a nil value and its *rawio.LimitError.
func ValuesChecked(br *bufio.Reader, skipped int, lim rawio.Limits, fn func(b []byte, line int, bad error)) error {
	return values(br, skipped, lim, lim.WithDefaults().Depth, fn)
}

// values is Values and ValuesChecked: depth is the depth limit, or
// noDepth.
func values(br *bufio.Reader, skipped int, lim rawio.Limits, depth int, fn func(b []byte, line int, bad error)) error {
	lim = lim.WithDefaults()
	vr := &valueReader{r: br, line: skipped, unwrap: true, maxBytes: lim.LineBytes, maxDepth: depth,
		tooLong: rawio.NewLimitError(lim, "line-bytes")}
	for {
		b, line, bad, err := vr.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		fn(b, line, bad)
	}
}

// valueReader splits a stream into top-level JSON values without decoding
// them, counting lines. It only follows strings and brackets, so a value
// that is malformed inside is still cut where it ends and fails alone
// when decoded. A literal (number, true, false, null) ends at the next
// delimiter; text that cannot start a value (junk) is given as a value
// running to the end of its line, so that it is rejected.
//
// A value longer than maxBytes is not kept: the reader follows it to its
// end without buffering it and reports it with tooLong, so that memory
// stays within maxBytes whatever the stream holds. A value nesting arrays
// and objects deeper than maxDepth is reported with the depth limit.
type valueReader struct {
	r         *bufio.Reader
	line      int    // lines ended so far
	pending   []byte // rest of the chunk being scanned
	buf       []byte
	err       error // sticky read error; io.EOF at the end
	unwrap    bool  // give the elements of a top-level array
	inArray   bool  // inside the unwrapped top-level array
	unwrapped bool  // the top-level array was met

	maxBytes, maxDepth int
	tooLong            error
	over               error // the limit the value being read went past
	lastNL             bool  // the last byte read is a line feed
}

// unclosed is the rejection of a string, array or object that started at
// line start and is still open at the end of the stream: it took the rest
// of the file, which cannot be split into values, so the rejection names
// the lines it holds. over is the limit it went past, if any.
func (v *valueReader) unclosed(start int, over error) error {
	last := v.line
	if !v.lastNL {
		last++
	}
	why := rawio.ErrBadJSON
	if over != nil {
		why = over
	}
	return fmt.Errorf("%w: the value opened on this line is still open at the end of the file, line %d (%d lines)", why, last, last-start+1)
}

// next returns the next value and the line it starts at. The value is
// valid until the next call. A value past the limits is returned as nil
// with bad, the limit it went past. At the end it returns io.EOF; a value
// cut by the end of the stream is returned as it is. Any other read error
// is returned at once.
func (v *valueReader) next() (value []byte, line int, bad error, err error) {
	v.buf, v.over = v.buf[:0], nil
	var (
		inValue, garbage, literal, inStr, esc bool
		depth, start, from                    int
	)
	for {
		if len(v.pending) == 0 {
			if v.err != nil {
				switch {
				case !inValue:
					return nil, 0, nil, v.err
				case !literal && !garbage:
					if v.over == nil {
						v.over = checkDepth(v.buf, v.maxDepth)
					}
					return nil, start, v.unclosed(start, v.over), nil
				case v.over != nil:
					return nil, start, v.over, nil
				}
				return v.buf, start, nil, nil
			}
			chunk, err := v.r.ReadSlice('\n')
			if len(chunk) > 0 {
				v.lastNL = chunk[len(chunk)-1] == '\n'
			}
			switch err {
			case nil, bufio.ErrBufferFull:
			case io.EOF:
				v.err = err
			default:
				v.err = err
				return nil, 0, nil, err
			}
			v.pending, from = chunk, 0
			continue
		}
		p := v.pending
		for i := 0; i < len(p); i++ {
			c := p[i]
			if !inValue {
				switch {
				case c == '\n':
					v.line++
					continue
				case c == ' ' || c == '\t' || c == '\r' || c == ';':
					continue
				case v.inArray && c == ',':
					continue
				case v.inArray && c == ']':
					v.inArray = false
					continue
				case v.unwrap && !v.unwrapped && c == '[':
					v.inArray, v.unwrapped = true, true
					continue
				}
				inValue, start, from = true, v.line+1, i
				switch {
				case c == '{' || c == '[':
					depth = 1
				case c == '"':
					inStr = true
				case c == '-' || c >= '0' && c <= '9' || c == 't' || c == 'f' || c == 'n':
					literal = true
				default:
					garbage = true
				}
				continue
			}
			switch {
			case garbage:
				if c == '\n' {
					return v.cut(p, from, i, start)
				}
				continue
			case literal:
				if bytes.IndexByte([]byte(" \t\r\n,]}[{;"), c) >= 0 {
					return v.cut(p, from, i, start)
				}
				continue
			}
			if c == '\n' {
				v.line++
			}
			switch {
			case esc:
				esc = false
			case inStr:
				switch c {
				case '\\':
					esc = true
				case '"':
					inStr = false
					if depth == 0 {
						return v.cut(p, from, i+1, start)
					}
				default:
					// Skip to the next quote or backslash. A chunk holds a
					// line feed only as its last byte.
					rest := p[i+1:]
					j := bytes.IndexByte(rest, '"')
					seg := rest
					if j >= 0 {
						seg = rest[:j]
					}
					if e := bytes.IndexByte(seg, '\\'); e >= 0 {
						j = e
					}
					if j < 0 {
						if n := len(rest); n > 0 && rest[n-1] == '\n' {
							v.line++
						}
						j = len(rest)
					}
					i += j
				}
			default:
				switch c {
				case '"':
					inStr = true
				case '{', '[':
					depth++
				case '}', ']':
					depth--
					if depth == 0 {
						return v.cut(p, from, i+1, start)
					}
				}
			}
		}
		if inValue {
			if v.over == nil && len(v.buf)+len(p)-from > v.maxBytes {
				v.over = v.tooLong
			}
			if v.over == nil {
				v.buf = append(v.buf, p[from:]...)
			} else {
				v.buf = v.buf[:0]
			}
		}
		v.pending, from = nil, 0
	}
}

// cut ends the value that started at line start at p[:end], leaving the
// rest of p pending.
func (v *valueReader) cut(p []byte, from, end, start int) ([]byte, int, error, error) {
	v.pending = p[end:]
	if v.over == nil && len(v.buf)+end-from > v.maxBytes {
		v.over = v.tooLong
	}
	if v.over != nil {
		return nil, start, v.over, nil
	}
	b := v.buf
	if len(b) == 0 {
		b = p[from:end] // the value lies in one chunk: no copy
	} else {
		b = append(b, p[from:end]...)
		v.buf = b
	}
	// The depth is checked once the value is whole: it is within
	// maxBytes, and checking it here keeps the scanning loop tight.
	if err := checkDepth(b, v.maxDepth); err != nil {
		return nil, start, err, nil
	}
	return b, start, nil, nil
}

// noDepth is the depth limit of Each and Values: none, since their
// readers check each record they decode.
const noDepth = -1

// checkDepth is rawio.CheckJSONDepth, or nothing for noDepth.
func checkDepth(b []byte, max int) error {
	if max == noDepth {
		return nil
	}
	return rawio.CheckJSONDepth(b, max)
}

// skipSpace returns the index of the first byte of b at or after i that
// is not JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// valueEnd returns the end of the value starting at b[i], following
// strings and brackets only, and whether it closed: an array, object or
// string still open at the end of b runs to the end. A literal (or junk)
// ends at the next delimiter or white space, and is at least one byte.
func valueEnd(b []byte, i int) (int, bool) {
	switch b[i] {
	case '{', '[':
		depth, inStr, esc := 0, false, false
		for j := i; j < len(b); j++ {
			c := b[j]
			switch {
			case esc:
				esc = false
			case inStr:
				if c == '\\' {
					esc = true
				} else if c == '"' {
					inStr = false
				}
			case c == '"':
				inStr = true
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				if depth--; depth == 0 {
					return j + 1, true
				}
			}
		}
		return len(b), false
	case '"':
		for j := i + 1; j < len(b); j++ {
			switch b[j] {
			case '\\':
				j++
			case '"':
				return j + 1, true
			}
		}
		return len(b), false
	}
	j := i + 1
	for j < len(b) && bytes.IndexByte([]byte(" \t\r\n,]}[{:\""), b[j]) < 0 {
		j++
	}
	return j, true
}

// Members calls fn with each member of the JSON object b: its key, its
// value (as written) and the offset of the value in b, until fn returns
// false. It returns an error wrapping rawio.ErrBadJSON, with the offset
// where the object stops making sense, when b is not an object or is
// malformed between its members (the members before were given); a value
// still open at the end of b is given as the rest of b.
func Members(b []byte, fn func(key string, value []byte, off int) bool) (off int, err error) {
	i := skipSpace(b, 0)
	if i == len(b) || b[i] != '{' {
		return i, fmt.Errorf("%w: not an object", rawio.ErrBadJSON)
	}
	for i++; ; {
		i = skipSpace(b, i)
		if i < len(b) && b[i] == ',' {
			i++
			continue
		}
		if i == len(b) {
			return i, fmt.Errorf("%w: object still open at its end", rawio.ErrBadJSON)
		}
		if b[i] == '}' {
			return i, nil
		}
		if b[i] != '"' {
			return i, fmt.Errorf("%w: a member's key is not a string", rawio.ErrBadJSON)
		}
		end, ok := valueEnd(b, i)
		var key string
		if !ok || json.Unmarshal(b[i:end], &key) != nil {
			return i, fmt.Errorf("%w: unreadable member key", rawio.ErrBadJSON)
		}
		i = skipSpace(b, end)
		if i == len(b) || b[i] != ':' {
			return i, fmt.Errorf("%w: a member's key without value", rawio.ErrBadJSON)
		}
		i = skipSpace(b, i+1)
		if i == len(b) {
			return i, fmt.Errorf("%w: a member's key without value", rawio.ErrBadJSON)
		}
		end, _ = valueEnd(b, i)
		if !fn(key, b[i:end], i) {
			return end, nil
		}
		i = end
	}
}

// Elements calls fn with each element of the JSON array b (as written)
// and its offset in b. Elements are cut by following strings and
// brackets only, so that a malformed element is given alone; text that
// cannot start a value is given as an element running to the next
// delimiter. An element still open at the end of b is the rest of b. It
// returns an error wrapping rawio.ErrBadJSON when b is not an array.
func Elements(b []byte, fn func(el []byte, off int)) error {
	i := skipSpace(b, 0)
	if i == len(b) || b[i] != '[' {
		return fmt.Errorf("%w: not an array", rawio.ErrBadJSON)
	}
	for i++; ; {
		i = skipSpace(b, i)
		if i == len(b) || b[i] == ']' {
			return nil
		}
		if b[i] == ',' {
			i++
			continue
		}
		end, _ := valueEnd(b, i)
		fn(b[i:end], i)
		i = end
	}
}

// LineOf returns the line, counted from first (the line of b[0]), of the
// byte at offset off of b.
func LineOf(b []byte, off, first int) int {
	return first + bytes.Count(b[:min(off, len(b))], []byte{'\n'})
}
