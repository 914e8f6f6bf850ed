package figure

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

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

// Renderable is anything that draws itself on a canvas; *plot.Plot is one,
// and so are Tiles, TableDrawing and the drawings of package chart (heat
// maps with their colour bar, plots with their legend underneath).
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

// footerSize is the font size of the synthetic-data footer.
const footerSize vg.Length = 7

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
	js, err := f.Sidecar().Marshal()
	if err != nil {
		return err
	}
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

// SVG returns the figure's SVG: the bytes Save last wrote, else a new
// rendering (Render).
func (f *Figure) SVG() ([]byte, error) {
	if f.svg != nil {
		return f.svg, nil
	}
	svg, _, err := f.Render()
	return svg, err
}
