package themes_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// The manual's entry for a theme, generated from the codebook.
func ExampleWriteManual() {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := themes.WriteManual(&buf, cb); err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(line, "### `future`") || strings.HasPrefix(line, "*The message is about how the occupation") {
			fmt.Println(line)
		}
	}
	// Output:
	// ### `future` — Avenir du métier (*Future of the occupation*)
	// *The message is about how the occupation and the profession change: reforms, recognition, status, training, collective action (strike, demonstration, petition), public policy.*
}

// A gold file: the hand-coded columns, then community, message id,
// stratum and sampling weight.
func ExampleWriteSample() {
	gold := []themes.Coded{{
		ID: "M001", Profession: "home-care-aide", Text: "Mes frais km ne sont pas payés, c'est normal ?",
		Themes: []string{"conditions"}, Question: true, QuestionType: "rights",
		Community: "avs", MessageID: "p12", Stratum: "avs/question:rights", Weight: 180,
	}}
	if err := themes.WriteSample(os.Stdout, gold, true); err != nil {
		log.Fatal(err)
	}
	// Output:
	// id,profession,text,themes,question,question_type,community,message_id,stratum,weight
	// M001,home-care-aide,"Mes frais km ne sont pas payés, c'est normal ?",conditions,1,rights,avs,p12,avs/question:rights,180
}
