package figure

import (
	"fmt"
	"math"
	"strings"
	"time"

	"gonum.org/v1/plot"
)

// FrenchTicks wraps a plot.Ticker and relabels its labelled ticks with Number
// in the current language (so French "1 500" and "0,25"), keeping the number of
// decimals the wrapped ticker chose. A nil Ticker means plot.DefaultTicks{}.
type FrenchTicks struct {
	Ticker plot.Ticker
	// Decimals, when not nil, forces the number of decimals of every label.
	Decimals *int
}

// Ticks implements plot.Ticker.
func (f FrenchTicks) Ticks(lo, hi float64) []plot.Tick {
	t := f.Ticker
	if t == nil {
		t = plot.DefaultTicks{}
	}
	ticks := t.Ticks(lo, hi)
	out := make([]plot.Tick, len(ticks))
	// One number of decimals for all labels: the most any label needs once
	// trailing zeros are dropped ("0.00 2.50 5.00" becomes "0,0 2,5 5,0").
	dec := 0
	for _, tk := range ticks {
		if _, frac, ok := strings.Cut(tk.Label, "."); ok && !strings.ContainsAny(tk.Label, "eE") {
			dec = max(dec, len(strings.TrimRight(frac, "0")))
		}
	}
	if f.Decimals != nil {
		dec = *f.Decimals
	}
	for i, tk := range ticks {
		out[i] = tk
		if tk.Label == "" {
			continue
		}
		out[i].Label = relabel(tk, dec)
	}
	return out
}

func relabel(tk plot.Tick, dec int) string {
	l := tk.Label
	if strings.ContainsAny(l, "eE") {
		// Scientific labels (very large or small magnitudes): only swap the
		// decimal point.
		if Lang == French {
			return strings.Replace(l, ".", ",", 1)
		}
		return l
	}
	return Number(tk.Value, dec)
}

// PercentTicks labels an axis holding shares (0 to 1) as percentages
// ("25 %"), choosing tick positions with the wrapped Ticker (nil means
// plot.DefaultTicks{}).
type PercentTicks struct {
	Ticker plot.Ticker
}

// Ticks implements plot.Ticker.
func (p PercentTicks) Ticks(min, max float64) []plot.Tick {
	t := p.Ticker
	if t == nil {
		t = plot.DefaultTicks{}
	}
	ticks := t.Ticks(min, max)
	for i := range ticks {
		if ticks[i].Label == "" {
			continue
		}
		// Decimals needed so that distinct labels stay distinct.
		dec := 0
		v := ticks[i].Value * 100
		for dec < 3 && math.Abs(v-math.Round(v*math.Pow10(dec))/math.Pow10(dec)) > 1e-9 {
			dec++
		}
		ticks[i].Label = PercentN(ticks[i].Value, dec)
	}
	return ticks
}

// ShareTicks labels an axis of shares as PercentTicks does, leaving out
// the ticks above 100 % (the headroom kept above the data for a legend or
// labels).
type ShareTicks struct{}

// Ticks implements plot.Ticker.
func (ShareTicks) Ticks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (PercentTicks{}).Ticks(lo, hi) {
		if t.Value <= 1+1e-9 {
			out = append(out, t)
		}
	}
	return out
}

// IntegerTicks labels an axis of counts as FrenchTicks does, keeping only
// the labelled ticks that are whole numbers (and every unlabelled one).
type IntegerTicks struct{}

// Ticks implements plot.Ticker.
func (IntegerTicks) Ticks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (FrenchTicks{}).Ticks(lo, hi) {
		switch {
		case t.Label == "":
			out = append(out, t)
		case t.Value == math.Trunc(t.Value):
			t.Label = Number(t.Value, 0)
			out = append(out, t)
		}
	}
	return out
}

// HourTicks labels the hours 0 to 23 of an axis every step hours ("0 h",
// "3 h", …), with unlabelled ticks on the other hours.
func HourTicks(step int) plot.ConstantTicks {
	t := make(plot.ConstantTicks, 24)
	for h := range t {
		t[h].Value = float64(h)
		if h%step == 0 {
			t[h].Label = fmt.Sprintf(T("%d"+NBSP+"h", "%d h"), h)
		}
	}
	return t
}

// DurationTicks labels a logarithmic axis of minutes with round
// durations: 1 min, 10 min, 1 h, 6 h, 1 day, 1 week, 30 days, 1 year,
// keeping those in range (and 6 s when the axis starts below 1 minute).
type DurationTicks struct{}

// Ticks implements plot.Ticker.
func (DurationTicks) Ticks(lo, hi float64) []plot.Tick {
	marks := []struct {
		v      float64
		fr, en string
	}{
		{0.1, "6" + NBSP + "s", "6 s"},
		{1, "1" + NBSP + "min", "1 min"},
		{10, "10" + NBSP + "min", "10 min"},
		{60, "1" + NBSP + "h", "1 h"},
		{360, "6" + NBSP + "h", "6 h"},
		{1440, "1" + NBSP + "j", "1 d"},
		{10080, "1" + NBSP + "sem.", "1 wk"},
		{43200, "30" + NBSP + "j", "30 d"},
		{525600, "1" + NBSP + "an", "1 yr"},
	}
	var out []plot.Tick
	for _, m := range marks {
		if m.v >= lo*(1-1e-9) && m.v <= hi*(1+1e-9) {
			out = append(out, plot.Tick{Value: m.v, Label: T(m.fr, m.en)})
		}
	}
	return out
}

// DateTicks is a calendar-aware ticker for axes holding Unix seconds (as
// produced by TimeToFloat). It chooses a step among days, weeks, months and
// years so that at most MaxTicks (default 7) labelled ticks appear, and labels
// them in the current language: "2 mai" for day steps, "mai 2019" (French
// month abbreviations, "janv. 2019") for month steps and "2019" for year steps.
// Month and year steps get unlabelled minor ticks at the first of each month
// when they fit.
type DateTicks struct {
	MaxTicks int
	// Location of the calendar; nil means UTC.
	Location *time.Location
}

// TimeToFloat converts t to the Unix seconds used on time axes.
func TimeToFloat(t time.Time) float64 {
	return float64(t.Unix()) + float64(t.Nanosecond())/1e9
}

// FloatToTime converts Unix seconds back to a UTC time.
func FloatToTime(x float64) time.Time {
	sec, frac := math.Modf(x)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC()
}

type dateStep struct {
	days, months, years int
}

var dateSteps = []dateStep{
	{days: 1}, {days: 2}, {days: 7}, {days: 14},
	{months: 1}, {months: 2}, {months: 3}, {months: 6},
	{years: 1}, {years: 2}, {years: 5}, {years: 10}, {years: 20}, {years: 50}, {years: 100},
}

// Ticks implements plot.Ticker.
func (d DateTicks) Ticks(min, max float64) []plot.Tick {
	maxTicks := d.MaxTicks
	if maxTicks <= 0 {
		maxTicks = 7
	}
	loc := d.Location
	if loc == nil {
		loc = time.UTC
	}
	if !(max > min) || math.IsInf(min, 0) || math.IsInf(max, 0) {
		return nil
	}
	t0 := FloatToTime(min).In(loc)
	t1 := FloatToTime(max).In(loc)
	for _, st := range dateSteps {
		marks := stepMarks(t0, t1, st, loc)
		if len(marks) > maxTicks {
			continue
		}
		ticks := make([]plot.Tick, 0, len(marks))
		for _, m := range marks {
			ticks = append(ticks, plot.Tick{Value: TimeToFloat(m), Label: dateLabel(m, st)})
		}
		if st.days == 0 {
			// Minor ticks on the first of each month for month/year steps,
			// when they are not too many.
			var minor []plot.Tick
			y, mo, _ := t0.Date()
			m := time.Date(y, mo, 1, 0, 0, 0, 0, loc)
			for ; !m.After(t1) && len(minor) <= 60; m = m.AddDate(0, 1, 0) {
				if m.Before(t0) || isMark(m, marks) {
					continue
				}
				minor = append(minor, plot.Tick{Value: TimeToFloat(m)})
			}
			if len(minor) <= 60 {
				ticks = append(ticks, minor...)
			}
		}
		return ticks
	}
	// Enormous ranges: fall back to numeric year ticks.
	return nil
}

func isMark(t time.Time, marks []time.Time) bool {
	for _, m := range marks {
		if m.Equal(t) {
			return true
		}
	}
	return false
}

// stepMarks lists the calendar marks of step st within [t0, t1].
func stepMarks(t0, t1 time.Time, st dateStep, loc *time.Location) []time.Time {
	y, m, day := t0.Date()
	var start time.Time
	switch {
	case st.years > 0:
		yy := y - ((y%st.years)+st.years)%st.years
		start = time.Date(yy, 1, 1, 0, 0, 0, 0, loc)
	case st.months > 0:
		mm := int(m) - 1
		mm -= mm % st.months
		start = time.Date(y, time.Month(mm+1), 1, 0, 0, 0, 0, loc)
	case st.days == 7 || st.days == 14:
		// Mondays.
		start = time.Date(y, m, day, 0, 0, 0, 0, loc)
		off := (int(start.Weekday()) + 6) % 7
		start = start.AddDate(0, 0, -off)
	default:
		start = time.Date(y, m, day, 0, 0, 0, 0, loc)
	}
	var marks []time.Time
	for i := 0; ; i++ {
		t := start.AddDate(st.years*i, st.months*i, st.days*i)
		if t.After(t1) {
			break
		}
		if !t.Before(t0) {
			marks = append(marks, t)
		}
		if len(marks) > 1000 {
			break
		}
	}
	return marks
}

func dateLabel(t time.Time, st dateStep) string {
	switch {
	case st.years > 0:
		return t.Format("2006")
	case st.months > 0:
		return MonthAbbr(t.Month()) + " " + t.Format("2006")
	default:
		if Lang == English {
			return MonthAbbr(t.Month()) + " " + t.Format("2")
		}
		day := t.Format("2")
		if day == "1" {
			day = "1er"
		}
		return day + " " + MonthAbbr(t.Month())
	}
}
