package responsiveness_test

import (
	"fmt"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
)

func Example() {
	t0 := time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC)
	at := func(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }
	msgs := []corpus.Message{
		{Community: "g", ID: "1", Author: "ana", Created: at(0)},
		{Community: "g", ID: "2", ParentID: "1", Author: "ana", Created: at(3)},  // self-reply
		{Community: "g", ID: "3", ParentID: "2", Author: "bea", Created: at(25)}, // depth 2
		{Community: "g", ID: "4", Author: "bea", Created: at(60)},                // never answered
	}
	th := responsiveness.Threads(msgs)
	s := responsiveness.Summarize(th)
	fmt.Printf("threads %d, reply rate %.2f, median first reply %.0f min\n", s.Threads, s.ReplyRate.Value, s.MedianFirstReplyMin.Value)
	for _, st := range responsiveness.KaplanMeier(th).Steps {
		fmt.Printf("t=%.0f at risk %d events %d censored %d S=%.2f\n", st.Time, st.AtRisk, st.Events, st.Censored, st.Survival)
	}
	// Output:
	// threads 2, reply rate 0.50, median first reply 25 min
	// t=0 at risk 2 events 0 censored 1 S=1.00
	// t=25 at risk 1 events 1 censored 0 S=0.00
}

// The threads of messages indexed once, as a caller measuring the reply
// network of the same messages would (network.BuildIndexed).
func ExampleThreadsIndexed() {
	t0 := time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC)
	msgs := []corpus.Message{
		{Community: "g", ID: "1", Author: "ana", Created: t0},
		{Community: "g", ID: "2", ParentID: "1", Author: "bea", Created: t0.Add(12 * time.Minute)},
		{Community: "h", ID: "1", Author: "chloe", Created: t0}, // another community's 1
	}
	ix := corpus.IndexMessages(msgs)
	for _, th := range responsiveness.ThreadsIndexed(msgs, ix) {
		fmt.Println(th.Community, th.ID, th.Replies, th.FirstReplyMinutes())
	}
	// Output:
	// g 1 1 12
	// h 1 0 NaN
}
