package facebook

import (
	"bufio"
	"bytes"
	"io"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// jsonScanner splits a JSON document into values without decoding them,
// so that a reader can decode a large document one record at a time,
// within limits, and go on after a bad record: it finds where a value
// ends by counting brackets outside strings, so a record that is not
// valid JSON but whose brackets and quotes balance is rejected alone.
type jsonScanner struct {
	r      *bufio.Reader
	limits rawio.Limits
	buf    []byte
}

func newJSONScanner(f *rawio.File) *jsonScanner {
	return &jsonScanner{r: f.R, limits: f.Limits.WithDefaults()}
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// peek returns the next byte that is not white space, without consuming
// it, or io.EOF at the end.
func (s *jsonScanner) peek() (byte, error) {
	for {
		b, err := s.r.Peek(1)
		if err != nil {
			return 0, err
		}
		if !isJSONSpace(b[0]) {
			return b[0], nil
		}
		s.r.Discard(1)
	}
}

// hasPrefix reports whether the bytes after the next one (a '{' or '[')
// and white space start with p, looking at most 512 bytes ahead.
func (s *jsonScanner) hasPrefix(p []byte) bool {
	b, _ := s.r.Peek(512)
	if len(b) == 0 {
		return false
	}
	return bytes.HasPrefix(bytes.TrimLeft(b[1:], " \t\r\n"), p)
}

// chunk returns the buffered bytes, reading more when there are none.
func (s *jsonScanner) chunk() ([]byte, error) {
	if s.r.Buffered() == 0 {
		if _, err := s.r.Peek(1); err != nil {
			return nil, err
		}
	}
	return s.r.Peek(s.r.Buffered())
}

// value reads the next JSON value and returns its bytes, valid until the
// next call, when keep is true (nil otherwise). The value is not
// validated. Its error is io.ErrUnexpectedEOF for a value cut by the end
// of the file (nothing after it can be read); a *rawio.LimitError for a
// value longer than the line-bytes limit or nested deeper than the depth
// limit, which is skipped to its end without being kept (reading can go
// on); or the stream's error.
func (s *jsonScanner) value(keep bool) ([]byte, error) {
	s.buf = s.buf[:0]
	first, err := s.peek()
	if err == io.EOF {
		return nil, io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, err
	}
	var limitErr error
	take := func(b []byte) {
		if !keep || limitErr != nil {
			return
		}
		if len(s.buf)+len(b) > s.limits.LineBytes {
			limitErr = rawio.NewLimitError(s.limits, "line-bytes")
			s.buf = s.buf[:0]
			return
		}
		s.buf = append(s.buf, b...)
	}
	done := func(err error) ([]byte, error) {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		switch {
		case err != nil:
			return nil, err
		case limitErr != nil:
			return nil, limitErr
		case !keep:
			return nil, nil
		}
		return s.buf, nil
	}
	if first != '{' && first != '[' && first != '"' {
		// A number or a literal: up to a delimiter.
		for start := true; ; start = false {
			chunk, err := s.chunk()
			if len(chunk) == 0 {
				if err == io.EOF {
					return done(nil) // a scalar may end the document
				}
				return done(err)
			}
			i := bytes.IndexAny(chunk, ",]} \t\r\n")
			if i == 0 && start {
				i = 1 // a stray delimiter is a (bad) value of its own
			}
			if i >= 0 {
				take(chunk[:i])
				s.r.Discard(i)
				return done(nil)
			}
			take(chunk)
			s.r.Discard(len(chunk))
		}
	}
	depth := 0
	inString := false
	slashes := 0 // backslashes ending what was scanned of the current string
	for {
		chunk, err := s.chunk()
		if len(chunk) == 0 {
			return done(err)
		}
		i, end := 0, false
	scan:
		for i < len(chunk) {
			if inString {
				j := bytes.IndexByte(chunk[i:], '"')
				if j < 0 {
					slashes = trailingSlashes(chunk[i:], slashes)
					i = len(chunk)
					break
				}
				escaped := trailingSlashes(chunk[i:i+j], slashes)%2 == 1
				i += j + 1
				slashes = 0
				if escaped {
					continue
				}
				inString = false
				if depth == 0 { // a string value
					end = true
					break scan
				}
				continue
			}
			switch chunk[i] {
			case '"':
				inString = true
			case '{', '[':
				depth++
				if depth > s.limits.Depth && limitErr == nil {
					limitErr = rawio.NewLimitError(s.limits, "depth")
					s.buf = s.buf[:0]
				}
			case '}', ']':
				depth--
				if depth <= 0 {
					i++
					end = true
					break scan
				}
			}
			i++
		}
		take(chunk[:i])
		s.r.Discard(i)
		if end {
			return done(nil)
		}
	}
}

// trailingSlashes returns the number of backslashes that end b, plus
// carry when b is made only of backslashes (those before it).
func trailingSlashes(b []byte, carry int) int {
	n := 0
	for n < len(b) && b[len(b)-1-n] == '\\' {
		n++
	}
	if n == len(b) {
		return carry + n
	}
	return n
}
