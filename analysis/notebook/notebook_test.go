package notebook

import (
	"io"
	"os"
	"strings"
	"testing"
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
