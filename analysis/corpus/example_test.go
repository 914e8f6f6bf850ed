package corpus_test

import (
	"fmt"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

func ExampleCorpus_Sort() {
	t := time.Date(2019, 5, 15, 10, 0, 0, 0, time.UTC)
	c := &corpus.Corpus{Messages: []corpus.Message{
		{Community: "doctoctoc", ID: "2", Created: t},
		{Community: "avs", ID: "c1", ParentID: "p1", Created: t.Add(time.Hour)},
		{Community: "avs", ID: "p1", Created: t},
	}}
	c.Sort()
	for _, m := range c.Messages {
		fmt.Println(m.Community, m.ID, m.IsThreadStart(), m.Paris().Format("15:04"))
	}
	// Output:
	// avs p1 true 12:00
	// avs c1 false 13:00
	// doctoctoc 2 true 12:00
}

func ExampleCorpus_Sort_stable() {
	// Messages equal in community, time and id keep their order.
	t := time.Date(2019, 5, 15, 10, 0, 0, 0, time.UTC)
	c := &corpus.Corpus{Messages: []corpus.Message{
		{Community: "b", ID: "1", Created: t, Text: "first"},
		{Community: "a", ID: "9", Created: t, Text: "other"},
		{Community: "b", ID: "1", Created: t, Text: "second"},
	}}
	c.Sort()
	for _, m := range c.Messages {
		fmt.Println(m.Community, m.ID, m.Text)
	}
	// Output:
	// a 9 other
	// b 1 first
	// b 1 second
}
