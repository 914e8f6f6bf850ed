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
//   - gini_messages_per_author: G = sum_i sum_j |x_i - x_j| / (2 n^2 mean),
//     mean = X / n, computed as sum_k (2k - n - 1) x_(k) / (n^2 mean) over
//     the x sorted ascending (k = 1..n), which is the same number. 0 for a
//     single author; NaN when n = 0.
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
// # Indicators
//
// Rows emits, for each community and each profession: authors,
// anonymous_messages, messages_per_author_mean, messages_per_author_median,
// gini_messages_per_author, top10_share, lurker_share and, when a panel
// exists, members.
package participation

import (
	"math"
	"sort"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
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

// Gini returns sum_i sum_j |x_i - x_j| / (2 n^2 mean) for x, computed in
// O(n log n); NaN when x is empty or sums to 0.
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

// Summary holds the scalar indicators of a group.
type Summary struct {
	Messages        int
	Anonymous       int // messages without author
	Authors         int
	HasPanel        bool
	Members         int // see the package documentation; 0 without panel
	LurkerShare     float64
	MeanPerAuthor   float64
	MedianPerAuthor float64
	Gini            float64
	Top10Share      float64
	// Top10Authors is the number of most active authors top10_share
	// counts, Top10Messages their messages.
	Top10Authors, Top10Messages int
}

// Summarize computes the author-based indicators of msgs. Members and
// LurkerShare are left unset (0 and NaN): they need the panels, see Rows.
func Summarize(msgs []corpus.Message) Summary {
	counts, anon := PerAuthor(msgs)
	x := Values(counts)
	k, held := Top10(x)
	return Summary{
		Top10Authors:    k,
		Top10Messages:   held,
		Messages:        len(msgs),
		Anonymous:       anon,
		Authors:         len(x),
		LurkerShare:     math.NaN(),
		MeanPerAuthor:   Mean(x),
		MedianPerAuthor: Median(x),
		Gini:            Gini(x),
		Top10Share:      Top10Share(x),
	}
}

// Summaries computes the Summary of every group of c (indicator.Groups
// order), with members and lurker shares from the panels as defined in the
// package documentation.
func Summaries(c *corpus.Corpus) []Summary {
	return summaries(c, indicator.Groups(c))
}

func summaries(c *corpus.Corpus, groups []indicator.Group) []Summary {
	out := make([]Summary, len(groups))
	type pool struct {
		authors, members int
		any              bool
	}
	pools := map[corpus.Profession]*pool{}
	for i, g := range groups {
		s := Summarize(g.Messages)
		if g.Community.ID == indicator.AllCommunities {
			if p := pools[g.Community.Profession]; p != nil && p.any {
				s.HasPanel, s.Members = true, p.members
				s.LurkerShare = LurkerShare(p.authors, p.members)
			}
		} else if p, ok := indicator.LatestPanel(c.Panels, g.Community.ID); ok {
			s.HasPanel, s.Members = true, p.Members
			s.LurkerShare = LurkerShare(s.Authors, p.Members)
			pl := pools[g.Community.Profession]
			if pl == nil {
				pl = &pool{}
				pools[g.Community.Profession] = pl
			}
			pl.any = true
			pl.authors += s.Authors
			pl.members += p.Members
		}
		out[i] = s
	}
	return out
}

// Group is the participation of one indicator.Groups group: its
// indicators and the Lorenz curve Figure 8 draws.
type Group struct {
	// Community is the community, or for a profession as a whole
	// Community.ID indicator.AllCommunities.
	Community corpus.Community
	// Summary holds the scalar indicators, with the counts behind them
	// (Authors, Messages, Anonymous, Members).
	Summary Summary
	// Lorenz is the Lorenz curve of the messages per author (empty
	// without authors).
	Lorenz []LorenzPoint
}

// Of returns g.Community (indicator.Grouped).
func (g Group) Of() corpus.Community { return g.Community }

// Measure computes the participation of every indicator.Groups group of
// c, in that order, with members and lurker shares from the panels.
func Measure(c *corpus.Corpus) []Group {
	groups := indicator.Groups(c)
	out := make([]Group, len(groups))
	for i, s := range summaries(c, groups) {
		counts, _ := PerAuthor(groups[i].Messages)
		out[i] = Group{Community: groups[i].Community, Summary: s, Lorenz: Lorenz(Values(counts))}
	}
	return out
}

// Rows returns the scalar indicators of every community and profession of
// c, in canonical order (indicator.Sort).
func Rows(c *corpus.Corpus) []indicator.Row {
	var rows []indicator.Row
	groups := indicator.Groups(c)
	for i, s := range summaries(c, groups) {
		g := groups[i]
		add := func(name string, v float64) {
			rows = append(rows, indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: name, Value: v})
		}
		add(IndAuthors, float64(s.Authors))
		add(IndAnonymousMessages, float64(s.Anonymous))
		add(IndMeanPerAuthor, s.MeanPerAuthor)
		add(IndMedianPerAuthor, s.MedianPerAuthor)
		add(IndGini, s.Gini)
		add(IndTop10Share, s.Top10Share)
		if s.HasPanel {
			add(IndLurkerShare, s.LurkerShare)
		} else {
			rows = append(rows, indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: IndLurkerShare, Value: math.NaN(), Reason: indicator.ReasonNoPanel})
		}
		if s.HasPanel {
			add(IndMembers, float64(s.Members))
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
