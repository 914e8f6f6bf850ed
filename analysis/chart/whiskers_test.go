package chart

import (
	"bytes"
	"image/color"
	"math"
	"testing"

	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot/vg"
)

func TestNewWhiskersRejects(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		name             string
		pos, val, lo, hi []float64
	}{
		{"lengths", []float64{0, 1}, nil, []float64{0}, []float64{1}},
		{"value length", []float64{0}, []float64{1, 2}, []float64{0}, []float64{1}},
		{"NaN position", []float64{nan}, nil, []float64{0}, []float64{1}},
		{"NaN value", []float64{0}, []float64{nan}, []float64{0}, []float64{1}},
		{"one bound NaN", []float64{0}, nil, []float64{nan}, []float64{1}},
		{"infinite bound", []float64{0}, nil, []float64{0}, []float64{inf}},
		{"backwards", []float64{0}, nil, []float64{0.6}, []float64{0.4}},
	} {
		if _, err := NewWhiskers(c.pos, c.val, c.lo, c.hi, false); err == nil {
			t.Errorf("%s accepted", c.name)
		}
	}
	w, err := NewWhiskers([]float64{0, 1}, []float64{0.5, 0.2}, []float64{0.4, nan}, []float64{0.6, nan}, true)
	if err != nil || !w.Dot || !w.Horizontal {
		t.Errorf("NaN interval (not estimable) refused: %v, %+v", err, w)
	}
}

// BarWhiskers puts each interval at its bar's centre: two series in
// three groups, centres at g − 0.2 and g + 0.2 (TestBarLayout).
func TestBarWhiskersAtBarCentres(t *testing.T) {
	vals := [][]float64{{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}
	lo := [][]float64{{0.05, 0.15}, {0.25, 0.35}, {0.45, math.NaN()}}
	hi := [][]float64{{0.15, 0.25}, {0.35, 0.45}, {0.55, math.NaN()}}
	bars, _ := BarLayout(3, 2, vals, false)
	w, err := BarWhiskers(bars, lo, hi, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Pos) != 6 || !near(w.Pos[1], 0.2) || !near(w.Pos[2], 0.8) || w.Lo[3] != 0.35 || w.Hi[4] != 0.55 || !math.IsNaN(w.Lo[5]) || w.Dot {
		t.Errorf("whiskers %+v", w)
	}
	if _, err := BarWhiskers(bars, lo[:2], hi, false); err == nil {
		t.Error("missing intervals accepted")
	}
	// Drawn with labels above the whiskers: the axis leaves room for the
	// highest bound, 0.55, whatever the bars.
	labels := [][]string{{"a", "b"}, {"c", "d"}, {"e", "f"}}
	p, err := ShareBarsCI("t", []string{"A", "B", "C"}, []string{"x", "y"}, []color.Color{figure.Color(0), figure.Color(1)}, vals, lo, hi, labels, vg.Points(7))
	if err != nil {
		t.Fatal(err)
	}
	if want := 0.6 * (1.12 + 0.15); !near(p.Y.Max, want) {
		t.Errorf("Y.Max = %v, want %v", p.Y.Max, want)
	}
	if svg := render(t, "ci", p); !bytes.Contains(svg, []byte("<svg")) {
		t.Error("no SVG")
	}
}

// A band breaks where a bound is NaN; a run of one point is not filled.
func TestBandRuns(t *testing.T) {
	nan := math.NaN()
	x := []float64{0, 1, 2, 3, 4, 5, 6}
	lo := []float64{0, 0, nan, 0, nan, 0, 0}
	hi := []float64{1, 1, nan, 1, nan, 1, 1}
	b, err := NewBand(x, lo, hi, BandColor(figure.Color(0)))
	if err != nil {
		t.Fatal(err)
	}
	got := b.Runs()
	if len(got) != 2 || got[0] != [2]int{0, 2} || got[1] != [2]int{5, 7} {
		t.Errorf("runs %v, want [0 2) and [5 7)", got)
	}
	if _, ok := b.Color.(color.NRGBA); !ok || b.Color.(color.NRGBA).A != 0x40 {
		t.Errorf("band colour %v", b.Color)
	}
	for _, bad := range [][3][]float64{
		{{0, 1}, {0}, {1, 1}},
		{{1, 0}, {0, 0}, {1, 1}},
		{{0, 1}, {0, nan}, {1, 1}},
		{{0, 1}, {0, 2}, {1, 1}},
	} {
		if _, err := NewBand(bad[0], bad[1], bad[2], color.Black); err == nil {
			t.Errorf("band %v accepted", bad)
		}
	}
}
