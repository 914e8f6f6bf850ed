package facebook_test

import (
	"fmt"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	_ "github.com/faire-communaute/compendium/analysis/load/facebook"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// printer is a rawio.Sink that prints what it receives, without authors.
type printer struct{}

func (printer) Message(m *rawio.RawMessage) {
	fmt.Printf("line %d: %s %s (parent %q, thread %q, group %s) %s %q\n",
		m.Line, m.Kind, m.ID, m.ParentID, m.ThreadID, m.Group, m.Created.Format("2006-01-02 15:04 MST"), m.Text)
}
func (printer) Panel(*corpus.PanelObservation) {}
func (printer) Profile(*rawio.RawProfile)      {}
func (printer) Reject(e *rawio.ParseError)     { fmt.Println("rejected:", e) }

// A Facepager export of a group's feed is recognised by its content and
// read into posts, comments and replies; the seed node is accounted for
// as a rejection.
func Example() {
	const export = "level;id;parent_id;object_id;object_type;object_key;query_status;query_time;query_type;message;created_time;from.name;like_count\n" +
		"0;1;None;987654321;seed;;;None;None;;;;\n" +
		"1;2;1;987654321_1;data;data.*;fetched (200);2019-05-16 10:00:00;Facebook:/<page-id>/feed;Qui travaille dimanche ?;2019-05-15T16:02:11+0000;Aide A;4\n" +
		"2;3;2;987654321_1_2;data;data.*;fetched (200);2019-05-16 10:00:01;Facebook:/<post-id>/comments;Moi, hélas.;2019-05-15T16:30:00+0000;Aide B;1\n" +
		"3;4;3;987654321_1_3;data;data.*;fetched (200);2019-05-16 10:00:02;Facebook:/<comment-id>/comments;Courage !;2019-05-15T17:00:00+0000;Aide A;0\n"

	f, err := rawio.NewFile("groupe.csv", strings.NewReader(export))
	if err != nil {
		fmt.Println(err)
		return
	}
	format, err := rawio.Detect(f.Head)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("format:", format.Name)
	if err := format.Read(f, printer{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// format: facepager
	// rejected: groupe.csv:2: field "object_type": seed node, not a message
	// line 3: post 987654321_1 (parent "", thread "987654321_1", group 987654321) 2019-05-15 16:02 UTC "Qui travaille dimanche ?"
	// line 4: comment 987654321_1_2 (parent "987654321_1", thread "987654321_1", group 987654321) 2019-05-15 16:30 UTC "Moi, hélas."
	// line 5: reply 987654321_1_3 (parent "987654321_1_2", thread "987654321_1", group 987654321) 2019-05-15 17:00 UTC "Courage !"
}
