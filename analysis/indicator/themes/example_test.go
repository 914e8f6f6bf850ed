package themes_test

import (
	"fmt"
	"log"
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
)

func ExampleCodebook_Code() {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		log.Fatal(err)
	}
	c := cb.Code("Bonjour, qqun sait si les frais km sont payés quand on a une coupure ? 😡", corpus.HomeCareAide)
	fmt.Println(c.Themes, c.Question, c.QuestionType)
	c = cb.Code("#DocTocToc quelle posologie d'amox pour une otite chez un enfant de 14 kg ?", corpus.GP)
	fmt.Println(c.Themes, c.Question, c.QuestionType)
	// Output:
	// [conditions] true rights
	// [practice] true therapeutic
}
