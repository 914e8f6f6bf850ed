package simulate

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// marshal encodes v as compact JSON without HTML escaping.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

type twRef struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

type twMetrics struct {
	RetweetCount int `json:"retweet_count"`
	ReplyCount   int `json:"reply_count"`
	LikeCount    int `json:"like_count"`
	QuoteCount   int `json:"quote_count"`
}

type twHashtag struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Tag   string `json:"tag"`
}

type twMention struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Username string `json:"username"`
	ID       string `json:"id"`
}

type twURL struct {
	Start       int    `json:"start"`
	End         int    `json:"end"`
	URL         string `json:"url"`
	ExpandedURL string `json:"expanded_url"`
	DisplayURL  string `json:"display_url"`
}

type twEntities struct {
	Hashtags []twHashtag `json:"hashtags,omitempty"`
	Mentions []twMention `json:"mentions,omitempty"`
	URLs     []twURL     `json:"urls,omitempty"`
}

type twTweet struct {
	ID               string      `json:"id"`
	Text             string      `json:"text"`
	AuthorID         string      `json:"author_id"`
	ConversationID   string      `json:"conversation_id"`
	CreatedAt        string      `json:"created_at"`
	InReplyToUserID  string      `json:"in_reply_to_user_id,omitempty"`
	ReferencedTweets []twRef     `json:"referenced_tweets,omitempty"`
	PublicMetrics    twMetrics   `json:"public_metrics"`
	Entities         *twEntities `json:"entities,omitempty"`
	Lang             string      `json:"lang"`
	Source           string      `json:"source"`
	ReplySettings    string      `json:"reply_settings"`
	Sensitive        bool        `json:"possibly_sensitive"`
}

type twUser struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Username string `json:"username"`
}

type twPage struct {
	Data     []twTweet `json:"data"`
	Includes struct {
		Users []twUser `json:"users"`
	} `json:"includes"`
	Meta struct {
		NewestID    string `json:"newest_id"`
		OldestID    string `json:"oldest_id"`
		ResultCount int    `json:"result_count"`
		NextToken   string `json:"next_token,omitempty"`
	} `json:"meta"`
	Twarc struct {
		URL         string `json:"url"`
		Version     string `json:"version"`
		RetrievedAt string `json:"retrieved_at"`
	} `json:"__twarc"`
}

// twarcPager accumulates tweets into response pages of up to 100.
type twarcPager struct {
	out       *outFile
	query     string
	page      []twTweet
	users     []twUser
	seen      map[string]bool
	retrieved time.Time
	r         rng
	pages     int
}

const twarcFields = "expansions=author_id%2Cin_reply_to_user_id%2Creferenced_tweets.id%2Centities.mentions.username" +
	"&tweet.fields=author_id%2Cconversation_id%2Ccreated_at%2Centities%2Cid%2Cin_reply_to_user_id%2Clang" +
	"%2Cpublic_metrics%2Ctext%2Creferenced_tweets%2Creply_settings%2Csource&user.fields=id%2Cname%2Cusername" +
	"&max_results=100"

func newPager(root, rel string, r rng, retrieved time.Time) (*twarcPager, error) {
	o, err := createOut(root, rel, true)
	if err != nil {
		return nil, err
	}
	return &twarcPager{out: o, seen: map[string]bool{}, r: r, retrieved: retrieved}, nil
}

func (p *twarcPager) add(t twTweet, users ...*Person) error {
	if len(p.page) == 0 && p.query == "" {
		p.query = t.ConversationID
	}
	p.page = append(p.page, t)
	for _, u := range users {
		if !p.seen[u.UserID] {
			p.seen[u.UserID] = true
			p.users = append(p.users, twUser{ID: u.UserID, Name: u.Name, Username: u.Handle})
		}
	}
	if len(p.page) == 100 {
		return p.flush(true)
	}
	return nil
}

func (p *twarcPager) flush(more bool) error {
	if len(p.page) == 0 {
		return nil
	}
	var pg twPage
	pg.Data = p.page
	pg.Includes.Users = p.users
	pg.Meta.ResultCount = len(p.page)
	pg.Meta.NewestID, pg.Meta.OldestID = p.page[0].ID, p.page[0].ID
	for _, t := range p.page {
		if len(t.ID) > len(pg.Meta.NewestID) || (len(t.ID) == len(pg.Meta.NewestID) && t.ID > pg.Meta.NewestID) {
			pg.Meta.NewestID = t.ID
		}
		if len(t.ID) < len(pg.Meta.OldestID) || (len(t.ID) == len(pg.Meta.OldestID) && t.ID < pg.Meta.OldestID) {
			pg.Meta.OldestID = t.ID
		}
	}
	if more {
		b := make([]byte, 40)
		for i := range b {
			b[i] = "abcdefghijklmnopqrstuvwxyz0123456789"[p.r.IntN(36)]
		}
		pg.Meta.NextToken = string(b)
	}
	q := "#DocTocToc -is:retweet"
	if p.query != "" && p.out.rel != "" && strings.Contains(p.out.rel, "conversation") {
		q = "conversation_id:" + p.query
	} else if strings.Contains(p.out.rel, "search") {
		q = "#DocTocToc"
	}
	pg.Twarc.URL = "https://api.twitter.com/2/tweets/search/all?" + twarcFields + "&query=" + url.QueryEscape(q) +
		"&start_time=2018-05-01T00%3A00%3A00%2B00%3A00&end_time=2019-05-15T16%3A00%3A00%2B00%3A00"
	pg.Twarc.Version = "2.10.4"
	pg.Twarc.RetrievedAt = p.retrieved.Add(time.Duration(p.pages) * 3100 * time.Millisecond).UTC().Format("2006-01-02T15:04:05+00:00")
	line, err := marshal(pg)
	if err != nil {
		return err
	}
	p.pages++
	p.page, p.users, p.seen, p.query = nil, nil, map[string]bool{}, ""
	_, err = p.out.Write(append(line, '\n'))
	return err
}

func (p *twarcPager) close() (string, error) {
	if err := p.flush(false); err != nil {
		return "", err
	}
	return p.out.Close()
}

// twarcWriter writes the hashtag search (questions, retweets, quotes) and
// the conversations (replies) of the #DocTocToc community.
type twarcWriter struct {
	search, conv *twarcPager
	byHandle     map[string]*Person
	r            rng
}

func newTwarc(root, dir string, p *Params, people []*Person) (*twarcWriter, error) {
	retrieved := time.Date(2022, time.February, 14, 9, 31, 7, 0, time.UTC)
	s, err := newPager(root, dir+"/twarc2-search-doctoctoc.jsonl", newRNG(p.Seed, "twarc:search"), retrieved)
	if err != nil {
		return nil, err
	}
	c, err := newPager(root, dir+"/twarc2-conversations.jsonl", newRNG(p.Seed, "twarc:conv"), retrieved.Add(2*time.Hour))
	if err != nil {
		return nil, err
	}
	w := &twarcWriter{search: s, conv: c, byHandle: map[string]*Person{}, r: newRNG(p.Seed, "twarc")}
	for _, pe := range people {
		w.byHandle[pe.Handle] = pe
	}
	return w, nil
}

var twSources = []string{"Twitter for iPhone", "Twitter for Android", "Twitter Web Client", "Twitter Web App", "TweetDeck", "Twitter for iPad"}

// entities finds hashtags, mentions and links in a text, with code point
// offsets as the API gives them.
func (w *twarcWriter) entities(text string) (*twEntities, []*Person) {
	var e twEntities
	var mentioned []*Person
	runeAt := func(byteOff int) int { return utf8.RuneCountInString(text[:byteOff]) }
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case (c == '#' || c == '@') && (i == 0 || text[i-1] == ' ' || text[i-1] == '\n' || text[i-1] == '('):
			j := i + 1
			for j < len(text) {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !(r == '_' || isWordRune(r)) {
					break
				}
				j += n
			}
			if j > i+1 {
				word := text[i+1 : j]
				if c == '#' {
					e.Hashtags = append(e.Hashtags, twHashtag{Start: runeAt(i), End: runeAt(j), Tag: word})
				} else if pe := w.byHandle[word]; pe != nil {
					e.Mentions = append(e.Mentions, twMention{Start: runeAt(i), End: runeAt(j), Username: word, ID: pe.UserID})
					mentioned = append(mentioned, pe)
				}
			}
			i = j
		case strings.HasPrefix(text[i:], "https://t.co/"):
			j := i
			for j < len(text) && text[j] != ' ' && text[j] != '\n' {
				j++
			}
			u := text[i:j]
			e.URLs = append(e.URLs, twURL{Start: runeAt(i), End: runeAt(j), URL: u,
				ExpandedURL: "https://twitter.com/i/web/status/" + strings.TrimPrefix(u, "https://t.co/"),
				DisplayURL:  "twitter.com/i/web/status/…"})
			i = j
		default:
			i++
		}
	}
	if len(e.Hashtags)+len(e.Mentions)+len(e.URLs) == 0 {
		return nil, nil
	}
	return &e, mentioned
}

func isWordRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 && r != '…' && !isEmoji(r)
}

func isEmoji(r rune) bool {
	return r >= 0x2000 && r < 0x2c00 || r >= 0x1F000 || r == 0xFE0F || r == 0x200D
}

func twTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

func (w *twarcWriter) tweet(m *Message, conv string) (twTweet, []*Person) {
	t := twTweet{ID: m.ID, Text: m.Text, AuthorID: m.Author.UserID, ConversationID: conv, CreatedAt: twTime(m.Created),
		Lang: "fr", Source: twSources[w.r.IntN(len(twSources))], ReplySettings: "everyone"}
	t.PublicMetrics.LikeCount = m.Likes
	ents, people := w.entities(m.Text)
	t.Entities = ents
	return t, append([]*Person{m.Author}, people...)
}

func (w *twarcWriter) thread(th *Thread) error {
	s := &th.Start
	q, people := w.tweet(s, s.ID)
	for _, a := range th.Answers {
		if a.parent < 0 {
			q.PublicMetrics.ReplyCount++
		}
	}
	for _, sh := range th.Shares {
		if sh.RefID == s.ID && sh.Text[:3] == "RT " {
			q.PublicMetrics.RetweetCount++
		} else {
			q.PublicMetrics.QuoteCount++
		}
	}
	if err := w.search.add(q, people...); err != nil {
		return err
	}
	for i := range th.Answers {
		a := &th.Answers[i]
		t, ppl := w.tweet(a, s.ID)
		parent := s
		if a.parent >= 0 {
			parent = &th.Answers[a.parent]
		}
		t.InReplyToUserID = parent.Author.UserID
		t.ReferencedTweets = []twRef{{Type: "replied_to", ID: parent.ID}}
		for j := range th.Answers {
			if th.Answers[j].parent == i {
				t.PublicMetrics.ReplyCount++
			}
		}
		if err := w.conv.add(t, ppl...); err != nil {
			return err
		}
	}
	for i := range th.Shares {
		sh := &th.Shares[i]
		t, ppl := w.tweet(sh, sh.ID)
		if strings.HasPrefix(sh.Text, "RT @") {
			t.ReferencedTweets = []twRef{{Type: "retweeted", ID: s.ID}}
			t.PublicMetrics = twMetrics{RetweetCount: q.PublicMetrics.RetweetCount}
		} else {
			t.ReferencedTweets = []twRef{{Type: "quoted", ID: s.ID}}
		}
		if err := w.search.add(t, ppl...); err != nil {
			return err
		}
	}
	return nil
}

func (w *twarcWriter) close() ([]string, error) {
	a, err := w.search.close()
	if err != nil {
		return nil, err
	}
	b, err := w.conv.close()
	return []string{a, b}, err
}
