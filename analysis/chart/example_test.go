package chart_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/chart"
)

func ExampleLorenzPoints() {
	// Messages per author in a small group: one author writes half.
	pts, _ := chart.LorenzPoints([]float64{1, 1, 2, 4})
	for _, p := range pts {
		fmt.Printf("%.2f %.3f\n", p.X, p.Y)
	}
	g, _ := chart.Gini([]float64{1, 1, 2, 4})
	fmt.Printf("Gini %.4f\n", g)
	// Output:
	// 0.00 0.000
	// 0.25 0.125
	// 0.50 0.250
	// 0.75 0.500
	// 1.00 1.000
	// Gini 0.3125
}
