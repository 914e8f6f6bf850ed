package chart

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// saveDir is where test figures go; set CHART_TEST_OUT to keep them.
func saveDir(t *testing.T) string {
	if d := os.Getenv("CHART_TEST_OUT"); d != "" {
		return d
	}
	return t.TempDir()
}

func save(t *testing.T, f *figure.Figure) {
	t.Helper()
	t.Setenv("COMPENDIUM_REVISION", "test")
	dir := saveDir(t)
	if err := f.Save(dir); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".csv", ".svg", ".png", ".json"} {
		if st, err := os.Stat(filepath.Join(dir, f.ID+ext)); err != nil || st.Size() == 0 {
			t.Errorf("%s%s missing", f.ID, ext)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestLorenz(t *testing.T) {
	pts, err := LorenzPoints([]float64{4, 1, 2, 1})
	if err != nil {
		t.Fatal(err)
	}
	want := plotter.XYs{{X: 0, Y: 0}, {X: 0.25, Y: 0.125}, {X: 0.5, Y: 0.25}, {X: 0.75, Y: 0.5}, {X: 1, Y: 1}}
	if len(pts) != len(want) {
		t.Fatalf("points %v", pts)
	}
	for i := range want {
		if !near(pts[i].X, want[i].X) || !near(pts[i].Y, want[i].Y) {
			t.Errorf("point %d = %v, want %v", i, pts[i], want[i])
		}
	}
	g, _ := Gini([]float64{1, 1, 2, 4})
	if !near(g, 0.3125) {
		t.Errorf("Gini = %v, want 0.3125", g)
	}
	if g, _ := Gini([]float64{3, 3, 3}); !near(g, 0) {
		t.Errorf("Gini of equal values = %v", g)
	}
	if g, _ := Gini([]float64{0, 0, 0, 5}); !near(g, 0.75) {
		t.Errorf("Gini of one holder = %v", g)
	}
	for _, bad := range [][]float64{nil, {0, 0}, {1, -1}, {1, math.NaN()}, {math.Inf(1)}} {
		if _, err := LorenzPoints(bad); err == nil {
			t.Errorf("LorenzPoints(%v) accepted", bad)
		}
	}
	p, tab, err := Lorenz([]LorenzCurve{{Name: "Aides", Values: []float64{1, 1, 2, 4}}, {Name: "Médecins", Values: []float64{1, 2, 3, 10, 30}}})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows[0][1] != "0.312500" || tab.Rows[2][2] != "0.500000" || tab.Rows[2][3] != "0.250000" || len(tab.Rows) != 11 {
		t.Errorf("table %v", tab.Rows)
	}
	save(t, &figure.Figure{ID: "lorenz", Plot: p, Data: tab})
}

func TestKaplanMeier(t *testing.T) {
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
	curves := []KMCurve{
		{Name: "Facebook", Times: []float64{5, 10, 30}, Survival: []float64{0.8, 0.5, 0.2}},
		{Name: "Twitter", Times: []float64{1, 60, 600}, Survival: []float64{0.9, 0.4, 0.1}},
	}
	for _, logX := range []bool{false, true} {
		p, tab, err := KaplanMeier(curves, KMOptions{LogX: logX})
		if err != nil {
			t.Fatal(err)
		}
		if len(tab.Rows) != 8 {
			t.Errorf("table %v", tab.Rows)
		}
		id := "km"
		if logX {
			id = "km-log"
			if tab.Rows[0][1] != "1.000000" {
				t.Errorf("log start %v", tab.Rows[0])
			}
		}
		save(t, &figure.Figure{ID: id, Plot: p, Data: tab})
	}
	if _, _, err := KaplanMeier([]KMCurve{{Name: "x", Times: []float64{0}, Survival: []float64{1}}}, KMOptions{LogX: true}); err == nil {
		t.Error("time 0 accepted on a log axis")
	}
}

func TestHeatmap(t *testing.T) {
	grid := [][]float64{{0, 1, 2}, {3, 4, 5}}
	m, err := NewMatrix(grid)
	if err != nil {
		t.Fatal(err)
	}
	if m.Min() != 0 || m.Max() != 5 {
		t.Errorf("min/max %v %v", m.Min(), m.Max())
	}
	if c, r := m.Dims(); c != 3 || r != 2 {
		t.Errorf("dims %d %d", c, r)
	}
	if m.Z(0, 1) != 0 || m.Z(2, 0) != 5 {
		t.Error("row 0 should be drawn on top")
	}
	if _, err := NewMatrix([][]float64{{1, math.NaN()}}); err == nil {
		t.Error("NaN accepted")
	}
	if _, err := NewMatrix([][]float64{{1, 2}, {3}}); err == nil {
		t.Error("ragged grid accepted")
	}
	days := []string{"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."}
	hours := make([]string, 24)
	week := make([][]float64, 7)
	for d := range week {
		week[d] = make([]float64, 24)
		for h := range week[d] {
			hours[h] = figure.Integer(int64(h))
			week[d][h] = float64((d+1)*h%17) * 10
		}
	}
	hm, tab, err := Heatmap(week, days, hours)
	if err != nil {
		t.Fatal(err)
	}
	if hm.Matrix.Min() != 0 || hm.Matrix.Max() != 160 || len(tab.Rows) != 7*24 {
		t.Errorf("heatmap min %v max %v rows %d", hm.Matrix.Min(), hm.Matrix.Max(), len(tab.Rows))
	}
	if strings.Join(tab.Rows[25], "|") != "mar.|1|20.000000" {
		t.Errorf("row 25 = %v", tab.Rows[25])
	}
	if _, _, err := Heatmap(grid, []string{"a"}, []string{"x", "y", "z"}); err == nil {
		t.Error("label count mismatch accepted")
	}
	save(t, &figure.Figure{ID: "heatmap", Drawing: hm, Data: tab})
	// A constant grid must not panic the colour bar.
	hc, tc, err := Heatmap([][]float64{{2, 2}}, []string{"a"}, []string{"x", "y"})
	if err != nil {
		t.Fatal(err)
	}
	save(t, &figure.Figure{ID: "heatmap-const", Drawing: hc, Data: tc})
}

func TestBars(t *testing.T) {
	groups := []string{"2019", "2020", "2021"}
	cats := []string{"Questions", "Réponses"}
	vals := [][]float64{{10, 5}, {20, 8}, {15, 12}}
	bars, err := BarLayout(3, 2, vals, true)
	if err != nil {
		t.Fatal(err)
	}
	if b := bars[3]; b.Group != 1 || b.Category != 1 || b.Bottom != 20 || b.Top != 28 || b.X != 1 {
		t.Errorf("stacked bar %+v", b)
	}
	bars, _ = BarLayout(3, 2, vals, false)
	if b := bars[1]; !near(b.X, 0.2) || b.Bottom != 0 || b.Top != 5 {
		t.Errorf("grouped bar %+v", b)
	}
	if _, err := BarLayout(1, 1, [][]float64{{-1}}, true); err == nil {
		t.Error("negative stacked value accepted")
	}
	if _, _, err := Bars(groups, cats, [][]float64{{1, math.Inf(1)}, {1, 1}, {1, 1}}, false); err == nil {
		t.Error("Inf accepted")
	}
	for _, stacked := range []bool{false, true} {
		p, tab, err := Bars(groups, cats, vals, stacked)
		if err != nil {
			t.Fatal(err)
		}
		if tab.Rows[5][0] != "2021" || tab.Rows[5][1] != "Réponses" || tab.Rows[5][2] != "12.000000" {
			t.Errorf("table %v", tab.Rows)
		}
		id := "bars"
		if stacked {
			id = "bars-stacked"
		}
		save(t, &figure.Figure{ID: id, Plot: p, Data: tab})
	}
}

func TestTimeSeries(t *testing.T) {
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	var times []time.Time
	var vals []float64
	for i := 0; i < 200; i++ {
		times = append(times, start.AddDate(0, 0, i))
		vals = append(vals, float64(i%7))
	}
	roll := Rolling(times[:10], vals[:10], 3*24*time.Hour, false)
	want := []float64{0, 1, 3, 6, 9, 12, 15, 11, 7, 3}
	for i := range want {
		if roll[i] != want[i] {
			t.Errorf("rolling[%d] = %v, want %v", i, roll[i], want[i])
		}
	}
	mean := Rolling(times[:3], vals[:3], 2*24*time.Hour, true)
	if mean[0] != 0 || mean[1] != 0.5 || mean[2] != 1.5 {
		t.Errorf("rolling mean %v", mean)
	}
	// Unsorted input is sorted by time.
	s := Series{Name: "Aides", Times: append([]time.Time{times[5]}, times[:5]...), Values: append([]float64{vals[5]}, vals[:5]...)}
	_, tab, err := TimeSeries([]Series{s}, TimeSeriesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows[0][1] != "2019-01-01T00:00:00Z" || tab.Rows[5][1] != "2019-01-06T00:00:00Z" {
		t.Errorf("not sorted: %v", tab.Rows)
	}
	if _, _, err := TimeSeries([]Series{{Name: "x", Times: times[:1], Values: []float64{math.NaN()}}}, TimeSeriesOptions{}); err == nil {
		t.Error("NaN accepted")
	}
	p, tab, err := TimeSeries([]Series{{Name: "Aides", Times: times, Values: vals}}, TimeSeriesOptions{Rolling: 30 * 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Header) != 4 || tab.Rows[29][3] != "85.000000" {
		t.Errorf("rolling column %v", tab.Rows[29])
	}
	save(t, &figure.Figure{ID: "timeseries", Plot: p, Data: tab})
}

func testNetwork() ([]Node, []Edge) {
	nodes := []Node{
		{ID: "e", Group: 1, Size: 1},
		{ID: "a", Group: 0, Size: 10, Marked: true, Label: "Admin"},
		{ID: "b", Group: 0, Size: 3},
		{ID: "c", Group: 1, Size: 5},
		{ID: "d", Group: 1, Size: 2, Marked: true},
		{ID: "f", Group: 2, Size: 0},
	}
	edges := []Edge{
		{From: "a", To: "b", Weight: 3}, {From: "b", To: "a", Weight: 1},
		{From: "a", To: "c", Weight: 1}, {From: "c", To: "d", Weight: 2},
		{From: "d", To: "e", Weight: 1}, {From: "e", To: "c", Weight: 1},
		{From: "f", To: "f", Weight: 1},
	}
	return nodes, edges
}

func TestNetwork(t *testing.T) {
	nodes, edges := testNetwork()
	p1, err := Layout(nodes, edges, 42)
	if err != nil {
		t.Fatal(err)
	}
	p2, _ := Layout(nodes, edges, 42)
	// Same input in another order gives the same layout.
	rev := append([]Node(nil), nodes...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	p3, _ := Layout(rev, edges, 42)
	p4, _ := Layout(nodes, edges, 7)
	same := true
	for i := range p1 {
		if p1[i] != p2[i] || p1[i] != p3[i] {
			t.Errorf("layout not deterministic: %v %v %v", p1[i], p2[i], p3[i])
		}
		if p1[i] != p4[i] {
			same = false
		}
		if p1[i].X < 0 || p1[i].X > 1 || p1[i].Y < 0 || p1[i].Y > 1 || math.IsNaN(p1[i].X) {
			t.Errorf("position out of the unit square: %v", p1[i])
		}
	}
	if same {
		t.Error("seed has no effect")
	}
	if p1[0].ID != "a" || p1[5].ID != "f" {
		t.Errorf("positions not sorted by ID: %v", p1)
	}
	if _, err := Layout(nodes, []Edge{{From: "a", To: "zz"}}, 1); err == nil {
		t.Error("unknown node accepted")
	}
	if _, err := Layout(append(nodes, Node{ID: "a"}), nil, 1); err == nil {
		t.Error("duplicate node accepted")
	}
	if _, err := Layout([]Node{{ID: "x", Size: math.NaN()}}, nil, 1); err == nil {
		t.Error("NaN size accepted")
	}
	p, tab, err := Network(nodes, edges, 42)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows[0][0] != "a" || tab.Rows[0][3] != "true" || tab.Rows[0][5] != figure.Cell(p1[0].X) {
		t.Errorf("table %v", tab.Rows[0])
	}
	f := &figure.Figure{ID: "network", Plot: p, Data: tab, Width: 12 * 28.3464567, Height: 12 * 28.3464567}
	save(t, f)
	svg1, png1, err := f.Render()
	if err != nil {
		t.Fatal(err)
	}
	pAgain, tabAgain, _ := Network(nodes, edges, 42)
	svg2, png2, _ := (&figure.Figure{ID: "network", Plot: pAgain, Data: tabAgain, Width: f.Width, Height: f.Height}).Render()
	if !bytes.Equal(svg1, svg2) || !bytes.Equal(png1, png2) {
		t.Error("network images differ between two runs")
	}
	// A single node and a graph without edges still lay out.
	if pos, err := Layout([]Node{{ID: "solo"}}, nil, 1); err != nil || pos[0].X != 0.5 {
		t.Errorf("single node: %v %v", pos, err)
	}
}

func TestGridAndTable(t *testing.T) {
	var plots []*plot.Plot
	for i := 0; i < 5; i++ {
		p, _, err := Bars([]string{"a", "b"}, []string{"x"}, [][]float64{{float64(i + 1)}, {2}}, false)
		if err != nil {
			t.Fatal(err)
		}
		p.Title.Text = figure.Integer(int64(i))
		plots = append(plots, p)
	}
	tiles := SmallMultiples(plots, 3, true)
	if len(tiles) != 2 || len(tiles[1]) != 3 || tiles[1][2] != nil {
		t.Fatalf("tiles %v", tiles)
	}
	if plots[0].Y.Max != plots[4].Y.Max || plots[0].Y.Max < 5 {
		t.Errorf("shared Y max %v %v", plots[0].Y.Max, plots[4].Y.Max)
	}
	data := figure.NewTable("panel", "value")
	data.Add(0, 1.0)
	save(t, &figure.Figure{ID: "grid", Tiles: tiles, Data: data})
	save(t, &figure.Figure{ID: "grid-drawing", Drawing: Grid(tiles), Data: data})

	tab := figure.NewTable("communauté", "membres", "Gini", "période")
	tab.Add("Aides à domicile", 1040, 0.61234, "2019-2021")
	tab.Add("Médecins (#DocTocToc)", 25000, 0.7, "2018-2021")
	save(t, &figure.Figure{ID: "table-drawing", Drawing: Table(tab, "Effectifs"), Data: tab})
}
