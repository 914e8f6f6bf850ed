package simulate

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
)

// GzipThreshold is the size above which a written file is gzip-compressed
// (its name then ends in .gz).
const GzipThreshold = 1 << 20

// outFile is a file being written under the output folder. It is written
// plain and compressed on Close when larger than GzipThreshold, or always
// when alwaysGzip. Compression is deterministic: no name, no time.
type outFile struct {
	root, rel  string
	f          *os.File
	bw         *bufio.Writer
	zw         *gzip.Writer
	n          int64
	alwaysGzip bool
}

func createOut(root, rel string, alwaysGzip bool) (*outFile, error) {
	path := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	o := &outFile{root: root, rel: rel, alwaysGzip: alwaysGzip}
	if alwaysGzip {
		path += ".gz"
		o.rel += ".gz"
	}
	// Remove a stale variant from an earlier run.
	if alwaysGzip {
		os.Remove(path[:len(path)-3])
	} else {
		os.Remove(path + ".gz")
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	o.f = f
	o.bw = bufio.NewWriterSize(f, 256<<10)
	if alwaysGzip {
		o.zw, _ = gzip.NewWriterLevel(o.bw, gzip.DefaultCompression)
	}
	return o, nil
}

func (o *outFile) Write(p []byte) (int, error) {
	o.n += int64(len(p))
	if o.zw != nil {
		return o.zw.Write(p)
	}
	return o.bw.Write(p)
}

func (o *outFile) WriteString(s string) (int, error) { return o.Write([]byte(s)) }

// Close finishes the file and returns its final path relative to root.
func (o *outFile) Close() (string, error) {
	if o.zw != nil {
		if err := o.zw.Close(); err != nil {
			return "", err
		}
	}
	if err := o.bw.Flush(); err != nil {
		return "", err
	}
	if err := o.f.Close(); err != nil {
		return "", err
	}
	if o.alwaysGzip || o.n <= GzipThreshold {
		return o.rel, nil
	}
	path := filepath.Join(o.root, filepath.FromSlash(o.rel))
	if err := gzipFile(path, path+".gz"); err != nil {
		return "", err
	}
	if err := os.Remove(path); err != nil {
		return "", err
	}
	return o.rel + ".gz", nil
}

func gzipFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 256<<10)
	zw, _ := gzip.NewWriterLevel(bw, gzip.DefaultCompression)
	if _, err := io.Copy(zw, in); err != nil {
		out.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		out.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
