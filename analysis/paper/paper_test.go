package paper

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/activity"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
)

func panelsFixture() []corpus.PanelObservation {
	t1 := time.Date(2019, 4, 30, 20, 0, 0, 0, time.UTC)
	t2 := time.Date(2019, 5, 15, 16, 0, 0, 0, time.UTC)
	return []corpus.PanelObservation{
		{Community: "avs", Name: "AVS", Observed: t2, Members: 3977, NewMembers30d: 290, PostsToday: 15, Posts30d: 388, Admins: 2, Moderators: 1, CreatedApprox: "il y a 4 ans environ"},
		{Community: "avs", Name: "AVS", Observed: t1, Members: 3800, NewMembers30d: 250, PostsToday: 9, Posts30d: 350, Admins: 2, Moderators: 1},
		{Community: "tu-sais", Name: "Tu sais", Observed: t2, Members: 1040, NewMembers30d: 288, PostsToday: 13, Posts30d: 353, Admins: 1},
	}
}

func csvOf(t *testing.T, f *figure.Figure) string {
	t.Helper()
	var b bytes.Buffer
	if err := f.Data.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// panelsOf measures the panels of panelsFixture, the groups named as
// given.
func panelsOf(names map[string]string) []activity.Panels {
	c := &corpus.Corpus{Panels: panelsFixture()}
	for id, n := range names {
		c.Communities = append(c.Communities, corpus.Community{ID: id, Name: n, Profession: corpus.HomeCareAide})
	}
	return activity.PanelsOf(c)
}

func TestT1GroupsTakesLatestPanel(t *testing.T) {
	f, err := T1Groups(panelsOf(nil), figure.Provenance{Study: "test"})
	if err != nil {
		t.Fatal(err)
	}
	want := "community,group_name,observed_at,members,new_members_30d,posts_today,posts_30d,admins,moderators,created_display\n" +
		"avs,AVS,2019-05-15T16:00:00Z,3977,290,15,388,2,1,il y a 4 ans environ\n" +
		"tu-sais,Tu sais,2019-05-15T16:00:00Z,1040,288,13,353,1,0,\n"
	if got := csvOf(t, f); got != want {
		t.Errorf("t1 data:\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(f.Caption, "15 mai 2019") {
		t.Errorf("caption %q does not give the observation date in French", f.Caption)
	}
	if _, err := T1Groups(nil, figure.Provenance{}); err == nil {
		t.Error("no error without panels")
	}
}

func TestF02MembersSeries(t *testing.T) {
	f, err := F02Members(panelsOf(map[string]string{"avs": "AVS - Auxiliaire de Vie Sociale"}), figure.Provenance{Study: "test"})
	if err != nil {
		t.Fatal(err)
	}
	want := "community,observed_at,members,new_members_30d\n" +
		"avs,2019-04-30T20:00:00Z,3800,250\n" +
		"avs,2019-05-15T16:00:00Z,3977,290\n" +
		"tu-sais,2019-05-15T16:00:00Z,1040,288\n"
	if got := csvOf(t, f); got != want {
		t.Errorf("f02 data:\n%s\nwant\n%s", got, want)
	}
	if f.Tiles == nil {
		t.Error("several observation dates but no time series tile")
	}
	dir := t.TempDir()
	if err := f.Save(dir); err != nil {
		t.Fatal(err)
	}
}

func TestShort(t *testing.T) {
	for in, want := range map[string]string{
		"AVS - Auxiliaire de Vie Sociale":                  "AVS - Auxiliaire de Vie…",
		"Auxiliaires de vie et Aides à domicile en colère": "Auxiliaires de vie et…",
		"#DocTocToc": "#DocTocToc",
	} {
		if got := Short(in, 24); got != want {
			t.Errorf("Short(%q) = %q, want %q", in, got, want)
		}
	}
}

// Two readings of one panel at the same instant: Table 1 shows the later
// line of the file, the panel lurker_share reads too (the table took the
// first one before the rule was shared).
func TestT1GroupsTieGoesToTheLaterLine(t *testing.T) {
	at := time.Date(2019, 5, 15, 16, 0, 0, 0, time.UTC)
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "avs", Name: "AVS", Profession: corpus.HomeCareAide}},
		Panels: []corpus.PanelObservation{
			{Community: "avs", Name: "AVS", Observed: at, Members: 3900},
			{Community: "avs", Name: "AVS", Observed: at, Members: 3977},
		},
		Messages: []corpus.Message{{Community: "avs", ID: "1", Author: "a", Created: at.Add(-time.Hour)}},
	}
	f, err := T1Groups(activity.PanelsOf(c), testProv)
	if err != nil {
		t.Fatal(err)
	}
	if got := csvLines(t, f)[1]; !strings.HasPrefix(got, "avs,AVS,2019-05-15T16:00:00Z,3977,") {
		t.Errorf("table 1 row %q, want the later reading (3977 members)", got)
	}
	for _, g := range participation.Measure(c) {
		if g.Community.ID == "avs" && g.Summary.Members != 3977 {
			t.Errorf("lurker_share reads %d members", g.Summary.Members)
		}
	}
}
