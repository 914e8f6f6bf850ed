package indicatortest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/faire-communaute/compendium/analysis/internal/cputime"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes/themestest"
)

// BenchSizes are the corpus sizes BenchPerMessage measures at: a cost
// growing faster than the messages shows as a larger ns/message at the
// second.
var BenchSizes = []int{100_000, 1_000_000}

var (
	sizedMu sync.Mutex
	sized   = map[int]*corpus.Corpus{}
)

// Sized returns themestest.Corpus(1, n), made once per size and shared by
// the benchmarks of a test binary (callers must not change it).
func Sized(n int) *corpus.Corpus {
	sizedMu.Lock()
	defer sizedMu.Unlock()
	if sized[n] == nil {
		sized[n] = themestest.Corpus(1, n)
	}
	return sized[n]
}

// BenchPerMessage runs f on the messages of Sized(n) for each of
// BenchSizes, as a sub-benchmark "n=N", reporting allocations, ns/message
// (wall time) and cpu-ns/message (the process's CPU time, which a busy
// machine inflates less). prepare, when not nil, turns the messages into
// what f takes (e.g. pooled into one community) outside the timing; it
// must not change them.
func BenchPerMessage(b *testing.B, prepare func([]corpus.Message) []corpus.Message, f func([]corpus.Message)) {
	for _, n := range BenchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			msgs := Sized(n).Messages
			if prepare != nil {
				msgs = prepare(msgs)
			}
			b.ReportAllocs()
			b.ResetTimer()
			c0 := cputime.Used().Nanoseconds()
			for b.Loop() {
				f(msgs)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(msgs)), "ns/message")
			b.ReportMetric(float64(cputime.Used().Nanoseconds()-c0)/float64(b.N)/float64(len(msgs)), "cpu-ns/message")
		})
	}
}
