package twitter

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// csvRecords reads the records of a CSV file (RFC 4180, as Python's csv
// module and spreadsheets write them) line by line within limits, and
// resynchronises after a damaged record, so that one stray quote costs
// one record and never the rest of the file, and memory stays within the
// limits. The rule is the package documentation's (Limits and
// resynchronisation): a damaged record on one line is rejected alone; a
// record spanning several lines that is damaged (quote open after
// RecordLines lines, past FieldBytes or LineBytes, or at the end of the
// file; a later line that is a whole record on its own; once closed,
// malformed or of another field count than the header) is rejected as
// one record naming its first line, and reading resumes at its second
// line.
//
// The lines read past the first line of a record are kept until the
// record ends, for resynchronisation: at most the record's bytes, which
// the limits bound.
type csvRecords struct {
	lines *rawio.LineReader
	comma byte
	lim   rawio.Limits
	want  int // fields per record: the header's; 0 while reading it

	queue []csvLine // lines to read again, after a resynchronisation
	span  []csvLine // lines of the record being read, from its second

	buf    []byte   // the record's fields, unescaped, one after another
	ends   []int    // end of each field in buf
	fields []string // the last record returned
	qcol   int      // column of the quote that opened the open field
	fstart int      // start of the open field in buf
}

// csvLine is a line kept for reading again: its bytes (nil for a line
// past the line limit, which is not kept) and number.
type csvLine struct {
	b       []byte
	n       int
	tooLong bool
}

// csvBad is a record rejected by csvRecords: its first line, the column
// of the fault when known, and the reason.
type csvBad struct {
	line, col int
	err       error
}

func newCSVRecords(f *rawio.File, comma byte) *csvRecords {
	return &csvRecords{lines: f.Lines(), comma: comma, lim: f.Limits.WithDefaults()}
}

// nextLine returns the next line to read, from the queue of lines to
// read again or from the file.
func (c *csvRecords) nextLine() (csvLine, error) {
	if len(c.queue) > 0 {
		l := c.queue[0]
		c.queue = c.queue[1:]
		return l, nil
	}
	b, n, err := c.lines.Next()
	if err != nil && rawio.IsRecordError(err) { // (IsRecordError allocates)
		return csvLine{n: n, tooLong: true}, nil
	}
	return csvLine{b: b, n: n}, err
}

// next returns the next record, with the line where it starts; or a
// rejected record (bad); or io.EOF at the end; or the error of the
// stream. The returned fields are valid until the next call.
func (c *csvRecords) next() (fields []string, line int, bad *csvBad, err error) {
	for {
		l, err := c.nextLine()
		if err != nil {
			return nil, 0, nil, err
		}
		if l.tooLong {
			return nil, l.n, &csvBad{line: l.n, err: rawio.NewLimitError(c.lim, "line-bytes")}, nil
		}
		if len(l.b) == 0 {
			continue // blank lines are not records
		}
		c.buf, c.ends, c.span = c.buf[:0], c.ends[:0], c.span[:0]
		open, col, serr := c.scan(l.b, false)
		if serr != nil {
			return nil, l.n, &csvBad{line: l.n, col: col, err: serr}, nil
		}
		if open {
			bad, err := c.multiline(l)
			if err != nil {
				return nil, 0, nil, err
			}
			if bad != nil {
				return nil, l.n, bad, nil
			}
		}
		if bad := c.count(l.n); bad != nil {
			if n := len(c.span); n > 0 {
				c.resync()
				bad.err = fmt.Errorf("%w, over %d lines: a quote opened on this line probably never closes", bad.err, n+1)
			}
			return nil, l.n, bad, nil
		}
		s := string(c.buf)
		c.fields = c.fields[:0]
		from := 0
		for _, end := range c.ends {
			c.fields = append(c.fields, s[from:end])
			from = end
		}
		return c.fields, l.n, nil, nil
	}
}

// multiline reads the rest of a record whose quoted field runs past its
// first line, first. It returns the rejection of the record, after
// resynchronisation, or nil once the record is read; or the error of the
// stream.
func (c *csvRecords) multiline(first csvLine) (*csvBad, error) {
	size := len(first.b) // first.b is not used past this point
	for lines := 1; ; lines++ {
		if lines >= c.lim.RecordLines {
			c.resync()
			return &csvBad{line: first.n, col: c.qcol, err: rawio.NewLimitError(c.lim, "record-lines")}, nil
		}
		l, err := c.nextLine()
		switch {
		case err == io.EOF:
			c.resync()
			return &csvBad{line: first.n, col: c.qcol, err: fmt.Errorf("%w: the quote opened here is still open at the end of the file", csv.ErrQuote)}, nil
		case err != nil:
			return nil, err
		}
		l.b = bytes.Clone(l.b) // kept beyond the next read of the file
		c.span = append(c.span, l)
		if l.tooLong {
			c.resync()
			return &csvBad{line: first.n, col: c.qcol, err: fmt.Errorf("%w: the quote opened here is still open at line %d, longer than the line limit", csv.ErrQuote, l.n)}, nil
		}
		if n, ok := countFields(l.b, c.comma); ok && c.want > 0 && n == c.want {
			c.resync()
			return &csvBad{line: first.n, col: c.qcol, err: fmt.Errorf("%w: the quote opened here runs into line %d, a whole record", csv.ErrQuote, l.n)}, nil
		}
		size += 1 + len(l.b)
		c.buf = append(c.buf, '\n')
		open, col, serr := c.scan(l.b, true)
		switch {
		case serr != nil:
			c.resync()
			return &csvBad{line: first.n, err: fmt.Errorf("%w (line %d, column %d, of a record opened on this line)", serr, l.n, col)}, nil
		case size > c.lim.LineBytes:
			c.resync()
			return &csvBad{line: first.n, col: c.qcol, err: rawio.NewLimitError(c.lim, "line-bytes")}, nil
		case !open:
			return nil, nil
		}
	}
}

// resync puts the lines of the record being read back for reading, from
// its second line: its first line is rejected.
func (c *csvRecords) resync() {
	c.queue = append(c.span[:len(c.span):len(c.span)], c.queue...)
	c.span = nil
}

// count checks the record's field count against the header's.
func (c *csvRecords) count(line int) *csvBad {
	if c.want > 0 && len(c.ends) != c.want {
		return &csvBad{line: line, err: fmt.Errorf("%w: %d fields where the header has %d", rawio.ErrShape, len(c.ends), c.want)}
	}
	return nil
}

// scan reads line b into the record's fields, open telling whether b
// continues a quoted field. It reports whether the line ends inside a
// quoted field, and the column (1-based byte offset in b) and reason of
// a malformed field.
func (c *csvRecords) scan(b []byte, open bool) (stillOpen bool, col int, err error) {
	i := 0
	for {
		if !open && i < len(b) && b[i] == '"' {
			open, c.qcol, c.fstart = true, i+1, len(c.buf)
			i++
		}
		if open {
			for {
				j := bytes.IndexByte(b[i:], '"')
				if j < 0 {
					c.buf = append(c.buf, b[i:]...)
					if len(c.buf)-c.fstart > c.lim.FieldBytes {
						return false, c.qcol, rawio.NewLimitError(c.lim, "field-bytes")
					}
					return true, 0, nil
				}
				c.buf = append(c.buf, b[i:i+j]...)
				i += j + 1
				if i < len(b) && b[i] == '"' { // "" is an escaped quote
					c.buf = append(c.buf, '"')
					i++
					continue
				}
				break
			}
			open = false
			if err := c.endField(); err != nil {
				return false, c.qcol, err
			}
			if i == len(b) {
				return false, 0, nil
			}
			if b[i] != c.comma {
				return false, i + 1, csv.ErrQuote
			}
			i++
			if i == len(b) { // a separator ends the line: an empty last field
				c.fstart = len(c.buf)
				return false, 0, c.endField()
			}
			continue
		}
		j := bytes.IndexByte(b[i:], c.comma)
		field := b[i:]
		if j >= 0 {
			field = b[i : i+j]
		}
		if k := bytes.IndexByte(field, '"'); k >= 0 {
			return false, i + k + 1, csv.ErrBareQuote
		}
		c.fstart = len(c.buf)
		c.buf = append(c.buf, field...)
		if err := c.endField(); err != nil {
			return false, i + 1, err
		}
		if j < 0 {
			return false, 0, nil
		}
		i += j + 1
		if i == len(b) {
			c.fstart = len(c.buf)
			return false, 0, c.endField()
		}
	}
}

// endField ends the field that started at c.fstart.
func (c *csvRecords) endField() error {
	if len(c.buf)-c.fstart > c.lim.FieldBytes {
		return rawio.NewLimitError(c.lim, "field-bytes")
	}
	c.ends = append(c.ends, len(c.buf))
	return nil
}

// countFields counts the fields of line b read alone as a record, and
// reports false when it is not one: malformed, or ending inside a quoted
// field.
func countFields(b []byte, comma byte) (int, bool) {
	n, i := 0, 0
	for {
		n++
		if i < len(b) && b[i] == '"' { // a quoted field
			i++
			for {
				j := bytes.IndexByte(b[i:], '"')
				if j < 0 {
					return n, false
				}
				i += j + 1
				if i < len(b) && b[i] == '"' {
					i++
					continue
				}
				break
			}
			if i == len(b) {
				return n, true
			}
			if b[i] != comma {
				return n, false
			}
			i++
			continue
		}
		j := bytes.IndexByte(b[i:], comma)
		field := b[i:]
		if j >= 0 {
			field = b[i : i+j]
		}
		if bytes.IndexByte(field, '"') >= 0 {
			return n, false
		}
		if j < 0 {
			return n, true
		}
		i += j + 1
	}
}
