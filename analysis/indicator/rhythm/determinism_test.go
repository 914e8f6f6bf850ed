package rhythm

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"github.com/go-gota/gota/dataframe"
)

// outputs renders Rows and the frames of c as text.
func outputs(t *testing.T, c *corpus.Corpus) string {
	t.Helper()
	var buf bytes.Buffer
	if err := indicator.WriteCSV(&buf, Rows(c)); err != nil {
		t.Fatal(err)
	}
	for _, df := range []dataframe.DataFrame{GridFrame(c), ComparisonFrame(c)} {
		if err := df.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
	}
	return buf.String()
}

// TestDeterministic checks that the outputs do not depend on the order of
// the messages, nor on map iteration order between runs.
func TestDeterministic(t *testing.T) {
	c := indicatortest.Corpus(3000, 7)
	want := outputs(t, c)
	if len(want) < 1000 {
		t.Fatalf("suspiciously short outputs:\n%s", want)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3 {
		s := *c
		s.Messages = append([]corpus.Message(nil), c.Messages...)
		r.Shuffle(len(s.Messages), func(i, j int) { s.Messages[i], s.Messages[j] = s.Messages[j], s.Messages[i] })
		if got := outputs(t, &s); got != want {
			t.Fatal("outputs changed when the messages were shuffled")
		}
	}
}
