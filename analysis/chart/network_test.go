package chart

import (
	"math"
	"testing"
)

func TestForceLayout(t *testing.T) {
	// Two coincident starts cannot happen with a seeded source, but a
	// star and a pair of nodes must land in the unit square, spread, the
	// same on every call.
	links := []Link{{0, 1, 1}, {0, 2, 1}, {0, 3, 2}, {4, 5, 1}}
	a := ForceLayout(6, links, 42)
	b := ForceLayout(6, links, 42)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("node %d: %v then %v", i, a[i], b[i])
		}
		if a[i][0] < -1e-9 || a[i][0] > 1+1e-9 || a[i][1] < -1e-9 || a[i][1] > 1+1e-9 {
			t.Errorf("node %d outside the unit square: %v", i, a[i])
		}
		for j := range i {
			if math.Hypot(a[i][0]-a[j][0], a[i][1]-a[j][1]) < 0.05 {
				t.Errorf("nodes %d and %d overlap: %v %v", i, j, a[i], a[j])
			}
		}
	}
	// Linked nodes end closer than unlinked ones: the leaves of the
	// star are nearer its centre than to the separate pair.
	d := func(i, j int) float64 { return math.Hypot(a[i][0]-a[j][0], a[i][1]-a[j][1]) }
	if d(0, 1) >= d(1, 4) || d(4, 5) >= d(0, 4) {
		t.Errorf("links do not attract: d01 %.3f d14 %.3f d45 %.3f d04 %.3f", d(0, 1), d(1, 4), d(4, 5), d(0, 4))
	}
	if p := ForceLayout(1, nil, 1); p[0] != [2]float64{0.5, 0.5} {
		t.Errorf("one node at %v, want the centre", p[0])
	}
}
