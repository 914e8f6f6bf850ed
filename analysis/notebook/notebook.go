// Package notebook holds the few helpers every notebook cell uses, so
// that cells read as the study's argument rather than as plumbing. They
// stop the cell's program with the error (Fatal: log.Fatal, after
// appending the error to the file COMPENDIUM_ERRORS names, where
// `scripts/reproduce` reads the cell's own error), which makes the cell
// fail and `scripts/reproduce` report the notebook as failed: in a
// notebook, an error must never be silently skipped. The one exception
// is a figure the study's data do not allow (a *paper.NotDrawable):
// Publish and PublishOrNote show its note in place of the figure, write
// it to FiguresDir()/ID.notdrawn.txt, and the notebook goes on.
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
//   - COMPENDIUM_ERRORS, a file Fatal appends the cell's error to;
//   - COMPENDIUM_CACHE, the folder of the corpus cache, or "off" (CacheDir;
//     default build/cache);
//   - the pseudonymisation key, through pseudo.LoadKey
//     (COMPENDIUM_PSEUDO_KEY, COMPENDIUM_PSEUDO_KEY_FILE, or
//     ~/.config/compendium/pseudo.key);
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
//
// # The corpus cache
//
// Every cell of a GoNB notebook is a program of its own, so every cell
// that needs the corpus calls Study. Loading the sample's raw exports and
// pseudonymising its 70,000 messages takes one to two seconds; reading
// the corpus back from the cache a tenth of that. Study loads the raw
// exports once and writes the pseudonymised corpus, with the totals of
// its load report, to CacheDir()/corpus-KEY.gob (encoding/gob, behind a
// three-line header: the format, the whole key, the payload's length and
// sha256). KEY is the sha256 of a text listing
//
//   - every file a pattern of the study file can read, with its sha256:
//     each pattern's fixed folders (those before its first wildcard) are
//     walked and every file under them hashed (names starting with '.'
//     only when the pattern can reach them, as package load does), a
//     superset of the files read, so that a file added, removed or
//     changed under a pattern changes the key;
//   - the sha256 of the study file;
//   - KeyFingerprint of the pseudonymisation key (an HMAC of a fixed text:
//     the key itself is written nowhere);
//   - the load options that change a corpus (strictness, format, limits);
//   - the code: the sha256 of every file under analysis/ but tests and
//     testdata, and of go.mod and go.sum, so that an edit of the packages,
//     committed or not, loads again (a git revision would miss uncommitted
//     edits, and would change with every commit of a notebook or a test);
//   - the Go version.
//
// The file is written atomically (a temporary file renamed) after
// checking that the corpus decoded from it is deep-equal to the one
// loaded; a file that is truncated, corrupt (the checksum differs), of
// another format or another key is ignored and rewritten. Corpora not
// cached: a load that rejected a message for an implausible time (a time
// after the load becomes plausible a day later), a study naming a pipe,
// a load during which an input changed. The four most recently used
// corpus files are kept.
//
// The cache holds the pseudonymised corpus only (what
// build/derived/messages.csv holds, with each message's links, hashtags,
// mentioned pseudonyms and source line); it lives under build/, which is
// git-ignored and never published, and its files are readable by their
// owner only. The privacy check (scripts/privacy) reads text outputs, not
// the cache: the tests of this package scan the cached sample for the
// identities of its raw exports.
package notebook

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/paper"
	"github.com/faire-communaute/compendium/analysis/pseudo"
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

// loaded is the notebooks' study as loadStudy returns it.
type loaded struct {
	cached           // the corpus and the totals of its load report
	path      string // the study file
	keySource string // where the pseudonymisation key came from
	// cache says where the corpus came from and what the cache did, for
	// Describe.
	cache string
}

// loadStudy loads the notebooks' study — the sample study, or the one
// named by $COMPENDIUM_STUDY — from the corpus cache when it holds it
// (see Study), else from the raw exports, and then caches it.
func loadStudy() (*loaded, error) {
	t0 := time.Now()
	path := load.DefaultStudy()
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	spec, err := load.ParseStudy(path, data)
	if err != nil {
		return nil, err
	}
	spec.Dir = filepath.Dir(path)
	key, source, err := pseudo.LoadKey()
	if err != nil {
		return nil, err
	}
	opt := load.Options{Key: key}
	l := &loaded{path: path, keySource: source}
	dir := CacheDir()
	var k *studyKey
	stale := ""
	switch {
	case dir == "":
		l.cache = "cache désactivé ($" + EnvCache + "=off, ou hors du dépôt)"
	default:
		k, err = keyMaterial(spec, data, opt, KeyFingerprint(key), codeRoot(), dir)
		if err != nil {
			l.cache, k = "sans cache : "+err.Error(), nil
			break
		}
		if k.uncacheable != "" {
			break
		}
		e, err := readCache(k, dir)
		if err == nil {
			l.cached = *e
			l.cache = fmt.Sprintf("lu dans le cache %s en %s", displayPath(k.file(dir)), seconds(time.Since(t0)))
			return l, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			stale = " (le fichier du cache était à refaire : " + err.Error() + ")"
		}
	}
	c, rep, err := load.LoadSpec(spec, opt)
	if err != nil {
		return nil, err
	}
	l.cached = totals(c, rep)
	loadedIn := "chargé des exports bruts en " + seconds(time.Since(t0))
	switch {
	case k == nil:
		l.cache = loadedIn + " ; " + l.cache
	case uncacheable(k, spec, c, rep) != "":
		l.cache = loadedIn + " ; pas mis en cache : " + uncacheable(k, spec, c, rep)
	default:
		b, err := encodeCache(k, l.cached)
		if err == nil {
			err = writeCache(k, dir, b)
		}
		if err != nil {
			l.cache = loadedIn + " ; pas mis en cache : " + err.Error()
		} else {
			l.cache = loadedIn + ", mis en cache dans " + displayPath(k.file(dir)) + stale
		}
	}
	return l, nil
}

// displayPath is p relative to the repository root when it lies inside.
func displayPath(p string) string {
	if root := repo.Root(); root != "" {
		if rel, err := filepath.Rel(root, p); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return p
}

func seconds(d time.Duration) string { return figure.Number(d.Seconds(), 1) + " s" }

// Study loads the notebooks' study (the sample, or $COMPENDIUM_STUDY) and
// the provenance its figures record: the study's name, whether it is
// synthetic, and every raw input with its sha256, as a path relative to
// the repository when it lies inside it.
//
// Each cell of a GoNB notebook runs as a program of its own, so each cell
// that needs the corpus calls Study. The first call loads the raw exports
// and caches the pseudonymised corpus in CacheDir (build/cache); the
// following calls read it from there in a fraction of a second. The
// cache file is named by a key, the sha256 of everything the corpus
// depends on — every raw file a pattern of the study file can read (its
// sha256), the study file, the fingerprint of the pseudonymisation key
// (KeyFingerprint, never the key), the load options, the source files of
// the analysis packages with go.mod and go.sum, and the Go version — so
// that changing any of them, committed or not, loads again. A cache file
// that is truncated or corrupt (checked by a checksum) is ignored and
// rewritten. It holds the pseudonymised corpus only, as the derived
// tables do. A load that rejected a message for an implausible time is
// not cached: whether a time lies in the future depends on the day.
func Study() (*corpus.Corpus, figure.Provenance) {
	l, err := loadStudy()
	if err != nil {
		Fatal(err)
	}
	return l.Corpus, Provenance(l.Corpus, filepath.Dir(l.path))
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

// Describe prints what was loaded: the load report's totals, where the
// corpus came from (the raw exports or the cache, see Study), the code
// revision and each raw input with its sha256, so that the executed
// notebook records its provenance.
func Describe() {
	l, err := loadStudy()
	if err != nil {
		Fatal(err)
	}
	c := l.Corpus
	prov := Provenance(c, filepath.Dir(l.path))
	fmt.Printf("étude %q (%s) : %d enregistrements, %d messages chargés, %d doublons, %d rejetés ; clé : %s\n",
		c.Study, l.path, l.Records, l.Loaded, l.Duplicates, l.Rejected, l.keySource)
	fmt.Printf("corpus %s\n", l.cache)
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
// notebook.Publish(paper.F05Rhythm(rhythm.Measure(c), prov)). It is
// PublishOrNote without its result: a figure the study's data do not
// allow is noted and the cell goes on; any other error stops the cell.
func Publish(f *figure.Figure, err error) { PublishOrNote(f, err) }

// Fatal stops the cell's program with err (log.Fatal). When
// COMPENDIUM_ERRORS names a file (scripts/reproduce sets it to
// build/logs/NOTEBOOK.errors), it first appends err's text to it, so that
// the run can print the cell's own error, not only the kernel's
// "exit status 1".
func Fatal(err error) {
	if p := os.Getenv("COMPENDIUM_ERRORS"); p != "" {
		if f, ferr := os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644); ferr == nil {
			fmt.Fprintln(f, err)
			f.Close()
		}
	}
	log.Fatal(err)
}

// NoteSuffix ends the name of the file, in the figures folder, that
// records why a figure was not drawn: ID.notdrawn.txt, the note's French
// and English lines. scripts/reproduce lists these files as the figures
// not drawn.
const NoteSuffix = ".notdrawn.txt"

// PublishOrNote publishes a figure as Publish does and reports true. When
// the builder's error is a *paper.NotDrawable (a need of the figure is
// missing from the study's data), it shows the note in place of the
// figure, writes it to FiguresDir()/ID.notdrawn.txt (removing the
// figure's files of an earlier run) and reports false: the cell and the
// notebook go on. Any other error stops the cell (log.Fatal). A figure
// drawn removes a note of an earlier run.
func PublishOrNote(f *figure.Figure, err error) bool {
	dir := FiguresDir()
	if nd := paper.AsNotDrawable(err); nd != nil {
		if err := WriteNote(dir, nd); err != nil {
			Fatal(err)
		}
		ShowNote(nd)
		return false
	}
	if err != nil {
		Fatal(err)
	}
	if err := f.Save(dir); err != nil {
		Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, f.ID+NoteSuffix)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		Fatal(err)
	}
	Show(f)
	return true
}

// WriteNote writes nd's note to dir/ID.notdrawn.txt and removes the
// figure's files (ID.csv, .svg, .png, .json) an earlier run left there,
// so that no stale figure stands for one that cannot be drawn.
func WriteNote(dir string, nd *paper.NotDrawable) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, ext := range []string{".csv", ".svg", ".png", ".json"} {
		if err := os.Remove(filepath.Join(dir, nd.Figure+ext)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, nd.Figure+NoteSuffix), []byte(nd.Note()+"\n"), 0o644)
}

// ShowNote shows nd's note in place of the figure: a quoted Markdown
// block in GoNB, the note's lines on standard output otherwise (where
// scripts/reproduce's log reads them).
func ShowNote(nd *paper.NotDrawable) {
	if gonbui.IsNotebook {
		gonbui.DisplayMarkdown("> **" + strings.ReplaceAll(nd.Note(), "\n", "**\n>\n> *") + "*")
		return
	}
	fmt.Println(nd.Note())
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
	undefined := false
	for _, r := range t.Rows {
		for i, cell := range r {
			if cell == "NaN" {
				r[i], undefined = figure.NotAvailable(), true
			}
		}
	}
	dims := fmt.Sprintf(figure.T("%s lignes × %s colonnes", "%s rows × %s columns"), figure.Integer(int64(df.Nrow())), figure.Integer(int64(df.Ncol())))
	if undefined {
		dims += " ; " + figure.NotAvailable() + figure.T(" : non défini ou non mesurable avec ces données (la cause est dans le texte, et dans la colonne reason de indicators.csv)",
			": undefined or not measurable with these data (the cause is in the text, and in the reason column of indicators.csv)")
	}
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

// Codebook loads the study's codebook: its study file's coding.codebook
// (StudyCoding), by default themes.DefaultFile in the repository.
func Codebook() *themes.Codebook {
	path := codebookPath()
	if path == "" {
		path = filepath.Join(repo.Root(), themes.DefaultFile)
	}
	cb, err := themes.LoadCodebook(path)
	if err != nil {
		Fatal(err)
	}
	return cb
}

// ReliabilityFile is the agreement of the two coders whose adjudicated
// codes make HandCodedFile, as `scripts/code reliability` wrote it from
// their sheets (data/codebook/coding/messages-A.csv and -B.csv; a test of
// scripts/code checks that it still does).
const ReliabilityFile = "data/codebook/coding/reliability-messages.csv"

// CoderReliability loads ReliabilityFile with its figure.Input.
func CoderReliability() ([]themes.Agreement, figure.Input) {
	path := filepath.Join(repo.Root(), filepath.FromSlash(ReliabilityFile))
	rel, err := themes.LoadReliability(path)
	if err != nil {
		Fatal(err)
	}
	return rel, inputOf(path)
}

// inputOf is the figure.Input of the file at path, relative to the
// repository.
func inputOf(path string) figure.Input {
	in, err := figure.InputFile(path, repo.Root())
	if err != nil {
		Fatal(err)
	}
	return in
}

// HandCodedSample loads the study's gold messages (its study file's
// coding.gold, by default the repository's HandCodedFile) with its
// figure.Input, to add to the provenance of Table 3.
func HandCodedSample() ([]themes.Coded, figure.Input) {
	path := filepath.Join(repo.Root(), filepath.FromSlash(HandCodedFile))
	if _, err := os.Stat(load.DefaultStudy()); err == nil {
		path = StudyCoding().Gold
	}
	sample, err := themes.LoadSample(path)
	if err != nil {
		Fatal(err)
	}
	in, err := figure.InputFile(path, repo.Root())
	if err != nil {
		Fatal(err)
	}
	return sample, in
}
