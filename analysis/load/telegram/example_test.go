package telegram_test

import (
	"fmt"
	"log"

	"github.com/faire-communaute/compendium/analysis/corpus"
	_ "github.com/faire-communaute/compendium/analysis/load/telegram" // registers telegram-desktop
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// printer is a Sink that prints what it receives, service records too.
type printer struct{}

func (printer) Message(m *rawio.RawMessage) {
	fmt.Printf("line %d: %s %s at %s", m.Line, m.Kind, m.ID, m.Created.Format("2006-01-02 15:04"))
	if m.ParentID != "" {
		fmt.Printf(", answers %s", m.ParentID)
	}
	fmt.Printf(", %d reactions\n", m.Reactions)
}
func (printer) Panel(*corpus.PanelObservation) {}
func (printer) Profile(*rawio.RawProfile)      {}
func (printer) Reject(e *rawio.ParseError)     { fmt.Println("rejected:", e) }
func (printer) Service(s *rawio.RawService) {
	fmt.Printf("line %d: service record %s\n", s.Line, s.Kind)
}

// A group's result.json, recognised by its content and read item by
// item: service items (the group created, a member joining, a pin) are
// service records, a reply names its parent, a forward is a repost, and
// the two broken items are rejected alone.
func Example() {
	f, err := rawio.Open("testdata/telegram/result.json")
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
	// format: telegram-desktop
	// line 6: service record create_group
	// line 19: post 102 at 2024-03-04 08:02, 0 reactions
	// line 31: service record join_group_by_link
	// line 43: reply 104 at 2024-03-04 08:10, answers 102, 4 reactions
	// rejected: testdata/telegram/result.json:74: malformed JSON: invalid character '"' after object key:value pair
	// line 83: retweet 106 at 2024-03-04 08:20, 0 reactions
	// line 96: service record pin_message
	// line 108: reply 108 at 2024-03-04 09:00, answers 104, 0 reactions
	// rejected: testdata/telegram/result.json:125: field "date_unixtime": unreadable time: "h…"
	// line 134: service record unsupported
	// line 138: post 111 at 2024-03-04 09:30, 0 reactions
}
