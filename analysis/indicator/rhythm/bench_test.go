package rhythm_test

import (
	"fmt"
	"syscall"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
	"github.com/faire-communaute/compendium/analysis/indicator/themes/themestest"
)

// BenchmarkOffHoursShare times OffHoursShare (what scripts/benchgo measures) on synthetic corpora
// (themestest.Corpus) of 10^5 and 10^6 messages, reporting ns/message: a
// cost growing faster than the messages shows as a larger ns/message at
// 10^6.
func BenchmarkOffHoursShare(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			msgs := themestest.Corpus(1, n).Messages
			b.ReportAllocs()
			b.ResetTimer()
			c0 := cpuNanos()
			for b.Loop() {
				measure(msgs)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(msgs)), "ns/message")
			b.ReportMetric(float64(cpuNanos()-c0)/float64(b.N)/float64(len(msgs)), "cpu-ns/message")
		})
	}
}

func measure(msgs []corpus.Message) {
	rhythm.OffHoursShare(msgs)
}

// cpuNanos returns the process's user and system CPU time, which a busy
// machine inflates less than the wall time.
func cpuNanos() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
