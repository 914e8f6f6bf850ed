package themes

import (
	"fmt"
	"math"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/stats"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// NoType is the question type reported for questions of no codebook type.
const NoType = "none"

// Shares is the coding of one group (a community, or every community of a
// profession): counts of messages per category and of question threads per
// type.
type Shares struct {
	// Community is the community, or for a profession as a whole
	// Community.ID indicator.AllCommunities.
	Community corpus.Community
	// Messages is the number of coded messages (retweets excluded) and
	// Themes the number of them with each category, aligned with
	// Codebook.Categories.
	Messages int
	Themes   []int
	// Threads is the number of thread starts (retweets excluded),
	// Questions the number of them detected as questions.
	Threads, Questions int
	// Types are the question types applying to the profession followed by
	// NoType, and TypeCounts the number of question thread starts of each.
	Types      []string
	TypeCounts []int
	// Authors are the same counts per author (the unit the intervals
	// resample; see the package documentation), sorted by pseudonym;
	// a message without author is a unit of its own, after them.
	Authors []AuthorCounts
	// ThemeEst, QuestionEst, TypeEst and TypedEst are the shares with
	// their intervals (ratio of sums over Authors, BCa): ThemeEst[i] is
	// ThemeShare(i), QuestionEst QuestionShare, TypeEst[i] TypeShare(i)
	// and TypedEst[i] TypedShare(i) (NaN for NoType). Nil when not
	// measured (a Shares built by hand).
	ThemeEst, TypeEst, TypedEst []stats.Estimate
	QuestionEst                 stats.Estimate
	// Corrected are the same shares corrected for the coder's measured
	// error (package coder's Correct); nil when they are not (no gold
	// codes, or a Shares built by hand).
	Corrected *CorrectedShares
}

// CorrectedShares are a group's shares corrected for the error of the
// coder that coded them, measured against gold codes: the value, its
// interval (which carries the coder's error besides the sampling of
// authors) and, when not estimable, the reason.
type CorrectedShares struct {
	// Themes is aligned with Codebook.Categories (share of messages).
	Themes []CorrectedShare
	// Question is the share of thread starts that are questions.
	Question CorrectedShare
	// Types is aligned with Shares.Types: the share of question thread
	// starts of each type (NoType: not corrected, with its reason);
	// Typed the share among the questions of a codebook type, the share
	// Figure 4 draws (NaN for NoType).
	Types, Typed []CorrectedShare
}

// CorrectedShare is one corrected share: Estimate is NaN with Reason set
// when it cannot be corrected (the coder barely tells the label apart on
// the gold codes, or they hold too few messages with or without it).
type CorrectedShare struct {
	stats.Estimate
	Reason string
}

// Correction says how a Result's shares were corrected.
type Correction struct {
	// Gold is the number of gold messages the coder's error was
	// measured on, Folds the folds of that cross-validation; Method is
	// the method of the corrected intervals.
	Gold, Folds int
	Method      string
}

// Of returns s.Community (indicator.Grouped).
func (s Shares) Of() corpus.Community { return s.Community }

// ThemeShare returns the share of the group's messages with category i
// (NaN without messages).
func (s Shares) ThemeShare(i int) float64 { return share(s.Themes[i], s.Messages) }

// Typed returns the number of question thread starts of a codebook type
// (all but NoType), the denominator of the shares Figure 4 draws.
func (s Shares) Typed() int {
	n := 0
	for i, t := range s.Types {
		if t != NoType {
			n += s.TypeCounts[i]
		}
	}
	return n
}

// TypedShare returns the share of question thread starts of type i among
// those of a codebook type (Typed), the share Figure 4 draws; NaN for
// NoType and when no question has a type.
func (s Shares) TypedShare(i int) float64 {
	if s.Types[i] == NoType {
		return math.NaN()
	}
	return share(s.TypeCounts[i], s.Typed())
}

// UntypedShare returns the share of question thread starts of no codebook
// type (NaN without questions).
func (s Shares) UntypedShare() float64 { return share(s.Questions-s.Typed(), s.Questions) }

// TypeShare returns the share of question thread starts of type i (NaN
// without questions).
func (s Shares) TypeShare(i int) float64 { return share(s.TypeCounts[i], s.Questions) }

// QuestionShare returns the share of thread starts that are questions
// (NaN without thread starts).
func (s Shares) QuestionShare() float64 { return share(s.Questions, s.Threads) }

// Result is the coding of every group of a corpus with one codebook.
type Result struct {
	// Codebook is the codebook the messages were coded with; its
	// categories, question types and labels name what Groups counts.
	Codebook *Codebook
	// Coder is the Name of the coder that coded them: KeywordCoder for
	// the codebook's keywords.
	Coder string
	// Correction is set when the groups' shares were also corrected
	// for the coder's measured error (Shares.Corrected); nil otherwise.
	Correction *Correction
	// Groups are in indicator.Groups order.
	Groups []Shares
}

func share(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Measure codes every message of c (retweets excluded: they repeat a
// message) and counts, per indicator.Groups group, the messages of each
// category and the question threads of each type, with the intervals of
// their shares (indicator.Inference). Each message is coded once:
// profession groups add up their communities' counts.
func Measure(c *corpus.Corpus, cb *Codebook) Result {
	return MeasureWith(c, cb, indicator.Inference)
}

// MeasureWith is Measure with the bootstrap options opts (replicates,
// level, seed; Unit is set here).
func MeasureWith(c *corpus.Corpus, cb *Codebook, opts stats.Options) Result {
	return MeasureCoder(c, cb, cb, opts)
}

// MeasureCoder is MeasureWith with the messages coded by k instead of
// the codebook's keywords; cb names the categories and question types k
// codes (k's codes must be among them: MeasureCoder panics otherwise).
// Result.Coder is k.Name().
func MeasureCoder(c *corpus.Corpus, cb *Codebook, k Coder, opts stats.Options) Result {
	var out []Shares
	for _, g := range indicator.Groups(c) {
		p := g.Community.Profession
		s := Shares{Community: g.Community, Themes: make([]int, len(cb.Categories))}
		s.Types = append(cb.QuestionTypeIDs(p), NoType)
		s.TypeCounts = make([]int, len(s.Types))
		if g.Community.ID == indicator.AllCommunities {
			for _, x := range out {
				if x.Community.ID == indicator.AllCommunities || x.Community.Profession != p {
					continue
				}
				s.Messages += x.Messages
				s.Threads += x.Threads
				s.Questions += x.Questions
				for i, n := range x.Themes {
					s.Themes[i] += n
				}
				for i, n := range x.TypeCounts {
					s.TypeCounts[i] += n
				}
				s.Authors = append(s.Authors, x.Authors...)
			}
			s.Authors = mergeAuthors(s.Authors)
			s.estimate(opts)
			out = append(out, s)
			continue
		}
		typeIndex := map[string]int{}
		for i, t := range s.Types {
			typeIndex[t] = i
		}
		catIndex := map[string]int{}
		for i, cat := range cb.Categories {
			catIndex[cat.ID] = i
		}
		byAuthor := map[string]*AuthorCounts{}
		var anonymous []*AuthorCounts
		for i := range g.Messages {
			m := &g.Messages[i]
			if m.Kind == corpus.Retweet {
				continue
			}
			a := byAuthor[m.Author]
			if a == nil || m.Author == "" {
				a = newAuthorCounts(m.Author, len(cb.Categories), len(s.Types))
				if m.Author == "" {
					anonymous = append(anonymous, a)
				} else {
					byAuthor[m.Author] = a
				}
			}
			cd := k.Code(m.Text, p)
			s.Messages++
			a.Messages++
			for _, t := range cd.Themes {
				ci, ok := catIndex[t]
				if !ok {
					panic(fmt.Sprintf("themes: coder %s gives category %q, not in the codebook", k.Name(), t))
				}
				s.Themes[ci]++
				a.Themes[ci]++
			}
			if !m.IsThreadStart() {
				continue
			}
			s.Threads++
			a.Threads++
			if cd.Question {
				s.Questions++
				a.Questions++
				t := cd.QuestionType
				if t == "" {
					t = NoType
				}
				ti, ok := typeIndex[t]
				if !ok {
					panic(fmt.Sprintf("themes: coder %s gives question type %q, not one of %s's", k.Name(), t, p))
				}
				s.TypeCounts[ti]++
				a.TypeCounts[ti]++
			}
		}
		s.Authors = sortedAuthors(byAuthor, anonymous)
		s.estimate(opts)
		out = append(out, s)
	}
	return Result{Codebook: cb, Coder: k.Name(), Groups: out}
}

// Rows returns the theme indicators of every group of c (see the package
// documentation for their definitions).
func Rows(c *corpus.Corpus, cb *Codebook) []indicator.Row {
	return ResultRows(Measure(c, cb))
}

// ResultRows turns measured shares into indicator rows.
func ResultRows(r Result) []indicator.Row {
	var rows []indicator.Row
	for _, s := range r.Groups {
		add := func(name string, v float64) {
			rows = append(rows, indicator.Row{Community: s.Community.ID, Profession: s.Community.Profession, Indicator: name, Value: v})
		}
		est := func(name string, e stats.Estimate) {
			r := indicator.Row{Community: s.Community.ID, Profession: s.Community.Profession, Indicator: name}
			r.SetEstimate(e)
			rows = append(rows, r)
		}
		for i, cat := range r.Codebook.Categories {
			if s.ThemeEst != nil {
				est("theme_share_"+cat.ID, s.ThemeEst[i])
			} else {
				add("theme_share_"+cat.ID, s.ThemeShare(i))
			}
		}
		if s.ThemeEst != nil {
			est("question_share", s.QuestionEst)
		} else {
			add("question_share", s.QuestionShare())
		}
		for i, t := range s.Types {
			if s.TypeEst != nil {
				est("question_type_share_"+t, s.TypeEst[i])
			} else {
				add("question_type_share_"+t, s.TypeShare(i))
			}
		}
		if r.Correction == nil {
			continue
		}
		corr := func(name string, c []CorrectedShare, i int) {
			row := indicator.Row{Community: s.Community.ID, Profession: s.Community.Profession, Indicator: name, Value: math.NaN(), Reason: "not corrected"}
			if c != nil {
				row.SetEstimate(c[i].Estimate)
				row.Reason = c[i].Reason
			}
			rows = append(rows, row)
		}
		cs := s.Corrected
		if cs == nil {
			cs = &CorrectedShares{}
		}
		for i, cat := range r.Codebook.Categories {
			corr("theme_share_corrected_"+cat.ID, cs.Themes, i)
		}
		var q []CorrectedShare
		if s.Corrected != nil {
			q = []CorrectedShare{cs.Question}
		}
		corr("question_share_corrected", q, 0)
		for i, t := range s.Types {
			corr("question_type_share_corrected_"+t, cs.Types, i)
		}
	}
	indicator.Sort(rows)
	return rows
}

// interval returns the bounds of es[i], NaN when es was not measured.
func interval(es []stats.Estimate, i int) (lo, hi float64) {
	if es == nil {
		return math.NaN(), math.NaN()
	}
	return es[i].Lo, es[i].Hi
}

// ThemeFrame returns the theme shares as a DataFrame with columns
// community, profession, theme, messages, count, share, lo and hi (the
// interval of share): groups in indicator.Groups order, themes in
// codebook order.
func ThemeFrame(r Result) dataframe.DataFrame {
	var com, prof, theme []string
	var msgs, count []int
	var val, los, his []float64
	for _, s := range r.Groups {
		for i, cat := range r.Codebook.Categories {
			com = append(com, s.Community.ID)
			prof = append(prof, string(s.Community.Profession))
			theme = append(theme, cat.ID)
			msgs = append(msgs, s.Messages)
			count = append(count, s.Themes[i])
			val = append(val, s.ThemeShare(i))
			lo, hi := interval(s.ThemeEst, i)
			los, his = append(los, lo), append(his, hi)
		}
	}
	return dataframe.New(
		series.New(com, series.String, "community"),
		series.New(prof, series.String, "profession"),
		series.New(theme, series.String, "theme"),
		series.New(msgs, series.Int, "messages"),
		series.New(count, series.Int, "count"),
		series.New(val, series.Float, "share"),
		series.New(los, series.Float, "lo"),
		series.New(his, series.Float, "hi"),
	)
}

// QuestionTypeFrame returns the question-type shares as a DataFrame with
// columns community, profession, question_type, questions, count, share,
// lo and hi (the interval of share): groups in indicator.Groups order,
// types in codebook order then NoType.
func QuestionTypeFrame(r Result) dataframe.DataFrame {
	var com, prof, typ []string
	var qs, count []int
	var val, los, his []float64
	for _, s := range r.Groups {
		for i, t := range s.Types {
			com = append(com, s.Community.ID)
			prof = append(prof, string(s.Community.Profession))
			typ = append(typ, t)
			qs = append(qs, s.Questions)
			count = append(count, s.TypeCounts[i])
			val = append(val, s.TypeShare(i))
			lo, hi := interval(s.TypeEst, i)
			los, his = append(los, lo), append(his, hi)
		}
	}
	return dataframe.New(
		series.New(com, series.String, "community"),
		series.New(prof, series.String, "profession"),
		series.New(typ, series.String, "question_type"),
		series.New(qs, series.Int, "questions"),
		series.New(count, series.Int, "count"),
		series.New(val, series.Float, "share"),
		series.New(los, series.Float, "lo"),
		series.New(his, series.Float, "hi"),
	)
}

// ValidationFrame returns a validation as a DataFrame with columns label,
// kind (category, question, question_type), support, predicted,
// precision, recall, f1 and kappa, in codebook order.
func ValidationFrame(v Validation) dataframe.DataFrame {
	var label, kind []string
	var sup, pred []int
	var p, r, f, k []float64
	add := func(s Score, kd string) {
		label = append(label, s.Label)
		kind = append(kind, kd)
		sup = append(sup, s.Support)
		pred = append(pred, s.Predicted)
		p = append(p, s.Precision)
		r = append(r, s.Recall)
		f = append(f, s.F1)
		k = append(k, s.Kappa)
	}
	for _, s := range v.Categories {
		add(s, "category")
	}
	add(v.Question, "question")
	for _, s := range v.QuestionTypes {
		add(s, "question_type")
	}
	return dataframe.New(
		series.New(label, series.String, "label"),
		series.New(kind, series.String, "kind"),
		series.New(sup, series.Int, "support"),
		series.New(pred, series.Int, "predicted"),
		series.New(p, series.Float, "precision"),
		series.New(r, series.Float, "recall"),
		series.New(f, series.Float, "f1"),
		series.New(k, series.Float, "kappa"),
	)
}
