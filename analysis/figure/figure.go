package figure

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/faire-communaute/compendium/analysis/repo"

	"github.com/go-gota/gota/dataframe"
	"github.com/janpfeifer/gonb/gonbui"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Default size of a figure.
const (
	DefaultWidth  = 16 * vg.Centimeter
	DefaultHeight = 10 * vg.Centimeter
	// PNGDPI is the resolution of the PNG files.
	PNGDPI = 150
)

// Input is one input file of a figure and its SHA-256 checksum (hex).
type Input struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Provenance says where the figure's data come from. Inputs are written
// sorted by Path. Revision, when empty, is filled by Save with Revision().
type Provenance struct {
	Study     string
	Synthetic bool
	Inputs    []Input
	Revision  string
}

// Renderable is anything that draws itself on a canvas; *plot.Plot is one,
// and so are the drawings of package chart (grids of plots, heat maps with
// their colour bar) and TableDrawing.
type Renderable interface {
	Draw(c draw.Canvas)
}

// Figure is one figure of the compendium. What is drawn is, in order of
// precedence: Tiles (a grid of plots), Plot, Drawing, and otherwise the Data
// table itself (a "table figure").
type Figure struct {
	ID      string // file stem, e.g. "f02-members"
	Title   string
	Caption string // shown under the figure; see FullCaption
	Plot    *plot.Plot
	Data    *Table // required
	// Width and Height default to 16 cm x 10 cm. For a table figure (or a
	// Drawing with a Height(width) method, like TableDrawing) a zero Height
	// means the height the content needs.
	Width, Height vg.Length
	Prov          Provenance

	// Tiles, when set, is drawn instead of Plot: rows of plots aligned with
	// plot.Align (nil entries leave a blank tile; short rows are padded).
	Tiles [][]*plot.Plot
	// Drawing, when set and Tiles and Plot are not, is drawn as the image.
	Drawing Renderable

	svg []byte // last SVG written by Save, for Show
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

// FullCaption is the caption followed by the study line (separated by
// ". " unless the caption already ends with punctuation).
func (f *Figure) FullCaption() string {
	c := strings.TrimSpace(f.Caption)
	s := f.Prov.StudyLine()
	switch {
	case s == "":
		return c
	case c == "":
		return s + "."
	case strings.HasSuffix(c, ".") || strings.HasSuffix(c, "!") || strings.HasSuffix(c, "?"):
		return c + " " + s + "."
	default:
		return c + ". " + s + "."
	}
}

func (f *Figure) size() (w, h vg.Length) {
	w, h = f.Width, f.Height
	if w <= 0 {
		w = DefaultWidth
	}
	if h <= 0 {
		if hd, ok := f.Drawing.(interface{ Height(vg.Length) vg.Length }); ok && f.Tiles == nil && f.Plot == nil {
			h = hd.Height(w) + f.footerHeight()
		} else if f.Tiles == nil && f.Plot == nil && f.Drawing == nil && f.Data != nil {
			h = TableDrawing{Table: f.Data, Title: f.Title}.Height(w) + f.footerHeight()
		} else {
			h = DefaultHeight
		}
	}
	return w, h
}

func (f *Figure) footer() string {
	if !f.Prov.Synthetic {
		return ""
	}
	return f.Prov.StudyLine()
}

func (f *Figure) footerHeight() vg.Length {
	if f.footer() == "" {
		return 0
	}
	return footerSize * 2
}

var footerSize = vg.Points(7)

// Draw draws the figure's image on c: the content, and for synthetic data a
// small grey footer "Données synthétiques (étude « … »)" so that an image
// taken out of its folder still says so.
func (f *Figure) Draw(c draw.Canvas) {
	if fh := f.footerHeight(); fh > 0 {
		sty := draw.TextStyle{Color: MutedColor, Font: fontOf(footerSize, false), XAlign: draw.XRight, YAlign: draw.YCenter, Handler: plot.DefaultTextHandler}
		c.FillText(sty, vg.Point{X: c.Max.X - footerSize, Y: c.Min.Y + fh/2}, f.footer())
		c = draw.Crop(c, 0, 0, fh, 0)
	}
	switch {
	case f.Tiles != nil:
		Tiles(f.Tiles).Draw(c)
	case f.Plot != nil:
		f.Plot.Draw(c)
	case f.Drawing != nil:
		f.Drawing.Draw(c)
	default:
		TableDrawing{Table: f.Data, Title: f.Title}.Draw(c)
	}
}

// Tiles is a grid of plots drawn aligned (plot.Align) with a small padding.
// It implements Renderable.
type Tiles [][]*plot.Plot

// Draw implements Renderable.
func (t Tiles) Draw(c draw.Canvas) {
	rows := len(t)
	cols := 0
	for _, r := range t {
		cols = max(cols, len(r))
	}
	if rows == 0 || cols == 0 {
		return
	}
	grid := make([][]*plot.Plot, rows)
	for i, r := range t {
		grid[i] = make([]*plot.Plot, cols)
		copy(grid[i], r)
	}
	pad := vg.Points(4)
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: 2 * pad, PadY: 2 * pad,
		PadTop: pad, PadBottom: pad, PadLeft: pad, PadRight: pad}
	c.SetColor(plotBackground)
	c.Fill(c.Rectangle.Path())
	canvases := plot.Align(grid, tiles, c)
	for i := range grid {
		for j, p := range grid[i] {
			if p != nil {
				p.Draw(canvases[i][j])
			}
		}
	}
}

func (f *Figure) check() error {
	if f.ID == "" {
		return errors.New("figure: empty ID")
	}
	if f.ID != filepath.Base(f.ID) || strings.ContainsAny(f.ID, `/\`) || f.ID == "." || f.ID == ".." {
		return fmt.Errorf("figure: ID %q must be a plain file stem", f.ID)
	}
	if f.Data == nil {
		return fmt.Errorf("figure %s: Data is required", f.ID)
	}
	if err := f.Data.Validate(); err != nil {
		return fmt.Errorf("figure %s: %w", f.ID, err)
	}
	return nil
}

// Render returns the figure's SVG and PNG bytes without writing anything.
// Drawing errors raised as panics by gonum/plot are returned as errors.
func (f *Figure) Render() (svg, png []byte, err error) {
	if err := f.check(); err != nil {
		return nil, nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("figure %s: drawing failed: %v", f.ID, r)
		}
	}()
	w, h := f.size()

	sc := vgsvg.New(w, h)
	f.Draw(draw.New(sc))
	var sb bytes.Buffer
	if _, err := sc.WriteTo(&sb); err != nil {
		return nil, nil, err
	}

	ic := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(PNGDPI))
	f.Draw(draw.New(ic))
	var pb bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: ic}).WriteTo(&pb); err != nil {
		return nil, nil, err
	}
	return sb.Bytes(), pb.Bytes(), nil
}

// Sidecar is the content of ID.json.
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

// Sidecar returns the provenance record written as ID.json: the full caption,
// the notebook from $COMPENDIUM_NOTEBOOK, inputs sorted by path (never null),
// the revision (Prov.Revision, else Revision()) and runtime.GOARCH.
func (f *Figure) Sidecar() Sidecar {
	inputs := append([]Input{}, f.Prov.Inputs...)
	sort.SliceStable(inputs, func(i, j int) bool { return inputs[i].Path < inputs[j].Path })
	rev := f.Prov.Revision
	if rev == "" {
		rev = Revision()
	}
	return Sidecar{
		ID:        f.ID,
		Title:     f.Title,
		Caption:   f.FullCaption(),
		Notebook:  os.Getenv("COMPENDIUM_NOTEBOOK"),
		Study:     f.Prov.Study,
		Synthetic: f.Prov.Synthetic,
		Inputs:    inputs,
		Revision:  rev,
		GOARCH:    runtime.GOARCH,
	}
}

// Save writes dir/ID.csv, ID.svg, ID.png (150 dpi) and ID.json, creating dir
// if needed. Each file is written to a temporary file and renamed, so a failed
// run never leaves a half-written figure.
func (f *Figure) Save(dir string) error {
	if err := f.check(); err != nil {
		return err
	}
	var csvb bytes.Buffer
	if err := f.Data.WriteCSV(&csvb); err != nil {
		return fmt.Errorf("figure %s: %w", f.ID, err)
	}
	svg, png, err := f.Render()
	if err != nil {
		return err
	}
	js, err := json.MarshalIndent(f.Sidecar(), "", "  ")
	if err != nil {
		return err
	}
	js = append(js, '\n')
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, out := range []struct {
		ext  string
		data []byte
	}{{".csv", csvb.Bytes()}, {".svg", svg}, {".png", png}, {".json", js}} {
		if err := writeFileAtomic(filepath.Join(dir, f.ID+out.ext), out.data); err != nil {
			return fmt.Errorf("figure %s: %w", f.ID, err)
		}
	}
	f.svg = svg
	return nil
}

func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(name)
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Chmod(name, 0o644); err != nil {
		os.Remove(name)
		return err
	}
	return os.Rename(name, path)
}

// Show displays the figure inline in GoNB: the SVG image, the caption (with
// the study line) and, for a table figure, an HTML table. It does nothing
// outside a notebook.
func (f *Figure) Show() {
	if !gonbui.IsNotebook {
		return
	}
	svg := f.svg
	if svg == nil {
		var err error
		svg, _, err = f.Render()
		if err != nil {
			gonbui.DisplayHTML("<pre>" + html.EscapeString(err.Error()) + "</pre>")
			return
		}
	}
	gonbui.DisplaySvg(stripXMLDecl(string(svg)))
	if c := f.FullCaption(); c != "" {
		gonbui.DisplayHTML("<p style=\"font-style:italic\">" + html.EscapeString(c) + "</p>")
	}
	if f.Tiles == nil && f.Plot == nil && f.Drawing == nil && f.Data != nil {
		gonbui.DisplayHTML(HTMLTable(f.Data))
	}
}

func stripXMLDecl(s string) string {
	if strings.HasPrefix(s, "<?xml") {
		if i := strings.Index(s, "?>"); i >= 0 {
			return strings.TrimLeft(s[i+2:], "\n")
		}
	}
	return s
}

// Publish saves the figure in Dir() and shows it; the one call notebooks use.
func (f *Figure) Publish() error {
	if err := f.Save(Dir()); err != nil {
		return err
	}
	f.Show()
	return nil
}

// Dir is where figures go: $COMPENDIUM_FIGURES if set, else
// <repo root>/figures (see repo.Root), else "figures" in the working directory.
func Dir() string {
	if d := os.Getenv("COMPENDIUM_FIGURES"); d != "" {
		return d
	}
	if root := repo.Root(); root != "" {
		return filepath.Join(root, "figures")
	}
	return "figures"
}

// Revision returns $COMPENDIUM_REVISION if set, else the commit of HEAD in the
// repository root, with "-dirty" appended when `git status --porcelain`
// lists changes outside the figures/ and build/ folders, else "unknown".
func Revision() string {
	if r := os.Getenv("COMPENDIUM_REVISION"); r != "" {
		return r
	}
	root := repo.Root()
	if root == "" {
		return "unknown"
	}
	out, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	rev := strings.TrimSpace(string(out))
	if rev == "" {
		return "unknown"
	}
	st, err := exec.Command("git", "-C", root, "status", "--porcelain", "--",
		".", ":(exclude)figures", ":(exclude)build").Output()
	if err != nil || len(bytes.TrimSpace(st)) > 0 {
		rev += "-dirty"
	}
	return rev
}

// InputFile returns the Input of a file: its path (relative to the
// repository root and slash-separated when it lies inside it) and the
// SHA-256 of its content.
func InputFile(path string) (Input, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Input{}, err
	}
	sum := sha256.Sum256(data)
	p := path
	if root := repo.Root(); root != "" {
		if abs, err := filepath.Abs(path); err == nil {
			if rel, err := filepath.Rel(root, abs); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	return Input{Path: filepath.ToSlash(p), SHA256: hex.EncodeToString(sum[:])}, nil
}

// FrameTable converts a gota DataFrame to a Table, cells as gota prints
// them. It returns df.Err when the frame carries an error.
func FrameTable(df dataframe.DataFrame) (*Table, error) {
	if df.Err != nil {
		return nil, df.Err
	}
	recs := df.Records()
	if len(recs) == 0 {
		return NewTable(), nil
	}
	t := NewTable(recs[0]...)
	for _, r := range recs[1:] {
		t.Rows = append(t.Rows, append([]string(nil), r...))
	}
	return t, nil
}

// MaxFrameRows is the number of rows ShowFrame displays.
var MaxFrameRows = 50

// ShowFrame displays a gota DataFrame as an HTML table in a notebook: its
// first MaxFrameRows rows and its dimensions, or its error (df.Err). It does
// nothing outside a notebook.
func ShowFrame(df dataframe.DataFrame) {
	if !gonbui.IsNotebook {
		return
	}
	gonbui.DisplayHTML(FrameHTML(df))
}

// FrameHTML is the HTML ShowFrame displays.
func FrameHTML(df dataframe.DataFrame) string {
	t, err := FrameTable(df)
	if err != nil {
		return "<pre>" + html.EscapeString(err.Error()) + "</pre>\n"
	}
	if n := len(t.Rows); n > MaxFrameRows && MaxFrameRows >= 0 {
		t.Rows = t.Rows[:MaxFrameRows]
	}
	dims := fmt.Sprintf(T("%s lignes × %s colonnes", "%s rows × %s columns"), Integer(int64(df.Nrow())), Integer(int64(df.Ncol())))
	return HTMLTable(t) + "<p>" + html.EscapeString(dims) + "</p>\n"
}
