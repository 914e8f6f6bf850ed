package simulate

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
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

// OverlapWithCodebook is how circular the synthetic check of the
// codebook is: for each theme, the share of the distinct stems of the
// simulator's wording of that theme (the grammar symbols its messages
// are written from) that are stems of the codebook's keywords for the
// theme and profession. The numbers are printed by
// `go test ./analysis/simulate -run Overlap -v` and stated in the README
// beside the codebook's scores against the truth; the test fails when a
// change of the grammar or the codebook makes the check more circular
// than stated (MaxOverlap).
func TestOverlapWithCodebook(t *testing.T) {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
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
	for _, id := range ids {
		cat, ok := catByID(cb, id)
		if !ok {
			t.Fatalf("no category %s", id)
		}
		keyword := map[string]bool{}
		stems := map[string]bool{}
		for _, s := range wording[id] {
			for _, terms := range cat.Terms {
				if len(terms.Professions) > 0 && !contains(terms.Professions, s.prof) {
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
					t.Fatalf("no grammar symbol %s", sym)
				}
				for _, w := range s.g.words(sym, seen) {
					for _, st := range cb.Stems(w) {
						stems[st] = true
					}
				}
			}
		}
		shared := 0
		for st := range stems {
			if keyword[st] {
				shared++
			}
		}
		frac := float64(shared) / float64(len(stems))
		t.Logf("%-10s %4d stems in the simulator's wording, %3d of them codebook keyword stems: %s", id, len(stems), shared, fmt.Sprintf("%.1f %%", 100*frac))
		if frac > MaxOverlap {
			t.Errorf("%s: %.1f %% of the wording's stems are keyword stems, above the stated %.0f %%", id, 100*frac, 100*MaxOverlap)
		}
	}
}

// MaxOverlap is the stated bound of TestOverlapWithCodebook.
const MaxOverlap = 0.20

func catByID(cb *themes.Codebook, id string) (themes.Category, bool) {
	for _, c := range cb.Categories {
		if c.ID == id {
			return c, true
		}
	}
	return themes.Category{}, false
}

func contains(ps []corpus.Profession, p corpus.Profession) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}
