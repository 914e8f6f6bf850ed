package norms

import (
	"math"
	"slices"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

func nan() float64 { return math.NaN() }

// Citing counts the answers citing rules and sources over a period.
type Citing struct {
	Month   string // "2006-01" in Europe/Paris, or "" for the whole period
	Answers int
	Citing  int   // answers citing at least one kind
	ByKind  []int // answers citing each kind, aligned with Kinds
	Kinds   []string
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
// with answers). kinds are the codebook's source kinds.
func CitingShares(threads []Thread, kinds []string) (all Citing, byMonth []Citing) {
	all = Citing{Kinds: kinds, ByKind: make([]int, len(kinds))}
	months := map[string]*Citing{}
	var order []string
	for _, t := range threads {
		for _, a := range t.Answers {
			all.add(a)
			m := a.Created.In(corpus.Paris).Format("2006-01")
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
