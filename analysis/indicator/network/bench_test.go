package network

import (
	"io"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"github.com/faire-communaute/compendium/analysis/indicator/themes/themestest"
)

func million() *corpus.Corpus { return indicatortest.Sized(1_000_000) }

func BenchmarkRows1M(b *testing.B) {
	c := million()
	b.ResetTimer()
	for b.Loop() {
		Rows(c)
	}
}

func BenchmarkBuild1M(b *testing.B) {
	c := million()
	b.ResetTimer()
	for b.Loop() {
		Build(c.Messages)
	}
}

// BenchmarkBuild is Build and the two indicators scripts/benchgo reads
// (Density, Reciprocity) at two sizes.
func BenchmarkBuild(b *testing.B) {
	indicatortest.BenchPerMessage(b, nil, func(msgs []corpus.Message) {
		g := Build(msgs)
		g.Density()
		g.Reciprocity()
	})
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func benchExport(b *testing.B, write func(io.Writer, *Graph) error) {
	g := Build(themestest.Corpus(5, 20000).Messages)
	g.Nodes() // communities computed once
	var c counter
	if err := write(&c, g); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(c.n)
	b.ResetTimer()
	for b.Loop() {
		write(io.Discard, g)
	}
}

func BenchmarkWriteGraphML(b *testing.B) { benchExport(b, WriteGraphML) }
func BenchmarkWriteGEXF(b *testing.B)    { benchExport(b, WriteGEXF) }
func BenchmarkWriteEdgeCSV(b *testing.B) { benchExport(b, WriteEdgeCSV) }
