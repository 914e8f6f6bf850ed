package main

import (
	"math"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
	"github.com/faire-communaute/compendium/analysis/indicator/themes/themestest"
)

// sequential is Compute as first written: each indicator from its
// package's plain function, one after the other.
func sequential(msgs []corpus.Message) map[string]float64 {
	resp := responsiveness.SummarizePoint(responsiveness.Threads(msgs))
	counts, _ := participation.PerAuthor(msgs)
	x := participation.Values(counts)
	g := network.Build(msgs)
	return map[string]float64{
		"reply_rate":               resp.ReplyRate.Value,
		"median_first_reply_min":   resp.MedianFirstReplyMin.Value,
		"gini_messages_per_author": participation.Gini(x),
		"top10_share":              participation.Top10Share(x),
		"density":                  g.Density(),
		"reciprocity":              g.Reciprocity(),
		"off_hours_share":          rhythm.OffHoursShare(msgs),
	}
}

// Compute (one index, three goroutines) gives the same bits as the
// indicators computed one by one, on a synthetic corpus pooled as benchgo
// pools a load.
func TestComputeMatchesSequential(t *testing.T) {
	msgs := Pool(themestest.Corpus(3, 20_000).Messages)
	got, want := Compute(msgs), sequential(msgs)
	if len(got) != len(Indicators) || len(want) != len(Indicators) {
		t.Fatalf("%d and %d indicators, want %d", len(got), len(want), len(Indicators))
	}
	for _, name := range Indicators {
		if math.Float64bits(got[name]) != math.Float64bits(want[name]) || math.IsNaN(got[name]) {
			t.Errorf("%s = %v, want %v (not NaN)", name, got[name], want[name])
		}
	}
}
