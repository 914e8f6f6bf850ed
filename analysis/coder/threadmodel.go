package coder

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"gonum.org/v1/gonum/optimize"
)

// Feature name prefixes of a thread. Every feature carries a prefix, so
// that a stem of the question and one of the answers are different
// features.
const (
	threadQuestionStem = "q:"        // a stem of the thread start
	threadAnswerStem   = "a:"        // a stem of one of its answers
	threadRule         = "@rule:"    // the keyword rule's status
	threadSource       = "@source:"  // an answer cites the kind (keyword codebook)
	threadAnswers      = "@answers:" // number of answers, binned
	threadProfession   = "@prof:"    // the community's profession
	threadKeywordType  = "@kw-type:" // the codebook's question type of the start
	threadAgreeLater   = "@agree-later"
	threadAgreeFirst   = "@agree-first"
	threadDisagreeLate = "@disagree-later"
	threadDisagreeFst  = "@disagree-first"
	threadQMark        = "@?"
	threadKeywordQ     = "@kw-question"
)

// answerBin names the number of answers of a thread: 0, 1, 2, 3-5, 6+.
func answerBin(n int) string {
	switch {
	case n <= 2:
		return fmt.Sprint(n)
	case n <= 5:
		return "3-5"
	}
	return "6+"
}

// threadFeatures returns the distinct features of a thread, sorted (see
// ThreadModel, "Thread status").
func threadFeatures(cb *themes.Codebook, t Thread, noRule bool) []string {
	out := make([]string, 0, 64)
	for _, s := range cb.Stems(t.Text) {
		out = append(out, threadQuestionStem+s)
	}
	if strings.Contains(themes.StripURLs(t.Text), "?") {
		out = append(out, threadQMark)
	}
	if t.Profession != "" {
		out = append(out, threadProfession+string(t.Profession))
	}
	start := cb.Code(t.Text, t.Profession)
	if start.Question {
		out = append(out, threadKeywordQ)
	}
	if start.QuestionType != "" {
		out = append(out, threadKeywordType+start.QuestionType)
	}
	out = append(out, threadAnswers+answerBin(len(t.Answers)))
	for i, a := range t.Answers {
		for _, s := range cb.Stems(a.Text) {
			out = append(out, threadAnswerStem+s)
		}
		c := cb.Code(a.Text, t.Profession)
		for _, k := range c.Sources {
			out = append(out, threadSource+k)
		}
		switch {
		case i == 0 && c.Agreement:
			out = append(out, threadAgreeFirst)
		case i > 0 && c.Agreement:
			out = append(out, threadAgreeLater)
		}
		switch {
		case i == 0 && c.Disagreement:
			out = append(out, threadDisagreeFst)
		case i > 0 && c.Disagreement:
			out = append(out, threadDisagreeLate)
		}
	}
	if !noRule && t.Keyword != "" {
		out = append(out, threadRule+t.Keyword)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ThreadOptions sets the thread coder's training. The zero value is
// usable: every zero field takes its default.
type ThreadOptions struct {
	Lambda  float64 // L2 penalty; 0: DefaultLambda
	MinDocs int     // 0: DefaultMinDocs
	// Unbalanced weighs every thread 1 in the loss; by default each
	// status present in the training threads weighs the same share of
	// it.
	Unbalanced bool
	// NoRule leaves the keyword rule's status out of the features.
	NoRule bool
}

func (o ThreadOptions) norm() ThreadOptions {
	if o.Lambda == 0 {
		o.Lambda = DefaultLambda
	}
	if o.MinDocs == 0 {
		o.MinDocs = DefaultMinDocs
	}
	return o
}

// ThreadModel is a trained thread-status coder: a multinomial logistic
// regression over ThreadStatuses. It is safe for concurrent use.
//
// # Thread status
//
// A thread (Thread: its start and the messages after it, in order) is
// consensual, non-consensual, unanswered or not a question, as the coding
// manual defines them (data/codebook/manual.md) and the coders code them
// (the thread gold files of `scripts/code gold`, ReadGoldThreads). The
// keyword rule of package norms gives the same statuses from keywords
// and answer counts; the trained coder learns them from the gold threads.
//
// Features (binary, each prefixed so that the question's words and the
// answers' are told apart; a feature is kept when it occurs in at least
// ThreadOptions.MinDocs (2) training threads):
//
//   - "q:" and the stems of the thread start (themes.Codebook.Stems, as
//     the message coder reads them); "@?" when it has a '?' outside web
//     addresses; "@kw-question" and "@kw-type:" the codebook's question
//     detection and question type of the start; "@prof:" the profession;
//   - "@answers:" the number of answers, binned 0, 1, 2, 3-5, 6+;
//   - "a:" and the stems of any answer; "@source:" each source kind an
//     answer cites by the codebook's keywords; "@agree-first" and
//     "@agree-later" an agreement marker in the first or a later answer,
//     "@disagree-first" and "@disagree-later" the same for disagreement
//     (the keyword rule reads a « non » in the first answer as an
//     answer, not a disagreement);
//   - unless ThreadOptions.NoRule, "@rule:" and the keyword rule's status
//     (Thread.Keyword): the model learns when to trust the rule.
//
// Model: minimise Σᵢ cᵢ·(−log pᵢ,yᵢ) + λ/2·Σ w² over the statuses present
// in the training threads, pᵢₖ the softmax of bₖ + Σⱼ wₖⱼ xᵢⱼ, λ =
// DefaultLambda (3) as the message coder, cᵢ = n/(P·n_y) (each of the P
// present statuses weighs the same; ThreadOptions.Unbalanced: 1), by
// gonum's L-BFGS from zero weights: no randomness. A thread is given its
// most probable status.
//
// Cross-validation (CrossValidateThreads): k folds stratified on the gold
// status (ThreadFolds, seeded); each gold thread is coded once by the
// model trained without its fold, and the keyword rule is scored on the
// same threads: per status (one against the rest) support, precision,
// recall, F1 and Cohen's κ (themes.Score), and the multi-class κ over the
// four statuses. A status with fewer than MinPositives (10) gold threads
// with it, or without it, is not estimable, with its reason.
//
// Corrected status shares (CorrectStatuses): with M[c][t] = P(coded c |
// gold t) the cross-validated confusion and q the coded shares of the
// threads counted, the true shares π solve q = M·π (multi-class adjusted
// classify and count: Forman 2008; Saerens, Latinne and Decaestecker
// 2002; the matrix form of Hopkins and King 2010), clipped at 0 and
// renormalised (AdjustShares). M is weighted by the gold threads'
// sampling weights when all have one (a sample stratified on the keyword
// rule's status over-represents rare statuses; the weights restore the
// population's mix, so that M is the coder's confusion on the threads
// counted; several files are pooled with their weights rescaled to a mean
// of 1 each, LoadGoldThreads). The shares among question threads are
// π_s/(1 − π_not-a-question). The correction is not made (NaN with a
// reason) when a status has fewer than DefaultMinGoldPerStatus (5) gold
// threads or when ‖M⁻¹‖₁ exceeds DefaultMaxAmplification (10). The
// interval is a percentile bootstrap over both errors: replicate r draws
// the coded counts from Multinomial(n, q) (resampling n independent
// threads; PCG(Seed, b) for block b) and, independently, resamples the
// gold threads with replacement (PCG(Seed, 2⁶² + b)), rebuilds M* and
// solves for π*; a replicate where a status is absent from the gold
// resample, or M* is singular, is dropped, and the interval is NaN with a
// reason when more than (1 − Level)/2 of them are. It assumes that the
// coder's confusion holds in the threads counted (the gold threads are a
// sample of them: prior-probability shift only). The counts to correct
// are those of the fold models (CountThreads over ThreadReport.Models),
// the coders whose error was measured, as Ensemble for messages.
type ThreadModel struct {
	cb    *themes.Codebook
	opts  ThreadOptions
	vocab *vocabulary
	// w[k] are the weights and b[k] the intercept of status k;
	// present[k] is false for a status absent from the training threads
	// (never given).
	w       [][]float64
	b       []float64
	present []bool
	n       int
}

// N returns the number of gold threads the model was trained on.
func (m *ThreadModel) N() int { return m.n }

// checkGoldThreads verifies that every gold thread has a status and a
// keyword status of ThreadStatuses.
func checkGoldThreads(gold []Thread, cb *themes.Codebook) error {
	if cb == nil {
		return fmt.Errorf("%w: no codebook", ErrGoldThreads)
	}
	if len(gold) == 0 {
		return fmt.Errorf("%w: no thread", ErrGoldThreads)
	}
	for _, t := range gold {
		if statusIndex(t.Status) < 0 {
			return fmt.Errorf("%w: thread %s has status %q", ErrGoldThreads, t.Unit, t.Status)
		}
		if statusIndex(t.Keyword) < 0 {
			return fmt.Errorf("%w: thread %s has no keyword rule status (%q): fill Thread.Keyword (norms.KeywordStatus)", ErrGoldThreads, t.Unit, t.Keyword)
		}
	}
	return nil
}

// TrainThreads fits the thread coder to the gold threads (each with its
// Status and Keyword). cb gives the stems and the keyword codes used as
// features; it must be the codebook the gold codes follow.
func TrainThreads(gold []Thread, cb *themes.Codebook, opts ThreadOptions) (*ThreadModel, error) {
	if err := checkGoldThreads(gold, cb); err != nil {
		return nil, err
	}
	opts = opts.norm()
	docs := make([][]string, len(gold))
	for i, t := range gold {
		docs[i] = threadFeatures(cb, t, opts.NoRule)
	}
	return trainThreads(gold, docs, cb, opts), nil
}

func trainThreads(gold []Thread, docs [][]string, cb *themes.Codebook, opts ThreadOptions) *ThreadModel {
	m := &ThreadModel{cb: cb, opts: opts, vocab: newVocabulary(docs, opts.MinDocs), n: len(gold)}
	x := make([][]int, len(gold))
	y := make([]int, len(gold))
	for i := range docs {
		x[i] = m.vocab.columns(docs[i])
		y[i] = statusIndex(gold[i].Status)
	}
	m.w, m.b, m.present = fitSoftmax(x, y, len(ThreadStatuses), len(m.vocab.names), opts.Lambda, !opts.Unbalanced)
	return m
}

// fitSoftmax fits a multinomial logistic regression to rows x (sorted
// feature columns 0..d−1) and classes y (0..K−1) by minimising
//
//	Σᵢ cᵢ · −log pᵢ,yᵢ + λ/2 · Σₖ Σⱼ wₖⱼ²,  pᵢₖ = exp(zᵢₖ)/Σₗ exp(zᵢₗ),  zᵢₖ = bₖ + Σⱼ wₖⱼ xᵢⱼ
//
// over the classes present in y (an absent class is never predicted),
// with cᵢ = n / (P·n_y) for P present classes when balanced (each
// present class weighs n/P), 1 otherwise; intercepts are not penalised.
// gonum's L-BFGS from zero: deterministic.
func fitSoftmax(x [][]int, y []int, K, d int, lambda float64, balanced bool) (w [][]float64, b []float64, present []bool) {
	n := len(y)
	count := make([]int, K)
	for _, c := range y {
		count[c]++
	}
	present = make([]bool, K)
	var cls []int // present classes
	for k := range K {
		if count[k] > 0 {
			present[k] = true
			cls = append(cls, k)
		}
	}
	w = make([][]float64, K)
	for k := range w {
		w[k] = make([]float64, d)
	}
	b = make([]float64, K)
	if len(cls) == 1 {
		return w, b, present
	}
	weight := make([]float64, n)
	for i, c := range y {
		weight[i] = 1
		if balanced {
			weight[i] = float64(n) / (float64(len(cls)) * float64(count[c]))
		}
	}
	P := len(cls)
	// θ = for each present class p: (w_p0 … w_p,d−1, b_p).
	z := make([]float64, P)
	eval := func(theta, grad []float64) float64 {
		if grad != nil {
			clear(grad)
		}
		var loss float64
		for i, row := range x {
			mx := math.Inf(-1)
			for p := range P {
				base := theta[p*(d+1):]
				v := base[d]
				for _, j := range row {
					v += base[j]
				}
				z[p] = v
				mx = max(mx, v)
			}
			var sum float64
			for p := range P {
				sum += math.Exp(z[p] - mx)
			}
			lse := mx + math.Log(sum)
			yi := slices.Index(cls, y[i])
			loss += weight[i] * (lse - z[yi])
			if grad != nil {
				for p := range P {
					r := math.Exp(z[p] - lse)
					if p == yi {
						r--
					}
					r *= weight[i]
					g := grad[p*(d+1):]
					for _, j := range row {
						g[j] += r
					}
					g[d] += r
				}
			}
		}
		for p := range P {
			base := theta[p*(d+1):]
			for j := range d {
				loss += lambda / 2 * base[j] * base[j]
				if grad != nil {
					grad[p*(d+1)+j] += lambda * base[j]
				}
			}
		}
		return loss
	}
	theta := make([]float64, P*(d+1))
	prob := optimize.Problem{
		Func: func(t []float64) float64 { return eval(t, nil) },
		Grad: func(g, t []float64) { eval(t, g) },
	}
	settings := &optimize.Settings{GradientThreshold: 1e-6, MajorIterations: 500, FuncEvaluations: 5000}
	res, _ := optimize.Minimize(prob, theta, settings, &optimize.LBFGS{Store: 15})
	if res != nil && res.X != nil && !hasNaN(res.X) {
		theta = res.X
	}
	for p, k := range cls {
		copy(w[k], theta[p*(d+1):p*(d+1)+d])
		b[k] = theta[p*(d+1)+d]
	}
	return w, b, present
}

// Probabilities returns the model's probability of each of
// ThreadStatuses for the thread (0 for a status absent from its training
// threads).
func (m *ThreadModel) Probabilities(t Thread) []float64 {
	return m.probs(m.vocab.columns(threadFeatures(m.cb, t, m.opts.NoRule)))
}

func (m *ThreadModel) probs(row []int) []float64 {
	K := len(ThreadStatuses)
	z := make([]float64, K)
	mx := math.Inf(-1)
	for k := range K {
		if !m.present[k] {
			continue
		}
		v := m.b[k]
		for _, j := range row {
			if j < len(m.w[k]) {
				v += m.w[k][j]
			}
		}
		z[k] = v
		mx = max(mx, v)
	}
	var sum float64
	for k := range K {
		if m.present[k] {
			z[k] = math.Exp(z[k] - mx)
			sum += z[k]
		} else {
			z[k] = 0
		}
	}
	for k := range z {
		z[k] /= sum
	}
	return z
}

// Code returns the most probable status of the thread (the first in
// ThreadStatuses order on a tie).
func (m *ThreadModel) Code(t Thread) string {
	return m.code(m.vocab.columns(threadFeatures(m.cb, t, m.opts.NoRule)))
}

func (m *ThreadModel) code(row []int) string {
	p := m.probs(row)
	best := 0
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	return ThreadStatuses[best]
}
