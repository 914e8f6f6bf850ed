package twitter

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/csvread"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Columns of twarc-csv that the reader uses. Only id and created_at are
// required.
const (
	colID             = "id"
	colConversation   = "conversation_id"
	colRepliedTo      = "referenced_tweets.replied_to.id"
	colRetweeted      = "referenced_tweets.retweeted.id"
	colQuoted         = "referenced_tweets.quoted.id"
	colReferenced     = "referenced_tweets" // older versions: a JSON list of {type, id}
	colInReplyToUser  = "in_reply_to_user_id"
	colInReplyToName  = "in_reply_to_username"
	colAuthorID       = "author_id"
	colAuthorIDInline = "author.id"
	colUsername       = "author.username"
	colName           = "author.name"
	colCreated        = "created_at"
	colText           = "text"
	colLikes          = "public_metrics.like_count"
	colRetweets       = "public_metrics.retweet_count"
	colHashtags       = "entities.hashtags"
	colMentions       = "entities.mentions"
	colURLs           = "entities.urls"
)

// twarcOnly are columns that tell a twarc-csv file from another CSV of
// tweets.
var twarcOnly = []string{colConversation, colRepliedTo, colRetweeted, colQuoted, colUsername,
	colLikes, colRetweets, colAuthorIDInline, "__twarc.url", "__twarc.retrieved_at"}

// csvHeader reads the header line of head with the separator it uses
// (',', or ';' or a tab as spreadsheets write it in some locales).
func csvHeader(head []byte) ([]string, rune) {
	line := firstLine(head)
	comma := ','
	best := bytes.Count(line, []byte{','})
	for _, c := range []rune{';', '\t'} {
		if n := bytes.Count(line, []byte(string(c))); n > best {
			comma, best = c, n
		}
	}
	r := csv.NewReader(bytes.NewReader(line))
	r.Comma = comma
	header, err := r.Read()
	if err != nil {
		return nil, comma
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	return header, comma
}

func sniffTwarcCSV(head []byte) int {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 || t[0] == '{' || t[0] == '[' {
		return 0
	}
	header, _ := csvHeader(head)
	cols := map[string]bool{}
	for _, h := range header {
		cols[h] = true
	}
	if !cols[colID] || !cols[colCreated] || !cols[colText] {
		return 0
	}
	for _, c := range twarcOnly {
		if cols[c] {
			return 90
		}
	}
	return 0
}

type twarcCSVReader struct {
	reader
	col   map[string]int
	rec   []string
	depth int // the file's depth limit
}

// get returns the value of column name in the current record, or "".
func (r *twarcCSVReader) get(name string) string {
	if i, ok := r.col[name]; ok && i < len(r.rec) {
		return strings.TrimSpace(r.rec[i])
	}
	return ""
}

func readTwarcCSV(f *rawio.File, sink rawio.Sink) error {
	_, comma := csvHeader(f.Head)
	cr := csvread.New(f, byte(comma))
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
	r := &twarcCSVReader{reader: reader{f, sink}, col: map[string]int{}, depth: f.Limits.WithDefaults().Depth}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if _, dup := r.col[h]; !dup {
			r.col[h] = i
		}
	}
	for _, c := range []string{colID, colCreated} {
		if _, ok := r.col[c]; !ok {
			return &rawio.ParseError{File: f.Name, Line: 1, Field: c, Err: fmt.Errorf("header: %w column", rawio.ErrMissing)}
		}
	}
	cr.SetFields(len(header), false)
	// twarc-csv rows have 81 columns and its line breaks are written
	// \n: a later line of an open record that reads alone as a whole
	// record marks a stray quote, not a genuine text (package doc).
	cr.SetSplitOnRecords(true)
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
		m, fe := r.message(line)
		if fe != nil {
			r.fail(line, fe)
			continue
		}
		sink.Message(m)
	}
}

// csvTimeLayouts are the forms created_at takes in twarc-csv files, as
// written or as pandas or a spreadsheet rewrites them.
var csvTimeLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00", time.DateTime, "2006-01-02T15:04:05", "2006-01-02 15:04"}

func (r *twarcCSVReader) message(line int) (*rawio.RawMessage, *fieldError) {
	id, fe := r.id(colID)
	if fe != nil {
		return nil, fe
	}
	if id == "" {
		return nil, &fieldError{colID, rawio.ErrMissing}
	}
	created, fe := parseTime(colCreated, r.get(colCreated), csvTimeLayouts...)
	if fe != nil {
		return nil, fe
	}
	m := &rawio.RawMessage{Platform: corpus.Twitter, ID: id, Created: created, Text: r.csvText(r.get(colText)), Line: line,
		IDField: colID, CreatedField: colCreated}
	var rf refs
	for _, c := range []struct {
		name string
		dst  *string
	}{
		{colConversation, &m.ThreadID},
		{colAuthorID, &m.Author.ID},
		{colRepliedTo, &rf.repliedTo},
		{colRetweeted, &rf.retweeted},
		{colQuoted, &rf.quoted},
		{colInReplyToUser, &rf.replyTo.ID},
	} {
		if *c.dst, fe = r.id(c.name); fe != nil {
			return nil, fe
		}
	}
	if m.Author.ID == "" {
		if m.Author.ID, fe = r.id(colAuthorIDInline); fe != nil {
			return nil, fe
		}
	}
	m.Author.Handle = r.get(colUsername)
	m.Author.Name = r.get(colName)
	rf.replyTo.Handle = r.get(colInReplyToName)
	if s := r.get(colReferenced); s != "" && rf.repliedTo == "" && rf.retweeted == "" && rf.quoted == "" {
		var list []v2Ref
		if err := r.checkDepth(s); err != nil {
			return nil, &fieldError{colReferenced, err}
		}
		if err := unmarshal([]byte(s), &list); err != nil {
			return nil, &fieldError{colReferenced, fmt.Errorf("%w: not a JSON list of references", rawio.ErrBadJSON)}
		}
		for _, ref := range list {
			switch ref.Type {
			case "replied_to":
				rf.repliedTo = ref.ID
			case "retweeted":
				rf.retweeted = ref.ID
			case "quoted":
				rf.quoted = ref.ID
			}
		}
	}
	for _, c := range []struct {
		name string
		dst  *int
	}{{colLikes, &m.Reactions}, {colRetweets, &m.Shares}} {
		s := r.get(c.name)
		if s == "" {
			continue
		}
		n, err := parseCount(s)
		if err != nil {
			return nil, &fieldError{c.name, err}
		}
		*c.dst = n
	}
	err := r.entityList(r.get(colHashtags), func(text string, obj map[string]flexID) {
		if obj != nil {
			text = string(obj["tag"])
		}
		m.Hashtags = append(m.Hashtags, stripPrefix(text, '#'))
	})
	if err != nil {
		return nil, &fieldError{colHashtags, err}
	}
	err = r.entityList(r.get(colMentions), func(text string, obj map[string]flexID) {
		p := rawio.Person{Handle: stripPrefix(text, '@')}
		if obj != nil {
			p = rawio.Person{ID: string(obj["id"]), Handle: string(obj["username"])}
		}
		m.Mentions = append(m.Mentions, p)
	})
	if err != nil {
		return nil, &fieldError{colMentions, err}
	}
	err = r.entityList(r.get(colURLs), func(text string, obj map[string]flexID) {
		if obj != nil {
			text = link(string(obj["expanded_url"]), string(obj["url"]))
		}
		m.Links = append(m.Links, text)
	})
	if err != nil {
		return nil, &fieldError{colURLs, err}
	}
	classify(m, rf)
	return m, nil
}

// id reads an id column: digits, or empty. Only spaces and tabs around
// it are trimmed: an id holding a line break, or any other character, is
// rejected rather than mended.
func (r *twarcCSVReader) id(name string) (string, *fieldError) {
	var s string
	if i, ok := r.col[name]; ok && i < len(r.rec) {
		s = strings.Trim(r.rec[i], " \t")
	}
	if s == "" || isDigits(s) {
		return s, nil
	}
	return "", &fieldError{name, fmt.Errorf("%w: %s is not a tweet or account id (rewritten by a spreadsheet?)", rawio.ErrBadNumber, quote(s))}
}

// checkDepth checks the nesting of the JSON held in a field against the
// file's depth limit, before it is decoded.
func (r *twarcCSVReader) checkDepth(s string) error {
	return rawio.CheckJSONDepth([]byte(s), r.depth)
}

// csvText restores a twarc-csv text: JSON-decoded when written as a JSON
// string, else with its escaped line breaks restored.
func (r *twarcCSVReader) csvText(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' && r.checkDepth(s) == nil {
		var t string
		if unmarshal([]byte(s), &t) == nil {
			return t
		}
	}
	return strings.ReplaceAll(s, `\n`, "\n")
}

// entityList reads an entity column: a JSON list of strings ("#tag",
// "@name", a URL, as twarc-csv writes them) or, in older versions, of
// entity objects. It calls fn with each string, or with each object's
// string and number fields.
func (r *twarcCSVReader) entityList(s string, fn func(text string, obj map[string]flexID)) error {
	if s == "" {
		return nil
	}
	if texts, ok := stringList(s); ok {
		for _, t := range texts {
			fn(t, nil)
		}
		return nil
	}
	if err := r.checkDepth(s); err != nil {
		return err
	}
	var elems []json.RawMessage
	if err := unmarshal([]byte(s), &elems); err != nil {
		return fmt.Errorf("%w: not a JSON list", rawio.ErrBadJSON)
	}
	for _, e := range elems {
		var text string
		if unmarshal(e, &text) == nil {
			fn(text, nil)
			continue
		}
		var raw map[string]json.RawMessage
		if err := unmarshal(e, &raw); err != nil {
			return fmt.Errorf("%w: %s in an entity list", rawio.ErrShape, jsonValueKind(e))
		}
		obj := make(map[string]flexID, len(raw))
		for k, v := range raw {
			var f flexID
			if unmarshal(v, &f) == nil {
				obj[k] = f
			}
		}
		fn("", obj)
	}
	return nil
}

// stringList reads s as a JSON list of strings without escapes, as
// twarc-csv writes entities ("[\"#tag\", \"#other\"]"), or reports false.
func stringList(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return nil, false
	}
	var out []string
	rest := strings.TrimSpace(s[1 : len(s)-1])
	for rest != "" {
		if rest[0] != '"' {
			return nil, false
		}
		end := strings.IndexByte(rest[1:], '"')
		if end < 0 {
			return nil, false
		}
		t := rest[1 : 1+end]
		if strings.IndexByte(t, '\\') >= 0 {
			return nil, false // escapes: let encoding/json read it
		}
		out = append(out, t)
		rest = strings.TrimSpace(rest[2+end:])
		if rest == "" {
			break
		}
		if rest[0] != ',' {
			return nil, false
		}
		rest = strings.TrimSpace(rest[1:])
		if rest == "" {
			return nil, false // trailing comma
		}
	}
	return out, true
}
