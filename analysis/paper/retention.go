package paper

import (
	"fmt"
	"image/color"
	"math"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/retention"
)

// F11Retention is Figure 11: do newcomers come back? For each profession,
// authors are grouped into monthly cohorts by the Paris month of their
// first message (retention.Cohorts, all the profession's communities
// pooled); the bars give, 1, 2 and 3 months after the first month, the
// share of newcomers active again that month, pooled over the cohorts that
// can be observed at that lag (retention.Pooled). A bar marked "n. d."
// has no observable cohort.
//
// Bars by lag rather than one line per cohort month: a study covers a few
// months to a few years of small cohorts, whose lines would cross and
// stack into noise; the pooled share is the indicator the text discusses,
// and the cohort detail stays in the data.
//
// Each bar has its 95 % interval as an error bar (retention.Group.Estimates:
// a ratio of sums over the cohorts observable at that lag, BCa; none with
// a single observable cohort), its label above it.
//
// The data has, for each profession (aides first), one row per cohort and
// lag (cohorts in month order, lags 1 to 3), then the pooled rows (cohort
// "*", size the newcomers of the cohorts observable at that lag):
// profession, cohort (YYYY-MM), lag, size, active, observable, retention
// (NaN when not observable), lo, hi (for a pooled row the interval of
// retention, NaN when not estimable; NaN for a cohort), cohorts (for a
// pooled row the cohorts resampled; 0 for a cohort).
func F11Retention(measured []retention.Group, prov figure.Provenance) (*figure.Figure, error) {
	groups := professions(measured, func(g retention.Group) corpus.Community { return g.Community },
		func(g retention.Group) bool { return g.Newcomers > 0 })
	if len(groups) == 0 {
		return nil, notDrawable("f11-retention", NeedMessages, noMessagesFR, noMessagesEN)
	}
	observable := false
	for _, g := range groups {
		for _, pool := range g.Pooled {
			observable = observable || pool.Size > 0
		}
	}
	if !observable {
		return nil, notDrawable("f11-retention", NeedTimeSpan,
			"les données de cette étude ne couvrent pas un mois après l'arrivée d'une cohorte de nouveaux auteurs ; leur fidélité ne peut pas être mesurée",
			"this study's data do not cover a month after any cohort of newcomers arrived; their retention cannot be measured")
	}
	data := figure.NewTable("profession", "cohort", "lag", "size", "active", "observable", "retention", "lo", "hi", "cohorts")
	values := make([][]float64, retention.Lags) // [lag][profession]
	los := make([][]float64, retention.Lags)
	his := make([][]float64, retention.Lags)
	for k := range values {
		values[k] = make([]float64, len(groups))
		los[k] = make([]float64, len(groups))
		his[k] = make([]float64, len(groups))
	}
	nan := math.NaN()
	var cats []string
	var colors []color.Color
	var text []string
	pooled := make([][retention.Lags]float64, len(groups))
	for j, g := range groups {
		prof := g.Community.Profession
		for _, co := range g.Cohorts {
			for k := 0; k < retention.Lags; k++ {
				data.Add(string(prof), co.Month.String(), k+1, co.Size, co.Active[k], co.Observable[k], co.Retention[k], nan, nan, 0)
			}
		}
		for k, pool := range g.Pooled {
			pooled[j][k] = pool.Retention
			e := g.Estimates[k]
			if e.Method == "" { // measured without intervals
				e.Lo, e.Hi = nan, nan
			}
			data.Add(string(prof), "*", k+1, pool.Size, pool.Active, pool.Size > 0, pool.Retention, e.Lo, e.Hi, e.N)
			values[k][j] = finite(pool.Retention)
			los[k][j], his[k][j] = drawnInterval(e)
		}
		cats = append(cats, fmt.Sprintf("%s (%s %s)", capitalize(ProfessionLabel(prof)),
			figure.Integer(int64(g.Newcomers)), figure.T("nouveaux auteurs", "newcomers")))
		colors = append(colors, professionColor(prof))
	}
	lags := make([]string, retention.Lags)
	for k := range lags {
		if k == 0 {
			lags[k] = figure.T("1 mois après", "1 month later")
		} else {
			lags[k] = fmt.Sprintf(figure.T("%d mois après", "%d months later"), k+1)
		}
	}
	bars, err := chart.BarLayout(len(lags), len(groups), values, false)
	if err != nil {
		return nil, fmt.Errorf("f11-retention: %w", err)
	}
	hi := 0.0
	raised := make([]chart.Bar, len(bars)) // labels go above the error bars
	for i, b := range bars {
		text = append(text, percentLabel(pooled[b.Category][b.Group]))
		raised[i] = b
		if h := his[b.Group][b.Category]; !math.IsNaN(h) && h > b.Top {
			raised[i].Top = h
		}
		hi = math.Max(hi, raised[i].Top)
	}
	whiskers, err := chart.BarWhiskers(bars, los, his, false)
	if err != nil {
		return nil, fmt.Errorf("f11-retention: %w", err)
	}
	p := figure.NewPlot("", figure.T("Délai depuis le premier mois de participation", "Time since the first month of participation"),
		figure.T("Part des nouveaux auteurs de nouveau actifs", "Share of newcomers active again"))
	p.Add(chart.BarsPlotter{Bars: bars, Colors: colors})
	p.Add(whiskers)
	lab, err := chart.BarLabels(raised, text, false)
	if err != nil {
		return nil, fmt.Errorf("f11-retention: %w", err)
	}
	p.Add(lab)
	p.NominalX(lags...)
	p.X.Min, p.X.Max = -0.5, float64(len(lags))-0.5
	p.Y.Min = 0
	// Room above the bars for their labels and the legend.
	p.Y.Max = math.Min(1, hi) + 0.12 + 0.08*float64(len(groups))
	p.Y.Tick.Marker = figure.ShareTicks{}
	for i, name := range cats {
		p.Legend.Add(name, chart.Swatch{Color: colors[i]})
	}
	return &figure.Figure{
		ID:    "f11-retention",
		Title: figure.T("Figure 11 – Les nouveaux reviennent-ils ?", "Figure 11 – Do newcomers come back?"),
		Caption: figure.T(
			"Part des nouveaux auteurs (regroupés par mois de leur premier message) qui écrivent de nouveau 1, 2 et 3 mois plus tard, par profession, sur l'ensemble des cohortes observables à ce délai ; "+guillemets(percentLabel(math.NaN()))+" : aucune cohorte observable. "+ciCaptionFR("cohortes mensuelles"),
			"Share of newcomers (grouped by the month of their first message) who write again 1, 2 and 3 months later, by profession, over the cohorts observable at that lag; \"n/a\": no observable cohort. "+ciCaptionEN("monthly cohorts")),
		Data: data,
		Plot: p,
		Prov: prov,
	}, nil
}
