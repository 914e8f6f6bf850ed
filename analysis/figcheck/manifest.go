package figcheck

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"

	"github.com/faire-communaute/compendium/analysis/figure/sidecar"
)

// SchemaVersion is the version of the manifest.json layout written by this package.
const SchemaVersion = 1

// ManifestFile is the name of the manifest inside a figures directory.
const ManifestFile = "manifest.json"

// ManifestComment is stored at the top of every manifest.
const ManifestComment = "Accepted figures: sha256 of each figure's csv/svg/png. Generated, do not edit by hand: " +
	"after an intended change run scripts/reproduce --update (or go run ./scripts/figcheck -update figures) " +
	"and commit figures/ together with this file."

// Input is one input file of a figure, as recorded in its sidecar (the
// schema of package sidecar, which package figure writes).
type Input = sidecar.Input

// Sidecar is the provenance file ID.json written next to each figure
// (sidecar.Sidecar). Unknown fields are ignored.
type Sidecar = sidecar.Sidecar

// ReadSidecar reads and parses a sidecar file (sidecar.Read).
func ReadSidecar(path string) (Sidecar, error) { return sidecar.Read(path) }

// Entry is the accepted state of one figure in the manifest.
type Entry struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Notebook  string  `json:"notebook"`
	CSVSHA256 string  `json:"csv_sha256"`
	SVGSHA256 string  `json:"svg_sha256"`
	PNGSHA256 string  `json:"png_sha256"`
	GOARCH    string  `json:"goarch"`
	Inputs    []Input `json:"inputs"`
	Revision  string  `json:"revision"`
}

// Manifest is the content of figures/manifest.json.
type Manifest struct {
	Schema  int     `json:"schema"`
	Comment string  `json:"comment"`
	Figures []Entry `json:"figures"`
}

// Lookup returns the entry with the given ID.
func (m Manifest) Lookup(id string) (Entry, bool) {
	for _, e := range m.Figures {
		if e.ID == id {
			return e, true
		}
	}
	return Entry{}, false
}

// normalize puts m in canonical form: figures sorted by ID, inputs sorted by
// path, nil slices replaced by empty ones.
func (m *Manifest) normalize() {
	if m.Figures == nil {
		m.Figures = []Entry{}
	}
	sort.SliceStable(m.Figures, func(i, j int) bool { return m.Figures[i].ID < m.Figures[j].ID })
	for i := range m.Figures {
		e := &m.Figures[i]
		if e.Inputs == nil {
			e.Inputs = []Input{}
		}
		sort.SliceStable(e.Inputs, func(a, b int) bool { return e.Inputs[a].Path < e.Inputs[b].Path })
	}
}

// Marshal returns the canonical bytes of m: indented JSON with fixed key
// order, figures sorted by ID, no HTML escaping and a trailing newline.
func (m Manifest) Marshal() ([]byte, error) {
	m.Figures = append([]Entry(nil), m.Figures...)
	for i := range m.Figures {
		m.Figures[i].Inputs = append([]Input(nil), m.Figures[i].Inputs...)
	}
	m.normalize()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ParseManifest parses manifest bytes. Unknown fields are ignored; an
// unsupported schema version, an empty or duplicate figure ID is an error.
func ParseManifest(b []byte) (Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("invalid manifest: %w", err)
	}
	if m.Schema != SchemaVersion {
		return m, fmt.Errorf("manifest schema %d not supported (want %d)", m.Schema, SchemaVersion)
	}
	seen := map[string]bool{}
	for _, e := range m.Figures {
		if e.ID == "" {
			return m, errors.New("manifest: figure with empty id")
		}
		if seen[e.ID] {
			return m, fmt.Errorf("manifest: duplicate figure id %q", e.ID)
		}
		seen[e.ID] = true
	}
	m.normalize()
	return m, nil
}

// ReadManifest reads a manifest file.
func ReadManifest(path string) (Manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Manifest{}, err
	}
	m, err := ParseManifest(b)
	if err != nil {
		return m, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// WriteManifest writes m in canonical form to path.
func WriteManifest(path string, m Manifest) error {
	b, err := m.Marshal()
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// Figure is the set of files of one figure found in a directory. A path is
// empty when the file is absent.
type Figure struct {
	ID      string
	CSV     string
	SVG     string
	PNG     string
	Sidecar string
}

// MissingFiles returns the base names of the figure's absent files, in the
// order csv, svg, png, json.
func (f Figure) MissingFiles() []string {
	var out []string
	for _, p := range []struct{ path, ext string }{{f.CSV, ".csv"}, {f.SVG, ".svg"}, {f.PNG, ".png"}, {f.Sidecar, ".json"}} {
		if p.path == "" {
			out = append(out, f.ID+p.ext)
		}
	}
	return out
}

// PresentFiles returns the base names of the figure's files that exist.
func (f Figure) PresentFiles() []string {
	var out []string
	for _, p := range []string{f.CSV, f.SVG, f.PNG, f.Sidecar} {
		if p != "" {
			out = append(out, filepath.Base(p))
		}
	}
	return out
}

// Scan lists the figures in dir, sorted by ID. A figure ID is the stem of a
// regular top-level file ending in .csv or .json (manifest.json and hidden
// files excluded); its .svg and .png are attached when present.
func Scan(dir string) ([]Figure, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	figs := map[string]*Figure{}
	files := map[string]string{} // base name -> path
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".") || name == ManifestFile {
			continue
		}
		if e.IsDir() {
			continue
		}
		if !e.Type().IsRegular() {
			fi, err := os.Stat(filepath.Join(dir, name))
			if err != nil || !fi.Mode().IsRegular() {
				continue
			}
		}
		files[name] = filepath.Join(dir, name)
		ext := filepath.Ext(name)
		if ext == ".csv" || ext == ".json" {
			id := strings.TrimSuffix(name, ext)
			if id != "" && figs[id] == nil {
				figs[id] = &Figure{ID: id}
			}
		}
	}
	out := make([]Figure, 0, len(figs))
	for id, f := range figs {
		f.CSV = files[id+".csv"]
		f.SVG = files[id+".svg"]
		f.PNG = files[id+".png"]
		f.Sidecar = files[id+".json"]
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func hashFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return hashBytes(b), nil
}

func hashBytes(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// entryFor hashes the files of a complete figure and reads its sidecar.
func entryFor(f Figure) (Entry, error) {
	if miss := f.MissingFiles(); len(miss) > 0 {
		return Entry{}, fmt.Errorf("%s: incomplete, missing %s", f.ID, strings.Join(miss, ", "))
	}
	sc, err := ReadSidecar(f.Sidecar)
	if err != nil {
		return Entry{}, fmt.Errorf("%s: %w", f.ID, err)
	}
	if sc.ID != "" && sc.ID != f.ID {
		return Entry{}, fmt.Errorf("%s: sidecar %s has id %q", f.ID, filepath.Base(f.Sidecar), sc.ID)
	}
	e := Entry{ID: f.ID, Title: sc.Title, Notebook: sc.Notebook, GOARCH: sc.GOARCH, Revision: sc.Revision}
	if e.GOARCH == "" {
		e.GOARCH = runtime.GOARCH
	}
	e.Inputs = append([]Input{}, sc.Inputs...)
	for _, h := range []struct {
		dst  *string
		path string
	}{{&e.CSVSHA256, f.CSV}, {&e.SVGSHA256, f.SVG}, {&e.PNGSHA256, f.PNG}} {
		if *h.dst, err = hashFile(h.path); err != nil {
			return Entry{}, fmt.Errorf("%s: %w", f.ID, err)
		}
	}
	return e, nil
}

// Build hashes the figures currently in dir and returns the corresponding
// manifest. The GOARCH of an entry is the one recorded in the sidecar
// (runtime.GOARCH when the sidecar has none). Incomplete figures and
// unreadable sidecars are errors (all of them are reported).
func Build(dir string) (Manifest, error) {
	m := Manifest{Schema: SchemaVersion, Comment: ManifestComment, Figures: []Entry{}}
	figs, err := Scan(dir)
	if err != nil {
		return m, err
	}
	var errs []error
	for _, f := range figs {
		e, err := entryFor(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		m.Figures = append(m.Figures, e)
	}
	m.normalize()
	return m, errors.Join(errs...)
}

// Update builds the manifest of dir and writes it to dir/manifest.json.
// Nothing is written when Build fails.
func Update(dir string) (Manifest, error) {
	m, err := Build(dir)
	if err != nil {
		return m, err
	}
	return m, WriteManifest(filepath.Join(dir, ManifestFile), m)
}

// Change describes how one figure differs between two manifests.
type Change struct {
	ID string
	// Kind is "added", "removed" or "changed".
	Kind string
	// Fields lists the JSON names of the changed fields (Kind "changed" only).
	Fields []string
}

func (c Change) String() string {
	if c.Kind == "changed" {
		return fmt.Sprintf("changed %s (%s)", c.ID, strings.Join(c.Fields, ", "))
	}
	return c.Kind + " " + c.ID
}

// Diff lists the figures added, removed or changed from old to new, sorted by ID.
func Diff(old, new Manifest) []Change {
	o := map[string]Entry{}
	for _, e := range old.Figures {
		o[e.ID] = e
	}
	n := map[string]Entry{}
	for _, e := range new.Figures {
		n[e.ID] = e
	}
	var out []Change
	for id, ne := range n {
		oe, ok := o[id]
		if !ok {
			out = append(out, Change{ID: id, Kind: "added"})
			continue
		}
		if f := changedFields(oe, ne); len(f) > 0 {
			out = append(out, Change{ID: id, Kind: "changed", Fields: f})
		}
	}
	for id := range o {
		if _, ok := n[id]; !ok {
			out = append(out, Change{ID: id, Kind: "removed"})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func changedFields(a, b Entry) []string {
	var out []string
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	t := va.Type()
	for i := 0; i < t.NumField(); i++ {
		x, y := va.Field(i).Interface(), vb.Field(i).Interface()
		if in, ok := x.([]Input); ok {
			if len(in) == 0 && len(y.([]Input)) == 0 {
				continue
			}
		}
		if !reflect.DeepEqual(x, y) {
			out = append(out, strings.Split(t.Field(i).Tag.Get("json"), ",")[0])
		}
	}
	return out
}
