package paper

import (
	"math"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// correctedFixture is the norms fixture's measure with a correction made
// by hand: 40 gold threads, 10 of each status, on which the coder calls
// 3 of the 10 consensual threads non-consensual (as ExampleCorrectStatuses);
// every group's coded counts are (140, 460, 150, 250), so that the true
// shares are (.2, .4, .15, .25) and among question threads (.2, .4,
// .15)/.75 = (.266667, .533333, .2). The law is corrected to 0.25 (a
// hand-made estimate), the other kinds are not.
func correctedFixture(t *testing.T, gold coder.StatusConfusion) norms.Result {
	r := norms.MeasureCounts(normsFixture(), codebook(t))
	counts := []int{140, 460, 150, 250}
	s := coder.CorrectStatuses(counts, gold, coder.StatusOptions{Options: stats.Options{Reps: 300}})
	corr := &norms.Correction{Coder: norms.CoderTrained, Report: coder.ThreadReport{N: 40, Folds: 5}, Kinds: r.Codebook.SourceKinds(), GoldAnswers: 150}
	for range corr.Kinds {
		corr.SourceRates = append(corr.SourceRates, coder.Rates{TP: 2, FN: 1, TN: 147})
		corr.SourceReasons = append(corr.SourceReasons, "3 gold answers citing it, fewer than 10")
	}
	corr.SourceReasons[0], corr.SourceRates[0] = "", coder.Rates{TP: 12, FN: 3, FP: 5, TN: 130}
	for _, g := range r.Groups {
		gc := norms.GroupCorrection{Community: g.Community, Status: s, Trained: s, Keyword: s}
		nan := math.NaN()
		for i := range corr.Kinds {
			e := coder.Corrected{Estimate: stats.Estimate{Value: nan, Lo: nan, Hi: nan}}
			if i == 0 {
				e.Estimate = stats.Estimate{Value: 0.25, Lo: 0.1, Hi: 0.4, N: g.Citing.Answers, Unit: "answers", Method: coder.MethodACC}
			}
			gc.Sources = append(gc.Sources, e)
		}
		corr.Groups = append(corr.Groups, gc)
	}
	r.Corrected = corr
	return r
}

func handGold(wrong int) coder.StatusConfusion {
	var gold coder.StatusConfusion
	for _, s := range coder.ThreadStatuses {
		n := 10
		if s == coder.StatusUnanswered {
			n = 10 - wrong // wrong > 0: too few gold threads unanswered
		}
		for i := range n {
			coded := s
			if s == coder.StatusConsensual && i < 3 {
				coded = coder.StatusNonConsensual
			}
			gold.Gold = append(gold.Gold, s)
			gold.Coded = append(gold.Coded, coded)
		}
	}
	return gold
}

func TestF12Corrected(t *testing.T) {
	old := figure.Lang
	figure.Lang = figure.English
	defer func() { figure.Lang = old }()
	f, err := F12Consensus(correctedFixture(t, handGold(0)), testProv)
	if err != nil {
		t.Fatal(err)
	}
	// 1000 threads read, 750 coded as questions; the coded counts beside
	// the corrected shares.
	hasPointLines(t, f, 7,
		"corpus,*,general-practitioner,consensual,3,1,0.333333",
		"corrected-trained,*,general-practitioner,consensual,750,140,0.266667",
		"corrected-trained,*,general-practitioner,non-consensual,750,460,0.533333",
		"corrected-trained,*,general-practitioner,unanswered,750,150,0.200000",
		"corrected-trained,aides,home-care-aide,unanswered,750,150,0.200000",
		// GPs − 2013 on the corrected share: .266667 − .555556, over
		// 1000 + 63 threads.
		"gp-minus-doctoctoc-2013,*,general-practitioner,consensual,1063,,-0.288889")
	if !strings.Contains(f.Caption, "Shares corrected for the error of the trained coder (multinomial logistic regression, 5-fold cross-validation on 40 threads") {
		t.Errorf("caption: %s", f.Caption)
	}
	// With 4 gold threads unanswered, not corrected: the keyword shares
	// are drawn, and the caption says why.
	f, err = F12Consensus(correctedFixture(t, handGold(6)), testProv)
	if err != nil {
		t.Fatal(err)
	}
	hasPointLines(t, f, 7, "corrected-trained,*,general-practitioner,consensual,750,140,NaN",
		"gp-minus-doctoctoc-2013,*,general-practitioner,consensual,66,,-0.222222")
	if !strings.Contains(f.Caption, "The keyword rule's shares, not corrected for the coder's error: 4 gold threads unanswered, fewer than 5") ||
		strings.Contains(f.Caption, "Shares corrected") {
		t.Errorf("caption: %s", f.Caption)
	}
	figure.Lang = figure.French
	f, _ = F12Consensus(correctedFixture(t, handGold(6)), testProv)
	if !strings.Contains(f.Caption, "seulement 4 fils de référence « sans réponse », moins de 5") {
		t.Errorf("caption: %s", f.Caption)
	}
}

func TestF13Corrected(t *testing.T) {
	old := figure.Lang
	figure.Lang = figure.English
	defer func() { figure.Lang = old }()
	f, err := F13Sources(correctedFixture(t, handGold(0)), testProv)
	if err != nil {
		t.Fatal(err)
	}
	// Aides: 4 answers, 1 citing the law (TestF13Sources).
	hasPointLines(t, f, 8,
		"home-care-aide,corrected,law,4,1,0.250000,0.100000,0.400000",
		"home-care-aide,corrected,employer,4,0,NaN,NaN,NaN",
		"general-practitioner,corrected,guidelines,2,1,NaN,NaN,NaN")
	for _, w := range []string{"on 150 gold answers by others than the asker", "for law.", "Not corrected for the keywords' error, for want of gold answers citing the source (fewer than 10): employer (3 gold answers cite it)"} {
		if !strings.Contains(f.Caption, w) {
			t.Errorf("caption lacks %q: %s", w, f.Caption)
		}
	}
}

func TestT5ThreadCoder(t *testing.T) {
	old := figure.Lang
	figure.Lang = figure.English
	defer func() { figure.Lang = old }()
	if _, err := T5ThreadCoder(norms.MeasureCounts(normsFixture(), codebook(t)), testProv); err == nil {
		t.Error("drawn without gold threads")
	}
	r := correctedFixture(t, handGold(0))
	r.Corrected.Report = coder.ThreadReport{N: 40, Folds: 5, MinPositives: 10, TrainedKappa: 0.7, KeywordKappa: 0.5,
		Statuses: []coder.ThreadLabel{{Status: "consensual", Support: 4, Reason: "4 gold threads consensual, fewer than 10",
			Trained: themes.Score{Precision: 0.5, Recall: 0.25, F1: 1.0 / 3, Kappa: 0.2}, Keyword: themes.Score{Precision: 1, Recall: 0.5, F1: 2.0 / 3, Kappa: 0.6}}}}
	r.Corrected.Rounds = []coder.CodingRound{{Round: 1, Agreements: []themes.Agreement{
		{Variable: "status", Units: 40, Alpha: 0.789427, Lo: 0.608382, Hi: 0.929116, Both: 40, Agreement: 0.85, Kappa: 0.788732},
		{Variable: "question_type", Units: 40, Alpha: 1, Lo: 1, Hi: 1, Both: 40, Agreement: 1, Kappa: 1},
		{Variable: "sources", Units: 916, Alpha: 0.969158, Lo: 0.887288, Hi: 1, Both: 916, Agreement: 0.998908, Kappa: 0.969142},
	}}, {Round: 2, Agreements: []themes.Agreement{
		{Variable: "status", Units: 100, Alpha: 0.7, Lo: math.NaN(), Hi: math.NaN(), Both: 100, Agreement: 0.8, Kappa: 0.69},
	}}}
	f, err := T5ThreadCoder(r, testProv)
	if err != nil {
		t.Fatal(err)
	}
	if got := csvLines(t, f)[0]; got != strings.Join(T5Columns, ",") {
		t.Errorf("header %s", got)
	}
	hasLines(t, f,
		// The scores in their own columns; the shares and interval NaN.
		"cv,trained,,,consensual,40,4,0.500000,0.250000,0.333333,0.200000,NaN,NaN,NaN,NaN,NaN,NaN,false,\"4 gold threads consensual, fewer than 10\"",
		"cv,keyword,,,consensual,40,4,1.000000,0.500000,0.666667,0.600000,NaN,NaN,NaN,NaN,NaN,NaN,false,\"4 gold threads consensual, fewer than 10\"",
		"cv,trained,,,multiclass,40,40,NaN,NaN,NaN,0.700000,NaN,NaN,NaN,NaN,NaN,NaN,true,",
		"agreement,coders,1,,status,40,40,NaN,NaN,NaN,0.788732,0.789427,0.850000,NaN,NaN,0.608382,0.929116,,",
		"agreement,coders,1,,sources,916,916,NaN,NaN,NaN,0.969142,0.969158,0.998908,NaN,NaN,0.887288,1.000000,,",
		"agreement,coders,2,,status,100,100,NaN,NaN,NaN,0.690000,0.700000,0.800000,NaN,NaN,NaN,NaN,,")
	// The share rows: 1000 threads read, 140 coded consensual of the 750
	// coded as questions (.186667), corrected to .266667 (correctedFixture).
	rows := cells(t, f, "share", "trained", "", "general-practitioner", "consensual")
	if got := strings.Join(rows[5:15], ","); got != "1000,140,NaN,NaN,NaN,NaN,NaN,NaN,0.186667,0.266667" {
		t.Errorf("share row %v", rows)
	}
	if e := r.Corrected.Groups[0].Trained.CorrectedQuestions[0]; !near6(num(t, rows[15]), e.Lo) || !near6(num(t, rows[16]), e.Hi) || rows[17] != "true" {
		t.Errorf("share row interval %v, want %v", rows, e)
	}
	cells(t, f, "share", "keyword", "", "home-care-aide", "unanswered")
	for _, w := range []string{
		"not weighted by the threads' sampling weights (the correction matrix is)",
		"Agreement of the two coders before adjudication (Krippendorff's α, nominal, 95% bootstrap interval; Cohen's κ in the data): round 1, status α = 0.79 [0.61, 0.93] (40 units), sources α = 0.97 [0.89, 1.00] (916 units); round 2, status α = 0.70 (100 units).",
	} {
		if !strings.Contains(f.Caption, w) {
			t.Errorf("caption lacks %q: %s", w, f.Caption)
		}
	}
	figure.Lang = figure.French
	f, _ = T5ThreadCoder(r, testProv)
	if w := "tour 1, statut α = 0,79 [0,61 ; 0,93] (40 unités), sources α = 0,97 [0,89 ; 1,00] (916 unités) ; tour 2, statut α = 0,70 (100 unités)."; !strings.Contains(f.Caption, w) {
		t.Errorf("caption lacks %q: %s", w, f.Caption)
	}
	// Without rounds, no sentence on the coders.
	r.Corrected.Rounds = nil
	if f, _ = T5ThreadCoder(r, testProv); strings.Contains(f.Caption, "Accord des deux codeurs") {
		t.Errorf("caption: %s", f.Caption)
	}
	_ = indicator.AllCommunities
}

// Two gold threads consensual, one coded right: at least a sixth of the
// gold resamples lack a consensual thread, the corrected shares are drawn
// without interval and the caption says why.
func TestF12CorrectedWithoutInterval(t *testing.T) {
	old := figure.Lang
	figure.Lang = figure.English
	defer func() { figure.Lang = old }()
	gold := coder.StatusConfusion{
		Gold:  []string{"consensual", "consensual", "non-consensual", "non-consensual", "unanswered", "unanswered", "not-a-question", "not-a-question"},
		Coded: []string{"consensual", "non-consensual", "non-consensual", "non-consensual", "unanswered", "unanswered", "not-a-question", "not-a-question"},
	}
	r := correctedFixture(t, gold)
	for i := range r.Corrected.Groups {
		r.Corrected.Groups[i].Status = coder.CorrectStatuses([]int{140, 460, 150, 250}, gold, coder.StatusOptions{MinGoldPerStatus: 2, Options: stats.Options{Reps: 300}})
	}
	f, err := F12Consensus(r, testProv)
	if err != nil {
		t.Fatal(err)
	}
	// Column consensual (.5, .5, 0, 0): π_C = .14/.5 = .28, π_N = .46 − .14 = .32;
	// among the .75 question threads .28/.75 = .373333.
	hasPointLines(t, f, 9, "corrected-trained,*,general-practitioner,consensual,750,140,0.373333,NaN,NaN")
	if !strings.Contains(f.Caption, "Shares corrected") || !strings.Contains(f.Caption, "No interval: ") {
		t.Errorf("caption: %s", f.Caption)
	}
}
