package telegram

import (
	"bufio"
	"bytes"
	"io"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// scanner splits a JSON document into values without decoding them,
// counting lines, so that a reader can walk a large document and decode
// it one record at a time, within limits, and go on after a bad record.
// It finds where a value ends by following strings and brackets only
// (the approach of the facebook DYI reader), so a record that is not
// valid JSON but whose brackets and quotes balance fails alone when
// decoded.
type scanner struct {
	r    *bufio.Reader
	lim  rawio.Limits
	buf  []byte
	line int // lines ended before the next byte to read
}

func newScanner(f *rawio.File) *scanner {
	return &scanner{r: f.R, lim: f.Limits.WithDefaults()}
}

// discard consumes n buffered bytes, counting their line feeds.
func (s *scanner) discard(n int) {
	b, _ := s.r.Peek(n)
	s.line += bytes.Count(b, []byte{'\n'})
	s.r.Discard(len(b))
}

// peek returns the next byte that is not white space, without consuming
// it, or io.EOF at the end.
func (s *scanner) peek() (byte, error) {
	for {
		b, err := s.r.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\r':
			s.r.Discard(1)
		case '\n':
			s.line++
			s.r.Discard(1)
		default:
			return b[0], nil
		}
	}
}

// chunk returns the buffered bytes, reading more when there are none.
func (s *scanner) chunk() ([]byte, error) {
	if s.r.Buffered() == 0 {
		if _, err := s.r.Peek(1); err != nil {
			return nil, err
		}
	}
	return s.r.Peek(s.r.Buffered())
}

// value reads the next JSON value and returns its bytes, valid until the
// next call, when keep is true (nil otherwise), and the line it starts
// on. The value is not validated. Its error is io.ErrUnexpectedEOF for a
// value cut by the end of the file; a *rawio.LimitError for a value
// longer than the line-bytes limit or nested deeper than the depth limit,
// which is followed to its end without being kept (reading can go on);
// or the stream's error.
func (s *scanner) value(keep bool) ([]byte, int, error) {
	s.buf = s.buf[:0]
	first, err := s.peek()
	start := s.line + 1
	if err == io.EOF {
		return nil, start, io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, start, err
	}
	var limitErr error
	take := func(b []byte) {
		if !keep || limitErr != nil {
			return
		}
		if len(s.buf)+len(b) > s.lim.LineBytes {
			limitErr = rawio.NewLimitError(s.lim, "line-bytes")
			s.buf = s.buf[:0]
			return
		}
		s.buf = append(s.buf, b...)
	}
	done := func(err error) ([]byte, int, error) {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		switch {
		case err != nil:
			return nil, start, err
		case limitErr != nil:
			return nil, start, limitErr
		case !keep:
			return nil, start, nil
		}
		return s.buf, start, nil
	}
	if first != '{' && first != '[' && first != '"' {
		// A number or a literal: up to a delimiter.
		for begin := true; ; begin = false {
			chunk, err := s.chunk()
			if len(chunk) == 0 {
				if err == io.EOF {
					return done(nil)
				}
				return done(err)
			}
			i := bytes.IndexAny(chunk, ",]}: \t\r\n")
			if i == 0 && begin {
				i = 1 // a stray delimiter is a (bad) value of its own
			}
			if i >= 0 {
				take(chunk[:i])
				s.discard(i)
				return done(nil)
			}
			take(chunk)
			s.discard(len(chunk))
		}
	}
	depth, inString, slashes := 0, false, 0
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
				if depth == 0 {
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
				if depth > s.lim.Depth && limitErr == nil {
					limitErr = rawio.NewLimitError(s.lim, "depth")
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
		s.discard(i)
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
