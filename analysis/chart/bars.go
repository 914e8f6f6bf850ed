package chart

import (
	"fmt"
	"image/color"
	"math"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
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

// BarLayout computes the bars of Bars: values[g][c] is the value of category
// c in group g. Group g is centred on x = g; grouped bars share 80 % of the
// slot side by side, stacked bars pile up in category order (values must then
// be >= 0).
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

type barsPlotter struct {
	bars []Bar
}

func (b barsPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, r := range b.bars {
		lo, hi := math.Min(r.Bottom, r.Top), math.Max(r.Bottom, r.Top)
		if lo == hi {
			continue
		}
		pts := []vg.Point{
			{X: trX(r.X - r.Width/2), Y: trY(lo)},
			{X: trX(r.X + r.Width/2), Y: trY(lo)},
			{X: trX(r.X + r.Width/2), Y: trY(hi)},
			{X: trX(r.X - r.Width/2), Y: trY(hi)},
		}
		c.FillPolygon(figure.Color(r.Category), c.ClipPolygonXY(pts))
	}
}

func (b barsPlotter) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	ymin, ymax = 0, 0
	for _, r := range b.bars {
		xmin = math.Min(xmin, r.X-r.Width/2)
		xmax = math.Max(xmax, r.X+r.Width/2)
		ymin = math.Min(ymin, math.Min(r.Bottom, r.Top))
		ymax = math.Max(ymax, math.Max(r.Bottom, r.Top))
	}
	return xmin - 0.1, xmax + 0.1, ymin, ymax
}

type swatch struct{ c color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.c, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
}

// Bars draws values[g][c] as bars: one group of bars per entry of groups
// along the horizontal axis, one colour per category (in the legend), side by
// side or stacked. The table has the columns group, category, value.
func Bars(groups, categories []string, values [][]float64, stacked bool) (*plot.Plot, *figure.Table, error) {
	if len(groups) == 0 || len(categories) == 0 {
		return nil, nil, fmt.Errorf("chart: Bars needs groups and categories")
	}
	bars, err := BarLayout(len(groups), len(categories), values, stacked)
	if err != nil {
		return nil, nil, err
	}
	p := plot.New()
	figure.Apply(p)
	grid := figure.AddGrid(p)
	grid.Vertical.Color = nil // no lines through the groups
	p.Add(barsPlotter{bars: bars})
	p.NominalX(groups...)
	p.X.Padding = 0
	p.X.Tick.Label.Font = p.Y.Tick.Label.Font
	p.Y.Tick.Marker = figure.FrenchTicks{}
	for c, name := range categories {
		p.Legend.Add(name, swatch{figure.Color(c)})
	}
	_, _, ymin, ymax := barsPlotter{bars: bars}.DataRange()
	if ymax > ymin {
		p.Y.Max = ymax + (ymax-ymin)*0.08*float64(len(categories)) // room for the legend
	}
	tab := figure.NewTable("group", "category", "value")
	for g, row := range values {
		for c, v := range row {
			tab.Add(groups[g], categories[c], v)
		}
	}
	return p, tab, nil
}
