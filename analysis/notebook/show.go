package notebook

import (
	"encoding"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode"

	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/stats"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Frame is the measured table a cell shows beside its figure: a gota
// DataFrame with one row per element of rows, in their order, and one
// column per exported field of T, in field order.
//
// A column is named by the field's `dataframe` tag when it has one ("-"
// leaves the field out), else by the field's name in snake case
// (MessagesPerDay is messages_per_day, KMMedianMin km_median_min,
// Growth30d growth_30d). Integers become Int columns, floating-point
// numbers Float columns, booleans Bool columns, strings (and named string
// types such as corpus.Profession) String columns, an integer type with a
// text form (encoding.TextMarshaler: corpus.Kind, Platform, Role) a
// String column of that text ("post", "facebook", "admin"), a time.Time the
// String of its RFC 3339 form in UTC, and a stats.Estimate (a value with
// its interval) three Float columns: the name, then name_lo and name_hi,
// its bounds. Fields of any other type (structs, slices, maps, pointers)
// are left out: the frame shows a result's scalars. A T that is not a struct gives a frame whose Err says so.
func Frame[T any](rows []T) dataframe.DataFrame {
	cols, err := frameColumns(reflect.TypeFor[T]())
	if err != nil {
		return dataframe.DataFrame{Err: err}
	}
	values := make([]reflect.Value, len(rows))
	for i := range rows {
		values[i] = reflect.ValueOf(rows[i])
	}
	return dataframe.New(frameSeries(cols, values)...)
}

// GroupFrame is the measured table of per-group results gs (one family's
// Measure, or a filter of it such as indicator.Professions): one row per
// group, in the order of gs, with the columns community (its id,
// indicator.AllCommunities for a profession as a whole) and profession,
// then the columns Frame gives to the struct row(g).
//
// Readings computed with the same row function read exactly the numbers
// the table shows.
func GroupFrame[G indicator.Grouped, R any](gs []G, row func(G) R) dataframe.DataFrame {
	return SeriesFrame(gs, func(g G) []R { return []R{row(g)} })
}

// SeriesFrame is GroupFrame for results that hold a series per group
// (days, hours, cohorts, categories...): one row per element of rows(g),
// groups in the order of gs and each group's elements in their order,
// with the columns community and profession then those of Frame (less
// any column of R named community or profession: the group's own say
// them).
func SeriesFrame[G indicator.Grouped, R any](gs []G, rows func(G) []R) dataframe.DataFrame {
	all, err := frameColumns(reflect.TypeFor[R]())
	if err != nil {
		return dataframe.DataFrame{Err: err}
	}
	var cols []frameColumn
	for _, col := range all {
		if col.name != "community" && col.name != "profession" {
			cols = append(cols, col)
		}
	}
	var com, prof []string
	var values []reflect.Value
	for _, g := range gs {
		for _, r := range rows(g) {
			com = append(com, g.Of().ID)
			prof = append(prof, string(g.Of().Profession))
			values = append(values, reflect.ValueOf(r))
		}
	}
	out := []series.Series{
		series.New(com, series.String, "community"),
		series.New(prof, series.String, "profession"),
	}
	return dataframe.New(append(out, frameSeries(cols, values)...)...)
}

// frameColumn is one column of Frame: the field it reads and its name and
// gota type.
type frameColumn struct {
	index int
	name  string
	typ   series.Type
	time  bool
	text  bool // an integer type read through its MarshalText
	// bound is, for a stats.Estimate field, the part the column reads:
	// 0 Value, 1 Lo, 2 Hi; -1 for other fields.
	bound int
}

var (
	timeType     = reflect.TypeFor[time.Time]()
	textType     = reflect.TypeFor[encoding.TextMarshaler]()
	estimateType = reflect.TypeFor[stats.Estimate]()
)

// frameColumns lists the columns Frame gives to struct type t.
func frameColumns(t reflect.Type) ([]frameColumn, error) {
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("notebook: a frame's rows must be structs, not %s", t)
	}
	var cols []frameColumn
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := snakeCase(f.Name)
		if tag, ok := f.Tag.Lookup("dataframe"); ok {
			if tag == "-" {
				continue
			}
			if tag != "" {
				name = tag
			}
		}
		col := frameColumn{index: i, name: name, bound: -1}
		switch k := f.Type.Kind(); {
		case f.Type == estimateType:
			for b, suffix := range []string{"", "_lo", "_hi"} {
				cols = append(cols, frameColumn{index: i, name: name + suffix, typ: series.Float, bound: b})
			}
			continue
		case f.Type == timeType:
			col.typ, col.time = series.String, true
		case k >= reflect.Int && k <= reflect.Uint64 && f.Type.Implements(textType):
			col.typ, col.text = series.String, true
		case k >= reflect.Int && k <= reflect.Uint64:
			col.typ = series.Int
		case k == reflect.Float32 || k == reflect.Float64:
			col.typ = series.Float
		case k == reflect.Bool:
			col.typ = series.Bool
		case k == reflect.String:
			col.typ = series.String
		default:
			continue
		}
		cols = append(cols, col)
	}
	return cols, nil
}

// frameSeries builds the series of cols from the struct values.
func frameSeries(cols []frameColumn, values []reflect.Value) []series.Series {
	out := make([]series.Series, len(cols))
	for c, col := range cols {
		elems := make([]any, len(values))
		for i, v := range values {
			f := v.Field(col.index)
			switch {
			case col.bound >= 0:
				e := f.Interface().(stats.Estimate)
				elems[i] = [3]float64{e.Value, e.Lo, e.Hi}[col.bound]
			case col.time:
				elems[i] = f.Interface().(time.Time).UTC().Format(time.RFC3339)
			case col.text:
				b, err := f.Interface().(encoding.TextMarshaler).MarshalText()
				if err != nil {
					b = []byte(err.Error())
				}
				elems[i] = string(b)
			case col.typ == series.Int:
				if f.CanInt() {
					elems[i] = int(f.Int())
				} else {
					elems[i] = int(f.Uint())
				}
			case col.typ == series.Float:
				elems[i] = f.Float()
			case col.typ == series.Bool:
				elems[i] = f.Bool()
			default:
				elems[i] = f.String()
			}
		}
		out[c] = series.New(elems, col.typ, col.name)
	}
	return out
}

// snakeCase writes a Go field name in snake case: an underscore before an
// upper-case letter that follows a lower-case letter or a digit, or that
// ends a run of capitals followed by a lower-case letter, and before a run
// of digits that follows a lower-case letter and is followed by a letter
// (Growth30d is growth_30d, Chi2 chi2); all in lower case.
func snakeCase(name string) string {
	r := []rune(name)
	var b strings.Builder
	for i, c := range r {
		if i > 0 {
			prev := r[i-1]
			next := rune(0)
			if i+1 < len(r) {
				next = r[i+1]
			}
			switch {
			case unicode.IsUpper(c) && (unicode.IsLower(prev) || unicode.IsDigit(prev)),
				unicode.IsUpper(c) && unicode.IsUpper(prev) && unicode.IsLower(next),
				unicode.IsDigit(c) && unicode.IsLower(prev) && letterAfterDigits(r[i:]):
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

// letterAfterDigits reports whether the run of digits r starts with is
// followed by a letter.
func letterAfterDigits(r []rune) bool {
	for _, c := range r {
		if !unicode.IsDigit(c) {
			return unicode.IsLetter(c)
		}
	}
	return false
}

// Each is a reading of per-group results, one clause per group: say(g)
// for each g of gs in their order, joined with " ; ", leaving out the
// groups for which say returns "" (those with nothing to read, such as a
// community without messages, whose shares are NaN).
func Each[G any](gs []G, say func(G) string) string {
	var parts []string
	for _, g := range gs {
		if s := say(g); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ; ")
}
