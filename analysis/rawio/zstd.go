package rawio

import (
	"errors"
	"fmt"
	"io"

	"github.com/klauspost/compress/zstd"
)

// zstdMagic starts every Zstandard frame (RFC 8878, section 3.1.1).
var zstdMagic = []byte{0x28, 0xB5, 0x2F, 0xFD}

// MaxZstdWindow is the largest Zstandard window a file may declare: 2 GiB,
// what `zstd --long=31` writes, as the Pushshift and Arctic Shift dumps of
// Reddit are compressed. The decoder holds one window of history, so a
// file declaring a large window costs that much memory (at most this, and
// at most the decompressed-bytes limit: lowering that limit lowers the
// window a file may declare); a frame declaring more is a file-level
// error. zstd(1) itself refuses windows above 128 MiB unless told
// `--long=31` or `--memory=2048MB`.
const MaxZstdWindow = 1 << 31

// zstdReader decompresses a Zstandard stream (its frames one after the
// other, skippable frames skipped) within the decompressed size and ratio
// limits, as gzipReader does.
type zstdReader struct {
	src    *countingReader
	zr     *zstd.Decoder
	limits Limits
	out    int64
	err    error // sticky
}

func newZstdReader(r io.Reader, limits Limits) (*zstdReader, error) {
	src := &countingReader{r: r}
	window := uint64(MaxZstdWindow)
	if d := uint64(limits.DecompressedBytes); d < window {
		window = max(d, 1<<10) // the decoder's least window
	}
	zr, err := zstd.NewReader(src, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true),
		zstd.WithDecoderMaxWindow(window), zstd.WithDecoderMaxMemory(uint64(limits.DecompressedBytes)))
	if err != nil {
		return nil, err
	}
	return &zstdReader{src: src, zr: zr, limits: limits}, nil
}

func (z *zstdReader) Read(p []byte) (int, error) {
	if z.err != nil {
		return 0, z.err
	}
	n, err := z.zr.Read(p)
	z.out += int64(n)
	switch {
	case z.out > z.limits.DecompressedBytes || errors.Is(err, zstd.ErrDecoderSizeExceeded):
		z.err = NewLimitError(z.limits, "decompressed-bytes")
		return 0, z.err
	case z.out > RatioFloor && z.out > int64(z.limits.Ratio)*max(z.src.n, 1):
		z.err = NewLimitError(z.limits, "ratio")
		return 0, z.err
	case errors.Is(err, zstd.ErrWindowSizeExceeded) && z.limits.DecompressedBytes < MaxZstdWindow:
		// The window may not exceed what the file may decompress to.
		z.err = &LimitError{Limit: "decompressed-bytes", Max: z.limits.DecompressedBytes,
			What: fmt.Sprintf("zstd window declared above %d bytes", z.limits.DecompressedBytes)}
		return n, z.err
	case errors.Is(err, zstd.ErrWindowSizeExceeded):
		z.err = fmt.Errorf("zstd: the file declares a window larger than %d bytes (%w)", MaxZstdWindow, err)
		return n, z.err
	case err != nil && err != io.EOF:
		z.err = fmt.Errorf("zstd: %w", err)
		return n, z.err
	}
	if err == io.EOF {
		z.err = io.EOF
	}
	return n, err
}

func (z *zstdReader) Close() error {
	z.zr.Close()
	return nil
}
