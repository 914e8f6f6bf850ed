package mastodon_test

import (
	"fmt"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/mastodon"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// An ActivityPub id holds its author's user name: the message id is
// derived from it, and a reply's inReplyTo the same way, so they meet.
func ExampleURIID() {
	note := "https://piaille.fr/users/claire_mg/statuses/111000000000000001"
	fmt.Println(mastodon.URIID(note))
	fmt.Println(mastodon.URIID(note) == mastodon.URIID(" "+note+" "))
	// Output:
	// ap-ce561636a80e4943
	// true
}

// sink prints what a reader gives it.
type sink struct{}

func (sink) Message(m *rawio.RawMessage) {
	fmt.Printf("%s %s by %s, parent %q: %q (%d favourites)\n", m.Kind, m.ID, m.Author.Handle, m.ParentID, m.Text, m.Reactions)
}
func (sink) Panel(*corpus.PanelObservation) {}
func (sink) Profile(*rawio.RawProfile)      {}
func (sink) Reject(e *rawio.ParseError)     { fmt.Println("rejected:", e) }

// A status's context, as GET /api/v1/statuses/:id/context gives it.
func Example() {
	const context = `{"ancestors": [{"id": "1", "created_at": "2024-03-12T07:15:30Z",
  "content": "<p>Un protocole pour la douleur thoracique&nbsp;?</p>",
  "favourites_count": 2, "account": {"id": "11", "acct": "claire", "url": "https://piaille.fr/@claire"}}],
 "descendants": [{"id": "2", "created_at": "2024-03-12T07:42:05Z", "in_reply_to_id": "1",
  "in_reply_to_account_id": "11",
  "content": "<p><span class=\"h-card\"><a href=\"https://piaille.fr/@claire\" class=\"u-url mention\">@<span>claire</span></a></span> ECG d&#39;abord.</p>",
  "account": {"id": "22", "acct": "bruno@mastodon.social", "url": "https://mastodon.social/@bruno"}}]}`
	f, _ := rawio.NewFile("context.json", strings.NewReader(context))
	format, _ := rawio.Lookup("mastodon")
	format.Read(f, sink{})
	// Output:
	// post 1 by claire@piaille.fr, parent "": "Un protocole pour la douleur thoracique\u00a0?" (2 favourites)
	// reply 2 by bruno@mastodon.social, parent "1": "@claire@piaille.fr ECG d'abord." (0 favourites)
}
