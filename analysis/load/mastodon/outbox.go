package mastodon

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/htmltext"
	jv "github.com/faire-communaute/compendium/analysis/load/internal/jsonvalues"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// sniffOutbox claims an ActivityPub collection of activities: a head
// holding orderedItems with a Create or Announce activity. The other
// collections of an archive (likes.json, bookmarks.json: orderedItems of
// bare addresses) are not claimed, so that a folder or zip of an archive
// lists them as skipped.
func sniffOutbox(head []byte) int {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 || t[0] != '{' {
		return 0
	}
	if bytes.Contains(head, []byte(`"orderedItems"`)) &&
		(bytes.Contains(head, []byte(`"Create"`)) || bytes.Contains(head, []byte(`"Announce"`))) {
		return 90
	}
	return 0
}

type activity struct {
	ID        string          `json:"id"`
	Type      string          `json:"type"`
	Actor     string          `json:"actor"`
	Published string          `json:"published"`
	Object    json.RawMessage `json:"object"`
}

type note struct {
	ID           string          `json:"id"`
	Type         string          `json:"type"`
	Published    string          `json:"published"`
	AttributedTo json.RawMessage `json:"attributedTo"`
	InReplyTo    json.RawMessage `json:"inReplyTo"`
	Summary      *string         `json:"summary"`
	Content      string          `json:"content"`
	Tag          []struct {
		Type string `json:"type"`
		Name string `json:"name"`
		Href string `json:"href"`
	} `json:"tag"`
}

// serviceTypes are the activities of an outbox that are read but are not
// messages; other types are reported as "activitypub-other".
var serviceTypes = map[string]bool{"Delete": true, "Update": true, "Like": true, "Follow": true,
	"Undo": true, "Block": true, "Add": true, "Remove": true, "Accept": true, "Reject": true, "Flag": true, "Move": true}

func readOutbox(f *rawio.File, sink rawio.Sink) error {
	r := &reader{f: f, sink: sink}
	return jv.Each(f, func(b []byte, line int, bad error) {
		if bad != nil {
			r.reject(line, "", bad)
			return
		}
		r.collection(b, line)
	})
}

// collection reads an OrderedCollection (or a page of one): each element
// of orderedItems is a record.
func (r *reader) collection(b []byte, line int) {
	var items []byte
	off := 0
	end, err := jv.Members(b, func(key string, val []byte, o int) bool {
		if key == "orderedItems" && len(val) > 0 && val[0] == '[' {
			items, off = val, o
		}
		return true
	})
	if items == nil {
		if err == nil {
			err = fmt.Errorf("%w: not an ActivityPub collection (no orderedItems array)", rawio.ErrShape)
		}
		r.reject(line, "orderedItems", err)
		return
	}
	i := 0
	jv.Elements(items, func(el []byte, o int) {
		r.activity(el, jv.LineOf(b, off+o, line), fmt.Sprintf("orderedItems[%d].", i))
		i++
	})
	if err != nil {
		r.reject(jv.LineOf(b, end, line), "", err)
	}
}

func (r *reader) activity(b []byte, line int, prefix string) {
	if err := rawio.CheckJSONDepth(b, r.f.Limits.WithDefaults().Depth); err != nil {
		r.reject(line, "", err)
		return
	}
	var a activity
	if err := json.Unmarshal(b, &a); err != nil {
		r.sink.Reject(jv.DecodeError(r.f.Name, b, line, prefix, err))
		return
	}
	m, field, err := r.activityMessage(&a, line, prefix)
	if err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		if asErr(err, &se) || asErr(err, &te) {
			r.sink.Reject(jv.DecodeError(r.f.Name, b, line, prefix+field+".", err))
			return
		}
		r.reject(line, prefix+field, err)
		return
	}
	if m != nil {
		r.sink.Message(m)
	}
}

// activityMessage maps a Create of a note or an Announce; other
// activities are service records (nil message).
func (r *reader) activityMessage(a *activity, line int, prefix string) (*rawio.RawMessage, string, error) {
	switch a.Type {
	case "Create", "Announce":
	case "":
		return nil, "type", rawio.ErrMissing
	default:
		kind := "activitypub-other"
		if serviceTypes[a.Type] {
			kind = "activitypub-" + strings.ToLower(a.Type)
		}
		rawio.EmitService(r.sink, &rawio.RawService{Kind: kind, Line: line},
			rawio.Error(r.f.Name, line, prefix+"type", "%w: an ActivityPub activity that is not a note or a boost", rawio.ErrShape))
		return nil, "", nil
	}
	obj := bytes.TrimSpace(a.Object)
	if a.Type == "Announce" {
		target := ""
		switch {
		case len(obj) > 0 && obj[0] == '"':
			if err := json.Unmarshal(obj, &target); err != nil {
				return nil, "object", err
			}
		case len(obj) > 0 && obj[0] == '{':
			var o struct {
				ID string `json:"id"`
			}
			if err := json.Unmarshal(obj, &o); err != nil {
				return nil, "object", err
			}
			target = o.ID
		}
		if strings.TrimSpace(a.ID) == "" {
			return nil, "id", rawio.ErrMissing
		}
		if strings.TrimSpace(target) == "" {
			return nil, "object", rawio.ErrMissing
		}
		created, err := parseTime(a.Published)
		if err != nil {
			return nil, "published", err
		}
		return &rawio.RawMessage{
			Platform: corpus.Mastodon, ID: URIID(a.ID), Kind: corpus.Retweet, RefID: URIID(target),
			Author: rawio.Person{Handle: actorAddress(a.Actor)}, Created: created, Line: line,
			IDField: prefix + "id", CreatedField: prefix + "published",
		}, "", nil
	}
	if len(obj) == 0 || obj[0] != '{' {
		return nil, "object", fmt.Errorf("%w: the note created is not in the archive (only its address)", rawio.ErrShape)
	}
	var n note
	if err := json.Unmarshal(obj, &n); err != nil {
		return nil, "object", err
	}
	if strings.TrimSpace(n.ID) == "" {
		return nil, "object.id", rawio.ErrMissing
	}
	published := n.Published
	createdField := prefix + "object.published"
	if strings.TrimSpace(published) == "" {
		published, createdField = a.Published, prefix+"published"
	}
	created, err := parseTime(published)
	if err != nil {
		return nil, strings.TrimPrefix(createdField, prefix), err
	}
	text, links := htmltext.Text(n.Content)
	if n.Summary != nil && strings.TrimSpace(*n.Summary) != "" {
		text = strings.TrimSpace(strings.TrimSpace(*n.Summary) + "\n\n" + text)
	}
	author := a.Actor
	if s := firstURL(n.AttributedTo); s != "" {
		author = s
	}
	m := &rawio.RawMessage{
		Platform: corpus.Mastodon, ID: URIID(n.ID), Kind: corpus.Post,
		Author: rawio.Person{Handle: actorAddress(author)}, Created: created, Text: text, Links: links, Line: line,
		IDField: prefix + "object.id", CreatedField: createdField,
	}
	for _, t := range n.Tag {
		switch t.Type {
		case "Hashtag":
			if h := strings.TrimPrefix(strings.TrimSpace(t.Name), "#"); h != "" {
				m.Hashtags = append(m.Hashtags, h)
			}
		case "Mention":
			if h := mentionAddress(t.Name, t.Href); h != "" {
				m.Mentions = append(m.Mentions, rawio.Person{Handle: h})
			}
		}
	}
	if parent := firstURL(n.InReplyTo); parent != "" {
		m.Kind, m.ParentID = corpus.Reply, URIID(parent)
		if h := actorAddress(parent); h != "" {
			m.ReplyTo = rawio.Person{Handle: h}
		}
	}
	return m, "", nil
}

// URIID is the message id of an ActivityPub object or activity: "ap-"
// and the first 16 hexadecimal digits of the SHA-256 of its id (a URL
// holding its author's user name, https://instance/users/alice/statuses/1,
// which must not become a message id). A reply's inReplyTo is turned the
// same way, so that links meet.
func URIID(uri string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(uri)))
	return "ap-" + hex.EncodeToString(sum[:8])
}

// firstURL reads a JSON value that is a URL string, an object with an
// id, or an array of those (the first one); "" otherwise.
func firstURL(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return strings.TrimSpace(s)
		}
	case '{':
		var o struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(raw, &o) == nil {
			return strings.TrimSpace(o.ID)
		}
	case '[':
		var a []json.RawMessage
		if json.Unmarshal(raw, &a) == nil && len(a) > 0 {
			return firstURL(a[0])
		}
	}
	return ""
}

// actorAddress returns "user@host" for an actor URL or an object URL
// under it (https://host/users/user, https://host/users/user/statuses/1,
// https://host/@user/1), and "" for other URLs.
func actorAddress(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" {
		return ""
	}
	parts := strings.Split(strings.Trim(p.Path, "/"), "/")
	user := ""
	switch {
	case len(parts) >= 2 && (parts[0] == "users" || parts[0] == "u"):
		user = parts[1]
	case len(parts) >= 1 && strings.HasPrefix(parts[0], "@"):
		user = strings.TrimPrefix(parts[0], "@")
	}
	if user == "" {
		return ""
	}
	if strings.Contains(user, "@") {
		return user
	}
	return user + "@" + strings.ToLower(p.Hostname())
}

// mentionAddress returns the address of a Mention tag: its name
// ("@bob@instance", or "@bob" with the host of its href).
func mentionAddress(name, href string) string {
	n := strings.TrimPrefix(strings.TrimSpace(name), "@")
	if strings.Contains(n, "@") {
		return n
	}
	if a := actorAddress(href); a != "" {
		return a
	}
	return n
}

func asErr(err error, target any) bool { return errors.As(err, target) }
