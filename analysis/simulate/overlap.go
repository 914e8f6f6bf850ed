package simulate

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

var slotRE = regexp.MustCompile(`\{[^}]*\}`)

// words returns the literal text of every alternative reachable from sym.
func (g grammar) words(sym string, seen map[string]bool) []string {
	if seen[sym] {
		return nil
	}
	seen[sym] = true
	var out []string
	for _, a := range g[sym] {
		out = append(out, slotRE.ReplaceAllString(a, " "))
		for _, s := range slots(a) {
			s = strings.TrimPrefix(s, "?")
			if strings.HasPrefix(s, "n:") || s == "@topic" {
				continue
			}
			out = append(out, g.words(s, seen)...)
		}
	}
	return out
}

// MaxOverlap is the stated bound of OverlapWithCodebook: no theme's
// wording in the simulator shares more than this fraction of its stems
// with the codebook's keywords for the theme (a test fails beyond it).
const MaxOverlap = 0.20

// OverlapWithCodebook is how circular the synthetic check of the
// codebook is: for each theme the simulator writes (ThemeConditions,
// ThemeFuture, ThemePractice, ThemeSupport, in that order), the distinct
// stems (cb.Stems) of the literal text of every grammar symbol its
// messages are written from, and how many of them are stems of the
// codebook's keywords for the theme and the profession writing it.
// Fraction = Shared / Stems. Table 3 prints it beside the codebook's κ
// against the synthetic truth. It fails when cb lacks one of the themes.
func OverlapWithCodebook(cb *themes.Codebook) ([]themes.StemOverlap, error) {
	type src struct {
		prof    corpus.Profession
		g       grammar
		symbols []string
	}
	wording := map[string][]src{
		ThemeConditions: {{corpus.HomeCareAide, aideGrammar, []string{"post.conditions", "q.rights"}}, {corpus.GP, gpGrammar, []string{"q.administrative"}}},
		ThemePractice:   {{corpus.HomeCareAide, aideGrammar, []string{"post.practice", "q.care"}}, {corpus.GP, gpGrammar, []string{"q.therapeutic", "q.diagnostic"}}},
		ThemeFuture:     {{corpus.HomeCareAide, aideGrammar, []string{"post.future"}}},
		ThemeSupport:    {{corpus.HomeCareAide, aideGrammar, []string{"post.support"}}},
	}
	ids := make([]string, 0, len(wording))
	for id := range wording {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []themes.StemOverlap
	for _, id := range ids {
		i := slices.IndexFunc(cb.Categories, func(c themes.Category) bool { return c.ID == id })
		if i < 0 {
			return nil, fmt.Errorf("simulate: the codebook has no category %s", id)
		}
		cat := cb.Categories[i]
		keyword := map[string]bool{}
		stems := map[string]bool{}
		for _, s := range wording[id] {
			for _, terms := range cat.Terms {
				if len(terms.Professions) > 0 && !slices.Contains(terms.Professions, s.prof) {
					continue
				}
				for _, k := range terms.Keywords {
					for _, st := range cb.Stems(k) {
						keyword[st] = true
					}
				}
			}
			seen := map[string]bool{}
			for _, sym := range s.symbols {
				if _, ok := s.g[sym]; !ok {
					return nil, fmt.Errorf("simulate: no grammar symbol %s", sym)
				}
				for _, w := range s.g.words(sym, seen) {
					for _, st := range cb.Stems(w) {
						stems[st] = true
					}
				}
			}
		}
		o := themes.StemOverlap{Theme: id, Stems: len(stems)}
		for st := range stems {
			if keyword[st] {
				o.Shared++
			}
		}
		if o.Stems > 0 {
			o.Fraction = float64(o.Shared) / float64(o.Stems)
		}
		out = append(out, o)
	}
	return out, nil
}
