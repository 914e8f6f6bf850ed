package null

import (
	"slices"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
)

// Group is the null comparison of the reply network of one
// indicator.Groups group.
type Group struct {
	Community corpus.Community
	Result    Result
}

// Of returns g.Community (indicator.Grouped).
func (g Group) Of() corpus.Community { return g.Community }

// Groups compares the graph of each measured group (network.Measure) with
// its randomisations, in the order of groups, every group with the same
// options. A group whose graph is that of an earlier group (a profession
// with one community: #DocTocToc and the GPs as a whole) gets the earlier
// result, which Compare would give again: the same graph and seed make
// the same draws.
func Groups(groups []network.Group, opt Options) ([]Group, error) {
	out := make([]Group, 0, len(groups))
	for i, gr := range groups {
		var r Result
		j := slices.IndexFunc(groups[:i], func(h network.Group) bool { return sameGraph(h.Graph, gr.Graph) })
		if j >= 0 {
			r = out[j].Result
		} else {
			var err error
			if r, err = Compare(gr.Graph, opt); err != nil {
				return nil, err
			}
		}
		out = append(out, Group{Community: gr.Community, Result: r})
	}
	return out, nil
}

// sameGraph reports whether two graphs have the same nodes and arcs.
func sameGraph(a, b *network.Graph) bool {
	return a.N() == b.N() && a.M() == b.M() && slices.Equal(a.Authors, b.Authors) && slices.Equal(a.Arcs(), b.Arcs())
}
