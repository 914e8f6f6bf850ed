package responsiveness

import (
	"math"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
)

// t0 is Monday 4 March 2024, 10:00 UTC = 11:00 in Paris (CET).
var t0 = time.Date(2024, 3, 4, 10, 0, 0, 0, time.UTC)

func msg(com, id, parent, author string, min int) corpus.Message {
	return corpus.Message{Community: com, ID: id, ParentID: parent, Author: author, Created: t0.Add(time.Duration(min) * time.Minute)}
}

// handCorpus is the small community worked out by hand in the tests.
func handCorpus() []corpus.Message {
	return []corpus.Message{
		msg("c", "T1", "", "A", 0),
		msg("c", "r2", "T1", "A", 5),      // self-reply: does not answer T1
		msg("c", "r1", "T1", "B", 10),     // first reply of T1 at 10 min
		msg("c", "r3", "r2", "C", 30),     // depth 2 below the self-reply: counts
		msg("c", "T2", "", "B", 60),       // only a self-reply: unanswered, censored at 540
		msg("c", "s2", "T2", "B", 65),     //
		msg("c", "T3", "", "C", 120),      //
		msg("c", "o1", "ghost", "A", 121), // parent missing from the data
		msg("c", "o2", "o1", "D", 122),    // chain through a missing parent
		msg("c", "r4", "T3", "D", 130),    // T3 answered at 10 min (a tie with T1)
		msg("c", "L1", "L2", "A", 150),    // a loop of parents
		msg("c", "L2", "L1", "B", 151),    //
		msg("c", "T4", "", "D", 180),      //
		msg("c", "r5", "T4", "A", 220),    // T4 answered at 40 min
		msg("c", "T5", "", "E", 600),      // last message: censored at 0
	}
}

func TestThreadsHand(t *testing.T) {
	th := Threads(handCorpus())
	type want struct {
		id      string
		replies int
		first   float64
		obs     float64
		event   bool
	}
	ws := []want{
		{"T1", 2, 10, 10, true},
		{"T2", 0, math.NaN(), 540, false},
		{"T3", 1, 10, 10, true},
		{"T4", 1, 40, 40, true},
		{"T5", 0, math.NaN(), 0, false},
	}
	if len(th) != len(ws) {
		t.Fatalf("got %d threads, want %d: %+v", len(th), len(ws), th)
	}
	for i, w := range ws {
		g := th[i]
		o, ev := g.Observation()
		if g.ID != w.id || g.Replies != w.replies || !indicatortest.Near(g.FirstReplyMinutes(), w.first) || o != w.obs || ev != w.event {
			t.Errorf("thread %d = %s replies %d first %v obs %v/%v, want %+v", i, g.ID, g.Replies, g.FirstReplyMinutes(), o, ev, w)
		}
	}
	s := Summarize(th)
	if s.Threads != 5 || s.Answered != 3 || s.Replies != 4 || !indicatortest.Near(s.ReplyRate, 0.6) ||
		!indicatortest.Near(s.MedianFirstReplyMin, 10) || !indicatortest.Near(s.RepliesPerThread, 0.8) || !indicatortest.Near(s.KMMedianMin, 10) {
		t.Errorf("summary = %+v", s)
	}
}

func TestOrderDoesNotMatter(t *testing.T) {
	msgs := handCorpus()
	rev := make([]corpus.Message, len(msgs))
	for i, m := range msgs {
		rev[len(msgs)-1-i] = m
	}
	a, b := Summarize(Threads(msgs)), Summarize(Threads(rev))
	if a != b {
		t.Errorf("forward %+v, reversed %+v", a, b)
	}
}

func TestKaplanMeierHand(t *testing.T) {
	// Hand-computed survival: n=5; at 0: no event (T5 censored), S=1; at 10:
	// 4 at risk, 2 events, S=0.5; at 40: 2 at risk, 1 event, S=0.25; at
	// 540: 1 at risk, censored, S stays 0.25.
	km := KaplanMeier(Threads(handCorpus()))
	want := []Step{
		{0, 5, 0, 1, 1},
		{10, 4, 2, 0, 0.5},
		{40, 2, 1, 0, 0.25},
		{540, 1, 0, 1, 0.25},
	}
	checkSteps(t, km, want, 10)

	// Events and a censored observation tied at 5 minutes: the censored one
	// is at risk at 5. S(5) = 1 - 2/5 = 0.6, S(10) = 0.6 * (1 - 1/2) = 0.3.
	start := t0
	end := start.Add(20 * time.Minute)
	ths := []Thread{
		{Start: start, Replies: 1, FirstReply: start.Add(5 * time.Minute), End: end},
		{Start: start, Replies: 3, FirstReply: start.Add(5 * time.Minute), End: end},
		{Start: start.Add(15 * time.Minute), End: end}, // censored at 5
		{Start: start, Replies: 1, FirstReply: start.Add(10 * time.Minute), End: end},
		{Start: start, End: end}, // censored at 20
	}
	checkSteps(t, KaplanMeier(ths), []Step{
		{5, 5, 2, 1, 0.6},
		{10, 2, 1, 0, 0.3},
		{20, 1, 0, 1, 0.3},
	}, 10)

	// Survival never reaches one half: no median.
	ths = []Thread{
		{Start: start, Replies: 1, FirstReply: start.Add(time.Minute), End: end},
		{Start: start, End: end},
		{Start: start, End: end},
	}
	km = KaplanMeier(ths)
	if !math.IsNaN(km.Median) || !indicatortest.Near(km.Steps[0].Survival, 2.0/3) {
		t.Errorf("km = %+v, want median NaN and S(1) = 2/3", km)
	}
}

func checkSteps(t *testing.T, km KM, want []Step, median float64) {
	t.Helper()
	if len(km.Steps) != len(want) {
		t.Fatalf("steps = %+v, want %+v", km.Steps, want)
	}
	for i, w := range want {
		g := km.Steps[i]
		if g.Minutes != w.Minutes || g.AtRisk != w.AtRisk || g.Events != w.Events || g.Censored != w.Censored || !indicatortest.Near(g.Survival, w.Survival) {
			t.Errorf("step %d = %+v, want %+v", i, g, w)
		}
	}
	if !indicatortest.Near(km.Median, median) {
		t.Errorf("median = %v, want %v", km.Median, median)
	}
}

func TestByHour(t *testing.T) {
	hs := ByHour(Threads(handCorpus()))
	if len(hs) != 24 {
		t.Fatalf("%d hours", len(hs))
	}
	// Paris hours (CET): T1 11h, T2 12h, T3 13h, T4 14h, T5 21h.
	check := func(h, threads, answered int, rate, med float64) {
		g := hs[h]
		if g.Hour != h || g.Threads != threads || g.Answered != answered || !indicatortest.Near(g.ReplyRate, rate) || !indicatortest.Near(g.MedianFirstReplyMin, med) {
			t.Errorf("hour %d = %+v", h, g)
		}
	}
	check(11, 1, 1, 1, 10)
	check(12, 1, 0, 0, math.NaN())
	check(14, 1, 1, 1, 40)
	check(21, 1, 0, 0, math.NaN())
	check(3, 0, 0, math.NaN(), math.NaN())
}

func TestEdgeCases(t *testing.T) {
	// No thread at all: rates undefined.
	s := Summarize(Threads([]corpus.Message{msg("c", "x", "ghost", "A", 0)}))
	if s.Threads != 0 || !math.IsNaN(s.ReplyRate) || !math.IsNaN(s.RepliesPerThread) || !math.IsNaN(s.MedianFirstReplyMin) || !math.IsNaN(s.KMMedianMin) {
		t.Errorf("no thread: %+v", s)
	}
	// One message: one unanswered thread censored at 0.
	s = Summarize(Threads([]corpus.Message{msg("c", "x", "", "A", 0)}))
	if s.Threads != 1 || s.ReplyRate != 0 || s.RepliesPerThread != 0 || !math.IsNaN(s.MedianFirstReplyMin) || !math.IsNaN(s.KMMedianMin) {
		t.Errorf("one message: %+v", s)
	}
	// Ids are per community: "2" in b does not answer "1" of a; a repeated
	// message counts once; authors compare literally ("" vs "").
	th := Threads([]corpus.Message{
		msg("a", "1", "", "A", 0),
		msg("b", "2", "1", "B", 1),
		msg("a", "3", "", "", 2),
		msg("a", "4", "3", "", 3),
		msg("a", "5", "3", "B", 4),
		msg("a", "5", "3", "B", 4),
		msg("a", "6", "", "C", 3),
		msg("a", "7", "6", "", 9),
	})
	if len(th) != 3 || th[0].Replies != 0 || th[1].ID != "3" || th[1].Replies != 1 || th[1].FirstReplyMinutes() != 2 || th[2].Replies != 1 || th[2].FirstReplyMinutes() != 6 {
		t.Errorf("threads = %+v", th)
	}
	// A reply stamped before its thread counts at 0 minutes.
	th = Threads([]corpus.Message{msg("a", "1", "", "A", 10), msg("a", "2", "1", "B", 5)})
	if th[0].FirstReplyMinutes() != 0 {
		t.Errorf("early reply: %v", th[0].FirstReplyMinutes())
	}
}

func testCorpus() *corpus.Corpus {
	c := &corpus.Corpus{
		Communities: []corpus.Community{
			{ID: "c", Profession: corpus.HomeCareAide},
			{ID: "empty", Profession: corpus.HomeCareAide},
			{ID: "doc", Profession: corpus.GP},
		},
		Messages: append(handCorpus(), msg("doc", "T1", "", "A", 0), msg("doc", "x", "T1", "B", 3)),
	}
	return c
}

func TestRows(t *testing.T) {
	indicatortest.CheckRows(t, Rows(testCorpus()), []string{
		"doc general-practitioner km_median_first_reply_min 3.000000",
		"doc general-practitioner median_first_reply_min 3.000000",
		"doc general-practitioner replies_per_thread 1.000000",
		"doc general-practitioner reply_rate 1.000000",
		"doc general-practitioner threads 1.000000",
		"* general-practitioner km_median_first_reply_min 3.000000",
		"* general-practitioner median_first_reply_min 3.000000",
		"* general-practitioner replies_per_thread 1.000000",
		"* general-practitioner reply_rate 1.000000",
		"* general-practitioner threads 1.000000",
		"c home-care-aide km_median_first_reply_min 10.000000",
		"c home-care-aide median_first_reply_min 10.000000",
		"c home-care-aide replies_per_thread 0.800000",
		"c home-care-aide reply_rate 0.600000",
		"c home-care-aide threads 5.000000",
		"empty home-care-aide km_median_first_reply_min NaN",
		"empty home-care-aide median_first_reply_min NaN",
		"empty home-care-aide replies_per_thread NaN",
		"empty home-care-aide reply_rate NaN",
		"empty home-care-aide threads 0.000000",
		"* home-care-aide km_median_first_reply_min 10.000000",
		"* home-care-aide median_first_reply_min 10.000000",
		"* home-care-aide replies_per_thread 0.800000",
		"* home-care-aide reply_rate 0.600000",
		"* home-care-aide threads 5.000000",
	})
}

func TestFrames(t *testing.T) {
	c := testCorpus()
	km := KMFrame(c)
	// In indicator.Groups order: c: 4 steps; doc: one (3 min); empty:
	// none; *GP: 1; *HCA: 4.
	if km.Nrow() != 10 || km.Ncol() != 7 {
		t.Fatalf("km frame %dx%d:\n%v", km.Nrow(), km.Ncol(), km)
	}
	if km.Elem(1, 0).String() != "c" || km.Elem(1, 2).Float() != 10 || km.Elem(1, 4).Float() != 2 ||
		km.Elem(4, 0).String() != "doc" || km.Elem(4, 2).Float() != 3 || km.Elem(9, 0).String() != "*" || km.Elem(9, 1).String() != "home-care-aide" {
		t.Errorf("km frame:\n%v", km)
	}
	hf := HourFrame(c)
	if hf.Nrow() != 5*24 || hf.Elem(11, 0).String() != "c" || hf.Elem(11, 2).Float() != 11 || hf.Elem(11, 5).Float() != 1 || hf.Elem(24, 0).String() != "doc" {
		t.Errorf("hour frame %d rows:\n%v", hf.Nrow(), hf)
	}
	if e := KMFrame(&corpus.Corpus{}); e.Nrow() != 0 {
		t.Errorf("empty corpus KM frame has %d rows", e.Nrow())
	}
}

// FuzzThreads checks that any parent structure (loops, missing parents,
// repeated ids) resolves without panic into consistent threads.
func FuzzThreads(f *testing.F) {
	f.Add([]byte{0, 0, 1, 0, 2, 1, 3, 3, 4, 9})
	f.Add([]byte{1, 2, 2, 1, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		var msgs []corpus.Message
		for i := 0; i+1 < len(data) && i < 400; i += 2 {
			id := string(rune('a' + data[i]%8))
			parent := ""
			if p := data[i+1] % 10; p < 8 {
				parent = string(rune('a' + p))
			}
			msgs = append(msgs, msg("c", id, parent, string(rune('A'+data[i+1]%3)), int(data[i])))
		}
		th := Threads(msgs)
		s := Summarize(th)
		if s.Answered > s.Threads || s.Replies > len(msgs) || s.Threads > len(msgs) {
			t.Fatalf("inconsistent summary %+v for %d messages", s, len(msgs))
		}
		prev := 1.0
		for _, st := range KaplanMeier(th).Steps {
			if st.Survival > prev || st.Survival < 0 || st.AtRisk <= 0 {
				t.Fatalf("bad step %+v", st)
			}
			prev = st.Survival
		}
	})
}

func BenchmarkThreads1M(b *testing.B) {
	c := indicatortest.Corpus(1_000_000, 1)
	b.ReportAllocs()
	for b.Loop() {
		Summarize(Threads(c.Messages))
	}
}

func BenchmarkRows1M(b *testing.B) {
	c := indicatortest.Corpus(1_000_000, 1)
	for b.Loop() {
		Rows(c)
	}
}

func TestMeasure(t *testing.T) {
	gs := Measure(testCorpus())
	// c, doc, empty, then the professions (GPs, then aides).
	if len(gs) != 5 || gs[0].Community.ID != "c" || gs[3].Community.ID != indicator.AllCommunities {
		t.Fatalf("groups %+v", gs)
	}
	c := gs[0]
	// handCorpus: T1..T5, answered T1, T3, T4.
	threads, answered := 0, 0
	for _, h := range c.ByHour {
		threads += h.Threads
		answered += h.Answered
	}
	if len(c.Threads) != 5 || c.Summary.Threads != 5 || c.Summary.Answered != 3 || c.Summary.Replies != 4 || len(c.ByHour) != 24 ||
		threads != 5 || answered != 3 || c.KM.Median != 10 || c.Summary.KMMedianMin != 10 {
		t.Errorf("c = %+v, by hour %d threads, %d answered", c.Summary, threads, answered)
	}
	if e := gs[2]; e.Community.ID != "empty" || len(e.Threads) != 0 || !math.IsNaN(e.Summary.ReplyRate) {
		t.Errorf("empty = %+v", e.Summary)
	}
}
