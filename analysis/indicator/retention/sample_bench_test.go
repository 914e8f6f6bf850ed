package retention

import (
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// BenchmarkMeasureSample measures the family with its intervals
// (indicator.Inference) on the committed sample (data/study.json), the
// cost the figures and indicators.csv add to scripts/reproduce.
func BenchmarkMeasureSample(b *testing.B) {
	c, _, err := load.Study(filepath.Join(repo.Root(), "data", "study.json"), load.Options{})
	if err != nil {
		b.Skip(err)
	}
	b.ResetTimer()
	for b.Loop() {
		MeasureWith(c, indicator.Inference)
	}
}
