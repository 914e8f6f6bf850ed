package coder

import (
	"errors"
	"fmt"
	"slices"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

// Defaults used when an Options field is zero.
const (
	// DefaultLambda is the L2 penalty: with binary features it is a
	// Gaussian prior of standard deviation 1/√3 ≈ 0.58 on each weight,
	// strong enough that a stem or a stem pair seen in two messages
	// cannot decide alone (at λ = 1 the stem pairs of this package's noisy
	// synthetic test memorised its rare positives; the cross-validated
	// scores on the hand-coded sample are the same at 1 and 3).
	DefaultLambda = 3.0
	// DefaultMinDocs is the number of training messages a feature must
	// occur in to be kept.
	DefaultMinDocs = 2
	// DefaultThreshold is the probability from which a label is given.
	DefaultThreshold = 0.5
)

// Options sets the coder's training. The zero value is usable: every zero
// field takes its default.
type Options struct {
	Lambda    float64 // L2 penalty; 0: DefaultLambda
	MinDocs   int     // 0: DefaultMinDocs
	Threshold float64 // 0: DefaultThreshold
	// Unbalanced weighs every message 1 in the loss; by default each
	// label's two classes weigh half of it (a rare theme is not
	// ignored for being rare).
	Unbalanced bool
	// TextOnly leaves out the keyword codebook's codes from the
	// features: the model then sees only stems, stem pairs, the '?' and
	// the profession.
	TextOnly bool
}

func (o Options) norm() Options {
	if o.Lambda == 0 {
		o.Lambda = DefaultLambda
	}
	if o.MinDocs == 0 {
		o.MinDocs = DefaultMinDocs
	}
	if o.Threshold == 0 {
		o.Threshold = DefaultThreshold
	}
	return o
}

// Coding is what the trained coder reads in one message, as a
// themes.Coding (so that a Model and an Ensemble are themes.Coders): it
// fills Themes (category ids in codebook order, or just themes.Other
// when no other category reaches the threshold), Question and
// QuestionType (for a question, the most probable of the types applying
// to the profession and of "no type", ""; "" otherwise). It is not
// trained for Sources, Agreement and Disagreement, which stay empty.
type Coding = themes.Coding

// Name is the name of the trained coder as a themes.Coder, the value of
// a study file's "coder" that chooses it.
const Name = "trained"

// Model is a trained coder. It is safe for concurrent use.
type Model struct {
	cb    *themes.Codebook
	opts  Options
	vocab *vocabulary
	// themes holds one model per category other than themes.Other, in
	// codebook order.
	themes   []labelModel
	question logistic
	// qtypes holds one model per question type of the codebook, then
	// one for "no type" (id ""), fitted on the gold questions.
	qtypes []labelModel
	n      int
}

type labelModel struct {
	id string
	m  logistic
}

// N returns the number of gold messages the model was trained on.
func (m *Model) N() int { return m.n }

// ErrGold is the reason of every problem in the gold codes given to Train.
var ErrGold = errors.New("coder: unusable gold codes")

// checkGold verifies that every theme and question type of gold is one
// of the codebook's.
func checkGold(gold []themes.Coded, cb *themes.Codebook) error {
	if cb == nil {
		return fmt.Errorf("%w: no codebook", ErrGold)
	}
	if len(gold) == 0 {
		return fmt.Errorf("%w: no message", ErrGold)
	}
	cats := cb.CategoryIDs()
	types := cb.QuestionTypeIDs("")
	for _, g := range gold {
		for _, t := range g.Themes {
			if !slices.Contains(cats, t) {
				return fmt.Errorf("%w: message %s has theme %q, not in the codebook", ErrGold, g.ID, t)
			}
		}
		if g.QuestionType != "" && !slices.Contains(types, g.QuestionType) {
			return fmt.Errorf("%w: message %s has question type %q, not in the codebook", ErrGold, g.ID, g.QuestionType)
		}
	}
	return nil
}

// Train fits the coder to the gold codes: one logistic regression per
// category other than themes.Other, one for the question, and, on the
// gold questions, one per question type and one for "no type". cb gives
// the stems (and, unless opts.TextOnly, the keyword codes used as
// features); it must be the codebook the gold codes follow.
func Train(gold []themes.Coded, cb *themes.Codebook, opts Options) (*Model, error) {
	if err := checkGold(gold, cb); err != nil {
		return nil, err
	}
	opts = opts.norm()
	docs := make([][]string, len(gold))
	for i, g := range gold {
		docs[i] = features(cb, g.Text, g.Profession, opts.TextOnly)
	}
	return train(gold, docs, cb, opts), nil
}

// train fits a model on gold whose features are docs.
func train(gold []themes.Coded, docs [][]string, cb *themes.Codebook, opts Options) *Model {
	m := &Model{cb: cb, opts: opts, vocab: newVocabulary(docs, opts.MinDocs), n: len(gold)}
	d := len(m.vocab.names)
	x := make([][]int, len(gold))
	for i := range docs {
		x[i] = m.vocab.columns(docs[i])
	}
	y := make([]bool, len(gold))
	fit := func(rows [][]int, y []bool) logistic {
		return fitLogistic(rows, y, d, opts.Lambda, !opts.Unbalanced)
	}
	for _, c := range cb.CategoryIDs() {
		if c == themes.Other {
			continue
		}
		for i, g := range gold {
			y[i] = slices.Contains(g.Themes, c)
		}
		m.themes = append(m.themes, labelModel{c, fit(x, y)})
	}
	for i, g := range gold {
		y[i] = g.Question
	}
	m.question = fit(x, y)

	var qx [][]int
	var qg []themes.Coded
	for i, g := range gold {
		if g.Question {
			qx = append(qx, x[i])
			qg = append(qg, g)
		}
	}
	if len(qg) > 0 {
		qy := make([]bool, len(qg))
		for _, t := range append(cb.QuestionTypeIDs(""), "") {
			for i, g := range qg {
				qy[i] = g.QuestionType == t
			}
			m.qtypes = append(m.qtypes, labelModel{t, fit(qx, qy)})
		}
	}
	return m
}

// Name returns Name: a model is a themes.Coder.
func (m *Model) Name() string { return Name }

// Code codes the text of a message of profession p (every question type
// is possible when p is empty).
func (m *Model) Code(text string, p corpus.Profession) Coding {
	return m.code(m.vocab.columns(features(m.cb, text, p, m.opts.TextOnly)), p)
}

func (m *Model) code(row []int, p corpus.Profession) Coding {
	var c Coding
	for _, t := range m.themes {
		if t.m.prob(row) >= m.opts.Threshold {
			c.Themes = append(c.Themes, t.id)
		}
	}
	if len(c.Themes) == 0 {
		c.Themes = []string{themes.Other}
	}
	c.Question = m.question.prob(row) >= m.opts.Threshold
	if c.Question && len(m.qtypes) > 0 {
		allowed := m.cb.QuestionTypeIDs(p)
		best, bestP := "", -1.0
		for _, t := range m.qtypes {
			if t.id != "" && !slices.Contains(allowed, t.id) {
				continue
			}
			if pr := t.m.prob(row); pr > bestP {
				best, bestP = t.id, pr
			}
		}
		c.QuestionType = best
	}
	return c
}
