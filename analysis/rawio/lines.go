package rawio

import (
	"bufio"
	"bytes"
	"io"
)

// LineReader reads a stream line by line, whatever the line ends (LF or
// CRLF), counting lines from 1. Lines may be of any length.
type LineReader struct {
	r    *bufio.Reader
	line int
	buf  []byte
}

// NewLineReader returns a LineReader on r.
func NewLineReader(r *bufio.Reader) *LineReader { return &LineReader{r: r} }

// Next returns the next line without its line end, and its number. The
// returned slice is valid until the next call. At the end it returns io.EOF.
func (l *LineReader) Next() ([]byte, int, error) {
	l.buf = l.buf[:0]
	for {
		chunk, err := l.r.ReadSlice('\n')
		l.buf = append(l.buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			if len(l.buf) == 0 {
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
	line := bytes.TrimSuffix(l.buf, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	return line, l.line, nil
}

// Line returns the number of the last line returned by Next.
func (l *LineReader) Line() int { return l.line }
