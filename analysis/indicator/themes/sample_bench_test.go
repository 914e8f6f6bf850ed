package themes

import (
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// BenchmarkMeasureSample measures the family with its intervals
// (indicator.Inference) on the committed sample (data/study.json), the
// cost the figures and indicators.csv add to scripts/reproduce
// (indicatortest.BenchSample).
func BenchmarkMeasureSample(b *testing.B) {
	cb, err := LoadCodebook(filepath.Join(repo.Root(), DefaultFile))
	if err != nil {
		b.Fatal(err)
	}
	indicatortest.BenchSample(b, func(c *corpus.Corpus) { MeasureWith(c, cb, indicator.Inference) })
}
