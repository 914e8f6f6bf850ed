package paper

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"time"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/stats"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Published outcomes of #DocTocToc questions, drawn beside the corpus in
// Figure 12.
//
// The 2013 study (mimiryudo.com, 2013, DocTocToc2013Questions = 63
// questions) found 55.6 % consensual answers, 33.3 % non-consensual ones
// and 8 % unanswered questions; the published shares add up to 96.9 %, the
// rest is drawn as "not specified".
//
// The 2024 Lille thesis on #DocTocToc (Lille, 2024, 252 questions) found
// 90.5 % of questions answered, without telling consensual from non-consensual
// answers: it is drawn as answered versus unanswered.
const (
	DocTocToc2013Consensual    = 0.556
	DocTocToc2013NonConsensual = 0.333
	DocTocToc2013Unanswered    = 0.08
	Lille2024Questions         = 252
	Lille2024Answered          = 0.905
)

// Outcome categories of Figure 12, in drawing order.
var consensusCategories = []struct {
	id     string
	fr, en string
	color  color.Color
}{
	{"consensual", "Consensuelle", "Consensual", figure.Color(2)},
	{"non-consensual", "Non consensuelle", "Non-consensual", figure.Color(3)},
	{"answered", "Répondue (consensus non distingué)", "Answered (consensus not told apart)", color.NRGBA{R: 0x8c, G: 0xc8, B: 0xb4, A: 0xff}},
	{"unanswered", "Sans réponse", "Unanswered", figure.Color(5)},
	{"not-specified", "Non précisé", "Not specified", color.Gray{Y: 0xd0}},
}

// normsGroups checks that r was measured with a codebook and returns its
// groups in the study's order (groupLess).
func normsGroups(id string, r norms.Result) ([]norms.Group, error) {
	if r.Codebook == nil {
		return nil, fmt.Errorf("%s: no codebook in the measured norms", id)
	}
	return inStudyOrder(r.Groups, func(g norms.Group) corpus.Community { return g.Community }), nil
}

// F12Consensus is Figure 12: how question threads end. Each question
// thread (norms.QuestionThreads: a thread start coded as a question) is
// unanswered (no answer by another author), consensual (an answer cites a
// law, guideline or insurance source, or a second answerer agrees — « +1
// », « je confirme » — and nobody contradicts) or non-consensual, or too
// recent to tell (asked less than norms.UnansweredHorizon before the end
// of its community's export: left out); the stacked bars (left) give the
// shares of the observed question threads per profession, beside the
// published #DocTocToc figures of 2013 and of the 2024 Lille thesis (see
// DocTocToc2013Consensual and Lille2024Answered). On the right, the same
// shares as dots with their 95 % Wilson intervals: over our observed
// question threads (norms.Group.StatusEstimate), over the published
// studies' questions (norms.Published.Estimate, from their published
// counts: their raw data are not available).
//
// The data has one row per group and status: groups as in F03Themes
// (communities, then the profession as a whole, "*"), statuses
// consensual, non-consensual, unanswered; then the published rows (source
// doctoctoc-2013 with the three statuses and not-specified; source
// lille-2024 with answered and unanswered); then, when the GPs' shares
// are drawn, their differences with the published ones (source
// gp-minus-doctoctoc-2013 for the three statuses, gp-minus-lille-2024 for
// unanswered; share the difference, lo and hi its Newcombe interval,
// norms.CompareWithPublished). Columns: source, community, profession,
// status, questions (observed; for a difference, ours + theirs), count
// (empty for published rows and differences), share, lo, hi (NaN when
// not estimable, or for not-specified), method.
//
// Corrected shares: when r has a correction (norms.MeasureGold: gold
// threads coded by two coders), each group's rows are followed by its
// rows of source "corrected-<coder>" (coder trained or keyword,
// norms.Correction.Coder): questions the threads that coder reads as
// questions, count those it gives the status, share the share among
// question threads corrected for its cross-validated error
// (coder.CorrectStatuses: multi-class adjusted classify and count), lo
// and hi its bootstrap interval, method acc-multiclass-percentile-bootstrap;
// NaN when not corrected. A profession's bar and dots then draw the
// corrected shares and intervals (labelled "parts corrigées"), and the
// differences with the published studies use them; when the correction
// cannot be made (too few gold threads of a status, a coder that tells
// the statuses apart too little), the keyword rule's shares are drawn as
// without gold, and the caption says which coder and why it is not
// corrected.
func F12Consensus(r norms.Result, prov figure.Provenance) (*figure.Figure, error) {
	gs, err := normsGroups("f12-consensus", r)
	if err != nil {
		return nil, err
	}
	short := newShortfall(unitQuestions, Minimum.Questions)
	data := figure.NewTable("source", "community", "profession", "status", "questions", "count", "share", "lo", "hi", "method")
	type bar struct {
		label     string
		shares    map[string]float64
		est       map[string]stats.Estimate
		n         int
		corrected bool // shares corrected for the coder's error (r.Corrected)
	}
	var bars []bar
	var gp *bar
	// With a correction: whether the drawn shares are corrected, and the
	// first profession's shares that are not (for the caption's reason).
	correctedAny, notCorrected, noInterval := false, coder.StatusShares{}, coder.StatusShares{}
	statuses := []norms.Status{norms.Consensual, norms.NonConsensual, norms.Unanswered}
	for _, g := range gs {
		if !short.enough(groupLabel(g.Community), g.Observed()) {
			continue
		}
		b := bar{shares: map[string]float64{}, est: map[string]stats.Estimate{}, n: g.Observed()}
		for _, s := range statuses {
			e := g.StatusEstimate(s)
			data.Add("corpus", g.Community.ID, string(g.Community.Profession), string(s), g.Observed(), g.StatusCount(s), e.Value, e.Lo, e.Hi, e.Method)
			b.shares[string(s)] = e.Value
			b.est[string(s)] = e
		}
		addCorrectedStatusRows(data, r, g)
		if g.Community.ID == indicator.AllCommunities {
			b.label = capitalize(ProfessionLabel(g.Community.Profession))
			if cs, ok := correctedStatus(r, g); ok {
				if shares, est, ok := statusEstimates(cs); ok {
					b.shares, b.est, b.n, b.corrected = shares, est, cs.N, true
					correctedAny = true
					if cs.Reason != "" && noInterval.Reason == "" {
						noInterval = cs // corrected, but the interval is open
					}
				} else if notCorrected.Reason == "" {
					notCorrected = cs
				}
			}
			bars = append(bars, b)
			if g.Community.Profession == corpus.GP {
				gp = &bars[len(bars)-1]
			}
		}
	}
	if len(bars) == 0 {
		for _, g := range gs {
			if len(g.Threads) > 0 && g.Observed() == 0 {
				days := int(norms.UnansweredHorizon.Hours() / 24)
				return nil, notDrawable("f12-consensus", NeedTimeSpan,
					fmt.Sprintf("les questions de cette étude ont toutes été posées moins de %d jours avant la fin de son export ; leur issue ne peut pas encore être lue", days),
					fmt.Sprintf("every question of this study was asked less than %d days before the end of its export; how they end cannot be read yet", days))
			}
		}
		if len(short.left) > 0 {
			return nil, short.notDrawable("f12-consensus", "l'issue des questions", "how questions end")
		}
		return nil, questionsNotDrawable("f12-consensus", r)
	}
	nan := math.NaN()
	rest := 1 - DocTocToc2013Consensual - DocTocToc2013NonConsensual - DocTocToc2013Unanswered
	pub2013 := map[string]float64{"consensual": DocTocToc2013Consensual, "non-consensual": DocTocToc2013NonConsensual, "unanswered": DocTocToc2013Unanswered, "not-specified": rest}
	est2013 := map[string]stats.Estimate{}
	for _, s := range []string{"consensual", "non-consensual", "unanswered", "not-specified"} {
		e := stats.Estimate{Lo: nan, Hi: nan}
		if norms.DocTocToc2013.Has(norms.Status(s)) {
			e = norms.DocTocToc2013.Estimate(norms.Status(s))
			est2013[s] = e
		}
		data.Add(norms.DocTocToc2013.Name, "", string(corpus.GP), s, DocTocToc2013Questions, "", pub2013[s], e.Lo, e.Hi, e.Method)
	}
	pub2024 := map[string]float64{"answered": Lille2024Answered, "unanswered": 1 - Lille2024Answered}
	est2024 := map[string]stats.Estimate{}
	for _, s := range []string{"answered", "unanswered"} {
		e := norms.Lille2024.Estimate(norms.Status(s))
		est2024[s] = e
		data.Add(norms.Lille2024.Name, "", string(corpus.GP), s, Lille2024Questions, "", pub2024[s], e.Lo, e.Hi, e.Method)
	}
	if gp != nil {
		gpEst := gp.est
		diff := func(source string, p norms.Published, s norms.Status) {
			d := norms.CompareWithPublished(gpEst[string(s)], p.Estimate(s))
			data.Add(source, indicator.AllCommunities, string(corpus.GP), string(s), d.N, "", d.Value, d.Lo, d.Hi, d.Method)
		}
		for _, s := range statuses {
			diff("gp-minus-"+norms.DocTocToc2013.Name, norms.DocTocToc2013, s)
		}
		diff("gp-minus-"+norms.Lille2024.Name, norms.Lille2024, norms.Unanswered)
	}
	bars = append(bars,
		bar{label: fmt.Sprintf(figure.T("#DocTocToc, étude 2013\n(%d questions)", "#DocTocToc, 2013 study\n(%d questions)"), DocTocToc2013Questions), shares: pub2013, est: est2013},
		bar{label: fmt.Sprintf(figure.T("#DocTocToc, thèse Lille 2024\n(%d questions)", "#DocTocToc, Lille 2024 thesis\n(%d questions)"), Lille2024Questions), shares: pub2024, est: est2024})
	for i := range bars[:len(bars)-2] {
		if bars[i].corrected {
			bars[i].label += fmt.Sprintf(figure.T("\n(%s fils lus, parts corrigées)", "\n(%s threads read, corrected)"), figure.Integer(int64(bars[i].n)))
			continue
		}
		bars[i].label += fmt.Sprintf(figure.T("\n(%s questions)", "\n(%s questions)"), figure.Integer(int64(bars[i].n)))
	}
	n := len(bars)
	values := make([][]float64, n)
	labels := make([]string, n)
	for i, b := range bars {
		y := n - 1 - i // first bar on top
		labels[y] = b.label
		values[y] = make([]float64, len(consensusCategories))
		for k, cat := range consensusCategories {
			values[y][k] = b.shares[cat.id]
		}
	}
	laid, err := chart.BarLayout(n, len(consensusCategories), values, true)
	if err != nil {
		return nil, fmt.Errorf("f12-consensus: %w", err)
	}
	colors := make([]color.Color, len(consensusCategories))
	for k, cat := range consensusCategories {
		colors[k] = cat.color
	}
	p := chart.HBarPlot(figure.T("Issue des questions", "Outcome of questions"), figure.T("Part des questions", "Share of questions"))
	p.Add(chart.BarsPlotter{Bars: laid, Colors: colors, Horizontal: true})
	// Shares written inside the segments wide enough to hold them.
	xyl := plotter.XYLabels{}
	for _, b := range laid {
		if b.Top-b.Bottom >= 0.06 {
			xyl.XYs = append(xyl.XYs, plotter.XY{X: (b.Bottom + b.Top) / 2, Y: b.X})
			xyl.Labels = append(xyl.Labels, figure.Percent(b.Top-b.Bottom))
		}
	}
	if len(xyl.XYs) > 0 {
		lab, err := plotter.NewLabels(xyl)
		if err != nil {
			return nil, fmt.Errorf("f12-consensus: %w", err)
		}
		for i := range lab.TextStyle {
			lab.TextStyle[i].Font = font.From(figure.Font, figure.TickSize)
			lab.TextStyle[i].Color = figure.TextColor
			lab.TextStyle[i].XAlign = draw.XCenter
			lab.TextStyle[i].YAlign = draw.YCenter
		}
		p.Add(lab)
	}
	p.NominalY(labels...)
	p.Y.Padding = 0
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	p.X.Min, p.X.Max = 0, 1.03 // room for the last tick label
	p.X.Tick.Marker = figure.ShareTicks{}
	// Right: each share as a dot with its interval, statuses one under
	// the other within a row, in the colours of the bars.
	q := chart.HBarPlot(figure.T("Parts et intervalles à 95 %", "Shares and 95% intervals"), figure.T("Part des questions", "Share of questions"))
	var dotted []int // the categories drawn as dots: all but not-specified
	for k, cat := range consensusCategories {
		if cat.id != "not-specified" {
			dotted = append(dotted, k)
		}
	}
	for j, k := range dotted {
		cat := consensusCategories[k]
		var pos, val, lo, hi []float64
		for i, b := range bars {
			e, ok := b.est[cat.id]
			if !ok || math.IsNaN(e.Value) {
				continue
			}
			y := float64(n - 1 - i)
			pos = append(pos, y+0.27-0.54*float64(j)/float64(len(dotted)-1))
			val = append(val, e.Value)
			l, h := drawnInterval(e)
			lo, hi = append(lo, l), append(hi, h)
		}
		if len(pos) == 0 {
			continue
		}
		w, err := chart.NewWhiskers(pos, val, lo, hi, true)
		if err != nil {
			return nil, fmt.Errorf("f12-consensus: %w", err)
		}
		w.Color = cat.color
		q.Add(w)
	}
	q.NominalY(make([]string, n)...) // the rows are named on the left
	q.Y.Padding = 0
	q.Y.Min, q.Y.Max = -0.6, float64(n)-0.4
	q.X.Min, q.X.Max = 0, 1.03
	q.X.Tick.Marker = figure.ShareTicks{}
	// The legend goes under the panels, in a row of its own (see below).
	legend := make([]chart.LegendEntry, len(consensusCategories))
	for k, cat := range consensusCategories {
		legend[k] = chart.LegendEntry{Name: figure.T(cat.fr, cat.en), Thumb: chart.Swatch{Color: cat.color}}
	}
	return &figure.Figure{
		ID:    "f12-consensus",
		Title: figure.T("Figure 12 – Les questions trouvent-elles une réponse consensuelle ?", "Figure 12 – Do questions find a consensual answer?"),
		Caption: short.caption(fmt.Sprintf(figure.T(
			"Issue des fils ouverts par une question : sans réponse d'un autre auteur, consensuelle (une réponse cite la loi, une recommandation ou l'assurance maladie, ou un second répondant approuve — « +1 », « je confirme » — sans contradiction) ou non consensuelle, en part des questions posées au moins %d jours avant la fin de l'export, par profession ; en bas, les chiffres publiés sur #DocTocToc en 2013 (mimiryudo.com ; 3,1 %% non précisés) et en 2024 (thèse de Lille, qui ne distingue pas les réponses consensuelles). À droite, chaque part et son intervalle de confiance à 95 %% (Wilson, sur nos fils-questions ou sur les questions publiées de chaque étude, dont les données brutes ne sont pas disponibles).",
			"Outcome of the threads opened by a question: no answer from another author, consensual (an answer cites the law, a guideline or health insurance, or a second answerer agrees — “+1”, “I confirm” — with no contradiction) or non-consensual, as a share of the questions asked at least %d days before the end of the export, by profession; at the bottom, the figures published on #DocTocToc in 2013 (mimiryudo.com; 3.1%% not specified) and in 2024 (Lille thesis, which does not tell consensual answers apart). Right, each share with its 95%% confidence interval (Wilson, over our question threads or over each study's published questions, whose raw data are not available)."), int(norms.UnansweredHorizon.Hours()/24)) + consensusCorrectionCaption(r, correctedAny, notCorrected, noInterval)),
		Data:    data,
		Drawing: chart.WithLegend{Tiles: figure.Tiles{{p, q}}, Entries: legend, Cols: 3},
		Width:   26 * vg.Centimeter,
		Height:  vg.Length(n)*1.6*vg.Centimeter + 3.2*vg.Centimeter,
		Prov:    prov,
	}, nil
}

// MinMonthAnswers is the number of answers a month needs for its citing
// shares to be drawn in Figure 13; the data keep every month.
const MinMonthAnswers = 20

// sourceKindLabels are the legend names of the codebook's source kinds.
var sourceKindLabels = map[string][2]string{
	"law":        {"Loi, convention collective", "Law, collective agreement"},
	"employer":   {"Employeur, encadrement", "Employer, management"},
	"guidelines": {"Recommandations (HAS…), littérature", "Guidelines (HAS…), literature"},
	"insurance":  {"Assurance maladie, caisses", "Health insurance, funds"},
}

// sourceKindColors are the line colours of the source kinds.
var sourceKindColors = map[string]color.Color{
	"law": figure.Color(4), "employer": figure.Color(5), "guidelines": figure.Color(2), "insurance": figure.Color(6),
}

func sourceKindLabel(cb *themes.Codebook, kind string) string {
	labels := map[string]string{}
	for _, s := range cb.Sources {
		if labels[s.Kind] == "" {
			labels[s.Kind] = s.Label
		}
	}
	return codebookLabel(sourceKindLabels, labels, kind)
}

// F13Sources is Figure 13: which rules and sources answers invoke, month
// by month. Every answer of a question thread (a message of the thread by
// another author than the asker) cites a kind of source when it has one of
// the codebook's keywords for it or a link to one of its sites
// (norms.CitingShares): law and collective agreement, the employer,
// health-authority guidelines and literature, health insurance and other
// funds. One panel per profession, one line per kind: the monthly share of
// answers citing it (Paris months), and in grey the share citing at least
// one. Months with fewer than MinMonthAnswers answers are left as gaps.
//
// The grey line of the share citing at least one kind has its 95 % band:
// pointwise, each month's interval (norms.Citing.Est, a ratio of sums over
// the question threads with answers that month; answers cluster in
// threads).
//
// The data has one row per profession (aides first), month and kind ("any"
// first, then the codebook's kinds): profession, month (YYYY-MM), kind,
// answers, citing, share, lo, hi (the interval of share, for "any" only;
// NaN otherwise or when not estimable).
//
// Corrected shares: when r has a correction (norms.MeasureGold), each
// profession's rows end with rows of month "corrected": the share over
// the whole period of answers citing each kind as the keywords read it,
// corrected for the keywords' error on the gold answers (coder.Prevalence,
// adjusted classify and count), lo and hi its interval; NaN when the gold
// answers citing the kind are too few (fewer than coder.DefaultMinPositives).
// A corrected kind is drawn as a dotted horizontal line over the panel
// with its interval as a band; the caption lists the kinds corrected and
// those not, with the number of gold answers citing them.
func F13Sources(r norms.Result, prov figure.Provenance) (*figure.Figure, error) {
	gs, err := normsGroups("f13-sources", r)
	if err != nil {
		return nil, err
	}
	cb := r.Codebook
	data := figure.NewTable("profession", "month", "kind", "answers", "citing", "share", "lo", "hi")
	var panels []*plot.Plot
	kinds := cb.SourceKinds()
	var legend []chart.LegendEntry
	anyStyle := draw.LineStyle{Color: figure.MutedColor, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
	legend = append(legend, chart.LegendEntry{Name: figure.T("Au moins une source", "At least one source"), Thumb: chart.LineThumb{Style: anyStyle}})
	styles := make([]draw.LineStyle, len(kinds))
	for i, k := range kinds {
		col, ok := sourceKindColors[k]
		if !ok {
			col = figure.Color(i)
		}
		styles[i] = draw.LineStyle{Color: col, Width: vg.Points(1.6)}
		legend = append(legend, chart.LegendEntry{Name: sourceKindLabel(cb, k), Thumb: chart.LineThumb{Style: styles[i]}})
	}
	short := newShortfall(unitQuestions, Minimum.Questions)
	hi := 0.0
	lo, hiT := math.Inf(1), math.Inf(-1)
	for _, g := range gs {
		if g.Community.ID != indicator.AllCommunities || len(g.ByMonth) == 0 || !short.enough(groupLabel(g.Community), len(g.Threads)) {
			continue
		}
		xs := make([]float64, len(g.ByMonth))
		anyShare := make([]float64, len(g.ByMonth))
		anyLo := make([]float64, len(g.ByMonth))
		anyHi := make([]float64, len(g.ByMonth))
		byKind := make([][]float64, len(kinds))
		for i := range byKind {
			byKind[i] = make([]float64, len(g.ByMonth))
		}
		for m, mc := range g.ByMonth {
			est := mc.Est
			if est.Method == "" { // measured without intervals
				est.Lo, est.Hi = math.NaN(), math.NaN()
			}
			data.Add(string(g.Community.Profession), mc.Month, "any", mc.Answers, mc.Citing, mc.Share(), est.Lo, est.Hi)
			for i, k := range mc.Kinds {
				data.Add(string(g.Community.Profession), mc.Month, k, mc.Answers, mc.ByKind[i], mc.KindShare(i), math.NaN(), math.NaN())
			}
			t, err := time.ParseInLocation("2006-01", mc.Month, corpus.Paris)
			if err != nil {
				return nil, fmt.Errorf("f13-sources: month %q: %w", mc.Month, err)
			}
			xs[m] = figure.TimeToFloat(t.AddDate(0, 0, 14)) // mid-month
			lo, hiT = math.Min(lo, figure.TimeToFloat(t)), math.Max(hiT, figure.TimeToFloat(t.AddDate(0, 1, 0)))
			drawn := mc.Answers >= MinMonthAnswers
			anyShare[m], anyLo[m], anyHi[m] = math.NaN(), math.NaN(), math.NaN()
			if drawn {
				anyShare[m] = mc.Share()
				hi = math.Max(hi, mc.Share())
				if est.Estimable() {
					anyLo[m], anyHi[m] = est.Lo, est.Hi
					hi = math.Max(hi, est.Hi)
				}
			}
			for i := range kinds {
				byKind[i][m] = math.NaN()
				if drawn {
					byKind[i][m] = mc.KindShare(i)
				}
			}
		}
		answers := g.Citing.Answers
		p := figure.NewPlot(fmt.Sprintf("%s (%s %s)", capitalize(ProfessionLabel(g.Community.Profession)), figure.Integer(int64(answers)), figure.T("réponses", "answers")),
			"", figure.T("Part des réponses citant", "Share of answers citing"))
		p.Title.TextStyle.Font.Size = figure.LabelSize
		p.X.Tick.Marker = figure.DateTicks{Location: corpus.Paris, MaxTicks: 6}
		p.Y.Tick.Marker = figure.PercentTicks{}
		band, err := chart.NewBand(xs, anyLo, anyHi, chart.BandColor(figure.MutedColor))
		if err != nil {
			return nil, fmt.Errorf("f13-sources: %w", err)
		}
		p.Add(band)
		if err := chart.GappedLine(p, xs, anyShare, anyStyle, ""); err != nil {
			return nil, fmt.Errorf("f13-sources: %w", err)
		}
		for i := range kinds {
			if err := chart.GappedLine(p, xs, byKind[i], styles[i], ""); err != nil {
				return nil, fmt.Errorf("f13-sources: %w", err)
			}
		}
		if err := drawCorrectedSources(p, data, r, g, xs, styles); err != nil {
			return nil, fmt.Errorf("f13-sources: %w", err)
		}
		for _, e := range correctedSourceEstimates(r, g) {
			if e.Estimable() {
				hi = math.Max(hi, e.Hi)
			}
		}
		panels = append(panels, p)
	}
	if len(panels) == 0 {
		if len(short.left) > 0 {
			return nil, short.notDrawable("f13-sources", "la part des réponses citant une source", "the share of answers citing a source")
		}
		return nil, questionsNotDrawable("f13-sources", r)
	}
	for _, p := range panels {
		p.Y.Min, p.Y.Max = 0, math.Max(0.05, math.Ceil(hi*1.1*20)/20)
		p.X.Min, p.X.Max = lo, hiT
	}
	return &figure.Figure{
		ID:    "f13-sources",
		Title: figure.T("Figure 13 – Les règles et les sources invoquées", "Figure 13 – Rules and sources invoked"),
		Caption: short.caption(figure.T(
			fmt.Sprintf("Part mensuelle des réponses aux questions (messages d'un fil ouvert par une question, d'un autre auteur que celui qui la pose) citant chaque type de règle ou de source — mots-clés de la grille de codage ou lien vers un site de ce type —, par profession (mois de Paris ; les mois de moins de %d réponses ne sont pas tracés). Bande grise : intervalle de confiance à 95 %% de la part citant au moins une source, mois par mois (bootstrap sur les fils-questions, %s tirages).", MinMonthAnswers, figure.Integer(int64(indicator.Inference.Reps))),
			fmt.Sprintf("Monthly share of the answers to questions (messages of a thread opened by a question, by another author than the asker) citing each kind of rule or source — codebook keywords or a link to a site of that kind —, by profession (Paris months; months with fewer than %d answers are not drawn). Grey band: 95%% confidence interval of the share citing at least one source, month by month (bootstrap over question threads, %s replicates).", MinMonthAnswers, figure.Integer(int64(indicator.Inference.Reps)))) + sourcesCorrectionCaption(r)),
		Data:    data,
		Drawing: chart.WithLegend{Tiles: figure.Tiles{panels}, Entries: legend, Cols: 3},
		Width:   24 * vg.Centimeter,
		Height:  11 * vg.Centimeter,
		Prov:    prov,
	}, nil
}

// gapBins name the bins of norms.GapBins() in Figure 14's data and axis:
// [0, 1), [1, 7), [7, 30), [30, 90), [90, 365), [365, ∞) days.
var gapBins = [norms.NumGapBins]struct {
	id     string
	fr, en string
}{
	{"0-1", "< 1\njour", "< 1\nday"},
	{"1-7", "1 à 6\njours", "1 to 6\ndays"},
	{"7-30", "1 à 4\nsemaines", "1 to 4\nweeks"},
	{"30-90", "1 à 3\nmois", "1 to 3\nmonths"},
	{"90-365", "3 mois\nà 1 an", "3 months\nto 1 year"},
	{"365+", "1 an\net plus", "1 year\nor more"},
}

// F14Recurring is Figure 14: questions that come back. A question thread
// is recurring when an earlier question is a near-duplicate of it
// (norms.Recurring: MinHash of 3-stem shingles, exact Jaccard at least
// norms.RecurringThreshold). On the left, the share of question threads
// that are recurring, per community (compared within the community) and
// per profession as a whole (compared across its communities); on the
// right, for each profession, how long after its nearest earlier
// near-duplicate a recurring question is asked (norms.Recurrences), in
// the bins of days of norms.GapBins.
//
// The data has rows of two measures. measure "recurring_share": one row
// per group (as in F03Themes), bin empty, count the recurring question
// threads, total the question threads. measure "gap_days": one row per
// profession and bin (bins 0-1, 1-7, 7-30, 30-90, 90-365 and 365+ days,
// lower bound included, upper excluded), community "*", count the recurring questions whose gap
// falls in the bin, total the recurring questions. Columns: measure,
// community, profession, bin, count, total, share (NaN when total is 0),
// lo, hi (for recurring_share its 95 % Wilson interval over the question
// threads, norms.Group.RecurringEstimate, drawn as a whisker; NaN for
// gap_days).
//
// The caption ends on the detector's validation (r.Recurring,
// norms.Result.ValidateRecurring): the figure is said exploratory, with
// the precision and recall measured on hand-coded pairs, unless the
// precision's interval lies at or above norms.RecurringMinPrecision; or
// said not validated on this study when r.Recurring is nil (no coded
// pairs) or its coded pairs are not this study's.
func F14Recurring(r norms.Result, prov figure.Provenance) (*figure.Figure, error) {
	gs, err := normsGroups("f14-recurring", r)
	if err != nil {
		return nil, err
	}
	short := newShortfall(unitQuestions, Minimum.Questions)
	data := figure.NewTable("measure", "community", "profession", "bin", "count", "total", "share", "lo", "hi")
	type row struct {
		label string
		prof  corpus.Profession
		share float64
		est   stats.Estimate
	}
	var rows []row
	gaps := map[corpus.Profession]norms.Gaps{}
	var profs []corpus.Profession
	for _, g := range gs {
		if !short.enough(groupLabel(g.Community), len(g.Threads)) {
			continue
		}
		prof := g.Community.Profession
		e := g.RecurringEstimate()
		data.Add("recurring_share", g.Community.ID, string(prof), "", len(g.Recurrences), len(g.Threads), g.RecurringShare(), e.Lo, e.Hi)
		rows = append(rows, row{groupLabel(g.Community), prof, g.RecurringShare(), e})
		if g.Community.ID == indicator.AllCommunities {
			gaps[prof] = norms.GapHistogram(g.Recurrences)
			profs = append(profs, prof)
		}
	}
	if len(rows) == 0 {
		if len(short.left) > 0 {
			return nil, short.notDrawable("f14-recurring", "la part des questions récurrentes", "the share of recurring questions")
		}
		return nil, questionsNotDrawable("f14-recurring", r)
	}
	for _, p := range profs {
		for b, bin := range gapBins {
			data.Add("gap_days", indicator.AllCommunities, string(p), bin.id, gaps[p].Counts[b], gaps[p].Total, gaps[p].Share(b), math.NaN(), math.NaN())
		}
	}
	// Left: recurring shares, horizontal bars coloured by profession.
	n := len(rows)
	labels := make([]string, n)
	values := make([][]float64, n)
	var text []string
	var shown []chart.Bar
	hi := 0.0
	los := make([][]float64, n)
	his := make([][]float64, n)
	for i, r := range rows {
		y := n - 1 - i
		labels[y] = r.label
		values[y] = []float64{finite(r.share)}
		l, h := drawnInterval(r.est)
		los[y], his[y] = []float64{l}, []float64{h}
		hi = math.Max(hi, values[y][0])
		if !math.IsNaN(h) {
			hi = math.Max(hi, h)
		}
	}
	laid, err := chart.BarLayout(n, 1, values, true)
	if err != nil {
		return nil, fmt.Errorf("f14-recurring: %w", err)
	}
	for _, b := range laid {
		r := rows[n-1-b.Group]
		b.Category = professionRank(r.prof)
		shown = append(shown, b)
		text = append(text, percentLabel(r.share))
	}
	left := chart.HBarPlot(figure.T("Questions déjà posées", "Questions asked before"), figure.T("Part des fils de question", "Share of question threads"))
	byRank := []color.Color{professionColor(corpus.HomeCareAide), professionColor(corpus.GP), professionColor("")}
	lab, err := chart.HBars(left, shown, byRank, text, labels, float64(n)-0.4)
	if err != nil {
		return nil, fmt.Errorf("f14-recurring: %w", err)
	}
	whiskers, err := chart.BarWhiskers(laid, los, his, true)
	if err != nil {
		return nil, fmt.Errorf("f14-recurring: %w", err)
	}
	left.Add(whiskers)
	// Each label past its whisker, not over it.
	for i, b := range laid {
		if h := his[b.Group][0]; !math.IsNaN(h) && h > b.Top {
			lab.XYs[i].X = h
		}
	}
	left.X.Min = 0
	left.X.Max = math.Min(1, math.Max(0.1, math.Ceil((hi*1.3)*20)/20))
	left.X.Tick.Marker = figure.PercentTicks{}
	// Right: gap distribution per profession.
	binNames := make([]string, len(gapBins))
	for b, bin := range gapBins {
		binNames[b] = figure.T(bin.fr, bin.en)
	}
	var series []string
	var colors []color.Color
	gv := make([][]float64, len(gapBins))
	gl := make([][]string, len(gapBins))
	for b := range gapBins {
		for _, p := range profs {
			gv[b] = append(gv[b], finite(gaps[p].Share(b)))
			gl[b] = append(gl[b], figure.PercentN(gaps[p].Share(b), 0))
		}
	}
	for _, p := range profs {
		series = append(series, fmt.Sprintf("%s (%s %s)", capitalize(ProfessionLabel(p)), figure.Integer(int64(gaps[p].Total)), figure.T("questions", "questions")))
		colors = append(colors, professionColor(p))
	}
	right, err := chart.ShareBars(figure.T("Délai depuis la question similaire la plus proche", "Time since the nearest similar question"), binNames, series, colors, gv, gl, vg.Points(7))
	if err != nil {
		return nil, fmt.Errorf("f14-recurring: %w", err)
	}
	right.Y.Label.Text = figure.T("Part des questions récurrentes", "Share of recurring questions")
	right.X.Tick.Label.Font.Size = vg.Points(8)
	return &figure.Figure{
		ID:    "f14-recurring",
		Title: figure.T("Figure 14 – Les questions qui reviennent", "Figure 14 – Questions that come back"),
		Caption: short.caption(figure.T(
			fmt.Sprintf("À gauche, part des fils de question dont la question quasi identique a déjà été posée plus tôt (similarité de Jaccard d'au moins %s entre les suites de trois racines des deux questions, repérées par MinHash), dans la même communauté ou, pour une profession, dans l'une de ses communautés, et son intervalle de confiance à 95 %% (Wilson, sur les fils-questions) ; à droite, délai entre une question récurrente et la question similaire antérieure la plus proche.", figure.Number(norms.RecurringThreshold, 1)),
			fmt.Sprintf("Left, share of question threads whose near-identical question was asked earlier (Jaccard similarity of at least %s between the three-stem sequences of both questions, found with MinHash), in the same community or, for a profession, in any of its communities, with its 95%% confidence interval (Wilson, over question threads); right, time between a recurring question and the nearest earlier similar question.", figure.Number(norms.RecurringThreshold, 1))) + " " + recurringValidity(r.Recurring, r.Groups)),
		Data:   data,
		Tiles:  [][]*plot.Plot{{left, right}},
		Width:  26 * vg.Centimeter,
		Height: 10 * vg.Centimeter,
		Prov:   prov,
	}, nil
}

// F15Overlap is Figure 15: how far communities share their members and
// their sources (norms.Overlap). On the left, for each pair of
// communities, the Jaccard similarity of their author sets (authors of at
// least one message) and of their link-domain sets (hosts of the links of
// their messages, without "www."); on the right, for each community, the number of
// its authors also active in another community, and in the title the
// number of authors active in several communities.
//
// The data has rows of four measures: authors_jaccard and domains_jaccard,
// one row per pair (community_a < community_b, sorted), count the shared
// authors or domains, value the Jaccard similarity (NaN when neither has
// any); authors_in_other_groups, one row per community (sorted by id),
// count its authors active in another community, value their share of its
// authors; authors_in_several_groups, one row (community_a "*"), count the
// authors active in at least two communities, value their share of all
// authors. Columns: measure, community_a, community_b, count, value.
func F15Overlap(r norms.OverlapReport, prov figure.Provenance) (*figure.Figure, error) {
	withAuthors := 0
	for i := range r.IDs {
		if r.AuthorsOf[i] > 0 {
			withAuthors++
		}
	}
	if r.Authors > 0 && withAuthors < 2 {
		return nil, notDrawable("f15-overlap", NeedTwoCommunities, "le recouvrement des auteurs demande au moins deux communautés ayant des messages", "the overlap of authors needs at least two communities with messages")
	}
	if r.Authors == 0 {
		return nil, notDrawable("f15-overlap", NeedMessages, noMessagesFR, noMessagesEN)
	}
	data := figure.NewTable("measure", "community_a", "community_b", "count", "value")
	for _, p := range r.Pairs {
		data.Add("authors_jaccard", p.A, p.B, p.SharedAuthors, p.AuthorsJaccard)
	}
	for _, p := range r.Pairs {
		data.Add("domains_jaccard", p.A, p.B, p.SharedDomains, p.DomainsJaccard)
	}
	for i, id := range r.IDs {
		data.Add("authors_in_other_groups", id, "", r.InOthers[i], r.InOthersShare(i))
	}
	data.Add("authors_in_several_groups", indicator.AllCommunities, "", r.AuthorsInSeveral, r.SeveralShare())

	byID := make(map[string]corpus.Community, len(r.IDs))
	for i, id := range r.IDs {
		byID[id] = r.Communities[i]
	}
	label := func(id string) string { return communityLabel(byID[id]) }
	// Left: pairs, two bars each (authors, domains).
	np := len(r.Pairs)
	pairLabels := make([]string, np)
	values := make([][]float64, np)
	shares := make([][]float64, np)
	hi := 0.0
	for i, p := range r.Pairs {
		y := np - 1 - i
		pairLabels[y] = label(p.A) + "\n× " + label(p.B)
		// Category 0 is drawn below category 1: domains, then authors.
		shares[y] = []float64{p.DomainsJaccard, p.AuthorsJaccard}
		values[y] = []float64{finite(p.DomainsJaccard), finite(p.AuthorsJaccard)}
		hi = math.Max(hi, math.Max(values[y][0], values[y][1]))
	}
	laid, err := chart.BarLayout(np, 2, values, false)
	if err != nil {
		return nil, fmt.Errorf("f15-overlap: %w", err)
	}
	text := make([]string, len(laid))
	for i, b := range laid {
		text[i] = percentLabel(shares[b.Group][b.Category])
	}
	pairColors := []color.Color{figure.Color(6), figure.Color(4)} // domains, authors
	left := chart.HBarPlot(figure.T("Similarité des paires de communautés (Jaccard)", "Similarity of pairs of communities (Jaccard)"), figure.T("Indice de Jaccard", "Jaccard index"))
	lab, err := chart.HBars(left, laid, pairColors, text, pairLabels, float64(np)-0.1)
	if err != nil {
		return nil, fmt.Errorf("f15-overlap: %w", err)
	}
	for i := range lab.TextStyle {
		lab.TextStyle[i].Font.Size = vg.Points(7.5)
	}
	left.Y.Tick.Label.Font.Size = vg.Points(8)
	left.X.Min = 0
	left.X.Max = math.Min(1.2, math.Max(0.01, hi)*1.35)
	left.X.Tick.Marker = figure.PercentTicks{}
	left.Legend.Add(figure.T("Auteurs", "Authors"), chart.Swatch{Color: pairColors[1]})
	left.Legend.Add(figure.T("Domaines des liens", "Link domains"), chart.Swatch{Color: pairColors[0]})
	left.Legend.Top, left.Legend.Left = true, false

	// Right: authors of each community active in another one.
	nc := len(r.IDs)
	order := make([]int, nc) // communities by profession, then id
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return groupLess(r.Communities[order[a]], r.Communities[order[b]]) })
	comLabels := make([]string, nc)
	cv := make([][]float64, nc)
	var ctext []string
	chi := 0.0
	for k, i := range order {
		id := r.IDs[i]
		y := nc - 1 - k
		comLabels[y] = label(id)
		cv[y] = []float64{float64(r.InOthers[i])}
		chi = math.Max(chi, cv[y][0])
	}
	claid, err := chart.BarLayout(nc, 1, cv, false)
	if err != nil {
		return nil, fmt.Errorf("f15-overlap: %w", err)
	}
	ccolors := []color.Color{figure.Color(4)}
	var cbars []chart.Bar
	var profColors []color.Color
	for _, b := range claid {
		i := order[nc-1-b.Group]
		b.Category = len(profColors)
		profColors = append(profColors, professionColor(r.Communities[i].Profession))
		cbars = append(cbars, b)
		ctext = append(ctext, fmt.Sprintf("%s (%s)", figure.Integer(int64(r.InOthers[i])), percentLabel(r.InOthersShare(i))))
	}
	if len(profColors) > 0 {
		ccolors = profColors
	}
	right := chart.HBarPlot(fmt.Sprintf(figure.T("Auteurs actifs dans plusieurs communautés : %s", "Authors active in several communities: %s"), figure.Integer(int64(r.AuthorsInSeveral))),
		figure.T("Auteurs aussi actifs dans une autre communauté", "Authors also active in another community"))
	if _, err := chart.HBars(right, cbars, ccolors, ctext, comLabels, float64(nc)-0.4); err != nil {
		return nil, fmt.Errorf("f15-overlap: %w", err)
	}
	right.X.Min = 0
	right.X.Max = math.Max(1, chi) * 1.45
	return &figure.Figure{
		ID:    "f15-overlap",
		Title: figure.T("Figure 15 – Des communautés qui se recoupent ?", "Figure 15 – Overlapping communities?"),
		Caption: figure.T(
			"À gauche, indice de Jaccard (éléments communs / éléments de l'une ou l'autre) des ensembles d'auteurs et des domaines des liens partagés de chaque paire de communautés (n. d. : aucune des deux n'a de lien) ; à droite, auteurs de chaque communauté qui ont aussi écrit dans une autre (et leur part des auteurs de la communauté).",
			"Left, Jaccard index (shared items / items of either) of the author sets and of the domains of the links shared by each pair of communities (n/a: neither has links); right, authors of each community who also wrote in another one (and their share of the community's authors)."),
		Data:   data,
		Tiles:  [][]*plot.Plot{{left, right}},
		Width:  26 * vg.Centimeter,
		Height: vg.Length(max(np, 3))*1.1*vg.Centimeter + 3*vg.Centimeter,
		Prov:   prov,
	}, nil
}
