package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/all"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/pseudo"
)

const testStudy = "testdata/study/study.json"

func testKey(t *testing.T) {
	t.Setenv("COMPENDIUM_PSEUDO_KEY", "test-key-for-coding-0123456789")
	t.Setenv("COMPENDIUM_PSEUDO_KEY_FILE", "")
}

// runOK runs the command and fails the test unless it succeeds.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if st := run(args, &out, &errb); st != exitOK {
		t.Fatalf("code %s: status %d\n%s%s", strings.Join(args, " "), st, out.String(), errb.String())
	}
	return out.String()
}

// runFail runs the command, wants status 2 and returns standard error.
func runFail(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if st := run(args, &out, &errb); st != exitFailed {
		t.Fatalf("code %s: status %d, want %d\n%s%s", strings.Join(args, " "), st, exitFailed, out.String(), errb.String())
	}
	return errb.String()
}

// readCSV reads a sheet as the command writes it: BOM, ';'.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, bom) {
		t.Errorf("%s: no byte-order mark", path)
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, bom)))
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// writeCSV writes a coded copy: with BOM and ';' when semicolon, else as
// a spreadsheet saving "CSV" in an English locale would (',' and no BOM).
func writeCSV(t *testing.T, path string, recs [][]string, semicolon bool) {
	t.Helper()
	var buf bytes.Buffer
	if semicolon {
		buf.Write(bom)
	}
	cw := csv.NewWriter(&buf)
	if semicolon {
		cw.Comma = ';'
	}
	cw.WriteAll(recs)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func col(t *testing.T, head []string, name string) int {
	t.Helper()
	i := slices.Index(head, name)
	if i < 0 {
		t.Fatalf("no column %q in %v", name, head)
	}
	return i
}

// byName maps reliability.csv's rows by variable (two coders: one row
// each).
func byVariable(t *testing.T, path string) map[string]map[string]string {
	recs := readCSV(t, path)
	out := map[string]map[string]string{}
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out[r[0]] = m
	}
	return out
}

// TestEndToEnd runs the whole workflow on a small study: sample, two coded
// copies with planted disagreements, reliability (alphas computed by hand
// below), adjudication, gold, and the gold file read by package themes as
// the hand-coded sample is.
func TestEndToEnd(t *testing.T) {
	testKey(t)
	dir := t.TempDir()
	if d := os.Getenv("CODE_TEST_KEEP"); d != "" {
		dir = d
	}
	sdir := filepath.Join(dir, "sample")
	runOK(t, "sample", "--study", testStudy, "--n", "16", "--threads", "8", "--seed", "3", "--out", sdir)

	// Deterministic for a seed.
	again := filepath.Join(dir, "again")
	runOK(t, "sample", "--study", testStudy, "--n", "16", "--threads", "8", "--seed", "3", "--out", again)
	for _, f := range []string{"messages.csv", "threads.csv", "weights.csv", "strata.csv", "README.txt"} {
		a, _ := os.ReadFile(filepath.Join(sdir, f))
		b, _ := os.ReadFile(filepath.Join(again, f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: not the same for the same seed (%d bytes)", f, len(a))
		}
	}

	cb, err := themes.LoadCodebook(defaultCodebook())
	if err != nil {
		t.Fatal(err)
	}
	msgs := readCSV(t, filepath.Join(sdir, "messages.csv"))
	head := msgs[0]
	if !slices.Equal(head, messageHeader(cb)) {
		t.Fatalf("header %v", head)
	}
	rows := msgs[1:]
	if len(rows) != 16 {
		t.Fatalf("%d messages, want 16", len(rows))
	}
	// Every code column empty, and no author anywhere.
	for _, r := range rows {
		for _, c := range append(cb.CategoryIDs(), "question", "question_type", "note") {
			if r[col(t, head, c)] != "" {
				t.Errorf("%s: column %s filled in the blank sheet", r[0], c)
			}
		}
	}
	for _, f := range []string{"messages.csv", "threads.csv", "strata.csv"} {
		data, _ := os.ReadFile(filepath.Join(sdir, f))
		for _, name := range []string{"Odile", "Martinvaux", "Quillet", "Bramont"} {
			if bytes.Contains(data, []byte(name)) {
				t.Errorf("%s holds the author name %s", f, name)
			}
		}
	}
	// weights.csv: 15 message strata (every one reached: n = 16 ≥ H = 15),
	// populations summing to the study's 24 messages; 8 thread strata.
	weights := readCSV(t, filepath.Join(sdir, "weights.csv"))
	pop, sampled, strataM := 0, 0, 0
	for _, w := range weights[1:] {
		if w[0] == kindMessages {
			strataM++
			pop += atoi(t, w[2])
			sampled += atoi(t, w[3])
		}
	}
	if strataM != 15 || pop != 24 || sampled != 16 || len(weights)-1-strataM != 8 {
		t.Errorf("weights: %d message strata, population %d, sampled %d, %d thread strata", strataM, pop, sampled, len(weights)-1-strataM)
	}

	// The coders. Units are ranked by profession then id; position p (1-based)
	// is coded as follows, B differing from A where marked:
	//   conditions: A 1-4, B 1-5 (disagreement on 5)
	//   practice:   6-8 (B leaves unit 7 entirely uncoded)
	//   future:     11-12; support: 9
	//   other:      every unit without another theme (so A 5, B not: a
	//               second disagreement on 5)
	//   question:   A 1-3, B 1-2 (disagreement on 3)
	//   question_type: 1 the profession's first type; A 3 too (B: 3 is
	//               no question)
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return strings.Compare(rows[a][2]+rows[a][0], rows[b][2]+rows[b][0])
	})
	unitAt := func(p int) []string { return rows[order[p-1]] }
	if unitAt(1)[2] != unitAt(3)[2] {
		t.Fatalf("units 1 and 3 of different professions")
	}
	qt := cb.QuestionTypeIDs(corpusProfession(unitAt(1)[2]))[0]
	code := func(coderB bool) [][]string {
		out := [][]string{head}
		for p := 1; p <= len(rows); p++ {
			r := slices.Clone(unitAt(p))
			if coderB && p == 7 {
				out = append(out, r)
				continue
			}
			set := func(c, v string) { r[col(t, head, c)] = v }
			marked := false
			mark := func(c string, on bool) {
				if on {
					set(c, "1")
					marked = true
				}
			}
			mark("conditions", p <= 4 || coderB && p == 5)
			mark("practice", p >= 6 && p <= 8)
			mark("future", p == 11 || p == 12)
			mark("support", p == 9)
			if !marked {
				set("other", "x") // x counts as 1
			}
			q := p <= 2 || !coderB && p == 3
			set("question", map[bool]string{true: "1", false: "0"}[q])
			if p == 1 || !coderB && p == 3 {
				set("question_type", qt)
			}
			out = append(out, r)
		}
		return out
	}
	fa, fb := filepath.Join(sdir, "messages-A.csv"), filepath.Join(sdir, "messages-B.csv")
	writeCSV(t, fa, code(false), true)
	writeCSV(t, fb, code(true), false)

	report := runOK(t, "reliability", "--reps", "200", fa, fb)
	rel := byVariable(t, filepath.Join(sdir, "reliability.csv"))
	// Alphas by hand. B codes 15 of the 16 units: 15 pairable units, n = 30
	// pairable codes per binary variable; for a binary variable
	// alpha = 1 − (n−1)·o01 / (n0·n1), o01 the off-diagonal coincidences (one
	// per disagreeing unit).
	//   conditions: n1 = 2·4 + 1 = 9, n0 = 21: 1 − 29/189 = 160/189
	//   other:      A's no-theme units 5, 10, 13-16, B's 10, 13-16:
	//               n1 = 1 + 2·5 = 11, n0 = 19: 1 − 29/209 = 180/209
	//   question:   n1 = 2·2 + 1 = 5, n0 = 25: 1 − 29/125 = 96/125
	//   question_type: n_type = 3, n_none = 27: 1 − 29/81 = 52/81
	//   themes pooled: 75 units, n = 150, o01 = 2, n1 = 9+4+4+2+11 = 30,
	//               n0 = 120: 1 − 149·2/3600 = 3302/3600
	//   practice, future, support: no disagreement: 1
	want := map[string]string{
		"theme:conditions": "0.846561", "theme:other": "0.861244", "question": "0.768000",
		"question_type": "0.641975", "themes": "0.917222",
		"theme:practice": "1.000000", "theme:future": "1.000000", "theme:support": "1.000000",
	}
	for v, a := range want {
		if got := rel[v]["alpha"]; got != a {
			t.Errorf("alpha of %s = %s, want %s", v, got, a)
		}
		if got := rel[v]["pairable_units"]; v != "themes" && got != "15" {
			t.Errorf("%s: %s pairable units, want 15", v, got)
		}
	}
	// Cohen's kappa of conditions: both 1 on 4, only B on 1, both 0 on 10:
	// p_o = 14/15, p_e = (4·5 + 11·10)/225 = 130/225, kappa = 80/95 = 16/19.
	if r := rel["theme:conditions"]; r["kappa"] != "0.842105" || r["agreement"] != "0.933333" || r["both_coded"] != "15" {
		t.Errorf("conditions: %v", r)
	}
	if lo, hi := rel["themes"]["alpha_lo"], rel["themes"]["alpha_hi"]; !(lo <= "0.917222" && hi >= "0.917222") || lo == "NaN" {
		t.Errorf("themes interval [%s, %s] does not hold its alpha", lo, hi)
	}
	if !strings.Contains(report, "theme:conditions") || !strings.Contains(report, "4 disagreements to adjudicate") {
		t.Errorf("report:\n%s", report)
	}

	// The disagreements: 4, on units 3 and 5.
	dis := readCSV(t, filepath.Join(sdir, "disagreements.csv"))
	if !slices.Equal(dis[0], []string{"unit", "variable", "messages-A", "messages-B", "adjudicated", "text"}) {
		t.Fatalf("disagreements header %v", dis[0])
	}
	u3, u5 := unitAt(3)[0], unitAt(5)[0]
	var got []string
	for _, d := range dis[1:] {
		got = append(got, d[0]+" "+d[1]+" "+d[2]+"/"+d[3])
	}
	slices.Sort(got)
	wantDis := []string{u3 + " question 1/0", u3 + " question_type " + qt + "/none", u5 + " theme:conditions 0/1", u5 + " theme:other 1/0"}
	slices.Sort(wantDis)
	if !slices.Equal(got, wantDis) {
		t.Errorf("disagreements %v, want %v", got, wantDis)
	}

	// Gold refuses while a disagreement is not adjudicated, naming it.
	adj := filepath.Join(sdir, "adjudicated.csv")
	decide := map[string]string{"question": "1", "question_type": qt, "theme:conditions": "1", "theme:other": "0"}
	var filled [][]string
	filled = append(filled, dis[0])
	for _, d := range dis[1:] {
		d = slices.Clone(d)
		if d[1] != "question_type" {
			d[4] = decide[d[1]]
		}
		filled = append(filled, d)
	}
	writeCSV(t, adj, filled, true)
	goldPath := filepath.Join(dir, "gold.csv")
	msg := runFail(t, "gold", fa, fb, "--adjudicated", adj, "--out", goldPath)
	if !strings.Contains(msg, "1 disagreements not adjudicated") || !strings.Contains(msg, u3+" question_type") {
		t.Errorf("gold without every adjudication: %s", msg)
	}
	if _, err := os.Stat(goldPath); err == nil {
		t.Errorf("gold file written despite the refusal")
	}
	for _, d := range filled[1:] {
		if d[1] == "question_type" {
			d[4] = qt
		}
	}
	writeCSV(t, adj, filled, true)
	runOK(t, "gold", fa, fb, "--adjudicated", adj, "--out", goldPath)

	// The gold file reads as the hand-coded sample does.
	gold, err := themes.LoadSample(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 16 {
		t.Fatalf("%d gold units, want 16", len(gold))
	}
	g := map[string]themes.Coded{}
	for _, c := range gold {
		g[c.ID] = c
	}
	strataW := map[string]string{}
	for _, w := range weights[1:] {
		if w[0] == kindMessages {
			strataW[w[1]] = w[4]
		}
	}
	for _, s := range readCSV(t, filepath.Join(sdir, "strata.csv"))[1:] {
		if s[0] != kindMessages {
			continue
		}
		c := g[s[1]]
		if c.Community != s[2] || c.MessageID != s[3] || c.Stratum != s[4] || formatWeight(c.Weight) != strataW[s[4]] {
			t.Errorf("gold %s: community %q id %q stratum %q weight %v; strata.csv says %v, weight %s", s[1], c.Community, c.MessageID, c.Stratum, c.Weight, s, strataW[s[4]])
		}
	}
	if c := g[u5]; !slices.Equal(c.Themes, []string{"conditions"}) || c.Question {
		t.Errorf("unit 5 (adjudicated conditions, not other): %+v", c)
	}
	if c := g[u3]; !c.Question || c.QuestionType != qt || !slices.Equal(c.Themes, []string{"conditions"}) {
		t.Errorf("unit 3 (adjudicated a question of type %s): %+v", qt, c)
	}
	if c := g[unitAt(7)[0]]; !slices.Equal(c.Themes, []string{"practice"}) {
		t.Errorf("unit 7 (coded by A only): %+v", c)
	}
	if c := g[unitAt(1)[0]]; c.QuestionType != qt || c.Text != unitAt(1)[col(t, head, "text")] {
		t.Errorf("unit 1: %+v", c)
	}
	// Validate is what t3-codebook-validation runs on the hand-coded sample.
	if v := themes.Validate(cb, gold); v.N != 16 || v.Question.Support != 3 {
		t.Errorf("Validate on gold: N %d, question support %d", v.N, v.Question.Support)
	}

	// The automatic coder (analysis/coder) trains on the gold file as on
	// the hand-coded sample: a smoke check that the file is usable there
	// (16 messages are too few to measure anything).
	model, err := coder.Train(gold, cb, coder.Options{})
	if err != nil {
		t.Fatalf("coder.Train on gold: %v", err)
	}
	if c := model.Code(gold[0].Text, gold[0].Profession); len(c.Themes) == 0 {
		t.Errorf("trained coder gives no theme: %+v", c)
	}

	// Threads: A gives the statuses c, n, u, q in turn (T001 consensual,
	// T002 non-consensual...), B the same but T002 consensual; both mark
	// law on the first answer of the first thread with answers.
	thr := readCSV(t, filepath.Join(sdir, "threads.csv"))
	th := thr[0]
	statuses := []string{"consensual", "non-consensual", "unanswered", NotAQuestion}
	codeThreads := func(coderB bool) [][]string {
		out := [][]string{th}
		k, law := -1, false
		for _, r := range thr[1:] {
			r = slices.Clone(r)
			if r[col(t, th, "position")] == "0" {
				k++
				s := statuses[k%4]
				if coderB && k == 1 {
					s = "consensual"
				}
				r[col(t, th, "status")] = s
			} else if !law {
				r[col(t, th, "law")] = "1"
				law = true
			}
			out = append(out, r)
		}
		return out
	}
	ta, tb := filepath.Join(sdir, "threads-A.csv"), filepath.Join(sdir, "threads-B.csv")
	writeCSV(t, ta, codeThreads(false), true)
	writeCSV(t, tb, codeThreads(true), true)
	out := filepath.Join(dir, "threads-rel")
	os.Mkdir(out, 0o755)
	runOK(t, "reliability", "--reps", "200", "--out", out, ta, tb)
	rel = byVariable(t, filepath.Join(out, "reliability.csv"))
	// status: 8 threads, n = 16; n_consensual = 2·2 + 1 = 5, n_non = 1 + 2 = 3,
	// n_unanswered = 4, n_not = 4; D_o = 2/16, D_e = (256 − 66)/240:
	// alpha = 1 − (2/16)/(190/240) = 16/19.
	if a := rel["status"]["alpha"]; a != "0.842105" {
		t.Errorf("status alpha %s, want 0.842105", a)
	}
	if a := rel["source:law"]["alpha"]; a != "1.000000" {
		t.Errorf("source:law alpha %s, want 1", a)
	}
	if a := rel["question_type"]["alpha"]; a != "NaN" {
		t.Errorf("question_type alpha %s, want NaN (no variation)", a)
	}
	tdis := readCSV(t, filepath.Join(out, "disagreements.csv"))
	if len(tdis) != 2 || tdis[1][0] != "T002" || tdis[1][1] != "status" || tdis[1][2] != "non-consensual" || tdis[1][3] != "consensual" {
		t.Errorf("thread disagreements %v", tdis)
	}

	// Thread gold: refused without the adjudication of T002's status, then
	// written with it.
	tadj := filepath.Join(out, "adjudicated.csv")
	writeCSV(t, tadj, tdis, true)
	tgold := filepath.Join(dir, "gold-threads.csv")
	if msg := runFail(t, "gold", "--sample", sdir, "--adjudicated", tadj, "--out", tgold, ta, tb); !strings.Contains(msg, "T002 status (non-consensual / consensual)") {
		t.Errorf("thread gold without adjudication: %s", msg)
	}
	tdis[1][4] = "non-consensual"
	writeCSV(t, tadj, tdis, true)
	runOK(t, "gold", "--sample", sdir, "--adjudicated", tadj, "--out", tgold, ta, tb)
	data, err := os.ReadFile(tgold)
	if err != nil {
		t.Fatal(err)
	}
	trecs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(trecs) != len(thr) || !slices.Equal(trecs[0], threadGoldHeader(cb)) {
		t.Fatalf("thread gold: %d rows (sheet %d), header %v", len(trecs), len(thr), trecs[0])
	}
	gh := trecs[0]
	// Each line's author label is the sample sheet's (A the asker, R1...
	// the others), so that a reader can leave out the asker's follow-ups.
	author := map[[2]string]string{}
	for _, r := range thr[1:] {
		author[[2]string{r[col(t, th, "unit")], r[col(t, th, "position")]}] = r[col(t, th, "author")]
	}
	others := 0
	for _, r := range trecs[1:] {
		u, pos, a := r[col(t, gh, "unit")], r[col(t, gh, "position")], r[col(t, gh, "author")]
		if want := author[[2]string{u, pos}]; a != want || a == "" || pos == "0" && a != "A" {
			t.Errorf("%s#%s: author %q, want %q (A on the question)", u, pos, a, want)
		}
		if pos != "0" && a != "A" {
			others++
		}
	}
	if others == 0 {
		t.Error("no answer by another than the asker in the thread gold")
	}
	k, lawRows := -1, 0
	for _, r := range trecs[1:] {
		if r[col(t, gh, "position")] == "0" {
			k++
			if s := r[col(t, gh, "status")]; s != statuses[k%4] {
				t.Errorf("%s: gold status %s, want %s", r[0], s, statuses[k%4])
			}
			if r[col(t, gh, "weight")] == "" || r[col(t, gh, "stratum")] == "" || r[col(t, gh, "message_id")] == "" {
				t.Errorf("%s: no weight, stratum or message id: %v", r[0], r)
			}
		} else if r[col(t, gh, "law")] == "1" {
			lawRows++
		}
	}
	if k != 7 || lawRows != 1 {
		t.Errorf("thread gold: %d threads, %d answers citing law; want 8 and 1", k+1, lawRows)
	}

	// Last step: a copy of the study whose file names the two gold files
	// ("coding"), read as scripts/derive and the notebooks read it — the
	// coding choice, the thread gold files (coder.StudyGoldThreads), the
	// corrected rows of indicators.csv (all.IndicatorsCoded with the gold
	// messages and threads). 16 gold messages and 8 gold threads are too
	// few to measure a coder's error: every corrected row is there, empty,
	// with the reason that says so, for the keyword and the trained coder.
	raw, err := os.ReadFile(testStudy)
	if err != nil {
		t.Fatal(err)
	}
	var spec map[string]any
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatal(err)
	}
	spec["coding"] = map[string]any{"coder": "trained", "gold": goldPath, "gold_threads": tgold}
	sdirStudy := filepath.Join(dir, "study")
	if err := os.CopyFS(sdirStudy, os.DirFS(filepath.Dir(testStudy))); err != nil {
		t.Fatal(err)
	}
	studyFile := filepath.Join(sdirStudy, "study.json")
	b, _ := json.Marshal(spec)
	if err := os.WriteFile(studyFile, b, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := load.ReadStudy(studyFile)
	if err != nil {
		t.Fatal(err)
	}
	choice := st.CodingChoice()
	if choice.Coder != load.CoderTrained || choice.Gold != goldPath {
		t.Fatalf("coding choice %+v", choice)
	}
	if files := coder.StudyGoldThreads(st); !slices.Equal(files, []string{tgold}) {
		t.Fatalf("thread gold files %v, want the study's %s", files, tgold)
	}
	key, _, err := pseudo.LoadKey()
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := load.Study(studyFile, load.Options{Key: key})
	if err != nil {
		t.Fatal(err)
	}
	studyGold, err := themes.LoadSample(choice.Gold)
	if err != nil {
		t.Fatal(err)
	}
	threadGold, err := coder.LoadGoldThreads(cb, coder.StudyGoldThreads(st)...)
	if err != nil {
		t.Fatal(err)
	}
	var measured []indicator.Row
	for _, name := range []string{choice.Coder, load.CoderKeyword} {
		rows, err := all.IndicatorsCoded(c, cb, nil, coder.Choice{Coder: name, Gold: studyGold}, nil, threadGold)
		if err != nil {
			t.Fatalf("IndicatorsCoded with the %s coder: %v", name, err)
		}
		measured = append(measured, rows...)
	}
	corrected := map[string]int{}
	for _, r := range measured {
		if !strings.Contains(r.Indicator, "_corrected") {
			continue
		}
		corrected[strings.SplitN(r.Indicator, "_corrected", 2)[0]]++
		if !math.IsNaN(r.Value) || !strings.Contains(r.Reason, "fewer than") && !strings.Contains(r.Reason, "not a label") {
			t.Errorf("%s %s: %v (%q): too few gold codes to correct", r.Community, r.Indicator, r.Value, r.Reason)
		}
	}
	for _, want := range []string{"theme_share", "question_share", "consensual_share", "citing_share"} {
		if corrected[want] == 0 {
			t.Errorf("no %s_corrected row from the study's gold files (%v)", want, corrected)
		}
	}
}

func formatWeight(w float64) string { return strconv.FormatFloat(w, 'g', -1, 64) }

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func corpusProfession(s string) corpus.Profession { return corpus.Profession(s) }
