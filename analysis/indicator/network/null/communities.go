package null

import (
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
)

// MinEdges is the fewest reply edges a community's network needs to be
// compared with its randomisations: below it, a handful of swaps is all
// the null graph can do.
const MinEdges = 10

// Communities compares the reply network of each community of groups
// (network.Measure; the professions as a whole, indicator.AllCommunities,
// are left out: their networks are their communities' side by side, whose
// separation would read as structure) with its randomisations, in the
// order of groups. Communities with fewer than MinEdges edges are left
// out.
//
// Testing k communities at once, Communities applies the Bonferroni
// correction: a measure is Beyond, structure beyond chance, when its P is
// below Alpha/k, k the number of communities compared. With 200 draws,
// the smallest P is 1/201, so that up to 9 communities can be told
// beyond chance at Alpha = 0.05.
func Communities(groups []network.Group, opt Options) ([]Group, error) {
	var coms []network.Group
	for _, g := range groups {
		if g.Community.ID != indicator.AllCommunities && g.Graph.M() >= MinEdges {
			coms = append(coms, g)
		}
	}
	out, err := Groups(coms, opt)
	if err != nil {
		return nil, err
	}
	level := Alpha / float64(max(1, len(out)))
	for i := range out {
		cs := append([]Comparison(nil), out[i].Result.Comparisons...)
		for j := range cs {
			cs[j].Beyond = cs[j].P < level
		}
		out[i].Result.Comparisons = cs
	}
	return out, nil
}

// Of finds the comparison of a community among gs, and whether there is
// one.
func Of(gs []Group, community string) (Group, bool) {
	for _, g := range gs {
		if g.Community.ID == community {
			return g, true
		}
	}
	return Group{}, false
}

// Rows returns, per community compared, for each measure m of Measures:
// m_null_observed (the observed value on the graph the null compares:
// for modularity the unweighted graph and this package's Louvain, which
// may differ from the modularity indicator by a hundredth), m_null_mean
// with the 2.5–97.5 % quantiles of the draws as its interval (method
// "edge-swap-null", n the draws), m_null_z and m_null_p, and
// m_beyond_chance (1 or 0, with the Bonferroni correction of
// Communities).
func Rows(gs []Group) []indicator.Row {
	var rows []indicator.Row
	for _, g := range gs {
		add := func(name string, v float64) {
			rows = append(rows, indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: name, Value: v})
		}
		for _, m := range Measures {
			c := g.Result.Get(m)
			add(m+"_null_observed", c.Observed)
			rows = append(rows, indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: m + "_null_mean",
				Value: c.NullMean, Lo: c.NullLo, Hi: c.NullHi, N: c.Draws, Unit: "randomisations", Method: "edge-swap-null"})
			add(m+"_null_z", c.Z)
			add(m+"_null_p", c.P)
			beyond := 0.0
			if c.Beyond {
				beyond = 1
			}
			add(m+"_beyond_chance", beyond)
		}
	}
	indicator.Sort(rows)
	return rows
}
