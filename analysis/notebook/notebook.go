// Package notebook holds the few helpers every notebook cell uses, so
// that cells read as the study's argument rather than as plumbing. They
// stop the cell's program with the error (log.Fatal), which makes the cell
// fail and `scripts/reproduce` report the notebook as failed: in a
// notebook, an error must never be silently skipped.
package notebook

import (
	"fmt"
	"log"
	"math"
	"os"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/paper"
	"github.com/janpfeifer/gonb/gonbui"
)

// Study loads the notebooks' study (the sample, or $COMPENDIUM_STUDY) and
// the provenance its figures record. Each cell of a GoNB notebook runs as a
// program of its own, so each cell that needs the corpus calls Study.
func Study() (*corpus.Corpus, figure.Provenance) {
	c, prov, err := paper.Load(nil)
	if err != nil {
		log.Fatal(err)
	}
	return c, prov
}

// Describe prints what was loaded: the load report's totals, the code
// revision and each raw input with its sha256, so that the executed
// notebook records its provenance.
func Describe() {
	c, prov, err := paper.Load(os.Stdout)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("révision du code %s ; %d communautés, %d messages, %d relevés de panneaux, %d relevés de profils\n",
		figure.Revision(), len(c.Communities), len(c.Messages), len(c.Panels), len(c.Profiles))
	if c.Synthetic {
		fmt.Println("DONNÉES SYNTHÉTIQUES : l'échantillon livré n'est pas fait de messages réels.")
	}
	for _, in := range prov.Inputs {
		fmt.Printf("  sha256 %s  %s\n", in.SHA256, in.Path)
	}
}

// Publish saves a figure into the figures folder and shows it; it takes a
// builder's two results directly: notebook.Publish(paper.F05Rhythm(c, prov)).
func Publish(f *figure.Figure, err error) {
	if err != nil {
		log.Fatal(err)
	}
	if err := f.Publish(); err != nil {
		log.Fatal(err)
	}
}

// Markdown shows a computed reading of a figure under it (printed to
// standard output outside a notebook).
func Markdown(format string, args ...any) {
	text := fmt.Sprintf(format, args...)
	if gonbui.IsNotebook {
		gonbui.DisplayMarkdown(text)
		return
	}
	fmt.Println(text)
}

// Value returns the value of an indicator for a community (or, with
// community indicator.AllCommunities and a profession, for a profession)
// from rows, and NaN when rows do not hold it. Notebooks use it to write
// their readings from the same numbers as indicators.csv.
func Value(rows []indicator.Row, community string, profession corpus.Profession, name string) float64 {
	for _, r := range rows {
		if r.Community == community && r.Indicator == name && (profession == "" || r.Profession == profession) {
			return r.Value
		}
	}
	return math.NaN()
}

// Codebook loads the study's codebook (data/codebook/codebook.json).
func Codebook() *themes.Codebook {
	cb, err := themes.DefaultCodebook()
	if err != nil {
		log.Fatal(err)
	}
	return cb
}
