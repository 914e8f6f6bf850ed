package indicator

import (
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// Two panels of one group read at the same instant: the later line wins,
// in every measure and figure. Before this rule was shared, Table 1 took
// the first of them and lurker_share and posts_30d the last.
func TestLatestTies(t *testing.T) {
	may := time.Date(2019, 5, 15, 16, 0, 0, 0, time.UTC)
	panels := []corpus.PanelObservation{
		{Community: "g", Observed: may, Members: 100},
		{Community: "h", Observed: may, Members: 7},
		{Community: "g", Observed: may.Add(-time.Hour), Members: 300},
		{Community: "g", Observed: may.In(corpus.Paris), Members: 120}, // same instant, later line
	}
	p, ok := LatestPanel(panels, "g")
	if !ok || p.Members != 120 {
		t.Errorf("LatestPanel(g) = %d members, %v; want 120 (the later line at the latest instant)", p.Members, ok)
	}
	if _, ok := LatestPanel(panels, "none"); ok {
		t.Error("a community without panel has a latest panel")
	}
	all := LatestPanels(panels)
	if len(all) != 2 || all[0].Community != "g" || all[0].Members != 120 || all[1].Community != "h" {
		t.Errorf("LatestPanels = %+v", all)
	}
	profiles := []corpus.ProfileObservation{
		{Account: "u2", Label: "B", Observed: may, Posts: 1},
		{Account: "u1", Label: "A", Observed: may, Posts: 2},
		{Account: "u2", Label: "B", Observed: may, Posts: 3},
		{Account: "u1", Label: "A", Observed: may.Add(-time.Hour), Posts: 4},
	}
	pr := LatestProfiles(profiles)
	if len(pr) != 2 || pr[0].Account != "u1" || pr[0].Posts != 2 || pr[1].Posts != 3 {
		t.Errorf("LatestProfiles = %+v", pr)
	}
	if Latest(0, nil) != -1 {
		t.Error("Latest of nothing is not -1")
	}
}
