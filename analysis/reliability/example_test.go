package reliability_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/reliability"
)

// Two coders code five messages into themes; one message is left uncoded
// by the second.
func ExampleAlpha() {
	units := [][]string{
		{"conditions", "conditions"},
		{"practice", "practice"},
		{"future", "conditions"},
		{"practice", "practice"},
		{"support", reliability.Missing},
	}
	fmt.Printf("alpha %.3f\n", reliability.Alpha(units))
	a := []string{"conditions", "practice", "future", "practice", "support"}
	b := []string{"conditions", "practice", "conditions", "practice", ""}
	p, n := reliability.Agreement(a, b)
	fmt.Printf("agreement %.2f over %d, kappa %.3f\n", p, n, reliability.Kappa(a, b))
	// Output:
	// alpha 0.632
	// agreement 0.75 over 4, kappa 0.600
}
