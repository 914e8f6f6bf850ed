package paper

import (
	"fmt"
	"math"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// F07ReplyByHour is Figure 7: how answers depend on the hour a thread is
// opened (responsiveness.ByHour over all threads of each profession, hour
// of the thread's start in Paris time): on the left the reply rate, on the
// right the median minutes to the first reply of the answered threads, one
// line per profession. The reply rate has its 95 % Wilson interval over
// the hour's threads as a translucent band. Hours without threads (rate)
// or without answered threads (median) leave a gap in the line and the
// band.
//
// The data has one row per profession (aides first) and hour 0 to 23:
// profession, hour, threads, answered, reply_rate, reply_rate_lo,
// reply_rate_hi, median_first_reply_min (NaN when undefined).
func F07ReplyByHour(measured []responsiveness.Group, prov figure.Provenance) (*figure.Figure, error) {
	short := newShortfall(unitThreads, Minimum.Threads)
	groups := professions(measured, responsivenessCommunity, func(g responsiveness.Group) bool {
		return hasThreads(g) && short.enough(groupLabel(g.Community), len(g.Threads))
	})
	if len(groups) == 0 {
		if len(short.left) > 0 {
			return nil, short.notDrawable("f07-reply-by-hour", "le taux de réponse par heure", "the reply rate by hour")
		}
		return nil, threadsNotDrawable("f07-reply-by-hour", "le taux de réponse par heure", "the reply rate by hour", measured)
	}
	data := figure.NewTable("profession", "hour", "threads", "answered", "reply_rate", "reply_rate_lo", "reply_rate_hi", "median_first_reply_min")
	rate := figure.NewPlot(figure.T("Taux de réponse", "Reply rate"), figure.T("Heure d'ouverture du fil (Paris)", "Hour the thread was opened (Paris)"), figure.T("Fils ayant reçu une réponse", "Threads answered"))
	delay := figure.NewPlot(figure.T("Délai de première réponse", "Time to first reply"), figure.T("Heure d'ouverture du fil (Paris)", "Hour the thread was opened (Paris)"), figure.T("Délai médian (minutes)", "Median delay (minutes)"))
	for _, p := range []*plot.Plot{rate, delay} {
		p.Title.TextStyle.Font.Size = figure.LabelSize
		p.X.Min, p.X.Max = -0.5, 23.5
		p.X.Tick.Marker = figure.HourTicks(3)
	}
	rate.Y.Min, rate.Y.Max = 0, 1.15 // headroom for the legend
	rate.Y.Tick.Marker = figure.ShareTicks{}
	delay.Y.Min = 0
	hours := make([]float64, 24)
	for h := range hours {
		hours[h] = float64(h)
	}
	maxDelay := 0.0
	for _, g := range groups {
		prof := g.Community.Profession
		rates := make([]float64, 24)
		medians := make([]float64, 24)
		lo, hi := make([]float64, 24), make([]float64, 24)
		for _, h := range g.ByHour {
			r := h.ReplyRate
			data.Add(string(prof), h.Hour, h.Threads, h.Answered, r.Value, r.Lo, r.Hi, h.MedianFirstReplyMin)
			rates[h.Hour], medians[h.Hour] = r.Value, h.MedianFirstReplyMin
			lo[h.Hour], hi[h.Hour] = r.Lo, r.Hi
			if !math.IsNaN(h.MedianFirstReplyMin) {
				maxDelay = math.Max(maxDelay, h.MedianFirstReplyMin)
			}
		}
		style := draw.LineStyle{Color: professionColor(prof), Width: vg.Points(1.8)}
		band, err := chart.NewBand(hours, lo, hi, chart.Translucent(professionColor(prof), chart.BandAlpha))
		if err != nil {
			return nil, fmt.Errorf("f07-reply-by-hour: %w", err)
		}
		rate.Add(band)
		if err := chart.GappedLine(rate, hours, rates, style, capitalize(ProfessionLabel(prof))); err != nil {
			return nil, fmt.Errorf("f07-reply-by-hour: %w", err)
		}
		if err := chart.GappedLine(delay, hours, medians, style, ""); err != nil {
			return nil, fmt.Errorf("f07-reply-by-hour: %w", err)
		}
	}
	delay.Y.Max = math.Max(maxDelay*1.08, 1)
	return &figure.Figure{
		ID:    "f07-reply-by-hour",
		Title: figure.T("Figure 7 – Répondre selon l'heure", "Figure 7 – Answering by the hour"),
		Caption: short.caption(figure.T(
			"Selon l'heure d'ouverture d'un fil (heure de Paris) : part des fils ayant reçu une réponse d'un autre auteur que celui qui l'a ouvert (bande : intervalle de confiance à 95 % de Wilson sur les fils de l'heure), et délai médian de la première réponse parmi les fils répondus, par profession.",
			"By the hour a thread was opened (Paris time): share of threads answered by someone other than their author (band: 95 % Wilson confidence interval over the hour's threads), and median delay of the first reply among answered threads, by profession.")),
		Data:  data,
		Tiles: [][]*plot.Plot{{rate, delay}},
		Width: 24 * vg.Centimeter,
		Prov:  prov,
	}, nil
}

func responsivenessCommunity(g responsiveness.Group) corpus.Community { return g.Community }

// hasThreads reports whether a group has threads whose replies are
// linked to their message: a group without message-level links has no
// measurable thread (its thread starts would all read as unanswered).
func hasThreads(g responsiveness.Group) bool {
	return len(g.Threads) > 0 && g.Links.Strength() == corpus.MessageLinks
}

// threadsNotDrawable is the error of a responsiveness figure none of
// whose groups has linked threads.
func threadsNotDrawable(id, measure, measureEN string, measured []responsiveness.Group) error {
	linked := false
	for _, g := range measured {
		if g.Links.Strength() == corpus.MessageLinks {
			linked = true
		}
	}
	if !linked {
		return notDrawable(id, NeedMessageLinks, noLinksFR+" ; "+measure+" ne peut pas être mesuré",
			noLinksEN+"; "+measureEN+" cannot be measured")
	}
	return notDrawable(id, NeedMessageLinks, noThreadsFR+" ; "+measure+" ne peut pas être mesuré",
		noThreadsEN+"; "+measureEN+" cannot be measured")
}

// MinLogMinutes is where delays of zero minutes (a reply stamped in the
// same second as its thread, or earlier) are drawn on the logarithmic axis
// of Figure 9; the data keep the true value.
const MinLogMinutes = 0.1

// F09FirstReply is Figure 9: Kaplan-Meier curves of the time to the first
// reply of a thread, per community (responsiveness.KaplanMeier: a thread
// answered by another author is an event at its first-reply delay, an
// unanswered one is censored at the end of its community's export). The
// curves read as the share of threads still unanswered after a delay,
// minutes on a logarithmic axis labelled in minutes, hours, days and weeks,
// each with its pointwise 95 % confidence band (Greenwood's variance,
// log-log transform: stats.KaplanMeier) as a translucent band in the
// curve's colour; the band has a gap where it is not defined (before the
// first reply, and where survival is 0). Delays below MinLogMinutes are
// drawn at MinLogMinutes.
//
// The data are the step functions: one row per community (by profession,
// aides first, then id) and distinct time: community, profession, minutes,
// at_risk, events, censored, survival, lo, hi (the band; NaN where not
// defined).
func F09FirstReply(measured []responsiveness.Group, prov figure.Provenance) (*figure.Figure, error) {
	short := newShortfall(unitThreads, Minimum.Threads)
	groups := communities(measured, responsivenessCommunity, func(g responsiveness.Group) bool {
		return short.linked(communityLabel(g.Community), g.Links.Messages, g.Links.Strength() == corpus.MessageLinks) &&
			hasThreads(g) && short.enough(communityLabel(g.Community), len(g.Threads))
	})
	if len(groups) == 0 {
		if len(short.left) > 0 {
			return nil, short.notDrawable("f09-first-reply", "le délai de première réponse", "the time to first reply")
		}
		return nil, threadsNotDrawable("f09-first-reply", "le délai de première réponse", "the time to first reply", measured)
	}
	data := figure.NewTable("community", "profession", "minutes", "at_risk", "events", "censored", "survival", "lo", "hi")
	p := figure.NewPlot("",
		figure.T("Délai depuis l'ouverture du fil (échelle logarithmique)", "Time since the thread was opened (log scale)"),
		figure.T("Part des fils encore sans réponse", "Share of threads still unanswered"))
	p.X.Scale = plot.LogScale{}
	p.Y.Min, p.Y.Max = 0, 1
	p.Y.Tick.Marker = figure.PercentTicks{}
	p.Legend.Top, p.Legend.Left = false, true
	p.Legend.XOffs, p.Legend.YOffs = vg.Points(6), vg.Points(6)
	lo, hi := math.Inf(1), math.Inf(-1)
	type curve struct {
		pts  plotter.XYs
		band []float64 // times, then lo, then hi, of the steps
		n    int
	}
	curves := make([]curve, len(groups))
	for k, sg := range groups {
		g := sg.R
		km := g.KM
		n := len(km.Steps)
		times := make([]float64, n)
		surv := make([]float64, n)
		band := make([]float64, 3*n)
		for i, st := range km.Steps {
			data.Add(g.Community.ID, string(g.Community.Profession), st.Time, st.AtRisk, st.Events, st.Censored, st.Survival, st.Lo, st.Hi)
			times[i] = math.Max(st.Time, MinLogMinutes)
			surv[i] = st.Survival
			band[i], band[n+i], band[2*n+i] = times[i], st.Lo, st.Hi
		}
		pts, err := chart.StepPoints(times, surv, MinLogMinutes)
		if err != nil {
			return nil, fmt.Errorf("f09-first-reply: community %s: %w", g.Community.ID, err)
		}
		lo, hi = math.Min(lo, pts[0].X), math.Max(hi, pts[len(pts)-1].X)
		curves[k] = curve{pts, band, n}
	}
	end := math.Max(hi, lo*10)
	// Bands first, under every curve.
	for k, sg := range groups {
		c := curves[k]
		b, err := chart.StepBand(c.band[:c.n], c.band[c.n:2*c.n], c.band[2*c.n:], c.pts[len(c.pts)-1].X, chart.Translucent(sg.Style.Color, chart.BandAlpha))
		if err != nil {
			return nil, fmt.Errorf("f09-first-reply: community %s: %w", sg.R.Community.ID, err)
		}
		p.Add(b)
	}
	for k, sg := range groups {
		g := sg.R
		l, err := plotter.NewLine(curves[k].pts)
		if err != nil {
			return nil, fmt.Errorf("f09-first-reply: %w", err)
		}
		l.LineStyle = sg.Style
		p.Add(l)
		name := fmt.Sprintf("%s (%s %s)", communityLabel(g.Community), figure.Integer(int64(len(g.Threads))), figure.T("fils", "threads"))
		p.Legend.Add(name, l)
	}
	p.X.Min, p.X.Max = lo, end
	p.X.Tick.Marker = figure.DurationTicks{}
	return &figure.Figure{
		ID:    "f09-first-reply",
		Title: figure.T("Figure 9 – Le temps de la première réponse", "Figure 9 – Time to the first reply"),
		Caption: short.caption(figure.T(
			"Part des fils encore sans réponse d'un autre auteur en fonction du temps écoulé depuis leur ouverture (estimateur de Kaplan-Meier ; un fil sans réponse compte jusqu'à la fin de l'export de sa communauté), par communauté ; bandes : intervalle de confiance ponctuel à 95 % (variance de Greenwood, transformation log-log).",
			"Share of threads not yet answered by another author against the time since they were opened (Kaplan-Meier estimate; an unanswered thread counts until the end of its community's export), by community; bands: pointwise 95 % confidence interval (Greenwood variance, log-log transform).")),
		Data: data,
		Plot: p,
		Prov: prov,
	}, nil
}
