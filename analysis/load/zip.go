package load

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// zipMagic starts every zip archive that does not begin empty (the local
// header of its first member).
var zipMagic = []byte("PK\x03\x04")

// isZip reports whether a file's head is that of a zip archive.
func isZip(head []byte) bool { return bytes.HasPrefix(head, zipMagic) }

// zip reads the members of the zip archive osf (file j) as the files of a
// folder: each is named ZIP!/MEMBER, and one that is no export is
// skipped. It returns how many members were read. A zip archive named by
// itself (j.explicit) of which no member is read is an error.
func (l *loader) zip(j job, osf *os.File) (int, error) {
	fi, err := osf.Stat()
	if err != nil {
		return 0, l.fileError(j, unwrapPathError(err))
	}
	zr, err := zip.NewReader(osf, fi.Size())
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return 0, l.fileError(j, err) // archive/zip's errors start "zip: "
	}
	if office(zr) {
		// A spreadsheet or text document is a zip archive of XML parts.
		const why = "office document (a zip archive of XML), not an export: save it as CSV"
		if j.explicit {
			return 0, l.fileError(j, errors.New(why))
		}
		l.skipped(j, why)
		return 0, nil
	}
	members := make([]*zip.File, 0, len(zr.File))
	for _, m := range zr.File {
		if !m.FileInfo().IsDir() && !strings.HasSuffix(m.Name, "/") && !hiddenMember(m.Name) {
			members = append(members, m)
		}
	}
	// In lexical order, as the files of a folder.
	sort.SliceStable(members, func(a, b int) bool { return members[a].Name < members[b].Name })
	limits := j.limits.WithDefaults()
	var decompressed int64 // for progress: bounded as member bounds it
	for _, m := range members {
		decompressed += int64(min(m.UncompressedSize64, uint64(limits.DecompressedBytes)))
	}
	l.m.zip(fi.Size(), len(members), decompressed)
	read := 0
	var failed error // the first member that failed, with KeepGoing
	for _, m := range members {
		mj := j
		mj.rel, mj.abs = j.rel+"!/"+m.Name, ""
		mj.explicit, mj.member, mj.skip = false, true, ""
		mj.sibling = memberSibling(zr, m.Name, mj.rel, limits)
		n, err := l.member(mj, m, limits)
		l.m.done(mj.rel)
		read += n
		if err != nil {
			if !l.opt.KeepGoing || !goOn(err) {
				return read, err
			}
			if failed == nil {
				failed = err
			}
		}
	}
	if failed != nil {
		return read, failed
	}
	if read == 0 && j.explicit {
		what := "no member"
		if len(members) > 0 {
			what = l.skippedOf(j.input)
		}
		return 0, l.fileError(j, fmt.Errorf("no export in zip archive: %s", what))
	}
	return read, nil
}

// member reads one member of a zip archive, its decompressed size bounded
// by limits.DecompressedBytes and, once past rawio.RatioFloor, its ratio
// to the compressed size by limits.Ratio.
func (l *loader) member(j job, m *zip.File, limits rawio.Limits) (int, error) {
	if m.UncompressedSize64 > uint64(limits.DecompressedBytes) {
		return 0, l.fileError(j, rawio.NewLimitError(limits, "decompressed-bytes"))
	}
	rc, err := m.Open()
	if err != nil {
		return 0, l.fileError(j, err)
	}
	defer rc.Close()
	return l.read(j, &boundedMember{r: rc, limits: limits, compressed: int64(m.CompressedSize64)}, nil)
}

// memberSibling opens the member of zr beside the member named name (as
// rawio.File.Sibling), named in reports after rel's folder.
func memberSibling(zr *zip.Reader, name, rel string, limits rawio.Limits) func(string) (*rawio.File, error) {
	return func(base string) (*rawio.File, error) {
		want := path.Join(path.Dir(name), path.Base(base))
		for _, m := range zr.File {
			if m.Name != want {
				continue
			}
			if m.UncompressedSize64 > uint64(limits.DecompressedBytes) {
				return nil, rawio.NewLimitError(limits, "decompressed-bytes")
			}
			rc, err := m.Open()
			if err != nil {
				return nil, err
			}
			f, err := rawio.NewFileWith(path.Join(path.Dir(rel), path.Base(base)), &boundedMember{r: rc, limits: limits, compressed: int64(m.CompressedSize64)}, limits)
			if err != nil {
				rc.Close()
				return nil, err
			}
			f.AddCloser(rc)
			return f, nil
		}
		return nil, &fs.PathError{Op: "open", Path: want, Err: fs.ErrNotExist}
	}
}

// boundedMember reads a zip member within the decompression limits.
type boundedMember struct {
	r          io.Reader
	limits     rawio.Limits
	compressed int64
	out        int64
	err        error
}

func (b *boundedMember) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.r.Read(p)
	b.out += int64(n)
	switch {
	case b.out > b.limits.DecompressedBytes:
		b.err = rawio.NewLimitError(b.limits, "decompressed-bytes")
		return 0, b.err
	case b.out > rawio.RatioFloor && b.out > int64(b.limits.Ratio)*max(b.compressed, 1):
		b.err = rawio.NewLimitError(b.limits, "ratio")
		return 0, b.err
	}
	return n, err
}

// office reports whether a zip archive is an office document: Office
// Open XML (.xlsx, .docx, .pptx: a "[Content_Types].xml" member) or
// OpenDocument (.ods, .odt: a first member "mimetype").
func office(zr *zip.Reader) bool {
	for i, m := range zr.File {
		if m.Name == "[Content_Types].xml" || i == 0 && m.Name == "mimetype" {
			return true
		}
	}
	return false
}

// hiddenMember reports whether a member is to be passed over silently, as
// names starting with '.' are in folders: any of its path segments starts
// with '.', or it is in the "__MACOSX" folder of resource forks that
// macOS adds to the zip archives it makes.
func hiddenMember(name string) bool {
	for _, seg := range strings.Split(path.Clean(strings.ReplaceAll(name, `\`, "/")), "/") {
		if strings.HasPrefix(seg, ".") && seg != "." && seg != ".." || seg == "__MACOSX" {
			return true
		}
	}
	return false
}
