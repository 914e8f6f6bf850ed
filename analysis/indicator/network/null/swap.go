package null

import (
	"math/rand/v2"

	"github.com/faire-communaute/compendium/analysis/indicator/network"
)

// edgeSet is a set of node pairs, an open-addressing hash table with
// linear probing and backward-shift deletion (no tombstones, so a long
// chain of swaps does not degrade it). It is only ever queried, never
// iterated: its layout cannot reach a result.
type edgeSet struct {
	keys  []uint64
	shift uint
}

const emptyKey = ^uint64(0)

func key(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

func newEdgeSet(m int) *edgeSet {
	size, shift := 8, uint(61)
	for size < 4*m { // load at most 1/4 (1/2 when the table is full of m)
		size, shift = size*2, shift-1
	}
	s := &edgeSet{keys: make([]uint64, size), shift: shift}
	for i := range s.keys {
		s.keys[i] = emptyKey
	}
	return s
}

func (s *edgeSet) slot(k uint64) int { return int((k * 0x9E3779B97F4A7C15) >> s.shift) }

func (s *edgeSet) has(k uint64) bool {
	mask := len(s.keys) - 1
	for i := s.slot(k); ; i = (i + 1) & mask {
		switch s.keys[i] {
		case k:
			return true
		case emptyKey:
			return false
		}
	}
}

func (s *edgeSet) add(k uint64) {
	mask := len(s.keys) - 1
	i := s.slot(k)
	for s.keys[i] != emptyKey && s.keys[i] != k {
		i = (i + 1) & mask
	}
	s.keys[i] = k
}

func (s *edgeSet) remove(k uint64) {
	mask := len(s.keys) - 1
	i := s.slot(k)
	for s.keys[i] != k {
		if s.keys[i] == emptyKey {
			return
		}
		i = (i + 1) & mask
	}
	// Backward shift: move later keys of the run into the hole when
	// their home slot does not lie cyclically in (hole, their slot].
	for j := (i + 1) & mask; s.keys[j] != emptyKey; j = (j + 1) & mask {
		h := s.slot(s.keys[j])
		if (j > i && (h <= i || h > j)) || (j < i && h <= i && h > j) {
			s.keys[i] = s.keys[j]
			i = j
		}
	}
	s.keys[i] = emptyKey
}

// swapper holds the set of edges of a graph being randomised, so that a
// chain of randomisations need not rebuild it.
type swapper struct {
	set      *edgeSet
	directed bool
}

func newDirected(arcs []network.Arc) *swapper {
	s := &swapper{set: newEdgeSet(len(arcs)), directed: true}
	for _, e := range arcs {
		s.set.add(key(e.From, e.To))
	}
	return s
}

func newUndirected(edges []network.Arc) *swapper {
	s := &swapper{set: newEdgeSet(len(edges))}
	for _, e := range edges {
		s.set.add(key(e.From, e.To))
	}
	return s
}

// swap makes attempts swaps on the edges the swapper was made with (in
// their current state).
func (s *swapper) swap(edges []network.Arc, attempts int, rng *rand.Rand) int {
	if s.directed {
		return swapDirected(edges, s.set, attempts, rng)
	}
	return swapUndirected(edges, s.set, attempts, rng)
}

// swapDirected randomises arcs in place by attempts Maslov-Sneppen swaps:
// two arcs a->b and c->d drawn uniformly become a->d and c->b, each
// keeping its weight, unless that would make a self-loop (a = d or c = b)
// or an arc that exists already; a swap of two arcs with the same source
// or the same target changes nothing and is not made. Every node keeps
// its in- and out-degree. set holds the arcs and is kept up to date. It
// returns the number of swaps made.
func swapDirected(arcs []network.Arc, set *edgeSet, attempts int, rng *rand.Rand) int {
	m := len(arcs)
	if m < 2 {
		return 0
	}
	done := 0
	for range attempts {
		i, j := rng.IntN(m), rng.IntN(m)
		a, b, c, d := arcs[i].From, arcs[i].To, arcs[j].From, arcs[j].To
		if a == c || b == d || a == d || c == b {
			continue
		}
		ad, cb := key(a, d), key(c, b)
		if set.has(ad) || set.has(cb) {
			continue
		}
		set.remove(key(a, b))
		set.remove(key(c, d))
		set.add(ad)
		set.add(cb)
		arcs[i].To, arcs[j].To = d, b
		done++
	}
	return done
}

// swapUndirected randomises the undirected edges in place (each stored
// From < To) by attempts swaps: two edges a-b and c-d drawn uniformly, the
// second read as c-d or d-c with probability 1/2, become a-d and c-b,
// each keeping its weight, unless the four nodes are not distinct (a
// self-loop, or a swap that changes nothing) or a new edge exists
// already. Every node keeps its degree. set holds the edges (keys From <
// To) and is kept up to date. It returns the number of swaps made.
func swapUndirected(edges []network.Arc, set *edgeSet, attempts int, rng *rand.Rand) int {
	m := len(edges)
	if m < 2 {
		return 0
	}
	ukey := func(a, b int32) uint64 {
		if a > b {
			a, b = b, a
		}
		return key(a, b)
	}
	done := 0
	for range attempts {
		i, j := rng.IntN(m), rng.IntN(m)
		flip := rng.IntN(2) == 1
		a, b, c, d := edges[i].From, edges[i].To, edges[j].From, edges[j].To
		if flip {
			c, d = d, c
		}
		if a == c || a == d || b == c || b == d {
			continue
		}
		ad, cb := ukey(a, d), ukey(c, b)
		if set.has(ad) || set.has(cb) {
			continue
		}
		set.remove(ukey(a, b))
		set.remove(ukey(c, d))
		set.add(ad)
		set.add(cb)
		edges[i] = ordered(a, d, edges[i].W)
		edges[j] = ordered(c, b, edges[j].W)
		done++
	}
	return done
}

func ordered(a, b int32, w float64) network.Arc {
	if a > b {
		a, b = b, a
	}
	return network.Arc{From: a, To: b, W: w}
}
