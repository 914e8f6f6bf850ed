package rawio

import (
	"fmt"
	"sort"
	"sync"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// Format is one kind of raw export.
type Format struct {
	// Name identifies the format in study files, reports and the --format
	// flag, e.g. "twarc2" or "crowdtangle".
	Name     string
	Platform corpus.Platform // empty for formats of both platforms
	// Sniff tells from the first bytes of the decoded content how sure it
	// is that the file is in this format: 0 for no, 100 for certain. The
	// most confident format wins; ties go to the first name in order.
	Sniff func(head []byte) int
	// Read decodes the whole file into sink. It returns an error only when
	// the file cannot be read at all; bad records go to sink.Reject.
	Read func(f *File, sink Sink) error
	// Doc is a one-line description for the README and the inspector.
	Doc string
}

var (
	mu      sync.RWMutex
	formats = map[string]Format{}
)

// Register makes a format available. It panics if the name is taken, as
// registering twice is a programming error.
func Register(f Format) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := formats[f.Name]; dup {
		panic("rawio: format registered twice: " + f.Name)
	}
	if f.Sniff == nil || f.Read == nil {
		panic("rawio: format without Sniff or Read: " + f.Name)
	}
	formats[f.Name] = f
}

// Lookup returns the format of the given name.
func Lookup(name string) (Format, bool) {
	mu.RLock()
	defer mu.RUnlock()
	f, ok := formats[name]
	return f, ok
}

// Formats returns every registered format, sorted by name.
func Formats() []Format {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]Format, 0, len(formats))
	for _, f := range formats {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Detect returns the format most confident about head.
func Detect(head []byte) (Format, error) {
	best, bestScore := Format{}, 0
	for _, f := range Formats() {
		if s := f.Sniff(head); s > bestScore {
			best, bestScore = f, s
		}
	}
	if bestScore == 0 {
		return Format{}, ErrUnknownFormat
	}
	return best, nil
}

// Error is a convenience for building a ParseError.
func Error(file string, line int, field string, format string, args ...any) *ParseError {
	return &ParseError{File: file, Line: line, Field: field, Err: fmt.Errorf(format, args...)}
}
