package rawio

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// HeadSize is how many decoded bytes of a file sniffers get to see.
const HeadSize = 64 << 10

// File is an opened raw export: its decoded content (decompressed, without
// byte-order mark, lone CR line ends read as LF) and the first HeadSize
// bytes of it for sniffing.
type File struct {
	Name string // the name errors report, as given to Open
	Gzip bool   // whether the file was gzip-compressed
	Zstd bool   // whether the file was Zstandard-compressed (.zst dumps)
	Head []byte // up to HeadSize decoded bytes, for sniffing
	R    *bufio.Reader
	// Options are a format's settings from the study file, e.g. a column
	// mapping for the generic CSV format ("id" -> "post_id"). May be nil.
	Options map[string]string
	// Limits bound what readers of this file may spend (defaults applied).
	Limits Limits
	// Sibling opens the file of the given base name in the same folder as
	// this one (or the same folder of its zip archive), within the same
	// limits, as an X archive's tweets.js needs its account.js; the caller
	// closes it. It is nil when the file has no folder (standard input, a
	// pipe); a missing sibling is an error satisfying
	// errors.Is(err, fs.ErrNotExist).
	Sibling func(name string) (*File, error)
	// Workers is how many goroutines a reader may decode this file's
	// records on, handing them to the sink in the file's order (0 or 1:
	// one, the caller's). load sets it from load.Options.Workers.
	Workers int

	closers []io.Closer
}

// Open opens the file at path for decoding with the default limits.
// Compression is recognised by its magic bytes, never by the file name,
// since exports are often renamed.
func Open(path string) (*File, error) { return OpenWith(path, Limits{}) }

// OpenWith opens the file at path for decoding within limits.
func OpenWith(path string, limits Limits) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	file, err := NewFileWith(path, f, limits)
	if err != nil {
		f.Close()
		return nil, err
	}
	file.closers = append(file.closers, f)
	file.Sibling = SiblingOpener(path, limits)
	return file, nil
}

// SiblingOpener returns the File.Sibling of a file at path: it opens a
// file of the same folder, by base name, within limits.
func SiblingOpener(path string, limits Limits) func(name string) (*File, error) {
	dir := filepath.Dir(path)
	return func(name string) (*File, error) {
		return OpenWith(filepath.Join(dir, filepath.Base(name)), limits)
	}
}

// NewFile wraps r (raw bytes of a file named name) like Open does. r is
// read once, from its start, so it may be a pipe or standard input.
func NewFile(name string, r io.Reader) (*File, error) { return NewFileWith(name, r, Limits{}) }

// NewFileWith wraps r like NewFile, within limits.
//
// A gzip file may hold several members (as gzip(1) concatenates them) and
// be followed by zero bytes (tape and block padding, which gzip(1)
// accepts); anything else after the last member is an error, and so is a
// member header with a reserved flag bit set (as for gzip(1)). A
// Zstandard file (the .zst dumps of Reddit) may hold several frames and
// skippable frames, with windows up to MaxZstdWindow. The decompressed
// size and ratio of either are bounded by limits.DecompressedBytes and
// limits.Ratio: going past either is a *LimitError from the reader.
//
// A file whose head holds carriage returns and no line feed (old Mac and
// spreadsheet exports end lines with CR alone) has every CR read as LF.
func NewFileWith(name string, r io.Reader, limits Limits) (*File, error) {
	limits = limits.WithDefaults()
	file := &File{Name: name, Limits: limits}
	br := bufio.NewReaderSize(r, 256<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := newGzipReader(br, limits)
		if err != nil {
			return nil, fmt.Errorf("%s: gzip: %w", name, err)
		}
		file.Gzip = true
		file.closers = append(file.closers, zr)
		br = bufio.NewReaderSize(zr, 256<<10)
	} else if magic, _ := br.Peek(4); bytes.Equal(magic, zstdMagic) {
		zr, err := newZstdReader(br, limits)
		if err != nil {
			return nil, fmt.Errorf("%s: zstd: %w", name, err)
		}
		file.Zstd = true
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
	if bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0 {
		br = bufio.NewReaderSize(crToLF{br}, 256<<10)
		if head, err = br.Peek(HeadSize); err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	file.Head = head
	file.R = br
	return file, nil
}

// crToLF reads every CR as LF.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := bytes.IndexByte(p[:n], '\r'); i >= 0; {
		p[i] = '\n'
		j := bytes.IndexByte(p[i+1:n], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n, err
}

// AddCloser makes Close close c too (after what the file opened itself),
// for a File made by NewFileWith on a reader its caller opened.
func (f *File) AddCloser(c io.Closer) { f.closers = append(f.closers, c) }

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
