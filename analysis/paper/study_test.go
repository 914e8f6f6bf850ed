package paper

import (
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/repo"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
)

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
