package paper

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"

	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/network/null"
)

func TestF10Networks(t *testing.T) {
	f := buildNorms(t, "f10-networks")
	lines := csvLines(t, f)
	// Aides: A2→A1, A1→A3, A2→A3, A1→A4, X→A3. Degrees (distinct
	// neighbours): A1 3 (A2, A3, A4), A3 3 (A1, A2, X), A2 2, A4 1, X 1;
	// A1 and A3 tie on replies too (3 each): by pseudonym. GPs: G2→G1,
	// G1→G3 (the retweet m7 answers nobody).
	want := []string{
		"community,profession,author,role,degree,in_degree,out_degree,replies,louvain,colour_rank,x,y",
		"aides,home-care-aide,A1,admin,3,1,2,3.000000,",
		"aides,home-care-aide,A3,,3,3,0,3.000000,",
		"aides,home-care-aide,A2,,2,0,2,2.000000,",
		"aides,home-care-aide,A4,,1,1,0,1.000000,",
		"aides,home-care-aide,X,,1,0,1,1.000000,",
		"mg,general-practitioner,G1,,2,1,1,2.000000,",
		"mg,general-practitioner,G2,,1,0,1,1.000000,",
		"mg,general-practitioner,G3,,1,1,0,1.000000,",
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), strings.Join(lines, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i, lines[i], w)
		}
	}
	if len(f.Title) == 0 || !strings.Contains(f.Caption, "150") {
		t.Errorf("caption %q does not give the number of authors drawn", f.Caption)
	}
}

func TestT4Network(t *testing.T) {
	f := buildNorms(t, "t4-network")
	// Aides: 5 nodes, 5 edges, density 5/20; no edge reciprocated; the
	// undirected degrees 3, 2, 3, 1, 1 give a centralization of
	// (0+1+0+2+2)/(4*3) = 5/12; the triangle A1-A2-A3 gives local
	// clustering 1/3, 1, 1/3, 0, 0: mean 1/3; it is the 2-core. The
	// admin A1 ties with A3 for the highest total degree: rank 1.5.
	hasLines(t, f,
		"community,profession,indicator,value",
		"aides,home-care-aide,nodes,5.000000",
		"aides,home-care-aide,edges,5.000000",
		"aides,home-care-aide,density,0.250000",
		"aides,home-care-aide,reciprocity,0.000000",
		"aides,home-care-aide,degree_centralization,0.416667",
		"aides,home-care-aide,clustering,0.333333",
		"aides,home-care-aide,kcore_max,2.000000",
		"aides,home-care-aide,kcore_size,3.000000",
		"aides,home-care-aide,staff_nodes,1.000000",
		"aides,home-care-aide,staff_degree_rank_median,1.500000",
		// GPs: a path G2-G1-G3: centralization (0+1+1)/(2*1) = 1.
		"mg,general-practitioner,nodes,3.000000",
		"mg,general-practitioner,degree_centralization,1.000000",
		"mg,general-practitioner,clustering,0.000000",
		"mg,general-practitioner,staff_degree_rank_median,NaN",
	)
	if lines := csvLines(t, f); len(lines) != 1+2*len(networkIndicators) || lines[1] != "aides,home-care-aide,nodes,5.000000" {
		t.Errorf("%d lines, first %q", len(lines), lines[1])
	}
}

// testNulls compares the test networks with the fewest randomisations.
func testNulls(nets []network.Group) []null.Group {
	nulls, err := null.Communities(nets, null.Options{Draws: null.MinDraws})
	if err != nil {
		panic(err)
	}
	return nulls
}

// replyCorpus is a community of 48 authors, each with a post, and 6
// comments by each author on the posts of others: within the author's
// group of 12 with probability within, else anywhere.
func replyCorpus(within float64, seed uint64) *corpus.Corpus {
	r := rand.New(rand.NewPCG(seed, 1))
	t0 := time.Date(2019, 3, 1, 8, 0, 0, 0, time.UTC)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "g", Name: "Groupe", Platform: corpus.Facebook, Profession: corpus.HomeCareAide}}}
	for a := range 48 {
		c.Messages = append(c.Messages, corpus.Message{Platform: corpus.Facebook, Community: "g", ID: fmt.Sprintf("p%d", a), Kind: corpus.Post,
			Author: fmt.Sprintf("a%02d", a), Created: t0.Add(time.Duration(a) * time.Minute)})
	}
	n := 0
	for a := range 48 {
		for range 6 {
			b := r.IntN(48)
			if r.Float64() < within {
				b = a/12*12 + r.IntN(12)
			}
			if b == a {
				continue
			}
			n++
			c.Messages = append(c.Messages, corpus.Message{Platform: corpus.Facebook, Community: "g", ID: fmt.Sprintf("c%d", n), Kind: corpus.Comment,
				ParentID: fmt.Sprintf("p%d", b), Author: fmt.Sprintf("a%02d", a), Created: t0.Add(time.Duration(100+n) * time.Minute)})
		}
	}
	c.Sort()
	return c
}

// Figure 10 colours Louvain groups only in a network whose modularity is
// beyond chance: four planted groups are coloured, a random network of
// the same size is all grey and says so; Table 4 gives the comparison.
func TestF10ColoursOnlyBeyondChance(t *testing.T) {
	for _, tc := range []struct {
		within  float64
		beyond  bool
		verdict string
	}{{0.95, true, "structure au-delà du hasard"}, {0, false, "pas de structure au-delà du hasard"}} {
		nets := network.Measure(replyCorpus(tc.within, 3))
		nulls := testNulls(nets)
		if len(nulls) != 1 || nulls[0].Result.Get(null.Modularity).Beyond != tc.beyond {
			t.Fatalf("within %v: nulls %+v", tc.within, nulls)
		}
		f, err := F10Networks(nets, nulls, testProv)
		if err != nil {
			t.Fatal(err)
		}
		coloured := 0
		for _, row := range f.Data.Rows {
			if row[9] != "0" {
				coloured++
			}
		}
		if (coloured > 0) != tc.beyond {
			t.Errorf("within %v: %d authors coloured", tc.within, coloured)
		}
		tiles := f.Drawing.(chart.WithLegend).Tiles
		if title := tiles[0][0].Title.Text; !strings.HasSuffix(title, "\n"+tc.verdict) {
			t.Errorf("within %v: tile title %q", tc.within, title)
		}
		tab, err := T4Network(nets, nulls, testProv)
		if err != nil {
			t.Fatal(err)
		}
		csv := csvOf(t, tab)
		if !strings.Contains(csv, "g,home-care-aide,modularity_null_p,") || !strings.Contains(csv, "g,home-care-aide,modularity_null_mean,") {
			t.Errorf("Table 4 data lacks the null comparison:\n%s", csv)
		}
	}
}
