package twitter

import (
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// v1Tweet is an API v1.1 tweet object; X archives write the same fields
// with numbers as strings.
type v1Tweet struct {
	IDStr         string `json:"id_str"`
	ID            flexID `json:"id"`
	CreatedAt     string `json:"created_at"`
	Text          string `json:"text"`
	FullText      string `json:"full_text"`
	ExtendedTweet *struct {
		FullText string      `json:"full_text"`
		Entities *v1Entities `json:"entities"`
	} `json:"extended_tweet"`
	User                 *v1User    `json:"user"`
	InReplyToStatusIDStr string     `json:"in_reply_to_status_id_str"`
	InReplyToStatusID    flexID     `json:"in_reply_to_status_id"`
	InReplyToUserIDStr   string     `json:"in_reply_to_user_id_str"`
	InReplyToUserID      flexID     `json:"in_reply_to_user_id"`
	InReplyToScreenName  string     `json:"in_reply_to_screen_name"`
	RetweetedStatus      *v1Ref     `json:"retweeted_status"`
	QuotedStatus         *v1Ref     `json:"quoted_status"`
	QuotedStatusIDStr    string     `json:"quoted_status_id_str"`
	FavoriteCount        count      `json:"favorite_count"`
	RetweetCount         count      `json:"retweet_count"`
	Entities             v1Entities `json:"entities"`
}

type v1Ref struct {
	IDStr string `json:"id_str"`
	ID    flexID `json:"id"`
}

func (r *v1Ref) id() string {
	if r == nil {
		return ""
	}
	return either(r.IDStr, string(r.ID))
}

type v1User struct {
	IDStr      string `json:"id_str"`
	ID         flexID `json:"id"`
	ScreenName string `json:"screen_name"`
	Name       string `json:"name"`
}

type v1Entities struct {
	Hashtags []struct {
		Text string `json:"text"`
	} `json:"hashtags"`
	UserMentions []struct {
		IDStr      string `json:"id_str"`
		ID         flexID `json:"id"`
		ScreenName string `json:"screen_name"`
	} `json:"user_mentions"`
	URLs []struct {
		URL         string `json:"url"`
		ExpandedURL string `json:"expanded_url"`
	} `json:"urls"`
}

// either returns a, or b when a is empty.
func either(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// entities adds the hashtags, mentions and links of e to m.
func (e *v1Entities) addTo(m *rawio.RawMessage) {
	for _, h := range e.Hashtags {
		m.Hashtags = append(m.Hashtags, h.Text)
	}
	for _, u := range e.UserMentions {
		m.Mentions = append(m.Mentions, rawio.Person{ID: either(u.IDStr, string(u.ID)), Handle: u.ScreenName})
	}
	for _, u := range e.URLs {
		m.Links = append(m.Links, link(u.ExpandedURL, u.URL))
	}
}

// v1Message maps a v1.1 tweet (or an archive's) read at line n. The author
// is the tweet's user, or owner when the tweet has none (archives).
func v1Message(t *v1Tweet, n int, owner *rawio.Person) (*rawio.RawMessage, *fieldError) {
	id := either(t.IDStr, string(t.ID))
	if id == "" {
		return nil, &fieldError{"id_str", rawio.ErrMissing}
	}
	created, fe := parseTime("created_at", t.CreatedAt, v1Layout)
	if fe != nil {
		return nil, fe
	}
	m := &rawio.RawMessage{
		Platform:     corpus.Twitter,
		ID:           id,
		Created:      created,
		Text:         either(t.FullText, t.Text),
		Reactions:    int(t.FavoriteCount),
		Shares:       int(t.RetweetCount),
		Line:         n,
		IDField:      "id_str",
		CreatedField: "created_at",
	}
	if t.IDStr == "" {
		m.IDField = "id"
	}
	switch {
	case t.User != nil:
		m.Author = rawio.Person{ID: either(t.User.IDStr, string(t.User.ID)), Handle: t.User.ScreenName, Name: t.User.Name}
	case owner != nil:
		m.Author = *owner
	}
	ent := &t.Entities
	if x := t.ExtendedTweet; x != nil && x.FullText != "" {
		m.Text = x.FullText
		if x.Entities != nil {
			ent = x.Entities
		}
	}
	ent.addTo(m)
	rf := refs{
		repliedTo: either(t.InReplyToStatusIDStr, string(t.InReplyToStatusID)),
		retweeted: t.RetweetedStatus.id(),
		quoted:    either(t.QuotedStatusIDStr, t.QuotedStatus.id()),
	}
	if uid := either(t.InReplyToUserIDStr, string(t.InReplyToUserID)); uid != "" || t.InReplyToScreenName != "" {
		rf.replyTo = rawio.Person{ID: uid, Handle: t.InReplyToScreenName}
	}
	classify(m, rf)
	return m, nil
}

func readV1(f *rawio.File, sink rawio.Sink) error {
	r := &reader{f, sink}
	var t v1Tweet
	return r.eachRecord(func(b []byte, n int) {
		t = v1Tweet{}
		if err := unmarshal(b, &t); err != nil {
			r.undecodable(b, n, err, "")
			return
		}
		m, fe := v1Message(&t, n, nil)
		if fe != nil {
			r.fail(n, fe)
			return
		}
		sink.Message(m)
	})
}

func sniffV1(head []byte) int {
	s := sniffShape(head)
	if s == nil || s.any("source_platform", "legacy", "rest_id", "usernameTweet", "data", "__twarc") {
		return 0
	}
	if s.has("id_str", "created_at", "user") && s.any("text", "full_text") {
		return 95
	}
	return 0
}

// isArchiveRetweet reports whether an archive tweet's text is that of a
// retweet, which archives mark by nothing else.
func isArchiveRetweet(text string) bool { return strings.HasPrefix(text, "RT @") }
