// Package sidecar is the one schema of a figure's provenance file, ID.json
// beside ID.csv, ID.svg and ID.png: package figure writes it, package
// figcheck reads it (the manifest and the gallery), and so can anyone who
// checks a figure.
//
// A sidecar records the figure's id, title and full caption, the notebook
// that drew it, the study, whether its data are synthetic, the sha256 of
// every input read (sorted by path, never null), the code revision and the
// GOARCH the images were rendered on. Nothing in it is drawn: the CSV, SVG
// and PNG do not depend on it.
package sidecar

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Input is one input file of a figure and its SHA-256 checksum (hex).
type Input struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Sidecar is the content of ID.json, keys in this order.
type Sidecar struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Caption   string  `json:"caption"`
	Notebook  string  `json:"notebook"`
	Study     string  `json:"study"`
	Synthetic bool    `json:"synthetic"`
	Inputs    []Input `json:"inputs"`
	Revision  string  `json:"revision"`
	GOARCH    string  `json:"goarch"`
}

// Marshal returns s as ID.json holds it: JSON indented by two spaces,
// inputs written [] rather than null, and a final newline.
func (s Sidecar) Marshal() ([]byte, error) {
	if s.Inputs == nil {
		s.Inputs = []Input{}
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Read reads and parses a sidecar file; unknown fields are ignored.
func Read(path string) (Sidecar, error) {
	var s Sidecar
	b, err := os.ReadFile(path)
	if err != nil {
		return s, err
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return s, fmt.Errorf("%s: invalid sidecar: %w", filepath.Base(path), err)
	}
	return s, nil
}
