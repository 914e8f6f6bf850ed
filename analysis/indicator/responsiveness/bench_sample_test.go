package responsiveness_test

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
	"github.com/faire-communaute/compendium/analysis/load"
)

var sample = sync.OnceValues(func() (*corpus.Corpus, error) {
	c, _, err := load.Study(filepath.Join("..", "..", "..", "data", "study.json"), load.Options{})
	return c, err
})

// BenchmarkMeasureSample measures the committed sample as the figures and
// indicators.csv do, intervals included (issue 12 allows at most 10 s
// for every bootstrap and null model of scripts/reproduce).
func BenchmarkMeasureSample(b *testing.B) {
	c, err := sample()
	if err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		responsiveness.Measure(c)
	}
}
