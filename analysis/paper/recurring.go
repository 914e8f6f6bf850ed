package paper

import (
	"fmt"
	"math"

	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// recurringValidity is the sentence of Figure 14's caption on the
// validation of the detector (norms.Result.ValidateRecurring): validated,
// with its precision and recall; or exploratory, because the precision's
// interval does not lie at or above norms.RecurringMinPrecision (with the
// measured precision and recall) or because the detector was not
// validated on this study (no coded pairs, or coded pairs of another
// study or detector).
//
// When the pooled validation passes, a profession whose own precision
// interval does not lie at or above the threshold (v.Groups, the groups
// of community "*" in groups) is named with its precision: its part of
// the figure is exploratory.
func recurringValidity(v *norms.RecurringValidation, groups []norms.Group) string {
	switch {
	case v == nil:
		return figure.T(
			"Figure exploratoire : la détection des questions récurrentes, qui compare des mots et non des sens, n'a pas été validée sur cette étude (pas de paires de questions codées à la main).",
			"Exploratory figure: the recurring-question detector, which compares words, not meanings, was not validated on this study (no hand-coded question pairs).")
	case v.Reason != "":
		return figure.T(
			"Figure exploratoire : la détection des questions récurrentes n'a pas été validée sur cette étude (les paires codées à la main sont celles d'une autre étude ou d'un autre détecteur).",
			"Exploratory figure: the recurring-question detector was not validated on this study (the hand-coded pairs are those of another study or detector).")
	}
	a := v.All
	min := figure.PercentN(norms.RecurringMinPrecision, 0)
	recall := fmt.Sprintf(figure.T("son rappel (part des paires de même question qu'elle retrouve) %s", "its recall (share of the same-question pairs it finds) %s"), shareInterval(a.Recall))
	if !a.RecallBounded {
		recall += figure.T(
			", borne basse qui tient aux paires tirées au hasard : trop peu nombreuses pour exclure que beaucoup de questions reformulées lui échappent",
			", a lower bound set by the random pairs: too few to rule out that many reworded questions escape it")
	}
	if v.Validated() {
		out := fmt.Sprintf(figure.T(
			"Détection validée sur %s paires de questions codées à la main : précision (part des paires signalées qui posent la même question) %s, au-dessus du seuil de %s ; %s.",
			"Detector validated on %s hand-coded question pairs: precision (share of the flagged pairs that ask the same question) %s, above the %s threshold; %s."),
			figure.Integer(int64(a.Coded)), shareInterval(a.Precision), min, recall)
		for i, g := range groups {
			if i >= len(v.Groups) || g.Community.ID != indicator.AllCommunities || v.Groups[i].Coded == 0 {
				continue
			}
			if p := v.Groups[i].Precision; !p.Estimable() || p.Lo < norms.RecurringMinPrecision {
				out += " " + fmt.Sprintf(figure.T(
					"Pour les %s, la précision est de %s, intervalle qui n'est pas au-dessus du seuil : leur part de la figure est exploratoire.",
					"For %s, the precision is %s, an interval not above the threshold: their part of the figure is exploratory."),
					ProfessionLabel(g.Community.Profession), shareInterval(p))
			}
		}
		return out
	}
	return fmt.Sprintf(figure.T(
		"Figure exploratoire : sur %s paires de questions codées à la main, la précision de la détection (part des paires signalées qui posent la même question) est de %s, intervalle qui n'est pas au-dessus du seuil de %s ; %s.",
		"Exploratory figure: on %s hand-coded question pairs, the detector's precision (share of the flagged pairs that ask the same question) is %s, an interval not above the %s threshold; %s."),
		figure.Integer(int64(a.Coded)), shareInterval(a.Precision), min, recall)
}

// shareInterval writes a share with its 95 % interval: French
// "12,5 % [10,1 ; 14,9]", English "12.5% [10.1, 14.9]"; "n. d." for what
// is not defined.
func shareInterval(e stats.Estimate) string {
	if math.IsNaN(e.Value) {
		return figure.NotAvailable()
	}
	b := func(x float64) string {
		if math.IsNaN(x) {
			return figure.NotAvailable()
		}
		return figure.Number(100*x, 1)
	}
	return fmt.Sprintf(figure.T("%s [%s ; %s]", "%s [%s, %s]"), figure.Percent(e.Value), b(e.Lo), b(e.Hi))
}
