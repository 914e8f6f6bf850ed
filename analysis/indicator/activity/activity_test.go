package activity

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func m(com, id string, kind corpus.Kind, created string) corpus.Message {
	return corpus.Message{Community: com, ID: id, Kind: kind, Created: utc(created)}
}

// group spans Saturday 30 March to 1 May 2024 (33 Paris days), across the
// spring DST change of 31 March.
func group() []corpus.Message {
	return []corpus.Message{
		m("g", "C2", corpus.Comment, "2024-05-01T10:00:00Z"),
		m("g", "P1", corpus.Post, "2024-03-30T10:00:00Z"),
		m("g", "C1", corpus.Comment, "2024-03-30T11:00:00Z"),
		m("g", "R1", corpus.Reply, "2024-03-30T23:30:00Z"), // 31 March 00:30 CET
		m("g", "P2", corpus.Post, "2024-04-02T09:00:00Z"),
		m("g", "P3", corpus.Post, "2024-04-30T21:59:00Z"), // 30 April 23:59 CEST
	}
}

func TestDaily(t *testing.T) {
	days := Daily(group())
	if len(days) != 33 {
		t.Fatalf("%d days, want 33", len(days))
	}
	type want struct {
		i                          int
		date                       string // the day's midnight in UTC
		msgs, posts, msgs30, pst30 int
	}
	for _, w := range []want{
		{0, "2024-03-29T23:00:00Z", 2, 1, 2, 1},
		{1, "2024-03-30T23:00:00Z", 1, 0, 3, 1}, // 31 March 00:00 CET
		{2, "2024-03-31T22:00:00Z", 0, 0, 3, 1}, // 1 April 00:00 CEST
		{3, "2024-04-01T22:00:00Z", 1, 1, 4, 2},
		{29, "2024-04-27T22:00:00Z", 0, 0, 4, 2}, // window 30 Mar - 28 Apr
		{30, "2024-04-28T22:00:00Z", 0, 0, 2, 1}, // window 31 Mar - 29 Apr
		{31, "2024-04-29T22:00:00Z", 1, 1, 2, 2}, // window 1 - 30 Apr
		{32, "2024-04-30T22:00:00Z", 1, 0, 3, 2},
	} {
		d := days[w.i]
		if got := d.Date.UTC().Format(time.RFC3339); got != w.date || d.Messages != w.msgs || d.Posts != w.posts || d.Messages30d != w.msgs30 || d.Posts30d != w.pst30 {
			t.Errorf("day %d = %s %+v, want %+v", w.i, got, d, w)
		}
	}
	if days[0].ByKind[corpus.Post] != 1 || days[0].ByKind[corpus.Comment] != 1 || days[1].ByKind[corpus.Reply] != 1 || days[2].ByKind[corpus.Post] != 0 {
		t.Errorf("by kind: %v %v %v", days[0].ByKind, days[1].ByKind, days[2].ByKind)
	}
	if Daily(nil) != nil {
		t.Error("empty: want no days")
	}
	one := Daily(group()[:1])
	if len(one) != 1 || one[0].Messages != 1 || one[0].Messages30d != 1 {
		t.Errorf("one message: %+v", one)
	}
}

func TestPostsWindows(t *testing.T) {
	g := group()
	cases := []struct {
		at         string
		p30, today int
	}{
		{"2024-05-01T10:00:00Z", 2, 0},           // P2, P3; C2 is no post
		{"2024-04-01T09:00:00Z", 1, 0},           // P1
		{"2024-04-29T10:00:00Z", 1, 0},           // P1 is exactly 720h before: out
		{"2024-04-29T09:59:59.999999999Z", 2, 0}, // P1 still in
		{"2024-04-30T21:59:00Z", 2, 1},           // P3 at that very instant
		{"2024-04-30T21:58:59Z", 1, 0},           // before P3
		{"2024-03-30T23:00:00Z", 1, 0},           // 31 March 00:00: P1 was yesterday
		{"2024-03-30T22:59:59Z", 1, 1},           // 30 March 23:59:59 CET
	}
	for _, c := range cases {
		at := utc(c.at)
		if got := Posts30d(g, at); got != c.p30 {
			t.Errorf("Posts30d(%s) = %d, want %d", c.at, got, c.p30)
		}
		if got := PostsToday(g, at); got != c.today {
			t.Errorf("PostsToday(%s) = %d, want %d", c.at, got, c.today)
		}
	}
}

func TestPanelInstant(t *testing.T) {
	for in, want := range map[string]string{
		"2024-04-30T00:00:00Z": "2024-04-30T21:59:59.999999999Z", // a date: end of that Paris day
		"2024-04-29T22:00:00Z": "2024-04-30T21:59:59.999999999Z", // Paris midnight of 30 April
		"2024-01-15T00:00:00Z": "2024-01-15T22:59:59.999999999Z", // winter time
		"2024-04-30T14:12:00Z": "2024-04-30T14:12:00Z",           // a time: as it is
	} {
		if got := PanelInstant(utc(in)).UTC().Format(time.RFC3339Nano); got != want {
			t.Errorf("PanelInstant(%s) = %s, want %s", in, got, want)
		}
	}
}

func testCorpus() *corpus.Corpus {
	msgs := group()
	msgs = append(msgs,
		m("doc", "1", corpus.Tweet, "2024-03-04T10:00:00Z"),
		m("doc", "2", corpus.Quote, "2024-03-04T11:00:00Z"),
		m("doc", "3", corpus.Retweet, "2024-03-04T12:00:00Z"),
		m("doc", "4", corpus.Reply, "2024-03-04T13:00:00Z"),
	)
	obs := func(date string, members, new int) corpus.PanelObservation {
		return corpus.PanelObservation{Community: "g", Observed: utc(date), Members: members, NewMembers30d: new, Posts30d: 5, PostsToday: 1}
	}
	return &corpus.Corpus{
		Communities: []corpus.Community{
			{ID: "g", Profession: corpus.HomeCareAide, Platform: corpus.Facebook},
			{ID: "e", Profession: corpus.HomeCareAide, Platform: corpus.Facebook},
			{ID: "doc", Profession: corpus.GP, Platform: corpus.Twitter},
		},
		Messages: msgs,
		Panels:   []corpus.PanelObservation{obs("2024-04-30T00:00:00Z", 120, 20), obs("2024-03-31T00:00:00Z", 100, 0)},
	}
}

func TestPanelSeries(t *testing.T) {
	ps := PanelSeries(testCorpus())
	if len(ps) != 2 {
		t.Fatalf("%+v", ps)
	}
	// 31 March, end of day: P1 in the last 30 days, no post that day.
	// 30 April, end of day: P2, P3 in the last 30 days, P3 that day.
	a, b := ps[0], ps[1]
	if a.Members != 100 || a.Growth30d != 0 || a.DataPosts30d != 1 || a.DataPostsToday != 0 ||
		b.Members != 120 || b.Growth30d != 0.2 || b.DataPosts30d != 2 || b.DataPostsToday != 1 || b.PanelPosts30d != 5 {
		t.Errorf("panel series = %+v", ps)
	}
	// The binary-search counts agree with the plain ones.
	g := group()
	for _, p := range ps {
		at := PanelInstant(p.Observed)
		if Posts30d(g, at) != p.DataPosts30d || PostsToday(g, at) != p.DataPostsToday {
			t.Errorf("at %v: %d/%d vs %d/%d", at, Posts30d(g, at), PostsToday(g, at), p.DataPosts30d, p.DataPostsToday)
		}
	}
	pf := PanelFrame(testCorpus())
	if pf.Nrow() != 2 || pf.Elem(0, 1).String() != "2024-03-31T00:00:00Z" || pf.Elem(1, 4).Float() != 0.2 {
		t.Errorf("panel frame:\n%v", pf)
	}
}

func TestPanelsOf(t *testing.T) {
	c := testCorpus()
	// A second reading of 30 April, later in the file, and a group the
	// study does not declare.
	c.Panels = append(c.Panels,
		corpus.PanelObservation{Community: "g", Observed: utc("2024-04-30T00:00:00Z"), Members: 125, NewMembers30d: 25},
		corpus.PanelObservation{Community: "x", Observed: utc("2024-04-01T00:00:00Z"), Members: 9})
	ps := PanelsOf(c)
	if len(ps) != 2 || ps[0].Community.ID != "g" || ps[0].Community.Profession != corpus.HomeCareAide || ps[1].Community != (corpus.Community{ID: "x"}) {
		t.Fatalf("PanelsOf = %+v", ps)
	}
	g := ps[0]
	if len(g.Series) != 3 || g.Series[0].Members != 100 || g.Series[1].Members != 120 || g.Series[2].Members != 125 {
		t.Errorf("series %+v", g.Series)
	}
	// The tie on 30 April goes to the later line, in the figures and in
	// posts_30d alike.
	if g.Latest.Members != 125 || g.Latest.Panel.NewMembers30d != 25 || g.Latest.DataPosts30d != 2 {
		t.Errorf("latest %+v", g.Latest)
	}
}

func TestRows(t *testing.T) {
	var got []string
	for _, r := range Rows(testCorpus()) {
		got = append(got, r.Community+" "+string(r.Profession)+" "+r.Indicator+" "+indicator.FormatValue(r.Value))
	}
	want := []string{
		"doc general-practitioner comments_and_replies 1.000000",
		"doc general-practitioner messages 4.000000",
		"doc general-practitioner messages_per_day 4.000000",
		"doc general-practitioner posts 2.000000",
		"* general-practitioner comments_and_replies 1.000000",
		"* general-practitioner messages 4.000000",
		"* general-practitioner messages_per_day 4.000000",
		"* general-practitioner posts 2.000000",
		"e home-care-aide comments_and_replies 0.000000",
		"e home-care-aide messages 0.000000",
		"e home-care-aide messages_per_day NaN",
		"e home-care-aide posts 0.000000",
		"g home-care-aide comments_and_replies 3.000000",
		"g home-care-aide messages 6.000000",
		"g home-care-aide messages_per_day 0.181818", // 6 / 33
		"g home-care-aide posts 3.000000",
		"g home-care-aide posts_30d 2.000000",
		"g home-care-aide posts_today 1.000000",
		"* home-care-aide comments_and_replies 3.000000",
		"* home-care-aide messages 6.000000",
		"* home-care-aide messages_per_day 0.181818",
		"* home-care-aide posts 3.000000",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s := Summarize(group()); s.Days != 33 || math.Abs(s.MessagesPerDay-6.0/33) > 1e-15 {
		t.Errorf("summary %+v", s)
	}
}

func TestDailyFrame(t *testing.T) {
	f := DailyFrame(testCorpus())
	// Groups: doc (1 day), e (none), g (33), *GP (1), *HCA (33).
	if f.Nrow() != 68 || f.Ncol() != 3+len(corpus.Kinds)+4 {
		t.Fatalf("frame %dx%d", f.Nrow(), f.Ncol())
	}
	row := func(i int) string {
		var parts []string
		for j := 0; j < f.Ncol(); j++ {
			parts = append(parts, f.Elem(i, j).String())
		}
		return strings.Join(parts, ",")
	}
	for i, w := range map[int]string{
		0:  "doc,general-practitioner,2024-03-04,0,0,1,1,1,1,4,2,4,2",
		1:  "g,home-care-aide,2024-03-30,1,1,0,0,0,0,2,1,2,1",
		33: "g,home-care-aide,2024-05-01,0,1,0,0,0,0,1,0,3,2",
		67: "*,home-care-aide,2024-05-01,0,1,0,0,0,0,1,0,3,2",
	} {
		if got := row(i); got != w {
			t.Errorf("row %d = %s, want %s", i, got, w)
		}
	}
	if got := strings.Join(f.Names(), ","); got != "community,profession,date,post,comment,reply,tweet,retweet,quote,messages,posts,messages_30d,posts_30d" {
		t.Errorf("columns %s", got)
	}
}

func BenchmarkRows1M(b *testing.B) {
	c := indicatortest.Corpus(1_000_000, 1)
	for b.Loop() {
		Rows(c)
	}
}

func BenchmarkDaily1M(b *testing.B) {
	c := indicatortest.Corpus(1_000_000, 1)
	b.ReportAllocs()
	for b.Loop() {
		Daily(c.Messages)
	}
}

func TestMeasure(t *testing.T) {
	gs := Measure(testCorpus())
	// doc, e, g, then * for GPs and for aides.
	if len(gs) != 5 || gs[2].Community.ID != "g" || gs[4].Community.ID != indicator.AllCommunities {
		t.Fatalf("groups %+v", gs)
	}
	g := gs[2]
	if g.Summary.Messages != 6 || g.Summary.Days != 33 || len(g.Days) != 33 || !g.Days[0].Date.Equal(time.Date(2024, 3, 30, 0, 0, 0, 0, corpus.Paris)) {
		t.Errorf("g: %+v, %d days", g.Summary, len(g.Days))
	}
	if e := gs[1]; e.Days != nil || e.Summary.Messages != 0 {
		t.Errorf("empty group %+v", e)
	}
}
