package participation

import (
	"math"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"github.com/faire-communaute/compendium/analysis/stats"
)

var day = time.Date(2024, 3, 4, 10, 0, 0, 0, time.UTC)

func msgs(com string, authors ...string) []corpus.Message {
	var out []corpus.Message
	for i, a := range authors {
		out = append(out, corpus.Message{Community: com, ID: string(rune('a' + i)), Author: a, Created: day.Add(time.Duration(i) * time.Hour)})
	}
	return out
}

func TestGiniLorenzHand(t *testing.T) {
	x := []int{4, 1, 2, 1}
	// sum over ordered pairs of |xi-xj| = 2*(0+1+3+1+3+2) = 20, n=4, mean=2.
	if g := Gini(x); !indicatortest.Near(g, 0.3125) {
		t.Errorf("Gini(%v) = %v, want 0.3125", x, g)
	}
	want := []LorenzPoint{{0, 0}, {0.25, 0.125}, {0.5, 0.25}, {0.75, 0.5}, {1, 1}}
	got := Lorenz(x)
	if len(got) != len(want) {
		t.Fatalf("Lorenz = %v", got)
	}
	for i := range want {
		if !indicatortest.Near(got[i].Authors, want[i].Authors) || !indicatortest.Near(got[i].Messages, want[i].Messages) {
			t.Errorf("Lorenz[%d] = %v, want %v", i, got[i], want[i])
		}
	}
	if x[0] != 4 {
		t.Errorf("Gini or Lorenz sorted its argument: %v", x)
	}
	cases := []struct {
		x                 []int
		gini, top, mean   float64
		median            float64
		lorenzPointsCount int
	}{
		{nil, math.NaN(), math.NaN(), math.NaN(), math.NaN(), 0},
		{[]int{7}, 0, 1, 7, 7, 2},
		{[]int{3, 3, 3}, 0, 1.0 / 3, 3, 3, 4},
		{[]int{1, 1, 1, 2, 5}, 0.36, 0.5, 2, 1, 6},
		// n = 11: sum of ordered pairs 2*sum_d d(11-d) = 440; the top
		// ceil(11/10) = 2 authors hold (11+10)/66.
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 440.0 / (2 * 11 * 66), 21.0 / 66, 6, 6, 12},
		// n = 10: pairs 2*9*10 = 180; the top 1 author.
		{[]int{1, 1, 1, 1, 1, 1, 1, 1, 1, 11}, 180.0 / (2 * 10 * 20), 11.0 / 20, 2, 1, 11},
	}
	for _, c := range cases {
		if g := Gini(c.x); !indicatortest.Near(g, c.gini) {
			t.Errorf("Gini(%v) = %v, want %v", c.x, g, c.gini)
		}
		if g := Top10Share(c.x); !indicatortest.Near(g, c.top) {
			t.Errorf("Top10Share(%v) = %v, want %v", c.x, g, c.top)
		}
		if g := Mean(c.x); !indicatortest.Near(g, c.mean) {
			t.Errorf("Mean(%v) = %v, want %v", c.x, g, c.mean)
		}
		if g := Median(c.x); !indicatortest.Near(g, c.median) {
			t.Errorf("Median(%v) = %v, want %v", c.x, g, c.median)
		}
		if g := len(Lorenz(c.x)); g != c.lorenzPointsCount {
			t.Errorf("len(Lorenz(%v)) = %d, want %d", c.x, g, c.lorenzPointsCount)
		}
	}
}

// TestGiniPairs checks the O(n log n) form against the literal double sum.
func TestGiniPairs(t *testing.T) {
	x := []int{5, 1, 9, 9, 2, 30, 1, 4}
	var num, tot float64
	for _, a := range x {
		tot += float64(a)
		for _, b := range x {
			num += math.Abs(float64(a - b))
		}
	}
	n := float64(len(x))
	want := num / (2 * n * n * (tot / n))
	if g := Gini(x); math.Abs(g-want) > 1e-12 {
		t.Errorf("Gini = %v, double sum gives %v", g, want)
	}
}

func TestPerAuthor(t *testing.T) {
	counts, anon := PerAuthor(msgs("g", "B", "", "A", "B", "C", "A", ""))
	if anon != 2 || len(counts) != 3 || counts[0] != (AuthorCount{"A", 2}) || counts[1] != (AuthorCount{"B", 2}) || counts[2] != (AuthorCount{"C", 1}) {
		t.Errorf("counts %v, anonymous %d", counts, anon)
	}
}

func testCorpus() *corpus.Corpus {
	var m []corpus.Message
	m = append(m, msgs("g", "A", "B", "A", "C", "", "A", "D", "B", "", "A")...)
	m = append(m, msgs("h", "A", "E")...)
	m = append(m, msgs("doc", "")...)
	obs := func(com string, month time.Month, members int) corpus.PanelObservation {
		return corpus.PanelObservation{Community: com, Observed: time.Date(2024, month, 1, 0, 0, 0, 0, time.UTC), Members: members}
	}
	return &corpus.Corpus{
		Communities: []corpus.Community{
			{ID: "g", Profession: corpus.HomeCareAide},
			{ID: "h", Profession: corpus.HomeCareAide},
			{ID: "e", Profession: corpus.HomeCareAide},
			{ID: "doc", Profession: corpus.GP},
		},
		Messages: m,
		// g: the latest observation (8 members) comes first in the slice.
		Panels: []corpus.PanelObservation{obs("g", 3, 8), obs("g", 1, 100), obs("h", 2, 5), obs("e", 2, 20)},
	}
}

func TestRows(t *testing.T) {
	// g: A4 B2 C1 D1 and 2 anonymous; 8 members. h: A1 E1; 5 members.
	// e: empty; 20 members. Profession: A5 B2 C1 D1 E1 (n=5, X=10), plain
	// Gini 18/50, corrected G* = 5/4 · 18/50 = 0.45; pooled lurkers 1 -
	// (4+2+0)/(8+5+20) = 27/33. g: plain Gini 0.3125, G* = 4/3 · 0.3125 =
	// 0.416667; h: two authors of one message each, G* 0.
	indicatortest.CheckRows(t, Rows(testCorpus()), []string{
		"doc general-practitioner anonymous_messages 1.000000",
		"doc general-practitioner authors 0.000000",
		"doc general-practitioner gini_messages_per_author NaN",
		"doc general-practitioner lurker_share NaN (no panel observation)",
		"doc general-practitioner messages_per_author_mean NaN",
		"doc general-practitioner messages_per_author_median NaN",
		"doc general-practitioner top10_share NaN",
		"* general-practitioner anonymous_messages 1.000000",
		"* general-practitioner authors 0.000000",
		"* general-practitioner gini_messages_per_author NaN",
		"* general-practitioner lurker_share NaN (no panel observation)",
		"* general-practitioner messages_per_author_mean NaN",
		"* general-practitioner messages_per_author_median NaN",
		"* general-practitioner top10_share NaN",
		"e home-care-aide anonymous_messages 0.000000",
		"e home-care-aide authors 0.000000",
		"e home-care-aide gini_messages_per_author NaN",
		"e home-care-aide lurker_share 1.000000",
		"e home-care-aide members 20.000000",
		"e home-care-aide messages_per_author_mean NaN",
		"e home-care-aide messages_per_author_median NaN",
		"e home-care-aide top10_share NaN",
		"g home-care-aide anonymous_messages 2.000000",
		"g home-care-aide authors 4.000000",
		"g home-care-aide gini_messages_per_author 0.416667",
		"g home-care-aide lurker_share 0.500000",
		"g home-care-aide members 8.000000",
		"g home-care-aide messages_per_author_mean 2.000000",
		"g home-care-aide messages_per_author_median 1.500000",
		"g home-care-aide top10_share 0.500000",
		"h home-care-aide anonymous_messages 0.000000",
		"h home-care-aide authors 2.000000",
		"h home-care-aide gini_messages_per_author 0.000000",
		"h home-care-aide lurker_share 0.600000",
		"h home-care-aide members 5.000000",
		"h home-care-aide messages_per_author_mean 1.000000",
		"h home-care-aide messages_per_author_median 1.000000",
		"h home-care-aide top10_share 0.500000",
		"* home-care-aide anonymous_messages 2.000000",
		"* home-care-aide authors 5.000000",
		"* home-care-aide gini_messages_per_author 0.450000",
		"* home-care-aide lurker_share 0.818182",
		"* home-care-aide members 33.000000",
		"* home-care-aide messages_per_author_mean 2.000000",
		"* home-care-aide messages_per_author_median 1.000000",
		"* home-care-aide top10_share 0.500000",
	})
}

func TestFrames(t *testing.T) {
	c := testCorpus()
	d := DistributionFrame(c)
	// Groups order: doc (none), e (none), g: 1->2, 2->1, 4->1; h: 1->2;
	// *GP none; *HCA: 1->3, 2->1, 5->1.
	want := []string{"g 1 2", "g 2 1", "g 4 1", "h 1 2", "* 1 3", "* 2 1", "* 5 1"}
	if d.Nrow() != len(want) {
		t.Fatalf("distribution frame:\n%v", d)
	}
	for i, w := range want {
		got := d.Elem(i, 0).String() + " " + d.Elem(i, 2).String() + " " + d.Elem(i, 3).String()
		if got != w {
			t.Errorf("distribution row %d = %q, want %q", i, got, w)
		}
	}
	l := LorenzFrame(c)
	// g: 5 points, h: 3 points, *HCA: 6 points.
	if l.Nrow() != 14 || l.Elem(2, 3).Float() != 0.25 || l.Elem(5, 0).String() != "h" || l.Elem(13, 2).Float() != 1 {
		t.Errorf("Lorenz frame:\n%v", l)
	}
}

func BenchmarkRows1M(b *testing.B) {
	c := indicatortest.Corpus(1_000_000, 1)
	for b.Loop() {
		Rows(c)
	}
}

func BenchmarkPerAuthorGini1M(b *testing.B) {
	c := indicatortest.Corpus(1_000_000, 1)
	b.ReportAllocs()
	for b.Loop() {
		counts, _ := PerAuthor(c.Messages)
		Gini(Values(counts))
	}
}

func TestMeasure(t *testing.T) {
	gs := Measure(testCorpus())
	// Groups: doc, e, g, h, then * of each profession.
	byID := map[string]Group{}
	for _, g := range gs {
		byID[g.Community.ID+"/"+string(g.Community.Profession)] = g
	}
	g := byID["g/"+string(corpus.HomeCareAide)]
	// g: A4 B2 C1 D1, 8 members: Lorenz from (0,0) by ascending counts
	// 1, 1, 2, 4 of 8 messages.
	want := []LorenzPoint{{0, 0}, {0.25, 0.125}, {0.5, 0.25}, {0.75, 0.5}, {1, 1}}
	if g.Summary.Top10Authors != 1 || g.Summary.Top10Messages != 4 {
		t.Errorf("top 10 %%: %d authors, %d messages; want A alone, 4", g.Summary.Top10Authors, g.Summary.Top10Messages)
	}
	if g.Summary.Authors != 4 || g.Summary.Members != 8 || !indicatortest.Near(g.Summary.LurkerShare.Value, 0.5) || len(g.Lorenz) != len(want) {
		t.Fatalf("g = %+v", g)
	}
	for i, p := range want {
		if !indicatortest.Near(g.Lorenz[i].Authors, p.Authors) || !indicatortest.Near(g.Lorenz[i].Messages, p.Messages) {
			t.Errorf("Lorenz point %d = %+v, want %+v", i, g.Lorenz[i], p)
		}
	}
	if all := byID["*/"+string(corpus.HomeCareAide)]; all.Summary.Members != 33 || !indicatortest.Near(all.Summary.Gini.Value, 0.45) {
		t.Errorf("profession %+v", all.Summary)
	}
	if e := byID["e/"+string(corpus.HomeCareAide)]; e.Lorenz != nil || e.Summary.Authors != 0 {
		t.Errorf("empty group %+v", e)
	}
}

// TestIntervals checks the intervals of the test corpus by hand where a
// closed form exists and by their bounds where a bootstrap draws them.
func TestIntervals(t *testing.T) {
	byID := map[string]Group{}
	for _, g := range Measure(testCorpus()) {
		byID[g.Community.ID+"/"+string(g.Community.Profession)] = g
	}
	g := byID["g/"+string(corpus.HomeCareAide)].Summary
	// Lurkers of g: 4 of 8 members never wrote. Wilson at 95 %, z =
	// 1.959964, p = 0.5: centre 0.5, half-width z/(1 + z²/8) ·
	// sqrt(0.25/8 + z²/256) = 0.284784, so [0.215216, 0.784784].
	if l := g.LurkerShare; math.Abs(l.Lo-0.2152161) > 1e-6 || math.Abs(l.Hi-0.7847839) > 1e-6 || l.Unit != "members" || l.N != 8 {
		t.Errorf("lurkers of g %+v, want [0.215216, 0.784784] over 8 members", l)
	}
	// G* over 4 authors (4, 2, 1, 1): a resample is 4 of those values, G*
	// between 0 (all equal) and 1 (impossible without zeros: at most
	// 4/3 · (3·4 − ...) < 1); bounds on either side of 0.416667.
	if e := g.Gini; e.N != 4 || e.Unit != "authors" || e.Method != "bca-bootstrap" || !(e.Lo <= e.Value && e.Value <= e.Hi && e.Lo >= 0 && e.Hi < 1) {
		t.Errorf("Gini of g %+v", e)
	}
	// top10_share of g: ceil(4/10) = 1 author of 4; a resample's share is
	// its largest value over its sum: between 4/16 (four copies of A's 4
	// messages... over 16) and 1.
	if e := g.Top10Share; e.Value != 0.5 || e.N != 4 || !(e.Lo >= 0.25 && e.Hi <= 1) {
		t.Errorf("top 10 %% of g %+v", e)
	}
	// One author: G* undefined, no interval.
	if e := Summarize(msgs("x", "A", "A")).Gini; !math.IsNaN(e.Value) || e.Estimable() {
		t.Errorf("Gini of one author %+v, want NaN", e)
	}
	// More authors than members: the share is negative, no interval.
	if e := lurkers(10, 8); e.Value != -0.25 || e.Estimable() || e.Method != "" {
		t.Errorf("lurkers 10 of 8 %+v, want -0.25 without interval", e)
	}
	// The Lorenz band at the grid: the curve equals LorenzAt's, 0 at 0
	// and 1 at 1 (no interval: every resample agrees), a band around the
	// middle.
	b := byID["g/"+string(corpus.HomeCareAide)].LorenzBand
	if len(b.Value) != len(LorenzGrid) || b.Value[0] != 0 || b.Value[100] != 1 || !math.IsNaN(b.Lo[0]) ||
		!indicatortest.Near(b.Value[50], 0.25) || !(b.Lo[50] < 0.25 && b.Hi[50] >= 0.25) {
		t.Errorf("Lorenz band of g: value %v lo %v hi %v at 0.5", b.Value[50], b.Lo[50], b.Hi[50])
	}
}

// TestTop10Walk checks the multiplicity walk of top10_share against
// Top10Share on the resampled values.
func TestTop10Walk(t *testing.T) {
	x := []int{4, 9, 1, 1, 7, 2, 2, 30, 5, 1, 1, 3}
	stat := top10Stat(x)
	gini := giniStat(x)
	for _, idx := range [][]int{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
		{7, 7, 7, 0},
		{1, 2, 3, 1, 1, 5, 11, 9, 0, 0, 4, 6, 8},
		{2, 3},
	} {
		v := make([]int, len(idx))
		for k, i := range idx {
			v[k] = x[i]
		}
		if got, want := stat(idx), Top10Share(v); math.Abs(got-want) > 1e-12 {
			t.Errorf("top10 of %v = %v, want %v", v, got, want)
		}
		if got, want := gini(idx), float64(len(v))/float64(len(v)-1)*Gini(v); math.Abs(got-want) > 1e-12 {
			t.Errorf("G* of %v = %v, want %v", v, got, want)
		}
	}
}

// TestCompareProfessions checks the difference of G* between
// professions: the test corpus's GPs have no author (no difference to
// estimate); two professions of 60 authors, one where all write alike and
// one where a tenth write most, differ and the difference is claimed;
// two halves of one distribution are not told apart.
func TestCompareProfessions(t *testing.T) {
	cs := CompareProfessions(Measure(testCorpus()))
	if len(cs) != 1 || cs[0].A != corpus.GP || cs[0].B != corpus.HomeCareAide || !math.IsNaN(cs[0].Gini.Value) || cs[0].Gini.Claimed() {
		t.Fatalf("comparisons %+v", cs)
	}
	group := func(p corpus.Profession, x []int) Group {
		return Group{Community: corpus.Community{ID: indicator.AllCommunities, Profession: p}, PerAuthor: x}
	}
	equal, skewed, mixed := make([]int, 60), make([]int, 60), make([]int, 60)
	for i := range 60 {
		equal[i] = 3 + i%2
		skewed[i] = 1
		if i < 6 {
			skewed[i] = 40 + i
		}
		mixed[i] = 1 + i%7
	}
	d := CompareProfessions([]Group{group(corpus.GP, equal), group(corpus.HomeCareAide, skewed)})[0].Gini
	if !d.Claimed() || d.Value >= 0 || d.Hi >= 0 || d.P > 0.01 || d.Unit != "authors" {
		t.Errorf("equal − skewed %+v, want a claimed negative difference", d)
	}
	d = CompareProfessions([]Group{group(corpus.GP, mixed[:30]), group(corpus.HomeCareAide, mixed[30:])})[0].Gini
	if d.Claimed() || d.P < 0.05 {
		t.Errorf("two halves of one distribution %+v, want not claimed", d)
	}
}

// TestLorenzBandWalk checks the multiplicity walk of LorenzBand against
// stats.LorenzBand, which sorts each resample: same seed, same resamples
// (of the sorted values), so the same band to rounding.
func TestLorenzBandWalk(t *testing.T) {
	x := []int{1, 1, 2, 4, 9, 1, 3, 3, 30, 2, 5, 1, 1, 7}
	got := LorenzBand(x)
	want := stats.LorenzBand(stats.Floats(sortedCopy(x)), LorenzGrid, Options())
	for j := range LorenzGrid {
		for _, p := range [][2]float64{{got.Value[j], want.Value[j]}, {got.Lo[j], want.Lo[j]}, {got.Hi[j], want.Hi[j]}} {
			if !(math.IsNaN(p[0]) && math.IsNaN(p[1])) && math.Abs(p[0]-p[1]) > 1e-12 {
				t.Fatalf("at %v: walk %v %v %v, stats %v %v %v", LorenzGrid[j], got.Value[j], got.Lo[j], got.Hi[j], want.Value[j], want.Lo[j], want.Hi[j])
			}
		}
	}
	if !indicatortest.Near(got.Value[50], stats.LorenzAt(stats.Floats(x), []float64{0.5})[0]) {
		t.Errorf("L(0.5) = %v", got.Value[50])
	}
}
