package rhythm

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.DateTime, s)
	if err != nil {
		panic(err)
	}
	return t
}

func at(com string, times ...string) []corpus.Message {
	var out []corpus.Message
	for i, s := range times {
		out = append(out, corpus.Message{Community: com, ID: string(rune('a' + i)), Created: utc(s)})
	}
	return out
}

// boundary holds UTC times around 08:00 and 19:00 Paris time on both
// sides of the spring DST change (Sunday 31 March 2024, 01:00 UTC).
var boundary = []struct {
	utc     string
	off     bool
	day, hr int
	paris   string
}{
	{"2024-03-25 06:59:59", true, 0, 7, "Mon 07:59:59 CET"},
	{"2024-03-25 07:00:00", false, 0, 8, "Mon 08:00 CET"},
	{"2024-03-25 17:59:59", false, 0, 18, "Mon 18:59:59 CET"},
	{"2024-03-25 18:00:00", true, 0, 19, "Mon 19:00 CET"},
	{"2024-03-29 17:30:00", false, 4, 18, "Fri 18:30 CET"},
	{"2024-03-29 23:30:00", true, 5, 0, "Sat 00:30 CET"},
	{"2024-03-30 10:00:00", true, 5, 11, "Sat 11:00 CET"},
	{"2024-03-31 01:30:00", true, 6, 3, "Sun 03:30 CEST, just after the change"},
	{"2024-03-31 23:30:00", true, 0, 1, "Mon 01:30 CEST"},
	{"2024-04-02 05:59:59", true, 1, 7, "Tue 07:59:59 CEST"},
	{"2024-04-02 06:00:00", false, 1, 8, "Tue 08:00 CEST (07:00 in CET)"},
	{"2024-04-02 16:59:59", false, 1, 18, "Tue 18:59:59 CEST"},
	{"2024-04-02 17:00:00", true, 1, 19, "Tue 19:00 CEST (18:00 in CET)"},
}

func TestMeasure(t *testing.T) {
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "g", Name: "G", Profession: corpus.HomeCareAide}},
		// Monday 25 March 2024, 10:00 and 20:00 in Paris (UTC+1).
		Messages: at("g", "2024-03-25 09:00:00", "2024-03-25 19:00:00"),
	}
	gs := Measure(c)
	if len(gs) != 2 || gs[0].Community.Name != "G" || gs[1].Community.ID != indicator.AllCommunities {
		t.Fatalf("groups %+v", gs)
	}
	for _, g := range gs {
		if g.Grid[0][10] != 1 || g.Grid[0][20] != 1 || g.Grid.Total() != 2 || g.Grid.OffHours() != 1 || g.Grid.OffHoursShare() != 0.5 {
			t.Errorf("%s: grid total %d, off %d", g.Community.ID, g.Grid.Total(), g.Grid.OffHours())
		}
	}
}

func TestOffHoursBoundariesAndDST(t *testing.T) {
	var times []string
	for _, b := range boundary {
		if got := OffHours(utc(b.utc)); got != b.off {
			t.Errorf("OffHours(%s = %s) = %v, want %v", b.utc, b.paris, got, b.off)
		}
		if got := Weekday(utc(b.utc)); got != b.day {
			t.Errorf("Weekday(%s = %s) = %d, want %d", b.utc, b.paris, got, b.day)
		}
		times = append(times, b.utc)
	}
	msgs := at("c", times...)
	g := Counts(msgs)
	for _, b := range boundary {
		if g[b.day][b.hr] != 1 {
			t.Errorf("grid[%d][%d] = %d, want 1 (%s)", b.day, b.hr, g[b.day][b.hr], b.paris)
		}
	}
	if g.Total() != 13 {
		t.Errorf("total %d", g.Total())
	}
	// 5 of the 13 are within working hours: the grid's count and the
	// per-message rule agree, cell by cell.
	if s := OffHoursShare(msgs); math.Abs(s-8.0/13) > 1e-15 {
		t.Errorf("off-hours share = %v, want 8/13", s)
	}
	if n := g.OffHours(); n != 8 {
		t.Errorf("off-hours messages = %d, want 8", n)
	}
	for _, b := range boundary {
		if Working(b.day, b.hr) == b.off {
			t.Errorf("Working(%d, %d) = %v for %s", b.day, b.hr, !b.off, b.paris)
		}
	}
	sh := g.Shares()
	var sum float64
	for d := range sh {
		for h := range sh[d] {
			sum += sh[d][h]
		}
	}
	if math.Abs(sum-1) > 1e-12 || sh[0][8] != 1.0/13 {
		t.Errorf("shares sum %v, [0][8] = %v", sum, sh[0][8])
	}
}

func TestAutumnDST(t *testing.T) {
	// Sunday 27 October 2024: 00:30 UTC is 02:30 CEST, 01:30 UTC is 02:30
	// CET. Both fall in the local hour 2 of Sunday.
	g := Counts(at("c", "2024-10-27 00:30:00", "2024-10-27 01:30:00", "2024-10-28 07:00:00"))
	if g[6][2] != 2 || g[0][8] != 1 || g.Total() != 3 {
		t.Errorf("grid Sunday 2h = %d, Monday 8h = %d", g[6][2], g[0][8])
	}
}

func TestEmpty(t *testing.T) {
	var g Grid
	if !math.IsNaN(g.OffHoursShare()) || !math.IsNaN(g.Shares()[3][3]) || !math.IsNaN(OffHoursShare(nil)) {
		t.Error("empty group: want NaN")
	}
	if one := OffHoursShare(at("c", "2024-03-25 07:00:00")); one != 0 {
		t.Errorf("one message in working hours: %v", one)
	}
}

func TestChiSquareHand(t *testing.T) {
	// a: 10 at 9h, 10 at 20h; b: 20 at 9h. N = 40, E(a,9h) = 20*30/40 = 15,
	// E(a,20h) = 5, same for b. Chi2 = 25/15 + 25/5 + 25/15 + 25/5 = 40/3.
	var a, b [24]int
	a[9], a[20], b[9] = 10, 10, 20
	chi2, df, p := ChiSquare(a, b)
	if math.Abs(chi2-40.0/3) > 1e-12 || df != 1 {
		t.Errorf("chi2 = %v df %d, want 40/3, 1", chi2, df)
	}
	// With one degree of freedom, P(X > x) = erfc(sqrt(x/2)).
	if want := math.Erfc(math.Sqrt(chi2 / 2)); math.Abs(p-want) > 1e-9 {
		t.Errorf("p = %v, want %v", p, want)
	}
	// Identical distributions give 0 and p = 1.
	chi2, df, p = ChiSquare(a, a)
	if chi2 != 0 || df != 1 || math.Abs(p-1) > 1e-12 {
		t.Errorf("same distributions: %v %d %v", chi2, df, p)
	}
	// Undefined cases.
	var one [24]int
	one[9] = 3
	for _, c := range [][2][24]int{{a, {}}, {one, one}} {
		chi2, df, p = ChiSquare(c[0], c[1])
		if !math.IsNaN(chi2) || df != 0 || !math.IsNaN(p) {
			t.Errorf("undefined case gave %v %d %v", chi2, df, p)
		}
	}
}

func testCorpus() *corpus.Corpus {
	var m []corpus.Message
	// GP: 10 on Monday 25 March at 09:xx Paris (08:xx UTC), 10 at 20:xx.
	for i := 0; i < 10; i++ {
		m = append(m, at("doc", "2024-03-25 08:0"+string(rune('0'+i))+":00", "2024-03-25 19:0"+string(rune('0'+i))+":00")...)
	}
	// Home-care aides: 20 at 09:xx, in two groups.
	for i := 0; i < 10; i++ {
		m = append(m, at("a", "2024-03-25 08:1"+string(rune('0'+i))+":00")...)
		m = append(m, at("b", "2024-03-25 08:2"+string(rune('0'+i))+":00")...)
	}
	for i := range m {
		m[i].ID += string(rune('0' + i%10))
	}
	return &corpus.Corpus{
		Communities: []corpus.Community{
			{ID: "doc", Profession: corpus.GP},
			{ID: "b", Profession: corpus.HomeCareAide},
			{ID: "a", Profession: corpus.HomeCareAide},
			{ID: "e", Profession: corpus.HomeCareAide},
		},
		Messages: m,
	}
}

func TestCompareAndRows(t *testing.T) {
	c := testCorpus()
	cmp := CompareProfessions(c)
	if len(cmp) != 1 {
		t.Fatalf("comparisons: %+v", cmp)
	}
	x := cmp[0]
	if x.A != corpus.GP || x.B != corpus.HomeCareAide || x.OffHoursA != 0.5 || x.OffHoursB != 0 || x.OffHoursDiff != 0.5 ||
		math.Abs(x.Chi2-40.0/3) > 1e-12 || x.DF != 1 {
		t.Errorf("comparison = %+v", x)
	}
	var got []string
	for _, r := range Rows(c) {
		got = append(got, r.Community+" "+string(r.Profession)+" "+r.Indicator+" "+indicator.FormatValue(r.Value))
	}
	want := []string{
		"doc general-practitioner off_hours_share 0.500000",
		"* general-practitioner off_hours_share 0.500000",
		"a home-care-aide off_hours_share 0.000000",
		"b home-care-aide off_hours_share 0.000000",
		"e home-care-aide off_hours_share NaN",
		"* home-care-aide off_hours_share 0.000000",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	cf := ComparisonFrame(c)
	if cf.Nrow() != 1 || cf.Elem(0, 0).String() != "general-practitioner" || cf.Elem(0, 4).Float() != 0.5 {
		t.Errorf("comparison frame:\n%v", cf)
	}
}

func TestGridFrame(t *testing.T) {
	c := testCorpus()
	f := GridFrame(c)
	// Groups: a, b, doc, e, *GP, *HCA; 168 rows each.
	if f.Nrow() != 6*168 {
		t.Fatalf("%d rows", f.Nrow())
	}
	check := func(row int, com, wd string, hour, n int, share float64) {
		t.Helper()
		if f.Elem(row, 0).String() != com || f.Elem(row, 2).String() != wd || f.Elem(row, 4).Float() != float64(hour) ||
			f.Elem(row, 5).Float() != float64(n) || f.Elem(row, 6).Float() != share {
			t.Errorf("row %d: %v %v %v %v %v", row, f.Elem(row, 0), f.Elem(row, 2), f.Elem(row, 4), f.Elem(row, 5), f.Elem(row, 6))
		}
	}
	check(9, "a", "Monday", 9, 10, 1)
	check(2*168+20, "doc", "Monday", 20, 10, 0.5)
	check(2*168+24+20, "doc", "Tuesday", 20, 0, 0)
	check(5*168+9, "*", "Monday", 9, 20, 1)
	if !math.IsNaN(f.Elem(3*168, 6).Float()) {
		t.Errorf("empty community share %v", f.Elem(3*168, 6))
	}
}

func BenchmarkRows1M(b *testing.B) {
	c := indicatortest.Corpus(1_000_000, 1)
	for b.Loop() {
		Rows(c)
	}
}

func BenchmarkCounts1M(b *testing.B) {
	c := indicatortest.Corpus(1_000_000, 1)
	b.ReportAllocs()
	for b.Loop() {
		Counts(c.Messages)
	}
}

// withAuthors gives the messages authors, in turn from names.
func withAuthors(m []corpus.Message, names ...string) []corpus.Message {
	for i := range m {
		m[i].Author = names[i%len(names)]
	}
	return m
}

// TestIntervalsOverAuthors checks that off_hours_share is resampled by
// author: one night owl writing 6 messages at night and 4 day authors
// writing one message each: the share is 6/10 over 5 units; the units
// are ordered by their values; a message without author is a unit.
func TestIntervalsOverAuthors(t *testing.T) {
	night := at("g", "2024-03-25 20:00:00", "2024-03-25 20:10:00", "2024-03-25 21:00:00", "2024-03-25 22:00:00", "2024-03-26 20:00:00", "2024-03-26 21:00:00")
	night = withAuthors(night, "owl")
	day := withAuthors(at("g", "2024-03-25 09:00:00", "2024-03-25 10:00:00", "2024-03-25 11:00:00", "2024-03-25 12:00:00"), "a", "b", "c", "d")
	msgs := append(append(night, day...), at("g", "2024-03-30 10:00:00")...) // Saturday, no author
	units := PerAuthor(msgs)
	// The owl writes on Monday and Tuesday; the anonymous message is on a
	// Saturday.
	want := []AuthorHours{{6, 6, 0}, {1, 1, 1}, {1, 0, 0}, {1, 0, 0}, {1, 0, 0}, {1, 0, 0}}
	if fmt.Sprint(units) != fmt.Sprint(want) {
		t.Fatalf("units %v, want %v", units, want)
	}
	e := OffHoursEstimate(units)
	g := Counts(msgs)
	if e.Value != g.OffHoursShare() || e.Value != 7.0/11 || e.N != 6 || e.Unit != "authors" || e.Method != "bca-bootstrap" {
		t.Errorf("estimate %+v, want 7/11 over 6 authors", e)
	}
	// Over authors the interval is wide: a resample without the owl has
	// a share of at most 1/5, one with the owl twice 12/13 or more.
	if !(e.Lo < 0.4 && e.Hi > 0.8) {
		t.Errorf("interval [%v, %v] is too narrow for 6 units", e.Lo, e.Hi)
	}
	if w := WeekendEstimate(units); w.Value != 1.0/11 || w.N != 6 {
		t.Errorf("weekend %+v, want 1/11 over 6 units", w)
	}
}

// TestCompareOverAuthors: 30 GP authors writing 3 messages each, all
// three at night for half of them and one for the others, against 30
// aides writing 3 messages each by day: the difference (3 + 1)/6 = 2/3 is
// claimed; two professions with the same habits are not told apart.
func TestCompareOverAuthors(t *testing.T) {
	var gp, aides, same []corpus.Message
	for i := range 30 {
		a := fmt.Sprintf("u%02d", i)
		last := "2024-03-26 09:00:00"
		if i%2 == 0 {
			last = "2024-03-26 21:00:00"
		}
		first := "2024-03-25 19:30:00"
		if i%2 == 1 {
			first = "2024-03-25 10:30:00"
		}
		gp = append(gp, withAuthors(at("doc", first, "2024-03-25 20:00:00", last), a)...)
		aides = append(aides, withAuthors(at("a", "2024-03-25 08:30:00", "2024-03-25 09:00:00", "2024-03-26 09:00:00"), a)...)
		times := []string{"2024-03-25 09:00:00", "2024-03-25 10:00:00", "2024-03-25 11:00:00"}
		if i%3 == 0 {
			times[0] = "2024-03-25 20:00:00"
		}
		same = append(same, withAuthors(at("b", times...), a)...)
	}
	c := Compare(corpus.GP, gp, corpus.HomeCareAide, aides)
	if d := c.OffHours; !d.Claimed() || math.Abs(d.Value-2.0/3) > 1e-12 || d.Unit != "authors" || d.NA != 30 || d.NB != 30 {
		t.Errorf("GP − aides %+v, want 2/3 claimed over 30 + 30 authors", d)
	}
	c = Compare(corpus.GP, same[:45], corpus.HomeCareAide, same[45:])
	if d := c.OffHours; d.Claimed() || d.P < 0.05 {
		t.Errorf("same habits %+v, want not claimed", d)
	}
}
