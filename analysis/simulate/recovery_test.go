package simulate_test

import (
	"math"
	"path/filepath"
	"sort"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/repo"
	"github.com/faire-communaute/compendium/analysis/simulate"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// TestLoadersRecoverTheTruth loads the committed sample through the study
// file, as notebooks do, and checks that what the loaders rebuild is what
// the simulator wrote: every message with its kind, parent, thread and
// author identity, staff roles where the study file names them.
func TestLoadersRecoverTheTruth(t *testing.T) {
	c, rep, truth := loadSample(t)
	if rep.Rejected != 0 {
		t.Errorf("rejected %d records of the sample, want none:\n%s", rep.Rejected, rep)
	}
	type key struct{ community, id string }
	got := map[key]*corpus.Message{}
	for i := range c.Messages {
		m := &c.Messages[i]
		got[key{m.Community, m.ID}] = m
	}
	if len(got) != len(truth) {
		t.Errorf("loaded %d distinct messages, the truth has %d", len(got), len(truth))
	}
	chat := map[string]bool{}
	for _, com := range c.Communities {
		chat[com.ID] = com.Platform == corpus.WhatsApp
	}
	// Authors: the truth's keys and the pseudonyms must be in one-to-one
	// correspondence within each community.
	pseudoOf := map[key]string{}
	truthOf := map[key]string{}
	bad := 0
	for _, tr := range truth {
		m := got[key{tr.Community, tr.ID}]
		if m == nil {
			if bad++; bad <= 5 {
				t.Errorf("%s/%s (%s) not loaded", tr.Community, tr.ID, tr.Kind)
			}
			continue
		}
		if chat[tr.Community] {
			// A chat export has no reply links: every message is a post
			// of its own (the truth keeps the conversation the export
			// cannot show).
			if m.Kind != corpus.Post || m.ParentID != "" {
				if bad++; bad <= 5 {
					t.Errorf("%s/%s: loaded kind %s parent %q from a chat export", tr.Community, tr.ID, m.Kind, m.ParentID)
				}
			}
		} else if m.Kind.String() != tr.Kind || m.ParentID != tr.ParentID || m.ThreadID != tr.ThreadID {
			if bad++; bad <= 5 {
				t.Errorf("%s/%s: loaded kind %s parent %q thread %q; truth %s %q %q",
					tr.Community, tr.ID, m.Kind, m.ParentID, m.ThreadID, tr.Kind, tr.ParentID, tr.ThreadID)
			}
		}
		ak, pk := key{tr.Community, tr.AuthorKey}, key{tr.Community, m.Author}
		if p, ok := pseudoOf[ak]; ok && p != m.Author || m.Author == "" {
			if bad++; bad <= 5 {
				t.Errorf("%s/%s: author %s has pseudonyms %q and %q", tr.Community, tr.ID, tr.AuthorKey, p, m.Author)
			}
		}
		if a, ok := truthOf[pk]; ok && a != tr.AuthorKey {
			if bad++; bad <= 5 {
				t.Errorf("%s/%s: pseudonym %s stands for %s and %s", tr.Community, tr.ID, m.Author, a, tr.AuthorKey)
			}
		}
		pseudoOf[ak], truthOf[pk] = m.Author, tr.AuthorKey
		if (tr.AuthorRole == "admin" || tr.AuthorRole == "moderator") && m.AuthorRole.String() != tr.AuthorRole {
			if bad++; bad <= 5 {
				t.Errorf("%s/%s: role %q, truth %q", tr.Community, tr.ID, m.AuthorRole, tr.AuthorRole)
			}
		}
	}
	if bad > 5 {
		t.Errorf("... %d mismatches in all", bad)
	}
}

// loadSample loads the committed sample, as notebooks do, and its truth.
func loadSample(t *testing.T) (*corpus.Corpus, *load.Report, []simulate.TruthMessage) {
	t.Helper()
	if testing.Short() {
		t.Skip("loads the whole sample")
	}
	study := filepath.Join("..", "..", "data", "study.json")
	truth, err := simulate.ReadTruth(simulate.TruthPath(study))
	if err != nil {
		t.Skipf("no truth: %v", err)
	}
	c, rep, err := load.Study(study, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c, rep, truth
}

// TestIndicatorsRecoverTheTruth checks measures computed on the loaded
// sample against the same measures computed from the simulator's truth:
// exactly where the loaders recover everything they need (participation),
// within stated tolerances where the codebook must read French texts
// (question types and answer consensus of the GPs).
func TestIndicatorsRecoverTheTruth(t *testing.T) {
	c, _, truth := loadSample(t)

	// Participation: messages per author from the truth's author keys.
	for _, com := range []string{"tu-sais-que", "avs", "en-colere", "doctoctoc"} {
		per := map[string]int{}
		for _, tr := range truth {
			if tr.Community == com {
				per[tr.AuthorKey]++
			}
		}
		var counts []int
		for _, n := range per {
			counts = append(counts, n)
		}
		sort.Ints(counts)
		want := stats.GiniCorrected(stats.Floats(counts))
		got := participation.Summarize(c.ByCommunity(com))
		if math.Abs(got.Gini.Value-want) > 1e-12 || got.Authors != len(per) {
			t.Errorf("%s: Gini %.6f over %d authors, truth %.6f over %d", com, got.Gini.Value, got.Authors, want, len(per))
		}
	}

	// Reply rate, computed from the truth alone (its thread ids and author
	// keys), against responsiveness on the loaded corpus: a thread is
	// answered when a message of the same thread has another author.
	for _, com := range []string{"tu-sais-que", "avs", "en-colere", "doctoctoc"} {
		starter := map[string]string{}
		for _, tr := range truth {
			if tr.Community == com && tr.ParentID == "" {
				starter[tr.ID] = tr.AuthorKey
			}
		}
		answered := map[string]bool{}
		for _, tr := range truth {
			if tr.Community == com && tr.ParentID != "" {
				if a, ok := starter[tr.ThreadID]; ok && a != tr.AuthorKey {
					answered[tr.ThreadID] = true
				}
			}
		}
		want := float64(len(answered)) / float64(len(starter))
		got := responsiveness.Summarize(responsiveness.Threads(c.ByCommunity(com))).ReplyRate.Value
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s: reply rate %.6f, truth %.6f", com, got, want)
		}
	}

	// GPs' questions: status and type as coded from the texts, against the
	// truth, thread by thread.
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]simulate.TruthMessage{}
	for _, tr := range truth {
		if tr.Community == "doctoctoc" {
			byID[tr.ID] = tr
		}
	}
	threads := norms.QuestionThreads(cb, c.ByCommunity("doctoctoc"), corpus.GP)
	status := map[norms.Status]int{}
	truthStatus := map[string]int{}
	agree, sameType, n := 0, 0, 0
	for _, th := range threads {
		tr, ok := byID[th.ID]
		if !ok || tr.AnswerStatus == "" {
			continue
		}
		n++
		status[th.Status]++
		truthStatus[tr.AnswerStatus]++
		if string(th.Status) == tr.AnswerStatus {
			agree++
		}
		if th.QuestionType == tr.QuestionType {
			sameType++
		}
	}
	if n < 3000 {
		t.Fatalf("only %d GP question threads matched the truth", n)
	}
	share := func(m map[string]int, k string) float64 { return float64(m[k]) / float64(n) }
	for _, k := range []string{"consensual", "non-consensual", "unanswered"} {
		got, want := float64(status[norms.Status(k)])/float64(n), share(truthStatus, k)
		if math.Abs(got-want) > 0.10 {
			t.Errorf("GP %s share %.3f, truth %.3f (tolerance 0.10)", k, got, want)
		}
	}
	if u := float64(status[norms.Unanswered]) / float64(n); math.Abs(u-share(truthStatus, "unanswered")) > 0.01 {
		t.Errorf("unanswered share %.3f, truth %.3f: unanswered needs no text reading and must match", u, share(truthStatus, "unanswered"))
	}
	if a := float64(agree) / float64(n); a < 0.75 {
		t.Errorf("status agrees with the truth for %.1f%% of GP questions, want >= 75%%", 100*a)
	}
	if a := float64(sameType) / float64(n); a < 0.60 {
		t.Errorf("question type agrees with the truth for %.1f%% of GP questions, want >= 60%%", 100*a)
	}
	t.Logf("GP questions: %d; status agreement %.1f%%, type agreement %.1f%%; coded %v, truth %v",
		n, 100*float64(agree)/float64(n), 100*float64(sameType)/float64(n), status, truthStatus)
}

// TestHorizonCoversFirstAnswers justifies norms.UnansweredHorizon on the
// sample: of the threads answered at all, at most 1 % are first answered
// later than the horizon, so that a question younger than it at the
// export's end is too recent to call unanswered, while cutting at the
// horizon loses almost no answer.
func TestHorizonCoversFirstAnswers(t *testing.T) {
	c, _, _ := loadSample(t)
	answered, late := 0, 0
	for _, com := range c.Communities {
		for _, th := range responsiveness.Threads(c.ByCommunity(com.ID)) {
			if !th.Answered() {
				continue
			}
			answered++
			if th.FirstReplyMinutes() > norms.UnansweredHorizon.Minutes() {
				late++
			}
		}
	}
	t.Logf("%d of %d answered threads first answered after %v", late, answered, norms.UnansweredHorizon)
	if answered < 1000 || float64(late) > 0.01*float64(answered) {
		t.Errorf("%d of %d answered threads first answered after the horizon", late, answered)
	}
}
