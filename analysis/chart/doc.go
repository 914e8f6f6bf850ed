// Package chart holds every drawer of the compendium's figures, on
// gonum.org/v1/plot with the theme and formats of package figure: bars
// (BarLayout, BarsPlotter, BarLabels, Bars, ShareBars, HBarPlot), lines
// (GappedLine, StepPoints for Kaplan-Meier steps, LorenzFrame,
// TimeSeries), intervals (Band and StepBand for confidence bands,
// ErrorBars for error bars, Translucent), heat maps sharing one colour
// bar (Matrix, Heatmaps, Frame),
// networks (ForceLayout, NetworkPlotter), legends (Swatch, LineThumb,
// DiscThumb, WithLegend) and grids of plots (SmallMultiples).
//
// It draws and measures nothing: every helper takes plain typed inputs
// (numbers, labels, colours; never the corpus), rejects NaN and infinite
// values with an error before any gonum/plot constructor sees them where
// they would be drawn, and sorts anything that could depend on map order.
// Package paper composes these drawers into the study's figures from the
// results the indicator packages measured.
package chart

import (
	"fmt"
	"math"
)

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
