package chart

import (
	"image/color"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

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

// Node disc radii of NetworkPlotter: the smallest node and the largest.
const (
	MinNodeRadius = vg.Length(2)
	MaxNodeRadius = vg.Length(8)
)

// NetworkNode is a node of a NetworkPlotter, at (X, Y) in data units.
type NetworkNode struct {
	ID   string
	X, Y float64
	// Size sets the disc's area, relative to the largest Size of the
	// drawing (>= 0).
	Size float64
	Fill color.Color
	// Ringed nodes (admins, moderators) get a black ring and are drawn
	// last, so that their ring shows.
	Ringed bool
}

// NetworkEdge joins two nodes of a NetworkPlotter by ID.
type NetworkEdge struct {
	From, To string
	Weight   float64
}

// NetworkPlotter draws a laid-out network: translucent grey edges, wider
// for larger weights, then discs of area proportional to Size, white
// rimmed, small ones over large ones and ringed ones last.
type NetworkPlotter struct {
	Nodes []NetworkNode
	Edges []NetworkEdge
}

func (np NetworkPlotter) radius(size, maxSize float64) vg.Length {
	if maxSize <= 0 {
		return MinNodeRadius
	}
	return MinNodeRadius + (MaxNodeRadius-MinNodeRadius)*vg.Length(math.Sqrt(size/maxSize))
}

func (np NetworkPlotter) maxSize() float64 {
	m := 0.0
	for _, n := range np.Nodes {
		m = math.Max(m, n.Size)
	}
	return m
}

// Plot implements plot.Plotter.
func (np NetworkPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	at := make(map[string]vg.Point, len(np.Nodes))
	for _, n := range np.Nodes {
		at[n.ID] = vg.Point{X: trX(n.X), Y: trY(n.Y)}
	}
	maxW := 0.0
	for _, e := range np.Edges {
		maxW = math.Max(maxW, e.Weight)
	}
	for _, e := range np.Edges {
		w := vg.Points(0.25)
		if maxW > 0 {
			w += vg.Points(1.2 * e.Weight / maxW)
		}
		a, b := at[e.From], at[e.To]
		c.StrokeLine2(draw.LineStyle{Color: color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0x70}, Width: w}, a.X, a.Y, b.X, b.Y)
	}
	ms := np.maxSize()
	order := make([]int, len(np.Nodes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := np.Nodes[order[a]], np.Nodes[order[b]]
		if x.Ringed != y.Ringed {
			return !x.Ringed
		}
		return x.Size > y.Size
	})
	for _, i := range order {
		n := np.Nodes[i]
		drawDisc(&c, at[n.ID], np.radius(n.Size, ms), n.Fill, n.Ringed)
	}
}

// GlyphBoxes keeps the discs inside the plot area.
func (np NetworkPlotter) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	ms := np.maxSize()
	boxes := make([]plot.GlyphBox, len(np.Nodes))
	for i, n := range np.Nodes {
		r := np.radius(n.Size, ms) + vg.Points(1)
		boxes[i] = plot.GlyphBox{X: p.X.Norm(n.X), Y: p.Y.Norm(n.Y),
			Rectangle: vg.Rectangle{Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r}}}
	}
	return boxes
}

func drawDisc(c *draw.Canvas, at vg.Point, r vg.Length, fill color.Color, ringed bool) {
	c.DrawGlyphNoClip(draw.GlyphStyle{Color: fill, Radius: r, Shape: draw.CircleGlyph{}}, at)
	ls := draw.LineStyle{Color: color.White, Width: vg.Points(0.4)}
	if ringed {
		ls = draw.LineStyle{Color: color.Black, Width: vg.Points(1.4)}
	}
	var ring vg.Path
	ring.Move(vg.Point{X: at.X + r, Y: at.Y})
	ring.Arc(at, r, 0, 2*math.Pi)
	ring.Close()
	c.SetLineStyle(ls)
	c.Stroke(ring)
}

// DiscThumb is a legend thumbnail: a node disc, ringed or not.
type DiscThumb struct {
	Fill   color.Color
	Ringed bool
}

// Thumbnail implements plot.Thumbnailer.
func (t DiscThumb) Thumbnail(c *draw.Canvas) {
	drawDisc(c, c.Center(), vg.Points(4), t.Fill, t.Ringed)
}
