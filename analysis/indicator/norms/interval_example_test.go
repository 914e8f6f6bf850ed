package norms_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// Our share of consensual GP question threads against the 2013 study's:
// both Wilson intervals, and their difference with Newcombe's interval
// (no permutation p-value: their raw data are not available).
func ExampleCompareWithPublished() {
	ours := stats.Wilson(2883, 4418, 0, norms.UnitThreads)
	theirs := norms.DocTocToc2013.Estimate(norms.Consensual)
	d := norms.CompareWithPublished(ours, theirs)
	fmt.Printf("ours %.3f [%.3f, %.3f], 2013 %.3f [%.3f, %.3f]\n", ours.Value, ours.Lo, ours.Hi, theirs.Value, theirs.Lo, theirs.Hi)
	fmt.Printf("difference %.3f [%.3f, %.3f], claimed %v\n", d.Value, d.Lo, d.Hi, d.Claimed())
	// Output:
	// ours 0.653 [0.638, 0.666], 2013 0.556 [0.433, 0.672]
	// difference 0.097 [-0.020, 0.220], claimed false
}
