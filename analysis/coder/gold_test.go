package coder

import (
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// The shipped gold codes (two independent coders, adjudicated): the
// trained coder and the keyword codebook cross-validated on the same
// folds, the table the README reports. The trained coder must beat
// chance on every estimable theme.
func TestCoderOnShippedGold(t *testing.T) {
	gold, err := themes.LoadSample(filepath.Join(repo.Root(), "data/codebook/hand-coded.csv"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := CrossValidate(gold, studyCodebook(t), CVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range append(append(r.Categories, r.Question), r.QuestionTypes...) {
		t.Logf("| %s | %d | %.2f (%.2f) | %.2f (%.2f) | %v |", l.Label, l.Support, l.Trained.F1, l.Trained.Kappa, l.Keyword.F1, l.Keyword.Kappa, l.Estimable)
		if l.Estimable && !(l.Trained.F1 > float64(l.Support)/float64(r.N)) {
			t.Errorf("%s: trained F1 %.2f at or below chance", l.Label, l.Trained.F1)
		}
	}
	t.Logf("question type, multi-class κ: trained %.2f, keyword %.2f", r.TrainedTypeKappa, r.KeywordTypeKappa)
}
