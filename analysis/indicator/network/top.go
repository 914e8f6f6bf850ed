package network

import (
	"sort"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// TopNode is an author of a Top subgraph, with their place in the whole
// graph.
type TopNode struct {
	Author  string // pseudonym
	Role    corpus.Role
	Staff   bool // IsStaff(Role)
	Degree  int  // distinct authors answered or answering them
	In, Out int  // distinct authors answering them / answered by them
	// Replies is the replies they gave and received (the weights of their
	// edges, both ways).
	Replies float64
	// Louvain is their Louvain community in the whole graph (numbered
	// from 1 by decreasing size, Communities), 0 when not computed.
	Louvain int
}

// Top is the part of a reply graph that Figure 10 draws: the authors of
// highest degree and the edges between them.
type Top struct {
	// Nodes are by degree descending, then replies descending, then
	// pseudonym.
	Nodes []TopNode
	// Edges join two of Nodes, by source then target.
	Edges []Edge
	// Total is the number of authors of the whole graph.
	Total int
}

// Top keeps the n authors of g of highest degree (distinct authors
// answered or answering them; ties: more replies, then pseudonym), then
// the largest connected component of the graph they induce, ignoring
// edge direction (ties: the component holding the author of highest
// degree).
func (g *Graph) Top(n int) Top {
	size := g.N()
	idx := make(map[string]int, size)
	for i, a := range g.Authors {
		idx[a] = i
	}
	nb := make([]map[int]bool, size)
	for i := range nb {
		nb[i] = map[int]bool{}
	}
	nodes := make([]TopNode, size)
	comm, _ := g.Communities()
	for i, a := range g.Authors {
		nodes[i] = TopNode{Author: a, Role: g.Roles[i], Staff: IsStaff(g.Roles[i])}
		if comm != nil {
			nodes[i].Louvain = comm[i]
		}
	}
	edges := g.Edges()
	for _, e := range edges {
		a, b := idx[e.Source], idx[e.Target]
		nb[a][b], nb[b][a] = true, true
		nodes[a].Out++
		nodes[b].In++
		nodes[a].Replies += e.Weight
		nodes[b].Replies += e.Weight
	}
	for i := range nodes {
		nodes[i].Degree = len(nb[i])
	}
	order := make([]int, size)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		a, b := nodes[order[x]], nodes[order[y]]
		if a.Degree != b.Degree {
			return a.Degree > b.Degree
		}
		if a.Replies != b.Replies {
			return a.Replies > b.Replies
		}
		return a.Author < b.Author
	})
	top := order[:min(size, n)]
	keep := make(map[int]bool, len(top))
	for _, i := range top {
		keep[i] = true
	}
	// Components are found from the nodes in degree order, so the first
	// of the largest size holds the highest-degree author.
	seen := map[int]bool{}
	var best []int
	for _, s := range top {
		if seen[s] {
			continue
		}
		comp := []int{s}
		seen[s] = true
		for k := 0; k < len(comp); k++ {
			var next []int
			for j := range nb[comp[k]] {
				if keep[j] && !seen[j] {
					next = append(next, j)
				}
			}
			sort.Ints(next)
			for _, j := range next {
				seen[j] = true
				comp = append(comp, j)
			}
		}
		if len(comp) > len(best) {
			best = comp
		}
	}
	in := make(map[int]bool, len(best))
	for _, i := range best {
		in[i] = true
	}
	t := Top{Total: size}
	for _, i := range top {
		if in[i] {
			t.Nodes = append(t.Nodes, nodes[i])
		}
	}
	for _, e := range edges {
		if in[idx[e.Source]] && in[idx[e.Target]] {
			t.Edges = append(t.Edges, e)
		}
	}
	return t
}
