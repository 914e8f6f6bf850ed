package norms

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/stats"
)

func nearly(x, want float64) bool { return math.Abs(x-want) < 5e-7 }

// TestWeightedPrecisionAndRecallByHand: two communities, their strata
// sampled at different rates.
//
//	stratum        N     coded  same
//	a/candidate    100   10     8
//	a/near         200   10     2
//	a/random      1000   10     0
//	b/candidate    300   10     3
//	b/near          50    5     0
//	b/random      4000   10     1
//
// Precision: (100·0.8 + 300·0.3)/400 = 170/400 = 0.425; weights 10 and
// 30, Kish's n = 400²/(100²/10 + 300²/10) = 16. Recall: A = 80 + 90 = 170
// true pairs flagged, M = 200·0.2 + 0 + 0 + 400 = 440 missed: 170/610.
func TestWeightedPrecisionAndRecallByHand(t *testing.T) {
	strata := []pairStratum{
		{PairCandidate, 100, 10, 8}, {PairNear, 200, 10, 2}, {PairRandom, 1000, 10, 0},
		{PairCandidate, 300, 10, 3}, {PairNear, 50, 5, 0}, {PairRandom, 4000, 10, 1},
	}
	v := estimatePairs(strata)
	if v.Coded != 55 || v.Same != 14 || v.RandomCoded != 20 || v.RandomSame != 1 || v.Flagged != 400 || v.Unrepresented != 0 {
		t.Errorf("counts %+v", v)
	}
	p := v.Precision
	// Wilson at n = 16, p = 0.425, z = 1.959964: centre (0.425 +
	// 3.841459/32)/(1 + 3.841459/16) = 0.545046/1.240091 = 0.439521;
	// half = 1.959964/1.240091·sqrt(0.425·0.575/16 + 3.841459/1024)
	// = 1.580500·0.137931 = 0.217999.
	if !nearly(p.Value, 0.425) || !nearly(p.Lo, 0.221521) || !nearly(p.Hi, 0.657520) || p.Method != MethodWilsonEffective || p.N != 20 {
		t.Errorf("precision %+v", p)
	}
	if r := v.Recall; !nearly(r.Value, 170.0/610) || r.Method != MethodBonferroniWilson || r.N != 55 {
		t.Errorf("recall %+v", r)
	}
	// The recall's interval: each stratum's Wilson at 1 − 0.05/6.
	each := 1 - 0.05/6
	w := func(k, n int) stats.Estimate { return stats.Wilson(k, n, each, UnitPairs) }
	aLo := 100*w(8, 10).Lo + 300*w(3, 10).Lo
	aHi := 100*w(8, 10).Hi + 300*w(3, 10).Hi
	mLo := 200*w(2, 10).Lo + 50*w(0, 5).Lo + 1000*w(0, 10).Lo + 4000*w(1, 10).Lo
	mHi := 200*w(2, 10).Hi + 50*w(0, 5).Hi + 1000*w(0, 10).Hi + 4000*w(1, 10).Hi
	if r := v.Recall; !nearly(r.Lo, aLo/(aLo+mHi)) || !nearly(r.Hi, aHi/(aHi+mLo)) || !(r.Lo < r.Value && r.Value < r.Hi) {
		t.Errorf("recall %+v, want [%v, %v]", r, aLo/(aLo+mHi), aHi/(aHi+mLo))
	}
	if v.RecallBounded {
		t.Error("5,000 random pairs, 20 coded: bounded")
	}

	// Equal weights: exactly stats.Wilson. A stratum without coded pair:
	// 0 in the point estimates, anything in the recall's interval.
	v = estimatePairs([]pairStratum{{PairCandidate, 40, 20, 18}, {PairNear, 10, 0, 0}, {PairRandom, 5, 5, 0}})
	if v.Precision != stats.Wilson(18, 20, 0, UnitPairs) || v.Unrepresented != 10 {
		t.Errorf("equal weights: %+v", v)
	}
	if r := v.Recall; r.Value != 1 || r.Hi != 1 || r.Lo >= 40*w(18, 20).Lo/(40*w(18, 20).Lo+10) {
		t.Errorf("recall with an unrepresented stratum: %+v", r)
	}
	// Few random pairs, all coded: they bound the recall.
	if !v.RecallBounded {
		t.Error("5 random pairs, all coded not the same: not bounded")
	}
	// No candidate coded: no precision.
	v = estimatePairs([]pairStratum{{PairCandidate, 0, 0, 0}, {PairRandom, 10, 2, 0}})
	if !math.IsNaN(v.Precision.Value) || !math.IsNaN(v.Recall.Value) {
		t.Errorf("nothing flagged: %+v", v)
	}
}

// TestSimilarPairsAllPairs: the inverted index gives what comparing
// every two threads gives.
func TestSimilarPairsAllPairs(t *testing.T) {
	cb := codebook(t)
	texts := []string{
		"Bonjour, les temps de trajet entre deux bénéficiaires sont payés ou pas chez vous ?",
		"Les temps de trajet entre deux bénéficiaires sont payés ou pas chez vous ? merci",
		"Et les kilomètres ? les temps de trajet entre deux bénéficiaires vous sont remboursés comment ?",
		"Bonjour à toutes, une question sur une dame qui refuse la douche, comment faire ?",
		"Bonjour à toutes, une question sur une dame qui refuse de manger, comment faire ?",
		"Qui a une astuce pour les bas de contention ?",
		"Bonjour",
		"",
	}
	var ms []m
	for i, s := range texts {
		ms = append(ms, m{id: string(rune('a' + i)), author: "A", text: s + " ?", minutes: i})
	}
	ts := QuestionThreads(cb, build("ad", ms...), "home-care-aide")
	for _, min := range []float64{0.01, NearSimilarity, RecurringThreshold} {
		var want []string
		for i := range ts {
			for j := i + 1; j < len(ts); j++ {
				if s := Jaccard(Shingles(ts[i].Stems), Shingles(ts[j].Stems)); s >= min {
					want = append(want, ts[i].ID+ts[j].ID)
				}
			}
		}
		var got []string
		for _, p := range SimilarPairs(ts, min) {
			got = append(got, p.EarlierID+p.LaterID)
			if !nearly(p.Similarity, Jaccard(Shingles(ts[strings.Index("abcdefgh", p.EarlierID)].Stems), Shingles(ts[strings.Index("abcdefgh", p.LaterID)].Stems))) {
				t.Errorf("%s%s: similarity %v", p.EarlierID, p.LaterID, p.Similarity)
			}
		}
		if !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("at %v: %v, want %v", min, got, want)
		}
	}
}

// TestPairGoldRoundTrip: a pair gold file reads back as written (the
// first pair's text spans two lines: the second pair's record starts on
// line 4).
func TestPairGoldRoundTrip(t *testing.T) {
	pairs := []CodedPair{
		{Unit: "P001", Community: "ad", Profession: "home-care-aide", EarlierID: "1", LaterID: "2", Stratum: "ad/candidate", Kind: PairCandidate, Population: 12, Weight: 4, Similarity: 0.5, Same: true, Text1: "a, \"b\"", Text2: "c\nd"},
		{Unit: "P002", Community: "ad", Profession: "home-care-aide", EarlierID: "1", LaterID: "3", Stratum: "ad/random", Kind: PairRandom, Population: 100, Weight: 100.0 / 3, Similarity: 0},
	}
	var buf bytes.Buffer
	if err := WritePairGold(&buf, pairs); err != nil {
		t.Fatal(err)
	}
	got, err := ReadPairGold(bytes.NewReader(append([]byte("\ufeff"), buf.Bytes()...)))
	if err != nil || !slices.Equal(got, pairs) {
		t.Fatalf("read back %+v (%v)", got, err)
	}
	for _, bad := range []string{"ad/other", "bd/random", "random"} {
		data := strings.Replace(buf.String(), "ad/random", bad, 1)
		if _, err := ReadPairGold(strings.NewReader(data)); err == nil || !strings.Contains(err.Error(), "line 4: stratum") {
			t.Errorf("stratum %q: %v", bad, err)
		}
	}
	if _, err := ReadPairGold(strings.NewReader(strings.Replace(buf.String(), `,1,"a`, `,yes,"a`, 1))); err == nil || !strings.Contains(err.Error(), "same") {
		t.Errorf("same yes: %v", err)
	}
	if _, err := LoadPairGold(filepath.Join(t.TempDir(), "none.csv")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// FuzzReadPairGold: whatever ReadPairGold accepts, writing it back and
// reading it again gives the same pairs.
func FuzzReadPairGold(f *testing.F) {
	var buf bytes.Buffer
	WritePairGold(&buf, []CodedPair{{Unit: "P1", Community: "ad", Profession: "home-care-aide", EarlierID: "1", LaterID: "2", Stratum: "ad/near", Kind: PairNear, Population: 3, Weight: 1.5, Similarity: 0.3, Same: true, Text1: "a", Text2: "b"}})
	f.Add(buf.String())
	f.Add(strings.Join(PairGoldHeader, ",") + "\nP,/,x,1,2,/random,1,1,0,0,,\n")
	f.Fuzz(func(t *testing.T, data string) {
		pairs, err := ReadPairGold(strings.NewReader(data))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WritePairGold(&out, pairs); err != nil {
			t.Fatal(err)
		}
		again, err := ReadPairGold(&out)
		if err != nil {
			t.Fatalf("written pairs do not read back: %v", err)
		}
		if len(again) != len(pairs) {
			t.Fatalf("%d pairs read back, %d written", len(again), len(pairs))
		}
		for i := range pairs {
			if a, b := again[i], pairs[i]; a.Unit != b.Unit || a.Kind != b.Kind || a.Same != b.Same || a.Population != b.Population {
				t.Fatalf("pair %d: %+v, then %+v", i, b, a)
			}
		}
	})
}
