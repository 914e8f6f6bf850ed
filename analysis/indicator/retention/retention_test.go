package retention

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
)

func m(com, author, utc string) corpus.Message {
	t, err := time.Parse(time.RFC3339, utc)
	if err != nil {
		panic(err)
	}
	return corpus.Message{Community: com, ID: author + utc, Author: author, Created: t}
}

// handMessages: Jan cohort {A, B}; C's first message is 31 January 23:30
// UTC, 1 February in Paris, so the Feb cohort is {C}; D is the April
// cohort; the last month is April.
func handMessages(com string) []corpus.Message {
	return []corpus.Message{
		m(com, "A", "2024-01-05T10:00:00Z"),
		m(com, "B", "2024-01-20T10:00:00Z"),
		m(com, "", "2024-01-21T10:00:00Z"),
		m(com, "C", "2024-01-31T23:30:00Z"),
		m(com, "A", "2024-02-10T10:00:00Z"),
		m(com, "A", "2024-02-11T10:00:00Z"),
		m(com, "C", "2024-03-02T10:00:00Z"),
		m(com, "B", "2024-03-31T21:59:00Z"), // 23:59 CEST, still March
		m(com, "A", "2024-04-15T10:00:00Z"),
		m(com, "D", "2024-04-16T10:00:00Z"),
	}
}

func TestCohortsHand(t *testing.T) {
	nan := math.NaN()
	type want struct {
		month  string
		size   int
		active [Lags]int
		obs    [Lags]bool
		ret    [Lags]float64
	}
	ws := []want{
		// Jan {A,B}: Feb A; Mar B; Apr A.
		{"2024-01", 2, [Lags]int{1, 1, 1}, [Lags]bool{true, true, true}, [Lags]float64{0.5, 0.5, 0.5}},
		// Feb {C}: Mar C; Apr nobody; May after the data.
		{"2024-02", 1, [Lags]int{1, 0, 0}, [Lags]bool{true, true, false}, [Lags]float64{1, 0, nan}},
		// Apr {D}: beyond the data at every lag.
		{"2024-04", 1, [Lags]int{}, [Lags]bool{}, [Lags]float64{nan, nan, nan}},
	}
	cs := Cohorts(handMessages("g"))
	if len(cs) != len(ws) {
		t.Fatalf("cohorts = %+v", cs)
	}
	for i, w := range ws {
		c := cs[i]
		ok := c.Month.String() == w.month && c.Size == w.size && c.Active == w.active && c.Observable == w.obs
		for k := range w.ret {
			ok = ok && indicatortest.Near(c.Retention[k], w.ret[k])
		}
		if !ok {
			t.Errorf("cohort %d = %+v, want %+v", i, c, w)
		}
	}
	// Pooled: m1 (1+1)/(2+1); m2 (1+0)/(2+1); m3 1/2 (Jan only).
	p := Pooled(cs)
	if !indicatortest.Near(p[0], 2.0/3) || !indicatortest.Near(p[1], 1.0/3) || !indicatortest.Near(p[2], 0.5) {
		t.Errorf("pooled = %v", p)
	}
}

func TestMonth(t *testing.T) {
	if got := (Month{2023, time.November}).Add(3).String(); got != "2024-02" {
		t.Errorf("Nov 2023 + 3 = %s", got)
	}
	if got := (Month{2024, time.January}).Add(-1).String(); got != "2023-12" {
		t.Errorf("Jan 2024 - 1 = %s", got)
	}
	if got := MonthOf(time.Date(2024, 10, 31, 23, 0, 0, 0, time.UTC)); got != (Month{2024, time.November}) {
		t.Errorf("31 Oct 23:00 UTC is %v in Paris", got)
	}
}

func TestEdgeCases(t *testing.T) {
	if cs := Cohorts(nil); len(cs) != 0 {
		t.Errorf("empty: %+v", cs)
	}
	p := Pooled(nil)
	for k := range p {
		if !math.IsNaN(p[k]) {
			t.Errorf("empty pooled[%d] = %v", k, p[k])
		}
	}
	one := Cohorts([]corpus.Message{m("g", "A", "2024-01-05T10:00:00Z")})
	if len(one) != 1 || one[0].Size != 1 || one[0].Observable[0] || !math.IsNaN(one[0].Retention[0]) {
		t.Errorf("one message: %+v", one)
	}
	// A message without author extends the data to March: Jan is
	// observable at 1 and 2 (A not active: 0, not NaN).
	cs := Cohorts([]corpus.Message{m("g", "A", "2024-01-05T10:00:00Z"), m("g", "", "2024-03-05T10:00:00Z")})
	if len(cs) != 1 || cs[0].Retention[0] != 0 || cs[0].Retention[1] != 0 || !math.IsNaN(cs[0].Retention[2]) {
		t.Errorf("anonymous last month: %+v", cs)
	}
}

func TestRowsAndFrame(t *testing.T) {
	msgs := handMessages("g")
	// In h, A is new in March: at the profession level A stays in the Jan
	// cohort (one author across communities).
	msgs = append(msgs, m("h", "A", "2024-03-10T10:00:00Z"), m("h", "E", "2024-03-11T10:00:00Z"))
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "h", Profession: corpus.HomeCareAide}, {ID: "g", Profession: corpus.HomeCareAide}, {ID: "x", Profession: corpus.GP}},
		Messages:    msgs,
	}
	var got []string
	for _, r := range Rows(c) {
		got = append(got, r.Community+" "+string(r.Profession)+" "+r.Indicator+" "+indicator.FormatValue(r.Value))
	}
	// h: cohort Mar {A, E}, last month Mar: nothing observable.
	// *: Jan {A,B}: Feb A, Mar A B, Apr A -> 1, 2, 1; Feb {C}: 1, 0, NaN;
	// Mar {E}: 0, NaN, NaN; Apr {D}: NaN. m1 = (1+1+0)/(2+1+1) = 0.5,
	// m2 = (2+0)/(2+1), m3 = 1/2.
	want := []string{
		"x general-practitioner retention_m1 NaN",
		"x general-practitioner retention_m2 NaN",
		"x general-practitioner retention_m3 NaN",
		"* general-practitioner retention_m1 NaN",
		"* general-practitioner retention_m2 NaN",
		"* general-practitioner retention_m3 NaN",
		"g home-care-aide retention_m1 0.666667",
		"g home-care-aide retention_m2 0.333333",
		"g home-care-aide retention_m3 0.500000",
		"h home-care-aide retention_m1 NaN",
		"h home-care-aide retention_m2 NaN",
		"h home-care-aide retention_m3 NaN",
		"* home-care-aide retention_m1 0.500000",
		"* home-care-aide retention_m2 0.666667",
		"* home-care-aide retention_m3 0.500000",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	f := Frame(c)
	// g: 3 cohorts, h: 1, x: 0, *GP: 0, *HCA: 4; 3 lags each.
	if f.Nrow() != 8*3 {
		t.Fatalf("frame:\n%v", f)
	}
	if f.Elem(4, 0).String() != "g" || f.Elem(4, 2).String() != "2024-02" || f.Elem(4, 4).Float() != 2 || f.Elem(4, 7).Float() != 0 ||
		f.Elem(5, 6).String() != "false" || !math.IsNaN(f.Elem(5, 7).Float()) || f.Elem(9, 0).String() != "h" || f.Elem(23, 2).String() != "2024-04" {
		t.Errorf("frame:\n%v", f)
	}
}

func BenchmarkRows1M(b *testing.B) {
	c := indicatortest.Corpus(1_000_000, 1)
	for b.Loop() {
		Rows(c)
	}
}

func BenchmarkCohorts1M(b *testing.B) {
	c := indicatortest.Corpus(1_000_000, 1)
	b.ReportAllocs()
	for b.Loop() {
		Cohorts(c.Messages)
	}
}

func TestMeasurePooledCounts(t *testing.T) {
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "g", Name: "G", Profession: corpus.HomeCareAide}},
		Messages:    handMessages("g"),
	}
	gs := Measure(c)
	if len(gs) != 2 || gs[0].Community.Name != "G" || gs[1].Community.ID != indicator.AllCommunities {
		t.Fatalf("groups %+v", gs)
	}
	for _, g := range gs {
		// Newcomers A, B, C, D. Observable at m1: Jan {A, B} and Feb
		// {C}: 2 of 3 active; at m2 the same cohorts: 1 of 3; at m3 Jan
		// only: 1 of 2.
		want := [Lags]Pool{{3, 2, 2.0 / 3}, {3, 1, 1.0 / 3}, {2, 1, 0.5}}
		if g.Newcomers != 4 || len(g.Cohorts) != 3 {
			t.Errorf("%s: %d newcomers, %d cohorts", g.Community.ID, g.Newcomers, len(g.Cohorts))
		}
		for k, w := range want {
			p := g.Pooled[k]
			if p.Size != w.Size || p.Active != w.Active || !indicatortest.Near(p.Retention, w.Retention) {
				t.Errorf("%s lag %d: %+v, want %+v", g.Community.ID, k+1, p, w)
			}
		}
	}
	if p := PooledCounts(nil); p[0].Size != 0 || !math.IsNaN(p[0].Retention) {
		t.Errorf("no cohort pooled: %+v", p[0])
	}
}
