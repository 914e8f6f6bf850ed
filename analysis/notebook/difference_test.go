package notebook

import (
	"math"
	"testing"

	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/stats"
)

func TestIntervalShares(t *testing.T) {
	defer func(l figure.Language) { figure.Lang = l }(figure.Lang)
	nan := math.NaN()
	nb := figure.NarrowNBSP
	for _, c := range []struct {
		e      stats.Estimate
		fr, en string
	}{
		// Wilson 1 of 3: [0.061492, 0.792340].
		{stats.Wilson(1, 3, 0, ""), "33,3" + nb + "% [6,1 ; 79,2]", "33.3% [6.1, 79.2]"},
		{stats.Estimate{Value: 0.5, Lo: nan, Hi: nan}, "50,0" + nb + "% (intervalle non estimable)", "50.0% (interval not estimable)"},
		{stats.Estimate{Value: 0.5, Lo: 0.4, Hi: nan}, "50,0" + nb + "% [40,0 ; " + figure.NotAvailable() + "]", ""},
		{stats.Estimate{Value: nan, Lo: nan, Hi: nan}, figure.NotAvailable(), ""},
	} {
		figure.Lang = figure.French
		if got := Interval(c.e); got != c.fr {
			t.Errorf("Interval(%+v) = %q, want %q", c.e, got, c.fr)
		}
		if c.en == "" {
			continue
		}
		figure.Lang = figure.English
		if got := Interval(c.e); got != c.en {
			t.Errorf("English Interval(%+v) = %q, want %q", c.e, got, c.en)
		}
	}
}

func TestDifferenceText(t *testing.T) {
	defer func(l figure.Language) { figure.Lang = l }(figure.Lang)
	figure.Lang = figure.French
	est := func(v, lo, hi, p float64) stats.Comparison {
		return stats.Comparison{Estimate: stats.Estimate{Value: v, Lo: lo, Hi: hi}, P: p}
	}
	// a − b = −0.212 [−0.233, −0.191]: b is higher, claimed.
	got := DifferenceText(est(-0.212, -0.233, -0.191, 0.0004), "les aides", "les médecins")
	if want := "plus élevée chez les médecins que chez les aides : l'écart est de 21,2 points [19,1 ; 23,3] (p < 0,001)"; got != want {
		t.Errorf("claimed:\n%q\nwant\n%q", got, want)
	}
	// Interval spans zero: not claimed, a's gap as it is, no p.
	got = DifferenceText(est(0.097, -0.0198, 0.2201, math.NaN()), "les médecins", "l'étude de 2013")
	if want := "ces données ne permettent pas de départager les médecins et l'étude de 2013 : l'écart des premiers sur les seconds est de 9,7 points [-2,0 ; 22,0]"; got != want {
		t.Errorf("not claimed:\n%q\nwant\n%q", got, want)
	}
	// One point and a half: singular in French.
	got = DifferenceText(est(0.015, 0.005, 0.025, 0.02), "A", "B")
	if want := "plus élevée chez A que chez B : l'écart est de 1,5 point [0,5 ; 2,5] (p = 0,020)"; got != want {
		t.Errorf("singular:\n%q\nwant\n%q", got, want)
	}
	if got := DifferenceText(est(0.1, math.NaN(), math.NaN(), math.NaN()), "A", "B"); got != "ces données ne permettent pas de départager A et B : l'écart des premiers sur les seconds est de 10,0 points (intervalle non estimable)" {
		t.Errorf("not estimable: %q", got)
	}
	if got := DifferenceText(est(math.NaN(), math.NaN(), math.NaN(), math.NaN()), "A", "B"); got != "ces données ne permettent pas de comparer A et B (la part n'est pas définie pour l'un des deux)" {
		t.Errorf("undefined: %q", got)
	}
	figure.Lang = figure.English
	got = DifferenceText(est(-0.212, -0.233, -0.191, 0.0004), "aides", "GPs")
	if want := "higher for GPs than for aides: the gap is 21.2 points [19.1, 23.3] (p < 0.001)"; got != want {
		t.Errorf("English:\n%q\nwant\n%q", got, want)
	}
}
