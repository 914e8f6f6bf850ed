package notebook

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/repo"
	"github.com/faire-communaute/compendium/analysis/simulate"
)

// Truth returns the truth of the synthetic study the notebooks load: what
// the simulator generated for each message (simulate.ReadTruth of
// simulate.TruthPath of load.DefaultStudy), for the cells that measure how
// well an indicator recovers it.
//
// When there is no truth to compare with — the study is not synthetic, or
// its truth file does not exist — it returns no truth and a sentence
// saying why, which the cell shows. Any other error (a truth file that
// exists but cannot be opened, decompressed or parsed) stops the cell
// (log.Fatal): an unreadable truth is never taken for an absent one.
func Truth(c *corpus.Corpus) (truth []simulate.TruthMessage, absent string) {
	truth, absent, err := readTruth(c, simulate.TruthPath(load.DefaultStudy()))
	if err != nil {
		Fatal(err)
	}
	return truth, absent
}

// readTruth is Truth reading path.
func readTruth(c *corpus.Corpus, path string) ([]simulate.TruthMessage, string, error) {
	if !c.Synthetic {
		return nil, figure.T("l'étude n'est pas synthétique : aucune vérité ne dit ce que ses messages sont", "the study is not synthetic: no truth says what its messages are"), nil
	}
	truth, err := simulate.ReadTruth(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Sprintf(figure.T("le fichier de vérité %s est absent", "the truth file %s is absent"), repoPath(path)), nil
	}
	if err != nil {
		return nil, "", fmt.Errorf("truth of study %q: %w", c.Study, err)
	}
	return truth, "", nil
}

// repoPath writes path relative to the repository root when it lies
// inside it.
func repoPath(path string) string {
	root := repo.Root()
	abs, err := filepath.Abs(path)
	if root == "" || err != nil {
		return filepath.ToSlash(path)
	}
	if rel, err := filepath.Rel(root, abs); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(path)
}
