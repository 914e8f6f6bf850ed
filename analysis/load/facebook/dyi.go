package facebook

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/jsonvalues"
	"github.com/faire-communaute/compendium/analysis/rawio"
	fastjson "github.com/segmentio/encoding/json"
)

// dyiKeys are the keys of the archive files this format reads.
var dyiKeys = []string{"group_posts_v2", "group_comments_v2", "comments_v2"}

// dyiKind returns the kind of the records of a key, and whether the key
// is one of dyiKeys.
func dyiKind(key string) (corpus.Kind, bool) {
	switch key {
	case "group_posts_v2":
		return corpus.Post, true
	case "group_comments_v2", "comments_v2":
		return corpus.Comment, true
	}
	return 0, false
}

type dyiRecord struct {
	Timestamp json.RawMessage `json:"timestamp"`
	Title     string          `json:"title"`
	GroupName string          `json:"group_name"`
	Data      []struct {
		Post    *string `json:"post"`
		Comment *struct {
			Timestamp json.RawMessage `json:"timestamp"`
			Comment   string          `json:"comment"`
			Author    string          `json:"author"`
			Group     string          `json:"group"`
		} `json:"comment"`
	} `json:"data"`
	Attachments []struct {
		Data []struct {
			ExternalContext *struct {
				URL string `json:"url"`
			} `json:"external_context"`
		} `json:"data"`
	} `json:"attachments"`
}

// dyiOwner is the default id of an archive's owner.
const dyiOwner = "dyi-owner"

// dyiReader reads one archive file (see the package documentation for
// the layouts it reads).
type dyiReader struct {
	f      *rawio.File
	sink   rawio.Sink
	s      *jsonvalues.Scanner
	owner  string
	tc     timeCheck
	record int  // records met so far
	found  bool // whether a known key or a bare record was met
}

// errTruncated ends a document cut short: what follows the bad record
// cannot be read.
var errTruncated = errors.New("the document ends inside this record (the rest of the file cannot be read)")

func readDYI(f *rawio.File, sink rawio.Sink) error {
	d := &dyiReader{f: f, sink: sink, s: jsonvalues.NewScanner(f, false), owner: f.Options[OptionOwner], tc: newTimeCheck()}
	if d.owner == "" {
		d.owner = dyiOwner
	}
	c, err := d.s.Peek()
	if err != nil && err != io.EOF {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	switch c {
	case '{':
		d.s.Discard(1)
		err = d.object()
	case '[':
		d.s.Discard(1)
		err = d.array()
	default:
		return fmt.Errorf("%s: %w: the document is neither an object with a %s key nor an array of records", f.Name, rawio.ErrShape, strings.Join(dyiKeys, ", "))
	}
	if errors.Is(err, errTruncated) {
		return nil // rejected
	}
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	if !d.found {
		return fmt.Errorf("%s: %w: no %s key and no record", f.Name, rawio.ErrShape, strings.Join(dyiKeys, ", "))
	}
	return nil
}

// object reads the members of an object whose '{' was read: the arrays
// of the known keys record by record, skipping the others.
func (d *dyiReader) object() error {
	for {
		c, more, err := d.s.Next('}')
		if err == io.EOF {
			return fmt.Errorf("%w: the document ends inside an object", rawio.ErrBadJSON)
		}
		if err != nil {
			return err
		}
		if !more {
			return nil
		}
		switch c {
		case '"':
		default:
			return fmt.Errorf("%w: %q where a key was expected", rawio.ErrBadJSON, c)
		}
		raw, _, err := d.s.Value(true)
		if err != nil {
			return fmt.Errorf("%w: a key: %v", rawio.ErrBadJSON, err)
		}
		var key string
		if err := json.Unmarshal(raw, &key); err != nil {
			return fmt.Errorf("%w: a key: %v", rawio.ErrBadJSON, err)
		}
		if c, err := d.s.Peek(); err != nil || c != ':' {
			return fmt.Errorf("%w: no ':' after the key %s", rawio.ErrBadJSON, quote(key))
		}
		d.s.Discard(1)
		kind, known := dyiKind(key)
		if !known {
			if _, _, err := d.s.Value(false); err != nil && !errors.Is(err, rawio.ErrLimit) {
				return fmt.Errorf("%w: the value of %s: %v", rawio.ErrBadJSON, quote(key), err)
			}
			continue
		}
		d.found = true
		if c, err := d.s.Peek(); err != nil || c != '[' {
			return fmt.Errorf("%w: %s is not an array", rawio.ErrShape, key)
		}
		d.s.Discard(1)
		if err := d.records(kind); err != nil {
			return err
		}
	}
}

// array reads a top-level array whose '[' was read: of objects holding
// the known keys ([{"group_posts_v2": [...]}, ...]), or of records
// themselves (as in your_posts_1.json), told apart by their first key.
func (d *dyiReader) array() error {
	for {
		c, more, err := d.s.Next(']')
		if err == io.EOF {
			return fmt.Errorf("%w: the document ends inside the array", rawio.ErrBadJSON)
		}
		if err != nil {
			return err
		}
		if !more {
			return nil
		}
		if c == '{' && d.wrapper() {
			d.s.Discard(1)
			if err := d.object(); err != nil {
				return err
			}
			continue
		}
		d.found = true
		if err := d.readRecord(0); err != nil {
			return err
		}
	}
}

// wrapper reports whether the next object starts with a known key.
func (d *dyiReader) wrapper() bool {
	for _, k := range dyiKeys {
		if d.s.HasPrefix([]byte(`"` + k + `"`)) {
			return true
		}
	}
	return false
}

// records reads the records of an array whose '[' was read, up to its ']'.
func (d *dyiReader) records(kind corpus.Kind) error {
	for {
		_, more, err := d.s.Next(']')
		if err == io.EOF {
			d.truncated()
			return errTruncated
		}
		if err != nil {
			return err
		}
		if !more {
			return nil
		}
		if err := d.readRecord(kind); err != nil {
			return err
		}
	}
}

// truncated rejects the record that the end of the document cut.
func (d *dyiReader) truncated() {
	d.record++
	d.sink.Reject(&rawio.ParseError{File: d.f.Name, Record: d.record, Err: fmt.Errorf("%w: %w", rawio.ErrBadJSON, errTruncated)})
}

// readRecord reads one record of the given kind ("" when the record says it).
func (d *dyiReader) readRecord(kind corpus.Kind) error {
	raw, _, err := d.s.Value(true)
	switch {
	case err == io.ErrUnexpectedEOF:
		d.truncated()
		return errTruncated
	case errors.Is(err, rawio.ErrLimit):
		d.record++
		d.sink.Reject(&rawio.ParseError{File: d.f.Name, Record: d.record, Err: err})
		return nil
	case err != nil:
		return err
	}
	d.record++
	var rec dyiRecord
	if err := unmarshalJSON(raw, &rec); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			d.sink.Reject(&rawio.ParseError{File: d.f.Name, Record: d.record, Err: fmt.Errorf("%w: %v", rawio.ErrBadJSON, err)})
		} else {
			d.sink.Reject(jsonValueError(d.f.Name, d.record, err))
		}
		return nil
	}
	if kind == 0 {
		kind = corpus.Post
		for _, x := range rec.Data {
			if x.Comment != nil {
				kind = corpus.Comment
			}
		}
	}
	m, field, err := dyiMessage(&rec, kind, d.owner, &d.tc)
	if err != nil {
		d.sink.Reject(&rawio.ParseError{File: d.f.Name, Record: d.record, Field: field, Err: err})
		return nil
	}
	m.Line = d.record
	d.sink.Message(m)
	return nil
}

// unmarshalJSON decodes JSON with github.com/segmentio/encoding/json, a
// drop-in replacement for encoding/json about twice as fast, and with
// encoding/json when it fails, so that rejections carry encoding/json's
// errors. The value's depth was checked by jsonvalues.Scanner: the recursive
// decoder cannot overflow the stack.
func unmarshalJSON(b []byte, v any) error {
	if err := fastjson.Unmarshal(b, v); err == nil {
		return nil
	}
	return json.Unmarshal(b, v)
}

// dyiMessage maps one record; on failure it names the bad field.
func dyiMessage(rec *dyiRecord, kind corpus.Kind, owner string, tc *timeCheck) (*rawio.RawMessage, string, error) {
	m := &rawio.RawMessage{Platform: corpus.Facebook, Kind: kind, Author: rawio.Person{ID: owner}}
	stamp, field := rec.Timestamp, "timestamp"
	switch kind {
	case corpus.Post:
		for _, d := range rec.Data {
			if d.Post != nil {
				m.Text = fixMojibake(*d.Post)
				break
			}
		}
		m.Group = dyiGroupFromTitle(fixMojibake(rec.Title))
	default:
		found := false
		for _, d := range rec.Data {
			if c := d.Comment; c != nil {
				found = true
				m.Text = fixMojibake(c.Comment)
				m.Group = fixMojibake(c.Group)
				m.Author.Name = fixMojibake(c.Author)
				if v := jsonScalar(c.Timestamp); v != "" && v != "0" {
					stamp, field = c.Timestamp, "data.comment.timestamp"
				}
				break
			}
		}
		if !found {
			return nil, "data.comment", rawio.ErrMissing
		}
	}
	v := jsonScalar(stamp)
	if v == "" {
		return nil, field, rawio.ErrMissing
	}
	created, err := parseUnix(v)
	if err == nil {
		err = tc.check(corpus.Facebook, created)
	}
	if err != nil {
		return nil, field, err
	}
	m.Created, m.CreatedField = created, field
	if g := fixMojibake(strings.TrimSpace(rec.GroupName)); g != "" {
		m.Group = g
	}
	for _, a := range rec.Attachments {
		for _, d := range a.Data {
			if d.ExternalContext != nil && d.ExternalContext.URL != "" {
				m.Links = append(m.Links, d.ExternalContext.URL)
			}
		}
	}
	h := fnv.New64a()
	for _, s := range []string{kind.String(), strconv.FormatInt(created.Unix(), 10), m.Group, m.Text} {
		io.WriteString(h, s)
		h.Write([]byte{0})
	}
	m.ID = fmt.Sprintf("dyi-%016x", h.Sum64())
	if kind == corpus.Post {
		m.ThreadID = m.ID
	}
	return m, "", nil
}

// dyiTitleMarkers introduce the group in the title of a post record, e.g.
// "Marie Dupont a publié dans Aides à domicile solidaires." The first
// marker found wins; the owner's name comes before it.
var dyiTitleMarkers = []string{" posted in ", " a publié dans ", " dans ", " in "}

func dyiGroupFromTitle(title string) string {
	for _, mk := range dyiTitleMarkers {
		if i := strings.Index(title, mk); i >= 0 {
			return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(title[i+len(mk):]), "."))
		}
	}
	return ""
}

// jsonValueError reports a JSON value of the wrong type or form, after
// which the decoder can go on.
func jsonValueError(file string, record int, err error) *rawio.ParseError {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return &rawio.ParseError{File: file, Record: record, Field: te.Field,
			Err: fmt.Errorf("%w: JSON %s where %s was expected", rawio.ErrShape, te.Value, te.Type)}
	}
	return &rawio.ParseError{File: file, Record: record, Err: fmt.Errorf("%w: %v", rawio.ErrShape, err)}
}

// jsonScalar returns a JSON number or string as text: "" for null or
// absent, the unquoted string for a string, the literal otherwise.
func jsonScalar(raw json.RawMessage) string {
	s := strings.TrimSpace(string(raw))
	switch {
	case s == "null":
		return ""
	case strings.HasPrefix(s, `"`):
		var u string
		if json.Unmarshal(raw, &u) == nil {
			return u
		}
	}
	return s
}
