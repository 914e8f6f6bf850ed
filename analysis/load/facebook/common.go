package facebook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/csvread"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Reasons of this package's rejections, so that load reports can group them.
var (
	errNotFacebook = errors.New("not a Facebook item")
	errSeed        = errors.New("seed node, not a message")
	errOffcut      = errors.New("offcut node (the rest of an API response), not a message")
	errNoZone      = errors.New("time without time zone (set the timezone option)")
	errNoParent    = errors.New("parent not found in the file")
	errNotFetched  = errors.New("node not fetched")
)

// quote quotes a bad value for a reason, masking any word that could be
// a name (see rawio.Quote).
func quote(s string) string { return rawio.Quote(s) }

func badTime(s string) error   { return fmt.Errorf("%w: %s", rawio.ErrBadTime, quote(s)) }
func badNumber(s string) error { return fmt.Errorf("%w: %s", rawio.ErrBadNumber, quote(s)) }

// reject sends a ParseError for a record starting at line.
func reject(sink rawio.Sink, f *rawio.File, line int, field string, err error) {
	sink.Reject(&rawio.ParseError{File: f.Name, Line: line, Field: field, Err: err})
}

// count reads an optional count: empty (or "None", as Python tools write
// it) is 0.
func count(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "None" || s == "null" || s == "NA" {
		return 0, nil
	}
	n, err := parseCount(s)
	if err != nil {
		return 0, badNumber(s)
	}
	return n, nil
}

// apiTimeLayouts are the layouts of times written by the Graph API and the
// tools built on it, most frequent first.
var apiTimeLayouts = []string{
	"2006-01-02T15:04:05-0700",
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
}

// parseAPITime reads a Graph API time such as 2016-08-31T19:02:51+0000.
func parseAPITime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, zoned, ok := parseISO(s); ok && zoned {
		return t, nil
	}
	for _, layout := range apiTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, badTime(s)
}

// maxUnix bounds the Unix times parsed, far beyond any plausible one, so
// that time.Unix cannot overflow.
const maxUnix = 1e15

// parseUnix reads Unix seconds written as an integer (or a float, as JSON
// exports sometimes do). Any number reads: a value in milliseconds gives
// a time thousands of years ahead, which checkTime rejects.
func parseUnix(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(max(-maxUnix, min(n, maxUnix)), 0).UTC(), nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
		f = max(-maxUnix, min(f, maxUnix))
		sec := math.Floor(f)
		return time.Unix(int64(sec), int64((f-sec)*1e9)).UTC(), nil
	}
	return time.Time{}, badTime(s)
}

// checkTime returns rawio.CheckTime's error for a time read from a
// present value that no message of platform can have: before the
// platform existed (a year 0000 or 0001, an epoch in the wrong unit) or
// after now plus a day (milliseconds read as seconds). Readers call it so
// that such times are rejected on the export's field with that reason;
// load checks them again against its own load instant.
func checkTime(platform corpus.Platform, t, now time.Time) error {
	err := rawio.CheckTime(platform, t, now)
	if err != nil && t.Year() > 4000 {
		return fmt.Errorf("%w (a Unix time in milliseconds read as seconds?)", err)
	}
	return err
}

// timeCheck is checkTime for the messages of one file, with its bounds
// computed once.
type timeCheck struct {
	now                     time.Time
	facebook, twitter, last time.Time
}

func newTimeCheck() timeCheck {
	now := time.Now()
	return timeCheck{now: now, facebook: rawio.Epochs[corpus.Facebook], twitter: rawio.Epochs[corpus.Twitter], last: now.Add(24 * time.Hour)}
}

// check returns checkTime(platform, t, now) (platform facebook or
// twitter).
func (c *timeCheck) check(platform corpus.Platform, t time.Time) error {
	first := c.facebook
	if platform == corpus.Twitter {
		first = c.twitter
	}
	if !t.Before(first) && !t.After(c.last) {
		return nil
	}
	return checkTime(platform, t, c.now)
}

// isHex reports whether s is a non-empty string of hexadecimal digits: a
// Netvizz hash or a numeric Facebook id.
func isHex(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !hexDigit[s[i]] {
			return false
		}
	}
	return true
}

// hexDigit tells the bytes that are hexadecimal digits (0-9, a-f, A-F).
var hexDigit = func() (t [256]bool) {
	for _, c := range []byte("0123456789abcdefABCDEF") {
		t[c] = true
	}
	return t
}()

// segmentAfter returns the URL path segment that follows marker (such as
// "/groups/") in u, or "".
func segmentAfter(u, marker string) string {
	i := strings.Index(u, marker)
	if i < 0 {
		return ""
	}
	rest := u[i+len(marker):]
	if j := strings.IndexAny(rest, "/?#&"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// groupFromURL returns the <id> of a .../groups/<id>/... URL, or "".
func groupFromURL(u string) string { return segmentAfter(u, "/groups/") }

// postIDFromURL returns the post id of a Facebook post URL
// (.../posts/<id>, .../permalink/<id>, ...story_fbid=<id>), or "".
func postIDFromURL(u string) string {
	for _, marker := range []string{"/posts/", "/permalink/", "story_fbid=", "/permalink.php?story_fbid="} {
		if id := segmentAfter(u, marker); id != "" {
			return id
		}
	}
	return ""
}

// fixMojibake undoes the encoding of Facebook's "Download Your
// Information" archives, which write each byte of UTF-8 text as a Latin-1
// character ("é" becomes "\u00c3\u00a9"). s is returned unchanged unless
// every rune fits in a byte, at least one is not ASCII, and the bytes form
// valid UTF-8.
func fixMojibake(s string) string {
	high := false
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			high = true
			break
		}
	}
	if !high {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xFF || r == utf8.RuneError {
			return s
		}
		b = append(b, byte(r))
	}
	if !utf8.Valid(b) {
		return s
	}
	return string(b)
}

// table reads a delimited file with a header line.
type table struct {
	f      *rawio.File
	r      *csvread.Reader
	header []string
	index  map[string]int // lower-cased, trimmed column name -> index
}

func newTable(f *rawio.File, comma byte) (*table, error) {
	r := csvread.New(f, comma)
	rec, _, err := r.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file, no header line", f.Name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: header line: %w", f.Name, err)
	}
	t := &table{f: f, r: r, header: make([]string, len(rec)), index: make(map[string]int, len(rec))}
	for i, name := range rec {
		name = strings.TrimSpace(name)
		t.header[i] = name
		key := strings.ToLower(name)
		if _, dup := t.index[key]; !dup {
			t.index[key] = i
		}
	}
	r.SetFields(len(rec), false)
	return t, nil
}

// col returns the index of the named column (case-insensitive), or -1.
func (t *table) col(name string) int {
	if i, ok := t.index[strings.ToLower(strings.TrimSpace(name))]; ok {
		return i
	}
	return -1
}

// use declares the only columns the reader reads (indices from col; -1
// is ignored): the others come back empty, and only the used columns'
// bytes are copied out of each record (csvread.Reader.SetKeep), so that
// a message's strings do not keep its whole record alive.
func (t *table) use(cols ...int) {
	keep := make([]bool, len(t.header))
	for _, c := range cols {
		if c >= 0 && c < len(keep) {
			keep[c] = true
		}
	}
	t.r.SetKeep(keep)
}

// name returns the header name of column i, for errors.
func (t *table) name(i int) string {
	if i < 0 || i >= len(t.header) {
		return ""
	}
	return t.header[i]
}

// next reads the next record. At the end it returns io.EOF. A record that
// cannot be read or has the wrong number of fields comes back as a
// ParseError, with the line where it starts (see csvread.Reader for how
// reading resumes after it); any other error means the file cannot be
// read further. The record is valid until the next call.
func (t *table) next() (rec []string, line int, perr *rawio.ParseError, err error) {
	rec, line, err = t.r.Read()
	if err != nil {
		var ce *csvread.Error
		if errors.As(err, &ce) {
			return nil, ce.StartLine, ce.ParseError(t.f.Name), nil
		}
		return nil, 0, nil, err
	}
	return rec, line, nil, nil
}

// get returns field i of rec, or "" when i is -1.
func get(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return rec[i]
}

// firstLine returns the first line of head, without its line end.
func firstLine(head []byte) []byte {
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	return bytes.TrimSuffix(head, []byte("\r"))
}

// headerNames splits a header line on sep and returns its names, unquoted,
// trimmed and lower-cased.
func headerNames(line []byte, sep byte) []string {
	parts := bytes.Split(line, []byte{sep})
	names := make([]string, len(parts))
	for i, p := range parts {
		p = bytes.TrimSpace(p)
		p = bytes.TrimPrefix(p, []byte(`"`))
		p = bytes.TrimSuffix(p, []byte(`"`))
		names[i] = strings.ToLower(strings.TrimSpace(string(p)))
	}
	return names
}

// hasAll reports whether names holds every one of want.
func hasAll(names []string, want ...string) bool {
	for _, w := range want {
		found := false
		for _, n := range names {
			if n == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// detectSeparator returns the separator of a header line: the most
// frequent of ',', ';' and tab outside double quotes (',' on a tie).
func detectSeparator(line []byte) byte {
	var n [3]int
	seps := [3]byte{',', ';', '\t'}
	inQuote := false
	for _, c := range line {
		if c == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		for i, s := range seps {
			if c == s {
				n[i]++
			}
		}
	}
	best := 0
	for i := 1; i < 3; i++ {
		if n[i] > n[best] {
			best = i
		}
	}
	return seps[best]
}
