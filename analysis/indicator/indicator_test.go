package indicator

import (
	"bytes"
	"math"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

func TestWriteCSVOrderAndPrecision(t *testing.T) {
	rows := []Row{
		{Community: "*", Profession: corpus.HomeCareAide, Indicator: "reply_rate", Value: 0.5, Lo: 0.25, Hi: 0.75, N: 14, Unit: "threads", Method: "wilson"},
		{Community: "b", Profession: corpus.HomeCareAide, Indicator: "reply_rate", Value: 1.0 / 3},
		{Community: "a", Profession: corpus.HomeCareAide, Indicator: "gini", Value: math.NaN()},
		{Community: "d", Profession: corpus.GP, Indicator: "reply_rate", Value: 0.9},
		{Community: "d", Profession: corpus.GP, Indicator: "lurker_share", Value: math.NaN(), Reason: ReasonNoPanel, Method: "wilson", N: 3},
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	// A measure the data do not allow is written empty with its reason,
	// and no interval; a NaN the definition leaves undefined stays NaN,
	// reason empty; a row without method has no interval.
	want := "community,profession,indicator,value,lo,hi,n,unit,method,reason\n" +
		"d,general-practitioner,lurker_share,,,,,,,no panel observation\n" +
		"d,general-practitioner,reply_rate,0.900000,,,,,,\n" +
		"a,home-care-aide,gini,NaN,,,,,,\n" +
		"b,home-care-aide,reply_rate,0.333333,,,,,,\n" +
		"*,home-care-aide,reply_rate,0.500000,0.250000,0.750000,14,threads,wilson,\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	df := Frame(rows)
	if df.Nrow() != 5 || df.Elem(0, 0).String() != "d" || df.Elem(4, 0).String() != "*" {
		t.Errorf("frame order wrong:\n%v", df)
	}
}

func TestGroups(t *testing.T) {
	c := &corpus.Corpus{
		Communities: []corpus.Community{
			{ID: "z", Profession: corpus.HomeCareAide},
			{ID: "doc", Profession: corpus.GP},
			{ID: "a", Profession: corpus.HomeCareAide},
		},
		Messages: []corpus.Message{{Community: "a", ID: "1"}, {Community: "z", ID: "2"}, {Community: "a", ID: "3"}, {Community: "doc", ID: "4"}},
	}
	g := Groups(c)
	var got []string
	for _, x := range g {
		got = append(got, x.Community.ID+":"+string(x.Community.Profession)+":"+string(rune('0'+len(x.Messages))))
	}
	want := []string{"a:home-care-aide:2", "doc:general-practitioner:1", "z:home-care-aide:1", "*:general-practitioner:1", "*:home-care-aide:3"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("group %d = %s, want %s", i, got[i], want[i])
		}
	}
}

func TestGroupsContiguousShareMemory(t *testing.T) {
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "a", Profession: corpus.GP}, {ID: "b", Profession: corpus.GP}},
		Messages:    []corpus.Message{{Community: "a", ID: "1"}, {Community: "a", ID: "2"}, {Community: "b", ID: "3"}},
	}
	g := Groups(c)
	if len(g) != 3 || len(g[0].Messages) != 2 || &g[0].Messages[0] != &c.Messages[0] {
		t.Fatalf("community a not a sub-slice of the corpus: %+v", g)
	}
	if len(g[2].Messages) != 3 || g[2].Messages[2].ID != "3" {
		t.Errorf("profession group = %+v", g[2].Messages)
	}
	// Appending to a community's slice must not overwrite the next one.
	_ = append(g[0].Messages, corpus.Message{ID: "x"})
	if c.Messages[2].ID != "3" {
		t.Error("community slice has spare capacity over the next community")
	}
}

func TestLinksReason(t *testing.T) {
	threads := corpus.Links{Messages: 3, Parent: 2, None: 1}
	accounts := corpus.Links{Messages: 3, AccountOnly: 2, None: 1}
	none := corpus.Links{Messages: 3, None: 3}
	for _, c := range []struct {
		l    corpus.Links
		need corpus.LinkStrength
		want string
	}{
		{threads, corpus.MessageLinks, ""},
		{threads, corpus.AccountLinks, ""},
		{accounts, corpus.MessageLinks, ReasonNoMessageLinks},
		{accounts, corpus.AccountLinks, ""},
		{none, corpus.MessageLinks, ReasonNoMessageLinks},
		{none, corpus.AccountLinks, ReasonNoReplyLinks},
		{corpus.Links{}, corpus.MessageLinks, ""}, // no message: nothing missing
	} {
		if got := LinksReason(c.l, c.need); got != c.want {
			t.Errorf("LinksReason(%+v, %v) = %q, want %q", c.l, c.need, got, c.want)
		}
	}
}
