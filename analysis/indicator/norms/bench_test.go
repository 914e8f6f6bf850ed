package norms

import (
	"sync"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes/themestest"
)

var (
	bigOnce   sync.Once
	bigCorpus *corpus.Corpus
)

func million() *corpus.Corpus {
	bigOnce.Do(func() { bigCorpus = themestest.Corpus(1, 1_000_000) })
	return bigCorpus
}

func BenchmarkRows1M(b *testing.B) {
	cb := codebook(b)
	c := million()
	b.ResetTimer()
	for b.Loop() {
		Rows(c, cb)
	}
}

func BenchmarkRecurring(b *testing.B) {
	cb := codebook(b)
	c := themestest.Corpus(9, 50000)
	ts := QuestionThreads(cb, c.Messages, "")
	n := 0
	for _, t := range ts {
		for _, s := range t.Stems {
			n += len(s) + 1
		}
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		Recurring(ts)
	}
}
