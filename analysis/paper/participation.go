package paper

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
	"github.com/faire-communaute/compendium/analysis/stats"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// F08Lorenz is Figure 8: how unequally messages are shared among authors,
// as the Lorenz curve of the messages per author of each community
// (participation.Group.LorenzBand: authors from the least to the most
// active against the cumulative share of their messages, at the shares of
// authors participation.LorenzGrid; messages without author left out),
// with its pointwise 95 % bootstrap band over authors as a translucent
// band in the curve's colour, and the corrected Gini coefficient G*
// (participation.Summary.Gini) with its 95 % interval in the legend. The
// further a curve from the diagonal, the more a few authors write most.
//
// The data has one row per community (by profession, aides first, then
// id) and point of participation.LorenzGrid, from (0, 0): community,
// profession, authors, gini, gini_lo, gini_hi, authors_share,
// messages_share, lo, hi (the band; NaN where every resample agrees, as at
// 0 and 1).
func F08Lorenz(measured []participation.Group, prov figure.Provenance) (*figure.Figure, error) {
	short := newShortfall(unitAuthors, Minimum.Authors)
	groups := communities(measured, func(g participation.Group) corpus.Community { return g.Community },
		func(g participation.Group) bool { return short.enough(communityLabel(g.Community), g.Summary.Authors) })
	if len(groups) == 0 {
		if len(short.left) > 0 {
			return nil, short.notDrawable("f08-lorenz", "la concentration des messages", "the concentration of messages")
		}
		return nil, notDrawable("f08-lorenz", NeedMessages, noMessagesFR, noMessagesEN)
	}
	data := figure.NewTable("community", "profession", "authors", "gini", "gini_lo", "gini_hi", "authors_share", "messages_share", "lo", "hi")
	p, err := chart.LorenzFrame()
	if err != nil {
		return nil, fmt.Errorf("f08-lorenz: %w", err)
	}
	// Bands first, under every curve.
	for _, sg := range groups {
		b := sg.R.LorenzBand
		band, err := chart.NewBand(participation.LorenzGrid, b.Lo, b.Hi, chart.Translucent(sg.Style.Color, chart.BandAlpha))
		if err != nil {
			return nil, fmt.Errorf("f08-lorenz: community %s: %w", sg.R.Community.ID, err)
		}
		p.Add(band)
	}
	for _, sg := range groups {
		g := sg.R
		gini := g.Summary.Gini
		b := g.LorenzBand
		pts := make(plotter.XYs, len(participation.LorenzGrid))
		for i, x := range participation.LorenzGrid {
			data.Add(g.Community.ID, string(g.Community.Profession), g.Summary.Authors, gini.Value, gini.Lo, gini.Hi, x, b.Value[i], b.Lo[i], b.Hi[i])
			pts[i] = plotter.XY{X: x, Y: b.Value[i]}
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return nil, fmt.Errorf("f08-lorenz: %w", err)
		}
		l.LineStyle = sg.Style
		p.Add(l)
		p.Legend.Add(fmt.Sprintf("%s (Gini %s)", communityLabel(g.Community), giniLabel(gini)), l)
	}
	return &figure.Figure{
		ID:    "f08-lorenz",
		Title: figure.T("Figure 8 – Qui écrit ? La concentration des messages", "Figure 8 – Who writes? The concentration of messages"),
		Caption: short.caption(figure.T(
			"Courbes de Lorenz des messages par auteur de chaque communauté : part cumulée des messages écrits par la part cumulée des auteurs, du moins au plus actif ; bandes : intervalle de confiance ponctuel à 95 % par bootstrap sur les auteurs. En légende, le coefficient de Gini corrigé pour le nombre d'auteurs n (G* = n/(n − 1) · G ; 0 : tous écrivent autant, 1 : un seul écrit tout) et son intervalle à 95 %.",
			"Lorenz curves of the messages per author of each community: cumulative share of messages written by the cumulative share of authors, least to most active; bands: pointwise 95 % confidence interval, bootstrap over authors. In the legend, the Gini coefficient corrected for the number of authors n (G* = n/(n − 1) · G; 0: everyone writes as much, 1: one author writes everything) with its 95 % interval.")),
		Data:   data,
		Plot:   p,
		Width:  16 * vg.Centimeter,
		Height: 13 * vg.Centimeter,
		Prov:   prov,
	}, nil
}

// giniLabel writes G* with two decimals and, when estimable, its interval:
// "0,62 [0,58 ; 0,66]".
func giniLabel(e stats.Estimate) string {
	if !e.Estimable() {
		return figure.Number(e.Value, 2)
	}
	return fmt.Sprintf("%s [%s%s%s]", figure.Number(e.Value, 2), figure.Number(e.Lo, 2), figure.T(" ; ", ", "), figure.Number(e.Hi, 2))
}
