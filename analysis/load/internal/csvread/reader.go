// Package csvread reads the delimited files of the raw exports (CSV and
// the like) record by record within rawio.Limits, resynchronising after
// a bad record so that every raw record is accounted for (see Reader).
package csvread

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"fmt"
	"io"
	"math/bits"
	"strings"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Reader reads delimited records, as encoding/csv does with
// FieldsPerRecord -1 and strict quotes (the same records from the same
// well-formed input), within rawio.Limits, and resynchronises after a
// malformed record instead of reading the rest of the file into it.
//
// Resynchronisation: a record that spans more than one line and is bad
// — its quote is still open after RecordLines lines, after FieldBytes
// bytes of its field, after LineBytes bytes of the record, or at the end
// of the file; it holds a stray quote; it ends with another field count
// than the header's (see SetFields); or, when SetSplitOnRecords is on,
// one of its later lines reads alone as a whole record — is rejected as
// one record at its first line, and reading resumes at its second line:
// the raw lines of the record are kept (at most LineBytes bytes) and
// read again as the start of new records. Its *Error names its first
// line and, in Column, the quote left open there; a fault on a later
// line (a stray quote) is located in its reason. A bad record of one
// line is rejected and reading goes on with the next line. A line longer
// than LineBytes is rejected alone, for the limit (inside an open quote
// it also ends the record, which is rejected for its open quote,
// csv.ErrQuote). A field longer than FieldBytes rejects its record.
//
// Work stays linear: a line is parsed at most twice, once as part of a
// record and once more when that record is rejected and its lines are
// read again (with SetSplitOnRecords, a line inside an open quote is
// also scanned once more, alone, each time it is read). A rejected record whose lines were already read again once
// is not read a third time: it is counted as one record, rejected with
// its first and last lines and how many lines it held. (Lines read again
// end on their own line, since a line inside an open quote holds an even
// number of quotes: only the last of them can open a new record, and
// the lines of that record come from the file, read for the first time.)
//
// A line without quotes, the common case, costs one string (the line is
// not copied when it fits in the bufio.Reader's buffer), and the fields
// of a record are substrings of one string.
type Reader struct {
	lines  Lines // the file's lines
	comma  byte
	limits rawio.Limits
	want   int  // the header's field count; 0 while reading the header
	loose  bool // whether one-line records of another count are read
	split  bool // whether a later line that is a whole record ends an open one (SetSplitOnRecords)

	// The lines to read again, before those of r: replay[replayEnds[i-1]:
	// replayEnds[i]] is line replayFirst+i; replayNext is the next to read.
	// A line longer than the limit, met inside a rejected record, comes
	// after them as replayErr.
	replay      []byte
	replayEnds  []int
	replayFirst int
	replayNext  int
	replayErr   error

	keep    []bool // the columns whose values Read returns (SetKeep); nil: all
	sepEnds []int  // end of each field of a line without quotes, with keep
	runs    []int  // start and end of each run of kept fields (see keptFields)

	raw       []byte // the raw lines of the current record, once it needs a second one
	rawEnds   []int
	rec       []byte // the unquoted bytes of a record with quotes
	ends      []int  // end of each field in rec
	fields    []string
	lastLine  int // the last line read
	linesRead int // lines read, again or not, for tests of the work bound
}

// Error is a record that could not be read: a malformed one, as
// encoding/csv reports it, or one past a limit. Reading can go on.
type Error struct {
	StartLine, Line, Column int
	// Err is csv.ErrBareQuote, csv.ErrQuote, a *rawio.LimitError, or an
	// error wrapping rawio.ErrShape (field count), possibly wrapped with
	// what resynchronisation did.
	Err error
}

func (e *Error) Error() string {
	return fmt.Sprintf("record on line %d; parse error on line %d, column %d: %v", e.StartLine, e.Line, e.Column, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// ParseError is the rejection of the record in file: at the line where
// it starts, with the column of its fault when the fault is on that line
// (for a record of several lines, the column of the quote left open on
// its first line), and the reason.
func (e *Error) ParseError(file string) *rawio.ParseError {
	pe := &rawio.ParseError{File: file, Line: e.StartLine, Err: e.Err}
	if e.Line == e.StartLine {
		pe.Column = e.Column
	}
	return pe
}

// ErrQuoteAtEOF is the reason of a quote still open at the end of the
// file; it wraps csv.ErrQuote.
var ErrQuoteAtEOF = fmt.Errorf("%w (quote still open at the end of the file)", csv.ErrQuote)

// New returns a Reader of the records of f, separated by comma, within
// f.Limits.
func New(f *rawio.File, comma byte) *Reader {
	limits := f.Limits.WithDefaults()
	return &Reader{lines: Lines{r: f.R, limits: limits}, comma: comma, limits: limits}
}

// Lines reads a stream line by line as rawio.LineReader does — the same
// lines without their line ends (LF or CRLF), the same numbers, a line
// longer than the line-bytes limit skipped and returned as the same
// *rawio.LimitError, the stream's errors — without copying a line that
// fits in the bufio.Reader's buffer: a line is valid until the next
// call. Readers that copy what they keep of a line (the Netvizz reader,
// Reader) save the copy LineReader makes of every line.
type Lines struct {
	r      *bufio.Reader
	line   int    // lines read
	long   []byte // a line longer than r's buffer
	limits rawio.Limits
}

// NewLines returns a Lines on the content of f, within f.Limits.
func NewLines(f *rawio.File) *Lines {
	return &Lines{r: f.R, limits: f.Limits.WithDefaults()}
}

// Next returns the next line and its number, counting from 1; io.EOF at
// the end; for a line past the limit, a *rawio.LimitError with the
// line's number (the next call goes on with the following line).
func (l *Lines) Next() ([]byte, int, error) {
	line, err := l.r.ReadSlice('\n')
	tooLong := false
	if err == bufio.ErrBufferFull {
		l.long = append(l.long[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = l.r.ReadSlice('\n')
			if !tooLong && len(l.long)+len(line) > l.limits.LineBytes+2 { // +2: the line end
				tooLong, l.long = true, l.long[:0]
			}
			if !tooLong {
				l.long = append(l.long, line...)
			}
		}
		line = l.long
	}
	switch {
	case err == io.EOF:
		if len(line) == 0 && !tooLong {
			return nil, l.line, io.EOF
		}
	case err != nil:
		return nil, l.line, err
	}
	l.line++
	if tooLong {
		return nil, l.line, rawio.NewLimitError(l.limits, "line-bytes")
	}
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	if len(line) > l.limits.LineBytes {
		return nil, l.line, rawio.NewLimitError(l.limits, "line-bytes")
	}
	return line, l.line, nil
}

// readLine reads the next line of the file (see Lines).
func (c *Reader) readLine() ([]byte, int, error) { return c.lines.Next() }

// SetFields sets the header's field count, once the header is read. A
// record with another count is rejected (more fields are accepted when
// the extra ones are empty, as spreadsheets add trailing separators);
// when loose, only a record of several lines is (it is how a quote left
// open shows), and one-line records of any count are read.
func (c *Reader) SetFields(n int, loose bool) { c.want, c.loose = n, loose }

// SetKeep sets the columns whose values Read returns, by index (nil, the
// default: all). The fields of the other columns come back empty, and
// only the kept ones' bytes are copied out of the line: a reader's
// values are windows on that copy, so a value kept for long (a message's
// id or text) no longer keeps the whole line alive. What is read is
// otherwise the same: quotes, limits and field counts are checked on
// every field, and the records and errors are those without SetKeep.
// It may be called between records (after the header, say).
func (c *Reader) SetKeep(keep []bool) {
	c.keep = keep
	c.fields = nil // keptFields never writes the fields of columns not kept
}

// SetSplitOnRecords sets whether a record still open is rejected when
// one of its later lines, read alone, is a whole record that the
// header's field count accepts (a well-formed line of exactly the
// header's count of fields, or more when the extra ones are empty). The
// record is then rejected at its first line and reading resumes at its
// second, as for any bad record of several lines: a stray quote closed
// hundreds of lines later, leaving the header's field count, costs one
// record instead of folding the rows in between into one, which without
// the rule is read as written (RecordLines bounds it).
//
// The rule is off by default because it cannot tell a stray quote from
// a genuine text one of whose inner lines happens to read alone as such
// a record: no quote (or only quotes pairing up as whole quoted fields)
// and exactly one separator fewer than the header has fields. Such a
// text would be rejected at its first line, its inner line read as a
// record of its own and its last line rejected as a stray quote. In a
// 4CAT export of 6 columns a line listing six items separated by commas
// is enough. The rule is worth turning on only when the header is wide
// enough that a genuine line cannot plausibly hold that many separators,
// as twarc-csv's 81 columns for a tweet of 280 characters (whose line
// breaks twarc-csv writes as \n besides).
// It applies once SetFields has set a count.
func (c *Reader) SetSplitOnRecords(on bool) { c.split = on }

// wholeRecord reports whether line, read alone, is a well-formed record
// of the header's field count, as checkCount accepts it.
func (c *Reader) wholeRecord(line []byte) bool {
	if c.want == 0 || bytes.Count(line, []byte{c.comma}) < c.want-1 {
		return false // the common case: too few separators
	}
	n, i := 0, 0
	for {
		n++
		empty := true
		if i < len(line) && line[i] == '"' {
			i++
			for {
				j := bytes.IndexByte(line[i:], '"')
				if j < 0 {
					return false // the quote stays open
				}
				empty = empty && j == 0
				i += j + 1
				if i < len(line) && line[i] == '"' { // "" is a quote
					empty = false
					i++
					continue
				}
				break
			}
		} else {
			j := bytes.IndexByte(line[i:], c.comma)
			if j < 0 {
				j = len(line) - i
			}
			if bytes.IndexByte(line[i:i+j], '"') >= 0 {
				return false // a bare quote
			}
			empty = j == 0
			i += j
		}
		if n > c.want && !empty {
			return false
		}
		if i == len(line) {
			return n >= c.want
		}
		if line[i] != c.comma {
			return false // a quote closed before the end of its field
		}
		i++
	}
}

// nextLine returns the next line to read (without its line end), its
// number, and whether it is read again. err is io.EOF at the end, a
// *rawio.LimitError for a line past the limit, or the stream's error.
func (c *Reader) nextLine() (line []byte, num int, again bool, err error) {
	c.linesRead++
	if c.replayNext < len(c.replayEnds) {
		i := c.replayNext
		c.replayNext++
		start := 0
		if i > 0 {
			start = c.replayEnds[i-1]
		}
		c.lastLine = c.replayFirst + i
		return c.replay[start:c.replayEnds[i]], c.lastLine, true, nil
	}
	if c.replayErr != nil {
		err := c.replayErr
		c.replayErr = nil
		c.lastLine = c.replayFirst + len(c.replayEnds)
		return nil, c.lastLine, true, err
	}
	line, num, err = c.readLine()
	if err == nil || rawio.IsRecordError(err) {
		c.lastLine = num
	}
	return line, num, false, err
}

// Read returns the next record, valid until the next call (its strings
// stay valid), and the line where it starts. It returns io.EOF at the
// end, an *Error for a record that cannot be read (reading can go on),
// or the stream's error.
func (c *Reader) Read() ([]string, int, error) {
	for {
		var line []byte
		var num int
		var err error
		if c.replayNext < len(c.replayEnds) || c.replayErr != nil {
			line, num, _, err = c.nextLine()
		} else { // the common case, inlined
			c.linesRead++
			if line, num, err = c.readLine(); err != io.EOF {
				c.lastLine = num
			}
		}
		switch {
		case err == io.EOF:
			return nil, c.lastLine, io.EOF
		case err != nil && rawio.IsRecordError(err):
			return nil, num, &Error{StartLine: num, Line: num, Err: err}
		case err != nil:
			return nil, num, err
		case len(line) == 0:
			continue // empty lines are not records
		}
		if bytes.IndexByte(line, '"') >= 0 {
			return c.readQuoted(line, num)
		}
		if c.keep != nil {
			return c.readKept(line, num)
		}
		// No quotes: split one string.
		s := string(line)
		c.fields = c.fields[:0]
		for {
			i := strings.IndexByte(s, c.comma)
			if i < 0 {
				c.fields = append(c.fields, s)
				break
			}
			c.fields = append(c.fields, s[:i])
			s = s[i+1:]
		}
		if len(line) > c.limits.FieldBytes {
			for _, f := range c.fields {
				if len(f) > c.limits.FieldBytes {
					return nil, num, &Error{StartLine: num, Line: num, Err: rawio.NewLimitError(c.limits, "field-bytes")}
				}
			}
		}
		if err := c.checkCount(c.fields); err != nil && !c.loose {
			return nil, num, &Error{StartLine: num, Line: num, Err: err}
		}
		return c.fields, num, nil
	}
}

// readKept is the end of Read for a line without quotes when SetKeep is
// set: the same checks, on the field ends.
func (c *Reader) readKept(line []byte, num int) ([]string, int, error) {
	c.sepEnds = SeparatorEnds(c.sepEnds[:0], line, c.comma)
	if len(line) > c.limits.FieldBytes {
		start := 0
		for _, end := range c.sepEnds {
			if end-start > c.limits.FieldBytes {
				return nil, num, &Error{StartLine: num, Line: num, Err: rawio.NewLimitError(c.limits, "field-bytes")}
			}
			start = end + 1
		}
	}
	if err := c.checkEnds(c.sepEnds, 1); err != nil && !c.loose {
		return nil, num, &Error{StartLine: num, Line: num, Err: err}
	}
	c.keptFields(line, c.sepEnds, 1)
	return c.fields, num, nil
}

// SeparatorEnds appends to ends the end of each field of line separated
// by sep (no quotes): the index of each sep, then len(line). The line is
// read eight bytes at a time, each word tested for sep at once (see
// bytesEqual).
func SeparatorEnds(ends []int, line []byte, sep byte) []int {
	seps := uint64(sep) * 0x0101010101010101
	i := 0
	for ; i+8 <= len(line); i += 8 {
		for m := bytesEqual(binary.LittleEndian.Uint64(line[i:]), seps); m != 0; m &= m - 1 {
			ends = append(ends, i+bits.TrailingZeros64(m)>>3)
		}
	}
	for ; i < len(line); i++ {
		if line[i] == sep {
			ends = append(ends, i)
		}
	}
	return append(ends, len(line))
}

// bytesEqual returns the high bit of each byte of w (eight bytes, the
// first in the low bits) that equals the same byte of seps, and no other
// bit: x = w XOR seps has a zero byte for each of them; (x&0x7f)+0x7f
// sets a byte's high bit when its low seven bits are not all zero,
// without a carry into the next byte, and OR x when its own high bit is
// set, so the bytes left without a high bit are the zero bytes of x.
func bytesEqual(w, seps uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	x := w ^ seps
	return ^((x&low7 + low7) | x | low7)
}

// keptFields sets c.fields to the fields of src whose ends are ends, gap
// bytes (the separator, or none) after the end of the previous one: the
// kept columns' values are windows on one string of their bytes, the
// others empty. Kept columns that follow each other are copied as one
// run (with the separators between them). The fields of columns not
// kept are never written, so they stay empty (columns past keep's are
// never kept).
func (c *Reader) keptFields(src []byte, ends []int, gap int) {
	c.runs = c.runs[:0]
	size, start, open, prevEnd := 0, 0, -1, 0
	for i, end := range ends {
		if i < len(c.keep) && c.keep[i] {
			if open < 0 {
				open = start
			}
		} else if open >= 0 {
			c.runs = append(c.runs, open, prevEnd)
			size += prevEnd - open
			open = -1
		}
		prevEnd, start = end, end+gap
	}
	if open >= 0 {
		c.runs = append(c.runs, open, prevEnd)
		size += prevEnd - open
	}
	var sb strings.Builder
	sb.Grow(size)
	for r := 0; r < len(c.runs); r += 2 {
		sb.Write(src[c.runs[r]:c.runs[r+1]])
	}
	s := sb.String()
	if n := len(ends); cap(c.fields) < n {
		c.fields = make([]string, n)
	} else {
		c.fields = c.fields[:n]
	}
	// Field i of a run starting at from in src and at base in s is
	// s[base+start-from : base+end-from].
	start, r, base := 0, 0, 0
	for i, end := range ends {
		if i < len(c.keep) && c.keep[i] {
			for c.runs[r+1] < end {
				base += c.runs[r+1] - c.runs[r]
				r += 2
			}
			c.fields[i] = s[base+start-c.runs[r] : base+end-c.runs[r]]
		}
		start = end + gap
	}
}

// checkEnds is checkCount for a record given by its field ends in src
// (gap bytes between fields), before its fields are made.
func (c *Reader) checkEnds(ends []int, gap int) error {
	if c.want == 0 || len(ends) == c.want {
		return nil
	}
	if len(ends) > c.want && ends[len(ends)-1]-ends[c.want-1] == (len(ends)-c.want)*gap {
		return nil // the extra fields are empty
	}
	return fmt.Errorf("%w: %d fields, the header has %d", rawio.ErrShape, len(ends), c.want)
}

// checkCount checks a record's field count against the header's: more
// fields are accepted when the extra ones are empty (spreadsheets add
// trailing separators).
func (c *Reader) checkCount(fields []string) error {
	if c.want == 0 || len(fields) == c.want {
		return nil
	}
	if len(fields) > c.want {
		extraEmpty := true
		for _, v := range fields[c.want:] {
			if v != "" {
				extraEmpty = false
				break
			}
		}
		if extraEmpty {
			return nil
		}
	}
	return fmt.Errorf("%w: %d fields, the header has %d", rawio.ErrShape, len(fields), c.want)
}

// readQuoted parses a record holding quotes that starts with line (line
// number start), as encoding/csv does, within the limits.
func (c *Reader) readQuoted(line []byte, start int) ([]string, int, error) {
	c.rec, c.ends = c.rec[:0], c.ends[:0]
	c.raw, c.rawEnds = c.raw[:0], c.rawEnds[:0]
	first := line
	cur, col := start, 1  // the line being parsed and the column in it
	nlines := 1           // lines of the record read so far
	again := false        // whether a line after the first is read again
	qcol, openCol := 0, 0 // columns of the quote of the field being read, and of the one left open on the first line
	var tooLong error     // a line past the limit that ended the record
	// fail rejects the record for err, found at column of line cur, or,
	// when column is 0, caused by the quote left open on the first line.
	fail := func(err error, column int) ([]string, int, error) {
		if nlines == 1 && tooLong == nil {
			if column == 0 {
				column = openCol
			}
			return nil, start, &Error{StartLine: start, Line: cur, Column: column, Err: err}
		}
		if column > 0 && cur != start {
			err = fmt.Errorf("%w (line %d, column %d)", err, cur, column)
		}
		return nil, start, c.resync(start, nlines, openCol, again, tooLong, err)
	}
parseField:
	for {
		fieldStart := len(c.rec)
		if len(line) == 0 || line[0] != '"' {
			i := bytes.IndexByte(line, c.comma)
			field := line
			if i >= 0 {
				field = field[:i]
			}
			if j := bytes.IndexByte(field, '"'); j >= 0 {
				return fail(csv.ErrBareQuote, col+j)
			}
			if len(field) > c.limits.FieldBytes {
				return fail(rawio.NewLimitError(c.limits, "field-bytes"), col)
			}
			c.rec = append(c.rec, field...)
			c.ends = append(c.ends, len(c.rec))
			if i < 0 {
				break parseField
			}
			line = line[i+1:]
			col += i + 1
			continue parseField
		}
		qcol = col
		line = line[1:]
		col++
		for {
			i := bytes.IndexByte(line, '"')
			if i < 0 {
				// The quote stays open past the end of the line.
				c.rec = append(c.rec, line...)
				c.rec = append(c.rec, '\n')
				if nlines == 1 {
					openCol = qcol
				}
				switch {
				case len(c.rec)-fieldStart > c.limits.FieldBytes:
					return fail(rawio.NewLimitError(c.limits, "field-bytes"), 0)
				case nlines >= c.limits.RecordLines:
					return fail(rawio.NewLimitError(c.limits, "record-lines"), 0)
				}
				if nlines == 1 {
					c.keepLine(first)
				}
				next, num, nextAgain, err := c.nextLine()
				switch {
				case err == io.EOF:
					return fail(ErrQuoteAtEOF, 0)
				case err != nil && rawio.IsRecordError(err):
					// The record is rejected for its open quote; the
					// line, rejected on its own, for the limit.
					tooLong, again = err, again || nextAgain
					return fail(fmt.Errorf("%w: the quote is still open at line %d, which is past the line-bytes limit and rejected on its own", csv.ErrQuote, num), 0)
				case err != nil:
					return nil, start, err
				}
				c.keepLine(next)
				nlines++
				again = again || nextAgain
				if c.split && c.wholeRecord(next) {
					return fail(fmt.Errorf("%w: the quote runs into line %d, a whole record on its own", csv.ErrQuote, num), 0)
				}
				if len(c.raw) > c.limits.LineBytes {
					// Too long to keep more: the line just read is
					// kept, to be read again.
					return fail(rawio.NewLimitError(c.limits, "line-bytes"), 0)
				}
				line, cur, col = next, num, 1
				continue
			}
			c.rec = append(c.rec, line[:i]...)
			line = line[i+1:]
			col += i + 1
			if len(line) > 0 && line[0] == '"' {
				c.rec = append(c.rec, '"')
				line = line[1:]
				col++
				continue
			}
			if len(line) > 0 && line[0] != c.comma {
				return fail(csv.ErrQuote, col-1)
			}
			if len(c.rec)-fieldStart > c.limits.FieldBytes {
				return fail(rawio.NewLimitError(c.limits, "field-bytes"), 0)
			}
			c.ends = append(c.ends, len(c.rec))
			if len(line) == 0 {
				break parseField
			}
			line = line[1:] // the comma
			col++
			continue parseField
		}
	}
	if c.keep != nil {
		if err := c.checkEnds(c.ends, 0); err != nil && (!c.loose || nlines > 1) {
			return fail(err, 0)
		}
		c.keptFields(c.rec, c.ends, 0)
		return c.fields, start, nil
	}
	s := string(c.rec)
	c.fields = c.fields[:0]
	prev := 0
	for _, end := range c.ends {
		c.fields = append(c.fields, s[prev:end])
		prev = end
	}
	if err := c.checkCount(c.fields); err != nil && (!c.loose || nlines > 1) {
		return fail(err, 0)
	}
	return c.fields, start, nil
}

// keepLine appends a raw line of the current record.
func (c *Reader) keepLine(b []byte) {
	c.raw = append(c.raw, b...)
	c.rawEnds = append(c.rawEnds, len(c.raw))
}

// resync rejects the bad record of nlines lines (kept in raw) that starts
// at line start, with the quote left open at column col of that line,
// for reason, and arranges for its lines after the first to be read
// again, then tooLong (a line past the limit that ended it), if any.
// When again, some of these lines were already read again: the record is
// not resynchronised but counted as one.
func (c *Reader) resync(start, nlines, col int, again bool, tooLong, reason error) error {
	last := start + nlines - 1
	if tooLong != nil {
		last++
	}
	if again {
		return &Error{StartLine: start, Line: last, Err: fmt.Errorf(
			"%w: lines %d to %d (%d lines) cannot be resynchronised, counted as one record", reason, start, last, last-start+1)}
	}
	// No line after the first came from the lines to read again: they
	// were all read, and their storage is free.
	c.replay, c.raw = c.raw, c.replay[:0]
	c.replayEnds, c.rawEnds = c.rawEnds, c.replayEnds[:0]
	c.replayFirst, c.replayNext, c.replayErr = start, 1, tooLong
	return &Error{StartLine: start, Line: start, Column: col, Err: fmt.Errorf(
		"%w: rejected as one record of %d %s; reading resumed at line %d", reason, nlines, plural(nlines, "line"), start+1)}
}

// plural returns word, followed by an s unless n is 1.
func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
