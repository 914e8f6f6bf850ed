package figcheck

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// GalleryFile is the gallery's file name in the figures folder.
const GalleryFile = "index.html"

// GalleryEntry is one figure of the gallery: its sidecar and its files.
type GalleryEntry struct {
	Sidecar
	Image string // file name of the image shown (SVG)
	CSV   string
	PNG   string
}

// Gallery reads the figures in dir and returns them grouped by notebook
// (notebooks in name order, figures in ID order).
func Gallery(dir string) ([]GalleryEntry, error) {
	figs, err := Scan(dir)
	if err != nil {
		return nil, err
	}
	var out []GalleryEntry
	for _, f := range figs {
		if f.Sidecar == "" {
			continue
		}
		sc, err := ReadSidecar(f.Sidecar)
		if err != nil {
			return nil, err
		}
		e := GalleryEntry{Sidecar: sc}
		if f.SVG != "" {
			e.Image = filepath.Base(f.SVG)
		}
		if f.CSV != "" {
			e.CSV = filepath.Base(f.CSV)
		}
		if f.PNG != "" {
			e.PNG = filepath.Base(f.PNG)
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Notebook != out[j].Notebook {
			return out[i].Notebook < out[j].Notebook
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// NoteSuffix ends the name of the file a notebook writes in place of a
// figure the study's data do not allow (notebook.NoteSuffix).
const NoteSuffix = ".notdrawn.txt"

// Note is a figure not drawn: its id and the lines of its note (French,
// then English).
type Note struct {
	ID    string
	Lines []string
}

// Notes reads the notes of the figures not drawn in dir (ID.notdrawn.txt),
// in ID order.
func Notes(dir string) ([]Note, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*"+NoteSuffix))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []Note
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		n := Note{ID: strings.TrimSuffix(filepath.Base(p), NoteSuffix)}
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				n.Lines = append(n.Lines, l)
			}
		}
		out = append(out, n)
	}
	return out, nil
}

type galleryPage struct {
	Entries []GalleryEntry
	Notes   []Note
}

// WriteGallery writes dir/index.html: every figure with its caption,
// notebook, data CSV link and provenance (raw inputs' sha256, code
// revision), so that a reader can look rather than read. The page depends
// only on the sidecars, so it is as reproducible as they are. The figures
// not drawn (Notes) follow, each with its note in place of the figure.
func WriteGallery(dir string) error {
	entries, err := Gallery(dir)
	if err != nil {
		return err
	}
	notes, err := Notes(dir)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := galleryTmpl.Execute(&buf, galleryPage{entries, notes}); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, GalleryFile), buf.Bytes(), 0o644)
}

var galleryTmpl = template.Must(template.New("gallery").Parse(`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Figures du compendium « Faire communauté par le numérique ? »</title>
<style>
body { font-family: "Liberation Sans", Arial, sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
figure { margin: 2rem 0; padding-bottom: 1.5rem; border-bottom: 1px solid #ddd; }
figure img { max-width: 100%; border: 1px solid #eee; }
figcaption { margin-top: .5rem; }
.prov { font-size: .8rem; color: #555; }
.prov code { font-size: .75rem; }
.synthetic { color: #b00; font-weight: bold; }
h2 { margin-top: 3rem; }
</style>
</head>
<body>
<h1>Figures et tableaux</h1>
<p>Reconstruits depuis les exports bruts de <code>data/raw/</code> par <code>scripts/reproduce</code>.
Chaque figure donne ses données (CSV), le carnet qui la produit et sa provenance : empreintes sha256 des fichiers bruts lus et révision du code.</p>
{{- $nb := "" }}
{{- range .Entries }}
{{- if ne .Notebook $nb }}{{ $nb = .Notebook }}
<h2>Carnet <code>{{ .Notebook }}</code></h2>
{{- end }}
<figure id="{{ .ID }}">
<h3>{{ .Title }} <small>(<code>{{ .ID }}</code>)</small></h3>
{{- if .Image }}
<img src="{{ .Image }}" alt="{{ .Title }}">
{{- end }}
<figcaption>{{ .Caption }}{{ if .Synthetic }} <span class="synthetic">Données synthétiques.</span>{{ end }}</figcaption>
<p class="prov">Données : <a href="{{ .CSV }}">{{ .CSV }}</a>{{ if .PNG }} · image : <a href="{{ .PNG }}">PNG</a>{{ end }} ·
étude « {{ .Study }} » · révision <code>{{ .Revision }}</code> · {{ .GOARCH }}<br>
{{- range .Inputs }}
<code>{{ .SHA256 }}</code> {{ .Path }}<br>
{{- end }}
</p>
</figure>
{{- end }}
{{- if .Notes }}
<h2>Figures non tracées</h2>
{{- range .Notes }}
<figure id="{{ .ID }}">
<h3><code>{{ .ID }}</code></h3>
{{- range .Lines }}
<p>{{ . }}</p>
{{- end }}
</figure>
{{- end }}
{{- end }}
</body>
</html>
`))
