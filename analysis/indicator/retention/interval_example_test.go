package retention_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/retention"
)

// Retention one month later, compared between two groups over their
// monthly cohorts (a: 128 of 260 newcomers back, b: 56 of 175): the gap
// is claimed only when its interval excludes 0.
func ExampleCompareLag() {
	group := func(active, size []int) retention.Group {
		var g retention.Group
		for i := range active {
			g.Cohorts = append(g.Cohorts, retention.Cohort{Size: size[i], Active: [retention.Lags]int{active[i]}, Observable: [retention.Lags]bool{true}})
		}
		return g
	}
	a := group([]int{30, 41, 22, 35}, []int{60, 80, 50, 70})
	b := group([]int{12, 20, 9, 15}, []int{40, 55, 35, 45})
	d := retention.CompareLag(a, b, 1, indicator.Inference)
	fmt.Printf("%.3f − %.3f = %.3f over %d and %d cohorts, claimed %v\n", d.A, d.B, d.Value, d.NA, d.NB, d.Claimed())
	// Output: 0.492 − 0.320 = 0.172 over 4 and 4 cohorts, claimed true
}
