package indicatortest

import (
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load"
)

// sample is the committed synthetic sample, loaded once per test binary.
// Its path is relative to an indicator package's folder
// (analysis/indicator/NAME), where its tests run.
var sample = sync.OnceValues(func() (*corpus.Corpus, error) {
	c, _, err := load.Study(filepath.Join("..", "..", "..", "data", "study.json"), load.Options{})
	return c, err
})

// BenchSample benchmarks measure on the committed sample (data/study.json,
// loaded once), as the figures and indicators.csv measure it; it skips
// when the sample cannot be loaded. Besides the wall time it reports
// cpu-ms/op, the process's user and system CPU time per call of measure,
// which a busy machine inflates less. It must be called from the tests of
// a package of analysis/indicator/NAME.
func BenchSample(b *testing.B, measure func(*corpus.Corpus)) {
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
		measure(c)
	}
	b.ReportMetric((cpu()-t0)/float64(b.N), "cpu-ms/op")
}
