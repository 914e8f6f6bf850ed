package bluesky

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// actor is app.bsky.actor.defs#profileViewBasic.
type actor struct {
	DID         string `json:"did"`
	Handle      string `json:"handle"`
	DisplayName string `json:"displayName"`
	// 4CAT writes the views as the Python SDK dumps them, in snake case.
	DisplayNameSnake string `json:"display_name"`
}

func (a *actor) person() rawio.Person {
	return rawio.Person{ID: strings.TrimSpace(a.DID), Handle: strings.ToLower(strings.TrimSpace(a.Handle)), Name: strings.TrimSpace(either(a.DisplayName, a.DisplayNameSnake))}
}

// postView is app.bsky.feed.defs#postView.
type postView struct {
	URI         string     `json:"uri"`
	Author      actor      `json:"author"`
	Record      postRecord `json:"record"`
	LikeCount   int        `json:"likeCount"`
	RepostCount int        `json:"repostCount"`
	QuoteCount  int        `json:"quoteCount"`
	IndexedAt   string     `json:"indexedAt"`
	// The same in snake case (4CAT).
	LikeCountSnake   int `json:"like_count"`
	RepostCountSnake int `json:"repost_count"`
	QuoteCountSnake  int `json:"quote_count"`
}

// reason is app.bsky.feed.defs#reasonRepost (or #reasonPin, which adds
// nothing to the post).
type reason struct {
	Type      string `json:"$type"`
	By        actor  `json:"by"`
	URI       string `json:"uri"`
	IndexedAt string `json:"indexedAt"`
}

// apiRecord is any record of an API file: a PostView (uri, record), a
// FeedViewPost (post, reply, reason), a thread (thread), or a page of
// posts (posts) or of feed items (feed). Nested views stay raw so that a
// bad one is rejected alone.
type apiRecord struct {
	URI    string            `json:"uri"`
	Record json.RawMessage   `json:"record"`
	Post   json.RawMessage   `json:"post"`
	Reason json.RawMessage   `json:"reason"`
	Thread json.RawMessage   `json:"thread"`
	Posts  []json.RawMessage `json:"posts"`
	Feed   []json.RawMessage `json:"feed"`
}

// readFourCAT reads 4CAT's NDJSON: one PostView per line, in the Python
// SDK's snake case (like_count, created_at, py_type) or the lexicon's,
// with 4CAT's own 4CAT_metadata (query, rank, mentions' handles), which
// adds nothing the view lacks.
func readFourCAT(f *rawio.File, sink rawio.Sink) error { return readAPI(f, sink) }

func readAPI(f *rawio.File, sink rawio.Sink) error {
	r := &reader{f, sink}
	return r.eachRecord(func(b []byte, n int) {
		var rec apiRecord
		if fe := decode(b, &rec, ""); fe != nil {
			r.fail(n, fe)
			return
		}
		switch {
		case !isNull(rec.Record):
			r.postView(b, n, "")
		case !isNull(rec.Post):
			r.feedViewPost(b, n, "")
		case !isNull(rec.Thread):
			r.thread(rec.Thread, n, "thread")
		case rec.Posts != nil:
			for i, p := range rec.Posts {
				r.postView(p, n, fmt.Sprintf("posts[%d]", i))
			}
		case rec.Feed != nil:
			for i, p := range rec.Feed {
				r.feedViewPost(p, n, fmt.Sprintf("feed[%d]", i))
			}
		default:
			r.reject(n, 0, "", fmt.Errorf("%w: neither a post view, a feed item, a thread nor a page of them", rawio.ErrShape))
		}
	})
}

// postView emits the PostView b (under field path prefix) of the record
// at line n, and returns its message id ("" when it was rejected).
func (r *reader) postView(b []byte, n int, prefix string) string {
	var p postView
	if fe := decode(b, &p, prefix); fe != nil {
		r.fail(n, fe)
		return ""
	}
	m, fe := p.message(n, prefix)
	if fe != nil {
		r.fail(n, fe)
		return ""
	}
	r.sink.Message(m)
	return m.ID
}

func (p *postView) message(n int, prefix string) (*rawio.RawMessage, *fieldError) {
	uri := strings.TrimSpace(p.URI)
	if uri == "" {
		return nil, &fieldError{join(prefix, "uri"), rawio.ErrMissing}
	}
	if t := strings.TrimSuffix(p.Record.Type, "#main"); t != "" && t != postCollection {
		return nil, &fieldError{join(prefix, "record.$type"), fmt.Errorf("%w: a %s record is not a post", rawio.ErrShape, rawio.Quote(t))}
	}
	p.Record.norm()
	created, fe := parseTime(join(prefix, "record.createdAt"), p.Record.CreatedAt)
	if fe != nil {
		return nil, fe
	}
	m := &rawio.RawMessage{
		Platform:  corpus.Bluesky,
		ID:        MessageID(uri),
		Author:    p.Author.person(),
		Created:   created,
		Reactions: p.LikeCount + p.LikeCountSnake,
		Shares:    p.RepostCount + p.QuoteCount + p.RepostCountSnake + p.QuoteCountSnake,
		Line:      n,
		IDField:   join(prefix, "uri"), CreatedField: join(prefix, "record.createdAt"),
	}
	p.Record.fill(m)
	return m, nil
}

// feedViewPost emits the FeedViewPost b: its post, and, when a repost
// brought it into the feed (reason #reasonRepost), the repost as a
// message of the reposter. A feed item counts one record per message.
// Its reply.parent and reply.root are context the post's own record
// links to (record.reply): they are not read as messages.
func (r *reader) feedViewPost(b []byte, n int, prefix string) {
	var item struct {
		Post   json.RawMessage `json:"post"`
		Reason json.RawMessage `json:"reason"`
	}
	if fe := decode(b, &item, prefix); fe != nil {
		r.fail(n, fe)
		return
	}
	if isNull(item.Post) {
		r.fail(n, &fieldError{join(prefix, "post"), rawio.ErrMissing})
		return
	}
	// The post's uri, for the repost's reference, even when the post
	// itself is rejected.
	var ref struct {
		URI string `json:"uri"`
	}
	decode(item.Post, &ref, "")
	r.postView(item.Post, n, join(prefix, "post"))
	if isNull(item.Reason) {
		return
	}
	var rs reason
	rp := join(prefix, "reason")
	if fe := decode(item.Reason, &rs, rp); fe != nil {
		r.fail(n, fe)
		return
	}
	if !strings.HasSuffix(rs.Type, "#reasonRepost") {
		return // a pinned post: the post alone
	}
	m, fe := rs.repost(ref.URI, n, rp)
	if fe != nil {
		r.fail(n, fe)
		return
	}
	r.sink.Message(m)
}

// repost is the repost of the post at uri a reasonRepost tells of. Its id
// is that of the repost record when the reason gives its uri (since 2025);
// otherwise "repost." and the first 16 hexadecimal digits of the SHA-256
// of the reposter's DID, a space and the post's uri: an account reposts a
// post once.
func (rs *reason) repost(uri string, n int, prefix string) (*rawio.RawMessage, *fieldError) {
	ref := postRef(uri)
	if ref == "" {
		return nil, &fieldError{"post.uri", fmt.Errorf("%w: the reposted post has no at:// post uri", rawio.ErrMissing)}
	}
	by := rs.By.person()
	if by.ID == "" && by.Handle == "" {
		return nil, &fieldError{join(prefix, "by.did"), rawio.ErrMissing}
	}
	created, fe := parseTime(join(prefix, "indexedAt"), rs.IndexedAt)
	if fe != nil {
		return nil, fe
	}
	m := &rawio.RawMessage{
		Platform: corpus.Bluesky, Kind: corpus.Retweet, RefID: ref, Author: by, Created: created, Line: n,
		IDField: join(prefix, "uri"), CreatedField: join(prefix, "indexedAt"),
	}
	if u := strings.TrimSpace(rs.URI); u != "" {
		m.ID = MessageID(u)
	} else {
		m.ID = "repost." + hash16(by.ID+by.Handle+" "+strings.TrimSpace(uri))
	}
	return m, nil
}

// threadNode is a node of getPostThread: #threadViewPost (post, parent,
// replies), #notFoundPost or #blockedPost. The tree is decoded in one
// pass, its posts kept raw, so that memory stays within the record's size
// whatever its depth (decoding each level apart would copy each subtree
// once per level above it).
type threadNode struct {
	Type    string          `json:"$type"`
	Post    json.RawMessage `json:"post"`
	Parent  *threadNode     `json:"parent"`
	Replies []threadNode    `json:"replies"`
	// NotFound and Blocked mark the placeholders.
	NotFound bool `json:"notFound"`
	Blocked  bool `json:"blocked"`
}

// thread emits every post of a getPostThread tree: the node's post, its
// parents up the chain and its replies down the tree. A placeholder for a
// post deleted or hidden (#notFoundPost, #blockedPost) is a record read,
// no message: a service record "not-found-post" or "blocked-post". The
// walk goes as deep as the tree, which CheckJSONDepth bounded by
// f.Limits.Depth before decoding. A tree whose structure has a value of
// the wrong type (replies that are no array) is rejected whole.
func (r *reader) thread(b json.RawMessage, n int, path string) {
	var root threadNode
	if fe := decode(b, &root, path); fe != nil {
		r.fail(n, fe)
		return
	}
	r.walk(&root, n, path)
}

func (r *reader) walk(node *threadNode, n int, path string) {
	switch {
	case !isNull(node.Post):
		r.postView(node.Post, n, join(path, "post"))
	case node.NotFound || strings.HasSuffix(node.Type, "#notFoundPost"):
		r.service(n, "not-found-post")
	case node.Blocked || strings.HasSuffix(node.Type, "#blockedPost"):
		r.service(n, "blocked-post")
	default:
		r.fail(n, &fieldError{path, fmt.Errorf("%w: a thread node without post", rawio.ErrShape)})
	}
	if node.Parent != nil {
		r.walk(node.Parent, n, deeper(path, "parent"))
	}
	for i := range node.Replies {
		r.walk(&node.Replies[i], n, deeper(path, "replies["+strconv.Itoa(i)+"]"))
	}
}

// maxPath is the longest field path a thread's node is named by: deeper
// nodes are named by their path's start, "…" and their last step, so that
// a deep tree's rejections do not each cost its depth in memory.
const maxPath = 160

func deeper(path, step string) string {
	if len(path) > maxPath {
		if i := strings.IndexByte(path, '.'); i > 0 {
			path = path[:i] + ".…"
		}
	}
	return path + "." + step
}
