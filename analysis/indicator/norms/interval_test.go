package norms

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/stats"
)

var fewReps = stats.Options{Reps: 300, Level: 0.95, Seed: stats.DefaultSeed}

func within(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// Three observed question threads, one of each status: every share is
// 1/3 with the Wilson interval computed by hand: z = 1.959964, z² =
// 3.841459, centre = (1/3 + z²/6) / (1 + z²/3) = 0.426916, half-width =
// z / (1 + z²/3) · sqrt((1/3)(2/3)/3 + z²/36) = 0.365424, so [0.061492,
// 0.792340] (0.0615 to 0.7923 in Newcombe 1998's tables).
func TestStatusWilsonByHand(t *testing.T) {
	cb := codebook(t)
	msgs := build("mg",
		m{"q1", "A", "", "q1", "Cystite chez un homme, vous faites comment ?", 0, nil},
		m{"q1a", "B", "q1", "q1", "Les recos HAS disent 7 jours", 1, nil},
		m{"q2", "A", "", "q2", "Vous donnez quoi pour une otite ?", 10, nil},
		m{"q2a", "C", "q2", "q2", "Amox 80 mg/kg", 11, nil},
		m{"q3", "B", "", "q3", "Est-ce que la CRP a un interet ici ?", 20, nil},
		m{"end", "C", "", "end", "Bonne soiree a tous", 60 * 24 * 30, nil},
	)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "mg", Profession: corpus.GP}}, Messages: msgs}
	g := MeasureWith(c, cb, fewReps).Groups[0]
	for _, s := range []Status{Consensual, NonConsensual, Unanswered} {
		e := g.StatusEstimate(s)
		if e.Value != 1.0/3 || e.N != 3 || e.Unit != UnitThreads || e.Method != stats.MethodWilson ||
			!within(e.Lo, 0.061492, 1e-6) || !within(e.Hi, 0.792340, 1e-6) {
			t.Errorf("%s: %+v, want 1/3 [0.061492, 0.792340] over 3 threads", s, e)
		}
	}
	// The rows carry the interval.
	for _, r := range ResultRows(MeasureWith(c, cb, fewReps)) {
		if r.Community == "mg" && r.Indicator == "consensual_share" && (r.Method != stats.MethodWilson || !within(r.Lo, 0.061492, 1e-6) || r.N != 3) {
			t.Errorf("row %+v", r)
		}
	}
	// No recurring question: 0 of 3, Wilson [0, z²/(n + z²)] = [0, 0.561497].
	if e := g.RecurringEstimate(); e.Value != 0 || e.Lo != 0 || !within(e.Hi, 3.841459/(3+3.841459), 1e-6) {
		t.Errorf("recurring %+v", e)
	}
}

// The citing interval is a ratio of sums over the question threads with
// answers: in the crafted community, T1 (1 answer, citing), T2 (2, 0),
// T3 (3, 0), T6 (2, 0) and T7 (1, citing), in thread order; T4 and T5
// have no answer and hold no unit.
func TestCitingOverThreads(t *testing.T) {
	cb := codebook(t)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "mg", Profession: corpus.GP}}, Messages: crafted()}
	g := MeasureWith(c, cb, fewReps).Groups[0]
	opts := fewReps
	opts.Unit = UnitThreads
	want := stats.RatioOfSums([]float64{1, 0, 0, 0, 1}, []float64{1, 2, 3, 2, 1}, opts)
	got := g.Citing.Est
	if got.Value != 2.0/9 || got.Value != want.Value || got.Lo != want.Lo || got.Hi != want.Hi || got.N != 5 || got.Unit != UnitThreads {
		t.Errorf("citing %+v, want %+v", got, want)
	}
	law := stats.RatioOfSums([]float64{0, 0, 0, 0, 1}, []float64{1, 2, 3, 2, 1}, opts)
	for i, k := range g.Citing.Kinds {
		if k == "law" && (g.Citing.KindEst[i].Value != 1.0/9 || g.Citing.KindEst[i].Lo != law.Lo) {
			t.Errorf("law %+v, want %+v", g.Citing.KindEst[i], law)
		}
	}
	// A share of 0 has no bootstrap variation: employer, 0 of 9 answers,
	// gets Wilson's [0, z²/(9 + z²)] = [0, 0.299145] over the answers.
	for i, k := range g.Citing.Kinds {
		if e := g.Citing.KindEst[i]; k == "employer" && (e.Value != 0 || e.Lo != 0 || !within(e.Hi, 0.299145, 1e-6) || e.Unit != "answers" || e.N != 9 || e.Method != stats.MethodWilson) {
			t.Errorf("employer %+v", e)
		}
	}
	// By month: June holds T7's one answer only, citing: a share of 1,
	// Wilson's [1/(1 + z²), 1] = [0.206549, 1] over that answer.
	if e := g.ByMonth[1].Est; len(g.ByMonth) != 2 || e.N != 1 || e.Value != 1 || !within(e.Lo, 0.206549, 1e-6) || e.Hi != 1 || e.Unit != "answers" {
		t.Errorf("June %+v", e)
	}
	if g.ByMonth[0].Est.N != 4 || g.ByMonth[0].Est.Value != 1.0/8 {
		t.Errorf("May %+v", g.ByMonth[0].Est)
	}
}

// Newcombe (1998), table II, example (a): 56/70 − 48/80 = 0.2, method 10
// (hybrid score from Wilson intervals): 0.0524 to 0.3339.
func TestCompareWithPublishedNewcombe(t *testing.T) {
	d := CompareWithPublished(stats.Wilson(56, 70, 0, "a"), stats.Wilson(48, 80, 0, "b"))
	if !within(d.Value, 0.2, 1e-12) || !within(d.Lo, 0.0524, 5e-5) || !within(d.Hi, 0.3339, 5e-5) || !d.Claimed() || d.Method != MethodNewcombe || !math.IsNaN(d.P) {
		t.Errorf("Newcombe example: %+v, want 0.2 [0.0524, 0.3339]", d)
	}
	// A difference whose interval spans zero: 5/10 − 4/10.
	if d := CompareWithPublished(stats.Wilson(5, 10, 0, "a"), stats.Wilson(4, 10, 0, "b")); d.Claimed() || !(d.Lo < 0 && d.Hi > 0) {
		t.Errorf("5/10 − 4/10 claimed: %+v", d)
	}
}

// The counts of the published studies reproduce their published shares.
func TestPublishedCounts(t *testing.T) {
	for _, c := range []struct {
		p     Published
		s     Status
		share float64 // as published
		dec   int
	}{
		{DocTocToc2013, Consensual, 0.556, 3}, {DocTocToc2013, NonConsensual, 0.333, 3}, {DocTocToc2013, Unanswered, 0.08, 2},
		{Lille2024, Answered, 0.905, 3},
	} {
		e := c.p.Estimate(c.s)
		r := math.Pow(10, float64(c.dec))
		if math.Round(e.Value*r)/r != c.share || e.N != c.p.Questions || !e.Estimable() {
			t.Errorf("%s %s = %+v, published %v", c.p.Name, c.s, e, c.share)
		}
	}
	if DocTocToc2013.Has(Answered) || !Lille2024.Has(Unanswered) || Lille2024.Estimate(Consensual).Estimable() {
		t.Error("published statuses")
	}
	if Lille2024.Counts[Answered]+Lille2024.Counts[Unanswered] != 252 {
		t.Error("Lille counts do not add up")
	}
}

// CompareStatus claims a difference of consensual shares between two
// groups far apart, not between two alike.
func TestCompareStatus(t *testing.T) {
	group := func(consensual, other int) Group {
		var g Group
		for i := range consensual + other {
			s := NonConsensual
			if i < consensual {
				s = Consensual
			}
			g.Threads = append(g.Threads, Thread{ID: fmt.Sprint(i), Status: s, Created: time.Unix(int64(i), 0)})
		}
		g.Threads = append(g.Threads, Thread{ID: "recent", Status: TooRecent})
		return g
	}
	far := CompareStatus(group(18, 2), group(4, 16), Consensual, fewReps)
	if !within(far.Value, 0.9-0.2, 1e-12) || far.NA != 20 || far.NB != 20 || !far.Claimed() || !(far.P < 0.01) {
		t.Errorf("far apart: %+v", far)
	}
	alike := CompareStatus(group(10, 10), group(10, 10), Consensual, fewReps)
	if alike.Value != 0 || alike.Claimed() || !alike.Estimable() {
		t.Errorf("alike: %+v", alike)
	}
}

// The indicators.csv of the crafted community writes the intervals.
func TestRowsWriteIntervals(t *testing.T) {
	cb := codebook(t)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "mg", Profession: corpus.GP}}, Messages: crafted()}
	for _, r := range ResultRows(MeasureWith(c, cb, fewReps)) {
		switch r.Indicator {
		case "consensual_share", "unanswered_share", "recurring_question_share":
			if r.Method != stats.MethodWilson || r.Unit != UnitThreads {
				t.Errorf("%s/%s: %+v", r.Community, r.Indicator, r)
			}
		case "citing_share", "citing_share_law":
			if r.Method != stats.MethodBCa || r.Unit != UnitThreads || r.N != 5 {
				t.Errorf("%s/%s: %+v", r.Community, r.Indicator, r)
			}
		case "question_threads", "authors_in_several_groups", "recurring_gap_days_median":
			if r.Method != "" {
				t.Errorf("%s has an interval: %+v", r.Indicator, r)
			}
		}
	}
}

// MeasureCounts measures the same threads and counts as Measure, without
// the citing bootstrap: the rows are the same but for the citing
// intervals, written without interval.
func TestMeasureCounts(t *testing.T) {
	cb := codebook(t)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "mg", Profession: corpus.GP}}, Messages: crafted()}
	full, counts := MeasureWith(c, cb, fewReps), MeasureCounts(c, cb)
	a, b := ResultRows(full), ResultRows(counts)
	if len(a) != len(b) {
		t.Fatalf("%d rows against %d", len(a), len(b))
	}
	for i := range a {
		x, y := a[i], b[i]
		cite := strings.HasPrefix(x.Indicator, "citing_share")
		switch {
		case x.Indicator != y.Indicator || !within(x.Value, y.Value, 0) && !(math.IsNaN(x.Value) && math.IsNaN(y.Value)):
			t.Errorf("row %d: %+v against %+v", i, x, y)
		case cite && (y.Method != "" || x.Method == ""):
			t.Errorf("%s: with bootstrap %q, counts only %q", x.Indicator, x.Method, y.Method)
		case !cite && (x.Method != y.Method || x.Lo != y.Lo && !math.IsNaN(x.Lo)):
			t.Errorf("%s differs: %+v against %+v", x.Indicator, x, y)
		}
	}
	if counts.Groups[0].Citing.Est.Method != "" || counts.Groups[0].StatusEstimate(Consensual).Method != stats.MethodWilson {
		t.Errorf("counts-only estimates %+v", counts.Groups[0].Citing.Est)
	}
}
