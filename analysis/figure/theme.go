package figure

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// palette is the Okabe-Ito colour-blind-safe palette, in its usual order:
// orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple,
// black.
var palette = [...]color.Color{
	color.NRGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF},
	color.NRGBA{R: 0x56, G: 0xB4, B: 0xE9, A: 0xFF},
	color.NRGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0xFF},
	color.NRGBA{R: 0xF0, G: 0xE4, B: 0x42, A: 0xFF},
	color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF},
	color.NRGBA{R: 0xD5, G: 0x5E, B: 0x00, A: 0xFF},
	color.NRGBA{R: 0xCC, G: 0x79, B: 0xA7, A: 0xFF},
	color.NRGBA{R: 0x00, G: 0x00, B: 0x00, A: 0xFF},
}

// Palette returns the Okabe-Ito colour-blind-safe palette, in its usual
// order: orange, sky blue, bluish green, yellow, blue, vermillion, reddish
// purple, black (a copy: the theme cannot be changed from outside).
func Palette() []color.Color { return append([]color.Color(nil), palette[:]...) }

// Color returns the i-th palette colour, cycling; negative i count from 0.
func Color(i int) color.Color {
	if i < 0 {
		i = -i
	}
	return palette[i%len(palette)]
}

// Font sizes of the theme: titles, axis labels, tick labels, legends.
const (
	TitleSize  vg.Length = 12
	LabelSize  vg.Length = 10
	TickSize   vg.Length = 9
	LegendSize vg.Length = 9
)

// Theme typeface and colours. Go has no constant structures: these are
// the theme's fixed values, read them and never assign them.
var (
	// Font is the theme's typeface, gonum/plot's bundled Liberation Sans.
	Font = font.Font{Typeface: "Liberation", Variant: "Sans"}
	// GridColor is the colour of the light grid.
	GridColor color.Color = color.Gray{Y: 0xE0}
	// TextColor is the colour of titles, labels and ticks.
	TextColor color.Color = color.Gray{Y: 0x20}
	// MutedColor is used for secondary marks (edges, diagonals, notes).
	MutedColor color.Color = color.Gray{Y: 0x99}
)

func init() {
	plot.DefaultFont = Font
}

// NewPlot returns a plot with the theme applied (see Apply), the given title
// and axis labels, and the light grid already added.
func NewPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	Apply(p)
	p.Title.Text = title
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	AddGrid(p)
	return p
}

// Apply sets the theme's fonts, sizes and colours on p, and wraps the tick
// markers of both axes with FrenchTicks (unless they already produce
// locale-aware labels: FrenchTicks, PercentTicks, DateTicks, or
// plot.ConstantTicks, which are left alone).
func Apply(p *plot.Plot) {
	p.Title.TextStyle.Font = font.From(Font, TitleSize)
	p.Title.TextStyle.Color = TextColor
	p.Title.Padding = vg.Points(6)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(Font, LabelSize)
		a.Label.TextStyle.Color = TextColor
		a.Tick.Label.Font = font.From(Font, TickSize)
		a.Tick.Label.Color = TextColor
		a.LineStyle.Color = MutedColor
		a.Tick.LineStyle.Color = MutedColor
		a.Tick.Length = vg.Points(4)
		a.Padding = vg.Points(3)
		a.Tick.Marker = Localize(a.Tick.Marker)
	}
	p.Legend.TextStyle.Font = font.From(Font, LegendSize)
	p.Legend.TextStyle.Color = TextColor
	p.Legend.Top = true
	p.Legend.ThumbnailWidth = vg.Points(18)
	p.Legend.Padding = vg.Points(2)
}

// Localize wraps a ticker so that its labels follow the current language.
func Localize(t plot.Ticker) plot.Ticker {
	switch t.(type) {
	case FrenchTicks, PercentTicks, DateTicks, plot.ConstantTicks, *FrenchTicks, *PercentTicks, *DateTicks:
		return t
	case nil:
		return FrenchTicks{}
	}
	return FrenchTicks{Ticker: t}
}

// AddGrid adds the theme's light grid (major ticks only) to p, under the
// plotters added afterwards.
func AddGrid(p *plot.Plot) *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical = draw.LineStyle{Color: GridColor, Width: vg.Points(0.4)}
	g.Horizontal = draw.LineStyle{Color: GridColor, Width: vg.Points(0.4)}
	p.Add(g)
	return g
}
