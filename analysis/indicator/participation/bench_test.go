package participation_test

import (
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
)

// BenchmarkPerAuthor times PerAuthor, Gini and Top10Share (what
// scripts/benchgo measures) at 10^5 and 10^6 messages, per message
// (indicatortest.BenchPerMessage).
func BenchmarkPerAuthor(b *testing.B) {
	indicatortest.BenchPerMessage(b, nil, func(msgs []corpus.Message) {
		counts, _ := participation.PerAuthor(msgs)
		x := participation.Values(counts)
		participation.Gini(x)
		participation.Top10Share(x)
	})
}
