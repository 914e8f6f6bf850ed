package chart

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Translucent returns c with opacity alpha (0 transparent, 255 opaque),
// for a band drawn under its line.
func Translucent(c color.Color, alpha uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: alpha}
}

// BandAlpha is the opacity of a confidence band under its line: light
// enough that two overlapping bands and the grid stay readable.
const BandAlpha = 56

// Band is a confidence band: the area between Lo[i] and Hi[i] over X[i],
// filled with Color. Where Lo or Hi is NaN (an interval that cannot be
// estimated) the band has a gap: each run of defined points is one
// polygon, and a run of a single point draws nothing. X must not
// decrease. Infinite values are rejected by NewBand.
type Band struct {
	X, Lo, Hi []float64
	Color     color.Color
}

// NewBand checks a band's points: equal lengths, X finite and not
// decreasing, no infinite bound, both bounds of a point defined or
// neither, Lo <= Hi where both are defined.
func NewBand(x, lo, hi []float64, c color.Color) (*Band, error) {
	if len(x) != len(lo) || len(x) != len(hi) {
		return nil, fmt.Errorf("chart: band with %d x, %d lo and %d hi", len(x), len(lo), len(hi))
	}
	if err := checkFinite("band x", x); err != nil {
		return nil, err
	}
	for i := range x {
		if i > 0 && x[i] < x[i-1] {
			return nil, fmt.Errorf("chart: band x[%d] = %v is before %v", i, x[i], x[i-1])
		}
		if math.IsInf(lo[i], 0) || math.IsInf(hi[i], 0) {
			return nil, fmt.Errorf("chart: band bound %d is infinite", i)
		}
		if math.IsNaN(lo[i]) != math.IsNaN(hi[i]) {
			return nil, fmt.Errorf("chart: band bounds %d are not an interval (%v, %v)", i, lo[i], hi[i])
		}
		if lo[i] > hi[i] {
			return nil, fmt.Errorf("chart: band lo[%d] = %v above hi %v", i, lo[i], hi[i])
		}
	}
	return &Band{X: x, Lo: lo, Hi: hi, Color: c}, nil
}

// Runs returns the [start, end) index ranges of the band's runs of
// defined points with at least two points: the polygons Plot fills.
func (b *Band) Runs() [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(b.X); i++ {
		ok := i < len(b.X) && !math.IsNaN(b.Lo[i]) && !math.IsNaN(b.Hi[i])
		switch {
		case ok && start < 0:
			start = i
		case !ok && start >= 0:
			if i-start >= 2 {
				out = append(out, [2]int{start, i})
			}
			start = -1
		}
	}
	return out
}

// Plot implements plot.Plotter.
func (b *Band) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, r := range b.Runs() {
		pts := make([]vg.Point, 0, 2*(r[1]-r[0]))
		for i := r[0]; i < r[1]; i++ {
			pts = append(pts, vg.Point{X: trX(b.X[i]), Y: trY(b.Hi[i])})
		}
		for i := r[1] - 1; i >= r[0]; i-- {
			pts = append(pts, vg.Point{X: trX(b.X[i]), Y: trY(b.Lo[i])})
		}
		c.FillPolygon(b.Color, c.ClipPolygonXY(pts))
	}
}

// DataRange implements plot.DataRanger over the defined points.
func (b *Band) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for i := range b.X {
		if math.IsNaN(b.Lo[i]) || math.IsNaN(b.Hi[i]) {
			continue
		}
		xmin, xmax = math.Min(xmin, b.X[i]), math.Max(xmax, b.X[i])
		ymin, ymax = math.Min(ymin, b.Lo[i]), math.Max(ymax, b.Hi[i])
	}
	return xmin, xmax, ymin, ymax
}

// StepBand returns the band of a right-continuous step function (a
// Kaplan-Meier curve, drawn by StepPoints): the interval [lo[i], hi[i]]
// holds from times[i] to times[i+1], the last one to end. Its points
// repeat each inner time, so that the band steps with the curve; NaN
// bounds (no event yet, or survival 0) leave a gap.
func StepBand(times, lo, hi []float64, end float64, c color.Color) (*Band, error) {
	if len(times) != len(lo) || len(times) != len(hi) {
		return nil, fmt.Errorf("chart: step band with %d times, %d lo and %d hi", len(times), len(lo), len(hi))
	}
	var x, l, h []float64
	for i, t := range times {
		next := end
		if i+1 < len(times) {
			next = times[i+1]
		}
		x = append(x, t, next)
		l = append(l, lo[i], lo[i])
		h = append(h, hi[i], hi[i])
	}
	return NewBand(x, l, h, c)
}

// ErrorBars draws one interval per point: a line from Lo to Hi at
// position At (along Y for vertical bars, along X for Horizontal ones,
// then At is the Y of the bar), with a cap at each end. Points whose Lo
// or Hi is NaN draw nothing (an interval that cannot be estimated). It
// adds nothing to the data range: the caller sets the axes.
type ErrorBars struct {
	At, Lo, Hi []float64
	Horizontal bool
	Style      draw.LineStyle
	// Cap is the length of the caps, across the bar.
	Cap vg.Length
}

// NewErrorBars checks the intervals: equal lengths, finite positions, no
// infinite bound, Lo <= Hi where both are defined.
func NewErrorBars(at, lo, hi []float64, horizontal bool, style draw.LineStyle) (*ErrorBars, error) {
	if len(at) != len(lo) || len(at) != len(hi) {
		return nil, fmt.Errorf("chart: %d error bars with %d lo and %d hi", len(at), len(lo), len(hi))
	}
	if err := checkFinite("error bar positions", at); err != nil {
		return nil, err
	}
	for i := range at {
		if math.IsInf(lo[i], 0) || math.IsInf(hi[i], 0) {
			return nil, fmt.Errorf("chart: error bar %d is infinite", i)
		}
		if lo[i] > hi[i] {
			return nil, fmt.Errorf("chart: error bar %d: lo %v above hi %v", i, lo[i], hi[i])
		}
	}
	return &ErrorBars{At: at, Lo: lo, Hi: hi, Horizontal: horizontal, Style: style, Cap: vg.Points(4)}, nil
}

// Plot implements plot.Plotter.
func (e *ErrorBars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	half := e.Cap / 2
	for i, a := range e.At {
		lo, hi := e.Lo[i], e.Hi[i]
		if math.IsNaN(lo) || math.IsNaN(hi) {
			continue
		}
		if e.Horizontal {
			y, x0, x1 := trY(a), trX(lo), trX(hi)
			c.StrokeLines(e.Style, c.ClipLinesXY([]vg.Point{{X: x0, Y: y}, {X: x1, Y: y}})...)
			for _, x := range []vg.Length{x0, x1} {
				c.StrokeLines(e.Style, c.ClipLinesXY([]vg.Point{{X: x, Y: y - half}, {X: x, Y: y + half}})...)
			}
			continue
		}
		x, y0, y1 := trX(a), trY(lo), trY(hi)
		c.StrokeLines(e.Style, c.ClipLinesXY([]vg.Point{{X: x, Y: y0}, {X: x, Y: y1}})...)
		for _, y := range []vg.Length{y0, y1} {
			c.StrokeLines(e.Style, c.ClipLinesXY([]vg.Point{{X: x - half, Y: y}, {X: x + half, Y: y}})...)
		}
	}
}
