package bluesky

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
	fastjson "github.com/segmentio/encoding/json"
)

// Names of the formats this package registers.
const (
	API       = "bluesky-api"
	Jetstream = "bluesky-jetstream"
	FourCAT   = "4cat-bluesky"
)

// Collections of the app.bsky lexicon this package reads.
const (
	postCollection   = "app.bsky.feed.post"
	repostCollection = "app.bsky.feed.repost"
)

func init() {
	for _, f := range []rawio.Format{
		{Name: API, Sniff: sniffAPI, Read: readAPI,
			Doc: "Bluesky atproto API views (PostView, FeedViewPost, getPostThread, searchPosts and getAuthorFeed pages): one JSON document, an array or JSON lines"},
		{Name: Jetstream, Sniff: sniffJetstream, Read: readJetstream,
			Doc: "Bluesky Jetstream events (did, time_us, kind, commit), one per line or in a JSON array"},
		{Name: FourCAT, Sniff: sniffFourCAT, Read: readFourCAT,
			Doc: "4CAT's Bluesky search NDJSON: PostViews as the Python SDK dumps them, with 4CAT_metadata"},
	} {
		f.Platform = corpus.Bluesky
		rawio.Register(f)
	}
}

// MessageID returns the message id of the record at the at:// URI uri:
// its record key and the first 16 hexadecimal digits of the SHA-256 of the
// URI, "3lkizm6uvhc2b.5c1f0a9e2b7d4c38". A record key that is not a TID
// (13 characters of base32-sortable, as every post and repost of the
// Bluesky app has) could name someone, so it is left out: "h." and the
// digits. The URI's authority, a DID or a handle, never enters the id.
// Reply parents, roots and quoted posts are given the same way, so links
// meet whichever file holds the post.
func MessageID(uri string) string {
	uri = strings.TrimSpace(uri)
	if uri == "" {
		return ""
	}
	h := hash16(uri)
	if _, _, rkey, ok := splitURI(uri); ok && isTID(rkey) {
		return rkey + "." + h
	}
	return "h." + h
}

// hash16 is the first 16 hexadecimal digits of the SHA-256 of s.
func hash16(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// splitURI splits at://authority/collection/rkey.
func splitURI(uri string) (authority, collection, rkey string, ok bool) {
	rest, found := strings.CutPrefix(uri, "at://")
	if !found {
		return "", "", "", false
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
		return "", "", "", false
	}
	return parts[0], parts[1], parts[2], true
}

// isTID reports whether s is a timestamp identifier: 13 characters of
// "234567abcdefghijklmnopqrstuvwxyz", the first one of "234567abcdefghij".
func isTID(s string) bool {
	if len(s) != 13 || strings.IndexByte("234567abcdefghij", s[0]) < 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '2' && c <= '7' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// postRef gives the message id of the post at uri when uri names a post
// (collection app.bsky.feed.post), and "" otherwise: a quote of a feed
// generator or a list is no quote of a message.
func postRef(uri string) string {
	if _, c, _, ok := splitURI(strings.TrimSpace(uri)); ok && c == postCollection {
		return MessageID(uri)
	}
	return ""
}

// strongRef is com.atproto.repo.strongRef.
type strongRef struct {
	URI string `json:"uri"`
}

// postRecord is an app.bsky.feed.post record, as the API's PostView.record
// and Jetstream's commit.record give it.
type postRecord struct {
	Type      string   `json:"$type"`
	Text      string   `json:"text"`
	CreatedAt string   `json:"createdAt"`
	Langs     []string `json:"langs"`
	Reply     *struct {
		Parent strongRef `json:"parent"`
		Root   strongRef `json:"root"`
	} `json:"reply"`
	Facets []facet `json:"facets"`
	Embed  *embed  `json:"embed"`
	// The Python SDK's names (4CAT), read when the lexicon's are absent.
	TypeSnake      string `json:"py_type"`
	CreatedAtSnake string `json:"created_at"`
}

// norm fills the lexicon's names from the Python SDK's.
func (p *postRecord) norm() {
	p.Type = either(p.Type, p.TypeSnake)
	p.CreatedAt = either(p.CreatedAt, p.CreatedAtSnake)
	for i := range p.Facets {
		f := &p.Facets[i]
		if f.Index.ByteStart == 0 && f.Index.ByteEnd == 0 {
			f.Index.ByteStart, f.Index.ByteEnd = f.Index.ByteStartSnake, f.Index.ByteEndSnake
		}
		for j := range f.Features {
			f.Features[j].Type = either(f.Features[j].Type, f.Features[j].TypeSnake)
		}
	}
	if p.Embed != nil {
		p.Embed.Type = either(p.Embed.Type, p.Embed.TypeSnake)
	}
}

// either returns a, or b when a is empty.
func either(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

type facet struct {
	Index struct {
		ByteStart int `json:"byteStart"`
		ByteEnd   int `json:"byteEnd"`
		// The Python SDK's names (4CAT).
		ByteStartSnake int `json:"byte_start"`
		ByteEndSnake   int `json:"byte_end"`
	} `json:"index"`
	Features []struct {
		Type string `json:"$type"`
		DID  string `json:"did"`
		URI  string `json:"uri"`
		Tag  string `json:"tag"`
		// The Python SDK's name (4CAT).
		TypeSnake string `json:"py_type"`
	} `json:"features"`
}

// embed is a record's embed: app.bsky.embed.record (record is a strongRef),
// app.bsky.embed.recordWithMedia (record is an embed.record holding one),
// app.bsky.embed.external (external.uri), images, video.
type embed struct {
	Type      string `json:"$type"`
	TypeSnake string `json:"py_type"` // the Python SDK's name (4CAT)
	Record    *struct {
		URI    string     `json:"uri"`
		Record *strongRef `json:"record"`
	} `json:"record"`
	External *struct {
		URI string `json:"uri"`
	} `json:"external"`
}

// quoted returns the URI of the record an embed quotes, if any: only
// embeds of the two lexicon types that quote (an embed of another type
// holding a record is not shown as a quote by the app).
func (e *embed) quoted() string {
	if e == nil || e.Record == nil {
		return ""
	}
	switch strings.TrimSuffix(e.Type, "#main") {
	case "app.bsky.embed.record", "app.bsky.embed.recordWithMedia":
	default:
		return ""
	}
	if e.Record.URI != "" {
		return e.Record.URI
	}
	if e.Record.Record != nil {
		return e.Record.Record.URI
	}
	return ""
}

// fieldError is a record's problem before it gets its file and line.
type fieldError struct {
	field string
	err   error
}

// timeLayouts are the datetimes records carry: RFC 3339 with any
// fraction of a second ("2025-12-05T10:16:59.78349200Z",
// "2025-12-08T12:28:08.150931+00:00"), and, from clients that break the
// lexicon, no zone (read as UTC).
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999Z07:00"}

func parseTime(field, s string) (time.Time, *fieldError) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, &fieldError{field, rawio.ErrMissing}
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, &fieldError{field, fmt.Errorf("%w: %s", rawio.ErrBadTime, rawio.Quote(s))}
}

// fill sets what a post record gives of m: text, language tags, reply
// links, quote, hashtags, links and mentions, and the kind.
func (p *postRecord) fill(m *rawio.RawMessage) {
	p.norm()
	m.Text = p.Text
	m.Lang = strings.Join(p.Langs, ",")
	var parent, root string
	if p.Reply != nil {
		parent, root = MessageID(p.Reply.Parent.URI), MessageID(p.Reply.Root.URI)
	}
	quote := postRef(p.Embed.quoted())
	switch {
	case p.Reply != nil:
		m.Kind, m.ParentID, m.ThreadID, m.RefID = corpus.Reply, parent, root, quote
	case quote != "":
		m.Kind, m.RefID = corpus.Quote, quote
	default:
		m.Kind = corpus.Post
	}
	for _, f := range p.Facets {
		for _, ft := range f.Features {
			switch strings.TrimSuffix(ft.Type, "#main") {
			case "app.bsky.richtext.facet#mention":
				if ft.DID == "" {
					continue
				}
				m.Mentions = append(m.Mentions, rawio.Person{ID: ft.DID, Handle: mentionHandle(p.Text, f.Index.ByteStart, f.Index.ByteEnd)})
			case "app.bsky.richtext.facet#tag":
				if t := strings.TrimPrefix(strings.TrimSpace(ft.Tag), "#"); t != "" {
					m.Hashtags = append(m.Hashtags, t)
				}
			case "app.bsky.richtext.facet#link":
				if u := strings.TrimSpace(ft.URI); u != "" {
					m.Links = append(m.Links, u)
				}
			}
		}
	}
	if e := p.Embed; e != nil && e.External != nil && strings.TrimSpace(e.External.URI) != "" {
		m.Links = append(m.Links, strings.TrimSpace(e.External.URI))
	}
}

// mentionHandle returns the handle a mention facet covers in text (its
// bytes start..end, "@marie-l.bsky.social"), without '@', or "" when the
// range does not cover an '@' and a handle.
func mentionHandle(text string, start, end int) string {
	if start < 0 || end > len(text) || end-start < 2 || text[start] != '@' {
		return ""
	}
	h := text[start+1 : end]
	if !utf8.ValidString(h) {
		return ""
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !(c == '.' || c == '-' || rawio.IsHandleByte(c)) {
			return ""
		}
	}
	return strings.ToLower(h)
}

// reader holds what every format's reader needs to report.
type reader struct {
	f    *rawio.File
	sink rawio.Sink
}

func (r *reader) reject(line, col int, field string, err error) {
	r.sink.Reject(&rawio.ParseError{File: r.f.Name, Line: line, Column: col, Field: field, Err: err})
}

func (r *reader) fail(line int, fe *fieldError) { r.reject(line, 0, fe.field, fe.err) }

// service accounts for a record read that is no message.
func (r *reader) service(line int, kind string) {
	rawio.EmitService(r.sink, &rawio.RawService{Kind: kind, Line: line},
		&rawio.ParseError{File: r.f.Name, Line: line, Err: fmt.Errorf("%w: a %s record is not a message", ErrNotMessage, kind)})
}

// ErrNotMessage is the reason of records that are not messages, for sinks
// that take no service records.
var ErrNotMessage = errors.New("not a message")

// decode decodes a JSON record into v; a value of the wrong type becomes
// a field error under prefix, malformed JSON an ErrBadJSON one.
func decode(b []byte, v any, prefix string) *fieldError {
	if err := fastjson.Unmarshal(b, v); err == nil {
		return nil
	}
	err := json.Unmarshal(b, v)
	if err == nil {
		return nil
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return &fieldError{join(prefix, te.Field), fmt.Errorf("%w: %s where %s was expected", rawio.ErrShape, te.Value, kindOf(te.Type.Kind().String()))}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &fieldError{prefix, fmt.Errorf("%w: %s (byte %d)", rawio.ErrBadJSON, strings.TrimPrefix(se.Error(), "json: "), se.Offset)}
	}
	return &fieldError{prefix, fmt.Errorf("%w: %v", rawio.ErrBadJSON, err)}
}

func kindOf(k string) string {
	switch k {
	case "string":
		return "a string"
	case "int", "int64", "float64":
		return "a number"
	case "slice":
		return "an array"
	case "struct", "map", "ptr":
		return "an object"
	case "bool":
		return "a boolean"
	}
	return "another value"
}

func join(prefix, field string) string {
	switch {
	case field == "":
		return prefix
	case prefix == "":
		return field
	}
	return prefix + "." + field
}

// isNull reports whether a raw JSON value is absent or null.
func isNull(b json.RawMessage) bool {
	b = bytes.TrimSpace(b)
	return len(b) == 0 || string(b) == "null"
}
