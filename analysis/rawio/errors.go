package rawio

import (
	"errors"
	"fmt"
)

// ParseError is a record that could not be read, in the style of
// encoding/csv's ParseError: it names the file, the line (or, for formats
// without lines, the record number), the field and the reason.
type ParseError struct {
	File   string // file name as given to the loader
	Line   int    // line where the record starts, from 1; 0 if unknown
	Record int    // record number within the file, from 1, when lines do not apply
	Column int    // column (1-based byte offset in the line) when known
	Field  string // field name, or "" when the whole record is bad
	Err    error  // the reason
}

func (e *ParseError) Error() string {
	where := e.File
	switch {
	case e.Line > 0 && e.Column > 0:
		where = fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column)
	case e.Line > 0:
		where = fmt.Sprintf("%s:%d", e.File, e.Line)
	case e.Record > 0:
		where = fmt.Sprintf("%s: record %d", e.File, e.Record)
	}
	if e.Field != "" {
		return fmt.Sprintf("%s: field %q: %v", where, e.Field, e.Err)
	}
	return fmt.Sprintf("%s: %v", where, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// Reasons shared by the formats, so that load reports group them.
var (
	ErrMissing   = errors.New("missing value")
	ErrBadTime   = errors.New("unreadable time")
	ErrBadNumber = errors.New("unreadable number")
	ErrBadJSON   = errors.New("malformed JSON")
	ErrShape     = errors.New("record of unexpected shape")
)

// ErrUnknownFormat is returned when no format recognises a file.
var ErrUnknownFormat = errors.New("format not recognised")
