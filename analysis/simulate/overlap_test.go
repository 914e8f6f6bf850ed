package simulate

import (
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// OverlapWithCodebook's numbers are printed by
// `go test ./analysis/simulate -run Overlap -v` and by Table 3 beside the
// codebook's scores against the truth; the test fails when a change of
// the grammar or the codebook makes the check more circular than stated
// (MaxOverlap).
func TestOverlapWithCodebook(t *testing.T) {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	overlap, err := OverlapWithCodebook(cb)
	if err != nil {
		t.Fatal(err)
	}
	if len(overlap) != 4 {
		t.Fatalf("%d themes, want 4", len(overlap))
	}
	for _, o := range overlap {
		t.Logf("%-10s %4d stems in the simulator's wording, %3d of them codebook keyword stems: %.1f %%", o.Theme, o.Stems, o.Shared, 100*o.Fraction)
		if o.Stems == 0 || o.Fraction != float64(o.Shared)/float64(o.Stems) {
			t.Errorf("%s: %+v", o.Theme, o)
		}
		if o.Fraction > MaxOverlap {
			t.Errorf("%s: %.1f %% of the wording's stems are keyword stems, above the stated %.0f %%", o.Theme, 100*o.Fraction, 100*MaxOverlap)
		}
	}
}
