package chart

import (
	"fmt"
	"image/color"
	"math"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Matrix is a validated rectangular grid of finite values, rows x cols, that
// implements plotter.GridXYZ with row 0 drawn at the top.
type Matrix struct {
	z        [][]float64
	min, max float64
}

// NewMatrix copies grid (rows of equal length, finite values).
func NewMatrix(grid [][]float64) (Matrix, error) {
	if len(grid) == 0 || len(grid[0]) == 0 {
		return Matrix{}, fmt.Errorf("chart: empty grid")
	}
	m := Matrix{min: math.Inf(1), max: math.Inf(-1)}
	for i, r := range grid {
		if len(r) != len(grid[0]) {
			return Matrix{}, fmt.Errorf("chart: grid row %d has %d values, row 0 has %d", i, len(r), len(grid[0]))
		}
		if err := checkFinite(fmt.Sprintf("grid[%d]", i), r); err != nil {
			return Matrix{}, err
		}
		m.z = append(m.z, append([]float64(nil), r...))
		for _, v := range r {
			m.min = math.Min(m.min, v)
			m.max = math.Max(m.max, v)
		}
	}
	return m, nil
}

// Rows and Cols are the grid's dimensions.
func (m Matrix) Rows() int { return len(m.z) }

// Cols is the number of columns.
func (m Matrix) Cols() int {
	if len(m.z) == 0 {
		return 0
	}
	return len(m.z[0])
}

// At returns the value at row i, column j of the original grid.
func (m Matrix) At(i, j int) float64 { return m.z[i][j] }

// Min and Max are the extreme values of the grid.
func (m Matrix) Min() float64 { return m.min }

// Max is the largest value of the grid.
func (m Matrix) Max() float64 { return m.max }

// Dims implements plotter.GridXYZ.
func (m Matrix) Dims() (c, r int) { return m.Cols(), m.Rows() }

// Z implements plotter.GridXYZ: grid row Rows()-1-r, so that row 0 is on top.
func (m Matrix) Z(c, r int) float64 { return m.z[len(m.z)-1-r][c] }

// X implements plotter.GridXYZ.
func (m Matrix) X(c int) float64 { return float64(c) }

// Y implements plotter.GridXYZ.
func (m Matrix) Y(r int) float64 { return float64(r) }

// SequentialColorMap returns the heat map colour scale: light yellow for low
// values to dark blue for high ones (ColorBrewer YlGnBu control colours,
// interpolated with linear luminance).
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

// HeatmapChart is a heat map plot and its vertical colour bar, drawn side by
// side. It implements figure.Renderable (use it as Figure.Drawing); Plot alone
// can also be used, for instance in a grid of small multiples.
type HeatmapChart struct {
	Plot     *plot.Plot
	ColorBar *plot.Plot
	Matrix   Matrix
	// BarWidth is the width given to the colour bar (default 2 cm).
	BarWidth vg.Length
}

// HeatmapColors is the number of colours of the heat map palette.
var HeatmapColors = 64

// Heatmap draws grid (rows x cols, e.g. weekday x hour) as coloured cells,
// row 0 at the top, with rowLabels on the vertical axis and colLabels on the
// horizontal one, and a colour bar. The table is in long form: row, col,
// value.
func Heatmap(grid [][]float64, rowLabels, colLabels []string) (*HeatmapChart, *figure.Table, error) {
	m, err := NewMatrix(grid)
	if err != nil {
		return nil, nil, err
	}
	if len(rowLabels) != m.Rows() || len(colLabels) != m.Cols() {
		return nil, nil, fmt.Errorf("chart: heat map of %d x %d needs %d row labels and %d column labels, got %d and %d",
			m.Rows(), m.Cols(), m.Rows(), m.Cols(), len(rowLabels), len(colLabels))
	}
	lo, hi := m.Min(), m.Max()
	if hi == lo {
		hi = lo + 1
	}
	cm := SequentialColorMap()
	cm.SetMin(lo)
	cm.SetMax(hi)

	p := figure.NewPlot("", "", "")
	p.Y.Padding, p.X.Padding = 0, 0
	hm := plotter.NewHeatMap(m, cm.Palette(HeatmapColors))
	hm.Min, hm.Max = lo, hi
	p.Add(hm)
	xt := make(plot.ConstantTicks, m.Cols())
	for j, l := range colLabels {
		xt[j] = plot.Tick{Value: float64(j), Label: l}
	}
	yt := make(plot.ConstantTicks, m.Rows())
	for i, l := range rowLabels {
		yt[i] = plot.Tick{Value: float64(m.Rows() - 1 - i), Label: l}
	}
	p.X.Tick.Marker = xt
	p.Y.Tick.Marker = yt
	p.X.Tick.Length, p.Y.Tick.Length = 0, 0

	bar := figure.NewPlot("", "", "")
	bar.HideX()
	bar.Y.Padding = 0
	bar.Add(&plotter.ColorBar{ColorMap: cm, Vertical: true, Colors: HeatmapColors})

	tab := figure.NewTable("row", "col", "value")
	for i := range m.Rows() {
		for j := range m.Cols() {
			tab.Add(rowLabels[i], colLabels[j], m.At(i, j))
		}
	}
	return &HeatmapChart{Plot: p, ColorBar: bar, Matrix: m}, tab, nil
}

// Draw implements figure.Renderable: the heat map on the left and the colour
// bar on the right, spanning the height of the heat map's data area.
func (h *HeatmapChart) Draw(c draw.Canvas) {
	bw := h.BarWidth
	if bw <= 0 {
		bw = 2 * vg.Centimeter
	}
	main := draw.Crop(c, 0, -bw, 0, 0)
	h.Plot.Draw(main)
	if h.ColorBar == nil {
		return
	}
	data := h.Plot.DataCanvas(main)
	side := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: c.Max.X - bw + bw/4, Y: data.Min.Y},
		Max: vg.Point{X: c.Max.X - bw/4, Y: data.Max.Y},
	}}
	h.ColorBar.Draw(side)
}
