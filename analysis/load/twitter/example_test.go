package twitter_test

import (
	"fmt"
	"log"

	"github.com/faire-communaute/compendium/analysis/corpus"
	_ "github.com/faire-communaute/compendium/analysis/load/twitter" // registers the Twitter/X formats
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// printer is a Sink that prints what it receives.
type printer struct{}

func (printer) Message(m *rawio.RawMessage) {
	fmt.Printf("line %d: %s %s by @%s at %s", m.Line, m.Kind, m.ID, m.Author.Handle, m.Created.Format("2006-01-02 15:04"))
	if m.ParentID != "" {
		fmt.Printf(", answers %s", m.ParentID)
	}
	if m.RefID != "" {
		fmt.Printf(", refers to %s", m.RefID)
	}
	fmt.Printf(", hashtags %v\n", m.Hashtags)
}
func (printer) Panel(*corpus.PanelObservation) {}
func (printer) Profile(*rawio.RawProfile)      {}
func (printer) Reject(e *rawio.ParseError)     { fmt.Println("rejected:", e) }

// A gzip-compressed twarc2 file, with CRLF line ends and a byte-order
// mark, is recognised by its content and read tweet by tweet.
func Example() {
	f, err := rawio.Open("testdata/twarc2/flat.jsonl.gz")
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
	// format: twarc2
	// line 1: reply 1500000000000000002 by @dr_bob at 2022-03-05 21:20, answers 1500000000000000001, hashtags []
	// line 2: retweet 1500000000000000003 by @gp_carla at 2022-03-05 22:01, refers to 1500000000000000001, hashtags [DocTocToc MG]
}

// Rejected records name the file, the line, the field and the reason.
func Example_rejects() {
	f, err := rawio.Open("testdata/twitter-v1/tweets.jsonl")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	format, _ := rawio.Lookup("twitter-v1")
	var n counting
	if err := format.Read(f, &n); err != nil {
		log.Fatal(err)
	}
	fmt.Println(n.messages, "messages")
	// Output:
	// rejected: testdata/twitter-v1/tweets.jsonl:7:62: malformed JSON: unexpected end of JSON input
	// rejected: testdata/twitter-v1/tweets.jsonl:8: field "created_at": missing value
	// 6 messages
}

type counting struct {
	printer
	messages int
}

func (c *counting) Message(*rawio.RawMessage) { c.messages++ }
