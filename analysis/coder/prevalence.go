package coder

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/faire-communaute/compendium/analysis/stats"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// MethodACC is the Method of a corrected prevalence: adjusted classify
// and count with a percentile bootstrap over gold and coded units.
const MethodACC = "acc-percentile-bootstrap"

// DefaultMinSeparation is the smallest tpr − fpr (Youden's J) for which
// a share is corrected: below it the correction divides by a number so
// small that the coder's error dominates (at J = 0.2 an error of 0.01 on
// the coded share is already one of 0.05 on the corrected share).
const DefaultMinSeparation = 0.2

// goldStream is added to the block number of the generator of the gold
// resamples, so that they do not reuse the coded units' draws.
const goldStream = 1 << 62

// Rates is a coder's confusion on one label against gold codes: TP gold
// positives coded positive, FN gold positives coded negative, FP gold
// negatives coded positive, TN gold negatives coded negative (for the
// trained coder, pooled over the cross-validation's test folds:
// Label.Rates). When the gold messages were sampled with unequal
// probabilities (a stratified sample, `scripts/code gold`'s stratum and
// weight columns), Strata holds the confusion of each stratum with its
// weight and TP, FP, FN, TN are their sums; the rates are then weighted
// (see TPR) and the bootstrap resamples each stratum apart. Without
// Strata every gold message weighs the same.
type Rates struct {
	TP, FP, FN, TN int
	Strata         []StratumRates
}

// StratumRates is the confusion of the gold messages of one sampling
// stratum, each of which stands for Weight messages of the population
// (population / sample size of the stratum).
type StratumRates struct {
	Stratum        string
	Weight         float64
	TP, FP, FN, TN int
}

// TPR returns the true positive rate TP/(TP+FN), NaN without gold
// positives; with Strata, the weighted rate Σ wₛ TPₛ / Σ wₛ (TPₛ + FNₛ),
// which estimates the population's rate when stratum s was sampled
// with probability 1/wₛ (Horvitz-Thompson ratio).
func (r Rates) TPR() float64 {
	if len(r.Strata) == 0 {
		return ratio(r.TP, r.TP+r.FN)
	}
	var a, b float64
	for _, s := range r.Strata {
		a += s.Weight * float64(s.TP)
		b += s.Weight * float64(s.TP+s.FN)
	}
	return fratio(a, b)
}

// FPR returns the false positive rate FP/(FP+TN), NaN without gold
// negatives; with Strata, Σ wₛ FPₛ / Σ wₛ (FPₛ + TNₛ).
func (r Rates) FPR() float64 {
	if len(r.Strata) == 0 {
		return ratio(r.FP, r.FP+r.TN)
	}
	var a, b float64
	for _, s := range r.Strata {
		a += s.Weight * float64(s.FP)
		b += s.Weight * float64(s.FP+s.TN)
	}
	return fratio(a, b)
}

// resample returns the rates of a bootstrap resample of the gold
// messages: their confusion drawn from Multinomial(N, cells/N), or, with
// Strata, each stratum's from its own multinomial (a stratified
// bootstrap, keeping each stratum's sample size as the design did), in
// stratum order, from src. ok is false when the resample has no gold
// positive or no gold negative.
func (r Rates) resample(src rand.Source) (tpr, fpr float64, ok bool) {
	if len(r.Strata) == 0 {
		g := multinomial(src, [4]int{r.TP, r.FN, r.FP, r.TN})
		if g[0]+g[1] == 0 || g[2]+g[3] == 0 {
			return 0, 0, false
		}
		return float64(g[0]) / float64(g[0]+g[1]), float64(g[2]) / float64(g[2]+g[3]), true
	}
	var tp, pos, fp, neg float64
	for _, s := range r.Strata {
		g := multinomial(src, [4]int{s.TP, s.FN, s.FP, s.TN})
		tp += s.Weight * float64(g[0])
		pos += s.Weight * float64(g[0]+g[1])
		fp += s.Weight * float64(g[2])
		neg += s.Weight * float64(g[2]+g[3])
	}
	if pos == 0 || neg == 0 {
		return 0, 0, false
	}
	return tp / pos, fp / neg, true
}

func fratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// N returns the number of gold messages.
func (r Rates) N() int { return r.TP + r.FP + r.FN + r.TN }

// Adjust returns the adjusted classify-and-count share (Forman 2008)
// (q − fpr)/(tpr − fpr), clipped to [0, 1], for a coded share q and a
// coder's rates tpr and fpr; NaN when tpr ≤ fpr or an argument is NaN.
func Adjust(q, tpr, fpr float64) float64 {
	d := tpr - fpr
	if !(d > 0) || math.IsNaN(q) {
		return math.NaN()
	}
	return min(1, max(0, (q-fpr)/d))
}

// PrevalenceOptions sets a corrected prevalence. Of the stats.Options,
// Reps, Level, Seed and Unit are used (zero: their defaults; Unit
// "messages"); the interval is always a percentile one.
type PrevalenceOptions struct {
	stats.Options
	// MinSeparation: 0 means DefaultMinSeparation.
	MinSeparation float64
}

func (o PrevalenceOptions) norm() PrevalenceOptions {
	if o.Reps == 0 {
		o.Reps = stats.DefaultReps
	}
	if o.Level == 0 {
		o.Level = stats.DefaultLevel
	}
	if o.Seed == 0 {
		o.Seed = stats.DefaultSeed
	}
	if o.Unit == "" {
		o.Unit = "messages"
	}
	if o.MinSeparation == 0 {
		o.MinSeparation = DefaultMinSeparation
	}
	return o
}

// Corrected is a share corrected for the coder's error.
type Corrected struct {
	// Estimate is the corrected share Adjust(q, tpr, fpr) with its
	// percentile bootstrap interval; N is the number of coded units.
	stats.Estimate
	// Naive is the coded share as it is, with its interval (Wilson for
	// Prevalence, the replicates' percentile interval for
	// PrevalenceReplicates).
	Naive stats.Estimate
	// TPR and FPR are the coder's rates on the gold codes; Gold the
	// number of gold messages.
	TPR, FPR float64
	Gold     int
	// Clipped reports that (q − fpr)/(tpr − fpr) fell outside [0, 1].
	Clipped bool
	// Dropped is the number of bootstrap replicates without a corrected
	// share (a gold resample with no positive or no negative, or with
	// tpr* ≤ fpr*), Reps the number drawn.
	Dropped, Reps int
	// Reason says why Value or the interval is NaN; "" when both are
	// defined.
	Reason string
}

// Prevalence corrects the share k/n of n coded units that the coder gives
// a label, using the coder's confusion r on gold codes. The coded units
// are taken as independent (use PrevalenceReplicates for a share
// resampled by cluster). See the package documentation for the method.
func Prevalence(k, n int, r Rates, opts PrevalenceOptions) Corrected {
	if k < 0 || k > n {
		panic("coder: Prevalence needs 0 <= k <= n")
	}
	opts = opts.norm()
	q := math.NaN()
	if n > 0 {
		q = float64(k) / float64(n)
	}
	qreps := make([]float64, opts.Reps)
	for b := 0; b*stats.BlockSize < opts.Reps; b++ {
		src := rand.NewPCG(opts.Seed, uint64(b))
		for i := b * stats.BlockSize; i < min(opts.Reps, (b+1)*stats.BlockSize); i++ {
			qreps[i] = math.NaN()
			if n > 0 {
				qreps[i] = float64(binomial(src, n, q)) / float64(n)
			}
		}
	}
	c, _ := correct(q, qreps, n, r, opts)
	c.Naive = stats.Wilson(k, n, opts.Level, opts.Unit)
	return c
}

// PrevalenceReplicates corrects a coded share q whose bootstrap
// replicates the caller has drawn (e.g. stats.Replicates over threads or
// authors, for a share of messages clustered in them), over n units.
// Replicate i of the corrected share combines qreps[i] with the i-th
// resample of the gold codes; Reps is len(qreps) (opts.Reps is ignored).
func PrevalenceReplicates(q float64, qreps []float64, n int, r Rates, opts PrevalenceOptions) Corrected {
	c, _ := prevalenceReplicates(q, qreps, n, r, opts)
	return c
}

// prevalenceReplicates is PrevalenceReplicates, with the corrected
// share's replicates (NaN for a dropped one; nil when Value is NaN).
func prevalenceReplicates(q float64, qreps []float64, n int, r Rates, opts PrevalenceOptions) (Corrected, []float64) {
	opts = opts.norm()
	opts.Reps = len(qreps)
	c, reps := correct(q, qreps, n, r, opts)
	c.Naive = stats.Estimate{Value: q, Lo: math.NaN(), Hi: math.NaN(), N: n, Unit: opts.Unit, Method: stats.MethodPercentile, Level: opts.Level}
	c.Naive.Lo, c.Naive.Hi = percentile(qreps, opts.Level)
	return c, reps
}

func correct(q float64, qreps []float64, n int, r Rates, opts PrevalenceOptions) (Corrected, []float64) {
	nan := math.NaN()
	c := Corrected{
		Estimate: stats.Estimate{Value: nan, Lo: nan, Hi: nan, N: n, Unit: opts.Unit, Method: MethodACC, Level: opts.Level},
		TPR:      r.TPR(), FPR: r.FPR(), Gold: r.N(), Reps: len(qreps),
	}
	switch {
	case math.IsNaN(q):
		c.Reason = "no coded unit"
		return c, nil
	case r.TP+r.FN == 0:
		c.Reason = "no gold message with the label: tpr unknown"
		return c, nil
	case r.FP+r.TN == 0:
		c.Reason = "no gold message without the label: fpr unknown"
		return c, nil
	case c.TPR-c.FPR < opts.MinSeparation:
		c.Reason = fmt.Sprintf("tpr − fpr = %.3f is below %.2f: the coder barely tells the label apart", c.TPR-c.FPR, opts.MinSeparation)
		return c, nil
	}
	raw := (q - c.FPR) / (c.TPR - c.FPR)
	c.Clipped = raw < 0 || raw > 1
	c.Value = Adjust(q, c.TPR, c.FPR)

	reps := make([]float64, len(qreps))
	for b := 0; b*stats.BlockSize < len(reps); b++ {
		src := rand.NewPCG(opts.Seed, goldStream+uint64(b))
		for i := b * stats.BlockSize; i < min(len(reps), (b+1)*stats.BlockSize); i++ {
			reps[i] = nan
			if tpr, fpr, ok := r.resample(src); ok {
				reps[i] = Adjust(qreps[i], tpr, fpr)
			}
		}
	}
	for _, v := range reps {
		if math.IsNaN(v) {
			c.Dropped++
		}
	}
	if float64(c.Dropped) > (1-opts.Level)/2*float64(len(reps)) {
		c.Reason = fmt.Sprintf("%d of %d bootstrap replicates have tpr ≤ fpr or no gold positive or negative: the interval would be open", c.Dropped, len(reps))
		return c, reps
	}
	c.Lo, c.Hi = percentile(reps, opts.Level)
	if math.IsNaN(c.Lo) {
		c.Reason = "bootstrap replicates all equal or too few"
	}
	return c, reps
}

// percentile returns the percentile interval of the non-NaN replicates
// (gonum's empirical quantile, as package stats); NaN when fewer than
// two or all equal.
func percentile(reps []float64, level float64) (lo, hi float64) {
	s := make([]float64, 0, len(reps))
	for _, v := range reps {
		if !math.IsNaN(v) {
			s = append(s, v)
		}
	}
	if len(s) < 2 {
		return math.NaN(), math.NaN()
	}
	slices.Sort(s)
	if s[0] == s[len(s)-1] {
		return math.NaN(), math.NaN()
	}
	a := 1 - level
	return stat.Quantile(a/2, stat.Empirical, s, nil), stat.Quantile(1-a/2, stat.Empirical, s, nil)
}

// binomial draws from Binomial(n, p) with gonum's sampler.
func binomial(src rand.Source, n int, p float64) int {
	switch {
	case n <= 0 || p <= 0:
		return 0
	case p >= 1:
		return n
	}
	return int(distuv.Binomial{N: float64(n), P: p, Src: src}.Rand())
}

// multinomial resamples the cells of a confusion: the counts of Σ cells
// units drawn with replacement, each cell with probability its share,
// drawn as successive conditional binomials.
func multinomial(src rand.Source, cells [4]int) [4]int {
	var out [4]int
	left := 0
	for _, c := range cells {
		left += c
	}
	mass := left
	for i := range 3 {
		if mass == 0 || left == 0 {
			break
		}
		out[i] = binomial(src, left, float64(cells[i])/float64(mass))
		left -= out[i]
		mass -= cells[i]
	}
	out[3] = left
	return out
}
