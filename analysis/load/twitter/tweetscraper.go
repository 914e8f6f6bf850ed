package twitter

import (
	"strconv"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// tsTweet is a TweetScraper item.
type tsTweet struct {
	UsernameTweet string `json:"usernameTweet"`
	ID            flexID `json:"ID"`
	Text          string `json:"text"`
	NbrRetweet    count  `json:"nbr_retweet"`
	NbrFavorite   count  `json:"nbr_favorite"`
	Datetime      string `json:"datetime"`
	IsReply       bool   `json:"is_reply"`
	IsRetweet     bool   `json:"is_retweet"`
	UserID        flexID `json:"user_id"`
}

func sniffTweetScraper(head []byte) int {
	s := sniffShape(head)
	if s != nil && s.has("usernameTweet") && s.any("ID", "nbr_retweet", "nbr_favorite", "datetime") {
		return 95
	}
	return 0
}

func readTweetScraper(f *rawio.File, sink rawio.Sink) error {
	r := &reader{f, sink}
	var t tsTweet
	return r.eachRecord(func(b []byte, n int) {
		t = tsTweet{}
		if err := unmarshal(b, &t); err != nil {
			r.undecodable(b, n, err, "")
			return
		}
		m, fe := scraperMessage(&t, n)
		if fe != nil {
			r.fail(n, fe)
			return
		}
		sink.Message(m)
	})
}

// Layouts of TweetScraper's datetime.
var scraperLayouts = []string{time.DateTime, "2006-01-02T15:04:05"}

func scraperMessage(t *tsTweet, n int) (*rawio.RawMessage, *fieldError) {
	if t.ID == "" {
		return nil, &fieldError{"ID", rawio.ErrMissing}
	}
	wall, fe := parseTime("datetime", t.Datetime, scraperLayouts...)
	if fe != nil {
		return nil, fe
	}
	m := &rawio.RawMessage{
		Platform:  corpus.Twitter,
		ID:        string(t.ID),
		Kind:      corpus.Tweet,
		Author:    rawio.Person{ID: string(t.UserID), Handle: t.UsernameTweet},
		Created:   scraperTime(wall, string(t.ID)),
		Text:      t.Text,
		Reactions: int(t.NbrFavorite),
		Shares:    int(t.NbrRetweet),
		Hashtags:  rawio.TextEntities(t.Text, '#'),
		Line:      n,
		// The export's field names, for load's rejections.
		IDField: "ID", CreatedField: "datetime",
	}
	for _, h := range rawio.TextEntities(t.Text, '@') {
		m.Mentions = append(m.Mentions, rawio.Person{Handle: h})
	}
	if t.IsReply {
		m.Kind = corpus.Reply
		if h := leadingHandle(t.Text); h != "" {
			m.ReplyTo = rawio.Person{Handle: h}
		}
	}
	return m, nil
}

// twitterEpoch is the origin of snowflake ids, in Unix milliseconds.
const twitterEpoch = 1288834974657

// snowflakeTime returns the instant a tweet id encodes, for ids given
// since the snowflake scheme began (November 2010).
func snowflakeTime(id string) (time.Time, bool) {
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil || n < 1<<40 {
		return time.Time{}, false
	}
	return time.UnixMilli(int64(n>>22) + twitterEpoch).UTC(), true
}

// scraperTime turns TweetScraper's wall-clock time (parsed as UTC) into
// UTC: when the id's snowflake instant equals it shifted by a whole
// number of quarter hours (at most 14 hours), the shift is the scraper's
// time zone offset and is removed; otherwise the time is taken as UTC.
func scraperTime(wall time.Time, id string) time.Time {
	snow, ok := snowflakeTime(id)
	if !ok {
		return wall
	}
	diff := wall.Sub(snow.Truncate(time.Second))
	off := diff.Round(15 * time.Minute)
	if off.Abs() > 14*time.Hour || (diff-off).Abs() > 2*time.Second {
		return wall
	}
	return wall.Add(-off)
}

// leadingHandle returns the account a reply's text starts with: "@name",
// or "@ name" as TweetScraper writes it.
func leadingHandle(text string) string {
	t := strings.TrimLeft(text, " ")
	if !strings.HasPrefix(t, "@") {
		return ""
	}
	t = strings.TrimLeft(t[1:], " ")
	end := 0
	for end < len(t) && rawio.IsHandleByte(t[end]) {
		end++
	}
	return t[:end]
}
