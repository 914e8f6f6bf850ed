package coder_test

import (
	"fmt"
	"log"
	"path/filepath"
	"time"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// A study that chooses the trained coder ("coding": {"coder":
// "trained"}) measures its messages with the fold models trained on its
// gold codes and gets every share corrected for their measured error.
func ExampleMeasure() {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		log.Fatal(err)
	}
	gold, err := themes.LoadSample(filepath.Join(repo.Root(), "analysis/coder/testdata/single-coder-2019.csv"))
	if err != nil {
		log.Fatal(err)
	}
	at := time.Date(2019, 3, 1, 9, 0, 0, 0, time.UTC)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "g", Platform: corpus.Facebook, Profession: corpus.HomeCareAide}}}
	for i, text := range []string{
		"Est-ce que les heures complémentaires sont majorées dans la convention collective ?",
		"Mon employeur ne paie pas mes frais km",
		"Bon courage à toutes, on lâche rien",
		"Ma bénéficiaire refuse la toilette, vous faites comment ?",
	} {
		c.Messages = append(c.Messages, corpus.Message{Platform: corpus.Facebook, Community: "g", ID: fmt.Sprint(i), Kind: corpus.Post,
			Author: fmt.Sprint("A", i), Created: at.Add(time.Duration(i) * time.Hour), Text: text})
	}
	r, _, err := coder.Measure(c, cb, coder.Choice{Coder: coder.Name, Gold: gold}, stats.Options{Reps: 200})
	if err != nil {
		log.Fatal(err)
	}
	g := r.Groups[0]
	fmt.Println(r.Coder, r.Correction.Gold, "gold messages,", r.Correction.Folds, "folds")
	fmt.Printf("question share coded %d/%d, corrected %.2f\n", g.Questions, g.Threads, g.Corrected.Question.Value)
	fmt.Printf("rights: coded %d of %d questions, corrected share of questions %.2f\n", g.TypeCounts[0], g.Questions, g.Corrected.Types[0].Value)
	fmt.Println("rights among typed questions:", g.Corrected.Typed[0].Reason)
	// Output:
	// trained 120 gold messages, 5 folds
	// question share coded 2/4, corrected 0.50
	// rights: coded 1 of 2 questions, corrected share of questions 0.51
	// rights among typed questions: the sum of the types' shares is not corrected: question type care is not corrected (9 gold messages of the profession with the label, fewer than 10: the coder's error is not measured)
}

// The gold sample drew 1 message in 2 of stratum "rare" and 1 in 10 of
// stratum "common": weighted, each gold message stands for its stratum's
// share of the corpus.
func ExampleRates_TPR() {
	r := coder.Rates{TP: 30, FN: 10, FP: 10, TN: 50, Strata: []coder.StratumRates{
		{Stratum: "rare", Weight: 2, TP: 20, FN: 0, FP: 5, TN: 5},
		{Stratum: "common", Weight: 10, TP: 10, FN: 10, FP: 5, TN: 45},
	}}
	// tpr = (2·20 + 10·10) / (2·20 + 10·20) = 140/240; fpr = (2·5 + 10·5) / (2·10 + 10·50) = 60/520.
	fmt.Printf("tpr %.4f, fpr %.4f\n", r.TPR(), r.FPR())
	// Output:
	// tpr 0.5833, fpr 0.1154
}
