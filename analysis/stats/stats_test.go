package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/stat"
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.IsNaN(want) {
		if !math.IsNaN(got) {
			t.Errorf("%s = %.10g, want NaN", what, got)
		}
		return
	}
	if !(math.Abs(got-want) <= tol) {
		t.Errorf("%s = %.10g, want %.10g (±%g)", what, got, want, tol)
	}
}

// TestWilsonNewcombe checks the five worked examples of Newcombe (1998),
// "Two-sided confidence intervals for the single proportion", Statistics
// in Medicine 17:857-872, Table II, method 3 (score interval without
// continuity correction), to the 4 decimals published; the 10-decimal
// values were recomputed with Python's statistics.NormalDist.
func TestWilsonNewcombe(t *testing.T) {
	for _, c := range []struct {
		k, n           int
		lo, hi         float64 // Newcombe, 4 decimals
		loExact, hiExa float64
	}{
		{81, 263, 0.2553, 0.3662, 0.2552885199, 0.3662095770},
		{15, 148, 0.0624, 0.1605, 0.0623863995, 0.1604872417},
		{0, 20, 0, 0.1611, 0, 0.1611251581},
		{1, 29, 0.0061, 0.1718, 0.0061132143, 0.1717552188},
		{29, 29, 0.8830, 1, 0.8830302015, 1},
	} {
		e := Wilson(c.k, c.n, 0.95, "threads")
		near(t, "lo", e.Lo, c.lo, 0.00005)
		near(t, "hi", e.Hi, c.hi, 0.00005)
		near(t, "lo exact", e.Lo, c.loExact, 1e-9)
		near(t, "hi exact", e.Hi, c.hiExa, 1e-9)
		near(t, "value", e.Value, float64(c.k)/float64(c.n), 0)
		if e.N != c.n || e.Unit != "threads" || e.Method != MethodWilson || e.Level != 0.95 {
			t.Errorf("%d/%d: metadata %+v", c.k, c.n, e)
		}
	}
	e := Wilson(0, 0, 0, "threads")
	if !math.IsNaN(e.Value) || e.Estimable() || e.Level != DefaultLevel {
		t.Errorf("0/0 = %+v, want NaN value and interval at the default level", e)
	}
}

// TestKaplanMeierFreireich checks the 6-MP arm of Freireich et al. (1963),
// the remission times in weeks of Klein & Moeschberger (2003, Table 4.1A)
// and Collett: survival and Greenwood standard errors as published
// (0.857/0.076, 0.807/0.087, 0.753/0.096, 0.690/0.107, 0.627/0.114,
// 0.538/0.128, 0.448/0.135), log-log 95 % bands as R's survfit(conf.type
// = "log-log") prints them (0.620-0.952 ... 0.188-0.680), and all values
// to 1e-9 against an independent Python computation. The data tie an
// event and a censoring at 6 and at 10: the censored thread is at risk at
// its time.
func TestKaplanMeierFreireich(t *testing.T) {
	times := []float64{6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35}
	ev := []bool{true, true, true, false, true, false, true, false, false, true, true, false, false, false, true, true, false, false, false, false, false}
	// Shuffle the input: the estimate must not depend on its order.
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(times), func(i, j int) { times[i], times[j] = times[j], times[i]; ev[i], ev[j] = ev[j], ev[i] })
	km := KaplanMeier(times, ev, 0.95, "patients")
	want := []struct {
		t                 float64
		r, d, c           int
		s, se, lo, hi     float64
		s3, se3, lo3, hi3 float64 // published, 3 decimals
	}{
		{6, 21, 3, 1, 0.8571428571, 0.0763603548, 0.6197179553, 0.9515517476, 0.857, 0.076, 0.620, 0.952},
		{7, 17, 1, 0, 0.8067226891, 0.0869352852, 0.5631465646, 0.9228090192, 0.807, 0.087, 0.563, 0.923},
		{9, 16, 0, 1, 0.8067226891, 0.0869352852, 0.5631465646, 0.9228090192, 0.807, 0.087, 0.563, 0.923},
		{10, 15, 1, 1, 0.7529411765, 0.0963496530, 0.5031995108, 0.8893618352, 0.753, 0.096, 0.503, 0.889},
		{11, 13, 0, 1, 0.7529411765, 0.0963496530, 0.5031995108, 0.8893618352, 0.753, 0.096, 0.503, 0.889},
		{13, 12, 1, 0, 0.6901960784, 0.1068147078, 0.4316102225, 0.8490659633, 0.690, 0.107, 0.432, 0.849},
		{16, 11, 1, 0, 0.6274509804, 0.1140538653, 0.3675108560, 0.8049121895, 0.627, 0.114, 0.368, 0.805},
		{17, 10, 0, 1, 0.6274509804, 0.1140538653, 0.3675108560, 0.8049121895, 0.627, 0.114, 0.368, 0.805},
		{19, 9, 0, 1, 0.6274509804, 0.1140538653, 0.3675108560, 0.8049121895, 0.627, 0.114, 0.368, 0.805},
		{20, 8, 0, 1, 0.6274509804, 0.1140538653, 0.3675108560, 0.8049121895, 0.627, 0.114, 0.368, 0.805},
		{22, 7, 1, 0, 0.5378151261, 0.1282337517, 0.2677789368, 0.7467907176, 0.538, 0.128, 0.268, 0.747},
		{23, 6, 1, 0, 0.4481792717, 0.1345914568, 0.1880520060, 0.6801426285, 0.448, 0.135, 0.188, 0.680},
		{25, 5, 0, 1, 0.4481792717, 0.1345914568, 0.1880520060, 0.6801426285, 0.448, 0.135, 0.188, 0.680},
		{32, 4, 0, 2, 0.4481792717, 0.1345914568, 0.1880520060, 0.6801426285, 0.448, 0.135, 0.188, 0.680},
		{34, 2, 0, 1, 0.4481792717, 0.1345914568, 0.1880520060, 0.6801426285, 0.448, 0.135, 0.188, 0.680},
		{35, 1, 0, 1, 0.4481792717, 0.1345914568, 0.1880520060, 0.6801426285, 0.448, 0.135, 0.188, 0.680},
	}
	if len(km.Steps) != len(want) {
		t.Fatalf("%d steps, want %d", len(km.Steps), len(want))
	}
	for i, w := range want {
		s := km.Steps[i]
		if s.Time != w.t || s.AtRisk != w.r || s.Events != w.d || s.Censored != w.c {
			t.Errorf("step %d = %+v, want t=%v n=%d d=%d c=%d", i, s, w.t, w.r, w.d, w.c)
		}
		near(t, "S", s.Survival, w.s, 1e-9)
		near(t, "SE", s.SE, w.se, 1e-9)
		near(t, "lo", s.Lo, w.lo, 1e-9)
		near(t, "hi", s.Hi, w.hi, 1e-9)
		near(t, "S published", s.Survival, w.s3, 0.0005)
		near(t, "SE published", s.SE, w.se3, 0.0005)
		near(t, "lo published", s.Lo, w.lo3, 0.0005)
		near(t, "hi published", s.Hi, w.hi3, 0.0005)
	}
	// R: median 23, 0.95LCL 13, 0.95UCL NA.
	m := km.Median
	if m.Value != 23 || m.Lo != 13 || !math.IsNaN(m.Hi) || m.N != 21 || m.Unit != "patients" || m.Method != MethodBrookmeyerCrowley {
		t.Errorf("median = %+v, want 23 [13, NaN] over 21 patients", m)
	}
	if s := km.At(15); s.Time != 13 || s.Survival != km.Steps[5].Survival {
		t.Errorf("At(15) = %+v, want the step at 13", s)
	}
	if e := km.Survival(13.5); e.Value != km.Steps[5].Survival || e.Lo != km.Steps[5].Lo || e.Hi != km.Steps[5].Hi ||
		e.N != 21 || e.Unit != "patients" || e.Method != MethodGreenwoodLogLog || e.Level != 0.95 {
		t.Errorf("Survival(13.5) = %+v", e)
	}
	if s := km.At(1); s.Survival != 1 || s.AtRisk != 21 || !math.IsNaN(s.Lo) {
		t.Errorf("At(1) = %+v, want S=1, 21 at risk, NaN band", s)
	}
}

// TestKaplanMeierEnds checks the edges: no observation; everyone has an
// event (S reaches 0: bands NaN, SE 0, median bounds at that time); only
// censorings (S stays 1, bands NaN, no median).
func TestKaplanMeierEnds(t *testing.T) {
	km := KaplanMeier(nil, nil, 0, "threads")
	if len(km.Steps) != 0 || !math.IsNaN(km.Median.Value) || km.Level != DefaultLevel {
		t.Errorf("empty = %+v", km)
	}
	km = KaplanMeier([]float64{1, 2}, []bool{true, true}, 0.95, "threads")
	s := km.Steps[1]
	if s.Survival != 0 || s.SE != 0 || !math.IsNaN(s.Lo) || !math.IsNaN(s.Hi) {
		t.Errorf("all events, last step %+v", s)
	}
	// S(1) = 0.5: Greenwood term 1/(2·1); log-log σ = sqrt(0.5)/log 2.
	sig := math.Sqrt(0.5) / math.Ln2
	z := 1.959963984540054
	near(t, "lo at 1", km.Steps[0].Lo, math.Pow(0.5, math.Exp(z*sig)), 1e-12)
	if m := km.Median; m.Value != 1 || m.Lo != 1 || m.Hi != 2 {
		t.Errorf("median = %+v, want 1 [1, 2]", m)
	}
	km = KaplanMeier([]float64{3, 1}, []bool{false, false}, 0.95, "threads")
	for _, s := range km.Steps {
		if s.Survival != 1 || s.SE != 0 || !math.IsNaN(s.Lo) {
			t.Errorf("censored only: %+v", s)
		}
	}
	if !math.IsNaN(km.Median.Value) || !math.IsNaN(km.Median.Lo) {
		t.Errorf("censored only median = %+v", km.Median)
	}
}

// TestGini checks hand-computed vectors: [4 2 1 1] has Σ|xi−xj| = 20 over
// 2·16·2 = 64, G = 0.3125 (participation's example), G* = 4/3·G; one unit
// holding everything has G = 1 − 1/n and G* = 1; equal values give 0.
func TestGini(t *testing.T) {
	for _, c := range []struct {
		x     []float64
		g, gc float64
	}{
		{[]float64{4, 2, 1, 1}, 0.3125, 0.3125 * 4 / 3},
		{[]float64{0, 0, 0, 1}, 0.75, 1},
		{[]float64{1, 2, 3, 4, 5}, 4.0 / 15, 1.0 / 3},
		{[]float64{10, 0, 3, 7, 7, 1}, 12.0 / 28, 12.0 / 28 * 6 / 5},
		{[]float64{3, 3, 3}, 0, 0},
		{[]float64{5}, 0, math.NaN()},
		{nil, math.NaN(), math.NaN()},
		{[]float64{0, 0}, math.NaN(), math.NaN()},
	} {
		near(t, "G", Gini(c.x), c.g, 1e-12)
		near(t, "G*", GiniCorrected(c.x), c.gc, 1e-12)
	}
	near(t, "G of counts", Gini(Floats([]int{4, 2, 1, 1})), 0.3125, 0)
	x := []float64{4, 1, 2}
	Gini(x)
	if !slices.Equal(x, []float64{4, 1, 2}) {
		t.Errorf("Gini modified its input: %v", x)
	}
	e := GiniEstimate([]float64{4, 2, 1, 1, 9, 1, 1, 3, 1, 2, 1, 1}, Options{Reps: 500})
	if e.Unit != "authors" || e.N != 12 || e.Method != MethodBCa || !(e.Lo < e.Value && e.Value < e.Hi) {
		t.Errorf("GiniEstimate = %+v", e)
	}
	near(t, "GiniEstimate value", e.Value, GiniCorrected([]float64{4, 2, 1, 1, 9, 1, 1, 3, 1, 2, 1, 1}), 1e-12)
	if e := GiniEstimate([]float64{2, 2, 2, 2}, Options{Reps: 100}); e.Value != 0 || e.Estimable() {
		t.Errorf("equal authors: %+v, want 0 with NaN interval", e)
	}
}

// TestBCaPieces checks z₀ and a by hand. z₀: 2 replicates below and 1
// equal among 8 give Φ⁻¹(2.5/8) = −0.4887764111. a for the mean of
// [1 2 4]: jackknife means 3, 2.5, 1.5 (mean 7/3), deviations −2/3,
// −1/6, 5/6, Σd³ = 0.2777…, Σd² = 1.1666…, a = 0.0367388928. Then the BCa
// levels and interval on a known set of replicates.
func TestBCaPieces(t *testing.T) {
	near(t, "z0", BiasCorrection(3, []float64{1, 2, 3, 4, 5, 6, 7, 8, math.NaN()}), -0.4887764111146694, 1e-12)
	if z := BiasCorrection(0, []float64{1, 2}); !math.IsInf(z, -1) {
		t.Errorf("all above: z0 = %v, want -Inf", z)
	}
	mean := func(x []float64) func([]int) float64 {
		return func(idx []int) float64 {
			var s float64
			for _, i := range idx {
				s += x[i]
			}
			return s / float64(len(idx))
		}
	}
	jack := Jackknife(3, mean([]float64{1, 2, 4}), 1)
	if !slices.Equal(jack, []float64{3, 2.5, 1.5}) {
		t.Fatalf("jackknife = %v", jack)
	}
	near(t, "a", Acceleration(jack), 0.03673889284811721, 1e-12)
	near(t, "a equal", Acceleration([]float64{2, 2}), 0, 0)

	// Replicates 1..100, theta = 40.5: 40 below, none equal, z0 =
	// Φ⁻¹(0.4) = −0.2533471031; with a = 0.05, α1 = Φ(z0 + (z0 − 1.96)/(1
	// − 0.05(z0 − 1.96))) = Φ(−2.361) ≈ 0.00911 → Q = x_(⌈0.911⌉) = 1;
	// α2 = Φ(z0 + (z0 + 1.96)/(1 − 0.05(z0 + 1.96))) = Φ(1.5413) ≈ 0.9384
	// → x_(94) = 94.
	reps := make([]float64, 100)
	for i := range reps {
		reps[i] = float64(100 - i)
	}
	j := []float64{0, 0, 0, 1} // any jackknife with a known a
	a := Acceleration(j)
	z0 := zq(0.4)
	z := zq(0.975)
	a1 := phi(z0 + (z0-z)/(1-a*(z0-z)))
	a2 := phi(z0 + (z0+z)/(1-a*(z0+z)))
	lo, hi := interval(40.5, reps, func() []float64 { return j }, Options{Level: 0.95, Method: MethodBCa})
	if lo != math.Ceil(a1*100) || hi != math.Ceil(a2*100) {
		t.Errorf("BCa = [%v, %v], want [%v, %v] (a = %v, α = %v, %v)", lo, hi, math.Ceil(a1*100), math.Ceil(a2*100), a, a1, a2)
	}
	// a for [0 0 0 1]: mean 1/4, d = 1/4,1/4,1/4,−3/4: Σd³ = 3/64 − 27/64
	// = −3/8, Σd² = 3/16 + 9/16 = 3/4, a = −0.375/(6·0.6495) = −0.0962250.
	near(t, "a [0 0 0 1]", a, -0.375/(6*math.Pow(0.75, 1.5)), 1e-15)
	near(t, "a [0 0 0 1] decimals", a, -0.0962250449, 1e-9)
	lo, hi = interval(40.5, reps, nil, Options{Level: 0.95, Method: MethodPercentile})
	if lo != 3 || hi != 98 { // ⌈2.5⌉ = 3, ⌈97.5⌉ = 98
		t.Errorf("percentile = [%v, %v], want [3, 98]", lo, hi)
	}
}

func corr(x, y []float64) func([]int) float64 {
	return func(idx []int) float64 {
		a := make([]float64, len(idx))
		b := make([]float64, len(idx))
		for k, i := range idx {
			a[k], b[k] = x[i], y[i]
		}
		return stat.Correlation(a, b, nil)
	}
}

// TestLawSchool checks the law school data of Efron & Tibshirani (1993,
// Table 3.1): r = 0.776 on the 15 schools; the bootstrap standard error
// of r is about 0.13 (their chapter 6 reports 0.13 to 0.15 depending on
// B; 0.133 here with B = 2000); the BCa acceleration by jackknife is
// −0.0757 (Python on the same data); BCa stretches the interval
// downwards (a < 0: r's distribution is skewed to the left, r being
// bounded by 1): [0.317, 0.942] against the percentile [0.461, 0.962];
// and Bootstrap's bounds are exactly what its replicates, its jackknife
// and the BCa formula give.
func TestLawSchool(t *testing.T) {
	lsat := []float64{576, 635, 558, 578, 666, 580, 555, 661, 651, 605, 653, 575, 545, 572, 594}
	gpa := []float64{3.39, 3.30, 2.81, 3.03, 3.44, 3.07, 3.00, 3.43, 3.36, 3.13, 3.12, 2.74, 2.76, 2.88, 2.96}
	r := corr(lsat, gpa)
	o := Options{Reps: 2000, Unit: "schools"}
	e := Bootstrap(15, r, o)
	near(t, "r", e.Value, 0.776374491289407, 1e-12)
	reps := Replicates(15, r, o)
	if se := stat.StdDev(reps, nil); se < 0.11 || se > 0.15 {
		t.Errorf("bootstrap SE = %.4f, want about 0.13", se)
	}
	near(t, "a", Acceleration(Jackknife(15, r, 1)), -0.07567156493787883, 1e-9)
	p := Bootstrap(15, r, Options{Reps: 2000, Method: MethodPercentile})
	if !(e.Lo < p.Lo && e.Hi < p.Hi && e.Hi < 1 && e.Lo > 0.2 && e.Lo < e.Value && e.Value < e.Hi) {
		t.Errorf("BCa %+v, percentile %+v: want BCa shifted down and inside (0.2, 1)", e, p)
	}
	// The interval must equal what its parts give.
	s := slices.Clone(reps)
	lo, hi := interval(e.Value, s, func() []float64 { return Jackknife(15, r, 1) }, o.norm())
	if lo != e.Lo || hi != e.Hi || e.N != 15 || e.Unit != "schools" {
		t.Errorf("Bootstrap %+v, from its replicates [%v, %v]", e, lo, hi)
	}
}

// TestDeterminism: the same seed gives the same replicates whatever the
// number of workers; another seed gives others.
func TestDeterminism(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	x := make([]float64, 300)
	for i := range x {
		x[i] = rng.ExpFloat64()
	}
	m := func(idx []int) float64 {
		var s float64
		for _, i := range idx {
			s += x[i]
		}
		return s / float64(len(idx))
	}
	a := Replicates(len(x), m, Options{Reps: 333, Workers: 1})
	b := Replicates(len(x), m, Options{Reps: 333, Workers: 2})
	c := Replicates(len(x), m, Options{Reps: 333, Workers: 7, Seed: DefaultSeed})
	d := Replicates(len(x), m, Options{Reps: 333, Seed: 5})
	if !slices.Equal(a, b) || !slices.Equal(a, c) {
		t.Error("replicates depend on the number of workers")
	}
	if slices.Equal(a, d) {
		t.Error("replicates do not depend on the seed")
	}
	e1 := MeanPerUnit(x, Options{Workers: 1})
	e2 := MeanPerUnit(x, Options{Workers: 2})
	if e1 != e2 {
		t.Errorf("MeanPerUnit %+v vs %+v", e1, e2)
	}
	g1 := Difference(150, 150, m, Options{Workers: 1, Reps: 300})
	g2 := Difference(150, 150, m, Options{Workers: 2, Reps: 300})
	if g1 != g2 {
		t.Errorf("Difference %+v vs %+v", g1, g2)
	}
}

// TestRatioOfSums checks the value, the exact jackknife against the
// generic one, and the edges: a cluster sample's interval is wider than
// the one treating messages as independent when authors differ.
func TestRatioOfSums(t *testing.T) {
	num := []float64{3, 0, 1, 10, 0, 2}
	den := []float64{4, 1, 2, 10, 3, 2}
	e := RatioOfSums(num, den, Options{Reps: 400, Unit: "authors"})
	near(t, "ratio", e.Value, 16.0/22, 1e-15)
	if e.N != 6 || e.Unit != "authors" || !(e.Lo < e.Value && e.Value < e.Hi) {
		t.Errorf("RatioOfSums = %+v", e)
	}
	ratio := func(idx []int) float64 {
		var a, b float64
		for _, i := range idx {
			a += num[i]
			b += den[i]
		}
		return a / b
	}
	g := Bootstrap(6, ratio, Options{Reps: 400, Unit: "authors"})
	if g != e {
		t.Errorf("generic %+v, RatioOfSums %+v", g, e)
	}
	s := Share([]bool{true, false, true, true}, Options{Reps: 200})
	near(t, "share", s.Value, 0.75, 0)
	mu := MeanPerUnit([]float64{1, 2, 6}, Options{Reps: 200})
	near(t, "mean", mu.Value, 3, 0)
	if e := Share(nil, Options{}); !math.IsNaN(e.Value) || e.Estimable() || e.N != 0 {
		t.Errorf("no unit: %+v", e)
	}
	if e := Share([]bool{true}, Options{}); e.Value != 1 || e.Estimable() {
		t.Errorf("one unit: %+v", e)
	}
	if e := Share([]bool{true, true, true}, Options{}); e.Value != 1 || e.Estimable() {
		t.Errorf("all alike: %+v, want NaN interval", e)
	}
}

// TestPermutationExact enumerates the C(6,3) = 20 splits of a tiny case
// by hand: a = [1 2 3], b = [4 5 6] differ by −3 in mean, reached only by
// the observed split and its mirror: p = 2/20. a = [1 2 4], b = [3 5 6]:
// d = −7/3, |d*| ≥ 7/3 in 4 splits: p = 0.2. With 4 against 3 units
// (35 splits) p = 2/35.
func TestPermutationExact(t *testing.T) {
	for _, c := range []struct {
		a, b []float64
		d, p float64
		k    int
	}{
		{[]float64{1, 2, 3}, []float64{4, 5, 6}, -3, 0.1, 20},
		{[]float64{1, 2, 4}, []float64{3, 5, 6}, -7.0 / 3, 0.2, 20},
		{[]float64{2.5, 3.1, 4.0, 5.2}, []float64{1.0, 1.9, 2.2}, 2, 2.0 / 35, 35},
	} {
		x := append(slices.Clone(c.a), c.b...)
		mean := func(idx []int) float64 {
			var s float64
			for _, i := range idx {
				s += x[i]
			}
			return s / float64(len(idx))
		}
		r := Difference(len(c.a), len(c.b), mean, Options{Reps: 100})
		near(t, "d", r.Value, c.d, 1e-12)
		if r.P != c.p || !r.Exact || r.Perms != c.k {
			t.Errorf("%v vs %v: p = %v over %d (exact %v), want %v over %d", c.a, c.b, r.P, r.Perms, r.Exact, c.p, c.k)
		}
		// Fewer permutations than splits: Monte Carlo, (1 + hits)/(1 + 19).
		m := Difference(len(c.a), len(c.b), mean, Options{Reps: 19})
		if m.Exact || m.Perms != 19 || m.P < 1.0/20 || m.P > 1 || math.Mod(m.P*20, 1) > 1e-9 {
			t.Errorf("Monte Carlo p = %v over %d", m.P, m.Perms)
		}
	}
}

// TestDifference: two groups from distributions whose means differ by 1
// give an interval around 1 that excludes 0 and a small p; two groups
// from one distribution are not claimed different.
func TestDifference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	x := make([]float64, 400)
	for i := range x {
		x[i] = rng.NormFloat64()
		if i < 200 {
			x[i]++
		}
	}
	mean := func(idx []int) float64 {
		var s float64
		for _, i := range idx {
			s += x[i]
		}
		return s / float64(len(idx))
	}
	c := Difference(200, 200, mean, Options{Reps: 1000, Unit: "authors"})
	if !c.Claimed() || c.Lo < 0.6 || c.Hi > 1.4 || c.P > 0.002 || c.Exact || c.N != 400 || c.NA != 200 {
		t.Errorf("shifted groups: %+v", c)
	}
	near(t, "a − b", c.Value, c.A-c.B, 0)
	same := Difference(100, 100, func(idx []int) float64 { return mean(shift(idx, 200)) }, Options{Reps: 1000})
	if same.Claimed() || same.P < 0.05 {
		t.Errorf("same distribution: %+v, not claimed expected", same)
	}
	if e := Difference(0, 3, mean, Options{}); !math.IsNaN(e.Value) || e.Claimed() || !math.IsNaN(e.P) {
		t.Errorf("empty group: %+v", e)
	}
	if e := Difference(200, 200, mean, Options{Reps: 100, Perms: -1}); !math.IsNaN(e.P) || e.Perms != 0 || !e.Claimed() {
		t.Errorf("no permutation test: %+v", e)
	}
	if e := Difference(200, 200, mean, Options{Reps: 100, Perms: 50}); e.Perms != 50 || e.P != 1.0/51 {
		t.Errorf("50 permutations: %+v, want p = 1/51", e)
	}
}

func shift(idx []int, by int) []int {
	out := make([]int, len(idx))
	for i, v := range idx {
		out[i] = v + by
	}
	return out
}

// TestJackknifeGroups: beyond JackknifeGroups units the jackknife leaves
// out the units i with i mod 1000 = g; for the mean of 0..2499, group g
// holds g, g+1000 and (g < 500) g+2000.
func TestJackknifeGroups(t *testing.T) {
	const n = 2500
	x := make([]float64, n)
	var total float64
	for i := range x {
		x[i] = float64(i)
		total += x[i]
	}
	jack := Jackknife(n, func(idx []int) float64 {
		var s float64
		for _, i := range idx {
			s += x[i]
		}
		return s / float64(len(idx))
	}, 2)
	if len(jack) != JackknifeGroups {
		t.Fatalf("%d jackknife values, want %d", len(jack), JackknifeGroups)
	}
	for _, g := range []int{0, 499, 500, 999} {
		out, k := float64(g+g+1000), 2.0
		if g < 500 {
			out += float64(g + 2000)
			k++
		}
		near(t, "group mean", jack[g], (total-out)/(n-k), 1e-9)
	}
}

// TestBootstrapNotEstimable: no unit, one unit, a NaN statistic, and
// units all alike give NaN bounds, with the value when it exists.
func TestBootstrapNotEstimable(t *testing.T) {
	m := func(x []float64) func([]int) float64 {
		return func(idx []int) float64 {
			var s float64
			for _, i := range idx {
				s += x[i]
			}
			return s / float64(len(idx))
		}
	}
	for _, c := range []struct {
		x     []float64
		value float64
	}{
		{nil, math.NaN()},
		{[]float64{3}, 3},
		{[]float64{1, math.NaN()}, math.NaN()},
		{[]float64{2, 2, 2}, 2},
	} {
		for _, method := range []string{MethodBCa, MethodPercentile} {
			e := Bootstrap(len(c.x), m(c.x), Options{Reps: 50, Method: method, Unit: "threads"})
			near(t, "value", e.Value, c.value, 0)
			if e.Estimable() || e.Excludes(0) || e.N != len(c.x) || e.Method != method || e.Unit != "threads" {
				t.Errorf("%v %s: %+v, want NaN bounds", c.x, method, e)
			}
		}
	}
}

// TestLorenz checks LorenzAt by hand on [4 2 1 1] (sorted 1 1 2 4, X = 8):
// L(0) = 0, L(0.25) = 1/8, L(0.5) = 2/8, L(0.625) = (2 + 0.5·2)/8, L(0.75)
// = 4/8, L(1) = 1; and that the band holds the curve, is NaN at the ends
// (every replicate gives 0 at p = 0 and 1 at p = 1), does not depend on
// the workers, and its points match a Bootstrap of the same point.
func TestLorenz(t *testing.T) {
	got := LorenzAt([]float64{4, 2, 1, 1}, []float64{0, 0.25, 0.5, 0.625, 0.75, 1})
	want := []float64{0, 0.125, 0.25, 0.375, 0.5, 1}
	for i := range want {
		near(t, "L", got[i], want[i], 1e-15)
	}
	if v := LorenzAt(nil, []float64{0.5}); !math.IsNaN(v[0]) {
		t.Errorf("empty Lorenz = %v", v)
	}
	x := []float64{1, 1, 1, 1, 2, 2, 3, 1, 1, 8, 1, 2, 1, 14, 1, 1, 4, 1, 2, 1}
	p := []float64{0, 0.5, 0.9, 1}
	b := LorenzBand(x, p, Options{Reps: 500, Workers: 1})
	b2 := LorenzBand(x, p, Options{Reps: 500, Workers: 2})
	if !slices.Equal(b.Lo[1:3], b2.Lo[1:3]) || !slices.Equal(b.Hi[1:3], b2.Hi[1:3]) {
		t.Errorf("band depends on the workers: %+v vs %+v", b, b2)
	}
	if b.Unit != "authors" || b.N != 20 || b.Method != MethodPercentile || b.Value[0] != 0 || b.Value[3] != 1 {
		t.Errorf("band metadata %+v", b)
	}
	for _, j := range []int{0, 3} {
		if !math.IsNaN(b.Lo[j]) || !math.IsNaN(b.Hi[j]) {
			t.Errorf("band at p = %v: [%v, %v], want NaN (all replicates equal)", p[j], b.Lo[j], b.Hi[j])
		}
	}
	for _, j := range []int{1, 2} {
		if !(b.Lo[j] < b.Value[j] && b.Value[j] < b.Hi[j]) {
			t.Errorf("band at p = %v: %v not in [%v, %v]", p[j], b.Value[j], b.Lo[j], b.Hi[j])
		}
		e := Bootstrap(len(x), func(idx []int) float64 {
			s := make([]float64, len(idx))
			for k, i := range idx {
				s[k] = x[i]
			}
			return LorenzAt(s, p[j:j+1])[0]
		}, Options{Reps: 500, Method: MethodPercentile})
		if e.Lo != b.Lo[j] || e.Hi != b.Hi[j] {
			t.Errorf("band at p = %v: [%v, %v], Bootstrap [%v, %v]", p[j], b.Lo[j], b.Hi[j], e.Lo, e.Hi)
		}
	}
}

// TestGiniEstimateWalk: the multiplicity walk of GiniEstimate gives G* of
// the resampled values, checked against GiniCorrected on explicit
// resamples with repeats, ties between units, and zeros.
func TestGiniEstimateWalk(t *testing.T) {
	x := []float64{5, 0, 2, 2, 9, 1, 2, 0, 3}
	g := giniStat(x)
	rng := rand.New(rand.NewPCG(9, 9))
	for range 500 {
		m := 1 + rng.IntN(15)
		idx := make([]int, m)
		vals := make([]float64, m)
		for j := range idx {
			idx[j] = rng.IntN(len(x))
			vals[j] = x[idx[j]]
		}
		near(t, "G* walk", g(idx), GiniCorrected(vals), 1e-12)
	}
	near(t, "G* of zeros", g([]int{1, 7, 1}), math.NaN(), 0)
}
