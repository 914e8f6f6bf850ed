package indicatortest

import (
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// Sample returns the committed synthetic sample (data/study.json of the
// repository, repo.Root), loaded once per test binary.
var Sample = sync.OnceValues(func() (*corpus.Corpus, error) {
	c, _, err := load.Study(filepath.Join(repo.Root(), "data", "study.json"), load.Options{})
	return c, err
})

// BenchSample benchmarks measure on the committed sample (Sample), as
// the figures and indicators.csv measure it; it skips when the sample
// cannot be loaded. Besides the wall time it reports cpu-ms/op, the
// process's user and system CPU time per call of measure, which a busy
// machine inflates less.
func BenchSample(b *testing.B, measure func(*corpus.Corpus)) {
	c, err := Sample()
	if err != nil {
		b.Skip(err)
	}
	cpu := func() float64 {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
	}
	t0 := cpu()
	for b.Loop() { // b.Loop starts the timer afresh
		measure(c)
	}
	b.ReportMetric((cpu()-t0)/float64(b.N), "cpu-ms/op")
}
