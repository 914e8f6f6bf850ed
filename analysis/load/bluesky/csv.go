package bluesky

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/csvread"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// CSV is the name of the format of twitwi's Bluesky post CSV.
const CSV = "bluesky-csv"

func init() {
	rawio.Register(rawio.Format{Name: CSV, Platform: corpus.Bluesky, Sniff: sniffCSV, Read: readCSV,
		Doc: "twitwi's Bluesky post CSV, as minet bluesky search-posts and get-user-posts write it"})
}

// csvRequired are the columns a twitwi Bluesky CSV must have.
var csvRequired = []string{"uri", "timestamp_utc", "user_did", "text"}

// sniffCSV is sure of a header holding twitwi's first Bluesky columns
// (cid, did, uri, url, timestamp_utc), user_did and text: its posts'
// CSV, and that of its "partial" posts from the firehose, which has no
// handles.
func sniffCSV(head []byte) int {
	line := head
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	cols := map[string]bool{}
	for _, c := range strings.Split(strings.TrimSpace(string(line)), ",") {
		cols[strings.Trim(strings.TrimSpace(c), `"`)] = true
	}
	for _, c := range []string{"cid", "did", "uri", "url", "timestamp_utc", "user_did", "text"} {
		if !cols[c] {
			return 0
		}
	}
	return 95
}

type csvReader struct {
	reader
	col map[string]int
	rec []string
}

// get returns the value of column name in the current record, or "".
func (r *csvReader) get(name string) string {
	if i, ok := r.col[name]; ok && i < len(r.rec) {
		return strings.TrimSpace(r.rec[i])
	}
	return ""
}

// list returns the '|'-separated values of column name.
func (r *csvReader) list(name string) []string {
	var out []string
	for _, v := range strings.Split(r.get(name), "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func readCSV(f *rawio.File, sink rawio.Sink) error {
	cr := csvread.New(f, ',')
	header, _, err := cr.Read()
	var ce *csvread.Error
	switch {
	case err == io.EOF:
		return &rawio.ParseError{File: f.Name, Line: 1, Err: fmt.Errorf("header: %w", rawio.ErrMissing)}
	case errors.As(err, &ce):
		pe := ce.ParseError(f.Name)
		pe.Err = fmt.Errorf("header: %w", pe.Err)
		return pe
	case err != nil:
		return err
	}
	r := &csvReader{reader: reader{f, sink}, col: map[string]int{}}
	for i, h := range header {
		if h = strings.TrimSpace(h); h != "" {
			if _, dup := r.col[h]; !dup {
				r.col[h] = i
			}
		}
	}
	for _, c := range csvRequired {
		if _, ok := r.col[c]; !ok {
			return &rawio.ParseError{File: f.Name, Line: 1, Field: c, Err: fmt.Errorf("header: %w column", rawio.ErrMissing)}
		}
	}
	cr.SetFields(len(header), false)
	for {
		rec, line, err := cr.Read()
		switch {
		case err == io.EOF:
			return nil
		case errors.As(err, &ce):
			sink.Reject(ce.ParseError(f.Name))
			continue
		case err != nil:
			return err
		}
		r.rec = rec
		r.row(line)
	}
}

// unix reads a column of Unix seconds.
func (r *csvReader) unix(name string) (time.Time, *fieldError) {
	v := r.get(name)
	if v == "" {
		return time.Time{}, &fieldError{name, rawio.ErrMissing}
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, &fieldError{name, fmt.Errorf("%w: %s", rawio.ErrBadTime, rawio.Quote(v))}
	}
	return time.Unix(n, 0).UTC(), nil
}

func (r *csvReader) count(name string) (int, *fieldError) {
	v := r.get(name)
	if v == "" {
		return 0, nil
	}
	n, err := rawio.ParseCount(v)
	if err != nil {
		return 0, &fieldError{name, err}
	}
	return n, nil
}

// postURI is the at:// URI of column prefix+"_uri", or, in older twitwi
// files without it, the one built from the DID of column user and the
// record key of column prefix+"_did" (twitwi calls a post's record key
// its "did").
func (r *csvReader) postURI(prefix, user string) string {
	if u := r.get(prefix + "_uri"); u != "" {
		return u
	}
	if d, k := r.get(user), r.get(prefix+"_did"); d != "" && k != "" {
		return "at://" + d + "/" + postCollection + "/" + k
	}
	return ""
}

// row reads one post row: the post, and, when a repost brought it into
// the collection (repost_by_user_did), the repost as a second message.
func (r *csvReader) row(line int) {
	m, fe := r.message(line)
	if fe != nil {
		r.fail(line, fe)
		return
	}
	r.sink.Message(m)
	by := rawio.Person{ID: r.get("repost_by_user_did"), Handle: strings.ToLower(r.get("repost_by_user_handle"))}
	if by.IsZero() {
		return
	}
	created, fe := r.unix("repost_timestamp_utc")
	if fe != nil {
		r.fail(line, fe)
		return
	}
	r.sink.Message(&rawio.RawMessage{
		Platform: corpus.Bluesky, Kind: corpus.Retweet, RefID: m.ID, Author: by, Created: created, Line: line,
		ID:      "repost." + hash16(by.ID+by.Handle+" "+r.get("uri")),
		IDField: "repost_by_user_did", CreatedField: "repost_timestamp_utc",
	})
}

func (r *csvReader) message(line int) (*rawio.RawMessage, *fieldError) {
	uri := r.get("uri")
	if uri == "" {
		return nil, &fieldError{"uri", rawio.ErrMissing}
	}
	created, fe := r.unix("timestamp_utc")
	if fe != nil {
		return nil, fe
	}
	likes, fe := r.count("like_count")
	if fe != nil {
		return nil, fe
	}
	reposts, fe := r.count("repost_count")
	if fe != nil {
		return nil, fe
	}
	quotes, fe := r.count("quote_count")
	if fe != nil {
		return nil, fe
	}
	name := r.get("user_display_name")
	if _, ok := r.col["user_display_name"]; !ok {
		name = r.get("user_name")
	}
	text := r.get("text")
	if _, ok := r.col["original_text"]; ok {
		// text adds the quoted post and media links to the post's own.
		text = r.get("original_text")
	}
	m := &rawio.RawMessage{
		Platform: corpus.Bluesky, ID: MessageID(uri), Created: created, Line: line,
		Author:    rawio.Person{ID: r.get("user_did"), Handle: strings.ToLower(r.get("user_handle")), Name: name},
		Text:      text,
		Reactions: likes, Shares: reposts + quotes,
		Lang:     strings.Join(r.list("user_langs"), ","),
		Hashtags: r.list("hashtags"), Links: r.list("links"),
		IDField: "uri", CreatedField: "timestamp_utc",
	}
	dids, handles := r.list("mentioned_user_dids"), r.list("mentioned_user_handles")
	for i := range max(len(dids), len(handles)) {
		var p rawio.Person
		if i < len(dids) {
			p.ID = dids[i]
		}
		if i < len(handles) && len(dids) == len(handles) {
			p.Handle = strings.ToLower(handles[i])
		}
		m.Mentions = append(m.Mentions, p)
	}
	parent, root := r.postURI("to_post", "to_user_did"), r.postURI("to_root_post", "to_root_user_did")
	quote := postRef(r.postURI("quoted", "quoted_user_did"))
	switch {
	case parent != "":
		m.Kind, m.ParentID, m.ThreadID, m.RefID = corpus.Reply, MessageID(parent), MessageID(root), quote
	case quote != "":
		m.Kind, m.RefID = corpus.Quote, quote
	default:
		m.Kind = corpus.Post
	}
	return m, nil
}
