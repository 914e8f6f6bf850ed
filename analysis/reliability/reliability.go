// Package reliability measures how far independent coders agree when they
// code the same units (messages, question threads) into nominal
// categories: the evidence a content analysis gives that its coding
// manual can be applied by someone else.
//
// # Krippendorff's alpha (nominal)
//
// The data are units, each coded by some of the coders ("" when a coder
// did not code the unit). Only units with at least two codes are
// pairable. In a unit with m codes, every ordered pair of codes of two
// different coders adds 1/(m−1) to the coincidence matrix o[c][k]; n_c is
// the row sum of c and n the total (the number of pairable codes).
// Observed disagreement D_o = Σ_{c≠k} o[c][k] / n, expected disagreement
// D_e = Σ_{c≠k} n_c n_k / (n(n−1)), and α = 1 − D_o/D_e (Krippendorff
// 2011, "Computing Krippendorff's Alpha-Reliability"; its 4-coder,
// 12-unit example gives α = 0.743, its 2-coder binary example 0.095;
// both are tests). α is 1 for perfect agreement, 0 for agreement at
// chance, negative below. It is NaN when fewer than two codes are
// pairable or when every pairable code is the same value (D_e = 0): there
// is then no variation to be reliable about. Conventions (Krippendorff
// 2004): α ≥ 0.800 to rely on a variable, ≥ 0.667 for tentative
// conclusions only.
//
// A multi-label category (a theme a message has or not) is measured as
// its own binary variable, present or absent (Binary).
//
// # Interval
//
// AlphaEstimate adds a percentile bootstrap interval over units (units
// resampled with replacement, α recomputed on each replicate, seeded as
// package stats does): the units, not the codes, are the independent
// draws. Krippendorff's own bootstrap resamples pairs of values; both
// answer how much α would vary over another sample of units.
//
// # Two coders
//
// Agreement is the share of units both coded on which they gave the same
// code; Kappa is Cohen's κ = (p_o − p_e)/(1 − p_e), p_e from each coder's
// own marginals; Confusion cross-tabulates the two coders' codes, labels
// sorted.
package reliability

import (
	"math"
	"sort"

	"github.com/faire-communaute/compendium/analysis/stats"
)

// Missing is the code of a unit a coder did not code.
const Missing = ""

// Alpha returns Krippendorff's alpha for nominal data: units[u][c] is
// coder c's code of unit u, Missing when not coded.
func Alpha(units [][]string) float64 {
	idx := indexCodes(units)
	return alphaOf(units, idx, nil)
}

// codes maps every code met to an index, in sorted order.
func indexCodes(units [][]string) map[string]int {
	set := map[string]bool{}
	for _, u := range units {
		for _, v := range u {
			if v != Missing {
				set[v] = true
			}
		}
	}
	labels := make([]string, 0, len(set))
	for v := range set {
		labels = append(labels, v)
	}
	sort.Strings(labels)
	idx := make(map[string]int, len(labels))
	for i, v := range labels {
		idx[v] = i
	}
	return idx
}

// alphaOf computes alpha over the units selected by sel (every unit when
// sel is nil; a unit may repeat in a bootstrap replicate).
func alphaOf(units [][]string, idx map[string]int, sel []int) float64 {
	k := len(idx)
	o := make([]float64, k*k)
	counts := make([]int, k)
	add := func(u []string) {
		for i := range counts {
			counts[i] = 0
		}
		m := 0
		for _, v := range u {
			if v != Missing {
				counts[idx[v]]++
				m++
			}
		}
		if m < 2 {
			return
		}
		w := 1 / float64(m-1)
		for c, nc := range counts {
			if nc == 0 {
				continue
			}
			for d, nd := range counts {
				pairs := nc * nd
				if c == d {
					pairs = nc * (nc - 1)
				}
				o[c*k+d] += float64(pairs) * w
			}
		}
	}
	if sel == nil {
		for _, u := range units {
			add(u)
		}
	} else {
		for _, i := range sel {
			add(units[i])
		}
	}
	n := 0.0
	marg := make([]float64, k)
	for c := 0; c < k; c++ {
		for d := 0; d < k; d++ {
			marg[c] += o[c*k+d]
		}
		n += marg[c]
	}
	if n < 2 {
		return math.NaN()
	}
	do, de := 0.0, 0.0
	for c := 0; c < k; c++ {
		for d := 0; d < k; d++ {
			if c != d {
				do += o[c*k+d]
				de += marg[c] * marg[d]
			}
		}
	}
	do /= n
	de /= n * (n - 1)
	if de == 0 {
		return math.NaN()
	}
	return 1 - do/de
}

// AlphaEstimate returns alpha with a percentile bootstrap interval over
// units (opts as package stats takes them; Unit "units" when empty).
// N counts the pairable units.
func AlphaEstimate(units [][]string, opts stats.Options) stats.Estimate {
	idx := indexCodes(units)
	opts.Method = stats.MethodPercentile
	if opts.Unit == "" {
		opts.Unit = "units"
	}
	stat := func(sel []int) float64 { return alphaOf(units, idx, sel) }
	e := stats.Bootstrap(len(units), stat, opts)
	e.Value = alphaOf(units, idx, nil)
	// Every defined replicate equal (perfect agreement in every resample
	// that has variation; a resample of one value only has no alpha): the
	// interval is that single value, not undefined.
	if math.IsNaN(e.Lo) && !math.IsNaN(e.Value) {
		same, defined := true, 0
		for _, r := range stats.Replicates(len(units), stat, opts) {
			if !math.IsNaN(r) {
				defined++
				same = same && r == e.Value
			}
		}
		if same && defined > 0 {
			e.Lo, e.Hi = e.Value, e.Value
		}
	}
	e.N = 0
	for _, u := range units {
		m := 0
		for _, v := range u {
			if v != Missing {
				m++
			}
		}
		if m >= 2 {
			e.N++
		}
	}
	return e
}

// Binary turns a multi-label coding into the present/absent variable of
// one category: has[u][c] reports whether coder c gave unit u the
// category, coded[u][c] whether coder c coded unit u at all.
func Binary(has, coded [][]bool) [][]string {
	out := make([][]string, len(has))
	for u := range has {
		out[u] = make([]string, len(has[u]))
		for c := range has[u] {
			switch {
			case !coded[u][c]:
				out[u][c] = Missing
			case has[u][c]:
				out[u][c] = "1"
			default:
				out[u][c] = "0"
			}
		}
	}
	return out
}

// both returns the indices of the units a and b both coded.
func both(a, b []string) []int {
	var out []int
	for i := range a {
		if i < len(b) && a[i] != Missing && b[i] != Missing {
			out = append(out, i)
		}
	}
	return out
}

// Agreement returns the share of the units both coders coded on which
// their codes are equal, and the number of such units; NaN without one.
func Agreement(a, b []string) (float64, int) {
	u := both(a, b)
	if len(u) == 0 {
		return math.NaN(), 0
	}
	same := 0
	for _, i := range u {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(u)), len(u)
}

// Kappa returns Cohen's kappa of two coders over the units both coded:
// NaN without such unit or when both coders gave one same code to every
// unit (p_e = 1).
func Kappa(a, b []string) float64 {
	t := Confusion(a, b)
	n := 0
	for _, row := range t.Counts {
		for _, v := range row {
			n += v
		}
	}
	if n == 0 {
		return math.NaN()
	}
	po, pe := 0.0, 0.0
	for i := range t.Labels {
		row, col := 0, 0
		for j := range t.Labels {
			row += t.Counts[i][j]
			col += t.Counts[j][i]
		}
		po += float64(t.Counts[i][i])
		pe += float64(row) * float64(col)
	}
	po /= float64(n)
	pe /= float64(n) * float64(n)
	if pe == 1 {
		return math.NaN()
	}
	return (po - pe) / (1 - pe)
}

// Table is a confusion table: Counts[i][j] units coded Labels[i] by the
// first coder and Labels[j] by the second.
type Table struct {
	Labels []string
	Counts [][]int
}

// Confusion cross-tabulates the codes of two coders over the units both
// coded, labels sorted.
func Confusion(a, b []string) Table {
	u := both(a, b)
	set := map[string]bool{}
	for _, i := range u {
		set[a[i]], set[b[i]] = true, true
	}
	t := Table{}
	for v := range set {
		t.Labels = append(t.Labels, v)
	}
	sort.Strings(t.Labels)
	pos := map[string]int{}
	for i, v := range t.Labels {
		pos[v] = i
	}
	t.Counts = make([][]int, len(t.Labels))
	for i := range t.Counts {
		t.Counts[i] = make([]int, len(t.Labels))
	}
	for _, i := range u {
		t.Counts[pos[a[i]]][pos[b[i]]]++
	}
	return t
}

// Disagreements returns the indices of the units both coders coded with
// different codes: what adjudication must settle.
func Disagreements(a, b []string) []int {
	var out []int
	for _, i := range both(a, b) {
		if a[i] != b[i] {
			out = append(out, i)
		}
	}
	return out
}
