package retention

import (
	"math"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/stats"
)

var fewReps = stats.Options{Reps: 400, Level: 0.95, Seed: stats.DefaultSeed}

// The hand cohorts at lag 1 are two units, Jan (1 active of 2) and Feb
// (1 of 1): a resample is {Jan, Jan} (2/4), {Jan, Feb} (2/3) or {Feb,
// Feb} (1) with probabilities 1/4, 1/2, 1/4. The jackknife values, 1
// and 1/2, are symmetric about their mean: no acceleration, and the bias
// correction is about 0, so the 95 % BCa interval runs from the lowest to
// the highest resample value: [1/2, 1]. At lag 3 only Jan is observable:
// one cohort, no interval.
func TestRetentionIntervalOverCohorts(t *testing.T) {
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "g", Name: "G", Profession: corpus.HomeCareAide}},
		Messages:    handMessages("g"),
	}
	g := MeasureWith(c, fewReps)[0]
	e := g.Estimates[0]
	if e.Value != 2.0/3 || e.Lo != 0.5 || e.Hi != 1 || e.N != 2 || e.Unit != UnitCohorts || e.Method != stats.MethodBCa {
		t.Errorf("m1 = %+v, want 2/3 [1/2, 1] over 2 cohorts", e)
	}
	if e := g.Estimates[2]; e.Value != 0.5 || e.N != 1 || e.Estimable() {
		t.Errorf("m3 = %+v, want 1/2 without interval", e)
	}
	for _, r := range Rows(c) {
		if r.Community == "g" && r.Indicator == "retention_m1" && (r.Lo != 0.5 || r.Hi != 1 || r.Method != stats.MethodBCa || r.N != 2) {
			t.Errorf("row %+v", r)
		}
	}
}

// CompareLag: two groups with the same cohorts cannot be told apart;
// one whose cohorts all come back against one whose cohorts never do
// differs by 1, claimed.
func TestCompareLag(t *testing.T) {
	cohorts := func(active, size []int) Group {
		var g Group
		for i := range active {
			g.Cohorts = append(g.Cohorts, Cohort{Size: size[i], Active: [Lags]int{active[i]}, Observable: [Lags]bool{true}})
		}
		return g
	}
	a := cohorts([]int{3, 4, 2, 5, 4, 3}, []int{4, 5, 4, 6, 5, 5})
	b := cohorts([]int{0, 1, 0, 1, 0, 1}, []int{4, 5, 4, 6, 5, 5})
	d := CompareLag(a, b, 1, fewReps)
	// a: 21/29, b: 3/29.
	if math.Abs(d.Value-18.0/29) > 1e-12 || !d.Claimed() || d.NA != 6 || d.NB != 6 || d.Unit != UnitCohorts {
		t.Errorf("far apart: %+v", d)
	}
	if same := CompareLag(a, a, 1, fewReps); same.Value != 0 || same.Claimed() {
		t.Errorf("alike: %+v", same)
	}
}
