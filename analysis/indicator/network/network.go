// Package network builds the reply network of a community and measures
// its structure.
//
// # The graph
//
// Build makes a directed weighted graph (gonum graph/simple
// WeightedDirectedGraph) of who replies to whom: an edge a->b when a
// message of a has as direct parent a message of b present in the data
// (same community), a != b, weighted by the number of such replies. When
// the message's parent is not in the data (or the export does not name
// it) but the message names the account it answers
// (corpus.Message.ReplyToAuthor = b, an account-level link: TweetScraper,
// twarc2 without the parent tweet), the edge a->b is drawn from that
// account; b is then a node even without messages of its own in the
// group, with an unknown role. Self-replies, and replies whose parent is
// not in the data and that name no account, are left out.
// Nodes are the authors with at least one edge; author pseudonyms are
// mapped to int64 ids in sorted order (id i is Graph.Authors[i]). An
// author's role is the highest seen on their messages of the group (admin,
// then moderator, then member); staff means admin or moderator.
//
// # Indicators
//
// Rows emits, per indicator.Groups group (a profession's graph joins its
// communities' graphs, an author being one node across them):
//
//   - nodes: n; edges: m, the number of ordered pairs a->b;
//   - density: m / (n(n-1));
//   - reciprocity: share of edges a->b whose b->a exists;
//   - degree_centralization: Freeman's centralization of the undirected
//     total degree d_i (the number of distinct neighbours, whatever the
//     direction): sum over i of (max d - d_i), divided by (n-1)(n-2), the
//     value of a star: 1 for a star, 0 when every node has the same degree;
//   - clustering: the average over all nodes of the local clustering
//     coefficient of the undirected simple graph (links between neighbours
//     / d(d-1)/2), nodes of degree below 2 counting 0;
//   - kcore_max: the largest k for which the k-core of the undirected
//     simple graph (the largest subgraph in which every node has at least
//     k neighbours) is not empty; kcore_size: the number of its nodes;
//   - louvain_communities and modularity: the Louvain partition
//     (resolution 1) of the undirected weighted graph whose weight between
//     a and b is w(a->b) + w(b->a), its number of communities and its
//     modularity, gonum graph/community.Q of that partition. Graphs of at
//     most LouvainGonumMaxNodes (5 000) nodes, which all the study's
//     communities are, are partitioned by gonum's community.Modularize
//     with random source rand.NewPCG(LouvainSeed, LouvainSeed). Larger
//     ones (a profession's joined graph on a large corpus), where gonum's
//     cost grows with the sizes of the candidate communities and reaches
//     minutes, are partitioned by this package's Louvain (Blondel et al.
//     2008: local moving with the O(degree) modularity gain, nodes visited
//     in an order shuffled by a PCG seeded with LouvainSeed, moves gaining
//     more than 1e-12 in modularity, then aggregation of the communities
//     into nodes, until nothing moves). Both are deterministic, but they
//     are two implementations: on one graph their partitions may differ
//     (modularities within about 0.01 of each other on the test graphs);
//   - staff_degree_rank_median: the median rank, by total degree (in-degree
//     plus out-degree, in distinct edges, rank 1 the highest, ties sharing
//     their mean rank), of the nodes whose role is admin or moderator;
//   - staff_reply_share: the share of edges whose source is staff.
//
// Values are NaN where undefined: density and degree_centralization below
// 2 and 3 nodes, reciprocity, modularity and staff_reply_share without
// edges, staff_degree_rank_median without staff among the nodes. Every
// value of a group with messages none of which names the message or the
// account it answers (corpus.NoLinks: a CrowdTangle export of posts) is
// NaN with reason "no reply link" (indicator.LinksReason; written empty
// in indicators.csv): there is no reply network to measure, rather than
// an empty one.
//
// # Nodes and exports
//
// Nodes gives, per author (sorted by pseudonym): role, in- and out-degree
// (distinct edges), weighted in- and out-degree (replies), betweenness and
// Louvain community. Betweenness is gonum graph/network.Betweenness on the
// directed graph without weights (Brandes; raw counts of shortest paths
// through the node, not normalised): weights count replies, a strength of
// tie, not a distance, so they are not path lengths. Louvain communities
// are numbered from 1, by size descending then smallest member id.
//
// WriteGraphML, WriteGEXF and WriteEdgeCSV export a Graph for Gephi and
// other tools; the same corpus gives byte-identical files.
package network

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
	gnetwork "gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// LouvainSeed seeds the random source of the Louvain algorithm, so that
// the same graph always gets the same partition.
const LouvainSeed = 20190523

// Graph is the reply graph of a group of messages.
type Graph struct {
	// Authors holds the pseudonyms of the nodes: node id i is Authors[i].
	Authors []string
	// Roles holds each node's role.
	Roles []corpus.Role
	g     *simple.WeightedDirectedGraph // see Directed

	out, in csr       // by node id: out-neighbours and in-neighbours
	und     [][]int64 // undirected simple neighbours, sorted
	louvain []int     // community of each node, from 1; nil until computed
	q       float64
	nodes   []Node // per-node table; nil until computed
}

// roleRank orders roles: the highest seen is kept.
func roleRank(r corpus.Role) int {
	switch r {
	case corpus.Admin:
		return 3
	case corpus.Moderator:
		return 2
	case corpus.Member:
		return 1
	}
	return 0
}

// Build makes the reply graph of msgs (see the package documentation).
// Parents are looked up within each message's community: the author of a
// parent is that of the last message of msgs with the parent's
// (community, id).
func Build(msgs []corpus.Message) *Graph {
	return BuildIndexed(msgs, corpus.IndexMessages(msgs))
}

// BuildIndexed is Build given ix, the index of msgs
// (corpus.IndexMessages(msgs)), for a caller that measures several
// indicators of the same messages and indexes them once. It panics when
// ix is not of len(msgs) messages.
func BuildIndexed(msgs []corpus.Message, ix corpus.MessageIndex) *Graph {
	if len(ix.First) != len(msgs) || len(ix.Parent) != len(msgs) {
		panic("network: BuildIndexed given the index of other messages")
	}
	// Authors are interned to small integers first: the edges are then
	// pairs of integers rather than of strings.
	idx := map[string]int32{}
	var names []string
	var roles []corpus.Role
	// keyAuthor[f], at the position f of the first message of a
	// (community, id), is the author of the last message with that key
	// (-1: none), as a map from keys to authors filled in message order
	// would hold.
	keyAuthor := make([]int32, len(msgs))
	author := make([]int32, len(msgs))
	for i := range msgs {
		m := &msgs[i]
		a := int32(-1)
		if m.Author != "" {
			var ok bool
			a, ok = idx[m.Author]
			if !ok {
				a = int32(len(names))
				idx[m.Author] = a
				names = append(names, m.Author)
				roles = append(roles, m.AuthorRole)
			} else if roleRank(m.AuthorRole) > roleRank(roles[a]) {
				roles[a] = m.AuthorRole
			}
		}
		author[i] = a
		keyAuthor[ix.First[i]] = a
	}
	// One pair (replier, replied) per reply drawn: at most one per message.
	pairs := make([][2]int32, 0, len(msgs))
	for i := range msgs {
		a := author[i]
		if a < 0 {
			continue
		}
		m := &msgs[i]
		pa, ok := int32(-1), false
		if p := ix.Parent[i]; p >= 0 {
			pa, ok = keyAuthor[p], true
		}
		if !ok && m.ReplyToAuthor != "" {
			// An account-level link: the parent is not in the data (or
			// not named) but the account answered is.
			pa, ok = idx[m.ReplyToAuthor]
			if !ok {
				pa = int32(len(names))
				idx[m.ReplyToAuthor] = pa
				names = append(names, m.ReplyToAuthor)
				roles = append(roles, corpus.Unknown)
				ok = true
			}
		}
		if !ok || pa < 0 || pa == a {
			continue
		}
		pairs = append(pairs, [2]int32{a, pa})
	}
	keyAuthor, author = nil, nil
	// Nodes: the authors with at least one edge, in pseudonym order.
	inGraph := make([]bool, len(names))
	for _, p := range pairs {
		inGraph[p[0]], inGraph[p[1]] = true, true
	}
	nodes := sortedNodes(names, inGraph)
	g := &Graph{Roles: make([]corpus.Role, len(nodes))}
	if len(nodes) > 0 { // nil without nodes, as before
		g.Authors = make([]string, len(nodes))
	}
	id := make([]int32, len(names))
	for i, a := range nodes {
		id[a] = int32(i)
		g.Authors[i] = names[a]
		g.Roles[i] = roles[a]
	}
	for k := range pairs {
		pairs[k] = [2]int32{id[pairs[k][0]], id[pairs[k][1]]}
	}
	g.out = outAdjacency(len(nodes), pairs)
	g.in = g.out.transpose()
	g.und = undirected(g.out, g.in)
	return g
}

// sortedNodes returns the authors a with in[a], sorted by names[a]. The
// names are compared by their first eight bytes first (a big-endian
// integer, shorter names padded with zeros: the same order as the bytes),
// then, when those are equal, by the whole strings: the order of
// strings.Compare, with fewer reads of the names' bytes.
func sortedNodes(names []string, in []bool) []int32 {
	type node struct {
		prefix uint64
		a      int32
	}
	var nodes []node
	for a, ok := range in {
		if ok {
			var b [8]byte
			copy(b[:], names[a])
			nodes = append(nodes, node{binary.BigEndian.Uint64(b[:]), int32(a)})
		}
	}
	slices.SortFunc(nodes, func(x, y node) int {
		if x.prefix != y.prefix {
			return cmp.Compare(x.prefix, y.prefix)
		}
		return strings.Compare(names[x.a], names[y.a])
	})
	out := make([]int32, len(nodes))
	for i, nd := range nodes {
		out[i] = nd.a
	}
	return out
}

// csr holds the edges of a graph by node, compressed (compressed sparse
// rows): the
// neighbours of node i are nbr[off[i]:off[i+1]], sorted ascending, with
// the edges' weights in w at the same positions.
type csr struct {
	off []int
	nbr []int32
	w   []float64
}

// row returns the sorted neighbours of node i and the edges' weights.
func (a csr) row(i int) ([]int32, []float64) {
	lo, hi := a.off[i], a.off[i+1]
	return a.nbr[lo:hi:hi], a.w[lo:hi:hi]
}

// degree returns the number of neighbours of node i.
func (a csr) degree(i int) int { return a.off[i+1] - a.off[i] }

// weight returns the weight of the edge from node i to node j, 0 when
// there is none.
func (a csr) weight(i int, j int64) float64 {
	nb, w := a.row(i)
	if k, ok := slices.BinarySearch(nb, int32(j)); ok {
		return w[k]
	}
	return 0
}

// outAdjacency returns the out-adjacency of the n nodes given the edges
// drawn (from, to), one per reply: an edge's weight is the number of times
// it is drawn. pairs is reordered.
func outAdjacency(n int, pairs [][2]int32) csr {
	// Counting sort by source, then each row sorted and its repeats
	// counted.
	off := make([]int, n+1)
	for _, p := range pairs {
		off[p[0]+1]++
	}
	for i := range n {
		off[i+1] += off[i]
	}
	to := make([]int32, len(pairs))
	next := slices.Clone(off[:n])
	for _, p := range pairs {
		to[next[p[0]]] = p[1]
		next[p[0]]++
	}
	a := csr{off: make([]int, n+1)}
	for i := range n {
		row := to[off[i]:off[i+1]]
		slices.Sort(row)
		d := 0 // distinct targets
		for k := range row {
			if k == 0 || row[k] != row[k-1] {
				d++
			}
		}
		a.off[i+1] = a.off[i] + d
	}
	a.nbr = make([]int32, 0, a.off[n])
	a.w = make([]float64, 0, a.off[n])
	for i := range n {
		row := to[off[i]:off[i+1]]
		for k := 0; k < len(row); {
			l := k + 1
			for l < len(row) && row[l] == row[k] {
				l++
			}
			a.nbr = append(a.nbr, row[k])
			a.w = append(a.w, float64(l-k))
			k = l
		}
	}
	return a
}

// transpose returns the adjacency of the reversed edges, rows sorted.
func (a csr) transpose() csr {
	n := len(a.off) - 1
	t := csr{off: make([]int, n+1), nbr: make([]int32, len(a.nbr)), w: make([]float64, len(a.w))}
	for _, j := range a.nbr {
		t.off[j+1]++
	}
	for i := range n {
		t.off[i+1] += t.off[i]
	}
	next := slices.Clone(t.off[:n])
	for i := range n { // sources in ascending order: rows come out sorted
		nb, w := a.row(i)
		for k, j := range nb {
			t.nbr[next[j]], t.w[next[j]] = int32(i), w[k]
			next[j]++
		}
	}
	return t
}

// undirected returns the sorted neighbour lists of the undirected simple
// graph of out and in (b is a neighbour of a when a->b or b->a).
func undirected(out, in csr) [][]int64 {
	n := len(out.off) - 1
	und := make([][]int64, n)
	all := make([]int64, 0, len(out.nbr)+len(in.nbr))
	for i := range n {
		o, _ := out.row(i)
		r, _ := in.row(i)
		start := len(all)
		for len(o) > 0 || len(r) > 0 {
			switch {
			case len(r) == 0 || (len(o) > 0 && o[0] < r[0]):
				all = append(all, int64(o[0]))
				o = o[1:]
			case len(o) == 0 || r[0] < o[0]:
				all = append(all, int64(r[0]))
				r = r[1:]
			default: // both directions
				all = append(all, int64(o[0]))
				o, r = o[1:], r[1:]
			}
		}
		und[i] = all[start:len(all):len(all)]
	}
	return und
}

// Directed returns the directed reply graph as a gonum graph, weights
// counting replies. It is built on first use: the indicators that need
// gonum's algorithms (betweenness, Louvain on small graphs) call it; the
// others read the adjacency directly.
func (g *Graph) Directed() *simple.WeightedDirectedGraph {
	if g.g != nil {
		return g.g
	}
	d := simple.NewWeightedDirectedGraph(0, 0)
	for i := range g.Authors {
		d.AddNode(simple.Node(i))
	}
	for a := range g.Authors {
		nb, w := g.out.row(a)
		for k, b := range nb {
			d.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(int64(a)), T: simple.Node(int64(b)), W: w[k]})
		}
	}
	g.g = d
	return d
}

// N returns the number of nodes.
func (g *Graph) N() int { return len(g.Authors) }

// M returns the number of directed edges.
func (g *Graph) M() int { return len(g.out.nbr) }

// Density returns m / (n(n-1)), NaN below 2 nodes.
func (g *Graph) Density() float64 {
	n := float64(g.N())
	if n < 2 {
		return math.NaN()
	}
	return float64(g.M()) / (n * (n - 1))
}

// Reciprocated returns the number of edges a->b whose b->a exists, the
// count behind Reciprocity.
func (g *Graph) Reciprocated() int {
	// a->b is reciprocated when b is also among a's in-neighbours: the
	// two sorted rows are merged.
	r := 0
	for a := range g.Authors {
		o, _ := g.out.row(a)
		in, _ := g.in.row(a)
		for len(o) > 0 && len(in) > 0 {
			switch {
			case o[0] < in[0]:
				o = o[1:]
			case in[0] < o[0]:
				in = in[1:]
			default:
				r++
				o, in = o[1:], in[1:]
			}
		}
	}
	return r
}

// Reciprocity returns the share of edges a->b whose b->a exists, NaN
// without edges.
func (g *Graph) Reciprocity() float64 {
	m := g.M()
	if m == 0 {
		return math.NaN()
	}
	return float64(g.Reciprocated()) / float64(m)
}

// DegreeCentralization returns Freeman's centralization of the undirected
// total degree: sum(max d - d_i) / ((n-1)(n-2)); NaN below 3 nodes.
func (g *Graph) DegreeCentralization() float64 {
	n := g.N()
	if n < 3 {
		return math.NaN()
	}
	maxd := 0
	for _, nb := range g.und {
		maxd = max(maxd, len(nb))
	}
	var s float64
	for _, nb := range g.und {
		s += float64(maxd - len(nb))
	}
	return s / (float64(n-1) * float64(n-2))
}

// Clustering returns the average local clustering coefficient of the
// undirected simple graph, nodes of degree below 2 counting 0; NaN
// without nodes. Triangles are counted once per node pair from the node of
// lower degree, so the cost is O(m·sqrt(m)).
func (g *Graph) Clustering() float64 {
	if g.N() == 0 {
		return math.NaN()
	}
	return clustering(g.und, triangles(g.und))
}

// clustering returns the average local clustering coefficient of the
// undirected simple graph und given the triangles through each node.
func clustering(und [][]int64, tri []int) float64 {
	var s float64
	for i, nb := range und {
		d := float64(len(nb))
		if d >= 2 {
			s += 2 * float64(tri[i]) / (d * (d - 1))
		}
	}
	return s / float64(len(und))
}

// triangles returns the number of triangles through each node of the
// undirected simple graph und (sorted neighbour lists).
func triangles(und [][]int64) []int {
	n := len(und)
	// orient each undirected edge from lower (degree, id) to higher
	less := func(a, b int64) bool {
		da, db := len(und[a]), len(und[b])
		return da < db || (da == db && a < b)
	}
	fwd := make([][]int64, n)
	for a, nb := range und {
		for _, b := range nb {
			if less(int64(a), b) {
				fwd[a] = append(fwd[a], b)
			}
		}
	}
	tri := make([]int, n)
	mark := make([]int64, n)
	for i := range mark {
		mark[i] = -1
	}
	for a := range fwd {
		for _, b := range fwd[a] {
			mark[b] = int64(a)
		}
		for _, b := range fwd[a] {
			for _, c := range fwd[b] {
				if mark[c] == int64(a) {
					tri[a]++
					tri[b]++
					tri[c]++
				}
			}
		}
	}
	return tri
}

// CoreNumbers returns the core number of each node of the undirected
// simple graph (Batagelj and Zaversnik's O(m) peeling).
func (g *Graph) CoreNumbers() []int { return coreNumbers(g.und) }

// coreNumbers returns the core number of each node of the undirected
// simple graph und.
func coreNumbers(und [][]int64) []int {
	n := len(und)
	deg := make([]int, n)
	maxd := 0
	for i, nb := range und {
		deg[i] = len(nb)
		maxd = max(maxd, deg[i])
	}
	bin := make([]int, maxd+1)
	for _, d := range deg {
		bin[d]++
	}
	start := 0
	for d := range bin {
		bin[d], start = start, start+bin[d]
	}
	pos := make([]int, n)
	vert := make([]int, n)
	for v, d := range deg {
		pos[v] = bin[d]
		vert[pos[v]] = v
		bin[d]++
	}
	for d := maxd; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	if maxd >= 0 && len(bin) > 0 {
		bin[0] = 0
	}
	for i := 0; i < n; i++ {
		v := vert[i]
		for _, u64 := range und[v] {
			u := int(u64)
			if deg[u] > deg[v] {
				du, pu := deg[u], pos[u]
				pw := bin[du]
				w := vert[pw]
				if u != w {
					pos[u], pos[w] = pw, pu
					vert[pu], vert[pw] = w, u
				}
				bin[du]++
				deg[u]--
			}
		}
	}
	return deg
}

// KCore returns the largest k with a non-empty k-core and the number of
// nodes of that core (0, 0 without nodes).
func (g *Graph) KCore() (k, size int) { return kcore(g.CoreNumbers()) }

// kcore returns the largest core number and how many nodes have it.
func kcore(cores []int) (k, size int) {
	for _, c := range cores {
		switch {
		case c > k:
			k, size = c, 1
		case c == k:
			size++
		}
	}
	return k, size
}

// Undirected returns the undirected weighted graph the communities are
// computed on: weight w(a->b) + w(b->a).
func (g *Graph) Undirected() *simple.WeightedUndirectedGraph {
	u := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range g.Authors {
		u.AddNode(simple.Node(i))
	}
	for a, nb := range g.und {
		for _, b := range nb {
			if int64(a) < b {
				w := g.linkWeight(a, b)
				u.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(a), T: simple.Node(b), W: w})
			}
		}
	}
	return u
}

// Communities returns the Louvain community of each node (numbered from 1
// by size descending, then smallest member id) and the partition's
// modularity; nil and NaN without edges.
//
// The partition is that of gonum's community.Modularize (resolution 1,
// random source rand.NewPCG(LouvainSeed, LouvainSeed)) for graphs of at
// most LouvainGonumMaxNodes nodes, and that of this package's own Louvain
// (same method, same seed, O(degree) modularity gains) for larger ones,
// where gonum's takes minutes. The modularity is gonum's community.Q of
// the partition in both cases, on the graph Undirected returns.
func (g *Graph) Communities() ([]int, float64) {
	if g.louvain != nil || g.M() == 0 {
		if g.M() == 0 {
			return nil, math.NaN()
		}
		return g.louvain, g.q
	}
	u := g.Undirected()
	var sets [][]int64
	if g.N() > LouvainGonumMaxNodes {
		sets = louvainSets(g.weighted(), LouvainSeed)
	} else {
		r := community.Modularize(u, 1, rand.NewPCG(LouvainSeed, LouvainSeed))
		comms := r.Communities()
		sets = make([][]int64, 0, len(comms))
		for _, c := range comms {
			ids := make([]int64, len(c))
			for i, nd := range c {
				ids[i] = nd.ID()
			}
			sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
			if len(ids) > 0 {
				sets = append(sets, ids)
			}
		}
	}
	sort.Slice(sets, func(i, j int) bool {
		if len(sets[i]) != len(sets[j]) {
			return len(sets[i]) > len(sets[j])
		}
		return sets[i][0] < sets[j][0]
	})
	g.louvain = make([]int, g.N())
	nodes := make([][]graph.Node, len(sets))
	for k, s := range sets {
		for _, id := range s {
			g.louvain[id] = k + 1
			nodes[k] = append(nodes[k], simple.Node(id))
		}
	}
	g.q = community.Q(u, nodes, 1)
	return g.louvain, g.q
}

// Betweenness returns the betweenness of each node (gonum
// network.Betweenness on the unweighted directed graph). The graph is
// handed to gonum through a view that lists nodes and neighbours in id
// order: gonum's own graphs list them in map order, which changes the
// order of the floating-point sums and so the last digits of the result.
func (g *Graph) Betweenness() []float64 {
	return brandes(g.adjacency())
}

// gonumBetweenness is gonum's Betweenness of g, which Betweenness must
// equal (tests check it); Betweenness computes the same on adjacency
// arrays, about ten times faster than through gonum's graph interfaces.
func (g *Graph) gonumBetweenness() []float64 {
	b := gnetwork.Betweenness(newSortedView(g))
	out := make([]float64, g.N())
	for id, v := range b {
		out[id] = v
	}
	return out
}

// linkWeight returns w(a->b) + w(b->a), the weight of the undirected
// edge a-b.
func (g *Graph) linkWeight(a int, b int64) float64 {
	return g.out.weight(a, b) + g.in.weight(a, b)
}

// adjacency returns the out-neighbours of each node, sorted (windows on
// the graph's own rows: they must not be modified).
func (g *Graph) adjacency() [][]int32 {
	adj := make([][]int32, g.N())
	for i := range adj {
		adj[i], _ = g.out.row(i)
	}
	return adj
}

// brandes is Brandes' (2001) betweenness centrality of an unweighted
// directed graph given by its adjacency lists: for every node v, the sum
// over ordered pairs (s, t), s != v != t, of the share of shortest s-t
// paths through v. O(nm) time, O(n+m) memory. Sources are taken in node
// order and neighbours in list order, so the sums are always added in
// the same order: the result is the same bit for bit on every run.
func brandes(adj [][]int32) []float64 {
	n := len(adj)
	bc := make([]float64, n)
	sigma := make([]float64, n)
	dist := make([]int32, n)
	delta := make([]float64, n)
	order := make([]int32, 0, n)
	queue := make([]int32, 0, n)
	for s := range adj {
		for i := range dist {
			dist[i], sigma[i], delta[i] = -1, 0, 0
		}
		order, queue = order[:0], queue[:0]
		dist[s], sigma[s] = 0, 1
		queue = append(queue, int32(s))
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			order = append(order, v)
			for _, w := range adj[v] {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					queue = append(queue, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
				}
			}
		}
		// Dependencies, from the farthest nodes back: a predecessor v of
		// w is a neighbour one step closer to s.
		for k := len(order) - 1; k >= 0; k-- {
			v := order[k]
			for _, w := range adj[v] {
				if dist[w] == dist[v]+1 {
					delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
				}
			}
			if int(v) != s {
				bc[v] += delta[v]
			}
		}
	}
	return bc
}

// sortedView is g as a graph.Directed whose iterators are in id order, so
// that gonum's accumulations do not depend on map order. The neighbour
// lists are sorted once: Brandes' algorithm asks for them n times.
type sortedView struct {
	g        *Graph
	from, to [][]graph.Node
}

func newSortedView(g *Graph) sortedView {
	v := sortedView{g: g, from: make([][]graph.Node, g.N()), to: make([][]graph.Node, g.N())}
	sorted := func(a csr, i int) []graph.Node {
		ids, _ := a.row(i)
		nodes := make([]graph.Node, len(ids))
		for k, id := range ids {
			nodes[k] = simple.Node(int64(id))
		}
		return nodes
	}
	for i := range v.from {
		v.from[i], v.to[i] = sorted(g.out, i), sorted(g.in, i)
	}
	return v
}

func (v sortedView) Node(id int64) graph.Node { return v.g.Directed().Node(id) }

func (v sortedView) Nodes() graph.Nodes {
	nodes := make([]graph.Node, v.g.N())
	for i := range nodes {
		nodes[i] = simple.Node(int64(i))
	}
	return iterator.NewOrderedNodes(nodes)
}

func (v sortedView) From(id int64) graph.Nodes {
	if id < 0 || id >= int64(v.g.N()) {
		return graph.Empty
	}
	return iterator.NewOrderedNodes(v.from[id])
}

func (v sortedView) To(id int64) graph.Nodes {
	if id < 0 || id >= int64(v.g.N()) {
		return graph.Empty
	}
	return iterator.NewOrderedNodes(v.to[id])
}

func (v sortedView) HasEdgeBetween(x, y int64) bool { return v.g.Directed().HasEdgeBetween(x, y) }
func (v sortedView) HasEdgeFromTo(u, w int64) bool  { return v.g.Directed().HasEdgeFromTo(u, w) }
func (v sortedView) Edge(u, w int64) graph.Edge     { return v.g.Directed().Edge(u, w) }

// IsStaff reports whether a role is admin or moderator.
func IsStaff(r corpus.Role) bool { return r == corpus.Admin || r == corpus.Moderator }

// StaffDegreeRankMedian returns the median rank by total degree (in plus
// out, distinct edges; rank 1 the highest; ties share their mean rank) of
// the staff nodes, NaN when there are none.
func (g *Graph) StaffDegreeRankMedian() float64 {
	n := g.N()
	deg := make([]int, n)
	order := make([]int, n)
	for i := range deg {
		deg[i] = g.out.degree(i) + g.in.degree(i)
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return deg[order[a]] > deg[order[b]] })
	rank := make([]float64, n)
	for i := 0; i < n; {
		j := i
		for j < n && deg[order[j]] == deg[order[i]] {
			j++
		}
		mean := float64(i+1+j) / 2 // ranks i+1..j
		for k := i; k < j; k++ {
			rank[order[k]] = mean
		}
		i = j
	}
	var staff []float64
	for i, r := range g.Roles {
		if IsStaff(r) {
			staff = append(staff, rank[i])
		}
	}
	return median(staff)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	sort.Float64s(xs)
	h := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[h]
	}
	return (xs[h-1] + xs[h]) / 2
}

// StaffReplyShare returns the share of edges whose source is staff, NaN
// without edges.
func (g *Graph) StaffReplyShare() float64 {
	m, s := 0, 0
	for a := range g.Authors {
		m += g.out.degree(a)
		if IsStaff(g.Roles[a]) {
			s += g.out.degree(a)
		}
	}
	if m == 0 {
		return math.NaN()
	}
	return float64(s) / float64(m)
}

// Node is one author's place in the reply graph.
type Node struct {
	Author              string
	Role                corpus.Role
	InDegree, OutDegree int     // distinct authors replying to / replied to
	InWeight, OutWeight float64 // replies received / given
	Betweenness         float64
	Community           int // Louvain community, from 1
}

// Nodes returns the per-node table, sorted by author. It is computed
// once (betweenness costs O(nm)); the slice must not be modified.
func (g *Graph) Nodes() []Node {
	if g.nodes != nil {
		return g.nodes
	}
	comm, _ := g.Communities()
	bet := g.Betweenness()
	out := make([]Node, g.N())
	for i, a := range g.Authors {
		nd := Node{Author: a, Role: g.Roles[i], InDegree: g.in.degree(i), OutDegree: g.out.degree(i), Betweenness: bet[i]}
		// Weights count replies: their sums are exact in any order.
		_, win := g.in.row(i)
		for _, w := range win {
			nd.InWeight += w
		}
		_, wout := g.out.row(i)
		for _, w := range wout {
			nd.OutWeight += w
		}
		if comm != nil {
			nd.Community = comm[i]
		}
		out[i] = nd
	}
	g.nodes = out
	return out
}

// Edge is a weighted directed edge between two authors.
type Edge struct {
	Source, Target string
	Weight         float64
}

// Edges returns the edges sorted by source then target.
func (g *Graph) Edges() []Edge {
	var out []Edge
	for a := range g.Authors {
		nb, w := g.out.row(a)
		for k, b := range nb {
			out = append(out, Edge{g.Authors[a], g.Authors[b], w[k]})
		}
	}
	return out
}
