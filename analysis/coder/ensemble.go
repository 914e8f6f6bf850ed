package coder

import (
	"hash/fnv"
	"math"
	"slices"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// Ensemble is the k models of a cross-validation, model k trained
// without fold k: exactly the coders whose error the report measured.
// Counting a label with them (Count) rather than with a model trained on
// every gold message keeps the coded share and the rates that correct it
// about the same coders: a model trained on more messages is regularised
// less and codes differently, and its error is not the one measured (on
// the synthetic test of this package the final model's corrected share
// is biased upward by about 0.03, the ensemble's is not).
type Ensemble []*Model

// Ensemble returns the cross-validation's k fold models.
func (r Report) Ensemble() Ensemble { return r.models }

// Count returns the number of the n messages the ensemble gives the
// label: for each model the number it gives it, averaged over the models
// and rounded to the nearest integer. msg(i) gives message i's text and
// profession. label is a category id, "question", or a question type
// id; an unknown label counts nothing.
func (e Ensemble) Count(n int, msg func(i int) (string, corpus.Profession), label string) int {
	if len(e) == 0 || n == 0 {
		return 0
	}
	m0 := e[0]
	has := labelTest(m0, label)
	votes := 0
	for i := range n {
		text, p := msg(i)
		feats := features(m0.cb, text, p, m0.opts.TextOnly)
		for _, m := range e {
			if has(m.code(m.vocab.columns(feats), p)) {
				votes++
			}
		}
	}
	return int(math.Round(float64(votes) / float64(len(e))))
}

// Name returns Name: an ensemble is a themes.Coder.
func (e Ensemble) Name() string { return Name }

// Code codes a message with one of the k fold models: model
// h mod k, h the 64-bit FNV-1a hash of the text (the same text always
// goes to the same model). This is how the cross-validation coded the
// gold messages, each by exactly one fold model, the one that did not
// see it: a count of messages coded so has the expected value of
// Count's average over the models, and its rates are the
// cross-validated ones. The assignment varies independently from one
// message to the next, so a bootstrap over messages or authors
// carries the variation it adds. It panics on an empty ensemble.
func (e Ensemble) Code(text string, p corpus.Profession) Coding {
	if len(e) == 0 {
		panic("coder: Code on an empty ensemble")
	}
	h := fnv.New64a()
	h.Write([]byte(text))
	return e[h.Sum64()%uint64(len(e))].Code(text, p)
}

// labelTest returns the test of a coding for the label.
func labelTest(m *Model, label string) func(Coding) bool {
	switch {
	case slices.Contains(m.cb.CategoryIDs(), label):
		return func(c Coding) bool { return c.HasTheme(label) }
	case label == "question":
		return func(c Coding) bool { return c.Question }
	case label != "" && slices.Contains(m.cb.QuestionTypeIDs(""), label):
		return func(c Coding) bool { return c.QuestionType == label }
	}
	return func(Coding) bool { return false }
}
