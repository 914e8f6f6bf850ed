package rawio

import (
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// SetKind keeps a kind corpus.Kinds names as its byte and any other text
// in KindText, which KindName gives back for the rejection.
func TestSetKind(t *testing.T) {
	for _, c := range []struct {
		in, text, name string
		kind           corpus.Kind
	}{
		{"reply", "", "reply", corpus.Reply},
		{"", "", "", 0},
		{"story", "story", "story", 0},
		{"Post", "Post", "Post", 0}, // readers lower-case first when the export's case varies
	} {
		m := RawMessage{Kind: corpus.Quote, KindText: "old"}
		m.SetKind(c.in)
		if m.Kind != c.kind || m.KindText != c.text || m.KindName() != c.name {
			t.Errorf("SetKind(%q): kind %q text %q name %q", c.in, m.Kind, m.KindText, m.KindName())
		}
	}
}
