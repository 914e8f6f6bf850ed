package rhythm_test

import (
	"fmt"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
)

func Example() {
	// Times are UTC; rhythm reads them in Europe/Paris time.
	var msgs []corpus.Message
	for _, s := range []string{
		"2024-04-02T06:00:00Z", // Tuesday 08:00 in Paris (summer time): working hours
		"2024-04-02T17:00:00Z", // Tuesday 19:00: off hours
		"2024-04-06T09:00:00Z", // Saturday: off hours
		"2024-04-08T12:30:00Z", // Monday 14:30: working hours
	} {
		t, _ := time.Parse(time.RFC3339, s)
		msgs = append(msgs, corpus.Message{Community: "g", Created: t})
	}
	g := rhythm.Counts(msgs)
	fmt.Println("Tuesday 8h:", g[1][8], "Saturday 11h:", g[5][11])
	fmt.Printf("off-hours share: %.2f\n", rhythm.OffHoursShare(msgs))
	// Output:
	// Tuesday 8h: 1 Saturday 11h: 1
	// off-hours share: 0.50
}
