package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/repo"
)

func repoRoot(t *testing.T) string {
	t.Helper()
	root := repo.Root()
	if root == "" {
		t.Skip("not in the repository")
	}
	return root
}

const pairStudy = "testdata/pairs/study.json"

// TestPairsEndToEnd runs the pairs workflow on a small study: the sample,
// two coded copies with one disagreement, reliability (alpha and kappa by
// hand below), adjudication, gold, and the detector's validation from the
// gold file, with the numbers computed by hand.
//
// The study (testdata/pairs) has 7 question threads in one community, 21
// pairs: the detector flags q1–q2 (the same question, Jaccard 0.85) and
// q3–q4 (« Bonjour à toutes, une question sur une dame qui refuse… »: a
// shared opener, two situations, Jaccard 0.50); q1–q6 and q2–q6 are near
// (0.26: travel time paid, then mileage refunded: same topic only); the 17
// others are random, among them q1–q5 and q2–q5, true rewordings of q1
// sharing no three-stem shingle with it. Seed 1 draws both candidates,
// both near pairs and 6 of the 17 random pairs, q1–q5 among them.
func TestPairsEndToEnd(t *testing.T) {
	testKey(t)
	dir := t.TempDir()
	sdir := filepath.Join(dir, "pairs")
	args := []string{"pairs", "--study", pairStudy, "--candidates", "2", "--near", "2", "--random", "6", "--seed", "1", "--out", sdir}
	if out := runOK(t, args...); !strings.Contains(out, "10 pairs (2 candidates, 2 near, 6 random) in 3 strata") {
		t.Errorf("pairs: %s", out)
	}
	again := filepath.Join(dir, "again")
	runOK(t, append(args[:len(args)-1:len(args)-1], again)...)
	for _, f := range []string{"pairs.csv", pairStrataFile, pairWeightsFile, "README.txt"} {
		a, _ := os.ReadFile(filepath.Join(sdir, f))
		b, _ := os.ReadFile(filepath.Join(again, f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: not the same for the same seed (%d bytes)", f, len(a))
		}
		for _, name := range []string{"Odile", "Martinvaux", "Ferrandou", "Pelloux"} {
			if bytes.Contains(a, []byte(name)) {
				t.Errorf("%s holds the author name %s", f, name)
			}
		}
	}
	readme, _ := os.ReadFile(filepath.Join(sdir, "README.txt"))
	if !bytes.Contains(readme, []byte("même information ou le même conseil sur la même situation")) || !bytes.Contains(readme, []byte("\r\n")) {
		t.Errorf("README.txt without the rule of same or CRLF:\n%s", readme)
	}
	weights := readCSV(t, filepath.Join(sdir, pairWeightsFile))
	wantW := [][]string{
		{"sample", "stratum", "population", "sampled", "weight"},
		{"pairs", "entraide-aides/candidate", "2", "2", "1"},
		{"pairs", "entraide-aides/near", "2", "2", "1"},
		{"pairs", "entraide-aides/random", "17", "6", "2.8333333333333335"},
	}
	if !slices.EqualFunc(weights, wantW, slices.Equal) {
		t.Errorf("weights %v, want %v", weights, wantW)
	}

	sheet := readCSV(t, filepath.Join(sdir, "pairs.csv"))
	head := sheet[0]
	if !slices.Equal(head, pairHeader()) || len(sheet) != 11 {
		t.Fatalf("pairs.csv: header %v, %d rows", head, len(sheet)-1)
	}
	// Which pair each unit is (the file kept from the coders).
	type drawnAs struct{ earlier, later, stratum string }
	units := map[string]drawnAs{}
	for _, r := range readCSV(t, filepath.Join(sdir, pairStrataFile))[1:] {
		units[r[1]] = drawnAs{r[3], r[4], r[5]}
	}
	var random []string
	for _, r := range sheet[1:] {
		u := units[r[0]]
		if strings.HasSuffix(u.stratum, "/random") {
			random = append(random, u.earlier+"-"+u.later)
		}
		if r[col(t, head, "same")] != "" || r[col(t, head, "text_1")] == "" || r[col(t, head, "created_1")] > r[col(t, head, "created_2")] {
			t.Errorf("%s: %v", r[0], r)
		}
	}
	slices.Sort(random)
	if want := []string{"q1-q4", "q1-q5", "q1-q7", "q2-q3", "q2-q7", "q3-q7"}; !slices.Equal(random, want) {
		t.Fatalf("random pairs %v, want %v", random, want)
	}

	// Coders: the truth is q1–q2 and q1–q5 (of the pairs drawn); B also
	// codes q3–q4 the same.
	truth := map[string]bool{"q1-q2": true, "q1-q5": true, "q2-q5": true}
	var disputed string
	code := func(b bool) [][]string {
		out := [][]string{head}
		for _, r := range sheet[1:] {
			r = slices.Clone(r)
			u := units[r[0]]
			k := u.earlier + "-" + u.later
			same := truth[k] || b && k == "q3-q4"
			if k == "q3-q4" {
				disputed = r[0]
			}
			r[col(t, head, "same")] = bit(same)
			out = append(out, r)
		}
		return out
	}
	fa, fb := filepath.Join(sdir, "pairs-A.csv"), filepath.Join(sdir, "pairs-B.csv")
	writeCSV(t, fa, code(false), true)
	writeCSV(t, fb, code(true), false)
	runOK(t, "reliability", "--reps", "200", fa, fb)
	rel := byVariable(t, filepath.Join(sdir, "reliability.csv"))
	// 10 units, n = 20 codes: n1 = 2 + 3 = 5, n0 = 15, one disagreeing
	// unit: alpha = 1 − 19·1/(15·5) = 56/75. Kappa: both 1 on 2, B only on
	// 1, both 0 on 7: p_o = 9/10, p_e = (2·3 + 8·7)/100 = 0.62,
	// kappa = 0.28/0.38 = 14/19.
	if r := rel["same"]; r["alpha"] != "0.746667" || r["kappa"] != "0.736842" || r["agreement"] != "0.900000" || r["pairable_units"] != "10" {
		t.Errorf("same: %v", r)
	}
	dis := readCSV(t, filepath.Join(sdir, "disagreements.csv"))
	if len(dis) != 2 || dis[1][0] != disputed || dis[1][1] != "same" || dis[1][2] != "0" || dis[1][3] != "1" || !strings.Contains(dis[1][5], " | 2: ") {
		t.Fatalf("disagreements %v", dis)
	}
	adj := filepath.Join(sdir, "adjudicated.csv")
	writeCSV(t, adj, dis, true)
	goldPath := filepath.Join(dir, "gold-pairs.csv")
	if msg := runFail(t, "gold", "--adjudicated", adj, "--out", goldPath, fa, fb); !strings.Contains(msg, "1 disagreements not adjudicated") || !strings.Contains(msg, disputed+" same (0 / 1)") {
		t.Errorf("gold without the adjudication: %s", msg)
	}
	dis[1][4] = "0"
	writeCSV(t, adj, dis, true)
	runOK(t, "gold", "--adjudicated", adj, "--out", goldPath, fa, fb)

	gold, err := norms.LoadPairGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 10 {
		t.Fatalf("%d gold pairs, want 10", len(gold))
	}
	for _, p := range gold {
		u := units[p.Unit]
		k := p.EarlierID + "-" + p.LaterID
		if p.EarlierID != u.earlier || p.LaterID != u.later || p.Stratum != u.stratum || p.Same != truth[k] || p.Community != "entraide-aides" || p.Text1 == "" {
			t.Errorf("gold %+v, drawn as %+v", p, u)
		}
		if k == "q1-q2" && (p.Kind != norms.PairCandidate || p.Population != 2 || p.Weight != 1 || p.Similarity != 0.846154) {
			t.Errorf("gold q1-q2: %+v", p)
		}
		if p.Kind == norms.PairRandom && (p.Population != 17 || math.Abs(p.Weight-17.0/6) > 1e-15) {
			t.Errorf("gold random pair: %+v", p)
		}
	}

	// The validation on the gold. Precision: 1 of the 2 flagged pairs,
	// Wilson(1, 2) = [0.094531, 0.905469]. Recall: A = 2·1/2 = 1 true pair
	// flagged, M = 2·0 + 17·1/6 missed: 1/(1 + 17/6) = 6/23. Its interval,
	// each of the 3 strata at level 1 − 0.05/3 (z = 2.394): candidates
	// Wilson(1, 2) = [0.069504, 0.930496], near Wilson(0, 2) = [0, 0.741306],
	// random Wilson(1, 6) = [0.022313, 0.636714]; lo = 2·0.069504 /
	// (2·0.069504 + 2·0.741306 + 17·0.636714) = 0.011169, hi = 2·0.930496 /
	// (2·0.930496 + 0 + 17·0.022313) = 0.830682. The random pairs cannot
	// bound it: 17·0.636714 = 10.8 possible true pairs among them, more
	// than the 0.139 the detector surely finds.
	key, _, err := pseudo.LoadKey()
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := load.Study(pairStudy, load.Options{Key: key})
	if err != nil {
		t.Fatal(err)
	}
	cb, err := themes.LoadCodebook(defaultCodebook())
	if err != nil {
		t.Fatal(err)
	}
	r := norms.MeasureCounts(c, cb)
	r.ValidateRecurring(gold)
	v := r.Recurring
	if v == nil || v.Reason != "" {
		t.Fatalf("validation %+v", v)
	}
	a := v.All
	if a.Coded != 10 || a.Same != 2 || a.RandomCoded != 6 || a.RandomSame != 1 || a.Flagged != 2 || a.Unrepresented != 0 || a.RecallBounded {
		t.Errorf("validation counts %+v", a)
	}
	near := func(x, want float64) bool { return math.Abs(x-want) < 5e-7 }
	if p := a.Precision; p.Value != 0.5 || !near(p.Lo, 0.094531) || !near(p.Hi, 0.905469) || p.N != 2 || p.Method != "wilson" {
		t.Errorf("precision %+v", p)
	}
	if rc := a.Recall; !near(rc.Value, 6.0/23) || !near(rc.Lo, 0.011169) || !near(rc.Hi, 0.830682) || rc.N != 10 || rc.Method != norms.MethodBonferroniWilson {
		t.Errorf("recall %+v", rc)
	}
	if v.Validated() {
		t.Error("validated at a precision of 1/2")
	}
	// The community's group and its profession's are the same pairs.
	for i, g := range r.Groups {
		if v.Groups[i].Precision != a.Precision || v.Groups[i].Recall != a.Recall {
			t.Errorf("group %s: %+v", g.Community.ID, v.Groups[i])
		}
	}
	// indicators.csv rows, then without gold and with a gold of another
	// detector (a pair's stratum wrong).
	rowsOf := func(r norms.Result) map[string]indicator.Row {
		out := map[string]indicator.Row{}
		for _, x := range norms.ResultRows(r) {
			if x.Community == "entraide-aides" && strings.HasPrefix(x.Indicator, "recurring_pair_") {
				out[x.Indicator] = x
			}
		}
		return out
	}
	rows := rowsOf(r)
	if p := rows["recurring_pair_precision"]; p.Value != 0.5 || p.Method != "wilson" || p.Unit != "pairs" || p.Reason != "" {
		t.Errorf("precision row %+v", p)
	}
	if p := rows["recurring_pair_recall"]; !near(p.Value, 6.0/23) || !near(p.Lo, 0.011169) || p.Reason != "" {
		t.Errorf("recall row %+v", p)
	}
	r.ValidateRecurring(nil)
	if r.Recurring != nil {
		t.Error("validation without gold")
	}
	if p := rowsOf(r)["recurring_pair_recall"]; p.Reason != norms.ReasonNoPairGold || !math.IsNaN(p.Value) {
		t.Errorf("recall row without gold %+v", p)
	}
	bad := slices.Clone(gold)
	for i := range bad {
		if bad[i].Kind == norms.PairRandom {
			bad[i].Kind, bad[i].Stratum = norms.PairNear, bad[i].Community+"/near"
			bad[i].Population = 2
			break
		}
	}
	r.ValidateRecurring(bad)
	if r.Recurring == nil || r.Recurring.Reason != norms.ReasonPairsMismatch || !strings.Contains(r.Recurring.Detail, "a random pair here, near in the gold") {
		t.Errorf("gold of another detector: %+v", r.Recurring)
	}
	if p := rowsOf(r)["recurring_pair_precision"]; p.Reason != norms.ReasonPairsMismatch {
		t.Errorf("precision row with a gold of another detector %+v", p)
	}
	// A gold of another study: a thread this study does not have.
	bad = slices.Clone(gold)
	bad[3].LaterID = "q99"
	r.ValidateRecurring(bad)
	if r.Recurring == nil || r.Recurring.Reason != norms.ReasonPairsMismatch || r.Recurring.Detail != "pair "+bad[3].Unit+": not a pair of question threads of entraide-aides here" {
		t.Errorf("gold of another study: %+v", r.Recurring)
	}
}

// TestShippedPairs: once the sample's coded pairs are shipped
// (data/codebook/coding: pairs.csv, pairs-strata.csv, pairs-weights.csv,
// the coders' pairs-A.csv and pairs-B.csv, adjudicated-pairs.csv), the
// reliability file and gold-pairs.csv are what the commands write from
// them, and the gold validates the detector on the sample (its pairs are
// the sample's). Skipped until then.
func TestShippedPairs(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "data", "codebook", "coding")
	a, b := filepath.Join(dir, "pairs-A.csv"), filepath.Join(dir, "pairs-B.csv")
	if _, err := os.Stat(a); err != nil {
		t.Skip("no shipped coded pairs yet")
	}
	out := t.TempDir()
	runOK(t, "reliability", "--out", out, a, b)
	compare(t, filepath.Join(out, "reliability.csv"), filepath.Join(dir, "reliability-pairs.csv"))
	gold := filepath.Join(out, "gold-pairs.csv")
	runOK(t, "gold", "--sample", dir, "--adjudicated", filepath.Join(dir, "adjudicated-pairs.csv"), "--out", gold, a, b)
	compare(t, gold, filepath.Join(dir, "gold-pairs.csv"))
	pairs, err := norms.LoadPairGold(gold)
	if err != nil {
		t.Fatal(err)
	}
	key, _, err := pseudo.LoadKey()
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := load.Study(filepath.Join(repoRoot(t), "data", "study.json"), load.Options{Key: key})
	if err != nil {
		t.Fatal(err)
	}
	cb, err := themes.LoadCodebook(defaultCodebook())
	if err != nil {
		t.Fatal(err)
	}
	r := norms.MeasureCounts(c, cb)
	r.ValidateRecurring(pairs)
	if r.Recurring == nil || r.Recurring.Reason != "" {
		t.Fatalf("the shipped pairs do not validate the detector on the sample: %+v", r.Recurring)
	}
}
