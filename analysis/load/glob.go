package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// checkPattern reports a syntax error in a glob.
func checkPattern(pat string) error {
	for _, seg := range strings.Split(filepath.ToSlash(pat), "/") {
		if seg == "**" {
			continue
		}
		if strings.Contains(seg, "**") {
			return errors.New(`"**" must be a whole path segment`)
		}
		if _, err := filepath.Match(seg, ""); err != nil {
			return err
		}
	}
	return nil
}

// entry is a file a path or pattern names: one to read, or one to skip
// with a reason.
type entry struct {
	path string
	// explicit is a file named by itself (a PATH that is a file, a
	// pattern without wildcards naming a file), not met in a folder or
	// through a wildcard: a format not recognised is an error for it,
	// not a reason to skip it.
	explicit bool
	skip     string // why the file is not read; empty when it is
}

// glob returns the files that pattern names, relative to dir unless the
// pattern is absolute, sorted and without repeats. Folders named by the
// pattern give every file under them.
func glob(dir, pattern string) ([]entry, error) {
	if err := checkPattern(pattern); err != nil {
		return nil, fmt.Errorf("bad pattern %q: %v", pattern, err)
	}
	pattern = filepath.ToSlash(pattern)
	root := dir
	if strings.HasPrefix(pattern, "/") {
		root, pattern = "/", strings.TrimLeft(pattern, "/")
	} else if vol := filepath.VolumeName(filepath.FromSlash(pattern)); vol != "" {
		root, pattern = vol+string(filepath.Separator), strings.TrimLeft(pattern[len(vol):], "/")
	}
	var segs []string
	literal := true
	for _, s := range strings.Split(pattern, "/") {
		if s != "" && s != "." {
			segs = append(segs, s)
			literal = literal && s != "**" && !hasMeta(s)
		}
	}
	seen := map[string]bool{}
	var out []entry
	add := func(e entry) {
		if !seen[e.path] {
			seen[e.path] = true
			out = append(out, e)
		}
	}
	if err := match(root, segs, literal, add); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, nil
}

// match calls add with every file under dir matching segs; literal is
// whether the whole pattern is free of wildcards.
func match(dir string, segs []string, literal bool, add func(entry)) error {
	if len(segs) == 0 {
		return walkFiles(dir, literal, add)
	}
	seg, rest := segs[0], segs[1:]
	if seg == "**" {
		if err := match(dir, rest, literal, add); err != nil {
			return err
		}
		entries, err := readDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.IsDir() && !hidden(e.Name(), seg) {
				if err := match(filepath.Join(dir, e.Name()), segs, literal, add); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if !hasMeta(seg) {
		p := filepath.Join(dir, seg)
		if _, err := os.Stat(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		return match(p, rest, literal, add)
	}
	entries, err := readDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if hidden(e.Name(), seg) {
			continue
		}
		if ok, _ := filepath.Match(seg, e.Name()); ok {
			if err := match(filepath.Join(dir, e.Name()), rest, literal, add); err != nil {
				return err
			}
		}
	}
	return nil
}

// readDir lists dir, or nothing when dir is not a folder.
func readDir(dir string) ([]os.DirEntry, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		var pe *fs.PathError
		if errors.Is(err, fs.ErrNotExist) || errors.As(err, &pe) && isNotDir(dir) {
			return nil, nil
		}
		return nil, err
	}
	return entries, nil
}

func isNotDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// walkFiles calls add with p if it is a file (explicit when named is
// true), or with every file under it, in lexical order, skipping names
// that start with '.'. What is under a folder and cannot be read as a
// file (a FIFO, a socket, a device, a link to a folder, which is not
// followed, or a broken link) is added with a reason to skip it.
func walkFiles(p string, named bool, add func(entry)) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		// Named itself, p is read whatever it is: standard input or a
		// pipe (/dev/stdin, /dev/fd/N, a FIFO) as well as a file.
		add(entry{path: p, explicit: named})
		return nil
	}
	return filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if q != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch t := d.Type(); {
		case t.IsDir():
		case t.IsRegular():
			add(entry{path: q})
		case t&fs.ModeSymlink != 0:
			fi, err := os.Stat(q)
			switch {
			case err != nil:
				add(entry{path: q, skip: "broken symbolic link"})
			case fi.IsDir():
				add(entry{path: q, skip: "symbolic link to a folder (not followed)"})
			case fi.Mode().IsRegular():
				add(entry{path: q})
			default:
				add(entry{path: q, skip: "not a regular file"})
			}
		default:
			add(entry{path: q, skip: "not a regular file"})
		}
		return nil
	})
}

func hasMeta(seg string) bool { return strings.ContainsAny(seg, `*?[\`) }

// hidden reports whether a name starting with '.' is to be skipped for a
// pattern segment that does not itself start with '.'.
func hidden(name, seg string) bool {
	return strings.HasPrefix(name, ".") && !strings.HasPrefix(seg, ".")
}

// listPath returns the entries of a PATH of Files: "-" (standard
// input), a file, or a folder read recursively. A folder without any
// file is an error.
func listPath(p string) ([]entry, error) {
	if p == "-" {
		return []entry{{path: p, explicit: true}}, nil
	}
	var files []entry
	if err := walkFiles(p, true, func(e entry) { files = append(files, e) }); err != nil {
		return nil, &FileError{Path: p, Err: unwrapPathError(err)}
	}
	if len(files) == 0 {
		return nil, &FileError{Path: p, Err: errors.New("no files in folder")}
	}
	return files, nil
}

// unwrapPathError drops the path an *fs.PathError repeats.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
