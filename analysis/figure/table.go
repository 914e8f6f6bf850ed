package figure

import (
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// Table is the data of a figure, written as ID.csv: a header and rows of
// already-formatted cells. Cells are formatted once, by Add, in a
// language-independent way (decimal point, no thousands separator), so the CSV
// does not depend on Lang.
type Table struct {
	Header []string
	Rows   [][]string
}

// NewTable returns an empty table with the given header.
func NewTable(header ...string) *Table {
	return &Table{Header: append([]string(nil), header...)}
}

// Add appends a row, formatting each cell with Cell.
func (t *Table) Add(cells ...any) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = Cell(c)
	}
	t.Rows = append(t.Rows, row)
}

// Cell formats one table cell: a string as is; signed and unsigned integers in
// decimal; float64 and float32 with %.6f ("NaN", "+Inf", "-Inf"; a value that
// rounds to zero is "0.000000", never "-0.000000"); time.Time in RFC 3339 at UTC
// (with fractional seconds only when present); bool as true/false; a
// fmt.Stringer with its String method; nil as the empty string; anything else
// with fmt.Sprint.
func Cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int8:
		return strconv.FormatInt(int64(x), 10)
	case int16:
		return strconv.FormatInt(int64(x), 10)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case uint:
		return strconv.FormatUint(uint64(x), 10)
	case uint8:
		return strconv.FormatUint(uint64(x), 10)
	case uint16:
		return strconv.FormatUint(uint64(x), 10)
	case uint32:
		return strconv.FormatUint(uint64(x), 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case float64:
		return formatFloat(x)
	case float32:
		return formatFloat(float64(x))
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case bool:
		return strconv.FormatBool(x)
	case fmt.Stringer:
		return x.String()
	case error:
		return x.Error()
	}
	return fmt.Sprint(v)
}

func formatFloat(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "+Inf"
	case math.IsInf(x, -1):
		return "-Inf"
	}
	s := strconv.FormatFloat(x, 'f', 6, 64)
	if s == "-0.000000" {
		s = "0.000000"
	}
	return s
}

// Validate reports an error when the table has no header or a row whose length
// differs from the header's.
func (t *Table) Validate() error {
	if t == nil {
		return fmt.Errorf("figure: nil table")
	}
	if len(t.Header) == 0 {
		return fmt.Errorf("figure: table has no header")
	}
	for i, r := range t.Rows {
		if len(r) != len(t.Header) {
			return fmt.Errorf("figure: table row %d has %d cells, header has %d", i+1, len(r), len(t.Header))
		}
	}
	return nil
}

// WriteCSV writes the header and rows with encoding/csv and LF line ends.
func (t *Table) WriteCSV(w io.Writer) error {
	if err := t.Validate(); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = false
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	if err := cw.WriteAll(t.Rows); err != nil {
		return err
	}
	return cw.Error()
}

// IsNumeric reports whether a cell holds a number as written by Cell (used to
// right-align numbers).
func IsNumeric(cell string) bool {
	switch cell {
	case "NaN", "+Inf", "-Inf":
		return true
	}
	_, err := strconv.ParseFloat(cell, 64)
	return err == nil
}

// HTMLTable returns the table as an escaped HTML <table>, numbers
// right-aligned, for display in notebooks.
func HTMLTable(t *Table) string {
	var b strings.Builder
	b.WriteString("<table class=\"compendium-table\">\n<thead><tr>")
	if t != nil {
		for _, h := range t.Header {
			b.WriteString("<th>")
			b.WriteString(html.EscapeString(h))
			b.WriteString("</th>")
		}
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	if t != nil {
		for _, r := range t.Rows {
			b.WriteString("<tr>")
			for _, c := range r {
				if IsNumeric(c) {
					b.WriteString("<td style=\"text-align:right\">")
				} else {
					b.WriteString("<td style=\"text-align:left\">")
				}
				b.WriteString(html.EscapeString(c))
				b.WriteString("</td>")
			}
			b.WriteString("</tr>\n")
		}
	}
	b.WriteString("</tbody>\n</table>\n")
	return b.String()
}
