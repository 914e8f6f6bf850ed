package stats

import (
	"math"
	"sort"
)

// Step is one distinct time of a Kaplan-Meier estimate.
type Step struct {
	Time     float64
	AtRisk   int     // observations with time >= Time
	Events   int     // events at Time
	Censored int     // censored at Time (still at risk at Time)
	Survival float64 // S(Time), just after Time
	// SE is Greenwood's standard error of S(Time): S·sqrt(Σ d/(n(n−d))).
	SE float64
	// Lo and Hi are the pointwise log-log interval of S(Time) at the KM's
	// Level; NaN where S is 1 or 0.
	Lo, Hi float64
}

// KM is a Kaplan-Meier estimate with its pointwise band and median.
type KM struct {
	Steps []Step
	// Median is the smallest time with S <= 0.5 (NaN if none), with the
	// Brookmeyer-Crowley interval from the log-log band.
	Median Estimate
	Level  float64
	N      int    // observations
	Unit   string // what an observation is, e.g. "threads"
}

// KaplanMeier estimates the survival function of observations (times[i],
// events[i]: true for an event, false for a censoring) as defined in the
// package documentation, with pointwise log-log intervals at lvl (0:
// DefaultLevel). unit names the observations (e.g. "threads") for the
// median's Estimate.
func KaplanMeier(times []float64, events []bool, lvl float64, unit string) KM {
	if len(times) != len(events) {
		panic("stats: KaplanMeier needs len(times) == len(events)")
	}
	lvl = level(lvl)
	z := zq(1 - (1-lvl)/2)
	order := make([]int, len(times))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return times[order[a]] < times[order[b]] })
	nan := math.NaN()
	km := KM{Level: lvl, N: len(times), Unit: unit, Median: Estimate{Value: nan, Lo: nan, Hi: nan, N: len(times), Unit: unit, Method: MethodBrookmeyerCrowley, Level: lvl}}
	s, gw := 1.0, 0.0
	n := len(order)
	for i := 0; i < n; {
		t := times[order[i]]
		st := Step{Time: t, AtRisk: n - i}
		j := i
		for ; j < n && times[order[j]] == t; j++ {
			if events[order[j]] {
				st.Events++
			} else {
				st.Censored++
			}
		}
		d, r := float64(st.Events), float64(st.AtRisk)
		s *= 1 - d/r
		if st.Events < st.AtRisk {
			gw += d / (r * (r - d))
		} else {
			gw = math.Inf(1)
		}
		st.Survival = s
		st.SE = s * math.Sqrt(gw)
		if s == 0 {
			st.SE = 0
		}
		st.Lo, st.Hi = nan, nan
		if s > 0 && s < 1 {
			sig := math.Sqrt(gw) / math.Abs(math.Log(s))
			st.Lo = math.Pow(s, math.Exp(z*sig))
			st.Hi = math.Pow(s, math.Exp(-z*sig))
		}
		m := &km.Median
		if math.IsNaN(m.Value) && s <= 0.5 {
			m.Value = t
		}
		if math.IsNaN(m.Lo) && (st.Lo <= 0.5 || s == 0) {
			m.Lo = t
		}
		if math.IsNaN(m.Hi) && (st.Hi <= 0.5 || s == 0) {
			m.Hi = t
		}
		km.Steps = append(km.Steps, st)
		i = j
	}
	return km
}

// At returns the step in force at time t: the last step with Time <= t,
// or, before the first step, a step with S = 1, the number of
// observations at risk, and NaN bounds.
func (km KM) At(t float64) Step {
	k := sort.Search(len(km.Steps), func(i int) bool { return km.Steps[i].Time > t })
	if k == 0 {
		st := Step{Time: t, Survival: 1, Lo: math.NaN(), Hi: math.NaN()}
		if len(km.Steps) > 0 {
			st.AtRisk = km.Steps[0].AtRisk
		}
		return st
	}
	return km.Steps[k-1]
}

// Survival returns S(t) with its pointwise log-log interval as an
// Estimate (Method MethodGreenwoodLogLog, N the observations): the step in
// force at t (At). Lo and Hi are NaN where S is 1 or 0.
func (km KM) Survival(t float64) Estimate {
	s := km.At(t)
	return Estimate{Value: s.Survival, Lo: s.Lo, Hi: s.Hi, N: km.N, Unit: km.Unit, Method: MethodGreenwoodLogLog, Level: km.Level}
}
