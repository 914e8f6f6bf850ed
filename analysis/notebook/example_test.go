package notebook_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/notebook"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// A cell's reading is computed from the indicator rows, never typed in.
func ExampleMarkdown() {
	rows := []indicator.Row{{Community: indicator.AllCommunities, Profession: corpus.GP, Indicator: "reply_rate", Value: 0.826619}}
	notebook.Markdown("Les médecins obtiennent une réponse à %s de leurs fils.",
		figure.Percent(notebook.Value(rows, indicator.AllCommunities, corpus.GP, "reply_rate")))
	// Output: Les médecins obtiennent une réponse à 82,7 % de leurs fils.
}

// Interval and Compare write the readings' numbers: a share with its
// interval, and a difference between two groups that names the higher
// one only when the interval of the difference excludes zero.
func ExampleCompare() {
	figure.Lang = figure.French
	rate := stats.Wilson(412, 500, 0, "threads")
	fmt.Println(notebook.Interval(rate))
	claimed := stats.Comparison{Estimate: stats.Estimate{Value: -0.079, Lo: -0.086, Hi: -0.071}, P: 0.0009}
	fmt.Println(notebook.Compare(claimed, "les médecins", "les aides", notebook.Gap{Points: true, Decimals: 1, Feminine: true}))
	unclear := stats.Comparison{Estimate: stats.Estimate{Value: 0.004, Lo: -0.033, Hi: 0.047}, P: 0.85}
	fmt.Println(notebook.Compare(unclear, "les médecins", "les aides", notebook.Gap{Decimals: 2}))
	// Output:
	// 82,4 % [78,8 ; 85,5]
	// plus élevée chez les aides que chez les médecins, de 7,9 points [7,1 ; 8,6] (p < 0,001)
	// ces données ne permettent pas de départager les médecins et les aides (écart des premiers sur les seconds : 0,00 [-0,03 ; 0,05], p = 0,850)
}
