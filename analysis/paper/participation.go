package paper

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// F08Lorenz is Figure 8: how unequally messages are shared among authors,
// as the Lorenz curve of the messages per author of each community
// (participation.Lorenz: authors from the least to the most active against
// the cumulative share of their messages; messages without author left
// out), with the Gini coefficient (participation.Gini) in the legend. The
// further a curve from the diagonal, the more a few authors write most.
//
// The data has one row per community (by profession, aides first, then
// id) and curve point, from (0, 0): community, profession, authors, gini,
// authors_share, messages_share.
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
	data := figure.NewTable("community", "profession", "authors", "gini", "authors_share", "messages_share")
	p, err := chart.LorenzFrame()
	if err != nil {
		return nil, fmt.Errorf("f08-lorenz: %w", err)
	}
	for _, sg := range groups {
		g := sg.R
		gini := g.Summary.Gini.Value
		pts := make(plotter.XYs, len(g.Lorenz))
		for i, pt := range g.Lorenz {
			data.Add(g.Community.ID, string(g.Community.Profession), g.Summary.Authors, gini, pt.Authors, pt.Messages)
			pts[i] = plotter.XY{X: pt.Authors, Y: pt.Messages}
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return nil, fmt.Errorf("f08-lorenz: %w", err)
		}
		l.LineStyle = sg.Style
		p.Add(l)
		p.Legend.Add(fmt.Sprintf("%s (Gini %s)", communityLabel(g.Community), figure.Number(gini, 2)), l)
	}
	return &figure.Figure{
		ID:    "f08-lorenz",
		Title: figure.T("Figure 8 – Qui écrit ? La concentration des messages", "Figure 8 – Who writes? The concentration of messages"),
		Caption: short.caption(figure.T(
			"Courbes de Lorenz des messages par auteur de chaque communauté : part cumulée des messages écrits par la part cumulée des auteurs, du moins au plus actif ; coefficient de Gini en légende (0 : tous écrivent autant).",
			"Lorenz curves of the messages per author of each community: cumulative share of messages written by the cumulative share of authors, least to most active; Gini coefficient in the legend (0: everyone writes as much).")),
		Data:   data,
		Plot:   p,
		Width:  16 * vg.Centimeter,
		Height: 13 * vg.Centimeter,
		Prov:   prov,
	}, nil
}
