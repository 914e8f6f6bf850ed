package responsiveness

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"github.com/faire-communaute/compendium/analysis/stats"
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
	if s.Threads != 5 || s.Answered != 3 || s.Replies != 4 || !indicatortest.Near(s.ReplyRate.Value, 0.6) ||
		!indicatortest.Near(s.MedianFirstReplyMin.Value, 10) || !indicatortest.Near(s.RepliesPerThread.Value, 0.8) || !indicatortest.Near(s.KMMedianMin.Value, 10) {
		t.Errorf("summary = %+v", s)
	}
}

// TestIntervalsHand checks the intervals of the hand corpus: 3 answered
// threads of 5, Wilson at 95 % (z = 1.959964): centre (0.6 + z²/10) /
// (1 + z²/5) = 0.556552, half-width z/(1 + z²/5) · sqrt(0.6·0.4/5 +
// z²/100) = 0.325828, so [0.230724, 0.882379]. The Kaplan-Meier median is
// 10 minutes; its Brookmeyer-Crowley interval starts at 10 (the log-log
// lower bound at 10 is 0.5^exp(1.96·0.5/ln 2) = 0.0578 ≤ 0.5) and has no
// upper bound (the upper band stays at 0.845, then 0.665, above 0.5).
func TestIntervalsHand(t *testing.T) {
	s := Summarize(Threads(handCorpus()))
	r := s.ReplyRate
	if math.Abs(r.Lo-0.2307242812760128) > 1e-9 || math.Abs(r.Hi-0.882379225767352) > 1e-9 || r.N != 5 || r.Unit != "threads" || r.Method != "wilson" {
		t.Errorf("reply rate %+v, want [0.230724, 0.882379] over 5 threads", r)
	}
	k := s.KMMedianMin
	if k.Value != 10 || k.Lo != 10 || !math.IsNaN(k.Hi) || k.Method != "brookmeyer-crowley-loglog" {
		t.Errorf("KM median %+v, want 10 [10 ; NaN]", k)
	}
	// Delays 10, 10, 40 over three answered threads: every resample's
	// median is 10 or 40, so the percentile interval lies within them.
	m := s.MedianFirstReplyMin
	if m.N != 3 || m.Method != "percentile-bootstrap" || !(m.Lo == 10 && (m.Hi == 10 || m.Hi == 40)) {
		t.Errorf("median first reply %+v", m)
	}
	pt := SummarizePoint(Threads(handCorpus()))
	if pt.ReplyRate != s.ReplyRate || pt.RepliesPerThread.Value != s.RepliesPerThread.Value || pt.MedianFirstReplyMin.Value != m.Value ||
		fmt.Sprint(pt.KMMedianMin) != fmt.Sprint(s.KMMedianMin) || pt.Threads != 5 || pt.Answered != 3 || pt.Replies != 4 || pt.MedianFirstReplyMin.Estimable() {
		t.Errorf("point summary %+v, intervals %+v", pt, s)
	}
	// Replies 2, 0, 1, 1, 0: mean 0.8, bootstrap over the 5 threads.
	p := s.RepliesPerThread
	if p.N != 5 || p.Method != "bca-bootstrap" || !(p.Lo >= 0 && p.Lo < 0.8 && p.Hi > 0.8 && p.Hi <= 2) {
		t.Errorf("replies per thread %+v", p)
	}
	km := KaplanMeier(Threads(handCorpus()))
	// At 10 minutes: S = 0.5, Greenwood Σ d/(n(n−d)) = 2/(4·2) = 0.25.
	if st := km.Steps[1]; math.Abs(st.SE-0.25) > 1e-12 || math.Abs(st.Lo-0.05784708299514457) > 1e-9 || math.Abs(st.Hi-0.844861281190374) > 1e-9 {
		t.Errorf("step at 10 min %+v, want SE 0.25, band [0.057847, 0.844861]", st)
	}
	// At 40: S = 0.25, Σ = 0.25 + 1/(2·1) = 0.75.
	if st := km.Steps[2]; math.Abs(st.Lo-0.008947824416603167) > 1e-9 || math.Abs(st.Hi-0.6653253427888653) > 1e-9 {
		t.Errorf("step at 40 min %+v, want band [0.008948, 0.665325]", st)
	}
}

func TestOrderDoesNotMatter(t *testing.T) {
	msgs := handCorpus()
	rev := make([]corpus.Message, len(msgs))
	for i, m := range msgs {
		rev[len(msgs)-1-i] = m
	}
	a, b := Summarize(Threads(msgs)), Summarize(Threads(rev))
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("forward %+v, reversed %+v", a, b)
	}
}

func TestKaplanMeierHand(t *testing.T) {
	// Hand-computed survival: n=5; at 0: no event (T5 censored), S=1; at 10:
	// 4 at risk, 2 events, S=0.5; at 40: 2 at risk, 1 event, S=0.25; at
	// 540: 1 at risk, censored, S stays 0.25.
	km := KaplanMeier(Threads(handCorpus()))
	want := []stats.Step{
		{Time: 0, AtRisk: 5, Events: 0, Censored: 1, Survival: 1},
		{Time: 10, AtRisk: 4, Events: 2, Censored: 0, Survival: 0.5},
		{Time: 40, AtRisk: 2, Events: 1, Censored: 0, Survival: 0.25},
		{Time: 540, AtRisk: 1, Events: 0, Censored: 1, Survival: 0.25},
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
	checkSteps(t, KaplanMeier(ths), []stats.Step{
		{Time: 5, AtRisk: 5, Events: 2, Censored: 1, Survival: 0.6},
		{Time: 10, AtRisk: 2, Events: 1, Censored: 0, Survival: 0.3},
		{Time: 20, AtRisk: 1, Events: 0, Censored: 1, Survival: 0.3},
	}, 10)

	// Survival never reaches one half: no median.
	ths = []Thread{
		{Start: start, Replies: 1, FirstReply: start.Add(time.Minute), End: end},
		{Start: start, End: end},
		{Start: start, End: end},
	}
	km = KaplanMeier(ths)
	if !math.IsNaN(km.Median.Value) || !indicatortest.Near(km.Steps[0].Survival, 2.0/3) {
		t.Errorf("km = %+v, want median NaN and S(1) = 2/3", km)
	}
}

func checkSteps(t *testing.T, km stats.KM, want []stats.Step, median float64) {
	t.Helper()
	if len(km.Steps) != len(want) {
		t.Fatalf("steps = %+v, want %+v", km.Steps, want)
	}
	for i, w := range want {
		g := km.Steps[i]
		if g.Time != w.Time || g.AtRisk != w.AtRisk || g.Events != w.Events || g.Censored != w.Censored || !indicatortest.Near(g.Survival, w.Survival) {
			t.Errorf("step %d = %+v, want %+v", i, g, w)
		}
	}
	if !indicatortest.Near(km.Median.Value, median) {
		t.Errorf("median = %v, want %v", km.Median.Value, median)
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
		if g.Hour != h || g.Threads != threads || g.Answered != answered || !indicatortest.Near(g.ReplyRate.Value, rate) || !indicatortest.Near(g.MedianFirstReplyMin, med) {
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
	if s.Threads != 0 || !math.IsNaN(s.ReplyRate.Value) || !math.IsNaN(s.RepliesPerThread.Value) || !math.IsNaN(s.MedianFirstReplyMin.Value) || !math.IsNaN(s.KMMedianMin.Value) {
		t.Errorf("no thread: %+v", s)
	}
	// One message: one unanswered thread censored at 0.
	s = Summarize(Threads([]corpus.Message{msg("c", "x", "", "A", 0)}))
	if s.Threads != 1 || s.ReplyRate.Value != 0 || s.RepliesPerThread.Value != 0 || !math.IsNaN(s.MedianFirstReplyMin.Value) || !math.IsNaN(s.KMMedianMin.Value) {
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
	if km.Nrow() != 10 || km.Ncol() != 9 || math.Abs(km.Elem(1, 7).Float()-0.05784708299514457) > 1e-9 || !math.IsNaN(km.Elem(0, 8).Float()) {
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
		threads != 5 || answered != 3 || c.KM.Median.Value != 10 || c.Summary.KMMedianMin.Value != 10 {
		t.Errorf("c = %+v, by hour %d threads, %d answered", c.Summary, threads, answered)
	}
	if e := gs[2]; e.Community.ID != "empty" || len(e.Threads) != 0 || !math.IsNaN(e.Summary.ReplyRate.Value) {
		t.Errorf("empty = %+v", e.Summary)
	}
}

// TestCompareProfessions checks the reply-rate difference between
// professions: the hand corpus's aides (3 answered threads of 5) against
// the one answered GP thread is −0.4, with no interval (a group of one
// thread cannot be resampled) and an exact permutation p of 1 (each of the
// 6 splits of one thread against five gives |d*| ≥ 0.4: 0.6 − 1 or 0.8 −
// 0); 30 of 40 against 5 of 40 is 0.625 and claimed.
func TestCompareProfessions(t *testing.T) {
	cs := CompareProfessions(Measure(testCorpus()))
	if len(cs) != 1 || cs[0].A != corpus.GP || cs[0].B != corpus.HomeCareAide {
		t.Fatalf("comparisons %+v", cs)
	}
	d := cs[0].ReplyRate
	if !indicatortest.Near(d.Value, 0.4) || d.Claimed() || d.P != 1 || !d.Exact || d.NA != 1 || d.NB != 5 {
		t.Errorf("GP − aides = %+v, want 0.4, not claimed, exact p 1", d)
	}
	threads := func(n, answered int) []Thread {
		out := make([]Thread, n)
		for i := range answered {
			out[i].Replies = 1
		}
		return out
	}
	gs := []Group{
		{Community: corpus.Community{ID: indicator.AllCommunities, Profession: corpus.GP}, Threads: threads(40, 30)},
		{Community: corpus.Community{ID: indicator.AllCommunities, Profession: corpus.HomeCareAide}, Threads: threads(40, 5)},
	}
	d = CompareProfessions(gs)[0].ReplyRate
	if !indicatortest.Near(d.Value, 0.625) || !d.Claimed() || d.Lo <= 0 || d.Hi >= 1 || d.P >= 0.01 || d.Unit != "threads" {
		t.Errorf("30/40 − 5/40 = %+v, want 0.625 claimed", d)
	}
}
