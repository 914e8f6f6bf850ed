// Package chart draws the kinds of figures the compendium uses — time
// series, heat maps, small multiples, Lorenz curves, Kaplan-Meier step curves,
// grouped and stacked bars, networks and tables — on gonum.org/v1/plot with
// the theme and the French (or English) formats of package figure.
//
// Every helper takes plain typed inputs (slices and structs, never the
// corpus), rejects NaN and infinite values with an error before any gonum/plot
// constructor sees them, sorts anything that could depend on map order, and
// returns a themed *plot.Plot (or a figure.Renderable when one plot is not
// enough) together with a *figure.Table holding exactly the numbers drawn,
// ready for figure.Figure.Data. Titles and axis labels can be changed on the
// returned plot (p.Title.Text, p.X.Label.Text, p.Y.Label.Text).
package chart

import (
	"fmt"
	"math"

	"github.com/faire-communaute/compendium/analysis/figure"
)

// Renderable is anything that draws itself on a canvas (figure.Renderable).
type Renderable = figure.Renderable

// checkFinite returns an error naming what and the index of the first NaN
// or infinite value.
func checkFinite(what string, vs []float64) error {
	for i, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("chart: %s[%d] is %v; NaN and infinite values are not drawable", what, i, v)
		}
	}
	return nil
}
