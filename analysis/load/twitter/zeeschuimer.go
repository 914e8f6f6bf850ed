package twitter

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// zsItem is a Zeeschuimer NDJSON item: an envelope around the platform's
// own object.
type zsItem struct {
	SourcePlatform string          `json:"source_platform"`
	Data           json.RawMessage `json:"data"`
}

// gqlTweet is a tweet of X's GraphQL API as Zeeschuimer captures it, or
// an older "adaptive" item (legacy plus user).
type gqlTweet struct {
	RestID string    `json:"rest_id"`
	Tweet  *gqlTweet `json:"tweet"` // TweetWithVisibilityResults
	Core   struct {
		UserResults struct {
			Result *gqlUser `json:"result"`
		} `json:"user_results"`
	} `json:"core"`
	Legacy             *gqlLegacy `json:"legacy"`
	User               *zsUser    `json:"user"` // adaptive items and twitter-comments
	QuotedStatusResult *struct {
		Result *gqlRef `json:"result"`
	} `json:"quoted_status_result"`
	NoteTweet *struct {
		NoteTweetResults struct {
			Result *struct {
				Text string `json:"text"`
			} `json:"result"`
		} `json:"note_tweet_results"`
	} `json:"note_tweet"` // the whole text of a long tweet
}

type gqlUser struct {
	RestID string `json:"rest_id"`
	Legacy struct {
		ScreenName string `json:"screen_name"`
		Name       string `json:"name"`
	} `json:"legacy"`
	Core struct { // where X moved them in 2025
		ScreenName string `json:"screen_name"`
		Name       string `json:"name"`
	} `json:"core"`
}

// zsUser is a v1.1 user, or the user Zeeschuimer's twitter-comments
// module writes (unique_id, nickname).
type zsUser struct {
	IDStr      string `json:"id_str"`
	ID         flexID `json:"id"`
	ScreenName string `json:"screen_name"`
	Name       string `json:"name"`
	UniqueID   string `json:"unique_id"`
	Nickname   string `json:"nickname"`
}

type gqlLegacy struct {
	IDStr                 string     `json:"id_str"`
	FullText              string     `json:"full_text"`
	CreatedAt             string     `json:"created_at"`
	ConversationIDStr     string     `json:"conversation_id_str"`
	UserIDStr             string     `json:"user_id_str"`
	InReplyToScreenName   string     `json:"in_reply_to_screen_name"`
	InReplyToStatusIDStr  string     `json:"in_reply_to_status_id_str"`
	InReplyToUserIDStr    string     `json:"in_reply_to_user_id_str"`
	QuotedStatusIDStr     string     `json:"quoted_status_id_str"`
	RetweetedStatusIDStr  string     `json:"retweeted_status_id_str"`
	FavoriteCount         count      `json:"favorite_count"`
	RetweetCount          count      `json:"retweet_count"`
	Entities              v1Entities `json:"entities"`
	RetweetedStatusResult *struct {
		Result *gqlRef `json:"result"`
	} `json:"retweeted_status_result"`
}

// gqlRef is a referenced tweet, of which only the id is read.
type gqlRef struct {
	RestID string `json:"rest_id"`
	Tweet  *struct {
		RestID string `json:"rest_id"`
	} `json:"tweet"`
	Legacy *struct {
		IDStr string `json:"id_str"`
	} `json:"legacy"`
}

func (r *gqlRef) id() string {
	switch {
	case r == nil:
		return ""
	case r.RestID != "":
		return r.RestID
	case r.Tweet != nil && r.Tweet.RestID != "":
		return r.Tweet.RestID
	case r.Legacy != nil:
		return r.Legacy.IDStr
	}
	return ""
}

// isTwitterPlatform reports whether a Zeeschuimer source_platform is
// X/Twitter's: the module ids twitter.com, x.com and twitter-comments.
func isTwitterPlatform(p string) bool {
	p = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(p)), "www.")
	return p == "twitter.com" || p == "x.com" || p == "twitter-comments"
}

// sniffZeeschuimerX is sure of a Zeeschuimer file whose first item is of
// X/Twitter; it scores just above zeeschuimer-facebook, which is sure of
// any head showing a facebook.com item, so that the first item decides for
// a file mixing platforms. A file whose first item is of another platform
// but which has X/Twitter items further on gets a low score.
func sniffZeeschuimerX(head []byte) int {
	s := sniffShape(head)
	if s == nil || !s.has("source_platform") {
		return 0
	}
	if isTwitterPlatform(s.str["source_platform"]) {
		return 96
	}
	for _, l := range bytes.Split(head, []byte{'\n'})[1:] {
		if t := sniffShape(l); t != nil && isTwitterPlatform(t.str["source_platform"]) {
			return 50
		}
	}
	return 0
}

func readZeeschuimerX(f *rawio.File, sink rawio.Sink) error {
	r := &reader{f, sink}
	var item struct {
		SourcePlatform string   `json:"source_platform"`
		Data           gqlTweet `json:"data"`
	}
	return r.eachRecord(func(b []byte, n int) {
		item.SourcePlatform, item.Data = "", gqlTweet{}
		err := unmarshal(b, &item)
		if err != nil {
			if _, ok := typeError(err, ""); !ok {
				r.badJSON(b, n, err)
				return
			}
			// Another platform's data, or a tweet with a value of the
			// wrong type: read the envelope alone to tell which.
			var env zsItem
			if envErr := unmarshal(b, &env); envErr != nil {
				r.undecodable(b, n, envErr, "")
				return
			}
			if !isTwitterPlatform(env.SourcePlatform) {
				r.reject(n, 0, "source_platform", ErrNotTwitter)
				return
			}
			r.undecodable(b, n, err, "")
			return
		}
		if !isTwitterPlatform(item.SourcePlatform) {
			r.reject(n, 0, "source_platform", ErrNotTwitter)
			return
		}
		t := item.Data
		m, fe := graphQLMessage(&t, n)
		if fe != nil {
			fe.field = join("data", fe.field)
			r.fail(n, fe)
			return
		}
		sink.Message(m)
	})
}

func graphQLMessage(t *gqlTweet, n int) (*rawio.RawMessage, *fieldError) {
	wrapped := t.RestID == "" && t.Legacy == nil && t.Tweet != nil
	if wrapped {
		t = t.Tweet
	}
	if t.Legacy == nil {
		return nil, &fieldError{"legacy", fmt.Errorf("%w: not a tweet", rawio.ErrMissing)}
	}
	l := t.Legacy
	id := either(t.RestID, l.IDStr)
	if id == "" {
		return nil, &fieldError{"rest_id", rawio.ErrMissing}
	}
	created, fe := parseTime("legacy.created_at", l.CreatedAt, v1Layout)
	if fe != nil {
		return nil, fe
	}
	m := &rawio.RawMessage{
		Platform:  corpus.Twitter,
		ID:        id,
		ThreadID:  l.ConversationIDStr,
		Created:   created,
		Text:      l.FullText,
		Reactions: int(l.FavoriteCount),
		Shares:    int(l.RetweetCount),
		Line:      n,
		// The export's field names, for load's rejections.
		IDField: "data.rest_id", CreatedField: "data.legacy.created_at",
	}
	switch {
	case wrapped && t.RestID == "":
		m.IDField, m.CreatedField = "data.tweet.legacy.id_str", "data.tweet.legacy.created_at"
	case wrapped:
		m.IDField, m.CreatedField = "data.tweet.rest_id", "data.tweet.legacy.created_at"
	case t.RestID == "":
		m.IDField = "data.legacy.id_str"
	}
	if nt := t.NoteTweet; nt != nil && nt.NoteTweetResults.Result != nil && nt.NoteTweetResults.Result.Text != "" {
		m.Text = nt.NoteTweetResults.Result.Text
	}
	m.Author.ID = l.UserIDStr
	if u := t.Core.UserResults.Result; u != nil {
		m.Author.ID = either(m.Author.ID, u.RestID)
		m.Author.Handle = either(u.Legacy.ScreenName, u.Core.ScreenName)
		m.Author.Name = either(u.Legacy.Name, u.Core.Name)
	} else if u := t.User; u != nil {
		m.Author.ID = either(m.Author.ID, either(u.IDStr, string(u.ID)))
		m.Author.Handle = either(u.ScreenName, u.UniqueID)
		m.Author.Name = either(u.Name, u.Nickname)
	}
	l.Entities.addTo(m)
	rf := refs{
		repliedTo: l.InReplyToStatusIDStr,
		retweeted: l.RetweetedStatusIDStr,
		quoted:    l.QuotedStatusIDStr,
	}
	if rs := l.RetweetedStatusResult; rs != nil && rf.retweeted == "" {
		rf.retweeted = rs.Result.id()
	}
	if qs := t.QuotedStatusResult; qs != nil && rf.quoted == "" {
		rf.quoted = qs.Result.id()
	}
	if l.InReplyToUserIDStr != "" || l.InReplyToScreenName != "" {
		rf.replyTo = rawio.Person{ID: l.InReplyToUserIDStr, Handle: l.InReplyToScreenName}
	}
	classify(m, rf)
	return m, nil
}
