package network

import (
	"math"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Stats are the scalar indicators of one graph.
type Stats struct {
	Nodes, Edges          int
	Density, Reciprocity  float64
	DegreeCentralization  float64
	Clustering            float64
	KCoreMax, KCoreSize   int
	LouvainCommunities    int
	Modularity            float64
	StaffDegreeRankMedian float64
	StaffReplyShare       float64
	// StaffNodes is the number of admins and moderators among the nodes,
	// the count behind StaffDegreeRankMedian; Reciprocated the number of
	// edges whose reverse exists, the count behind Reciprocity.
	StaffNodes, Reciprocated int
}

// Measure computes the scalar indicators of g.
func (g *Graph) Measure() Stats {
	s := Stats{
		Nodes: g.N(), Edges: g.M(),
		Density: g.Density(), Reciprocity: g.Reciprocity(),
		DegreeCentralization:  g.DegreeCentralization(),
		Clustering:            g.Clustering(),
		StaffDegreeRankMedian: g.StaffDegreeRankMedian(),
		StaffReplyShare:       g.StaffReplyShare(),
		Reciprocated:          g.Reciprocated(),
	}
	for _, r := range g.Roles {
		if IsStaff(r) {
			s.StaffNodes++
		}
	}
	s.KCoreMax, s.KCoreSize = g.KCore()
	comm, q := g.Communities()
	s.Modularity = q
	for _, c := range comm {
		s.LouvainCommunities = max(s.LouvainCommunities, c)
	}
	return s
}

// Group is the reply network of one indicator.Groups group: its graph
// and scalar indicators, what Figure 10 and Table 4 draw and
// build/derived/network exports.
type Group struct {
	// Community is the community, or for a profession as a whole
	// Community.ID indicator.AllCommunities.
	Community corpus.Community
	Graph     *Graph
	Stats     Stats
	// Links counts how the group's messages are linked to what they
	// answer: the graph is drawn from message-level links and, where the
	// parent is not in the data, from account-level ones.
	Links corpus.Links
}

// Of returns g.Community (indicator.Grouped).
func (g Group) Of() corpus.Community { return g.Community }

// Measure builds the reply graph of every indicator.Groups group of c and
// measures it, in that order. The graphs keep what they computed
// (communities, betweenness), so exporting them afterwards costs nothing
// more.
func Measure(c *corpus.Corpus) []Group {
	var out []Group
	for _, gr := range indicator.Groups(c) {
		g := Build(gr.Messages)
		out = append(out, Group{Community: gr.Community, Graph: g, Stats: g.Measure(), Links: corpus.LinksOf(gr.Messages)})
	}
	return out
}

// Rows builds the reply graph of every indicator.Groups group of c and
// returns its indicators (see the package documentation).
func Rows(c *corpus.Corpus) []indicator.Row {
	return GroupRows(Measure(c))
}

// GroupRows returns the indicators of measured groups, in canonical order
// (indicator.Sort). Every indicator of a group with messages but no reply
// link at all (Group.Links.Strength() is corpus.NoLinks) is NaN with
// Reason indicator.ReasonNoReplyLinks (indicator.LinksReason).
func GroupRows(groups []Group) []indicator.Row {
	var rows []indicator.Row
	for _, gr := range groups {
		s := gr.Stats
		// A group with messages none of which names what it answers has
		// no reply network to measure: NaN (written empty), not 0 nodes.
		reason := indicator.LinksReason(gr.Links, corpus.AccountLinks)
		add := func(name string, v float64) {
			if reason != "" {
				v = math.NaN()
			}
			rows = append(rows, indicator.Row{Community: gr.Community.ID, Profession: gr.Community.Profession, Indicator: name, Value: v, Reason: reason})
		}
		add("nodes", float64(s.Nodes))
		add("edges", float64(s.Edges))
		add("density", s.Density)
		add("reciprocity", s.Reciprocity)
		add("degree_centralization", s.DegreeCentralization)
		add("clustering", s.Clustering)
		add("kcore_max", float64(s.KCoreMax))
		add("kcore_size", float64(s.KCoreSize))
		add("louvain_communities", float64(s.LouvainCommunities))
		add("modularity", s.Modularity)
		add("staff_degree_rank_median", s.StaffDegreeRankMedian)
		add("staff_reply_share", s.StaffReplyShare)
	}
	indicator.Sort(rows)
	return rows
}

// NodeFrame returns the per-node table as a DataFrame with columns author,
// role, in_degree, out_degree, in_weight, out_weight, betweenness and
// community, in the order of nodes (Graph.Nodes: by author).
func NodeFrame(nodes []Node) dataframe.DataFrame {
	n := len(nodes)
	author, role := make([]string, n), make([]string, n)
	ind, outd, comm := make([]int, n), make([]int, n), make([]int, n)
	inw, outw, bet := make([]float64, n), make([]float64, n), make([]float64, n)
	for i, nd := range nodes {
		author[i], role[i] = nd.Author, nd.Role.String()
		ind[i], outd[i], comm[i] = nd.InDegree, nd.OutDegree, nd.Community
		inw[i], outw[i], bet[i] = nd.InWeight, nd.OutWeight, nd.Betweenness
	}
	return dataframe.New(
		series.New(author, series.String, "author"),
		series.New(role, series.String, "role"),
		series.New(ind, series.Int, "in_degree"),
		series.New(outd, series.Int, "out_degree"),
		series.New(inw, series.Float, "in_weight"),
		series.New(outw, series.Float, "out_weight"),
		series.New(bet, series.Float, "betweenness"),
		series.New(comm, series.Int, "community"),
	)
}
