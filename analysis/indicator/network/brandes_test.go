package network

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// randomReplies makes n messages by a few hundred authors answering earlier
// messages, heavy-tailed, seeded.
func randomReplies(n int, seed uint64) []corpus.Message {
	r := rand.New(rand.NewPCG(seed, 7))
	msgs := make([]corpus.Message, n)
	t0 := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range msgs {
		a := int(300 * r.Float64() * r.Float64())
		m := corpus.Message{Community: "c", ID: strconv.Itoa(i), Author: "a" + strconv.Itoa(a), Created: t0.Add(time.Duration(i) * time.Minute)}
		if i > 0 && r.Float64() < 0.7 {
			m.ParentID = strconv.Itoa(r.IntN(i))
		}
		msgs[i] = m
	}
	return msgs
}

// TestBetweennessEqualsGonum: Brandes on adjacency arrays gives gonum's
// values, node by node.
func TestBetweennessEqualsGonum(t *testing.T) {
	for seed := uint64(1); seed <= 4; seed++ {
		g := Build(randomReplies(3000, seed))
		got, want := g.Betweenness(), g.gonumBetweenness()
		if len(got) != len(want) || len(got) < 100 {
			t.Fatalf("seed %d: %d and %d nodes", seed, len(got), len(want))
		}
		for i := range got {
			if math.Abs(got[i]-want[i]) > 1e-9*math.Max(1, math.Abs(want[i])) {
				t.Fatalf("seed %d: node %s betweenness %v, gonum %v", seed, g.Authors[i], got[i], want[i])
			}
		}
	}
}

// TestBrandesByHand: a path a->b->c and a diamond s->{x,y}->t.
func TestBrandesByHand(t *testing.T) {
	path := brandes([][]int32{{1}, {2}, {}})
	if path[0] != 0 || path[1] != 1 || path[2] != 0 {
		t.Errorf("path: %v, want [0 1 0]", path)
	}
	// s=0, x=1, y=2, t=3: two shortest paths s->t, each middle node on one.
	diamond := brandes([][]int32{{1, 2}, {3}, {3}, {}})
	if diamond[1] != 0.5 || diamond[2] != 0.5 || diamond[0] != 0 || diamond[3] != 0 {
		t.Errorf("diamond: %v, want [0 0.5 0.5 0]", diamond)
	}
}

func BenchmarkBetweenness(b *testing.B) {
	g := Build(randomReplies(20000, 1))
	b.ResetTimer()
	for b.Loop() {
		g.Betweenness()
	}
}
