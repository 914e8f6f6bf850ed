package norms

import (
	"math"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
)

// A question that names only the account it answers (TweetScraper) is an
// orphan reply: it opens no question thread (the old code counted it as an
// unanswered one). A true question tweet still does.
func TestOrphanQuestionIsNoThread(t *testing.T) {
	cb := codebook(t)
	msgs := build("mg",
		m{"q1", "A", "", "", "Vous donnez quoi pour une otite ?", 0, nil},
		m{"q2", "B", "", "", "Qqun a une idee pour une toux chronique ?", 1, nil},
	)
	msgs[1].ReplyToAuthor = "gp"
	ts := QuestionThreads(cb, msgs, corpus.GP)
	if len(ts) != 1 || ts[0].ID != "q1" {
		t.Fatalf("threads = %+v, want only q1", ts)
	}
}

// A community of tweets none of which names its parent (no message-level
// links) has no measurable question thread: the old code gave one
// unanswered question (unanswered_share 1); now question_threads and the
// shares are NaN, and the profession's group holds no thread.
func TestUnlinkedCommunityHasNoQuestionThreads(t *testing.T) {
	cb := codebook(t)
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "ts", Platform: corpus.Twitter, Profession: corpus.GP}},
		Messages:    build("ts", m{"q1", "A", "", "", "Vous donnez quoi pour une otite ?", 0, nil}),
	}
	r := Measure(c, cb)
	for _, g := range r.Groups {
		if len(g.Threads) != 0 {
			t.Errorf("%s: %d question threads, want 0", g.Community.ID, len(g.Threads))
		}
	}
	for _, row := range ResultRows(r) {
		want := indicator.ReasonNoMessageLinks
		if row.Indicator == "authors_in_several_groups" {
			want = "" // authors, not threads
		}
		if row.Reason != want {
			t.Errorf("%s %s: reason %q, want %q", row.Community, row.Indicator, row.Reason, want)
		}
		if row.Indicator == "question_threads" || row.Indicator == "unanswered_share" {
			if !math.IsNaN(row.Value) {
				t.Errorf("%s %s = %v, want NaN", row.Community, row.Indicator, row.Value)
			}
		}
	}
}
