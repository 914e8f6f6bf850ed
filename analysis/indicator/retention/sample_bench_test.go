package retention

import (
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
)

// BenchmarkMeasureSample measures the family with its intervals
// (indicator.Inference) on the committed sample (data/study.json), the
// cost the figures and indicators.csv add to scripts/reproduce
// (indicatortest.BenchSample).
func BenchmarkMeasureSample(b *testing.B) {
	indicatortest.BenchSample(b, func(c *corpus.Corpus) { MeasureWith(c, indicator.Inference) })
}
