package corpus_test

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

func ExampleIndexMessages() {
	msgs := []corpus.Message{
		{Community: "avs", ID: "p1"},
		{Community: "avs", ID: "c1", ParentID: "p1"},
		{Community: "ts", ID: "c2", ParentID: "p1"}, // p1 is not in ts
		{Community: "avs", ID: "p1"},                // repeats the first
	}
	ix := corpus.IndexMessages(msgs)
	fmt.Println(ix.First, ix.Parent)
	// Output:
	// [0 1 2 0] [-1 0 -1 -1]
}
