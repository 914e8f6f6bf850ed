// Package discourse reads Discourse forum exports and registers the rawio
// format "discourse": the JSON of a topic (/t/ID.json, /t/ID/posts.json:
// {id, title, post_stream: {posts: [...]}}) and the latest posts of a
// forum (/posts.json: {latest_posts: [...]}), as saved from the forum's
// API, one per file, several per file, or one per line.
//
// # Records
//
// Each element of post_stream.posts or latest_posts is a record; the
// other members of a topic (its title, details, suggested topics) are
// not. A post is a message of platform discourse unless it is a "small
// action" (post_type 3: the notices "closed", "pinned", "split" that
// Discourse writes into a topic), which is a service record of kind
// "small_action" (counted as read, not a message). A top-level value
// holding neither array is one rejected record (a top-level object with
// a post_number is read as one post); so is an element that is not a
// readable post (a value of the wrong type names its field, e.g.
// post_stream.posts[2].post_number). An empty posts array holds no
// record and emits nothing. A post without topic_id outside a topic, or
// without post_number or created_at, is rejected naming that field.
//
// # Mapping
//
// A post's message id is "TOPIC/NUMBER", its topic id and its post_number
// (the address /t/TOPIC/NUMBER of the post on its forum): post numbers,
// unlike post ids, say which post a reply answers without the parent
// being in the same file. A post's topic is its topic_id, or, when the
// post does not give it, the id of the topic object holding it.
//
// Reply links are message-level. Post 1 opens the topic: kind Post, no
// parent. Every other post is a Reply: to post reply_to_post_number of
// the same topic when it gives one, and otherwise to post 1, since a
// Discourse post written with the topic's reply button (reply_to_post_number
// null) answers the topic, not nobody. ThreadID is "TOPIC/1".
//
// The author is the username (as Handle, the forum's @name) and the
// display name (name). Accounts belong to one forum and the JSON does not
// name the forum: two forums of a study whose members share a username
// have them share a pseudonym (load each forum as its own community, and
// read the merge as a limit of the data). Reactions are the post's likes: the count of its
// action of type 2 in actions_summary, or like_count, or, for forums with
// the reactions plugin, the sum of the counts of reactions when larger
// (the plugin counts a like as a "heart" reaction too, so the larger of
// the two is taken, never their sum). Shares are 0: Discourse has no
// reposts. The text is cooked (the post's HTML) turned into text by
// package load/internal/htmltext (paragraphs and line breaks kept,
// entities decoded, links kept as URLs); the first post's text begins
// with the topic's title (title, or topic_title in latest_posts) and a
// blank line, since the title is often the question the topic asks (a
// first post read from a page without the title, such as
// /t/ID/posts.json, then differs in text from the same post read with
// it, and load reports the two as conflicting). created_at is read into
// UTC.
// Posts of staff with admin or moderator set are marked Admin or
// Moderator.
//
// # Limits and resynchronisation
//
// A file is read value by value (or line by line, for JSON lines) with
// package load/internal/jsonvalues: a value longer than Limits.LineBytes
// is one rejected record naming its first line and the limit, and
// reading goes on with the next value. A topic object is held whole
// (within LineBytes) and split into its posts by following strings and
// brackets, so that a malformed post, or one nested deeper than
// Limits.Depth (checked before it is decoded), is rejected alone, naming
// its line, and the posts after it are read; a topic that breaks off
// after its posts array costs one more rejection.
package discourse

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/htmltext"
	jv "github.com/faire-communaute/compendium/analysis/load/internal/jsonvalues"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

func init() {
	rawio.Register(rawio.Format{
		Name:     "discourse",
		Platform: corpus.Discourse,
		Sniff:    sniff,
		Read:     read,
		Doc:      "Discourse topic JSON (/t/ID.json: post_stream.posts) and latest posts (/posts.json: latest_posts)",
	})
}

// sniff claims heads showing a topic's post_stream, a latest_posts page,
// or posts with cooked HTML and post numbers.
func sniff(head []byte) int {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 || (t[0] != '{' && t[0] != '[') {
		return 0
	}
	switch {
	case bytes.Contains(head, []byte(`"post_stream"`)), bytes.Contains(head, []byte(`"latest_posts"`)):
		return 90
	case bytes.Contains(head, []byte(`"cooked"`)) && bytes.Contains(head, []byte(`"post_number"`)):
		return 80
	}
	return 0
}

type post struct {
	ID                jv.ID    `json:"id"`
	Username          string   `json:"username"`
	Name              string   `json:"name"`
	Cooked            string   `json:"cooked"`
	PostNumber        jv.Count `json:"post_number"`
	PostType          jv.Count `json:"post_type"`
	ReplyToPostNumber jv.Count `json:"reply_to_post_number"`
	TopicID           jv.ID    `json:"topic_id"`
	TopicTitle        string   `json:"topic_title"`
	CreatedAt         string   `json:"created_at"`
	LikeCount         jv.Count `json:"like_count"`
	Admin             bool     `json:"admin"`
	Moderator         bool     `json:"moderator"`
	ActionsSummary    []struct {
		ID    jv.Count `json:"id"`
		Count jv.Count `json:"count"`
	} `json:"actions_summary"`
	Reactions []struct {
		Count jv.Count `json:"count"`
	} `json:"reactions"`
}

type reader struct {
	f    *rawio.File
	sink rawio.Sink
}

func (r *reader) reject(line int, field string, err error) {
	r.sink.Reject(&rawio.ParseError{File: r.f.Name, Line: line, Field: field, Err: err})
}

func read(f *rawio.File, sink rawio.Sink) error {
	r := &reader{f: f, sink: sink}
	return jv.Each(f, func(b []byte, line int, bad error) {
		if bad != nil {
			r.reject(line, "", bad)
			return
		}
		r.value(bytes.TrimSpace(b), line)
	})
}

// value reads a topic, a latest-posts page, or a post.
func (r *reader) value(b []byte, line int) {
	var (
		topic    jv.ID
		title    string
		posts    []byte
		off      int
		field    string
		nested   []byte
		nestedAt int
	)
	end, err := jv.Members(b, func(key string, val []byte, o int) bool {
		switch key {
		case "id":
			if len(val) > 0 && (val[0] == '"' || val[0] >= '0' && val[0] <= '9') {
				json.Unmarshal(val, &topic)
			}
		case "title":
			if len(val) > 0 && val[0] == '"' {
				json.Unmarshal(val, &title)
			}
		case "latest_posts":
			if len(val) > 0 && val[0] == '[' {
				posts, off, field = val, o, "latest_posts"
			}
		case "post_stream":
			nested, nestedAt = val, o
		}
		return true
	})
	if nested != nil {
		jv.Members(nested, func(key string, val []byte, o int) bool {
			if key == "posts" && len(val) > 0 && val[0] == '[' {
				posts, off, field = val, nestedAt+o, "post_stream.posts"
				return false
			}
			return true
		})
	}
	if posts == nil {
		if err == nil && bytes.Contains(b, []byte(`"post_number"`)) {
			r.post(b, line, "", "", "")
			return
		}
		if err == nil {
			err = fmt.Errorf("%w: neither a topic (post_stream.posts) nor latest_posts", rawio.ErrShape)
		}
		r.reject(line, "", err)
		return
	}
	i := 0
	jv.Elements(posts, func(el []byte, o int) {
		r.post(el, jv.LineOf(b, off+o, line), fmt.Sprintf("%s[%d].", field, i), string(topic), title)
		i++
	})
	if err != nil {
		r.reject(jv.LineOf(b, end, line), "", err)
	}
}

func (r *reader) post(b []byte, line int, prefix, topic, title string) {
	if err := rawio.CheckJSONDepth(b, r.f.Limits.WithDefaults().Depth); err != nil {
		r.reject(line, "", err)
		return
	}
	var p post
	if err := json.Unmarshal(b, &p); err != nil {
		r.sink.Reject(jv.DecodeError(r.f.Name, b, line, prefix, err))
		return
	}
	if p.PostType == 3 {
		rawio.EmitService(r.sink, &rawio.RawService{Kind: "small_action", Line: line},
			rawio.Error(r.f.Name, line, prefix+"post_type", "%w: a small action (a notice of the forum), not a post", rawio.ErrShape))
		return
	}
	m, field, err := message(&p, topic, title, line)
	if err != nil {
		r.reject(line, prefix+field, err)
		return
	}
	m.IDField, m.CreatedField = prefix+"post_number", prefix+"created_at"
	r.sink.Message(m)
}

// message maps a post of topic (the enclosing topic's id and title, when
// any).
func message(p *post, topic, title string, line int) (*rawio.RawMessage, string, error) {
	if p.TopicID != "" {
		topic = string(p.TopicID)
	}
	if t := strings.TrimSpace(p.TopicTitle); t != "" {
		title = t
	}
	if topic == "" {
		return nil, "topic_id", rawio.ErrMissing
	}
	if p.PostNumber < 1 {
		return nil, "post_number", rawio.ErrMissing
	}
	s := strings.TrimSpace(p.CreatedAt)
	if s == "" {
		return nil, "created_at", rawio.ErrMissing
	}
	created, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return nil, "created_at", fmt.Errorf("%w: %s", rawio.ErrBadTime, rawio.Quote(s))
	}
	text, links := htmltext.Text(p.Cooked)
	if t := strings.TrimSpace(title); t != "" && p.PostNumber == 1 {
		text = strings.TrimSpace(t + "\n\n" + text)
	}
	m := &rawio.RawMessage{
		Platform: corpus.Discourse,
		ID:       fmt.Sprintf("%s/%d", topic, p.PostNumber),
		ThreadID: topic + "/1",
		Kind:     corpus.Post,
		Author:   rawio.Person{Handle: strings.TrimSpace(p.Username), Name: strings.TrimSpace(p.Name)},
		Created:  created.UTC(),
		Text:     text,
		Links:    links,
		Line:     line,
	}
	likes := int(p.LikeCount)
	for _, a := range p.ActionsSummary {
		if a.ID == 2 {
			likes = max(likes, int(a.Count))
		}
	}
	sum := 0
	for _, x := range p.Reactions {
		sum += int(x.Count)
	}
	m.Reactions = max(likes, sum)
	switch {
	case p.Admin:
		m.AuthorRole = corpus.Admin
	case p.Moderator:
		m.AuthorRole = corpus.Moderator
	}
	if p.PostNumber > 1 {
		parent := max(int(p.ReplyToPostNumber), 1)
		m.Kind, m.ParentID = corpus.Reply, fmt.Sprintf("%s/%d", topic, parent)
	}
	return m, "", nil
}
