package paper

import (
	"fmt"
	"math"
	"time"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/activity"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// F01Activity is Figure 1: the activity of each community over time, one
// tile per community (by profession, aides first, then id), a thin line of
// the messages of each Paris calendar day and a thick line of the posts of
// the last 30 days (activity.Daily: posts in the sense of the groups'
// panel, summed over the day and the 29 before it). Tiles share the time
// axis but each has its own vertical scale, so that small groups stay
// readable. Communities without messages get no tile.
//
// The data has one row per community and day (dates as YYYY-MM-DD, Paris
// calendar days): community, date, messages, posts, posts_30d.
func F01Activity(measured []activity.Group, prov figure.Provenance) (*figure.Figure, error) {
	groups := communities(measured, func(g activity.Group) corpus.Community { return g.Community },
		func(g activity.Group) bool { return g.Summary.Messages > 0 })
	if len(groups) == 0 {
		return nil, notDrawable("f01-activity", NeedMessages, noMessagesFR, noMessagesEN)
	}
	data := figure.NewTable("community", "date", "messages", "posts", "posts_30d")
	var plots []*plot.Plot
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, sg := range groups {
		g := sg.R
		days := g.Days
		daily := make(plotter.XYs, len(days))
		rolling := make(plotter.XYs, len(days))
		for j, d := range days {
			data.Add(g.Community.ID, d.Date.Format(time.DateOnly), d.Messages, d.Posts, d.Posts30d)
			x := figure.TimeToFloat(d.Date)
			daily[j] = plotter.XY{X: x, Y: float64(d.Messages)}
			rolling[j] = plotter.XY{X: x, Y: float64(d.Posts30d)}
		}
		lo, hi = math.Min(lo, daily[0].X), math.Max(hi, daily[len(daily)-1].X)
		p := figure.NewPlot(communityLabel(g.Community), "", "")
		p.Title.TextStyle.Font.Size = figure.LabelSize
		p.X.Tick.Marker = figure.DateTicks{MaxTicks: 5, Location: corpus.Paris}
		p.Y.Min = 0
		p.Y.Tick.Marker = figure.IntegerTicks{}
		col := professionColor(g.Community.Profession)
		thin, err := plotter.NewLine(daily)
		if err != nil {
			return nil, fmt.Errorf("f01-activity: %w", err)
		}
		thin.LineStyle = draw.LineStyle{Color: figure.MutedColor, Width: vg.Points(0.6)}
		thick, err := plotter.NewLine(rolling)
		if err != nil {
			return nil, fmt.Errorf("f01-activity: %w", err)
		}
		thick.LineStyle = draw.LineStyle{Color: col, Width: vg.Points(2)}
		p.Add(thin, thick)
		if i == 0 {
			p.Legend.Add(figure.T("messages du jour", "messages of the day"), thin)
			p.Legend.Add(figure.T("publications des 30 derniers jours", "posts of the last 30 days"), thick)
			p.Legend.Left = true
		}
		// Headroom for the legend, the same in every tile.
		ymax := 0.0
		for j := range days {
			ymax = math.Max(ymax, math.Max(daily[j].Y, rolling[j].Y))
		}
		p.Y.Max = math.Max(ymax, 1) * 1.3
		plots = append(plots, p)
	}
	for _, p := range plots {
		p.X.Min, p.X.Max = lo, hi
		if lo == hi {
			p.X.Min, p.X.Max = lo-12*3600, hi+12*3600
		}
	}
	cols := min(2, len(plots))
	tiles := chart.SmallMultiples(plots, cols)
	return &figure.Figure{
		ID:    "f01-activity",
		Title: figure.T("Figure 1 – L'activité des communautés au fil du temps", "Figure 1 – Activity of the communities over time"),
		Caption: figure.T(
			"Messages de chaque jour (trait fin) et publications des 30 derniers jours (trait épais : le jour et les 29 précédents, publications au sens du panneau "+guillemets("Activité")+"), par communauté ; jours civils de Paris, échelle verticale propre à chaque communauté.",
			"Messages of each day (thin line) and posts of the last 30 days (thick line: the day and the 29 before it, posts as the \"Activity\" panel counts them), by community; Paris calendar days, each community on its own vertical scale."),
		Data:   data,
		Tiles:  tiles,
		Width:  24 * vg.Centimeter,
		Height: vg.Length(len(tiles)) * 7 * vg.Centimeter,
		Prov:   prov,
	}, nil
}
