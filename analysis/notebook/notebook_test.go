package notebook

import (
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/repo"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

func TestMarkdownOutsideNotebookPrints(t *testing.T) {
	r, w, _ := os.Pipe()
	stdout := os.Stdout
	os.Stdout = w
	Markdown("%d groupes, %s", 3, "« AVS »")
	w.Close()
	os.Stdout = stdout
	b, _ := io.ReadAll(r)
	if got := string(b); got != "3 groupes, « AVS »\n" {
		t.Errorf("printed %q", got)
	}
}

func TestStudyLoadsTheSample(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the sample study")
	}
	t.Setenv(EnvCache, t.TempDir())
	c, prov := Study()
	if c.Study != "sample" || !c.Synthetic || len(c.Communities) != 5 || len(prov.Inputs) != len(c.Inputs) {
		t.Fatalf("study %q synthetic %v, %d communities, %d inputs", c.Study, c.Synthetic, len(c.Communities), len(prov.Inputs))
	}
	for _, in := range prov.Inputs {
		if !strings.HasPrefix(in.Path, "data/raw/") || len(in.SHA256) != 64 {
			t.Errorf("input %+v not a repository path with its sha256", in)
		}
	}
}

func TestValue(t *testing.T) {
	rows := []indicator.Row{
		{Community: "avs", Profession: corpus.HomeCareAide, Indicator: "reply_rate", Value: 0.5},
		{Community: "*", Profession: corpus.HomeCareAide, Indicator: "reply_rate", Value: 0.6},
		{Community: "*", Profession: corpus.GP, Indicator: "reply_rate", Value: 0.9},
	}
	if v := Value(rows, "*", corpus.GP, "reply_rate"); v != 0.9 {
		t.Errorf("GP reply rate %v", v)
	}
	if v := Value(rows, "avs", "", "reply_rate"); v != 0.5 {
		t.Errorf("avs reply rate %v", v)
	}
	if v := Value(rows, "avs", "", "gini"); !math.IsNaN(v) {
		t.Errorf("missing indicator gives %v, want NaN", v)
	}
}

func TestProvenancePathsRelativeToRepo(t *testing.T) {
	root := repo.Root()
	c := &corpus.Corpus{Study: "s", Synthetic: true, Inputs: []corpus.Input{
		{Path: "raw/a.csv", SHA256: "aa"}, {Path: "raw/b.csv", SHA256: "bb"}}}
	p := Provenance(c, filepath.Join(root, "data"))
	if p.Study != "s" || !p.Synthetic || len(p.Inputs) != 2 ||
		p.Inputs[0] != (figure.Input{Path: "data/raw/a.csv", SHA256: "aa"}) {
		t.Errorf("provenance %+v", p)
	}
	out := Provenance(c, "/elsewhere/study")
	if out.Inputs[1].Path != "/elsewhere/study/raw/b.csv" {
		t.Errorf("outside the repository: %+v", out.Inputs[1])
	}
}

func TestFiguresDirAndRevision(t *testing.T) {
	t.Setenv("COMPENDIUM_FIGURES", "/tmp/figs")
	if FiguresDir() != "/tmp/figs" {
		t.Error("FiguresDir ignores COMPENDIUM_FIGURES")
	}
	t.Setenv("COMPENDIUM_FIGURES", "")
	root := repo.Root()
	if root == "" || FiguresDir() != filepath.Join(root, "figures") {
		t.Errorf("FiguresDir = %q, root %q", FiguresDir(), root)
	}
	t.Setenv("COMPENDIUM_REVISION", "v1")
	if Revision() != "v1" {
		t.Error("Revision ignores COMPENDIUM_REVISION")
	}
	t.Setenv("COMPENDIUM_NOTEBOOK", "02-rhythm.ipynb")
	if p := Provenance(&corpus.Corpus{Study: "s"}, root); p.Revision != "v1" || p.Notebook != "02-rhythm.ipynb" {
		t.Errorf("provenance %+v does not record the revision and notebook", p)
	}
	t.Setenv("COMPENDIUM_REVISION", "")
	if r := Revision(); r == "" || r == "v1" {
		t.Errorf("revision from git %q", r)
	}
}

func TestFrameHTML(t *testing.T) {
	all := func(df dataframe.DataFrame) string { return FrameHTML(df, -1) }
	df := dataframe.New(series.New([]string{"b", "a", "c"}, series.String, "k"), series.New([]int{2, 1, 3}, series.Int, "n"))
	h := FrameHTML(df, 2)
	if !strings.Contains(h, "<th>k</th>") || !strings.Contains(h, ">b<") || strings.Contains(h, ">c<") || !strings.Contains(h, "3 lignes × 2 colonnes") {
		t.Errorf("FrameHTML = %s", h)
	}
	if all := FrameHTML(df, -1); !strings.Contains(all, ">c<") {
		t.Errorf("every row: %s", all)
	}
	// A NaN (an undefined or unmeasurable value) shows as « n. d. », with
	// the legend; a frame without NaN has no legend.
	nan := dataframe.New(series.New([]string{"a", "b"}, series.String, "k"), series.New([]float64{0.5, math.NaN()}, series.Float, "share"))
	if h := FrameHTML(nan, -1); strings.Contains(h, "NaN") || !strings.Contains(h, ">n.\u00a0d.<") ||
		!strings.Contains(h, "n.\u00a0d. : non défini ou non mesurable avec ces données") {
		t.Errorf("a NaN shows as %s", h)
	}
	if strings.Contains(all(df), "non défini") {
		t.Error("a frame without NaN has the legend")
	}
	bad := dataframe.DataFrame{Err: errors.New("broken <frame>")}
	if h := FrameHTML(bad, 2); h != "<pre>broken &lt;frame&gt;</pre>\n" {
		t.Errorf("an error frame shows %q", h)
	}
	ShowFrame(df) // no-op outside a notebook
}

func TestHandCodedSample(t *testing.T) {
	sample, in := HandCodedSample()
	if in.Path != HandCodedFile || len(in.SHA256) != 64 || len(sample) == 0 || sample[0].ID != "M001" {
		t.Errorf("input %+v, %d coded messages", in, len(sample))
	}
}
