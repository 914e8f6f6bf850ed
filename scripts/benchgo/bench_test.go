package main

import (
	"slices"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
)

// BenchmarkCompute times the seven reference indicators at 10^5 and 10^6
// messages, pooled into one community, per message
// (indicatortest.BenchPerMessage).
func BenchmarkCompute(b *testing.B) {
	pool := func(msgs []corpus.Message) []corpus.Message { return Pool(slices.Clone(msgs)) }
	indicatortest.BenchPerMessage(b, pool, func(msgs []corpus.Message) { Compute(msgs) })
}
