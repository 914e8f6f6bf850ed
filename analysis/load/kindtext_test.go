package load

import (
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// An export's kind that names none of corpus.Kinds (kept by the reader in
// RawMessage.KindText, corpus.Kind being one byte) is rejected in field
// "kind" with a reason that shows the raw kind through rawio.Quote, as
// when Kind was a string (the same text as before the change, checked
// against main); a known kind loads.
func TestUnknownRawKindRejected(t *testing.T) {
	row := func(id, kind string) string {
		return strings.Join([]string{"m", id, "", "", kind, "n:Anne Bleu", "2019-05-01T08:00:00Z", "bonjour", "G", "", "", "", ""}, "\t") + "\n"
	}
	p := writeFile(t, "k.fake", "#fake facebook\n"+row("p1", "story")+row("p2", "post"))
	c, rep, err := Files([]string{p}, Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	f := rep.Files[0]
	if f.Records != 2 || f.Loaded != 1 || f.Rejected != 1 || len(c.Messages) != 1 || c.Messages[0].Kind != corpus.Post {
		t.Fatalf("report %+v, messages %+v", f, c.Messages)
	}
	if got, want := f.Rejections[0].Error(), p+`:2: field "kind": unknown message kind: "s…"`; got != want {
		t.Errorf("rejection %s\nwant      %s", got, want)
	}
}
