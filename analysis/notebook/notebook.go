// Package notebook holds the few helpers every notebook cell uses, so
// that cells read as the study's argument rather than as plumbing. They
// stop the cell's program with the error (log.Fatal), which makes the cell
// fail and `scripts/reproduce` report the notebook as failed: in a
// notebook, an error must never be silently skipped.
//
// This package, with the commands under scripts/, is where the
// environment is read; the library packages below it (indicator, paper,
// chart, figure) take every setting as an argument. It reads:
//
//   - COMPENDIUM_STUDY, the study file (through load.DefaultStudy;
//     default data/study.json);
//   - COMPENDIUM_LANG, the figures' language (figure.ParseLanguage; set
//     into figure.Lang when the package is initialised);
//   - COMPENDIUM_FIGURES, the folder figures are saved in (FiguresDir);
//   - COMPENDIUM_REVISION, else git, the code revision figures record
//     (Revision);
//   - COMPENDIUM_NOTEBOOK, the notebook figures record as their origin;
//
// and the repository root (repo.Root) for the codebook and the hand-coded
// sample. It also displays figures and gota DataFrames in GoNB (Show,
// ShowFrame), which do nothing outside a notebook.
//
// A cell shows beside its figure the table of what was measured: Frame,
// GroupFrame and SeriesFrame turn a family's per-group results into a gota
// DataFrame in the results' order, and the cell computes its reading with
// the same row function, so the sentence reads the numbers the table
// shows. Truth gives the synthetic study's truth to the cells that measure
// what an indicator recovers, saying when there is none and stopping the
// cell when it cannot be read.
package notebook

import (
	"bytes"
	"fmt"
	"html"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/repo"
	"github.com/go-gota/gota/dataframe"
	"github.com/janpfeifer/gonb/gonbui"
)

func init() { figure.Lang = figure.ParseLanguage(os.Getenv("COMPENDIUM_LANG")) }

// FrameRows is the number of rows ShowFrame displays.
const FrameRows = 50

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
// relative to its root. It records the code revision (Revision) and the
// notebook ($COMPENDIUM_NOTEBOOK).
func Provenance(c *corpus.Corpus, studyDir string) figure.Provenance {
	prov := figure.Provenance{Study: c.Study, Synthetic: c.Synthetic, Revision: Revision(), Notebook: os.Getenv("COMPENDIUM_NOTEBOOK")}
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
		prov.Revision, len(c.Communities), len(c.Messages), len(c.Panels), len(c.Profiles))
	if c.Synthetic {
		fmt.Println("DONNÉES SYNTHÉTIQUES : l'échantillon livré n'est pas fait de messages réels.")
	}
	for _, in := range prov.Inputs {
		fmt.Printf("  sha256 %s  %s\n", in.SHA256, in.Path)
	}
}

// Publish saves a figure into the figures folder (FiguresDir) and shows
// it (Show); it takes a builder's two results directly:
// notebook.Publish(paper.F05Rhythm(rhythm.Measure(c), prov)).
func Publish(f *figure.Figure, err error) {
	if err != nil {
		log.Fatal(err)
	}
	if err := f.Save(FiguresDir()); err != nil {
		log.Fatal(err)
	}
	Show(f)
}

// Show displays the figure inline in GoNB: the SVG image, the caption (with
// the study line) and, for a table figure, an HTML table. It does nothing
// outside a notebook.
func Show(f *figure.Figure) {
	if !gonbui.IsNotebook {
		return
	}
	svg, err := f.SVG()
	if err != nil {
		gonbui.DisplayHTML("<pre>" + html.EscapeString(err.Error()) + "</pre>")
		return
	}
	gonbui.DisplaySvg(stripXMLDecl(string(svg)))
	if c := f.FullCaption(); c != "" {
		gonbui.DisplayHTML("<p style=\"font-style:italic\">" + html.EscapeString(c) + "</p>")
	}
	if f.Tiles == nil && f.Plot == nil && f.Drawing == nil && f.Data != nil {
		gonbui.DisplayHTML(figure.HTMLTable(f.Data))
	}
}

func stripXMLDecl(s string) string {
	if strings.HasPrefix(s, "<?xml") {
		if i := strings.Index(s, "?>"); i >= 0 {
			return strings.TrimLeft(s[i+2:], "\n")
		}
	}
	return s
}

// FiguresDir is where figures go: $COMPENDIUM_FIGURES if set, else
// <repo root>/figures (see repo.Root), else "figures" in the working
// directory.
func FiguresDir() string {
	if d := os.Getenv("COMPENDIUM_FIGURES"); d != "" {
		return d
	}
	if root := repo.Root(); root != "" {
		return filepath.Join(root, "figures")
	}
	return "figures"
}

// Revision returns $COMPENDIUM_REVISION if set, else the commit of HEAD in
// the repository root, with "-dirty" appended when `git status
// --porcelain` lists changes outside the figures/ and build/ folders, else
// "unknown".
func Revision() string {
	if r := os.Getenv("COMPENDIUM_REVISION"); r != "" {
		return r
	}
	root := repo.Root()
	if root == "" {
		return "unknown"
	}
	out, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	rev := strings.TrimSpace(string(out))
	if rev == "" {
		return "unknown"
	}
	st, err := exec.Command("git", "-C", root, "status", "--porcelain", "--",
		".", ":(exclude)figures", ":(exclude)build").Output()
	if err != nil || len(bytes.TrimSpace(st)) > 0 {
		rev += "-dirty"
	}
	return rev
}

// FrameTable converts a gota DataFrame to a figure.Table, cells as gota
// prints them. It returns df.Err when the frame carries an error.
func FrameTable(df dataframe.DataFrame) (*figure.Table, error) {
	if df.Err != nil {
		return nil, df.Err
	}
	recs := df.Records()
	if len(recs) == 0 {
		return figure.NewTable(), nil
	}
	t := figure.NewTable(recs[0]...)
	for _, r := range recs[1:] {
		t.Rows = append(t.Rows, append([]string(nil), r...))
	}
	return t, nil
}

// ShowFrame displays a gota DataFrame as an HTML table in a notebook
// (FrameHTML with FrameRows rows). It does nothing outside a notebook.
func ShowFrame(df dataframe.DataFrame) {
	if !gonbui.IsNotebook {
		return
	}
	gonbui.DisplayHTML(FrameHTML(df, FrameRows))
}

// FrameHTML is a gota DataFrame as HTML: its first rows rows (all of them
// when rows is negative) and its dimensions, or its error (df.Err).
func FrameHTML(df dataframe.DataFrame, rows int) string {
	t, err := FrameTable(df)
	if err != nil {
		return "<pre>" + html.EscapeString(err.Error()) + "</pre>\n"
	}
	if rows >= 0 && len(t.Rows) > rows {
		t.Rows = t.Rows[:rows]
	}
	dims := fmt.Sprintf(figure.T("%s lignes × %s colonnes", "%s rows × %s columns"), figure.Integer(int64(df.Nrow())), figure.Integer(int64(df.Ncol())))
	return figure.HTMLTable(t) + "<p>" + html.EscapeString(dims) + "</p>\n"
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
	in, err := figure.InputFile(path, repo.Root())
	if err != nil {
		log.Fatal(err)
	}
	return sample, in
}
