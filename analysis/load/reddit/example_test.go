package reddit_test

import (
	"fmt"
	"log"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/reddit"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// printer is a Sink that prints what it receives.
type printer struct{}

func (printer) Message(m *rawio.RawMessage) {
	who := "u/" + m.Author.Handle
	if m.Author.IsZero() {
		who = "nobody ([deleted])"
	}
	fmt.Printf("line %d: %s %s by %s, score %d", m.Line, m.Kind, m.ID, who, m.Reactions)
	if m.ParentID != "" {
		fmt.Printf(", answers %s", m.ParentID)
	}
	fmt.Println()
}
func (printer) Panel(*corpus.PanelObservation) {}
func (printer) Profile(*rawio.RawProfile)      {}
func (printer) Reject(e *rawio.ParseError)     { fmt.Println("rejected:", e) }

// A dump mixing submissions and comments is recognised by its content
// and read line by line; a cut line and a "more" stub are rejected alone.
func Example() {
	f, err := rawio.Open("testdata/r_medecine.ndjson")
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
	// format: reddit
	// line 1: post t3_1b2c3d4 by u/doc_lyon69, score 57
	// line 2: comment t1_kr1a001 by u/interne_nantes, score 23, answers t3_1b2c3d4
	// rejected: testdata/r_medecine.ndjson:3:116: malformed JSON: unexpected end of JSON input
	// line 4: reply t1_kr1a003 by nobody ([deleted]), score -4, answers t1_kr1a001
	// line 5: reply t1_kr1a004 by u/doc_lyon69, score 5, answers t1_kr1a001
	// line 6: comment t1_kr1a005 by nobody ([deleted]), score 1, answers t3_1b2c3d4
	// line 8: post t3_1b2d000 by nobody ([deleted]), score 112
	// rejected: testdata/r_medecine.ndjson:9: record of unexpected shape: neither a Reddit comment (body, link_id, parent_id) nor a submission (title, selftext, num_comments)
}

func ExampleMentions() {
	fmt.Println(reddit.Mentions("Merci u/interne_nantes et /u/ide_bx, cf. reddit.com/user/doc_lyon69"))
	// Output: [interne_nantes ide_bx doc_lyon69]
}
