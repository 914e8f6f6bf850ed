package norms

import (
	"math"
	"slices"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// Units of the norms intervals (Estimate.Unit).
const (
	UnitThreads = "question threads"
)

// MethodNewcombe is the Method of a difference with a published share:
// Newcombe's hybrid score interval from the Wilson intervals of both
// sides (see CompareWithPublished).
const MethodNewcombe = "newcombe-wilson"

// StatusEstimate returns StatusShare(s) with its Wilson interval over the
// observed question threads (threads are the units: one question, one
// outcome; they are taken as independent).
func (g Group) StatusEstimate(s Status) stats.Estimate {
	return stats.Wilson(g.StatusCount(s), g.Observed(), 0, UnitThreads)
}

// RecurringEstimate returns RecurringShare with its Wilson interval over
// the question threads.
func (g Group) RecurringEstimate() stats.Estimate {
	return stats.Wilson(len(g.Recurrences), len(g.Threads), 0, UnitThreads)
}

// threadCiting returns, for each thread with at least one answer counted
// by keep, its answers, those citing any kind and those citing each kind:
// the units of the citing intervals (answers cluster in threads).
func threadCiting(threads []Thread, kinds []string, keep func(a Answer) bool) (answers, citing []float64, byKind [][]float64) {
	byKind = make([][]float64, len(kinds))
	for _, t := range threads {
		var n, c float64
		k := make([]float64, len(kinds))
		for _, a := range t.Answers {
			if !keep(a) {
				continue
			}
			n++
			if len(a.Sources) > 0 {
				c++
			}
			for i, kind := range kinds {
				if slices.Contains(a.Sources, kind) {
					k[i]++
				}
			}
		}
		if n == 0 {
			continue
		}
		answers = append(answers, n)
		citing = append(citing, c)
		for i := range kinds {
			byKind[i] = append(byKind[i], k[i])
		}
	}
	return answers, citing, byKind
}

// estimate sets c's intervals: ratios of sums over the question threads
// with answers kept by keep (numerator: a thread's citing answers,
// denominator: its answers), BCa; those of each kind too when kinds.
func (c *Citing) estimate(threads []Thread, keep func(a Answer) bool, kinds bool, opts stats.Options) {
	opts.Unit = UnitThreads
	answers, citing, byKind := threadCiting(threads, c.Kinds, keep)
	c.Est = ratioOverThreads(citing, answers, opts)
	if !kinds {
		return
	}
	c.KindEst = make([]stats.Estimate, len(c.Kinds))
	for i := range c.Kinds {
		c.KindEst[i] = ratioOverThreads(byKind[i], answers, opts)
	}
}

// ratioOverThreads is stats.RatioOfSums over threads, except for a share
// of exactly 0 or 1, which has no bootstrap variation: it gets the Wilson
// interval over the answers instead.
func ratioOverThreads(num, den []float64, opts stats.Options) stats.Estimate {
	e := stats.RatioOfSums(num, den, opts)
	var k, n float64
	for i := range num {
		k += num[i]
		n += den[i]
	}
	if n > 0 && (k == 0 || k == n) {
		w := stats.Wilson(int(k), int(n), opts.Level, "answers")
		e.Lo, e.Hi, e.N, e.Unit, e.Method = w.Lo, w.Hi, w.N, w.Unit, w.Method
	}
	return e
}

// month is the Paris month of an answer, as Citing.Month.
func month(a Answer) string { return a.Created.In(corpus.Paris).Format("2006-01") }

// CompareStatus compares the share of observed question threads with
// status s between groups a and b: a − b with its bootstrap interval over
// threads (resampled within each group) and a permutation p-value
// (stats.Difference).
func CompareStatus(a, b Group, s Status, opts stats.Options) stats.Comparison {
	var has []bool
	for _, g := range []Group{a, b} {
		for _, t := range g.Threads {
			if t.Status != TooRecent {
				has = append(has, t.Status == s)
			}
		}
	}
	opts.Unit = UnitThreads
	return stats.Difference(a.Observed(), b.Observed(), shareOf(has), opts)
}

// CompareRecurring compares the share of question threads that are
// recurring between groups a and b, as CompareStatus.
func CompareRecurring(a, b Group, opts stats.Options) stats.Comparison {
	var has []bool
	for _, g := range []Group{a, b} {
		rec := map[string]bool{}
		for _, r := range g.Recurrences {
			rec[r.Community+"\x00"+r.ID] = true
		}
		for _, t := range g.Threads {
			has = append(has, rec[t.Community+"\x00"+t.ID])
		}
	}
	opts.Unit = UnitThreads
	return stats.Difference(len(a.Threads), len(b.Threads), shareOf(has), opts)
}

// CompareCiting compares the share of answers citing a rule or source
// (kind "" for any kind, else one of the codebook's kinds) between groups
// a and b: a ratio of sums over question threads, as Citing.Est.
func CompareCiting(a, b Group, kind string, opts stats.Options) stats.Comparison {
	kinds := []string{}
	if kind != "" {
		kinds = []string{kind}
	}
	all := func(Answer) bool { return true }
	pick := func(g Group) (num, den []float64) {
		ans, cit, by := threadCiting(g.Threads, kinds, all)
		if kind != "" {
			cit = by[0]
		}
		return cit, ans
	}
	numA, denA := pick(a)
	numB, denB := pick(b)
	num, den := append(numA, numB...), append(denA, denB...)
	opts.Unit = UnitThreads
	return stats.Difference(len(numA), len(numB), func(idx []int) float64 {
		var x, y float64
		for _, i := range idx {
			x += num[i]
			y += den[i]
		}
		if y == 0 {
			return math.NaN()
		}
		return x / y
	}, opts)
}

func shareOf(has []bool) func(idx []int) float64 {
	return func(idx []int) float64 {
		if len(idx) == 0 {
			return math.NaN()
		}
		k := 0
		for _, i := range idx {
			if has[i] {
				k++
			}
		}
		return float64(k) / float64(len(idx))
	}
}

// Published is the outcome of the question threads of a published study
// whose raw data are not available: its number of questions and, per
// status, the number of them that reproduces its published share (the
// share times the questions, rounded; each reproduces the published
// share to its published decimals).
type Published struct {
	Name      string
	Questions int
	// Counts per status; Answered for a study that does not tell
	// consensual from non-consensual answers (Consensual and
	// NonConsensual are then absent).
	Counts map[Status]int
}

// Answered is the status of an answered question (consensual or not) in
// a published study that does not tell them apart.
const Answered Status = "answered"

// The published #DocTocToc studies Figure 12 compares with.
//
// The 2013 study (mimiryudo.com, 2013, 63 questions) published 55.6 %
// consensual answers, 33.3 % non-consensual ones and 8 % unanswered
// questions: 35, 21 and 5 of 63 (55.56 %, 33.33 %, 7.94 %), the 2 others
// (3.1 %) not specified. The 2024 Lille thesis (252 questions) published
// 90.5 % of questions answered: 228 of 252 (90.48 %), 24 unanswered.
var (
	DocTocToc2013 = Published{Name: "doctoctoc-2013", Questions: 63,
		Counts: map[Status]int{Consensual: 35, NonConsensual: 21, Unanswered: 5}}
	Lille2024 = Published{Name: "lille-2024", Questions: 252,
		Counts: map[Status]int{Answered: 228, Unanswered: 24}}
)

// Has reports whether the study published a share for status s.
func (p Published) Has(s Status) bool { _, ok := p.Counts[s]; return ok }

// Estimate returns the published share of status s with its Wilson
// interval over the study's questions (NaN when it did not publish it).
func (p Published) Estimate(s Status) stats.Estimate {
	k, ok := p.Counts[s]
	if !ok {
		nan := math.NaN()
		return stats.Estimate{Value: nan, Lo: nan, Hi: nan, N: p.Questions, Unit: "questions", Method: stats.MethodWilson, Level: stats.DefaultLevel}
	}
	return stats.Wilson(k, p.Questions, 0, "questions")
}

// CompareWithPublished returns ours − theirs for one status share, ours
// a Wilson estimate over our observed question threads (StatusEstimate),
// theirs a Wilson estimate over the published study's questions
// (Published.Estimate). Their raw data are not available, so no
// bootstrap can resample them: the interval is Newcombe's hybrid score
// interval (Newcombe 1998, method 10), closed form from the two Wilson
// intervals [l₁, u₁] of p₁ and [l₂, u₂] of p₂, the samples independent:
//
//	d = p₁ − p₂
//	[d − sqrt((p₁ − l₁)² + (u₂ − p₂)²), d + sqrt((u₁ − p₁)² + (p₂ − l₂)²)]
//
// P is NaN (no permutation without their data); Claimed says whether the
// interval excludes zero. Both estimates must be at the same level.
func CompareWithPublished(ours, theirs stats.Estimate) stats.Comparison {
	nan := math.NaN()
	c := stats.Comparison{A: ours.Value, B: theirs.Value, NA: ours.N, NB: theirs.N, P: nan,
		Estimate: stats.Estimate{Value: nan, Lo: nan, Hi: nan, N: ours.N + theirs.N, Unit: ours.Unit + " | " + theirs.Unit, Method: MethodNewcombe, Level: ours.Level}}
	if ours.Level != theirs.Level {
		panic("norms: CompareWithPublished needs estimates at one level")
	}
	d := ours.Value - theirs.Value
	c.Value = d
	if !ours.Estimable() || !theirs.Estimable() {
		return c
	}
	p1, l1, u1 := ours.Value, ours.Lo, ours.Hi
	p2, l2, u2 := theirs.Value, theirs.Lo, theirs.Hi
	c.Lo = d - math.Sqrt((p1-l1)*(p1-l1)+(u2-p2)*(u2-p2))
	c.Hi = d + math.Sqrt((u1-p1)*(u1-p1)+(p2-l2)*(p2-l2))
	return c
}
