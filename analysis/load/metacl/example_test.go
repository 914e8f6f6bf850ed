package metacl_test

import (
	"fmt"
	"log"

	"github.com/faire-communaute/compendium/analysis/corpus"
	_ "github.com/faire-communaute/compendium/analysis/load/metacl" // registers meta-content-library
	"github.com/faire-communaute/compendium/analysis/rawio"
)

type printer struct{}

func (printer) Message(m *rawio.RawMessage) {
	fmt.Printf("line %d: %s %s, %d reactions", m.Line, m.Kind, m.ID, m.Reactions)
	if m.ParentID != "" {
		fmt.Printf(", answers %s", m.ParentID)
	}
	fmt.Println()
}
func (printer) Panel(*corpus.PanelObservation) {}
func (printer) Profile(*rawio.RawProfile)      {}
func (printer) Reject(e *rawio.ParseError)     { fmt.Println("rejected:", e) }

// An MCL comments export is recognised by its header and read record by
// record; a record cut short is rejected alone.
func Example() {
	f, err := rawio.Open("testdata/mcl_comments.csv")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	format, err := rawio.Detect(f.Head)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("format:", format.Name)
	if err := format.Read(f, printer{}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// format: meta-content-library
	// line 2: comment 2230000000000101, 6 reactions, answers 1084320011223344
	// line 3: reply 2230000000000102, 3 reactions, answers 2230000000000101
	// rejected: testdata/mcl_comments.csv:4: record of unexpected shape: 2 fields, the header has 21
	// line 5: comment 2230000000000104, 0 reactions, answers 1084320011223344
	// line 6: reply 2230000000000105, 11 reactions, answers 2230000000000104
}
