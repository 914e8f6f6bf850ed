package main

import (
	"math"
	"testing"
)

func TestParsePOSIX(t *testing.T) {
	cases := []struct {
		in     string
		std    string
		stdOff int
		dst    string
		dstOff int
	}{
		{"CET-1CEST,M3.5.0,M10.5.0/3", "CET", 3600, "CEST", 7200},
		{"EST5EDT,M3.2.0,M11.1.0", "EST", -18000, "EDT", -14400},
		{"<-03>3", "-03", -10800, "", 0},
		{"IST-5:30", "IST", 19800, "", 0},
		{"IST-1GMT0,M10.5.0,M3.5.0/1", "IST", 3600, "GMT", 0},
		{"NZST-12NZDT,M9.5.0,M4.1.0/3", "NZST", 43200, "NZDT", 46800},
	}
	for _, c := range cases {
		std, stdOff, dst, dstOff, err := parsePOSIX(c.in)
		if err != nil || std != c.std || stdOff != c.stdOff || dst != c.dst || dstOff != c.dstOff {
			t.Errorf("parsePOSIX(%q) = %q %d %q %d, %v", c.in, std, stdOff, dst, dstOff, err)
		}
	}
}

// moment-timezone's base 60: "36.s" is 3×60+6 minutes and 28 sixtieths
// (Sao Paulo's local mean time, UTC-03:06:28).
func TestBase60(t *testing.T) {
	cases := map[string]float64{"30": 180, "-10": -60, "36.s": 186 + 28.0/60, "1cc0": ((1*60+12)*60 + 12) * 60, "0": 0}
	for in, want := range cases {
		if got := base60(in); math.Abs(got-want) > 1e-9 {
			t.Errorf("base60(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestMerge(t *testing.T) {
	day := int64(24 * 3600)
	got := merge([]use{
		{abbr: "X", off: 1, from: 0, to: 10 * day, zone: "A"},
		{abbr: "X", off: 1, from: 300 * day, to: 310 * day, zone: "B"},
		{abbr: "X", off: 1, from: 800 * day, to: 810 * day, zone: "A"},
		{abbr: "X", off: 2, from: 0, to: 5 * day, zone: "C"},
	})
	if len(got) != 3 || got[0].to != 310*day || got[1].from != 800*day || got[2].off != 2 {
		t.Errorf("merge = %+v", got)
	}
}
