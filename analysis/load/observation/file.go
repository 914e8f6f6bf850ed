package observation

import (
	"fmt"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Panels reads a panels CSV on its own, without a study: the quick path
// for a notebook that only needs the panels. Any rejected row is an error,
// since a published table must not silently skip a group.
func Panels(path string) ([]corpus.PanelObservation, error) {
	f, err := rawio.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var c collect
	if err := readPanels(f, &c); err != nil {
		return nil, err
	}
	if len(c.rejected) > 0 {
		return nil, c.rejected[0]
	}
	if len(c.panels) == 0 {
		return nil, fmt.Errorf("%s: no panel observation", path)
	}
	return c.panels, nil
}

type collect struct {
	panels   []corpus.PanelObservation
	rejected []*rawio.ParseError
}

func (c *collect) Message(*rawio.RawMessage)        {}
func (c *collect) Profile(*rawio.RawProfile)        {}
func (c *collect) Panel(p *corpus.PanelObservation) { c.panels = append(c.panels, *p) }
func (c *collect) Reject(e *rawio.ParseError)       { c.rejected = append(c.rejected, e) }
