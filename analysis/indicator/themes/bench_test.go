package themes

import (
	"bytes"
	"os"
	"sync"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes/themestest"
)

var (
	bigOnce   sync.Once
	bigCorpus *corpus.Corpus
)

// million is the seeded synthetic corpus of one million messages the
// benchmarks share.
func million() *corpus.Corpus {
	bigOnce.Do(func() { bigCorpus = themestest.Corpus(1, 1_000_000) })
	return bigCorpus
}

func BenchmarkReadCodebook(b *testing.B) {
	data, err := os.ReadFile("../../../data/codebook/codebook.json")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadCodebook(bytes.NewReader(data), "cb.json"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadSample(b *testing.B) {
	data, err := os.ReadFile("../../../data/codebook/hand-coded.csv")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadSample(bytes.NewReader(data), "s.csv"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCode(b *testing.B) {
	cb := defaultCB(b)
	c := themestest.Corpus(2, 2000)
	var texts []string
	n := 0
	for _, m := range c.Messages {
		texts = append(texts, m.Text)
		n += len(m.Text)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			cb.Code(t, corpus.HomeCareAide)
		}
	}
}

func BenchmarkRows1M(b *testing.B) {
	cb := defaultCB(b)
	c := million()
	b.ResetTimer()
	for b.Loop() {
		Rows(c, cb)
	}
}
