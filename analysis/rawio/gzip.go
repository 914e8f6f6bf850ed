package rawio

import (
	"bufio"
	"errors"
	"io"

	"github.com/klauspost/compress/gzip"
)

// gzipReader decompresses the members of a gzip stream one after the
// other, accepts trailing zero padding, and enforces the decompressed
// size and ratio limits.
//
// The decoder is github.com/klauspost/compress/gzip, a fork of the
// standard library's compress/gzip with a faster inflater (about 1.2
// times the MB per CPU second on Netvizz comments, BenchmarkGzip, and
// no allocation per deflate block); its errors are the
// standard library's values (gzip.ErrHeader, gzip.ErrChecksum,
// flate.CorruptInputError with the same offsets, io.ErrUnexpectedEOF),
// and TestGzipDamageAsBefore and FuzzGzip check that it delivers the
// same bytes before the same error as the standard library did, but for
// two cases of damage: a member header with a reserved flag bit set is
// gzip.ErrHeader (RFC 1952 and gzip(1) refuse it; the standard library
// ignored the bits), and deflate data with an empty code-length code
// (which no encoder writes) may deliver more bytes before its error (see
// FuzzGzip). A damaged file is a file-level error either way.
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
		return nil, noEOF(err)
	}
	zr.Multistream(false)
	return &gzipReader{src: src, br: br, zr: zr, limits: limits}, nil
}

// noEOF reads io.EOF as io.ErrUnexpectedEOF: a header is read once its
// magic bytes are seen, so the stream cannot end cleanly inside it. (The
// decoder returns io.EOF for a header cut in its file name or comment,
// where the standard library's returned io.ErrUnexpectedEOF; taken as
// the end, a cut second member would pass for the file's end.)
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
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
			return false, noEOF(err)
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
