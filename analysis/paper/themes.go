package paper

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/faire-communaute/compendium/analysis/repo"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
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

// HandCodedFile is the hand-coded sample the codebook is validated
// against, relative to the repository root.
const HandCodedFile = "data/codebook/hand-coded.csv"

// HandCodedSample loads the repository's hand-coded sample (HandCodedFile,
// found with repo.Root) and returns it
// with its figure.Input, to add to the provenance of Table 3.
func HandCodedSample() ([]themes.Coded, figure.Input, error) {
	root := repo.Root()
	if root == "" {
		return nil, figure.Input{}, errors.New("paper: no go.mod above the working directory")
	}
	path := filepath.Join(root, filepath.FromSlash(HandCodedFile))
	sample, err := themes.LoadSample(path)
	if err != nil {
		return nil, figure.Input{}, err
	}
	in, err := figure.InputFile(path)
	if err != nil {
		return nil, figure.Input{}, err
	}
	return sample, in, nil
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

func themeLabel(cb *themes.Codebook, id string) string {
	if l, ok := themeLabels[id]; ok {
		return figure.T(l[0], l[1])
	}
	for _, c := range cb.Categories {
		if c.ID == id && c.Label != "" {
			return c.Label
		}
	}
	return id
}

func typeLabel(cb *themes.Codebook, id string) string {
	if l, ok := typeLabels[id]; ok {
		return figure.T(l[0], l[1])
	}
	for _, q := range cb.QuestionTypes {
		if q.ID == id && q.Label != "" {
			return q.Label
		}
	}
	return id
}

// groupLess orders the rows of a figure as the study presents them:
// professions aides first, within a profession its communities by id and
// then the profession as a whole (indicator.AllCommunities).
func groupLess(pa corpus.Profession, ca string, pb corpus.Profession, cb string) bool {
	if pa != pb {
		return professionLess(pa, pb)
	}
	if ca != cb {
		if ca == indicator.AllCommunities || cb == indicator.AllCommunities {
			return cb == indicator.AllCommunities
		}
		return ca < cb
	}
	return false
}

// groupLabel is the label of a community, or of a profession as a whole
// for indicator.AllCommunities.
func groupLabel(c *corpus.Corpus, id string, p corpus.Profession) string {
	if id == indicator.AllCommunities {
		return figure.T("Ensemble des ", "All ") + ProfessionLabel(p)
	}
	if com := c.Community(id); com != nil {
		return communityLabel(*com)
	}
	return id
}

// groupColors returns the colour of each group of a sorted list: its
// community colour (communityStyle), or its profession's colour for a
// profession as a whole.
func groupColors(ids []string, profs []corpus.Profession) []color.Color {
	out := make([]color.Color, len(ids))
	n := map[corpus.Profession]int{}
	for i, id := range ids {
		if id == indicator.AllCommunities {
			out[i] = professionColor(profs[i])
			continue
		}
		out[i] = communityStyle(profs[i], n[profs[i]]).Color
		n[profs[i]]++
	}
	return out
}

// checkCodebook is the error of a builder called without a codebook.
func checkCodebook(id string, cb *themes.Codebook) error {
	if cb == nil {
		return fmt.Errorf("%s: no codebook (load it with themes.DefaultCodebook)", id)
	}
	return nil
}

// groupedBars draws values[g][s] as vertical grouped bars: one group per
// entry of groups (axis labels), one bar per series, coloured by colors,
// with a legend and, when labels is not nil, labels[g][s] above the bars
// in the given font size. The vertical axis holds shares.
func groupedBars(title string, groups, series []string, colors []color.Color, values [][]float64, labels [][]string, labelSize vg.Length) (*plot.Plot, error) {
	bars, err := chart.BarLayout(len(groups), len(series), values, false)
	if err != nil {
		return nil, err
	}
	p := figure.NewPlot(title, "", "")
	p.Title.TextStyle.Font.Size = figure.LabelSize
	p.Add(barsPlotter{bars: bars, colors: colors})
	hi := 0.0
	for _, b := range bars {
		hi = math.Max(hi, b.Top)
	}
	if labels != nil {
		text := make([]string, len(bars))
		for i, b := range bars {
			text[i] = labels[b.Group][b.Category]
		}
		lab, err := barLabels(bars, text, false)
		if err != nil {
			return nil, err
		}
		for i := range lab.TextStyle {
			lab.TextStyle[i].Font.Size = labelSize
		}
		p.Add(lab)
	}
	p.NominalX(groups...)
	p.X.Padding = 0
	p.X.Min, p.X.Max = -0.5, float64(len(groups))-0.5
	p.Y.Min = 0
	if hi <= 0 {
		hi = 0.1
	}
	// Headroom for the labels and the legend (top right).
	p.Y.Max = math.Min(hi*(1.12+0.075*float64(len(series))), 1.3)
	p.Y.Tick.Marker = percentTo100{}
	for s, name := range series {
		p.Legend.Add(name, swatch{colors[s%len(colors)]})
	}
	return p, nil
}

// F03Themes is Figure 3: what the communities talk about. Every message
// (retweets excluded: they repeat one) is coded with the codebook's themes
// (themes.Measure: conditions of work and employment, practices and
// content of work, future of the occupation, support and venting, and
// "other" when none applies); the bars give the share of messages with
// each theme, per profession (top) and per community (bottom). A message
// may have several themes: shares do not add up to 100 %.
//
// The data has one row per group and theme: groups by profession (aides
// first), its communities by id then the profession as a whole (community
// "*"), themes in codebook order; columns community, profession, theme,
// messages, count, share (NaN without messages).
func F03Themes(c *corpus.Corpus, cb *themes.Codebook, prov figure.Provenance) (*figure.Figure, error) {
	if err := checkCodebook("f03-themes", cb); err != nil {
		return nil, err
	}
	all := themes.Measure(c, cb)
	var shares []themes.Shares
	for _, s := range all {
		if s.Messages > 0 {
			shares = append(shares, s)
		}
	}
	if len(shares) == 0 {
		return nil, fmt.Errorf("f03-themes: no message to code (retweets excluded)")
	}
	sort.SliceStable(shares, func(i, j int) bool {
		return groupLess(shares[i].Profession, shares[i].Community, shares[j].Profession, shares[j].Community)
	})
	cats := cb.CategoryIDs()
	data := figure.NewTable("community", "profession", "theme", "messages", "count", "share")
	for _, s := range shares {
		for i, id := range cats {
			data.Add(s.Community, string(s.Profession), id, s.Messages, s.Themes[i], s.ThemeShare(i))
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
		var ids []string
		var profs []corpus.Profession
		var cols []*themes.Shares
		for i := range shares {
			s := &shares[i]
			if (s.Community == indicator.AllCommunities) != whole {
				continue
			}
			ids = append(ids, s.Community)
			profs = append(profs, s.Profession)
			cols = append(cols, s)
			name := groupLabel(c, s.Community, s.Profession)
			if whole {
				name = capitalize(ProfessionLabel(s.Profession))
			}
			series = append(series, fmt.Sprintf("%s (%s %s)", name, figure.Integer(int64(s.Messages)), figure.T("messages", "messages")))
		}
		if len(cols) == 0 {
			continue
		}
		values := make([][]float64, len(cats))
		labels := make([][]string, len(cats))
		for t := range cats {
			values[t] = make([]float64, len(cols))
			labels[t] = make([]string, len(cols))
			for k, s := range cols {
				values[t][k] = finite(s.ThemeShare(t))
				labels[t][k] = figure.PercentN(s.ThemeShare(t), decimalsFor(len(cols)))
			}
		}
		title := figure.T("Par profession", "By profession")
		size := figure.TickSize
		if !whole {
			title = figure.T("Par communauté", "By community")
			size = vg.Points(7)
		}
		p, err := groupedBars(title, themeNames, series, groupColors(ids, profs), values, labels, size)
		if err != nil {
			return nil, fmt.Errorf("f03-themes: %w", err)
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
		Caption: figure.T(
			"Part des messages (retweets exclus) abordant chaque thème de la grille de codage, par profession puis par communauté ; un message peut relever de plusieurs thèmes, si bien que les parts ne s'additionnent pas à 100 %. « Autre » : aucun mot-clé d'un thème.",
			"Share of messages (retweets excluded) dealing with each theme of the codebook, by profession then by community; a message may have several themes, so shares do not add up to 100%. “Other”: no keyword of any theme."),
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
// The data has one row per group and type (types in codebook order, then
// "none"), groups as in F03Themes, then the 2013 published shares (source
// "doctoctoc-2013", community empty, counts empty); columns source,
// community, profession, question_type, questions, typed_questions, count,
// share (of all questions), share_typed (of the questions of a type, NaN
// for "none").
func F04QuestionTypes(c *corpus.Corpus, cb *themes.Codebook, prov figure.Provenance) (*figure.Figure, error) {
	if err := checkCodebook("f04-question-types", cb); err != nil {
		return nil, err
	}
	var shares []themes.Shares
	for _, s := range themes.Measure(c, cb) {
		if s.Questions > 0 {
			shares = append(shares, s)
		}
	}
	if len(shares) == 0 {
		return nil, fmt.Errorf("f04-question-types: no question thread (thread start coded as a question)")
	}
	sort.SliceStable(shares, func(i, j int) bool {
		return groupLess(shares[i].Profession, shares[i].Community, shares[j].Profession, shares[j].Community)
	})
	typed := func(s themes.Shares) int {
		n := 0
		for i, t := range s.Types {
			if t != themes.NoType {
				n += s.TypeCounts[i]
			}
		}
		return n
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return math.NaN()
		}
		return float64(a) / float64(b)
	}
	data := figure.NewTable("source", "community", "profession", "question_type", "questions", "typed_questions", "count", "share", "share_typed")
	for _, s := range shares {
		nt := typed(s)
		for i, t := range s.Types {
			st := ratio(s.TypeCounts[i], nt)
			if t == themes.NoType {
				st = math.NaN()
			}
			data.Add("corpus", s.Community, string(s.Profession), t, s.Questions, nt, s.TypeCounts[i], ratio(s.TypeCounts[i], s.Questions), st)
		}
	}
	gpTypes := cb.QuestionTypeIDs(corpus.GP)
	for _, t := range gpTypes {
		if v, ok := DocTocToc2013Types[t]; ok {
			data.Add("doctoctoc-2013", "", string(corpus.GP), t, DocTocToc2013Questions, DocTocToc2013Questions, "", v, v)
		}
	}
	// One panel per profession: its communities' shares among typed
	// questions, and for GPs the 2013 reference.
	var panels []*plot.Plot
	var untyped []string
	var profs []corpus.Profession
	for _, s := range shares {
		if s.Community == indicator.AllCommunities {
			profs = append(profs, s.Profession)
			untyped = append(untyped, fmt.Sprintf("%s %s", figure.Percent(ratio(s.Questions-typed(s), s.Questions)), figure.T("chez les ", "among ")+ProfessionLabel(s.Profession)))
		}
	}
	for _, prof := range profs {
		types := cb.QuestionTypeIDs(prof)
		var series []string
		var ids []string
		var ps []corpus.Profession
		var rows [][]float64 // [series][type]
		for _, s := range shares {
			if s.Profession != prof || s.Community == indicator.AllCommunities {
				continue
			}
			nt := typed(s)
			if nt == 0 {
				continue
			}
			row := make([]float64, len(types))
			for k, t := range types {
				for i, st := range s.Types {
					if st == t {
						row[k] = ratio(s.TypeCounts[i], nt)
					}
				}
			}
			ids = append(ids, s.Community)
			ps = append(ps, prof)
			rows = append(rows, row)
			series = append(series, fmt.Sprintf("%s (%s %s)", groupLabel(c, s.Community, prof), figure.Integer(int64(nt)), figure.T("questions typées", "typed questions")))
		}
		colors := groupColors(ids, ps)
		if prof == corpus.GP {
			row := make([]float64, len(types))
			for k, t := range types {
				row[k] = DocTocToc2013Types[t]
			}
			rows = append(rows, row)
			series = append(series, fmt.Sprintf(figure.T("Étude #DocTocToc 2013 (%d questions)", "2013 #DocTocToc study (%d questions)"), DocTocToc2013Questions))
			colors = append(colors, figure.MutedColor)
		}
		if len(rows) == 0 {
			continue
		}
		values := make([][]float64, len(types))
		labels := make([][]string, len(types))
		for k := range types {
			values[k] = make([]float64, len(rows))
			labels[k] = make([]string, len(rows))
			for s := range rows {
				values[k][s] = rows[s][k]
				labels[k][s] = figure.PercentN(rows[s][k], decimalsFor(len(rows)))
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
		p, err := groupedBars(capitalize(ProfessionLabel(prof)), names, series, colors, values, labels, size)
		if err != nil {
			return nil, fmt.Errorf("f04-question-types: %w", err)
		}
		p.Y.Label.Text = figure.T("Part des questions typées", "Share of typed questions")
		panels = append(panels, p)
	}
	if len(panels) == 0 {
		return nil, fmt.Errorf("f04-question-types: no question of a codebook type")
	}
	tiles := make([][]*plot.Plot, len(panels))
	for i, p := range panels {
		tiles[i] = []*plot.Plot{p}
	}
	return &figure.Figure{
		ID:    "f04-question-types",
		Title: figure.T("Figure 4 – Les types de questions", "Figure 4 – Types of questions"),
		Caption: figure.T(
			fmt.Sprintf("Type des questions ouvrant un fil (mots-clés de la grille de codage), en part des questions d'un type ; les questions sans type (%s) sont écartées, pour comparer à l'étude #DocTocToc de 2013 (mimiryudo.com, %d questions), qui les classait toutes.", joinList(untyped), DocTocToc2013Questions),
			fmt.Sprintf("Type of the questions opening a thread (codebook keywords), as a share of the questions of a type; questions of no type (%s) are left out, to compare with the 2013 #DocTocToc study (mimiryudo.com, %d questions), which classified them all.", joinList(untyped), DocTocToc2013Questions)),
		Data:   data,
		Tiles:  tiles,
		Width:  18 * vg.Centimeter,
		Height: vg.Length(len(panels)) * 8 * vg.Centimeter,
		Prov:   prov,
	}, nil
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

// T3CodebookValidation is Table 3: how well the codebook codes messages.
// The hand-coded sample (HandCodedSample, data/codebook/hand-coded.csv)
// is coded with cb and compared with the hand coding (themes.Validate):
// for each theme, the question detector and each question type (one
// against the rest), the support (messages the hand coding gives the
// label), precision, recall, F1 and Cohen's kappa of the binary presence;
// and the question type as one multi-class label ("none" a class of its
// own), with its observed agreement and Cohen's kappa. When truth is not
// nil (themes.ValidateTruth against a synthetic corpus's generating
// labels), a second block gives the same measures against it.
//
// The data has one row per reference (hand-coded, then truth), kind
// (category, question, question_type, question_type_multiclass) and label,
// in codebook order: reference, kind, label, n, support, predicted,
// precision, recall, f1, kappa, agreement (NaN when undefined; the
// multi-class row has support n and no precision, recall nor F1).
func T3CodebookValidation(cb *themes.Codebook, sample []themes.Coded, truth *themes.Validation, prov figure.Provenance) (*figure.Figure, error) {
	if err := checkCodebook("t3-codebook-validation", cb); err != nil {
		return nil, err
	}
	if len(sample) == 0 {
		return nil, fmt.Errorf("t3-codebook-validation: empty hand-coded sample (load it with HandCodedSample)")
	}
	blocks := []struct {
		ref, name string
		v         themes.Validation
	}{{"hand-coded", figure.T("Échantillon codé à la main", "Hand-coded sample"), themes.Validate(cb, sample)}}
	if truth != nil {
		blocks = append(blocks, struct {
			ref, name string
			v         themes.Validation
		}{"truth", figure.T("Vérité du corpus synthétique", "Synthetic corpus truth"), *truth})
	}
	data := figure.NewTable("reference", "kind", "label", "n", "support", "predicted", "precision", "recall", "f1", "kappa", "agreement")
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
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	section := func(title string) { shown.Rows = append(shown.Rows, []string{title, "", "", "", "", ""}) }
	for _, b := range blocks {
		v := b.v
		agreement := func(s themes.Score) float64 {
			if v.N == 0 {
				return math.NaN()
			}
			return float64(s.TP+s.TN) / float64(v.N)
		}
		add := func(kind, name string, s themes.Score) {
			data.Add(b.ref, kind, s.Label, v.N, s.Support, s.Predicted, s.Precision, s.Recall, s.F1, s.Kappa, agreement(s))
			shown.Add("   "+name, s.Support, two(s.Precision), two(s.Recall), two(s.F1), two(s.Kappa))
		}
		if len(blocks) > 1 {
			section(fmt.Sprintf("%s (%s %s)", b.name, figure.Integer(int64(v.N)), figure.T("messages", "messages")))
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
		data.Add(b.ref, "question_type_multiclass", "all", v.N, v.N, v.N, math.NaN(), math.NaN(), math.NaN(), v.QuestionTypeKappa, v.QuestionTypeAgreement)
		shown.Add("   "+figure.T("Type de question (toutes classes)", "Question type (all classes)"), v.N, "", "", "", two(v.QuestionTypeKappa))
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
