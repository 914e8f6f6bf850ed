package network

import (
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
	}
	s.KCoreMax, s.KCoreSize = g.KCore()
	comm, q := g.Communities()
	s.Modularity = q
	for _, c := range comm {
		s.LouvainCommunities = max(s.LouvainCommunities, c)
	}
	return s
}

// Rows builds the reply graph of every indicator.Groups group of c and
// returns its indicators (see the package documentation).
func Rows(c *corpus.Corpus) []indicator.Row {
	groups, graphs := Graphs(c)
	return GraphRows(groups, graphs)
}

// Graphs builds the reply graph of every indicator.Groups group of c, in
// that order: callers that both measure and export the graphs build them
// once (the communities and betweenness they compute are kept in them).
func Graphs(c *corpus.Corpus) ([]indicator.Group, []*Graph) {
	groups := indicator.Groups(c)
	graphs := make([]*Graph, len(groups))
	for i, gr := range groups {
		graphs[i] = Build(gr.Messages)
	}
	return groups, graphs
}

// GraphRows returns the indicators of graphs, built from groups by Graphs.
func GraphRows(groups []indicator.Group, graphs []*Graph) []indicator.Row {
	var rows []indicator.Row
	for i, gr := range groups {
		s := graphs[i].Measure()
		add := func(name string, v float64) {
			rows = append(rows, indicator.Row{Community: gr.Community.ID, Profession: gr.Community.Profession, Indicator: name, Value: v})
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
		author[i], role[i] = nd.Author, string(nd.Role)
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
