package stats

import (
	"math"
	"math/rand/v2"
)

// Comparison is the difference a − b of one statistic between two groups.
type Comparison struct {
	// Estimate is a − b with its bootstrap interval (resampling within
	// each group); N is na + nb.
	Estimate
	A, B float64 // the statistic on each group
	NA   int     // units of group a
	NB   int     // units of group b
	// P is the two-sided permutation p-value of "no difference"; Perms
	// the number of permutations (or of splits enumerated when Exact).
	P     float64
	Perms int
	Exact bool
}

// Claimed reports whether a difference is claimed: the interval of a − b
// is estimable and excludes zero. Otherwise the data cannot tell the
// groups apart on this statistic.
func (c Comparison) Claimed() bool { return c.ExcludesZero() }

// Difference compares a statistic between group a (pooled units 0..na−1)
// and group b (units na..na+nb−1), as defined in the package
// documentation: stat computes the statistic on any set of pooled unit
// indices (repeated when drawn twice). opts.Reps is the number of
// bootstrap replicates, opts.Perms of permutations (0: as many as Reps;
// negative: no test, P NaN). stat may be called concurrently and must not
// keep or modify idx.
func Difference(na, nb int, stat func(idx []int) float64, opts Options) Comparison {
	opts = opts.norm()
	nan := math.NaN()
	n := na + nb
	c := Comparison{NA: na, NB: nb, P: nan, A: nan, B: nan,
		Estimate: Estimate{Value: nan, Lo: nan, Hi: nan, N: n, Unit: opts.Unit, Method: opts.Method, Level: opts.Level}}
	if na == 0 || nb == 0 {
		return c
	}
	all := identity(n)
	ia, ib := all[:na], all[na:]
	c.A, c.B = stat(ia), stat(ib)
	d := c.A - c.B
	c.Value = d
	if math.IsNaN(d) {
		return c
	}
	if na >= 2 && nb >= 2 {
		scratch := make([][]int, opts.Workers)
		for w := range scratch {
			scratch[w] = make([]int, n)
		}
		reps := make([]float64, opts.Reps)
		blocks(reps, opts.Seed, 0, opts.Workers, func(src *rand.PCG, w int) float64 {
			idx := scratch[w]
			for j := range na {
				idx[j] = draw(src, na)
			}
			for j := na; j < n; j++ {
				idx[j] = na + draw(src, nb)
			}
			return stat(idx[:na]) - stat(idx[na:])
		})
		jack := func() []float64 {
			// Leave out one unit of a, then one unit of b.
			ja := Jackknife(na, stat, opts.Workers)
			jb := Jackknife(nb, func(idx []int) float64 {
				sh := make([]int, len(idx))
				for i, v := range idx {
					sh[i] = na + v
				}
				return stat(sh)
			}, opts.Workers)
			out := make([]float64, 0, len(ja)+len(jb))
			for _, v := range ja {
				out = append(out, v-c.B)
			}
			for _, v := range jb {
				out = append(out, c.A-v)
			}
			return out
		}
		c.Lo, c.Hi = interval(d, reps, jack, opts)
	}
	if opts.Perms >= 0 {
		c.P, c.Perms, c.Exact = permutation(na, nb, d, stat, opts)
	}
	return c
}

// tol is the relative tolerance under which a permuted |d*| counts as
// reaching the observed |d| (sums taken in another order differ in their
// last bits).
const tol = 1e-12

func reaches(dp, d float64) bool {
	return math.Abs(dp) >= math.Abs(d)-tol*math.Max(1, math.Abs(d))
}

// permutation returns the two-sided permutation p-value of d.
func permutation(na, nb int, d float64, stat func(idx []int) float64, opts Options) (p float64, count int, exact bool) {
	n := na + nb
	perms := opts.Perms
	if perms == 0 {
		perms = opts.Reps
	}
	if splits := binomial(n, na); splits <= float64(perms) {
		// Enumerate every choice of na pooled units for group a.
		var hit, total int
		comb := identity(na)
		inA := make([]bool, n)
		idx := make([]int, n)
		for {
			clear(inA)
			for _, i := range comb {
				inA[i] = true
			}
			ka, kb := 0, na
			for i := range n {
				if inA[i] {
					idx[ka] = i
					ka++
				} else {
					idx[kb] = i
					kb++
				}
			}
			dp := stat(idx[:na]) - stat(idx[na:])
			if !math.IsNaN(dp) {
				total++
				if reaches(dp, d) {
					hit++
				}
			}
			if !nextComb(comb, n) {
				break
			}
		}
		if total == 0 {
			return math.NaN(), 0, true
		}
		return float64(hit) / float64(total), total, true
	}
	scratch := make([][]int, opts.Workers)
	perm := make([]float64, perms)
	blocks(perm, opts.Seed, permStream, opts.Workers, func(src *rand.PCG, w int) float64 {
		if scratch[w] == nil {
			scratch[w] = make([]int, n)
		}
		idx := scratch[w]
		for i := range idx {
			idx[i] = i
		}
		// Fisher-Yates: position i takes one of positions 0..i.
		for i := n - 1; i > 0; i-- {
			j := draw(src, i+1)
			idx[i], idx[j] = idx[j], idx[i]
		}
		return stat(idx[:na]) - stat(idx[na:])
	})
	var hit, total int
	for _, dp := range perm {
		if math.IsNaN(dp) {
			continue
		}
		total++
		if reaches(dp, d) {
			hit++
		}
	}
	return float64(1+hit) / float64(1+total), total, false
}

// binomial returns C(n, k) as a float (large values lose precision but
// only their comparison with Reps matters).
func binomial(n, k int) float64 {
	k = min(k, n-k)
	c := 1.0
	for i := 1; i <= k; i++ {
		c = c * float64(n-k+i) / float64(i)
	}
	return c
}

// nextComb advances comb, an increasing k-subset of [0, n), to the next in
// lexicographic order; false after the last.
func nextComb(comb []int, n int) bool {
	k := len(comb)
	i := k - 1
	for i >= 0 && comb[i] == n-k+i {
		i--
	}
	if i < 0 {
		return false
	}
	comb[i]++
	for j := i + 1; j < k; j++ {
		comb[j] = comb[j-1] + 1
	}
	return true
}
