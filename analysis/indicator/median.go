package indicator

import (
	"math"
	"slices"
	"sync"

	"github.com/faire-communaute/compendium/analysis/stats"
)

// Median returns the median of x (the mean of the two middle values when
// len(x) is even; NaN when x is empty) with its percentile bootstrap
// interval over the units of x (stats.Bootstrap, opts.Method forced to
// stats.MethodPercentile: BCa's jackknife is not consistent for a
// median). The units are sorted once and a resample is walked in that
// order with each unit's multiplicity, so a replicate costs O(n), not a
// sort. The families use it for the medians they report
// (median_first_reply_min over answered threads, messages per author over
// authors).
func Median(x []float64, opts stats.Options) stats.Estimate {
	opts.Method = stats.MethodPercentile
	s := slices.Clone(x)
	slices.Sort(s)
	n := len(s)
	pool := sync.Pool{New: func() any { return make([]int, n) }}
	// Units are indices into s: the order of x does not matter to a
	// median, and resampling s is resampling x.
	return stats.Bootstrap(n, func(idx []int) float64 {
		m := len(idx)
		if m == 0 {
			return math.NaN()
		}
		cnt := pool.Get().([]int)
		clear(cnt)
		for _, i := range idx {
			cnt[i]++
		}
		lo, hi := (m-1)/2, m/2 // 0-based positions of the middle values
		var a, b float64
		pos := 0
		for r, c := range cnt {
			if c == 0 {
				continue
			}
			next := pos + c
			if lo >= pos && lo < next {
				a = s[r]
			}
			if hi >= pos && hi < next {
				b = s[r]
				break
			}
			pos = next
		}
		pool.Put(cnt)
		return (a + b) / 2
	}, opts)
}
