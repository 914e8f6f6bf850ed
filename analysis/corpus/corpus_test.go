package corpus

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"testing"
	"time"
)

// TestSortMatchesSliceStable: the in-place permutation gives exactly the
// order sort.SliceStable gives, ties included.
func TestSortMatchesSliceStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	t0 := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range []int{0, 1, 2, 7, 1000} {
		msgs := make([]Message, n)
		for i := range msgs {
			msgs[i] = Message{
				Community: []string{"a", "b", "c"}[r.IntN(3)],
				ID:        strconv.Itoa(r.IntN(50)),
				Created:   t0.Add(time.Duration(r.IntN(20)) * time.Hour),
				Text:      strconv.Itoa(i), // tells ties apart
			}
		}
		want := append([]Message(nil), msgs...)
		sort.SliceStable(want, func(i, j int) bool {
			a, b := &want[i], &want[j]
			if a.Community != b.Community {
				return a.Community < b.Community
			}
			if !a.Created.Equal(b.Created) {
				return a.Created.Before(b.Created)
			}
			return a.ID < b.ID
		})
		c := &Corpus{Messages: msgs}
		c.Sort()
		for i := range want {
			if c.Messages[i].Text != want[i].Text {
				t.Fatalf("n=%d: position %d holds message %s, want %s", n, i, c.Messages[i].Text, want[i].Text)
			}
		}
	}
}
