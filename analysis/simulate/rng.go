package simulate

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// rng wraps a PCG generator with the draws the simulation needs.
type rng struct{ *rand.Rand }

// newRNG returns a generator seeded by the study seed and a stream name, so
// that each community (and each mechanism) has its own reproducible stream
// whatever else is generated.
func newRNG(seed uint64, stream string) rng {
	h := fnv.New64a()
	h.Write([]byte(stream))
	return rng{rand.New(rand.NewPCG(seed, h.Sum64()))}
}

func (r rng) chance(p float64) bool { return r.Float64() < p }

func (r rng) pick(xs []string) string { return xs[r.IntN(len(xs))] }

// lognormal draws exp(N(mu, sigma)).
func (r rng) lognormal(mu, sigma float64) float64 { return math.Exp(mu + sigma*r.NormFloat64()) }

// poisson draws a Poisson variate (normal approximation above 60).
func (r rng) poisson(mean float64) int {
	if mean <= 0 {
		return 0
	}
	if mean > 60 {
		n := int(math.Round(mean + math.Sqrt(mean)*r.NormFloat64()))
		return max(n, 0)
	}
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// geometric draws the number of failures before a success of probability
// 1/(1+mean): a count of the given mean.
func (r rng) geometric(mean float64) int {
	if mean <= 0 {
		return 0
	}
	p := 1 / (1 + mean)
	return int(math.Floor(math.Log(1-r.Float64()) / math.Log(1-p)))
}

// categorical draws a name from weighted categories.
func (r rng) categorical(ws []Weighted) string {
	total := 0.0
	for _, x := range ws {
		total += x.Weight
	}
	u := r.Float64() * total
	for _, x := range ws {
		u -= x.Weight
		if u < 0 {
			return x.Name
		}
	}
	return ws[len(ws)-1].Name
}

// cells is a piecewise-constant intensity over hour cells: cell i covers
// [start + i h, start + (i+1) h) clipped to [from, to), with weight w[i]
// (expected events in the cell). cum is the cumulative sum.
type cells struct {
	from, to time.Time
	starts   []time.Time
	cum      []float64
}

// newCells builds the cells of [from, to) with intensity per hour
// rate(t) * table[weekday][hour] for the hour starting at t (Paris time).
func newCells(from, to time.Time, table [7][24]float64, rate func(time.Time) float64) *cells {
	c := &cells{from: from, to: to}
	// Hour boundaries in Paris time (DST-safe: step by absolute hours).
	t := from.Truncate(time.Hour)
	sum := 0.0
	for ; t.Before(to); t = t.Add(time.Hour) {
		s, e := t, t.Add(time.Hour)
		if s.Before(from) {
			s = from
		}
		if e.After(to) {
			e = to
		}
		frac := e.Sub(s).Hours()
		if frac <= 0 {
			continue
		}
		p := s.In(corpus.Paris)
		sum += table[p.Weekday()][p.Hour()] * frac * rate(s)
		c.starts = append(c.starts, s)
		c.cum = append(c.cum, sum)
	}
	return c
}

func (c *cells) total() float64 {
	if len(c.cum) == 0 {
		return 0
	}
	return c.cum[len(c.cum)-1]
}

// draw returns n instants drawn from the intensity, sorted, at whole
// seconds, all within [from, to).
func (c *cells) draw(r rng, n int) []time.Time {
	out := make([]time.Time, 0, n)
	if len(c.cum) == 0 {
		return out
	}
	tot := c.total()
	for range n {
		u := r.Float64() * tot
		i := sort.SearchFloat64s(c.cum, u)
		if i >= len(c.starts) {
			i = len(c.starts) - 1
		}
		s := c.starts[i]
		e := s.Truncate(time.Hour).Add(time.Hour)
		if e.After(c.to) {
			e = c.to
		}
		span := int64(e.Sub(s) / time.Second)
		t := s
		if span > 0 {
			t = s.Add(time.Duration(r.Int64N(span)) * time.Second)
		}
		t = t.Truncate(time.Second)
		if t.Before(c.from) {
			t = c.from.Add(time.Second - time.Duration(c.from.Nanosecond())).Truncate(time.Second)
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}
