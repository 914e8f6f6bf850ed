package retention_test

import (
	"fmt"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/retention"
)

func Example() {
	day := func(y int, mo time.Month, d int) time.Time { return time.Date(y, mo, d, 12, 0, 0, 0, time.UTC) }
	msgs := []corpus.Message{
		{Community: "g", Author: "p1", Created: day(2024, 1, 3)},
		{Community: "g", Author: "p2", Created: day(2024, 1, 9)},
		{Community: "g", Author: "p1", Created: day(2024, 2, 14)},
		{Community: "g", Author: "p3", Created: day(2024, 2, 20)},
		{Community: "g", Author: "p2", Created: day(2024, 3, 1)},
	}
	for _, c := range retention.Cohorts(msgs) {
		fmt.Println(c.Month, c.Size, c.Retention)
	}
	fmt.Println(retention.Pooled(retention.Cohorts(msgs)))
	// Output:
	// 2024-01 2 [0.5 0.5 NaN]
	// 2024-02 1 [0 NaN NaN]
	// [0.3333333333333333 0.5 NaN]
}
