package coder_test

import (
	"fmt"
	"log"
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
)

func ExampleTrain() {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		log.Fatal(err)
	}
	gold, err := themes.LoadSample(filepath.Join(repo.Root(), "analysis/coder/testdata/single-coder-2019.csv"))
	if err != nil {
		log.Fatal(err)
	}
	m, err := coder.Train(gold, cb, coder.Options{})
	if err != nil {
		log.Fatal(err)
	}
	c := m.Code("Est-ce que les heures complémentaires sont majorées dans la convention collective ?", corpus.HomeCareAide)
	fmt.Println(c.Themes, c.Question, c.QuestionType)
	// Output:
	// [conditions] true rights
}

// A coder finds the label in 80 % of the gold messages that have it and
// gives it to 30 % of those that do not; it codes 500 of 1,000 messages
// with the label. The true share is (0.5 − 0.3)/(0.8 − 0.3) = 0.4.
func ExamplePrevalence() {
	r := coder.Rates{TP: 40, FN: 10, FP: 15, TN: 35}
	c := coder.Prevalence(500, 1000, r, coder.PrevalenceOptions{})
	fmt.Printf("coded %.2f [%.2f, %.2f]\n", c.Naive.Value, c.Naive.Lo, c.Naive.Hi)
	fmt.Printf("corrected %.2f, interval wider than %.2f\n", c.Value, 0.25)
	fmt.Println(c.Hi-c.Lo > 0.25, c.Method)
	// Output:
	// coded 0.50 [0.47, 0.53]
	// corrected 0.40, interval wider than 0.25
	// true acc-percentile-bootstrap
}

// The trained coder and the keyword codebook scored on the same five
// folds of the hand-coded sample.
func ExampleCrossValidate() {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		log.Fatal(err)
	}
	gold, err := themes.LoadSample(filepath.Join(repo.Root(), "analysis/coder/testdata/single-coder-2019.csv"))
	if err != nil {
		log.Fatal(err)
	}
	r, err := coder.CrossValidate(gold, cb, coder.CVOptions{})
	if err != nil {
		log.Fatal(err)
	}
	for _, id := range []string{"conditions", "other", "question"} {
		l, _ := r.Label(id)
		fmt.Printf("%s: %d gold, estimable %v, keyword F1 %.2f, trained F1 %.1f\n", id, l.Support, l.Estimable, l.Keyword.F1, l.Trained.F1)
	}
	// Output:
	// conditions: 51 gold, estimable true, keyword F1 0.76, trained F1 0.7
	// other: 7 gold, estimable false, keyword F1 0.29, trained F1 0.2
	// question: 51 gold, estimable true, keyword F1 0.99, trained F1 1.0
}
