package parquetout_test

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/parquetout"
)

// Writing a two-message corpus, partitioned by community and month.
func ExampleWriteCorpus() {
	dir, _ := os.MkdirTemp("", "parquetout")
	defer os.RemoveAll(dir)
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "avs", Platform: corpus.Facebook, Profession: corpus.HomeCareAide}},
		Messages: []corpus.Message{
			{Platform: corpus.Facebook, Community: "avs", ID: "p1", Kind: corpus.Post, ThreadID: "p1", Author: "u_a",
				Created: time.Date(2018, 1, 31, 23, 30, 0, 0, time.UTC), Text: "Qui connaît la convention collective ?"},
			{Platform: corpus.Facebook, Community: "avs", ID: "c1", Kind: corpus.Comment, ParentID: "p1", ThreadID: "p1", Author: "u_b",
				Created: time.Date(2018, 2, 1, 8, 0, 0, 0, time.UTC), Text: "Article 12."},
		},
	}
	wr, err := parquetout.WriteCorpus(dir, c, parquetout.Options{Partition: parquetout.Always})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d messages in %d files\n", wr.Messages, wr.Files)
	files, _ := filepath.Glob(filepath.Join(parquetout.MessagesDir(dir), "*", "*", "*.parquet"))
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		fmt.Println(filepath.ToSlash(rel))
	}
	// Output:
	// 2 messages in 2 files
	// messages/community=avs/month=2018-01/part-0.parquet
	// messages/community=avs/month=2018-02/part-0.parquet
}
