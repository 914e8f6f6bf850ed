package facebook

import (
	"time"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// The readers spend much of their time on counts and times; these parsers
// handle the common forms without allocating and leave the rest to
// rawio.ParseCount and time.Parse.

// spaceWidth returns the length of the space-like character at s[i:] that
// rawio.ParseCount ignores (space, no-break space, narrow no-break space,
// apostrophe), or 0.
func spaceWidth(s string, i int) int {
	switch s[i] {
	case ' ', '\'':
		return 1
	case 0xc2: // U+00A0 no-break space
		if i+1 < len(s) && s[i+1] == 0xa0 {
			return 2
		}
	case 0xe2: // U+202F narrow no-break space
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0xaf {
			return 3
		}
	}
	return 0
}

// fastCount reads a count of digits, with spaces and with "," or "."
// before groups of three digits ("1,040", "3 977"), exactly as
// rawio.ParseCount reads it. ok is false for any other form, which
// rawio.ParseCount then reads or rejects.
func fastCount(s string) (n int, ok bool) {
	group, groups := 0, 0
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			n = n*10 + int(c-'0')
			group++
			i++
			if n > 1e15 {
				return 0, false
			}
		case c == ',' || c == '.':
			if group == 0 || (groups > 0 && group != 3) {
				return 0, false
			}
			groups++
			group = 0
			i++
		default:
			w := spaceWidth(s, i)
			if w == 0 {
				return 0, false
			}
			i += w
		}
	}
	if group == 0 || (groups > 0 && group != 3) {
		return 0, false
	}
	return n, true
}

// parseCount reads a count with fastCount or else rawio.ParseCount.
func parseCount(s string) (int, error) {
	if n, ok := fastCount(s); ok {
		return n, nil
	}
	return rawio.ParseCount(s)
}

// num reads the n digits at s[i:].
func num(s string, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for _, c := range []byte(s[i : i+n]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// parseISO reads "2006-01-02T15:04:05" or "2006-01-02 15:04:05", with an
// optional fraction of second and an optional zone "Z", "+07", "+0700" or
// "+07:00". It returns the time in UTC and whether a zone was given; ok is
// false for any other form, or an impossible date.
func parseISO(s string) (t time.Time, zoned, ok bool) {
	if len(s) < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false, false
	}
	year, ok1 := num(s, 0, 4)
	month, ok2 := num(s, 5, 2)
	day, ok3 := num(s, 8, 2)
	hour, ok4 := num(s, 11, 2)
	minute, ok5 := num(s, 14, 2)
	sec, ok6 := num(s, 17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || month < 1 || month > 12 || day < 1 ||
		day > daysIn(time.Month(month), year) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false, false
	}
	rest := s[19:]
	nsec := 0
	if len(rest) > 0 && rest[0] == '.' {
		i := 1
		for scale := 100000000; i < len(rest) && '0' <= rest[i] && rest[i] <= '9'; i++ {
			nsec += int(rest[i]-'0') * scale
			scale /= 10
		}
		if i == 1 {
			return time.Time{}, false, false
		}
		rest = rest[i:]
	}
	offset := 0
	switch {
	case rest == "":
	case rest == "Z":
		zoned = true
	case rest[0] == '+' || rest[0] == '-':
		var h, m int
		var okh, okm bool
		switch len(rest) {
		case 3:
			h, okh = num(rest, 1, 2)
			okm = true
		case 5:
			h, okh = num(rest, 1, 2)
			m, okm = num(rest, 3, 2)
		case 6:
			h, okh = num(rest, 1, 2)
			m, okm = num(rest, 4, 2)
			okm = okm && rest[3] == ':'
		}
		if !okh || !okm || h > 23 || m > 59 {
			return time.Time{}, false, false
		}
		offset = h*3600 + m*60
		if rest[0] == '-' {
			offset = -offset
		}
		zoned = true
	default:
		return time.Time{}, false, false
	}
	// time.Date(year, month, day, hour, minute, sec, nsec, time.UTC),
	// minus the offset, without time.Date's normalisation.
	unix := civilDays(year, month, day)*86400 + int64(hour*3600+minute*60+sec-offset)
	return time.Unix(unix, int64(nsec)).UTC(), zoned, true
}

// daysIn returns the number of days of month m (1 to 12) of year, in the
// proleptic Gregorian calendar, as time.Date counts them.
func daysIn(m time.Month, year int) int {
	if m == time.February {
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return 30 + int((0b1010_1101_0101>>(m-1))&1) // 31 in January, March, May, July, August, October, December
}

// civilDays returns the number of days from 1970-01-01 to the given date
// of the proleptic Gregorian calendar (negative before), for months 1 to
// 12 and years from 0: years are counted from March, so that the leap
// day ends them, in eras of 400 years (146,097 days).
func civilDays(year, month, day int) int64 {
	y := year
	if month <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400                     // year of the era, 0 to 399
	mp := (month + 9) % 12                 // month from March, 0 to 11
	doy := (153*mp+2)/5 + day - 1          // day of the year from March 1st
	doe := yoe*365 + yoe/4 - yoe/100 + doy // day of the era
	return int64(era)*146097 + int64(doe) - 719468
}
