package norms

import (
	"sort"

	"github.com/faire-communaute/compendium/analysis/indicator"
)

// NearSimilarity is the lower bound of the Jaccard similarity of the
// pairs "just below" RecurringThreshold that the validation of Recurring
// samples apart (PairNear): 0.25, half the threshold.
const NearSimilarity = 0.25

// PairKind is the stratum of a pair of question threads of one community
// in the validation of Recurring. The three kinds partition the
// community's pairs.
type PairKind string

// Pair kinds.
const (
	// PairCandidate: a pair Recurring flags (the community's Group.Pairs).
	PairCandidate PairKind = "candidate"
	// PairNear: a pair Recurring does not flag whose Jaccard similarity
	// is at least NearSimilarity (below RecurringThreshold, or above it
	// and missed by the MinHash bands or the comparison caps).
	PairNear PairKind = "near"
	// PairRandom: every other pair of the community.
	PairRandom PairKind = "random"
)

// PairKinds are the pair kinds in their order.
var PairKinds = []PairKind{PairCandidate, PairNear, PairRandom}

// PairPopulation is the pairs of the question threads of one community,
// by kind: the sampling frame of the validation of Recurring.
type PairPopulation struct {
	Community string
	// Threads are the community's question threads, in thread order.
	Threads []Thread
	// Candidates are the pairs Recurring flags, Near the pairs of kind
	// PairNear, both in Recurring's order (earlier question, then later).
	Candidates, Near []Pair
	// Total is the number of pairs of Threads, n(n-1)/2.
	Total int
	kind  map[[2]string]PairKind
}

// Random returns the number of pairs of kind PairRandom.
func (p PairPopulation) Random() int { return p.Total - len(p.Candidates) - len(p.Near) }

// Count returns the number of pairs of kind k.
func (p PairPopulation) Count(k PairKind) int {
	switch k {
	case PairCandidate:
		return len(p.Candidates)
	case PairNear:
		return len(p.Near)
	}
	return p.Random()
}

// KindOf returns the kind of the pair of threads a and b (ids, either
// order).
func (p PairPopulation) KindOf(a, b string) PairKind {
	if a > b {
		a, b = b, a
	}
	if k, ok := p.kind[[2]string{a, b}]; ok {
		return k
	}
	return PairRandom
}

func pairKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// PairPopulations returns the pair populations of the communities of r
// (indicator.Communities order) that have at least two question threads.
// Pairs are within a community, as the communities' Recurring compares
// them (a profession's group also compares across its communities: those
// pairs are not validated).
func PairPopulations(r Result) []PairPopulation {
	var out []PairPopulation
	for _, g := range indicator.Communities(r.Groups) {
		n := len(g.Threads)
		if n < 2 {
			continue
		}
		p := PairPopulation{Community: g.Community.ID, Threads: g.Threads, Candidates: g.Pairs, Total: n * (n - 1) / 2}
		p.kind = map[[2]string]PairKind{}
		for _, x := range g.Pairs {
			p.kind[pairKey(x.EarlierID, x.LaterID)] = PairCandidate
		}
		for _, x := range SimilarPairs(g.Threads, NearSimilarity) {
			if k := pairKey(x.EarlierID, x.LaterID); p.kind[k] == "" {
				p.kind[k] = PairNear
				p.Near = append(p.Near, x)
			}
		}
		out = append(out, p)
	}
	return out
}

// SimilarPairs returns every pair of threads whose shingle sets (Shingles
// of the stems) have an exact Jaccard similarity of at least min (> 0),
// sorted as Recurring sorts its pairs. It compares every two threads
// sharing a shingle (an inverted index): its cost grows with the square
// of the number of threads sharing the most common shingle, which is
// fine for drawing a coding sample, not for every measure.
func SimilarPairs(threads []Thread, min float64) []Pair {
	ts := append([]Thread(nil), threads...)
	sort.SliceStable(ts, func(a, b int) bool { return threadLess(&ts[a], &ts[b]) })
	sh := make([][]uint64, len(ts))
	post := map[uint64][]int{}
	count := make([]int, len(ts))
	var touched []int
	var hits []pairHit
	for i := range ts {
		sh[i] = Shingles(ts[i].Stems)
		touched = touched[:0]
		for _, x := range sh[i] {
			for _, j := range post[x] {
				if count[j] == 0 {
					touched = append(touched, j)
				}
				count[j]++
			}
			post[x] = append(post[x], i)
		}
		sort.Ints(touched)
		for _, j := range touched {
			inter := count[j]
			count[j] = 0
			if s := float64(inter) / float64(len(sh[i])+len(sh[j])-inter); s >= min {
				hits = append(hits, pairHit{j, i, s})
			}
		}
	}
	return hitPairs(ts, hits)
}
