package chart

import (
	"fmt"
	"math"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// KMCurve is an already estimated survival curve: Survival[i] is the share
// (0 to 1) still unanswered just after Times[i] minutes. Times are
// non-decreasing.
type KMCurve struct {
	Name     string
	Times    []float64
	Survival []float64
}

// KMOptions tune KaplanMeier.
type KMOptions struct {
	// LogX draws minutes on a logarithmic axis (times must then be > 0).
	LogX bool
}

// StepPoints returns the right-continuous step function of a survival curve
// starting at (start, 1): for each i, a horizontal segment to
// (Times[i], previous survival) then a vertical drop to (Times[i], Survival[i]).
func StepPoints(times, survival []float64, start float64) (plotter.XYs, error) {
	if len(times) != len(survival) {
		return nil, fmt.Errorf("chart: %d times and %d survival values", len(times), len(survival))
	}
	if err := checkFinite("times", times); err != nil {
		return nil, err
	}
	if err := checkFinite("survival", survival); err != nil {
		return nil, err
	}
	pts := plotter.XYs{{X: start, Y: 1}}
	prevT, prevS := start, 1.0
	for i, t := range times {
		s := survival[i]
		if t < prevT {
			return nil, fmt.Errorf("chart: times[%d] = %v is before %v", i, t, prevT)
		}
		if s < 0 || s > 1 {
			return nil, fmt.Errorf("chart: survival[%d] = %v is not in [0, 1]", i, s)
		}
		pts = append(pts, plotter.XY{X: t, Y: prevS}, plotter.XY{X: t, Y: s})
		prevT, prevS = t, s
	}
	return pts, nil
}

// KaplanMeier draws survival curves as steps: the share of posts still
// unanswered against minutes. The table has the columns curve, minutes,
// survival (the input points, plus the starting point at survival 1).
func KaplanMeier(curves []KMCurve, opt KMOptions) (*plot.Plot, *figure.Table, error) {
	if len(curves) == 0 {
		return nil, nil, fmt.Errorf("chart: KaplanMeier needs at least one curve")
	}
	start := 0.0
	if opt.LogX {
		start = math.Inf(1)
		for _, c := range curves {
			for _, t := range c.Times {
				if !(t > 0) {
					return nil, nil, fmt.Errorf("chart: curve %q has time %v; a log axis needs times > 0", c.Name, t)
				}
				start = math.Min(start, t)
			}
		}
		if math.IsInf(start, 1) {
			start = 1
		}
	}
	p := figure.NewPlot("",
		figure.T("Minutes depuis la publication", "Minutes since posting"),
		figure.T("Part encore sans réponse", "Share still unanswered"))
	p.Y.Min, p.Y.Max = 0, 1
	p.Y.Tick.Marker = figure.PercentTicks{}
	// Survival curves leave the lower left corner empty.
	p.Legend.Top, p.Legend.Left = false, true
	p.Legend.XOffs, p.Legend.YOffs = vg.Points(6), vg.Points(6)
	if opt.LogX {
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = figure.FrenchTicks{Ticker: plot.LogTicks{Prec: -1}}
	}
	tab := figure.NewTable("curve", "minutes", "survival")
	for i, c := range curves {
		pts, err := StepPoints(c.Times, c.Survival, start)
		if err != nil {
			return nil, nil, fmt.Errorf("%w (curve %q)", err, c.Name)
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return nil, nil, err
		}
		l.LineStyle = draw.LineStyle{Color: figure.Color(i), Width: vg.Points(1.6)}
		p.Add(l)
		p.Legend.Add(c.Name, l)
		tab.Add(c.Name, start, 1.0)
		for j := range c.Times {
			tab.Add(c.Name, c.Times[j], c.Survival[j])
		}
	}
	return p, tab, nil
}
