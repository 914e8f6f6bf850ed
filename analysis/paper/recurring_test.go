package paper

import (
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// TestF14CaptionValidation: Figure 14's caption says the figure is
// exploratory when the detector was not validated, when its coded pairs
// are another study's, and when its precision's interval does not lie at
// or above norms.RecurringMinPrecision, with the measured values; and
// says it validated otherwise.
func TestF14CaptionValidation(t *testing.T) {
	r := norms.Measure(normsFixture(), codebook(t))
	caption := func(v *norms.RecurringValidation, lang figure.Language) string {
		t.Helper()
		old := figure.Lang
		figure.Lang = lang
		defer func() { figure.Lang = old }()
		r.Recurring = v
		f, err := F14Recurring(r, testProv)
		if err != nil {
			t.Fatal(err)
		}
		return f.Caption
	}
	est := func(v, lo, hi float64) stats.Estimate {
		return stats.Estimate{Value: v, Lo: lo, Hi: hi, N: 60, Unit: "pairs", Method: "wilson", Level: 0.95}
	}
	low := &norms.RecurringValidation{All: norms.PairValidation{Coded: 150, Precision: est(0.13, 0.07, 0.24), Recall: est(0.30, 0.001, 0.97)}}
	high := &norms.RecurringValidation{All: norms.PairValidation{Coded: 150, Precision: est(0.9, 0.81, 0.95), Recall: est(0.6, 0.4, 0.8), RecallBounded: true}}
	other := &norms.RecurringValidation{Reason: norms.ReasonPairsMismatch}
	cases := []struct {
		v         *norms.RecurringValidation
		lang      figure.Language
		want, not []string
	}{
		{nil, figure.French, []string{"Figure exploratoire : la détection des questions récurrentes, qui compare des mots et non des sens, n'a pas été validée sur cette étude (pas de paires de questions codées à la main)."}, nil},
		{nil, figure.English, []string{"Exploratory figure: the recurring-question detector, which compares words, not meanings, was not validated on this study"}, nil},
		{other, figure.French, []string{"n'a pas été validée sur cette étude (les paires codées à la main sont celles d'une autre étude ou d'un autre détecteur)"}, nil},
		{low, figure.French, []string{"Figure exploratoire : sur 150 paires de questions codées à la main, la précision de la détection (part des paires signalées qui posent la même question) est de 13,0\u202f% [7,0 ; 24,0], intervalle qui n'est pas au-dessus du seuil de 80\u202f% ; son rappel (part des paires de même question qu'elle retrouve) 30,0\u202f% [0,1 ; 97,0], borne basse qui tient aux paires tirées au hasard"}, nil},
		{low, figure.English, []string{"Exploratory figure: on 150 hand-coded question pairs, the detector's precision (share of the flagged pairs that ask the same question) is 13.0% [7.0, 24.0], an interval not above the 80% threshold; its recall (share of the same-question pairs it finds) 30.0% [0.1, 97.0], a lower bound set by the random pairs"}, nil},
		{high, figure.French, []string{"Détection validée sur 150 paires de questions codées à la main : précision (part des paires signalées qui posent la même question) 90,0\u202f% [81,0 ; 95,0], au-dessus du seuil de 80\u202f% ; son rappel (part des paires de même question qu'elle retrouve) 60,0\u202f% [40,0 ; 80,0]."}, []string{"exploratoire", "borne basse"}},
	}
	for i, c := range cases {
		got := caption(c.v, c.lang)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("case %d: caption\n%s\nwithout\n%s", i, got, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(got, w) {
				t.Errorf("case %d: caption\n%s\nsays %q", i, got, w)
			}
		}
	}
	// Validated pooled, but one profession's precision interval is not
	// above the threshold: that profession is named, exploratory.
	var star []int
	for i, g := range r.Groups {
		if g.Community.ID == indicator.AllCommunities {
			star = append(star, i)
		}
	}
	if len(star) == 0 {
		t.Fatal("fixture without a profession group")
	}
	mixed := &norms.RecurringValidation{All: high.All, Groups: make([]norms.PairValidation, len(r.Groups))}
	for _, i := range star {
		mixed.Groups[i] = high.All
	}
	weak := star[0]
	mixed.Groups[weak] = norms.PairValidation{Coded: 30, Precision: est(0.895, 0.716, 0.967)}
	got := caption(mixed, figure.French)
	want := "Pour les " + func() string {
		old := figure.Lang
		figure.Lang = figure.French
		defer func() { figure.Lang = old }()
		return ProfessionLabel(r.Groups[weak].Community.Profession)
	}() + ", la précision est de 89,5\u202f% [71,6 ; 96,7], intervalle qui n'est pas au-dessus du seuil : leur part de la figure est exploratoire."
	if !strings.Contains(got, "Détection validée sur 150 paires") || !strings.Contains(got, want) || strings.Count(got, "Pour les ") != 1 {
		t.Errorf("mixed caption\n%s\nwant\n%s", got, want)
	}
	// At the threshold exactly: validated.
	high.All.Precision.Lo = norms.RecurringMinPrecision
	if !high.Validated() || low.Validated() || other.Validated() || (*norms.RecurringValidation)(nil).Validated() {
		t.Error("Validated")
	}
}
