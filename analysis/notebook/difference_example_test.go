package notebook_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/notebook"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// A reading states each share with its interval and says « plus élevée »
// only when the interval of the gap excludes zero.
func ExampleDifferenceText() {
	fmt.Println(notebook.Interval(stats.Wilson(2883, 4418, 0, "question threads")))
	gap := stats.Comparison{Estimate: stats.Estimate{Value: -0.212, Lo: -0.233, Hi: -0.191}, P: 0.0005}
	fmt.Println(notebook.DifferenceText(gap, "les aides à domicile", "les médecins généralistes"))
	// Output:
	// 65,3 % [63,8 ; 66,6]
	// plus élevée chez les médecins généralistes que chez les aides à domicile : l'écart est de 21,2 points [19,1 ; 23,3] (p < 0,001)
}
