package paper

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/stats"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// correctedStatus returns the group's status shares corrected for the
// chosen coder's error (norms.Result.Corrected), when r has a
// correction; ok is false without one.
func correctedStatus(r norms.Result, g norms.Group) (s coder.StatusShares, ok bool) {
	gc, ok := r.Corrected.Group(g.Community.ID, g.Community.Profession)
	if !ok || gc.Reason != "" {
		return coder.StatusShares{}, false
	}
	return gc.Status, true
}

// coderNameFR and coderNameEN name the coder of a correction in a
// caption.
func coderName(corr *norms.Correction) (fr, en string) {
	if corr.Coder == norms.CoderKeyword {
		return "la règle par mots-clés", "the keyword rule"
	}
	return fmt.Sprintf("le codeur entraîné (régression logistique multinomiale, validation croisée à %d plis sur %d fils codés par deux codeurs)", corr.Report.Folds, corr.Report.N),
		fmt.Sprintf("the trained coder (multinomial logistic regression, %d-fold cross-validation on %d threads coded by two coders)", corr.Report.Folds, corr.Report.N)
}

// statusReasonFR gives in French why status shares are not corrected.
func statusReasonFR(s coder.StatusShares) string {
	for k, n := range s.GoldByStatus {
		if n < coder.DefaultMinGoldPerStatus {
			return fmt.Sprintf("seulement %d fils de référence « %s », moins de %d : l'erreur du codeur sur eux n'est pas mesurée", n, statusLabelFR(coder.ThreadStatuses[k]), coder.DefaultMinGoldPerStatus)
		}
	}
	return "correction impossible (" + s.Reason + ")"
}

func statusLabelFR(s string) string {
	switch s {
	case coder.StatusConsensual:
		return "consensuel"
	case coder.StatusNonConsensual:
		return "non consensuel"
	case coder.StatusUnanswered:
		return "sans réponse"
	}
	return "pas une question"
}

// consensusCorrectionCaption is the sentence Figure 12's caption ends with
// when r has a correction: which coder, and whether the drawn shares are
// corrected (corrected) or why not (reason, from the first group not
// corrected), and why a corrected share has no interval (open, the first
// such group's shares).
func consensusCorrectionCaption(r norms.Result, corrected bool, reason, open coder.StatusShares) string {
	if r.Corrected == nil {
		return ""
	}
	fr, en := coderName(r.Corrected)
	var out string
	if corrected {
		out = figure.T(
			fmt.Sprintf(" Parts corrigées de l'erreur de %s, mesurée sur les fils de référence : classification et comptage ajustés multiclasses (Forman 2008 ; Saerens et al. 2002), intervalles à 95 %% par bootstrap sur les fils codés et sur les fils de référence ; les parts de la règle par mots-clés, non corrigées, sont dans les données.", fr),
			fmt.Sprintf(" Shares corrected for the error of %s measured on the gold threads: multi-class adjusted classify and count (Forman 2008; Saerens et al. 2002), 95%% intervals by bootstrap over the coded and the gold threads; the keyword rule's uncorrected shares are in the data.", en))
	}
	if open.Reason != "" {
		out += figure.T(
			fmt.Sprintf(" Sans intervalle : %d des %d tirages bootstrap n'ont pas chaque statut parmi les fils de référence tirés, trop peu nombreux.", open.Dropped, open.Reps),
			fmt.Sprintf(" No interval: %s.", open.Reason))
	}
	if reason.Reason != "" {
		out += figure.T(
			fmt.Sprintf(" Parts de la règle par mots-clés, non corrigées de l'erreur du codeur : %s.", statusReasonFR(reason)),
			fmt.Sprintf(" The keyword rule's shares, not corrected for the coder's error: %s.", reason.Reason))
	}
	return out
}

// addCorrectedStatusRows adds Figure 12's rows of the corrected shares of
// group g (source "corrected-" and the coder): questions the threads the
// coder reads as questions, count its count, share, lo, hi the
// corrected share among question threads and its interval (NaN when not
// corrected).
func addCorrectedStatusRows(data *figure.Table, r norms.Result, g norms.Group) {
	s, ok := correctedStatus(r, g)
	if !ok {
		return
	}
	for k, st := range coder.QuestionStatuses {
		e := s.CorrectedQuestions[k]
		data.Add("corrected-"+r.Corrected.Coder, g.Community.ID, string(g.Community.Profession), st, s.N-s.Counts[len(s.Counts)-1], s.Counts[k], e.Value, e.Lo, e.Hi, e.Method)
	}
}

// statusEstimates returns the corrected shares among question threads
// by status id, when they are defined.
func statusEstimates(s coder.StatusShares) (map[string]float64, map[string]stats.Estimate, bool) {
	shares, est := map[string]float64{}, map[string]stats.Estimate{}
	for k, st := range coder.QuestionStatuses {
		e := s.CorrectedQuestions[k]
		if math.IsNaN(e.Value) {
			return nil, nil, false
		}
		shares[st], est[st] = e.Value, e
	}
	return shares, est, true
}

// sourcesCorrectionCaption is the sentence Figure 13's caption ends with
// when r has a correction: the kinds whose share is corrected, and why
// the others are not.
func sourcesCorrectionCaption(r norms.Result) string {
	corr := r.Corrected
	if corr == nil {
		return ""
	}
	var done, notFR, notEN []string
	for i, k := range corr.Kinds {
		rt := corr.SourceRates[i]
		if corr.SourceReasons[i] == "" {
			done = append(done, k)
			continue
		}
		notFR = append(notFR, fmt.Sprintf("%s (%d réponses de référence la citent)", k, rt.TP+rt.FN))
		notEN = append(notEN, fmt.Sprintf("%s (%d gold answers cite it)", k, rt.TP+rt.FN))
	}
	var fr, en string
	if len(done) > 0 {
		fr = fmt.Sprintf(" Traits horizontaux : part de toute la période corrigée de l'erreur des mots-clés sur %d réponses de référence d'autres que l'auteur de la question (classification et comptage ajustés, Forman 2008), et son intervalle à 95 %% (bootstrap sur les réponses et les réponses de référence), pour %s.", corr.GoldAnswers, strings.Join(done, ", "))
		en = fmt.Sprintf(" Horizontal lines: share over the whole period corrected for the keywords' error on %d gold answers by others than the asker (adjusted classify and count, Forman 2008), with its 95%% interval (bootstrap over answers and gold answers), for %s.", corr.GoldAnswers, strings.Join(done, ", "))
	}
	if len(notFR) > 0 {
		fr += fmt.Sprintf(" Non corrigées de l'erreur des mots-clés, faute de réponses de référence citant la source (moins de %d) : %s.", coder.DefaultMinPositives, strings.Join(notFR, ", "))
		en += fmt.Sprintf(" Not corrected for the keywords' error, for want of gold answers citing the source (fewer than %d): %s.", coder.DefaultMinPositives, strings.Join(notEN, ", "))
	}
	return figure.T(fr, en)
}

// T5Columns are the columns of Table 5's data, each with one meaning in
// every row (NaN or empty where it does not apply).
var T5Columns = []string{"measure", "coder", "round", "profession", "label", "n", "support",
	"precision", "recall", "f1", "kappa", "alpha", "agreement", "coded_share", "corrected", "lo", "hi", "estimable", "reason"}

// T5ThreadCoder is Table 5: the thread status coders against the gold
// threads. Per status (one against the rest), the cross-validated
// support, precision, recall, F1 and Cohen's κ of the trained thread
// coder and of the keyword rule on the same gold threads and folds
// (norms.Correction.Report), then the multi-class κ over the four
// statuses; a status with too few gold threads is marked not estimable.
// Below, per profession, the share of question threads of each status as
// each coder counts them and as corrected for its error (n. d. when not
// corrected). The caption gives the two human coders' agreement of each
// coding round (norms.Correction.Rounds) on the status and on the
// sources.
//
// The data has the columns T5Columns and rows of three measures:
//   - "cv": coder (trained, keyword), label (a status, or "multiclass"),
//     n (gold threads), support (gold threads of the status), precision,
//     recall, f1, kappa (cross-validated; multiclass: kappa only),
//     estimable, reason;
//   - "share": coder, profession, label (a question status), n (threads
//     read), support (threads coded as that status), coded_share (its
//     share among the threads coded as questions), corrected (the share
//     corrected for the coder's error), lo, hi (its 95 % interval),
//     estimable (whether corrected), reason (why not);
//   - "agreement": coder "coders" (the two human coders), round, label
//     (the variable of reliability-threads.csv: status, question_type,
//     source:KIND, sources), n (pairable units), support (units both
//     coded), kappa (Cohen's), alpha (Krippendorff's, nominal), agreement
//     (observed), lo, hi (α's bootstrap interval).
func T5ThreadCoder(r norms.Result, prov figure.Provenance) (*figure.Figure, error) {
	corr := r.Corrected
	if corr == nil {
		return nil, notDrawable("t5-thread-coder", NeedCodebook, "cette étude n'a pas de fils codés à la main (fichier de référence des fils)", "this study has no hand-coded threads (thread gold file)")
	}
	rep := corr.Report
	nan := math.NaN()
	data := figure.NewTable(T5Columns...)
	// row adds a data row: the cells not given are NaN (numbers) or
	// empty (texts).
	type row struct {
		measure, coder, round, profession, label string
		n, support                               int
		precision, recall, f1, kappa, alpha      float64
		agreement, coded, corrected, lo, hi      float64
		estimable                                string
		reason                                   string
	}
	add := func(x row) {
		data.Add(x.measure, x.coder, x.round, x.profession, x.label, x.n, x.support, x.precision, x.recall, x.f1, x.kappa, x.alpha, x.agreement, x.coded, x.corrected, x.lo, x.hi, x.estimable, x.reason)
	}
	blank := row{precision: nan, recall: nan, f1: nan, kappa: nan, alpha: nan, agreement: nan, coded: nan, corrected: nan, lo: nan, hi: nan}
	shown := figure.NewTable(
		figure.T("Statut", "Status"),
		figure.T("Effectif", "Support"),
		figure.T("Entraîné : P / R / F1 / κ", "Trained: P / R / F1 / κ"),
		figure.T("Mots-clés : P / R / F1 / κ", "Keyword: P / R / F1 / κ"),
	)
	two := func(v float64) string {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return figure.NotAvailable()
		}
		return figure.Number(v, 2)
	}
	scores := func(s themes.Score) string {
		return two(s.Precision) + " / " + two(s.Recall) + " / " + two(s.F1) + " / " + two(s.Kappa)
	}
	for _, l := range rep.Statuses {
		for _, c := range []struct {
			name string
			s    themes.Score
		}{{norms.CoderTrained, l.Trained}, {norms.CoderKeyword, l.Keyword}} {
			x := blank
			x.measure, x.coder, x.label, x.n, x.support = "cv", c.name, l.Status, rep.N, l.Support
			x.precision, x.recall, x.f1, x.kappa = c.s.Precision, c.s.Recall, c.s.F1, c.s.Kappa
			x.estimable, x.reason = strconv.FormatBool(l.Estimable), l.Reason
			add(x)
		}
		label := figure.T(capitalize(statusLabelFR(l.Status)), capitalize(strings.ReplaceAll(l.Status, "-", " ")))
		if !l.Estimable {
			label += figure.T(" (non estimable)", " (not estimable)")
		}
		shown.Add(label, l.Support, scores(l.Trained), scores(l.Keyword))
	}
	for _, c := range []struct {
		name  string
		kappa float64
	}{{norms.CoderTrained, rep.TrainedKappa}, {norms.CoderKeyword, rep.KeywordKappa}} {
		x := blank
		x.measure, x.coder, x.label, x.n, x.support, x.kappa, x.estimable = "cv", c.name, "multiclass", rep.N, rep.N, c.kappa, "true"
		add(x)
	}
	shown.Add(figure.T("Quatre statuts : κ multiclasse", "Four statuses: multi-class κ"), rep.N, two(rep.TrainedKappa), two(rep.KeywordKappa))
	for _, g := range inStudyOrder(r.Groups, func(g norms.Group) corpus.Community { return g.Community }) {
		if g.Community.ID != indicator.AllCommunities {
			continue
		}
		gc, ok := corr.Group(g.Community.ID, g.Community.Profession)
		if !ok || gc.Reason != "" || gc.Trained.N == 0 {
			continue
		}
		shown.Rows = append(shown.Rows, []string{fmt.Sprintf(figure.T("%s : part des fils-questions, codée → corrigée", "%s: share of question threads, coded → corrected"), capitalize(ProfessionLabel(g.Community.Profession))), "", "", ""})
		for k, st := range coder.QuestionStatuses {
			cell := func(s coder.StatusShares) string {
				c := s.CorrectedQuestions[k]
				out := two(s.NaiveQuestions[k].Value) + " → " + two(c.Value)
				if c.Estimable() {
					out += " [" + two(c.Lo) + figure.T(" ; ", ", ") + two(c.Hi) + "]"
				}
				return out
			}
			for _, c := range []struct {
				name string
				s    coder.StatusShares
			}{{norms.CoderTrained, gc.Trained}, {norms.CoderKeyword, gc.Keyword}} {
				e := c.s.CorrectedQuestions[k]
				x := blank
				x.measure, x.coder, x.profession, x.label, x.n, x.support = "share", c.name, string(g.Community.Profession), st, c.s.N, c.s.Counts[k]
				x.coded, x.corrected, x.lo, x.hi = c.s.NaiveQuestions[k].Value, e.Value, e.Lo, e.Hi
				x.estimable, x.reason = strconv.FormatBool(!math.IsNaN(e.Value)), c.s.Reason
				add(x)
			}
			shown.Add("   "+figure.T(capitalize(statusLabelFR(st)), capitalize(strings.ReplaceAll(st, "-", " "))), "", cell(gc.Trained), cell(gc.Keyword))
		}
	}
	for _, rd := range corr.Rounds {
		for _, a := range rd.Agreements {
			x := blank
			x.measure, x.coder, x.round, x.label, x.n, x.support = "agreement", "coders", strconv.Itoa(rd.Round), a.Variable, a.Units, a.Both
			x.kappa, x.alpha, x.agreement, x.lo, x.hi = a.Kappa, a.Alpha, a.Agreement, a.Lo, a.Hi
			add(x)
		}
	}
	fr, en := roundsCaption(corr.Rounds)
	return &figure.Figure{
		ID:    "t5-thread-coder",
		Title: figure.T("Tableau 5 – Le statut des fils : codeur entraîné et règle par mots-clés", "Table 5 – Thread status: trained coder and keyword rule"),
		Caption: figure.T(
			fmt.Sprintf("Accord avec %d fils codés par deux codeurs et arbitrés (validation croisée à %d plis, les mêmes pour les deux codeurs) : effectif, précision, rappel, F1 et κ de Cohen de chaque statut contre les autres, non pondérés par les poids d'échantillonnage des fils (la matrice de correction l'est), κ multiclasse des quatre statuts ; un statut de moins de %d fils de référence est non estimable. En bas, par profession, la part des fils-questions de chaque statut telle que chaque codeur la compte, puis corrigée de son erreur (classification et comptage ajustés multiclasses ; intervalle à 95 %% par bootstrap sur les fils codés et de référence ; n. d. quand la correction est impossible).%s", rep.N, rep.Folds, rep.MinPositives, fr),
			fmt.Sprintf("Agreement with %d threads coded by two coders and adjudicated (%d-fold cross-validation, the same folds for both coders): support, precision, recall, F1 and Cohen's κ of each status against the others, not weighted by the threads' sampling weights (the correction matrix is), multi-class κ of the four statuses; a status with fewer than %d gold threads is not estimable. Below, per profession, the share of question threads of each status as each coder counts it, then corrected for its error (multi-class adjusted classify and count; 95%% interval by bootstrap over coded and gold threads; n/a when it cannot be corrected).%s", rep.N, rep.Folds, rep.MinPositives, en)),
		Data:    data,
		Drawing: figure.TableDrawing{Table: shown},
		Width:   20 * vg.Centimeter,
		Prov:    prov,
	}, nil
}

// roundsCaption is the sentence of Table 5's caption on the two coders'
// agreement before adjudication, round by round: Krippendorff's α on the
// status and on the sources (all kinds pooled) with their intervals; ""
// without rounds.
func roundsCaption(rounds []coder.CodingRound) (fr, en string) {
	alpha := func(a themes.Agreement, sep string) string {
		out := "α = " + figure.Number(a.Alpha, 2)
		if !math.IsNaN(a.Lo) && !math.IsNaN(a.Hi) {
			out += " [" + figure.Number(a.Lo, 2) + sep + figure.Number(a.Hi, 2) + "]"
		}
		return out
	}
	var frs, ens []string
	for _, rd := range rounds {
		var f, e []string
		for _, v := range []struct{ id, fr, en string }{{"status", "statut", "status"}, {"sources", "sources", "sources"}} {
			a, ok := rd.Agreement(v.id)
			if !ok {
				continue
			}
			f = append(f, fmt.Sprintf("%s %s (%d unités)", v.fr, alpha(a, " ; "), a.Units))
			e = append(e, fmt.Sprintf("%s %s (%d units)", v.en, alpha(a, ", "), a.Units))
		}
		if len(f) == 0 {
			continue
		}
		frs = append(frs, fmt.Sprintf("tour %d, %s", rd.Round, strings.Join(f, ", ")))
		ens = append(ens, fmt.Sprintf("round %d, %s", rd.Round, strings.Join(e, ", ")))
	}
	if len(frs) == 0 {
		return "", ""
	}
	return " Accord des deux codeurs avant arbitrage (α de Krippendorff, nominal, intervalle bootstrap à 95 % ; κ de Cohen dans les données) : " + strings.Join(frs, " ; ") + ".",
		" Agreement of the two coders before adjudication (Krippendorff's α, nominal, 95% bootstrap interval; Cohen's κ in the data): " + strings.Join(ens, "; ") + "."
}

// correctedSourceEstimates returns the group's shares of answers citing
// each source kind corrected for the keywords' error (nil without a
// correction).
func correctedSourceEstimates(r norms.Result, g norms.Group) []stats.Estimate {
	gc, ok := r.Corrected.Group(g.Community.ID, g.Community.Profession)
	if !ok || gc.Reason != "" {
		return nil
	}
	out := make([]stats.Estimate, len(gc.Sources))
	for i, c := range gc.Sources {
		out[i] = c.Estimate
	}
	return out
}

// drawCorrectedSources adds to Figure 13's panel of group g, when r has
// a correction, its rows of corrected shares (month "corrected": the
// whole period; answers and citing as counted by the keywords; share, lo,
// hi the corrected share and its interval, NaN when not corrected) and,
// for each corrected kind, a dotted line over the panel at the corrected
// share with its interval as a band, in the kind's colour.
func drawCorrectedSources(p *plot.Plot, data *figure.Table, r norms.Result, g norms.Group, xs []float64, styles []draw.LineStyle) error {
	est := correctedSourceEstimates(r, g)
	if est == nil {
		return nil
	}
	for i, k := range r.Corrected.Kinds {
		e := est[i]
		data.Add(string(g.Community.Profession), "corrected", k, g.Citing.Answers, g.Citing.ByKind[i], e.Value, e.Lo, e.Hi)
		if math.IsNaN(e.Value) || len(xs) == 0 || i >= len(styles) {
			continue
		}
		ends := []float64{xs[0], xs[len(xs)-1]}
		if e.Estimable() {
			band, err := chart.NewBand(ends, []float64{e.Lo, e.Lo}, []float64{e.Hi, e.Hi}, chart.BandColor(styles[i].Color))
			if err != nil {
				return err
			}
			p.Add(band)
		}
		st := styles[i]
		st.Dashes = []vg.Length{vg.Points(1), vg.Points(2)}
		if err := chart.GappedLine(p, ends, []float64{e.Value, e.Value}, st, ""); err != nil {
			return err
		}
	}
	return nil
}
