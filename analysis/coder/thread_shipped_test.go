package coder

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

// TestShippedGoldThreads cross-validates the thread coder on the shipped
// gold threads when they are present; it asserts only what holds whatever
// the gold's size: every thread is coded once, and the keyword rule's
// status read from the strata.
func TestShippedGoldThreads(t *testing.T) {
	root := filepath.Join("..", "..", "data", "codebook")
	cb, err := themes.LoadCodebook(filepath.Join(root, "codebook.json"))
	if err != nil {
		t.Skip(err)
	}
	gold, err := LoadGoldThreads(cb, filepath.Join(root, "coding", "gold-threads.csv"))
	if err != nil {
		t.Skip(err)
	}
	for _, g := range gold {
		if g.Keyword == "" {
			t.Errorf("thread %s: stratum %q names no keyword status", g.Unit, g.Stratum)
		}
	}
	r, err := CrossValidateThreads(gold, cb, ThreadCVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Trained) != len(gold) {
		t.Fatalf("%d coded, want %d", len(r.Trained), len(gold))
	}
	if math.IsNaN(r.TrainedKappa) || math.IsNaN(r.KeywordKappa) {
		t.Errorf("κ trained %v keyword %v", r.TrainedKappa, r.KeywordKappa)
	}
	for _, l := range r.Statuses {
		t.Logf("%-15s support %2d  trained P %.2f R %.2f F1 %.2f κ %.2f | keyword P %.2f R %.2f F1 %.2f κ %.2f  %s", l.Status, l.Support,
			l.Trained.Precision, l.Trained.Recall, l.Trained.F1, l.Trained.Kappa, l.Keyword.Precision, l.Keyword.Recall, l.Keyword.F1, l.Keyword.Kappa, l.Reason)
	}
	t.Logf("κ trained %.3f keyword %.3f; agreement %.3f %.3f", r.TrainedKappa, r.KeywordKappa, r.TrainedAgreement, r.KeywordAgreement)
}

// The shipped gold files carry each line's author label (`scripts/code
// gold`): A on every thread start, A or R1, R2... on every answer, and
// some answers are the asker's own follow-ups, which the source rates
// leave out (ThreadSourceRates).
func TestShippedGoldThreadAuthors(t *testing.T) {
	root := filepath.Join("..", "..", "data", "codebook")
	cb, err := themes.LoadCodebook(filepath.Join(root, "codebook.json"))
	if err != nil {
		t.Skip(err)
	}
	for _, p := range GoldThreadFiles(filepath.Join(root, "coding")) {
		gold, err := LoadGoldThreads(cb, p)
		if err != nil {
			t.Fatal(err)
		}
		followUps := 0
		for _, g := range gold {
			if g.Asker != AskerLabel {
				t.Errorf("%s %s: asker %q", p, g.Unit, g.Asker)
			}
			for i, a := range g.Answers {
				if a.Author == "" {
					t.Errorf("%s %s#%d: no author", p, g.Unit, i+1)
				}
				if !g.ByOther(a) {
					followUps++
				}
			}
		}
		if followUps == 0 {
			t.Errorf("%s: no follow-up by the asker", p)
		}
		t.Logf("%s: %d threads, %d follow-ups by the asker", p, len(gold), followUps)
	}
}
