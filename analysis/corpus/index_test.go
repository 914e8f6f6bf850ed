package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/faire-communaute/compendium/analysis/internal/cputime"
)

// A hand-made slice: ids repeat within a community (m1 twice in avs) and
// across communities (m1 in ts), a parent absent from its community (m9),
// a parent present only in another community (t1 answers avs's m2, which
// ts does not hold), a self-reply (m3).
func TestIndexMessagesByHand(t *testing.T) {
	msgs := []Message{
		{Community: "avs", ID: "m1"},                 // 0
		{Community: "avs", ID: "m2", ParentID: "m1"}, // 1
		{Community: "ts", ID: "m1"},                  // 2
		{Community: "avs", ID: "m1", ParentID: "m2"}, // 3: repeats 0
		{Community: "ts", ID: "t1", ParentID: "m2"},  // 4: m2 is not in ts
		{Community: "avs", ID: "m3", ParentID: "m3"}, // 5: itself
		{Community: "ts", ID: "t2", ParentID: "m1"},  // 6: ts's m1
		{Community: "avs", ID: "m4", ParentID: "m9"}, // 7: absent
		{Community: "avs", ID: "m5", ParentID: "m1"}, // 8: the first m1
	}
	ix := IndexMessages(msgs)
	wantFirst := []int32{0, 1, 2, 0, 4, 5, 6, 7, 8}
	wantParent := []int32{-1, 0, -1, 1, -1, 5, 2, -1, 0}
	if !slices.Equal(ix.First, wantFirst) || !slices.Equal(ix.Parent, wantParent) {
		t.Errorf("First %v, Parent %v; want %v, %v", ix.First, ix.Parent, wantFirst, wantParent)
	}
	if ix := IndexMessages(nil); len(ix.First) != 0 || len(ix.Parent) != 0 {
		t.Errorf("empty: %v", ix)
	}
}

// naiveIndex is the definition with a map keyed by the strings.
func naiveIndex(msgs []Message) MessageIndex {
	type key struct{ c, id string }
	first := map[key]int32{}
	ix := MessageIndex{First: make([]int32, len(msgs)), Parent: make([]int32, len(msgs))}
	for i := range msgs {
		k := key{msgs[i].Community, msgs[i].ID}
		if _, ok := first[k]; !ok {
			first[k] = int32(i)
		}
		ix.First[i] = first[k]
	}
	for i := range msgs {
		ix.Parent[i] = -1
		if p, ok := first[key{msgs[i].Community, msgs[i].ParentID}]; ok && msgs[i].ParentID != "" {
			ix.Parent[i] = p
		}
	}
	return ix
}

func randomMessages(r *rand.Rand, n int) []Message {
	communities := []string{"avs", "doctoctoc", "ts", ""}
	msgs := make([]Message, n)
	for i := range msgs {
		msgs[i] = Message{Community: communities[r.IntN(len(communities))], ID: fmt.Sprint(r.IntN(n/2 + 1))}
		switch r.IntN(4) {
		case 0:
		case 1:
			msgs[i].ParentID = fmt.Sprint("x", r.IntN(3))
		default:
			msgs[i].ParentID = fmt.Sprint(r.IntN(n/2 + 1))
		}
	}
	return msgs
}

// IndexMessages equals the map-based definition on random slices; so does
// the table when every key has the same hash, where only the verification
// on the strings tells messages apart.
func TestIndexMessagesMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 3))
	for trial := range 300 {
		msgs := randomMessages(r, 1+r.IntN(300))
		want := naiveIndex(msgs)
		got := IndexMessages(msgs)
		if !slices.Equal(got.First, want.First) || !slices.Equal(got.Parent, want.Parent) {
			t.Fatalf("trial %d: got %v, want %v", trial, got, want)
		}
		// Every hash equal: all keys collide.
		tb := newIDTable(len(msgs))
		for i := range msgs {
			if f := tb.insert(msgs, int32(i), 42); f != want.First[i] {
				t.Fatalf("trial %d, colliding: First[%d] = %d, want %d", trial, i, f, want.First[i])
			}
		}
		for i := range msgs {
			p := int32(-1)
			if msgs[i].ParentID != "" {
				p = tb.find(msgs, msgs[i].Community, msgs[i].ParentID, 42)
			}
			if p != want.Parent[i] {
				t.Fatalf("trial %d, colliding: Parent[%d] = %d, want %d", trial, i, p, want.Parent[i])
			}
		}
	}
}

func BenchmarkIndexMessages(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		r := rand.New(rand.NewPCG(16, 4))
		msgs := make([]Message, n)
		for i := range msgs {
			msgs[i] = Message{Community: "bench", ID: fmt.Sprint(1_000_000_000 + i)}
			if i > 0 && i%4 != 0 { // three replies in four, to earlier messages
				msgs[i].ParentID = fmt.Sprint(1_000_000_000 + r.IntN(i))
			}
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			c0 := cputime.Used().Nanoseconds()
			for b.Loop() {
				IndexMessages(msgs)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/message")
			b.ReportMetric(float64(cputime.Used().Nanoseconds()-c0)/float64(b.N)/float64(n), "cpu-ns/message")
		})
	}
}
