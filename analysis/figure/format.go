package figure

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// NarrowNBSP is U+202F NARROW NO-BREAK SPACE, the French thousands separator
// and the space before "%" used by Number and Percent.
const NarrowNBSP = "\u202f"

// NBSP is U+00A0 NO-BREAK SPACE, used inside French quotation marks « ».
const NBSP = "\u00a0"

// Number formats x with the given number of decimals (rounded as
// strconv.FormatFloat does, half to even on the binary value) in the current
// language: French "1 234 567,89" (U+202F between groups, decimal comma),
// English "1,234,567.89". A negative sign is ASCII "-"; a result that rounds to
// zero is never negative. NaN gives "NaN" and infinities "∞" / "-∞".
// A negative decimals is treated as 0.
func Number(x float64, decimals int) string {
	return formatNumber(x, decimals, Lang)
}

func formatNumber(x float64, decimals int, lang Language) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "∞"
	case math.IsInf(x, -1):
		return "-∞"
	}
	if decimals < 0 {
		decimals = 0
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	if neg && strings.Trim(intPart+frac, "0") == "" {
		neg = false
	}
	sep, dec := NarrowNBSP, ","
	if lang == English {
		sep, dec = ",", "."
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// Integer formats n with thousands separators in the current language.
func Integer(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := NarrowNBSP
	if Lang == English {
		sep = ","
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Percent formats a share (0.125 is 12.5 %) with one decimal: French
// "12,5 %" (U+202F before %), English "12.5%".
func Percent(share float64) string { return PercentN(share, 1) }

// PercentN formats a share as a percentage with the given number of decimals.
func PercentN(share float64, decimals int) string {
	s := Number(share*100, decimals)
	if Lang == English {
		return s + "%"
	}
	return s + NarrowNBSP + "%"
}

var (
	monthsFR     = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	monthsFRAbbr = [...]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
	weekdaysFR   = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
)

// MonthName returns the full month name in the current language
// ("mai", "May"). French month names are lower case.
func MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return strconv.Itoa(int(m))
	}
	if Lang == English {
		return m.String()
	}
	return monthsFR[m-1]
}

// MonthAbbr returns the abbreviated month name ("janv.", "févr.", "mai",
// "juil." in French, following the Imprimerie nationale usage; "Jan", "May"
// in English).
func MonthAbbr(m time.Month) string {
	if m < time.January || m > time.December {
		return strconv.Itoa(int(m))
	}
	if Lang == English {
		return m.String()[:3]
	}
	return monthsFRAbbr[m-1]
}

// WeekdayName returns the weekday name ("lundi", "Monday").
func WeekdayName(d time.Weekday) string {
	if Lang == English {
		return d.String()
	}
	return weekdaysFR[d%7]
}

// Date formats the calendar date of t (in t's own location): French
// "2 mai 2019" and "1er mai 2019" for the first day of a month, English
// "2 May 2019".
func Date(t time.Time) string {
	y, m, d := t.Date()
	day := strconv.Itoa(d)
	if Lang == French && d == 1 {
		day = "1er"
	}
	return day + " " + MonthName(m) + " " + strconv.Itoa(y)
}

// MonthYear formats t as "mai 2019" / "May 2019".
func MonthYear(t time.Time) string {
	return MonthName(t.Month()) + " " + strconv.Itoa(t.Year())
}
