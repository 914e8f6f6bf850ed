// Package participation measures who takes part in a community and how
// unequally: distinct authors, the share of silent members (lurkers), and
// the distribution of messages over authors (Lorenz curve, Gini, share of
// the most active tenth).
//
// # Operational definitions
//
// All measures work on the distinct messages of a group (a community, or
// every community of one profession; see indicator.Groups), taken as given
// (the loaders have removed duplicates). An author is a non-empty
// pseudonym (corpus.Message.Author); at the profession level the same
// pseudonym in two communities is one author. Messages without author are
// excluded from every author-based measure and counted apart.
//
//   - authors: the number of distinct non-empty authors, n.
//   - anonymous_messages: the number of messages with an empty author.
//   - x_i: the number of messages of author i (>= 1); X = sum x_i, the
//     authored messages.
//   - messages_per_author_mean: X / n; NaN when n = 0.
//   - messages_per_author_median: the median of the x_i (the mean of the two
//     middle values when n is even); NaN when n = 0.
//   - gini_messages_per_author: the Gini with its small-sample
//     correction, G* = n/(n − 1) · G, where G = sum_i sum_j |x_i - x_j| /
//     (2 n^2 mean), mean = X / n, is the plain Gini (Gini), computed as
//     sum_k (2k - n - 1) x_(k) / (n^2 mean) over the x sorted ascending (k
//     = 1..n), which is the same number. G* is the mean absolute difference
//     over the n(n − 1) pairs of distinct authors divided by twice the
//     mean: 1 when one author writes everything, whatever n, where G
//     would be 1 − 1/n; the communities range from a few dozen to
//     thousands of authors, and G would compare them on a scale that
//     depends on n (stats.GiniCorrected). NaN when n < 2 (a single author
//     has no pair) and when n = 0. Until issue 12 the study reported G;
//     G* is larger by the factor n/(n − 1): 1.25 for 5 authors, 1.001 for
//     1,000.
//   - top10_share: the messages of the ceil(n/10) authors with the most
//     messages, divided by X (authored messages). Ties at the cut do not
//     change the value. NaN when n = 0.
//   - Lorenz curve: the points (k/n, (x_(1) + ... + x_(k)) / X) for k = 0..n,
//     authors sorted by ascending number of messages; one point per author,
//     ties included.
//   - members: for a community, Members of its latest panel observation
//     (indicator.Latest: largest Observed; among equal dates the last in
//     corpus order, the rule every figure uses too); for a
//     profession, the sum of members over its communities that have a panel.
//     Emitted only when at least one panel exists.
//   - lurker_share: for a community with a panel, 1 - authors / members
//     (authors over the whole data, members at the latest observation). Not
//     clamped: a negative value means more authors in the data than members
//     shown on the panel. For a profession, the pooled share over
//     memberships of its communities with a panel: 1 - sum authors_c /
//     sum members_c, so a person in two groups counts in each. When no
//     panel exists (Twitter communities) it cannot be measured: NaN with
//     reason "no panel observation" (indicator.ReasonNoPanel; written
//     empty in indicators.csv). NaN when members is 0.
//
// # Intervals
//
// Authors are the units: the messages of one author are not independent
// (an author who writes much writes much in every month), so every
// interval resamples authors, at indicator.Inference's level (95 %) with
// its replicates and seed (1,000, stats.DefaultSeed).
//
//   - gini_messages_per_author: BCa bootstrap of G* over authors
//     (stats.GiniEstimate).
//   - top10_share: BCa bootstrap over authors, each resample recomputing
//     ceil(m/10) and the share of its most active authors.
//   - messages_per_author_mean: BCa bootstrap over authors
//     (stats.MeanPerUnit); messages_per_author_median: percentile
//     bootstrap over authors (indicator.Median).
//   - lurker_share: Wilson interval of the members who never wrote among
//     the members (stats.Wilson, unit "members"), when 0 ≤ authors ≤
//     members; without interval otherwise (more authors than members: the
//     share is negative and no proportion of members).
//   - The Lorenz curve (LorenzBand, Figure 8): at the shares of authors
//     LorenzGrid, the pointwise percentile band over authors (the band of
//     stats.LorenzBand, computed in O(n) per replicate).
//   - Between two professions (CompareProfessions): the difference of G*,
//     A − B, with its BCa bootstrap interval resampling authors within
//     each profession and a permutation p-value (stats.Difference),
//     claimed only when its interval excludes 0.
//
// # Indicators
//
// Rows emits, for each community and each profession: authors,
// anonymous_messages, messages_per_author_mean, messages_per_author_median,
// gini_messages_per_author, top10_share, lurker_share and, when a panel
// exists, members; the shares, the Gini and the mean and median with
// their interval (lo, hi, n, unit, method).
package participation

import (
	"math"
	"sort"
	"sync"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/stats"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Indicator names emitted by Rows.
const (
	IndAuthors           = "authors"
	IndAnonymousMessages = "anonymous_messages"
	IndMeanPerAuthor     = "messages_per_author_mean"
	IndMedianPerAuthor   = "messages_per_author_median"
	IndGini              = "gini_messages_per_author"
	IndTop10Share        = "top10_share"
	IndLurkerShare       = "lurker_share"
	IndMembers           = "members"
)

// AuthorCount is the number of messages of one author.
type AuthorCount struct {
	Author   string // pseudonym
	Messages int
}

// PerAuthor counts the messages of every non-empty author of msgs, most
// active first (ties by pseudonym), and the messages without author.
func PerAuthor(msgs []corpus.Message) (counts []AuthorCount, anonymous int) {
	by := map[string]int{}
	for i := range msgs {
		if a := msgs[i].Author; a == "" {
			anonymous++
		} else {
			by[a]++
		}
	}
	counts = make([]AuthorCount, 0, len(by))
	for a, n := range by {
		counts = append(counts, AuthorCount{a, n})
	}
	sort.Slice(counts, func(i, j int) bool {
		if counts[i].Messages != counts[j].Messages {
			return counts[i].Messages > counts[j].Messages
		}
		return counts[i].Author < counts[j].Author
	})
	return counts, anonymous
}

// Values returns the message counts of counts, in the same order.
func Values(counts []AuthorCount) []int {
	x := make([]int, len(counts))
	for i, c := range counts {
		x[i] = c.Messages
	}
	return x
}

func sortedCopy(x []int) []int {
	s := append([]int(nil), x...)
	sort.Ints(s)
	return s
}

func sum(x []int) int {
	t := 0
	for _, v := range x {
		t += v
	}
	return t
}

// Gini returns the plain Gini G = sum_i sum_j |x_i - x_j| / (2 n^2 mean)
// of x, computed in O(n log n); NaN when x is empty or sums to 0. The
// study reports G* = n/(n − 1) · G (Summary.Gini, stats.GiniEstimate); G
// is the value scripts/benchgo checks against pandas.
func Gini(x []int) float64 {
	n := len(x)
	t := sum(x)
	if n == 0 || t == 0 {
		return math.NaN()
	}
	s := sortedCopy(x)
	var acc float64
	for k, v := range s {
		acc += float64(2*(k+1)-n-1) * float64(v)
	}
	// n^2 mean = n * t.
	return acc / (float64(n) * float64(t))
}

// Top10 returns the ceil(n/10) largest values of x: their number k and
// their sum, the counts behind Top10Share.
func Top10(x []int) (k, held int) {
	n := len(x)
	s := sortedCopy(x)
	k = (n + 9) / 10
	return k, sum(s[n-k:])
}

// Top10Share returns the share of the total of x held by its ceil(n/10)
// largest values; NaN when x is empty or sums to 0.
func Top10Share(x []int) float64 {
	n := len(x)
	t := sum(x)
	if n == 0 || t == 0 {
		return math.NaN()
	}
	_, held := Top10(x)
	return float64(held) / float64(t)
}

// Mean returns the mean of x, NaN when empty.
func Mean(x []int) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	return float64(sum(x)) / float64(len(x))
}

// Median returns the median of x (the mean of the two middle values when
// the count is even), NaN when empty.
func Median(x []int) float64 {
	n := len(x)
	if n == 0 {
		return math.NaN()
	}
	s := sortedCopy(x)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// LorenzPoint is one point of a Lorenz curve: the share of authors (least
// active first) and the share of messages they wrote.
type LorenzPoint struct {
	Authors  float64
	Messages float64
}

// Lorenz returns the Lorenz curve of x: n+1 points from (0, 0) to (1, 1),
// values sorted ascending. It is empty when x is empty or sums to 0.
func Lorenz(x []int) []LorenzPoint {
	n := len(x)
	t := sum(x)
	if n == 0 || t == 0 {
		return nil
	}
	s := sortedCopy(x)
	pts := make([]LorenzPoint, n+1)
	cum := 0
	for k, v := range s {
		cum += v
		pts[k+1] = LorenzPoint{float64(k+1) / float64(n), float64(cum) / float64(t)}
	}
	return pts
}

// LurkerShare returns 1 - authors/members, NaN when members is not
// positive.
func LurkerShare(authors, members int) float64 {
	if members <= 0 {
		return math.NaN()
	}
	return 1 - float64(authors)/float64(members)
}

// Summary holds the scalar indicators of a group, each with its interval
// (see "Intervals" in the package documentation), and the counts behind
// them.
type Summary struct {
	Messages    int
	Anonymous   int // messages without author
	Authors     int
	HasPanel    bool
	Members     int            // see the package documentation; 0 without panel
	LurkerShare stats.Estimate // NaN value without panel
	// MeanPerAuthor and MedianPerAuthor are messages_per_author_mean and
	// messages_per_author_median.
	MeanPerAuthor   stats.Estimate
	MedianPerAuthor stats.Estimate
	// Gini is gini_messages_per_author, the corrected G*.
	Gini       stats.Estimate
	Top10Share stats.Estimate
	// Top10Authors is the number of most active authors top10_share
	// counts, Top10Messages their messages.
	Top10Authors, Top10Messages int
}

// UnitAuthors is the unit the family's bootstraps resample.
const UnitAuthors = "authors"

// Options returns the options of the family's bootstraps:
// indicator.Inference with unit "authors".
func Options() stats.Options {
	o := indicator.Inference
	o.Unit = UnitAuthors
	return o
}

func nanEstimate() stats.Estimate {
	nan := math.NaN()
	return stats.Estimate{Value: nan, Lo: nan, Hi: nan}
}

// Summarize computes the author-based indicators of msgs with their
// intervals. Members and LurkerShare are left unset (0 and NaN): they
// need the panels, see Measure.
func Summarize(msgs []corpus.Message) Summary {
	counts, anon := PerAuthor(msgs)
	return summarize(Values(counts), len(msgs), anon)
}

func summarize(x []int, messages, anon int) Summary {
	k, held := Top10(x)
	xf := stats.Floats(x)
	opts := Options()
	return Summary{
		Top10Authors:    k,
		Top10Messages:   held,
		Messages:        messages,
		Anonymous:       anon,
		Authors:         len(x),
		LurkerShare:     nanEstimate(),
		MeanPerAuthor:   stats.MeanPerUnit(xf, opts),
		MedianPerAuthor: indicator.Median(xf, opts),
		Gini:            stats.GiniEstimate(xf, opts),
		Top10Share:      stats.Bootstrap(len(x), top10Stat(x), opts),
	}
}

// top10Stat returns top10_share of the authors idx of x: the units are
// sorted once and a resample walked from the most active down with each
// unit's multiplicity, O(n) per replicate.
func top10Stat(x []int) func(idx []int) float64 {
	n := len(x)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return x[order[a]] > x[order[b]] })
	rank := make([]int, n)
	for r, i := range order {
		rank[i] = r
	}
	pool := sync.Pool{New: func() any { return make([]int, n) }}
	return func(idx []int) float64 {
		m := len(idx)
		if m == 0 {
			return math.NaN()
		}
		cnt := pool.Get().([]int)
		clear(cnt)
		var total float64
		for _, i := range idx {
			cnt[rank[i]]++
			total += float64(x[i])
		}
		left := (m + 9) / 10
		var held float64
		for r := 0; r < n && left > 0; r++ {
			take := min(cnt[r], left)
			held += float64(take * x[order[r]])
			left -= take
		}
		pool.Put(cnt)
		if total == 0 {
			return math.NaN()
		}
		return held / total
	}
}

// lurkers returns lurker_share 1 − authors/members with its Wilson
// interval over members when 0 ≤ authors ≤ members, the value alone
// otherwise.
func lurkers(authors, members int) stats.Estimate {
	if members > 0 && authors >= 0 && authors <= members {
		return stats.Wilson(members-authors, members, indicator.Inference.Level, "members")
	}
	e := nanEstimate()
	e.Value = LurkerShare(authors, members)
	return e
}

// Summaries computes the Summary of every group of c (indicator.Groups
// order), with members and lurker shares from the panels as defined in the
// package documentation.
func Summaries(c *corpus.Corpus) []Summary {
	gs := Measure(c)
	out := make([]Summary, len(gs))
	for i, g := range gs {
		out[i] = g.Summary
	}
	return out
}

// LorenzGrid is the shares of authors at which LorenzBand gives the
// Lorenz curve and its band: 0, 0.01, ..., 1.
var LorenzGrid = func() []float64 {
	p := make([]float64, 101)
	for i := range p {
		p[i] = float64(i) / 100
	}
	return p
}()

// Group is the participation of one indicator.Groups group: its
// indicators and the Lorenz curve Figure 8 draws.
type Group struct {
	// Community is the community, or for a profession as a whole
	// Community.ID indicator.AllCommunities.
	Community corpus.Community
	// Summary holds the scalar indicators, with the counts behind them
	// (Authors, Messages, Anonymous, Members).
	Summary Summary
	// PerAuthor is the messages of each author, most active first
	// (Values of PerAuthor): the units the intervals resample.
	PerAuthor []int
	// Lorenz is the Lorenz curve of the messages per author (empty
	// without authors).
	Lorenz []LorenzPoint
	// LorenzBand is the Lorenz curve at the shares of authors LorenzGrid
	// with its pointwise percentile band over authors (stats.LorenzBand);
	// NaN everywhere without authors.
	LorenzBand stats.Band
}

// Of returns g.Community (indicator.Grouped).
func (g Group) Of() corpus.Community { return g.Community }

// Measure computes the participation of every indicator.Groups group of
// c, in that order, with members and lurker shares from the panels.
func Measure(c *corpus.Corpus) []Group {
	groups := indicator.Groups(c)
	out := make([]Group, len(groups))
	type pool struct {
		authors, members int
		any              bool
	}
	pools := map[corpus.Profession]*pool{}
	for i, g := range groups {
		counts, anon := PerAuthor(g.Messages)
		x := Values(counts)
		s := summarize(x, len(g.Messages), anon)
		if g.Community.ID == indicator.AllCommunities {
			if p := pools[g.Community.Profession]; p != nil && p.any {
				s.HasPanel, s.Members = true, p.members
				s.LurkerShare = lurkers(p.authors, p.members)
			}
		} else if p, ok := indicator.LatestPanel(c.Panels, g.Community.ID); ok {
			s.HasPanel, s.Members = true, p.Members
			s.LurkerShare = lurkers(s.Authors, p.Members)
			pl := pools[g.Community.Profession]
			if pl == nil {
				pl = &pool{}
				pools[g.Community.Profession] = pl
			}
			pl.any = true
			pl.authors += s.Authors
			pl.members += p.Members
		}
		out[i] = Group{Community: g.Community, Summary: s, PerAuthor: x, Lorenz: Lorenz(x), LorenzBand: LorenzBand(x)}
	}
	return out
}

// LorenzBand returns the Lorenz curve of x at the shares LorenzGrid with
// its pointwise percentile band over authors: stats.CurveBand with
// Options, each replicate's curve being stats.LorenzAt of its resampled
// values (so the band is stats.LorenzBand's), computed by walking the
// units sorted once with each one's multiplicity, O(n + len(LorenzGrid))
// per replicate instead of a sort and a sum per point.
func LorenzBand(x []int) stats.Band {
	n := len(x)
	s := sortedCopy(x)
	pool := sync.Pool{New: func() any { return make([]int, n) }}
	return stats.CurveBand(n, len(LorenzGrid), func(idx []int, out []float64) {
		// Units are indices into s, the values sorted: resampling s is
		// resampling x.
		cnt := pool.Get().([]int)
		clear(cnt)
		var total float64
		for _, i := range idx {
			cnt[i]++
			total += float64(s[i])
		}
		m := len(idx)
		if m == 0 || total == 0 {
			for j := range out {
				out[j] = math.NaN()
			}
			pool.Put(cnt)
			return
		}
		j := 0
		pos, cum := 0, 0.0 // values before position pos, and their sum
		for r := 0; r < n && j < len(out); r++ {
			c := cnt[r]
			if c == 0 {
				continue
			}
			v := float64(s[r])
			for j < len(out) {
				q := LorenzGrid[j] * float64(m)
				k := min(int(q), m)
				if k >= pos+c {
					break
				}
				// Positions pos..pos+c−1 hold v: C_k = cum + (k−pos)·v,
				// and the value at position k is v.
				out[j] = (cum + float64(k-pos)*v + (q-float64(k))*v) / total
				j++
			}
			pos += c
			cum += float64(c) * v
		}
		for ; j < len(out); j++ { // p = 1: every value
			out[j] = cum / total
		}
		pool.Put(cnt)
	}, Options())
}

// Comparison is the difference of gini_messages_per_author (G*) between
// two professions A and B (in ascending order of their names).
type Comparison struct {
	A, B corpus.Profession
	// Gini is G*(A) − G*(B) over their authors (stats.Difference: BCa
	// bootstrap within each profession's authors, permutation p-value),
	// claimed only when its interval excludes 0.
	Gini stats.Comparison
}

// CompareProfessions compares every pair of professions among the
// measured groups (Measure), in ascending order of names (A before B), on
// their authors.
func CompareProfessions(groups []Group) []Comparison {
	profs := indicator.Professions(groups)
	sort.Slice(profs, func(i, j int) bool { return profs[i].Community.Profession < profs[j].Community.Profession })
	var out []Comparison
	for i := range profs {
		for j := i + 1; j < len(profs); j++ {
			a, b := profs[i], profs[j]
			x := append(append([]int(nil), a.PerAuthor...), b.PerAuthor...)
			c := stats.Difference(len(a.PerAuthor), len(b.PerAuthor), giniStat(x), Options())
			out = append(out, Comparison{A: a.Community.Profession, B: b.Community.Profession, Gini: c})
		}
	}
	return out
}

// giniStat returns G* of the units idx of x, walking the units sorted
// once with each one's multiplicity (O(n) per call): a run of c copies of
// v from position k (1-based) adds v·c·(2k + c − 2 − m) to the sum over
// the m values.
func giniStat(x []int) func(idx []int) float64 {
	n := len(x)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return x[order[a]] < x[order[b]] })
	rank := make([]int, n)
	for r, i := range order {
		rank[i] = r
	}
	pool := sync.Pool{New: func() any { return make([]int, n) }}
	return func(idx []int) float64 {
		m := len(idx)
		if m < 2 {
			return math.NaN()
		}
		cnt := pool.Get().([]int)
		clear(cnt)
		for _, i := range idx {
			cnt[rank[i]]++
		}
		var sum, w float64
		k := 1
		for r, c := range cnt {
			if c == 0 {
				continue
			}
			v := float64(x[order[r]])
			sum += float64(c) * v
			w += v * float64(c*(2*k+c-2-m))
			k += c
		}
		pool.Put(cnt)
		if sum == 0 {
			return math.NaN()
		}
		return float64(m) / float64(m-1) * w / (float64(m) * sum)
	}
}

// Rows returns the scalar indicators of every community and profession of
// c, in canonical order (indicator.Sort), with their intervals.
func Rows(c *corpus.Corpus) []indicator.Row { return GroupRows(Measure(c)) }

// GroupRows returns the scalar indicators of measured groups (Measure), in
// canonical order.
func GroupRows(groups []Group) []indicator.Row {
	var rows []indicator.Row
	for _, g := range groups {
		s := g.Summary
		add := func(name string, v float64) {
			rows = append(rows, indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: name, Value: v})
		}
		est := func(name string, e stats.Estimate) {
			r := indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: name}
			r.SetEstimate(e)
			rows = append(rows, r)
		}
		add(IndAuthors, float64(s.Authors))
		add(IndAnonymousMessages, float64(s.Anonymous))
		est(IndMeanPerAuthor, s.MeanPerAuthor)
		est(IndMedianPerAuthor, s.MedianPerAuthor)
		est(IndGini, s.Gini)
		est(IndTop10Share, s.Top10Share)
		if s.HasPanel {
			if s.LurkerShare.Method != "" {
				est(IndLurkerShare, s.LurkerShare)
			} else {
				add(IndLurkerShare, s.LurkerShare.Value)
			}
			add(IndMembers, float64(s.Members))
		} else {
			rows = append(rows, indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: IndLurkerShare, Value: math.NaN(), Reason: indicator.ReasonNoPanel})
		}
	}
	indicator.Sort(rows)
	return rows
}

// DistributionFrame returns, for every group of c (indicator.Groups
// order), how many authors wrote each number of messages, by ascending
// number of messages; columns community, profession, messages, authors.
func DistributionFrame(c *corpus.Corpus) dataframe.DataFrame {
	var com, prof []string
	var msgs, authors []int
	for _, g := range indicator.Groups(c) {
		counts, _ := PerAuthor(g.Messages)
		// counts is by descending messages: walk it backwards.
		for i := len(counts) - 1; i >= 0; {
			j := i
			for j >= 0 && counts[j].Messages == counts[i].Messages {
				j--
			}
			com = append(com, g.Community.ID)
			prof = append(prof, string(g.Community.Profession))
			msgs = append(msgs, counts[i].Messages)
			authors = append(authors, i-j)
			i = j
		}
	}
	return dataframe.New(
		series.New(com, series.String, "community"),
		series.New(prof, series.String, "profession"),
		series.New(msgs, series.Int, "messages"),
		series.New(authors, series.Int, "authors"),
	)
}

// LorenzFrame returns the Lorenz curve of every group of c (indicator.Groups
// order, points from (0, 0)); columns community, profession, authors_share,
// messages_share.
func LorenzFrame(c *corpus.Corpus) dataframe.DataFrame {
	var com, prof []string
	var as, ms []float64
	for _, g := range indicator.Groups(c) {
		counts, _ := PerAuthor(g.Messages)
		for _, p := range Lorenz(Values(counts)) {
			com = append(com, g.Community.ID)
			prof = append(prof, string(g.Community.Profession))
			as = append(as, p.Authors)
			ms = append(ms, p.Messages)
		}
	}
	return dataframe.New(
		series.New(com, series.String, "community"),
		series.New(prof, series.String, "profession"),
		series.New(as, series.Float, "authors_share"),
		series.New(ms, series.Float, "messages_share"),
	)
}
