package responsiveness_test

import (
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
)

// BenchmarkMeasureSample measures the committed sample as the figures and
// indicators.csv do, intervals included (issue 12 allows at most 10 s
// for every bootstrap and null model of scripts/reproduce), reporting
// cpu-ms/op besides the wall time (see indicatortest.BenchSample).
func BenchmarkMeasureSample(b *testing.B) {
	indicatortest.BenchSample(b, func(c *corpus.Corpus) { responsiveness.Measure(c) })
}
