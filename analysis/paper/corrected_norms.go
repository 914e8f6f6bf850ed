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
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
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
		fr = fmt.Sprintf(" Traits horizontaux : part de toute la période corrigée de l'erreur des mots-clés sur %d réponses de référence (classification et comptage ajustés, Forman 2008), et son intervalle à 95 %% (bootstrap sur les réponses et les réponses de référence), pour %s.", corr.GoldAnswers, strings.Join(done, ", "))
		en = fmt.Sprintf(" Horizontal lines: share over the whole period corrected for the keywords' error on %d gold answers (adjusted classify and count, Forman 2008), with its 95%% interval (bootstrap over answers and gold answers), for %s.", corr.GoldAnswers, strings.Join(done, ", "))
	}
	if len(notFR) > 0 {
		fr += fmt.Sprintf(" Non corrigées de l'erreur des mots-clés, faute de réponses de référence citant la source (moins de %d) : %s.", coder.DefaultMinPositives, strings.Join(notFR, ", "))
		en += fmt.Sprintf(" Not corrected for the keywords' error, for want of gold answers citing the source (fewer than %d): %s.", coder.DefaultMinPositives, strings.Join(notEN, ", "))
	}
	return figure.T(fr, en)
}

// T5ThreadCoder is Table 5: the thread status coders against the gold
// threads. Per status (one against the rest), the cross-validated
// support, precision, recall, F1 and Cohen's κ of the trained thread
// coder and of the keyword rule on the same gold threads and folds
// (norms.Correction.Report), then the multi-class κ over the four
// statuses; a status with too few gold threads is marked not estimable.
// Below, per profession, the share of question threads of each status as
// each coder counts them and as corrected for its error (n. d. when not
// corrected).
//
// The data has rows of two measures. measure "cv": coder (trained,
// keyword), label (a status, or "multiclass"), n (gold threads), support,
// precision, recall, f1, kappa, estimable (true/false), reason. measure
// "share": coder, label (a question status), n (threads read), support
// (threads coded as that status), precision the coded share among question
// threads, recall the corrected share, f1 and kappa its interval (lo,
// hi), estimable whether corrected, reason why not; the profession in
// the community column.
func T5ThreadCoder(r norms.Result, prov figure.Provenance) (*figure.Figure, error) {
	corr := r.Corrected
	if corr == nil {
		return nil, notDrawable("t5-thread-coder", NeedCodebook, "cette étude n'a pas de fils codés à la main (fichier de référence des fils)", "this study has no hand-coded threads (thread gold file)")
	}
	rep := corr.Report
	data := figure.NewTable("measure", "coder", "community", "label", "n", "support", "precision", "recall", "f1", "kappa", "estimable", "reason")
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
	scores := func(p, r, f, k float64) string {
		return two(p) + " / " + two(r) + " / " + two(f) + " / " + two(k)
	}
	for _, l := range rep.Statuses {
		for _, c := range []struct {
			name string
			s    struct{ p, r, f, k float64 }
		}{
			{norms.CoderTrained, struct{ p, r, f, k float64 }{l.Trained.Precision, l.Trained.Recall, l.Trained.F1, l.Trained.Kappa}},
			{norms.CoderKeyword, struct{ p, r, f, k float64 }{l.Keyword.Precision, l.Keyword.Recall, l.Keyword.F1, l.Keyword.Kappa}},
		} {
			data.Add("cv", c.name, "", l.Status, rep.N, l.Support, c.s.p, c.s.r, c.s.f, c.s.k, l.Estimable, l.Reason)
		}
		label := figure.T(capitalize(statusLabelFR(l.Status)), capitalize(strings.ReplaceAll(l.Status, "-", " ")))
		if !l.Estimable {
			label += figure.T(" (non estimable)", " (not estimable)")
		}
		shown.Add(label, l.Support, scores(l.Trained.Precision, l.Trained.Recall, l.Trained.F1, l.Trained.Kappa), scores(l.Keyword.Precision, l.Keyword.Recall, l.Keyword.F1, l.Keyword.Kappa))
	}
	nan := math.NaN()
	data.Add("cv", norms.CoderTrained, "", "multiclass", rep.N, rep.N, nan, nan, nan, rep.TrainedKappa, true, "")
	data.Add("cv", norms.CoderKeyword, "", "multiclass", rep.N, rep.N, nan, nan, nan, rep.KeywordKappa, true, "")
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
				data.Add("share", c.name, string(g.Community.Profession), st, c.s.N, c.s.Counts[k], c.s.NaiveQuestions[k].Value, e.Value, e.Lo, e.Hi, !math.IsNaN(e.Value), c.s.Reason)
			}
			shown.Add("   "+figure.T(capitalize(statusLabelFR(st)), capitalize(strings.ReplaceAll(st, "-", " "))), "", cell(gc.Trained), cell(gc.Keyword))
		}
	}
	return &figure.Figure{
		ID:    "t5-thread-coder",
		Title: figure.T("Tableau 5 – Le statut des fils : codeur entraîné et règle par mots-clés", "Table 5 – Thread status: trained coder and keyword rule"),
		Caption: figure.T(
			fmt.Sprintf("Accord avec %d fils codés par deux codeurs et arbitrés (validation croisée à %d plis, les mêmes pour les deux codeurs) : effectif, précision, rappel, F1 et κ de Cohen de chaque statut contre les autres, κ multiclasse des quatre statuts ; un statut de moins de %d fils de référence est non estimable. En bas, par profession, la part des fils-questions de chaque statut telle que chaque codeur la compte, puis corrigée de son erreur (classification et comptage ajustés multiclasses ; intervalle à 95 %% par bootstrap sur les fils codés et de référence ; n. d. quand la correction est impossible).", rep.N, rep.Folds, rep.MinPositives),
			fmt.Sprintf("Agreement with %d threads coded by two coders and adjudicated (%d-fold cross-validation, the same folds for both coders): support, precision, recall, F1 and Cohen's κ of each status against the others, multi-class κ of the four statuses; a status with fewer than %d gold threads is not estimable. Below, per profession, the share of question threads of each status as each coder counts it, then corrected for its error (multi-class adjusted classify and count; 95%% interval by bootstrap over coded and gold threads; n/a when it cannot be corrected).", rep.N, rep.Folds, rep.MinPositives)),
		Data:    data,
		Drawing: figure.TableDrawing{Table: shown},
		Width:   20 * vg.Centimeter,
		Prov:    prov,
	}, nil
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
