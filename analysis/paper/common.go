package paper

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
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

// styledGroup is a community's messages with its drawing style.
type styledGroup struct {
	indicator.Group
	Style draw.LineStyle
}

// communityGroups returns the communities of c with their messages, by
// profession (aides first) then id, each with its line style; communities
// for which keep returns false are left out (they take no style).
func communityGroups(c *corpus.Corpus, keep func([]corpus.Message) bool) []styledGroup {
	var out []styledGroup
	for _, g := range indicator.Groups(c) {
		if g.Community.ID != indicator.AllCommunities && keep(g.Messages) {
			out = append(out, styledGroup{Group: g})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Community, out[j].Community
		if a.Profession != b.Profession {
			return professionLess(a.Profession, b.Profession)
		}
		return a.ID < b.ID
	})
	n := map[corpus.Profession]int{}
	for i := range out {
		p := out[i].Community.Profession
		out[i].Style = communityStyle(p, n[p])
		n[p]++
	}
	return out
}

// professionGroups returns one group per profession of c (all its
// communities' messages; Community.ID is indicator.AllCommunities), aides
// first, leaving out those for which keep returns false.
func professionGroups(c *corpus.Corpus, keep func([]corpus.Message) bool) []indicator.Group {
	var out []indicator.Group
	for _, g := range indicator.Groups(c) {
		if g.Community.ID == indicator.AllCommunities && keep(g.Messages) {
			out = append(out, g)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return professionLess(out[i].Community.Profession, out[j].Community.Profession)
	})
	return out
}

func hasMessages(msgs []corpus.Message) bool { return len(msgs) > 0 }

func hasAuthors(msgs []corpus.Message) bool {
	for i := range msgs {
		if msgs[i].Author != "" {
			return true
		}
	}
	return false
}

func hasThreads(msgs []corpus.Message) bool {
	for i := range msgs {
		if msgs[i].IsThreadStart() {
			return true
		}
	}
	return false
}

// hourTicks labels hours 0 to 23 every step hours ("0 h", "3 h", …),
// with unlabelled ticks on the other hours.
func hourTicks(step int) plot.ConstantTicks {
	t := make(plot.ConstantTicks, 24)
	for h := range t {
		t[h].Value = float64(h)
		if h%step == 0 {
			t[h].Label = fmt.Sprintf(figure.T("%d"+figure.NBSP+"h", "%d h"), h)
		}
	}
	return t
}

// gappedLine adds xs, ys to p as a line broken where ys is NaN, with a dot
// on every defined point (so that an isolated value stays visible), and a
// legend entry when name is not empty. It adds nothing when every y is NaN.
func gappedLine(p *plot.Plot, xs, ys []float64, style draw.LineStyle, name string) error {
	var run plotter.XYs
	var dots plotter.XYs
	flush := func() error {
		if len(run) > 1 {
			l, err := plotter.NewLine(run)
			if err != nil {
				return err
			}
			l.LineStyle = style
			p.Add(l)
		}
		run = nil
		return nil
	}
	for i, y := range ys {
		if math.IsNaN(y) || math.IsInf(y, 0) {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		run = append(run, plotter.XY{X: xs[i], Y: y})
		dots = append(dots, plotter.XY{X: xs[i], Y: y})
	}
	if err := flush(); err != nil {
		return err
	}
	if len(dots) == 0 {
		return nil
	}
	s, err := plotter.NewScatter(dots)
	if err != nil {
		return err
	}
	s.GlyphStyle = draw.GlyphStyle{Color: style.Color, Radius: vg.Points(2), Shape: draw.CircleGlyph{}}
	p.Add(s)
	if name != "" {
		p.Legend.Add(name, lineThumb{style})
	}
	return nil
}

// lineThumb is a legend thumbnail drawing a line in a style.
type lineThumb struct{ style draw.LineStyle }

func (t lineThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(t.style, c.Min.X, y, c.Max.X, y)
}

// swatch is a legend thumbnail filled with a colour.
type swatch struct{ c color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.c, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
}

// barsPlotter draws bars laid out by chart.BarLayout, each category in its
// colour; horizontal bars swap the axes (X is then the value).
type barsPlotter struct {
	bars       []chart.Bar
	colors     []color.Color // by category
	horizontal bool
}

func (b barsPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, r := range b.bars {
		lo, hi := math.Min(r.Bottom, r.Top), math.Max(r.Bottom, r.Top)
		if lo == hi {
			continue
		}
		a0, a1 := r.X-r.Width/2, r.X+r.Width/2
		var pts []vg.Point
		if b.horizontal {
			pts = []vg.Point{{X: trX(lo), Y: trY(a0)}, {X: trX(hi), Y: trY(a0)}, {X: trX(hi), Y: trY(a1)}, {X: trX(lo), Y: trY(a1)}}
		} else {
			pts = []vg.Point{{X: trX(a0), Y: trY(lo)}, {X: trX(a1), Y: trY(lo)}, {X: trX(a1), Y: trY(hi)}, {X: trX(a0), Y: trY(hi)}}
		}
		c.FillPolygon(b.colors[r.Category%len(b.colors)], c.ClipPolygonXY(pts))
	}
}

// barLabels returns text labels placed just past the end of each bar.
func barLabels(bars []chart.Bar, text []string, horizontal bool) (*plotter.Labels, error) {
	xyl := plotter.XYLabels{}
	for i, r := range bars {
		top := math.Max(r.Bottom, r.Top)
		if horizontal {
			xyl.XYs = append(xyl.XYs, plotter.XY{X: top, Y: r.X})
		} else {
			xyl.XYs = append(xyl.XYs, plotter.XY{X: r.X, Y: top})
		}
		xyl.Labels = append(xyl.Labels, text[i])
	}
	l, err := plotter.NewLabels(xyl)
	if err != nil {
		return nil, err
	}
	for i := range l.TextStyle {
		l.TextStyle[i].Font = font.From(figure.Font, figure.TickSize)
		l.TextStyle[i].Color = figure.TextColor
		if horizontal {
			l.TextStyle[i].XAlign = draw.XLeft
			l.TextStyle[i].YAlign = draw.YCenter
		} else {
			l.TextStyle[i].XAlign = draw.XCenter
			l.TextStyle[i].YAlign = draw.YBottom
		}
	}
	if horizontal {
		l.Offset = vg.Point{X: vg.Points(3)}
	} else {
		l.Offset = vg.Point{Y: vg.Points(2)}
	}
	return l, nil
}

// percentLabel writes a share for a bar label: "41,2 %", or "n. d." (not
// available) when undefined.
func percentLabel(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return figure.T("n."+figure.NBSP+"d.", "n/a")
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
