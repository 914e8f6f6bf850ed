// Package null compares the structure of a reply network with that of
// degree-preserving randomisations of the same graph: is a modularity, a
// reciprocity, a clustering or a k-core larger than the degrees alone
// make it? Random graphs with heavy-tailed degrees reach modularities of
// 0.1-0.3 from fluctuations alone (Guimerà, Sales-Pardo and Amaral 2004);
// a Louvain partition is a finding only when its modularity is beyond
// that of the randomised graphs.
//
// It is its own package, beside network rather than in it, because it is
// one concern (inference against a null model) that only reads a Graph:
// network measures a graph, null asks whether the measure could be
// chance. It needs from network only the graph as edge lists
// (Graph.Arcs, Graph.Links) and the measures of an edge list
// (Links.Measure).
//
// # Randomisations
//
// A randomisation is reached by Maslov-Sneppen edge swaps (Maslov and
// Sneppen 2002) from the observed graph:
//
//   - directed, for reciprocity: two arcs a->b and c->d become a->d and
//     c->b; every node keeps its in- and out-degree;
//   - undirected, for modularity, clustering and k-core, on the
//     undirected graph these are measured on (Graph.Links: a-b when a->b
//     or b->a): two edges a-b and c-d become a-d and c-b (or a-c and
//     d-b, with probability 1/2); every node keeps its number of
//     distinct neighbours.
//
// A swap that would create a self-loop or an edge that exists already is
// rejected (not made, but counted as an attempt), so every randomisation
// is a simple graph with exactly the observed degree sequence (property
// test: TestSwapsPreserveDegrees).
//
// The draws come from Options.Chains independent chains (4 by default):
// chain c starts from the observed graph, makes SwapsPerEdge x m attempts
// (10 m by default, m the number of edges: a burn-in in which every edge
// is moved about eight times), then gives draws c, c + Chains,
// c + 2 Chains..., each after ThinPerEdge x m more attempts (1 m by
// default, about 0.9 m swaps made: most edges moved once more). Draws
// one m apart are nearly uncorrelated (lag-1 autocorrelations between
// -0.12 and 0.04 on a heavy-tailed test graph) and the chains give the
// same null means and spreads as independent draws of 20 m attempts each
// (TestEnoughSwaps), with 1.2 m attempts a draw instead of 10 m or more.
//
// Chain c uses the random sources rand.NewPCG(Options.Seed, 2c) for its
// directed swaps and rand.NewPCG(Options.Seed, 2c+1) for its undirected
// ones: each draw is a function of the seed, of the chain count and of
// its index alone. Chains run on Options.Workers goroutines (2 by
// default, the machine's cores); the results are the same, bit for bit,
// whatever the number of workers (TestDeterministic).
//
// # Measures
//
//   - modularity: Links.Modularity, the modularity of the partition found
//     by network's own Louvain (resolution 1, random source seeded with
//     network.LouvainSeed) on the observed graph and on each
//     randomisation, one method for both, of the UNWEIGHTED undirected
//     graph (every edge of weight 1) unless Options.Weighted. The swaps
//     keep degrees, not weighted degrees: weights travelling with their
//     edges give the null graphs other weighted degrees, and on the
//     sample the weighted modularity of such randomisations is well above
//     the observed one (avs 0.246 ± 0.002 against 0.226, doctoctoc 0.213
//     against 0.133: replies concentrate on the hubs' edges, which the
//     shuffle spreads), a comparison with graphs that are not the
//     observed one's null. Unweighted, the null means are those measured
//     with networkx for the issue (avs 0.226, doctoctoc 0.144, en-colere
//     0.178, tu-sais-que 0.152). It is not gonum's Louvain, which the
//     modularity indicator uses on graphs of at most
//     network.LouvainGonumMaxNodes nodes: gonum's takes 0.1 to 2 s a
//     graph on the sample, against about 5 ms here. So Observed differs
//     from the modularity indicator (weighted, gonum's partition) by up
//     to 0.015 on the sample;
//   - reciprocity: Graph.Reciprocity, on the directed randomisations;
//   - clustering: Graph.Clustering (average local clustering of the
//     undirected simple graph);
//   - kcore_max: the largest k of a non-empty k-core.
//
// # Comparison
//
// For each measure, over the D = Options.Draws randomisations (200 by
// default, DefaultDraws): NullMean, NullSD (standard deviation with
// D-1), NullLo and NullHi the 2.5 % and 97.5 % quantiles of the draws
// (linear interpolation between order statistics, R's type 7),
// Z = (Observed - NullMean) / NullSD (NaN when NullSD is 0), and the
// one-sided P = (1 + #{draws >= Observed}) / (D + 1), the Monte Carlo
// p-value with the +1 correction (Davison and Hinkley 1997, 4.2): the
// probability of a null graph reaching the observed value. Draws equal to
// the observed value count against it (a k-core of the same size as the
// observed is not beyond chance).
//
// The verdict: Beyond, "structure beyond chance", when P < Alpha (0.05).
// The rule is on P rather than on Z because it assumes nothing of the
// shape of the null distribution (k-cores are integers, often with one
// or two values, and their NullSD can be 0) and needs no estimate of
// spread. P cannot be below 1/(D+1): at least 20 draws are
// needed to ever conclude (Draws below 20 are refused), 200 give P down
// to 0.005 and null means stable to the third decimal on the sample (two
// seeds: 0.1778 and 0.1777 for en-colere, 0.1528 and 0.1526 for
// tu-sais-que).
//
// On the committed sample (unweighted modularity, 200 draws): avs 0.228
// against 0.226 ± 0.002 and doctoctoc 0.144 against 0.144 are chance;
// tu-sais-que 0.158 against 0.153 ± 0.002 (z 2.1 to 2.3, P 0.015) and
// en-colere 0.181 against 0.178 ± 0.002 (z 1.7 to 2.0, P 0.025 to 0.04)
// are beyond chance by a few thousandths, too little for Louvain groups
// to mean much. This is the simulator's join dynamics: members answer
// only threads started after they joined, so members of the same
// seniority answer each other more than their degrees say (grouping the
// authors by quartile of their first message gives a modularity of
// 0.065 to 0.077 in the three Facebook groups, against -0.014 to -0.006
// on the randomisations, z above 20; checked once, not a test). Reciprocity is
// beyond chance everywhere (askers thank their answerers); clustering and
// k-cores nowhere.
//
// # Cost
//
// A draw costs about two swap attempts per edge and one Louvain, one
// triangle count and one core decomposition of the randomised graph:
// 40 to 50 ms of CPU on the sample's largest graph (the aides as a
// whole, 4 364 nodes, 33 191 arcs), 8 to 10 s for 200 draws; 9 to 11 s
// of CPU for 200 draws of every community, 18 to 20 s for every group
// with the professions as a whole (BenchmarkSample*, measured on a
// machine shared with other jobs; the wall time on two free cores is
// about half the CPU time). The cost is proportional to Draws.
package null

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/faire-communaute/compendium/analysis/indicator/network"
)

// Defaults of Options.
const (
	// DefaultDraws is the number of randomisations of the figures.
	DefaultDraws = 200
	// DefaultSwapsPerEdge is the number of swap attempts per edge with
	// which each chain starts (its burn-in).
	DefaultSwapsPerEdge = 10
	// DefaultThinPerEdge is the number of swap attempts per edge between
	// two draws of a chain.
	DefaultThinPerEdge = 1
	// DefaultChains is the number of independent chains of
	// randomisations.
	DefaultChains = 4
	// DefaultWorkers is the number of goroutines drawing randomisations.
	DefaultWorkers = 2
	// DefaultSeed seeds the randomisations.
	DefaultSeed = 20190523
	// MinDraws is the fewest draws that can give P < Alpha.
	MinDraws = 20
	// Alpha is the level below which P says "structure beyond chance".
	Alpha = 0.05
)

// Verdicts.
const (
	VerdictBeyond = "structure beyond chance"
	VerdictChance = "no structure beyond chance"
)

// Measure names, as the network indicators name them.
const (
	Modularity  = "modularity"
	Reciprocity = "reciprocity"
	Clustering  = "clustering"
	KCoreMax    = "kcore_max"
)

// Measures are the measures compared, in the order of Result.Comparisons.
var Measures = []string{Modularity, Reciprocity, Clustering, KCoreMax}

// Options are the parameters of the randomisations. The zero value means
// the defaults.
type Options struct {
	// Draws is the number of randomisations (DefaultDraws when 0; at
	// least MinDraws).
	Draws int
	// Seed seeds the randomisations (DefaultSeed when 0).
	Seed uint64
	// SwapsPerEdge is the number of swap attempts per edge with which
	// each chain starts, before its first draw (DefaultSwapsPerEdge when
	// 0).
	SwapsPerEdge float64
	// ThinPerEdge is the number of swap attempts per edge between two
	// successive draws of a chain (DefaultThinPerEdge when 0).
	ThinPerEdge float64
	// Chains is the number of independent chains the draws are taken
	// from, draw i from chain i mod Chains (DefaultChains when 0, at most
	// Draws). Chains = Draws makes every draw its own chain: independent
	// draws, each after SwapsPerEdge x m attempts.
	Chains int
	// Workers is the number of goroutines (DefaultWorkers when 0); the
	// results do not depend on it.
	Workers int
	// Weighted compares the weighted modularity (edge weights w(a->b) +
	// w(b->a), the modularity indicator's), weights travelling with their
	// edge in the swaps; false (the default) compares the modularity of
	// the unweighted graph, every edge of weight 1. See the package
	// documentation for why the default is unweighted.
	Weighted bool
}

func (o Options) withDefaults() (Options, error) {
	if o.Draws == 0 {
		o.Draws = DefaultDraws
	}
	if o.Draws < MinDraws {
		return o, fmt.Errorf("null: %d draws, want at least %d (P cannot be below 1/(draws+1))", o.Draws, MinDraws)
	}
	if o.Seed == 0 {
		o.Seed = DefaultSeed
	}
	if o.SwapsPerEdge == 0 {
		o.SwapsPerEdge = DefaultSwapsPerEdge
	}
	if o.ThinPerEdge == 0 {
		o.ThinPerEdge = DefaultThinPerEdge
	}
	if o.SwapsPerEdge < 0 || o.ThinPerEdge < 0 {
		return o, fmt.Errorf("null: negative swaps per edge %g, %g", o.SwapsPerEdge, o.ThinPerEdge)
	}
	if o.Chains <= 0 {
		o.Chains = DefaultChains
	}
	o.Chains = min(o.Chains, o.Draws)
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	return o, nil
}

// Comparison is one measure of the observed graph against its value on
// the randomisations (see the package documentation).
type Comparison struct {
	Measure          string
	Observed         float64
	NullMean, NullSD float64
	NullLo, NullHi   float64 // 2.5 % and 97.5 % quantiles of the draws
	Z, P             float64
	Draws            int
	// Beyond is P < Alpha: structure beyond chance.
	Beyond bool
}

// Verdict returns VerdictBeyond or VerdictChance.
func (c Comparison) Verdict() string {
	if c.Beyond {
		return VerdictBeyond
	}
	return VerdictChance
}

// Result is the null comparison of one graph.
type Result struct {
	// Comparisons holds one Comparison per measure, in the order of
	// Measures.
	Comparisons []Comparison
	// Options are the options used, defaults filled in.
	Options Options
	// SwapRate is the number of swaps made per edge and draw, burn-ins
	// included, directed and undirected.
	SwapRate struct{ Directed, Undirected float64 }
	// Null holds the value of each measure on each draw, by measure then
	// draw.
	Null map[string][]float64
}

// Get returns the comparison of a measure (a zero Comparison with NaN
// values for an unknown one).
func (r Result) Get(measure string) Comparison {
	for _, c := range r.Comparisons {
		if c.Measure == measure {
			return c
		}
	}
	nan := math.NaN()
	return Comparison{Measure: measure, Observed: nan, NullMean: nan, NullSD: nan, NullLo: nan, NullHi: nan, Z: nan, P: nan}
}

// measures of one graph, in the order of Measures.
type values [4]float64

func undirectedValues(l network.Links) (modularity, clustering, kcore float64) {
	s := l.Measure()
	return s.Modularity, s.Clustering, float64(s.KCoreMax)
}

// reciprocity is the share of arcs whose reverse is among arcs.
func reciprocity(arcs []network.Arc) float64 {
	if len(arcs) == 0 {
		return math.NaN()
	}
	set := newEdgeSet(len(arcs))
	for _, e := range arcs {
		set.add(key(e.From, e.To))
	}
	r := 0
	for _, e := range arcs {
		if set.has(key(e.To, e.From)) {
			r++
		}
	}
	return float64(r) / float64(len(arcs))
}

// Compare compares g with opt.Draws degree-preserving randomisations of
// it (see the package documentation). A graph without edges gives NaN
// comparisons that are not beyond chance.
func Compare(g *network.Graph, opt Options) (Result, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return Result{}, err
	}
	arcs := g.Arcs()
	links := g.Links()
	if !opt.Weighted {
		for i := range links.Edges {
			links.Edges[i].W = 1
		}
	}
	res := Result{Options: opt, Null: map[string][]float64{}}
	var obs values
	obs[0], obs[2], obs[3] = undirectedValues(links)
	obs[1] = reciprocity(arcs)
	draws := make([]values, opt.Draws)
	if len(arcs) > 0 {
		burn := [2]int{int(math.Round(opt.SwapsPerEdge * float64(len(arcs)))), int(math.Round(opt.SwapsPerEdge * float64(len(links.Edges))))}
		thin := [2]int{int(math.Round(opt.ThinPerEdge * float64(len(arcs)))), int(math.Round(opt.ThinPerEdge * float64(len(links.Edges))))}
		made := make([][2]int, opt.Chains)
		next := make(chan int)
		var wg sync.WaitGroup
		for range min(opt.Workers, opt.Chains) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for c := range next {
					made[c] = chain(arcs, links, c, opt, burn, thin, draws)
				}
			}()
		}
		for c := range opt.Chains {
			next <- c
		}
		close(next)
		wg.Wait()
		var sd, su float64
		for _, m := range made {
			sd += float64(m[0])
			su += float64(m[1])
		}
		// attempts in all: each chain's burn-in, then thin between draws
		res.SwapRate.Directed = sd / float64(opt.Draws) / float64(len(arcs))
		if len(links.Edges) > 0 {
			res.SwapRate.Undirected = su / float64(opt.Draws) / float64(len(links.Edges))
		}
	} else {
		for i := range draws {
			draws[i] = values{math.NaN(), math.NaN(), math.NaN(), math.NaN()}
		}
	}
	for k, name := range Measures {
		xs := make([]float64, opt.Draws)
		for i, v := range draws {
			xs[i] = v[k]
		}
		res.Null[name] = xs
		res.Comparisons = append(res.Comparisons, compare(name, obs[k], xs))
	}
	return res, nil
}

// chain runs chain c: from the observed graph, burn swap attempts, then
// the draws c, c+Chains, c+2 Chains... each after thin more attempts,
// measured into draws. It returns the swaps made, directed and
// undirected.
func chain(arcs []network.Arc, links network.Links, c int, opt Options, burn, thin [2]int, draws []values) [2]int {
	a := slices.Clone(arcs)
	u := network.Links{N: links.N, Edges: slices.Clone(links.Edges)}
	rd := rand.New(rand.NewPCG(opt.Seed, 2*uint64(c)))
	ru := rand.New(rand.NewPCG(opt.Seed, 2*uint64(c)+1))
	dset, uset := newDirected(a), newUndirected(u.Edges)
	var made [2]int
	for i, k := c, 0; i < len(draws); i, k = i+opt.Chains, k+1 {
		na, nu := thin[0], thin[1]
		if k == 0 {
			na, nu = burn[0], burn[1]
		}
		made[0] += dset.swap(a, na, rd)
		made[1] += uset.swap(u.Edges, nu, ru)
		var v values
		v[0], v[2], v[3] = undirectedValues(u)
		v[1] = reciprocity(a)
		draws[i] = v
	}
	return made
}

// compare summarises the draws xs of a measure against its observed
// value.
func compare(name string, observed float64, xs []float64) Comparison {
	c := Comparison{Measure: name, Observed: observed, Draws: len(xs)}
	nan := math.NaN()
	if math.IsNaN(observed) || slices.ContainsFunc(xs, math.IsNaN) || len(xs) < 2 {
		c.NullMean, c.NullSD, c.NullLo, c.NullHi, c.Z, c.P = nan, nan, nan, nan, nan, nan
		return c
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	n := float64(len(xs))
	c.NullMean = s / n
	var ss float64
	ge := 0
	for _, x := range xs {
		ss += (x - c.NullMean) * (x - c.NullMean)
		if x >= observed {
			ge++
		}
	}
	c.NullSD = math.Sqrt(ss / (n - 1))
	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	c.NullLo, c.NullHi = Quantile(sorted, 0.025), Quantile(sorted, 0.975)
	c.Z = nan
	if c.NullSD > 0 {
		c.Z = (observed - c.NullMean) / c.NullSD
	}
	c.P = float64(1+ge) / (n + 1)
	c.Beyond = c.P < Alpha
	return c
}

// Quantile returns the p-quantile of sorted values by linear
// interpolation between order statistics (R's type 7): with h = (n-1)p,
// x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). NaN for no
// values.
func Quantile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * p
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return sorted[n-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}
