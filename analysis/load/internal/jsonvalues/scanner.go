package jsonvalues

import (
	"bufio"
	"bytes"
	"io"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Scanner walks a JSON document held in a stream byte by byte and value
// by value, without decoding it, counting lines, so that a reader can
// walk a large document (a Facebook DYI file, a Telegram chat export),
// decode it one record at a time within limits, and go on after a bad
// record. It finds where a value ends by following strings and brackets
// only, so a record that is not valid JSON but whose brackets and quotes
// balance fails alone when decoded. The reader drives it: Peek looks at
// the next byte, Discard steps over delimiters, Value takes a value.
type Scanner struct {
	r          *bufio.Reader
	lim        rawio.Limits
	buf        []byte
	line       int    // lines ended before the next byte to read
	literalEnd string // the bytes that end a literal
}

// NewScanner returns a Scanner reading f within f.Limits. A literal (a
// number, true, false, null, or junk) ends at white space or at one of
// ",]}", and also at ':' when colonEnds is true.
func NewScanner(f *rawio.File, colonEnds bool) *Scanner {
	s := &Scanner{r: f.R, lim: f.Limits.WithDefaults(), literalEnd: ",]} \t\r\n"}
	if colonEnds {
		s.literalEnd = ",]}: \t\r\n"
	}
	return s
}

// Line returns the number of lines ended before the next byte to read:
// the next byte is on line Line()+1.
func (s *Scanner) Line() int { return s.line }

// Discard consumes n buffered bytes (at most the buffered ones), counting
// their line feeds.
func (s *Scanner) Discard(n int) {
	b, _ := s.r.Peek(n)
	s.line += bytes.Count(b, []byte{'\n'})
	s.r.Discard(len(b))
}

// Peek returns the next byte that is not white space, without consuming
// it, or io.EOF at the end.
func (s *Scanner) Peek() (byte, error) {
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

// Next steps over white space and commas inside an array or object whose
// opening bracket was read, up to what comes next: at close, the closing
// bracket (']' or '}'), it consumes it and reports more false; otherwise
// it returns the next byte, not consumed, with more true. At the end of
// the stream it returns io.EOF.
func (s *Scanner) Next(close byte) (c byte, more bool, err error) {
	for {
		c, err := s.Peek()
		if err != nil {
			return 0, false, err
		}
		switch c {
		case close:
			s.Discard(1)
			return c, false, nil
		case ',':
			s.Discard(1)
			continue
		}
		return c, true, nil
	}
}

// HasPrefix reports whether the bytes after the next one (a '{' or '[')
// and white space start with p, looking at most 512 bytes ahead.
func (s *Scanner) HasPrefix(p []byte) bool {
	b, _ := s.r.Peek(512)
	if len(b) == 0 {
		return false
	}
	return bytes.HasPrefix(bytes.TrimLeft(b[1:], " \t\r\n"), p)
}

// chunk returns the buffered bytes, reading more when there are none.
func (s *Scanner) chunk() ([]byte, error) {
	if s.r.Buffered() == 0 {
		if _, err := s.r.Peek(1); err != nil {
			return nil, err
		}
	}
	return s.r.Peek(s.r.Buffered())
}

// Value reads the next JSON value and returns its bytes, valid until the
// next call, when keep is true (nil otherwise), and the line it starts
// on. The value is not validated. Its error is io.ErrUnexpectedEOF for a
// value cut by the end of the file (nothing after it can be read); a
// *rawio.LimitError for a value longer than the line-bytes limit or
// nested deeper than the depth limit, which is followed to its end
// without being kept (reading can go on); or the stream's error.
func (s *Scanner) Value(keep bool) ([]byte, int, error) {
	s.buf = s.buf[:0]
	first, err := s.Peek()
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
					return done(nil) // a scalar may end the document
				}
				return done(err)
			}
			i := bytes.IndexAny(chunk, s.literalEnd)
			if i == 0 && begin {
				i = 1 // a stray delimiter is a (bad) value of its own
			}
			if i >= 0 {
				take(chunk[:i])
				s.Discard(i)
				return done(nil)
			}
			take(chunk)
			s.Discard(len(chunk))
		}
	}
	depth, inString := 0, false
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
		s.Discard(i)
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
