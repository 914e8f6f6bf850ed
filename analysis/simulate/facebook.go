package simulate

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// threadWriter writes the threads of one community in one export format.
type threadWriter interface {
	thread(th *Thread) error
	// close finishes the files and returns their paths relative to the
	// output folder.
	close() ([]string, error)
}

const (
	fbTime  = "2006-01-02T15:04:05-0700"
	sqlTime = "2006-01-02 15:04:05"
)

func fbUTC(t time.Time) string { return t.UTC().Format(fbTime) }

// ---- Facepager (tu-sais-que) ----

type facepagerWriter struct {
	out   *outFile
	w     *csv.Writer
	gid   string
	row   int
	query time.Time
	posts int
}

var facepagerHeader = []string{"level", "id", "parent_id", "object_id", "object_type", "object_key", "query_status",
	"query_time", "query_type", "message", "created_time", "from.name", "from.id", "like_count", "comment_count"}

func newFacepager(root, rel string, g Group, p *Params) (*facepagerWriter, error) {
	o, err := createOut(root, rel, false)
	if err != nil {
		return nil, err
	}
	w := csv.NewWriter(o)
	w.Comma = ';'
	fw := &facepagerWriter{out: o, w: w, gid: groupNumber(g.ID), row: 1, query: p.Observed.Add(7 * time.Minute)}
	w.Write(facepagerHeader)
	w.Write([]string{"0", "1", "None", fw.gid, "seed", "", "", "None", "None", "", "", "", "", "", ""})
	return fw, w.Error()
}

func (f *facepagerWriter) queryTime() string {
	// Facepager writes the local time of the fetch with microseconds.
	return f.query.In(corpus.Paris).Format("2006-01-02 15:04:05.000000")
}

func (f *facepagerWriter) thread(th *Thread) error {
	// One feed page fetch every 25 posts.
	if f.posts%25 == 0 {
		f.query = f.query.Add(time.Duration(900+f.posts%7*131) * time.Millisecond)
	}
	f.posts++
	f.row++
	postRow := f.row
	s := &th.Start
	f.w.Write([]string{"1", strconv.Itoa(postRow), "1", f.gid + "_" + s.ID, "data", "data.*", "fetched (200)",
		f.queryTime(), "Facebook:/<group-id>/feed", s.Text, fbUTC(s.Created), s.Author.Name, s.Author.FBID,
		strconv.Itoa(s.Likes), strconv.Itoa(len(th.Answers))})
	rows := make([]int, len(th.Answers))
	for i := range th.Answers {
		a := &th.Answers[i]
		f.row++
		rows[i] = f.row
		level, parent, qt := "2", postRow, "Facebook:/<post-id>/comments"
		if a.parent >= 0 {
			level, parent, qt = "3", rows[a.parent], "Facebook:/<comment-id>/comments"
		}
		replies := 0
		for j := range th.Answers {
			if th.Answers[j].parent == i {
				replies++
			}
		}
		f.w.Write([]string{level, strconv.Itoa(f.row), strconv.Itoa(parent), s.ID + "_" + a.ID, "data", "data.*",
			"fetched (200)", f.queryTime(), qt, a.Text, fbUTC(a.Created), a.Author.Name, a.Author.FBID,
			strconv.Itoa(a.Likes), strconv.Itoa(replies)})
	}
	return f.w.Error()
}

func (f *facepagerWriter) close() ([]string, error) {
	f.w.Flush()
	if err := f.w.Error(); err != nil {
		return nil, err
	}
	p, err := f.out.Close()
	return []string{p}, err
}

// ---- Netvizz (avs) ----

var netvizzPostHeader = []string{"type", "by", "post_id", "post_link", "post_message", "picture", "full_picture", "link",
	"link_domain", "post_published", "post_published_unix", "post_published_sql", "likes_count_fb", "comments_count_fb",
	"reactions_count_fb", "shares_count_fb", "engagement_fb", "comments_retrieved", "comments_base", "comments_replies",
	"comment_likes_count", "rea_NONE", "rea_LIKE", "rea_LOVE", "rea_WOW", "rea_HAHA", "rea_SAD", "rea_ANGRY", "rea_THANKFUL"}

var netvizzCommentHeader = []string{"position", "post_id", "post_by", "post_text", "post_published", "comment_id",
	"comment_by", "is_reply", "comment_message", "comment_published", "comment_like_count"}

type netvizzWriter struct {
	posts, comments *outFile
	gid             string
	r               rng
}

func newNetvizz(root, dir string, g Group, p *Params) (*netvizzWriter, error) {
	gid := groupNumber(g.ID)
	posts, err := createOut(root, dir+"/netvizz_group_"+gid+"_posts.tsv", false)
	if err != nil {
		return nil, err
	}
	comments, err := createOut(root, dir+"/netvizz_group_"+gid+"_comments.tsv", false)
	if err != nil {
		return nil, err
	}
	n := &netvizzWriter{posts: posts, comments: comments, gid: gid, r: newRNG(p.Seed, "netvizz:"+g.ID)}
	n.posts.WriteString(strings.Join(netvizzPostHeader, "\t") + "\n")
	n.comments.WriteString(strings.Join(netvizzCommentHeader, "\t") + "\n")
	return n, nil
}

// tsvField makes a text fit a tab-separated field: Netvizz flattened line
// breaks and tabs to spaces.
func tsvField(s string) string {
	return strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// reactions splits a reaction count into kinds.
type reactions struct{ like, love, wow, haha, sad, angry int }

func splitReactions(r rng, n int, theme string) reactions {
	var x reactions
	for range n {
		u := r.Float64()
		switch {
		case u < 0.72:
			x.like++
		case u < 0.84:
			x.love++
		case theme == ThemeSupport && u < 0.94, theme == ThemeConditions && u < 0.9:
			x.sad++
		case theme == ThemeFuture && u < 0.95, theme == ThemeConditions:
			x.angry++
		case u < 0.9:
			x.haha++
		case u < 0.95:
			x.wow++
		default:
			x.sad++
		}
	}
	return x
}

func (n *netvizzWriter) thread(th *Thread) error {
	s := &th.Start
	base, replies, clikes := 0, 0, 0
	for _, a := range th.Answers {
		if a.parent >= 0 {
			replies++
		} else {
			base++
		}
		clikes += a.Likes
	}
	rx := splitReactions(n.r, s.Likes, s.Theme)
	typ, pic, full := "status", "", ""
	if n.r.chance(0.12) {
		typ = "photo"
		pic = fmt.Sprintf("https://scontent.xx.fbcdn.net/v/t1.0-0/p130x130/%s_%d_n.jpg", s.ID, 1000+n.r.IntN(9000))
		full = strings.Replace(pic, "p130x130/", "", 1)
	}
	id := n.gid + "_" + s.ID
	// Netvizz anonymised every account with one hash, posters and
	// commenters alike, so threads can be followed but names are gone.
	fields := []string{typ, netvizzHash(s.Author.FBID), id, "https://www.facebook.com/groups/" + n.gid + "/permalink/" + s.ID + "/",
		tsvField(s.Text), pic, full, "", "", fbUTC(s.Created), strconv.FormatInt(s.Created.Unix(), 10),
		s.Created.UTC().Format(sqlTime), strconv.Itoa(rx.like), strconv.Itoa(len(th.Answers)), strconv.Itoa(s.Likes), "0",
		strconv.Itoa(s.Likes + len(th.Answers)), strconv.Itoa(len(th.Answers)), strconv.Itoa(base), strconv.Itoa(replies),
		strconv.Itoa(clikes), "0", strconv.Itoa(rx.like), strconv.Itoa(rx.love), strconv.Itoa(rx.wow), strconv.Itoa(rx.haha),
		strconv.Itoa(rx.sad), strconv.Itoa(rx.angry), "0"}
	if _, err := n.posts.WriteString(strings.Join(fields, "\t") + "\n"); err != nil {
		return err
	}
	// Positions: top-level comment k is "k_0", its replies "k_1", "k_2"...
	top := make([]int, len(th.Answers))
	sub := make([]int, len(th.Answers))
	k := 0
	for i := range th.Answers {
		a := &th.Answers[i]
		var pos, isReply string
		if a.parent < 0 {
			top[i] = k
			k++
			pos, isReply = fmt.Sprintf("%d_0", top[i]), "0"
		} else {
			sub[a.parent]++
			pos, isReply = fmt.Sprintf("%d_%d", top[a.parent], sub[a.parent]), "1"
		}
		f := []string{pos, id, netvizzHash(s.Author.FBID), tsvField(s.Text), fbUTC(s.Created), s.ID + "_" + a.ID,
			netvizzHash(a.Author.FBID), isReply, tsvField(a.Text), fbUTC(a.Created), strconv.Itoa(a.Likes)}
		if _, err := n.comments.WriteString(strings.Join(f, "\t") + "\n"); err != nil {
			return err
		}
	}
	return nil
}

func (n *netvizzWriter) close() ([]string, error) {
	a, err := n.posts.Close()
	if err != nil {
		return nil, err
	}
	b, err := n.comments.Close()
	return []string{a, b}, err
}

// ---- CrowdTangle (avs, last days) ----

var crowdtangleHeader = []string{"Group Name", "User Name", "Facebook Id", "Page Category", "Page Admin Top Country",
	"Page Description", "Page Created", "Likes at Posting", "Followers at Posting", "Post Created", "Post Created Date",
	"Post Created Time", "Type", "Total Interactions", "Likes", "Comments", "Shares", "Love", "Wow", "Haha", "Sad",
	"Angry", "Care", "Video Share Status", "Is Video Owner?", "Post Views", "Total Views",
	"Total Views For All Crossposts", "Video Length", "URL", "Message", "Link", "Final Link", "Image Text", "Link Text",
	"Description", "Sponsor Id", "Sponsor Name", "Sponsor Category",
	"Total Interactions (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x Care 1x )",
	"Overperforming Score"}

type crowdtangleWriter struct {
	out     *outFile
	w       *csv.Writer
	g       Group
	gid     string
	from    time.Time
	r       rng
	members func(time.Time) int
}

func newCrowdTangle(root, rel string, g Group, p *Params, members func(time.Time) int) (*crowdtangleWriter, error) {
	o, err := createOut(root, rel, false)
	if err != nil {
		return nil, err
	}
	o.WriteString("\uFEFF")
	w := csv.NewWriter(o)
	w.Write(crowdtangleHeader)
	return &crowdtangleWriter{out: o, w: w, g: g, gid: groupNumber(g.ID), members: members,
		from: p.Observed.Add(-time.Duration(p.CrowdTangleDays) * day), r: newRNG(p.Seed, "crowdtangle:"+g.ID)}, w.Error()
}

// thousands writes n with comma thousands separators, as an English-locale
// CrowdTangle export does.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 1000 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// ctTime writes a Paris time with its abbreviation, as CrowdTangle does.
func ctTime(t time.Time) string { return t.In(corpus.Paris).Format("2006-01-02 15:04:05 MST") }

func (c *crowdtangleWriter) thread(th *Thread) error {
	s := &th.Start
	if !s.Created.After(c.from) {
		return nil
	}
	rx := splitReactions(c.r, s.Likes, s.Theme)
	total := s.Likes + len(th.Answers)
	local := s.Created.In(corpus.Paris)
	score := fmt.Sprintf("%.2f", c.r.NormFloat64()*1.5)
	c.w.Write([]string{c.g.Name, "", c.gid, "", "", "Groupe d'entraide et d'échanges entre auxiliaires de vie sociale.",
		ctTime(c.g.Created), thousands(c.members(s.Created)), "", ctTime(s.Created), local.Format("2006-01-02"),
		local.Format("15:04:05"), "Status", thousands(total), thousands(rx.like), thousands(len(th.Answers)), "0",
		strconv.Itoa(rx.love), strconv.Itoa(rx.wow), strconv.Itoa(rx.haha), strconv.Itoa(rx.sad), strconv.Itoa(rx.angry),
		"0", "", "", "0", "0", "0", "", "https://www.facebook.com/groups/" + c.gid + "/permalink/" + s.ID + "/",
		s.Text, "", "", "", "", "", "", "", "", thousands(total), score})
	return c.w.Error()
}

func (c *crowdtangleWriter) close() ([]string, error) {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return nil, err
	}
	p, err := c.out.Close()
	return []string{p}, err
}

// ---- 4CAT generic CSV (en-colere) ----

type fourcatWriter struct {
	out *outFile
	w   *csv.Writer
}

func newFourCAT(root, rel string) (*fourcatWriter, error) {
	o, err := createOut(root, rel, false)
	if err != nil {
		return nil, err
	}
	w := csv.NewWriter(o)
	w.Write([]string{"id", "thread_id", "parent_id", "author", "body", "timestamp"})
	return &fourcatWriter{out: o, w: w}, w.Error()
}

func (f *fourcatWriter) thread(th *Thread) error {
	s := &th.Start
	f.w.Write([]string{s.ID, s.ID, "", s.Author.Name, s.Text, s.Created.UTC().Format(time.RFC3339)})
	for _, a := range th.Answers {
		f.w.Write([]string{a.ID, s.ID, a.ParentID, a.Author.Name, a.Text, a.Created.UTC().Format(time.RFC3339)})
	}
	return f.w.Error()
}

func (f *fourcatWriter) close() ([]string, error) {
	f.w.Flush()
	if err := f.w.Error(); err != nil {
		return nil, err
	}
	p, err := f.out.Close()
	return []string{p}, err
}

// ---- Zeeschuimer NDJSON (en-colere, last days) ----

type zeeschuimerWriter struct {
	root, rel string
	gid       string
	from      time.Time
	observed  time.Time
	items     []*Message // buffered: the capture lists the newest first
}

func newZeeschuimer(root, rel string, g Group, p *Params) *zeeschuimerWriter {
	return &zeeschuimerWriter{root: root, rel: rel, gid: groupNumber(g.ID), observed: p.Observed,
		from: p.Observed.Add(-time.Duration(p.ZeeschuimerDays) * day)}
}

func (z *zeeschuimerWriter) thread(th *Thread) error {
	if th.Start.Created.After(z.from) {
		m := th.Start
		z.items = append(z.items, &m)
	}
	return nil
}

// zsItem is a Zeeschuimer capture line; field order as the extension
// writes them.
type zsItem struct {
	NavIndex           string `json:"nav_index"`
	ItemID             string `json:"item_id"`
	TimestampCollected int64  `json:"timestamp_collected"`
	LastUpdated        int64  `json:"last_updated"`
	SourcePlatform     string `json:"source_platform"`
	SourcePlatformURL  string `json:"source_platform_url"`
	SourceURL          string `json:"source_url"`
	UserAgent          string `json:"user_agent"`
	Data               any    `json:"data"`
}

type obj = map[string]any

func (z *zeeschuimerWriter) close() ([]string, error) {
	o, err := createOut(z.root, z.rel, false)
	if err != nil {
		return nil, err
	}
	collected := z.observed.Add(12 * time.Minute)
	for i := len(z.items) - 1; i >= 0; i-- {
		m := z.items[i]
		n := len(z.items) - 1 - i
		url := "https://www.facebook.com/groups/" + z.gid + "/permalink/" + m.ID + "/"
		data := obj{
			"__typename": "Story",
			"id":         fmt.Sprintf("UzpfSTEwMDA6%s", m.ID),
			"post_id":    m.ID,
			"comet_sections": obj{
				"content": obj{"story": obj{
					"post_id": m.ID,
					"wwwURL":  url,
					"message": obj{"text": m.Text},
					"actors": []obj{{"__typename": "User", "id": m.Author.FBID, "name": m.Author.Name,
						"url": "https://www.facebook.com/groups/" + z.gid + "/user/" + m.Author.FBID + "/"}},
					"attachments": []obj{},
				}},
				"context_layout": obj{"story": obj{"comet_sections": obj{"metadata": []obj{{
					"__typename": "CometFeedStoryMinimizedTimestampStrategy",
					"story":      obj{"creation_time": m.Created.Unix(), "url": url, "id": m.ID},
				}}}}},
			},
		}
		ts := collected.Add(time.Duration(n) * 1700 * time.Millisecond).UnixMilli()
		line, err := json.Marshal(zsItem{NavIndex: fmt.Sprintf("1:1:%d", n), ItemID: m.ID, TimestampCollected: ts,
			LastUpdated: ts, SourcePlatform: "facebook.com", SourcePlatformURL: "https://www.facebook.com/groups/" + z.gid,
			SourceURL: "https://www.facebook.com/api/graphql/",
			UserAgent: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:66.0) Gecko/20100101 Firefox/66.0", Data: data})
		if err != nil {
			return nil, err
		}
		o.Write(append(line, '\n'))
	}
	p, err := o.Close()
	return []string{p}, err
}
