package stats

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/stat"
)

// BlockSize is the number of replicates drawn from one generator: block b
// (replicates b·BlockSize to (b+1)·BlockSize − 1) uses PCG(Seed, b) for
// the bootstrap and PCG(Seed, 2⁶³ + b) for permutations.
const BlockSize = 64

// JackknifeGroups is the largest number of units for which BCa's
// jackknife leaves out one unit at a time; beyond it, it leaves out one of
// JackknifeGroups groups (unit i in group i mod JackknifeGroups).
const JackknifeGroups = 1000

const permStream = 1 << 63

// Options sets a bootstrap or a permutation test. The zero value is
// usable: every zero field takes its default.
type Options struct {
	Reps    int     // bootstrap replicates; 0: DefaultReps
	Perms   int     // permutations in Difference; 0: Reps; < 0: no permutation test
	Level   float64 // confidence level in (0, 1); 0: DefaultLevel
	Seed    uint64  // 0: DefaultSeed
	Method  string  // MethodBCa (default when empty) or MethodPercentile
	Unit    string  // what a unit is, copied into Estimate.Unit
	Workers int     // goroutines; 0: min(2, GOMAXPROCS); results do not depend on it
}

func (o Options) norm() Options {
	if o.Reps == 0 {
		o.Reps = DefaultReps
	}
	if o.Reps < 0 {
		panic("stats: negative Reps")
	}
	o.Level = level(o.Level)
	if o.Seed == 0 {
		o.Seed = DefaultSeed
	}
	switch o.Method {
	case "":
		o.Method = MethodBCa
	case MethodBCa, MethodPercentile:
	default:
		panic("stats: unknown bootstrap method " + o.Method)
	}
	if o.Workers <= 0 {
		o.Workers = min(2, runtime.GOMAXPROCS(0))
	}
	return o
}

// parallel calls f(w, i) for i in [0, count) on workers goroutines, w
// being the worker's number (for its scratch space). Each i is handled
// once; which worker handles it does not matter to a deterministic f.
func parallel(count, workers int, f func(w, i int)) {
	workers = max(1, min(workers, count))
	if workers == 1 {
		for i := range count {
			f(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= count {
					return
				}
				f(w, i)
			}
		})
	}
	wg.Wait()
}

// blocks fills out[r] = draw(src, w) for every replicate r, src being the
// generator of r's block, advanced by the replicates before r in it.
func blocks(out []float64, seed, stream uint64, workers int, draw func(src *rand.PCG, w int) float64) {
	nb := (len(out) + BlockSize - 1) / BlockSize
	parallel(nb, workers, func(w, b int) {
		src := rand.NewPCG(seed, stream+uint64(b))
		for r := b * BlockSize; r < min(len(out), (b+1)*BlockSize); r++ {
			out[r] = draw(src, w)
		}
	})
}

// draw returns an index in [0, n) from one PCG output u: ⌊u·n / 2⁶⁴⌋
// (Lemire's multiply-shift without the rejection step: the bias is below
// n/2⁶⁴, and it is about twice as fast as rand.IntN).
func draw(src *rand.PCG, n int) int {
	hi, _ := bits.Mul64(src.Uint64(), uint64(n))
	return int(hi)
}

func identity(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// Replicates returns the opts.Reps bootstrap replicates of stat over n
// units, in replicate order (NaN replicates kept), as Bootstrap draws
// them: for bands drawn from the replicates themselves. stat may be
// called concurrently from opts.Workers goroutines; it must not keep or
// modify idx.
func Replicates(n int, stat func(idx []int) float64, opts Options) []float64 {
	opts = opts.norm()
	out := make([]float64, opts.Reps)
	if n == 0 {
		for i := range out {
			out[i] = math.NaN()
		}
		return out
	}
	scratch := make([][]int, opts.Workers)
	for w := range scratch {
		scratch[w] = make([]int, n)
	}
	blocks(out, opts.Seed, 0, opts.Workers, func(src *rand.PCG, w int) float64 {
		idx := scratch[w]
		for j := range idx {
			idx[j] = draw(src, n)
		}
		return stat(idx)
	})
	return out
}

// Jackknife returns the leave-one-out values of stat over n units
// (element i: stat without unit i), or, when n > JackknifeGroups, the
// leave-one-group-out values (element g: stat without the units i with
// i mod JackknifeGroups = g).
func Jackknife(n int, stat func(idx []int) float64, workers int) []float64 {
	if workers <= 0 {
		workers = min(2, runtime.GOMAXPROCS(0))
	}
	g := min(n, JackknifeGroups)
	out := make([]float64, g)
	scratch := make([][]int, workers)
	parallel(g, workers, func(w, k int) {
		idx := scratch[w][:0]
		for i := range n {
			if i%g != k {
				idx = append(idx, i)
			}
		}
		scratch[w] = idx
		out[k] = stat(idx)
	})
	return out
}

// Bootstrap returns stat on all n units with its bootstrap interval over
// those units, by opts.Method (BCa unless told), as defined in the package
// documentation. stat receives unit indices in [0, n), repeated when a
// unit is drawn several times: n of them for the data and each replicate,
// fewer for the jackknife (so stat must not assume len(idx) == n). It may
// be called concurrently from opts.Workers goroutines and must not keep
// or modify idx.
func Bootstrap(n int, stat func(idx []int) float64, opts Options) Estimate {
	opts = opts.norm()
	return bootstrap(n, stat, func() []float64 { return Jackknife(n, stat, opts.Workers) }, opts)
}

func bootstrap(n int, stat func(idx []int) float64, jack func() []float64, opts Options) Estimate {
	e := Estimate{Value: math.NaN(), Lo: math.NaN(), Hi: math.NaN(), N: n, Unit: opts.Unit, Method: opts.Method, Level: opts.Level}
	if n == 0 {
		return e
	}
	e.Value = stat(identity(n))
	if n < 2 || math.IsNaN(e.Value) {
		return e
	}
	reps := Replicates(n, stat, opts)
	e.Lo, e.Hi = interval(e.Value, reps, jack, opts)
	return e
}

// interval computes the percentile or BCa interval of theta from its
// replicates (NaN ones dropped); jack gives the jackknife values for BCa.
func interval(theta float64, reps []float64, jack func() []float64, opts Options) (lo, hi float64) {
	nan := math.NaN()
	s := make([]float64, 0, len(reps))
	for _, r := range reps {
		if !math.IsNaN(r) {
			s = append(s, r)
		}
	}
	if len(s) < 2 {
		return nan, nan
	}
	slices.Sort(s)
	if s[0] == s[len(s)-1] {
		return nan, nan
	}
	alpha := 1 - opts.Level
	p1, p2 := alpha/2, 1-alpha/2
	if opts.Method == MethodBCa {
		z0 := BiasCorrection(theta, s)
		a := Acceleration(jack())
		if math.IsInf(z0, 0) || math.IsNaN(z0) || math.IsNaN(a) {
			return nan, nan
		}
		p1, p2 = bcaLevel(z0, a, zq(p1)), bcaLevel(z0, a, zq(p2))
		if math.IsNaN(p1) || math.IsNaN(p2) {
			return nan, nan
		}
	}
	return stat.Quantile(p1, stat.Empirical, s, nil), stat.Quantile(p2, stat.Empirical, s, nil)
}

func bcaLevel(z0, a, z float64) float64 {
	return phi(z0 + (z0+z)/(1-a*(z0+z)))
}

// BiasCorrection returns BCa's z₀ = Φ⁻¹((#{r < theta} + #{r = theta}/2) /
// B) over the B non-NaN replicates reps: ±Inf when all lie on one side.
func BiasCorrection(theta float64, reps []float64) float64 {
	var below, equal, b float64
	for _, r := range reps {
		switch {
		case math.IsNaN(r):
			continue
		case r < theta:
			below++
		case r == theta:
			equal++
		}
		b++
	}
	if b == 0 {
		return math.NaN()
	}
	return zq((below + equal/2) / b)
}

// Acceleration returns BCa's a = Σ (m − jᵢ)³ / (6 (Σ (m − jᵢ)²)^{3/2})
// over the non-NaN jackknife values j, m their mean; 0 when they are all
// equal, NaN when none is defined.
func Acceleration(jack []float64) float64 {
	var m, k float64
	for _, j := range jack {
		if !math.IsNaN(j) {
			m += j
			k++
		}
	}
	if k == 0 {
		return math.NaN()
	}
	m /= k
	var s2, s3 float64
	for _, j := range jack {
		if !math.IsNaN(j) {
			d := m - j
			s2 += d * d
			s3 += d * d * d
		}
	}
	if s2 == 0 {
		return 0
	}
	return s3 / (6 * math.Pow(s2, 1.5))
}

// RatioOfSums returns Σ num / Σ den over n = len(num) units with its
// bootstrap interval over those units (clusters): a unit drawn carries
// its numerator and its denominator together. E.g. the share of messages
// posted off hours over authors (num: an author's off-hours messages,
// den: their messages), replies per thread over threads (num: replies,
// den: 1). A resample with Σ den = 0 gives a NaN replicate (dropped).
// BCa's jackknife is exact (leave one unit out) at any n.
func RatioOfSums(num, den []float64, opts Options) Estimate {
	if len(num) != len(den) {
		panic("stats: RatioOfSums needs len(num) == len(den)")
	}
	opts = opts.norm()
	n := len(num)
	ratio := func(idx []int) float64 {
		var a, b float64
		for _, i := range idx {
			a += num[i]
			b += den[i]
		}
		if b == 0 {
			return math.NaN()
		}
		return a / b
	}
	jack := func() []float64 {
		var a, b float64
		for i := range num {
			a += num[i]
			b += den[i]
		}
		out := make([]float64, n)
		for i := range out {
			out[i] = math.NaN()
			if d := b - den[i]; d != 0 {
				out[i] = (a - num[i]) / d
			}
		}
		return out
	}
	return bootstrap(n, ratio, jack, opts)
}

// Share returns the share of units with a property, has[i] telling
// whether unit i has it, with its bootstrap interval over units (the
// ratio of sums with den = 1). For independent units Wilson is the
// closed form; Share is for when the caller wants the same method as the
// indicator's other bootstrap intervals.
func Share(has []bool, opts Options) Estimate {
	num := make([]float64, len(has))
	den := make([]float64, len(has))
	for i, h := range has {
		if h {
			num[i] = 1
		}
		den[i] = 1
	}
	return RatioOfSums(num, den, opts)
}

// MeanPerUnit returns the mean of x over its units (replies per thread,
// messages per author) with its bootstrap interval over those units.
func MeanPerUnit(x []float64, opts Options) Estimate {
	den := make([]float64, len(x))
	for i := range den {
		den[i] = 1
	}
	return RatioOfSums(x, den, opts)
}
