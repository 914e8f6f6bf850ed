package observation_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/load/observation"
)

func ExamplePanels() {
	panels, err := observation.Panels("testdata/panels.csv")
	fmt.Println(len(panels), err)
	// The file's fourth line has an unreadable count: Panels refuses the
	// whole file rather than publish a table with a group missing.
	fmt.Println(panels == nil)
	// Output:
	// 0 testdata/panels.csv:4: field "posts_today": unreadable number: "quatorze"
	// true
}
