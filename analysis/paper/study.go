package paper

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/repo"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/load"
)

// Load loads the study the notebooks work on — the sample study, or the
// one named by $COMPENDIUM_STUDY — and returns the provenance its figures
// record: the study's name, whether it is synthetic, and every raw input
// with its sha256, as a path relative to the repository when it lies
// inside it. A short load report goes to progress (nil: quiet).
func Load(progress io.Writer) (*corpus.Corpus, figure.Provenance, error) {
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

// Provenance is the provenance of figures drawn from c, whose input paths
// are relative to studyDir.
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
