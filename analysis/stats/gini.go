package stats

import (
	"math"
	"slices"
	"sync"
)

// Gini returns the plain Gini G = Σₖ (2k − n − 1) x₍ₖ₎ / (n² μ) of x (any
// order, values ≥ 0): 0 for one unit, NaN for none or when the sum is 0.
// x is not modified.
func Gini(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	return giniSorted(s)
}

func giniSorted(s []float64) float64 {
	n := len(s)
	var sum, w float64
	for k, v := range s {
		sum += v
		w += float64(2*(k+1)-n-1) * v
	}
	if n == 0 || sum == 0 {
		return math.NaN()
	}
	return w / (float64(n) * sum)
}

// GiniCorrected returns G* = n/(n − 1) · G, the Gini with the
// small-sample correction: NaN for fewer than two units.
func GiniCorrected(x []float64) float64 {
	n := len(x)
	if n < 2 {
		return math.NaN()
	}
	return float64(n) / float64(n-1) * Gini(x)
}

var intPool = sync.Pool{New: func() any { return new([]int) }}

// GiniEstimate returns the corrected Gini G* of x, the value the study
// reports, with its bootstrap interval over the units of x (authors, for
// messages per author): a resample draws len(x) units with replacement
// and recomputes G* on their values. The units are sorted once; a
// resample is then walked in that order with each unit's multiplicity
// (a run of c copies of v from position k adds v·c·(2k + c − 2 − m) to
// the sum over its m values), so a replicate costs O(n), not a sort.
func GiniEstimate(x []float64, opts Options) Estimate {
	opts = opts.norm()
	if opts.Unit == "" {
		opts.Unit = "authors"
	}
	g := giniStat(x)
	n := len(x)
	return bootstrap(n, g, func() []float64 { return Jackknife(n, g, opts.Workers) }, opts)
}

// giniStat returns the statistic G* of x[idx] computed by the
// multiplicity walk.
func giniStat(x []float64) func(idx []int) float64 {
	n := len(x)
	order := identity(n)
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case x[a] < x[b]:
			return -1
		case x[a] > x[b]:
			return 1
		}
		return 0
	})
	rank := make([]int, n)
	for k, i := range order {
		rank[i] = k
	}
	return func(idx []int) float64 {
		m := len(idx)
		if m < 2 {
			return math.NaN()
		}
		p := intPool.Get().(*[]int)
		if cap(*p) < n {
			*p = make([]int, n)
		}
		cnt := (*p)[:n]
		clear(cnt)
		for _, i := range idx {
			cnt[rank[i]]++
		}
		var sum, w float64
		k := 1
		for r, c := range cnt {
			if c == 0 {
				continue
			}
			v := x[order[r]]
			sum += float64(c) * v
			w += v * float64(c*(2*k+c-2-m))
			k += c
		}
		intPool.Put(p)
		if sum == 0 {
			return math.NaN()
		}
		return float64(m) / float64(m-1) * w / (float64(m) * sum)
	}
}
