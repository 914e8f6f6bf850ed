package rawio

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Limits bound the resources a reader may spend on one file, whatever the
// file holds: a damaged or hostile export (a line that never ends, a
// quote that never closes, JSON nested millions of levels deep, a gzip
// bomb) ends in a rejection or a file-level error naming the limit, never
// in unbounded memory or a crash. The defaults are far above what real
// exports reach; a zero field means its default.
type Limits struct {
	// LineBytes is the longest line a line-oriented format reads (JSON
	// lines, TSV, CSV), and the longest JSON value of a document. A
	// longer line is rejected whole and reading resumes after it.
	LineBytes int
	// FieldBytes is the longest field of a CSV or TSV record.
	FieldBytes int
	// RecordLines is the most lines a quoted CSV record may span; a quote
	// still open after that many lines is rejected and reading resumes at
	// the record's second line.
	RecordLines int
	// Depth is the deepest nesting of JSON arrays and objects.
	Depth int
	// DecompressedBytes is the most bytes a compressed file may
	// decompress to.
	DecompressedBytes int64
	// Ratio is the most decompressed bytes per compressed byte, checked
	// once RatioFloor bytes have been decompressed (real exports compress
	// 5 to 30 times; a gzip bomb about 1,000 times).
	Ratio int
}

// Default limits.
const (
	DefaultLineBytes         = 64 << 20
	DefaultFieldBytes        = 4 << 20
	DefaultRecordLines       = 1000
	DefaultDepth             = 512
	DefaultDecompressedBytes = 256 << 30
	DefaultRatio             = 200
	// RatioFloor is how many bytes may decompress before the ratio is
	// checked, so that small, very repetitive files are never refused.
	RatioFloor = 16 << 20
)

// limitNames are the names of the limits in options, flags and errors, in
// the order of Limits' fields.
var limitNames = []string{"line-bytes", "field-bytes", "record-lines", "depth", "decompressed-bytes", "ratio"}

// LimitNames returns the names ParseLimit accepts.
func LimitNames() []string { return append([]string(nil), limitNames...) }

// WithDefaults returns l with every zero field set to its default.
func (l Limits) WithDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.LineBytes, DefaultLineBytes)
	def(&l.FieldBytes, DefaultFieldBytes)
	def(&l.RecordLines, DefaultRecordLines)
	def(&l.Depth, DefaultDepth)
	def(&l.Ratio, DefaultRatio)
	if l.DecompressedBytes <= 0 {
		l.DecompressedBytes = DefaultDecompressedBytes
	}
	return l
}

// Set sets the limit of the given name (see LimitNames) from its decimal
// value, which may end in k, M or G (powers of 1024), e.g.
// "line-bytes=256M".
func (l *Limits) Set(name, value string) error {
	v, err := parseSize(value)
	if err != nil {
		return fmt.Errorf("limit %s: %v", name, err)
	}
	switch name {
	case "line-bytes":
		l.LineBytes = int(min(v, 1<<40))
	case "field-bytes":
		l.FieldBytes = int(min(v, 1<<40))
	case "record-lines":
		l.RecordLines = int(min(v, 1<<40))
	case "depth":
		l.Depth = int(min(v, 1<<30))
	case "decompressed-bytes":
		l.DecompressedBytes = v
	case "ratio":
		l.Ratio = int(min(v, 1<<30))
	default:
		return fmt.Errorf("unknown limit %q (known: %s)", name, strings.Join(limitNames, ", "))
	}
	return nil
}

// ParseLimits reads limits written "name=value,name=value" (the
// inspector's --limit flag).
func ParseLimits(s string) (Limits, error) {
	var l Limits
	for _, kv := range strings.Split(s, ",") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		name, value, ok := strings.Cut(kv, "=")
		if !ok {
			return l, fmt.Errorf("limit %q: want name=value", kv)
		}
		if err := l.Set(strings.TrimSpace(name), strings.TrimSpace(value)); err != nil {
			return l, err
		}
	}
	return l, nil
}

// String writes the limits as ParseLimits reads them, in a fixed order.
func (l Limits) String() string {
	l = l.WithDefaults()
	vals := map[string]int64{
		"line-bytes": int64(l.LineBytes), "field-bytes": int64(l.FieldBytes),
		"record-lines": int64(l.RecordLines), "depth": int64(l.Depth),
		"decompressed-bytes": l.DecompressedBytes, "ratio": int64(l.Ratio),
	}
	names := append([]string(nil), limitNames...)
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = n + "=" + strconv.FormatInt(vals[n], 10)
	}
	return strings.Join(parts, ",")
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "k"), strings.HasSuffix(s, "K"):
		mult, s = 1<<10, s[:len(s)-1]
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, s[:len(s)-1]
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, s[:len(s)-1]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("want a positive whole number, not %q", s)
	}
	return n * mult, nil
}

// ErrLimit is the reason of every LimitError, so that reports group them.
var ErrLimit = errors.New("limit exceeded")

// LimitError is a record or a file that went past one of the Limits.
type LimitError struct {
	Limit string // its name, as in LimitNames
	Max   int64  // the limit's value
	What  string // what went past it, e.g. "line longer than 67108864 bytes"
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("%s (limit %s=%d; raise it if the file is genuine)", e.What, e.Limit, e.Max)
}

// Is makes errors.Is(err, ErrLimit) true. A LimitError does not unwrap,
// so that load reports group rejections by limit.
func (e *LimitError) Is(target error) bool { return target == ErrLimit }

// NewLimitError returns the error for going past limit name of l (l with
// defaults applied).
func NewLimitError(l Limits, name string) *LimitError {
	l = l.WithDefaults()
	switch name {
	case "line-bytes":
		return &LimitError{name, int64(l.LineBytes), fmt.Sprintf("line longer than %d bytes", l.LineBytes)}
	case "field-bytes":
		return &LimitError{name, int64(l.FieldBytes), fmt.Sprintf("field longer than %d bytes", l.FieldBytes)}
	case "record-lines":
		return &LimitError{name, int64(l.RecordLines), fmt.Sprintf("quoted record still open after %d lines", l.RecordLines)}
	case "depth":
		return &LimitError{name, int64(l.Depth), fmt.Sprintf("JSON nested deeper than %d levels", l.Depth)}
	case "decompressed-bytes":
		return &LimitError{name, l.DecompressedBytes, fmt.Sprintf("decompressed size above %d bytes", l.DecompressedBytes)}
	case "ratio":
		return &LimitError{name, int64(l.Ratio), fmt.Sprintf("compression ratio above %d (a decompression bomb?)", l.Ratio)}
	}
	panic("rawio: unknown limit " + name)
}
