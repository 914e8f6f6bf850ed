package network

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// wedge is an undirected weighted edge.
type wedge struct {
	u, v int
	w    float64
}

// newWGraph returns the graph of n nodes with the given edges. Parallel
// edges are merged by adding their weights, a self-loop u-u of weight w
// adds w to self[u]. The result does not depend on the order of edges.
func newWGraph(n int, edges []wedge) *wgraph {
	type half struct {
		to int32
		w  float64
	}
	adj := make([][]half, n)
	self := make([]float64, n)
	selfs := make([][]float64, n)
	for _, e := range edges {
		if e.u == e.v {
			selfs[e.u] = append(selfs[e.u], e.w)
			continue
		}
		adj[e.u] = append(adj[e.u], half{int32(e.v), e.w})
		adj[e.v] = append(adj[e.v], half{int32(e.u), e.w})
	}
	g := &wgraph{off: make([]int, n+1), self: self, k: make([]float64, n)}
	for i, a := range adj {
		// sorting on weight too makes the sums of parallel edges
		// independent of their order
		slices.SortFunc(a, func(x, y half) int {
			if x.to != y.to {
				return int(x.to - y.to)
			}
			switch {
			case x.w < y.w:
				return -1
			case x.w > y.w:
				return 1
			}
			return 0
		})
		slices.Sort(selfs[i])
		for _, w := range selfs[i] {
			self[i] += w
		}
		for j, h := range a {
			if j > 0 && a[j-1].to == h.to {
				g.w[len(g.w)-1] += h.w
				continue
			}
			g.nbr = append(g.nbr, h.to)
			g.w = append(g.w, h.w)
		}
		g.off[i+1] = len(g.nbr)
	}
	g.sumDegrees()
	return g
}

// partition returns the fast Louvain's community of each node of the
// graph of n nodes with the given edges.
func partition(n int, edges []wedge) []int32 {
	return louvain(newWGraph(n, edges), rand.New(rand.NewPCG(LouvainSeed, LouvainSeed)))
}

// gonumGraph returns the graph as a gonum weighted undirected graph,
// parallel edges merged.
func gonumGraph(n int, edges []wedge) *simple.WeightedUndirectedGraph {
	g := newWGraph(n, edges)
	u := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range n {
		u.AddNode(simple.Node(i))
	}
	for i := range n {
		for p := g.off[i]; p < g.off[i+1]; p++ {
			if j := int(g.nbr[p]); i < j {
				u.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(i), T: simple.Node(j), W: g.w[p]})
			}
		}
	}
	return u
}

// communitiesOf groups nodes by label, as gonum's community.Q wants them.
func communitiesOf(labels []int32) [][]graph.Node {
	var cs [][]graph.Node
	for i, c := range labels {
		for int(c) >= len(cs) {
			cs = append(cs, nil)
		}
		cs[c] = append(cs[c], simple.Node(i))
	}
	return cs
}

// heavyTailed returns a seeded random graph of n nodes and about m
// distinct edges (Chung-Lu: endpoints drawn in proportion to Pareto
// weights of exponent 2.5, so degrees are heavy-tailed) with integer
// weights, mostly 1. Nodes belong to groups of about 60; an edge's second
// end is drawn within the group of the first with probability in, so
// that there are communities to find.
func heavyTailed(seed uint64, n, m int, in float64) []wedge {
	r := rand.New(rand.NewPCG(seed, 1))
	const size = 60
	theta := make([]float64, n)
	for i := range theta {
		theta[i] = math.Pow(1-r.Float64(), -1/1.5)
	}
	cum := func(lo, hi int) []float64 {
		c := make([]float64, hi-lo)
		s := 0.0
		for i := lo; i < hi; i++ {
			s += theta[i]
			c[i-lo] = s
		}
		return c
	}
	draw := func(c []float64) int {
		return sort.SearchFloat64s(c, r.Float64()*c[len(c)-1])
	}
	all := cum(0, n)
	groups := make([][]float64, (n+size-1)/size)
	for k := range groups {
		groups[k] = cum(k*size, min(n, (k+1)*size))
	}
	type pair struct{ u, v int }
	seen := map[pair]bool{}
	var edges []wedge
	for tries := 0; len(edges) < m && tries < 20*m; tries++ {
		u := draw(all)
		v := draw(all)
		if r.Float64() < in {
			v = u/size*size + draw(groups[u/size])
		}
		if u == v {
			continue
		}
		p := pair{min(u, v), max(u, v)}
		if seen[p] {
			continue
		}
		seen[p] = true
		w := 1.0
		for r.Float64() < 0.3 {
			w++
		}
		edges = append(edges, wedge{p.u, p.v, w})
	}
	return edges
}

// planted returns a graph of groups*size nodes, node i in group i/size,
// each pair linked with probability pin within a group and pout between.
func planted(seed uint64, groups, size int, pin, pout float64) []wedge {
	r := rand.New(rand.NewPCG(seed, 2))
	n := groups * size
	var edges []wedge
	for u := range n {
		for v := u + 1; v < n; v++ {
			p := pout
			if u/size == v/size {
				p = pin
			}
			if r.Float64() < p {
				edges = append(edges, wedge{u, v, 1})
			}
		}
	}
	return edges
}

// nmi returns the normalized mutual information of two partitions,
// 2 I(a, b) / (H(a) + H(b)), 1 when both have a single block.
func nmi(a, b []int32) float64 {
	n := float64(len(a))
	type pair struct{ x, y int32 }
	joint := map[pair]float64{}
	pa, pb := map[int32]float64{}, map[int32]float64{}
	for i := range a {
		joint[pair{a[i], b[i]}]++
		pa[a[i]]++
		pb[b[i]]++
	}
	h := func(m map[int32]float64) float64 {
		s := 0.0
		for _, c := range m {
			s -= c / n * math.Log(c/n)
		}
		return s
	}
	mi := 0.0
	for p, c := range joint {
		mi += c / n * math.Log(c*n/(pa[p.x]*pb[p.y]))
	}
	ha, hb := h(pa), h(pb)
	if ha+hb == 0 {
		return 1
	}
	return 2 * mi / (ha + hb)
}

// samePartition reports whether two labellings group the nodes alike.
func samePartition(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	ab, ba := map[int32]int32{}, map[int32]int32{}
	for i := range a {
		if x, ok := ab[a[i]]; ok && x != b[i] {
			return false
		}
		if y, ok := ba[b[i]]; ok && y != a[i] {
			return false
		}
		ab[a[i]], ba[b[i]] = b[i], a[i]
	}
	return true
}

// modularity returns the modularity of the partition labels of g in
// O(n + m): 1/2m sum over communities c of (in_c - tot_c^2/2m), in_c the
// sum over ordered pairs of members of A_uv, tot_c the total degree.
func modularity(g *wgraph, labels []int32) float64 {
	var m2 float64
	for _, k := range g.k {
		m2 += k
	}
	nc := 0
	for _, c := range labels {
		nc = max(nc, int(c)+1)
	}
	in, tot := make([]float64, nc), make([]float64, nc)
	for i, c := range labels {
		tot[c] += g.k[i]
		in[c] += g.self[i]
		for p := g.off[i]; p < g.off[i+1]; p++ {
			if labels[g.nbr[p]] == c {
				in[c] += g.w[p]
			}
		}
	}
	var q float64
	for c := range nc {
		q += in[c] - tot[c]*tot[c]/m2
	}
	return q / m2
}

// TestLouvainLevels checks, on a graph with several levels, that each
// aggregation keeps the modularity of the partition (the communities of
// a level are the nodes of the next) and keeps 2m, and that the O(m)
// modularity agrees with gonum's community.Q.
func TestLouvainLevels(t *testing.T) {
	const n = 1500
	edges := heavyTailed(5, n, 8*n, 0.4)
	g := newWGraph(n, edges)
	rng := rand.New(rand.NewPCG(LouvainSeed, LouvainSeed))
	var m2 float64
	for _, k := range g.k {
		m2 += k
	}
	memb := make([]int32, n)
	for i := range memb {
		memb[i] = int32(i)
	}
	levels := 0
	for h := g; ; levels++ {
		labels, nc, moved := localMoving(h, m2, rng)
		if !moved || nc == h.n() {
			break
		}
		for i, c := range memb {
			memb[i] = labels[c]
		}
		q := modularity(h, labels)
		h = h.aggregate(labels, nc)
		single := make([]int32, nc)
		for c := range single {
			single[c] = int32(c)
		}
		var hm2 float64
		for _, k := range h.k {
			hm2 += k
		}
		if qh, qg := modularity(h, single), modularity(g, memb); math.Abs(qh-q) > 1e-12 || math.Abs(qg-q) > 1e-12 || hm2 != m2 {
			t.Errorf("level %d: Q %v on the level, %v aggregated, %v on the graph; 2m %v, was %v", levels, q, qh, qg, hm2, m2)
		}
	}
	if levels < 2 {
		t.Errorf("%d levels, want a graph with at least 2", levels)
	}
	q := modularity(g, memb)
	if qg := community.Q(gonumGraph(n, edges), communitiesOf(memb), 1); math.Abs(q-qg) > 1e-12 {
		t.Errorf("Q %v, community.Q %v", q, qg)
	}
	if got := partition(n, edges); !slices.Equal(got, memb) {
		t.Error("louvain differs from its levels run one by one")
	}
	t.Logf("%d levels, Q %.5f", levels, q)
}

func TestLouvainTwoCliques(t *testing.T) {
	// two 5-cliques, 0-4 and 5-9, joined by the edge 4-5
	var edges []wedge
	for _, base := range []int{0, 5} {
		for u := range 5 {
			for v := u + 1; v < 5; v++ {
				edges = append(edges, wedge{base + u, base + v, 1})
			}
		}
	}
	edges = append(edges, wedge{4, 5, 1})
	got := partition(10, edges)
	want := []int32{0, 0, 0, 0, 0, 1, 1, 1, 1, 1}
	if !slices.Equal(got, want) {
		t.Errorf("two cliques: %v, want %v", got, want)
	}
	// Q = 2 * (20/42 - (21/42)^2) = 0.452381...
	q := community.Q(gonumGraph(10, edges), communitiesOf(got), 1)
	if want := 2 * (20.0/42 - 0.25); math.Abs(q-want) > 1e-12 {
		t.Errorf("Q = %v, want %v", q, want)
	}
}

func TestLouvainPlanted(t *testing.T) {
	const groups, size = 8, 50
	truth := make([]int32, groups*size)
	for i := range truth {
		truth[i] = int32(i / size)
	}
	for seed := uint64(1); seed <= 3; seed++ {
		got := partition(groups*size, planted(seed, groups, size, 0.3, 0.01))
		for k := range groups {
			block := got[k*size : (k+1)*size]
			for _, c := range block {
				if c != block[0] {
					t.Errorf("seed %d: group %d split: %v", seed, k, block)
					break
				}
			}
		}
		v := nmi(got, truth)
		t.Logf("seed %d: NMI %.4f, exact %v", seed, v, samePartition(got, truth))
		if v < 0.95 {
			t.Errorf("seed %d: NMI %.4f < 0.95", seed, v)
		}
	}
}

func TestLouvainVersusGonum(t *testing.T) {
	// from no planted structure to a strong one
	for i, n := range []int{300, 450, 600, 800, 1000} {
		seed, in := uint64(100+i), []float64{0, 0.2, 0.4, 0.6, 0.8}[i]
		edges := heavyTailed(seed, n, 6*n, in)
		u := gonumGraph(n, edges)
		t0 := time.Now()
		fast := partition(n, edges)
		dFast := time.Since(t0)
		t0 = time.Now()
		ref := community.Modularize(u, 1, rand.NewPCG(LouvainSeed, LouvainSeed)).Communities()
		dRef := time.Since(t0)
		qFast := community.Q(u, communitiesOf(fast), 1)
		qRef := community.Q(u, ref, 1)
		nc := slices.Max(fast) + 1
		t.Logf("n %d, m %d, in %.1f: Q fast %.5f (%d communities, %v), gonum %.5f (%d communities, %v)", n, len(edges), in, qFast, nc, dFast, qRef, len(ref), dRef)
		if qFast < qRef-0.01 {
			t.Errorf("n %d: Q %.5f below gonum's %.5f - 0.01", n, qFast, qRef)
		}
	}
}

func TestLouvainDeterministic(t *testing.T) {
	const n = 2000
	edges := heavyTailed(7, n, 10*n, 0.5)
	a := partition(n, edges)
	if b := partition(n, edges); !slices.Equal(a, b) {
		t.Error("two runs on the same graph differ")
	}
	// the same graph, nodes and edges given in reverse order, each edge
	// from its other end
	rev := make([]wedge, len(edges))
	for i, e := range edges {
		rev[len(edges)-1-i] = wedge{e.v, e.u, e.w}
	}
	if b := partition(n, rev); !slices.Equal(a, b) {
		t.Error("reversed edges give another partition")
	}
}

// corpusOf returns messages whose reply graph is the given graph: node i
// is author "u<i>" (pseudonyms not in id order), edge u-v of weight w
// becomes w replies of u to a message of v. Each author has a first
// message, id "p<i>".
func corpusOf(n int, edges []wedge) []corpus.Message {
	t0 := time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)
	var out []corpus.Message
	for i := range n {
		out = append(out, corpus.Message{Community: "x", ID: fmt.Sprintf("p%d", i), Author: fmt.Sprintf("u%d", i), Created: t0})
	}
	for k, e := range edges {
		for j := range int(e.w) {
			out = append(out, corpus.Message{Community: "x", ID: fmt.Sprintf("r%d.%d", k, j), Author: fmt.Sprintf("u%d", e.u), ParentID: fmt.Sprintf("p%d", e.v), Created: t0})
		}
	}
	return out
}

func TestCommunitiesLargeGraph(t *testing.T) {
	const n = LouvainGonumMaxNodes + 1000
	msgs := corpusOf(n, heavyTailed(3, n, 8*n, 0.6))
	g := Build(msgs)
	if g.N() <= LouvainGonumMaxNodes {
		t.Fatalf("%d nodes, want more than %d", g.N(), LouvainGonumMaxNodes)
	}
	comm, q := g.Communities()
	// the fast path: the same partition as louvainSets
	sets := louvainSets(g.weighted(), LouvainSeed)
	want := make([]int32, g.N())
	for c, s := range sets {
		for _, id := range s {
			want[id] = int32(c)
		}
	}
	got := make([]int32, g.N())
	for i, c := range comm {
		got[i] = int32(c)
	}
	if !samePartition(got, want) {
		t.Error("Communities above LouvainGonumMaxNodes is not the fast Louvain's partition")
	}
	for i := range got {
		got[i]--
	}
	if wq := community.Q(g.Undirected(), communitiesOf(got), 1); q != wq {
		t.Errorf("Q = %v, want community.Q %v", q, wq)
	}
	// communities numbered from 1 by size descending
	size := make([]int, len(sets)+1)
	for _, c := range comm {
		size[c]++
	}
	for c := 2; c < len(size); c++ {
		if size[c] > size[c-1] {
			t.Errorf("community %d has %d nodes, more than community %d (%d)", c, size[c], c-1, size[c-1])
		}
	}
	t.Logf("%d nodes, %d edges: %d communities, Q %.5f", g.N(), g.M(), len(sets), q)
	if q < 0.3 {
		t.Errorf("Q = %v, want the planted structure (> 0.3)", q)
	}
	// messages in reverse order: the same communities, author by author
	rev := slices.Clone(msgs)
	slices.Reverse(rev)
	h := Build(rev)
	comm2, q2 := h.Communities()
	for i, a := range g.Authors {
		if h.Authors[i] != a || comm2[i] != comm[i] {
			t.Fatalf("reversed corpus: %s in community %d, was %d", a, comm2[i], comm[i])
		}
	}
	if q2 != q {
		t.Errorf("reversed corpus: Q %v, was %v", q2, q)
	}
}

func TestLouvainDegenerate(t *testing.T) {
	if got := partition(0, nil); len(got) != 0 {
		t.Errorf("empty graph: %v", got)
	}
	if got := louvainSets(newWGraph(0, nil), LouvainSeed); len(got) != 0 {
		t.Errorf("empty graph: sets %v", got)
	}
	if got, want := partition(4, nil), []int32{0, 1, 2, 3}; !slices.Equal(got, want) {
		t.Errorf("no edges: %v, want %v", got, want)
	}
	if got, want := partition(2, []wedge{{0, 1, 3}}), []int32{0, 0}; !slices.Equal(got, want) {
		t.Errorf("single edge: %v, want %v", got, want)
	}
	// a single edge and an isolated node; parallel edges merged
	g := newWGraph(3, []wedge{{2, 0, 1}, {0, 2, 2}})
	if !slices.Equal(g.nbr, []int32{2, 0}) || !slices.Equal(g.w, []float64{3, 3}) || !slices.Equal(g.k, []float64{3, 0, 3}) {
		t.Errorf("merged graph: %+v", g)
	}
	if got, want := louvainSets(g, LouvainSeed), [][]int64{{0, 2}, {1}}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("edge and isolated node: %v, want %v", got, want)
	}
}

func TestLouvainAggregate(t *testing.T) {
	// path 0-1-2-3 (weights 1, 2, 3) and a self-loop of 1 on 3; communities
	// {0,1} and {2,3}: self-loops 2*1 and 2*3+1, edge 2 between them
	g := newWGraph(4, []wedge{{0, 1, 1}, {1, 2, 2}, {2, 3, 3}, {3, 3, 1}})
	h := g.aggregate([]int32{0, 0, 1, 1}, 2)
	if !slices.Equal(h.self, []float64{2, 7}) || !slices.Equal(h.nbr, []int32{1, 0}) || !slices.Equal(h.w, []float64{2, 2}) || !slices.Equal(h.k, []float64{4, 9}) {
		t.Errorf("aggregate: %+v", h)
	}
	var k float64
	for _, x := range g.k {
		k += x
	}
	if k != 13 {
		t.Errorf("2m = %v, want 13", k)
	}
}

func BenchmarkLouvain8k(b *testing.B) {
	const n = 8000
	g := newWGraph(n, heavyTailed(42, n, 100_000, 0.5))
	b.ResetTimer()
	for b.Loop() {
		louvain(g, rand.New(rand.NewPCG(LouvainSeed, LouvainSeed)))
	}
}

// BenchmarkCommunities8k measures Communities on a reply graph of 8 000
// authors: the fast Louvain plus gonum's community.Q.
func BenchmarkCommunities8k(b *testing.B) {
	const n = 8000
	msgs := corpusOf(n, heavyTailed(42, n, 100_000, 0.5))
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		g := Build(msgs)
		b.StartTimer()
		g.Communities()
	}
}
