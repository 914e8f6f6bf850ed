package network

import (
	"bytes"
	"encoding/xml"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes/themestest"
)

type reply struct{ id, author, parent string }

func msgs(role map[string]corpus.Role, rs ...reply) []corpus.Message {
	var out []corpus.Message
	t0 := time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)
	for i, r := range rs {
		out = append(out, corpus.Message{Community: "x", ID: r.id, Author: r.author, ParentID: r.parent, AuthorRole: role[r.author], Created: t0.Add(time.Duration(i) * time.Minute)})
	}
	return out
}

// triangle: b->a twice, c->a, a->b, b->c; a self-reply and a reply to a
// missing parent are ignored, so d is not a node.
func triangle() *Graph {
	return Build(msgs(map[string]corpus.Role{"a": corpus.Admin, "b": corpus.Member},
		reply{"1", "a", ""},
		reply{"2", "b", "1"},
		reply{"3", "c", "1"},
		reply{"4", "a", "2"},
		reply{"5", "a", "4"},
		reply{"6", "d", "missing"},
		reply{"7", "b", "3"},
		reply{"8", "b", "1"},
	))
}

func TestTriangleByHand(t *testing.T) {
	g := triangle()
	if strings.Join(g.Authors, ",") != "a,b,c" {
		t.Fatalf("authors = %v", g.Authors)
	}
	s := g.Measure()
	if s.Nodes != 3 || s.Edges != 4 {
		t.Errorf("n, m = %d, %d, want 3, 4", s.Nodes, s.Edges)
	}
	for name, got := range map[string][2]float64{
		"density":        {s.Density, 4.0 / 6},
		"reciprocity":    {s.Reciprocity, 0.5}, // a<->b reciprocated, c->a and b->c not
		"centralization": {s.DegreeCentralization, 0},
		"clustering":     {s.Clustering, 1},
		"staff rank":     {s.StaffDegreeRankMedian, 1.5}, // a and b tie at degree 3: ranks 1 and 2
		"staff share":    {s.StaffReplyShare, 0.25},      // a->b of 4 edges
	} {
		if !indicatortest.Near(got[0], got[1]) {
			t.Errorf("%s = %v, want %v", name, got[0], got[1])
		}
	}
	if s.KCoreMax != 2 || s.KCoreSize != 3 {
		t.Errorf("k-core = %d (%d nodes), want 2 (3)", s.KCoreMax, s.KCoreSize)
	}
	nodes := g.Nodes()
	a, b, c := nodes[0], nodes[1], nodes[2]
	if a.Author != "a" || a.Role != corpus.Admin || a.InDegree != 2 || a.OutDegree != 1 || a.InWeight != 3 || a.OutWeight != 1 {
		t.Errorf("a = %+v", a)
	}
	// shortest paths c->b go through a, a->c through b
	if a.Betweenness != 1 || b.Betweenness != 1 || c.Betweenness != 0 {
		t.Errorf("betweenness = %v %v %v, want 1 1 0", a.Betweenness, b.Betweenness, c.Betweenness)
	}
	var buf bytes.Buffer
	if err := WriteEdgeCSV(&buf, g); err != nil {
		t.Fatal(err)
	}
	if want := "source,target,weight\na,b,1\nb,a,2\nb,c,1\nc,a,1\n"; buf.String() != want {
		t.Errorf("edges:\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestStarAndCore(t *testing.T) {
	// star: four leaves reply to s: degrees 4,1,1,1,1;
	// centralization = 4*(4-1) / (4*3) = 1
	g := Build(msgs(nil, reply{"0", "s", ""}, reply{"1", "w", "0"}, reply{"2", "x", "0"}, reply{"3", "y", "0"}, reply{"4", "z", "0"}))
	s := g.Measure()
	if !indicatortest.Near(s.DegreeCentralization, 1) || !indicatortest.Near(s.Clustering, 0) || s.KCoreMax != 1 || s.KCoreSize != 5 || !indicatortest.Near(s.Reciprocity, 0) {
		t.Errorf("star: %+v", s)
	}
	if !math.IsNaN(s.StaffDegreeRankMedian) {
		t.Errorf("no staff: rank median %v, want NaN", s.StaffDegreeRankMedian)
	}
	// K4 (a b c d, each replying to the next ones) plus e replying to a:
	// 3-core of 4 nodes; degrees 4,3,3,3,1: centralization
	// (0+1+1+1+3)/(4*3) = 0.5; clustering: a 3/6, b c d 1, e 0 -> 3.5/5
	rs := []reply{{"a0", "a", ""}, {"b0", "b", ""}, {"c0", "c", ""}, {"d0", "d", ""}}
	rs = append(rs, reply{"1", "b", "a0"}, reply{"2", "c", "a0"}, reply{"3", "d", "a0"}, reply{"4", "c", "b0"}, reply{"5", "d", "b0"}, reply{"6", "d", "c0"}, reply{"7", "e", "a0"})
	s = Build(msgs(nil, rs...)).Measure()
	if s.KCoreMax != 3 || s.KCoreSize != 4 || !indicatortest.Near(s.DegreeCentralization, 0.5) || !indicatortest.Near(s.Clustering, 3.5/5) {
		t.Errorf("K4 plus one: %+v", s)
	}
	// empty graph: only a self-reply
	s = Build(msgs(nil, reply{"1", "a", ""}, reply{"2", "a", "1"})).Measure()
	if s.Nodes != 0 || !math.IsNaN(s.Density) || !math.IsNaN(s.Modularity) || s.LouvainCommunities != 0 {
		t.Errorf("empty: %+v", s)
	}
}

// twoCliques: two groups of four authors all replying to each other, and
// one reply from a1 to b1.
func twoCliques() []corpus.Message {
	var rs []reply
	for _, grp := range []string{"a", "b"} {
		for i := 1; i <= 4; i++ {
			rs = append(rs, reply{grp + string(rune('0'+i)), grp + string(rune('0'+i)), ""})
		}
		for i := 1; i <= 4; i++ {
			for j := 1; j <= 4; j++ {
				if i != j {
					rs = append(rs, reply{grp + string(rune('0'+i)) + "to" + string(rune('0'+j)), grp + string(rune('0'+i)), grp + string(rune('0'+j))})
				}
			}
		}
	}
	rs = append(rs, reply{"bridge", "a1", "b1"})
	return msgs(nil, rs...)
}

func TestTwoCliques(t *testing.T) {
	g := Build(twoCliques())
	s := g.Measure()
	// undirected weights: 2 within the cliques (6 pairs each), 1 on the
	// bridge; total 25. Q = 2 * (12/25 - (25/50)^2) = 0.46
	if s.LouvainCommunities != 2 || !indicatortest.Near(s.Modularity, 0.46) {
		t.Errorf("communities %d, Q %v; want 2, 0.46", s.LouvainCommunities, s.Modularity)
	}
	for _, nd := range g.Nodes() {
		want := 1
		if nd.Author[0] == 'b' {
			want = 2
		}
		if nd.Community != want {
			t.Errorf("%s in community %d, want %d", nd.Author, nd.Community, want)
		}
	}
}

func exports(t *testing.T, c *corpus.Corpus) string {
	t.Helper()
	g := Build(c.Messages)
	var b bytes.Buffer
	for _, f := range []func(*bytes.Buffer, *Graph) error{
		func(b *bytes.Buffer, g *Graph) error { return WriteGraphML(b, g) },
		func(b *bytes.Buffer, g *Graph) error { return WriteGEXF(b, g) },
		func(b *bytes.Buffer, g *Graph) error { return WriteEdgeCSV(b, g) },
	} {
		if err := f(&b, g); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

func TestDeterministicExports(t *testing.T) {
	c := themestest.Corpus(11, 4000)
	a := exports(t, c)
	// the same corpus, messages in another order
	rev := *c
	rev.Messages = append([]corpus.Message(nil), c.Messages...)
	for i, j := 0, len(rev.Messages)-1; i < j; i, j = i+1, j-1 {
		rev.Messages[i], rev.Messages[j] = rev.Messages[j], rev.Messages[i]
	}
	if b := exports(t, &rev); a != b {
		t.Error("exports differ between two builds")
	}
	if !strings.Contains(a, "<gexf") || !strings.Contains(a, "<graphml") {
		t.Error("exports incomplete")
	}
}

func TestExportsParseBack(t *testing.T) {
	g := triangle()
	var gml, gx bytes.Buffer
	if err := WriteGraphML(&gml, g); err != nil {
		t.Fatal(err)
	}
	if err := WriteGEXF(&gx, g); err != nil {
		t.Fatal(err)
	}
	var doc graphML
	if err := xml.Unmarshal(gml.Bytes(), &doc); err != nil {
		t.Fatalf("GraphML: %v\n%s", err, gml.String())
	}
	if len(doc.Graph.Nodes) != 3 || len(doc.Graph.Edges) != 4 || doc.Graph.Nodes[0].Data[0].Value != "a" || doc.Graph.Nodes[0].Data[1].Value != "admin" {
		t.Errorf("GraphML parsed back: %+v", doc)
	}
	// b->a has weight 2: the second edge in source, target order
	if e := doc.Graph.Edges[1]; e.Source != "n1" || e.Target != "n0" || e.Data[0].Value != "2" {
		t.Errorf("GraphML edge = %+v", e)
	}
	var gd gexf
	if err := xml.Unmarshal(gx.Bytes(), &gd); err != nil {
		t.Fatalf("GEXF: %v\n%s", err, gx.String())
	}
	if gd.Version != "1.2" || len(gd.Graph.Nodes) != 3 || gd.Graph.Nodes[2].Label != "c" || gd.Graph.Edges[1].Weight != "2" || gd.Graph.Attributes.Attrs[2].Title != "betweenness" {
		t.Errorf("GEXF parsed back: %+v", gd)
	}
	if gd.Graph.Nodes[0].Values[1].Value != "1" || gd.Graph.Nodes[0].Values[2].Value != "1" {
		t.Errorf("GEXF node a attributes = %+v", gd.Graph.Nodes[0].Values)
	}
	// pseudonyms with XML specials are escaped
	h := Build(msgs(nil, reply{"1", "<&\">", ""}, reply{"2", "z", "1"}))
	var esc bytes.Buffer
	WriteGEXF(&esc, h)
	gd = gexf{}
	if err := xml.Unmarshal(esc.Bytes(), &gd); err != nil || gd.Graph.Nodes[0].Label != "<&\">" {
		t.Errorf("escaping: %v %+v", err, gd.Graph.Nodes)
	}
}

func TestRowsAndFrame(t *testing.T) {
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "x", Profession: corpus.HomeCareAide}}, Messages: twoCliques()}
	rows := Rows(c)
	got := map[string]float64{}
	for _, r := range rows {
		got[r.Community+"/"+r.Indicator] = r.Value
	}
	if got["x/nodes"] != 8 || got["x/edges"] != 25 || got["*/louvain_communities"] != 2 || !indicatortest.Near(got["x/density"], 25.0/56) {
		t.Errorf("rows: %v", got)
	}
	if len(rows) != 2*12 {
		t.Errorf("%d rows, want 24", len(rows))
	}
	df := NodeFrame(Build(c.Messages).Nodes())
	if df.Nrow() != 8 || df.Elem(0, 0).String() != "a1" || df.Elem(7, 7).String() != "2" {
		t.Errorf("frame:\n%v", df)
	}
}

func TestTop(t *testing.T) {
	g := triangle()
	// Edges a->b, b->a, b->c, c->a (weights 1, 2, 1, 1): every author
	// has two neighbours; replies a 4, b 4, c 2.
	top := g.Top(2)
	if top.Total != 3 || len(top.Nodes) != 2 || top.Nodes[0].Author != "a" || top.Nodes[1].Author != "b" {
		t.Fatalf("top 2 = %+v", top)
	}
	a := top.Nodes[0]
	if a.Degree != 2 || a.In != 2 || a.Out != 1 || a.Replies != 4 || !a.Staff || a.Role != corpus.Admin || a.Louvain < 1 {
		t.Errorf("a = %+v", a)
	}
	if len(top.Edges) != 2 || top.Edges[0] != (Edge{"a", "b", 1}) || top.Edges[1] != (Edge{"b", "a", 2}) {
		t.Errorf("edges between a and b: %+v", top.Edges)
	}
	// Two cliques of 4 without the bridge: every author has degree 3 and
	// 6 replies, so the top 6 by pseudonym are a1..a4, b1, b2, and the
	// largest component they form is the a clique with its 12 edges.
	msgs := twoCliques()
	tc := Build(msgs[:len(msgs)-1]).Top(6)
	var names []string
	for _, n := range tc.Nodes {
		names = append(names, n.Author)
	}
	if strings.Join(names, ",") != "a1,a2,a3,a4" || len(tc.Edges) != 12 || tc.Total != 8 || tc.Nodes[0].Degree != 3 || tc.Nodes[0].Replies != 6 {
		t.Errorf("two cliques, top 6: nodes %v, %d edges, total %d", names, len(tc.Edges), tc.Total)
	}
	if s := g.Measure(); s.StaffNodes != 1 || s.Reciprocated != 2 {
		t.Errorf("staff nodes = %d, want 1 (a); reciprocated edges %d, want 2 (a->b, b->a)", s.StaffNodes, s.Reciprocated)
	}
}
