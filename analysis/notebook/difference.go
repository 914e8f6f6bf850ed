package notebook

import (
	"math"

	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// boundsText writes "[lo ; hi]" scaled by k, or that the interval is
// not estimable.
func boundsText(lo, hi, k float64, decimals int) string {
	if math.IsNaN(lo) && math.IsNaN(hi) {
		return figure.T("(intervalle non estimable)", "(interval not estimable)")
	}
	b := func(v float64) string {
		if math.IsNaN(v) {
			return figure.NotAvailable()
		}
		return figure.Number(k*v, decimals)
	}
	return "[" + b(lo) + figure.T(" ; ", ", ") + b(hi) + "]"
}

// DifferenceText says how group a compares with group b on a share (a
// feminine noun in French: « la part »), from c = a − b (a's units first
// in stats.Difference, or norms.CompareWithPublished with ours first), a
// and b written as after « chez » ("les aides à domicile", "l'étude de
// 2013"). The gap is in percentage points with one decimal. When c is
// claimed (its interval excludes zero) it names the higher group first,
// with the gap and its interval made positive:
//
//	plus élevée chez les médecins généralistes que chez les aides à
//	domicile : l'écart est de 21,2 points [19,1 ; 23,3] (p < 0,001)
//
// otherwise it says that these data cannot tell the groups apart, with
// a's gap over b and its interval (or that it cannot be estimated):
//
//	ces données ne permettent pas de départager les médecins
//	généralistes et l'étude de 2013 : l'écart des premiers sur les
//	seconds est de 9,7 points [-2,0 ; 22,0]
//
// p is the permutation p-value, omitted when NaN (a comparison with a
// published study has none), "p < 0,001" below 0.001. A NaN difference
// says that the share is not defined for one of them. English: "higher
// for A than for B: the gap is 21.2 points [19.1, 23.3] (p < 0.001)",
// "these data cannot tell A and B apart: the gap of the former over the
// latter is 9.7 points [-2.0, 22.0]".
func DifferenceText(c stats.Comparison, a, b string) string {
	gap := func(d, lo, hi float64) string {
		s := figure.Number(100*d, 1) + " " + pointWord(100*d)
		if math.IsNaN(lo) || math.IsNaN(hi) {
			return s + figure.T(" (intervalle non estimable)", " (interval not estimable)")
		}
		return s + " " + boundsText(lo, hi, 100, 1)
	}
	p := ""
	switch {
	case math.IsNaN(c.P):
	case c.P < 0.001:
		p = " (p < " + figure.Number(0.001, 3) + ")"
	default:
		p = " (p = " + figure.Number(c.P, 3) + ")"
	}
	if math.IsNaN(c.Value) {
		return figure.T("ces données ne permettent pas de comparer "+a+" et "+b+" (la part n'est pas définie pour l'un des deux)",
			"these data cannot compare "+a+" and "+b+" (the share is undefined for one of them)")
	}
	if c.Claimed() {
		hi, lo := a, b
		d, dlo, dhi := c.Value, c.Lo, c.Hi
		if d < 0 {
			hi, lo = b, a
			d, dlo, dhi = -d, -c.Hi, -c.Lo
		}
		return figure.T("plus élevée chez "+hi+" que chez "+lo+" : l'écart est de "+gap(d, dlo, dhi)+p,
			"higher for "+hi+" than for "+lo+": the gap is "+gap(d, dlo, dhi)+p)
	}
	return figure.T("ces données ne permettent pas de départager "+a+" et "+b+" : l'écart des premiers sur les seconds est de "+gap(c.Value, c.Lo, c.Hi)+p,
		"these data cannot tell "+a+" and "+b+" apart: the gap of the former over the latter is "+gap(c.Value, c.Lo, c.Hi)+p)
}

// pointWord is « point » or « points » for a number of percentage points
// written with one decimal: French puts the singular below 2 (« 1,5
// point »), English the plural except for exactly one.
func pointWord(v float64) string {
	r := math.Round(math.Abs(v)*10) / 10
	if (figure.Lang == figure.English && r == 1) || (figure.Lang != figure.English && r < 2) {
		return "point"
	}
	return "points"
}
