package coder_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// A coder's confusion on three classes, columns the true class: it
// confuses the first two. The coded shares (0.1, 0.4, 0.5) come from
// true shares (0, 0.5, 0.5).
func ExampleAdjustShares() {
	m := [][]float64{
		{0.8, 0.2, 0},
		{0.2, 0.8, 0},
		{0, 0, 1},
	}
	pi, clipped, amp, err := coder.AdjustShares([]float64{0.1, 0.4, 0.5}, m)
	fmt.Printf("%.2f clipped %v ‖M⁻¹‖₁ %.2f %v\n", pi, clipped, amp, err)
	// Output: [0.00 0.50 0.50] clipped false ‖M⁻¹‖₁ 1.67 <nil>
}

// Status shares of 1,000 coded threads corrected with 40 gold threads
// (10 of each status) on which the coder calls a quarter of the
// consensual threads non-consensual.
func ExampleCorrectStatuses() {
	var gold coder.StatusConfusion
	for _, s := range coder.ThreadStatuses {
		for i := range 10 {
			coded := s
			if s == coder.StatusConsensual && i < 3 {
				coded = coder.StatusNonConsensual
			}
			gold.Gold = append(gold.Gold, s)
			gold.Coded = append(gold.Coded, coded)
		}
	}
	counts := []int{140, 460, 150, 250} // consensual, non-consensual, unanswered, not a question
	s := coder.CorrectStatuses(counts, gold, coder.StatusOptions{Options: stats.Options{Reps: 500}})
	for k, st := range coder.ThreadStatuses {
		fmt.Printf("%-15s coded %.3f corrected %.3f\n", st, s.Naive[k].Value, s.Corrected[k].Value)
	}
	fmt.Printf("consensual among question threads: %.3f, interval reaches %v\n", s.CorrectedQuestions[0].Value, s.CorrectedQuestions[0].Hi > s.CorrectedQuestions[0].Value)
	// Output:
	// consensual      coded 0.140 corrected 0.200
	// non-consensual  coded 0.460 corrected 0.400
	// unanswered      coded 0.150 corrected 0.150
	// not-a-question  coded 0.250 corrected 0.250
	// consensual among question threads: 0.267, interval reaches true
}

// The keyword codebook's rates on the law, scored on the answers by
// others of two gold threads drawn from two strata (weights 3 and 1):
// the asker's follow-up (author A) is left out, and the weighted true
// positive rate is (3·1 + 1·0)/(3·1 + 1·1) = 0.75.
func ExampleThreadSourceRates() {
	gold := []coder.Thread{
		{Stratum: "mg/consensual", Weight: 3, Asker: coder.AskerLabel, Answers: []coder.ThreadAnswer{
			{Author: "R1", Text: "c'est dans le Code de la santé publique", Sources: []string{"law"}},
			{Author: coder.AskerLabel, Text: "et la loi dit quoi ?", Sources: nil},
		}},
		{Stratum: "mg/unanswered", Weight: 1, Asker: coder.AskerLabel, Answers: []coder.ThreadAnswer{
			{Author: "R1", Text: "voir l'article R4127", Sources: []string{"law"}},
		}},
	}
	keyword := func(_ coder.Thread, a coder.ThreadAnswer) []string {
		if a.Text == "c'est dans le Code de la santé publique" {
			return []string{"law"}
		}
		return nil
	}
	rates, n := coder.ThreadSourceRates(gold, []string{"law"}, nil, keyword)
	r := rates[0]
	fmt.Printf("%d answers: TP %d FN %d, %d strata, TPR %.2f (unweighted %.2f)\n", n, r.TP, r.FN, len(r.Strata), r.TPR(), float64(r.TP)/float64(r.TP+r.FN))
	// Output: 2 answers: TP 1 FN 1, 2 strata, TPR 0.75 (unweighted 0.50)
}
