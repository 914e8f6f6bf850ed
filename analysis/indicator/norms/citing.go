package norms

import (
	"math"
	"slices"

	"github.com/faire-communaute/compendium/analysis/stats"
)

func nan() float64 { return math.NaN() }

// Citing counts the answers citing rules and sources over a period.
type Citing struct {
	Month   string // "2006-01" in Europe/Paris, or "" for the whole period
	Answers int
	Citing  int   // answers citing at least one kind
	ByKind  []int // answers citing each kind, aligned with Kinds
	Kinds   []string
	// Est is Share and KindEst[i] KindShare(i) with their intervals: a
	// ratio of sums over the question threads with answers in the period
	// (a thread's citing answers over its answers: answers cluster in
	// threads), BCa. Zero when measured without intervals; KindEst is
	// nil for a month (Figure 13 bands the share citing any kind only).
	Est     stats.Estimate
	KindEst []stats.Estimate
}

// Share returns Citing/Answers, NaN without answers.
func (c Citing) Share() float64 { return ratio(c.Citing, c.Answers) }

// KindShare returns the share of answers citing Kinds[i].
func (c Citing) KindShare(i int) float64 { return ratio(c.ByKind[i], c.Answers) }

func ratio(a, b int) float64 {
	if b == 0 {
		return nan()
	}
	return float64(a) / float64(b)
}

func (c *Citing) add(a Answer) {
	c.Answers++
	if len(a.Sources) > 0 {
		c.Citing++
	}
	for i, k := range c.Kinds {
		if slices.Contains(a.Sources, k) {
			c.ByKind[i]++
		}
	}
}

// CitingShares returns the citing counts of the answers of threads over
// the whole period and by month of the answer (months in order, only those
// with answers), without intervals. kinds are the codebook's source kinds.
func CitingShares(threads []Thread, kinds []string) (all Citing, byMonth []Citing) {
	all = Citing{Kinds: kinds, ByKind: make([]int, len(kinds))}
	months := map[string]*Citing{}
	var order []string
	for _, t := range threads {
		for _, a := range t.Answers {
			all.add(a)
			m := month(a)
			c, ok := months[m]
			if !ok {
				c = &Citing{Month: m, Kinds: kinds, ByKind: make([]int, len(kinds))}
				months[m] = c
				order = append(order, m)
			}
			c.add(a)
		}
	}
	slices.Sort(order)
	for _, m := range order {
		byMonth = append(byMonth, *months[m])
	}
	return all, byMonth
}

// CitingSharesWith is CitingShares with the intervals of the shares
// (Citing.Est and Citing.KindEst over the whole period, Citing.Est by
// month), bootstrap options opts.
func CitingSharesWith(threads []Thread, kinds []string, opts stats.Options) (all Citing, byMonth []Citing) {
	all, byMonth = CitingShares(threads, kinds)
	all.estimate(threads, func(Answer) bool { return true }, true, opts)
	for i := range byMonth {
		m := byMonth[i].Month
		byMonth[i].estimate(threads, func(a Answer) bool { return month(a) == m }, false, opts)
	}
	return all, byMonth
}
