package figure

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	stdfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

var plotBackground color.Color = color.White

// TableFontSize is the font size of drawn tables.
const TableFontSize vg.Length = 9

// TableMaxDecimals caps the decimals shown for numbers in drawn tables (the
// CSV keeps the full %.6f precision).
const TableMaxDecimals = 3

func fontOf(size vg.Length, bold bool) font.Font {
	f := font.From(Font, size)
	if bold {
		f.Weight = stdfont.WeightBold
	}
	return f
}

// TableDrawing draws a Table as an image with gonum/plot's text: an optional
// title, a bold header over a rule, light rules between rows, text columns
// left-aligned and numeric columns right-aligned. Numbers are shown in the
// current language (French "1 040,5") with the decimals they need, at most
// TableMaxDecimals, the same for a whole column; integer columns get
// thousands separators only when one of their values reaches 10 000, so that
// years stay "2019". The font shrinks when the table is
// wider than the canvas.
type TableDrawing struct {
	Table *Table
	Title string
}

func (d TableDrawing) lineHeight(size vg.Length) vg.Length { return size * 1.9 }

// Height is the height the table needs at the given width.
func (d TableDrawing) Height(width vg.Length) vg.Length {
	size := d.fontSize(width)
	n := 1
	if d.Table != nil {
		n += len(d.Table.Rows)
	}
	h := d.lineHeight(size)*vg.Length(n) + 2*size
	if d.Title != "" {
		h += TitleSize * 2
	}
	return h
}

type tableLayout struct {
	cells   [][]string // display strings, header first
	numeric []bool
	widths  []vg.Length // at size 1 point
}

func (d TableDrawing) layout() tableLayout {
	t := d.Table
	var l tableLayout
	if t == nil {
		return l
	}
	nc := len(t.Header)
	l.numeric = make([]bool, nc)
	decs := make([]int, nc)
	for j := range nc {
		num := len(t.Rows) > 0
		for _, r := range t.Rows {
			if j < len(r) && r[j] != "" && !IsNumeric(r[j]) {
				num = false
			}
			if j < len(r) {
				if _, frac, ok := strings.Cut(r[j], "."); ok {
					frac = strings.TrimRight(frac, "0")
					decs[j] = max(decs[j], min(len(frac), TableMaxDecimals))
				}
			}
		}
		l.numeric[j] = num
	}
	group := make([]bool, nc) // thousands separators when a column reaches 10 000
	for j := range nc {
		for _, r := range t.Rows {
			if j < len(r) && l.numeric[j] {
				if v, err := strconv.ParseFloat(r[j], 64); err == nil && math.Abs(v) >= 10000 {
					group[j] = true
				}
			}
		}
	}
	l.cells = append(l.cells, t.Header)
	for _, r := range t.Rows {
		row := make([]string, nc)
		for j := range nc {
			if j >= len(r) {
				continue
			}
			row[j] = r[j]
			if l.numeric[j] && r[j] != "" {
				row[j] = displayNumber(r[j], decs[j], group[j])
			}
		}
		l.cells = append(l.cells, row)
	}
	l.widths = make([]vg.Length, nc)
	for i, row := range l.cells {
		sty := d.style(1, i == 0, false)
		for j, c := range row {
			l.widths[j] = max(l.widths[j], sty.Width(c))
		}
	}
	return l
}

func displayNumber(cell string, dec int, group bool) string {
	if !strings.Contains(cell, ".") {
		if n, err := strconv.ParseInt(cell, 10, 64); err == nil {
			if !group {
				return cell
			}
			return Integer(n)
		}
	}
	v, err := strconv.ParseFloat(cell, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return cell
	}
	return Number(v, dec)
}

func (d TableDrawing) style(size vg.Length, bold, right bool) draw.TextStyle {
	sty := draw.TextStyle{Color: TextColor, Font: fontOf(size, bold), XAlign: draw.XLeft, YAlign: draw.YCenter, Handler: plot.DefaultTextHandler}
	if right {
		sty.XAlign = draw.XRight
	}
	return sty
}

// fontSize is TableFontSize, reduced (down to 5 pt) if the table is too wide.
func (d TableDrawing) fontSize(width vg.Length) vg.Length {
	l := d.layout()
	return d.fitSize(l, width)
}

func (d TableDrawing) fitSize(l tableLayout, width vg.Length) vg.Length {
	var total vg.Length
	for _, w := range l.widths {
		total += w
	}
	// Padding: 1.5 em between columns and 1 em at each side.
	n := vg.Length(len(l.widths))
	size := TableFontSize
	need := total*size + (1.5*max(n-1, 0)+2)*size
	if need > width && need > 0 {
		size = max(vg.Points(5), size*width/need)
	}
	return size
}

// Draw implements Renderable.
func (d TableDrawing) Draw(c draw.Canvas) {
	c.SetColor(plotBackground)
	c.Fill(c.Rectangle.Path())
	l := d.layout()
	y := c.Max.Y
	if d.Title != "" {
		sty := draw.TextStyle{Color: TextColor, Font: fontOf(TitleSize, true), XAlign: draw.XCenter, YAlign: draw.YCenter, Handler: plot.DefaultTextHandler}
		c.FillText(sty, vg.Point{X: c.Center().X, Y: y - TitleSize}, d.Title)
		y -= TitleSize * 2
	}
	if len(l.cells) == 0 {
		return
	}
	width := c.Max.X - c.Min.X
	size := d.fitSize(l, width)
	lh := d.lineHeight(size)
	gap := 1.5 * size
	var total vg.Length
	for _, w := range l.widths {
		total += w * size
	}
	total += gap * vg.Length(max(len(l.widths)-1, 0))
	x0 := c.Min.X + max((width-total)/2, size)
	y -= size
	rule := draw.LineStyle{Color: TextColor, Width: vg.Points(0.8)}
	light := draw.LineStyle{Color: GridColor, Width: vg.Points(0.4)}
	left, right := x0-size/2, x0+total+size/2
	c.StrokeLine2(rule, left, y, right, y)
	for i, row := range l.cells {
		mid := y - lh/2
		x := x0
		for j, cell := range row {
			w := l.widths[j] * size
			num := l.numeric[j]
			sty := d.style(size, i == 0, num)
			px := x
			if num {
				px = x + w
			}
			c.FillText(sty, vg.Point{X: px, Y: mid}, cell)
			x += w + gap
		}
		y -= lh
		switch {
		case i == 0 || i == len(l.cells)-1:
			c.StrokeLine2(rule, left, y, right, y)
		default:
			c.StrokeLine2(light, left, y, right, y)
		}
	}
}
