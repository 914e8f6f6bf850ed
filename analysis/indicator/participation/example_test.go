package participation_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
)

func Example() {
	var msgs []corpus.Message
	for i, a := range []string{"p1", "p4", "p4", "p3", "p4", "p2", "p3", "p4", ""} {
		msgs = append(msgs, corpus.Message{Community: "g", ID: fmt.Sprint(i), Author: a})
	}
	counts, anonymous := participation.PerAuthor(msgs)
	x := participation.Values(counts)
	fmt.Println("messages per author:", x, "without author:", anonymous)
	fmt.Printf("Gini %.4f, top 10%% share %.2f\n", participation.Gini(x), participation.Top10Share(x))
	for _, p := range participation.Lorenz(x) {
		fmt.Printf("(%.2f, %.3f) ", p.Authors, p.Messages)
	}
	fmt.Println()
	// Output:
	// messages per author: [4 2 1 1] without author: 1
	// Gini 0.3125, top 10% share 0.50
	// (0.00, 0.000) (0.25, 0.125) (0.50, 0.250) (0.75, 0.500) (1.00, 1.000)
}
