package responsiveness

import (
	"math"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
)

// A TweetScraper study: replies naming only the account they answer. The
// old code counted each as an unanswered thread (3 threads, reply rate 0);
// they are orphan replies and open no thread.
func TestOrphanRepliesAreNoThreads(t *testing.T) {
	at := time.Date(2016, 3, 1, 10, 0, 0, 0, time.UTC)
	msgs := []corpus.Message{
		{Community: "ts", ID: "1", Kind: corpus.Tweet, Author: "a", ReplyToAuthor: "gp", Created: at},
		{Community: "ts", ID: "2", Kind: corpus.Tweet, Author: "b", ReplyToAuthor: "gp", Created: at.Add(time.Hour)},
		{Community: "ts", ID: "3", Kind: corpus.Reply, Author: "c", Created: at.Add(2 * time.Hour)}, // parent not given
		{Community: "ts", ID: "4", Kind: corpus.Tweet, Author: "d", Created: at.Add(3 * time.Hour)}, // a true start
		{Community: "ts", ID: "5", Kind: corpus.Reply, ParentID: "4", Author: "e", Created: at.Add(4 * time.Hour)},
	}
	th := Threads(msgs)
	if len(th) != 1 || th[0].ID != "4" || th[0].Replies != 1 {
		t.Fatalf("threads = %+v, want only thread 4 with 1 reply", th)
	}
	s := Summarize(th)
	if s.Threads != 1 || s.ReplyRate.Value != 1 || s.MedianFirstReplyMin.Value != 60 {
		t.Errorf("summary = %+v, want 1 thread, reply rate 1, first reply 60 min", s)
	}
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "ts", Platform: corpus.Twitter, Profession: corpus.GP}}, Messages: msgs}
	g := Measure(c)[0]
	if g.Links != (corpus.Links{Messages: 5, Parent: 1, AccountOnly: 2, None: 2}) {
		t.Errorf("links = %+v", g.Links)
	}
}

// A profession joining a linked community (fb: one post answered) and an
// unlinked one (ts: two tweets, no reply linked) is measured on fb only:
// the old code counted 3 threads, reply rate 1/3.
func TestUnlinkedCommunityLeftOut(t *testing.T) {
	at := time.Date(2016, 3, 1, 10, 0, 0, 0, time.UTC)
	c := &corpus.Corpus{
		Communities: []corpus.Community{
			{ID: "fb", Platform: corpus.Facebook, Profession: corpus.GP},
			{ID: "ts", Platform: corpus.Twitter, Profession: corpus.GP},
		},
		Messages: []corpus.Message{
			{Community: "fb", ID: "p", Kind: corpus.Post, Author: "a", Created: at},
			{Community: "fb", ID: "c", Kind: corpus.Comment, ParentID: "p", Author: "b", Created: at.Add(time.Minute)},
			{Community: "ts", ID: "1", Kind: corpus.Tweet, Author: "x", Created: at},
			{Community: "ts", ID: "2", Kind: corpus.Tweet, Author: "y", Created: at},
		},
	}
	got := map[string]float64{}
	for _, r := range Rows(c) {
		got[r.Community+" "+r.Indicator] = r.Value
		want := ""
		if r.Community == "ts" {
			want = indicator.ReasonNoMessageLinks
		}
		if r.Reason != want {
			t.Errorf("%s %s: reason %q, want %q", r.Community, r.Indicator, r.Reason, want)
		}
	}
	if got["* threads"] != 1 || got["* reply_rate"] != 1 || got["fb threads"] != 1 {
		t.Errorf("rows = %v, want profession and fb: 1 thread, reply rate 1", got)
	}
	if !math.IsNaN(got["ts threads"]) || !math.IsNaN(got["ts reply_rate"]) {
		t.Errorf("ts: threads %v, reply rate %v, want NaN (not measurable)", got["ts threads"], got["ts reply_rate"])
	}
}
