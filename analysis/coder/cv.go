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

// Defaults of cross-validation.
const (
	DefaultFolds = 5
	// DefaultMinPositives is the smallest number of gold messages with
	// a label, and of gold messages without it, for its scores to be
	// estimable: below it, precision and recall rest on a handful of
	// messages and one fold may hold none.
	DefaultMinPositives = 10
)

// CVOptions sets a cross-validation. The zero value is usable.
type CVOptions struct {
	Folds        int    // k; 0: DefaultFolds; at least 2
	Seed         uint64 // 0: stats.DefaultSeed
	MinPositives int    // 0: DefaultMinPositives
	Model        Options
}

func (o CVOptions) norm() CVOptions {
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

// Label is the cross-validated agreement of both coders with the gold
// codes on one label (a theme, the question, a question type), as a
// binary presence per message.
type Label struct {
	Label string
	// Support is the number of gold messages with the label.
	Support int
	// Estimable is false when fewer than MinPositives gold messages have
	// the label, or fewer than MinPositives lack it; Reason says which.
	// The scores are still filled in, but should be shown as not
	// estimable.
	Estimable bool
	Reason    string
	// Trained scores the trained coder and Keyword the keyword codebook,
	// each pooled over the k test folds: every gold message is counted
	// once, coded by the model that did not see it (the keyword
	// codebook is not trained: its pooled score is its score on the
	// whole gold set).
	Trained, Keyword themes.Score
}

// Rates returns the trained coder's confusion on the label, for
// Prevalence, every gold message counted once (unweighted; the rates a
// study's shares are corrected with are Report.RatesOf's, weighted by the
// gold sample's strata).
func (l Label) Rates() Rates { return ratesOf(l.Trained) }

// KeywordRates returns the keyword codebook's confusion on the label,
// unweighted as Rates.
func (l Label) KeywordRates() Rates { return ratesOf(l.Keyword) }

func ratesOf(s themes.Score) Rates { return Rates{TP: s.TP, FP: s.FP, FN: s.FN, TN: s.TN} }

// Report is a k-fold cross-validation of the trained coder beside the
// keyword codebook on the same folds.
type Report struct {
	N            int // gold messages
	Folds        int
	Seed         uint64
	MinPositives int
	// Fold gives the test fold (0..Folds−1) of each gold message, in
	// gold order.
	Fold []int
	// Categories holds one Label per category of the codebook (Other
	// included: the message has no other category), in codebook order.
	Categories []Label
	Question   Label
	// QuestionTypes holds one Label per question type (one against the
	// rest over every message: a message that is not a question, or of
	// no type, is of none of them), in codebook order.
	QuestionTypes []Label
	// TypeKappa is the multi-class Cohen's kappa of the question type
	// ("none" a class of its own, as themes.Validation) of the trained
	// and of the keyword coder; TypeAgreement their observed agreement.
	TrainedTypeKappa, KeywordTypeKappa         float64
	TrainedTypeAgreement, KeywordTypeAgreement float64

	models []*Model // model k trained without fold k
	// gold, and how each coder coded each gold message (the trained
	// coder: by the model of the fold that did not see it).
	gold    []themes.Coded
	trained []Coding
	keyword []themes.Coding
}

// Label returns the report's label with the given id (a category, a
// question type, or "question"), and whether there is one.
func (r Report) Label(id string) (Label, bool) {
	for _, l := range r.Categories {
		if l.Label == id {
			return l, true
		}
	}
	if id == r.Question.Label {
		return r.Question, true
	}
	for _, l := range r.QuestionTypes {
		if l.Label == id {
			return l, true
		}
	}
	return Label{}, false
}

// CrossValidate splits gold into opts.Folds stratified folds (Folds), and
// for each fold trains a model on the others and codes the fold with it
// and with the keyword codebook; the scores are pooled over the folds.
// The result depends only on gold, cb and opts.
func CrossValidate(gold []themes.Coded, cb *themes.Codebook, opts CVOptions) (Report, error) {
	if err := checkGold(gold, cb); err != nil {
		return Report{}, err
	}
	opts = opts.norm()
	if opts.Folds < 2 || opts.Folds > len(gold) {
		return Report{}, fmt.Errorf("%w: %d folds for %d messages", ErrGold, opts.Folds, len(gold))
	}
	fold := Folds(gold, opts.Folds, opts.Seed)
	docs := make([][]string, len(gold))
	for i, g := range gold {
		docs[i] = features(cb, g.Text, g.Profession, opts.Model.TextOnly)
	}
	trained := make([]Coding, len(gold))
	keyword := make([]themes.Coding, len(gold))
	var models []*Model
	for k := range opts.Folds {
		var tg []themes.Coded
		var td [][]string
		for i := range gold {
			if fold[i] != k {
				tg = append(tg, gold[i])
				td = append(td, docs[i])
			}
		}
		m := train(tg, td, cb, opts.Model)
		models = append(models, m)
		for i, g := range gold {
			if fold[i] == k {
				trained[i] = m.code(m.vocab.columns(docs[i]), g.Profession)
				keyword[i] = cb.Code(g.Text, g.Profession)
			}
		}
	}
	r := Report{N: len(gold), Folds: opts.Folds, Seed: opts.Seed, MinPositives: opts.MinPositives, Fold: fold, models: models,
		gold: gold, trained: trained, keyword: keyword}
	label := func(id string, ref func(themes.Coded) bool, tr func(Coding) bool, kw func(themes.Coding) bool) Label {
		l := Label{Label: id}
		var t, w themes.Score
		t.Label, w.Label = id, id
		for i, g := range gold {
			t.Add(ref(g), tr(trained[i]))
			w.Add(ref(g), kw(keyword[i]))
		}
		l.Trained, l.Keyword = t.Finish(), w.Finish()
		l.Support = l.Trained.Support
		switch {
		case l.Support < opts.MinPositives:
			l.Reason = fmt.Sprintf("%d gold messages with the label, fewer than %d", l.Support, opts.MinPositives)
		case len(gold)-l.Support < opts.MinPositives:
			l.Reason = fmt.Sprintf("%d gold messages without the label, fewer than %d", len(gold)-l.Support, opts.MinPositives)
		default:
			l.Estimable = true
		}
		return l
	}
	for _, c := range cb.CategoryIDs() {
		r.Categories = append(r.Categories, label(c,
			func(g themes.Coded) bool { return slices.Contains(g.Themes, c) },
			func(c2 Coding) bool { return c2.HasTheme(c) },
			func(c2 themes.Coding) bool { return c2.HasTheme(c) }))
	}
	r.Question = label("question",
		func(g themes.Coded) bool { return g.Question },
		func(c Coding) bool { return c.Question },
		func(c themes.Coding) bool { return c.Question })
	for _, qt := range cb.QuestionTypeIDs("") {
		r.QuestionTypes = append(r.QuestionTypes, label(qt,
			func(g themes.Coded) bool { return g.QuestionType == qt },
			func(c Coding) bool { return c.QuestionType == qt },
			func(c themes.Coding) bool { return c.QuestionType == qt }))
	}
	ref := make([]string, len(gold))
	tr := make([]string, len(gold))
	kw := make([]string, len(gold))
	for i, g := range gold {
		ref[i], tr[i], kw[i] = g.QuestionType, trained[i].QuestionType, keyword[i].QuestionType
	}
	r.TrainedTypeAgreement, r.TrainedTypeKappa = themes.Kappa(ref, tr)
	r.KeywordTypeAgreement, r.KeywordTypeKappa = themes.Kappa(ref, kw)
	return r, nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Folds assigns each gold message a fold in 0..k−1, stratified: a
// message's stratum is its rarest gold label (among its themes, "question"
// when it is one, and its question type; a label's rarity is its count in
// gold, ties broken by name); the messages are put in a random order
// (a Fisher-Yates shuffle drawing ⌊u·i/2⁶⁴⌋ from the 64-bit outputs u of
// PCG(seed, 0)), then stably sorted by stratum, rarest first, and dealt
// to folds 0, 1, …, k−1, 0, 1, … in that order. Each fold thus holds
// ⌊n/k⌋ or ⌈n/k⌉ messages and, for each stratum, as even a share of it
// as the dealing allows. It panics when k < 1.
func Folds(gold []themes.Coded, k int, seed uint64) []int {
	if k < 1 {
		panic("coder: Folds needs k >= 1")
	}
	labels := func(g themes.Coded) []string {
		out := append([]string{}, g.Themes...)
		if g.Question {
			out = append(out, "question")
		}
		if g.QuestionType != "" {
			out = append(out, "type:"+g.QuestionType)
		}
		return out
	}
	count := map[string]int{}
	for _, g := range gold {
		for _, l := range labels(g) {
			count[l]++
		}
	}
	stratum := make([]string, len(gold))
	for i, g := range gold {
		best := ""
		for _, l := range labels(g) {
			if best == "" || count[l] < count[best] || (count[l] == count[best] && l < best) {
				best = l
			}
		}
		stratum[i] = best
	}
	order := make([]int, len(gold))
	for i := range order {
		order[i] = i
	}
	src := rand.NewPCG(seed, 0)
	for i := len(order) - 1; i > 0; i-- {
		hi, _ := bits.Mul64(src.Uint64(), uint64(i+1))
		j := int(hi)
		order[i], order[j] = order[j], order[i]
	}
	slices.SortStableFunc(order, func(a, b int) int {
		sa, sb := stratum[a], stratum[b]
		if count[sa] != count[sb] {
			return count[sa] - count[sb]
		}
		if sa < sb {
			return -1
		}
		if sa > sb {
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

// Prevalence corrects the share k/n of coded units the trained coder gives
// the label with its cross-validated rates (Prevalence with l.Rates()).
// When the label is not estimable on the gold codes, the value and the
// interval are NaN and Reason says why.
func (l Label) Prevalence(k, n int, opts PrevalenceOptions) Corrected {
	return l.prevalence(k, n, l.Rates(), opts)
}

// KeywordPrevalence corrects the share k/n of coded units the keyword
// codebook gives the label with its rates on the gold codes, as
// Prevalence.
func (l Label) KeywordPrevalence(k, n int, opts PrevalenceOptions) Corrected {
	return l.prevalence(k, n, l.KeywordRates(), opts)
}

func (l Label) prevalence(k, n int, r Rates, opts PrevalenceOptions) Corrected {
	c := Prevalence(k, n, r, opts)
	if !l.Estimable {
		c.Value, c.Lo, c.Hi = math.NaN(), math.NaN(), math.NaN()
		c.Reason = "not estimable on the gold codes: " + l.Reason
	}
	return c
}

// Scores returns the report's labels as themes.CrossScores, for Table 3
// (themes.Report.CrossValidated): the categories, the question, then
// the question types, in codebook order.
func (r Report) Scores() []themes.CrossScore {
	var out []themes.CrossScore
	add := func(kind string, ls ...Label) {
		for _, l := range ls {
			out = append(out, themes.CrossScore{Kind: kind, Trained: l.Trained, Keyword: l.Keyword, Estimable: l.Estimable, Reason: l.Reason})
		}
	}
	add("category", r.Categories...)
	add("question", r.Question)
	add("question_type", r.QuestionTypes...)
	return out
}
