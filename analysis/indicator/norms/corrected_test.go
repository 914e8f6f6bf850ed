package norms

import (
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"github.com/faire-communaute/compendium/analysis/repo"
	"github.com/faire-communaute/compendium/analysis/stats"
)

func goldFixture(t testing.TB) []coder.Thread {
	t.Helper()
	gold, err := coder.LoadGoldThreads(codebook(t), filepath.Join(repo.Root(), "analysis/coder/testdata/threads-gold.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return gold
}

// The crafted community's readable thread starts, in the order of the
// messages: t1 … t7 and the statement n1 (z1, the export's last message, is too recent), with the
// keyword rule's statuses of QuestionThreads, and every other message of
// the thread, the asker's own included (t4a).
func TestCodingThreads(t *testing.T) {
	cb := codebook(t)
	ts := CodingThreads(cb, crafted(), corpus.GP)
	var got []string
	for _, th := range ts {
		got = append(got, th.Keyword)
	}
	want := []string{"consensual", "consensual", "non-consensual", "unanswered", "unanswered", "non-consensual", "consensual", "not-a-question"}
	if !slices.Equal(got, want) {
		t.Fatalf("keyword statuses %v, want %v", got, want)
	}
	answers := []int{1, 2, 3, 1, 0, 2, 1, 1}
	for i, th := range ts {
		if len(th.Answers) != answers[i] {
			t.Errorf("thread %d (%q): %d answers, want %d", i, th.Text, len(th.Answers), answers[i])
		}
	}
	if ts[3].Answers[0].Author != ts[3].Asker || ts[5].Answers[1].Text != "ou rien avant 48 h" {
		t.Errorf("t4 %+v, t6 %+v", ts[3], ts[5])
	}
	// KeywordStatus from the texts and authors gives the same statuses,
	// but for t7, whose Légifrance link is in the message's links, not in
	// its text; written in the text, it counts.
	for i, th := range ts {
		s := KeywordStatus(cb, th)
		w := Status(want[i])
		if i == 6 {
			w = NonConsensual
		}
		if s != w {
			t.Errorf("thread %d: KeywordStatus %s, want %s", i, s, w)
		}
	}
	t7 := ts[6]
	t7.Answers[0].Text += " https://www.legifrance.gouv.fr/codes/article_lc/X"
	if s := KeywordStatus(cb, t7); s != Consensual {
		t.Errorf("t7 with the link in the text: %s", s)
	}
	// Without authors (a gold file), each answer is by an author of its
	// own: t4's follow-up then counts as an answer.
	t4 := ts[3]
	t4.Asker, t4.Answers[0].Author = "", ""
	if s := KeywordStatus(cb, t4); s != NonConsensual {
		t.Errorf("t4 without authors: %s, want non-consensual", s)
	}
}

// Corrected with the keyword rule's weighted confusion on the coder's
// hand-made gold (see coder.TestCorrectStatusesByHand: its
// non-consensual column is (C .2, N .4, U .4, X 0), the others exact):
// the crafted community is coded C 3, N 2, U 2, X 1 of 8, so π_N =
// (2/8)/.4 = .625, π_C = 3/8 − .2·.625 = .25, π_U = 2/8 − .4·.625 = 0,
// π_X = 1/8; among question threads (.25, .625, 0)/.875 = (2/7, 5/7, 0).
// The gold answers hold 1 citing the law, 1 guidelines: no source is
// corrected.
func TestCorrectKeyword(t *testing.T) {
	cb := codebook(t)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "mg", Profession: corpus.GP}}, Messages: crafted()}
	opts := CorrectOptions{Coder: CoderKeyword, CV: coder.ThreadCVOptions{Folds: 3},
		Status: coder.StatusOptions{MinGoldPerStatus: 1, Options: stats.Options{Reps: 200}}}
	r, err := MeasureGoldCounts(c, cb, goldFixture(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	if r.Corrected == nil || r.Corrected.Coder != CoderKeyword || len(r.Corrected.Groups) != 2 {
		t.Fatalf("correction %+v", r.Corrected)
	}
	g, _ := r.Corrected.Group("mg", "")
	if !slices.Equal(g.Keyword.Counts, []int{3, 2, 2, 1}) || g.Status.N != 8 {
		t.Errorf("keyword counts %v", g.Keyword.Counts)
	}
	if tr := g.Trained.Counts; tr[0]+tr[1]+tr[2]+tr[3] != 8 {
		t.Errorf("trained counts %v", tr)
	}
	rows := CorrectedRows(r)
	want := map[string]float64{"consensual_share_corrected": 2.0 / 7, "non_consensual_share_corrected": 5.0 / 7, "unanswered_share_corrected": 0}
	seen := 0
	for _, row := range rows {
		if w, ok := want[row.Indicator]; ok {
			seen++
			// Eight threads and a few gold ones: the value is the hand
			// inversion, its interval cannot be drawn (too many
			// replicates lack a status), and the row says so.
			if math.Abs(row.Value-w) > 1e-9 || !strings.Contains(row.Reason, "the interval would be open") || row.Method != coder.MethodACCMulti {
				t.Errorf("%s %s: %v (%q, %s), want %v", row.Community, row.Indicator, row.Value, row.Reason, row.Method, w)
			}
		}
		if strings.HasPrefix(row.Indicator, "citing_share_corrected_") {
			if !math.IsNaN(row.Value) || !strings.Contains(row.Reason, "fewer than 10") {
				t.Errorf("%s %s: %v (%q): too few gold answers cite a source", row.Community, row.Indicator, row.Value, row.Reason)
			}
		}
	}
	if seen != 6 || len(rows) != 2*(3+len(cb.SourceKinds())) {
		t.Errorf("%d rows, %d status rows", len(rows), seen)
	}
	if r.Corrected.GoldAnswers != 8 || r.Corrected.SourceRates[0].TP+r.Corrected.SourceRates[0].FN != 1 {
		t.Errorf("gold answers %d, law rates %+v", r.Corrected.GoldAnswers, r.Corrected.SourceRates[0])
	}
	// The same with the trained coder's counts: by default a status
	// needs 5 gold threads, the fixture has 1 consensual.
	r, err = MeasureGoldCounts(c, cb, goldFixture(t), CorrectOptions{CV: coder.ThreadCVOptions{Folds: 3}})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range CorrectedRows(r) {
		if row.Indicator == "consensual_share_corrected" && (!math.IsNaN(row.Value) || !strings.Contains(row.Reason, "1 gold threads consensual, fewer than 5")) {
			t.Errorf("%s: %v (%q)", row.Community, row.Value, row.Reason)
		}
	}
	if _, err := Correct(c, r, goldFixture(t), CorrectOptions{Coder: "oracle"}); err == nil {
		t.Error("an unknown coder is accepted")
	}
}

// A community whose replies name no parent has no corrected share, with
// the links' reason.
func TestCorrectWithoutLinks(t *testing.T) {
	cb := codebook(t)
	msgs := crafted()
	for i := range msgs {
		msgs[i].ParentID, msgs[i].ThreadID = "", ""
		msgs[i].Kind = corpus.Tweet
	}
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "mg", Profession: corpus.GP}}, Messages: msgs}
	r, err := MeasureGoldCounts(c, cb, goldFixture(t), CorrectOptions{CV: coder.ThreadCVOptions{Folds: 3}})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range CorrectedRows(r) {
		if row.Community == "mg" && row.Reason != indicator.ReasonNoMessageLinks {
			t.Errorf("%s: reason %q", row.Indicator, row.Reason)
		}
	}
}

// BenchmarkCorrectSample corrects the committed sample's norms with the
// shipped gold threads (the cost notebook 04 and scripts/derive add), and
// logs the shares each coder counts and their corrections.
func BenchmarkCorrectSample(b *testing.B) {
	cb := codebook(b)
	gold, err := coder.LoadGoldThreads(cb, coder.GoldThreadFiles(filepath.Join(repo.Root(), "data/codebook/coding"))...)
	if err != nil {
		b.Skip(err)
	}
	indicatortest.BenchSample(b, func(c *corpus.Corpus) {
		r, err := MeasureGoldCounts(c, cb, gold, CorrectOptions{})
		if err != nil {
			b.Fatal(err)
		}
		for _, g := range r.Corrected.Groups {
			if s := g.Status; g.Community.ID == indicator.AllCommunities && s.N > 0 {
				b.Logf("%s: %d threads read; trained %v, keyword %v; %s", g.Community.Profession, s.N, s.Counts, g.Keyword.Counts, s.Reason)
				for k := range 3 {
					b.Logf("  %s: trained %.3f → %.3f [%.3f, %.3f]; keyword %.3f → %.3f", coder.ThreadStatuses[k], s.NaiveQuestions[k].Value,
						s.CorrectedQuestions[k].Value, s.CorrectedQuestions[k].Lo, s.CorrectedQuestions[k].Hi, g.Keyword.NaiveQuestions[k].Value, g.Keyword.CorrectedQuestions[k].Value)
				}
			}
		}
	})
}

// BenchmarkCodingThreadsSample reads the sample's threads as the thread
// coders do, the cost MeasureGold adds before coding them.
func BenchmarkCodingThreadsSample(b *testing.B) {
	cb := codebook(b)
	indicatortest.BenchSample(b, func(c *corpus.Corpus) {
		for _, gr := range indicator.Groups(c) {
			if gr.Community.ID != indicator.AllCommunities {
				CodingThreads(cb, gr.Messages, gr.Community.Profession)
			}
		}
	})
}

// With one gold answer citing a kind enough (MinGoldAnswers 1), the
// kinds are corrected with the keywords' rates on the 8 gold answers of
// the fixture's question threads. The keywords read the law, guidelines
// and insurance answers right and cite nothing else (tpr 1, fpr 0), so
// the corrected share is the coded one: the law 1 of the crafted
// community's 9 answers (t7a's Légifrance link; t4a is the asker's), in
// 5 threads with answers. With one gold positive in 8, a third of the
// gold resamples ((7/8)^8 = 34 %) have none: no interval. The employer
// (« la responsable ») is missed by the keywords: tpr 0, not corrected.
func TestCorrectSources(t *testing.T) {
	cb := codebook(t)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "mg", Profession: corpus.GP}}, Messages: crafted()}
	opts := CorrectOptions{CV: coder.ThreadCVOptions{Folds: 3}, MinGoldAnswers: 1, Sources: coder.PrevalenceOptions{Options: stats.Options{Reps: 300}}}
	r, err := MeasureGoldCounts(c, cb, goldFixture(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	corr := r.Corrected
	for i, k := range corr.Kinds {
		want := coder.Rates{TP: 1, TN: 7}
		if k == "employer" {
			want = coder.Rates{FN: 1, TN: 7}
		}
		if rt := corr.SourceRates[i]; rt.TP != want.TP || rt.FP != want.FP || rt.FN != want.FN || rt.TN != want.TN || corr.SourceReasons[i] != "" {
			t.Errorf("%s: rates %+v, reason %q", k, rt, corr.SourceReasons[i])
		}
	}
	g, _ := corr.Group("mg", "")
	law := g.Sources[0]
	if r.Groups[0].Citing.Answers != 9 || math.Abs(law.Value-1.0/9) > 1e-12 || law.N != 5 || law.Unit != UnitThreads {
		t.Errorf("law: %d answers, corrected %+v", r.Groups[0].Citing.Answers, law)
	}
	if !math.IsNaN(law.Lo) || law.Dropped < 60 || !strings.Contains(law.Reason, "bootstrap replicates") {
		t.Errorf("law interval [%v, %v], dropped %d, reason %q", law.Lo, law.Hi, law.Dropped, law.Reason)
	}
	if emp := g.Sources[1]; !math.IsNaN(emp.Value) || !strings.Contains(emp.Reason, "tpr − fpr = 0.000") {
		t.Errorf("employer: %v (%q)", emp.Value, emp.Reason)
	}
}
