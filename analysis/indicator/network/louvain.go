package network

import (
	"math"
	"math/rand/v2"
	"slices"
)

// LouvainGonumMaxNodes is the largest graph, in nodes, whose communities
// Communities computes with gonum's community.Modularize. Larger graphs
// use this package's own implementation of the same method (Blondel et
// al. 2008), whose cost per visited node is proportional to its degree;
// gonum's is proportional to the sizes of the candidate communities,
// which makes it superlinear (minutes for a graph of 8 000 nodes).
const LouvainGonumMaxNodes = 5000

// louvainTol is the gain in modularity a move of the local moving phase
// must exceed.
const louvainTol = 1e-12

// wgraph is an undirected weighted graph in compressed sparse rows: the
// neighbours of node i are nbr[off[i]:off[i+1]], sorted, with weights w,
// each edge listed at both ends. A node is never its own neighbour: its
// self-loop is self[i], which counts the sum over ordered pairs (u, v) of
// A_uv, so that a community folded into one node keeps twice its internal
// weight (plus its members' self-loops). k[i] is the total degree of i,
// self[i] plus the weights of its edges, so that the sum of k is 2m.
type wgraph struct {
	off  []int
	nbr  []int32
	w    []float64
	self []float64
	k    []float64
}

func (g *wgraph) n() int { return len(g.k) }

// sumDegrees sets k from self and w.
func (g *wgraph) sumDegrees() {
	for i := range g.k {
		k := g.self[i]
		for p := g.off[i]; p < g.off[i+1]; p++ {
			k += g.w[p]
		}
		g.k[i] = k
	}
}

// weighted returns the undirected weighted graph of g (the one Undirected
// returns: weight w(a->b) + w(b->a)) as a wgraph.
func (g *Graph) weighted() *wgraph {
	n := g.N()
	wg := &wgraph{off: make([]int, n+1), self: make([]float64, n), k: make([]float64, n)}
	for i, nb := range g.und {
		wg.off[i+1] = wg.off[i] + len(nb)
	}
	wg.nbr = make([]int32, 0, wg.off[n])
	wg.w = make([]float64, 0, wg.off[n])
	for i, nb := range g.und {
		for _, b := range nb {
			wg.nbr = append(wg.nbr, int32(b))
			wg.w = append(wg.w, g.linkWeight(i, b))
		}
	}
	wg.sumDegrees()
	return wg
}

// louvain returns the community of each node of g found by the Louvain
// method of Blondel, Guillaume, Lambiotte and Lefebvre (2008) at
// resolution 1, communities numbered from 0.
//
// Each level starts from singletons and repeats passes over the nodes, in
// an order shuffled anew at each pass by rng, moving each node to the
// neighbouring community of highest modularity gain when that gain
// exceeds louvainTol, until a pass moves no node. The gain of moving i
// from C to D is 2/(2m) [(k_i,D - k_i Σ_D / 2m) - (k_i,C - k_i Σ_C / 2m)],
// k_i,X being the weight of the edges from i to X and Σ_X the total degree
// of X without i: O(degree of i) with the per-community sums Σ. Ties go
// to the community met first along i's sorted neighbours. The
// communities then become the nodes of the next level, their internal
// weight a self-loop, and levels repeat until one moves no node.
//
// The result is a function of g and of rng's state only: everything is
// kept in slices, visited in index order.
func louvain(g *wgraph, rng *rand.Rand) []int32 {
	n := g.n()
	memb := make([]int32, n)
	for i := range memb {
		memb[i] = int32(i)
	}
	var m2 float64
	for _, k := range g.k {
		m2 += k
	}
	if m2 <= 0 {
		return memb
	}
	for {
		labels, nc, moved := localMoving(g, m2, rng)
		if !moved || nc == g.n() {
			return memb
		}
		for i, c := range memb {
			memb[i] = labels[c]
		}
		g = g.aggregate(labels, nc)
	}
}

// localMoving runs the local moving phase on g (2m = m2) and returns the
// community of each node, numbered from 0 in order of their smallest
// node, the number of communities and whether any node moved.
func localMoving(g *wgraph, m2 float64, rng *rand.Rand) (labels []int32, nc int, moved bool) {
	n := g.n()
	comm := make([]int32, n)
	tot := make([]float64, n) // Σ_c, total degree of community c
	kin := make([]float64, n) // k_i,c for the communities around the visited node
	seen := make([]bool, n)
	order := make([]int32, n)
	for i := range n {
		comm[i] = int32(i)
		tot[i] = g.k[i]
		order[i] = int32(i)
	}
	var near []int32 // communities around the visited node, in order met
	for {
		rng.Shuffle(n, func(a, b int) { order[a], order[b] = order[b], order[a] })
		pass := false
		for _, i := range order {
			ci, ki := comm[i], g.k[i]
			near = near[:0]
			for p := g.off[i]; p < g.off[i+1]; p++ {
				c := comm[g.nbr[p]]
				if !seen[c] {
					seen[c] = true
					near = append(near, c)
				}
				kin[c] += g.w[p]
			}
			tot[ci] -= ki
			stay := kin[ci] - ki*tot[ci]/m2
			best, gain := ci, math.Inf(-1)
			for _, c := range near {
				if d := kin[c] - ki*tot[c]/m2; c != ci && d > gain {
					best, gain = c, d
				}
			}
			if best != ci && 2*(gain-stay)/m2 > louvainTol {
				ci = best
				comm[i] = best
				pass = true
			}
			tot[ci] += ki
			for _, c := range near {
				kin[c], seen[c] = 0, false
			}
		}
		if !pass {
			break
		}
		moved = true
	}
	// renumber from 0 in order of smallest node
	labels = make([]int32, n)
	num := make([]int32, n)
	for i := range num {
		num[i] = -1
	}
	for i, c := range comm {
		if num[c] < 0 {
			num[c] = int32(nc)
			nc++
		}
		labels[i] = num[c]
	}
	return labels, nc, moved
}

// aggregate returns the graph of the nc communities of g given by labels:
// community c is node c, the weight between two communities is the sum of
// the weights between their members, and a community's self-loop is the
// sum over ordered pairs of its members (twice its internal weight, plus
// its members' self-loops).
func (g *wgraph) aggregate(labels []int32, nc int) *wgraph {
	start := make([]int, nc+1)
	for _, c := range labels {
		start[c+1]++
	}
	for c := range nc {
		start[c+1] += start[c]
	}
	members := make([]int32, len(labels))
	fill := slices.Clone(start[:nc])
	for i, c := range labels {
		members[fill[c]] = int32(i)
		fill[c]++
	}
	h := &wgraph{off: make([]int, nc+1), self: make([]float64, nc), k: make([]float64, nc)}
	acc := make([]float64, nc)
	seen := make([]bool, nc)
	var near []int32
	for c := range nc {
		near = near[:0]
		self := 0.0
		for _, i := range members[start[c]:start[c+1]] {
			self += g.self[i]
			for p := g.off[i]; p < g.off[i+1]; p++ {
				d := labels[g.nbr[p]]
				if int(d) == c {
					self += g.w[p]
					continue
				}
				if !seen[d] {
					seen[d] = true
					near = append(near, d)
				}
				acc[d] += g.w[p]
			}
		}
		slices.Sort(near)
		for _, d := range near {
			h.nbr = append(h.nbr, d)
			h.w = append(h.w, acc[d])
			acc[d], seen[d] = 0, false
		}
		h.self[c] = self
		h.off[c+1] = len(h.nbr)
	}
	h.sumDegrees()
	return h
}

// louvainSets returns the communities of the fast Louvain on g, each a
// sorted list of node ids, in order of smallest member.
func louvainSets(g *wgraph, seed uint64) [][]int64 {
	memb := louvain(g, rand.New(rand.NewPCG(seed, seed)))
	var sets [][]int64
	for i, c := range memb {
		for int(c) >= len(sets) {
			sets = append(sets, nil)
		}
		sets[c] = append(sets[c], int64(i))
	}
	return sets
}
