package chart

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// LineThumb is a legend thumbnail drawing a line in a style.
type LineThumb struct{ Style draw.LineStyle }

// Thumbnail implements plot.Thumbnailer.
func (t LineThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(t.Style, c.Min.X, y, c.Max.X, y)
}

// GappedLine adds xs, ys to p as a line broken where ys is NaN or
// infinite, with a dot on every defined point (so that an isolated value
// stays visible), and a legend entry when name is not empty. It adds
// nothing when no y is defined.
func GappedLine(p *plot.Plot, xs, ys []float64, style draw.LineStyle, name string) error {
	var run plotter.XYs
	var dots plotter.XYs
	flush := func() error {
		if len(run) > 1 {
			l, err := plotter.NewLine(run)
			if err != nil {
				return err
			}
			l.LineStyle = style
			p.Add(l)
		}
		run = nil
		return nil
	}
	for i, y := range ys {
		if math.IsNaN(y) || math.IsInf(y, 0) {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		run = append(run, plotter.XY{X: xs[i], Y: y})
		dots = append(dots, plotter.XY{X: xs[i], Y: y})
	}
	if err := flush(); err != nil {
		return err
	}
	if len(dots) == 0 {
		return nil
	}
	s, err := plotter.NewScatter(dots)
	if err != nil {
		return err
	}
	s.GlyphStyle = draw.GlyphStyle{Color: style.Color, Radius: vg.Points(2), Shape: draw.CircleGlyph{}}
	p.Add(s)
	if name != "" {
		p.Legend.Add(name, LineThumb{style})
	}
	return nil
}

// StepPoints returns the right-continuous step function of a survival
// curve starting at (start, 1): for each i, a horizontal segment to
// (times[i], previous survival) then a vertical drop to (times[i],
// survival[i]). Times must not decrease and survivals lie in [0, 1].
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

// LorenzFrame returns an empty Lorenz plot: both axes from 0 to 100 % of
// authors and of messages, and the dashed diagonal of perfect equality in
// the legend; the caller adds the curves.
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

// Series is one line of a time series chart.
type Series struct {
	Name   string
	Times  []time.Time
	Values []float64
}

// TimeSeries draws one line per series, in palette colours, on a date
// axis (figure.DateTicks), with room above the data for the legend. Each
// series is sorted by time (stably) first; values must be finite.
func TimeSeries(series []Series) (*plot.Plot, error) {
	if len(series) == 0 {
		return nil, fmt.Errorf("chart: TimeSeries needs at least one series")
	}
	p := figure.NewPlot("", figure.T("Date", "Date"), "")
	p.X.Tick.Marker = figure.DateTicks{}
	for si, s := range series {
		if len(s.Times) != len(s.Values) {
			return nil, fmt.Errorf("chart: series %q has %d times and %d values", s.Name, len(s.Times), len(s.Values))
		}
		if len(s.Values) == 0 {
			return nil, fmt.Errorf("chart: series %q is empty", s.Name)
		}
		if err := checkFinite("series "+s.Name+" values", s.Values); err != nil {
			return nil, err
		}
		idx := make([]int, len(s.Times))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return s.Times[idx[a]].Before(s.Times[idx[b]]) })
		xys := make(plotter.XYs, len(idx))
		for i, j := range idx {
			xys[i] = plotter.XY{X: figure.TimeToFloat(s.Times[j]), Y: s.Values[j]}
		}
		line, err := plotter.NewLine(xys)
		if err != nil {
			return nil, err
		}
		line.LineStyle = draw.LineStyle{Color: figure.Color(si), Width: vg.Points(1.2)}
		p.Add(line)
		p.Legend.Add(s.Name, line)
	}
	// Headroom above the data for the legend (top right).
	if p.Y.Max > p.Y.Min {
		p.Y.Max += (p.Y.Max - p.Y.Min) * 0.07 * float64(len(series))
	}
	return p, nil
}
