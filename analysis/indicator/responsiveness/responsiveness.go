// Package responsiveness measures how communities answer their threads:
// whether a thread is answered, how fast, how much, and by hour of posting.
//
// # Operational definitions
//
// All measures work on the distinct messages of a group (a community, or
// every community of one profession; see indicator.Groups). Messages are
// identified by (community, id); when a pair repeats, its first occurrence
// is kept and the others are ignored. The order of the messages does not
// matter.
//
//   - Thread: a message that opens one (corpus.Message.IsThreadStart): a
//     message without parent that is not an orphan reply. A retweet or a
//     quote without parent is a thread of its own; a comment or reply
//     whose parent the export does not give, or a message naming only the
//     account it answers (TweetScraper), is an orphan reply: it belongs to
//     no thread and counts nowhere, so that a study without message-level
//     links has no threads rather than every reply an unanswered one.
//   - Reply of a thread: a message whose chain of parents (ParentID, looked
//     up in the same community) reaches that thread's start within the
//     data, at any depth. A message whose chain meets a parent missing from
//     the data, or loops, belongs to no thread and counts nowhere.
//   - Qualifying reply: a reply of a thread whose Author differs, as a
//     string, from the author of the thread's start. A reply by the
//     starter never answers the thread. Pseudonyms are compared literally,
//     so a reply without author answers a thread whose starter has one,
//     and does not answer a thread whose starter has none.
//   - First reply: the qualifying reply with the earliest Created time. Its
//     delay is (Created(first reply) - Created(start)) in minutes; a delay
//     that would be negative (a reply stamped before its thread, clock
//     skew) is counted as 0.
//   - reply_rate: answered threads / threads, where a thread is answered
//     when it has at least one qualifying reply. NaN when there is no
//     thread.
//   - median_first_reply_min: median of the first-reply delays over the
//     answered threads (the mean of the two middle values for an even
//     count). NaN when no thread is answered.
//   - replies_per_thread: qualifying replies / threads, over all threads
//     (unanswered ones count 0). NaN when there is no thread.
//   - threads: the number of threads.
//   - km_median_first_reply_min: the Kaplan-Meier median below. NaN when
//     the estimated survival never falls to 0.5 or below.
//
// # Kaplan-Meier estimate of the time to first reply
//
// Each thread is one observation. An answered thread has an event at its
// first-reply delay. An unanswered thread is censored at the end of the
// export: the minutes from its start to the last message (largest Created)
// of its own community within the group. At each distinct time t (sorted
// ascending), AtRisk is the number of observations with time >= t (so an
// observation censored at t is still at risk at t), Events the number of
// events at t (simultaneous events are all counted at t), Censored the
// number censored at t, and Survival = product over times u <= t of
// (1 - Events(u) / AtRisk(u)). The step function lists every distinct time,
// including times with only censored observations (where Survival does not
// change). The KM median is the smallest listed time whose Survival is
// <= 0.5. KaplanMeier is stats.KaplanMeier on these observations, which
// adds Greenwood's standard error and the pointwise log-log band to each
// step.
//
// # Intervals
//
// Threads are the units: replies inside a thread are not independent,
// threads are taken as independent of one another. Every interval is at
// indicator.Inference's level (95 %), its bootstraps with its replicates
// and seed (1,000, stats.DefaultSeed), so that a run repeats byte for
// byte.
//
//   - reply_rate, and the reply rate of each hour (ByHour, Span): Wilson
//     score interval of answered threads among threads (stats.Wilson).
//   - median_first_reply_min: percentile bootstrap over the answered
//     threads (indicator.Median; BCa is not consistent for a median).
//   - replies_per_thread: BCa bootstrap over threads of the mean of the
//     qualifying replies per thread (stats.MeanPerUnit).
//   - km_median_first_reply_min: the Brookmeyer-Crowley interval from the
//     log-log band (stats.KM.Median); a bound is NaN when the band never
//     falls to 0.5 (the upper limit is then beyond the follow-up).
//   - The Kaplan-Meier curve: pointwise log-log band from Greenwood's
//     variance (Figure 9 draws it).
//   - Between two professions (CompareProfessions): the difference of
//     reply rates, A − B, with its BCa bootstrap interval resampling
//     threads within each profession and a permutation p-value
//     (stats.Difference); a difference is claimed only when its interval
//     excludes 0.
//
// # By hour of posting
//
// Threads are grouped by the Europe/Paris hour (0-23) of their start. For
// each hour: threads, answered threads, reply rate and median first-reply
// delay as above (NaN when undefined). All 24 hours are listed.
//
// # Indicators
//
// Rows emits, for each community and each profession (indicator.Groups):
// threads, reply_rate, median_first_reply_min, replies_per_thread and
// km_median_first_reply_min, the last four with their interval (lo, hi,
// n, unit "threads", method). Measure, Rows and the frames measure the
// threads of the communities whose replies are linked to their message
// (LinkedThreads); a group with messages none of which names its parent
// message (corpus.AccountLinks or corpus.NoLinks) has all five indicators
// NaN with reason "no message-level reply links" (indicator.LinksReason;
// indicators.csv writes them empty with that reason): its threads cannot
// be told from its replies.
package responsiveness

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/stats"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Indicator names emitted by Rows.
const (
	IndThreads          = "threads"
	IndReplyRate        = "reply_rate"
	IndMedianFirstReply = "median_first_reply_min"
	IndRepliesPerThread = "replies_per_thread"
	IndKMMedian         = "km_median_first_reply_min"
)

// Thread is one thread of a group with what its replies tell.
type Thread struct {
	Community string
	ID        string
	Start     time.Time // Created of the thread's start (UTC)
	// Replies is the number of qualifying replies: replies at any depth by
	// an author other than the starter.
	Replies int
	// FirstReply is Created of the earliest qualifying reply; zero when
	// the thread is unanswered.
	FirstReply time.Time
	// End is the last message time of the thread's community within the
	// group, where an unanswered thread is censored.
	End time.Time
}

// Answered reports whether the thread has at least one qualifying reply.
func (t Thread) Answered() bool { return t.Replies > 0 }

// FirstReplyMinutes returns the minutes from the thread's start to its
// first qualifying reply (0 if the reply is stamped earlier), or NaN when
// the thread is unanswered.
func (t Thread) FirstReplyMinutes() float64 {
	if !t.Answered() {
		return math.NaN()
	}
	return minutes(t.FirstReply.Sub(t.Start))
}

// Observation returns the thread as a survival observation: the minutes to
// the first reply and event true when answered, else the minutes to the
// end of the export and event false (censored).
func (t Thread) Observation() (min float64, event bool) {
	if t.Answered() {
		return t.FirstReplyMinutes(), true
	}
	return minutes(t.End.Sub(t.Start)), false
}

func minutes(d time.Duration) float64 {
	if d < 0 {
		return 0
	}
	return d.Minutes()
}

// Status of a message during thread resolution.
const (
	unresolved = -3
	visiting   = -2
	noThread   = -1
)

// Threads finds the threads of msgs and their qualifying replies, as
// defined in the package documentation. It runs in time linear in the
// number of messages (plus sorting the threads). Threads are returned by
// community, start time and id.
func Threads(msgs []corpus.Message) []Thread {
	return ThreadsIndexed(msgs, corpus.IndexMessages(msgs))
}

// ThreadsIndexed is Threads given ix, the index of msgs
// (corpus.IndexMessages(msgs)), for a caller that measures several
// indicators of the same messages and indexes them once. A message's
// parent is ix.Parent, the first message with the parent's
// (community, id); a message is a repeat when ix.First names an earlier
// one. It panics when ix is not of len(msgs) messages.
func ThreadsIndexed(msgs []corpus.Message, ix corpus.MessageIndex) []Thread {
	if len(ix.First) != len(msgs) || len(ix.Parent) != len(msgs) {
		panic("responsiveness: ThreadsIndexed given the index of other messages")
	}
	// root[i] is the index of message i's thread start, noThread, or a
	// transient state while resolving. Each message is walked once: the
	// path followed is memoised.
	root := make([]int32, len(msgs))
	for i := range root {
		root[i] = unresolved
	}
	var path []int32
	for i := range msgs {
		if root[i] != unresolved || ix.First[i] != int32(i) {
			continue
		}
		path = path[:0]
		j, r := int32(i), int32(noThread)
		for {
			if root[j] == visiting { // a loop of parents
				break
			}
			if root[j] != unresolved {
				r = root[j]
				break
			}
			if msgs[j].IsThreadStart() {
				root[j] = j
				r = j
				break
			}
			if msgs[j].ParentID == "" { // an orphan reply: no thread
				root[j] = noThread
				break
			}
			root[j] = visiting
			path = append(path, j)
			p := ix.Parent[j]
			if p < 0 {
				break
			}
			j = p
		}
		for _, q := range path {
			root[q] = r
		}
	}

	// The last message time of each community: messages come in runs of
	// one community, so the map is read once per run.
	end := map[string]time.Time{}
	var cur string
	var last time.Time
	for i := range msgs {
		m := &msgs[i]
		if i == 0 || m.Community != cur {
			if i > 0 {
				end[cur] = last
			}
			cur = m.Community
			last = end[cur] // zero when not seen yet
			if _, seen := end[cur]; !seen {
				last = m.Created
			}
		}
		if m.Created.After(last) {
			last = m.Created
		}
	}
	if len(msgs) > 0 {
		end[cur] = last
	}

	pos := make([]int32, len(msgs)) // thread start index -> position in out
	n := 0
	for i := range msgs {
		if root[i] == int32(i) && ix.First[i] == int32(i) {
			n++
		}
	}
	var out []Thread // nil without threads, as before
	if n > 0 {
		out = make([]Thread, 0, n)
	}
	for i := range msgs {
		if root[i] == int32(i) && ix.First[i] == int32(i) {
			m := &msgs[i]
			pos[i] = int32(len(out))
			out = append(out, Thread{Community: m.Community, ID: m.ID, Start: m.Created, End: end[m.Community]})
		}
	}
	for i := range msgs {
		r := root[i]
		if r < 0 || r == int32(i) || ix.First[i] != int32(i) || msgs[i].Author == msgs[r].Author {
			continue
		}
		t := &out[pos[r]]
		if t.Replies == 0 || msgs[i].Created.Before(t.FirstReply) {
			t.FirstReply = msgs[i].Created
		}
		t.Replies++
	}
	// (community, start, id) is a total order on threads (their
	// (community, id) are distinct): any sort gives the same order. A
	// sorted corpus (corpus.Corpus.Sort) gives its threads in that order
	// already.
	cmp := func(x, y Thread) int {
		if c := strings.Compare(x.Community, y.Community); c != 0 {
			return c
		}
		if c := x.Start.Compare(y.Start); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	}
	if !slices.IsSortedFunc(out, cmp) {
		slices.SortFunc(out, cmp)
	}
	return out
}

// LinkedThreads is Threads of the messages of those communities of msgs
// whose replies are linked to their message in the data
// (corpus.LinksPerCommunity(msgs)[id].Strength() is corpus.MessageLinks). The thread starts of a community without
// message-level links would all read as unanswered threads: they are left
// out, so that a profession joining a linked and an unlinked community is
// measured on the linked one only.
func LinkedThreads(msgs []corpus.Message) []Thread {
	links := corpus.LinksPerCommunity(msgs)
	all := true
	for _, l := range links {
		all = all && l.Strength() == corpus.MessageLinks
	}
	if all {
		return Threads(msgs)
	}
	var keep []corpus.Message
	for i := range msgs {
		if links[msgs[i].Community].Strength() == corpus.MessageLinks {
			keep = append(keep, msgs[i])
		}
	}
	return Threads(keep)
}

// Summary holds the scalar indicators of a set of threads, each with its
// interval (see "Intervals" in the package documentation), and the
// counts behind them.
type Summary struct {
	Threads  int
	Answered int
	Replies  int // qualifying replies over all threads
	// ReplyRate is reply_rate with its Wilson interval over threads.
	ReplyRate stats.Estimate
	// MedianFirstReplyMin is median_first_reply_min with its percentile
	// bootstrap interval over answered threads.
	MedianFirstReplyMin stats.Estimate
	// RepliesPerThread is replies_per_thread with its BCa bootstrap
	// interval over threads.
	RepliesPerThread stats.Estimate
	// KMMedianMin is km_median_first_reply_min with its
	// Brookmeyer-Crowley interval (KaplanMeier(threads).Median).
	KMMedianMin stats.Estimate
}

// Options returns the options of the family's bootstraps:
// indicator.Inference with unit "threads".
func Options() stats.Options {
	o := indicator.Inference
	o.Unit = UnitThreads
	return o
}

// UnitThreads is the unit every interval of the family resamples or
// counts.
const UnitThreads = "threads"

// Summarize computes the scalar indicators of threads with their
// intervals (Options).
func Summarize(threads []Thread) Summary {
	return summarize(threads, KaplanMeier(threads))
}

// SummarizePoint computes the scalar indicators of threads without the
// bootstrap intervals (reply_rate keeps its Wilson interval and the KM
// median its Brookmeyer-Crowley interval, which cost nothing): the same
// values as Summarize, for timing the measures themselves
// (scripts/benchgo against pandas).
func SummarizePoint(threads []Thread) Summary {
	s := Summary{Threads: len(threads)}
	var delays []float64
	for _, t := range threads {
		s.Replies += t.Replies
		if t.Answered() {
			s.Answered++
			delays = append(delays, t.FirstReplyMinutes())
		}
	}
	nan := math.NaN()
	point := func(v float64) stats.Estimate {
		return stats.Estimate{Value: v, Lo: nan, Hi: nan, N: len(threads), Unit: UnitThreads}
	}
	s.ReplyRate = stats.Wilson(s.Answered, s.Threads, indicator.Inference.Level, UnitThreads)
	s.RepliesPerThread = point(float64(s.Replies) / float64(s.Threads))
	if s.Threads == 0 {
		s.RepliesPerThread.Value = nan
	}
	s.MedianFirstReplyMin = point(median(delays))
	s.MedianFirstReplyMin.N = s.Answered
	s.KMMedianMin = KaplanMeier(threads).Median
	return s
}

func summarize(threads []Thread, km stats.KM) Summary {
	s := Summary{Threads: len(threads)}
	var delays []float64
	replies := make([]float64, len(threads))
	for i, t := range threads {
		s.Replies += t.Replies
		replies[i] = float64(t.Replies)
		if t.Answered() {
			s.Answered++
			delays = append(delays, t.FirstReplyMinutes())
		}
	}
	opts := Options()
	s.ReplyRate = stats.Wilson(s.Answered, s.Threads, opts.Level, UnitThreads)
	s.RepliesPerThread = stats.MeanPerUnit(replies, opts)
	s.MedianFirstReplyMin = indicator.Median(delays, opts)
	s.KMMedianMin = km.Median
	return s
}

// median returns the median of xs (sorting xs), NaN when empty.
func median(xs []float64) float64 {
	n := len(xs)
	if n == 0 {
		return math.NaN()
	}
	sort.Float64s(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// KaplanMeier estimates the survival of threads without a qualifying
// reply, as defined in the package documentation: stats.KaplanMeier of
// the threads' observations (Thread.Observation), times in minutes, with
// Greenwood's variance, the pointwise log-log band at
// indicator.Inference.Level and the median's Brookmeyer-Crowley
// interval, unit "threads".
func KaplanMeier(threads []Thread) stats.KM {
	times := make([]float64, len(threads))
	events := make([]bool, len(threads))
	for i, th := range threads {
		times[i], events[i] = th.Observation()
	}
	return stats.KaplanMeier(times, events, indicator.Inference.Level, UnitThreads)
}

// Hour holds the threads started in one Europe/Paris hour of the day.
type Hour struct {
	Hour     int // 0-23, Europe/Paris
	Threads  int
	Answered int
	// ReplyRate is Answered / Threads with its Wilson interval over the
	// hour's threads.
	ReplyRate           stats.Estimate
	MedianFirstReplyMin float64
}

// ByHour groups threads by the Europe/Paris hour of their start. The
// result has 24 entries, hour 0 first.
func ByHour(threads []Thread) []Hour {
	var delays [24][]float64
	out := make([]Hour, 24)
	for _, t := range threads {
		h := t.Start.In(corpus.Paris).Hour()
		out[h].Threads++
		if t.Answered() {
			out[h].Answered++
			delays[h] = append(delays[h], t.FirstReplyMinutes())
		}
	}
	for h := range out {
		out[h].Hour = h
		out[h].ReplyRate = stats.Wilson(out[h].Answered, out[h].Threads, indicator.Inference.Level, UnitThreads)
		out[h].MedianFirstReplyMin = median(delays[h])
	}
	return out
}

// Span returns the threads started from hour from (inclusive) to hour to
// (exclusive) of hours (ByHour's 24 entries; an hour past 23 wraps to the
// next day, so Span(h, 19, 32) is 19:00 to 08:00), the answered ones and
// their reply rate with its Wilson interval over those threads.
func Span(hours []Hour, from, to int) (threads, answered int, rate stats.Estimate) {
	for h := from; h < to; h++ {
		x := hours[h%24]
		threads += x.Threads
		answered += x.Answered
	}
	return threads, answered, stats.Wilson(answered, threads, indicator.Inference.Level, UnitThreads)
}

// Group is the responsiveness of one indicator.Groups group: its threads
// and what Figures 7 and 9 draw.
type Group struct {
	// Community is the community, or for a profession as a whole
	// Community.ID indicator.AllCommunities.
	Community corpus.Community
	// Threads are the group's threads (Threads).
	Threads []Thread
	// Summary holds the scalar indicators with their intervals and their
	// counts (Threads, Answered, Replies).
	Summary Summary
	// ByHour is the threads by hour of their start, hours 0 to 23.
	ByHour []Hour
	// KM is the Kaplan-Meier estimate of the time to first reply, with
	// its pointwise band (KaplanMeier).
	KM stats.KM
	// Links counts how the group's messages are linked to what they
	// answer: thread measures need message-level links
	// (Links.Strength() == corpus.MessageLinks).
	Links corpus.Links
}

// Of returns g.Community (indicator.Grouped).
func (g Group) Of() corpus.Community { return g.Community }

// Measure finds the threads of every indicator.Groups group of c and
// measures them, in that order.
func Measure(c *corpus.Corpus) []Group {
	var out []Group
	for _, g := range indicator.Groups(c) {
		th := LinkedThreads(g.Messages)
		km := KaplanMeier(th)
		out = append(out, Group{Community: g.Community, Threads: th, Summary: summarize(th, km), ByHour: ByHour(th), KM: km, Links: corpus.LinksOf(g.Messages)})
	}
	return out
}

// Rows returns the scalar indicators of every community and profession of
// c, in canonical order (indicator.Sort), each with its interval.
func Rows(c *corpus.Corpus) []indicator.Row { return GroupRows(Measure(c)) }

// GroupRows returns the scalar indicators of measured groups (Measure), in
// canonical order.
func GroupRows(groups []Group) []indicator.Row {
	var rows []indicator.Row
	for _, g := range groups {
		s := g.Summary
		reason := indicator.LinksReason(g.Links, corpus.MessageLinks)
		add := func(name string, e stats.Estimate, interval bool) {
			r := indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: name, Reason: reason}
			if interval {
				r.SetEstimate(e)
			} else {
				r.Value = e.Value
			}
			if reason != "" {
				r.Value = math.NaN() // messages, but no reply linked to its message: not measurable
			}
			rows = append(rows, r)
		}
		add(IndThreads, stats.Estimate{Value: float64(s.Threads)}, false)
		add(IndReplyRate, s.ReplyRate, true)
		add(IndMedianFirstReply, s.MedianFirstReplyMin, true)
		add(IndRepliesPerThread, s.RepliesPerThread, true)
		add(IndKMMedian, s.KMMedianMin, true)
	}
	indicator.Sort(rows)
	return rows
}

// Comparison is the difference of reply_rate between two professions A
// and B (in ascending order of their names).
type Comparison struct {
	A, B corpus.Profession
	// ReplyRate is reply_rate(A) − reply_rate(B) over their threads
	// (stats.Difference: BCa bootstrap within each profession's threads,
	// permutation p-value), claimed only when its interval excludes 0.
	ReplyRate stats.Comparison
}

// CompareProfessions compares every pair of professions among the
// measured groups (Measure), in ascending order of names (A before B),
// on their threads.
func CompareProfessions(groups []Group) []Comparison {
	profs := indicator.Professions(groups)
	sort.Slice(profs, func(i, j int) bool { return profs[i].Community.Profession < profs[j].Community.Profession })
	var out []Comparison
	for i := range profs {
		for j := i + 1; j < len(profs); j++ {
			a, b := profs[i], profs[j]
			answered := make([]float64, 0, len(a.Threads)+len(b.Threads))
			for _, t := range append(append([]Thread(nil), a.Threads...), b.Threads...) {
				v := 0.0
				if t.Answered() {
					v = 1
				}
				answered = append(answered, v)
			}
			c := stats.Difference(len(a.Threads), len(b.Threads), func(idx []int) float64 {
				var k float64
				for _, u := range idx {
					k += answered[u]
				}
				return k / float64(len(idx))
			}, Options())
			out = append(out, Comparison{A: a.Community.Profession, B: b.Community.Profession, ReplyRate: c})
		}
	}
	return out
}

// KMFrame returns the Kaplan-Meier steps of every group of c (in
// indicator.Groups order, steps by time) with the columns community,
// profession, minutes, at_risk, events, censored, survival, and lo and hi,
// the pointwise log-log band (NaN where survival is 1 or 0).
func KMFrame(c *corpus.Corpus) dataframe.DataFrame {
	var com, prof []string
	var mins, surv, lo, hi []float64
	var risk, ev, cens []int
	for _, g := range indicator.Groups(c) {
		for _, st := range KaplanMeier(LinkedThreads(g.Messages)).Steps {
			com = append(com, g.Community.ID)
			prof = append(prof, string(g.Community.Profession))
			mins = append(mins, st.Time)
			risk = append(risk, st.AtRisk)
			ev = append(ev, st.Events)
			cens = append(cens, st.Censored)
			surv = append(surv, st.Survival)
			lo = append(lo, st.Lo)
			hi = append(hi, st.Hi)
		}
	}
	return dataframe.New(
		series.New(com, series.String, "community"),
		series.New(prof, series.String, "profession"),
		series.New(mins, series.Float, "minutes"),
		series.New(risk, series.Int, "at_risk"),
		series.New(ev, series.Int, "events"),
		series.New(cens, series.Int, "censored"),
		series.New(surv, series.Float, "survival"),
		series.New(lo, series.Float, "lo"),
		series.New(hi, series.Float, "hi"),
	)
}

// HourFrame returns the by-hour statistics of every group of c (in
// indicator.Groups order, hours 0 to 23) with the columns community,
// profession, hour, threads, answered, reply_rate, reply_rate_lo,
// reply_rate_hi (its Wilson interval), median_first_reply_min.
func HourFrame(c *corpus.Corpus) dataframe.DataFrame {
	var com, prof []string
	var hour, threads, answered []int
	var rate, rlo, rhi, med []float64
	for _, g := range indicator.Groups(c) {
		for _, h := range ByHour(LinkedThreads(g.Messages)) {
			com = append(com, g.Community.ID)
			prof = append(prof, string(g.Community.Profession))
			hour = append(hour, h.Hour)
			threads = append(threads, h.Threads)
			answered = append(answered, h.Answered)
			rate = append(rate, h.ReplyRate.Value)
			rlo = append(rlo, h.ReplyRate.Lo)
			rhi = append(rhi, h.ReplyRate.Hi)
			med = append(med, h.MedianFirstReplyMin)
		}
	}
	return dataframe.New(
		series.New(com, series.String, "community"),
		series.New(prof, series.String, "profession"),
		series.New(hour, series.Int, "hour"),
		series.New(threads, series.Int, "threads"),
		series.New(answered, series.Int, "answered"),
		series.New(rate, series.Float, "reply_rate"),
		series.New(rlo, series.Float, "reply_rate_lo"),
		series.New(rhi, series.Float, "reply_rate_hi"),
		series.New(med, series.Float, "median_first_reply_min"),
	)
}
