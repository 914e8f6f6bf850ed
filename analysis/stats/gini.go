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

var floatPool = sync.Pool{New: func() any { return new([]float64) }}

// GiniEstimate returns the corrected Gini G* of x, the value the study
// reports, with its bootstrap interval over the units of x (authors, for
// messages per author): a resample draws len(x) units with replacement
// and recomputes G* on their values.
func GiniEstimate(x []float64, opts Options) Estimate {
	opts = opts.norm()
	if opts.Unit == "" {
		opts.Unit = "authors"
	}
	n := len(x)
	g := func(idx []int) float64 {
		p := floatPool.Get().(*[]float64)
		s := (*p)[:0]
		for _, i := range idx {
			s = append(s, x[i])
		}
		slices.Sort(s)
		v := math.NaN()
		if len(s) >= 2 {
			v = float64(len(s)) / float64(len(s)-1) * giniSorted(s)
		}
		*p = s
		floatPool.Put(p)
		return v
	}
	return bootstrap(n, g, func() []float64 { return Jackknife(n, g, opts.Workers) }, opts)
}
