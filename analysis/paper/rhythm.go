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
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

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
// The two maps are one drawing (rhythmDrawing) rather than figure tiles,
// because the colour bar must be shared and aligned with both.
//
// The data has one row per profession, weekday and hour (professions aides
// first, weekdays Monday 0 to Sunday 6, hours 0 to 23): profession,
// weekday_index, weekday, hour, messages, share.
func F05Rhythm(c *corpus.Corpus, prov figure.Provenance) (*figure.Figure, error) {
	groups := professionGroups(c, hasMessages)
	if len(groups) == 0 {
		return nil, fmt.Errorf("f05-rhythm: no profession has messages")
	}
	data := figure.NewTable("profession", "weekday_index", "weekday", "hour", "messages", "share")
	grids := make([][][]float64, len(groups))
	hi := 0.0
	for i, g := range groups {
		counts := rhythm.Counts(g.Messages)
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
	dr := &rhythmDrawing{}
	for i, g := range groups {
		m, err := chart.NewMatrix(grids[i])
		if err != nil {
			return nil, fmt.Errorf("f05-rhythm: %w", err)
		}
		title := fmt.Sprintf("%s (%s %s)", capitalize(ProfessionLabel(g.Community.Profession)),
			figure.Integer(int64(len(g.Messages))), figure.T("messages", "messages"))
		p := figure.NewPlot(title, figure.T("Heure (Paris)", "Hour (Paris)"), "")
		p.Title.TextStyle.Font.Size = figure.LabelSize
		p.X.Padding, p.Y.Padding = 0, 0
		hm := plotter.NewHeatMap(m, cm.Palette(chart.HeatmapColors))
		hm.Min, hm.Max = 0, hi
		p.Add(hm)
		p.Add(frame{x0: rhythm.WorkStart - 0.5, x1: rhythm.WorkEnd - 0.5, y0: 7 - 5 - 0.5, y1: 7 - 0.5})
		p.X.Tick.Marker = hourTicks(3)
		yt := make(plot.ConstantTicks, 7)
		for d, l := range days {
			yt[d] = plot.Tick{Value: float64(6 - d), Label: l}
		}
		p.Y.Tick.Marker = yt
		p.Y.Tick.Length = 0
		dr.plots = append(dr.plots, p)
	}
	bar := figure.NewPlot("", "", figure.T("Part des messages", "Share of messages"))
	bar.HideX()
	bar.Y.Padding = 0
	bar.Y.Tick.Marker = figure.PercentTicks{}
	bar.Add(&plotter.ColorBar{ColorMap: cm, Vertical: true, Colors: chart.HeatmapColors})
	dr.bar = bar
	return &figure.Figure{
		ID:    "f05-rhythm",
		Title: figure.T("Figure 5 – Les rythmes de la semaine", "Figure 5 – Weekly rhythms"),
		Caption: figure.T(
			"Part des messages de chaque profession écrits à chaque heure de chaque jour de la semaine (heure de Paris) ; les deux cartes partagent la même échelle de couleurs. Le cadre pointillé marque les heures ouvrées (du lundi au vendredi, de 8 h à 19 h).",
			"Share of each profession's messages written in each hour of each weekday (Paris time); both maps share one colour scale. The dashed frame marks working hours (Monday to Friday, 8:00 to 19:00)."),
		Data:    data,
		Drawing: dr,
		Width:   24 * vg.Centimeter,
		Height:  9 * vg.Centimeter,
		Prov:    prov,
	}, nil
}

// frame is a plotter drawing a dashed rectangle in data coordinates.
type frame struct{ x0, x1, y0, y1 float64 }

func (f frame) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := draw.LineStyle{Color: figure.TextColor, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
	x0, x1, y0, y1 := trX(f.x0), trX(f.x1), trY(f.y0), trY(f.y1)
	c.StrokeLines(sty, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}})
}

// rhythmDrawing draws heat maps side by side, aligned, with one colour bar
// on the right spanning their data area.
type rhythmDrawing struct {
	plots []*plot.Plot
	bar   *plot.Plot
}

// Draw implements figure.Renderable.
func (r *rhythmDrawing) Draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	bw := 3 * vg.Centimeter
	main := draw.Crop(c, 0, -bw, 0, 0)
	pad := vg.Points(4)
	tiles := draw.Tiles{Rows: 1, Cols: len(r.plots), PadX: 6 * pad, PadTop: pad, PadBottom: pad, PadLeft: pad, PadRight: pad}
	cs := plot.Align([][]*plot.Plot{r.plots}, tiles, main)
	for j, p := range r.plots {
		p.Draw(cs[0][j])
	}
	data := r.plots[0].DataCanvas(cs[0][0])
	// The bar's plot keeps half a tick label of room at both ends of its
	// axis; give it that room so that its data area matches the maps'.
	half := r.bar.Y.Tick.Label.Font.Size / 2
	r.bar.Draw(draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: c.Max.X - bw + vg.Points(6), Y: data.Min.Y - half},
		Max: vg.Point{X: c.Max.X - vg.Points(6), Y: data.Max.Y + half},
	}})
}

// F06OffHours is Figure 6: the share of messages written outside working
// hours (rhythm.OffHoursShare: Saturday, Sunday, or before 08:00 or from
// 19:00 on, Europe/Paris time), per community and for each profession as a
// whole, as horizontal bars coloured by profession.
//
// The data has one row per bar, top to bottom: for each profession (aides
// first), its communities by id then the profession as a whole (community
// "*"); columns community, profession, messages, off_hours_messages,
// off_hours_share.
func F06OffHours(c *corpus.Corpus, prov figure.Provenance) (*figure.Figure, error) {
	type row struct {
		id, label string
		prof      corpus.Profession
		n, off    int
		share     float64
	}
	var rows []row
	coms := communityGroups(c, hasMessages)
	for _, pg := range professionGroups(c, hasMessages) {
		prof := pg.Community.Profession
		for _, g := range coms {
			if g.Community.Profession == prof {
				grid := rhythm.Counts(g.Messages)
				rows = append(rows, row{g.Community.ID, communityLabel(g.Community), prof, grid.Total(), offHours(&grid), grid.OffHoursShare()})
			}
		}
		grid := rhythm.Counts(pg.Messages)
		rows = append(rows, row{indicator.AllCommunities, figure.T("Ensemble des ", "All ") + ProfessionLabel(prof), prof, grid.Total(), offHours(&grid), grid.OffHoursShare()})
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("f06-off-hours: no community has messages")
	}
	data := figure.NewTable("community", "profession", "messages", "off_hours_messages", "off_hours_share")
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
	hi := 0.0
	for i, r := range rows {
		data.Add(r.id, string(r.prof), r.n, r.off, r.share)
		// Row i is drawn at y = n-1-i, so that the first row is on top.
		y := n - 1 - i
		labels[y] = r.label
		values[y] = make([]float64, len(profs))
		values[y][cat[r.prof]] = r.share
		hi = math.Max(hi, r.share)
	}
	bars, err := chart.BarLayout(n, len(profs), values, true)
	if err != nil {
		return nil, fmt.Errorf("f06-off-hours: %w", err)
	}
	// Stacked bars with one non-zero category per row: one bar per row,
	// centred, in its profession's colour; label only that bar.
	var shown []chart.Bar
	for _, b := range bars {
		if p := profs[b.Category]; rows[n-1-b.Group].prof == p {
			shown = append(shown, b)
			text = append(text, percentLabel(rows[n-1-b.Group].share))
		}
	}
	colors := make([]color.Color, len(profs))
	for i, p := range profs {
		colors[i] = professionColor(p)
	}
	p := figure.NewPlot("", figure.T("Part des messages écrits hors des heures ouvrées", "Share of messages written outside working hours"), "")
	p.Add(barsPlotter{bars: shown, colors: colors, horizontal: true})
	lab, err := barLabels(shown, text, true)
	if err != nil {
		return nil, fmt.Errorf("f06-off-hours: %w", err)
	}
	p.Add(lab)
	p.NominalY(labels...)
	p.Y.Padding = 0
	// One empty slot above the first bar holds the legend (top right).
	p.Y.Min, p.Y.Max = -0.6, float64(n)+0.5
	p.X.Min = 0
	p.X.Max = math.Min(1, math.Ceil((hi+0.15)*10)/10)
	p.X.Tick.Marker = figure.PercentTicks{}
	for _, pr := range profs {
		p.Legend.Add(capitalize(ProfessionLabel(pr)), swatch{professionColor(pr)})
	}
	return &figure.Figure{
		ID:    "f06-off-hours",
		Title: figure.T("Figure 6 – Écrire hors des heures ouvrées", "Figure 6 – Writing outside working hours"),
		Caption: figure.T(
			"Part des messages écrits hors des heures ouvrées (le samedi, le dimanche, ou avant 8 h ou à partir de 19 h en semaine, heure de Paris), par communauté et pour chaque profession dans son ensemble.",
			"Share of messages written outside working hours (Saturday, Sunday, or before 8:00 or from 19:00 on weekdays, Paris time), by community and for each profession as a whole."),
		Data:   data,
		Plot:   p,
		Height: vg.Length(max(n, 3))*0.9*vg.Centimeter + 3*vg.Centimeter,
		Prov:   prov,
	}, nil
}

// offHours counts the messages of g outside working hours (see
// rhythm.OffHours).
func offHours(g *rhythm.Grid) int {
	n := 0
	for d := range g {
		for h := range g[d] {
			if d >= 5 || h < rhythm.WorkStart || h >= rhythm.WorkEnd {
				n += g[d][h]
			}
		}
	}
	return n
}
