package stats

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Methods, the values of Estimate.Method.
const (
	MethodWilson            = "wilson"
	MethodPercentile        = "percentile-bootstrap"
	MethodBCa               = "bca-bootstrap"
	MethodGreenwoodLogLog   = "greenwood-loglog"
	MethodBrookmeyerCrowley = "brookmeyer-crowley-loglog"
)

// Defaults used when an Options field is zero.
const (
	// DefaultSeed seeds every bootstrap and permutation unless told; any
	// fixed value would do, this one is written down so that a run can
	// be repeated.
	DefaultSeed uint64 = 20240304
	// DefaultReps is the number of bootstrap replicates (and of
	// permutations) unless told. For a normal statistic the Monte Carlo
	// standard deviation of a 95 % bound from B replicates is
	// sqrt(0.025·0.975/B)/φ(1.96) standard errors: 0.06 at B = 2000
	// (Efron & Tibshirani 1993, ch. 19, ask for at least 1000 for
	// intervals).
	DefaultReps = 2000
	// DefaultLevel is the confidence level unless told.
	DefaultLevel = 0.95
)

// Estimate is a point value with its interval.
type Estimate struct {
	Value  float64 // the statistic on the data as they are
	Lo, Hi float64 // interval at Level; NaN when not estimable
	N      int     // number of units resampled or counted
	Unit   string  // what a unit is: "threads", "authors", "messages", "cohorts"...
	Method string  // MethodWilson, MethodBCa, ...
	Level  float64 // confidence level of [Lo, Hi], e.g. 0.95
}

// Estimable reports whether the interval is defined (Lo and Hi not NaN).
func (e Estimate) Estimable() bool { return !math.IsNaN(e.Lo) && !math.IsNaN(e.Hi) }

// Excludes reports whether v lies outside [Lo, Hi]; false when the
// interval is not estimable.
func (e Estimate) Excludes(v float64) bool {
	return e.Estimable() && (v < e.Lo || v > e.Hi)
}

// ExcludesZero reports whether the interval lies entirely above or
// entirely below 0: the test for claiming a difference.
func (e Estimate) ExcludesZero() bool { return e.Excludes(0) }

func level(l float64) float64 {
	if l == 0 {
		return DefaultLevel
	}
	if !(l > 0 && l < 1) {
		panic("stats: level must be in (0, 1)")
	}
	return l
}

// zq returns Φ⁻¹(p), the standard normal quantile.
func zq(p float64) float64 { return distuv.UnitNormal.Quantile(p) }

// phi returns Φ(x), the standard normal CDF.
func phi(x float64) float64 { return distuv.UnitNormal.CDF(x) }

// Wilson returns the Wilson score interval for k units with a property
// out of n independent units, at level (0 means DefaultLevel); unit names
// the units counted. See the package documentation for the formula.
func Wilson(k, n int, lvl float64, unit string) Estimate {
	lvl = level(lvl)
	e := Estimate{Value: math.NaN(), Lo: math.NaN(), Hi: math.NaN(), N: n, Unit: unit, Method: MethodWilson, Level: lvl}
	if k < 0 || k > n {
		panic("stats: Wilson needs 0 <= k <= n")
	}
	if n == 0 {
		return e
	}
	nf := float64(n)
	p := float64(k) / nf
	z := zq(1 - (1-lvl)/2)
	z2 := z * z
	den := 1 + z2/nf
	centre := (p + z2/(2*nf)) / den
	half := z / den * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	e.Value = p
	e.Lo = math.Max(0, centre-half)
	e.Hi = math.Min(1, centre+half)
	// At k = 0 (k = n) the bound is exactly 0 (1); rounding would leave
	// a few ulps.
	if k == 0 {
		e.Lo = 0
	}
	if k == n {
		e.Hi = 1
	}
	return e
}

// Floats converts counts (messages per author, replies per thread) to
// the float64 values this package takes.
func Floats(x []int) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = float64(v)
	}
	return out
}
