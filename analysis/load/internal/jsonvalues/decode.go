package jsonvalues

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// DecodeError is the rejection of record b, starting at line, that
// json.Unmarshal could not decode: a value of the wrong type names its
// field (prefixed with prefix, e.g. "statuses[2]."), malformed JSON the
// line and column where it stops making sense. The reason never quotes
// the record's values.
func DecodeError(file string, b []byte, line int, prefix string, err error) *rawio.ParseError {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if field == "" {
			field = "(record)"
		}
		return &rawio.ParseError{File: file, Line: line, Field: prefix + field,
			Err: fmt.Errorf("%w: a JSON %s where %s is expected", rawio.ErrShape, te.Value, expected(te.Type))}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		l, c := Position(b, int(se.Offset), line)
		return &rawio.ParseError{File: file, Line: l, Column: c,
			Err: fmt.Errorf("%w: %s", rawio.ErrBadJSON, strings.TrimPrefix(se.Error(), "json: "))}
	}
	var le *rawio.LimitError
	if errors.As(err, &le) {
		return &rawio.ParseError{File: file, Line: line, Err: err}
	}
	return &rawio.ParseError{File: file, Line: line, Field: strings.TrimSuffix(prefix, "."), Err: fmt.Errorf("%w: %v", rawio.ErrBadJSON, err)}
}

// Position returns the line and 1-based column of byte offset off
// (1-based, as json.SyntaxError counts) of b, which starts at line start:
// where a json.SyntaxError in a record stops making sense. For an empty b
// it is line start, column 0.
func Position(b []byte, off, start int) (line, col int) {
	if len(b) == 0 {
		return start, 0
	}
	off = min(max(off, 1), len(b))
	before := b[:off-1]
	line = start + bytes.Count(before, []byte{'\n'})
	col = off
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		col = off - 1 - i
	}
	return line, col
}

// ID is an id written as a JSON string or number; null is empty.
type ID string

// UnmarshalJSON reads a string, a number or null.
func (id *ID) UnmarshalJSON(b []byte) error {
	switch {
	case string(b) == "null":
		*id = ""
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = ID(strings.TrimSpace(s))
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		*id = ID(b)
	default:
		return &json.UnmarshalTypeError{Value: Kind(b), Type: idType}
	}
	return nil
}

// Count is a count written as a JSON number, a string of digits, or null
// (zero).
type Count int

// UnmarshalJSON reads a number, a string of digits or null.
func (c *Count) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		*c = 0
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		if f, ferr := strconv.ParseFloat(s, 64); ferr == nil && f >= 0 && f < 1<<31 && f == float64(int(f)) {
			*c = Count(f)
			return nil
		}
		return &json.UnmarshalTypeError{Value: Kind(b), Type: countType}
	}
	*c = Count(n)
	return nil
}

var (
	idType    = reflectTypeOf[string]()
	countType = reflectTypeOf[int]()
)

// Kind names the kind of the JSON value b for a rejection, from its first
// byte: "object", "array", "string", "bool" or "number" ("value" when b
// is empty).
func Kind(b []byte) string {
	if len(b) == 0 {
		return "value"
	}
	switch b[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	}
	return "number"
}

func reflectTypeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

// expected names the JSON value a Go type reads.
func expected(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object"
	}
	return "another value"
}
