package norms_test

import (
	"fmt"
	"log"
	"path/filepath"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
)

func ExampleQuestionThreads() {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		log.Fatal(err)
	}
	at := func(min int) time.Time { return time.Date(2019, 5, 10, 8, min, 0, 0, time.UTC) }
	msgs := []corpus.Message{
		{Community: "ad", ID: "1", Kind: corpus.Post, Author: "p1", Created: at(0), Text: "Qqun sait si les frais km sont obligatoires ?"},
		{Community: "ad", ID: "2", Kind: corpus.Comment, ParentID: "1", Author: "p2", Created: at(5), Text: "Oui c'est dans la convention collective"},
		{Community: "ad", ID: "3", Kind: corpus.Post, Author: "p3", Created: at(9), Text: "Vous faites comment pour les transferts sans lève-personne ?"},
		// Asked an hour before the export's last message: too recent to
		// be read as unanswered (norms.UnansweredHorizon is 7 days).
		{Community: "ad", ID: "4", Kind: corpus.Post, Author: "p1", Created: at(0).AddDate(0, 0, 8).Add(-time.Hour), Text: "Vous faites comment pour les transferts sans lève-personne ?"},
		{Community: "ad", ID: "5", Kind: corpus.Post, Author: "p2", Created: at(0).AddDate(0, 0, 8), Text: "Bonne soirée à toutes"},
	}
	for _, t := range norms.QuestionThreads(cb, msgs, corpus.HomeCareAide) {
		fmt.Println(t.ID, t.QuestionType, t.Status, len(t.Answers))
	}
	// Output:
	// 1 rights consensual 1
	// 3 care unanswered 0
	// 4 care too-recent 0
}
