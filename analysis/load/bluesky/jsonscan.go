package bluesky

// The record scanner of package twitter (jsonscan.go), copied: a JSON
// array, a pretty-printed document or JSON lines, read one record at a
// time within the file's limits, resynchronising after a broken record.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// eachRecord calls fn with each JSON record of r.f and the line where it
// starts. A file of JSON lines gives its non-blank lines. A JSON document
// laid over several lines (pretty-printed), or a top-level array, gives
// its top-level values, the elements of a top-level array one by one.
//
// Records stay within r.f.Limits: a line longer than LineBytes (in a
// document, a value longer than it), or a record nested deeper than
// Depth, is rejected whole, naming its line and the limit, and reading
// goes on with the next line (or value). Memory holds one record at a
// time, so it stays within the limits whatever the file holds.
func (r *reader) eachRecord(fn func(b []byte, line int)) error {
	f := r.f
	lim := f.Limits.WithDefaults()
	if documentMode(f.Head) {
		return r.eachValue(0, fn)
	}
	lr := f.Lines()
	for {
		b, n, err := lr.Next()
		switch {
		case err == nil:
		case err == io.EOF:
			return nil
		case rawio.IsRecordError(err):
			r.reject(n, 0, "", err)
			continue
		default:
			return err
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		if err := checkDepth(b, lim.Depth); err != nil {
			r.reject(n, 0, "", err)
			continue
		}
		fn(b, n)
	}
}

// eachValue calls fn with each top-level value of r.f (the elements of a
// top-level array one by one) and the line where it starts, counting
// skipped lines before the first byte left to read. A value past the
// limits is rejected, as in eachRecord.
func (r *reader) eachValue(skipped int, fn func(b []byte, line int)) error {
	return eachValue(r.f.R, skipped, r.f.Limits, func(b []byte, line int, bad error) {
		if bad != nil {
			r.reject(line, 0, "", bad)
			return
		}
		fn(b, line)
	})
}

// eachValue calls fn with each top-level value of br and the line where
// it starts, or, for a value past lim, with a nil value and the
// *rawio.LimitError it went past.
func eachValue(br *bufio.Reader, skipped int, lim rawio.Limits, fn func(b []byte, line int, bad error)) error {
	lim = lim.WithDefaults()
	vr := &valueReader{r: br, line: skipped, unwrap: true, maxBytes: lim.LineBytes, maxDepth: lim.Depth,
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

// documentMode reports whether head starts a JSON document laid over
// several lines or an array, rather than JSON lines: whether it opens with
// '[', or with '{' alone on its line.
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

// checkDepth is rawio.CheckJSONDepth.
func checkDepth(b []byte, max int) error { return rawio.CheckJSONDepth(b, max) }

// firstLine returns the first line of b, without its line end.
func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	return bytes.TrimSuffix(b, []byte{'\r'})
}
