package coder

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"

	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// ThreadCVOptions sets a cross-validation of the thread coder. The zero
// value is usable.
type ThreadCVOptions struct {
	Folds        int    // k; 0: DefaultFolds; at least 2
	Seed         uint64 // 0: stats.DefaultSeed
	MinPositives int    // 0: DefaultMinPositives (gold threads with, and without, a status)
	Model        ThreadOptions
}

func (o ThreadCVOptions) norm() ThreadCVOptions {
	if o.Folds == 0 {
		o.Folds = DefaultFolds
	}
	if o.Seed == 0 {
		o.Seed = stats.DefaultSeed
	}
	if o.MinPositives == 0 {
		o.MinPositives = DefaultMinPositives
	}
	o.Model = o.Model.norm()
	return o
}

// ThreadLabel is the cross-validated agreement of both thread coders
// with the gold codes on one status, one against the rest.
type ThreadLabel struct {
	Status string
	// Support is the number of gold threads with the status.
	Support int
	// Estimable is false when fewer than MinPositives gold threads have
	// the status, or fewer than MinPositives lack it; Reason says which.
	// The scores are still filled in, to be shown as not estimable.
	Estimable bool
	Reason    string
	// Trained scores the trained coder (pooled over the test folds) and
	// Keyword the keyword rule, on the same gold threads.
	Trained, Keyword themes.Score
}

// ThreadReport is a k-fold cross-validation of the thread coder beside
// the keyword rule on the same folds.
type ThreadReport struct {
	N            int // gold threads
	Folds        int
	Seed         uint64
	MinPositives int
	// Fold gives the test fold of each gold thread, in gold order.
	Fold []int
	// Gold, Trained and Keyword are, per gold thread in gold order, its
	// gold status, the status the fold model that did not see it gives,
	// and the keyword rule's status; Weights its sampling weight
	// (Thread.Weight).
	Gold, Trained, Keyword []string
	Weights                []float64
	// Statuses holds one ThreadLabel per status, in ThreadStatuses
	// order.
	Statuses []ThreadLabel
	// TrainedKappa and KeywordKappa are the multi-class Cohen's κ of the
	// status over the four statuses; *Agreement the observed agreement.
	TrainedKappa, KeywordKappa         float64
	TrainedAgreement, KeywordAgreement float64

	models []*ThreadModel
}

// Status returns the report's label of status s, and whether there is
// one.
func (r ThreadReport) Status(s string) (ThreadLabel, bool) {
	for _, l := range r.Statuses {
		if l.Status == s {
			return l, true
		}
	}
	return ThreadLabel{}, false
}

// Confusion returns the gold threads' confusion of the trained coder
// (keyword false) or of the keyword rule (keyword true), for
// CorrectStatuses.
func (r ThreadReport) Confusion(keyword bool) StatusConfusion {
	coded := r.Trained
	if keyword {
		coded = r.Keyword
	}
	return StatusConfusion{Gold: r.Gold, Coded: coded, Weights: r.Weights}
}

// Models returns the cross-validation's k fold models, model k trained
// without fold k: the coders whose error the report measured (count
// with CountThreads).
func (r ThreadReport) Models() []*ThreadModel { return r.models }

// CrossValidateThreads splits gold into opts.Folds folds stratified on
// the gold status (ThreadFolds), trains a thread model on k − 1 folds
// and codes the remaining one with it, for each fold in turn; the keyword
// rule (Thread.Keyword) is scored on the same threads. The result
// depends only on gold, cb and opts.
func CrossValidateThreads(gold []Thread, cb *themes.Codebook, opts ThreadCVOptions) (ThreadReport, error) {
	if err := checkGoldThreads(gold, cb); err != nil {
		return ThreadReport{}, err
	}
	opts = opts.norm()
	if opts.Folds < 2 || opts.Folds > len(gold) {
		return ThreadReport{}, fmt.Errorf("%w: %d folds for %d threads", ErrGoldThreads, opts.Folds, len(gold))
	}
	fold := ThreadFolds(gold, opts.Folds, opts.Seed)
	docs := make([][]string, len(gold))
	for i, t := range gold {
		docs[i] = threadFeatures(cb, t, opts.Model.NoRule)
	}
	r := ThreadReport{N: len(gold), Folds: opts.Folds, Seed: opts.Seed, MinPositives: opts.MinPositives, Fold: fold,
		Gold: make([]string, len(gold)), Trained: make([]string, len(gold)), Keyword: make([]string, len(gold)), Weights: make([]float64, len(gold))}
	for k := range opts.Folds {
		var tg []Thread
		var td [][]string
		for i := range gold {
			if fold[i] != k {
				tg = append(tg, gold[i])
				td = append(td, docs[i])
			}
		}
		m := trainThreads(tg, td, cb, opts.Model)
		r.models = append(r.models, m)
		for i := range gold {
			if fold[i] == k {
				r.Trained[i] = m.code(m.vocab.columns(docs[i]))
			}
		}
	}
	for i, t := range gold {
		r.Gold[i], r.Keyword[i], r.Weights[i] = t.Status, t.Keyword, t.Weight
	}
	for _, s := range ThreadStatuses {
		l := ThreadLabel{Status: s}
		l.Trained.Label, l.Keyword.Label = s, s
		for i := range gold {
			l.Trained.Add(r.Gold[i] == s, r.Trained[i] == s)
			l.Keyword.Add(r.Gold[i] == s, r.Keyword[i] == s)
		}
		l.Trained, l.Keyword = l.Trained.Finish(), l.Keyword.Finish()
		l.Support = l.Trained.Support
		switch {
		case l.Support < opts.MinPositives:
			l.Reason = fmt.Sprintf("%d gold threads %s, fewer than %d", l.Support, s, opts.MinPositives)
		case len(gold)-l.Support < opts.MinPositives:
			l.Reason = fmt.Sprintf("%d gold threads not %s, fewer than %d", len(gold)-l.Support, s, opts.MinPositives)
		default:
			l.Estimable = true
		}
		r.Statuses = append(r.Statuses, l)
	}
	r.TrainedAgreement, r.TrainedKappa = themes.Kappa(r.Gold, r.Trained)
	r.KeywordAgreement, r.KeywordKappa = themes.Kappa(r.Gold, r.Keyword)
	return r, nil
}

// ThreadFolds assigns each gold thread a fold in 0..k−1, stratified on
// its gold status: the threads are shuffled (Fisher-Yates drawing
// ⌊u·(i+1)/2⁶⁴⌋ from the outputs u of PCG(seed, 1)), stably sorted by
// status, rarest first (ties by name), and dealt to folds 0, 1, …, k−1,
// 0, 1, … in that order. It panics when k < 1.
func ThreadFolds(gold []Thread, k int, seed uint64) []int {
	if k < 1 {
		panic("coder: ThreadFolds needs k >= 1")
	}
	count := map[string]int{}
	for _, t := range gold {
		count[t.Status]++
	}
	order := make([]int, len(gold))
	for i := range order {
		order[i] = i
	}
	src := rand.NewPCG(seed, 1)
	for i := len(order) - 1; i > 0; i-- {
		hi, _ := bits.Mul64(src.Uint64(), uint64(i+1))
		j := int(hi)
		order[i], order[j] = order[j], order[i]
	}
	slices.SortStableFunc(order, func(a, b int) int {
		sa, sb := gold[a].Status, gold[b].Status
		if count[sa] != count[sb] {
			return count[sa] - count[sb]
		}
		switch {
		case sa < sb:
			return -1
		case sa > sb:
			return 1
		}
		return 0
	})
	fold := make([]int, len(gold))
	for pos, i := range order {
		fold[i] = pos % k
	}
	return fold
}

// CountThreads codes n threads with the models (a report's Models) and
// returns, per status of ThreadStatuses, the number of threads given it:
// each model's count averaged over the models, rounded so that the
// counts sum to n (largest remainders, ties to the earlier status).
// thread(i) gives thread i. With one model it is that model's count.
func CountThreads(models []*ThreadModel, n int, thread func(i int) Thread) []int {
	K := len(ThreadStatuses)
	out := make([]int, K)
	if len(models) == 0 || n == 0 {
		return out
	}
	votes := make([]int, K)
	m0 := models[0]
	for i := range n {
		feats := threadFeatures(m0.cb, thread(i), m0.opts.NoRule)
		for _, m := range models {
			votes[statusIndex(m.code(m.vocab.columns(feats)))]++
		}
	}
	return roundCounts(votes, len(models), n)
}

// roundCounts divides votes by k and rounds the quotients to integers
// summing to n by largest remainders.
func roundCounts(votes []int, k, n int) []int {
	out := make([]int, len(votes))
	rem := make([]float64, len(votes))
	total := 0
	for i, v := range votes {
		q := float64(v) / float64(k)
		out[i] = int(math.Floor(q))
		rem[i] = q - float64(out[i])
		total += out[i]
	}
	idx := make([]int, len(votes))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case rem[a] > rem[b]:
			return -1
		case rem[a] < rem[b]:
			return 1
		}
		return 0
	})
	for j := 0; total < n && j < len(idx); j++ {
		out[idx[j]]++
		total++
	}
	return out
}
