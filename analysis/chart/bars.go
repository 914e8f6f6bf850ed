package chart

import (
	"fmt"
	"image/color"
	"math"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Bar is one drawn bar, in data units: centred on X with width Width, from
// Bottom to Top.
type Bar struct {
	Group, Category int
	X, Width        float64
	Bottom, Top     float64
}

// BarLayout computes the bars of values[g][c], the value of category c
// in group g. Group g is centred on x = g; grouped bars share 80 % of the
// slot side by side, stacked bars pile up in category order (values must
// then be >= 0).
func BarLayout(ngroups, ncats int, values [][]float64, stacked bool) ([]Bar, error) {
	if len(values) != ngroups {
		return nil, fmt.Errorf("chart: %d groups but %d rows of values", ngroups, len(values))
	}
	const slot = 0.8
	var bars []Bar
	for g, row := range values {
		if len(row) != ncats {
			return nil, fmt.Errorf("chart: group %d has %d values for %d categories", g, len(row), ncats)
		}
		if err := checkFinite(fmt.Sprintf("values[%d]", g), row); err != nil {
			return nil, err
		}
		var base float64
		for c, v := range row {
			if stacked {
				if v < 0 {
					return nil, fmt.Errorf("chart: stacked bars need values >= 0, values[%d][%d] = %v", g, c, v)
				}
				bars = append(bars, Bar{Group: g, Category: c, X: float64(g), Width: slot, Bottom: base, Top: base + v})
				base += v
				continue
			}
			w := slot / float64(ncats)
			x := float64(g) - slot/2 + w*(float64(c)+0.5)
			bars = append(bars, Bar{Group: g, Category: c, X: x, Width: w * 0.92, Bottom: 0, Top: v})
		}
	}
	return bars, nil
}

// BarsPlotter draws bars laid out by BarLayout, each in the colour of its
// category (Colors[Category], cycling); horizontal bars swap the axes (X
// is then the value). It adds nothing to the data range: the caller sets
// the axes.
type BarsPlotter struct {
	Bars       []Bar
	Colors     []color.Color
	Horizontal bool
}

// Plot implements plot.Plotter.
func (b BarsPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, r := range b.Bars {
		lo, hi := math.Min(r.Bottom, r.Top), math.Max(r.Bottom, r.Top)
		if lo == hi {
			continue
		}
		a0, a1 := r.X-r.Width/2, r.X+r.Width/2
		var pts []vg.Point
		if b.Horizontal {
			pts = []vg.Point{{X: trX(lo), Y: trY(a0)}, {X: trX(hi), Y: trY(a0)}, {X: trX(hi), Y: trY(a1)}, {X: trX(lo), Y: trY(a1)}}
		} else {
			pts = []vg.Point{{X: trX(a0), Y: trY(lo)}, {X: trX(a1), Y: trY(lo)}, {X: trX(a1), Y: trY(hi)}, {X: trX(a0), Y: trY(hi)}}
		}
		c.FillPolygon(b.Colors[r.Category%len(b.Colors)], c.ClipPolygonXY(pts))
	}
}

// extent returns the smallest rectangle holding the bars, with 0.1 of
// room on both sides of the category axis and 0 always in the value
// range.
func (b BarsPlotter) extent() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	ymin, ymax = 0, 0
	for _, r := range b.Bars {
		xmin = math.Min(xmin, r.X-r.Width/2)
		xmax = math.Max(xmax, r.X+r.Width/2)
		ymin = math.Min(ymin, math.Min(r.Bottom, r.Top))
		ymax = math.Max(ymax, math.Max(r.Bottom, r.Top))
	}
	return xmin - 0.1, xmax + 0.1, ymin, ymax
}

// BarLabels returns text[i] placed just past the end of bars[i] (right of
// it for horizontal bars, above it otherwise), in the theme's tick font.
func BarLabels(bars []Bar, text []string, horizontal bool) (*plotter.Labels, error) {
	xyl := plotter.XYLabels{}
	for i, r := range bars {
		top := math.Max(r.Bottom, r.Top)
		if horizontal {
			xyl.XYs = append(xyl.XYs, plotter.XY{X: top, Y: r.X})
		} else {
			xyl.XYs = append(xyl.XYs, plotter.XY{X: r.X, Y: top})
		}
		xyl.Labels = append(xyl.Labels, text[i])
	}
	l, err := plotter.NewLabels(xyl)
	if err != nil {
		return nil, err
	}
	for i := range l.TextStyle {
		l.TextStyle[i].Font = font.From(figure.Font, figure.TickSize)
		l.TextStyle[i].Color = figure.TextColor
		if horizontal {
			l.TextStyle[i].XAlign = draw.XLeft
			l.TextStyle[i].YAlign = draw.YCenter
		} else {
			l.TextStyle[i].XAlign = draw.XCenter
			l.TextStyle[i].YAlign = draw.YBottom
		}
	}
	if horizontal {
		l.Offset = vg.Point{X: vg.Points(3)}
	} else {
		l.Offset = vg.Point{Y: vg.Points(2)}
	}
	return l, nil
}

// HBars adds horizontal bars to p: bars (laid out by BarLayout, values
// along X) in colors (BarsPlotter), text[i] written past the end of
// bars[i] (BarLabels), the rows named by rows from the bottom up
// (plot.NominalY) and the category axis from -0.6 to top without
// padding. It returns the labels, whose style the caller may still
// change.
func HBars(p *plot.Plot, bars []Bar, colors []color.Color, text, rows []string, top float64) (*plotter.Labels, error) {
	p.Add(BarsPlotter{Bars: bars, Colors: colors, Horizontal: true})
	lab, err := BarLabels(bars, text, true)
	if err != nil {
		return nil, err
	}
	p.Add(lab)
	p.NominalY(rows...)
	p.Y.Padding = 0
	p.Y.Min, p.Y.Max = -0.6, top
	return lab, nil
}

// Swatch is a legend thumbnail filled with a colour.
type Swatch struct{ Color color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s Swatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.Color, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
}

// Bars draws values[g][c] as bars: one group of bars per entry of groups
// along the horizontal axis, one palette colour per category (in the
// legend), side by side or stacked, with a horizontal grid only and room
// above the bars for the legend.
func Bars(groups, categories []string, values [][]float64, stacked bool) (*plot.Plot, error) {
	if len(groups) == 0 || len(categories) == 0 {
		return nil, fmt.Errorf("chart: Bars needs groups and categories")
	}
	bars, err := BarLayout(len(groups), len(categories), values, stacked)
	if err != nil {
		return nil, err
	}
	p := plot.New()
	figure.Apply(p)
	grid := figure.AddGrid(p)
	grid.Vertical.Color = nil // no lines through the groups
	bp := BarsPlotter{Bars: bars, Colors: figure.Palette()}
	p.Add(bp)
	xmin, xmax, ymin, ymax := bp.extent()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xmin, xmax, ymin, ymax
	p.NominalX(groups...)
	p.X.Padding = 0
	p.X.Tick.Label.Font = p.Y.Tick.Label.Font
	p.Y.Tick.Marker = figure.FrenchTicks{}
	for c, name := range categories {
		p.Legend.Add(name, Swatch{figure.Color(c)})
	}
	if ymax > ymin {
		p.Y.Max = ymax + (ymax-ymin)*0.08*float64(len(categories)) // room for the legend
	}
	return p, nil
}

// ShareBars draws values[g][s], shares, as vertical grouped bars: one
// group per entry of groups (axis labels), one bar per series coloured
// by colors, with a legend and, when labels is not nil, labels[g][s]
// above the bars in the given font size. The vertical axis runs from 0
// with room for the labels and the legend, in percent up to 100 %.
func ShareBars(title string, groups, series []string, colors []color.Color, values [][]float64, labels [][]string, labelSize vg.Length) (*plot.Plot, error) {
	bars, err := BarLayout(len(groups), len(series), values, false)
	if err != nil {
		return nil, err
	}
	p := figure.NewPlot(title, "", "")
	p.Title.TextStyle.Font.Size = figure.LabelSize
	p.Add(BarsPlotter{Bars: bars, Colors: colors})
	hi := 0.0
	for _, b := range bars {
		hi = math.Max(hi, b.Top)
	}
	if labels != nil {
		text := make([]string, len(bars))
		for i, b := range bars {
			text[i] = labels[b.Group][b.Category]
		}
		lab, err := BarLabels(bars, text, false)
		if err != nil {
			return nil, err
		}
		for i := range lab.TextStyle {
			lab.TextStyle[i].Font.Size = labelSize
		}
		p.Add(lab)
	}
	p.NominalX(groups...)
	p.X.Padding = 0
	p.X.Min, p.X.Max = -0.5, float64(len(groups))-0.5
	p.Y.Min = 0
	if hi <= 0 {
		hi = 0.1
	}
	// Headroom for the labels and the legend (top right).
	p.Y.Max = math.Min(hi*(1.12+0.075*float64(len(series))), 1.3)
	p.Y.Tick.Marker = figure.ShareTicks{}
	for s, name := range series {
		p.Legend.Add(name, Swatch{colors[s%len(colors)]})
	}
	return p, nil
}

// HBarPlot returns a themed plot for horizontal bars: a vertical grid
// only, so that no line crosses the bars' labels, and the title in the
// label size.
func HBarPlot(title, xLabel string) *plot.Plot {
	p := plot.New()
	figure.Apply(p)
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = figure.LabelSize
	p.X.Label.Text = xLabel
	g := figure.AddGrid(p)
	g.Horizontal.Color = nil
	return p
}
