package null_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/network/null"
)

// Three groups of twelve members who answer each other's posts mostly
// within their group: the modularity is beyond that of the randomised
// graphs of the same degrees.
func ExampleCompare() {
	r := rand.New(rand.NewPCG(1, 1))
	var msgs []corpus.Message
	for i := range 36 {
		msgs = append(msgs, corpus.Message{Community: "g", ID: "p" + strconv.Itoa(i), Author: fmt.Sprintf("m%02d", i)})
	}
	for a := range 36 {
		for b := range 36 {
			p := 0.02
			if a/12 == b/12 {
				p = 0.4
			}
			if a != b && r.Float64() < p {
				msgs = append(msgs, corpus.Message{Community: "g", ID: fmt.Sprintf("r%d-%d", a, b), Author: fmt.Sprintf("m%02d", a), ParentID: "p" + strconv.Itoa(b)})
			}
		}
	}
	res, err := null.Compare(network.Build(msgs), null.Options{Draws: 99})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Comparisons {
		fmt.Printf("%-11s %6.3f null %6.3f [%6.3f, %6.3f] P %.2f: %s\n", c.Measure, c.Observed, c.NullMean, c.NullLo, c.NullHi, c.P, c.Verdict())
	}
	// Output:
	// modularity   0.548 null  0.256 [ 0.226,  0.295] P 0.01: structure beyond chance
	// reciprocity  0.311 null  0.112 [ 0.050,  0.175] P 0.01: structure beyond chance
	// clustering   0.484 null  0.188 [ 0.156,  0.221] P 0.01: structure beyond chance
	// kcore_max    6.000 null  5.576 [ 5.000,  6.000] P 0.58: no structure beyond chance
}
