package indicator

import (
	"math"
	"slices"
	"testing"

	"github.com/faire-communaute/compendium/analysis/stats"
)

// TestMedianWalk checks Median's multiplicity walk against a naive median
// (copy, sort, middle values) bootstrapped with the same options: the same
// seed draws the same resamples, so the bounds must be equal (the same
// numbers, not merely close).
func TestMedianWalk(t *testing.T) {
	for _, x := range [][]float64{
		{7, 1, 3},          // odd: median 3
		{4, 1, 3, 10},      // even: (3 + 4) / 2
		{5, 5, 5, 1, 2, 9}, // ties
		{2, 8, 1, 1, 0, 3, 3, 6, 4, 12, 7, 0.5, 9},
	} {
		// Median numbers the units in ascending order of value (a
		// median does not depend on their order): the naive median
		// resamples the sorted units too.
		s := slices.Clone(x)
		slices.Sort(s)
		naive := func(idx []int) float64 {
			v := make([]float64, len(idx))
			for k, i := range idx {
				v[k] = s[i]
			}
			slices.Sort(v)
			m := len(v)
			return (v[(m-1)/2] + v[m/2]) / 2
		}
		want := stats.Bootstrap(len(s), naive, stats.Options{Reps: 300, Unit: "u", Method: stats.MethodPercentile})
		got := Median(x, stats.Options{Reps: 300, Unit: "u"})
		if got.Value != want.Value || got.Lo != want.Lo || got.Hi != want.Hi || got.Method != stats.MethodPercentile || got.N != len(x) {
			t.Errorf("Median(%v) = %+v, naive %+v", x, got, want)
		}
	}
	if e := Median(nil, stats.Options{}); !math.IsNaN(e.Value) || e.N != 0 {
		t.Errorf("empty: %+v", e)
	}
	if e := Median([]float64{4, 1, 3, 10}, stats.Options{Reps: 10}); e.Value != 3.5 {
		t.Errorf("median of 1 3 4 10 = %v, want 3.5", e.Value)
	}
}
