package chart

import (
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Node is a vertex of a network drawing.
type Node struct {
	ID     string
	Group  int     // colour (figure.Color(Group))
	Size   float64 // area of the disc, relative to the largest (>= 0)
	Marked bool    // drawn with a black outline (admins, moderators)
	Label  string  // drawn next to the node when not empty
}

// Edge links two nodes; parallel edges (either direction) are summed.
type Edge struct {
	From, To string
	Weight   float64 // >= 0
}

// Position is the laid-out position of a node, in [0, 1] x [0, 1].
type Position struct {
	ID   string
	X, Y float64
}

// NetworkOptions tune NetworkWith.
type NetworkOptions struct {
	Seed int64
	// Updates is the number of Eades iterations (default 300).
	Updates int
	// GroupNames name the groups in the legend; groups without a name are
	// "Groupe N". The legend is omitted when there is a single unnamed group.
	GroupNames map[int]string
	// MarkedName is the legend entry of marked nodes (default
	// "Admin. ou modération" / "Admin or moderator").
	MarkedName string
}

// orderedGraph makes node iteration follow ascending IDs, so that the
// force accumulation of EadesR2 does not depend on map order.
type orderedGraph struct {
	*simple.WeightedUndirectedGraph
}

func sortedNodes(it graph.Nodes) graph.Nodes {
	ns := graph.NodesOf(it)
	sort.Slice(ns, func(i, j int) bool { return ns[i].ID() < ns[j].ID() })
	return iterator.NewOrderedNodes(ns)
}

func (g orderedGraph) Nodes() graph.Nodes { return sortedNodes(g.WeightedUndirectedGraph.Nodes()) }
func (g orderedGraph) From(id int64) graph.Nodes {
	return sortedNodes(g.WeightedUndirectedGraph.From(id))
}

type netData struct {
	nodes []Node // sorted by ID
	index map[string]int
	w     map[[2]int]float64 // i < j
	keys  [][2]int           // sorted edge keys
	maxW  float64
}

func prepareNetwork(nodes []Node, edges []Edge) (*netData, error) {
	if len(nodes) == 0 {
		return nil, fmt.Errorf("chart: network without nodes")
	}
	d := &netData{nodes: append([]Node(nil), nodes...), index: map[string]int{}, w: map[[2]int]float64{}}
	sort.SliceStable(d.nodes, func(i, j int) bool { return d.nodes[i].ID < d.nodes[j].ID })
	for i, n := range d.nodes {
		if _, dup := d.index[n.ID]; dup {
			return nil, fmt.Errorf("chart: duplicate node %q", n.ID)
		}
		if math.IsNaN(n.Size) || math.IsInf(n.Size, 0) || n.Size < 0 {
			return nil, fmt.Errorf("chart: node %q has size %v", n.ID, n.Size)
		}
		d.index[n.ID] = i
	}
	for _, e := range edges {
		a, ok := d.index[e.From]
		if !ok {
			return nil, fmt.Errorf("chart: edge from unknown node %q", e.From)
		}
		b, ok := d.index[e.To]
		if !ok {
			return nil, fmt.Errorf("chart: edge to unknown node %q", e.To)
		}
		if math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) || e.Weight < 0 {
			return nil, fmt.Errorf("chart: edge %q-%q has weight %v", e.From, e.To, e.Weight)
		}
		if a == b {
			continue // self-loops are not drawn
		}
		if a > b {
			a, b = b, a
		}
		d.w[[2]int{a, b}] += e.Weight
	}
	for k, w := range d.w {
		d.keys = append(d.keys, k)
		d.maxW = math.Max(d.maxW, w)
	}
	sort.Slice(d.keys, func(i, j int) bool {
		if d.keys[i][0] != d.keys[j][0] {
			return d.keys[i][0] < d.keys[j][0]
		}
		return d.keys[i][1] < d.keys[j][1]
	})
	return d, nil
}

func (d *netData) layout(seed int64, updates int) []Position {
	if updates <= 0 {
		updates = 300
	}
	n := len(d.nodes)
	xy := make([][2]float64, n)
	if n > 1 {
		g := simple.NewWeightedUndirectedGraph(0, 0)
		for i := range d.nodes {
			g.AddNode(simple.Node(int64(i)))
		}
		for _, k := range d.keys {
			// Attraction weight in (0.2, 1], so heavy edges do not explode.
			w := 0.2 + 0.8*d.w[k]/math.Max(d.maxW, 1e-300)
			g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(int64(k[0])), simple.Node(int64(k[1])), w))
		}
		eades := &layout.EadesR2{Repulsion: 1, Rate: 0.05, Updates: updates, Theta: 0.2,
			Src: rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15)}
		o := layout.NewOptimizerR2(orderedGraph{g}, eades.Update)
		for o.Update() {
		}
		ok := true
		for i := range d.nodes {
			v := o.Coord2(int64(i))
			xy[i] = [2]float64{v.X, v.Y}
			if math.IsNaN(v.X) || math.IsNaN(v.Y) || math.IsInf(v.X, 0) || math.IsInf(v.Y, 0) {
				ok = false
			}
		}
		if !ok {
			// Deterministic fallback: a circle in ID order.
			for i := range xy {
				a := 2 * math.Pi * float64(i) / float64(n)
				xy[i] = [2]float64{math.Cos(a), math.Sin(a)}
			}
		}
	}
	// Rescale into [0,1]², keeping the aspect ratio, centred.
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, p := range xy {
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	span := math.Max(maxX-minX, maxY-minY)
	pos := make([]Position, n)
	for i, p := range xy {
		x, y := 0.5, 0.5
		if span > 0 {
			x = (p[0]-minX)/span + (1-(maxX-minX)/span)/2
			y = (p[1]-minY)/span + (1-(maxY-minY)/span)/2
		}
		pos[i] = Position{ID: d.nodes[i].ID, X: x, Y: y}
	}
	return pos
}

// Layout returns the node positions (sorted by ID) of the force-directed
// layout used by Network: gonum's EadesR2 with a PCG source seeded from seed,
// nodes added and iterated in ascending ID order, rescaled into the unit
// square. The same inputs and seed give the same positions.
func Layout(nodes []Node, edges []Edge, seed int64) ([]Position, error) {
	d, err := prepareNetwork(nodes, edges)
	if err != nil {
		return nil, err
	}
	return d.layout(seed, 0), nil
}

// Network draws a network with Layout: nodes coloured by group, disc area
// proportional to Size, marked nodes outlined in black, thin grey edges
// (width by weight) and labels. The table lists the nodes: id, group, size,
// marked, label, x, y.
func Network(nodes []Node, edges []Edge, seed int64) (*plot.Plot, *figure.Table, error) {
	return NetworkWith(nodes, edges, NetworkOptions{Seed: seed})
}

// NetworkWith is Network with options.
func NetworkWith(nodes []Node, edges []Edge, opt NetworkOptions) (*plot.Plot, *figure.Table, error) {
	d, err := prepareNetwork(nodes, edges)
	if err != nil {
		return nil, nil, err
	}
	pos := d.layout(opt.Seed, opt.Updates)
	p := plot.New()
	figure.Apply(p)
	p.HideAxes()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	np := &networkPlotter{d: d, pos: pos}
	p.Add(np)

	groups := map[int]bool{}
	marked := false
	for _, n := range d.nodes {
		groups[n.Group] = true
		marked = marked || n.Marked
	}
	var gs []int
	for g := range groups {
		gs = append(gs, g)
	}
	sort.Ints(gs)
	if len(gs) > 1 || len(opt.GroupNames) > 0 {
		for _, g := range gs {
			name, ok := opt.GroupNames[g]
			if !ok {
				name = fmt.Sprintf(figure.T("Groupe %d", "Group %d"), g)
			}
			p.Legend.Add(name, nodeThumb{fill: figure.Color(g)})
		}
	}
	if marked {
		name := opt.MarkedName
		if name == "" {
			name = figure.T("Admin. ou modération", "Admin or moderator")
		}
		p.Legend.Add(name, nodeThumb{fill: color.White, marked: true})
	}

	tab := figure.NewTable("id", "group", "size", "marked", "label", "x", "y")
	for i, n := range d.nodes {
		tab.Add(n.ID, n.Group, n.Size, n.Marked, n.Label, pos[i].X, pos[i].Y)
	}
	return p, tab, nil
}

// Node disc radii.
var (
	MinNodeRadius = vg.Points(2)
	MaxNodeRadius = vg.Points(8)
)

type networkPlotter struct {
	d   *netData
	pos []Position
}

func (np *networkPlotter) radius(size float64) vg.Length {
	maxS := 0.0
	for _, n := range np.d.nodes {
		maxS = math.Max(maxS, n.Size)
	}
	if maxS == 0 {
		return MinNodeRadius
	}
	return MinNodeRadius + (MaxNodeRadius-MinNodeRadius)*vg.Length(math.Sqrt(size/maxS))
}

func (np *networkPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pt := func(i int) vg.Point { return vg.Point{X: trX(np.pos[i].X), Y: trY(np.pos[i].Y)} }
	for _, k := range np.d.keys {
		w := np.d.w[k]
		width := vg.Points(0.3)
		if np.d.maxW > 0 {
			width += vg.Points(1.2 * w / np.d.maxW)
		}
		c.StrokeLine2(draw.LineStyle{Color: color.Gray{Y: 0xB0}, Width: width},
			pt(k[0]).X, pt(k[0]).Y, pt(k[1]).X, pt(k[1]).Y)
	}
	// Larger discs first, so that small ones stay visible; ties by ID.
	order := make([]int, len(np.d.nodes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return np.d.nodes[order[a]].Size > np.d.nodes[order[b]].Size })
	for _, i := range order {
		n := np.d.nodes[i]
		drawNode(&c, pt(i), np.radius(n.Size), figure.Color(n.Group), n.Marked)
	}
	sty := draw.TextStyle{Color: figure.TextColor, Font: font.From(figure.Font, vg.Points(7)),
		XAlign: draw.XLeft, YAlign: draw.YCenter, Handler: p.TextHandler}
	for i, n := range np.d.nodes {
		if n.Label == "" {
			continue
		}
		q := pt(i)
		q.X += np.radius(n.Size) + vg.Points(1.5)
		c.FillText(sty, q, n.Label)
	}
}

func drawNode(c *draw.Canvas, at vg.Point, r vg.Length, fill color.Color, marked bool) {
	c.DrawGlyphNoClip(draw.GlyphStyle{Color: fill, Radius: r, Shape: draw.CircleGlyph{}}, at)
	ls := draw.LineStyle{Color: color.White, Width: vg.Points(0.4)}
	if marked {
		ls = draw.LineStyle{Color: color.Black, Width: vg.Points(1.2)}
	}
	var ring vg.Path
	ring.Move(vg.Point{X: at.X + r, Y: at.Y})
	ring.Arc(at, r, 0, 2*math.Pi)
	ring.Close()
	c.SetLineStyle(ls)
	c.Stroke(ring)
}

// GlyphBoxes keeps the discs inside the plot area.
func (np *networkPlotter) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	boxes := make([]plot.GlyphBox, len(np.pos))
	for i, q := range np.pos {
		r := np.radius(np.d.nodes[i].Size) + vg.Points(1)
		boxes[i] = plot.GlyphBox{X: p.X.Norm(q.X), Y: p.Y.Norm(q.Y),
			Rectangle: vg.Rectangle{Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r}}}
	}
	return boxes
}

type nodeThumb struct {
	fill   color.Color
	marked bool
}

func (t nodeThumb) Thumbnail(c *draw.Canvas) {
	drawNode(c, c.Center(), vg.Points(4), t.fill, t.marked)
}
