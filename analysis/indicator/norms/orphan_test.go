package norms

import (
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
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
