package chart

import (
	"bytes"
	"image/color"
	"math"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

// render draws d as a figure and fails on a drawing error.
func render(t *testing.T, id string, d figure.Renderable) []byte {
	t.Helper()
	data := figure.NewTable("x")
	data.Add(1)
	f := &figure.Figure{ID: id, Drawing: d, Data: data}
	svg, _, err := f.Render()
	if err != nil {
		t.Fatal(err)
	}
	return svg
}

func TestBarLayout(t *testing.T) {
	vals := [][]float64{{10, 5}, {20, 8}, {15, 12}}
	bars, err := BarLayout(3, 2, vals, true)
	if err != nil {
		t.Fatal(err)
	}
	if b := bars[3]; b.Group != 1 || b.Category != 1 || b.Bottom != 20 || b.Top != 28 || b.X != 1 || b.Width != 0.8 {
		t.Errorf("stacked bar %+v", b)
	}
	bars, _ = BarLayout(3, 2, vals, false)
	// Two bars share 0.8 of the slot: centres at -0.2 and +0.2, width
	// 0.4 * 0.92.
	if b := bars[1]; !near(b.X, 0.2) || !near(b.Width, 0.368) || b.Bottom != 0 || b.Top != 5 {
		t.Errorf("grouped bar %+v", b)
	}
	for _, bad := range []struct {
		n, k    int
		v       [][]float64
		stacked bool
	}{
		{1, 1, [][]float64{{-1}}, true},
		{1, 2, [][]float64{{1, math.Inf(1)}}, false},
		{2, 1, [][]float64{{1}}, false},
		{1, 2, [][]float64{{1}}, false},
	} {
		if _, err := BarLayout(bad.n, bad.k, bad.v, bad.stacked); err == nil {
			t.Errorf("BarLayout(%d, %d, %v, %v) accepted", bad.n, bad.k, bad.v, bad.stacked)
		}
	}
}

func TestBars(t *testing.T) {
	p, err := Bars([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{4, 2}, {3, 1}}, false)
	if err != nil {
		t.Fatal(err)
	}
	// The bars span -0.2-0.184..1.2+0.184 plus 0.1 of room; the values
	// 0..4 plus 8 % per category for the legend.
	if !near(p.X.Min, -0.484) || !near(p.X.Max, 1.484) || p.Y.Min != 0 || !near(p.Y.Max, 4.64) {
		t.Errorf("axes %v..%v, %v..%v", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	if _, err := Bars(nil, []string{"x"}, nil, false); err == nil {
		t.Error("no groups accepted")
	}
	s, err := ShareBars("t", []string{"a"}, []string{"x", "y"}, []color.Color{figure.Color(0), figure.Color(1)}, [][]float64{{0.5, 0.2}}, [][]string{{"50 %", "20 %"}}, 7)
	if err != nil {
		t.Fatal(err)
	}
	// Headroom: 0.5 * (1.12 + 0.075 * 2) = 0.635.
	if s.X.Min != -0.5 || s.X.Max != 0.5 || s.Y.Min != 0 || !near(s.Y.Max, 0.635) {
		t.Errorf("share axes %v..%v, %v..%v", s.X.Min, s.X.Max, s.Y.Min, s.Y.Max)
	}
	render(t, "bars", Tiles(p, s))
}

// Tiles puts plots side by side, for rendering in tests.
func Tiles(ps ...*plot.Plot) figure.Tiles { return figure.Tiles{ps} }

func TestBarLabels(t *testing.T) {
	bars := []Bar{{X: 0, Width: 0.5, Bottom: 0, Top: 2}, {X: 1, Width: 0.5, Bottom: 1, Top: 3}}
	l, err := BarLabels(bars, []string{"2", "3"}, true)
	if err != nil {
		t.Fatal(err)
	}
	// Horizontal: a label at the end of its bar, at the bar's position.
	if l.XYs[1].X != 3 || l.XYs[1].Y != 1 || l.Labels[1] != "3" || l.Offset.X != 3 {
		t.Errorf("labels %+v", l.XYs)
	}
	v, _ := BarLabels(bars, []string{"2", "3"}, false)
	if v.XYs[0].X != 0 || v.XYs[0].Y != 2 || v.Offset.Y != 2 {
		t.Errorf("vertical labels %+v", v.XYs)
	}
}

func TestHBars(t *testing.T) {
	bars, err := BarLayout(2, 1, [][]float64{{0.2}, {0.5}}, false)
	if err != nil {
		t.Fatal(err)
	}
	p := HBarPlot("", "")
	lab, err := HBars(p, bars, []color.Color{figure.Color(0)}, []string{"20 %", "50 %"}, []string{"b", "a"}, 1.6)
	if err != nil {
		t.Fatal(err)
	}
	// Rows from the bottom, the category axis from -0.6 without padding,
	// the labels past the end of the bars.
	ticks := p.Y.Tick.Marker.Ticks(0, 1)
	if p.Y.Min != -0.6 || p.Y.Max != 1.6 || p.Y.Padding != 0 || len(ticks) != 2 || ticks[0].Label != "b" || lab.XYs[1].X != 0.5 {
		t.Errorf("axis %v..%v pad %v, ticks %v, labels %v", p.Y.Min, p.Y.Max, p.Y.Padding, ticks, lab.XYs)
	}
	render(t, "hbars", p)
}

func TestStepPoints(t *testing.T) {
	pts, err := StepPoints([]float64{5, 10, 30}, []float64{0.8, 0.5, 0.2}, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := plotter.XYs{{X: 0, Y: 1}, {X: 5, Y: 1}, {X: 5, Y: 0.8}, {X: 10, Y: 0.8}, {X: 10, Y: 0.5}, {X: 30, Y: 0.5}, {X: 30, Y: 0.2}}
	if len(pts) != len(want) {
		t.Fatalf("points %v", pts)
	}
	for i := range want {
		if pts[i] != want[i] {
			t.Errorf("point %d = %v, want %v", i, pts[i], want[i])
		}
	}
	if _, err := StepPoints([]float64{5, 1}, []float64{0.5, 0.4}, 0); err == nil {
		t.Error("decreasing times accepted")
	}
	if _, err := StepPoints([]float64{5}, []float64{1.5}, 0); err == nil {
		t.Error("survival > 1 accepted")
	}
	if _, err := StepPoints([]float64{math.NaN()}, []float64{1}, 0); err == nil {
		t.Error("NaN time accepted")
	}
}

func TestGappedLine(t *testing.T) {
	p := plot.New()
	style := draw.LineStyle{Color: color.Black, Width: 1}
	nan := math.NaN()
	// Two runs (0-1 and 3-4) and an isolated point (6): two lines and
	// one scatter of the five defined points, and a legend entry.
	if err := GappedLine(p, []float64{0, 1, 2, 3, 4, 5, 6}, []float64{1, 2, nan, 3, 4, math.Inf(1), 5}, style, "x"); err != nil {
		t.Fatal(err)
	}
	if p.X.Min != 0 || p.X.Max != 6 || p.Y.Min != 1 || p.Y.Max != 5 {
		t.Errorf("range %v..%v %v..%v", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	empty := plot.New()
	if err := GappedLine(empty, []float64{0}, []float64{nan}, style, "x"); err != nil || !math.IsInf(empty.X.Min, 1) {
		t.Errorf("a line of no point drew something: %v", err)
	}
}

func TestTimeSeries(t *testing.T) {
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	// Unsorted input is sorted by time: the range is from the first day.
	s := Series{Name: "a", Times: []time.Time{start.AddDate(0, 0, 2), start}, Values: []float64{3, 1}}
	p, err := TimeSeries([]Series{s})
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Min != figure.TimeToFloat(start) || p.Y.Min != 1 || !near(p.Y.Max, 3+2*0.07) {
		t.Errorf("range %v %v..%v", p.X.Min, p.Y.Min, p.Y.Max)
	}
	for _, bad := range [][]Series{nil, {{Name: "x", Times: []time.Time{start}, Values: []float64{math.NaN()}}}, {{Name: "x"}}, {{Name: "x", Times: []time.Time{start}}}} {
		if _, err := TimeSeries(bad); err == nil {
			t.Errorf("TimeSeries(%v) accepted", bad)
		}
	}
}

func TestHeatmaps(t *testing.T) {
	m, err := NewMatrix([][]float64{{0, 1, 2}, {3, 4, 5}})
	if err != nil {
		t.Fatal(err)
	}
	if c, r := m.Dims(); c != 3 || r != 2 {
		t.Errorf("dims %d %d", c, r)
	}
	if m.Z(0, 1) != 0 || m.Z(2, 0) != 5 || m.X(2) != 2 || m.Y(1) != 1 {
		t.Error("row 0 should be drawn on top")
	}
	for _, bad := range [][][]float64{nil, {{}}, {{1, math.NaN()}}, {{1, 2}, {3}}} {
		if _, err := NewMatrix(bad); err == nil {
			t.Errorf("NewMatrix(%v) accepted", bad)
		}
	}
	cm := SequentialColorMap()
	cm.SetMin(0)
	cm.SetMax(5)
	hm := plotter.NewHeatMap(m, cm.Palette(HeatmapColors))
	p := figure.NewPlot("", "", "")
	p.Add(hm, Frame{X0: 0.5, X1: 1.5, Y0: -0.5, Y1: 0.5})
	bar := figure.NewPlot("", "", "")
	bar.Add(&plotter.ColorBar{ColorMap: cm, Vertical: true, Colors: HeatmapColors})
	svg := render(t, "heatmaps", Heatmaps{Plots: []*plot.Plot{p, p}, Bar: bar})
	// The dashed frame is drawn.
	if !bytes.Contains(svg, []byte("stroke-dasharray")) {
		t.Error("no dashed frame in the drawing")
	}
}

func TestLayouts(t *testing.T) {
	var plots []*plot.Plot
	for range 5 {
		plots = append(plots, figure.NewPlot("", "", ""))
	}
	tiles := SmallMultiples(plots, 3)
	if len(tiles) != 2 || len(tiles[0]) != 3 || tiles[1][1] != plots[4] || tiles[1][2] != nil {
		t.Fatalf("tiles %v", tiles)
	}
	if one := SmallMultiples(plots[:1], 0); len(one) != 1 || len(one[0]) != 1 {
		t.Errorf("cols 0: %v", one)
	}
	w := WithLegend{Plot: plots[0], Entries: []LegendEntry{
		{"a", Swatch{figure.Color(0)}}, {"b", LineThumb{draw.LineStyle{Color: color.Black, Width: 1}}}, {"c", DiscThumb{Fill: color.White, Ringed: true}},
	}, Cols: 2}
	if w.rows() != 2 {
		t.Errorf("3 entries in rows of 2: %d rows", w.rows())
	}
	svg := render(t, "legend", w)
	for _, name := range []string{">a<", ">b<", ">c<"} {
		if !bytes.Contains(svg, []byte(name)) {
			t.Errorf("legend entry %s not drawn", name)
		}
	}
	render(t, "legend-tiles", WithLegend{Tiles: figure.Tiles{plots[:2]}, Entries: w.Entries[:1]})
	if p := HBarPlot("t", "x"); p.Title.Text != "t" || p.X.Label.Text != "x" || p.Title.TextStyle.Font.Size != figure.LabelSize {
		t.Errorf("hbar plot %q %q", p.Title.Text, p.X.Label.Text)
	}
}

func TestNetworkPlotter(t *testing.T) {
	np := NetworkPlotter{
		Nodes: []NetworkNode{{ID: "a", X: 0, Y: 0, Size: 4, Fill: figure.Color(0), Ringed: true}, {ID: "b", X: 1, Y: 1, Size: 1, Fill: figure.Color(1)}, {ID: "c", X: 1, Y: 0}},
		Edges: []NetworkEdge{{From: "a", To: "b", Weight: 2}},
	}
	// Disc area proportional to size: radius 2 + 6 sqrt(size / 4).
	if r := np.radius(4, np.maxSize()); r != MaxNodeRadius {
		t.Errorf("largest radius %v", r)
	}
	if r := np.radius(1, np.maxSize()); r != 5 {
		t.Errorf("radius of a quarter size %v, want 5", r)
	}
	if r := np.radius(0, 0); r != MinNodeRadius {
		t.Errorf("radius without sizes %v", r)
	}
	p := figure.NewPlot("", "", "")
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.Add(np)
	if boxes := np.GlyphBoxes(p); len(boxes) != 3 || boxes[0].Rectangle.Max.X != MaxNodeRadius+vg.Points(1) {
		t.Errorf("glyph boxes %+v", boxes)
	}
	a := render(t, "network", p)
	if b := render(t, "network", p); !bytes.Equal(a, b) {
		t.Error("the same network drawn twice differs")
	}
}

func TestBand(t *testing.T) {
	nan := math.NaN()
	b, err := NewBand([]float64{0, 1, 2, 3, 4, 5}, []float64{0, 1, nan, 2, 2, nan}, []float64{1, 2, nan, 3, 4, nan}, color.Black)
	if err != nil {
		t.Fatal(err)
	}
	// Runs of defined points: 0-1 and 3-4; the NaN at 2 and 5 are gaps.
	if r := b.Runs(); len(r) != 2 || r[0] != [2]int{0, 2} || r[1] != [2]int{3, 5} {
		t.Errorf("runs %v", r)
	}
	if x0, x1, y0, y1 := b.DataRange(); x0 != 0 || x1 != 4 || y0 != 0 || y1 != 4 {
		t.Errorf("range %v %v %v %v", x0, x1, y0, y1)
	}
	for _, bad := range [][3][]float64{
		{{0, 1}, {0}, {1, 1}},
		{{1, 0}, {0, 0}, {1, 1}},
		{{0, 1}, {0, math.Inf(-1)}, {1, 1}},
		{{0, 1}, {2, 0}, {1, 1}},
		{{0, nan}, {0, 0}, {1, 1}},
	} {
		if _, err := NewBand(bad[0], bad[1], bad[2], color.Black); err == nil {
			t.Errorf("NewBand%v accepted", bad)
		}
	}
	// A step band: S's bounds hold from each time to the next; the
	// first step (no event yet) has none.
	sb, err := StepBand([]float64{1, 10, 40}, []float64{nan, 0.2, 0.1}, []float64{nan, 0.8, 0.6}, 100, color.Black)
	if err != nil {
		t.Fatal(err)
	}
	wantX := []float64{1, 10, 10, 40, 40, 100}
	for i, x := range wantX {
		if sb.X[i] != x {
			t.Fatalf("step band x %v, want %v", sb.X, wantX)
		}
	}
	if r := sb.Runs(); len(r) != 1 || r[0] != [2]int{2, 6} || sb.Lo[3] != 0.2 || sb.Lo[4] != 0.1 || sb.Hi[5] != 0.6 {
		t.Errorf("step band %+v runs %v", sb, r)
	}
	paths := func(withBands bool) int {
		p := plot.New()
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 100, 0, 4
		if withBands {
			p.Add(b, sb)
		}
		return bytes.Count(render(t, "band", figure.Tiles{{p}}), []byte("<path"))
	}
	// Two polygons for b's runs, one for the step band's.
	if n := paths(true) - paths(false); n != 3 {
		t.Errorf("bands drew %d paths, want 3", n)
	}
}

func TestErrorBars(t *testing.T) {
	nan := math.NaN()
	e, err := NewErrorBars([]float64{0, 1, 2}, []float64{0.1, nan, 0.3}, []float64{0.4, nan, 0.5}, true, draw.LineStyle{Color: color.Black, Width: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewErrorBars([]float64{0}, []float64{0.5}, []float64{0.4}, false, draw.LineStyle{}); err == nil {
		t.Error("lo above hi accepted")
	}
	if _, err := NewErrorBars([]float64{nan}, []float64{0.1}, []float64{0.4}, false, draw.LineStyle{}); err == nil {
		t.Error("NaN position accepted")
	}
	paths := func(withBars bool) int {
		p := plot.New()
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, -1, 3
		if withBars {
			p.Add(e)
		}
		return bytes.Count(render(t, "errorbars", figure.Tiles{{p}}), []byte("<path"))
	}
	// Two drawn bars (the NaN one is skipped), three strokes each.
	if n := paths(true) - paths(false); n != 6 {
		t.Errorf("error bars drew %d paths, want 6", n)
	}
	if c := Translucent(color.NRGBA{R: 10, G: 20, B: 30, A: 255}, 50).(color.NRGBA); c != (color.NRGBA{10, 20, 30, 50}) {
		t.Errorf("translucent %v", c)
	}
}
