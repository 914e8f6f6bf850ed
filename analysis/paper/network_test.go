package paper

import (
	"strings"
	"testing"
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
