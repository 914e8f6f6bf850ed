package rawio

import (
	"bufio"
	"bytes"
	stdflate "compress/flate"
	stdgzip "compress/gzip"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/faire-communaute/compendium/analysis/internal/cputime"
)

// stdGunzip is the reading of a gzip stream gzipReader had with the
// standard library's decoder (members one after the other, zero padding,
// nothing else): the reference the faster decoder must agree with, byte
// for byte and error for error. One rule is added, the only difference:
// a member header with a reserved flag bit set is gzip.ErrHeader (RFC
// 1952, 2.3.1.2: "a compliant decompressor must give an error indication
// if any reserved bit is non-zero"; gzip(1) refuses such files too),
// where the standard library ignored the bits.
func stdGunzip(raw []byte) ([]byte, error) {
	var out bytes.Buffer
	err := stdGunzipTo(&out, raw, nil)
	return out.Bytes(), err
}

// stdGunzipTo writes what stdGunzip reads to w, through buf.
func stdGunzipTo(w io.Writer, raw, buf []byte) error {
	br := bufio.NewReader(bytes.NewReader(raw))
	reserved := func() bool { b, _ := br.Peek(4); return len(b) == 4 && b[3]>>5 != 0 }
	r := reserved()
	zr, err := stdgzip.NewReader(br)
	if err != nil {
		return err
	}
	if r {
		return stdgzip.ErrHeader
	}
	for {
		zr.Multistream(false)
		if _, err := io.CopyBuffer(w, struct{ io.Reader }{zr}, buf); err != nil {
			return err
		}
		b, _ := br.Peek(2)
		if len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b {
			r := reserved()
			if err := zr.Reset(br); err != nil {
				return err
			}
			if r {
				return stdgzip.ErrHeader
			}
			continue
		}
		for {
			c, err := br.ReadByte()
			if err == io.EOF {
				return nil
			}
			if c != 0 {
				return errTrailing
			}
		}
	}
}

// gunzip reads raw as NewFileWith does, without its byte-order mark and
// line-end handling: what gzipReader delivers, and its error.
func gunzip(raw []byte, l Limits) ([]byte, error) {
	zr, err := newGzipReader(bufio.NewReader(bytes.NewReader(raw)), l.WithDefaults())
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var out bytes.Buffer
	_, err = io.Copy(&out, struct{ io.Reader }{zr}) // Read only, as bufio does
	return out.Bytes(), err
}

// errText is an error's text, "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// member is one gzip member holding s, written by the standard library.
func member(s string) []byte {
	var b bytes.Buffer
	w := stdgzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// A damaged gzip file fails with the error it failed with when the
// standard library decoded it, after the same bytes. Offsets of flate
// errors count the bytes of the member's compressed data read, from 0
// after its 10-byte header.
func TestGzipDamageAsBefore(t *testing.T) {
	ok := member("post_id\tby\n1_2\tAline\n")
	n := len(ok)
	header := []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}
	cases := []struct {
		name    string
		raw     []byte
		want    string // the content delivered before the error
		wantErr string
	}{
		{"whole", ok, "post_id\tby\n1_2\tAline\n", ""},
		{"two members and padding", append(append(member("a\n"), member("b\n")...), 0, 0, 0), "a\nb\n", ""},
		// The 8-byte trailer (CRC-32, size) cut: the content is there,
		// unchecked.
		{"trailer cut", ok[:n-3], "post_id\tby\n1_2\tAline\n", "unexpected EOF"},
		// Four bytes of fixed-Huffman data: the 3-bit block header and
		// three 8-bit literals, the fourth cut.
		{"data cut", ok[:14], "pos", "unexpected EOF"},
		{"bad checksum", append(append([]byte{}, ok[:n-8]...), 0, 0, 0, 0, 21, 0, 0, 0), "post_id\tby\n1_2\tAline\n", "gzip: invalid checksum"},
		{"bad size", append(append([]byte{}, ok[:n-4]...), 22, 0, 0, 0), "post_id\tby\n1_2\tAline\n", "gzip: invalid checksum"},
		// Block type 3 is reserved (RFC 1951, 3.2.3): corrupt at the
		// first byte of the data.
		{"reserved block type", append(header, 0x07), "", "flate: corrupt input before offset 1"},
		// A stored block whose length and its complement disagree.
		{"stored block length", append(header, 0x01, 5, 0, 0, 0), "", "flate: corrupt input before offset 5"},
		{"second member header", append(append([]byte{}, ok...), 0x1f, 0x8b, 7, 0, 0, 0, 0, 0, 0, 0), "post_id\tby\n1_2\tAline\n", "gzip: invalid header"},
		// Reserved flag bits: an error for RFC 1952 and gzip(1); the
		// standard library ignored them (the one change).
		{"reserved flag bit", append(append([]byte{}, ok[:3]...), append([]byte{0x20}, ok[4:]...)...), "", "gzip: invalid header"},
		{"second member cut", append(append([]byte{}, ok...), 0x1f, 0x8b, 8, 0), "post_id\tby\n1_2\tAline\n", "unexpected EOF"},
		{"garbage after padding", append(append([]byte{}, ok...), 0, 0, 'x'), "post_id\tby\n1_2\tAline\n", errTrailing.Error()},
	}
	for _, c := range cases {
		got, err := gunzip(c.raw, Limits{})
		if string(got) != c.want || errText(err) != c.wantErr {
			t.Errorf("%s: %q, %v; want %q, %q", c.name, got, err, c.want, c.wantErr)
		}
		ref, rerr := stdGunzip(c.raw)
		if !bytes.Equal(got, ref) || errText(err) != errText(rerr) {
			t.Errorf("%s: %q, %v; the standard library read %q, %v", c.name, got, err, ref, rerr)
		}
	}
	// The errors are the standard library's values, for errors.Is.
	if _, err := gunzip(ok[:n-3], Limits{}); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("cut trailer: %v is not io.ErrUnexpectedEOF", err)
	}
	if _, err := gunzip(append(append([]byte{}, ok[:n-4]...), 22, 0, 0, 0), Limits{}); !errors.Is(err, stdgzip.ErrChecksum) {
		t.Errorf("bad size: %v is not gzip.ErrChecksum", err)
	}
	// A bad first header is NewFileWith's error, named.
	if _, err := NewFileWith("x.gz", bytes.NewReader([]byte{0x1f, 0x8b, 9, 0, 0, 0, 0, 0, 0, 0}), Limits{}); errText(err) != "x.gz: gzip: gzip: invalid header" || !errors.Is(err, stdgzip.ErrHeader) {
		t.Errorf("bad first header: %v", err)
	}
}

// FuzzGzip decodes arbitrary bytes after a gzip magic with gzipReader and
// with the standard library's decoder: the same content, the same error,
// with one exception. Where the standard library finds the deflate data
// corrupt, gzipReader fails too, after at least the same bytes: on a
// block whose code-length code is empty (which no encoder writes) the
// faster decoder goes on with the previous block's table (its
// huffmanDecoder.init returns before clearing it), delivering bytes the
// standard library did not before it fails (at the latest on the
// member's CRC-32). The file is a file-level error either way.
func FuzzGzip(f *testing.F) {
	f.Add(member("a\tb\n"))
	f.Add(append(append(member("x\n"), member("y\n")...), 0, 0))
	f.Add(member("")[:12])
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 0x01, 5, 0, 0, 0})
	f.Add([]byte{0x1f, 0x8b, 8, 0x1e, 0, 0, 0, 0, 0, 0xff, 4, 0, 'a', 'b', 'c', 'd', 'n', 0, 'c', 0, 0x03, 0})
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) < 2 || raw[0] != 0x1f || raw[1] != 0x8b {
			raw = append([]byte{0x1f, 0x8b}, raw...)
		}
		got, err := gunzip(raw, Limits{DecompressedBytes: 1 << 20})
		ref, rerr := stdGunzip(raw)
		if len(ref) > 1<<20 {
			return // past the limit: gzipReader stops, the reference does not
		}
		var corrupt stdflate.CorruptInputError
		if errors.As(rerr, &corrupt) && errText(err) != errText(rerr) {
			if err == nil || !bytes.HasPrefix(got, ref) {
				t.Fatalf("%d bytes, %v; the standard library read %d bytes, %v", len(got), err, len(ref), rerr)
			}
			return
		}
		if !bytes.Equal(got, ref) || errText(err) != errText(rerr) {
			t.Fatalf("%d bytes, %v; the standard library read %d bytes, %v", len(got), err, len(ref), rerr)
		}
	})
}

// benchText is about 50 MB of gzip-compressed Netvizz-like lines
// (decompressed about four times as large), made once.
var benchText = sync.OnceValues(func() ([]byte, int64) {
	words := []string{"bonjour", "merci", "à", "toutes", "je", "suis", "aide-soignante", "en", "EHPAD", "depuis",
		"ans", "et", "le", "la", "les", "résidents", "nuit", "planning", "chez", "nous", "aussi", "c'est", "pareil",
		"courage", "😊", "🙏", "formation", "salaire", "direction", "collègues", "week-end", "toilette", "soins"}
	r := rand.New(rand.NewPCG(1, 2))
	var z bytes.Buffer
	w, _ := stdgzip.NewWriterLevel(&z, stdgzip.DefaultCompression)
	bw := bufio.NewWriterSize(w, 1<<16)
	var n int64
	for i := 0; z.Len() < 50<<20; i++ {
		k, _ := fmt.Fprintf(bw, "%d_%d\t421488436202698_%d\t%016x%016x\t0\t", i%97, i%3, 2075037711955289+i/40, r.Uint64(), r.Uint64())
		n += int64(k)
		for j := 5 + r.IntN(40); j > 0; j-- {
			k, _ = bw.WriteString(words[r.IntN(len(words))])
			bw.WriteByte(' ')
			n += int64(k) + 1
		}
		k, _ = fmt.Fprintf(bw, "\t2018-05-%02dT%02d:%02d:%02d+0000\t%d\n", 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60), r.IntN(9))
		n += int64(k)
	}
	bw.Flush()
	w.Close()
	return z.Bytes(), n
})

// BenchmarkGzip reads gzip files as load does (NewFileWith, then the
// File's reader to its end), and, for comparison, with the standard
// library's decoder ("std", which gzipReader used before). MB/s are of
// decompressed bytes; MB/cpu-s per second of CPU time used by the
// process, as the machine may be shared.
func BenchmarkGzip(b *testing.B) {
	b.Run("simulated", func(b *testing.B) {
		raw, n := benchText()
		benchGzip(b, raw, n)
	})
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

func benchGzip(b *testing.B, raw []byte, n int64) {
	b.Run("rawio", func(b *testing.B) {
		benchCPU(b, n, func() (int64, error) {
			f, err := NewFileWith("bench.gz", bytes.NewReader(raw), Limits{})
			if err != nil {
				return 0, err
			}
			defer f.Close()
			return io.Copy(io.Discard, f.R)
		})
	})
	b.Run("std", func(b *testing.B) {
		buf := make([]byte, 256<<10) // as File's reader reads
		benchCPU(b, n, func() (int64, error) {
			var c countWriter
			err := stdGunzipTo(&c, raw, buf)
			return int64(c), err
		})
	})
}

// benchCPU runs read, which must return n bytes, b.N times.
func benchCPU(b *testing.B, n int64, read func() (int64, error)) {
	b.SetBytes(n)
	b.ReportAllocs()
	start, runs := cputime.Used(), 0
	defer func() {
		if cpu := cputime.Used() - start; cpu > 0 && runs > 0 {
			b.ReportMetric(float64(n)*float64(runs)/cpu.Seconds()/1e6, "MB/cpu-s")
		}
	}()
	for b.Loop() {
		runs++
		if got, err := read(); err != nil || got != n {
			b.Fatalf("%d bytes, %v; want %d", got, err, n)
		}
	}
}
