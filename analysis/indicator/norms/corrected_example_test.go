package norms_test

import (
	"fmt"
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// The keyword rule on threads read from their texts, as a gold file
// gives them (no authors: each answer counts as by an author of its
// own).
func ExampleKeywordStatus() {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		panic(err)
	}
	q := "Vous faites quoi pour une otite chez l'enfant ?"
	for _, t := range []coder.Thread{
		{Text: q, Profession: "general-practitioner"},
		{Text: q, Profession: "general-practitioner", Answers: []coder.ThreadAnswer{{Text: "Amoxicilline 7 jours"}, {Text: "+1 je confirme"}}},
		{Text: q, Profession: "general-practitioner", Answers: []coder.ThreadAnswer{{Text: "Amoxicilline 7 jours"}}},
		{Text: "Belle journée au cabinet", Profession: "general-practitioner"},
	} {
		fmt.Println(norms.KeywordStatus(cb, t))
	}
	// Output:
	// unanswered
	// consensual
	// non-consensual
	// not-a-question
}
