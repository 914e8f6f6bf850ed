package paper

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/activity"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
	"github.com/faire-communaute/compendium/analysis/indicator/retention"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
)

// studyFixture is a small hand-made study: a Facebook group of aides
// (avs, 10 messages, authors A 5, B 2, C 2, D 1) and #DocTocToc (10
// messages, authors G1 4, G2 3, G4 2, G3 1), May to July 2019, when Paris
// is at UTC+2. The values the tests expect are worked out by hand in the
// comments.
func studyFixture() *corpus.Corpus {
	at := func(mo time.Month, d, h, m int) time.Time { return time.Date(2019, mo, d, h, m, 0, 0, time.UTC) }
	fb := func(id string, k corpus.Kind, parent, author string, t time.Time) corpus.Message {
		return corpus.Message{Platform: corpus.Facebook, Community: "avs", ID: id, Kind: k, ParentID: parent, Author: author, Created: t}
	}
	tw := func(id string, k corpus.Kind, parent, author string, t time.Time) corpus.Message {
		return corpus.Message{Platform: corpus.Twitter, Community: "doctoctoc", ID: id, Kind: k, ParentID: parent, Author: author, Created: t}
	}
	c := &corpus.Corpus{
		Study: "fixture",
		Communities: []corpus.Community{
			{ID: "doctoctoc", Name: "#DocTocToc", Platform: corpus.Twitter, Profession: corpus.GP},
			{ID: "avs", Name: "Auxiliaires de vie et Aides à domicile en colère", Platform: corpus.Facebook, Profession: corpus.HomeCareAide},
		},
		Messages: []corpus.Message{
			fb("p1", corpus.Post, "", "A", at(5, 6, 6, 0)),       // Mon 08:00 Paris
			fb("c1", corpus.Comment, "p1", "B", at(5, 6, 6, 30)), // first reply of p1: 30 min
			fb("c2", corpus.Comment, "p1", "A", at(5, 6, 7, 0)),  // the starter: not a reply
			fb("r1", corpus.Reply, "c1", "C", at(5, 6, 9, 0)),
			fb("p2", corpus.Post, "", "B", at(5, 11, 18, 0)), // Sat 20:00, unanswered
			fb("p3", corpus.Post, "", "C", at(6, 3, 19, 30)), // Mon 21:30
			fb("c3", corpus.Comment, "p3", "A", at(6, 3, 20, 30)),
			fb("p4", corpus.Post, "", "D", at(6, 5, 10, 0)), // Wed 12:00
			fb("c4", corpus.Comment, "p4", "A", at(6, 5, 10, 10)),
			fb("p5", corpus.Post, "", "A", at(7, 1, 4, 0)),    // Mon 06:00, last message
			tw("t1", corpus.Tweet, "", "G1", at(5, 7, 12, 0)), // Tue 14:00
			tw("t2", corpus.Reply, "t1", "G2", at(5, 7, 12, 5)),
			tw("t3", corpus.Retweet, "", "G3", at(5, 7, 12, 10)), // a thread of its own
			tw("t4", corpus.Tweet, "", "G2", at(5, 12, 7, 0)),    // Sun 09:00
			tw("t5", corpus.Reply, "t4", "G1", at(5, 12, 9, 0)),
			tw("t6", corpus.Tweet, "", "G1", at(6, 10, 17, 30)), // Mon 19:30
			tw("t7", corpus.Reply, "t6", "G1", at(6, 10, 17, 40)),
			tw("t8", corpus.Quote, "", "G4", at(6, 11, 6, 0)), // Tue 08:00
			tw("t9", corpus.Reply, "t8", "G2", at(6, 11, 6, 20)),
			tw("t10", corpus.Tweet, "", "G4", at(7, 2, 20, 0)), // Tue 22:00, last message
		},
		Profiles: []corpus.ProfileObservation{
			{Account: "u-bbb", Label: "MG installée à la campagne", Community: "doctoctoc", Observed: at(5, 15, 16, 0),
				Posts: 953, Following: 182, Followers: 381, Likes: 333, Joined: time.Date(2012, 12, 1, 0, 0, 0, 0, time.UTC)},
			{Account: "u-aaa", Label: "MG et romancier", Community: "doctoctoc", Observed: at(4, 1, 10, 0),
				Posts: 170000, Following: 239, Followers: 9000, Likes: 54000, Joined: time.Date(2011, 10, 1, 0, 0, 0, 0, time.UTC)},
			{Account: "u-aaa", Label: "MG et romancier", Community: "doctoctoc", Observed: at(5, 15, 16, 0),
				Posts: 171000, Following: 240, Followers: 9070, Likes: 54700, Joined: time.Date(2011, 10, 1, 0, 0, 0, 0, time.UTC)},
		},
	}
	c.Sort()
	return c
}

var testProv = figure.Provenance{Study: "fixture", Synthetic: true, Revision: "test"}

// builders lists the builders tested on studyFixture with their figure
// ID, each fed with what its indicator package measures on the corpus.
var builders = []struct {
	id    string
	build func(*corpus.Corpus, figure.Provenance) (*figure.Figure, error)
}{
	{"f01-activity", func(c *corpus.Corpus, p figure.Provenance) (*figure.Figure, error) {
		return F01Activity(activity.Measure(c), p)
	}},
	{"f05-rhythm", func(c *corpus.Corpus, p figure.Provenance) (*figure.Figure, error) {
		return F05Rhythm(rhythm.Measure(c), p)
	}},
	{"f06-off-hours", func(c *corpus.Corpus, p figure.Provenance) (*figure.Figure, error) {
		return F06OffHours(rhythm.Measure(c), p)
	}},
	{"f07-reply-by-hour", func(c *corpus.Corpus, p figure.Provenance) (*figure.Figure, error) {
		return F07ReplyByHour(responsiveness.Measure(c), p)
	}},
	{"f08-lorenz", func(c *corpus.Corpus, p figure.Provenance) (*figure.Figure, error) {
		return F08Lorenz(participation.Measure(c), p)
	}},
	{"f09-first-reply", func(c *corpus.Corpus, p figure.Provenance) (*figure.Figure, error) {
		return F09FirstReply(responsiveness.Measure(c), p)
	}},
	{"f11-retention", func(c *corpus.Corpus, p figure.Provenance) (*figure.Figure, error) {
		return F11Retention(retention.Measure(c), p)
	}},
	{"t2-accounts", func(c *corpus.Corpus, p figure.Provenance) (*figure.Figure, error) {
		return T2Accounts(indicator.LatestProfiles(c.Profiles), p)
	}},
}

// builder returns the builder of builders with the given ID.
func builder(t *testing.T, id string) func(*corpus.Corpus, figure.Provenance) (*figure.Figure, error) {
	t.Helper()
	for _, b := range builders {
		if b.id == id {
			return b.build
		}
	}
	t.Fatalf("no builder %s", id)
	return nil
}

func build(t *testing.T, id string) *figure.Figure {
	t.Helper()
	f, err := builder(t, id)(studyFixture(), testProv)
	if err != nil {
		t.Fatal(err)
	}
	if f.ID != id {
		t.Errorf("ID %q, want %q", f.ID, id)
	}
	return f
}

// csvLines returns the data CSV's lines (header first).
func csvLines(t *testing.T, f *figure.Figure) []string {
	t.Helper()
	return strings.Split(strings.TrimSuffix(csvOf(t, f), "\n"), "\n")
}

// hasLines reports the wanted lines missing from the CSV.
func hasLines(t *testing.T, f *figure.Figure, want ...string) {
	t.Helper()
	got := map[string]bool{}
	for _, l := range csvLines(t, f) {
		got[l] = true
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("%s: line %q missing from the data", f.ID, w)
		}
	}
}

func TestF01Activity(t *testing.T) {
	f := build(t, "f01-activity")
	lines := csvLines(t, f)
	// avs: 6 May to 1 July = 57 Paris days; doctoctoc: 7 May to 2 July = 57.
	if len(lines) != 1+57+57 {
		t.Errorf("%d lines, want %d", len(lines), 1+57+57)
	}
	if lines[0] != "community,date,messages,posts,posts_30d" || lines[1] != "avs,2019-05-06,4,1,1" || lines[58] != "doctoctoc,2019-05-07,3,1,1" {
		t.Errorf("first rows %q %q %q", lines[0], lines[1], lines[58])
	}
	hasLines(t, f,
		"avs,2019-05-07,0,0,1",
		"avs,2019-06-04,0,0,3", // p1 (6 May) .. p3 (3 June): 30 days
		"avs,2019-06-05,2,1,3", // 7 May .. 5 June: p2, p3, p4 (p1 has left)
		"avs,2019-07-01,1,1,3", // 2 June .. 1 July: p3, p4, p5
		// Posts are tweets and quotes; the window of 11 June starts on
		// 13 May: t6 and t8 (a quote), t4 (12 May) has just left it.
		"doctoctoc,2019-06-10,2,1,2",
		"doctoctoc,2019-06-11,2,1,2",
		"doctoctoc,2019-07-02,1,1,3", // 3 June .. 2 July: t6, t8, t10
	)
	if len(f.Tiles) != 1 || len(f.Tiles[0]) != 2 || f.Tiles[0][0].Title.Text != "Auxiliaires de vie et…" || f.Tiles[0][1].Title.Text != "#DocTocToc" {
		t.Errorf("tiles: want aides then GPs with short names")
	}
}

func TestF05Rhythm(t *testing.T) {
	f := build(t, "f05-rhythm")
	lines := csvLines(t, f)
	if len(lines) != 1+2*7*24 {
		t.Fatalf("%d lines", len(lines))
	}
	if lines[0] != "profession,weekday_index,weekday,hour,messages,share" || lines[1] != "home-care-aide,0,Monday,0,0,0.000000" {
		t.Errorf("first rows %q %q", lines[0], lines[1])
	}
	hasLines(t, f,
		"home-care-aide,0,Monday,8,2,0.200000",     // p1 08:00, c1 08:30
		"home-care-aide,2,Wednesday,12,2,0.200000", // p4, c4
		"home-care-aide,5,Saturday,20,1,0.100000",  // p2
		"general-practitioner,1,Tuesday,14,3,0.300000",
		"general-practitioner,6,Sunday,9,1,0.100000",
		"general-practitioner,0,Monday,19,2,0.200000",
	)
	if lines[1+7*24] != "general-practitioner,0,Monday,0,0,0.000000" {
		t.Errorf("GPs do not follow the aides: %q", lines[1+7*24])
	}
}

func TestF06OffHours(t *testing.T) {
	f := build(t, "f06-off-hours")
	lines := csvLines(t, f)
	// Values by hand; the interval is a bootstrap over the 4 authors of
	// each community (avs: A 2 of 5 off hours, B 1 of 2, C 1 of 2, D 0 of
	// 1), so only its bracketing is asserted, and that it is the same for
	// a profession of one community.
	want := []string{
		"community,profession,messages,off_hours_messages,off_hours_share,lo,hi,authors",
		"avs,home-care-aide,10,4,0.400000,", // p2 (Sat), p3 and c3 (after 19:00), p5 (06:00)
		"*,home-care-aide,10,4,0.400000,",
		"doctoctoc,general-practitioner,10,5,0.500000,", // t4, t5 (Sun), t6, t7 (19:30), t10 (22:00)
		"*,general-practitioner,10,5,0.500000,",
	}
	if len(lines) != len(want) || lines[0] != want[0] {
		t.Fatalf("data:\n%s", strings.Join(lines, "\n"))
	}
	for i, w := range want[1:] {
		l := lines[i+1]
		cells := strings.Split(l, ",")
		lo, _ := strconv.ParseFloat(cells[5], 64)
		hi, _ := strconv.ParseFloat(cells[6], 64)
		v, _ := strconv.ParseFloat(cells[4], 64)
		if !strings.HasPrefix(l, w) || cells[7] != "4" || !(lo < v && v < hi && lo >= 0 && hi <= 1) {
			t.Errorf("row %d = %q, want %s… with lo < value < hi over 4 authors", i+1, l, w)
		}
	}
	if strings.TrimPrefix(lines[1], "avs") != strings.TrimPrefix(lines[2], "*") {
		t.Errorf("one community and its profession differ: %q, %q", lines[1], lines[2])
	}
}

func TestF07ReplyByHour(t *testing.T) {
	f := build(t, "f07-reply-by-hour")
	lines := csvLines(t, f)
	if len(lines) != 1+2*24 {
		t.Fatalf("%d lines", len(lines))
	}
	hasLines(t, f,
		"profession,hour,threads,answered,reply_rate,reply_rate_lo,reply_rate_hi,median_first_reply_min",
		// Wilson at 95 % (z = 1.959964): 0 of 1 is [0, z²/(1 + z²)] =
		// [0, 0.793451], 1 of 1 [1/(1 + z²), 1] = [0.206549, 1], 1 of 2
		// 0.5 ± z/(1 + z²/2) · sqrt(1/8 + z²/16) = [0.094531, 0.905469].
		"home-care-aide,0,0,0,NaN,NaN,NaN,NaN",
		"home-care-aide,6,1,0,0.000000,0.000000,0.793451,NaN",       // p5
		"home-care-aide,8,1,1,1.000000,0.206549,1.000000,30.000000", // p1
		"home-care-aide,21,1,1,1.000000,0.206549,1.000000,60.000000",
		"general-practitioner,14,2,1,0.500000,0.094531,0.905469,5.000000", // t1 answered, t3 not
		"general-practitioner,9,1,1,1.000000,0.206549,1.000000,120.000000",
		"general-practitioner,19,1,0,0.000000,0.000000,0.793451,NaN", // t6: only its author
	)
}

func TestF08Lorenz(t *testing.T) {
	f := build(t, "f08-lorenz")
	lines := csvLines(t, f)
	if len(lines) != 1+2*len(participation.LorenzGrid) {
		t.Fatalf("%d lines", len(lines))
	}
	// avs: 1, 2, 2, 5 messages: plain Gini (-3*1 - 2 + 2 + 3*5) / (4*10)
	// = 0.3, corrected G* = 4/3 · 0.3 = 0.4. doctoctoc: 1, 2, 3, 4: plain
	// (-3 - 2 + 3 + 12) / 40 = 0.25, G* 1/3. The grid passes through the
	// curve's kinks at 25 %, 50 %, 75 % of authors; at 0 and 1 every
	// resample agrees (no band).
	if lines[0] != "community,profession,authors,gini,gini_lo,gini_hi,authors_share,messages_share,lo,hi" {
		t.Errorf("header %q", lines[0])
	}
	row := func(i int) []string { return strings.Split(lines[1+i], ",") }
	for _, c := range []struct {
		i         int
		com, gini string
		x, y      string
	}{
		{0, "avs", "0.400000", "0.000000", "0.000000"},
		{25, "avs", "0.400000", "0.250000", "0.100000"},
		{50, "avs", "0.400000", "0.500000", "0.300000"},
		{75, "avs", "0.400000", "0.750000", "0.500000"},
		{100, "avs", "0.400000", "1.000000", "1.000000"},
		{101 + 75, "doctoctoc", "0.333333", "0.750000", "0.600000"},
	} {
		r := row(c.i)
		if r[0] != c.com || r[3] != c.gini || r[6] != c.x || r[7] != c.y {
			t.Errorf("row %d = %v, want %s G* %s at (%s, %s)", c.i, r, c.com, c.gini, c.x, c.y)
		}
	}
	if r := row(0); r[8] != "NaN" || r[9] != "NaN" {
		t.Errorf("band at 0: %v", r)
	}
	r := row(50)
	lo, _ := strconv.ParseFloat(r[8], 64)
	hi, _ := strconv.ParseFloat(r[9], 64)
	glo, _ := strconv.ParseFloat(r[4], 64)
	ghi, _ := strconv.ParseFloat(r[5], 64)
	if !(lo < 0.3 && hi >= 0.3 && glo < 0.4 && ghi >= 0.4) {
		t.Errorf("avs at 50 %%: band [%v, %v], G* [%v, %v]", lo, hi, glo, ghi)
	}
}

func TestF09FirstReply(t *testing.T) {
	f := build(t, "f09-first-reply")
	// avs: p5 censored at 0 (the last message), p4 answered at 10, p1 at
	// 30, p3 at 60, p2 censored from 11 May 18:00 to 1 July 04:00 UTC
	// (50 days 10 hours = 72600 min). doctoctoc: t10 censored at 0, t1
	// answered at 5, t8 at 20, t4 at 120, t6 censored until 2 July 20:00
	// (22 days 2 h 30 = 31830 min), t3 until then (56 days 7 h 50 = 81110).
	// The band is Greenwood's log-log: at avs's 10 min, S = 3/4, Σ d/(n(n
	// − d)) = 1/12, σ = sqrt(1/12)/|ln 0.75| = 1.003452, [S^exp(1.96σ),
	// S^exp(−1.96σ)] = [0.127947, 0.960549]; at 30, S = 1/2 and Σ = 1/4:
	// [0.057847, 0.844861]. None before the first reply (S = 1).
	want := "community,profession,minutes,at_risk,events,censored,survival,lo,hi\n" +
		"avs,home-care-aide,0.000000,5,0,1,1.000000,NaN,NaN\n" +
		"avs,home-care-aide,10.000000,4,1,0,0.750000,0.127947,0.960549\n" +
		"avs,home-care-aide,30.000000,3,1,0,0.500000,0.057847,0.844861\n" +
		"avs,home-care-aide,60.000000,2,1,0,0.250000,0.008948,0.665325\n" +
		"avs,home-care-aide,72600.000000,1,0,1,0.250000,0.008948,0.665325\n" +
		"doctoctoc,general-practitioner,0.000000,6,0,1,1.000000,NaN,NaN\n" +
		"doctoctoc,general-practitioner,5.000000,5,1,0,0.800000,0.203809,0.969180\n" +
		"doctoctoc,general-practitioner,20.000000,4,1,0,0.600000,0.125730,0.881756\n" +
		"doctoctoc,general-practitioner,120.000000,3,1,0,0.400000,0.051976,0.752816\n" +
		"doctoctoc,general-practitioner,31830.000000,2,0,1,0.400000,0.051976,0.752816\n" +
		"doctoctoc,general-practitioner,81110.000000,1,0,1,0.400000,0.051976,0.752816\n"
	if got := csvOf(t, f); got != want {
		t.Errorf("data:\n%s\nwant\n%s", got, want)
	}
}

func TestF11Retention(t *testing.T) {
	f := build(t, "f11-retention")
	// Aides: May cohort A, B, C (June: A, C; July: A), June cohort D (not
	// in July); last month July. GPs: May cohort G1, G2, G3 (June: G1,
	// G2; July: nobody), June cohort G4 (July: G4).
	want := "profession,cohort,lag,size,active,observable,retention\n" +
		"home-care-aide,2019-05,1,3,2,true,0.666667\n" +
		"home-care-aide,2019-05,2,3,1,true,0.333333\n" +
		"home-care-aide,2019-05,3,3,0,false,NaN\n" +
		"home-care-aide,2019-06,1,1,0,true,0.000000\n" +
		"home-care-aide,2019-06,2,1,0,false,NaN\n" +
		"home-care-aide,2019-06,3,1,0,false,NaN\n" +
		"home-care-aide,*,1,4,2,true,0.500000\n" +
		"home-care-aide,*,2,3,1,true,0.333333\n" +
		"home-care-aide,*,3,0,0,false,NaN\n" +
		"general-practitioner,2019-05,1,3,2,true,0.666667\n" +
		"general-practitioner,2019-05,2,3,0,true,0.000000\n" +
		"general-practitioner,2019-05,3,3,0,false,NaN\n" +
		"general-practitioner,2019-06,1,1,1,true,1.000000\n" +
		"general-practitioner,2019-06,2,1,0,false,NaN\n" +
		"general-practitioner,2019-06,3,1,0,false,NaN\n" +
		"general-practitioner,*,1,4,3,true,0.750000\n" +
		"general-practitioner,*,2,3,0,true,0.000000\n" +
		"general-practitioner,*,3,0,0,false,NaN\n"
	if got := pointCSV(t, f, 7); got != want {
		t.Errorf("data:\n%s\nwant\n%s", got, want)
	}
}

func TestT2Accounts(t *testing.T) {
	f := build(t, "t2-accounts")
	want := "account,label,community,observed_at,posts,following,followers,likes,joined\n" +
		"u-aaa,MG et romancier,doctoctoc,2019-05-15T16:00:00Z,171000,240,9070,54700,2011-10\n" +
		"u-bbb,MG installée à la campagne,doctoctoc,2019-05-15T16:00:00Z,953,182,381,333,2012-12\n"
	if got := csvOf(t, f); got != want {
		t.Errorf("data:\n%s\nwant\n%s", got, want)
	}
	svg, _, err := f.Render()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"u-aaa", "u-bbb"} {
		if bytes.Contains(svg, []byte(s)) {
			t.Errorf("the image shows the pseudonym %s", s)
		}
	}
	if !bytes.Contains(svg, []byte("décembre 2012")) || !strings.Contains(f.Caption, "15 mai 2019") {
		t.Error("joined month or observation date not in French")
	}
}

// TestSaveAndDeterminism saves every figure and checks that building it
// again gives the same CSV and SVG bytes.
func TestSaveAndDeterminism(t *testing.T) {
	dir := t.TempDir()
	for _, b := range builders {
		checkSaved(t, dir, b.id, func() (*figure.Figure, error) { return b.build(studyFixture(), testProv) })
	}
}

// checkSaved saves the figure build returns into dir, checks that its
// four files are written, that building it again gives the same CSV and
// SVG bytes, and that it has a title and a caption.
func checkSaved(t *testing.T, dir, id string, build func() (*figure.Figure, error)) {
	t.Helper()
	f1, err := build()
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	if err := f1.Save(dir); err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	for _, ext := range []string{".csv", ".svg", ".png", ".json"} {
		if st, err := os.Stat(filepath.Join(dir, id+ext)); err != nil || st.Size() == 0 {
			t.Errorf("%s%s not written", id, ext)
		}
	}
	f2, _ := build()
	svg1, _, err1 := f1.Render()
	svg2, _, err2 := f2.Render()
	if err1 != nil || err2 != nil {
		t.Fatalf("%s: %v %v", id, err1, err2)
	}
	if csvOf(t, f1) != csvOf(t, f2) || !bytes.Equal(svg1, svg2) {
		t.Errorf("%s: two builds differ", id)
	}
	if f1.Title == "" || f1.Caption == "" {
		t.Errorf("%s: no title or caption", id)
	}
}

func TestErrorsOnMissingData(t *testing.T) {
	empty := &corpus.Corpus{Communities: studyFixture().Communities}
	for _, b := range builders {
		f, err := b.build(empty, testProv)
		if err == nil {
			t.Errorf("%s: no error on a corpus without messages or profiles", b.id)
			continue
		}
		if f != nil || !strings.HasPrefix(err.Error(), b.id+": ") {
			t.Errorf("%s: error %q does not name the figure", b.id, err)
		}
	}
	// Messages without author: no Lorenz curve nor cohort.
	anon := studyFixture()
	for i := range anon.Messages {
		anon.Messages[i].Author = ""
	}
	for _, id := range []string{"f08-lorenz", "f11-retention"} {
		if _, err := builder(t, id)(anon, testProv); AsNotDrawable(err) == nil || AsNotDrawable(err).Need != NeedMessages || !strings.Contains(err.Error(), "no community of this study has a message with an author") {
			t.Errorf("anonymous messages: error %v", err)
		}
	}
	// Only replies whose parents are missing: no thread.
	orphans := studyFixture()
	for i := range orphans.Messages {
		orphans.Messages[i].ParentID = "missing"
	}
	for _, id := range []string{"f07-reply-by-hour", "f09-first-reply"} {
		if _, err := builder(t, id)(orphans, testProv); AsNotDrawable(err) == nil || AsNotDrawable(err).Need != NeedMessageLinks || !strings.Contains(err.Error(), "do not link replies to their message") {
			t.Errorf("no thread: error %v", err)
		}
	}
}

func TestEnglishLabels(t *testing.T) {
	old := figure.Lang
	figure.Lang = figure.English
	defer func() { figure.Lang = old }()
	if got := ProfessionLabel(corpus.HomeCareAide); got != "home-care aides" {
		t.Errorf("ProfessionLabel = %q", got)
	}
	f := build(t, "f05-rhythm")
	if !strings.HasPrefix(f.Title, "Figure 5 – Weekly") {
		t.Errorf("title %q", f.Title)
	}
	// The data do not depend on the language.
	hasLines(t, f, "home-care-aide,0,Monday,8,2,0.200000")
}

// TestRenderForReview writes every figure of the fixture study to
// $PAPER_FIGURES, for looking at them; it is skipped when unset.
func TestRenderForReview(t *testing.T) {
	dir := os.Getenv("PAPER_FIGURES")
	if dir == "" {
		t.Skip("PAPER_FIGURES not set")
	}
	for _, b := range builders {
		f, err := b.build(studyFixture(), testProv)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Save(dir); err != nil {
			t.Fatal(err)
		}
	}
}
