package participation

import (
	"math"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
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
	// e: empty; 20 members. Profession: A5 B2 C1 D1 E1 (n=5, X=10), Gini
	// 18/50, pooled lurkers 1 - (4+2+0)/(8+5+20) = 27/33.
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
		"g home-care-aide gini_messages_per_author 0.312500",
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
		"* home-care-aide gini_messages_per_author 0.360000",
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
	if g.Summary.Authors != 4 || g.Summary.Members != 8 || !indicatortest.Near(g.Summary.LurkerShare, 0.5) || len(g.Lorenz) != len(want) {
		t.Fatalf("g = %+v", g)
	}
	for i, p := range want {
		if !indicatortest.Near(g.Lorenz[i].Authors, p.Authors) || !indicatortest.Near(g.Lorenz[i].Messages, p.Messages) {
			t.Errorf("Lorenz point %d = %+v, want %+v", i, g.Lorenz[i], p)
		}
	}
	if all := byID["*/"+string(corpus.HomeCareAide)]; all.Summary.Members != 33 || !indicatortest.Near(all.Summary.Gini, 18.0/50) {
		t.Errorf("profession %+v", all.Summary)
	}
	if e := byID["e/"+string(corpus.HomeCareAide)]; e.Lorenz != nil || e.Summary.Authors != 0 {
		t.Errorf("empty group %+v", e)
	}
}
