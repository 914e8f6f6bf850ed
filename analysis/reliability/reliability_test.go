package reliability

import (
	"math"
	"reflect"
	"testing"

	"github.com/faire-communaute/compendium/analysis/stats"
)

// krippendorff2011 is the reliability data of Krippendorff (2011),
// "Computing Krippendorff's Alpha-Reliability", section C: four
// observers, twelve units, values 1–5, missing codes; nominal α = 0.743.
func krippendorff2011() [][]string {
	rows := [][]string{
		{"1", "1", "", "1"}, {"2", "2", "3", "2"}, {"3", "3", "3", "3"}, {"3", "3", "3", "3"},
		{"2", "2", "2", "2"}, {"1", "2", "3", "4"}, {"4", "4", "4", "4"}, {"1", "1", "2", "1"},
		{"2", "2", "2", "2"}, {"", "5", "5", "5"}, {"", "", "1", "1"}, {"", "3", "", ""},
	}
	return rows
}

func near(a, b, eps float64) bool { return math.Abs(a-b) <= eps }

func TestAlphaPublishedExamples(t *testing.T) {
	if a := Alpha(krippendorff2011()); !near(a, 0.743, 0.0005) || !near(a, 0.7434210526, 1e-9) {
		t.Errorf("Krippendorff 2011 nominal alpha = %v, want 0.743 (0.74342105 exactly)", a)
	}
	// Krippendorff's two-coder binary example: 10 units, α = 0.095.
	a := []string{"0", "1", "0", "0", "0", "0", "0", "0", "1", "0"}
	b := []string{"1", "1", "1", "0", "0", "1", "0", "0", "0", "0"}
	units := make([][]string, len(a))
	for i := range a {
		units[i] = []string{a[i], b[i]}
	}
	if got := Alpha(units); !near(got, 0.095, 0.0005) {
		t.Errorf("binary example alpha = %v, want 0.095", got)
	}
}

func TestAlphaEdges(t *testing.T) {
	perfect := [][]string{{"a", "a"}, {"b", "b"}, {"c", "c"}}
	if a := Alpha(perfect); a != 1 {
		t.Errorf("perfect agreement: %v", a)
	}
	// One value everywhere: no variation, alpha undefined.
	if a := Alpha([][]string{{"a", "a"}, {"a", "a"}}); !math.IsNaN(a) {
		t.Errorf("one value: %v", a)
	}
	// No pairable unit.
	if a := Alpha([][]string{{"a", ""}, {"", "b"}}); !math.IsNaN(a) {
		t.Errorf("nothing pairable: %v", a)
	}
	// Systematic disagreement is below chance: two units, each coded a
	// and b. o[a][b] = o[b][a] = 2, n = 4, D_o = 1, D_e = 8/12: α = −0.5.
	if a := Alpha([][]string{{"a", "b"}, {"b", "a"}}); !near(a, -0.5, 1e-12) {
		t.Errorf("disagreement: %v", a)
	}
}

func TestAlphaEstimate(t *testing.T) {
	e := AlphaEstimate(krippendorff2011(), stats.Options{Reps: 400, Seed: 7})
	if !near(e.Value, 0.7434210526, 1e-9) || e.N != 11 || e.Unit != "units" || e.Method != stats.MethodPercentile {
		t.Fatalf("estimate %+v", e)
	}
	if !(e.Lo < e.Value && e.Value < e.Hi && e.Hi <= 1) {
		t.Errorf("interval [%v, %v] does not bracket %v", e.Lo, e.Hi, e.Value)
	}
	// Perfect agreement in every resample: the interval is [1, 1].
	if p := AlphaEstimate([][]string{{"a", "a"}, {"b", "b"}, {"a", "a"}}, stats.Options{Reps: 100}); p.Value != 1 || p.Lo != 1 || p.Hi != 1 {
		t.Errorf("perfect agreement: %+v", p)
	}
	again := AlphaEstimate(krippendorff2011(), stats.Options{Reps: 400, Seed: 7})
	if again != e {
		t.Errorf("not deterministic: %+v then %+v", e, again)
	}
}

func TestTwoCoders(t *testing.T) {
	// 50 units: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no; one unit coded
	// by a only. p_o = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.4.
	var a, b []string
	add := func(n int, x, y string) {
		for range n {
			a, b = append(a, x), append(b, y)
		}
	}
	add(20, "yes", "yes")
	add(5, "yes", "no")
	add(10, "no", "yes")
	add(15, "no", "no")
	add(1, "no", Missing)
	if k := Kappa(a, b); !near(k, 0.4, 1e-12) {
		t.Errorf("kappa = %v, want 0.4", k)
	}
	if p, n := Agreement(a, b); !near(p, 0.7, 1e-12) || n != 50 {
		t.Errorf("agreement %v over %d", p, n)
	}
	want := Table{Labels: []string{"no", "yes"}, Counts: [][]int{{15, 10}, {5, 20}}}
	if got := Confusion(a, b); !reflect.DeepEqual(got, want) {
		t.Errorf("confusion %+v", got)
	}
	if d := Disagreements(a, b); len(d) != 15 || d[0] != 20 || d[14] != 34 {
		t.Errorf("disagreements %v", d)
	}
}

func TestBinary(t *testing.T) {
	has := [][]bool{{true, true}, {true, false}, {false, false}}
	coded := [][]bool{{true, true}, {true, true}, {true, false}}
	want := [][]string{{"1", "1"}, {"1", "0"}, {"0", ""}}
	if got := Binary(has, coded); !reflect.DeepEqual(got, want) {
		t.Errorf("binary %v", got)
	}
}
