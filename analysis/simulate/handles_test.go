package simulate

import (
	"strings"
	"testing"
)

// TestHandlesUniqueAtLargeScale: at the scales benchmarks use, GP handles
// stay unique ignoring case (the pseudonymizer keys accounts by
// lower-cased handle) and short enough for Twitter, and building the
// accounts terminates (random suffixes of a prefix used to run out).
func TestHandlesUniqueAtLargeScale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 50 times the GP accounts")
	}
	p := DefaultParams(DefaultSeed, 50)
	var g Group
	for _, x := range p.Groups {
		if x.ID == "doctoctoc" {
			g = x
		}
	}
	c := newCommunity(&p, g, newPopulation(&p))
	seen := map[string]bool{}
	for _, m := range c.members {
		h := strings.ToLower(m.p.Handle)
		if seen[h] {
			t.Fatalf("handle %q given twice", m.p.Handle)
		}
		if len(h) == 0 || len(h) > 15 {
			t.Fatalf("handle %q of length %d", m.p.Handle, len(h))
		}
		seen[h] = true
	}
	if len(seen) < 10000 {
		t.Errorf("only %d accounts at scale 50", len(seen))
	}
	t.Logf("%d GP accounts at scale 50", len(seen))
}
