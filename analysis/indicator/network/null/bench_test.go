package null

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/faire-communaute/compendium/analysis/internal/cputime"

	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/load"
)

var (
	sampleOnce   sync.Once
	sampleGroups []network.Group
	sampleErr    error
)

// sample returns the measured reply networks of the committed sample
// (data/study.json), every indicator.Groups group.
func sample(b *testing.B) []network.Group {
	sampleOnce.Do(func() {
		c, _, err := load.Study(filepath.Join("..", "..", "..", "..", "data", "study.json"), load.Options{})
		if err != nil {
			sampleErr = err
			return
		}
		sampleGroups = network.Measure(c)
	})
	if sampleErr != nil {
		b.Skipf("no sample: %v", sampleErr)
	}
	return sampleGroups
}

// loop runs f b.N times and reports, besides wall time, the CPU seconds
// per op: on a shared machine the wall time depends on the other
// processes, the CPU time much less.
func loop(b *testing.B, f func() error) {
	b.ResetTimer()
	start := cputime.Used()
	for b.Loop() {
		if err := f(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cputime.Used()-start).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkSampleLargest is 200 draws on the sample's largest reply
// network (the home-care aides' joined graph).
func BenchmarkSampleLargest(b *testing.B) {
	gs := sample(b)
	big := gs[0]
	for _, g := range gs {
		if g.Graph.M() > big.Graph.M() {
			big = g
		}
	}
	b.Logf("%s/%s: %d nodes, %d edges", big.Community.Profession, big.Community.ID, big.Graph.N(), big.Graph.M())
	loop(b, func() error { _, err := Compare(big.Graph, Options{Draws: DefaultDraws}); return err })
}

// BenchmarkSampleAll is 200 draws on every reply network of the sample
// (each community and each profession as a whole), what the figures
// need.
func BenchmarkSampleAll(b *testing.B) {
	gs := sample(b)
	loop(b, func() error { _, err := Groups(gs, Options{Draws: DefaultDraws}); return err })
}

// BenchmarkSampleCommunities is 200 draws on the four communities only.
func BenchmarkSampleCommunities(b *testing.B) {
	var gs []network.Group
	for _, g := range sample(b) {
		if g.Community.ID != indicator.AllCommunities {
			gs = append(gs, g)
		}
	}
	loop(b, func() error { _, err := Groups(gs, Options{Draws: DefaultDraws}); return err })
}
