package reddit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
	fastjson "github.com/segmentio/encoding/json"
)

// Format is the name of the format this package registers.
const Format = "reddit"

func init() {
	rawio.Register(rawio.Format{
		Name:     Format,
		Platform: corpus.Reddit,
		Sniff:    sniff,
		Read:     read,
		Doc:      "Pushshift / Arctic Shift NDJSON of Reddit comments and submissions (also .zst dumps)",
	})
}

var errNeither = fmt.Errorf("%w: neither a Reddit comment (body, link_id, parent_id) nor a submission (title, selftext, num_comments)", rawio.ErrShape)

// sniff is sure of a head whose first non-blank line is a JSON object
// with a comment's keys (subreddit, link_id, parent_id, created_utc) or a
// submission's (subreddit, title or selftext, num_comments or is_self or
// permalink, created_utc).
func sniff(head []byte) int {
	keys := firstKeys(head)
	if keys == nil || !keys["subreddit"] || !keys["created_utc"] {
		return 0
	}
	switch {
	case keys["link_id"] && keys["parent_id"] && (keys["body"] || keys["author"]):
		return 95
	case (keys["title"] || keys["selftext"]) && (keys["num_comments"] || keys["is_self"] || keys["permalink"]):
		return 95
	}
	return 0
}

// firstKeys returns the top-level keys of the JSON object on the first
// non-blank line of head, as far as head goes, or nil when that line
// does not open an object.
func firstKeys(head []byte) map[string]bool {
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if line[0] != '{' {
			return nil
		}
		keys := map[string]bool{}
		dec := json.NewDecoder(bytes.NewReader(line))
		depth, wantKey := 0, false
		for {
			tok, err := dec.Token()
			if err != nil {
				return keys
			}
			switch tok := tok.(type) {
			case json.Delim:
				switch tok {
				case '{', '[':
					depth++
					wantKey = tok == '{' && depth == 1
				default:
					depth--
					if depth == 0 {
						return keys
					}
					wantKey = depth == 1
				}
				continue
			case string:
				if depth == 1 && wantKey {
					keys[tok] = true
					wantKey = false
					continue
				}
			}
			if depth == 1 {
				wantKey = true // a value of the record ended
			}
		}
	}
	return nil
}

// number is a JSON value that Pushshift writes as a number or as a string
// of digits (created_utc, score); null or absent is not set.
type number struct {
	set bool
	s   string
}

func (n *number) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*n = number{}
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*n = number{set: strings.TrimSpace(s) != "", s: strings.TrimSpace(s)}
		return nil
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		*n = number{set: true, s: string(b)}
		return nil
	}
	return &json.UnmarshalTypeError{Value: jsonKind(b), Type: reflect.TypeFor[float64]()}
}

func jsonKind(b []byte) string {
	switch {
	case len(b) == 0:
		return "nothing"
	case b[0] == '{':
		return "object"
	case b[0] == '[':
		return "array"
	case b[0] == 't' || b[0] == 'f':
		return "bool"
	}
	return "value"
}

// thing is a comment or a submission as Pushshift and Arctic Shift write
// it; only the fields read are decoded.
type thing struct {
	ID             string  `json:"id"`
	Name           string  `json:"name"` // the fullname, t1_… or t3_…
	Author         string  `json:"author"`
	AuthorFullname string  `json:"author_fullname"`
	Body           *string `json:"body"`
	Title          *string `json:"title"`
	Selftext       *string `json:"selftext"`
	NumComments    any     `json:"num_comments"`
	LinkID         string  `json:"link_id"`
	ParentID       string  `json:"parent_id"`
	Subreddit      string  `json:"subreddit"`
	SubredditID    string  `json:"subreddit_id"`
	CreatedUTC     number  `json:"created_utc"`
	Score          number  `json:"score"`
	URL            string  `json:"url"`
	IsSelf         *bool   `json:"is_self"`
}

type reader struct {
	f    *rawio.File
	sink rawio.Sink
	t    thing
}

func (r *reader) reject(line int, field string, err error) {
	r.sink.Reject(&rawio.ParseError{File: r.f.Name, Line: line, Field: field, Err: err})
}

func read(f *rawio.File, sink rawio.Sink) error {
	r := &reader{f: f, sink: sink}
	lim := f.Limits.WithDefaults()
	lr := f.Lines()
	for {
		b, n, err := lr.Next()
		switch {
		case err == nil:
		case err == io.EOF:
			return nil
		case rawio.IsRecordError(err):
			r.reject(n, "", err)
			continue
		default:
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		if err := rawio.CheckJSONDepth(b, lim.Depth); err != nil {
			r.reject(n, "", err)
			continue
		}
		r.record(b, n)
	}
}

// unmarshal decodes b into v, fast when b is well-formed, and with
// encoding/json's errors (type errors naming their field) when it is not.
func unmarshal(b []byte, v any) error {
	if err := fastjson.Unmarshal(b, v); err == nil {
		return nil
	}
	return json.Unmarshal(b, v)
}

// record reads the line b, line n.
func (r *reader) record(b []byte, n int) {
	t := &r.t
	*t = thing{}
	if err := unmarshal(b, t); err != nil {
		var te *json.UnmarshalTypeError
		var se *json.SyntaxError
		switch {
		case errors.As(err, &te):
			r.reject(n, te.Field, fmt.Errorf("%w: %s where another kind of value was expected", rawio.ErrShape, te.Value))
		case errors.As(err, &se):
			r.sink.Reject(&rawio.ParseError{File: r.f.Name, Line: n, Column: int(min(se.Offset, 1<<30)),
				Err: fmt.Errorf("%w: %s", rawio.ErrBadJSON, strings.TrimPrefix(se.Error(), "json: "))})
		default:
			r.reject(n, "", fmt.Errorf("%w: %v", rawio.ErrBadJSON, err))
		}
		return
	}
	comment := t.Body != nil || t.LinkID != "" || t.ParentID != "" || strings.HasPrefix(t.Name, "t1_")
	submission := !comment && (t.Title != nil || t.Selftext != nil || t.NumComments != nil || strings.HasPrefix(t.Name, "t3_"))
	if !comment && !submission {
		r.reject(n, "", errNeither)
		return
	}
	m := &rawio.RawMessage{Platform: corpus.Reddit, Line: n, IDField: "id", CreatedField: "created_utc"}
	prefix := "t3_"
	if comment {
		prefix = "t1_"
	}
	id := strings.TrimSpace(t.ID)
	if id == "" {
		id = strings.TrimSpace(t.Name)
	}
	if id == "" {
		r.reject(n, "id", rawio.ErrMissing)
		return
	}
	m.ID = fullname(prefix, id)
	if !t.CreatedUTC.set {
		r.reject(n, "created_utc", rawio.ErrMissing)
		return
	}
	created, err := parseUnix(t.CreatedUTC.s)
	if err != nil {
		r.reject(n, "created_utc", err)
		return
	}
	m.Created = created
	if t.Score.set {
		if m.Reactions, err = parseScore(t.Score.s); err != nil {
			r.reject(n, "score", err)
			return
		}
	}
	m.Group = strings.TrimSpace(t.Subreddit)
	if m.Group == "" {
		m.Group = strings.TrimSpace(t.SubredditID)
	}
	m.Author = author(t.Author, t.AuthorFullname)
	if comment {
		link := fullname("t3_", strings.TrimSpace(t.LinkID))
		if strings.TrimSpace(t.LinkID) == "" {
			link = ""
		}
		m.ThreadID = link
		m.Kind = corpus.Comment
		if p := strings.TrimSpace(t.ParentID); p != "" {
			switch {
			case strings.HasPrefix(p, "t1_"):
				m.ParentID, m.Kind = p, corpus.Reply
			case strings.HasPrefix(p, "t3_"):
				m.ParentID = p
			case link != "" && "t3_"+p == link:
				m.ParentID = link
			default:
				m.ParentID, m.Kind = "t1_"+p, corpus.Reply
			}
		}
		if t.Body != nil {
			m.Text = unescape(*t.Body)
		}
	} else {
		m.Kind = corpus.Post
		m.ThreadID = m.ID
		if t.Title != nil {
			m.Text = unescape(*t.Title)
		}
		if t.Selftext != nil && strings.TrimSpace(*t.Selftext) != "" {
			if m.Text != "" {
				m.Text += "\n\n"
			}
			m.Text += unescape(*t.Selftext)
		}
		if u := strings.TrimSpace(t.URL); u != "" && (t.IsSelf == nil || !*t.IsSelf) {
			m.Links = []string{u}
		}
	}
	for _, h := range Mentions(m.Text) {
		m.Mentions = append(m.Mentions, rawio.Person{Handle: h})
	}
	r.sink.Message(m)
}

// fullname returns id as a fullname of the given prefix ("t1_" or
// "t3_"): id itself when it already is one of that kind.
func fullname(prefix, id string) string {
	if strings.HasPrefix(id, prefix) {
		return id
	}
	return prefix + id
}

// deleted are the authors Reddit writes for an account deleted or a
// message removed: no person.
var deleted = map[string]bool{"": true, "[deleted]": true, "[removed]": true}

// author returns the person of a username and account fullname, or no
// one for a deleted or removed author.
func author(name, fullname string) rawio.Person {
	name = strings.TrimSpace(name)
	if deleted[name] {
		return rawio.Person{}
	}
	return rawio.Person{Handle: name, ID: strings.TrimSpace(fullname)}
}

// unescaper undoes the three escapes Reddit writes in its markdown.
var unescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

func unescape(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return unescaper.Replace(s)
}

// maxUnix bounds the Unix times parsed, far beyond any plausible one, so
// that time.Unix cannot overflow; load rejects what is implausible.
const maxUnix = 1e15

// parseUnix reads Unix seconds written as an integer or a float.
func parseUnix(s string) (time.Time, error) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(max(-maxUnix, min(n, maxUnix)), 0).UTC(), nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
		f = max(-maxUnix, min(f, maxUnix))
		sec := math.Floor(f)
		return time.Unix(int64(sec), int64((f-sec)*1e9)).UTC(), nil
	}
	return time.Time{}, fmt.Errorf("%w: %s", rawio.ErrBadTime, rawio.Quote(s))
}

// parseScore reads a score: an integer, possibly negative, or a float
// with no fraction (2.0).
func parseScore(s string) (int, error) {
	if n, err := strconv.ParseInt(s, 10, 32); err == nil {
		return int(n), nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<31 {
		return int(f), nil
	}
	return 0, fmt.Errorf("%w: %s", rawio.ErrBadNumber, rawio.Quote(s))
}

// Mentions returns the usernames a Reddit text mentions, once each, in
// order: u/name and /u/name standing alone (not inside a word or a path
// other than reddit.com's), and reddit.com/u/name and
// reddit.com/user/name, for a name of 3 to 20 letters, digits, '_' or '-'
// (Reddit's usernames).
func Mentions(text string) []string {
	var out []string
	seen := map[string]bool{}
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], "u/")
		if i < 0 {
			break
		}
		p := from + i  // the 'u'
		start := p + 2 // the name
		from = start
		before := text[:p]
		ok := false
		switch {
		case strings.HasSuffix(strings.ToLower(before), "reddit.com/"):
			ok = true
		case strings.HasSuffix(before, "/"):
			ok = standsAlone(before[:len(before)-1])
		default:
			ok = standsAlone(before)
		}
		if !ok {
			continue
		}
		if name, ok := username(text[start:]); ok && !seen[strings.ToLower(name)] {
			seen[strings.ToLower(name)] = true
			out = append(out, name)
		}
	}
	for from := 0; from < len(text); {
		i := strings.Index(strings.ToLower(text[from:]), "reddit.com/user/")
		if i < 0 {
			break
		}
		start := from + i + len("reddit.com/user/")
		from = start
		if name, ok := username(text[start:]); ok && !seen[strings.ToLower(name)] {
			seen[strings.ToLower(name)] = true
			out = append(out, name)
		}
	}
	return out
}

// standsAlone reports whether what follows before starts a word: before
// is empty or ends with neither a letter, a digit, '_', '-' nor '/'.
func standsAlone(before string) bool {
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '/')
}

// username returns the username s starts with, if it is one: 3 to 20
// letters, digits, '_' or '-', not followed by another of them.
func username(s string) (string, bool) {
	n := 0
	for n < len(s) && (rawio.IsHandleByte(s[n]) || s[n] == '-') {
		n++
	}
	if n < 3 || n > 20 {
		return "", false
	}
	return s[:n], true
}
