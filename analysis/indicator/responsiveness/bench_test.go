package responsiveness_test

import (
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
)

// BenchmarkThreads times Threads and SummarizePoint (what scripts/benchgo
// measures) at 10^5 and 10^6 messages, per message
// (indicatortest.BenchPerMessage).
func BenchmarkThreads(b *testing.B) {
	indicatortest.BenchPerMessage(b, nil, func(msgs []corpus.Message) {
		responsiveness.SummarizePoint(responsiveness.Threads(msgs))
	})
}
