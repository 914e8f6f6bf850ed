package paper

import (
	"fmt"
	"image/color"
	"math"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/network/null"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// Drawing parameters of Figure 10.
const (
	// NetworkTopNodes is the number of authors of highest degree drawn
	// per community.
	NetworkTopNodes = 150
	// NetworkColoured is the number of Louvain communities drawn in
	// colour, the largest ones; the others are grey.
	NetworkColoured = 7
	// NetworkSeed seeds the force-directed layout (chart.ForceLayout).
	NetworkSeed = 20190523
)

// networkGrey is the colour of the nodes of smaller Louvain communities.
var networkGrey color.Color = color.Gray{Y: 0xbb}

// drawnNode is an author drawn in Figure 10: their place in the graph
// (network.TopNode), where the layout puts them and their colour rank.
type drawnNode struct {
	network.TopNode
	x, y       float64
	colourRank int // 1..NetworkColoured, 0 for grey
}

// layout places the authors of t with chart.ForceLayout (NetworkSeed),
// and ranks their colours: the NetworkColoured largest Louvain
// communities of the whole graph (numbered by size), the others grey.
func layout(t network.Top) []drawnNode {
	nodes := make([]drawnNode, len(t.Nodes))
	if len(nodes) == 0 {
		return nodes
	}
	idx := make(map[string]int, len(t.Nodes))
	for i, n := range t.Nodes {
		idx[n.Author] = i
	}
	links := make([]chart.Link, len(t.Edges))
	for i, e := range t.Edges {
		links[i] = chart.Link{I: idx[e.Source], J: idx[e.Target], W: e.Weight}
	}
	pos := chart.ForceLayout(len(t.Nodes), links, NetworkSeed)
	for i, n := range t.Nodes {
		nodes[i] = drawnNode{TopNode: n, x: pos[i][0], y: pos[i][1]}
		if n.Louvain >= 1 && n.Louvain <= NetworkColoured {
			nodes[i].colourRank = n.Louvain
		}
	}
	return nodes
}

func nodeColor(rank int) color.Color {
	if rank == 0 {
		return networkGrey
	}
	return figure.Color(rank - 1)
}

// networkPlotter draws the laid-out nodes and the edges of t: discs of
// area proportional to degree coloured by Louvain community, a black ring
// around staff, grey edges wider for more replies.
func networkPlotter(nodes []drawnNode, t network.Top) chart.NetworkPlotter {
	var np chart.NetworkPlotter
	for _, n := range nodes {
		np.Nodes = append(np.Nodes, chart.NetworkNode{ID: n.Author, X: n.x, Y: n.y, Size: float64(n.Degree), Fill: nodeColor(n.colourRank), Ringed: n.Staff})
	}
	for _, e := range t.Edges {
		np.Edges = append(np.Edges, chart.NetworkEdge{From: e.Source, To: e.Target, Weight: e.Weight})
	}
	return np
}

func networkCommunity(g network.Group) corpus.Community { return g.Community }

// F10Networks is Figure 10: who answers whom. For each community, its
// reply graph (network.Build: an edge from an author to the author of the
// message they answer) is drawn on a tile: the NetworkTopNodes authors of
// highest degree (distinct authors answered or answering them), restricted
// to the largest connected component of the graph they form; discs of
// area proportional to the degree, coloured by Louvain community of the
// whole graph (the NetworkColoured largest in colour, by size: the same
// colour in two tiles means the same rank, not the same people; the
// others grey), admins and moderators ringed in black; grey edges, wider
// for more replies. Which authors are drawn is network.Graph.Top; the
// layout is force-directed (chart.ForceLayout) with NetworkSeed. The
// Louvain colours are drawn only for a community whose modularity is
// beyond chance in nulls (null.Communities: degree-preserving
// randomisations, Bonferroni over the communities compared); the others'
// authors are all grey, and each tile's title gives the verdict.
//
// The data has one row per drawn author: communities by profession (aides
// first) then id, authors by degree descending, then replies, then
// pseudonym. Columns: community, profession, author (pseudonym), role,
// degree, in_degree, out_degree, replies, louvain, colour_rank (0: grey),
// x, y (layout in the unit square).
func F10Networks(measured []network.Group, nulls []null.Group, prov figure.Provenance) (*figure.Figure, error) {
	short := newShortfall(unitEdges, Minimum.Edges)
	groups := communities(measured, networkCommunity, func(g network.Group) bool {
		return short.linked(communityLabel(g.Community), g.Links.Messages, g.Links.Strength() != corpus.NoLinks) &&
			short.enough(communityLabel(g.Community), g.Graph.M())
	})
	data := figure.NewTable("community", "profession", "author", "role", "degree", "in_degree", "out_degree", "replies", "louvain", "colour_rank", "x", "y")
	var plots []*plot.Plot
	staff := false
	for _, sg := range groups {
		g := sg.R
		top := g.Graph.Top(NetworkTopNodes)
		nodes := layout(top)
		// Louvain groups are coloured only when the network's modularity
		// is beyond that of its randomisations (null.Communities): else
		// they are what any graph of these degrees would show.
		nc, compared := null.Of(nulls, g.Community.ID)
		beyond := compared && nc.Result.Get(null.Modularity).Beyond
		if !beyond {
			for i := range nodes {
				nodes[i].colourRank = 0
			}
		}
		for _, n := range nodes {
			data.Add(g.Community.ID, string(g.Community.Profession), n.Author, n.Role.String(), n.Degree, n.In, n.Out, n.Replies, n.Louvain, n.colourRank, n.x, n.y)
			staff = staff || n.Staff
		}
		verdict := figure.T("pas de structure au-delà du hasard", "no structure beyond chance")
		if beyond {
			verdict = figure.T("structure au-delà du hasard", "structure beyond chance")
		} else if !compared {
			verdict = figure.T("non comparé au hasard", "not compared with chance")
		}
		p := figure.NewPlot(fmt.Sprintf(figure.T("%s : %s auteurs sur %s\n%s", "%s: %s of %s authors\n%s"), communityLabel(g.Community),
			figure.Integer(int64(len(nodes))), figure.Integer(int64(top.Total)), verdict), "", "")
		p.Title.TextStyle.Font.Size = figure.LabelSize
		p.HideAxes()
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
		p.Add(networkPlotter(nodes, top))
		plots = append(plots, p)
	}
	if len(plots) == 0 {
		if len(short.left) > 0 {
			return nil, short.notDrawable("f10-networks", "le réseau des réponses", "the reply network")
		}
		return nil, networkNotDrawable("f10-networks", measured)
	}
	var legend []chart.LegendEntry
	for k := 1; k <= NetworkColoured; k++ {
		legend = append(legend, chart.LegendEntry{Name: fmt.Sprintf(figure.T("Communauté n° %d", "Community #%d"), k), Thumb: chart.DiscThumb{Fill: nodeColor(k)}})
	}
	legend = append(legend, chart.LegendEntry{Name: figure.T("Autres communautés", "Other communities"), Thumb: chart.DiscThumb{Fill: networkGrey}})
	if staff {
		legend = append(legend, chart.LegendEntry{Name: figure.T("Admin. ou modération", "Admin or moderator"), Thumb: chart.DiscThumb{Fill: color.White, Ringed: true}})
	}
	cols := 1
	if len(plots) > 1 {
		cols = 2
	}
	tiles := chart.SmallMultiples(plots, cols)
	return &figure.Figure{
		ID:    "f10-networks",
		Title: figure.T("Figure 10 – Qui répond à qui ?", "Figure 10 – Who answers whom?"),
		Caption: short.caption(figure.T(
			fmt.Sprintf("Réseau des réponses de chaque communauté (un lien va de l'auteur d'une réponse à l'auteur du message auquel il répond) : les %d auteurs au plus grand nombre d'interlocuteurs distincts, puis la plus grande composante connexe qu'ils forment ; surface des disques proportionnelle à ce nombre ; couleur : les %d plus grandes communautés de Louvain du réseau entier, numérotées par taille (même couleur d'un réseau à l'autre : même rang, pas mêmes personnes), les autres en gris, et seulement dans un réseau dont la modularité dépasse celle de réseaux aléatoires de mêmes degrés (tableau 4) : ailleurs tous les auteurs sont en gris ; cercle noir : administration ou modération.", NetworkTopNodes, NetworkColoured),
			fmt.Sprintf("Reply network of each community (a link goes from the author of a reply to the author of the message answered): the %d authors with the most distinct interlocutors, then the largest connected component they form; disc area proportional to that number; colour: the %d largest Louvain communities of the whole network, numbered by size (same colour in two networks: same rank, not same people), others grey, and only in a network whose modularity is beyond that of random networks of the same degrees (Table 4): elsewhere every author is grey; black ring: admins or moderators.", NetworkTopNodes, NetworkColoured))),
		Data:    data,
		Drawing: chart.WithLegend{Tiles: figure.Tiles(tiles), Entries: legend, Cols: 5},
		Width:   vg.Length(cols) * 12 * vg.Centimeter,
		Height:  vg.Length(len(tiles))*11*vg.Centimeter + 1.5*vg.Centimeter,
		Prov:    prov,
	}, nil
}

// networkIndicators are the rows of Table 4: the indicator id, its label
// and the decimals shown (-1: an integer).
var networkIndicators = []struct {
	id     string
	fr, en string
	dec    int
}{
	{"nodes", "Auteurs (nœuds)", "Authors (nodes)", -1},
	{"edges", "Liens orientés", "Directed edges", -1},
	{"density", "Densité", "Density", 4},
	{"reciprocity", "Réciprocité", "Reciprocity", 2},
	{"degree_centralization", "Centralisation des degrés", "Degree centralisation", 2},
	{"clustering", "Coefficient de clustering moyen", "Mean clustering coefficient", 2},
	{"kcore_max", "k maximal (k-core)", "Largest k (k-core)", -1},
	{"kcore_size", "Auteurs du k-core maximal", "Authors in the largest k-core", -1},
	{"louvain_communities", "Communautés de Louvain", "Louvain communities", -1},
	{"modularity", "Modularité", "Modularity", 2},
	{"staff_nodes", "Admin. et modération dans le réseau", "Admins and moderators in the network", -1},
	{"staff_degree_rank_median", "Rang médian de leur degré", "Median rank of their degree", 1},
}

// T4Network is Table 4: the structure of each community's reply network
// (network.Measure: network.Stats): authors and directed edges, density,
// reciprocity, Freeman's degree centralisation, mean clustering, largest
// k-core (k and size), Louvain communities and modularity, and the
// admins and moderators among the nodes with the median rank of their
// total degree (1: the most connected author). See package network for
// the definitions. Below, modularity (unweighted), reciprocity,
// clustering and largest k against nulls (null.Communities): observed,
// mean and 95 % range of the randomisations, p.
//
// The data has one row per community (by profession, aides first, then
// id) and indicator, in the order of the table: community, profession,
// indicator, value (NaN when undefined); then, for a community compared,
// MEASURE_null_observed, _null_mean, _null_lo, _null_hi and _null_p.
func T4Network(measured []network.Group, nulls []null.Group, prov figure.Provenance) (*figure.Figure, error) {
	short := newShortfall(unitEdges, Minimum.Edges)
	groups := communities(measured, networkCommunity, func(g network.Group) bool {
		return short.linked(communityLabel(g.Community), g.Links.Messages, g.Links.Strength() != corpus.NoLinks) &&
			short.enough(communityLabel(g.Community), g.Graph.M())
	})
	data := figure.NewTable("community", "profession", "indicator", "value")
	type col struct {
		name string
		v    map[string]float64
	}
	var cols []col
	for _, sg := range groups {
		g := sg.R
		s := g.Stats
		v := map[string]float64{
			"nodes": float64(s.Nodes), "edges": float64(s.Edges), "density": s.Density, "reciprocity": s.Reciprocity,
			"degree_centralization": s.DegreeCentralization, "clustering": s.Clustering,
			"kcore_max": float64(s.KCoreMax), "kcore_size": float64(s.KCoreSize),
			"louvain_communities": float64(s.LouvainCommunities), "modularity": s.Modularity,
			"staff_nodes": float64(s.StaffNodes), "staff_degree_rank_median": s.StaffDegreeRankMedian,
		}
		nc, compared := null.Of(nulls, g.Community.ID)
		for _, m := range nullMeasures {
			c := nc.Result.Get(m.id)
			v[m.id+"_null_observed"], v[m.id+"_null_mean"], v[m.id+"_null_lo"], v[m.id+"_null_hi"], v[m.id+"_null_p"] =
				c.Observed, c.NullMean, c.NullLo, c.NullHi, c.P
		}
		for _, ind := range networkIndicators {
			data.Add(g.Community.ID, string(g.Community.Profession), ind.id, v[ind.id])
		}
		if compared {
			for _, m := range nullMeasures {
				for _, k := range []string{"_null_observed", "_null_mean", "_null_lo", "_null_hi", "_null_p"} {
					data.Add(g.Community.ID, string(g.Community.Profession), m.id+k, v[m.id+k])
				}
			}
		}
		cols = append(cols, col{communityLabel(g.Community), v})
	}
	if len(cols) == 0 {
		if len(short.left) > 0 {
			return nil, short.notDrawable("t4-network", "les indicateurs du réseau des réponses", "the reply network's indicators")
		}
		return nil, networkNotDrawable("t4-network", measured)
	}
	header := []string{figure.T("Indicateur", "Indicator")}
	for _, cl := range cols {
		header = append(header, cl.name)
	}
	shown := figure.NewTable(header...)
	for _, ind := range networkIndicators {
		row := []string{figure.T(ind.fr, ind.en)}
		for _, cl := range cols {
			row = append(row, shownValue(cl.v[ind.id], ind.dec))
		}
		shown.Rows = append(shown.Rows, row)
	}
	// The null comparison: each measure on the graph compared, the mean
	// and 95 % range of the randomisations, the p-value and verdict.
	for _, m := range nullMeasures {
		obs := []string{figure.T(m.fr, m.en)}
		rnd := []string{figure.T("  au hasard (moyenne [2,5 % ; 97,5 %])", "  at random (mean [2.5%; 97.5%])")}
		pv := []string{figure.T("  p (au-delà du hasard si < "+figure.Number(nullLevel(nulls), 3)+")", "  p (beyond chance if < "+figure.Number(nullLevel(nulls), 3)+")")}
		for _, cl := range cols {
			obs = append(obs, shownValue(cl.v[m.id+"_null_observed"], m.dec))
			rnd = append(rnd, shownRange(cl.v[m.id+"_null_mean"], cl.v[m.id+"_null_lo"], cl.v[m.id+"_null_hi"], m.dec))
			pv = append(pv, shownValue(cl.v[m.id+"_null_p"], 3))
		}
		shown.Rows = append(shown.Rows, obs, rnd, pv)
	}
	return &figure.Figure{
		ID:    "t4-network",
		Title: figure.T("Tableau 4 – La structure des réseaux de réponses", "Table 4 – The structure of the reply networks"),
		Caption: short.caption(figure.T(
			"Indicateurs du réseau des réponses de chaque communauté (un lien orienté va de l'auteur d'une réponse à l'auteur du message auquel il répond) ; la centralisation (de Freeman), le clustering, le k-core et les communautés de Louvain portent sur le réseau non orienté ; le rang médian du degré des administrateurs et modérateurs vaut 1 s'ils sont les auteurs les plus connectés. En bas, chaque mesure comparée à "+nullDraws(nulls)+" réseaux aléatoires de mêmes degrés (échanges d'arêtes) : leur moyenne, l'intervalle de 95 % de leurs valeurs et la part p de ceux qui l'atteignent ; une structure n'est dite au-delà du hasard que si p est sous 0,05 divisé par le nombre de réseaux comparés (correction de Bonferroni). La modularité comparée est celle du réseau non pondéré.",
			"Indicators of the reply network of each community (a directed edge goes from the author of a reply to the author of the message answered); (Freeman) centralisation, clustering, k-core and Louvain communities are computed on the undirected network; the median degree rank of admins and moderators is 1 when they are the most connected authors. At the bottom, each measure against "+nullDraws(nulls)+" random networks of the same degrees (edge swaps): their mean, the 95% range of their values and the share p of them reaching it; a structure is called beyond chance only when p is below 0.05 divided by the number of networks compared (Bonferroni correction). The modularity compared is that of the unweighted network.")),
		Data:    data,
		Drawing: figure.TableDrawing{Table: shown},
		Width:   vg.Length(8+4.2*float64(len(cols))) * vg.Centimeter,
		Prov:    prov,
	}, nil
}

// nullMeasures are the measures of Table 4 compared with their null
// model, with the decimals shown.
var nullMeasures = []struct {
	id     string
	fr, en string
	dec    int
}{
	{null.Modularity, "Modularité (non pondérée)", "Modularity (unweighted)", 3},
	{null.Reciprocity, "Réciprocité", "Reciprocity", 3},
	{null.Clustering, "Clustering moyen", "Mean clustering", 3},
	{null.KCoreMax, "k maximal (k-core)", "Largest k (k-core)", -1},
}

// nullLevel is the p-value below which a structure is beyond chance:
// null.Alpha over the number of networks compared (Bonferroni, as
// null.Communities decides).
func nullLevel(nulls []null.Group) float64 { return null.Alpha / float64(max(1, len(nulls))) }

// nullDraws writes the number of randomisations of the comparisons.
func nullDraws(nulls []null.Group) string {
	if len(nulls) == 0 {
		return "0"
	}
	return figure.Integer(int64(nulls[0].Result.Options.Draws))
}

// shownRange writes "mean [lo ; hi]", "–" when undefined.
func shownRange(mean, lo, hi float64, dec int) string {
	if math.IsNaN(mean) {
		return "–"
	}
	return shownValue(mean, dec) + " [" + shownValue(lo, dec) + figure.T(" ; ", "; ") + shownValue(hi, dec) + "]"
}

// shownValue writes a table cell: "–" when undefined, else the value with
// dec decimals in the current language (thousands separated).
func shownValue(v float64, dec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	if dec < 0 {
		return figure.Integer(int64(math.Round(v)))
	}
	return figure.Number(v, dec)
}
