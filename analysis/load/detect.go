package load

import (
	"errors"
	"fmt"
	"strings"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// ListFiles returns the files Files opens for path: path itself when it
// is a file (or "-", standard input), else every file under the folder,
// recursively, in lexical order, skipping names that start with '.' and
// what is not a regular file. Files may still skip some of them, by their
// content (see the package documentation). An empty folder is an error.
func ListFiles(path string) ([]string, error) {
	entries, err := listPath(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.skip == "" {
			out = append(out, e.path)
		}
	}
	return out, nil
}

// DetectFile opens the file at path and returns the name of its format
// (it reads the file's head, so it is no use on a pipe that Files is to
// read next):
// format itself when set (it must be registered), else the one detected
// from its content. Errors are *FileError, e.g.
// "load: PATH: format not recognised".
func DetectFile(path, format string) (string, error) {
	f, err := rawio.Open(path)
	if err != nil {
		return "", &FileError{Path: path, Err: errors.New(strings.TrimPrefix(unwrapPathError(err).Error(), path+": "))}
	}
	defer f.Close()
	if format != "" {
		if _, ok := rawio.Lookup(format); !ok {
			return "", fmt.Errorf("load: unknown format %q (known: %s)", format, formatNames())
		}
		return format, nil
	}
	ff, err := rawio.Detect(f.Head)
	if err != nil {
		return "", &FileError{Path: path, Err: err}
	}
	return ff.Name, nil
}
