package coder

import (
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/repo"
	"github.com/faire-communaute/compendium/analysis/stats"
)

func goldThreadsFixture(t testing.TB) []Thread {
	t.Helper()
	gold, err := LoadGoldThreads(studyCodebook(t), filepath.Join(repo.Root(), "analysis/coder/testdata/threads-gold.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return gold
}

func threadNear(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestReadGoldThreads(t *testing.T) {
	gold := goldThreadsFixture(t)
	if len(gold) != 6 {
		t.Fatalf("%d threads, want 6", len(gold))
	}
	var status, keyword []string
	answers := 0
	for _, g := range gold {
		status = append(status, g.Status)
		keyword = append(keyword, g.Keyword)
		answers += len(g.Answers)
	}
	wantStatus := []string{"consensual", "non-consensual", "unanswered", "not-a-question", "non-consensual", "non-consensual"}
	wantKeyword := []string{"consensual", "non-consensual", "unanswered", "not-a-question", "consensual", "unanswered"}
	if !slices.Equal(status, wantStatus) || !slices.Equal(keyword, wantKeyword) {
		t.Errorf("status %v keyword %v", status, keyword)
	}
	if answers != 9 {
		t.Errorf("%d answers, want 9", answers)
	}
	t5 := gold[4]
	if t5.Unit != "T05" || t5.Weight != 1 || t5.Profession != "home-care-aide" || t5.QuestionType != "administrative" ||
		!slices.Equal(t5.Answers[0].Sources, []string{"law"}) || !slices.Equal(t5.Answers[1].Sources, []string{"employer"}) {
		t.Errorf("T05 read as %+v", t5)
	}
	if gold[0].Text != "Patiente de 70 ans sous AVK, INR à 5 sans saignement, vous faites quoi ?" || gold[0].Answers[1].Text != "+1, je fais pareil" {
		t.Errorf("texts %q %q", gold[0].Text, gold[0].Answers[1].Text)
	}
}

// Two files: each file's weights are rescaled to a mean of 1 (the
// fixture's weights 2 2 1 4 1 2 have mean 2).
func TestLoadGoldThreadsSeveral(t *testing.T) {
	p := filepath.Join(repo.Root(), "analysis/coder/testdata/threads-gold.csv")
	gold, err := LoadGoldThreads(studyCodebook(t), p, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 12 {
		t.Fatalf("%d threads", len(gold))
	}
	var w []float64
	for _, g := range gold[:6] {
		w = append(w, g.Weight)
	}
	if !slices.Equal(w, []float64{1, 1, 0.5, 2, 0.5, 1}) {
		t.Errorf("weights %v", w)
	}
}

func TestReadGoldThreadsRejects(t *testing.T) {
	cb := studyCodebook(t)
	head := "unit,position,community,profession,stratum,weight,text,status,question_type,law\n"
	for name, body := range map[string]string{
		"no status column":  "unit,position,community,profession,text,question_type\nT1,0,c,general-practitioner,x,\n",
		"bad status":        head + "T1,0,c,general-practitioner,c/consensual,1,Jean Dupont ?,peut-etre,,\n",
		"bad position":      head + "T1,zero,c,general-practitioner,c/consensual,1,x,consensual,,\n",
		"orphan answer":     head + "T1,1,c,general-practitioner,c/consensual,1,x,,,0\n",
		"gap in positions":  head + "T1,0,c,general-practitioner,c/consensual,1,x,consensual,,\nT1,2,c,general-practitioner,c/consensual,1,y,,,0\n",
		"bad source":        head + "T1,0,c,general-practitioner,c/consensual,1,x,consensual,,\nT1,1,c,general-practitioner,c/consensual,1,y,,,oui\n",
		"type of no-q":      head + "T1,0,c,general-practitioner,c/consensual,1,x,not-a-question,therapeutic,\n",
		"unknown type":      head + "T1,0,c,general-practitioner,c/consensual,1,x,consensual,astrologie,\n",
		"negative weight":   head + "T1,0,c,general-practitioner,c/consensual,-1,x,consensual,,\n",
		"thread twice":      head + "T1,0,c,general-practitioner,c/consensual,1,x,consensual,,\nT1,0,c,general-practitioner,c/consensual,1,x,consensual,,\n",
		"empty":             "",
		"header only":       head,
		"duplicated column": "unit,unit,position,community,profession,text,status,question_type\n",
	} {
		_, err := ReadGoldThreads(strings.NewReader(body), "g.csv", cb)
		var pe *rawio.ParseError
		if !errors.As(err, &pe) || pe.File != "g.csv" {
			t.Errorf("%s: %v, want a ParseError", name, err)
			continue
		}
		if strings.Contains(err.Error(), "Dupont") {
			t.Errorf("%s: the reason echoes a name: %v", name, err)
		}
	}
}

// The keyword rule's scores on the fixture, by hand (gold / keyword):
// T01 C/C, T02 N/N, T03 U/U, T04 X/X, T05 N/C, T06 N/U.
// consensual: TP 1, FP 1 (T05), FN 0 → precision 1/2, recall 1;
// non-consensual: TP 1, FN 2 → precision 1, recall 1/3, F1 1/2;
// unanswered: TP 1, FP 1 (T06) → precision 1/2; not-a-question: 1, 1.
// Multi-class: agreement 4/6; marginals gold (1, 3, 1, 1), keyword
// (2, 1, 2, 1): chance (2 + 3 + 2 + 1)/36 = 2/9, κ = (2/3 − 2/9)/(7/9) = 4/7.
func TestCrossValidateThreadsKeywordBaseline(t *testing.T) {
	gold := goldThreadsFixture(t)
	r, err := CrossValidateThreads(gold, studyCodebook(t), ThreadCVOptions{Folds: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][3]float64{ // precision, recall, F1
		"consensual":     {0.5, 1, 2.0 / 3},
		"non-consensual": {1, 1.0 / 3, 0.5},
		"unanswered":     {0.5, 1, 2.0 / 3},
		"not-a-question": {1, 1, 1},
	}
	for _, l := range r.Statuses {
		w := want[l.Status]
		if !threadNear(l.Keyword.Precision, w[0]) || !threadNear(l.Keyword.Recall, w[1]) || !threadNear(l.Keyword.F1, w[2]) {
			t.Errorf("%s: keyword P %v R %v F1 %v, want %v", l.Status, l.Keyword.Precision, l.Keyword.Recall, l.Keyword.F1, w)
		}
		if l.Estimable || !strings.Contains(l.Reason, "fewer than 10") {
			t.Errorf("%s: estimable %v, reason %q: six gold threads cannot estimate it", l.Status, l.Estimable, l.Reason)
		}
		if l.Trained.TP+l.Trained.FP+l.Trained.FN+l.Trained.TN != 6 {
			t.Errorf("%s: the trained coder's table counts %d threads", l.Status, l.Trained.TP+l.Trained.FP+l.Trained.FN+l.Trained.TN)
		}
	}
	if !threadNear(r.KeywordAgreement, 4.0/6) || !threadNear(r.KeywordKappa, 4.0/7) {
		t.Errorf("keyword agreement %v κ %v, want 2/3 and 4/7", r.KeywordAgreement, r.KeywordKappa)
	}
	// Each fold holds 2 threads.
	count := make([]int, 3)
	for _, f := range r.Fold {
		count[f]++
	}
	if !slices.Equal(count, []int{2, 2, 2}) {
		t.Errorf("fold sizes %v", count)
	}
	// Same gold, same seed: same report.
	r2, _ := CrossValidateThreads(gold, studyCodebook(t), ThreadCVOptions{Folds: 3})
	if !slices.Equal(r.Trained, r2.Trained) || !slices.Equal(r.Fold, r2.Fold) {
		t.Error("cross-validation is not deterministic")
	}
}

func TestCrossValidateThreadsNeedsKeyword(t *testing.T) {
	gold := goldThreadsFixture(t)
	gold[2].Keyword = ""
	if _, err := CrossValidateThreads(gold, studyCodebook(t), ThreadCVOptions{Folds: 2}); !errors.Is(err, ErrGoldThreads) {
		t.Errorf("err %v, want ErrGoldThreads", err)
	}
}

// At the fit, the gradient of the weighted, penalised log-loss is zero:
// Σᵢ cᵢ (pᵢₖ − [yᵢ = k]) xᵢⱼ + λ wₖⱼ = 0 and Σᵢ cᵢ (pᵢₖ − [yᵢ = k]) = 0.
func TestSoftmaxFirstOrderConditions(t *testing.T) {
	x := [][]int{{0}, {0, 2}, {0}, {1}, {1, 2}, {1}, {1}, {2}, {}, {0, 1}, {2}}
	y := []int{0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 1} // class 3 absent
	const lambda = 0.5
	for _, balanced := range []bool{false, true} {
		w, b, present := fitSoftmax(x, y, 4, 3, lambda, balanced)
		if !slices.Equal(present, []bool{true, true, true, false}) {
			t.Fatalf("present %v", present)
		}
		count := []int{4, 4, 3}
		m := &ThreadModel{w: w, b: b, present: present}
		grad := make([][]float64, 3)
		for k := range grad {
			grad[k] = make([]float64, 4)
		}
		for i, row := range x {
			c := 1.0
			if balanced {
				c = 11.0 / (3 * float64(count[y[i]]))
			}
			p := m.probs(row)
			if p[3] != 0 {
				t.Fatalf("absent class has probability %v", p[3])
			}
			for k := range 3 {
				r := p[k]
				if k == y[i] {
					r--
				}
				for _, j := range row {
					grad[k][j] += c * r
				}
				grad[k][3] += c * r
			}
		}
		for k := range 3 {
			for j := range 3 {
				grad[k][j] += lambda * w[k][j]
			}
			for j, g := range grad[k] {
				if math.Abs(g) > 1e-4 {
					t.Errorf("balanced %v: gradient of class %d, parameter %d is %v", balanced, k, j, g)
				}
			}
		}
	}
}

// A 3×3 confusion inverted by hand. M = [[.8 .2 0] [.2 .8 0] [0 0 1]]
// (columns: true class; rows: coded class) has the inverse
// (1/0.6)·[[.8 −.2] [−.2 .8]] on its first block and 1 on the third.
//   - q = (.1, .4, .5): π₁ = (.08 − .08)/.6 = 0, π₂ = (−.02 + .32)/.6 = .5,
//     π₃ = .5;
//   - q = (.05, .45, .5): π₁ = (.04 − .09)/.6 = −1/12, π₂ = 7/12,
//     π₃ = 1/2: clipped to (0, 7/12, 6/12), renormalised to (0, 7/13,
//     6/13).
//
// ‖M⁻¹‖₁ = (.8 + .2)/.6 = 5/3.
func TestAdjustSharesByHand(t *testing.T) {
	m := [][]float64{{0.8, 0.2, 0}, {0.2, 0.8, 0}, {0, 0, 1}}
	pi, clipped, amp, err := AdjustShares([]float64{0.1, 0.4, 0.5}, m)
	if err != nil || clipped || !threadNear(pi[0], 0) || !threadNear(pi[1], 0.5) || !threadNear(pi[2], 0.5) || !threadNear(amp, 5.0/3) {
		t.Errorf("π %v clipped %v amplification %v err %v", pi, clipped, amp, err)
	}
	pi, clipped, _, err = AdjustShares([]float64{0.05, 0.45, 0.5}, m)
	if err != nil || !clipped || !threadNear(pi[0], 0) || !threadNear(pi[1], 7.0/13) || !threadNear(pi[2], 6.0/13) {
		t.Errorf("π %v clipped %v err %v, want (0, 7/13, 6/13) clipped", pi, clipped, err)
	}
	// A perfect coder changes nothing.
	pi, _, amp, _ = AdjustShares([]float64{0.2, 0.3, 0.5}, [][]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}})
	if !threadNear(pi[0], 0.2) || !threadNear(pi[1], 0.3) || !threadNear(pi[2], 0.5) || amp != 1 {
		t.Errorf("identity: π %v amplification %v", pi, amp)
	}
	if _, _, _, err := AdjustShares([]float64{0.5, 0.5}, [][]float64{{0.5, 0.5}, {0.5, 0.5}}); !errors.Is(err, ErrSingular) {
		t.Errorf("a coder that ignores the class: err %v, want ErrSingular", err)
	}
}

// The keyword rule's confusion on the fixture, weighted (weights 2 2 1 4
// 1 2): the non-consensual gold threads T02 (2), T05 (1), T06 (2) are
// coded N, C, U, so that column is (C .2, N .4, U .4, X 0); the others
// are coded right. Coded shares q = (.3, .2, .3, .2) give π_N = .2/.4 =
// .5, π_C = .3 − .2·.5 = .2, π_U = .3 − .4·.5 = .1, π_X = .2; among
// questions (.2, .5, .1)/.8. Unweighted the column is (1/3, 1/3, 1/3):
// π_N = .6, π_C = .1, π_U = .1. ‖M⁻¹‖₁ weighted: column N of M⁻¹ is
// (−.5, 2.5, −1, 0), 4.
func TestCorrectStatusesByHand(t *testing.T) {
	gold := goldThreadsFixture(t)
	r, err := CrossValidateThreads(gold, studyCodebook(t), ThreadCVOptions{Folds: 3})
	if err != nil {
		t.Fatal(err)
	}
	counts := []int{30, 20, 30, 20}
	opts := StatusOptions{MinGoldPerStatus: 1, Options: stats.Options{Reps: 400}}
	s := CorrectStatuses(counts, r.Confusion(true), opts)
	want := []float64{0.2, 0.5, 0.1, 0.2}
	for k, w := range want {
		if !threadNear(s.Corrected[k].Value, w) {
			t.Errorf("%s: corrected %v, want %v", ThreadStatuses[k], s.Corrected[k].Value, w)
		}
	}
	for k, w := range []float64{0.25, 0.625, 0.125} {
		if !threadNear(s.CorrectedQuestions[k].Value, w) || !threadNear(s.NaiveQuestions[k].Value, float64(counts[k])/80) {
			t.Errorf("%s among questions: corrected %v naive %v", ThreadStatuses[k], s.CorrectedQuestions[k].Value, s.NaiveQuestions[k].Value)
		}
	}
	if !s.Weighted || !threadNear(s.Amplification, 4) || s.Clipped {
		t.Errorf("weighted %v amplification %v clipped %v", s.Weighted, s.Amplification, s.Clipped)
	}
	// With one consensual gold thread in six, a third of the gold
	// resamples lack it ((5/6)^6 = 0.33): the interval is open.
	if s.Dropped < 80 || !math.IsNaN(s.Corrected[0].Lo) || !strings.Contains(s.Reason, "bootstrap replicates") {
		t.Errorf("dropped %d of %d, lo %v, reason %q", s.Dropped, s.Reps, s.Corrected[0].Lo, s.Reason)
	}
	opts.Unweighted = true
	s = CorrectStatuses(counts, r.Confusion(true), opts)
	for k, w := range []float64{0.1, 0.6, 0.1, 0.2} {
		if !threadNear(s.Corrected[k].Value, w) {
			t.Errorf("unweighted %s: %v, want %v", ThreadStatuses[k], s.Corrected[k].Value, w)
		}
	}
	// By default a status needs 5 gold threads.
	s = CorrectStatuses(counts, r.Confusion(true), StatusOptions{})
	if !math.IsNaN(s.Corrected[1].Value) || !strings.Contains(s.Reason, "1 gold threads consensual, fewer than 5") {
		t.Errorf("value %v reason %q", s.Corrected[1].Value, s.Reason)
	}
}

// noisyConfusion is a deliberately noisy coder: P(coded c | true t) in
// column t.
var noisyConfusion = [][]float64{
	{0.60, 0.15, 0.02, 0.05},
	{0.25, 0.70, 0.08, 0.10},
	{0.05, 0.10, 0.85, 0.05},
	{0.10, 0.05, 0.05, 0.80},
}

// drawStatus draws a class from the shares p with u in [0, 1).
func drawStatus(u float64, p []float64) int {
	for k, v := range p {
		if u < v {
			return k
		}
		u -= v
	}
	return len(p) - 1
}

// Recovery: threads whose true statuses have known shares are coded by
// the noisy coder above; 400 gold threads of the same population carry
// their true and coded statuses. Over 60 seeded repetitions the
// corrected shares' 95 % intervals cover the true shares in about 95 %
// of them, while the coded shares, biased (the consensual share is
// coded 0.173 for 0.15, the non-consensual 0.390 for 0.45), almost never
// do.
func TestCorrectStatusesRecovery(t *testing.T) {
	truth := []float64{0.15, 0.45, 0.15, 0.25}
	const reps, n, g = 60, 3000, 400
	covered, naiveCovered := make([]int, 4), make([]int, 4)
	var bias [4]float64
	col := func(t int) []float64 {
		out := make([]float64, 4)
		for c := range 4 {
			out[c] = noisyConfusion[c][t]
		}
		return out
	}
	for rep := range reps {
		rng := rand.New(rand.NewPCG(uint64(rep), 99))
		counts := make([]int, 4)
		for range n {
			tr := drawStatus(rng.Float64(), truth)
			counts[drawStatus(rng.Float64(), col(tr))]++
		}
		var conf StatusConfusion
		for range g {
			tr := drawStatus(rng.Float64(), truth)
			conf.Gold = append(conf.Gold, ThreadStatuses[tr])
			conf.Coded = append(conf.Coded, ThreadStatuses[drawStatus(rng.Float64(), col(tr))])
		}
		s := CorrectStatuses(counts, conf, StatusOptions{Options: stats.Options{Reps: 500, Seed: uint64(rep + 1)}})
		if s.Reason != "" {
			t.Fatalf("rep %d: %s", rep, s.Reason)
		}
		for k := range 4 {
			e := s.Corrected[k]
			if e.Lo <= truth[k] && truth[k] <= e.Hi {
				covered[k]++
			}
			if ne := s.Naive[k]; ne.Lo <= truth[k] && truth[k] <= ne.Hi {
				naiveCovered[k]++
			}
			bias[k] += (e.Value - truth[k]) / reps
		}
	}
	for k := range 4 {
		if c := float64(covered[k]) / reps; c < 0.85 {
			t.Errorf("%s: corrected coverage %.2f, want about 0.95", ThreadStatuses[k], c)
		}
		if math.Abs(bias[k]) > 0.02 {
			t.Errorf("%s: corrected bias %.3f", ThreadStatuses[k], bias[k])
		}
	}
	if c := float64(naiveCovered[1]) / reps; c > 0.1 {
		t.Errorf("non-consensual: naive coverage %.2f; the test's coder is not noisy enough", c)
	}
	t.Logf("coverage corrected %v naive %v bias %.4f", covered, naiveCovered, bias)
}

func TestRoundCounts(t *testing.T) {
	// votes over 3 models: 10/3 = 3.33, 11/3 = 3.67, 9/3 = 3: 3 + 4 + 3 = 10.
	if got := roundCounts([]int{10, 11, 9, 0}, 3, 10); !slices.Equal(got, []int{3, 4, 3, 0}) {
		t.Errorf("%v", got)
	}
}

// synthThread draws a thread of true status st (index in ThreadStatuses)
// whose words tell the status only in part: half the consensual threads
// have no agreement word, a third of the non-consensual ones have one, some unanswered threads have the asker's « je remonte »,
// some statements end with a rhetorical '?'. Its Keyword is the true
// status with probability 0.6, a uniform status otherwise: a weak
// baseline.
func synthThread(rng *rand.Rand, st int) Thread {
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	questions := []string{"Vous faites quoi devant une toux chronique chez l'adulte ?", "Quelle durée d'antibiotique pour une angine ?",
		"Comment vous cotez une visite longue ?", "Vous utilisez quoi pour le transfert lit fauteuil ?", "Une idée pour un prurit diffus sans lésion ?"}
	statements := []string{"Encore une journée de onze heures", "Toujours rien pour nous dans les annonces", "Fière de mon métier ce soir",
		"Ma fiche de paie me fait pleurer", "Merci à toutes pour votre soutien"}
	answer := []string{"je ferais un ECG d'abord", "moi je mets du paracétamol", "ça dépend du contexte", "regarde avec ton cabinet", "chez nous on fait autrement"}
	agree := []string{"+1 je confirme", "pareil pour moi", "je confirme c'est ça", "tout à fait d'accord"}
	t := Thread{Status: ThreadStatuses[st], Profession: "general-practitioner"}
	switch ThreadStatuses[st] {
	case StatusNotAQuestion:
		t.Text = pick(statements...)
		if rng.Float64() < 0.2 {
			t.Text += " ?"
		}
		for range rng.IntN(4) {
			t.Answers = append(t.Answers, ThreadAnswer{Text: pick("courage", "on lâche rien", "je te comprends")})
		}
	case StatusUnanswered:
		t.Text = pick(questions...)
		if rng.Float64() < 0.3 {
			t.Answers = append(t.Answers, ThreadAnswer{Text: "je remonte"})
		}
	case StatusConsensual:
		t.Text = pick(questions...)
		t.Answers = append(t.Answers, ThreadAnswer{Text: pick(answer...)})
		if rng.Float64() < 0.5 {
			t.Answers = append(t.Answers, ThreadAnswer{Text: pick(agree...)})
		} else {
			t.Answers = append(t.Answers, ThreadAnswer{Text: pick(answer...)})
		}
	default:
		t.Text = pick(questions...)
		for range 1 + rng.IntN(3) {
			t.Answers = append(t.Answers, ThreadAnswer{Text: pick(answer...)})
		}
		if rng.Float64() < 0.35 {
			t.Answers = append(t.Answers, ThreadAnswer{Text: pick(agree...)})
		}
	}
	t.Keyword = t.Status
	if rng.Float64() < 0.4 {
		t.Keyword = ThreadStatuses[rng.IntN(4)]
	}
	return t
}

// End to end on synthetic threads of known status shares: the trained
// coder is cross-validated on 300 gold threads, counts 2,000 threads with
// its fold models (CountThreads), and CorrectStatuses corrects the count
// with its cross-validated confusion. Over 12 seeded repetitions the
// corrected shares' intervals cover the true shares (at least 40 of 48
// status × repetition cells) and the trained coder agrees with gold
// better than its keyword stand-in.
func TestThreadCoderRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("trains 60 models")
	}
	cb := studyCodebook(t)
	truth := []float64{0.2, 0.4, 0.15, 0.25}
	const reps, n, g = 12, 2000, 300
	covered, naiveCovered := 0, 0
	for rep := range reps {
		rng := rand.New(rand.NewPCG(uint64(rep), 7))
		gold := make([]Thread, g)
		for i := range gold {
			gold[i] = synthThread(rng, drawStatus(rng.Float64(), truth))
		}
		pop := make([]Thread, n)
		for i := range pop {
			pop[i] = synthThread(rng, drawStatus(rng.Float64(), truth))
		}
		r, err := CrossValidateThreads(gold, cb, ThreadCVOptions{Seed: uint64(rep + 1)})
		if err != nil {
			t.Fatal(err)
		}
		if !(r.TrainedKappa > r.KeywordKappa) {
			t.Errorf("rep %d: trained κ %.3f not above the keyword stand-in's %.3f", rep, r.TrainedKappa, r.KeywordKappa)
		}
		counts := CountThreads(r.Models(), n, func(i int) Thread { return pop[i] })
		s := CorrectStatuses(counts, r.Confusion(false), StatusOptions{Options: stats.Options{Reps: 400, Seed: uint64(rep + 1)}})
		if s.Reason != "" {
			t.Fatalf("rep %d: %s", rep, s.Reason)
		}
		for k := range 4 {
			if e := s.Corrected[k]; e.Lo <= truth[k] && truth[k] <= e.Hi {
				covered++
			}
			if e := s.Naive[k]; e.Lo <= truth[k] && truth[k] <= e.Hi {
				naiveCovered++
			}
		}
		if rep == 0 {
			t.Logf("κ trained %.3f keyword %.3f; counts %v; corrected %.3f %.3f %.3f %.3f", r.TrainedKappa, r.KeywordKappa, counts,
				s.Corrected[0].Value, s.Corrected[1].Value, s.Corrected[2].Value, s.Corrected[3].Value)
		}
	}
	t.Logf("covered %d of %d (naive %d)", covered, 4*reps, naiveCovered)
	if naiveCovered > 36 {
		t.Errorf("the coded shares' intervals cover %d of %d cells: the synthetic coder is not noisy enough to test the correction", naiveCovered, 4*reps)
	}
	if covered < 40 {
		t.Errorf("corrected intervals cover %d of %d cells, want at least 40", covered, 4*reps)
	}
}

func TestGoldThreadFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"gold-threads-round2.csv", "gold-threads.csv", "gold-messages.csv", "threads.csv", "round3/gold-threads.csv", "a/threads.csv", "a/b/gold-threads.csv"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, n)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for _, p := range GoldThreadFiles(dir) {
		rel, _ := filepath.Rel(dir, p)
		got = append(got, filepath.ToSlash(rel))
	}
	if !slices.Equal(got, []string{"gold-threads.csv", "gold-threads-round2.csv", "round3/gold-threads.csv"}) {
		t.Errorf("%v", got)
	}
	if GoldThreadFiles(filepath.Join(dir, "none")) != nil {
		t.Error("files in a missing folder")
	}
}
