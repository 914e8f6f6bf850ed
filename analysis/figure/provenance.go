package figure

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/faire-communaute/compendium/analysis/figure/sidecar"
)

// Input is one input file of a figure and its SHA-256 checksum (the
// sidecar schema's).
type Input = sidecar.Input

// Sidecar is the content of ID.json (the sidecar schema).
type Sidecar = sidecar.Sidecar

// Provenance says where the figure's data come from and what drew it; it
// goes into the sidecar only, never into the CSV or the images (but for
// the synthetic-data footer, which StudyLine writes). The caller gives
// every field: this package reads no environment and runs no command.
type Provenance struct {
	Study     string
	Synthetic bool
	// Inputs are written sorted by Path.
	Inputs []Input
	// Revision is the code revision ("unknown" in the sidecar when
	// empty); Notebook the notebook that drew the figure.
	Revision string
	Notebook string
}

// StudyLine returns the line appended to the caption: "Données synthétiques
// (étude « sample »)" for synthetic data, "Étude « sample »" otherwise (with
// no-break spaces inside the guillemets), in the current language; empty
// when there is no study and the data are not synthetic.
func (p Provenance) StudyLine() string {
	switch {
	case p.Synthetic && p.Study != "":
		return T("Données synthétiques (étude «"+NBSP+p.Study+NBSP+"»)", "Synthetic data (study “"+p.Study+"”)")
	case p.Synthetic:
		return T("Données synthétiques", "Synthetic data")
	case p.Study != "":
		return T("Étude «"+NBSP+p.Study+NBSP+"»", "Study “"+p.Study+"”")
	}
	return ""
}

// Sidecar returns the provenance record written as ID.json: the full
// caption, Prov's notebook and study, inputs sorted by path, the revision
// (Prov.Revision, "unknown" when empty) and runtime.GOARCH.
func (f *Figure) Sidecar() Sidecar {
	inputs := append([]Input{}, f.Prov.Inputs...)
	sort.SliceStable(inputs, func(i, j int) bool { return inputs[i].Path < inputs[j].Path })
	rev := f.Prov.Revision
	if rev == "" {
		rev = "unknown"
	}
	return Sidecar{
		ID:        f.ID,
		Title:     f.Title,
		Caption:   f.FullCaption(),
		Notebook:  f.Prov.Notebook,
		Study:     f.Prov.Study,
		Synthetic: f.Prov.Synthetic,
		Inputs:    inputs,
		Revision:  rev,
		GOARCH:    runtime.GOARCH,
	}
}

// InputFile returns the Input of a file: its path (relative to root and
// slash-separated when it lies inside root; root "" keeps the path as
// given) and the SHA-256 of its content.
func InputFile(path, root string) (Input, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Input{}, err
	}
	sum := sha256.Sum256(data)
	p := path
	if root != "" {
		if abs, err := filepath.Abs(path); err == nil {
			if rel, err := filepath.Rel(root, abs); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	return Input{Path: filepath.ToSlash(p), SHA256: hex.EncodeToString(sum[:])}, nil
}
