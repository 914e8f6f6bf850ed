package network

import (
	"math"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
)

// Account-level links draw edges: a->gp twice, b->gp, gp->a (by its
// parent), and a reply whose parent is absent but whose account is named
// (c->a). A self-reply by account (a->a) and an orphan naming nothing (d)
// draw nothing. The old code drew only gp->a.
func TestAccountLevelEdges(t *testing.T) {
	msgs := []corpus.Message{
		{Community: "ts", ID: "1", Author: "a", ReplyToAuthor: "gp"},
		{Community: "ts", ID: "2", Author: "a", ReplyToAuthor: "gp"},
		{Community: "ts", ID: "3", Author: "b", ReplyToAuthor: "gp"},
		{Community: "ts", ID: "4", Author: "gp", ParentID: "1", ReplyToAuthor: "a"},
		{Community: "ts", ID: "5", Author: "c", ParentID: "absent", ReplyToAuthor: "a"},
		{Community: "ts", ID: "6", Author: "a", ReplyToAuthor: "a"},
		{Community: "ts", ID: "7", Author: "d", Kind: corpus.Reply},
	}
	g := Build(msgs)
	want := []string{"a", "b", "c", "gp"}
	if len(g.Authors) != len(want) {
		t.Fatalf("nodes = %v, want %v", g.Authors, want)
	}
	for i := range want {
		if g.Authors[i] != want[i] {
			t.Fatalf("nodes = %v, want %v", g.Authors, want)
		}
	}
	id := map[string]int64{"a": 0, "b": 1, "c": 2, "gp": 3}
	edges := map[[2]string]float64{{"a", "gp"}: 2, {"b", "gp"}: 1, {"gp", "a"}: 1, {"c", "a"}: 1}
	out := outMaps(g)
	n := 0
	for i := range out {
		n += len(out[i])
	}
	if n != len(edges) {
		t.Errorf("%d edges, want %d", n, len(edges))
	}
	for e, w := range edges {
		if got := out[id[e[0]]][id[e[1]]]; got != w {
			t.Errorf("edge %s->%s weight %v, want %v", e[0], e[1], got, w)
		}
	}
}

// A community of posts that name nothing they answer has no network to
// measure: its rows are NaN (the old rows said 0 nodes, 0 edges), while a
// community of account-level replies is measured.
func TestRowsOfUnlinkedCommunityAreNaN(t *testing.T) {
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "ct", Profession: corpus.HomeCareAide}, {ID: "ts", Profession: corpus.GP}},
		Messages: []corpus.Message{
			{Community: "ct", ID: "1", Kind: corpus.Post, Author: "a"},
			{Community: "ct", ID: "2", Kind: corpus.Post, Author: "b"},
			{Community: "ts", ID: "3", Kind: corpus.Reply, Author: "a", ReplyToAuthor: "gp"},
		},
	}
	got := map[string]float64{}
	for _, r := range Rows(c) {
		got[r.Community+" "+r.Indicator] = r.Value
		want := ""
		if r.Profession == corpus.HomeCareAide { // ct and its profession, ct only
			want = indicator.ReasonNoReplyLinks
		}
		if r.Reason != want {
			t.Errorf("%s %s: reason %q, want %q", r.Community, r.Indicator, r.Reason, want)
		}
	}
	if !math.IsNaN(got["ct nodes"]) || !math.IsNaN(got["ct edges"]) {
		t.Errorf("ct: nodes %v, edges %v, want NaN", got["ct nodes"], got["ct edges"])
	}
	if got["ts nodes"] != 2 || got["ts edges"] != 1 {
		t.Errorf("ts: nodes %v, edges %v, want 2 and 1", got["ts nodes"], got["ts edges"])
	}
}
