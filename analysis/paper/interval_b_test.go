package paper

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// pointCSV returns the figure's data as CSV keeping only its first n
// columns: the point values, whose intervals interval_b_test.go checks
// apart.
func pointCSV(t *testing.T, f *figure.Figure, n int) string {
	t.Helper()
	var b strings.Builder
	for _, l := range csvLines(t, f) {
		b.WriteString(strings.Join(strings.Split(l, ",")[:n], ","))
		b.WriteString("\n")
	}
	return b.String()
}

// hasPointLines is hasLines on the first n columns.
func hasPointLines(t *testing.T, f *figure.Figure, n int, want ...string) {
	t.Helper()
	got := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSuffix(pointCSV(t, f, n), "\n"), "\n") {
		got[l] = true
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("%s: line %q missing from the data", f.ID, w)
		}
	}
}

// cells returns the data rows whose first columns are key, as strings.
func cells(t *testing.T, f *figure.Figure, key ...string) []string {
	t.Helper()
	for _, l := range csvLines(t, f)[1:] {
		c := strings.Split(l, ",")
		if len(c) >= len(key) && strings.Join(c[:len(key)], ",") == strings.Join(key, ",") {
			return c
		}
	}
	t.Fatalf("%s: no row %v", f.ID, key)
	return nil
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func near6(a, b float64) bool {
	return math.Abs(a-b) < 5e-7 || math.IsNaN(a) && math.IsNaN(b)
}

// Figure 3 draws the interval the family measured; a share of 0 (aides,
// future, 0 of 10 messages) has Wilson's [0, z²/(10 + z²)] = [0,
// 0.277533] over its messages.
func TestF03Intervals(t *testing.T) {
	f := buildNorms(t, "f03-themes")
	c := cells(t, f, "aides", "home-care-aide", "future")
	if num(t, c[6]) != 0 || !near6(num(t, c[7]), 3.841459/13.841459) || c[8] != "10" || c[9] != "messages" || c[10] != stats.MethodWilson {
		t.Errorf("aides future: %v", c)
	}
	measured := themes.Measure(normsFixture(), codebook(t))
	e := measured.Groups[0].ThemeEst[0] // aides, conditions
	c = cells(t, f, "aides", "home-care-aide", "conditions")
	if !near6(num(t, c[6]), e.Lo) || !near6(num(t, c[7]), e.Hi) || c[9] != "authors" || c[10] != stats.MethodBCa || !e.Estimable() {
		t.Errorf("aides conditions: %v, measured %+v", c, e)
	}
	if !strings.Contains(f.Caption, "95 %") {
		t.Errorf("caption %q", f.Caption)
	}
}

func TestF04Intervals(t *testing.T) {
	f := buildNorms(t, "f04-question-types")
	measured := themes.Measure(normsFixture(), codebook(t))
	e := measured.Groups[0].TypedEst[0] // aides, rights: 2 of 4 typed questions
	c := cells(t, f, "corpus", "aides", "home-care-aide", "rights")
	if !near6(num(t, c[9]), e.Lo) || !near6(num(t, c[10]), e.Hi) || c[12] != e.Unit || e.Value != 0.5 {
		t.Errorf("aides rights: %v, measured %+v", c, e)
	}
	if c := cells(t, f, "doctoctoc-2013", "", "general-practitioner", "poll"); c[9] != "NaN" || c[13] != "" {
		t.Errorf("published row has an interval: %v", c)
	}
}

// Figure 12: the published shares get their Wilson intervals from their
// published counts (35 of 63 consensual in 2013), and the GPs' difference
// with them Newcombe's interval.
func TestF12Intervals(t *testing.T) {
	f := buildNorms(t, "f12-consensus")
	w := stats.Wilson(35, 63, 0, "")
	c := cells(t, f, "doctoctoc-2013", "", "general-practitioner", "consensual")
	if !near6(num(t, c[7]), w.Lo) || !near6(num(t, c[8]), w.Hi) || c[9] != stats.MethodWilson {
		t.Errorf("2013 consensual: %v, want [%v, %v]", c, w.Lo, w.Hi)
	}
	if c := cells(t, f, "doctoctoc-2013", "", "general-practitioner", "not-specified"); c[7] != "NaN" || c[9] != "" {
		t.Errorf("not specified has an interval: %v", c)
	}
	d := norms.CompareWithPublished(stats.Wilson(1, 3, 0, ""), w)
	c = cells(t, f, "gp-minus-doctoctoc-2013", "*", "general-practitioner", "consensual")
	if !near6(num(t, c[6]), 1.0/3-35.0/63) || !near6(num(t, c[7]), d.Lo) || !near6(num(t, c[8]), d.Hi) || c[9] != norms.MethodNewcombe {
		t.Errorf("GPs − 2013: %v, want %+v", c, d)
	}
	if d.Claimed() {
		t.Errorf("1 of 3 against 35 of 63 claimed: %+v", d)
	}
	// Two panels side by side: the stacked shares, the dots and whiskers.
	if wl, ok := f.Drawing.(chart.WithLegend); !ok || len(wl.Tiles) != 1 || len(wl.Tiles[0]) != 2 {
		t.Errorf("drawing %T", f.Drawing)
	}
}

func TestF13Band(t *testing.T) {
	f := buildNorms(t, "f13-sources")
	measured := norms.Measure(normsFixture(), codebook(t))
	g, _ := indicator.ProfessionOf(measured.Groups, "home-care-aide")
	e := g.ByMonth[0].Est // March: a2 (citing), a4, a5 in two threads
	c := cells(t, f, "home-care-aide", "2019-03", "any")
	if e.N != 2 || !near6(num(t, c[6]), e.Lo) || !near6(num(t, c[7]), e.Hi) {
		t.Errorf("March any: %v, measured %+v", c, e)
	}
	if c := cells(t, f, "home-care-aide", "2019-03", "law"); c[6] != "NaN" {
		t.Errorf("kind row with an interval: %v", c)
	}
}

// Figure 14: Wilson over question threads, 1 of 4 for the aides:
// [0.045587, 0.699358].
func TestF14Intervals(t *testing.T) {
	f := buildNorms(t, "f14-recurring")
	c := cells(t, f, "recurring_share", "aides")
	w := stats.Wilson(1, 4, 0, "")
	if !near6(num(t, c[7]), w.Lo) || !near6(num(t, c[8]), w.Hi) || math.Abs(w.Lo-0.045587) > 1e-6 || math.Abs(w.Hi-0.699358) > 1e-6 {
		t.Errorf("aides recurring: %v, Wilson %+v", c, w)
	}
}

// Figure 11: the pooled rows carry the interval over cohorts; the aides'
// lag 1 pools two cohorts (May 2 of 3, June 0 of 1).
func TestF11Intervals(t *testing.T) {
	f := build(t, "f11-retention")
	c := cells(t, f, "home-care-aide", "*", "1")
	if c[9] != "2" {
		t.Errorf("aides lag 1 resamples %s cohorts, want 2: %v", c[9], c)
	}
	// Resamples of the two cohorts: {May, May} 4/6, {May, June} 2/4,
	// {June, June} 0/2: the interval runs from 0 to 2/3.
	if num(t, c[7]) != 0 || !near6(num(t, c[8]), 2.0/3) {
		t.Errorf("aides lag 1 interval [%s, %s], want [0, 2/3]", c[7], c[8])
	}
	if c := cells(t, f, "home-care-aide", "2019-05", "1"); c[7] != "NaN" || c[9] != "0" {
		t.Errorf("a cohort row with an interval: %v", c)
	}
}
