package corpus

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
	"time"
)

// sortReference is the sort sortMessages replaced: sort.SliceStable on
// the messages' indices, comparing the messages themselves.
func sortReference(msgs []Message) {
	idx := make([]int, len(msgs))
	for i := range idx {
		idx[i] = i
	}
	less := func(a, b *Message) bool {
		if a.Community != b.Community {
			return a.Community < b.Community
		}
		if !a.Created.Equal(b.Created) {
			return a.Created.Before(b.Created)
		}
		return a.ID < b.ID
	}
	sort.SliceStable(idx, func(i, j int) bool { return less(&msgs[idx[i]], &msgs[idx[j]]) })
	out := make([]Message, len(msgs))
	for i, k := range idx {
		out[i] = msgs[k]
	}
	copy(msgs, out)
}

// TestSortMessagesMatchesReference sorts random messages with few
// communities, times and ids, so that every kind of tie occurs (same
// community and time, same id, the same message twice but for its
// text), times in several locations and around the epoch, and checks
// that the order is the stable one of sortReference, line by line.
func TestSortMessagesMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	paris := Paris
	for trial := range 300 {
		n := rng.IntN(60)
		if trial%50 == 0 {
			n = 3000
		}
		msgs := make([]Message, n)
		base := time.Date(1969, 12, 31, 23, 59, 58, 0, time.UTC)
		for i := range msgs {
			at := base.Add(time.Duration(rng.IntN(5)) * time.Second).Add(time.Duration(rng.IntN(3)) * 500 * time.Millisecond)
			if rng.IntN(3) == 0 {
				at = at.In(paris) // the same instant, another location
			}
			msgs[i] = Message{
				Community: fmt.Sprint("c", rng.IntN(3)),
				ID:        fmt.Sprint(rng.IntN(8)),
				Created:   at,
				Text:      fmt.Sprint("message ", i), // tells equal keys apart
			}
			if trial%7 == 0 && i > 0 && rng.IntN(4) == 0 {
				msgs[i].Community = msgs[i-1].Community // runs of one community
			}
		}
		want := append([]Message(nil), msgs...)
		sortReference(want)
		got := append([]Message(nil), msgs...)
		sortMessages(got)
		for i := range want {
			if got[i].Text != want[i].Text {
				t.Fatalf("trial %d (%d messages): position %d holds %q, want %q", trial, n, i, got[i].Text, want[i].Text)
			}
		}
	}
}

// BenchmarkSortMessages sorts a million messages of one community in an
// order unrelated to their times (threads of a conversation export are
// grouped by conversation, not by time), one second apart.
func BenchmarkSortMessages(b *testing.B) {
	const n = 1_000_000
	src := make([]Message, n)
	t0 := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(1, 2))
	for i, k := range rng.Perm(n) {
		src[i] = Message{Community: "doctoctoc", ID: fmt.Sprint(1_000_000_000 + k), Created: t0.Add(time.Duration(k) * time.Second)}
	}
	msgs := make([]Message, n)
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		copy(msgs, src)
		b.StartTimer()
		sortMessages(msgs)
	}
}
