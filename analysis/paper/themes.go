package paper

import (
	"fmt"
	"math"
	"strings"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/stats"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// DocTocToc2013Questions is the number of questions of the 2013 study of
// #DocTocToc (mimiryudo.com, 2013: 63 questions), the published reference
// of Figures 4 and 12.
const DocTocToc2013Questions = 63

// DocTocToc2013Types are the shares of question types published by the
// 2013 #DocTocToc study (mimiryudo.com, 2013, 63 questions): therapeutic
// 31.7 %, diagnostic 30.3 %, administrative 19 %, bibliographic 9.5 %,
// polls and announcements 9.5 %. Keys are the codebook's question type ids.
var DocTocToc2013Types = map[string]float64{
	"therapeutic":    0.317,
	"diagnostic":     0.303,
	"administrative": 0.19,
	"bibliographic":  0.095,
	"poll":           0.095,
}

// themeLabels are the axis labels of the codebook's categories, on two
// lines when long; a category not listed is shown with its codebook label.
var themeLabels = map[string][2]string{
	"conditions": {"Conditions\nde travail\net d'emploi", "Working and\nemployment\nconditions"},
	"practice":   {"Pratiques\net contenus\ndu travail", "Work\npractices\nand content"},
	"future":     {"Avenir\ndu métier", "Future of the\noccupation"},
	"support":    {"Soutien et\ncoup de\ngueule", "Support\nand venting"},
	themes.Other: {"Autre", "Other"},
}

// typeLabels are the labels of the codebook's question types.
var typeLabels = map[string][2]string{
	"diagnostic":     {"Diagnostique", "Diagnostic"},
	"therapeutic":    {"Thérapeutique", "Therapeutic"},
	"administrative": {"Administrative", "Administrative"},
	"bibliographic":  {"Bibliographique", "Bibliographic"},
	"poll":           {"Sondage ou\nannonce", "Poll or\nannouncement"},
	"rights":         {"Droits et emploi", "Rights and\nemployment"},
	"care":           {"Pratique du soin", "Care practice"},
	"organisation":   {"Organisation\ndu travail", "Work\norganisation"},
	themes.NoType:    {"Sans type", "No type"},
}

// codebookLabel is the label of a codebook entry in figures: the study's
// own label in the current language (fixed[id]), else the codebook's
// (labels[id], when not empty), else the id itself.
func codebookLabel(fixed map[string][2]string, labels map[string]string, id string) string {
	if l, ok := fixed[id]; ok {
		return figure.T(l[0], l[1])
	}
	if l := labels[id]; l != "" {
		return l
	}
	return id
}

func themeLabel(cb *themes.Codebook, id string) string {
	labels := map[string]string{}
	for _, c := range cb.Categories {
		labels[c.ID] = c.Label
	}
	return codebookLabel(themeLabels, labels, id)
}

func typeLabel(cb *themes.Codebook, id string) string {
	labels := map[string]string{}
	for _, q := range cb.QuestionTypes {
		labels[q.ID] = q.Label
	}
	return codebookLabel(typeLabels, labels, id)
}

// F03Themes is Figure 3: what the communities talk about. Every message
// (retweets excluded: they repeat one) is coded with the codebook's themes
// (themes.Measure: conditions of work and employment, practices and
// content of work, future of the occupation, support and venting, and
// "other" when none applies); the bars give the share of messages with
// each theme, per profession (top) and per community (bottom). A message
// may have several themes: shares do not add up to 100 %.
//
// Each bar has its 95 % interval (themes.Shares.ThemeEst: a ratio of sums
// over authors) as a whisker. The messages are coded by the coder the
// study chose (measured.Coder: the keyword codebook, or the model trained
// on gold codes, package coder), which the caption names. When the shares
// were corrected for that coder's measured error (measured.Correction,
// coder.Measure) and at least one can be, the bars are the corrected
// shares (themes.Shares.Corrected) with their intervals, a black tick
// across each bar marks the share as coded, and « n.e. » a share that
// cannot be corrected; otherwise the bars are the coded shares and the
// caption says they are not corrected.
//
// The data has one row per group and theme: groups by profession (aides
// first), its communities by id then the profession as a whole (community
// "*"), themes in codebook order; columns community, profession, theme,
// messages, count, share (NaN without messages), lo, hi (its interval,
// NaN when not estimable), n (the units of the interval), unit, method,
// then coder (its name), corrected, corrected_lo, corrected_hi,
// corrected_n, corrected_method and corrected_reason (NaN and empty when
// not corrected; the reason when it cannot be).
func F03Themes(measured themes.Result, prov figure.Provenance) (*figure.Figure, error) {
	short := newShortfall(unitMessages, Minimum.Messages)
	shares, err := themeGroups("f03-themes", measured, short, func(s themes.Shares) int { return s.Messages }, NeedMessages,
		"cette étude n'a aucun message à coder (hors retweets)", "no message to code (retweets excluded)")
	if err != nil {
		return nil, err
	}
	cb := measured.Codebook
	cats := cb.CategoryIDs()
	corr := correctedDrawn(measured, shares, func(s *themes.Shares) []themes.CorrectedShare { return s.Corrected.Themes })
	data := figure.NewTable("community", "profession", "theme", "messages", "count", "share", "lo", "hi", "n", "unit", "method",
		"coder", "corrected", "corrected_lo", "corrected_hi", "corrected_n", "corrected_method", "corrected_reason")
	for _, s := range shares {
		for i, id := range cats {
			e := estimateAt(s.ThemeEst, i, s.ThemeShare(i))
			c := correctedAt(s.Corrected, func(cs *themes.CorrectedShares) []themes.CorrectedShare { return cs.Themes }, i)
			data.Add(s.Community.ID, string(s.Community.Profession), id, s.Messages, s.Themes[i], s.ThemeShare(i), e.Lo, e.Hi, e.N, e.Unit, e.Method,
				measured.Coder, c.Value, c.Lo, c.Hi, c.N, c.Method, c.Reason)
		}
	}
	themeNames := make([]string, len(cats))
	for i, id := range cats {
		themeNames[i] = themeLabel(cb, id)
	}
	// One panel per level: professions as a whole, then communities.
	var panels []*plot.Plot
	for _, whole := range []bool{true, false} {
		var series []string
		var coms []corpus.Community
		var cols []*themes.Shares
		for i := range shares {
			s := &shares[i]
			if (s.Community.ID == indicator.AllCommunities) != whole {
				continue
			}
			coms = append(coms, s.Community)
			cols = append(cols, s)
			name := groupLabel(s.Community)
			if whole {
				name = capitalize(ProfessionLabel(s.Community.Profession))
			}
			series = append(series, fmt.Sprintf("%s (%s %s)", name, figure.Integer(int64(s.Messages)), figure.T("messages", "messages")))
		}
		if len(cols) == 0 {
			continue
		}
		values := make([][]float64, len(cats))
		coded := make([][]float64, len(cats))
		lo := make([][]float64, len(cats))
		hi := make([][]float64, len(cats))
		labels := make([][]string, len(cats))
		for t := range cats {
			values[t] = make([]float64, len(cols))
			coded[t] = make([]float64, len(cols))
			lo[t] = make([]float64, len(cols))
			hi[t] = make([]float64, len(cols))
			labels[t] = make([]string, len(cols))
			for k, s := range cols {
				e := estimateAt(s.ThemeEst, t, s.ThemeShare(t))
				if corr.on {
					e = correctedAt(s.Corrected, func(cs *themes.CorrectedShares) []themes.CorrectedShare { return cs.Themes }, t).Estimate
				}
				values[t][k] = finite(e.Value)
				coded[t][k] = s.ThemeShare(t)
				lo[t][k], hi[t][k] = drawnInterval(e)
				labels[t][k] = shareLabel(e.Value, decimalsFor(len(cols)), corr.on)
			}
		}
		title := figure.T("Par profession", "By profession")
		size := figure.TickSize
		if !whole {
			title = figure.T("Par communauté", "By community")
			size = vg.Points(7)
		}
		p, err := chart.ShareBarsCI(title, themeNames, series, groupColors(coms), values, lo, hi, labels, size)
		if err != nil {
			return nil, fmt.Errorf("f03-themes: %w", err)
		}
		if corr.on {
			if err := addCodedTicks(p, values, coded, hi); err != nil {
				return nil, fmt.Errorf("f03-themes: %w", err)
			}
		}
		p.Y.Label.Text = figure.T("Part des messages", "Share of messages")
		panels = append(panels, p)
	}
	tiles := make([][]*plot.Plot, len(panels))
	for i, p := range panels {
		tiles[i] = []*plot.Plot{p}
	}
	return &figure.Figure{
		ID:    "f03-themes",
		Title: figure.T("Figure 3 – De quoi parle-t-on ?", "Figure 3 – What do they talk about?"),
		Caption: short.caption(figure.T(
			"Part des messages (retweets exclus) abordant chaque thème de la grille de codage, par profession puis par communauté ; un message peut relever de plusieurs thèmes, si bien que les parts ne s'additionnent pas à 100 %. « Autre » : aucun autre thème. "+corr.captionFR+ciCaptionFR("auteurs"),
			"Share of messages (retweets excluded) dealing with each theme of the codebook, by profession then by community; a message may have several themes, so shares do not add up to 100%. “Other”: no other theme. "+corr.captionEN+ciCaptionEN("authors"))),
		Data:   data,
		Tiles:  tiles,
		Width:  18 * vg.Centimeter,
		Height: vg.Length(len(panels)) * 8.5 * vg.Centimeter,
		Prov:   prov,
	}, nil
}

// F04QuestionTypes is Figure 4: what questions are about. Every question
// thread start (a thread start coded as a question, retweets excluded) is
// given the question type of the codebook with the most keywords
// (themes.Measure): for general practitioners diagnostic, therapeutic,
// administrative, bibliographic, poll or announcement, the types of the
// 2013 #DocTocToc study, drawn beside that study's published shares
// (DocTocToc2013Types); for home-care aides rights and employment, care
// practice and work organisation. Shares are among the questions of a
// type: the 2013 study put every question in a type, so the questions of
// no type here are left out of the bars (their share is in the caption and
// the data).
//
// Each bar of the corpus has its 95 % interval (themes.Shares.TypedEst: a
// ratio of sums over the askers) as a whisker; the 2013 bars have none
// (their counts behind each type are not published).
//
// The data has one row per group and type (types in codebook order, then
// "none"), groups as in F03Themes, then the 2013 published shares (source
// "doctoctoc-2013", community empty, counts empty); columns source,
// community, profession, question_type, questions, typed_questions, count,
// share (of all questions), share_typed (of the questions of a type, NaN
// for "none"), lo_typed, hi_typed (the interval of share_typed, NaN when
// not estimable or published), n, unit, method (of that interval), then
// coder, corrected_typed, corrected_typed_lo, corrected_typed_hi,
// corrected_n, corrected_method, corrected_reason: share_typed corrected
// for the coder's measured error (themes.CorrectedShares.Typed), drawn
// as F03Themes draws its corrected shares.
func F04QuestionTypes(measured themes.Result, prov figure.Provenance) (*figure.Figure, error) {
	short := newShortfall(unitQuestions, Minimum.Questions)
	shares, err := themeGroups("f04-question-types", measured, short, func(s themes.Shares) int { return s.Questions }, NeedQuestions,
		"aucun fil de cette étude ne s'ouvre sur une question", "no question thread (thread start coded as a question)")
	if err != nil {
		return nil, err
	}
	cb := measured.Codebook
	typed := func(cs *themes.CorrectedShares) []themes.CorrectedShare { return cs.Typed }
	corr := correctedDrawn(measured, shares, func(s *themes.Shares) []themes.CorrectedShare {
		// NoType is never corrected nor drawn: only the codebook's types.
		var out []themes.CorrectedShare
		for i, t := range s.Types {
			if t != themes.NoType {
				out = append(out, s.Corrected.Typed[i])
			}
		}
		return out
	})
	data := figure.NewTable("source", "community", "profession", "question_type", "questions", "typed_questions", "count", "share", "share_typed", "lo_typed", "hi_typed", "n", "unit", "method",
		"coder", "corrected_typed", "corrected_typed_lo", "corrected_typed_hi", "corrected_n", "corrected_method", "corrected_reason")
	for _, s := range shares {
		for i, t := range s.Types {
			e := estimateAt(s.TypedEst, i, s.TypedShare(i))
			c := correctedAt(s.Corrected, typed, i)
			data.Add("corpus", s.Community.ID, string(s.Community.Profession), t, s.Questions, s.Typed(), s.TypeCounts[i], s.TypeShare(i), s.TypedShare(i), e.Lo, e.Hi, e.N, e.Unit, e.Method,
				measured.Coder, c.Value, c.Lo, c.Hi, c.N, c.Method, c.Reason)
		}
	}
	gpTypes := cb.QuestionTypeIDs(corpus.GP)
	for _, t := range gpTypes {
		if v, ok := DocTocToc2013Types[t]; ok {
			data.Add("doctoctoc-2013", "", string(corpus.GP), t, DocTocToc2013Questions, DocTocToc2013Questions, "", v, v, math.NaN(), math.NaN(), "", "", "",
				"", math.NaN(), math.NaN(), math.NaN(), "", "", "")
		}
	}
	// One panel per profession: its communities' shares among typed
	// questions, and for GPs the 2013 reference.
	var panels []*plot.Plot
	var untyped []string
	var profs []corpus.Profession
	for _, s := range shares {
		if s.Community.ID == indicator.AllCommunities {
			profs = append(profs, s.Community.Profession)
			untyped = append(untyped, fmt.Sprintf("%s %s", figure.Percent(s.UntypedShare()), figure.T("chez les ", "among ")+ProfessionLabel(s.Community.Profession)))
		}
	}
	for _, prof := range profs {
		types := cb.QuestionTypeIDs(prof)
		var series []string
		var coms []corpus.Community
		var rows, rowCoded, rowLo, rowHi [][]float64 // [series][type]
		for _, s := range shares {
			if s.Community.Profession != prof || s.Community.ID == indicator.AllCommunities {
				continue
			}
			nt := s.Typed()
			if nt == 0 {
				continue
			}
			row := make([]float64, len(types))
			cod := make([]float64, len(types))
			lo := make([]float64, len(types))
			hi := make([]float64, len(types))
			for k, t := range types {
				lo[k], hi[k] = math.NaN(), math.NaN()
				for i, st := range s.Types {
					if st == t {
						e := estimateAt(s.TypedEst, i, s.TypedShare(i))
						if corr.on {
							e = correctedAt(s.Corrected, typed, i).Estimate
						}
						row[k], cod[k] = e.Value, s.TypedShare(i)
						lo[k], hi[k] = drawnInterval(e)
					}
				}
			}
			coms = append(coms, s.Community)
			rows = append(rows, row)
			rowCoded = append(rowCoded, cod)
			rowLo, rowHi = append(rowLo, lo), append(rowHi, hi)
			series = append(series, fmt.Sprintf("%s (%s %s)", groupLabel(s.Community), figure.Integer(int64(nt)), figure.T("questions typées", "typed questions")))
		}
		colors := groupColors(coms)
		if prof == corpus.GP {
			row := make([]float64, len(types))
			for k, t := range types {
				row[k] = DocTocToc2013Types[t]
			}
			rows = append(rows, row)
			none := make([]float64, len(types))
			for k := range none {
				none[k] = math.NaN()
			}
			rowCoded = append(rowCoded, none)
			rowLo, rowHi = append(rowLo, none), append(rowHi, none)
			series = append(series, fmt.Sprintf(figure.T("Étude #DocTocToc 2013 (%d questions)", "2013 #DocTocToc study (%d questions)"), DocTocToc2013Questions))
			colors = append(colors, figure.MutedColor)
		}
		if len(rows) == 0 {
			continue
		}
		values := make([][]float64, len(types))
		coded := make([][]float64, len(types))
		los := make([][]float64, len(types))
		his := make([][]float64, len(types))
		labels := make([][]string, len(types))
		for k := range types {
			values[k] = make([]float64, len(rows))
			coded[k] = make([]float64, len(rows))
			los[k] = make([]float64, len(rows))
			his[k] = make([]float64, len(rows))
			labels[k] = make([]string, len(rows))
			for s := range rows {
				values[k][s] = finite(rows[s][k])
				coded[k][s] = rowCoded[s][k]
				los[k][s], his[k][s] = rowLo[s][k], rowHi[s][k]
				labels[k][s] = shareLabel(rows[s][k], decimalsFor(len(rows)), corr.on)
			}
		}
		names := make([]string, len(types))
		for k, t := range types {
			names[k] = typeLabel(cb, t)
		}
		size := figure.TickSize
		if len(rows) > 2 {
			size = vg.Points(7)
		}
		p, err := chart.ShareBarsCI(capitalize(ProfessionLabel(prof)), names, series, colors, values, los, his, labels, size)
		if err != nil {
			return nil, fmt.Errorf("f04-question-types: %w", err)
		}
		if corr.on {
			if err := addCodedTicks(p, values, coded, his); err != nil {
				return nil, fmt.Errorf("f04-question-types: %w", err)
			}
		}
		p.Y.Label.Text = figure.T("Part des questions typées", "Share of typed questions")
		panels = append(panels, p)
	}
	if len(panels) == 0 {
		return nil, notDrawable("f04-question-types", NeedQuestions, "aucun message de cette étude n'ouvre un fil par une question d'un type du codebook", "no message of this study opens a thread with a question of a codebook type")
	}
	tiles := make([][]*plot.Plot, len(panels))
	for i, p := range panels {
		tiles[i] = []*plot.Plot{p}
	}
	return &figure.Figure{
		ID:    "f04-question-types",
		Title: figure.T("Figure 4 – Les types de questions", "Figure 4 – Types of questions"),
		Caption: short.caption(figure.T(
			fmt.Sprintf("Type des questions ouvrant un fil (types de la grille de codage), en part des questions d'un type ; les questions sans type (%s) sont écartées, pour comparer à l'étude #DocTocToc de 2013 (mimiryudo.com, %d questions), qui les classait toutes. ", joinList(untyped), DocTocToc2013Questions)+corr.captionFR+ciCaptionFR("auteurs des questions"),
			fmt.Sprintf("Type of the questions opening a thread (codebook types), as a share of the questions of a type; questions of no type (%s) are left out, to compare with the 2013 #DocTocToc study (mimiryudo.com, %d questions), which classified them all. ", joinList(untyped), DocTocToc2013Questions)+corr.captionEN+ciCaptionEN("askers"))),
		Data:   data,
		Tiles:  tiles,
		Width:  18 * vg.Centimeter,
		Height: vg.Length(len(panels)) * 8 * vg.Centimeter,
		Prov:   prov,
	}, nil
}

// correction is how a figure of measured shares draws them, and what
// its caption says of the coder: on when the shares were corrected for
// the coder's measured error (themes.Result.Correction) and at least
// one drawn share could be, the bars are then the corrected shares with
// their intervals and a tick marks each coded share; otherwise the bars
// are the coded shares.
type correction struct {
	on                   bool
	captionFR, captionEN string
}

// correctedDrawn returns the correction of the groups drawn, shares,
// pick giving a group's corrected shares that are drawn.
func correctedDrawn(r themes.Result, shares []themes.Shares, pick func(*themes.Shares) []themes.CorrectedShare) correction {
	var c correction
	gold, folds := 0, 0
	if r.Correction != nil {
		gold, folds = r.Correction.Gold, r.Correction.Folds
	}
	var coderFR, coderEN string
	switch r.Coder {
	case themes.KeywordCoder, "":
		coderFR, coderEN = "Codage : mots-clés de la grille de codage. ", "Coded by the codebook's keywords. "
	case coder.Name:
		coderFR = fmt.Sprintf("Codage : modèle entraîné sur %s messages de référence (les %d modèles de sa validation croisée). ", figure.Integer(int64(gold)), folds)
		coderEN = fmt.Sprintf("Coded by a model trained on %s gold messages (the %d fold models of its cross-validation). ", figure.Integer(int64(gold)), folds)
	default:
		coderFR, coderEN = fmt.Sprintf("Codage : %s. ", r.Coder), fmt.Sprintf("Coded by %s. ", r.Coder)
	}
	if r.Correction == nil {
		c.captionFR = coderFR + "Sans codes de référence, les parts ne sont pas corrigées de l'erreur du codage. "
		c.captionEN = coderEN + "Without gold codes, the shares are not corrected for the coder's error. "
		return c
	}
	for i := range shares {
		if shares[i].Corrected == nil {
			continue
		}
		for _, x := range pick(&shares[i]) {
			c.on = c.on || !math.IsNaN(x.Value)
		}
	}
	n := figure.Integer(int64(gold))
	if !c.on {
		c.captionFR = coderFR + fmt.Sprintf("Parts non corrigées : l'erreur du codage n'est pas mesurable sur les %s messages de référence (trop peu de messages de chaque catégorie, ou codage qui les distingue trop peu ; raisons dans les données). ", n)
		c.captionEN = coderEN + fmt.Sprintf("Shares not corrected: the coder's error cannot be measured on the %s gold messages (too few messages of each category, or a coder that barely tells them apart; reasons in the data). ", n)
		return c
	}
	c.captionFR = coderFR + fmt.Sprintf("Barres : parts corrigées de l'erreur du codage mesurée par validation croisée sur les %s messages de référence (comptage ajusté, Forman 2008), leur intervalle portant aussi cette erreur ; trait noir : part telle que codée ; « n.e. » : correction non estimable (raison dans les données). ", n)
	c.captionEN = coderEN + fmt.Sprintf("Bars: shares corrected for the coder's error measured by cross-validation on the %s gold messages (adjusted classify and count, Forman 2008), their intervals carrying that error too; black tick: the share as coded; “n.e.”: correction not estimable (reason in the data). ", n)
	return c
}

// correctedAt returns the i-th share pick gives of cs; NaN without
// reason when cs is nil (not corrected).
func correctedAt(cs *themes.CorrectedShares, pick func(*themes.CorrectedShares) []themes.CorrectedShare, i int) themes.CorrectedShare {
	if cs == nil {
		nan := math.NaN()
		return themes.CorrectedShare{Estimate: stats.Estimate{Value: nan, Lo: nan, Hi: nan}}
	}
	return pick(cs)[i]
}

// shareLabel is a bar's label: its share, or, for a corrected share
// that could not be corrected, « n.e. ».
func shareLabel(v float64, decimals int, corrected bool) string {
	if corrected && math.IsNaN(v) {
		return figure.T("n.e.", "n.e.")
	}
	return figure.PercentN(v, decimals)
}

// codedTicks draws, across each bar laid out by chart.BarLayout, a
// short horizontal line at the share as coded (NaN: none), so that the
// coded share stays visible beside the corrected bar.
type codedTicks struct {
	bars  []chart.Bar
	coded [][]float64
}

// Plot implements plot.Plotter.
func (t codedTicks) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	style := draw.LineStyle{Color: figure.TextColor, Width: vg.Points(1.6)}
	for _, b := range t.bars {
		v := t.coded[b.Group][b.Category]
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		y := trY(v)
		c.StrokeLine2(style, trX(b.X-b.Width/2), y, trX(b.X+b.Width/2), y)
	}
}

// addCodedTicks adds the coded shares coded[g][s] across the bars of
// values[g][s] (with the upper bounds hi[g][s]) drawn by
// chart.ShareBarsCI on p, and raises the value axis so that the legend,
// in the top right corner, clears the highest bound or tick (corrected
// intervals reach higher than coded ones; the ticks stop at 100 %).
func addCodedTicks(p *plot.Plot, values, coded, hi [][]float64) error {
	if len(values) == 0 {
		return nil
	}
	bars, err := chart.BarLayout(len(values), len(values[0]), values, false)
	if err != nil {
		return err
	}
	p.Add(codedTicks{bars: bars, coded: coded})
	top := 0.0
	for g := range values {
		for s := range values[g] {
			for _, v := range []float64{values[g][s], coded[g][s], hi[g][s]} {
				if !math.IsNaN(v) {
					top = math.Max(top, v)
				}
			}
		}
	}
	p.Y.Max = math.Max(p.Y.Max, math.Min(top*(1.15+0.09*float64(len(values[0]))), 1.6))
	return nil
}

// themeGroups returns the groups of r whose count reaches short's
// minimum, in the study's order (groupLess); an error naming figure id
// when r has no codebook, or a *NotDrawable: of NeedMinimum when some
// groups have units but too few, else of need saying noneFR/none.
func themeGroups(id string, r themes.Result, short *shortfall, count func(themes.Shares) int, need Need, noneFR, none string) ([]themes.Shares, error) {
	if r.Codebook == nil {
		return nil, fmt.Errorf("%s: no codebook in the measured themes", id)
	}
	var out []themes.Shares
	for _, s := range r.Groups {
		if short.enough(groupLabel(s.Community), count(s)) {
			out = append(out, s)
		}
	}
	if len(out) == 0 && len(short.left) > 0 {
		return nil, short.notDrawable(id, "la part de chaque catégorie", "the share of each category")
	}
	if len(out) == 0 {
		return nil, notDrawable(id, need, noneFR, none)
	}
	return inStudyOrder(out, func(s themes.Shares) corpus.Community { return s.Community }), nil
}

// decimalsFor is the number of decimals of bar labels when series bars
// share a slot: one for up to two bars, none beyond (the labels would
// overlap).
func decimalsFor(series int) int {
	if series <= 2 {
		return 1
	}
	return 0
}

// joinList joins items with commas and a final « et » / "and".
func joinList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	s := items[0]
	for _, it := range items[1 : len(items)-1] {
		s += ", " + it
	}
	return s + figure.T(" et ", " and ") + items[len(items)-1]
}

// reliabilityLabel names a coded variable of reliability.csv: a theme
// ("theme:conditions"), the question, the question type, every theme
// pooled ("themes").
func reliabilityLabel(cb *themes.Codebook, v string) string {
	switch {
	case strings.HasPrefix(v, "theme:"):
		return flat(themeLabel(cb, strings.TrimPrefix(v, "theme:")))
	case v == "question":
		return figure.T("Question", "Question")
	case v == "question_type":
		return figure.T("Type de question", "Question type")
	case v == "themes":
		return figure.T("Thèmes (toutes décisions)", "Themes (every decision)")
	}
	return v
}

// T3CodebookValidation is Table 3: how well the codebook codes messages.
// The hand-coded sample (data/codebook/hand-coded.csv) coded with the
// codebook and compared with the hand coding (themes.Report.HandCoded,
// themes.Validate):
// for each theme, the question detector and each question type (one
// against the rest), the support (messages the hand coding gives the
// label), precision, recall, F1 and Cohen's kappa of the binary presence;
// and the question type as one multi-class label ("none" a class of its
// own), with its observed agreement and Cohen's kappa. When the report
// has a truth (themes.ValidateTruth against a synthetic corpus's
// generating labels), a second block gives the same measures against it.
//
// When the report carries the simulator's stem overlap with the
// codebook (themes.Report.Overlap, simulate.OverlapWithCodebook), each
// theme's κ against the truth is followed by it: how much of what the
// check reads was written with the codebook's own keywords. When it
// carries a cross-validation (themes.Report.CrossValidated,
// coder.Report.Scores), a last block gives, for each label, the trained
// coder's precision, recall, F1 and κ on the gold codes, each followed in
// brackets by the keyword codebook's on the same folds ("n.e." when the
// gold codes hold too few messages with or without the label).
//
// The data has one row per reference (hand-coded, then truth, coders,
// cross-validated-trained, cross-validated-keyword), kind (category,
// question, question_type, question_type_multiclass, alpha) and label, in
// codebook order: reference, kind, label, n, support, predicted,
// precision, recall, f1, kappa, agreement (NaN when undefined; the
// multi-class row has support n and no precision, recall nor F1), alpha,
// alpha_lo, alpha_hi (the coders' rows), stem_overlap (the truth's theme
// rows).
func T3CodebookValidation(measured themes.Report, prov figure.Provenance) (*figure.Figure, error) {
	cb := measured.Codebook
	if cb == nil {
		return nil, fmt.Errorf("t3-codebook-validation: no codebook in the validation report")
	}
	if measured.HandCoded.N == 0 {
		return nil, fmt.Errorf("t3-codebook-validation: empty hand-coded sample")
	}
	type block struct {
		ref, name string
		v         themes.Validation
	}
	blocks := []block{{"hand-coded", figure.T("Échantillon codé à la main", "Hand-coded sample"), measured.HandCoded}}
	if measured.Truth != nil {
		blocks = append(blocks, block{"truth", figure.T("Vérité du corpus synthétique", "Synthetic corpus truth"), *measured.Truth})
	}
	data := figure.NewTable("reference", "kind", "label", "n", "support", "predicted", "precision", "recall", "f1", "kappa", "agreement", "alpha", "alpha_lo", "alpha_hi", "stem_overlap")
	overlap := map[string]float64{}
	for _, o := range measured.Overlap {
		overlap[o.Theme] = o.Fraction
	}
	shown := figure.NewTable(
		figure.T("Catégorie", "Category"),
		figure.T("Effectif", "Support"),
		figure.T("Précision", "Precision"),
		figure.T("Rappel", "Recall"),
		"F1",
		figure.T("κ de Cohen", "Cohen's κ"),
	)
	two := func(v float64) string {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return ""
		}
		return figure.Number(v, 2)
	}
	section := func(title string) { shown.Rows = append(shown.Rows, []string{title, "", "", "", "", ""}) }
	for _, b := range blocks {
		v := b.v
		add := func(kind, name string, s themes.Score) {
			ov, hasOv := math.NaN(), false
			if b.ref == "truth" && kind == "category" {
				ov, hasOv = overlap[s.Label]
				if !hasOv {
					ov = math.NaN()
				}
			}
			data.Add(b.ref, kind, s.Label, v.N, s.Support, s.Predicted, s.Precision, s.Recall, s.F1, s.Kappa, v.Agreement(s), math.NaN(), math.NaN(), math.NaN(), ov)
			k := two(s.Kappa)
			if hasOv {
				k += " · " + figure.Percent(ov)
			}
			shown.Add("   "+name, s.Support, two(s.Precision), two(s.Recall), two(s.F1), k)
		}
		if len(blocks) > 1 {
			title := fmt.Sprintf("%s (%s %s)", b.name, figure.Integer(int64(v.N)), figure.T("messages", "messages"))
			if b.ref == "truth" && len(overlap) > 0 {
				title += figure.T(" ; après le κ, part des racines du texte simulé de chaque thème qui sont des mots-clés de la grille",
					"; after κ, the share of the stems of each theme's simulated wording that are codebook keywords")
			}
			section(title)
		}
		section(figure.T("Thèmes", "Themes"))
		for _, s := range v.Categories {
			add("category", flat(themeLabel(cb, s.Label)), s)
		}
		section(figure.T("Questions", "Questions"))
		add("question", figure.T("Question (détection)", "Question (detection)"), v.Question)
		for _, s := range v.QuestionTypes {
			add("question_type", flat(typeLabel(cb, s.Label)), s)
		}
		data.Add(b.ref, "question_type_multiclass", "all", v.N, v.N, v.N, math.NaN(), math.NaN(), math.NaN(), v.QuestionTypeKappa, v.QuestionTypeAgreement, math.NaN(), math.NaN(), math.NaN(), math.NaN())
		shown.Add("   "+figure.T("Type de question (toutes classes)", "Question type (all classes)"), v.N, "", "", "", two(v.QuestionTypeKappa))
	}
	// The coders' own agreement: the hand coding is only a reference as
	// far as two coders agree on it.
	if len(measured.Reliability) > 0 {
		r0 := measured.Reliability[0]
		section(fmt.Sprintf(figure.T("Accord des deux codeurs (%s, %s) : α de Krippendorff [IC 95 %%] en colonne F1", "Agreement of the two coders (%s, %s): Krippendorff's α [95%% CI] in the F1 column"), r0.CoderA, r0.CoderB))
		for _, a := range measured.Reliability {
			data.Add("coders", "alpha", a.Variable, a.Units, a.Both, "", math.NaN(), math.NaN(), math.NaN(), a.Kappa, a.Agreement, a.Alpha, a.Lo, a.Hi, math.NaN())
			interval := two(a.Alpha)
			if !math.IsNaN(a.Lo) {
				interval += " [" + two(a.Lo) + figure.T(" ; ", ", ") + two(a.Hi) + "]"
			}
			shown.Add("   "+reliabilityLabel(cb, a.Variable), a.Units, "", "", interval, two(a.Kappa))
		}
	}
	// Both coders cross-validated on the same folds of the gold codes.
	if len(measured.CrossValidated) > 0 {
		section(fmt.Sprintf(figure.T("Validation croisée sur les mêmes %d plis (%s messages de référence) : modèle entraîné, et entre parenthèses mots-clés",
			"Cross-validation on the same %d folds (%s gold messages): trained model, and in brackets keywords"), measured.CrossFolds, figure.Integer(int64(measured.CrossValidated[0].Trained.TP+measured.CrossValidated[0].Trained.FP+measured.CrossValidated[0].Trained.FN+measured.CrossValidated[0].Trained.TN))))
		for _, x := range measured.CrossValidated {
			n := x.Trained.TP + x.Trained.FP + x.Trained.FN + x.Trained.TN
			for _, sc := range []struct {
				ref string
				s   themes.Score
			}{{"cross-validated-trained", x.Trained}, {"cross-validated-keyword", x.Keyword}} {
				agree := math.NaN()
				if n > 0 {
					agree = float64(sc.s.TP+sc.s.TN) / float64(n)
				}
				data.Add(sc.ref, x.Kind, sc.s.Label, n, sc.s.Support, sc.s.Predicted, sc.s.Precision, sc.s.Recall, sc.s.F1, sc.s.Kappa, agree, math.NaN(), math.NaN(), math.NaN(), math.NaN())
			}
			var name string
			switch x.Kind {
			case "category":
				name = flat(themeLabel(cb, x.Trained.Label))
			case "question":
				name = figure.T("Question (détection)", "Question (detection)")
			default:
				name = flat(typeLabel(cb, x.Trained.Label))
			}
			pair := func(a, b float64) string {
				if !x.Estimable {
					return figure.T("n.e.", "n.e.")
				}
				return two(a) + " (" + two(b) + ")"
			}
			shown.Add("   "+name, x.Trained.Support, pair(x.Trained.Precision, x.Keyword.Precision), pair(x.Trained.Recall, x.Keyword.Recall), pair(x.Trained.F1, x.Keyword.F1), pair(x.Trained.Kappa, x.Keyword.Kappa))
		}
	}
	n := blocks[0].v.N
	return &figure.Figure{
		ID:    "t3-codebook-validation",
		Title: figure.T("Tableau 3 – Validation de la grille de codage", "Table 3 – Validation of the codebook"),
		Caption: figure.T(
			fmt.Sprintf("Accord entre le codage automatique et un échantillon de %s messages codés à la main : effectif (messages que le codage manuel range dans la catégorie), précision, rappel, F1 et κ de Cohen de la présence de chaque catégorie ; pour le type de question pris comme une seule variable (« sans type » compris), κ de Cohen multiclasse.", figure.Integer(int64(n))),
			fmt.Sprintf("Agreement between the automatic coding and a sample of %s hand-coded messages: support (messages the hand coding puts in the category), precision, recall, F1 and Cohen's κ of each category's presence; for the question type taken as one variable (“no type” included), multi-class Cohen's κ.", figure.Integer(int64(n)))),
		Data:    data,
		Drawing: figure.TableDrawing{Table: shown},
		Width:   16 * vg.Centimeter,
		Prov:    prov,
	}, nil
}

// flat puts a two-line label on one line.
func flat(s string) string {
	out := []rune{}
	for _, r := range s {
		if r == '\n' {
			r = ' '
		}
		out = append(out, r)
	}
	return string(out)
}
