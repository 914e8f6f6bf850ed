package facebook

import (
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

func TestFastCount(t *testing.T) {
	good := map[string]int{
		"0": 0, "7": 7, "1040": 1040, "1,040": 1040, "1.040": 1040, "1 040": 1040, "1\u00a0040": 1040,
		"3\u202f977": 3977, "1,234,567": 1234567, "1'234": 1234, "123456789": 123456789, "1234,567": 1234567, "1 04": 104, " 1, 040 ": 1040,
	}
	for in, want := range good {
		if got, ok := fastCount(in); !ok || got != want {
			t.Errorf("fastCount(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "1,5", "12,34", "1..000", ",100", "100,", "1,0000", "54,7 k", "+288", "1.2M", "-3"} {
		if n, ok := fastCount(in); ok {
			t.Errorf("fastCount(%q) = %d, want it left to rawio.ParseCount", in, n)
		}
	}
}

// FuzzFastCount checks that fastCount agrees with rawio.ParseCount
// wherever it answers.
func FuzzFastCount(f *testing.F) {
	for _, s := range []string{"1,040", "3\u202f977", "1 040", "12,34", "1234,567", "999999999999999999999", "0,000 000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := fastCount(s)
		if !ok {
			return
		}
		if want, err := rawio.ParseCount(s); err != nil || want != n {
			t.Errorf("fastCount(%q) = %d; rawio.ParseCount = %d, %v", s, n, want, err)
		}
	})
}

func TestParseISO(t *testing.T) {
	cases := []struct {
		in    string
		want  string
		zoned bool
	}{
		{"2016-08-31T19:02:51+0000", "2016-08-31T19:02:51Z", true},
		{"2016-08-31T21:02:51+02:00", "2016-08-31T19:02:51Z", true},
		{"2016-08-31T14:02:51-05", "2016-08-31T19:02:51Z", true},
		{"2016-08-31T19:02:51Z", "2016-08-31T19:02:51Z", true},
		{"2016-08-31T19:02:51.25Z", "2016-08-31T19:02:51.25Z", true},
		{"2016-08-31 19:02:51", "2016-08-31T19:02:51Z", false},
		{"2016-02-29 00:00:00", "2016-02-29T00:00:00Z", false},
	}
	for _, c := range cases {
		got, zoned, ok := parseISO(c.in)
		if want, _ := time.Parse(time.RFC3339Nano, c.want); !ok || zoned != c.zoned || !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("parseISO(%q) = %v, %v, %v; want %s, %v", c.in, got, zoned, ok, c.want, c.zoned)
		}
	}
	for _, in := range []string{"", "2016-08-31", "2015-02-29 00:00:00", "2016-13-01 00:00:00", "2016-08-31T24:00:00Z",
		"2016-08-31T19:02:51+2", "2016-08-31T19:02:51+02:0", "2016-08-31T19:02:51 CEST", "2016-08-31T19:02:51.Z", "31/08/2016 19:02:51"} {
		if got, _, ok := parseISO(in); ok {
			t.Errorf("parseISO(%q) = %v, want failure", in, got)
		}
	}
}

// FuzzParseISO checks parseISO against time.Parse on the layouts it
// stands for.
func FuzzParseISO(f *testing.F) {
	for _, s := range []string{"2016-08-31T19:02:51+0000", "2016-08-31T21:02:51+02:00", "2016-08-31 19:02:51", "2016-08-31T19:02:51.123Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, zoned, ok := parseISO(s)
		if !ok {
			return
		}
		norm := s
		if norm[10] == ' ' {
			norm = norm[:10] + "T" + norm[11:]
		}
		var want time.Time
		var err error
		switch {
		case !zoned:
			want, err = time.Parse("2006-01-02T15:04:05.999999999", norm)
		case strings.HasSuffix(norm, "Z") || norm[len(norm)-3] == ':':
			want, err = time.Parse(time.RFC3339Nano, norm)
		case norm[len(norm)-3] == '+' || norm[len(norm)-3] == '-':
			want, err = time.Parse("2006-01-02T15:04:05.999999999-07", norm)
		default:
			want, err = time.Parse("2006-01-02T15:04:05.999999999-0700", norm)
		}
		if err != nil || !want.Equal(got) {
			t.Errorf("parseISO(%q) = %v; time.Parse: %v, %v", s, got, want, err)
		}
	})
}

// civilDays and daysIn count days as time.Date does, on every day of
// the years 0 to 2500 and 9900 to 9999 (the years parseISO reads have
// four digits), leap years of every kind among them (1600, 2000: leap;
// 1700, 1900, 2100: not).
func TestCivilDays(t *testing.T) {
	for _, span := range [][2]int{{0, 2500}, {9900, 9999}} {
		for d := time.Date(span[0], 1, 1, 0, 0, 0, 0, time.UTC); d.Year() <= span[1]; d = d.AddDate(0, 0, 1) {
			// d is a midnight: its Unix time is a whole number of days.
			if got, want := civilDays(d.Year(), int(d.Month()), d.Day()), d.Unix()/86400; got != want {
				t.Fatalf("civilDays(%s) = %d, want %d", d.Format("2006-01-02"), got, want)
			}
			if d.Day() == 1 {
				if got, want := daysIn(d.Month(), d.Year()), d.AddDate(0, 1, -1).Day(); got != want {
					t.Fatalf("daysIn(%s) = %d, want %d", d.Format("2006-01"), got, want)
				}
			}
		}
	}
	// Hand-counted: 1970-01-01 is day 0, 2000-03-01 day 11,017 (30 years
	// of 365 days, 7 leap days, 31 + 29 days of 2000), 0000-01-01 day
	// -719,528.
	for _, c := range []struct {
		y, m, d int
		want    int64
	}{{1970, 1, 1, 0}, {1969, 12, 31, -1}, {2000, 3, 1, 30*365 + 7 + 31 + 29}, {0, 1, 1, -719528}} {
		if got := civilDays(c.y, c.m, c.d); got != c.want {
			t.Errorf("civilDays(%d, %d, %d) = %d, want %d", c.y, c.m, c.d, got, c.want)
		}
	}
}

// parseISO returns the very time.Time that time.Date and Add gave (the
// same wall, ext and location fields, so == holds, not only Equal).
func TestParseISOSameValue(t *testing.T) {
	for _, c := range []struct {
		in                                  string
		y, mo, d, h, mi, s, nsec, offsetSec int
	}{
		{"2016-08-31T19:02:51+0000", 2016, 8, 31, 19, 2, 51, 0, 0},
		{"2016-08-31T21:02:51.5+02:00", 2016, 8, 31, 21, 2, 51, 500000000, 7200},
		{"0000-01-01T00:30:00+01", 0, 1, 1, 0, 30, 0, 0, 3600},
		{"9999-12-31T23:59:59.999999999-0930", 9999, 12, 31, 23, 59, 59, 999999999, -34200},
		{"1600-02-29 12:00:00", 1600, 2, 29, 12, 0, 0, 0, 0},
	} {
		want := time.Date(c.y, time.Month(c.mo), c.d, c.h, c.mi, c.s, c.nsec, time.UTC).Add(-time.Duration(c.offsetSec) * time.Second)
		if got, _, ok := parseISO(c.in); !ok || got != want {
			t.Errorf("parseISO(%q) = %#v, %v; want %#v", c.in, got, ok, want)
		}
	}
}
