package network

import (
	"fmt"
	"io"
	"sync"
	"syscall"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes/themestest"
)

var (
	bigOnce   sync.Once
	bigCorpus *corpus.Corpus
)

func million() *corpus.Corpus {
	bigOnce.Do(func() { bigCorpus = themestest.Corpus(1, 1_000_000) })
	return bigCorpus
}

func BenchmarkRows1M(b *testing.B) {
	c := million()
	b.ResetTimer()
	for b.Loop() {
		Rows(c)
	}
}

func BenchmarkBuild1M(b *testing.B) {
	c := million()
	b.ResetTimer()
	for b.Loop() {
		Build(c.Messages)
	}
}

var (
	sizedMu      sync.Mutex
	sizedCorpora = map[int]*corpus.Corpus{}
)

// sized returns themestest.Corpus(1, n), made once per size.
func sized(n int) *corpus.Corpus {
	sizedMu.Lock()
	defer sizedMu.Unlock()
	if n == 1_000_000 {
		return million()
	}
	if sizedCorpora[n] == nil {
		sizedCorpora[n] = themestest.Corpus(1, n)
	}
	return sizedCorpora[n]
}

// benchSizes runs f on the synthetic corpora of 10^5 and 10^6 messages,
// reporting ns/message: a cost growing faster than the messages shows as
// a larger ns/message at 10^6.
func benchSizes(b *testing.B, f func(msgs []corpus.Message)) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			msgs := sized(n).Messages
			b.ReportAllocs()
			b.ResetTimer()
			c0 := cpuNanos()
			for b.Loop() {
				f(msgs)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(msgs)), "ns/message")
			b.ReportMetric(float64(cpuNanos()-c0)/float64(b.N)/float64(len(msgs)), "cpu-ns/message")
		})
	}
}

// BenchmarkBuild is Build and the two indicators scripts/benchgo reads
// (Density, Reciprocity) at two sizes.
func BenchmarkBuild(b *testing.B) {
	benchSizes(b, func(msgs []corpus.Message) {
		g := Build(msgs)
		g.Density()
		g.Reciprocity()
	})
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func benchExport(b *testing.B, write func(io.Writer, *Graph) error) {
	g := Build(themestest.Corpus(5, 20000).Messages)
	g.Nodes() // communities computed once
	var c counter
	if err := write(&c, g); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(c.n)
	b.ResetTimer()
	for b.Loop() {
		write(io.Discard, g)
	}
}

func BenchmarkWriteGraphML(b *testing.B) { benchExport(b, WriteGraphML) }
func BenchmarkWriteGEXF(b *testing.B)    { benchExport(b, WriteGEXF) }
func BenchmarkWriteEdgeCSV(b *testing.B) { benchExport(b, WriteEdgeCSV) }

// cpuNanos returns the process's user and system CPU time, which a busy
// machine inflates less than the wall time.
func cpuNanos() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
