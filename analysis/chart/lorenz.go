package chart

import (
	"fmt"
	"sort"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// LorenzCurve is the raw per-author counts of one community.
type LorenzCurve struct {
	Name   string
	Values []float64
}

// LorenzPoints returns the Lorenz curve of values (non-negative, finite, not
// all zero): (0,0) then, with the values sorted ascending, the point
// (k/n, sum of the k smallest / total) for k = 1..n.
func LorenzPoints(values []float64) (plotter.XYs, error) {
	if len(values) == 0 {
		return nil, fmt.Errorf("chart: Lorenz curve of no values")
	}
	if err := checkFinite("values", values); err != nil {
		return nil, err
	}
	v := append([]float64(nil), values...)
	sort.Float64s(v)
	if v[0] < 0 {
		return nil, fmt.Errorf("chart: Lorenz curve of a negative value (%v)", v[0])
	}
	var total float64
	for _, x := range v {
		total += x
	}
	if total == 0 {
		return nil, fmt.Errorf("chart: Lorenz curve of values that are all zero")
	}
	pts := make(plotter.XYs, len(v)+1)
	var cum float64
	n := float64(len(v))
	for k, x := range v {
		cum += x
		pts[k+1] = plotter.XY{X: float64(k+1) / n, Y: cum / total}
	}
	pts[len(v)] = plotter.XY{X: 1, Y: 1}
	return pts, nil
}

// Gini returns the Gini coefficient of values computed from their Lorenz curve
// (1 - twice the area under it, trapezoids; no small-sample correction):
// 0 for equal values, (n-1)/n when one author has everything.
func Gini(values []float64) (float64, error) {
	pts, err := LorenzPoints(values)
	if err != nil {
		return 0, err
	}
	return giniOf(pts), nil
}

func giniOf(pts plotter.XYs) float64 {
	var area float64
	for k := 1; k < len(pts); k++ {
		area += (pts[k].X - pts[k-1].X) * (pts[k].Y + pts[k-1].Y)
	}
	return 1 - area
}

// LorenzFrame returns an empty Lorenz plot: both axes from 0 to 100 % of
// authors and of messages, and the dashed diagonal of perfect equality in
// the legend. Lorenz draws on it; callers with curves of their own too.
func LorenzFrame() (*plot.Plot, error) {
	p := figure.NewPlot("",
		figure.T("Part cumulée des auteurs (du moins au plus actif)", "Cumulative share of authors (least to most active)"),
		figure.T("Part cumulée des messages", "Cumulative share of messages"))
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.X.Tick.Marker = figure.PercentTicks{}
	p.Y.Tick.Marker = figure.PercentTicks{}
	p.Legend.Left = true
	p.Legend.XOffs = vg.Points(6)
	diag, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	if err != nil {
		return nil, err
	}
	diag.LineStyle = draw.LineStyle{Color: figure.MutedColor, Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(3), vg.Points(3)}}
	p.Add(diag)
	p.Legend.Add(figure.T("Égalité parfaite", "Perfect equality"), diag)
	return p, nil
}

// Lorenz draws one Lorenz curve per community with the equality diagonal;
// legend names carry the Gini coefficient ("Aides à domicile (Gini 0,61)").
// The table has the columns curve, gini, population_share, cumulative_share.
func Lorenz(curves []LorenzCurve) (*plot.Plot, *figure.Table, error) {
	if len(curves) == 0 {
		return nil, nil, fmt.Errorf("chart: Lorenz needs at least one curve")
	}
	p, err := LorenzFrame()
	if err != nil {
		return nil, nil, err
	}
	tab := figure.NewTable("curve", "gini", "population_share", "cumulative_share")
	for i, c := range curves {
		pts, err := LorenzPoints(c.Values)
		if err != nil {
			return nil, nil, fmt.Errorf("%w (curve %q)", err, c.Name)
		}
		g := giniOf(pts)
		l, err := plotter.NewLine(pts)
		if err != nil {
			return nil, nil, err
		}
		l.LineStyle = draw.LineStyle{Color: figure.Color(i), Width: vg.Points(1.8)}
		p.Add(l)
		p.Legend.Add(fmt.Sprintf("%s (Gini %s)", c.Name, figure.Number(g, 2)), l)
		for _, pt := range pts {
			tab.Add(c.Name, g, pt.X, pt.Y)
		}
	}
	return p, tab, nil
}
