package rawio

import (
	"bufio"
	"compress/gzip"
	"errors"
	"io"
)

// gzipReader decompresses the members of a gzip stream one after the
// other, accepts trailing zero padding, and enforces the decompressed
// size and ratio limits.
type gzipReader struct {
	src    *countingReader
	br     *bufio.Reader
	zr     *gzip.Reader
	limits Limits
	out    int64 // decompressed bytes so far
	err    error // sticky
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func newGzipReader(r io.Reader, limits Limits) (*gzipReader, error) {
	src := &countingReader{r: r}
	br := bufio.NewReader(src)
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, err
	}
	zr.Multistream(false)
	return &gzipReader{src: src, br: br, zr: zr, limits: limits}, nil
}

var errTrailing = errors.New("gzip: data after the last member that is neither a member nor zero padding")

func (g *gzipReader) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	for {
		n, err := g.zr.Read(p)
		g.out += int64(n)
		switch {
		case g.out > g.limits.DecompressedBytes:
			g.err = NewLimitError(g.limits, "decompressed-bytes")
			return 0, g.err
		case g.out > RatioFloor && g.out > int64(g.limits.Ratio)*max(g.src.n, 1):
			g.err = NewLimitError(g.limits, "ratio")
			return 0, g.err
		}
		if err == io.EOF {
			// End of a member: another member, zero padding, or the end.
			if more, perr := g.nextMember(); perr != nil {
				g.err = perr
				if n > 0 {
					return n, nil
				}
				return 0, perr
			} else if more {
				if n > 0 {
					return n, nil
				}
				continue
			}
			g.err = io.EOF
			return n, nil
		}
		if err != nil {
			g.err = err
		}
		return n, err
	}
}

// nextMember starts the next member, if any. It returns false at the end
// of the stream or of zero padding, and an error for trailing garbage.
func (g *gzipReader) nextMember() (bool, error) {
	b, err := g.br.Peek(2)
	if len(b) == 0 && err == io.EOF {
		return false, nil
	}
	if len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b {
		if err := g.zr.Reset(g.br); err != nil {
			return false, err
		}
		g.zr.Multistream(false)
		return true, nil
	}
	// Only zero bytes may follow.
	for {
		c, err := g.br.ReadByte()
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if c != 0 {
			return false, errTrailing
		}
	}
}

func (g *gzipReader) Close() error { return g.zr.Close() }
