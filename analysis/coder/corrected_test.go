package coder

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/stats"
)

func same(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// Weighted rates, by hand: stratum a (weight 2) has TP 3, FN 1, FP 1,
// TN 4; stratum b (weight 0.5) TP 1, FN 3, FP 2, TN 2.
// tpr = (2·3 + 0.5·1) / (2·4 + 0.5·4) = 6.5/10 = 0.65 (unweighted 4/8);
// fpr = (2·1 + 0.5·2) / (2·5 + 0.5·4) = 3/12 = 0.25 (unweighted 3/9).
func TestRatesWeighted(t *testing.T) {
	r := Rates{TP: 4, FN: 4, FP: 3, TN: 6, Strata: []StratumRates{
		{Stratum: "a", Weight: 2, TP: 3, FN: 1, FP: 1, TN: 4},
		{Stratum: "b", Weight: 0.5, TP: 1, FN: 3, FP: 2, TN: 2},
	}}
	if r.TPR() != 0.65 || r.FPR() != 0.25 {
		t.Errorf("weighted tpr %v fpr %v, want 0.65 0.25", r.TPR(), r.FPR())
	}
	plain := Rates{TP: 4, FN: 4, FP: 3, TN: 6}
	if plain.TPR() != 0.5 || plain.FPR() != 1.0/3 {
		t.Errorf("unweighted tpr %v fpr %v, want 0.5 1/3", plain.TPR(), plain.FPR())
	}

	// The same confusion built by RatesOf from gold messages carrying
	// their stratum and weight; the keyword codebook's codes are given.
	type msg struct {
		stratum string
		w       float64
		ref, kw bool
	}
	var ms []msg
	add := func(stratum string, w float64, ref, kw bool, n int) {
		for range n {
			ms = append(ms, msg{stratum, w, ref, kw})
		}
	}
	add("a", 2, true, true, 3)
	add("a", 2, true, false, 1)
	add("a", 2, false, true, 1)
	add("a", 2, false, false, 4)
	add("b", 0.5, true, true, 1)
	add("b", 0.5, true, false, 3)
	add("b", 0.5, false, true, 2)
	add("b", 0.5, false, false, 2)
	rep := Report{Categories: []Label{{Label: "support"}}}
	for i, m := range ms {
		g := themes.Coded{ID: fmt.Sprint(i), Profession: corpus.HomeCareAide, Themes: []string{themes.Other}, Stratum: m.stratum, Weight: m.w}
		if m.ref {
			g.Themes = []string{"support"}
		}
		kw := themes.Coding{Themes: []string{themes.Other}}
		if m.kw {
			kw.Themes = []string{"support"}
		}
		rep.gold = append(rep.gold, g)
		rep.keyword = append(rep.keyword, kw)
		rep.trained = append(rep.trained, kw)
	}
	got, err := rep.RatesOf(themes.KeywordCoder, "support", "")
	if err != nil {
		t.Fatal(err)
	}
	if got.TPR() != 0.65 || got.FPR() != 0.25 || got.TP != 4 || got.FN != 4 || got.FP != 3 || got.TN != 6 || len(got.Strata) != 2 {
		t.Errorf("RatesOf: %+v: tpr %v fpr %v", got, got.TPR(), got.FPR())
	}
	// Equal weights in one stratum: no strata, the plain rates.
	for i := range rep.gold {
		rep.gold[i].Stratum, rep.gold[i].Weight = "", 0
	}
	got, _ = rep.RatesOf(themes.KeywordCoder, "support", "")
	if got.Strata != nil || got.TPR() != 0.5 || got.FPR() != 1.0/3 {
		t.Errorf("unweighted RatesOf: %+v", got)
	}
	if _, err := rep.RatesOf("bert", "support", ""); err == nil {
		t.Error("unknown coder accepted")
	}
	if _, err := rep.RatesOf(themes.KeywordCoder, "nope", ""); err == nil {
		t.Error("unknown label accepted")
	}
	// The stratified bootstrap resamples within strata (ten times as
	// many gold messages, the same rates): the point value is the
	// weighted correction, inside its interval.
	r10 := Rates{TP: 40, FN: 40, FP: 30, TN: 60, Strata: []StratumRates{
		{Stratum: "a", Weight: 2, TP: 30, FN: 10, FP: 10, TN: 40},
		{Stratum: "b", Weight: 0.5, TP: 10, FN: 30, FP: 20, TN: 20},
	}}
	c := Prevalence(30, 100, r10, PrevalenceOptions{Options: stats.Options{Reps: 400}})
	if c.TPR != 0.65 || c.FPR != 0.25 || !(c.Lo < c.Value && c.Value < c.Hi) {
		t.Errorf("weighted Prevalence: %+v", c)
	}
	if want := (0.3 - 0.25) / (0.65 - 0.25); math.Abs(c.Value-want) > 1e-12 {
		t.Errorf("weighted corrected share %v, want %v", c.Value, want)
	}
}

// zorglub is a word no keyword of the codebook holds: a gold set where it
// marks "conditions" teaches the trained coder what the keyword
// codebook cannot see.
func zorglubGold() []themes.Coded {
	var gold []themes.Coded
	for i := range 12 {
		gold = append(gold, themes.Coded{ID: fmt.Sprintf("z%02d", i), Profession: corpus.HomeCareAide,
			Text: fmt.Sprintf("encore un zorglub ce matin, le %d", i), Themes: []string{"conditions"}, Weight: 1})
		gold = append(gold, themes.Coded{ID: fmt.Sprintf("o%02d", i), Profession: corpus.HomeCareAide,
			Text: fmt.Sprintf("belle journée au jardin, le %d", i), Themes: []string{themes.Other}, Weight: 1})
	}
	return gold
}

func zorglubCorpus() *corpus.Corpus {
	at := time.Date(2019, 3, 1, 9, 0, 0, 0, time.UTC)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "g", Platform: corpus.Facebook, Profession: corpus.HomeCareAide}}}
	for i, text := range []string{"zorglub zorglub", "un zorglub hier", "le zorglub revient", "belle journée", "au jardin ce matin"} {
		c.Messages = append(c.Messages, corpus.Message{Platform: corpus.Facebook, Community: "g", ID: fmt.Sprint(i), Kind: corpus.Post,
			Author: fmt.Sprintf("A%d", i), Created: at.Add(time.Duration(i) * time.Hour), Text: text})
	}
	return c
}

// A study file choosing "coder": "trained" measures with the fold models
// trained on its gold codes: the three messages with « zorglub » are
// coded "conditions" (by every fold model), where the keyword codebook,
// the default, codes none.
func TestStudyChoosesTrainedCoder(t *testing.T) {
	cb := studyCodebook(t)
	gold := zorglubGold()
	opts := stats.Options{Reps: 200}
	cv := CVOptions{Folds: 3, MinPositives: 5}
	for _, c := range []struct {
		study, coder string
		conditions   int
	}{
		{`{"name": "s", "communities": [{"id": "g", "platform": "facebook"}], "coding": {"coder": "trained"}}`, Name, 3},
		{`{"name": "s", "communities": [{"id": "g", "platform": "facebook"}]}`, themes.KeywordCoder, 0},
	} {
		spec, err := load.ParseStudy("study.json", []byte(c.study))
		if err != nil {
			t.Fatal(err)
		}
		ch := Choice{Coder: spec.CodingChoice().Coder, Gold: gold, CV: cv}
		r, rep, err := Measure(zorglubCorpus(), cb, ch, opts)
		if err != nil {
			t.Fatal(err)
		}
		ci := 0
		for i, id := range cb.CategoryIDs() {
			if id == "conditions" {
				ci = i
			}
		}
		g := r.Groups[0]
		if r.Coder != c.coder || g.Messages != 5 || g.Themes[ci] != c.conditions || rep == nil || r.Correction == nil || r.Correction.Gold != 24 {
			t.Errorf("%s: coder %q, %d messages, %d conditions, correction %+v; want %s, 5, %d", c.coder, r.Coder, g.Messages, g.Themes[ci], r.Correction, c.coder, c.conditions)
		}
		// The trained coder's rates on "conditions" are perfect on the
		// gold codes (tpr 1, fpr 0): its corrected share is its coded
		// share, 3/5; the keyword codebook's are undefined on this gold
		// set (it never codes "conditions": tpr = fpr = 0).
		got := g.Corrected.Themes[ci]
		switch c.coder {
		case Name:
			if got.Value != 0.6 || got.Reason != "" {
				t.Errorf("trained: corrected conditions %+v, want 0.6", got)
			}
		default:
			if !math.IsNaN(got.Value) || !strings.Contains(got.Reason, "barely tells") {
				t.Errorf("keyword: corrected conditions %+v, want NaN with a reason", got)
			}
		}
	}
	if _, _, err := (Choice{Coder: "bert"}).Setup(cb); err == nil || !strings.Contains(err.Error(), `unknown coder "bert"`) {
		t.Errorf("unknown coder: %v", err)
	}
	if _, _, err := (Choice{Coder: Name}).Setup(cb); err == nil {
		t.Error("trained coder without gold codes accepted")
	}
}

// The corrected rows are Correct's shares: each theme's is
// PrevalenceReplicates of its share over authors with the coder's
// weighted rates on the gold codes; a label whose gold codes hold fewer
// than MinPositives messages with it has a reason and no value; without
// gold codes there are no corrected rows.
func TestCorrectedRows(t *testing.T) {
	cb := studyCodebook(t)
	gold := handCoded(t)
	c := zorglubCorpus()
	opts := stats.Options{Reps: 200, Seed: 3}
	r, rep, err := Measure(c, cb, Choice{Gold: gold}, opts)
	if err != nil {
		t.Fatal(err)
	}
	rows := themes.ResultRows(r)
	byName := map[string]indicator.Row{}
	for _, row := range rows {
		if row.Community == "g" {
			byName[row.Indicator] = row
		}
	}
	g := r.Groups[0]
	for i, cat := range cb.CategoryIDs() {
		row, ok := byName["theme_share_corrected_"+cat]
		if !ok {
			t.Fatalf("no theme_share_corrected_%s row", cat)
		}
		rates, _ := rep.RatesOf(themes.KeywordCoder, cat, "")
		if rates.TP+rates.FN < DefaultMinPositives || rates.FP+rates.TN < DefaultMinPositives {
			if row.Reason == "" || !math.IsNaN(row.Value) {
				t.Errorf("%s: %d gold positives, row %+v", cat, rates.TP+rates.FN, row)
			}
			continue
		}
		var num, den []float64
		for _, a := range g.Authors {
			num, den = append(num, float64(a.Themes[i])), append(den, float64(a.Messages))
		}
		qreps := stats.Replicates(len(num), func(idx []int) float64 {
			var x, y float64
			for _, j := range idx {
				x, y = x+num[j], y+den[j]
			}
			return x / y
		}, stats.Options{Reps: 200, Seed: 3, Level: 0.95})
		want := PrevalenceReplicates(g.ThemeShare(i), qreps, 5, rates, PrevalenceOptions{Options: stats.Options{Seed: 3, Level: 0.95, Unit: themes.UnitAuthors}})
		if !same(row.Value, want.Value) || !same(row.Lo, want.Lo) || !same(row.Hi, want.Hi) || row.Method != MethodACC || row.N != 5 || row.Unit != themes.UnitAuthors || row.Reason != want.Reason {
			t.Errorf("%s: row %+v, want %+v (%s)", cat, row, want.Estimate, want.Reason)
		}
	}
	for _, name := range []string{"question_share_corrected", "question_type_share_corrected_rights", "question_type_share_corrected_none"} {
		if _, ok := byName[name]; !ok {
			t.Errorf("no %s row", name)
		}
	}
	if row := byName["question_type_share_corrected_none"]; row.Reason == "" || !math.IsNaN(row.Value) {
		t.Errorf("no-type row %+v: want NaN with a reason", row)
	}
	// No gold codes: the shares are not corrected, no corrected row.
	r, rep, err = Measure(c, cb, Choice{}, opts)
	if err != nil || rep != nil || r.Correction != nil {
		t.Fatalf("no gold: %v %v %v", err, rep, r.Correction)
	}
	for _, row := range themes.ResultRows(r) {
		if strings.Contains(row.Indicator, "corrected") {
			t.Errorf("row %s without gold codes", row.Indicator)
		}
	}
}
