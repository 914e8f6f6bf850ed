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
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// dyiKeys are the keys of the archive files this format reads, with the
// kind of their records.
var dyiKeys = []string{"group_posts_v2", "group_comments_v2", "comments_v2"}

func dyiKind(key string) corpus.Kind {
	if key == "group_posts_v2" {
		return corpus.Post
	}
	return corpus.Comment
}

type dyiRecord struct {
	Timestamp json.RawMessage `json:"timestamp"`
	Title     string          `json:"title"`
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

func readDYI(f *rawio.File, sink rawio.Sink) error {
	owner := f.Options[OptionOwner]
	if owner == "" {
		owner = dyiOwner
	}
	dec := json.NewDecoder(f.R)
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("%s: %w: %v", f.Name, rawio.ErrBadJSON, err)
	}
	if tok != json.Delim('{') {
		return fmt.Errorf("%s: %w: the document is not an object with a %s key", f.Name, rawio.ErrShape, strings.Join(dyiKeys, ", "))
	}
	record, found := 0, false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("%s: %w: %v", f.Name, rawio.ErrBadJSON, err)
		}
		key, _ := tok.(string)
		known := false
		for _, k := range dyiKeys {
			known = known || key == k
		}
		if !known {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return fmt.Errorf("%s: %w: %v", f.Name, rawio.ErrBadJSON, err)
			}
			continue
		}
		found = true
		if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
			return fmt.Errorf("%s: %w: %s is not an array", f.Name, rawio.ErrShape, key)
		}
		for dec.More() {
			record++
			var rec dyiRecord
			if err := dec.Decode(&rec); err != nil {
				var se *json.SyntaxError
				if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
					// After a syntax error the decoder cannot go on.
					sink.Reject(&rawio.ParseError{File: f.Name, Record: record,
						Err: fmt.Errorf("%w: %v (the rest of the file cannot be read)", rawio.ErrBadJSON, err)})
					return nil
				}
				sink.Reject(jsonValueError(f.Name, record, err))
				continue
			}
			m, field, err := dyiMessage(&rec, dyiKind(key), owner)
			if err != nil {
				sink.Reject(&rawio.ParseError{File: f.Name, Record: record, Field: field, Err: err})
				continue
			}
			m.Line = record
			sink.Message(m)
		}
		if _, err := dec.Token(); err != nil {
			return fmt.Errorf("%s: %w: %v", f.Name, rawio.ErrBadJSON, err)
		}
	}
	if !found {
		return fmt.Errorf("%s: %w: no %s key", f.Name, rawio.ErrShape, strings.Join(dyiKeys, ", "))
	}
	return nil
}

// dyiMessage maps one record; on failure it names the bad field.
func dyiMessage(rec *dyiRecord, kind corpus.Kind, owner string) (*rawio.RawMessage, string, error) {
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
	if err != nil {
		return nil, field, err
	}
	m.Created = created
	for _, a := range rec.Attachments {
		for _, d := range a.Data {
			if d.ExternalContext != nil && d.ExternalContext.URL != "" {
				m.Links = append(m.Links, d.ExternalContext.URL)
			}
		}
	}
	h := fnv.New64a()
	for _, s := range []string{string(kind), strconv.FormatInt(created.Unix(), 10), m.Group, m.Text} {
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
