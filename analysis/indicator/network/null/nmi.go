package null

import (
	"math"
	"slices"
)

// NMI returns the normalised mutual information of two partitions of the
// same items, given as a label per item: 2 I(A;B) / (H(A) + H(B)), with
// natural logarithms (Danon et al. 2005). It is 1 for the same partition
// whatever the labels, near 0 for independent ones; 1 when both
// partitions have a single part, NaN for no items or labellings of
// different lengths.
func NMI(a, b []int) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return math.NaN()
	}
	n := float64(len(a))
	type pair struct{ x, y int }
	joint := map[pair]float64{}
	pa, pb := map[int]float64{}, map[int]float64{}
	for i := range a {
		joint[pair{a[i], b[i]}]++
		pa[a[i]]++
		pb[b[i]]++
	}
	// The terms of the sums are added in increasing order (sortedSum),
	// so the result does not depend on map order.
	h := func(m map[int]float64) float64 {
		var terms []float64
		for _, c := range m {
			terms = append(terms, -c/n*math.Log(c/n))
		}
		return sortedSum(terms)
	}
	var terms []float64
	for p, c := range joint {
		terms = append(terms, c/n*math.Log(c*n/(pa[p.x]*pb[p.y])))
	}
	mi := sortedSum(terms)
	ha, hb := h(pa), h(pb)
	if ha+hb == 0 {
		return 1
	}
	return 2 * mi / (ha + hb)
}

// sortedSum adds xs in increasing order.
func sortedSum(xs []float64) float64 {
	slices.Sort(xs)
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}
