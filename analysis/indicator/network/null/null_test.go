package null

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
)

// graphOf returns the reply graph whose arcs are given: node i is author
// "u%05d" (so that id i is node i when every node has an edge), arc u->v
// of weight w is w replies of u to the first message of v.
func graphOf(n int, arcs []network.Arc) *network.Graph {
	t0 := time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)
	var msgs []corpus.Message
	for i := range n {
		msgs = append(msgs, corpus.Message{Community: "x", ID: fmt.Sprintf("p%d", i), Author: fmt.Sprintf("u%05d", i), Created: t0})
	}
	for k, e := range arcs {
		for j := range int(e.W) {
			msgs = append(msgs, corpus.Message{Community: "x", ID: fmt.Sprintf("r%d.%d", k, j),
				Author: fmt.Sprintf("u%05d", e.From), ParentID: fmt.Sprintf("p%d", e.To), Created: t0})
		}
	}
	return network.Build(msgs)
}

// undirectedArcs turns unordered pairs into arcs of a random direction,
// reciprocated with probability recip; weights 1 to 3.
func undirectedArcs(r *rand.Rand, pairs [][2]int32, recip float64) []network.Arc {
	var out []network.Arc
	for _, p := range pairs {
		a, b := p[0], p[1]
		if r.IntN(2) == 1 {
			a, b = b, a
		}
		out = append(out, network.Arc{From: a, To: b, W: float64(1 + r.IntN(3))})
		if r.Float64() < recip {
			out = append(out, network.Arc{From: b, To: a, W: 1})
		}
	}
	return out
}

// plantedPartition returns groups x size nodes, each pair linked with
// probability pin within a group, pout between; and the group of each
// node.
func plantedPartition(seed uint64, groups, size int, pin, pout float64) (*network.Graph, []int) {
	r := rand.New(rand.NewPCG(seed, 1))
	n := groups * size
	var pairs [][2]int32
	for a := range n {
		for b := a + 1; b < n; b++ {
			p := pout
			if a/size == b/size {
				p = pin
			}
			if r.Float64() < p {
				pairs = append(pairs, [2]int32{int32(a), int32(b)})
			}
		}
	}
	truth := make([]int, n)
	for i := range truth {
		truth[i] = i / size
	}
	return graphOf(n, undirectedArcs(r, pairs, 0.2)), truth
}

// erdosRenyi returns a G(n, p) graph, directed arcs drawn independently.
func erdosRenyi(seed uint64, n int, p float64) *network.Graph {
	r := rand.New(rand.NewPCG(seed, 2))
	var arcs []network.Arc
	for a := range n {
		for b := range n {
			if a != b && r.Float64() < p {
				arcs = append(arcs, network.Arc{From: int32(a), To: int32(b), W: 1})
			}
		}
	}
	return graphOf(n, arcs)
}

// configurationModel returns a graph of n nodes with Pareto degrees
// (exponent alpha, at least dmin) by matching stubs at random, self-loops
// and repeated pairs erased.
func configurationModel(seed uint64, n int, alpha float64, dmin int) *network.Graph {
	r := rand.New(rand.NewPCG(seed, 3))
	var stubs []int32
	for i := range n {
		d := int(float64(dmin) * math.Pow(1-r.Float64(), -1/(alpha-1)))
		d = min(d, n/4)
		for range d {
			stubs = append(stubs, int32(i))
		}
	}
	if len(stubs)%2 == 1 {
		stubs = stubs[:len(stubs)-1]
	}
	r.Shuffle(len(stubs), func(i, j int) { stubs[i], stubs[j] = stubs[j], stubs[i] })
	seen := map[[2]int32]bool{}
	var pairs [][2]int32
	for i := 0; i+1 < len(stubs); i += 2 {
		a, b := min(stubs[i], stubs[i+1]), max(stubs[i], stubs[i+1])
		if a == b || seen[[2]int32{a, b}] {
			continue
		}
		seen[[2]int32{a, b}] = true
		pairs = append(pairs, [2]int32{a, b})
	}
	return graphOf(n, undirectedArcs(r, pairs, 0.15))
}

func mustCompare(t testing.TB, g *network.Graph, opt Options) Result {
	t.Helper()
	r, err := Compare(g, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func logResult(t *testing.T, name string, r Result) {
	t.Helper()
	for _, c := range r.Comparisons {
		t.Logf("%s %-11s observed %.4f null %.4f ± %.4f [%.4f, %.4f] z %6.2f P %.3f %s",
			name, c.Measure, c.Observed, c.NullMean, c.NullSD, c.NullLo, c.NullHi, c.Z, c.P, c.Verdict())
	}
	t.Logf("%s swaps per edge: directed %.2f, undirected %.2f", name, r.SwapRate.Directed, r.SwapRate.Undirected)
}

func TestPlantedPartitionDetected(t *testing.T) {
	g, truth := plantedPartition(1, 4, 25, 0.3, 0.02)
	if g.N() != 100 {
		t.Fatalf("%d nodes", g.N())
	}
	r := mustCompare(t, g, Options{Draws: 99})
	logResult(t, "planted", r)
	q := r.Get(Modularity)
	// Expected: 4 C(25,2) 0.3 = 360 edges within, (C(100,2) - 1200) 0.02
	// = 75 between; Q = 360/435 - 4 (1/4)^2 = 0.578.
	if math.Abs(q.Observed-0.578) > 0.05 {
		t.Errorf("observed modularity %.4f, want about 0.578", q.Observed)
	}
	if !q.Beyond || q.P != 0.01 || q.Z < 10 || q.Verdict() != VerdictBeyond {
		t.Errorf("planted partition: %+v, want beyond chance with P = 1/100 and z > 10", q)
	}
	if q.NullHi >= q.Observed || q.NullLo > q.NullMean || q.NullMean > q.NullHi {
		t.Errorf("null interval [%.4f, %.4f] around %.4f, observed %.4f", q.NullLo, q.NullHi, q.NullMean, q.Observed)
	}
	// The Louvain groups (those Figure 10 draws) are the planted ones.
	comm, _ := g.Communities()
	v := NMI(comm, truth)
	t.Logf("planted: NMI %.3f", v)
	if v < 0.9 {
		t.Errorf("NMI of Louvain groups and planted ones %.3f, want >= 0.9", v)
	}
	// Within groups of density 0.3, clustering is beyond that of the
	// randomised graph (about its density, 0.09).
	if c := r.Get(Clustering); !c.Beyond {
		t.Errorf("clustering: %+v, want beyond chance", c)
	}
}

func TestErdosRenyiNotDetected(t *testing.T) {
	g := erdosRenyi(2, 200, 0.03)
	r := mustCompare(t, g, Options{Draws: 99})
	logResult(t, "G(n,p)", r)
	for _, m := range []string{Modularity, Clustering, Reciprocity} {
		c := r.Get(m)
		if c.Beyond || math.Abs(c.Z) > 2 {
			t.Errorf("G(n,p) %s: %+v, want no structure beyond chance, |z| <= 2", m, c)
		}
	}
	// The modularity of a random graph is far from 0 (Guimerà et al.
	// 2004): that is what the null must absorb.
	if q := r.Get(Modularity); q.Observed < 0.1 {
		t.Errorf("G(n,p) modularity %.4f, expected a sizeable chance modularity", q.Observed)
	}
}

func TestConfigurationModelNotDetected(t *testing.T) {
	g := configurationModel(3, 600, 2.3, 2)
	r := mustCompare(t, g, Options{Draws: 99})
	logResult(t, "config", r)
	// One-sided: the erased configuration model (repeated pairs dropped)
	// links hubs to each other less than a uniform simple graph of the
	// same degrees does, so its clustering can fall below the null's (z
	// about -2 here); what must not happen is a value above it.
	for _, m := range []string{Modularity, Clustering, KCoreMax} {
		c := r.Get(m)
		if c.Beyond || c.Z > 2 {
			t.Errorf("configuration model %s: %+v, want no structure beyond chance, z <= 2", m, c)
		}
	}
	// Its arcs are reciprocated with probability 0.15 on top of chance:
	// that is found.
	if c := r.Get(Reciprocity); !c.Beyond {
		t.Errorf("planted reciprocity: %+v, want beyond chance", c)
	}
	if q := r.Get(Modularity); q.Observed < 0.2 {
		t.Errorf("heavy-tailed random graph modularity %.4f, expected a sizeable chance modularity", q.Observed)
	}
}

func TestObservedAreTheIndicators(t *testing.T) {
	g := configurationModel(4, 300, 2.3, 2)
	r := mustCompare(t, g, Options{Draws: MinDraws})
	k, _ := g.KCore()
	l := g.Links()
	qw, _ := l.Modularity()
	for i := range l.Edges {
		l.Edges[i].W = 1
	}
	q, _ := l.Modularity()
	for _, x := range []struct {
		m    string
		want float64
	}{{Reciprocity, g.Reciprocity()}, {Clustering, g.Clustering()}, {KCoreMax, float64(k)}, {Modularity, q}} {
		if got := r.Get(x.m).Observed; got != x.want {
			t.Errorf("%s observed %v, want %v", x.m, got, x.want)
		}
	}
	if qw == q {
		t.Fatal("weights 1 to 3 give the unweighted modularity")
	}
	rw := mustCompare(t, g, Options{Draws: MinDraws, Weighted: true})
	if got := rw.Get(Modularity).Observed; got != qw {
		t.Errorf("weighted modularity observed %v, want %v", got, qw)
	}
}

func bits(r Result) []uint64 {
	var out []uint64
	for _, c := range r.Comparisons {
		for _, x := range []float64{c.Observed, c.NullMean, c.NullSD, c.NullLo, c.NullHi, c.Z, c.P} {
			out = append(out, math.Float64bits(x))
		}
	}
	for _, m := range Measures {
		for _, x := range r.Null[m] {
			out = append(out, math.Float64bits(x))
		}
	}
	return append(out, math.Float64bits(r.SwapRate.Directed), math.Float64bits(r.SwapRate.Undirected))
}

func TestDeterministic(t *testing.T) {
	g := configurationModel(5, 400, 2.3, 2)
	a := bits(mustCompare(t, g, Options{Draws: 30, Seed: 9}))
	for _, w := range []int{1, 2, 3, 7} {
		if b := bits(mustCompare(t, g, Options{Draws: 30, Seed: 9, Workers: w})); !slices.Equal(a, b) {
			t.Errorf("%d workers: results differ from the first run", w)
		}
	}
	if b := bits(mustCompare(t, g, Options{Draws: 30, Seed: 10})); slices.Equal(a, b) {
		t.Error("seed has no effect")
	}
}

// TestEnoughSwaps checks that the default chains (DefaultChains chains
// of 10 m attempts, then a draw every m attempts) sample the same null as
// independent draws of 20 m attempts each: null means within a third of
// a null standard deviation, standard deviations within 30 %; and that
// successive draws of a chain are nearly uncorrelated.
func TestEnoughSwaps(t *testing.T) {
	g := configurationModel(6, 600, 2.3, 2)
	const draws = 120
	a := mustCompare(t, g, Options{Draws: draws})
	b := mustCompare(t, g, Options{Draws: draws, Chains: draws, SwapsPerEdge: 20, Seed: 11})
	for _, m := range Measures {
		x, y := a.Get(m), b.Get(m)
		xs := a.Null[m]
		// lag-1 autocorrelation within chains: draw i and i + Chains
		var num, den float64
		for i, v := range xs {
			den += (v - x.NullMean) * (v - x.NullMean)
			if j := i + DefaultChains; j < len(xs) {
				num += (v - x.NullMean) * (xs[j] - x.NullMean)
			}
		}
		rho := num / den
		t.Logf("%-11s chains: %.4f ± %.4f (lag-1 autocorrelation %.2f), independent 20m: %.4f ± %.4f", m, x.NullMean, x.NullSD, rho, y.NullMean, y.NullSD)
		sd := math.Max(x.NullSD, y.NullSD)
		if math.Abs(x.NullMean-y.NullMean) > sd/3 || x.NullSD < 0.7*y.NullSD || x.NullSD > 1.3*y.NullSD {
			t.Errorf("%s: null %.4f ± %.4f from chains, %.4f ± %.4f from independent draws", m, x.NullMean, x.NullSD, y.NullMean, y.NullSD)
		}
		if rho > 0.3 {
			t.Errorf("%s: successive draws of a chain correlated (%.2f)", m, rho)
		}
	}
	t.Logf("swaps made per edge and draw: chains %.2f, %.2f; independent %.2f, %.2f",
		a.SwapRate.Directed, a.SwapRate.Undirected, b.SwapRate.Directed, b.SwapRate.Undirected)
}

func TestEmptyGraphAndOptions(t *testing.T) {
	r := mustCompare(t, graphOf(0, nil), Options{Draws: MinDraws})
	for _, c := range r.Comparisons {
		// an empty graph's k-core is 0 (Graph.KCore), the others NaN
		if (c.Measure != KCoreMax && !math.IsNaN(c.Observed)) || !math.IsNaN(c.P) || c.Beyond {
			t.Errorf("empty graph %s: %+v, want NaN and not beyond", c.Measure, c)
		}
	}
	if _, err := Compare(graphOf(0, nil), Options{Draws: MinDraws - 1}); err == nil {
		t.Errorf("%d draws accepted", MinDraws-1)
	}
	if _, err := Compare(graphOf(0, nil), Options{SwapsPerEdge: -1}); err == nil {
		t.Error("negative swaps accepted")
	}
	if c := (Result{}).Get("nope"); !math.IsNaN(c.P) {
		t.Errorf("unknown measure: %+v", c)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCompareByHand(t *testing.T) {
	c := compare("x", 3, []float64{4, 1, 3, 2})
	// mean 2.5; sd sqrt(5/3) = 1.290994; quantiles (type 7) h = 3 p:
	// 0.075 -> 1.075, 2.925 -> 3.925; z = 0.5/1.290994 = 0.387298;
	// P = (1 + #{3, 4}) / 5 = 0.6.
	if !near(c.NullMean, 2.5) || !near(c.NullSD, math.Sqrt(5.0/3)) || !near(c.NullLo, 1.075) || !near(c.NullHi, 3.925) ||
		!near(c.Z, 0.5/math.Sqrt(5.0/3)) || !near(c.P, 0.6) || c.Beyond {
		t.Errorf("compare = %+v", c)
	}
	// constant draws below the observed: z undefined, P = 1/(n+1).
	xs := make([]float64, 39)
	for i := range xs {
		xs[i] = 14
	}
	c = compare("k", 20, xs)
	if !math.IsNaN(c.Z) || c.P != 1.0/40 || !c.Beyond || c.NullLo != 14 || c.NullHi != 14 {
		t.Errorf("constant null: %+v", c)
	}
	// ties count against the observed
	if c = compare("k", 14, xs); c.P != 1 || c.Beyond {
		t.Errorf("tied null: %+v", c)
	}
	if q := Quantile([]float64{1, 2, 3, 4, 5}, 0.5); q != 3 {
		t.Errorf("median %v", q)
	}
	if q := Quantile(nil, 0.5); !math.IsNaN(q) {
		t.Errorf("empty quantile %v", q)
	}
}

func TestNMIByHand(t *testing.T) {
	if v := NMI([]int{0, 0, 1, 1, 2}, []int{5, 5, 3, 3, 9}); !near(v, 1) {
		t.Errorf("relabelled partition: NMI %v, want 1", v)
	}
	if v := NMI([]int{0, 0, 1, 1}, []int{0, 1, 0, 1}); !near(v, 0) {
		t.Errorf("independent partitions: NMI %v, want 0", v)
	}
	// a = {01}{23}, b = {012}{3}: H(a) = ln 2, H(b) = -(3/4 ln 3/4 +
	// 1/4 ln 1/4), I = H(b) - H(b|a) = H(b) - 1/2 ln 2.
	hb := -(0.75*math.Log(0.75) + 0.25*math.Log(0.25))
	want := 2 * (hb - 0.5*math.Log(2)) / (math.Log(2) + hb)
	if v := NMI([]int{0, 0, 1, 1}, []int{0, 0, 0, 1}); !near(v, want) {
		t.Errorf("NMI %v, want %v", v, want)
	}
	if v := NMI([]int{0, 0}, []int{1, 1}); v != 1 {
		t.Errorf("single parts: %v", v)
	}
	if v := NMI(nil, nil); !math.IsNaN(v) {
		t.Errorf("no items: %v", v)
	}
}

// degrees returns the sorted (node, in, out) or (node, degree) counts.
func degreeSeq(arcs []network.Arc, directed bool) map[int32][2]int {
	d := map[int32][2]int{}
	for _, e := range arcs {
		x, y := d[e.From], d[e.To]
		x[0]++
		if directed {
			y[1]++
		} else {
			y[0]++
		}
		d[e.From], d[e.To] = x, y
	}
	return d
}

func weightsOf(arcs []network.Arc) []float64 {
	var w []float64
	for _, e := range arcs {
		w = append(w, e.W)
	}
	sort.Float64s(w)
	return w
}

func checkSimple(t *testing.T, arcs []network.Arc, directed bool) {
	t.Helper()
	seen := map[[2]int32]bool{}
	for _, e := range arcs {
		if e.From == e.To {
			t.Fatalf("self-loop %v", e)
		}
		if !directed && e.From > e.To {
			t.Fatalf("undirected edge not ordered: %v", e)
		}
		if seen[[2]int32{e.From, e.To}] {
			t.Fatalf("multi-edge %v", e)
		}
		seen[[2]int32{e.From, e.To}] = true
	}
}

// TestSwapsPreserveDegrees: on random graphs of many shapes, every swap
// run keeps each node's in- and out-degree (directed) or degree
// (undirected) and the weights, and makes no self-loop or multi-edge.
func TestSwapsPreserveDegrees(t *testing.T) {
	for seed := uint64(1); seed <= 40; seed++ {
		r := rand.New(rand.NewPCG(seed, 99))
		n := 3 + r.IntN(60)
		p := 0.02 + 0.5*r.Float64()
		var g *network.Graph
		if seed%2 == 0 {
			g = erdosRenyi(seed, n, p)
		} else {
			g = configurationModel(seed, n*3, 2.1+r.Float64(), 1+r.IntN(3))
		}
		arcs := g.Arcs()
		a := slices.Clone(arcs)
		made := newDirected(a).swap(a, 1+len(a)+r.IntN(20*len(a)+1), r)
		if !mapsEqual(degreeSeq(arcs, true), degreeSeq(a, true)) || !slices.Equal(weightsOf(arcs), weightsOf(a)) {
			t.Fatalf("seed %d: directed swaps changed degrees or weights", seed)
		}
		checkSimple(t, a, true)
		links := g.Links()
		u := slices.Clone(links.Edges)
		madeU := newUndirected(u).swap(u, 1+len(u)+r.IntN(20*len(u)+1), r)
		if !mapsEqual(degreeSeq(links.Edges, false), degreeSeq(u, false)) || !slices.Equal(weightsOf(links.Edges), weightsOf(u)) {
			t.Fatalf("seed %d: undirected swaps changed degrees or weights", seed)
		}
		checkSimple(t, u, false)
		// (a dense graph can have no possible swap: a complete one)
		if len(arcs) > 30 && 4*len(u) < n*(n-1) && (made == 0 || madeU == 0) {
			t.Errorf("seed %d: %d nodes, %d arcs, %d edges, %d and %d swaps made", seed, g.N(), len(arcs), len(u), made, madeU)
		}
	}
}

func mapsEqual(a, b map[int32][2]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestEdgeSet checks the hash set against a map over random operations,
// with keys crowded into few slots so that runs wrap around the table.
func TestEdgeSet(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	s := newEdgeSet(8)
	ref := map[uint64]bool{}
	for range 200000 {
		k := key(int32(r.IntN(6)), int32(r.IntN(6)))
		switch r.IntN(3) {
		case 0:
			if len(ref) < 8 || ref[k] {
				s.add(k)
				ref[k] = true
			}
		case 1:
			s.remove(k)
			delete(ref, k)
		}
		if s.has(k) != ref[k] {
			t.Fatalf("has(%x) = %v, want %v", k, s.has(k), ref[k])
		}
	}
	for a := range int32(6) {
		for b := range int32(6) {
			if k := key(a, b); s.has(k) != ref[k] {
				t.Fatalf("has(%d,%d) = %v, want %v", a, b, s.has(k), ref[k])
			}
		}
	}
}

// TestAgainstNetworkx compares the null means with those networkx 3.6.1
// gives for the same graph (testdata/networkx_check.py, its output in
// the script's header; the graph's arcs in testdata/arcs.csv): its edge
// swaps and its Louvain are other implementations of the same methods,
// so the means must agree within about one null standard deviation.
func TestAgainstNetworkx(t *testing.T) {
	g := configurationModel(3, 600, 2.3, 2)
	var b strings.Builder
	for _, a := range g.Arcs() {
		fmt.Fprintf(&b, "%d,%d,%g\n", a.From, a.To, a.W)
	}
	if want, err := os.ReadFile(filepath.Join("testdata", "arcs.csv")); err != nil || string(want) != b.String() {
		t.Fatalf("the graph is not the one networkx was given (testdata/arcs.csv): %v", err)
	}
	r := mustCompare(t, g, Options{Draws: 100})
	for _, x := range []struct {
		m        string
		nx, diff float64
	}{{Reciprocity, 0.0663, 0.003}, {Modularity, 0.3556, 0.003}, {Clustering, 0.1406, 0.006}, {KCoreMax, 7.675, 0.4}} {
		c := r.Get(x.m)
		t.Logf("%-11s null %.4f ± %.4f, networkx %.4f", x.m, c.NullMean, c.NullSD, x.nx)
		if math.Abs(c.NullMean-x.nx) > x.diff {
			t.Errorf("%s null mean %.4f, networkx %.4f (tolerance %g)", x.m, c.NullMean, x.nx, x.diff)
		}
	}
	if c := r.Get(Reciprocity); math.Abs(c.Observed-0.2526) > 5e-5 {
		t.Errorf("observed reciprocity %.5f, networkx 0.2526", c.Observed)
	}
}

func TestGroups(t *testing.T) {
	g1, _ := plantedPartition(7, 3, 20, 0.3, 0.02)
	g2 := erdosRenyi(7, 60, 0.05)
	same, _ := plantedPartition(7, 3, 20, 0.3, 0.02)
	gs := []network.Group{
		{Community: corpus.Community{ID: "a"}, Graph: g1},
		{Community: corpus.Community{ID: "b"}, Graph: g2},
		{Community: corpus.Community{ID: "*"}, Graph: same},
	}
	res, err := Groups(gs, Options{Draws: MinDraws})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || res[0].Of().ID != "a" || res[2].Of().ID != "*" {
		t.Fatalf("groups %+v", res)
	}
	for i, g := range gs {
		want := bits(mustCompare(t, g.Graph, Options{Draws: MinDraws}))
		if !slices.Equal(bits(res[i].Result), want) {
			t.Errorf("group %d: result differs from Compare's", i)
		}
	}
	if _, err := Groups(gs, Options{Draws: 3}); err == nil {
		t.Error("3 draws accepted")
	}
}
