package mastodon

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/htmltext"
	jv "github.com/faire-communaute/compendium/analysis/load/internal/jsonvalues"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

func init() {
	rawio.Register(rawio.Format{
		Name:     "mastodon",
		Platform: corpus.Mastodon,
		Sniff:    sniffAPI,
		Read:     readAPI,
		Doc:      "Mastodon API v1 Status objects: timelines and account statuses (arrays), search results, /statuses/:id/context, single statuses, JSON lines",
	})
	rawio.Register(rawio.Format{
		Name:     "mastodon-outbox",
		Platform: corpus.Mastodon,
		Sniff:    sniffOutbox,
		Read:     readOutbox,
		Doc:      "outbox.json of a Mastodon account archive (ActivityPub: Create notes, Announce boosts)",
	})
}

// wrappers are the members of an API response object that hold arrays
// of statuses: search results and a status's context.
var wrappers = map[string]bool{"statuses": true, "ancestors": true, "descendants": true}

// sniffAPI claims heads showing the fields only Mastodon's Status has
// (in_reply_to_account_id, reblogs_count beside favourites_count).
func sniffAPI(head []byte) int {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 || (t[0] != '{' && t[0] != '[') {
		return 0
	}
	if bytes.Contains(head, []byte(`"orderedItems"`)) {
		return 0
	}
	if bytes.Contains(head, []byte(`"in_reply_to_account_id"`)) ||
		bytes.Contains(head, []byte(`"reblogs_count"`)) && bytes.Contains(head, []byte(`"favourites_count"`)) {
		return 90
	}
	// Search results list accounts first: forty of them can fill the
	// head before the first status.
	if t[0] == '{' && bytes.HasPrefix(bytes.TrimLeft(t[1:], " \t\r\n"), []byte(`"accounts"`)) &&
		bytes.Contains(head, []byte(`"acct"`)) && bytes.Contains(head, []byte(`"statuses_count"`)) {
		return 70
	}
	return 0
}

type account struct {
	ID          jv.ID  `json:"id"`
	Username    string `json:"username"`
	Acct        string `json:"acct"`
	DisplayName string `json:"display_name"`
	URL         string `json:"url"`
}

type mention struct {
	ID       jv.ID  `json:"id"`
	Username string `json:"username"`
	Acct     string `json:"acct"`
	URL      string `json:"url"`
}

type status struct {
	ID                 jv.ID    `json:"id"`
	CreatedAt          string   `json:"created_at"`
	InReplyToID        jv.ID    `json:"in_reply_to_id"`
	InReplyToAccountID jv.ID    `json:"in_reply_to_account_id"`
	Account            *account `json:"account"`
	Content            string   `json:"content"`
	SpoilerText        string   `json:"spoiler_text"`
	URL                string   `json:"url"`
	URI                string   `json:"uri"`
	Reblog             *struct {
		ID jv.ID `json:"id"`
	} `json:"reblog"`
	Quote *struct {
		QuotedStatus *struct {
			ID jv.ID `json:"id"`
		} `json:"quoted_status"`
	} `json:"quote"`
	ReblogsCount    jv.Count  `json:"reblogs_count"`
	FavouritesCount jv.Count  `json:"favourites_count"`
	Mentions        []mention `json:"mentions"`
	Tags            []struct {
		Name string `json:"name"`
	} `json:"tags"`
}

type reader struct {
	f    *rawio.File
	sink rawio.Sink
}

func (r *reader) reject(line int, field string, err error) {
	r.sink.Reject(&rawio.ParseError{File: r.f.Name, Line: line, Field: field, Err: err})
}

func readAPI(f *rawio.File, sink rawio.Sink) error {
	r := &reader{f: f, sink: sink}
	return jv.Each(f, func(b []byte, line int, bad error) {
		if bad != nil {
			r.reject(line, "", bad)
			return
		}
		r.value(b, line)
	})
}

// value reads one top-level value: an array of statuses (a JSON line
// holding a page), a response object holding arrays of statuses, or a
// status.
func (r *reader) value(b []byte, line int) {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		i := 0
		jv.Elements(b, func(el []byte, off int) {
			r.status(el, jv.LineOf(b, off, line), fmt.Sprintf("[%d].", i))
			i++
		})
		return
	}
	type member struct {
		key string
		val []byte
		off int
	}
	var arrays []member
	end, err := jv.Members(b, func(key string, val []byte, off int) bool {
		if wrappers[key] && len(val) > 0 && val[0] == '[' {
			arrays = append(arrays, member{key, val, off})
		}
		return true
	})
	if len(arrays) == 0 {
		r.status(b, line, "")
		return
	}
	for _, m := range arrays {
		i := 0
		jv.Elements(m.val, func(el []byte, off int) {
			r.status(el, jv.LineOf(b, m.off+off, line), fmt.Sprintf("%s[%d].", m.key, i))
			i++
		})
	}
	if err != nil {
		// The response breaks off after its arrays: what follows cannot be
		// split into statuses and is one record.
		r.reject(jv.LineOf(b, end, line), "", err)
	}
}

// status reads one Status object; prefix names it in rejections.
func (r *reader) status(b []byte, line int, prefix string) {
	if err := rawio.CheckJSONDepth(b, r.f.Limits.WithDefaults().Depth); err != nil {
		r.reject(line, "", err)
		return
	}
	var s status
	if err := json.Unmarshal(b, &s); err != nil {
		r.sink.Reject(jv.DecodeError(r.f.Name, b, line, prefix, err))
		return
	}
	m, field, err := apiMessage(&s, line)
	if err != nil {
		r.reject(line, prefix+field, err)
		return
	}
	m.IDField, m.CreatedField = prefix+"id", prefix+"created_at"
	r.sink.Message(m)
}

// apiMessage maps a Status read at line; on error it names the field.
func apiMessage(s *status, line int) (*rawio.RawMessage, string, error) {
	if s.ID == "" {
		return nil, "id", rawio.ErrMissing
	}
	created, err := parseTime(s.CreatedAt)
	if err != nil {
		return nil, "created_at", err
	}
	text, links := htmltext.Text(s.Content)
	if cw := strings.TrimSpace(s.SpoilerText); cw != "" {
		text = strings.TrimSpace(cw + "\n\n" + text)
	}
	m := &rawio.RawMessage{
		Platform:  corpus.Mastodon,
		ID:        string(s.ID),
		Kind:      corpus.Post,
		Created:   created,
		Text:      text,
		Links:     links,
		Reactions: int(s.FavouritesCount),
		Shares:    int(s.ReblogsCount),
		Line:      line,
	}
	if a := s.Account; a != nil {
		m.Author = rawio.Person{ID: string(a.ID), Handle: address(a.Acct, a.Username, a.URL), Name: strings.TrimSpace(a.DisplayName)}
	}
	for _, t := range s.Tags {
		if n := strings.TrimPrefix(strings.TrimSpace(t.Name), "#"); n != "" {
			m.Hashtags = append(m.Hashtags, n)
		}
	}
	for _, mn := range s.Mentions {
		p := rawio.Person{ID: string(mn.ID), Handle: address(mn.Acct, mn.Username, mn.URL)}
		if !p.IsZero() {
			m.Mentions = append(m.Mentions, p)
		}
	}
	switch {
	case s.Reblog != nil && s.Reblog.ID != "":
		m.Kind, m.RefID = corpus.Retweet, string(s.Reblog.ID)
	case s.InReplyToID != "":
		m.Kind, m.ParentID = corpus.Reply, string(s.InReplyToID)
		m.ReplyTo = replyTo(s, m)
	case s.Quote != nil && s.Quote.QuotedStatus != nil && s.Quote.QuotedStatus.ID != "":
		m.Kind, m.RefID = corpus.Quote, string(s.Quote.QuotedStatus.ID)
	}
	return m, "", nil
}

// replyTo is the account a reply answers: the author, for a reply to
// oneself; the mention of that account id (Mastodon clients mention the
// account answered), with its address; or, failing both, the account id
// alone.
func replyTo(s *status, m *rawio.RawMessage) rawio.Person {
	id := string(s.InReplyToAccountID)
	if id == "" {
		return rawio.Person{}
	}
	if s.Account != nil && string(s.Account.ID) == id {
		return m.Author
	}
	for _, p := range m.Mentions {
		if p.ID == id {
			return p
		}
	}
	return rawio.Person{ID: id}
}

// address returns an account's full address "user@instance": acct as
// the API writes it when it holds the instance (remote accounts), else
// the user (acct or username) with the host of the account's profile URL
// (local accounts, whose acct is the bare user). Without a URL the bare
// user is returned.
func address(acct, username, profile string) string {
	a := strings.TrimPrefix(strings.TrimSpace(acct), "@")
	if a == "" {
		a = strings.TrimPrefix(strings.TrimSpace(username), "@")
	}
	if a == "" || strings.Contains(a, "@") {
		return a
	}
	if h := host(profile); h != "" {
		return a + "@" + h
	}
	return a
}

// host returns the lower-cased host of an absolute URL, or "".
func host(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" {
		return ""
	}
	return strings.ToLower(p.Hostname())
}

// parseTime reads an ISO 8601 time as Mastodon and ActivityPub write it
// (2017-04-06T16:55:02.132Z), into UTC.
func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, rawio.ErrMissing
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %s", rawio.ErrBadTime, rawio.Quote(s))
	}
	return t.UTC(), nil
}
