// Package activity measures how much communities write: messages per day by
// kind, rolling 30-day counts, posts as Facebook's "Activité" panel counts
// them, and the members and growth the panels show.
//
// # Operational definitions
//
// All measures work on the distinct messages of a group (a community, or
// every community of one profession; see indicator.Groups), taken as given
// (the loaders have removed duplicates); their order does not matter. Days
// are Europe/Paris calendar days (corpus.Paris).
//
//   - Post (panel definition): a message of kind post (Facebook), tweet or
//     quote (Twitter), whatever its parent; comments, replies and retweets
//     are not posts. See IsPost.
//   - Daily series: one Day per Paris calendar day from the day of the
//     first message to the day of the last, days without messages included
//     with zero counts. A Day counts messages by kind, messages and posts,
//     and the rolling counts Messages30d and Posts30d: the sums over that
//     day and the 29 calendar days before it (days before the first message
//     day count zero: there is no data about them).
//   - Posts30d(msgs, at): the number of posts with at - 720h < Created <= at
//     (30 days of 24 hours).
//   - PostsToday(msgs, at): the number of posts created on at's Paris
//     calendar day, at or before at.
//   - Panel series (PanelSeries): each panel observation of a community, in
//     date order, with Members, NewMembers30d, Growth30d = NewMembers30d /
//     (Members - NewMembers30d) (the relative growth over the 30 days; NaN
//     when the denominator is not positive), the panel's own post counts, and
//     Posts30d and PostsToday recomputed from the data at the observation
//     instant (see PanelInstant), to check the export against the panel.
//   - Panel instant: a panel is read at a date. An Observed time exactly at
//     midnight (UTC or Paris), which is how a date without time is stored,
//     is taken as the end of that calendar day (Paris); any other Observed
//     time is used as it is.
//
// # Indicators
//
// Rows emits, for each community and each profession:
//
//   - messages: the number of messages.
//   - posts: the number of posts (panel definition).
//   - comments_and_replies: the number of messages of kind comment or reply.
//   - messages_per_day: messages / number of Paris calendar days from the
//     first message's day to the last message's day, both included; NaN
//     without messages.
//   - posts_30d and posts_today: Posts30d and PostsToday at the panel
//     instant of the community's latest panel observation (indicator.Latest:
//     largest Observed; among equal dates the last in corpus order, the
//     rule every figure uses too). Emitted only for communities with a
//     panel, never for professions.
package activity

import (
	"math"
	"sort"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Indicator names emitted by Rows.
const (
	IndMessages           = "messages"
	IndPosts              = "posts"
	IndCommentsAndReplies = "comments_and_replies"
	IndMessagesPerDay     = "messages_per_day"
	IndPosts30d           = "posts_30d"
	IndPostsToday         = "posts_today"
)

// Window is the length of the rolling windows: 30 days.
const Window = 30

// IsPost reports whether m is a post in the sense of Facebook's panel: a
// message of kind post, tweet or quote.
func IsPost(m *corpus.Message) bool {
	return m.Kind == corpus.Post || m.Kind == corpus.Tweet || m.Kind == corpus.Quote
}

// Posts30d returns the number of posts of msgs with
// at - 30*24h < Created <= at.
func Posts30d(msgs []corpus.Message, at time.Time) int {
	return countPosts(msgs, at.Add(-Window*24*time.Hour), at)
}

// PostsToday returns the number of posts of msgs created on at's Paris
// calendar day, at or before at.
func PostsToday(msgs []corpus.Message, at time.Time) int {
	// Start of the day minus one nanosecond, as countPosts excludes lo.
	return countPosts(msgs, dayStart(at).Add(-1), at)
}

// countPosts counts the posts with lo < Created <= hi.
func countPosts(msgs []corpus.Message, lo, hi time.Time) int {
	n := 0
	for i := range msgs {
		if m := &msgs[i]; IsPost(m) && m.Created.After(lo) && !m.Created.After(hi) {
			n++
		}
	}
	return n
}

// dayStart returns 00:00 Europe/Paris of t's Paris calendar day.
func dayStart(t time.Time) time.Time {
	y, m, d := t.In(corpus.Paris).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, corpus.Paris)
}

// PanelInstant returns the instant a panel observed at obs describes: the
// last nanosecond of the day when obs is exactly midnight in UTC or in
// Paris (a date without time), obs itself otherwise.
func PanelInstant(obs time.Time) time.Time {
	for _, loc := range []*time.Location{time.UTC, corpus.Paris} {
		t := obs.In(loc)
		if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
			y, m, d := t.Date()
			return time.Date(y, m, d+1, 0, 0, 0, 0, corpus.Paris).Add(-1)
		}
	}
	return obs
}

// civil returns the number of days from 1970-01-01 to t's Paris calendar
// day, free of daylight-saving arithmetic.
func civil(t time.Time) int64 {
	y, m, d := t.In(corpus.Paris).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// Day is one Paris calendar day of a daily series.
type Day struct {
	Date        time.Time // 00:00 Europe/Paris
	ByKind      map[corpus.Kind]int
	Messages    int
	Posts       int
	Messages30d int // messages of this day and the 29 days before
	Posts30d    int // posts of this day and the 29 days before
}

// Daily returns the daily series of msgs, as defined in the package
// documentation; nil without messages.
func Daily(msgs []corpus.Message) []Day {
	if len(msgs) == 0 {
		return nil
	}
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	var first time.Time
	for i := range msgs {
		c := civil(msgs[i].Created)
		if c < lo {
			lo, first = c, msgs[i].Created
		}
		hi = max(hi, c)
	}
	days := make([]Day, hi-lo+1)
	y, m, d := first.In(corpus.Paris).Date()
	for i := range days {
		days[i].Date = time.Date(y, m, d+i, 0, 0, 0, 0, corpus.Paris)
		days[i].ByKind = map[corpus.Kind]int{}
	}
	for i := range msgs {
		day := &days[civil(msgs[i].Created)-lo]
		day.ByKind[msgs[i].Kind]++
		day.Messages++
		if IsPost(&msgs[i]) {
			day.Posts++
		}
	}
	var msgSum, postSum int
	for i := range days {
		msgSum += days[i].Messages
		postSum += days[i].Posts
		if i >= Window {
			msgSum -= days[i-Window].Messages
			postSum -= days[i-Window].Posts
		}
		days[i].Messages30d, days[i].Posts30d = msgSum, postSum
	}
	return days
}

// Summary holds the volume indicators of a group.
type Summary struct {
	Messages           int
	Posts              int
	CommentsAndReplies int
	Days               int // Paris calendar days from first to last message
	MessagesPerDay     float64
}

// Summarize computes the volume indicators of msgs.
func Summarize(msgs []corpus.Message) Summary {
	s := Summary{Messages: len(msgs), MessagesPerDay: math.NaN()}
	if len(msgs) == 0 {
		return s
	}
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	for i := range msgs {
		m := &msgs[i]
		if IsPost(m) {
			s.Posts++
		}
		if m.Kind == corpus.Comment || m.Kind == corpus.Reply {
			s.CommentsAndReplies++
		}
		c := civil(m.Created)
		lo, hi = min(lo, c), max(hi, c)
	}
	s.Days = int(hi - lo + 1)
	s.MessagesPerDay = float64(s.Messages) / float64(s.Days)
	return s
}

// Group is the activity of one indicator.Groups group: its volume
// indicators and the daily series Figure 1 draws.
type Group struct {
	// Community is the community, or for a profession as a whole
	// Community.ID indicator.AllCommunities.
	Community corpus.Community
	Summary   Summary
	// Days is the daily series (Daily), nil without messages.
	Days []Day
}

// Of returns g.Community (indicator.Grouped).
func (g Group) Of() corpus.Community { return g.Community }

// Measure computes the volume indicators and the daily series of every
// indicator.Groups group of c, in that order.
func Measure(c *corpus.Corpus) []Group {
	var out []Group
	for _, g := range indicator.Groups(c) {
		out = append(out, Group{Community: g.Community, Summary: Summarize(g.Messages), Days: Daily(g.Messages)})
	}
	return out
}

// PanelPoint is one panel observation with what the data say at its
// instant.
type PanelPoint struct {
	Panel           corpus.PanelObservation // the observation as recorded
	Community       string
	Observed        time.Time
	Members         int
	NewMembers30d   int
	Growth30d       float64 // NewMembers30d / (Members - NewMembers30d)
	PanelPosts30d   int     // as shown on the panel
	PanelPostsToday int     // as shown on the panel
	DataPosts30d    int     // Posts30d of the data at PanelInstant(Observed)
	DataPostsToday  int     // PostsToday of the data at PanelInstant(Observed)
}

// PanelSeries returns the panel observations of c by community and date
// (ties in corpus order), with the growth and the data's post counts. Post
// times are sorted once per community, so each observation costs a binary
// search.
func PanelSeries(c *corpus.Corpus) []PanelPoint {
	panels := append([]corpus.PanelObservation(nil), c.Panels...)
	sort.SliceStable(panels, func(i, j int) bool {
		if panels[i].Community != panels[j].Community {
			return panels[i].Community < panels[j].Community
		}
		return panels[i].Observed.Before(panels[j].Observed)
	})
	posts := map[string][]time.Time{}
	for _, p := range panels {
		posts[p.Community] = nil
	}
	for i := range c.Messages {
		m := &c.Messages[i]
		if ts, ok := posts[m.Community]; ok && IsPost(m) {
			posts[m.Community] = append(ts, m.Created)
		}
	}
	for _, ts := range posts {
		sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	}
	// count returns the number of times in ts with lo < t <= hi.
	count := func(ts []time.Time, lo, hi time.Time) int {
		a := sort.Search(len(ts), func(i int) bool { return ts[i].After(lo) })
		b := sort.Search(len(ts), func(i int) bool { return ts[i].After(hi) })
		return max(b-a, 0)
	}
	out := make([]PanelPoint, len(panels))
	for i, p := range panels {
		at := PanelInstant(p.Observed)
		ts := posts[p.Community]
		out[i] = PanelPoint{
			Panel:           p,
			Community:       p.Community,
			Observed:        p.Observed,
			Members:         p.Members,
			NewMembers30d:   p.NewMembers30d,
			Growth30d:       math.NaN(),
			PanelPosts30d:   p.Posts30d,
			PanelPostsToday: p.PostsToday,
			DataPosts30d:    count(ts, at.Add(-Window*24*time.Hour), at),
			DataPostsToday:  count(ts, dayStart(at).Add(-1), at),
		}
		if base := p.Members - p.NewMembers30d; base > 0 {
			out[i].Growth30d = float64(p.NewMembers30d) / float64(base)
		}
	}
	return out
}

// Panels is what the panel observations of one community show over
// time: what Table 1 (the latest observation) and Figure 2 (the members
// over time) draw.
type Panels struct {
	// Community is the community as the study declares it (only its ID
	// when the panels name an undeclared community).
	Community corpus.Community
	// Series is every observation of the community, by Observed (ties in
	// corpus order).
	Series []PanelPoint
	// Latest is the latest observation of Series (indicator.Latest).
	Latest PanelPoint
}

// Of returns p.Community (indicator.Grouped).
func (p Panels) Of() corpus.Community { return p.Community }

// PanelsOf returns the panel observations of c (PanelSeries) grouped by
// community, for the communities with at least one, in community id
// order.
func PanelsOf(c *corpus.Corpus) []Panels {
	var out []Panels
	for _, p := range PanelSeries(c) {
		if n := len(out); n == 0 || out[n-1].Community.ID != p.Community {
			com := corpus.Community{ID: p.Community}
			if d := c.Community(p.Community); d != nil {
				com = *d
			}
			out = append(out, Panels{Community: com})
		}
		last := &out[len(out)-1]
		last.Series = append(last.Series, p)
	}
	for i := range out {
		s := out[i].Series
		out[i].Latest = s[indicator.Latest(len(s), func(j int) time.Time { return s[j].Observed })]
	}
	return out
}

// Rows returns the activity indicators of every community and profession
// of c, in canonical order (indicator.Sort).
func Rows(c *corpus.Corpus) []indicator.Row {
	latest := map[string]PanelPoint{}
	for _, p := range PanelsOf(c) {
		latest[p.Community.ID] = p.Latest
	}
	var rows []indicator.Row
	for _, g := range indicator.Groups(c) {
		s := Summarize(g.Messages)
		add := func(name string, v float64) {
			rows = append(rows, indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: name, Value: v})
		}
		add(IndMessages, float64(s.Messages))
		add(IndPosts, float64(s.Posts))
		add(IndCommentsAndReplies, float64(s.CommentsAndReplies))
		add(IndMessagesPerDay, s.MessagesPerDay)
		if p, ok := latest[g.Community.ID]; ok && g.Community.ID != indicator.AllCommunities {
			add(IndPosts30d, float64(p.DataPosts30d))
			add(IndPostsToday, float64(p.DataPostsToday))
		}
	}
	indicator.Sort(rows)
	return rows
}

// DailyFrame returns the daily series of every group of c (indicator.Groups
// order, then date); columns community, profession, date (YYYY-MM-DD), one
// column per kind of corpus.Kinds (post, comment, reply, tweet, retweet,
// quote), messages, posts, messages_30d, posts_30d.
func DailyFrame(c *corpus.Corpus) dataframe.DataFrame {
	var com, prof, date []string
	byKind := make([][]int, len(corpus.Kinds))
	var n, posts, n30, p30 []int
	for _, g := range indicator.Groups(c) {
		for _, d := range Daily(g.Messages) {
			com = append(com, g.Community.ID)
			prof = append(prof, string(g.Community.Profession))
			date = append(date, d.Date.Format(time.DateOnly))
			for k, kind := range corpus.Kinds {
				byKind[k] = append(byKind[k], d.ByKind[kind])
			}
			n = append(n, d.Messages)
			posts = append(posts, d.Posts)
			n30 = append(n30, d.Messages30d)
			p30 = append(p30, d.Posts30d)
		}
	}
	cols := []series.Series{
		series.New(com, series.String, "community"),
		series.New(prof, series.String, "profession"),
		series.New(date, series.String, "date"),
	}
	for k, kind := range corpus.Kinds {
		cols = append(cols, series.New(byKind[k], series.Int, kind.String()))
	}
	cols = append(cols,
		series.New(n, series.Int, "messages"),
		series.New(posts, series.Int, "posts"),
		series.New(n30, series.Int, "messages_30d"),
		series.New(p30, series.Int, "posts_30d"),
	)
	return dataframe.New(cols...)
}

// PanelFrame returns PanelSeries(c); columns community, observed
// (RFC 3339, UTC), members, new_members_30d, growth_30d, panel_posts_30d,
// panel_posts_today, data_posts_30d, data_posts_today.
func PanelFrame(c *corpus.Corpus) dataframe.DataFrame {
	var com, obs []string
	var mem, nm, pp30, ppt, dp30, dpt []int
	var growth []float64
	for _, p := range PanelSeries(c) {
		com = append(com, p.Community)
		obs = append(obs, p.Observed.UTC().Format(time.RFC3339))
		mem = append(mem, p.Members)
		nm = append(nm, p.NewMembers30d)
		growth = append(growth, p.Growth30d)
		pp30 = append(pp30, p.PanelPosts30d)
		ppt = append(ppt, p.PanelPostsToday)
		dp30 = append(dp30, p.DataPosts30d)
		dpt = append(dpt, p.DataPostsToday)
	}
	return dataframe.New(
		series.New(com, series.String, "community"),
		series.New(obs, series.String, "observed"),
		series.New(mem, series.Int, "members"),
		series.New(nm, series.Int, "new_members_30d"),
		series.New(growth, series.Float, "growth_30d"),
		series.New(pp30, series.Int, "panel_posts_30d"),
		series.New(ppt, series.Int, "panel_posts_today"),
		series.New(dp30, series.Int, "data_posts_30d"),
		series.New(dpt, series.Int, "data_posts_today"),
	)
}
