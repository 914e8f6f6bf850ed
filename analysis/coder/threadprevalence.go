package coder

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"

	"github.com/faire-communaute/compendium/analysis/stats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// MethodACCMulti is the Method of a corrected status share: multi-class
// adjusted classify and count (q = M·π solved for π, clipped and
// renormalised) with a percentile bootstrap over coded and gold threads.
const MethodACCMulti = "acc-multiclass-percentile-bootstrap"

// Defaults of a status correction.
const (
	// DefaultMaxAmplification is the largest ‖M⁻¹‖₁ for which the
	// status shares are corrected: an error δ on the coded shares moves
	// the corrected ones by up to ‖M⁻¹‖₁·‖δ‖₁. For two classes it is
	// (2 − tpr − fpr)/(tpr − fpr), about 5 to 9 at the binary
	// correction's limit tpr − fpr = 0.2 (DefaultMinSeparation); 10 is
	// the same order of error.
	DefaultMaxAmplification = 10.0
	// DefaultMinGoldPerStatus is the smallest number of gold threads of
	// each status for the confusion's column of that status (the coder's
	// behaviour on threads of that status) to be estimated.
	DefaultMinGoldPerStatus = 5
)

// ErrSingular is returned by AdjustShares when the confusion has no
// inverse.
var ErrSingular = errors.New("coder: the confusion matrix is singular")

// AdjustShares solves q = M·π for π, the multi-class adjusted classify
// and count of Forman (2008, "Quantifying counts and costs via
// classification", Data Min. Knowl. Disc. 17) and Saerens, Latinne and
// Decaestecker (2002, Neural Computation 14), the matrix form Hopkins
// and King (2010, Am. J. Pol. Sci. 54) use: q[c] is the coded share of
// class c, m[c][t] = P(coded c | true t) (each column sums to 1), π the
// true shares. Negative solutions are set to 0 and π renormalised to sum
// to 1 (clipped reports it). amplification is ‖M⁻¹‖₁, the largest
// column sum of |M⁻¹|. An error when M is singular (ErrSingular) or the
// clipped solution is all zero.
func AdjustShares(q []float64, m [][]float64) (pi []float64, clipped bool, amplification float64, err error) {
	K := len(q)
	if len(m) != K {
		return nil, false, math.NaN(), fmt.Errorf("coder: AdjustShares: %d shares for a %d-row confusion", K, len(m))
	}
	a := mat.NewDense(K, K, nil)
	for c := range K {
		if len(m[c]) != K {
			return nil, false, math.NaN(), fmt.Errorf("coder: AdjustShares: row %d has %d columns, want %d", c, len(m[c]), K)
		}
		for t := range K {
			a.Set(c, t, m[c][t])
		}
	}
	var inv mat.Dense
	if err := inv.Inverse(a); err != nil {
		return nil, false, math.Inf(1), ErrSingular
	}
	// ‖M⁻¹‖₁ is the largest column sum.
	for c := range K {
		var s float64
		for t := range K {
			s += math.Abs(inv.At(t, c))
		}
		amplification = max(amplification, s)
	}
	pi = make([]float64, K)
	var sum float64
	for t := range K {
		for c := range K {
			pi[t] += inv.At(t, c) * q[c]
		}
		if pi[t] < 0 {
			// Rounding of an exact solution is not a clip.
			if pi[t] < -1e-12 {
				clipped = true
			}
			pi[t] = 0
		}
		sum += pi[t]
	}
	if !(sum > 0) {
		return nil, clipped, amplification, errors.New("coder: AdjustShares: no positive share")
	}
	if math.Abs(sum-1) > 1e-12 {
		for t := range pi {
			pi[t] /= sum
		}
	}
	return pi, clipped, amplification, nil
}

// StatusConfusion is, per gold thread, its gold status and the status a
// coder gives it (cross-validated for the trained coder:
// ThreadReport.Confusion), with its sampling weight (0: unknown).
type StatusConfusion struct {
	Gold, Coded []string
	Weights     []float64
}

// weighted reports whether every gold thread has a positive weight.
func (c StatusConfusion) weighted() bool {
	if len(c.Weights) != len(c.Gold) || len(c.Gold) == 0 {
		return false
	}
	for _, w := range c.Weights {
		if !(w > 0) {
			return false
		}
	}
	return true
}

// matrix returns M[c][t] = Σ w·[coded c, gold t] / Σ w·[gold t] over the
// gold threads idx (each index once per draw), and the weighted number of
// gold threads of each status; w = 1 unless weighted.
func (c StatusConfusion) matrix(idx []int, weighted bool) (m [][]float64, col []float64) {
	K := len(ThreadStatuses)
	m = make([][]float64, K)
	for i := range m {
		m[i] = make([]float64, K)
	}
	col = make([]float64, K)
	for _, i := range idx {
		t, k := statusIndex(c.Gold[i]), statusIndex(c.Coded[i])
		if t < 0 || k < 0 {
			continue
		}
		w := 1.0
		if weighted {
			w = c.Weights[i]
		}
		m[k][t] += w
		col[t] += w
	}
	for t := range K {
		for k := range K {
			if col[t] > 0 {
				m[k][t] /= col[t]
			}
		}
	}
	return m, col
}

// StatusOptions sets a status correction. Of the stats.Options, Reps,
// Level and Seed are used (zero: their defaults).
type StatusOptions struct {
	stats.Options
	MaxAmplification float64 // 0: DefaultMaxAmplification
	MinGoldPerStatus int     // 0: DefaultMinGoldPerStatus
	// Unweighted ignores the gold threads' sampling weights.
	Unweighted bool
}

func (o StatusOptions) norm() StatusOptions {
	if o.Reps == 0 {
		o.Reps = stats.DefaultReps
	}
	if o.Level == 0 {
		o.Level = stats.DefaultLevel
	}
	if o.Seed == 0 {
		o.Seed = stats.DefaultSeed
	}
	if o.MaxAmplification == 0 {
		o.MaxAmplification = DefaultMaxAmplification
	}
	if o.MinGoldPerStatus == 0 {
		o.MinGoldPerStatus = DefaultMinGoldPerStatus
	}
	return o
}

// StatusShares are the status shares of coded threads, as coded and
// corrected for the coder's error.
type StatusShares struct {
	// N is the number of coded threads (thread starts whose status can
	// be read), Counts the coded count of each of ThreadStatuses.
	N      int
	Counts []int
	// Naive and Corrected are the shares of the N threads of each of
	// ThreadStatuses: as coded (Wilson intervals) and corrected
	// (AdjustShares with the gold confusion, percentile bootstrap
	// interval, Method MethodACCMulti).
	Naive, Corrected []stats.Estimate
	// NaiveQuestions and CorrectedQuestions are the shares among
	// question threads of each of QuestionStatuses: π_s/(1 − π_not-a-question),
	// naive with its Wilson interval over the coded question threads,
	// corrected with the percentile interval of the same ratio over the
	// bootstrap replicates.
	NaiveQuestions, CorrectedQuestions []stats.Estimate
	// Gold is the number of gold threads, GoldByStatus per status;
	// Weighted reports whether their sampling weights were used.
	Gold         int
	GoldByStatus []int
	Weighted     bool
	// Amplification is ‖M⁻¹‖₁ of the gold confusion; Clipped reports
	// that its solution had a negative share.
	Amplification float64
	Clipped       bool
	// Dropped is the number of replicates without a solution (a status
	// absent from the resampled gold threads, or a singular confusion),
	// Reps the number drawn.
	Dropped, Reps int
	// Reason says why the corrected values are NaN; "" when they are
	// defined.
	Reason string
}

// CorrectStatuses corrects the status counts of n coded threads
// (counts[i] the threads coded ThreadStatuses[i]) for the coder's error
// measured on gold (see ThreadModel, "Thread status").
func CorrectStatuses(counts []int, gold StatusConfusion, opts StatusOptions) StatusShares {
	opts = opts.norm()
	K := len(ThreadStatuses)
	if len(counts) != K {
		panic("coder: CorrectStatuses needs one count per status")
	}
	nan := math.NaN()
	n := 0
	for _, c := range counts {
		if c < 0 {
			panic("coder: CorrectStatuses: negative count")
		}
		n += c
	}
	s := StatusShares{N: n, Counts: slices.Clone(counts), Gold: len(gold.Gold), GoldByStatus: make([]int, K), Reps: opts.Reps}
	s.Weighted = !opts.Unweighted && gold.weighted()
	for _, g := range gold.Gold {
		if t := statusIndex(g); t >= 0 {
			s.GoldByStatus[t]++
		}
	}
	nq := n - counts[K-1]
	for k := range K {
		s.Naive = append(s.Naive, stats.Wilson(counts[k], n, opts.Level, "threads"))
		e := stats.Estimate{Value: nan, Lo: nan, Hi: nan, N: n, Unit: "threads", Method: MethodACCMulti, Level: opts.Level}
		s.Corrected = append(s.Corrected, e)
		if k < K-1 {
			s.NaiveQuestions = append(s.NaiveQuestions, stats.Wilson(counts[k], nq, opts.Level, "question threads"))
			e.Unit = "question threads"
			s.CorrectedQuestions = append(s.CorrectedQuestions, e)
		}
	}
	fail := func(format string, a ...any) StatusShares {
		s.Reason = fmt.Sprintf(format, a...)
		for k := range s.Corrected {
			s.Corrected[k].Value, s.Corrected[k].Lo, s.Corrected[k].Hi = nan, nan, nan
		}
		for k := range s.CorrectedQuestions {
			s.CorrectedQuestions[k].Value, s.CorrectedQuestions[k].Lo, s.CorrectedQuestions[k].Hi = nan, nan, nan
		}
		return s
	}
	if n == 0 {
		return fail("no coded thread")
	}
	if len(gold.Coded) != len(gold.Gold) {
		panic("coder: CorrectStatuses: gold and coded statuses differ in length")
	}
	for k, g := range s.GoldByStatus {
		if g < opts.MinGoldPerStatus {
			return fail("%d gold threads %s, fewer than %d: the coder's error on them is not measured", g, ThreadStatuses[k], opts.MinGoldPerStatus)
		}
	}
	all := make([]int, len(gold.Gold))
	for i := range all {
		all[i] = i
	}
	m, _ := gold.matrix(all, s.Weighted)
	q := make([]float64, K)
	for k := range K {
		q[k] = float64(counts[k]) / float64(n)
	}
	pi, clipped, amp, err := AdjustShares(q, m)
	s.Amplification, s.Clipped = amp, clipped
	if err != nil {
		return fail("the gold confusion cannot be inverted: %v", err)
	}
	if amp > opts.MaxAmplification {
		return fail("‖M⁻¹‖₁ = %.1f is above %.0f: the coder tells the statuses apart too little for a correction", amp, opts.MaxAmplification)
	}
	among := func(p []float64) []float64 {
		out := make([]float64, K-1)
		den := 1 - p[K-1]
		for k := range out {
			out[k] = nan
			if den > 0 {
				out[k] = p[k] / den
			}
		}
		return out
	}
	for k := range K {
		s.Corrected[k].Value = pi[k]
	}
	for k, v := range among(pi) {
		s.CorrectedQuestions[k].Value = v
	}

	reps := make([][]float64, opts.Reps) // π* per replicate, nil when dropped
	G := len(gold.Gold)
	idx := make([]int, G)
	qs := make([]float64, K)
	for b := 0; b*stats.BlockSize < opts.Reps; b++ {
		srcQ := rand.NewPCG(opts.Seed, uint64(b))
		srcG := rand.NewPCG(opts.Seed, goldStream+uint64(b))
		for r := b * stats.BlockSize; r < min(opts.Reps, (b+1)*stats.BlockSize); r++ {
			draw := multinomialN(srcQ, counts)
			for k := range K {
				qs[k] = float64(draw[k]) / float64(n)
			}
			for j := range idx {
				hi, _ := bits.Mul64(srcG.Uint64(), uint64(G))
				idx[j] = int(hi)
			}
			mr, col := gold.matrix(idx, s.Weighted)
			if slices.Contains(col, 0) {
				continue
			}
			p, _, _, err := AdjustShares(qs, mr)
			if err != nil {
				continue
			}
			reps[r] = p
		}
	}
	for _, p := range reps {
		if p == nil {
			s.Dropped++
		}
	}
	if float64(s.Dropped) > (1-opts.Level)/2*float64(opts.Reps) {
		s.Reason = fmt.Sprintf("%d of %d bootstrap replicates have a status absent from the resampled gold threads or a singular confusion: the interval would be open", s.Dropped, opts.Reps)
		for k := range s.Corrected {
			s.Corrected[k].Lo, s.Corrected[k].Hi = nan, nan
		}
		for k := range s.CorrectedQuestions {
			s.CorrectedQuestions[k].Lo, s.CorrectedQuestions[k].Hi = nan, nan
		}
		return s
	}
	col := make([]float64, 0, opts.Reps)
	for k := range K {
		col = col[:0]
		for _, p := range reps {
			if p != nil {
				col = append(col, p[k])
			}
		}
		s.Corrected[k].Lo, s.Corrected[k].Hi = quantiles(col, opts.Level)
	}
	for k := range K - 1 {
		col = col[:0]
		for _, p := range reps {
			if p != nil {
				if v := among(p)[k]; !math.IsNaN(v) {
					col = append(col, v)
				}
			}
		}
		s.CorrectedQuestions[k].Lo, s.CorrectedQuestions[k].Hi = quantiles(col, opts.Level)
	}
	return s
}

// quantiles returns the percentile interval of vs (gonum's empirical
// quantile), NaN when fewer than two values or all equal. It sorts vs.
func quantiles(vs []float64, level float64) (lo, hi float64) {
	if len(vs) < 2 {
		return math.NaN(), math.NaN()
	}
	slices.Sort(vs)
	if vs[0] == vs[len(vs)-1] {
		return vs[0], vs[0]
	}
	a := 1 - level
	return stat.Quantile(a/2, stat.Empirical, vs, nil), stat.Quantile(1-a/2, stat.Empirical, vs, nil)
}

// multinomialN draws the counts of Σ cells units drawn with replacement,
// each cell with probability its share, as successive conditional
// binomials (gonum's sampler).
func multinomialN(src rand.Source, cells []int) []int {
	out := make([]int, len(cells))
	left, mass := 0, 0
	for _, c := range cells {
		left += c
	}
	mass = left
	for i := 0; i < len(cells)-1; i++ {
		if mass == 0 || left == 0 {
			break
		}
		p := float64(cells[i]) / float64(mass)
		switch {
		case p <= 0:
		case p >= 1:
			out[i] = left
		default:
			out[i] = int(distuv.Binomial{N: float64(left), P: p, Src: src}.Rand())
		}
		left -= out[i]
		mass -= cells[i]
	}
	out[len(cells)-1] += left
	return out
}

// ThreadSourceRates returns a source coder's confusion on each of kinds
// over the answers by others (Thread.ByOther: the asker's own follow-ups
// are left out, as the corpus's citing counts leave them out) of the
// gold threads keep accepts (all when keep is nil): the gold codes are
// ThreadAnswer.Sources, the coder's are coded(t, a). answers counts the
// answers scored.
//
// When the gold threads carry several strata or unequal weights
// (Thread.Stratum, Weight: `scripts/code sample` draws threads by
// community and automatic status), each kind's confusion is split by
// (stratum, weight) in Rates.Strata, in order of first appearance, as
// Report.RatesOf does for messages, and its rates are weighted: an answer
// stands for Weight answers of the population, its thread's (a weight of
// 0 counts as 1). The stratified bootstrap of Rates then resamples the
// answers of each stratum apart, as independent draws, though they were
// drawn by thread: the interval ignores that answers cluster in threads.
func ThreadSourceRates(gold []Thread, kinds []string, keep func(Thread) bool, coded func(Thread, ThreadAnswer) []string) (rates []Rates, answers int) {
	type key struct {
		stratum string
		weight  float64
	}
	index := map[key]int{}
	rates = make([]Rates, len(kinds))
	for _, t := range gold {
		if keep != nil && !keep(t) {
			continue
		}
		w := t.Weight
		if w == 0 {
			w = 1
		}
		k := key{t.Stratum, w}
		j, ok := index[k]
		for _, a := range t.Answers {
			if !t.ByOther(a) {
				continue
			}
			if !ok {
				j, ok = len(index), true
				index[k] = j
				for i := range rates {
					rates[i].Strata = append(rates[i].Strata, StratumRates{Stratum: t.Stratum, Weight: w})
				}
			}
			answers++
			c := coded(t, a)
			for i, kind := range kinds {
				r, s := &rates[i], &rates[i].Strata[j]
				switch g, x := slices.Contains(a.Sources, kind), slices.Contains(c, kind); {
				case g && x:
					r.TP++
					s.TP++
				case g:
					r.FN++
					s.FN++
				case x:
					r.FP++
					s.FP++
				default:
					r.TN++
					s.TN++
				}
			}
		}
	}
	if len(index) <= 1 {
		for i := range rates {
			rates[i].Strata = nil // one stratum, one weight: every answer weighs the same
		}
	}
	return rates, answers
}
