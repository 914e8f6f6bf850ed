package paper

import (
	"image/color"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ProfessionLabel returns the label of a profession in figures: « aides à
// domicile » and « médecins généralistes » (English "home-care aides" and
// "general practitioners"); any other profession is written as its value.
func ProfessionLabel(p corpus.Profession) string {
	switch p {
	case corpus.HomeCareAide:
		return figure.T("aides à domicile", "home-care aides")
	case corpus.GP:
		return figure.T("médecins généralistes", "general practitioners")
	}
	return string(p)
}

// Short shortens a group name for an axis label: at most max characters,
// cut at a word boundary, with an ellipsis when cut.
func Short(name string, max int) string {
	r := []rune(strings.TrimSpace(name))
	if len(r) <= max {
		return string(r)
	}
	cut := max - 1
	for i := cut; i > max/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " -.,") + "…"
}

// capitalize upper-cases the first letter of s, for a label that starts a
// title or a legend entry.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// guillemets quotes s in French, with no-break spaces inside « ».
func guillemets(s string) string { return "«" + figure.NBSP + s + figure.NBSP + "»" }

// professionRank orders professions as the study presents them: home-care
// aides, then general practitioners, then any other by name.
func professionRank(p corpus.Profession) int {
	switch p {
	case corpus.HomeCareAide:
		return 0
	case corpus.GP:
		return 1
	}
	return 2
}

func professionLess(a, b corpus.Profession) bool {
	if ra, rb := professionRank(a), professionRank(b); ra != rb {
		return ra < rb
	}
	return a < b
}

// groupLess orders the rows of a figure as the study presents them:
// professions aides first, within a profession its communities by id and
// then the profession as a whole (indicator.AllCommunities).
func groupLess(a, b corpus.Community) bool {
	if a.Profession != b.Profession {
		return professionLess(a.Profession, b.Profession)
	}
	if a.ID != b.ID {
		if a.ID == indicator.AllCommunities || b.ID == indicator.AllCommunities {
			return b.ID == indicator.AllCommunities
		}
		return a.ID < b.ID
	}
	return false
}

// professionColor is the colour of a profession in every figure: orange for
// the aides, sky blue for the GPs (the first two Okabe-Ito colours), bluish
// green for anything else.
func professionColor(p corpus.Profession) color.Color {
	return figure.Color(min(professionRank(p), 2))
}

// communityColors are the colours of the communities of one profession, in
// order: hues of the profession's family (warm for the aides, cool for the
// GPs), so that curves of one profession read together.
var communityColors = [][]color.Color{
	{figure.Color(0), figure.Color(5), figure.Color(6), figure.Color(3)},
	{figure.Color(1), figure.Color(4), figure.Color(2), figure.Color(7)},
	{figure.Color(2), figure.Color(7), figure.Color(3), figure.Color(6)},
}

// dashes distinguish communities of the same profession beyond colour.
var dashes = [][]vg.Length{nil, {vg.Points(5), vg.Points(2.5)}, {vg.Points(1.5), vg.Points(2)}, {vg.Points(6), vg.Points(2), vg.Points(1.5), vg.Points(2)}}

// communityStyle returns the line style of the i-th community (0-based)
// of profession p.
func communityStyle(p corpus.Profession, i int) draw.LineStyle {
	cs := communityColors[min(professionRank(p), 2)]
	return draw.LineStyle{Color: cs[i%len(cs)], Width: vg.Points(1.8), Dashes: dashes[i%len(dashes)]}
}

// communityLabel is the axis or legend label of a community: its name cut
// with Short(name, 24), or its id when it has no name.
func communityLabel(com corpus.Community) string {
	if strings.TrimSpace(com.Name) == "" {
		return com.ID
	}
	return Short(com.Name, 24)
}

// groupLabel is the label of a community, or of a profession as a whole
// for indicator.AllCommunities.
func groupLabel(com corpus.Community) string {
	if com.ID == indicator.AllCommunities {
		return figure.T("Ensemble des ", "All ") + ProfessionLabel(com.Profession)
	}
	return communityLabel(com)
}

// groupColors returns the colour of each group of a list in groupLess
// order: its community colour (communityStyle), or its profession's
// colour for a profession as a whole.
func groupColors(coms []corpus.Community) []color.Color {
	out := make([]color.Color, len(coms))
	n := map[corpus.Profession]int{}
	for i, com := range coms {
		if com.ID == indicator.AllCommunities {
			out[i] = professionColor(com.Profession)
			continue
		}
		out[i] = communityStyle(com.Profession, n[com.Profession]).Color
		n[com.Profession]++
	}
	return out
}

// styled is a measured result of a community with the line style the
// community has in every figure.
type styled[T any] struct {
	R     T
	Style draw.LineStyle
}

// communities returns the results of rs that are communities (not
// professions as a whole) and for which keep is true, by profession
// (aides first) then id, each with its line style (the i-th community of
// a profession, among those kept, gets communityStyle(p, i)). com gives a
// result's community.
func communities[T any](rs []T, com func(T) corpus.Community, keep func(T) bool) []styled[T] {
	var out []styled[T]
	for _, r := range rs {
		if com(r).ID != indicator.AllCommunities && keep(r) {
			out = append(out, styled[T]{R: r})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := com(out[i].R), com(out[j].R)
		if a.Profession != b.Profession {
			return professionLess(a.Profession, b.Profession)
		}
		return a.ID < b.ID
	})
	n := map[corpus.Profession]int{}
	for i := range out {
		p := com(out[i].R).Profession
		out[i].Style = communityStyle(p, n[p])
		n[p]++
	}
	return out
}

// professions returns the results of rs that are professions as a whole
// (community indicator.AllCommunities) and for which keep is true, aides
// first.
func professions[T any](rs []T, com func(T) corpus.Community, keep func(T) bool) []T {
	var out []T
	for _, r := range rs {
		if com(r).ID == indicator.AllCommunities && keep(r) {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return professionLess(com(out[i]).Profession, com(out[j]).Profession)
	})
	return out
}

// inStudyOrder returns a copy of rs sorted by groupLess of their
// communities.
func inStudyOrder[T any](rs []T, com func(T) corpus.Community) []T {
	out := append([]T(nil), rs...)
	sort.SliceStable(out, func(i, j int) bool { return groupLess(com(out[i]), com(out[j])) })
	return out
}

// percentLabel writes a share for a bar label: "41,2 %", or "n. d." (not
// available) when undefined.
func percentLabel(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return figure.NotAvailable()
	}
	return figure.Percent(v)
}

// finite returns v, or 0 when v is NaN or infinite (for drawing; tables
// keep the NaN).
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}
