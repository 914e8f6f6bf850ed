package notebook

import (
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
	c, prov := Study()
	if c.Study != "sample" || !c.Synthetic || len(c.Communities) != 4 || len(prov.Inputs) != len(c.Inputs) {
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
