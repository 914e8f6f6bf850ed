package stats

import (
	"math"
	"testing"
)

// FuzzKaplanMeier checks the invariants of any estimate: times ascending
// and distinct, at-risk counts falling by the events and censorings of
// the step before, S non-increasing in [0, 1], Lo <= S <= Hi where
// defined, SE >= 0, and the median and its interval ordered.
func FuzzKaplanMeier(f *testing.F) {
	f.Add([]byte{6, 6, 6, 0x86, 7, 0x89, 10, 0x8a, 0x8b, 13})
	f.Add([]byte{1, 0x81, 1, 0x81})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		times := make([]float64, len(b))
		ev := make([]bool, len(b))
		for i, c := range b {
			times[i], ev[i] = float64(c&0x7f), c&0x80 == 0
		}
		km := KaplanMeier(times, ev, 0.95, "threads")
		prev := 1.0
		rest := len(b)
		for i, s := range km.Steps {
			if i > 0 && !(s.Time > km.Steps[i-1].Time) {
				t.Fatalf("times not ascending at %d: %+v", i, km.Steps)
			}
			if s.AtRisk != rest || s.Events+s.Censored == 0 {
				t.Fatalf("step %d at risk %d, want %d: %+v", i, s.AtRisk, rest, s)
			}
			rest -= s.Events + s.Censored
			if s.Survival > prev || s.Survival < 0 || s.SE < 0 || math.IsNaN(s.SE) {
				t.Fatalf("step %d: %+v after S=%v", i, s, prev)
			}
			if !math.IsNaN(s.Lo) && !(s.Lo <= s.Survival && s.Survival <= s.Hi && s.Lo > 0 && s.Hi < 1) {
				t.Fatalf("step %d band: %+v", i, s)
			}
			prev = s.Survival
		}
		if rest != 0 {
			t.Fatalf("%d observations left over", rest)
		}
		m := km.Median
		if !math.IsNaN(m.Value) && (m.Lo > m.Value || (!math.IsNaN(m.Hi) && m.Hi < m.Value)) {
			t.Fatalf("median %+v", m)
		}
	})
}

// FuzzWilson: the interval holds p, stays in [0, 1], and is symmetric
// under k -> n - k.
func FuzzWilson(f *testing.F) {
	f.Add(uint16(81), uint16(263))
	f.Add(uint16(0), uint16(1))
	f.Fuzz(func(t *testing.T, k, n uint16) {
		if n == 0 {
			return
		}
		k %= n + 1
		e := Wilson(int(k), int(n), 0.95, "")
		m := Wilson(int(n-k), int(n), 0.95, "")
		if !(0 <= e.Lo && e.Lo <= e.Value && e.Value <= e.Hi && e.Hi <= 1) {
			t.Fatalf("%d/%d: %+v", k, n, e)
		}
		if math.Abs(e.Lo-(1-m.Hi)) > 1e-12 || math.Abs(e.Hi-(1-m.Lo)) > 1e-12 {
			t.Fatalf("%d/%d not symmetric: %+v vs %+v", k, n, e, m)
		}
	})
}
