package indicatortest

import (
	"math"
	"testing"

	"github.com/faire-communaute/compendium/analysis/indicator"
)

func TestNear(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		a, b float64
		want bool
	}{
		{0.1 + 0.2, 0.3, true},
		{1, 1 + 2e-9, false},
		{nan, nan, true},
		{nan, 0, false},
		{0, nan, false},
		{math.Inf(1), math.Inf(1), false}, // Inf - Inf is NaN: never near
	} {
		if got := Near(c.a, c.b); got != c.want {
			t.Errorf("Near(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestRowStrings(t *testing.T) {
	got := RowStrings([]indicator.Row{
		{Community: "g", Profession: "p", Indicator: "share", Value: 2.0 / 3},
		{Community: "*", Profession: "p", Indicator: "share", Value: math.NaN()},
	})
	want := []string{"g p share 0.666667", "* p share NaN"}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("RowStrings = %q, want %q", got, want)
	}
}
