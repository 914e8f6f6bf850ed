package stats

import (
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// Band is a curve with its pointwise bootstrap interval.
type Band struct {
	Value  []float64 // the curve on the data as they are
	Lo, Hi []float64 // pointwise percentile interval; NaN where not estimable
	N      int       // units resampled
	Unit   string
	Method string // MethodPercentile
	Level  float64
}

// CurveBand returns a curve of k points computed by curve on n units,
// with its pointwise percentile interval over those units: each replicate
// resamples the units as Bootstrap does (same seeds, same blocks) and
// recomputes the whole curve, and point j's interval is [Q(α/2),
// Q(1 − α/2)] of its non-NaN replicates. curve writes the k points for
// the units idx into out (len k); it may be called concurrently and must
// not keep idx or out. A point is not estimable (NaN bounds) under the
// rules of Estimate: fewer than two units, NaN on the data, or replicates
// all equal. The method is always percentile (opts.Method is ignored):
// pointwise BCa would need a jackknife per point for little gain in a
// band that is drawn, not tested.
func CurveBand(n, k int, curve func(idx []int, out []float64), opts Options) Band {
	opts = opts.norm()
	opts.Method = MethodPercentile
	b := Band{Value: make([]float64, k), Lo: make([]float64, k), Hi: make([]float64, k), N: n, Unit: opts.Unit, Method: MethodPercentile, Level: opts.Level}
	nan := math.NaN()
	for j := range k {
		b.Value[j], b.Lo[j], b.Hi[j] = nan, nan, nan
	}
	if n == 0 {
		return b
	}
	curve(identity(n), b.Value)
	if n < 2 {
		return b
	}
	reps := make([]float64, opts.Reps*k) // replicate r's curve at reps[r*k:]
	scratch := make([][]int, opts.Workers)
	for w := range scratch {
		scratch[w] = make([]int, n)
	}
	nb := (opts.Reps + BlockSize - 1) / BlockSize
	parallel(nb, opts.Workers, func(w, blk int) {
		src := rand.NewPCG(opts.Seed, uint64(blk))
		idx := scratch[w]
		for r := blk * BlockSize; r < min(opts.Reps, (blk+1)*BlockSize); r++ {
			for j := range idx {
				idx[j] = draw(src, n)
			}
			curve(idx, reps[r*k:(r+1)*k])
		}
	})
	alpha := 1 - opts.Level
	col := make([]float64, 0, opts.Reps)
	for j := range k {
		if math.IsNaN(b.Value[j]) {
			continue
		}
		col = col[:0]
		for r := range opts.Reps {
			if v := reps[r*k+j]; !math.IsNaN(v) {
				col = append(col, v)
			}
		}
		if len(col) < 2 {
			continue
		}
		slices.Sort(col)
		if col[0] == col[len(col)-1] {
			continue
		}
		b.Lo[j] = stat.Quantile(alpha/2, stat.Empirical, col, nil)
		b.Hi[j] = stat.Quantile(1-alpha/2, stat.Empirical, col, nil)
	}
	return b
}

// LorenzAt returns the Lorenz curve of x (values ≥ 0, any order) at the
// population shares p (each in [0, 1]): with x₍₁₎ ≤ … ≤ x₍ₙ₎, X their sum,
// Cₖ = x₍₁₎ + … + x₍ₖ₎ and the polyline through (k/n, Cₖ/X), k = 0..n,
// L(p) = (C_⌊pn⌋ + (pn − ⌊pn⌋) x₍⌊pn⌋+1₎) / X, the share of the total held
// by the poorest share p of the units. NaN when n = 0 or X = 0.
func LorenzAt(x, p []float64) []float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	out := make([]float64, len(p))
	lorenzSorted(s, p, out)
	return out
}

func lorenzSorted(s, p, out []float64) {
	n := len(s)
	var total float64
	for _, v := range s {
		total += v
	}
	if n == 0 || total == 0 {
		for i := range out {
			out[i] = math.NaN()
		}
		return
	}
	// Cumulative sums are recomputed per point: p is short (a grid).
	for i, q := range p {
		if !(q >= 0 && q <= 1) {
			panic("stats: Lorenz share outside [0, 1]")
		}
		pos := q * float64(n)
		k := min(int(pos), n)
		var c float64
		for _, v := range s[:k] {
			c += v
		}
		if k < n {
			c += (pos - float64(k)) * s[k]
		}
		out[i] = c / total
	}
}

// LorenzBand returns the Lorenz curve of x at the shares p with its
// pointwise percentile band over the units of x (authors, for messages
// per author), as CurveBand.
func LorenzBand(x, p []float64, opts Options) Band {
	if opts.Unit == "" {
		opts.Unit = "authors"
	}
	return CurveBand(len(x), len(p), func(idx []int, out []float64) {
		s := make([]float64, len(idx))
		for k, i := range idx {
			s[k] = x[i]
		}
		slices.Sort(s)
		lorenzSorted(s, p, out)
	}, opts)
}
