// Package retention measures whether people who write in a community for
// the first time come back: monthly cohorts of first-time participants and
// the share of each cohort active again one, two and three months later.
//
// # Operational definitions
//
// All measures work on the distinct messages of a group (a community, or
// every community of one profession; see indicator.Groups), taken as given
// (the loaders have removed duplicates). An author is a non-empty
// pseudonym; messages without author are ignored, except in fixing the
// data's last month. At the profession level the same pseudonym in two
// communities is one author.
//
//   - Month: a Europe/Paris calendar month (corpus.Paris): a message at
//     2024-01-31 23:30 UTC belongs to February 2024.
//   - Last month: the month of the latest message of the group (any
//     author, or none).
//   - Cohort of month m: the authors whose first message in the group falls
//     in m. Only months with at least one such author are listed.
//   - Active at lag k (k = 1, 2, 3): a cohort author with at least one
//     message in month m+k, whatever they did in between.
//   - Observable at lag k: m+k is not after the last month. The last month
//     may be partial: its activity is taken as it is.
//   - Cohort retention at lag k: active at k / cohort size; NaN, not 0,
//     when the cohort is not observable at k.
//   - retention_m1, retention_m2, retention_m3: pooled over the cohorts
//     observable at k: (sum of authors active at k) / (sum of their sizes);
//     NaN when no cohort is observable at k.
//
// Authors already active before the export began appear as newcomers of
// its first month (left censoring); read the first cohort with care.
//
// # Indicators
//
// Rows emits retention_m1, retention_m2 and retention_m3 for each
// community and each profession, each with its 95 % interval: the
// cohorts are the units (an author's coming back is not independent of
// the others' of the same month: same season, same events), so the
// interval resamples the cohorts observable at the lag with replacement,
// each carrying its active authors and its size (stats.RatioOfSums, BCa,
// indicator.Inference replicates and seed). With a single observable
// cohort, or cohorts all alike, the interval is not estimable (NaN
// bounds). CompareLag compares two groups the same way
// (stats.Difference).
package retention

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/stats"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Lags is the number of months after its first month a cohort is followed.
const Lags = 3

// IndRetention holds the indicator names emitted by Rows, for lags 1 to 3.
var IndRetention = [Lags]string{"retention_m1", "retention_m2", "retention_m3"}

// Month is a Europe/Paris calendar month.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf returns the Europe/Paris calendar month of t.
func MonthOf(t time.Time) Month {
	p := t.In(corpus.Paris)
	return Month{p.Year(), p.Month()}
}

func (m Month) index() int { return m.Year*12 + int(m.Month) - 1 }

func monthAt(i int) Month { return Month{i / 12, time.Month(i%12 + 1)} }

// String writes m as YYYY-MM.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Add returns the month k months after m (before it when k < 0).
func (m Month) Add(k int) Month { return monthAt(m.index() + k) }

// Before reports whether m is an earlier month than o.
func (m Month) Before(o Month) bool { return m.index() < o.index() }

// Cohort is the authors who first wrote in a given month, followed for
// Lags months.
type Cohort struct {
	Month Month
	Size  int
	// Active[k-1] is the number of the cohort's authors with a message in
	// Month+k.
	Active [Lags]int
	// Observable[k-1] reports whether Month+k is not after the data's last
	// month.
	Observable [Lags]bool
	// Retention[k-1] is Active[k-1]/Size, NaN when not observable.
	Retention [Lags]float64
}

// Cohorts returns the monthly cohorts of msgs in month order, as defined
// in the package documentation. It makes two passes over the messages and
// keeps one entry per author and active month.
func Cohorts(msgs []corpus.Message) []Cohort {
	type authorMonth struct {
		author string
		month  int
	}
	active := map[authorMonth]struct{}{}
	first := map[string]int{}
	last := math.MinInt
	for i := range msgs {
		m := &msgs[i]
		mi := MonthOf(m.Created).index()
		last = max(last, mi)
		if m.Author == "" {
			continue
		}
		active[authorMonth{m.Author, mi}] = struct{}{}
		if f, ok := first[m.Author]; !ok || mi < f {
			first[m.Author] = mi
		}
	}
	byMonth := map[int]*Cohort{}
	for a, f := range first {
		c := byMonth[f]
		if c == nil {
			c = &Cohort{Month: monthAt(f)}
			byMonth[f] = c
		}
		c.Size++
		for k := 1; k <= Lags; k++ {
			if _, ok := active[authorMonth{a, f + k}]; ok {
				c.Active[k-1]++
			}
		}
	}
	out := make([]Cohort, 0, len(byMonth))
	for f, c := range byMonth {
		for k := 1; k <= Lags; k++ {
			c.Observable[k-1] = f+k <= last
			c.Retention[k-1] = math.NaN()
			if c.Observable[k-1] {
				c.Retention[k-1] = float64(c.Active[k-1]) / float64(c.Size)
			}
		}
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Month.Before(out[j].Month) })
	return out
}

// Pool is the cohorts observable at one lag, pooled: the counts behind
// retention_m1 to retention_m3.
type Pool struct {
	// Size is the authors of the cohorts observable at that lag, Active
	// the number of them active again at that lag.
	Size, Active int
	// Retention is Active / Size; NaN when Size is 0 (no cohort is
	// observable at that lag).
	Retention float64
}

// PooledCounts pools, for each lag, the cohorts observable at it.
func PooledCounts(cohorts []Cohort) [Lags]Pool {
	var out [Lags]Pool
	for k := range out {
		p := &out[k]
		for _, c := range cohorts {
			if c.Observable[k] {
				p.Active += c.Active[k]
				p.Size += c.Size
			}
		}
		p.Retention = math.NaN()
		if p.Size > 0 {
			p.Retention = float64(p.Active) / float64(p.Size)
		}
	}
	return out
}

// Pooled returns, for each lag, the authors active at that lag over the
// authors of the cohorts observable at it (PooledCounts); NaN when none
// is observable.
func Pooled(cohorts []Cohort) [Lags]float64 {
	var out [Lags]float64
	for k, p := range PooledCounts(cohorts) {
		out[k] = p.Retention
	}
	return out
}

// Group is the retention of one indicator.Groups group: what Figure 11
// draws.
type Group struct {
	// Community is the community, or for a profession as a whole
	// Community.ID indicator.AllCommunities.
	Community corpus.Community
	// Cohorts are the monthly cohorts, in month order.
	Cohorts []Cohort
	// Newcomers is the number of authors (the sum of the cohort sizes).
	Newcomers int
	// Pooled are retention_m1 to retention_m3 with their counts.
	Pooled [Lags]Pool
	// Estimates are the same retentions with their intervals: a ratio
	// of sums over the cohorts observable at the lag (numerator: a
	// cohort's authors active again, denominator: its size), BCa, the
	// unit "cohorts". Zero when measured without intervals.
	Estimates [Lags]stats.Estimate
}

// Of returns g.Community (indicator.Grouped).
func (g Group) Of() corpus.Community { return g.Community }

// UnitCohorts is the unit the retention intervals resample.
const UnitCohorts = "cohorts"

// Measure computes the cohorts of every indicator.Groups group of c, in
// that order, with the intervals of the pooled retentions
// (indicator.Inference).
func Measure(c *corpus.Corpus) []Group { return MeasureWith(c, indicator.Inference) }

// MeasureWith is Measure with the bootstrap options opts.
func MeasureWith(c *corpus.Corpus, opts stats.Options) []Group {
	var out []Group
	for _, g := range indicator.Groups(c) {
		r := Group{Community: g.Community, Cohorts: Cohorts(g.Messages)}
		for _, co := range r.Cohorts {
			r.Newcomers += co.Size
		}
		r.Pooled = PooledCounts(r.Cohorts)
		for k := range Lags {
			active, size := observable(r.Cohorts, k)
			r.Estimates[k] = stats.RatioOfSums(active, size, withUnit(opts))
		}
		out = append(out, r)
	}
	return out
}

func withUnit(opts stats.Options) stats.Options {
	opts.Unit = UnitCohorts
	return opts
}

// observable returns the active authors and sizes of the cohorts
// observable at lag k+1, in month order.
func observable(cohorts []Cohort, k int) (active, size []float64) {
	for _, c := range cohorts {
		if c.Observable[k] {
			active = append(active, float64(c.Active[k]))
			size = append(size, float64(c.Size))
		}
	}
	return active, size
}

// CompareLag compares the retention at lag k (1 to Lags) between groups
// a and b: a − b with its bootstrap interval over the cohorts observable
// at k (resampled within each group) and a permutation p-value
// (stats.Difference).
func CompareLag(a, b Group, k int, opts stats.Options) stats.Comparison {
	na, sa := observable(a.Cohorts, k-1)
	nb, sb := observable(b.Cohorts, k-1)
	num, den := append(na, nb...), append(sa, sb...)
	return stats.Difference(len(na), len(nb), func(idx []int) float64 {
		var x, y float64
		for _, i := range idx {
			x += num[i]
			y += den[i]
		}
		if y == 0 {
			return math.NaN()
		}
		return x / y
	}, withUnit(opts))
}

// Rows returns retention_m1 to retention_m3 of every community and
// profession of c, with their intervals, in canonical order
// (indicator.Sort).
func Rows(c *corpus.Corpus) []indicator.Row {
	var rows []indicator.Row
	for _, g := range Measure(c) {
		for k := range g.Pooled {
			r := indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: IndRetention[k]}
			r.SetEstimate(g.Estimates[k])
			rows = append(rows, r)
		}
	}
	indicator.Sort(rows)
	return rows
}

// Frame returns the cohorts of every group of c (indicator.Groups order,
// then cohort month), one row per cohort and lag; columns community,
// profession, cohort (YYYY-MM), size, lag, active, observable, retention
// (NaN when not observable).
func Frame(c *corpus.Corpus) dataframe.DataFrame {
	var com, prof, month []string
	var size, lag, act []int
	var obs []bool
	var ret []float64
	for _, g := range indicator.Groups(c) {
		for _, co := range Cohorts(g.Messages) {
			for k := 0; k < Lags; k++ {
				com = append(com, g.Community.ID)
				prof = append(prof, string(g.Community.Profession))
				month = append(month, co.Month.String())
				size = append(size, co.Size)
				lag = append(lag, k+1)
				act = append(act, co.Active[k])
				obs = append(obs, co.Observable[k])
				ret = append(ret, co.Retention[k])
			}
		}
	}
	return dataframe.New(
		series.New(com, series.String, "community"),
		series.New(prof, series.String, "profession"),
		series.New(month, series.String, "cohort"),
		series.New(size, series.Int, "size"),
		series.New(lag, series.Int, "lag"),
		series.New(act, series.Int, "active"),
		series.New(obs, series.Bool, "observable"),
		series.New(ret, series.Float, "retention"),
	)
}
