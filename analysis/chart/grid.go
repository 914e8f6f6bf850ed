package chart

import (
	"math"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
)

// Grid returns the plots drawn as aligned tiles (rows of plots; nil leaves a
// blank tile). The same grid can be saved with figure.Figure.Tiles.
func Grid(plots [][]*plot.Plot) Renderable {
	return figure.Tiles(plots)
}

// SmallMultiples arranges plots in rows of cols plots (the last row padded with
// nil), for figure.Figure.Tiles or Grid. When sameY is true every plot gets
// the same vertical range (the union of their ranges), so that panels compare.
func SmallMultiples(plots []*plot.Plot, cols int, sameY bool) [][]*plot.Plot {
	if cols <= 0 {
		cols = 1
	}
	if sameY {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, p := range plots {
			if p != nil {
				lo, hi = math.Min(lo, p.Y.Min), math.Max(hi, p.Y.Max)
			}
		}
		if !math.IsInf(lo, 0) && !math.IsInf(hi, 0) {
			for _, p := range plots {
				if p != nil {
					p.Y.Min, p.Y.Max = lo, hi
				}
			}
		}
	}
	var rows [][]*plot.Plot
	for i := 0; i < len(plots); i += cols {
		row := make([]*plot.Plot, cols)
		copy(row, plots[i:min(i+cols, len(plots))])
		rows = append(rows, row)
	}
	return rows
}

// Table returns a drawing of t (bold header, numbers right-aligned, in the
// current language), for figure.Figure.Drawing. A figure whose Plot, Tiles
// and Drawing are all nil draws its Data this way by itself.
func Table(t *figure.Table, title string) Renderable {
	return figure.TableDrawing{Table: t, Title: title}
}
