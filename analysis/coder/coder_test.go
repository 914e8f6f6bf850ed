package coder

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
)

func studyCodebook(t testing.TB) *themes.Codebook {
	t.Helper()
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	return cb
}

func handCoded(t testing.TB) []themes.Coded {
	t.Helper()
	gold, err := themes.LoadSample(filepath.Join(repo.Root(), "analysis/coder/testdata/single-coder-2019.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return gold
}

// The fit is the minimiser: at it, the gradient of the penalised,
// weighted log-loss is zero, Σᵢ cᵢ (pᵢ − yᵢ) xᵢⱼ + λ wⱼ = 0 for every
// feature j and Σᵢ cᵢ (pᵢ − yᵢ) = 0 for the intercept.
func TestLogisticFirstOrderConditions(t *testing.T) {
	// Feature 0 marks most positives, feature 1 most negatives, feature
	// 2 is noise; 10 messages, 4 positive.
	x := [][]int{{0}, {0, 2}, {0}, {1}, {1, 2}, {1}, {1}, {2}, {}, {0, 1}}
	y := []bool{true, true, true, false, false, false, false, false, false, true}
	for _, balanced := range []bool{false, true} {
		const lambda = 0.5
		m := fitLogistic(x, y, 3, lambda, balanced)
		cPos, cNeg := 1.0, 1.0
		if balanced {
			cPos, cNeg = 10.0/8, 10.0/12
		}
		grad := make([]float64, 4)
		for i, row := range x {
			r := m.prob(row)
			c := cNeg
			if y[i] {
				r--
				c = cPos
			}
			for _, j := range row {
				grad[j] += c * r
			}
			grad[3] += c * r
		}
		for j := range 3 {
			grad[j] += lambda * m.w[j]
		}
		for j, g := range grad {
			if math.Abs(g) > 1e-5 {
				t.Errorf("balanced %v: gradient[%d] = %g at the fit", balanced, j, g)
			}
		}
		if !(m.w[0] > 1 && m.w[1] < 0) {
			t.Errorf("balanced %v: weights %v: feature 0 should push up, feature 1 down", balanced, m.w)
		}
		if p := m.prob([]int{0}); p < 0.5 {
			t.Errorf("balanced %v: P(positive | feature 0) = %v", balanced, p)
		}
	}
	// All labels alike: a constant model.
	m := fitLogistic(x, make([]bool, len(x)), 3, 1, true)
	if !m.constant || m.prob([]int{0}) != 0 {
		t.Errorf("all-negative labels: %+v", m)
	}
}

func TestTrainRejectsUnknownCodes(t *testing.T) {
	cb := studyCodebook(t)
	for _, g := range [][]themes.Coded{
		nil,
		{{ID: "x", Profession: corpus.GP, Text: "t", Themes: []string{"weather"}}},
		{{ID: "x", Profession: corpus.GP, Text: "t ?", Themes: []string{themes.Other}, Question: true, QuestionType: "horoscope"}},
	} {
		if _, err := Train(g, cb, Options{}); !errors.Is(err, ErrGold) {
			t.Errorf("Train(%v) error %v, want ErrGold", g, err)
		}
	}
	if _, err := Train(handCoded(t), nil, Options{}); !errors.Is(err, ErrGold) {
		t.Errorf("Train without codebook: %v", err)
	}
	if _, err := CrossValidate(handCoded(t)[:3], cb, CVOptions{Folds: 5}); !errors.Is(err, ErrGold) {
		t.Errorf("5 folds of 3 messages: %v", err)
	}
}

func TestFolds(t *testing.T) {
	gold := handCoded(t)
	a := Folds(gold, 5, 1)
	if fmt.Sprint(a) != fmt.Sprint(Folds(gold, 5, 1)) {
		t.Fatal("Folds is not deterministic")
	}
	if fmt.Sprint(a) == fmt.Sprint(Folds(gold, 5, 2)) {
		t.Error("seeds 1 and 2 give the same folds")
	}
	size := make([]int, 5)
	for _, f := range a {
		size[f]++
	}
	for f, s := range size {
		if s != 24 {
			t.Errorf("fold %d has %d of 120 messages, want 24", f, s)
		}
	}
	// The rarest labels are dealt first, one per fold in turn: their
	// messages are spread as evenly as can be (bibliographic and
	// organisation: 3 messages each, in 3 different folds; other: 7,
	// at most 2 in a fold).
	for _, label := range []string{"type:bibliographic", "type:organisation", "other"} {
		per := make([]int, 5)
		for i, g := range gold {
			if "type:"+g.QuestionType == label || (label == "other" && g.Themes[0] == themes.Other) {
				per[a[i]]++
			}
		}
		lo, hi := per[0], per[0]
		for _, c := range per {
			lo, hi = min(lo, c), max(hi, c)
		}
		if hi-lo > 1 {
			t.Errorf("%s spread over folds as %v", label, per)
		}
	}
}

func reportString(r Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v %v %v %v\n", r.Fold, r.TrainedTypeKappa, r.KeywordTypeKappa, r.TrainedTypeAgreement)
	for _, l := range append(append(r.Categories, r.Question), r.QuestionTypes...) {
		fmt.Fprintf(&b, "%+v\n", l)
	}
	return b.String()
}

func TestCrossValidateDeterministic(t *testing.T) {
	cb, gold := studyCodebook(t), handCoded(t)
	a, err := CrossValidate(gold, cb, CVOptions{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := CrossValidate(gold, cb, CVOptions{Seed: 3})
	if reportString(a) != reportString(b) {
		t.Error("two cross-validations with the same seed differ")
	}
	c, _ := CrossValidate(gold, cb, CVOptions{Seed: 4})
	if fmt.Sprint(a.Fold) == fmt.Sprint(c.Fold) {
		t.Error("seeds 3 and 4 give the same folds")
	}
	// Every message is in one test fold: the pooled confusion counts
	// each once.
	for _, l := range append(a.Categories, a.Question) {
		if n := l.Trained.TP + l.Trained.FP + l.Trained.FN + l.Trained.TN; n != len(gold) {
			t.Errorf("%s: trained confusion counts %d messages, want %d", l.Label, n, len(gold))
		}
	}
	// The keyword codebook needs no training: pooled over the folds it
	// scores as on the whole sample (themes.Validate).
	v := themes.Validate(cb, gold)
	for i, s := range v.Categories {
		k := a.Categories[i].Keyword
		if s.TP != k.TP || s.FP != k.FP || s.FN != k.FN || s.TN != k.TN {
			t.Errorf("%s: keyword confusion %+v, themes.Validate %+v", s.Label, k, s)
		}
	}
	if s, k := v.Question, a.Question.Keyword; s.TP != k.TP || s.FP != k.FP {
		t.Errorf("question: keyword %+v, themes.Validate %+v", k, s)
	}
	near(t, "keyword type kappa", a.KeywordTypeKappa, v.QuestionTypeKappa, 1e-12)
	// Gold-size check: other has 7 gold messages, bibliographic 3.
	for id, want := range map[string]bool{"conditions": true, "question": true, "other": false, "bibliographic": false, "rights": true} {
		l, ok := a.Label(id)
		if !ok || l.Estimable != want || (l.Reason == "") != want {
			t.Errorf("%s: estimable %v (%q), want %v", id, l.Estimable, l.Reason, want)
		}
	}
	// ... and carries into the corrected share.
	other, _ := a.Label(themes.Other)
	if c := other.Prevalence(10, 100, PrevalenceOptions{}); !math.IsNaN(c.Value) || !strings.Contains(c.Reason, "fewer than 10") {
		t.Errorf("corrected share of a label not estimable: %+v", c)
	}
	if c := other.KeywordPrevalence(10, 100, PrevalenceOptions{}); !math.IsNaN(c.Value) || !strings.Contains(c.Reason, "fewer than 10") {
		t.Errorf("keyword corrected share of a label not estimable: %+v", c)
	}
	cond, _ := a.Label("conditions")
	if c := cond.KeywordPrevalence(40, 100, PrevalenceOptions{}); c.Value != Adjust(0.4, cond.KeywordRates().TPR(), cond.KeywordRates().FPR()) {
		t.Errorf("keyword corrected share of conditions: %+v", c)
	}
	if c := cond.Prevalence(40, 100, PrevalenceOptions{}); c.Value != Adjust(0.4, cond.Rates().TPR(), cond.Rates().FPR()) || !c.Estimable() {
		t.Errorf("corrected share of conditions: %+v", c)
	}
}

// On the committed hand-coded sample the trained coder must beat chance
// on every estimable label: F1 above the F1 of a coder that gives the
// label at random to a share of messages equal to its prevalence
// (expected F1 = the prevalence), and Cohen's κ above 0 (0.3 for the
// default model, which also sees the keyword codes). The table is the
// README's "Automatic coder" table.
func TestTrainedCoderOnHandCodedSample(t *testing.T) {
	cb, gold := studyCodebook(t), handCoded(t)
	for _, o := range []Options{{}, {TextOnly: true}} {
		r, err := CrossValidate(gold, cb, CVOptions{Model: o})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("TextOnly %v, %d folds, seed %d: label, support, trained P R F1 κ, keyword P R F1 κ", o.TextOnly, r.Folds, r.Seed)
		for _, l := range append(append(r.Categories, r.Question), r.QuestionTypes...) {
			note := ""
			if !l.Estimable {
				note = " (not estimable: " + l.Reason + ")"
			}
			t.Logf("| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%s", l.Label, l.Support,
				l.Trained.Precision, l.Trained.Recall, l.Trained.F1, l.Trained.Kappa,
				l.Keyword.Precision, l.Keyword.Recall, l.Keyword.F1, l.Keyword.Kappa, note)
			if !l.Estimable {
				continue
			}
			prev := float64(l.Support) / float64(r.N)
			minKappa := 0.3
			if o.TextOnly {
				minKappa = 0
			}
			if !(l.Trained.Kappa > minKappa) || !(l.Trained.F1 > prev) {
				t.Errorf("TextOnly %v, %s: κ %.2f, F1 %.2f against chance F1 %.2f", o.TextOnly, l.Label, l.Trained.Kappa, l.Trained.F1, prev)
			}
		}
		t.Logf("question type, multi-class κ: trained %.2f, keyword %.2f", r.TrainedTypeKappa, r.KeywordTypeKappa)
	}
}

func TestModelCodes(t *testing.T) {
	cb, gold := studyCodebook(t), handCoded(t)
	m, err := Train(gold, cb, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m.N() != len(gold) {
		t.Errorf("N = %d", m.N())
	}
	// Trained on all of them, the model must reproduce most of its own
	// gold codes.
	agree := 0
	for _, g := range gold {
		c := m.Code(g.Text, g.Profession)
		if c.Question == g.Question && fmt.Sprint(c.Themes) == fmt.Sprint(g.Themes) {
			agree++
		}
		if !c.Question && c.QuestionType != "" {
			t.Errorf("%s: type %q for a message not coded as a question", g.ID, c.QuestionType)
		}
		if c.QuestionType != "" {
			ok := false
			for _, qt := range cb.QuestionTypeIDs(g.Profession) {
				ok = ok || qt == c.QuestionType
			}
			if !ok {
				t.Errorf("%s: type %q does not apply to %s", g.ID, c.QuestionType, g.Profession)
			}
		}
	}
	if agree < len(gold)*3/4 {
		t.Errorf("the model reproduces %d of its %d training codes exactly", agree, len(gold))
	}
	for _, text := range []string{"", "   ", "https://example.org/?a=1", strings.Repeat("é", 1000)} {
		c := m.Code(text, "")
		if len(c.Themes) == 0 {
			t.Errorf("Code(%q) gave no theme", text)
		}
	}
	if c := m.Code("https://example.org/?a=1", corpus.GP); c.Question {
		t.Error("a '?' inside a web address made a question")
	}
}

// Ensemble.Count is the fold models' mean count, rounded.
func TestEnsembleCount(t *testing.T) {
	cb, gold := studyCodebook(t), handCoded(t)
	r, err := CrossValidate(gold, cb, CVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e := r.Ensemble()
	if len(e) != r.Folds {
		t.Fatalf("%d models for %d folds", len(e), r.Folds)
	}
	msg := func(i int) (string, corpus.Profession) { return gold[i].Text, gold[i].Profession }
	for _, label := range []string{"conditions", themes.Other, "question", "rights", "poll"} {
		has := labelTest(e[0], label)
		total := 0
		for _, m := range e {
			for _, g := range gold {
				if has(m.Code(g.Text, g.Profession)) {
					total++
				}
			}
		}
		want := int(math.Round(float64(total) / float64(len(e))))
		if got := e.Count(len(gold), msg, label); got != want {
			t.Errorf("%s: Count = %d, want %d (%d votes of %d models)", label, got, want, total, len(e))
		}
		if label == "question" && (want < 45 || want > 57) {
			t.Errorf("the fold models count %d questions among 120 messages of which 51 are", want)
		}
	}
	if got := e.Count(len(gold), msg, "weather"); got != 0 {
		t.Errorf("unknown label counted %d", got)
	}
	if got := (Ensemble{}).Count(len(gold), msg, "conditions"); got != 0 {
		t.Errorf("empty ensemble counted %d", got)
	}
}
