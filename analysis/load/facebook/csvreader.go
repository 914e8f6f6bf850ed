package facebook

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// csvReader reads delimited records as encoding/csv does with
// FieldsPerRecord -1 and strict quotes (same records, same errors, same
// recovery after an error), faster: a line without quotes, the common
// case, costs one string and no copy, and the fields of a record are
// substrings of one string.
type csvReader struct {
	r      *bufio.Reader
	comma  byte
	line   int    // lines read so far
	raw    []byte // a line longer than the bufio buffer
	rec    []byte // the unquoted bytes of a record with quotes
	ends   []int  // end of each field in rec
	fields []string
}

// csvError is a malformed record, as encoding/csv reports it.
type csvError struct {
	StartLine, Line, Column int
	Err                     error // csv.ErrBareQuote or csv.ErrQuote
}

func (e *csvError) Error() string {
	return fmt.Sprintf("record on line %d; parse error on line %d, column %d: %v", e.StartLine, e.Line, e.Column, e.Err)
}

func newCSVReader(r *bufio.Reader, comma byte) *csvReader {
	return &csvReader{r: r, comma: comma}
}

// readLine reads a line with its "\n", CRLF normalised to LF, as
// encoding/csv does.
func (c *csvReader) readLine() ([]byte, error) {
	line, err := c.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		c.raw = append(c.raw[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = c.r.ReadSlice('\n')
			c.raw = append(c.raw, line...)
		}
		line = c.raw
	}
	if n := len(line); n > 0 && err == io.EOF {
		err = nil
		if line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	c.line++
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, err
}

func lengthNL(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}

// read returns the next record, valid until the next call (its strings
// stay valid), and the line where it starts. It returns io.EOF at the
// end, a *csvError for a malformed record, or the reader's error.
func (c *csvReader) read() ([]string, int, error) {
	var line []byte
	var errRead error
	for errRead == nil {
		line, errRead = c.readLine()
		if errRead == nil && len(line) == lengthNL(line) {
			continue // skip empty lines
		}
		break
	}
	if errRead == io.EOF {
		return nil, c.line, io.EOF
	}
	start := c.line
	if errRead == nil && bytes.IndexByte(line, '"') < 0 {
		// No quotes: split one string.
		s := string(line[:len(line)-lengthNL(line)])
		c.fields = c.fields[:0]
		for {
			i := strings.IndexByte(s, c.comma)
			if i < 0 {
				c.fields = append(c.fields, s)
				return c.fields, start, nil
			}
			c.fields = append(c.fields, s[:i])
			s = s[i+1:]
		}
	}
	return c.readQuoted(line, errRead, start)
}

// readQuoted parses a record holding quotes, as encoding/csv does.
func (c *csvReader) readQuoted(line []byte, errRead error, start int) ([]string, int, error) {
	c.rec, c.ends = c.rec[:0], c.ends[:0]
	var err error
	pline, col := c.line, 1
parseField:
	for {
		if len(line) == 0 || line[0] != '"' {
			i := bytes.IndexByte(line, c.comma)
			field := line
			if i >= 0 {
				field = field[:i]
			} else {
				field = field[:len(field)-lengthNL(field)]
			}
			if j := bytes.IndexByte(field, '"'); j >= 0 {
				err = &csvError{StartLine: start, Line: c.line, Column: col + j, Err: csv.ErrBareQuote}
				break parseField
			}
			c.rec = append(c.rec, field...)
			c.ends = append(c.ends, len(c.rec))
			if i >= 0 {
				line = line[i+1:]
				col += i + 1
				continue parseField
			}
			break parseField
		}
		line = line[1:]
		col++
		for {
			i := bytes.IndexByte(line, '"')
			switch {
			case i >= 0:
				c.rec = append(c.rec, line[:i]...)
				line = line[i+1:]
				col += i + 1
				switch {
				case len(line) > 0 && line[0] == '"':
					c.rec = append(c.rec, '"')
					line = line[1:]
					col++
				case len(line) > 0 && line[0] == c.comma:
					line = line[1:]
					col++
					c.ends = append(c.ends, len(c.rec))
					continue parseField
				case lengthNL(line) == len(line):
					c.ends = append(c.ends, len(c.rec))
					break parseField
				default:
					err = &csvError{StartLine: start, Line: c.line, Column: col - 1, Err: csv.ErrQuote}
					break parseField
				}
			case len(line) > 0:
				c.rec = append(c.rec, line...)
				if errRead != nil {
					break parseField
				}
				col += len(line)
				line, errRead = c.readLine()
				if len(line) > 0 {
					pline++
					col = 1
				}
				if errRead == io.EOF {
					errRead = nil
				}
			default:
				if errRead == nil {
					err = &csvError{StartLine: start, Line: pline, Column: col, Err: csv.ErrQuote}
					break parseField
				}
				c.ends = append(c.ends, len(c.rec))
				break parseField
			}
		}
	}
	if err == nil {
		err = errRead
	}
	if err != nil {
		return nil, start, err
	}
	s := string(c.rec)
	c.fields = c.fields[:0]
	prev := 0
	for _, end := range c.ends {
		c.fields = append(c.fields, s[prev:end])
		prev = end
	}
	return c.fields, start, nil
}
