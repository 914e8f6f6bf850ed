package stats_test

import (
	"fmt"
	"slices"

	"github.com/faire-communaute/compendium/analysis/stats"
)

func show(e stats.Estimate) {
	fmt.Printf("%.3f [%.3f, %.3f] n=%d %s, %s %.0f%%\n", e.Value, e.Lo, e.Hi, e.N, e.Unit, e.Method, 100*e.Level)
}

// A reply rate: 81 of 263 threads answered, threads being independent
// units (Newcombe 1998's example).
func ExampleWilson() {
	show(stats.Wilson(81, 263, 0.95, "threads"))
	// Output:
	// 0.308 [0.255, 0.366] n=263 threads, wilson 95%
}

// Retention at one month pooled over cohorts, resampled by cohort: each
// cohort carries its newcomers (den) and those back a month later (num).
func ExampleRatioOfSums() {
	active := []float64{3, 5, 1, 4, 0, 6, 2, 2}
	size := []float64{10, 12, 6, 9, 4, 15, 7, 8}
	show(stats.RatioOfSums(active, size, stats.Options{Unit: "cohorts"}))
	// Output:
	// 0.324 [0.235, 0.385] n=8 cohorts, bca-bootstrap 95%
}

// Any statistic, resampling the units the caller chooses: here the
// median of first-reply delays (minutes) over answered threads, with a
// percentile interval and 1000 replicates.
func ExampleBootstrap() {
	delays := []float64{3, 12, 45, 7, 180, 22, 9, 61, 15, 4, 33, 240, 18, 5, 27}
	median := func(idx []int) float64 {
		x := make([]float64, len(idx))
		for k, i := range idx {
			x[k] = delays[i]
		}
		slices.Sort(x)
		if len(x)%2 == 1 {
			return x[len(x)/2]
		}
		return (x[len(x)/2-1] + x[len(x)/2]) / 2
	}
	show(stats.Bootstrap(len(delays), median, stats.Options{Reps: 1000, Method: stats.MethodPercentile, Unit: "threads"}))
	// Output:
	// 18.000 [9.000, 33.000] n=15 threads, percentile-bootstrap 95%
}

// The corrected Gini of messages per author, with its interval over
// authors.
func ExampleGiniEstimate() {
	perAuthor := []float64{1, 1, 1, 1, 2, 2, 3, 1, 1, 8, 1, 2, 1, 14, 1, 1, 4, 1, 2, 1}
	fmt.Printf("plain %.3f, corrected %.3f\n", stats.Gini(perAuthor), stats.GiniCorrected(perAuthor))
	show(stats.GiniEstimate(perAuthor, stats.Options{}))
	// Output:
	// plain 0.479, corrected 0.504
	// 0.504 [0.327, 0.603] n=20 authors, bca-bootstrap 95%
}

// Time to first reply (hours); unanswered threads are censored at the end
// of the export. At 3 and 8 hours a reply and a censoring tie: the
// censored thread is still at risk. The band's upper limit never reaches
// 0.5 within the follow-up, so the median's upper limit is NaN.
func ExampleKaplanMeier() {
	hours := []float64{1, 1, 2, 3, 3, 5, 8, 8, 12, 24, 30, 48}
	answered := []bool{true, true, true, false, true, true, true, false, true, false, true, false}
	km := stats.KaplanMeier(hours, answered, 0.95, "threads")
	for _, s := range km.Steps {
		fmt.Printf("t=%2.0f at risk %2d events %d censored %d S=%.3f SE=%.3f [%.3f, %.3f]\n",
			s.Time, s.AtRisk, s.Events, s.Censored, s.Survival, s.SE, s.Lo, s.Hi)
	}
	show(km.Median)
	// Output:
	// t= 1 at risk 12 events 2 censored 0 S=0.833 SE=0.108 [0.482, 0.956]
	// t= 2 at risk 10 events 1 censored 0 S=0.750 SE=0.125 [0.408, 0.912]
	// t= 3 at risk  9 events 1 censored 1 S=0.667 SE=0.136 [0.337, 0.860]
	// t= 5 at risk  7 events 1 censored 0 S=0.571 SE=0.146 [0.254, 0.796]
	// t= 8 at risk  6 events 1 censored 1 S=0.476 SE=0.150 [0.182, 0.724]
	// t=12 at risk  4 events 1 censored 0 S=0.357 SE=0.152 [0.098, 0.633]
	// t=24 at risk  3 events 0 censored 1 S=0.357 SE=0.152 [0.098, 0.633]
	// t=30 at risk  2 events 1 censored 0 S=0.179 SE=0.147 [0.012, 0.510]
	// t=48 at risk  1 events 0 censored 1 S=0.179 SE=0.147 [0.012, 0.510]
	// 8.000 [1.000, NaN] n=12 threads, brookmeyer-crowley-loglog 95%
}

// Aides minus GPs on the share of a thread's replies that agree, over
// threads: units 0-5 are the aides' threads, 6-11 the GPs'.
func ExampleDifference() {
	agree := []float64{3, 4, 2, 5, 4, 3 /* GPs: */, 1, 2, 0, 2, 1, 3}
	replies := []float64{4, 5, 4, 6, 5, 4 /* GPs: */, 4, 5, 3, 4, 4, 5}
	share := func(idx []int) float64 {
		var a, r float64
		for _, i := range idx {
			a += agree[i]
			r += replies[i]
		}
		return a / r
	}
	c := stats.Difference(6, 6, share, stats.Options{Unit: "threads"})
	fmt.Printf("aides %.3f, GPs %.3f\n", c.A, c.B)
	show(c.Estimate)
	fmt.Printf("p = %.4f over %d splits (exact %v), claimed %v\n", c.P, c.Perms, c.Exact, c.Claimed())
	// Output:
	// aides 0.750, GPs 0.360
	// 0.390 [0.220, 0.559] n=12 threads, bca-bootstrap 95%
	// p = 0.0065 over 924 splits (exact true), claimed true
}

// The Lorenz curve of messages per author at the shares of authors 0.5,
// 0.8 and 0.9, with its pointwise band over authors: the poorer half of
// the authors write about a fifth of the messages (10 of 49).
func ExampleLorenzBand() {
	perAuthor := []float64{1, 1, 1, 1, 2, 2, 3, 1, 1, 8, 1, 2, 1, 14, 1, 1, 4, 1, 2, 1}
	b := stats.LorenzBand(perAuthor, []float64{0.5, 0.8, 0.9}, stats.Options{})
	for j, p := range []float64{0.5, 0.8, 0.9} {
		fmt.Printf("L(%.1f) = %.3f [%.3f, %.3f]\n", p, b.Value[j], b.Lo[j], b.Hi[j])
	}
	fmt.Println(b.N, b.Unit, b.Method)
	// Output:
	// L(0.5) = 0.204 [0.131, 0.370]
	// L(0.8) = 0.408 [0.309, 0.667]
	// L(0.9) = 0.551 [0.472, 0.806]
	// 20 authors percentile-bootstrap
}
