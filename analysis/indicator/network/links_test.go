package network

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"gonum.org/v1/gonum/graph/community"
)

func TestArcsAndLinksByHand(t *testing.T) {
	g := triangle() // a->b 1, b->a 2, b->c 1, c->a 1
	want := []Arc{{0, 1, 1}, {1, 0, 2}, {1, 2, 1}, {2, 0, 1}}
	if got := g.Arcs(); len(got) != len(want) {
		t.Fatalf("arcs %v, want %v", got, want)
	} else {
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("arc %d = %v, want %v", i, got[i], want[i])
			}
		}
	}
	l := g.Links()
	wantL := []Arc{{0, 1, 3}, {0, 2, 1}, {1, 2, 1}}
	if l.N != 3 || len(l.Edges) != 3 {
		t.Fatalf("links %+v, want %v", l, wantL)
	}
	for i := range wantL {
		if l.Edges[i] != wantL[i] {
			t.Errorf("link %d = %v, want %v", i, l.Edges[i], wantL[i])
		}
	}
	if c := l.Clustering(); c != 1 {
		t.Errorf("clustering %v, want 1", c)
	}
	if k, n := l.KCore(); k != 2 || n != 3 {
		t.Errorf("k-core %d (%d nodes), want 2 (3)", k, n)
	}
	// Degrees 4, 4, 2 (2m = 10): every split has Q < 0 ({a,b},{c}:
	// 6/10 - 0.64 - 0.04 = -0.08), so Louvain joins all: Q = 0.
	if q, nc := l.Modularity(); q != 0 || nc != 1 {
		t.Errorf("modularity %v (%d communities), want 0 (1)", q, nc)
	}
}

func TestLinksTwoCliques(t *testing.T) {
	l := Build(twoCliques()).Links()
	// as TestTwoCliques: Q = 2 * (12/25 - (25/50)^2) = 0.46
	if q, nc := l.Modularity(); nc != 2 || !indicatortest.Near(q, 0.46) {
		t.Errorf("modularity %v (%d communities), want 0.46 (2)", q, nc)
	}
	if q, nc := (Links{N: 4}).Modularity(); !math.IsNaN(q) || nc != 0 {
		t.Errorf("no edges: %v, %d; want NaN, 0", q, nc)
	}
}

// TestLinksAgreeWithGraph checks Links' measures against Graph's on a
// heavy-tailed graph of 600 nodes, and its modularity against gonum's Q
// of the same partition.
func TestLinksAgreeWithGraph(t *testing.T) {
	const n = 600
	g := Build(corpusOf(n, heavyTailed(5, n, 6*n, 0.5)))
	l := g.Links()
	if c1, c2 := l.Clustering(), g.Clustering(); c1 != c2 {
		t.Errorf("clustering %v, Graph %v", c1, c2)
	}
	k1, s1 := l.KCore()
	k2, s2 := g.KCore()
	if k1 != k2 || s1 != s2 {
		t.Errorf("k-core %d (%d), Graph %d (%d)", k1, s1, k2, s2)
	}
	if len(g.Arcs()) != g.M() {
		t.Errorf("%d arcs, %d edges", len(g.Arcs()), g.M())
	}
	q, nc := l.Modularity()
	if s := l.Measure(); s.Clustering != g.Clustering() || s.KCoreMax != k2 || s.KCoreSize != s2 || s.Modularity != q || s.Communities != nc {
		t.Errorf("Measure %+v, want %v, %d (%d), %v (%d)", s, g.Clustering(), k2, s2, q, nc)
	}
	memb := louvain(g.weighted(), rand.New(rand.NewPCG(LouvainSeed, LouvainSeed)))
	if want := community.Q(g.Undirected(), communitiesOf(memb), 1); math.Abs(q-want) > 1e-12 {
		t.Errorf("modularity %v, gonum's Q of the partition %v", q, want)
	}
	if nc < 2 {
		t.Errorf("%d communities", nc)
	}
}
