package stats

import (
	"math/rand/v2"
	"testing"
)

func benchData(n int) []float64 {
	rng := rand.New(rand.NewPCG(21, 1))
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(1 + rng.IntN(20))
	}
	return x
}

func meanOf(x []float64) func([]int) float64 {
	return func(idx []int) float64 {
		var s float64
		for _, i := range idx {
			s += x[i]
		}
		return s / float64(len(idx))
	}
}

// BenchmarkBootstrap: 1000 replicates on 2000 units, a mean per unit,
// for each method (BCa adds the grouped jackknife: 1000 evaluations).
func BenchmarkBootstrap(b *testing.B) {
	x := benchData(2000)
	for _, m := range []string{MethodPercentile, MethodBCa} {
		for _, w := range []int{1, 2} {
			b.Run(m+"/workers="+string(rune('0'+w)), func(b *testing.B) {
				for b.Loop() {
					Bootstrap(len(x), meanOf(x), Options{Reps: 1000, Method: m, Workers: w})
				}
			})
		}
	}
}

// BenchmarkRatioOfSums: 1000 replicates over 2000 clusters, BCa with the
// exact jackknife.
func BenchmarkRatioOfSums(b *testing.B) {
	num, den := benchData(2000), benchData(2000)
	for b.Loop() {
		RatioOfSums(num, den, Options{Reps: 1000})
	}
}

// BenchmarkGiniEstimate: 1000 replicates over 2000 authors (a sort per
// replicate).
func BenchmarkGiniEstimate(b *testing.B) {
	x := benchData(2000)
	for b.Loop() {
		GiniEstimate(x, Options{Reps: 1000})
	}
}

// BenchmarkDifference: 1000 replicates and 1000 permutations, 1000 units
// in each group.
func BenchmarkDifference(b *testing.B) {
	x := benchData(2000)
	for b.Loop() {
		Difference(1000, 1000, meanOf(x), Options{Reps: 1000})
	}
}

// BenchmarkKaplanMeier: 2000 observations.
func BenchmarkKaplanMeier(b *testing.B) {
	rng := rand.New(rand.NewPCG(22, 1))
	t := make([]float64, 2000)
	e := make([]bool, 2000)
	for i := range t {
		t[i], e[i] = float64(rng.IntN(500)), rng.IntN(3) > 0
	}
	for b.Loop() {
		KaplanMeier(t, e, 0.95, "threads")
	}
}
