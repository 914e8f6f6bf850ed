package network_test

import (
	"fmt"
	"os"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
)

func ExampleBuild() {
	msgs := []corpus.Message{
		{Community: "g", ID: "1", Author: "ana"},
		{Community: "g", ID: "2", Author: "bea", ParentID: "1"},
		{Community: "g", ID: "3", Author: "ana", ParentID: "2"},
		{Community: "g", ID: "4", Author: "chloe", ParentID: "1"},
		{Community: "g", ID: "5", Author: "bea", ParentID: "1"},
	}
	g := network.Build(msgs)
	s := g.Measure()
	fmt.Printf("nodes %d, edges %d, density %.3f, reciprocity %.3f\n", s.Nodes, s.Edges, s.Density, s.Reciprocity)
	network.WriteEdgeCSV(os.Stdout, g)
	// Output:
	// nodes 3, edges 3, density 0.500, reciprocity 0.667
	// source,target,weight
	// ana,bea,1
	// bea,ana,2
	// chloe,ana,1
}

// The threads and the reply network of the same messages, the messages
// indexed once.
func ExampleBuildIndexed() {
	msgs := []corpus.Message{
		{Community: "g", ID: "1", Author: "ana"},
		{Community: "g", ID: "2", Author: "bea", ParentID: "1"},
		{Community: "g", ID: "3", Author: "ana", ParentID: "2"},
		{Community: "h", ID: "4", Author: "chloe", ParentID: "1"}, // 1 is not in h
	}
	ix := corpus.IndexMessages(msgs)
	g := network.BuildIndexed(msgs, ix)
	fmt.Println(g.Authors, g.M(), g.Reciprocity())
	// Output:
	// [ana bea] 2 1
}
