package chart

import (
	"fmt"
	"sort"
	"time"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Series is one line of a time series chart.
type Series struct {
	Name   string
	Times  []time.Time
	Values []float64
}

// TimeSeriesOptions tune TimeSeries.
type TimeSeriesOptions struct {
	// Rolling, when positive, adds for each series a thick line of the
	// rolling sum (or mean, see RollingMean) over the trailing window
	// (t-Rolling, t], and draws the raw values as a thin line.
	Rolling time.Duration
	// RollingMean uses the mean instead of the sum over the window.
	RollingMean bool
}

// Rolling returns, for each i, the sum (or the mean when mean is true) of the
// values whose time lies in (times[i]-window, times[i]]. times must be sorted
// ascending.
func Rolling(times []time.Time, values []float64, window time.Duration, mean bool) []float64 {
	out := make([]float64, len(values))
	lo := 0
	var sum float64
	for i := range values {
		sum += values[i]
		for lo <= i && !times[lo].After(times[i].Add(-window)) {
			sum -= values[lo]
			lo++
		}
		// Recompute the sum exactly from the window to avoid drift.
		var s float64
		for _, v := range values[lo : i+1] {
			s += v
		}
		sum = s
		if mean {
			out[i] = s / float64(i+1-lo)
		} else {
			out[i] = s
		}
	}
	return out
}

func windowLabel(d time.Duration, mean bool) string {
	var span string
	if d%(24*time.Hour) == 0 {
		span = figure.Integer(int64(d/(24*time.Hour))) + figure.T(figure.NBSP+"j", " d")
	} else {
		span = d.String()
	}
	if mean {
		return figure.T("moyenne glissante sur ", "rolling mean over ") + span
	}
	return figure.T("somme glissante sur ", "rolling sum over ") + span
}

// TimeSeries draws one line per series on a French date axis
// (figure.DateTicks). Each series is sorted by time (stably) first. The table
// has the columns series, time, value and, with a rolling window, rolling.
func TimeSeries(series []Series, opt TimeSeriesOptions) (*plot.Plot, *figure.Table, error) {
	if len(series) == 0 {
		return nil, nil, fmt.Errorf("chart: TimeSeries needs at least one series")
	}
	header := []string{"series", "time", "value"}
	if opt.Rolling > 0 {
		header = append(header, "rolling")
	}
	tab := figure.NewTable(header...)
	p := figure.NewPlot("", figure.T("Date", "Date"), "")
	p.X.Tick.Marker = figure.DateTicks{}
	for si, s := range series {
		if len(s.Times) != len(s.Values) {
			return nil, nil, fmt.Errorf("chart: series %q has %d times and %d values", s.Name, len(s.Times), len(s.Values))
		}
		if len(s.Values) == 0 {
			return nil, nil, fmt.Errorf("chart: series %q is empty", s.Name)
		}
		if err := checkFinite("series "+s.Name+" values", s.Values); err != nil {
			return nil, nil, err
		}
		idx := make([]int, len(s.Times))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return s.Times[idx[a]].Before(s.Times[idx[b]]) })
		times := make([]time.Time, len(idx))
		vals := make([]float64, len(idx))
		for i, j := range idx {
			times[i], vals[i] = s.Times[j], s.Values[j]
		}
		xys := make(plotter.XYs, len(vals))
		for i := range vals {
			xys[i] = plotter.XY{X: figure.TimeToFloat(times[i]), Y: vals[i]}
		}
		col := figure.Color(si)
		raw, err := plotter.NewLine(xys)
		if err != nil {
			return nil, nil, err
		}
		raw.LineStyle = draw.LineStyle{Color: col, Width: vg.Points(1.2)}
		var roll []float64
		if opt.Rolling > 0 {
			raw.LineStyle.Width = vg.Points(0.5)
			roll = Rolling(times, vals, opt.Rolling, opt.RollingMean)
			rxys := make(plotter.XYs, len(roll))
			for i := range roll {
				rxys[i] = plotter.XY{X: xys[i].X, Y: roll[i]}
			}
			if err := checkFinite("rolling "+s.Name, roll); err != nil {
				return nil, nil, err
			}
			rl, err := plotter.NewLine(rxys)
			if err != nil {
				return nil, nil, err
			}
			rl.LineStyle = draw.LineStyle{Color: col, Width: vg.Points(2)}
			p.Add(raw, rl)
			p.Legend.Add(s.Name, raw)
			p.Legend.Add(s.Name+" ("+windowLabel(opt.Rolling, opt.RollingMean)+")", rl)
		} else {
			p.Add(raw)
			p.Legend.Add(s.Name, raw)
		}
		for i := range vals {
			row := []any{s.Name, times[i], vals[i]}
			if roll != nil {
				row = append(row, roll[i])
			}
			tab.Add(row...)
		}
	}
	// Headroom above the data for the legend (top right).
	if n := len(series) * (1 + min(int(opt.Rolling), 1)); p.Y.Max > p.Y.Min {
		p.Y.Max += (p.Y.Max - p.Y.Min) * 0.07 * float64(n)
	}
	return p, tab, nil
}
