package paper_test

import (
	"fmt"
	"os"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
	"github.com/faire-communaute/compendium/analysis/paper"
)

// A builder takes what an indicator package measured and returns the
// figure; a notebook then publishes it. Here, the off-hours shares of a
// tiny corpus.
func ExampleF06OffHours() {
	c := &corpus.Corpus{
		Communities: []corpus.Community{
			{ID: "avs", Name: "AVS - Auxiliaire de Vie Sociale", Platform: corpus.Facebook, Profession: corpus.HomeCareAide},
		},
		Messages: []corpus.Message{
			// Wednesday 15 May 2019, 10:00 and 21:00 in Paris (UTC+2).
			{Community: "avs", ID: "1", Kind: corpus.Post, Author: "a", Created: time.Date(2019, 5, 15, 8, 0, 0, 0, time.UTC)},
			{Community: "avs", ID: "2", Kind: corpus.Comment, ParentID: "1", Author: "b", Created: time.Date(2019, 5, 15, 19, 0, 0, 0, time.UTC)},
		},
	}
	f, err := paper.F06OffHours(rhythm.Measure(c), figure.Provenance{Study: "example"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.ID)
	f.Data.WriteCSV(os.Stdout) // a notebook calls notebook.Publish instead
	// Output:
	// f06-off-hours
	// community,profession,messages,off_hours_messages,off_hours_share,lo,hi,authors
	// avs,home-care-aide,2,1,0.500000,0.000000,1.000000,2
	// *,home-care-aide,2,1,0.500000,0.000000,1.000000,2
}
