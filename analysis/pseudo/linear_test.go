package pseudo

import (
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// TestLinearTime: hostile texts are scrubbed in time linear in their
// length (a quadratic scan would take minutes on these).
func TestLinearTime(t *testing.T) {
	p := New(testKey)
	p.Person(corpus.Facebook, rawio.Person{Handle: "zeph.quill"})
	p.Person(corpus.Twitter, rawio.Person{Handle: "zquill_canary", Name: "Zéphyrine Quillbottom"})
	n := p.NamesFor(corpus.Twitter, []string{"Zéphyrine Quillbottom", "Jean Pierre Paul Martin"})
	const size = 1 << 20
	for _, unit := range []string{"a_", "a.", "a%40", "@a", "a@", "Z. ", "Zéphyrine ", "Jean Pierre Paul ", "Quillbottom, ", "twitter.com/", "%2F", "a.", "screen_name=a ", "\u200ba", "x",
		"u/a", "u/abc ", "did:plc:", "did:web:a.", "06 ", "0", "+3 ", "+1 (", "a.b/@a", "a.bc/users/", "/users/a", "@a@b.", "@a.b-", "@a-", "@a.",
		"t.me/+", "bsky.app/profile/", "reddit.com/user/", "-", "00"} {
		text := strings.Repeat(unit, size/len(unit))
		start := time.Now()
		n.Text(corpus.Twitter, text)
		p.Text(corpus.Twitter, text)
		p.Meet(corpus.Facebook, text)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%q × %d: %v", unit, size/len(unit), d)
		}
	}
}
