package notebook

import (
	"math"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/stats"
)

const nn = figure.NarrowNBSP

func TestInterval(t *testing.T) {
	nan := math.NaN()
	defer func(l figure.Language) { figure.Lang = l }(figure.Lang)
	figure.Lang = figure.French
	for _, c := range []struct {
		e    stats.Estimate
		want string
	}{
		{stats.Estimate{Value: 0.41234, Lo: 0.38, Hi: 0.44512}, "41,2" + nn + "% [38,0 ; 44,5]"},
		{stats.Estimate{Value: 0.5, Lo: nan, Hi: nan}, "50,0" + nn + "% (intervalle non estimable)"},
		{stats.Estimate{Value: 0.25, Lo: 0.1, Hi: nan}, "25,0" + nn + "% [10,0 ; n." + figure.NBSP + "d.]"},
		{stats.Estimate{Value: nan, Lo: nan, Hi: nan}, "n." + figure.NBSP + "d."},
	} {
		if got := Interval(c.e); got != c.want {
			t.Errorf("Interval(%+v) = %q, want %q", c.e, got, c.want)
		}
	}
	// A hand-computed Wilson interval: 3 of 5, [0.230724, 0.882379].
	if got, want := Interval(stats.Wilson(3, 5, 0, "threads")), "60,0"+nn+"% [23,1 ; 88,2]"; got != want {
		t.Errorf("Wilson 3/5: %q, want %q", got, want)
	}
	if got, want := IntervalNumber(stats.Estimate{Value: 1234.5, Lo: 1000, Hi: 1500.25}, 1), "1"+nn+"234,5 [1"+nn+"000,0 ; 1"+nn+"500,2]"; got != want {
		t.Errorf("IntervalNumber: %q, want %q", got, want)
	}
	figure.Lang = figure.English
	if got, want := Interval(stats.Estimate{Value: 0.41234, Lo: 0.38, Hi: 0.44512}), "41.2% [38.0, 44.5]"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := IntervalNumber(stats.Estimate{Value: 0.66, Lo: 0.64, Hi: 0.69}, 2), "0.66 [0.64, 0.69]"; got != want {
		t.Errorf("English number: %q, want %q", got, want)
	}
}

func TestCompare(t *testing.T) {
	defer func(l figure.Language) { figure.Lang = l }(figure.Lang)
	figure.Lang = figure.French
	nan := math.NaN()
	cmp := func(d, lo, hi, p float64) stats.Comparison {
		return stats.Comparison{Estimate: stats.Estimate{Value: d, Lo: lo, Hi: hi}, P: p}
	}
	a, b := "les médecins généralistes", "les aides à domicile"
	share := Gap{Points: true, Decimals: 1, Feminine: true}
	for _, c := range []struct {
		c    stats.Comparison
		g    Gap
		want string
	}{
		// Claimed, a above b.
		{cmp(0.024, 0.009, 0.037, 0.003), Gap{Points: true, Decimals: 1},
			"plus élevé chez les médecins généralistes que chez les aides à domicile, de 2,4 points [0,9 ; 3,7] (p = 0,003)"},
		// Claimed, a below b: b is named first, the gap positive.
		{cmp(-0.079, -0.086, -0.071, 0.0009), share,
			"plus élevée chez les aides à domicile que chez les médecins généralistes, de 7,9 points [7,1 ; 8,6] (p < 0,001)"},
		// Not claimed: the interval straddles 0.
		{cmp(0.004, -0.033, 0.047, 0.851), Gap{Decimals: 2},
			"ces données ne permettent pas de départager les médecins généralistes et les aides à domicile (écart des premiers sur les seconds : 0,00 [-0,03 ; 0,05], p = 0,851)"},
		// Not claimed: no interval (a group of one unit); singular point.
		{cmp(-0.014, nan, nan, 1), share,
			"ces données ne permettent pas de départager les médecins généralistes et les aides à domicile (écart des premiers sur les seconds : -1,4 point, sans intervalle estimable, p = 1,000)"},
		// Undefined in one group.
		{cmp(nan, nan, nan, nan), share,
			"ces données ne permettent pas de comparer les médecins généralistes et les aides à domicile (la mesure n'est pas définie pour l'un des deux)"},
	} {
		if got := Compare(c.c, a, b, c.g); got != c.want {
			t.Errorf("Compare(%+v) =\n%q\nwant\n%q", c.c, got, c.want)
		}
	}
	// A real Difference: 30 of 40 against 5 of 40 is claimed.
	x := make([]float64, 80)
	for i := range 30 {
		x[i] = 1
	}
	for i := 40; i < 45; i++ {
		x[i] = 1
	}
	d := stats.Difference(40, 40, func(idx []int) float64 {
		var s float64
		for _, i := range idx {
			s += x[i]
		}
		return s / float64(len(idx))
	}, stats.Options{Reps: 500})
	if got := Compare(d, "A", "B", share); !strings.HasPrefix(got, "plus élevée chez A que chez B, de 62,5 points [") {
		t.Errorf("30/40 − 5/40: %q", got)
	}
	figure.Lang = figure.English
	if got, want := Compare(cmp(0.024, 0.009, 0.037, 0.003), "GPs", "aides", share), "higher for GPs than for aides, by 2.4 points [0.9, 3.7] (p = 0.003)"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := Compare(cmp(0.01, -0.02, 0.04, 0.5), "GPs", "aides", share), "these data cannot tell GPs and aides apart (gap of the former over the latter: 1.0 point [-2.0, 4.0], p = 0.500)"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
}
