package participation_test

import (
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
	"github.com/faire-communaute/compendium/analysis/load"
)

var sample = sync.OnceValues(func() (*corpus.Corpus, error) {
	c, _, err := load.Study(filepath.Join("..", "..", "..", "data", "study.json"), load.Options{})
	return c, err
})

// BenchmarkMeasureSample measures the committed sample as the figures and
// indicators.csv do, intervals included (issue 12 allows at most 10 s
// for every bootstrap and null model of scripts/reproduce). Besides the
// wall time it reports cpu-ms/op, the process's user and system CPU time
// per Measure, which a busy machine inflates less.
func BenchmarkMeasureSample(b *testing.B) {
	c, err := sample()
	if err != nil {
		b.Skip(err)
	}
	cpu := func() float64 {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
	}
	t0 := cpu()
	for b.Loop() {
		participation.Measure(c)
	}
	b.ReportMetric((cpu()-t0)/float64(b.N), "cpu-ms/op")
}
