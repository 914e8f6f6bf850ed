package norms

import (
	"math"
	"sort"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/stats"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Group is the norms measures of one indicator.Groups group: what
// Figures 12 to 14 draw.
type Group struct {
	// Community is the community, or for a profession as a whole
	// Community.ID indicator.AllCommunities.
	Community corpus.Community
	// Threads are the question threads, in thread order.
	Threads []Thread
	// Pairs are the near-duplicate question pairs among Threads
	// (Recurring), and Recurrences the recurring questions each with its
	// nearest earlier near-duplicate (Recurrences).
	Pairs       []Pair
	Recurrences []Recurrence
	Citing      Citing
	ByMonth     []Citing
	// Links counts how the group's messages are linked to what they
	// answer. Question threads are measured only in the communities with
	// message-level links (Links.Strength() == corpus.MessageLinks).
	Links corpus.Links
	// AuthorsInSeveral: see the package documentation.
	AuthorsInSeveral int
}

// Of returns g.Community (indicator.Grouped).
func (g Group) Of() corpus.Community { return g.Community }

// StatusCount returns the number of question threads with status s.
func (g Group) StatusCount(s Status) int {
	n := 0
	for _, t := range g.Threads {
		if t.Status == s {
			n++
		}
	}
	return n
}

// Observed returns the number of question threads whose status can be
// read: all but the too-recent ones (UnansweredHorizon).
func (g Group) Observed() int { return len(g.Threads) - g.StatusCount(TooRecent) }

// StatusShare returns the share of the observed question threads
// (Observed) with status s, NaN without observed threads.
func (g Group) StatusShare(s Status) float64 {
	return ratio(g.StatusCount(s), g.Observed())
}

// RecurringShare returns the share of question threads that are
// recurring, NaN without threads.
func (g Group) RecurringShare() float64 { return ratio(len(g.Recurrences), len(g.Threads)) }

// GapDaysMedian returns the median of the days from each recurring
// question back to its nearest earlier near-duplicate (the mean of the
// two middle values for an even count), NaN without recurring question.
func (g Group) GapDaysMedian() float64 {
	n := len(g.Recurrences)
	if n == 0 {
		return math.NaN()
	}
	d := make([]float64, n)
	for i, r := range g.Recurrences {
		d[i] = r.Days
	}
	sort.Float64s(d)
	if n%2 == 1 {
		return d[n/2]
	}
	return (d[n/2-1] + d[n/2]) / 2
}

// Result is the norms of every group of a corpus, measured with one
// codebook.
type Result struct {
	// Corrected holds the status and source shares corrected for the
	// coders' error on gold threads (MeasureGold); nil when measured
	// without gold.
	Corrected *Correction
	// Codebook is the codebook the messages were coded with; its source
	// kinds and labels name the citing counts.
	Codebook *themes.Codebook
	// Groups are in indicator.Groups order.
	Groups []Group
	// Recurring is the validation of the detector of recurring questions
	// on coded pairs (ValidateRecurring); nil: not validated.
	Recurring *RecurringValidation
}

// Measure computes the norms of every group of c, with the intervals of
// the citing shares (indicator.Inference; the status and recurring shares
// have closed-form Wilson intervals, StatusEstimate and
// RecurringEstimate). Messages are coded once, per community; a
// profession's group gathers its communities' threads.
func Measure(c *corpus.Corpus, cb *themes.Codebook) Result {
	return MeasureWith(c, cb, indicator.Inference)
}

// MeasureWith is Measure with the bootstrap options opts.
func MeasureWith(c *corpus.Corpus, cb *themes.Codebook, opts stats.Options) Result {
	return measure(c, cb, &opts)
}

// MeasureCounts is Measure without the bootstrap intervals of the citing
// shares (Citing.Est and KindEst are left zero; ResultRows then writes
// those rows without interval and Figure 13 without its band), for a
// reader that needs only the threads, statuses, recurrences and counts:
// the status and recurring shares keep their closed-form Wilson
// intervals (StatusEstimate, RecurringEstimate). It saves the only
// bootstrap of the family.
func MeasureCounts(c *corpus.Corpus, cb *themes.Codebook) Result { return measure(c, cb, nil) }

// measure computes the norms, the citing intervals with opts unless nil.
func measure(c *corpus.Corpus, cb *themes.Codebook, opts *stats.Options) Result {
	ov := Overlap(c)
	inOthers := map[string]int{}
	for i, id := range ov.IDs {
		inOthers[id] = ov.InOthers[i]
	}
	kinds := cb.SourceKinds()
	var out []Group
	byProf := map[corpus.Profession][]Thread{}
	for _, gr := range indicator.Groups(c) {
		p := gr.Community.Profession
		g := Group{Community: gr.Community, Links: corpus.LinksOf(gr.Messages)}
		if g.Community.ID == indicator.AllCommunities {
			g.Threads = byProf[p]
			sort.SliceStable(g.Threads, func(a, b int) bool { return threadLess(&g.Threads[a], &g.Threads[b]) })
			g.AuthorsInSeveral = severalWithin(gr.Messages)
		} else {
			// A community whose replies name no parent message has no
			// measurable thread: its question starts would all read as
			// unanswered.
			if g.Links.Strength() == corpus.MessageLinks {
				g.Threads = QuestionThreads(cb, gr.Messages, p)
			}
			byProf[p] = append(byProf[p], g.Threads...)
			g.AuthorsInSeveral = inOthers[g.Community.ID]
		}
		g.Pairs = Recurring(g.Threads)
		g.Recurrences = Recurrences(g.Threads, g.Pairs)
		if opts != nil {
			g.Citing, g.ByMonth = CitingSharesWith(g.Threads, kinds, *opts)
		} else {
			g.Citing, g.ByMonth = CitingShares(g.Threads, kinds)
		}
		out = append(out, g)
	}
	return Result{Codebook: cb, Groups: out}
}

// severalWithin counts the authors of msgs active in at least two
// communities.
func severalWithin(msgs []corpus.Message) int {
	first := map[string]string{}
	several := map[string]bool{}
	for i := range msgs {
		m := &msgs[i]
		if m.Author == "" {
			continue
		}
		if c, ok := first[m.Author]; !ok {
			first[m.Author] = m.Community
		} else if c != m.Community {
			several[m.Author] = true
		}
	}
	return len(several)
}

// Rows returns the norms indicators of every group of c (see the package
// documentation).
func Rows(c *corpus.Corpus, cb *themes.Codebook) []indicator.Row {
	return ResultRows(Measure(c, cb))
}

// ResultRows turns measured groups into indicator rows.
func ResultRows(r Result) []indicator.Row {
	var rows []indicator.Row
	for i, g := range r.Groups {
		reason := indicator.LinksReason(g.Links, corpus.MessageLinks)
		row := func(name string, v float64) *indicator.Row {
			r := reason
			if name == "authors_in_several_groups" {
				r = "" // authors, not threads: measurable without links
			}
			if r != "" {
				v = math.NaN() // messages, but no reply linked to its message: not measurable
			}
			rows = append(rows, indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: name, Value: v, Reason: r})
			return &rows[len(rows)-1]
		}
		add := func(name string, v float64) { row(name, v) }
		est := func(name string, e stats.Estimate) {
			r := row(name, e.Value)
			if r.Reason == "" {
				r.SetEstimate(e)
			}
		}
		citing := func(name string, v float64, e stats.Estimate) {
			if e.Method == "" { // measured without intervals
				add(name, v)
				return
			}
			est(name, e)
		}
		add("question_threads", float64(len(g.Threads)))
		est("consensual_share", g.StatusEstimate(Consensual))
		est("non_consensual_share", g.StatusEstimate(NonConsensual))
		est("unanswered_share", g.StatusEstimate(Unanswered))
		citing("citing_share", g.Citing.Share(), g.Citing.Est)
		for i, k := range g.Citing.Kinds {
			var e stats.Estimate
			if g.Citing.KindEst != nil {
				e = g.Citing.KindEst[i]
			}
			citing("citing_share_"+k, g.Citing.KindShare(i), e)
		}
		est("recurring_question_share", g.RecurringEstimate())
		add("recurring_gap_days_median", g.GapDaysMedian())
		for _, v := range r.validationRows(i) {
			if x := row(v.name, v.est.Value); x.Reason == "" && v.reason != "" {
				x.Value, x.Reason = math.NaN(), v.reason
			} else if x.Reason == "" {
				x.SetEstimate(v.est)
			}
		}
		add("authors_in_several_groups", float64(g.AuthorsInSeveral))
	}
	indicator.Sort(rows)
	return rows
}

// CitingFrame returns the citing shares by month as a DataFrame with
// columns community, profession, month, kind, answers, citing, share, lo
// and hi (the interval of share, NaN when measured without intervals):
// groups in indicator.Groups order, months in order, and for each month
// first the kind "any" then the codebook's kinds.
func CitingFrame(r Result) dataframe.DataFrame {
	var com, prof, month, kind []string
	var answers, citing []int
	var share, los, his []float64
	for _, g := range r.Groups {
		for _, m := range g.ByMonth {
			add := func(k string, n int, s float64, e stats.Estimate) {
				if e.Method == "" {
					e.Lo, e.Hi = math.NaN(), math.NaN()
				}
				los, his = append(los, e.Lo), append(his, e.Hi)
				com = append(com, g.Community.ID)
				prof = append(prof, string(g.Community.Profession))
				month = append(month, m.Month)
				kind = append(kind, k)
				answers = append(answers, m.Answers)
				citing = append(citing, n)
				share = append(share, s)
			}
			add("any", m.Citing, m.Share(), m.Est)
			for i, k := range m.Kinds {
				var e stats.Estimate
				if m.KindEst != nil {
					e = m.KindEst[i]
				}
				add(k, m.ByKind[i], m.KindShare(i), e)
			}
		}
	}
	return dataframe.New(
		series.New(com, series.String, "community"),
		series.New(prof, series.String, "profession"),
		series.New(month, series.String, "month"),
		series.New(kind, series.String, "kind"),
		series.New(answers, series.Int, "answers"),
		series.New(citing, series.Int, "citing"),
		series.New(share, series.Float, "share"),
		series.New(los, series.Float, "lo"),
		series.New(his, series.Float, "hi"),
	)
}

// ThreadFrame returns question threads as a DataFrame with columns
// community, id, created (RFC 3339, UTC), question_type, answers,
// answerers and status, in the order given.
func ThreadFrame(threads []Thread) dataframe.DataFrame {
	n := len(threads)
	com, id, created, qt, st := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	ans, who := make([]int, n), make([]int, n)
	for i, t := range threads {
		com[i], id[i], created[i], qt[i], st[i] = t.Community, t.ID, t.Created.UTC().Format("2006-01-02T15:04:05Z"), t.QuestionType, string(t.Status)
		ans[i], who[i] = len(t.Answers), t.Answerers
	}
	return dataframe.New(
		series.New(com, series.String, "community"),
		series.New(id, series.String, "id"),
		series.New(created, series.String, "created"),
		series.New(qt, series.String, "question_type"),
		series.New(ans, series.Int, "answers"),
		series.New(who, series.Int, "answerers"),
		series.New(st, series.String, "status"),
	)
}

// PairFrame returns near-duplicate pairs as a DataFrame with columns
// earlier_community, earlier_id, later_community, later_id and
// similarity, in the order given.
func PairFrame(pairs []Pair) dataframe.DataFrame {
	n := len(pairs)
	ec, ei, lc, li := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	sim := make([]float64, n)
	for i, p := range pairs {
		ec[i], ei[i], lc[i], li[i], sim[i] = p.EarlierCommunity, p.EarlierID, p.LaterCommunity, p.LaterID, p.Similarity
	}
	return dataframe.New(
		series.New(ec, series.String, "earlier_community"),
		series.New(ei, series.String, "earlier_id"),
		series.New(lc, series.String, "later_community"),
		series.New(li, series.String, "later_id"),
		series.New(sim, series.Float, "similarity"),
	)
}

// OverlapFrame returns the pairwise overlap as a DataFrame with columns a,
// b, shared_authors, authors_jaccard, shared_domains and domains_jaccard,
// in the report's order.
func OverlapFrame(r OverlapReport) dataframe.DataFrame {
	n := len(r.Pairs)
	a, b := make([]string, n), make([]string, n)
	sa, sd := make([]int, n), make([]int, n)
	ja, jd := make([]float64, n), make([]float64, n)
	for i, p := range r.Pairs {
		a[i], b[i], sa[i], sd[i], ja[i], jd[i] = p.A, p.B, p.SharedAuthors, p.SharedDomains, p.AuthorsJaccard, p.DomainsJaccard
	}
	return dataframe.New(
		series.New(a, series.String, "a"),
		series.New(b, series.String, "b"),
		series.New(sa, series.Int, "shared_authors"),
		series.New(ja, series.Float, "authors_jaccard"),
		series.New(sd, series.Int, "shared_domains"),
		series.New(jd, series.Float, "domains_jaccard"),
	)
}
