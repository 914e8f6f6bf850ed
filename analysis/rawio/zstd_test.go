package rawio

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// zst compresses each part as one Zstandard frame, the frames one after
// the other (as `cat a.zst b.zst` makes).
func zst(t testing.TB, parts ...string) []byte {
	var b bytes.Buffer
	for _, p := range parts {
		w, err := zstd.NewWriter(&b, zstd.WithEncoderConcurrency(1))
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p))
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// A .zst dump reads as its content, frame after frame, sniffed on the
// decompressed head.
func TestZstdFrames(t *testing.T) {
	raw := zst(t, "{\"id\":\"a\"}\n", "\xef\xbb\xbf{\"id\":\"b\"}\n")
	f, err := NewFileWith("RC_2024-01.zst", bytes.NewReader(raw), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !f.Zstd || f.Gzip || !bytes.HasPrefix(f.Head, []byte(`{"id":"a"}`)) {
		t.Errorf("zstd %v gzip %v head %q", f.Zstd, f.Gzip, f.Head)
	}
	b, err := io.ReadAll(f.R)
	// The byte-order mark is only removed at the start of the content.
	if want := "{\"id\":\"a\"}\n\xef\xbb\xbf{\"id\":\"b\"}\n"; err != nil || string(b) != want {
		t.Errorf("content %q, %v; want %q", b, err, want)
	}
	// A skippable frame (magic 0x184D2A50, little-endian) between them is skipped.
	skip := []byte{0x50, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 'x', 'y', 'z'}
	raw = append(append(zst(t, "a\n"), skip...), zst(t, "b\n")...)
	if got, err := content(t, raw, Limits{}); err != nil || got != "a\nb\n" {
		t.Errorf("with a skippable frame: %q, %v", got, err)
	}
}

// A zstd bomb stops at the ratio limit, or at decompressed-bytes, as a
// gzip bomb does.
func TestZstdBomb(t *testing.T) {
	raw := zst(t, strings.Repeat("\x00", 64<<20)) // 64 MiB of zeros, a few KiB compressed
	if len(raw) > 64<<10 {
		t.Fatalf("bomb of %d bytes", len(raw))
	}
	f, err := NewFileWith("bomb.zst", bytes.NewReader(raw), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, f.R)
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != "ratio" {
		t.Fatalf("after %d bytes: err = %v, want the ratio limit", n, err)
	}
	if n > RatioFloor+1<<20 {
		t.Errorf("read %d bytes before stopping, want at most about %d", n, RatioFloor)
	}
	if _, err := content(t, raw, Limits{DecompressedBytes: 1 << 20}); !errors.As(err, &le) || le.Limit != "decompressed-bytes" {
		t.Errorf("decompressed-bytes=1M: err = %v", err)
	}
}

// zstdFrame is a frame of one raw block holding "x", whose header
// declares a window of 1<<windowLog bytes.
func zstdFrame(windowLog int) []byte {
	return []byte{0x28, 0xB5, 0x2F, 0xFD, 0x00, byte(windowLog-10) << 3, 0x09, 0x00, 0x00, 'x'}
}

// A frame declaring a window beyond MaxZstdWindow, or beyond the
// decompressed-bytes limit, is refused before its window is allocated; a
// window of 2 GiB (`zstd --long=31`) is read.
func TestZstdWindow(t *testing.T) {
	if got, err := content(t, zstdFrame(31), Limits{}); err != nil || got != "x" {
		t.Errorf("window 2 GiB: %q, %v; want \"x\"", got, err)
	}
	for _, c := range []struct {
		log int
		lim Limits
	}{{32, Limits{}}, {31, Limits{DecompressedBytes: 1 << 20}}} {
		_, err := content(t, zstdFrame(c.log), c.lim)
		if err == nil || !strings.Contains(err.Error(), "window") {
			t.Errorf("window 1<<%d, %+v: err = %v, want a window error", c.log, c.lim, err)
		}
	}
}
