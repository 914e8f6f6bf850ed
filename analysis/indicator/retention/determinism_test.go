package retention

import (
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
)

// TestDeterministic checks that Rows and the frames do not depend on the
// order of the messages, nor on map iteration order between runs.
func TestDeterministic(t *testing.T) {
	indicatortest.Deterministic(t, indicatortest.Corpus(3000, 7), func(c *corpus.Corpus) (string, error) {
		return indicatortest.Render(Rows(c), Frame(c))
	})
}
