package chart

import (
	"fmt"
	"image/color"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Matrix is a validated rectangular grid of finite values, rows x cols,
// that implements plotter.GridXYZ with row 0 drawn at the top.
type Matrix struct {
	z [][]float64
}

// NewMatrix copies grid (rows of equal length, finite values).
func NewMatrix(grid [][]float64) (Matrix, error) {
	if len(grid) == 0 || len(grid[0]) == 0 {
		return Matrix{}, fmt.Errorf("chart: empty grid")
	}
	var m Matrix
	for i, r := range grid {
		if len(r) != len(grid[0]) {
			return Matrix{}, fmt.Errorf("chart: grid row %d has %d values, row 0 has %d", i, len(r), len(grid[0]))
		}
		if err := checkFinite(fmt.Sprintf("grid[%d]", i), r); err != nil {
			return Matrix{}, err
		}
		m.z = append(m.z, append([]float64(nil), r...))
	}
	return m, nil
}

// Dims implements plotter.GridXYZ: columns and rows.
func (m Matrix) Dims() (c, r int) { return len(m.z[0]), len(m.z) }

// Z implements plotter.GridXYZ: grid row Rows()-1-r, so that row 0 is on
// top.
func (m Matrix) Z(c, r int) float64 { return m.z[len(m.z)-1-r][c] }

// X implements plotter.GridXYZ.
func (m Matrix) X(c int) float64 { return float64(c) }

// Y implements plotter.GridXYZ.
func (m Matrix) Y(r int) float64 { return float64(r) }

// HeatmapColors is the number of colours of the heat map palette.
const HeatmapColors = 64

// SequentialColorMap returns the heat map colour scale: light yellow for
// low values to dark blue for high ones (ColorBrewer YlGnBu control
// colours, interpolated with linear luminance).
func SequentialColorMap() palette.ColorMap {
	controls := []color.Color{ // increasing luminance
		color.NRGBA{R: 0x08, G: 0x1d, B: 0x58, A: 0xff},
		color.NRGBA{R: 0x25, G: 0x34, B: 0x94, A: 0xff},
		color.NRGBA{R: 0x1d, G: 0x91, B: 0xc0, A: 0xff},
		color.NRGBA{R: 0x7f, G: 0xcd, B: 0xbb, A: 0xff},
		color.NRGBA{R: 0xed, G: 0xf8, B: 0xb1, A: 0xff},
		color.NRGBA{R: 0xff, G: 0xff, B: 0xd9, A: 0xff},
	}
	cm, err := moreland.NewLuminance(controls)
	if err != nil {
		cm = moreland.ExtendedBlackBody()
	}
	return palette.Reverse(cm)
}

// Heatmaps draws heat map plots side by side, aligned, with one colour
// bar (a plot holding a plotter.ColorBar) on the right spanning their
// data area: maps that share one colour scale show it once. It
// implements figure.Renderable.
type Heatmaps struct {
	Plots []*plot.Plot
	Bar   *plot.Plot
}

// Draw implements figure.Renderable.
func (h Heatmaps) Draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	bw := 3 * vg.Centimeter
	main := draw.Crop(c, 0, -bw, 0, 0)
	pad := vg.Points(4)
	tiles := draw.Tiles{Rows: 1, Cols: len(h.Plots), PadX: 6 * pad, PadTop: pad, PadBottom: pad, PadLeft: pad, PadRight: pad}
	cs := plot.Align([][]*plot.Plot{h.Plots}, tiles, main)
	for j, p := range h.Plots {
		p.Draw(cs[0][j])
	}
	data := h.Plots[0].DataCanvas(cs[0][0])
	// The bar's plot keeps half a tick label of room at both ends of its
	// axis; give it that room so that its data area matches the maps'.
	half := h.Bar.Y.Tick.Label.Font.Size / 2
	h.Bar.Draw(draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: c.Max.X - bw + vg.Points(6), Y: data.Min.Y - half},
		Max: vg.Point{X: c.Max.X - vg.Points(6), Y: data.Max.Y + half},
	}})
}

// Frame is a plotter drawing a dashed rectangle in data coordinates, from
// (X0, Y0) to (X1, Y1), in the theme's text colour.
type Frame struct{ X0, X1, Y0, Y1 float64 }

// Plot implements plot.Plotter.
func (f Frame) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := draw.LineStyle{Color: figure.TextColor, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
	x0, x1, y0, y1 := trX(f.X0), trX(f.X1), trY(f.Y0), trY(f.Y1)
	c.StrokeLines(sty, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}})
}
