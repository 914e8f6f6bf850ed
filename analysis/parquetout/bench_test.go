package parquetout

import (
	"fmt"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// BenchmarkWriteCorpus writes 100,000 messages over two communities and
// twelve months, as one file and partitioned; it reports messages per
// second.
func BenchmarkWriteCorpus(b *testing.B) {
	c := sample()
	base := c.Messages[1]
	start := at("2018-01-01T00:00:00Z")
	c.Messages = c.Messages[:0]
	for i := range 100_000 {
		m := base
		m.ID = fmt.Sprintf("m%d", i)
		m.ParentID = fmt.Sprintf("m%d", i/3)
		m.Author = fmt.Sprintf("u-%06d", i%5000)
		m.Created = start.Add(time.Duration(i) * 5 * time.Minute)
		m.Text = "Bonjour, quelqu'un sait comment on calcule les heures de nuit ? " + m.ID
		if i%2 == 1 {
			m.Community, m.Platform = "doc toc/toc", corpus.Twitter
		}
		c.Messages = append(c.Messages, m)
	}
	for _, p := range []Partitioning{Never, Always} {
		b.Run(map[Partitioning]string{Never: "one-file", Always: "partitioned"}[p], func(b *testing.B) {
			dir := b.TempDir()
			for b.Loop() {
				if _, err := WriteCorpus(dir, c, Options{Partition: p}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(c.Messages)*b.N)/b.Elapsed().Seconds(), "msgs/s")
		})
	}
}
