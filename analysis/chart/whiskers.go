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

// Whiskers draws confidence intervals as error bars: for each i, a line
// from Lo[i] to Hi[i] (value axis) at Pos[i] (category axis), capped at
// both ends, and, when Dot is set, a dot at Value[i]. An interval whose
// bounds are NaN is not estimable and is not drawn (its dot still is).
// Horizontal puts the values along X. It adds nothing to the data range:
// the caller sets the axes. Build it with NewWhiskers, which checks the
// values.
type Whiskers struct {
	Pos, Value, Lo, Hi []float64
	Color              color.Color
	Horizontal         bool
	Dot                bool
	Width, Cap, Radius vg.Length
}

// NewWhiskers returns the whiskers of the intervals [lo[i], hi[i]] at
// positions pos, values value (value may be nil when no dot is drawn),
// in the theme's text colour, 0.8 pt wide with 2.5 pt caps. It returns
// an error when the lengths differ, when a position or a value is NaN or
// infinite, when a bound is infinite, when only one bound of a pair is
// NaN, or when lo[i] > hi[i].
func NewWhiskers(pos, value, lo, hi []float64, horizontal bool) (Whiskers, error) {
	w := Whiskers{Pos: pos, Value: value, Lo: lo, Hi: hi, Color: figure.TextColor, Horizontal: horizontal,
		Width: vg.Points(0.8), Cap: vg.Points(2.5), Radius: vg.Points(2.2)}
	if len(lo) != len(pos) || len(hi) != len(pos) || value != nil && len(value) != len(pos) {
		return w, fmt.Errorf("chart: whiskers need as many bounds and values as positions (%d, %d, %d, %d)", len(pos), len(value), len(lo), len(hi))
	}
	if err := checkFinite("whisker positions", pos); err != nil {
		return w, err
	}
	if err := checkFinite("whisker values", value); err != nil {
		return w, err
	}
	for i := range pos {
		a, b := lo[i], hi[i]
		if math.IsNaN(a) != math.IsNaN(b) {
			return w, fmt.Errorf("chart: whisker %d has one bound NaN (%v, %v)", i, a, b)
		}
		if math.IsInf(a, 0) || math.IsInf(b, 0) {
			return w, fmt.Errorf("chart: whisker %d has an infinite bound (%v, %v)", i, a, b)
		}
		if a > b {
			return w, fmt.Errorf("chart: whisker %d runs backwards (%v > %v)", i, a, b)
		}
	}
	w.Dot = value != nil
	return w, nil
}

// Plot implements plot.Plotter.
func (w Whiskers) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pt := func(pos, v float64) vg.Point {
		if w.Horizontal {
			return vg.Point{X: trX(v), Y: trY(pos)}
		}
		return vg.Point{X: trX(pos), Y: trY(v)}
	}
	style := draw.LineStyle{Color: w.Color, Width: w.Width}
	for i, pos := range w.Pos {
		if !math.IsNaN(w.Lo[i]) {
			a, b := pt(pos, w.Lo[i]), pt(pos, w.Hi[i])
			c.StrokeLines(style, c.ClipLinesXY([]vg.Point{a, b})...)
			for _, e := range []vg.Point{a, b} {
				var cap []vg.Point
				if w.Horizontal {
					cap = []vg.Point{{X: e.X, Y: e.Y - w.Cap}, {X: e.X, Y: e.Y + w.Cap}}
				} else {
					cap = []vg.Point{{X: e.X - w.Cap, Y: e.Y}, {X: e.X + w.Cap, Y: e.Y}}
				}
				c.StrokeLines(style, c.ClipLinesXY(cap)...)
			}
		}
		if w.Dot {
			d := pt(pos, w.Value[i])
			if c.Contains(d) {
				c.DrawGlyph(draw.GlyphStyle{Color: w.Color, Radius: w.Radius, Shape: draw.CircleGlyph{}}, d)
			}
		}
	}
}

// BarWhiskers returns the whiskers of bars laid out by BarLayout (not
// stacked): bar b's interval is [lo[b.Group][b.Category],
// hi[b.Group][b.Category]], drawn at the bar's centre, with no dot.
func BarWhiskers(bars []Bar, lo, hi [][]float64, horizontal bool) (Whiskers, error) {
	pos := make([]float64, len(bars))
	l := make([]float64, len(bars))
	h := make([]float64, len(bars))
	for i, b := range bars {
		if b.Group >= len(lo) || b.Group >= len(hi) || b.Category >= len(lo[b.Group]) || b.Category >= len(hi[b.Group]) {
			return Whiskers{}, fmt.Errorf("chart: no interval for bar %d (group %d, category %d)", i, b.Group, b.Category)
		}
		pos[i], l[i], h[i] = b.X, lo[b.Group][b.Category], hi[b.Group][b.Category]
	}
	return NewWhiskers(pos, nil, l, h, horizontal)
}

// ShareBarsCI is ShareBars with the interval [lo[g][s], hi[g][s]] of
// each bar drawn as a whisker (BarWhiskers; NaN bounds: not drawn) and
// its label written above the whisker rather than the bar; the vertical
// axis leaves room for the highest bound.
func ShareBarsCI(title string, groups, series []string, colors []color.Color, values, lo, hi [][]float64, labels [][]string, labelSize vg.Length) (*plot.Plot, error) {
	p, err := ShareBars(title, groups, series, colors, values, nil, labelSize)
	if err != nil {
		return nil, err
	}
	bars, err := BarLayout(len(groups), len(series), values, false)
	if err != nil {
		return nil, err
	}
	w, err := BarWhiskers(bars, lo, hi, false)
	if err != nil {
		return nil, err
	}
	p.Add(w)
	top := 0.0
	raised := make([]Bar, len(bars))
	for i, b := range bars {
		raised[i] = b
		if h := hi[b.Group][b.Category]; !math.IsNaN(h) && h > b.Top {
			raised[i].Top = h
		}
		top = math.Max(top, raised[i].Top)
	}
	if labels != nil {
		text := make([]string, len(bars))
		for i, b := range bars {
			text[i] = labels[b.Group][b.Category]
		}
		lab, err := BarLabels(raised, text, false)
		if err != nil {
			return nil, err
		}
		for i := range lab.TextStyle {
			lab.TextStyle[i].Font.Size = labelSize
		}
		p.Add(lab)
	}
	if top <= 0 {
		top = 0.1
	}
	p.Y.Max = math.Min(top*(1.12+0.075*float64(len(series))), 1.3)
	return p, nil
}

// BandColor returns c made translucent (alpha 0x40 of 0xff), for the
// band under a curve drawn in c.
func BandColor(c color.Color) color.Color {
	r, g, bl, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x40}
}
