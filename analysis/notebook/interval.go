package notebook

import (
	"math"

	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// Interval writes a share with its interval, as every reading states it:
// the share in percent with one decimal, then its bounds in percent
// without the sign, French "41,2 % [38,0 ; 44,5]", English "41.2%
// [38.0, 44.5]" (figure.Percent, figure.Number in figure.Lang). A bound
// that cannot be estimated is written "n. d." ("n/a"); when neither can,
// the share is followed by "(intervalle non estimable)"; a NaN share is
// "n. d.".
func Interval(e stats.Estimate) string {
	if math.IsNaN(e.Value) {
		return figure.NotAvailable()
	}
	return figure.Percent(e.Value) + " " + bounds(e, 100, 1)
}

// IntervalNumber writes a value that is not a share (a Gini, minutes,
// messages per author) with its interval, both with decimals decimals:
// French "0,66 [0,64 ; 0,69]", English "0.66 [0.64, 0.69]"; missing
// bounds as in Interval.
func IntervalNumber(e stats.Estimate, decimals int) string {
	if math.IsNaN(e.Value) {
		return figure.NotAvailable()
	}
	return figure.Number(e.Value, decimals) + " " + bounds(e, 1, decimals)
}

// bounds writes "[lo ; hi]" of e scaled by k, or that it is not
// estimable.
func bounds(e stats.Estimate, k float64, decimals int) string {
	if math.IsNaN(e.Lo) && math.IsNaN(e.Hi) {
		return figure.T("(intervalle non estimable)", "(interval not estimable)")
	}
	b := func(v float64) string {
		if math.IsNaN(v) {
			return figure.NotAvailable()
		}
		return figure.Number(k*v, decimals)
	}
	return "[" + b(e.Lo) + figure.T(" ; ", ", ") + b(e.Hi) + "]"
}

// Gap says how Compare writes a difference.
type Gap struct {
	// Points: the statistic is a share and its difference is written in
	// percentage points ("2,4 points"), else in the statistic's own
	// units.
	Points bool
	// Decimals of the difference and its bounds.
	Decimals int
	// Feminine: the statistic's French noun is feminine (« la part »),
	// so that the comparative agrees (« plus élevée »).
	Feminine bool
}

// Compare says how group a compares with group b on one statistic, from
// c = a − b (stats.Difference with a's units first), a and b being the
// groups as written after « chez » ("les aides à domicile", "« avs »").
// When c is claimed (its interval excludes zero) it names the higher
// group first and gives the gap with its interval, positive:
//
//	plus élevé chez les médecins généralistes que chez les aides à
//	domicile, de 2,4 points [0,9 ; 3,7] (p = 0,003)
//
// Otherwise it says that these data cannot tell the groups apart, with
// a's gap over b and its interval (or that the interval cannot be
// estimated):
//
//	ces données ne permettent pas de départager les médecins
//	généralistes et les aides à domicile (écart des premiers sur les
//	seconds : 0,00 [-0,03 ; 0,05], p = 0,851)
//
// p is the permutation p-value (omitted when NaN), "p < 0,001" below
// 0.001. English: "higher for A than for B, by 2.4 points [0.9, 3.7] (p
// = 0.003)", "these data cannot tell A and B apart (gap of the former
// over the latter: 0.00 [-0.03, 0.05], p = 0.851)".
func Compare(c stats.Comparison, a, b string, g Gap) string {
	k := 1.0
	if g.Points {
		k = 100
	}
	num := func(v float64) string { return figure.Number(k*v, g.Decimals) }
	gap := func(d, lo, hi float64) string {
		s := num(d)
		if g.Points {
			s += " " + pointsWord(k*d, g.Decimals)
		}
		if math.IsNaN(lo) || math.IsNaN(hi) {
			return s + figure.T(", sans intervalle estimable", ", no interval estimable")
		}
		return s + " [" + num(lo) + figure.T(" ; ", ", ") + num(hi) + "]"
	}
	p := ""
	switch {
	case math.IsNaN(c.P):
	case c.P < 0.001:
		p = "p < " + figure.Number(0.001, 3)
	default:
		p = "p = " + figure.Number(c.P, 3)
	}
	if math.IsNaN(c.Value) {
		return figure.T("ces données ne permettent pas de comparer "+a+" et "+b+" (la mesure n'est pas définie pour l'un des deux)",
			"these data cannot compare "+a+" and "+b+" (the measure is undefined for one of them)")
	}
	if c.Claimed() {
		hi, lo := a, b
		d, dlo, dhi := c.Value, c.Lo, c.Hi
		if d < 0 {
			hi, lo = b, a
			d, dlo, dhi = -d, -c.Hi, -c.Lo
		}
		higher := "plus élevé"
		if g.Feminine {
			higher = "plus élevée"
		}
		if p != "" {
			p = " (" + p + ")"
		}
		return figure.T(higher+" chez "+hi+" que chez "+lo+", de "+gap(d, dlo, dhi)+p,
			"higher for "+hi+" than for "+lo+", by "+gap(d, dlo, dhi)+p)
	}
	if p != "" {
		p = figure.T(", ", ", ") + p
	}
	return figure.T("ces données ne permettent pas de départager "+a+" et "+b+" (écart des premiers sur les seconds : "+gap(c.Value, c.Lo, c.Hi)+p+")",
		"these data cannot tell "+a+" and "+b+" apart (gap of the former over the latter: "+gap(c.Value, c.Lo, c.Hi)+p+")")
}

// pointsWord is « point » or « points » for a number of percentage
// points as written with decimals decimals: French puts the singular
// below 2 (« 1,5 point »), English the plural except for exactly one.
func pointsWord(v float64, decimals int) string {
	f := math.Pow(10, float64(max(decimals, 0)))
	r := math.Round(math.Abs(v)*f) / f
	if (figure.Lang == figure.English && r == 1) || (figure.Lang != figure.English && r < 2) {
		return figure.T("point", "point")
	}
	return "points"
}
