package themes

import (
	"math"
	"sort"

	"github.com/faire-communaute/compendium/analysis/stats"
)

// UnitAuthors is the unit the theme intervals resample (Estimate.Unit).
const UnitAuthors = "authors"

func sum(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s
}

// AuthorCounts are one author's counts within a group: coded messages,
// messages of each category (aligned with Codebook.Categories), thread
// starts, question thread starts and question thread starts of each type
// (aligned with Shares.Types).
type AuthorCounts struct {
	Author             string // pseudonym; "" for a message without author
	Messages           int
	Themes             []int
	Threads, Questions int
	TypeCounts         []int
}

func newAuthorCounts(author string, cats, types int) *AuthorCounts {
	return &AuthorCounts{Author: author, Themes: make([]int, cats), TypeCounts: make([]int, types)}
}

// sortedAuthors returns the named authors by pseudonym, then the
// messages without author in message order.
func sortedAuthors(named map[string]*AuthorCounts, anonymous []*AuthorCounts) []AuthorCounts {
	out := make([]AuthorCounts, 0, len(named)+len(anonymous))
	for _, a := range named {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Author < out[j].Author })
	for _, a := range anonymous {
		out = append(out, *a)
	}
	return out
}

// mergeAuthors adds up the counts of one pseudonym met in several
// communities of a profession (one author, as in package retention), the
// units without author staying apart; the result is sorted as
// sortedAuthors sorts.
func mergeAuthors(units []AuthorCounts) []AuthorCounts {
	named := map[string]*AuthorCounts{}
	var anonymous []*AuthorCounts
	for i := range units {
		u := units[i]
		if u.Author == "" {
			anonymous = append(anonymous, &u)
			continue
		}
		a := named[u.Author]
		if a == nil {
			a = newAuthorCounts(u.Author, len(u.Themes), len(u.TypeCounts))
			named[u.Author] = a
		}
		a.Messages += u.Messages
		a.Threads += u.Threads
		a.Questions += u.Questions
		for k, n := range u.Themes {
			a.Themes[k] += n
		}
		for k, n := range u.TypeCounts {
			a.TypeCounts[k] += n
		}
	}
	return sortedAuthors(named, anonymous)
}

// authorRatio is one share as a ratio of sums over authors: an author's
// numerator and denominator. Authors whose denominator is 0 are left out
// (they hold no unit of the share).
func authorRatio(units []AuthorCounts, num, den func(a *AuthorCounts) int) (n, d []float64) {
	for i := range units {
		a := &units[i]
		if dv := den(a); dv > 0 {
			n = append(n, float64(num(a)))
			d = append(d, float64(dv))
		}
	}
	return n, d
}

func (s *Shares) typed(a *AuthorCounts) int {
	n := 0
	for i, t := range s.Types {
		if t != NoType {
			n += a.TypeCounts[i]
		}
	}
	return n
}

// estimate sets the shares' intervals from s.Authors.
func (s *Shares) estimate(opts stats.Options) {
	opts.Unit = UnitAuthors
	if opts.Method == "" {
		opts.Method = stats.MethodBCa
	}
	rs := func(num, den func(a *AuthorCounts) int, counted string) stats.Estimate {
		n, d := authorRatio(s.Authors, num, den)
		e := stats.RatioOfSums(n, d, opts)
		if k, total := sum(n), sum(d); total > 0 && (k == 0 || k == total) {
			// No bootstrap variation at 0 or 1: Wilson over the counted units.
			w := stats.Wilson(int(k), int(total), opts.Level, counted)
			e.Lo, e.Hi, e.N, e.Unit, e.Method = w.Lo, w.Hi, w.N, w.Unit, w.Method
		}
		return e
	}
	messages := func(a *AuthorCounts) int { return a.Messages }
	s.ThemeEst = make([]stats.Estimate, len(s.Themes))
	for i := range s.Themes {
		s.ThemeEst[i] = rs(func(a *AuthorCounts) int { return a.Themes[i] }, messages, "messages")
	}
	s.QuestionEst = rs(func(a *AuthorCounts) int { return a.Questions }, func(a *AuthorCounts) int { return a.Threads }, "thread starts")
	s.TypeEst = make([]stats.Estimate, len(s.Types))
	s.TypedEst = make([]stats.Estimate, len(s.Types))
	questions := func(a *AuthorCounts) int { return a.Questions }
	for i, t := range s.Types {
		of := func(a *AuthorCounts) int { return a.TypeCounts[i] }
		s.TypeEst[i] = rs(of, questions, "questions")
		if t == NoType {
			nan := math.NaN()
			s.TypedEst[i] = stats.Estimate{Value: nan, Lo: nan, Hi: nan, Unit: UnitAuthors, Method: opts.Method, Level: opts.Level}
			continue
		}
		s.TypedEst[i] = rs(of, s.typed, "questions")
	}
}

// compareRatio compares a ratio of sums over the authors of two groups.
func compareRatio(a, b []AuthorCounts, num, den func(a *AuthorCounts) int, opts stats.Options) stats.Comparison {
	opts.Unit = UnitAuthors
	na, da := authorRatio(a, num, den)
	nb, db := authorRatio(b, num, den)
	n := append(na, nb...)
	d := append(da, db...)
	return stats.Difference(len(na), len(nb), func(idx []int) float64 {
		var x, y float64
		for _, i := range idx {
			x += n[i]
			y += d[i]
		}
		if y == 0 {
			return math.NaN()
		}
		return x / y
	}, opts)
}

// CompareTheme compares the share of messages with category i (an index
// of Codebook.Categories) between groups a and b: a − b with its
// bootstrap interval over authors, resampled within each group, and a
// permutation p-value (stats.Difference). The groups' authors are
// taken as distinct units even when a pseudonym writes in both.
func CompareTheme(a, b Shares, i int, opts stats.Options) stats.Comparison {
	return compareRatio(a.Authors, b.Authors, func(u *AuthorCounts) int { return u.Themes[i] }, func(u *AuthorCounts) int { return u.Messages }, opts)
}

// CompareQuestion compares the share of thread starts that are questions
// between groups a and b, as CompareTheme.
func CompareQuestion(a, b Shares, opts stats.Options) stats.Comparison {
	return compareRatio(a.Authors, b.Authors, func(u *AuthorCounts) int { return u.Questions }, func(u *AuthorCounts) int { return u.Threads }, opts)
}
