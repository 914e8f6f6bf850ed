package paper

import (
	"fmt"
	"image/color"
	"math"
	"sort"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Drawing parameters of Figure 10.
const (
	// NetworkTopNodes is the number of authors of highest degree drawn
	// per community.
	NetworkTopNodes = 150
	// NetworkColoured is the number of Louvain communities drawn in
	// colour, the largest ones; the others are grey.
	NetworkColoured = 7
	// NetworkSeed seeds the force-directed layout (chart.Layout).
	NetworkSeed = 20190523
)

// networkGrey is the colour of the nodes of smaller Louvain communities.
var networkGrey color.Color = color.Gray{Y: 0xbb}

// drawnNode is an author drawn in Figure 10.
type drawnNode struct {
	author     string
	role       corpus.Role
	degree     int // distinct neighbours, either direction
	in, out    int
	replies    float64 // replies given and received
	louvain    int
	x, y       float64
	staff      bool
	colourRank int // 1..NetworkColoured, 0 for grey
}

// networkPanel is one community's drawn network.
type networkPanel struct {
	nodes []drawnNode
	edges []chart.Edge
	total int // nodes of the whole graph
}

// topSubgraph keeps the NetworkTopNodes authors of g of highest degree
// (ties: more replies, then pseudonym), then the largest connected
// component of the graph they induce (ties: the one holding the author of
// highest degree), and lays it out with forceLayout.
func topSubgraph(g *network.Graph) networkPanel {
	n := g.N()
	idx := make(map[string]int, n)
	for i, a := range g.Authors {
		idx[a] = i
	}
	nb := make([]map[int]bool, n)
	for i := range nb {
		nb[i] = map[int]bool{}
	}
	nodes := make([]drawnNode, n)
	comm, _ := g.Communities()
	for i, a := range g.Authors {
		nodes[i] = drawnNode{author: a, role: g.Roles[i], staff: network.IsStaff(g.Roles[i])}
		if comm != nil {
			nodes[i].louvain = comm[i]
		}
	}
	edges := g.Edges()
	for _, e := range edges {
		a, b := idx[e.Source], idx[e.Target]
		nb[a][b], nb[b][a] = true, true
		nodes[a].out++
		nodes[b].in++
		nodes[a].replies += e.Weight
		nodes[b].replies += e.Weight
	}
	for i := range nodes {
		nodes[i].degree = len(nb[i])
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		a, b := nodes[order[x]], nodes[order[y]]
		if a.degree != b.degree {
			return a.degree > b.degree
		}
		if a.replies != b.replies {
			return a.replies > b.replies
		}
		return a.author < b.author
	})
	top := order[:min(n, NetworkTopNodes)]
	keep := make(map[int]bool, len(top))
	for _, i := range top {
		keep[i] = true
	}
	// Largest connected component of the induced subgraph; components
	// are found from the nodes in degree order, so the first of the
	// largest size holds the highest-degree author.
	seen := map[int]bool{}
	var best []int
	for _, s := range top {
		if seen[s] {
			continue
		}
		comp := []int{s}
		seen[s] = true
		for k := 0; k < len(comp); k++ {
			var next []int
			for j := range nb[comp[k]] {
				if keep[j] && !seen[j] {
					next = append(next, j)
				}
			}
			sort.Ints(next)
			for _, j := range next {
				seen[j] = true
				comp = append(comp, j)
			}
		}
		if len(comp) > len(best) {
			best = comp
		}
	}
	in := make(map[int]bool, len(best))
	for _, i := range best {
		in[i] = true
	}
	var panel networkPanel
	panel.total = n
	var cn []chart.Node
	for _, i := range top {
		if in[i] {
			panel.nodes = append(panel.nodes, nodes[i])
			cn = append(cn, chart.Node{ID: nodes[i].author, Size: float64(nodes[i].degree)})
		}
	}
	for _, e := range edges {
		if in[idx[e.Source]] && in[idx[e.Target]] {
			panel.edges = append(panel.edges, chart.Edge{From: e.Source, To: e.Target, Weight: e.Weight})
		}
	}
	if len(cn) == 0 {
		return panel
	}
	idxOf := make(map[string]int, len(cn))
	for i, nd := range cn {
		idxOf[nd.ID] = i
	}
	links := make([]chart.Link, len(panel.edges))
	for i, e := range panel.edges {
		links[i] = chart.Link{I: idxOf[e.From], J: idxOf[e.To], W: e.Weight}
	}
	pos := chart.ForceLayout(len(cn), links, NetworkSeed)
	at := make(map[string]chart.Position, len(pos))
	for i, p := range pos {
		at[cn[i].ID] = chart.Position{ID: cn[i].ID, X: p[0], Y: p[1]}
	}
	// Colour ranks: the NetworkColoured largest Louvain communities of
	// the whole graph (numbered by size), the others grey.
	for i := range panel.nodes {
		nd := &panel.nodes[i]
		nd.x, nd.y = at[nd.author].X, at[nd.author].Y
		if nd.louvain >= 1 && nd.louvain <= NetworkColoured {
			nd.colourRank = nd.louvain
		}
	}
	return panel
}

// networkPlotter draws a laid-out panel: grey edges (width by replies),
// discs of area proportional to degree coloured by Louvain community, a
// black ring around staff.
type networkPlotter struct {
	p networkPanel
}

func (np networkPlotter) radius(deg, maxDeg int) vg.Length {
	if maxDeg <= 0 {
		return chart.MinNodeRadius
	}
	return chart.MinNodeRadius + (chart.MaxNodeRadius-chart.MinNodeRadius)*vg.Length(math.Sqrt(float64(deg)/float64(maxDeg)))
}

func (np networkPlotter) maxDeg() int {
	m := 0
	for _, n := range np.p.nodes {
		m = max(m, n.degree)
	}
	return m
}

func nodeColor(rank int) color.Color {
	if rank == 0 {
		return networkGrey
	}
	return figure.Color(rank - 1)
}

func (np networkPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	at := make(map[string]vg.Point, len(np.p.nodes))
	for _, n := range np.p.nodes {
		at[n.author] = vg.Point{X: trX(n.x), Y: trY(n.y)}
	}
	maxW := 0.0
	for _, e := range np.p.edges {
		maxW = math.Max(maxW, e.Weight)
	}
	for _, e := range np.p.edges {
		w := vg.Points(0.25)
		if maxW > 0 {
			w += vg.Points(1.2 * e.Weight / maxW)
		}
		a, b := at[e.From], at[e.To]
		c.StrokeLine2(draw.LineStyle{Color: color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0x70}, Width: w}, a.X, a.Y, b.X, b.Y)
	}
	md := np.maxDeg()
	// Small discs on top of large ones, staff last so their ring shows.
	order := make([]int, len(np.p.nodes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := np.p.nodes[order[a]], np.p.nodes[order[b]]
		if x.staff != y.staff {
			return !x.staff
		}
		return x.degree > y.degree
	})
	for _, i := range order {
		n := np.p.nodes[i]
		drawDisc(&c, at[n.author], np.radius(n.degree, md), nodeColor(n.colourRank), n.staff)
	}
}

// GlyphBoxes keeps the discs inside the plot area.
func (np networkPlotter) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	md := np.maxDeg()
	boxes := make([]plot.GlyphBox, len(np.p.nodes))
	for i, n := range np.p.nodes {
		r := np.radius(n.degree, md) + vg.Points(1)
		boxes[i] = plot.GlyphBox{X: p.X.Norm(n.x), Y: p.Y.Norm(n.y),
			Rectangle: vg.Rectangle{Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r}}}
	}
	return boxes
}

func drawDisc(c *draw.Canvas, at vg.Point, r vg.Length, fill color.Color, staff bool) {
	c.DrawGlyphNoClip(draw.GlyphStyle{Color: fill, Radius: r, Shape: draw.CircleGlyph{}}, at)
	ls := draw.LineStyle{Color: color.White, Width: vg.Points(0.4)}
	if staff {
		ls = draw.LineStyle{Color: color.Black, Width: vg.Points(1.4)}
	}
	var ring vg.Path
	ring.Move(vg.Point{X: at.X + r, Y: at.Y})
	ring.Arc(at, r, 0, 2*math.Pi)
	ring.Close()
	c.SetLineStyle(ls)
	c.Stroke(ring)
}

// discThumb is a legend thumbnail: a disc, ringed for staff.
type discThumb struct {
	fill  color.Color
	staff bool
}

func (t discThumb) Thumbnail(c *draw.Canvas) {
	drawDisc(c, c.Center(), vg.Points(4), t.fill, t.staff)
}

// F10Networks is Figure 10: who answers whom. For each community, its
// reply graph (network.Build: an edge from an author to the author of the
// message they answer) is drawn on a tile: the NetworkTopNodes authors of
// highest degree (distinct authors answered or answering them), restricted
// to the largest connected component of the graph they form; discs of
// area proportional to the degree, coloured by Louvain community of the
// whole graph (the NetworkColoured largest in colour, by size: the same
// colour in two tiles means the same rank, not the same people; the
// others grey), admins and moderators ringed in black; grey edges, wider
// for more replies. The layout is force-directed (chart.Layout) with
// NetworkSeed.
//
// The data has one row per drawn author: communities by profession (aides
// first) then id, authors by degree descending, then replies, then
// pseudonym. Columns: community, profession, author (pseudonym), role,
// degree, in_degree, out_degree, replies, louvain, colour_rank (0: grey),
// x, y (layout in the unit square).
func F10Networks(c *corpus.Corpus, prov figure.Provenance) (*figure.Figure, error) {
	groups := communityGroups(c, hasThreads)
	data := figure.NewTable("community", "profession", "author", "role", "degree", "in_degree", "out_degree", "replies", "louvain", "colour_rank", "x", "y")
	var plots []*plot.Plot
	staff := false
	for _, g := range groups {
		gr := network.Build(g.Messages)
		if gr.M() == 0 {
			continue
		}
		panel := topSubgraph(gr)
		for _, n := range panel.nodes {
			data.Add(g.Community.ID, string(g.Community.Profession), n.author, string(n.role), n.degree, n.in, n.out, n.replies, n.louvain, n.colourRank, n.x, n.y)
			staff = staff || n.staff
		}
		p := figure.NewPlot(fmt.Sprintf(figure.T("%s : %s auteurs sur %s", "%s: %s of %s authors"), communityLabel(g.Community),
			figure.Integer(int64(len(panel.nodes))), figure.Integer(int64(panel.total))), "", "")
		p.Title.TextStyle.Font.Size = figure.LabelSize
		p.HideAxes()
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
		p.Add(networkPlotter{panel})
		plots = append(plots, p)
	}
	if len(plots) == 0 {
		return nil, fmt.Errorf("f10-networks: no reply between two authors in any community")
	}
	var legend []legendEntry
	for k := 1; k <= NetworkColoured; k++ {
		legend = append(legend, legendEntry{fmt.Sprintf(figure.T("Communauté n° %d", "Community #%d"), k), discThumb{fill: nodeColor(k)}})
	}
	legend = append(legend, legendEntry{figure.T("Autres communautés", "Other communities"), discThumb{fill: networkGrey}})
	if staff {
		legend = append(legend, legendEntry{figure.T("Admin. ou modération", "Admin or moderator"), discThumb{fill: color.White, staff: true}})
	}
	cols := 1
	if len(plots) > 1 {
		cols = 2
	}
	tiles := chart.SmallMultiples(plots, cols, false)
	return &figure.Figure{
		ID:    "f10-networks",
		Title: figure.T("Figure 10 – Qui répond à qui ?", "Figure 10 – Who answers whom?"),
		Caption: figure.T(
			fmt.Sprintf("Réseau des réponses de chaque communauté (un lien va de l'auteur d'une réponse à l'auteur du message auquel il répond) : les %d auteurs au plus grand nombre d'interlocuteurs distincts, puis la plus grande composante connexe qu'ils forment ; surface des disques proportionnelle à ce nombre ; couleur : les %d plus grandes communautés de Louvain du réseau entier, numérotées par taille (même couleur d'un réseau à l'autre : même rang, pas mêmes personnes), les autres en gris ; cercle noir : administration ou modération.", NetworkTopNodes, NetworkColoured),
			fmt.Sprintf("Reply network of each community (a link goes from the author of a reply to the author of the message answered): the %d authors with the most distinct interlocutors, then the largest connected component they form; disc area proportional to that number; colour: the %d largest Louvain communities of the whole network, numbered by size (same colour in two networks: same rank, not same people), others grey; black ring: admins or moderators.", NetworkTopNodes, NetworkColoured)),
		Data:    data,
		Drawing: withLegend{tiles: figure.Tiles(tiles), entries: legend, cols: 5},
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
// (network.Build and Graph.Measure): authors and directed edges, density,
// reciprocity, Freeman's degree centralisation, mean clustering, largest
// k-core (k and size), Louvain communities and modularity, and the
// admins and moderators among the nodes with the median rank of their
// total degree (1: the most connected author). See package network for
// the definitions.
//
// The data has one row per community (by profession, aides first, then
// id) and indicator, in the order of the table: community, profession,
// indicator, value (NaN when undefined).
func T4Network(c *corpus.Corpus, prov figure.Provenance) (*figure.Figure, error) {
	groups := communityGroups(c, hasThreads)
	data := figure.NewTable("community", "profession", "indicator", "value")
	type col struct {
		name string
		v    map[string]float64
	}
	var cols []col
	for _, g := range groups {
		gr := network.Build(g.Messages)
		if gr.N() == 0 {
			continue
		}
		s := gr.Measure()
		nStaff := 0
		for _, r := range gr.Roles {
			if network.IsStaff(r) {
				nStaff++
			}
		}
		v := map[string]float64{
			"nodes": float64(s.Nodes), "edges": float64(s.Edges), "density": s.Density, "reciprocity": s.Reciprocity,
			"degree_centralization": s.DegreeCentralization, "clustering": s.Clustering,
			"kcore_max": float64(s.KCoreMax), "kcore_size": float64(s.KCoreSize),
			"louvain_communities": float64(s.LouvainCommunities), "modularity": s.Modularity,
			"staff_nodes": float64(nStaff), "staff_degree_rank_median": s.StaffDegreeRankMedian,
		}
		for _, ind := range networkIndicators {
			data.Add(g.Community.ID, string(g.Community.Profession), ind.id, v[ind.id])
		}
		cols = append(cols, col{communityLabel(g.Community), v})
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("t4-network: no reply between two authors in any community")
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
	return &figure.Figure{
		ID:    "t4-network",
		Title: figure.T("Tableau 4 – La structure des réseaux de réponses", "Table 4 – The structure of the reply networks"),
		Caption: figure.T(
			"Indicateurs du réseau des réponses de chaque communauté (un lien orienté va de l'auteur d'une réponse à l'auteur du message auquel il répond) ; la centralisation (de Freeman), le clustering, le k-core et les communautés de Louvain portent sur le réseau non orienté ; le rang médian du degré des administrateurs et modérateurs vaut 1 s'ils sont les auteurs les plus connectés.",
			"Indicators of the reply network of each community (a directed edge goes from the author of a reply to the author of the message answered); (Freeman) centralisation, clustering, k-core and Louvain communities are computed on the undirected network; the median degree rank of admins and moderators is 1 when they are the most connected authors."),
		Data:    data,
		Drawing: figure.TableDrawing{Table: shown},
		Width:   vg.Length(8+4.2*float64(len(cols))) * vg.Centimeter,
		Prov:    prov,
	}, nil
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
