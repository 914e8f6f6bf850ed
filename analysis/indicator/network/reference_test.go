package network

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
)

// refGraph is the reply graph as the straightforward reference builds it:
// maps keyed by (community, id) strings and one map of weights per node.
type refGraph struct {
	Authors []string
	Roles   []corpus.Role
	out, in []map[int64]float64
	und     [][]int64
}

type refKey struct{ community, id string }

// refBuild is Build as first written (before its index and compressed
// rows): the definition Build must keep, bit for bit.
func refBuild(msgs []corpus.Message) *refGraph {
	idx := map[string]int32{}
	var names []string
	var roles []corpus.Role
	author := make(map[refKey]int32, len(msgs))
	for i := range msgs {
		m := &msgs[i]
		if m.Author == "" {
			author[refKey{m.Community, m.ID}] = -1
			continue
		}
		a, ok := idx[m.Author]
		if !ok {
			a = int32(len(names))
			idx[m.Author] = a
			names = append(names, m.Author)
			roles = append(roles, m.AuthorRole)
		} else if roleRank(m.AuthorRole) > roleRank(roles[a]) {
			roles[a] = m.AuthorRole
		}
		author[refKey{m.Community, m.ID}] = a
	}
	type pair struct{ a, b int32 }
	w := map[pair]float64{}
	for i := range msgs {
		m := &msgs[i]
		if m.Author == "" {
			continue
		}
		a := idx[m.Author]
		pa, ok := int32(-1), false
		if m.ParentID != "" {
			pa, ok = author[refKey{m.Community, m.ParentID}]
		}
		if !ok && m.ReplyToAuthor != "" {
			pa, ok = idx[m.ReplyToAuthor]
			if !ok {
				pa = int32(len(names))
				idx[m.ReplyToAuthor] = pa
				names = append(names, m.ReplyToAuthor)
				roles = append(roles, corpus.Unknown)
				ok = true
			}
		}
		if !ok || pa < 0 || pa == a {
			continue
		}
		w[pair{a, pa}]++
	}
	inGraph := make([]bool, len(names))
	for p := range w {
		inGraph[p.a], inGraph[p.b] = true, true
	}
	g := &refGraph{}
	for a, in := range inGraph {
		if in {
			g.Authors = append(g.Authors, names[a])
		}
	}
	sort.Strings(g.Authors)
	id := make([]int64, len(names))
	g.Roles = make([]corpus.Role, len(g.Authors))
	g.out = make([]map[int64]float64, len(g.Authors))
	g.in = make([]map[int64]float64, len(g.Authors))
	for i, a := range g.Authors {
		id[idx[a]] = int64(i)
		g.Roles[i] = roles[idx[a]]
		g.out[i], g.in[i] = map[int64]float64{}, map[int64]float64{}
	}
	for p, x := range w {
		a, b := id[p.a], id[p.b]
		g.out[a][b] = x
		g.in[b][a] = x
	}
	g.und = make([][]int64, len(g.Authors))
	for i := range g.Authors {
		nb := make([]int64, 0, len(g.out[i])+len(g.in[i]))
		for j := range g.out[i] {
			nb = append(nb, j)
		}
		for j := range g.in[i] {
			if _, both := g.out[i][j]; !both {
				nb = append(nb, j)
			}
		}
		sort.Slice(nb, func(x, y int) bool { return nb[x] < nb[y] })
		g.und[i] = nb
	}
	return g
}

// outMaps returns g's out-edges as one map of weights per node.
func outMaps(g *Graph) []map[int64]float64 { return maps(g.out) }

func maps(a csr) []map[int64]float64 {
	out := make([]map[int64]float64, len(a.off)-1)
	for i := range out {
		out[i] = map[int64]float64{}
		nb, w := a.row(i)
		for k, b := range nb {
			out[i][int64(b)] = w[k]
		}
	}
	return out
}

// randomCorpus returns n messages in random order over three communities
// whose ids repeat within and across communities: parents present,
// absent, or the message itself, account-level links (ReplyToAuthor, to
// authors with or without messages), empty authors, every role.
func randomCorpus(r *rand.Rand, n int) []corpus.Message {
	return indicatortest.RandomLinked(r, n, indicatortest.LinkedOptions{
		Authors: 12, ReplyTargets: 16, ReplyEvery: 3, Minutes: 2000, Roles: true, // p12..p15 have no message
		Kinds: []corpus.Kind{corpus.Post, corpus.Comment, corpus.Reply, corpus.Retweet},
	})
}

// Build equals the reference on random corpora: the same nodes, roles,
// weighted edges in both directions and undirected neighbours, hence the
// same values from every method; and the methods that read the rows
// (M, Reciprocated, Edges, Arcs, Links, Undirected) give what the
// reference's maps give.
func TestBuildMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 1))
	for trial := range 300 {
		n := 1 + r.IntN(120)
		msgs := randomCorpus(r, n)
		want := refBuild(msgs)
		g := Build(msgs)
		where := fmt.Sprintf("trial %d (%d messages)", trial, n)
		if !reflect.DeepEqual(g.Authors, want.Authors) {
			t.Fatalf("%s: authors %v, want %v", where, g.Authors, want.Authors)
		}
		if !reflect.DeepEqual(g.Roles, want.Roles) {
			t.Fatalf("%s: roles %v, want %v", where, g.Roles, want.Roles)
		}
		if !reflect.DeepEqual(maps(g.out), want.out) || !reflect.DeepEqual(maps(g.in), want.in) {
			t.Fatalf("%s: edges %v / %v, want %v / %v", where, maps(g.out), maps(g.in), want.out, want.in)
		}
		if !reflect.DeepEqual(g.und, want.und) {
			t.Fatalf("%s: undirected %v, want %v", where, g.und, want.und)
		}
		m, rec := 0, 0
		var edges []Edge
		var arcs []Arc
		var links []Arc
		for a, o := range want.out {
			m += len(o)
			var bs []int64
			for b := range o {
				bs = append(bs, b)
				if _, ok := want.out[b][int64(a)]; ok {
					rec++
				}
			}
			sort.Slice(bs, func(i, j int) bool { return bs[i] < bs[j] })
			for _, b := range bs {
				edges = append(edges, Edge{want.Authors[a], want.Authors[b], o[b]})
				arcs = append(arcs, Arc{int32(a), int32(b), o[b]})
			}
			for _, b := range want.und[a] {
				if int64(a) < b {
					links = append(links, Arc{int32(a), int32(b), want.out[a][b] + want.in[a][b]})
				}
			}
		}
		if g.M() != m || g.Reciprocated() != rec {
			t.Fatalf("%s: m %d, reciprocated %d, want %d, %d", where, g.M(), g.Reciprocated(), m, rec)
		}
		if !reflect.DeepEqual(g.Edges(), edges) || !reflect.DeepEqual(g.Arcs(), arcs) && len(arcs) > 0 {
			t.Fatalf("%s: edges %v, want %v", where, g.Edges(), edges)
		}
		if l := g.Links(); !reflect.DeepEqual(l.Edges, links) || l.N != len(want.Authors) {
			t.Fatalf("%s: links %v, want %v", where, l.Edges, links)
		}
		u := g.Undirected()
		for _, e := range links {
			if w, ok := u.Weight(int64(e.From), int64(e.To)); !ok || w != e.W {
				t.Fatalf("%s: undirected weight %d-%d = %v, want %v", where, e.From, e.To, w, e.W)
			}
		}
		for a := range want.out {
			for b, x := range want.out[a] {
				if w := g.Directed().WeightedEdge(int64(a), b); w == nil || w.Weight() != x {
					t.Fatalf("%s: directed edge %d->%d, want weight %v", where, a, b, x)
				}
			}
		}
		if d := g.Directed().Edges().Len(); d != m {
			t.Fatalf("%s: %d directed edges, want %d", where, d, m)
		}
		if dr, dw := g.Density(), float64(m)/float64(len(want.Authors)*(len(want.Authors)-1)); len(want.Authors) >= 2 && math.Float64bits(dr) != math.Float64bits(dw) {
			t.Fatalf("%s: density %v, want %v", where, dr, dw)
		}
	}
}

// sortedNodes orders names as strings.Compare does, on names sharing
// their first eight bytes or more, prefixes of one another, with NUL and
// high bytes, and leaves out the authors not in the graph.
func TestSortedNodes(t *testing.T) {
	names := []string{"pseudonyme-b", "pseudonyme-a", "pseudo", "pseudo\x00", "pseudonyme", "", "\xff", "\x00", "pseudonymeZ", "pseudonyme-a\x00", "a", "seul"}
	in := make([]bool, len(names))
	for i := range in {
		in[i] = names[i] != "seul"
	}
	var got []string
	for _, a := range sortedNodes(names, in) {
		got = append(got, names[a])
	}
	want := []string{"", "\x00", "a", "pseudo", "pseudo\x00", "pseudonyme", "pseudonyme-a", "pseudonyme-a\x00", "pseudonyme-b", "pseudonymeZ", "\xff"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sorted %q, want %q", got, want)
	}
}
