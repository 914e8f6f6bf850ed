package discourse_test

import (
	"fmt"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	_ "github.com/faire-communaute/compendium/analysis/load/discourse"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

type sink struct{}

func (sink) Message(m *rawio.RawMessage) {
	fmt.Printf("%s %s by %s, parent %q: %q (%d likes)\n", m.Kind, m.ID, m.Author.Handle, m.ParentID, m.Text, m.Reactions)
}
func (sink) Panel(*corpus.PanelObservation) {}
func (sink) Profile(*rawio.RawProfile)      {}
func (sink) Reject(e *rawio.ParseError)     { fmt.Println("rejected:", e) }

// A topic as GET /t/42.json gives it: the first post begins with the
// topic's title, post 2 answers the topic (its reply_to_post_number is
// null), post 3 answers post 2.
func Example() {
	const topic = `{"id": 42, "title": "Refus de soins", "post_stream": {"posts": [
 {"id": 501, "username": "martine", "post_number": 1, "reply_to_post_number": null,
  "created_at": "2023-11-06T19:02:11.420+01:00", "cooked": "<p>Comment faites-vous&nbsp;?</p>"},
 {"id": 502, "username": "sylvie", "post_number": 2, "reply_to_post_number": null,
  "created_at": "2023-11-06T19:30:00+01:00", "cooked": "<p>Revenir plus tard.</p>", "actions_summary": [{"id": 2, "count": 4}]},
 {"id": 503, "username": "martine", "post_number": 3, "reply_to_post_number": 2,
  "created_at": "2023-11-07T08:15:00+01:00", "cooked": "<p>Merci <a class=\"mention\" href=\"/u/sylvie\">@sylvie</a></p>"}]}}`
	f, _ := rawio.NewFile("42.json", strings.NewReader(topic))
	format, _ := rawio.Lookup("discourse")
	format.Read(f, sink{})
	// Output:
	// post 42/1 by martine, parent "": "Refus de soins\n\nComment faites-vous\u00a0?" (0 likes)
	// reply 42/2 by sylvie, parent "42/1": "Revenir plus tard." (4 likes)
	// reply 42/3 by martine, parent "42/2": "Merci @sylvie" (0 likes)
}
