// Package rhythm measures when communities write: counts by hour of the
// day and day of the week, the share of messages written outside working
// hours, and a comparison of the two professions.
//
// # Operational definitions
//
// All measures work on the distinct messages of a group (a community, or
// every community of one profession; see indicator.Groups), taken as given
// (the loaders have removed duplicates). Times are read in Europe/Paris
// local time (corpus.Paris), so a message keeps its wall-clock hour across
// daylight-saving changes: on the spring change day no message falls at
// 02:xx, on the autumn change day 02:xx covers two real hours.
//
//   - Grid: the 7 x 24 counts of messages by local weekday (Monday = 0 ...
//     Sunday = 6) and local hour (0-23, the hour of the clock: 08:59:59 is
//     hour 8).
//   - Shares: each cell divided by the group's messages (NaN for an empty
//     group); the 168 shares sum to 1.
//   - off_hours_share: the share of messages created outside Monday-Friday
//     from 08:00 (inclusive) to 19:00 (exclusive), local time; that is,
//     messages on Saturday or Sunday, or before 08:00, or at 19:00 or later.
//     Public holidays are not treated apart. NaN for an empty group.
//
// # Comparing professions
//
// For two professions a and b (in ascending order of their names, so
// general-practitioner before home-care-aide), Compare gives:
//
//   - OffHoursDiff = off_hours_share(a) - off_hours_share(b), each over all
//     messages of the profession; OffHours the same difference with its
//     interval over authors (see Intervals).
//   - Chi2: Pearson's chi-square statistic of homogeneity of the two hour
//     distributions: the 2 x 24 table O of message counts by profession and
//     local hour (weekdays pooled), restricted to the hours with at least one
//     message in either profession; E = row total x column total / N;
//     Chi2 = sum (O - E)^2 / E; DF = (number of hours kept) - 1; P is the
//     upper tail of the chi-square distribution with DF degrees of freedom
//     (gonum distuv). Chi2 and P are NaN (DF 0) when a profession has no
//     message or fewer than two hours are kept. With large corpora the test
//     rejects almost any difference: read Chi2 as a descriptive distance and
//     prefer the shares for substance; with expected counts below 5 the
//     chi-square approximation of P is poor.
//
// # Intervals
//
// off_hours_share is a share of messages, but the messages of one author
// are not independent draws: an author who writes at night writes many
// of their messages at night, and a few authors write most messages
// (package participation). Counting messages as independent (a Wilson
// interval over messages) would give an interval far too narrow. The
// unit resampled is the author: off_hours_share is the ratio of sums
// Σ off-hours messages / Σ messages over authors, with its BCa bootstrap
// interval over authors (stats.RatioOfSums), at indicator.Inference's
// level (95 %), replicates and seed (1,000, stats.DefaultSeed). A message
// without author is a unit of its own. The units are ordered by their
// values (messages, off-hours messages, weekend messages), so the interval depends on
// the messages only, not on their order.
//
// The share of messages written on the weekend (Group.Weekend, read by
// notebook 02) is estimated the same way. Between two professions,
// Compare adds the difference of off-hours shares (and of weekend
// shares) with its BCa bootstrap interval resampling authors within each
// profession and a permutation p-value (stats.Difference); a difference
// is claimed only when its interval excludes 0. The chi-square below
// counts messages as independent and is kept as a descriptive distance.
//
// # Indicators
//
// Rows emits off_hours_share for each community and each profession,
// with its interval (lo, hi, n, unit "authors", method). The
// comparison between professions has no community, so it is not a Row: it
// is given by CompareProfessions and ComparisonFrame.
package rhythm

import (
	"math"
	"sort"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/stats"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/gonum/stat/distuv"
)

// IndOffHoursShare is the indicator name emitted by Rows.
const IndOffHoursShare = "off_hours_share"

// Working hours, Europe/Paris local time: the first WorkDays days of the
// week (Monday to Friday) from WorkStart (inclusive) to WorkEnd
// (exclusive). Working is the rule; every measure and figure uses it.
const (
	WorkDays  = 5
	WorkStart = 8
	WorkEnd   = 19
)

// Working reports whether an hour of a weekday (a Grid cell: Monday 0 to
// Sunday 6, hour 0 to 23, Europe/Paris) is a working hour.
func Working(weekday, hour int) bool {
	return weekday < WorkDays && hour >= WorkStart && hour < WorkEnd
}

// Weekdays names the rows of a Grid, Monday first.
var Weekdays = [7]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// Weekday returns the Grid row of t's Europe/Paris weekday: Monday 0 to
// Sunday 6.
func Weekday(t time.Time) int { return (int(t.In(corpus.Paris).Weekday()) + 6) % 7 }

// Grid counts messages by Europe/Paris weekday (Monday first) and hour.
type Grid [7][24]int

// Counts returns the Grid of msgs.
func Counts(msgs []corpus.Message) Grid {
	var g Grid
	var c parisClock
	for i := range msgs {
		d, h := c.at(msgs[i].Created)
		g[d][h]++
	}
	return g
}

// parisClock gives the Europe/Paris weekday (Monday first, as Weekday) and
// hour of instants, as t.In(corpus.Paris) does, reading the zone once per
// period of constant UTC offset (time.Time.ZoneBounds) rather than once
// per instant: messages come in time order, so consecutive ones mostly
// share their period.
type parisClock struct {
	start, end int64 // the period, in Unix seconds: [start, end)
	offset     int64 // seconds east of UTC in the period
	ok         bool
}

func (c *parisClock) at(t time.Time) (weekday, hour int) {
	u := t.Unix() // floor: the seconds the zone is looked up by
	if !c.ok || u < c.start || u >= c.end {
		p := t.In(corpus.Paris)
		_, off := p.Zone()
		s, e := p.ZoneBounds()
		c.start, c.end, c.offset, c.ok = math.MinInt64, math.MaxInt64, int64(off), true
		if !s.IsZero() {
			c.start = s.Unix()
		}
		if !e.IsZero() {
			c.end = e.Unix()
		}
	}
	local := u + c.offset
	days := local / 86400
	if local%86400 < 0 {
		days--
	}
	hour = int((local - days*86400) / 3600)
	// 1970-01-01 was a Thursday: weekday 3, Monday first.
	weekday = int((days%7 + 7 + 3) % 7)
	return weekday, hour
}

// Total returns the number of messages counted in g.
func (g *Grid) Total() int {
	n := 0
	for d := range g {
		for h := range g[d] {
			n += g[d][h]
		}
	}
	return n
}

// Hours returns the counts by hour, weekdays pooled.
func (g *Grid) Hours() [24]int {
	var out [24]int
	for d := range g {
		for h := range g[d] {
			out[h] += g[d][h]
		}
	}
	return out
}

// Shares returns each cell divided by the total (NaN everywhere when g is
// empty).
func (g *Grid) Shares() [7][24]float64 {
	var s [7][24]float64
	n := float64(g.Total())
	for d := range g {
		for h := range g[d] {
			s[d][h] = float64(g[d][h]) / n
			if n == 0 {
				s[d][h] = math.NaN()
			}
		}
	}
	return s
}

// OffHours returns the number of messages counted in g outside working
// hours (the cells where Working is false).
func (g *Grid) OffHours() int {
	n := 0
	for d := range g {
		for h := range g[d] {
			if !Working(d, h) {
				n += g[d][h]
			}
		}
	}
	return n
}

// OffHoursShare returns OffHours / Total, the share of messages counted
// in g outside working hours (see the package documentation), NaN when g
// is empty.
func (g *Grid) OffHoursShare() float64 {
	n := g.Total()
	if n == 0 {
		return math.NaN()
	}
	return float64(g.OffHours()) / float64(n)
}

// OffHours reports whether t is outside working hours: Saturday, Sunday,
// or before 08:00 or from 19:00 on, Europe/Paris local time.
func OffHours(t time.Time) bool {
	p := t.In(corpus.Paris)
	return !Working(Weekday(p), p.Hour())
}

// OffHoursShare returns the share of msgs created outside working hours,
// NaN when msgs is empty.
func OffHoursShare(msgs []corpus.Message) float64 {
	g := Counts(msgs)
	return g.OffHoursShare()
}

// ChiSquare returns Pearson's chi-square statistic of homogeneity of two
// hour distributions, its degrees of freedom and upper-tail p-value, as
// defined in the package documentation.
func ChiSquare(a, b [24]int) (chi2 float64, df int, p float64) {
	var na, nb int
	var keep []int
	for h := range a {
		na += a[h]
		nb += b[h]
		if a[h]+b[h] > 0 {
			keep = append(keep, h)
		}
	}
	if na == 0 || nb == 0 || len(keep) < 2 {
		return math.NaN(), 0, math.NaN()
	}
	n := float64(na + nb)
	for _, h := range keep {
		col := float64(a[h] + b[h])
		ea, eb := float64(na)*col/n, float64(nb)*col/n
		chi2 += sq(float64(a[h])-ea)/ea + sq(float64(b[h])-eb)/eb
	}
	df = len(keep) - 1
	p = distuv.ChiSquared{K: float64(df)}.Survival(chi2)
	return chi2, df, p
}

func sq(x float64) float64 { return x * x }

// Comparison compares the rhythms of two professions A and B.
type Comparison struct {
	A, B                 corpus.Profession
	OffHoursA, OffHoursB float64
	OffHoursDiff         float64 // OffHoursA - OffHoursB
	// OffHours is OffHoursA − OffHoursB with its bootstrap interval over
	// authors and permutation p-value (stats.Difference), claimed only
	// when its interval excludes 0.
	OffHours stats.Comparison
	// Weekend is the same difference for the share of messages written
	// on the weekend.
	Weekend stats.Comparison
	Chi2    float64 // of the two hour distributions
	DF      int
	P       float64
}

// AuthorHours is one unit of the off-hours share: an author's messages,
// those written off hours and those written on the weekend (the days
// after the WorkDays working days); a message without author is a unit
// of its own.
type AuthorHours struct {
	Messages, OffHours, Weekend int
}

// PerAuthor returns the units of msgs for the off-hours share, ordered by
// Messages, OffHours then Weekend, descending (see Intervals in the package
// documentation).
func PerAuthor(msgs []corpus.Message) []AuthorHours {
	by := map[string]*AuthorHours{}
	var out []AuthorHours
	var anon []AuthorHours
	for i := range msgs {
		off, we := 0, 0
		if OffHours(msgs[i].Created) {
			off = 1
		}
		if Weekday(msgs[i].Created) >= WorkDays {
			we = 1
		}
		a := msgs[i].Author
		if a == "" {
			anon = append(anon, AuthorHours{1, off, we})
			continue
		}
		u := by[a]
		if u == nil {
			u = &AuthorHours{}
			by[a] = u
		}
		u.Messages++
		u.OffHours += off
		u.Weekend += we
	}
	for _, u := range by {
		out = append(out, *u)
	}
	out = append(out, anon...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Messages != out[j].Messages {
			return out[i].Messages > out[j].Messages
		}
		if out[i].OffHours != out[j].OffHours {
			return out[i].OffHours > out[j].OffHours
		}
		return out[i].Weekend > out[j].Weekend
	})
	return out
}

// Options returns the options of the family's bootstraps:
// indicator.Inference with unit "authors".
func Options() stats.Options {
	o := indicator.Inference
	o.Unit = "authors"
	return o
}

// OffHoursEstimate returns off_hours_share of the units with its BCa
// bootstrap interval over them (stats.RatioOfSums).
func OffHoursEstimate(units []AuthorHours) stats.Estimate {
	num, den := split(units, offHours)
	return stats.RatioOfSums(num, den, Options())
}

// WeekendEstimate returns the share of the units' messages written on
// the weekend (Saturday and Sunday, Europe/Paris) with its BCa bootstrap
// interval over them, as OffHoursEstimate.
func WeekendEstimate(units []AuthorHours) stats.Estimate {
	num, den := split(units, weekend)
	return stats.RatioOfSums(num, den, Options())
}

func offHours(u AuthorHours) int { return u.OffHours }
func weekend(u AuthorHours) int  { return u.Weekend }

func split(units []AuthorHours, part func(AuthorHours) int) (num, den []float64) {
	num, den = make([]float64, len(units)), make([]float64, len(units))
	for i, u := range units {
		num[i], den[i] = float64(part(u)), float64(u.Messages)
	}
	return num, den
}

// difference compares the share part of the units of a (ua) and b (ub)
// with stats.Difference over authors.
func difference(ua, ub []AuthorHours, part func(AuthorHours) int) stats.Comparison {
	num, den := split(append(append([]AuthorHours(nil), ua...), ub...), part)
	return stats.Difference(len(ua), len(ub), func(idx []int) float64 {
		var x, y float64
		for _, i := range idx {
			x += num[i]
			y += den[i]
		}
		if y == 0 {
			return math.NaN()
		}
		return x / y
	}, Options())
}

// Compare compares the messages of profession a with those of b.
func Compare(a corpus.Profession, am []corpus.Message, b corpus.Profession, bm []corpus.Message) Comparison {
	ga, gb := Counts(am), Counts(bm)
	c := Comparison{A: a, B: b, OffHoursA: ga.OffHoursShare(), OffHoursB: gb.OffHoursShare()}
	c.OffHoursDiff = c.OffHoursA - c.OffHoursB
	c.Chi2, c.DF, c.P = ChiSquare(ga.Hours(), gb.Hours())
	ua, ub := PerAuthor(am), PerAuthor(bm)
	c.OffHours = difference(ua, ub, offHours)
	c.Weekend = difference(ua, ub, weekend)
	return c
}

// CompareProfessions compares every pair of professions of c that have
// communities, in ascending order of names (A before B).
func CompareProfessions(c *corpus.Corpus) []Comparison {
	byProf := map[corpus.Profession][]corpus.Message{}
	var profs []corpus.Profession
	for _, g := range indicator.Groups(c) {
		if g.Community.ID == indicator.AllCommunities {
			byProf[g.Community.Profession] = g.Messages
			profs = append(profs, g.Community.Profession)
		}
	}
	sort.Slice(profs, func(i, j int) bool { return profs[i] < profs[j] })
	var out []Comparison
	for i := range profs {
		for j := i + 1; j < len(profs); j++ {
			out = append(out, Compare(profs[i], byProf[profs[i]], profs[j], byProf[profs[j]]))
		}
	}
	return out
}

// Group is the rhythm of one indicator.Groups group: what Figures 5 and 6
// draw.
type Group struct {
	// Community is the community, or for a profession as a whole
	// Community.ID indicator.AllCommunities.
	Community corpus.Community
	// Grid counts the group's messages by weekday and hour; Grid.Total,
	// Grid.OffHours and Grid.OffHoursShare are the counts and share of
	// off_hours_share.
	Grid Grid
	// PerAuthor is the units of the off-hours share (PerAuthor).
	PerAuthor []AuthorHours
	// OffHours is off_hours_share with its interval over authors: its
	// Value is Grid.OffHoursShare().
	OffHours stats.Estimate
	// Weekend is the share of the group's messages written on Saturday
	// or Sunday with its interval over authors (WeekendEstimate).
	Weekend stats.Estimate
}

// Of returns g.Community (indicator.Grouped).
func (g Group) Of() corpus.Community { return g.Community }

// Measure counts the messages of every indicator.Groups group of c by
// weekday and hour, in that order.
func Measure(c *corpus.Corpus) []Group {
	groups := indicator.Groups(c)
	out := make([]Group, len(groups))
	for i, g := range groups {
		units := PerAuthor(g.Messages)
		out[i] = Group{Community: g.Community, Grid: Counts(g.Messages), PerAuthor: units, OffHours: OffHoursEstimate(units), Weekend: WeekendEstimate(units)}
	}
	return out
}

// Rows returns off_hours_share of every community and profession of c, in
// canonical order (indicator.Sort).
func Rows(c *corpus.Corpus) []indicator.Row {
	var rows []indicator.Row
	for _, g := range Measure(c) {
		r := indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: IndOffHoursShare}
		r.SetEstimate(g.OffHours)
		rows = append(rows, r)
	}
	indicator.Sort(rows)
	return rows
}

// GridFrame returns the weekday x hour grid of every group of c
// (indicator.Groups order, then Monday to Sunday, then hours 0 to 23);
// columns community, profession, weekday, weekday_index (Monday 0), hour,
// messages, share.
func GridFrame(c *corpus.Corpus) dataframe.DataFrame {
	var com, prof, wd []string
	var wdi, hour, n []int
	var share []float64
	for _, g := range indicator.Groups(c) {
		grid := Counts(g.Messages)
		s := grid.Shares()
		for d := range grid {
			for h := range grid[d] {
				com = append(com, g.Community.ID)
				prof = append(prof, string(g.Community.Profession))
				wd = append(wd, Weekdays[d])
				wdi = append(wdi, d)
				hour = append(hour, h)
				n = append(n, grid[d][h])
				share = append(share, s[d][h])
			}
		}
	}
	return dataframe.New(
		series.New(com, series.String, "community"),
		series.New(prof, series.String, "profession"),
		series.New(wd, series.String, "weekday"),
		series.New(wdi, series.Int, "weekday_index"),
		series.New(hour, series.Int, "hour"),
		series.New(n, series.Int, "messages"),
		series.New(share, series.Float, "share"),
	)
}

// ComparisonFrame returns CompareProfessions(c) with the columns
// profession_a, profession_b, off_hours_a, off_hours_b, off_hours_diff,
// off_hours_diff_lo, off_hours_diff_hi (its interval over authors),
// off_hours_diff_p (its permutation p-value), chi2, df, p_value.
func ComparisonFrame(c *corpus.Corpus) dataframe.DataFrame {
	var a, b []string
	var oa, ob, diff, dlo, dhi, dp, chi, p []float64
	var df []int
	for _, x := range CompareProfessions(c) {
		a = append(a, string(x.A))
		b = append(b, string(x.B))
		oa = append(oa, x.OffHoursA)
		ob = append(ob, x.OffHoursB)
		diff = append(diff, x.OffHoursDiff)
		dlo = append(dlo, x.OffHours.Lo)
		dhi = append(dhi, x.OffHours.Hi)
		dp = append(dp, x.OffHours.P)
		chi = append(chi, x.Chi2)
		df = append(df, x.DF)
		p = append(p, x.P)
	}
	return dataframe.New(
		series.New(a, series.String, "profession_a"),
		series.New(b, series.String, "profession_b"),
		series.New(oa, series.Float, "off_hours_a"),
		series.New(ob, series.Float, "off_hours_b"),
		series.New(diff, series.Float, "off_hours_diff"),
		series.New(dlo, series.Float, "off_hours_diff_lo"),
		series.New(dhi, series.Float, "off_hours_diff_hi"),
		series.New(dp, series.Float, "off_hours_diff_p"),
		series.New(chi, series.Float, "chi2"),
		series.New(df, series.Int, "df"),
		series.New(p, series.Float, "p_value"),
	)
}
