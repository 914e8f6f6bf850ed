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

// glob returns the files that pattern names, relative to dir unless the
// pattern is absolute, sorted and without repeats. Folders named by the
// pattern give every file under them.
func glob(dir, pattern string) ([]string, error) {
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
	for _, s := range strings.Split(pattern, "/") {
		if s != "" && s != "." {
			segs = append(segs, s)
		}
	}
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	if err := match(root, segs, add); err != nil {
		return nil, err
	}
	sort.Strings(out)
	return out, nil
}

// match calls add with every file under dir matching segs.
func match(dir string, segs []string, add func(string)) error {
	if len(segs) == 0 {
		return walkFiles(dir, add)
	}
	seg, rest := segs[0], segs[1:]
	if seg == "**" {
		if err := match(dir, rest, add); err != nil {
			return err
		}
		entries, err := readDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.IsDir() && !hidden(e.Name(), seg) {
				if err := match(filepath.Join(dir, e.Name()), segs, add); err != nil {
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
		return match(p, rest, add)
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
			if err := match(filepath.Join(dir, e.Name()), rest, add); err != nil {
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

// walkFiles calls add with p if it is a file, or with every file under it,
// in lexical order, skipping names that start with '.'.
func walkFiles(p string, add func(string)) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		add(p)
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
		if d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0 && !isDirLink(q) {
			add(q)
		}
		return nil
	})
}

func isDirLink(p string) bool {
	fi, err := os.Stat(p)
	return err != nil || fi.IsDir()
}

func hasMeta(seg string) bool { return strings.ContainsAny(seg, `*?[\`) }

// hidden reports whether a name starting with '.' is to be skipped for a
// pattern segment that does not itself start with '.'.
func hidden(name, seg string) bool {
	return strings.HasPrefix(name, ".") && !strings.HasPrefix(seg, ".")
}

// expandPaths returns the files of each path (a file, or a folder read
// recursively), keeping the paths as given.
func expandPaths(paths []string) ([][]string, error) {
	out := make([][]string, len(paths))
	for i, p := range paths {
		var files []string
		if err := walkFiles(p, func(f string) { files = append(files, f) }); err != nil {
			return nil, &FileError{Path: p, Err: unwrapPathError(err)}
		}
		if len(files) == 0 {
			return nil, &FileError{Path: p, Err: errors.New("no files in folder")}
		}
		out[i] = files
	}
	return out, nil
}

// unwrapPathError drops the path an *fs.PathError repeats.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
