package null

import (
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
// options (so the same seed: the draws of two groups with the same graph
// are the same).
func Groups(groups []network.Group, opt Options) ([]Group, error) {
	out := make([]Group, 0, len(groups))
	for _, gr := range groups {
		r, err := Compare(gr.Graph, opt)
		if err != nil {
			return nil, err
		}
		out = append(out, Group{Community: gr.Community, Result: r})
	}
	return out, nil
}
