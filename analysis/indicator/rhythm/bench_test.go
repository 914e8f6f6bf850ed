package rhythm_test

import (
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
)

// BenchmarkOffHoursShare times OffHoursShare (what scripts/benchgo
// measures) at 10^5 and 10^6 messages, per message
// (indicatortest.BenchPerMessage).
func BenchmarkOffHoursShare(b *testing.B) {
	indicatortest.BenchPerMessage(b, nil, func(msgs []corpus.Message) { rhythm.OffHoursShare(msgs) })
}
