package chart

import (
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/faire-communaute/compendium/analysis/figure"
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
	// GroupNames name the groups in the legend; groups without a name are
	// "Groupe N". The legend is omitted when there is a single unnamed group.
	GroupNames map[int]string
	// MarkedName is the legend entry of marked nodes (default
	// "Admin. ou modération" / "Admin or moderator").
	MarkedName string
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

func (d *netData) layout(seed int64) []Position {
	links := make([]Link, len(d.keys))
	for i, k := range d.keys {
		links[i] = Link{I: k[0], J: k[1], W: d.w[k]}
	}
	xy := ForceLayout(len(d.nodes), links, seed)
	pos := make([]Position, len(xy))
	for i, p := range xy {
		pos[i] = Position{ID: d.nodes[i].ID, X: p[0], Y: p[1]}
	}
	return pos
}

// Link is an edge between nodes I and J of ForceLayout, with its weight.
type Link struct {
	I, J int
	W    float64
}

// Parameters of ForceLayout.
const (
	layoutIterations = 300
	layoutGravity    = 0.05
)

// ForceLayout places n nodes in the unit square with Fruchterman and
// Reingold's force-directed algorithm: every pair of nodes repels (k²/d),
// linked nodes attract (d²/k times a weight in (0.2, 1] growing with the
// link's weight), a weak gravity pulls towards the centre, and the
// largest move shrinks linearly over layoutIterations steps. Starting
// positions come from a PCG source seeded with seed; nodes are visited in
// index order, so the same input gives the same positions. The result is
// rescaled into [0, 1]², aspect ratio kept, centred.
//
// It replaced gonum's EadesR2, whose Barnes-Hut tree overflows the stack
// when two nodes fall on the same point (seen on a reply network of the
// sample study); coincident nodes here are pushed apart along a fixed
// direction. Each iteration is O(n² + m): meant for drawings of a few
// hundred nodes.
func ForceLayout(n int, links []Link, seed int64) [][2]float64 {
	pos := make([][2]float64, n)
	if n == 0 {
		return pos
	}
	rng := rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15))
	for i := range pos {
		pos[i] = [2]float64{rng.Float64(), rng.Float64()}
	}
	maxW := 0.0
	for _, l := range links {
		maxW = math.Max(maxW, l.W)
	}
	k := math.Sqrt(1 / float64(n))
	disp := make([][2]float64, n)
	for it := 0; it < layoutIterations; it++ {
		temp := 0.1 * (1 - float64(it)/layoutIterations)
		for i := range disp {
			disp[i] = [2]float64{(0.5 - pos[i][0]) * layoutGravity, (0.5 - pos[i][1]) * layoutGravity}
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				dx, dy := pos[i][0]-pos[j][0], pos[i][1]-pos[j][1]
				d2 := dx*dx + dy*dy
				if d2 < 1e-12 {
					// Coincident nodes: push apart along a fixed direction.
					a := float64(i*7+j*13) * 0.618
					dx, dy, d2 = 1e-6*math.Cos(a), 1e-6*math.Sin(a), 1e-12
				}
				f := k * k / d2 // force / distance
				disp[i][0] += dx * f
				disp[i][1] += dy * f
				disp[j][0] -= dx * f
				disp[j][1] -= dy * f
			}
		}
		for _, l := range links {
			if l.I == l.J {
				continue
			}
			dx, dy := pos[l.I][0]-pos[l.J][0], pos[l.I][1]-pos[l.J][1]
			d := math.Sqrt(dx*dx + dy*dy)
			w := 1.0
			if maxW > 0 {
				w = 0.2 + 0.8*l.W/maxW
			}
			f := w * d / k // force / distance
			disp[l.I][0] -= dx * f
			disp[l.I][1] -= dy * f
			disp[l.J][0] += dx * f
			disp[l.J][1] += dy * f
		}
		for i := range pos {
			d := math.Hypot(disp[i][0], disp[i][1])
			if d > temp {
				disp[i][0], disp[i][1] = disp[i][0]*temp/d, disp[i][1]*temp/d
			}
			pos[i][0] += disp[i][0]
			pos[i][1] += disp[i][1]
		}
	}
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	span := math.Max(maxX-minX, maxY-minY)
	for i, p := range pos {
		x, y := 0.5, 0.5
		if span > 0 {
			x = (p[0]-minX)/span + (1-(maxX-minX)/span)/2
			y = (p[1]-minY)/span + (1-(maxY-minY)/span)/2
		}
		pos[i] = [2]float64{x, y}
	}
	return pos
}

// Layout returns the node positions (sorted by ID) of the force-directed
// layout used by Network: ForceLayout with nodes in ascending ID order,
// rescaled into the unit square. The same inputs and seed give the same
// positions.
func Layout(nodes []Node, edges []Edge, seed int64) ([]Position, error) {
	d, err := prepareNetwork(nodes, edges)
	if err != nil {
		return nil, err
	}
	return d.layout(seed), nil
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
	pos := d.layout(opt.Seed)
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
