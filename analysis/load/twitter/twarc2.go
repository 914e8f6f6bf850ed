package twitter

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"sync/atomic"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// v2Tweet is an API v2 tweet, with what twarc2 flatten inlines.
type v2Tweet struct {
	ID               string  `json:"id"`
	Text             string  `json:"text"`
	AuthorID         string  `json:"author_id"`
	ConversationID   string  `json:"conversation_id"`
	CreatedAt        string  `json:"created_at"`
	InReplyToUserID  string  `json:"in_reply_to_user_id"`
	ReferencedTweets []v2Ref `json:"referenced_tweets"`
	PublicMetrics    struct {
		RetweetCount count `json:"retweet_count"`
		LikeCount    count `json:"like_count"`
	} `json:"public_metrics"`
	Entities  v2Entities `json:"entities"`
	NoteTweet *struct {
		Text     string      `json:"text"`
		Entities *v2Entities `json:"entities"`
	} `json:"note_tweet"` // the whole text of a long tweet
	Author        *v2User `json:"author"`           // flattened
	InReplyToUser *v2User `json:"in_reply_to_user"` // flattened
}

type v2Ref struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

type v2Entities struct {
	Hashtags []v2Tag     `json:"hashtags"`
	Mentions []v2Mention `json:"mentions"`
	URLs     []v2URL     `json:"urls"`
}

type v2Tag struct {
	Tag string `json:"tag"`
}

type v2Mention struct {
	Username string `json:"username"`
	ID       string `json:"id"`
}

type v2URL struct {
	URL         string `json:"url"`
	ExpandedURL string `json:"expanded_url"`
}

type v2User struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	Name     string `json:"name"`
}

// v2Line is one twarc2 line: a response page (or stream line), or a
// flattened tweet.
type v2Line struct {
	Data     []v2Tweet `json:"data"`
	Includes *struct {
		Users []v2User `json:"users"`
	} `json:"includes"`
	Meta          *struct{}  `json:"meta"`
	Errors        []struct{} `json:"errors"`
	MatchingRules []struct{} `json:"matching_rules"`
	v2Tweet
}

// v2RawLine is a line read without trusting the types of its parts, to
// locate a value of the wrong type tweet by tweet.
type v2RawLine struct {
	Data          json.RawMessage `json:"data"`
	Includes      json.RawMessage `json:"includes"`
	Meta          json.RawMessage `json:"meta"`
	Errors        json.RawMessage `json:"errors"`
	MatchingRules json.RawMessage `json:"matching_rules"`
}

type twarc2Reader struct {
	reader
	line  v2Line
	users map[string]*v2User
	names []tweetFields // of data[0], data[1], ...
	fast  v2Scanner
	// reference is true to decode every record with unmarshal, as
	// before v2Scanner (the differential tests compare both).
	reference bool
	// depth is the nesting limit record checks, 0 when its caller has
	// checked it already (jsonvalues.EachChecked).
	depth int
}

// referenceDecoder makes the twarc2 readers started after it is set decode
// with unmarshal only; tests set it to compare the two decoders.
var referenceDecoder atomic.Bool

// tweetFields name a tweet of a line for rejections: the prefix of its
// fields, and its id and time fields.
type tweetFields struct{ prefix, id, created string }

var (
	flatFields   = tweetFields{"", "id", "created_at"}
	streamFields = tweetFields{"data", "data.id", "data.created_at"}
)

// fields returns the names of the fields of data[i], made once per
// reader for the first pages' worth of indexes.
func (r *twarc2Reader) fields(i int) tweetFields {
	if i < len(r.names) {
		return r.names[i]
	}
	p := "data[" + strconv.Itoa(i) + "]"
	tf := tweetFields{p, p + ".id", p + ".created_at"}
	if i == len(r.names) && i < 1024 {
		r.names = append(r.names, tf)
	}
	return tf
}

func readTwarc2(f *rawio.File, sink rawio.Sink) error {
	ref := referenceDecoder.Load()
	r := &twarc2Reader{reader: reader{f, sink}, users: map[string]*v2User{}, reference: ref}
	if f.Workers > 1 && !documentMode(f.Head) {
		return r.eachLineParallel(func(sink rawio.Sink, depth int) func([]byte, int) {
			w := &twarc2Reader{reader: reader{f, sink}, users: map[string]*v2User{}, reference: ref, depth: depth}
			return w.record
		})
	}
	return r.eachRecord(r.record)
}

// record reads one line (or document) b starting at line n.
func (r *twarc2Reader) record(b []byte, n int) {
	r.line = v2Line{}
	// A record v2Scanner accepts is valid JSON, and the depth it measured
	// is the record's: within the limit, rawio.CheckJSONDepth would pass.
	fast := !r.reference && r.fast.decodeV2Line(b, &r.line) && (r.depth == 0 || r.fast.maxDepth <= r.depth)
	if !fast {
		if r.depth > 0 {
			if err := rawio.CheckJSONDepth(b, r.depth); err != nil {
				r.reject(n, 0, "", err)
				return
			}
		}
		r.line = v2Line{}
		err := unmarshal(b, &r.line)
		if err != nil {
			if _, ok := typeError(err, ""); ok {
				r.slow(b, n)
				return
			}
			r.badJSON(b, n, err)
			return
		}
	}
	l := &r.line
	page := l.Data != nil || l.Includes != nil || l.Meta != nil || l.Errors != nil || l.MatchingRules != nil
	switch {
	case page:
		clear(r.users)
		if l.Includes != nil {
			for i := range l.Includes.Users {
				u := &l.Includes.Users[i]
				r.users[u.ID] = u
			}
		}
		for i := range l.Data {
			r.emit(&l.Data[i], n, r.fields(i))
		}
	case l.ID != "" || l.CreatedAt != "" || l.Text != "":
		clear(r.users)
		r.emit(&l.v2Tweet, n, flatFields)
	default:
		r.reject(n, 0, "", fmt.Errorf("%w: neither an API v2 response nor a tweet", rawio.ErrShape))
	}
}

// slow reads a line holding a value of the wrong type, so that only the
// tweets holding one are rejected, each naming its field. A stream line,
// whose data is one tweet and not a list, comes this way too.
func (r *twarc2Reader) slow(b []byte, n int) {
	var raw v2RawLine
	if err := unmarshal(b, &raw); err != nil {
		r.reject(n, 0, "", fmt.Errorf("%w: not a JSON object", rawio.ErrShape))
		return
	}
	page := raw.Data != nil || raw.Includes != nil || raw.Meta != nil || raw.Errors != nil || raw.MatchingRules != nil
	if !page {
		var t v2Tweet
		err := unmarshal(b, &t)
		if fe, ok := typeError(err, ""); ok {
			r.fail(n, fe)
			return
		}
		if err != nil {
			r.badJSON(b, n, err)
			return
		}
		clear(r.users)
		r.emit(&t, n, flatFields)
		return
	}
	clear(r.users)
	var inc struct {
		Users []json.RawMessage `json:"users"`
	}
	if unmarshal(raw.Includes, &inc) == nil {
		for _, ub := range inc.Users {
			u := new(v2User)
			if unmarshal(ub, u) == nil && u.ID != "" {
				r.users[u.ID] = u
			}
		}
	}
	data := bytes.TrimSpace(raw.Data)
	if len(data) == 0 || string(data) == "null" {
		return
	}
	switch data[0] {
	case '{':
		var t v2Tweet
		if err := unmarshal(data, &t); err != nil {
			if fe, ok := typeError(err, "data"); ok {
				r.fail(n, fe)
			} else {
				r.reject(n, 0, "data", fmt.Errorf("%w: %v", rawio.ErrBadJSON, err))
			}
			return
		}
		r.emit(&t, n, streamFields)
	case '[':
		var elems []json.RawMessage
		if err := unmarshal(data, &elems); err != nil {
			r.reject(n, 0, "data", fmt.Errorf("%w: %v", rawio.ErrBadJSON, err))
			return
		}
		for i, e := range elems {
			tf := r.fields(i)
			prefix := tf.prefix
			var t v2Tweet
			if err := unmarshal(e, &t); err != nil {
				if fe, ok := typeError(err, prefix); ok {
					r.fail(n, fe)
				} else {
					r.reject(n, 0, prefix, fmt.Errorf("%w: %v", rawio.ErrBadJSON, err))
				}
				continue
			}
			r.emit(&t, n, tf)
		}
	default:
		r.reject(n, 0, "data", fmt.Errorf("%w: %s where a tweet or a list of tweets was expected", rawio.ErrShape, jsonValueKind(data)))
	}
}

// emit sends t, read at line n, to the sink. tf names the tweet in the
// line for rejects (data[i]). Authors are looked up in r.users when the
// tweet does not inline them.
func (r *twarc2Reader) emit(t *v2Tweet, n int, tf tweetFields) {
	m, fe := r.message(t, n)
	if fe != nil {
		fe.field = join(tf.prefix, fe.field)
		r.fail(n, fe)
		return
	}
	m.IDField, m.CreatedField = tf.id, tf.created
	r.sink.Message(m)
}

func (r *twarc2Reader) message(t *v2Tweet, n int) (*rawio.RawMessage, *fieldError) {
	if t.ID == "" {
		return nil, &fieldError{"id", rawio.ErrMissing}
	}
	created, fe := v2Time("created_at", t.CreatedAt)
	if fe != nil {
		return nil, fe
	}
	m := &rawio.RawMessage{
		Platform:  corpus.Twitter,
		ID:        t.ID,
		ThreadID:  t.ConversationID,
		Author:    r.person(t.AuthorID, t.Author),
		Created:   created,
		Text:      t.Text,
		Reactions: int(t.PublicMetrics.LikeCount),
		Shares:    int(t.PublicMetrics.RetweetCount),
		Line:      n,
	}
	ent := &t.Entities
	if t.NoteTweet != nil && t.NoteTweet.Text != "" {
		m.Text = t.NoteTweet.Text
		if t.NoteTweet.Entities != nil {
			ent = t.NoteTweet.Entities
		}
	}
	if len(ent.Hashtags) > 0 {
		m.Hashtags = make([]string, 0, len(ent.Hashtags))
		for _, h := range ent.Hashtags {
			m.Hashtags = append(m.Hashtags, h.Tag)
		}
	}
	if len(ent.Mentions) > 0 {
		m.Mentions = make([]rawio.Person, 0, len(ent.Mentions))
		for _, u := range ent.Mentions {
			m.Mentions = append(m.Mentions, rawio.Person{ID: u.ID, Handle: u.Username})
		}
	}
	if len(ent.URLs) > 0 {
		m.Links = make([]string, 0, len(ent.URLs))
		for _, u := range ent.URLs {
			m.Links = append(m.Links, link(u.ExpandedURL, u.URL))
		}
	}
	var rf refs
	for _, ref := range t.ReferencedTweets {
		switch ref.Type {
		case "replied_to":
			rf.repliedTo = ref.ID
		case "retweeted":
			rf.retweeted = ref.ID
		case "quoted":
			rf.quoted = ref.ID
		}
	}
	if t.InReplyToUserID != "" {
		p := r.person(t.InReplyToUserID, t.InReplyToUser)
		rf.replyTo = rawio.Person{ID: p.ID, Handle: p.Handle}
	}
	classify(m, rf)
	return m, nil
}

// person is the account id, as the tweet inlines it (flattened) or as the
// page's includes.users gives it.
func (r *twarc2Reader) person(id string, inline *v2User) rawio.Person {
	u := inline
	if u == nil {
		u = r.users[id]
	}
	if u == nil {
		return rawio.Person{ID: id}
	}
	p := rawio.Person{ID: u.ID, Handle: u.Username, Name: u.Name}
	if p.ID == "" {
		p.ID = id
	}
	return p
}

// link is the expanded URL when there is one.
func link(expanded, short string) string {
	if expanded != "" {
		return expanded
	}
	return short
}

func sniffTwarc2(head []byte) int {
	s := sniffShape(head)
	if s == nil || s.any("source_platform", "id_str", "usernameTweet", "legacy", "rest_id") {
		return 0
	}
	switch {
	case s.has("__twarc"):
		return 95
	case s.has("data") && s.any("includes", "meta", "matching_rules", "errors"):
		return 95
	case s.has("data") && (s.data["author_id"] || s.data["conversation_id"] || s.data["edit_history_tweet_ids"]):
		return 90
	case s.has("id", "text") && s.any("author_id", "conversation_id", "edit_history_tweet_ids"):
		return 90
	}
	return 0
}
