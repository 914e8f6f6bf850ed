package indicator_test

import (
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/activity"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
	"github.com/faire-communaute/compendium/analysis/indicator/retention"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

// Every family's result for one group is an indicator.Grouped.
var (
	_ indicator.Grouped = indicator.Group{}
	_ indicator.Grouped = activity.Group{}
	_ indicator.Grouped = activity.Panels{}
	_ indicator.Grouped = participation.Group{}
	_ indicator.Grouped = responsiveness.Group{}
	_ indicator.Grouped = rhythm.Group{}
	_ indicator.Grouped = network.Group{}
	_ indicator.Grouped = themes.Shares{}
	_ indicator.Grouped = norms.Group{}
	_ indicator.Grouped = retention.Group{}
)

func ids[G indicator.Grouped](gs []G) string {
	var s []string
	for _, g := range gs {
		s = append(s, g.Of().ID+":"+string(g.Of().Profession))
	}
	return strings.Join(s, " ")
}

func TestCommunitiesAndProfessions(t *testing.T) {
	c := &corpus.Corpus{
		Communities: []corpus.Community{
			{ID: "z", Profession: corpus.HomeCareAide},
			{ID: "doc", Profession: corpus.GP},
			{ID: "a", Profession: corpus.HomeCareAide},
		},
		Messages: []corpus.Message{{Community: "a", ID: "1"}, {Community: "z", ID: "2"}, {Community: "doc", ID: "4"}},
	}
	groups := rhythm.Measure(c)
	if got, want := ids(indicator.Communities(groups)), "a:home-care-aide doc:general-practitioner z:home-care-aide"; got != want {
		t.Errorf("Communities = %s, want %s", got, want)
	}
	if got, want := ids(indicator.Professions(groups)), "*:general-practitioner *:home-care-aide"; got != want {
		t.Errorf("Professions = %s, want %s", got, want)
	}
	g, ok := indicator.ProfessionOf(groups, corpus.HomeCareAide)
	if !ok || g.Of().ID != indicator.AllCommunities || g.Grid.Total() != 2 {
		t.Errorf("ProfessionOf(home-care-aide) = %s with %d messages, %v; want the 2 messages of a and z", g.Of().ID, g.Grid.Total(), ok)
	}
	if _, ok := indicator.ProfessionOf(indicator.Communities(groups), corpus.GP); ok {
		t.Error("ProfessionOf found a profession among single communities")
	}
	if indicator.IsProfession(groups[0]) || !indicator.IsProfession(groups[len(groups)-1]) {
		t.Error("IsProfession wrong on the first community or the last profession")
	}
}
