package coder

import (
	"slices"
	"strings"
	"testing"
)

// The source rates are scored on the answers by others only, per
// (stratum, weight) of the gold threads, and weighted.
func TestThreadSourceRates(t *testing.T) {
	ans := func(author, text string, gold ...string) ThreadAnswer {
		return ThreadAnswer{Author: author, Text: text, Sources: gold}
	}
	gold := []Thread{
		{Unit: "T1", Stratum: "c/consensual", Weight: 2, Asker: AskerLabel, Keyword: StatusConsensual, Answers: []ThreadAnswer{
			ans("R1", "law", "law"), // TP
			ans("A", "", "law"),     // the asker's follow-up: left out
			ans("R2", "law"),        // FP
		}},
		{Unit: "T2", Stratum: "c/unanswered", Weight: 1, Asker: AskerLabel, Keyword: StatusUnanswered, Answers: []ThreadAnswer{
			ans("R1", "", "law"), // FN
			ans("R1", ""),        // TN
		}},
		{Unit: "T3", Stratum: "c/not-a-question", Weight: 1, Asker: AskerLabel, Keyword: StatusNotAQuestion, Answers: []ThreadAnswer{
			ans("R1", "law", "law"), // not kept
		}},
		// A gold file without author column: every answer counts.
		{Unit: "T4", Stratum: "c/consensual", Weight: 2, Keyword: StatusConsensual, Answers: []ThreadAnswer{
			ans("", "law", "law"), // TP
			ans("", ""),           // TN
		}},
	}
	keep := func(t Thread) bool { return t.Keyword != StatusNotAQuestion }
	coded := func(_ Thread, a ThreadAnswer) []string {
		if strings.Contains(a.Text, "law") {
			return []string{"law"}
		}
		return nil
	}
	rates, n := ThreadSourceRates(gold, []string{"law"}, keep, coded)
	if n != 6 || len(rates) != 1 {
		t.Fatalf("%d answers, %d rates; want 6, 1", n, len(rates))
	}
	r := rates[0]
	if r.TP != 2 || r.FP != 1 || r.FN != 1 || r.TN != 2 {
		t.Errorf("confusion %+v, want TP 2 FP 1 FN 1 TN 2", r)
	}
	want := []StratumRates{{Stratum: "c/consensual", Weight: 2, TP: 2, FP: 1, TN: 1}, {Stratum: "c/unanswered", Weight: 1, FN: 1, TN: 1}}
	if !slices.Equal(r.Strata, want) {
		t.Errorf("strata %+v, want %+v", r.Strata, want)
	}
	// Weighted: TPR (2·2 + 1·0)/(2·2 + 1·1) = 0.8 (unweighted 2/3), FPR
	// (2·1)/(2·2 + 1·1) = 0.4 (unweighted 1/3).
	if !threadNear(r.TPR(), 0.8) || !threadNear(r.FPR(), 0.4) {
		t.Errorf("TPR %v FPR %v, want 0.8 0.4", r.TPR(), r.FPR())
	}
	// One stratum and one weight: unweighted, no strata.
	rates, n = ThreadSourceRates(gold[1:2], []string{"law"}, nil, coded)
	if n != 2 || rates[0].Strata != nil || rates[0].FN != 1 || rates[0].TN != 1 {
		t.Errorf("one stratum: %d answers, %+v", n, rates[0])
	}
}

// A gold file with the author column gives the asker and each answer's
// author label; one without (written before the column) leaves them
// empty, and every line after the start counts as an answer by another.
func TestReadGoldThreadsAuthors(t *testing.T) {
	cb := studyCodebook(t)
	body := "unit,position,community,profession,stratum,weight,author,text,status,question_type,law\n" +
		"T1,0,mg,general-practitioner,mg/consensual,3,A,Une question sur l'INR ?,consensual,therapeutic,\n" +
		"T1,1,mg,general-practitioner,mg/consensual,3,R1,Selon la HAS on saute une prise,,,0\n" +
		"T1,2,mg,general-practitioner,mg/consensual,3,A,Merci et pour la reprise ?,,,0\n"
	ts, err := ReadGoldThreads(strings.NewReader(body), "g.csv", cb)
	if err != nil {
		t.Fatal(err)
	}
	th := ts[0]
	if th.Asker != AskerLabel || th.Answers[0].Author != "R1" || th.Answers[1].Author != "A" {
		t.Fatalf("authors %q %+v", th.Asker, th.Answers)
	}
	if !th.ByOther(th.Answers[0]) || th.ByOther(th.Answers[1]) {
		t.Error("the asker's follow-up counted as an answer by another, or the reverse")
	}
	for _, th := range goldThreadsFixture(t) { // no author column
		for _, a := range th.Answers {
			if th.Asker != "" || a.Author != "" || !th.ByOther(a) {
				t.Errorf("%s: asker %q, answer by %q counted by another %v", th.Unit, th.Asker, a.Author, th.ByOther(a))
			}
		}
	}
}
