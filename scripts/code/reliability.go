package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/reliability"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// variable is one coded variable of a sheet: units[u][c] is coder c's code
// of unit u (reliability.Missing when c did not code it).
type variable struct {
	name   string
	pooled bool // every decision of a family of variables: not adjudicated as such
	ids    []string
	texts  []string
	units  [][]string
}

func bit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// variables builds the variables of coded copies of one sheet, units in
// the first copy's order.
func variables(sheets []*sheet, cb *themes.Codebook) []variable {
	first := sheets[0]
	if len(first.units) == 0 {
		return nil
	}
	units := func(u *unit) []*unit {
		out := make([]*unit, len(sheets))
		for c, s := range sheets {
			out[c] = s.units[s.index[u.id]]
		}
		return out
	}
	code := func(us []*unit, f func(*unit) string) []string {
		out := make([]string, len(us))
		for c, u := range us {
			if u.coded {
				out[c] = f(u)
			}
		}
		return out
	}
	qtype := func(u *unit) string {
		if u.qtype == "" {
			return None
		}
		return u.qtype
	}
	var out []variable
	add := func(name string, id, text string, codes []string) {
		i := slices.IndexFunc(out, func(v variable) bool { return v.name == name })
		if i < 0 {
			out = append(out, variable{name: name})
			i = len(out) - 1
		}
		v := &out[i]
		v.ids, v.texts, v.units = append(v.ids, id), append(v.texts, text), append(v.units, codes)
	}
	if first.kind == kindPairs {
		for _, u := range first.units {
			add("same", u.id, pairText(u), code(units(u), func(x *unit) string { return bit(x.same) }))
		}
		return out
	}
	if first.kind == kindMessages {
		for _, cat := range cb.CategoryIDs() {
			for _, u := range first.units {
				add("theme:"+cat, u.id, u.text, code(units(u), func(x *unit) string { return bit(slices.Contains(x.themes, cat)) }))
			}
		}
		for _, u := range first.units {
			add("question", u.id, u.text, code(units(u), func(x *unit) string { return bit(x.question) }))
		}
		for _, u := range first.units {
			add("question_type", u.id, u.text, code(units(u), qtype))
		}
		return append(out, pool("themes", out[:len(cb.Categories)]))
	}
	for _, u := range first.units {
		add("status", u.id, u.text, code(units(u), func(x *unit) string { return x.status }))
	}
	for _, u := range first.units {
		add("question_type", u.id, u.text, code(units(u), qtype))
	}
	nsrc := 0
	for _, k := range cb.SourceKinds() {
		for _, u := range first.units {
			us := units(u)
			for i, a := range u.answers {
				add("source:"+k, u.id+"#"+strconv.Itoa(a.position), a.text, code(us, func(x *unit) string { return bit(slices.Contains(x.answers[i].sources, k)) }))
			}
		}
		if slices.ContainsFunc(out, func(v variable) bool { return v.name == "source:"+k }) {
			nsrc++
		}
	}
	if nsrc > 0 {
		out = append(out, pool("sources", out[len(out)-nsrc:]))
	}
	return out
}

func pool(name string, vs []variable) variable {
	p := variable{name: name, pooled: true}
	for _, v := range vs {
		for i := range v.units {
			p.ids = append(p.ids, v.ids[i]+"/"+v.name)
			p.texts = append(p.texts, v.texts[i])
			p.units = append(p.units, v.units[i])
		}
	}
	return p
}

func column(units [][]string, c int) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u[c]
	}
	return out
}

// reading is Krippendorff's (2004) convention for alpha.
func reading(a float64) string {
	switch {
	case math.IsNaN(a):
		return "undefined (no variation)"
	case a >= 0.8:
		return "reliable (≥ 0.800)"
	case a >= 0.667:
		return "tentative (≥ 0.667)"
	}
	return "not reliable (< 0.667)"
}

func f3(x float64) string {
	if math.IsNaN(x) {
		return "NaN"
	}
	return strconv.FormatFloat(x, 'f', 3, 64)
}

func f6(x float64) string {
	if math.IsNaN(x) {
		return "NaN"
	}
	return strconv.FormatFloat(x, 'f', 6, 64)
}

func runReliability(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("reliability", stderr)
	cbPath := fs.String("codebook", defaultCodebook(), "codebook `FILE`")
	out := fs.String("out", "", "`DIR` for reliability.csv and disagreements.csv (default: the first file's folder)")
	seed := fs.Uint64("seed", 0, "bootstrap seed (0: package stats' default)")
	reps := fs.Int("reps", 0, "bootstrap replicates (0: package stats' default)")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *reps < 0 {
		return fmt.Errorf("--reps must not be negative")
	}
	cb, err := themes.LoadCodebook(*cbPath)
	if err != nil {
		return err
	}
	sheets, err := readSheets(paths, cb)
	if err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Dir(paths[0])
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	vars := variables(sheets, cb)
	opts := stats.Options{Seed: *seed, Reps: *reps}
	coders := make([]string, len(sheets))
	for i, s := range sheets {
		coders[i] = s.coder
	}
	fmt.Fprintf(stdout, "%s sheet, %d units, coders %s\n\n", sheets[0].kind, len(sheets[0].units), strings.Join(coders, ", "))
	fmt.Fprintf(stdout, "%-24s %7s %17s %6s  %s\n", "variable", "alpha", "interval", "units", "reading")
	var rows [][]string
	type pair struct{ a, b int }
	var pairs []pair
	for a := range sheets {
		for b := a + 1; b < len(sheets); b++ {
			pairs = append(pairs, pair{a, b})
		}
	}
	var tables strings.Builder
	for _, v := range vars {
		e := reliability.AlphaEstimate(v.units, opts)
		fmt.Fprintf(stdout, "%-24s %7s  [%6s, %6s] %6d  %s\n", v.name, f3(e.Value), f3(e.Lo), f3(e.Hi), e.N, reading(e.Value))
		for _, p := range pairs {
			ca, cbc := column(v.units, p.a), column(v.units, p.b)
			ag, both := reliability.Agreement(ca, cbc)
			k := reliability.Kappa(ca, cbc)
			rows = append(rows, []string{v.name, strconv.Itoa(e.N), f6(e.Value), f6(e.Lo), f6(e.Hi), f6(e.Level), coders[p.a], coders[p.b], strconv.Itoa(both), f6(ag), f6(k)})
			fmt.Fprintf(&tables, "%s, %s (rows) × %s (columns): agreement %s over %d units, Cohen's kappa %s\n", v.name, coders[p.a], coders[p.b], f3(ag), both, f3(k))
			t := reliability.Confusion(ca, cbc)
			w := 8
			for _, l := range t.Labels {
				w = max(w, len(l)+1)
			}
			fmt.Fprintf(&tables, "%*s", w, "")
			for _, l := range t.Labels {
				fmt.Fprintf(&tables, "%*s", w, l)
			}
			tables.WriteString("\n")
			for i, l := range t.Labels {
				fmt.Fprintf(&tables, "%*s", w, l)
				for j := range t.Labels {
					fmt.Fprintf(&tables, "%*d", w, t.Counts[i][j])
				}
				tables.WriteString("\n")
			}
			tables.WriteString("\n")
		}
	}
	fmt.Fprintf(stdout, "\nalpha: Krippendorff's nominal alpha, %s bootstrap interval over units.\n\n%s", "percentile", tables.String())
	if err := writeSheetFile(filepath.Join(*out, "reliability.csv"), []string{"variable", "pairable_units", "alpha", "alpha_lo", "alpha_hi", "level", "coder_a", "coder_b", "both_coded", "agreement", "kappa"}, rows); err != nil {
		return err
	}
	head, dis := disagreements(vars, coders)
	if err := writeSheetFile(filepath.Join(*out, "disagreements.csv"), head, dis); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d disagreements to adjudicate: %s\n", len(dis), filepath.Join(*out, "disagreements.csv"))
	return nil
}

// disagreements lists every unit and variable (pooled ones aside) on
// which the coders who coded it gave different codes.
func disagreements(vars []variable, coders []string) ([]string, [][]string) {
	head := append(append([]string{"unit", "variable"}, coders...), "adjudicated", "text")
	var rows [][]string
	for _, v := range vars {
		if v.pooled {
			continue
		}
		for i, u := range v.units {
			if !differ(u) {
				continue
			}
			row := append(append([]string{v.ids[i], v.name}, u...), "", v.texts[i])
			rows = append(rows, row)
		}
	}
	return head, rows
}

// differ reports whether the codes given (missing ones aside) differ.
func differ(codes []string) bool {
	first := reliability.Missing
	for _, c := range codes {
		if c == reliability.Missing {
			continue
		}
		if first == reliability.Missing {
			first = c
		} else if c != first {
			return true
		}
	}
	return false
}
