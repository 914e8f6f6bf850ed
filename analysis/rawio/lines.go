package rawio

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// LineReader reads a stream line by line, whatever the line ends (LF or
// CRLF; a file of lone CRs is read as LF by File), counting lines from 1.
// A line longer than its limit is not kept: Next skips to its end and
// returns a *LimitError with the line's number, and the next call goes on
// with the following line, so memory stays bounded by the limit.
type LineReader struct {
	r    *bufio.Reader
	line int
	max  int
	buf  []byte
}

// NewLineReader returns a LineReader on r with the default line limit.
func NewLineReader(r *bufio.Reader) *LineReader {
	return &LineReader{r: r, max: DefaultLineBytes}
}

// Lines returns a LineReader on the file's content, within its limits.
func (f *File) Lines() *LineReader {
	return &LineReader{r: f.R, max: f.Limits.WithDefaults().LineBytes}
}

// Next returns the next line without its line end, and its number. The
// returned slice is valid until the next call. At the end it returns
// io.EOF; for a line past the limit, a *LimitError (see LineReader).
func (l *LineReader) Next() ([]byte, int, error) {
	l.buf = l.buf[:0]
	tooLong := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if !tooLong {
			if len(l.buf)+len(chunk) > l.max+2 { // +2: the line end
				tooLong, l.buf = true, l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			if len(l.buf) == 0 && !tooLong {
				return nil, l.line, io.EOF
			}
			break
		}
		if err != nil {
			return nil, l.line, err
		}
		break
	}
	l.line++
	if tooLong {
		return nil, l.line, NewLimitError(Limits{LineBytes: l.max}, "line-bytes")
	}
	line := bytes.TrimSuffix(l.buf, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) > l.max {
		return nil, l.line, NewLimitError(Limits{LineBytes: l.max}, "line-bytes")
	}
	return line, l.line, nil
}

// Line returns the number of the last line returned by Next.
func (l *LineReader) Line() int { return l.line }

// IsRecordError reports whether err, returned by Next, concerns one line
// only (the reader can go on after rejecting it) rather than the stream.
func IsRecordError(err error) bool {
	var le *LimitError
	return errors.As(err, &le) && le.Limit == "line-bytes"
}
