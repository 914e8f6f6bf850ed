package notebook_test

import (
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/notebook"
)

// A cell's reading is computed from the indicator rows, never typed in.
func ExampleMarkdown() {
	rows := []indicator.Row{{Community: indicator.AllCommunities, Profession: corpus.GP, Indicator: "reply_rate", Value: 0.826619}}
	notebook.Markdown("Les médecins obtiennent une réponse à %s de leurs fils.",
		figure.Percent(notebook.Value(rows, indicator.AllCommunities, corpus.GP, "reply_rate")))
	// Output: Les médecins obtiennent une réponse à 82,7 % de leurs fils.
}
