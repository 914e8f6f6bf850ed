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
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/repo"
	"github.com/janpfeifer/gonb/gonbui"
)

// HandCodedFile is the hand-coded sample the codebook is validated
// against, relative to the repository root.
const HandCodedFile = "data/codebook/hand-coded.csv"

// loadStudy loads the notebooks' study — the sample study, or the one
// named by $COMPENDIUM_STUDY — and returns the provenance its figures
// record. A short load report goes to progress (nil: quiet).
func loadStudy(progress *os.File) (*corpus.Corpus, figure.Provenance, error) {
	path := load.DefaultStudy()
	c, rep, err := load.Study(path, load.Options{})
	if err != nil {
		return nil, figure.Provenance{}, err
	}
	if progress != nil {
		fmt.Fprintf(progress, "étude %q (%s) : %d enregistrements, %d messages chargés, %d doublons, %d rejetés ; clé : %s\n",
			c.Study, path, rep.Records, rep.Loaded, rep.Duplicates, rep.Rejected, rep.KeySource)
	}
	return c, Provenance(c, filepath.Dir(path)), nil
}

// Study loads the notebooks' study (the sample, or $COMPENDIUM_STUDY) and
// the provenance its figures record: the study's name, whether it is
// synthetic, and every raw input with its sha256, as a path relative to
// the repository when it lies inside it. Each cell of a GoNB notebook runs
// as a program of its own, so each cell that needs the corpus calls Study.
func Study() (*corpus.Corpus, figure.Provenance) {
	c, prov, err := loadStudy(nil)
	if err != nil {
		log.Fatal(err)
	}
	return c, prov
}

// Provenance is the provenance of figures drawn from c, whose input paths
// are relative to studyDir; paths inside the repository are written
// relative to its root.
func Provenance(c *corpus.Corpus, studyDir string) figure.Provenance {
	prov := figure.Provenance{Study: c.Study, Synthetic: c.Synthetic}
	root := repo.Root()
	for _, in := range c.Inputs {
		p := filepath.Join(studyDir, filepath.FromSlash(in.Path))
		if abs, err := filepath.Abs(p); err == nil && root != "" {
			if rel, err := filepath.Rel(root, abs); err == nil && filepath.IsLocal(rel) {
				p = rel
			}
		}
		prov.Inputs = append(prov.Inputs, figure.Input{Path: filepath.ToSlash(p), SHA256: in.SHA256})
	}
	return prov
}

// Describe prints what was loaded: the load report's totals, the code
// revision and each raw input with its sha256, so that the executed
// notebook records its provenance.
func Describe() {
	c, prov, err := loadStudy(os.Stdout)
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
// builder's two results directly:
// notebook.Publish(paper.F05Rhythm(rhythm.Measure(c), prov)).
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

// Codebook loads the study's codebook (themes.DefaultFile in the
// repository).
func Codebook() *themes.Codebook {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		log.Fatal(err)
	}
	return cb
}

// HandCodedSample loads the repository's hand-coded sample (HandCodedFile)
// with its figure.Input, to add to the provenance of Table 3.
func HandCodedSample() ([]themes.Coded, figure.Input) {
	path := filepath.Join(repo.Root(), filepath.FromSlash(HandCodedFile))
	sample, err := themes.LoadSample(path)
	if err != nil {
		log.Fatal(err)
	}
	in, err := figure.InputFile(path)
	if err != nil {
		log.Fatal(err)
	}
	return sample, in
}
