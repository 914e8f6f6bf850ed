package chart

import (
	"image/color"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// SmallMultiples arranges plots in rows of cols plots (the last row
// padded with nil), for figure.Figure.Tiles or figure.Tiles.
func SmallMultiples(plots []*plot.Plot, cols int) [][]*plot.Plot {
	if cols <= 0 {
		cols = 1
	}
	var rows [][]*plot.Plot
	for i := 0; i < len(plots); i += cols {
		row := make([]*plot.Plot, cols)
		copy(row, plots[i:min(i+cols, len(plots))])
		rows = append(rows, row)
	}
	return rows
}

// LegendEntry is a legend line: a name and its thumbnail.
type LegendEntry struct {
	Name  string
	Thumb plot.Thumbnailer
}

// WithLegend draws a plot (or, when Plot is nil, tiles) with its legend
// in rows under it, Cols entries a row, rather than over the data. It
// implements figure.Renderable.
type WithLegend struct {
	Plot    *plot.Plot
	Tiles   figure.Tiles
	Entries []LegendEntry
	Cols    int
}

func (w WithLegend) rows() int {
	cols := max(w.Cols, 1)
	return (len(w.Entries) + cols - 1) / cols
}

// Draw implements figure.Renderable.
func (w WithLegend) Draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	line := figure.LegendSize * 1.8
	h := line*vg.Length(w.rows()) + figure.LegendSize
	top := draw.Crop(c, 0, 0, h, 0)
	if w.Plot != nil {
		w.Plot.Draw(top)
	} else {
		w.Tiles.Draw(top)
	}
	cols := max(w.Cols, 1)
	sty := draw.TextStyle{Color: figure.TextColor, Font: font.From(figure.Font, figure.LegendSize), XAlign: draw.XLeft, YAlign: draw.YCenter, Handler: plot.DefaultTextHandler}
	width := (c.Max.X - c.Min.X - 2*figure.LegendSize) / vg.Length(cols)
	thumb := figure.LegendSize * 1.6
	for i, e := range w.Entries {
		r, k := i/cols, i%cols
		x := c.Min.X + figure.LegendSize + width*vg.Length(k)
		y := c.Min.Y + h - figure.LegendSize/2 - line*(vg.Length(r)+0.5)
		tc := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: x, Y: y - figure.LegendSize/2}, Max: vg.Point{X: x + thumb, Y: y + figure.LegendSize/2}}}
		e.Thumb.Thumbnail(&tc)
		c.FillText(sty, vg.Point{X: x + thumb + figure.LegendSize/2, Y: y}, e.Name)
	}
}
