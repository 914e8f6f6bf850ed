package rawio

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

// HeadSize is how many decoded bytes of a file sniffers get to see.
const HeadSize = 64 << 10

// File is an opened raw export: its decoded content (decompressed, without
// byte-order mark) and the first HeadSize bytes of it for sniffing.
type File struct {
	Name string // the name errors report, as given to Open
	Gzip bool   // whether the file was gzip-compressed
	Head []byte // up to HeadSize decoded bytes, for sniffing
	R    *bufio.Reader
	// Options are a format's settings from the study file, e.g. a column
	// mapping for the generic CSV format ("id" -> "post_id"). May be nil.
	Options map[string]string

	closers []io.Closer
}

// Open opens the file at path for decoding. Compression is recognised by
// its magic bytes, never by the file name, since exports are often renamed.
func Open(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	file, err := NewFile(path, f)
	if err != nil {
		f.Close()
		return nil, err
	}
	file.closers = append(file.closers, f)
	return file, nil
}

// NewFile wraps r (raw bytes of a file named name) like Open does.
func NewFile(name string, r io.Reader) (*File, error) {
	file := &File{Name: name}
	br := bufio.NewReaderSize(r, 256<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: gzip: %w", name, err)
		}
		zr.Multistream(true)
		file.Gzip = true
		file.closers = append(file.closers, zr)
		br = bufio.NewReaderSize(zr, 256<<10)
	}
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	head, err := br.Peek(HeadSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	file.Head = head
	file.R = br
	return file, nil
}

// Close closes the underlying file.
func (f *File) Close() error {
	var first error
	for i := len(f.closers) - 1; i >= 0; i-- {
		if err := f.closers[i].Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// SHA256 returns the hex sha256 of the raw (undecoded) bytes of a file.
func SHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
