package paper

import (
	"fmt"
	"image/color"
	"math"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
	"github.com/faire-communaute/compendium/analysis/stats"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func rhythmCommunity(g rhythm.Group) corpus.Community { return g.Community }

// weekdayLabels are the rows of the rhythm heat maps, Monday first.
func weekdayLabels() []string {
	if figure.Lang == figure.English {
		return []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
	}
	return []string{"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."}
}

// F05Rhythm is Figure 5: when each profession writes, as weekday x hour
// heat maps (Europe/Paris time, rhythm.Counts over all the profession's
// communities), aides and GPs side by side. Each cell is the share of the
// profession's messages written in that hour of that weekday, so that
// both maps compare whatever their volumes; the two maps share one colour
// scale (from 0 to the largest share of either) and one colour bar. A
// dashed frame marks working hours (Monday to Friday, 08:00-19:00), the
// complement of Figure 6's off-hours share.
//
// The two maps are one drawing (chart.Heatmaps) rather than figure tiles,
// because the colour bar must be shared and aligned with both.
//
// The data has one row per profession, weekday and hour (professions aides
// first, weekdays Monday 0 to Sunday 6, hours 0 to 23): profession,
// weekday_index, weekday, hour, messages, share.
func F05Rhythm(measured []rhythm.Group, prov figure.Provenance) (*figure.Figure, error) {
	short := newShortfall(unitMessages, Minimum.Messages)
	groups := professions(measured, rhythmCommunity, func(g rhythm.Group) bool {
		return short.enough(groupLabel(g.Community), g.Grid.Total())
	})
	if len(groups) == 0 {
		if len(short.left) > 0 {
			return nil, short.notDrawable("f05-rhythm", "le rythme hebdomadaire", "the weekly rhythm")
		}
		return nil, notDrawable("f05-rhythm", NeedMessages, noMessagesFR, noMessagesEN)
	}
	data := figure.NewTable("profession", "weekday_index", "weekday", "hour", "messages", "share")
	grids := make([][][]float64, len(groups))
	hi := 0.0
	for i, g := range groups {
		counts := g.Grid
		shares := counts.Shares()
		grids[i] = make([][]float64, 7)
		for d := range counts {
			grids[i][d] = shares[d][:]
			for h := range counts[d] {
				data.Add(string(g.Community.Profession), d, rhythm.Weekdays[d], h, counts[d][h], shares[d][h])
				hi = math.Max(hi, shares[d][h])
			}
		}
	}
	if hi <= 0 {
		hi = 1
	}
	cm := chart.SequentialColorMap()
	cm.SetMin(0)
	cm.SetMax(hi)
	days := weekdayLabels()
	dr := chart.Heatmaps{}
	for i, g := range groups {
		m, err := chart.NewMatrix(grids[i])
		if err != nil {
			return nil, fmt.Errorf("f05-rhythm: %w", err)
		}
		title := fmt.Sprintf("%s (%s %s)", capitalize(ProfessionLabel(g.Community.Profession)),
			figure.Integer(int64(g.Grid.Total())), figure.T("messages", "messages"))
		p := figure.NewPlot(title, figure.T("Heure (Paris)", "Hour (Paris)"), "")
		p.Title.TextStyle.Font.Size = figure.LabelSize
		p.X.Padding, p.Y.Padding = 0, 0
		hm := plotter.NewHeatMap(m, cm.Palette(chart.HeatmapColors))
		hm.Min, hm.Max = 0, hi
		p.Add(hm)
		// Working hours (rhythm.Working): weekdays are drawn Monday on top.
		p.Add(chart.Frame{X0: rhythm.WorkStart - 0.5, X1: rhythm.WorkEnd - 0.5, Y0: 7 - rhythm.WorkDays - 0.5, Y1: 7 - 0.5})
		p.X.Tick.Marker = figure.HourTicks(3)
		yt := make(plot.ConstantTicks, 7)
		for d, l := range days {
			yt[d] = plot.Tick{Value: float64(6 - d), Label: l}
		}
		p.Y.Tick.Marker = yt
		p.Y.Tick.Length = 0
		dr.Plots = append(dr.Plots, p)
	}
	bar := figure.NewPlot("", "", figure.T("Part des messages", "Share of messages"))
	bar.HideX()
	bar.Y.Padding = 0
	bar.Y.Tick.Marker = figure.PercentTicks{}
	bar.Add(&plotter.ColorBar{ColorMap: cm, Vertical: true, Colors: chart.HeatmapColors})
	dr.Bar = bar
	return &figure.Figure{
		ID:    "f05-rhythm",
		Title: figure.T("Figure 5 – Les rythmes de la semaine", "Figure 5 – Weekly rhythms"),
		Caption: short.caption(figure.T(
			"Part des messages de chaque profession écrits à chaque heure de chaque jour de la semaine (heure de Paris) ; les deux cartes partagent la même échelle de couleurs. Le cadre pointillé marque les heures ouvrées (du lundi au vendredi, de 8 h à 19 h).",
			"Share of each profession's messages written in each hour of each weekday (Paris time); both maps share one colour scale. The dashed frame marks working hours (Monday to Friday, 8:00 to 19:00).")),
		Data:    data,
		Drawing: dr,
		Width:   24 * vg.Centimeter,
		Height:  9 * vg.Centimeter,
		Prov:    prov,
	}, nil
}

// F06OffHours is Figure 6: the share of messages written outside working
// hours (rhythm.Grid.OffHoursShare: Saturday, Sunday, or before 08:00 or
// from 19:00 on, Europe/Paris time), per community and for each profession
// as a whole, as horizontal bars coloured by profession, each with its 95 %
// interval as an error bar (rhythm.Group.OffHours: bootstrap over authors,
// whose messages are not independent). A share whose interval cannot be
// estimated has no error bar.
//
// The data has one row per bar, top to bottom: for each profession (aides
// first), its communities by id then the profession as a whole (community
// "*"); columns community, profession, messages, off_hours_messages,
// off_hours_share, lo, hi (its interval), authors (the units resampled).
func F06OffHours(measured []rhythm.Group, prov figure.Provenance) (*figure.Figure, error) {
	type row struct {
		id, label string
		prof      corpus.Profession
		n, off    int
		est       stats.Estimate
	}
	var rows []row
	short := newShortfall(unitMessages, Minimum.Messages)
	enough := func(g rhythm.Group) bool { return short.enough(groupLabel(g.Community), g.Grid.Total()) }
	coms := communities(measured, rhythmCommunity, enough)
	for _, pg := range professions(measured, rhythmCommunity, enough) {
		prof := pg.Community.Profession
		for _, sg := range coms {
			if g := sg.R; g.Community.Profession == prof {
				rows = append(rows, row{g.Community.ID, communityLabel(g.Community), prof, g.Grid.Total(), g.Grid.OffHours(), g.OffHours})
			}
		}
		rows = append(rows, row{indicator.AllCommunities, groupLabel(pg.Community), prof, pg.Grid.Total(), pg.Grid.OffHours(), pg.OffHours})
	}
	if len(rows) == 0 {
		if len(short.left) > 0 {
			return nil, short.notDrawable("f06-off-hours", "la part des messages hors des heures ouvrées", "the share of off-hours messages")
		}
		return nil, notDrawable("f06-off-hours", NeedMessages, noMessagesFR, noMessagesEN)
	}
	data := figure.NewTable("community", "profession", "messages", "off_hours_messages", "off_hours_share", "lo", "hi", "authors")
	n := len(rows)
	labels := make([]string, n)
	values := make([][]float64, n)
	var profs []corpus.Profession
	cat := map[corpus.Profession]int{}
	for _, r := range rows {
		if _, ok := cat[r.prof]; !ok {
			cat[r.prof] = len(profs)
			profs = append(profs, r.prof)
		}
	}
	text := make([]string, 0, n*len(profs))
	at, lo, hi := make([]float64, n), make([]float64, n), make([]float64, n)
	top := 0.0
	for i, r := range rows {
		share := r.est.Value
		data.Add(r.id, string(r.prof), r.n, r.off, share, r.est.Lo, r.est.Hi, r.est.N)
		// Row i is drawn at y = n-1-i, so that the first row is on top.
		y := n - 1 - i
		labels[y] = r.label
		values[y] = make([]float64, len(profs))
		values[y][cat[r.prof]] = share
		at[y], lo[y], hi[y] = float64(y), r.est.Lo, r.est.Hi
		top = math.Max(top, share)
		if r.est.Estimable() {
			top = math.Max(top, r.est.Hi)
		}
	}
	bars, err := chart.BarLayout(n, len(profs), values, true)
	if err != nil {
		return nil, fmt.Errorf("f06-off-hours: %w", err)
	}
	// Stacked bars with one non-zero category per row: one bar per row,
	// centred, in its profession's colour; label only that bar, past the
	// end of its error bar.
	var shown, placed []chart.Bar
	for _, b := range bars {
		if p := profs[b.Category]; rows[n-1-b.Group].prof == p {
			shown = append(shown, b)
			r := rows[n-1-b.Group]
			text = append(text, percentLabel(r.est.Value))
			if r.est.Estimable() {
				b.Top = math.Max(b.Top, r.est.Hi)
			}
			placed = append(placed, b)
		}
	}
	colors := make([]color.Color, len(profs))
	for i, p := range profs {
		colors[i] = professionColor(p)
	}
	p := figure.NewPlot("", figure.T("Part des messages écrits hors des heures ouvrées", "Share of messages written outside working hours"), "")
	// One empty slot above the first bar holds the legend (top right).
	if _, err := chart.HBars(p, shown, colors, make([]string, len(shown)), labels, float64(n)+0.5); err != nil {
		return nil, fmt.Errorf("f06-off-hours: %w", err)
	}
	lab, err := chart.BarLabels(placed, text, true)
	if err != nil {
		return nil, fmt.Errorf("f06-off-hours: %w", err)
	}
	eb, err := chart.NewErrorBars(at, lo, hi, true, draw.LineStyle{Color: figure.TextColor, Width: vg.Points(0.9)})
	if err != nil {
		return nil, fmt.Errorf("f06-off-hours: %w", err)
	}
	p.Add(eb, lab)
	p.X.Min = 0
	p.X.Max = math.Min(1, math.Ceil((top+0.15)*10)/10)
	p.X.Tick.Marker = figure.PercentTicks{}
	for _, pr := range profs {
		p.Legend.Add(capitalize(ProfessionLabel(pr)), chart.Swatch{Color: professionColor(pr)})
	}
	return &figure.Figure{
		ID:    "f06-off-hours",
		Title: figure.T("Figure 6 – Écrire hors des heures ouvrées", "Figure 6 – Writing outside working hours"),
		Caption: short.caption(figure.T(
			"Part des messages écrits hors des heures ouvrées (le samedi, le dimanche, ou avant 8 h ou à partir de 19 h en semaine, heure de Paris), par communauté et pour chaque profession dans son ensemble. Barres d'erreur : intervalle de confiance à 95 % par bootstrap sur les auteurs (les messages d'un même auteur ne sont pas indépendants).",
			"Share of messages written outside working hours (Saturday, Sunday, or before 8:00 or from 19:00 on weekdays, Paris time), by community and for each profession as a whole. Error bars: 95 % confidence interval, bootstrap over authors (the messages of one author are not independent).")),
		Data:   data,
		Plot:   p,
		Height: vg.Length(max(n, 3))*0.9*vg.Centimeter + 3*vg.Centimeter,
		Prov:   prov,
	}, nil
}
