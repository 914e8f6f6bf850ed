package coder

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// Choice is a study's choice of message coder (a study file's
// "coding": load.CodingSpec) with the gold codes that measure its error.
type Choice struct {
	// Coder is themes.KeywordCoder (also when empty) or Name.
	Coder string
	// Gold are the adjudicated gold messages (themes.LoadSample of
	// load.CodingSpec.Gold); without them the keyword codebook's shares
	// are not corrected, and the trained coder cannot be trained.
	Gold []themes.Coded
	// CV sets the cross-validation (the trained coder is its fold
	// models: Report.Ensemble); Prevalence the corrected shares.
	CV         CVOptions
	Prevalence PrevalenceOptions
}

// ErrCoder is the reason of a Choice naming no known coder.
var ErrCoder = errors.New("coder: unknown coder")

// Setup returns the coder ch names: the codebook cb itself for the
// keyword coder, the ensemble of the cross-validation's fold models
// (Report.Ensemble) for the trained one; and, when ch has gold codes,
// that cross-validation (both coders on the same folds), else nil. An
// unknown coder name, a trained coder without gold codes, or gold codes
// CrossValidate refuses, are errors.
func (ch Choice) Setup(cb *themes.Codebook) (themes.Coder, *Report, error) {
	switch ch.Coder {
	case "", themes.KeywordCoder, Name:
	default:
		return nil, nil, fmt.Errorf("%w %q: want %s or %s", ErrCoder, ch.Coder, themes.KeywordCoder, Name)
	}
	if len(ch.Gold) == 0 {
		if ch.Coder == Name {
			return nil, nil, fmt.Errorf("%w: the trained coder needs gold codes", ErrGold)
		}
		return cb, nil, nil
	}
	rep, err := CrossValidate(ch.Gold, cb, ch.CV)
	if err != nil {
		return nil, nil, err
	}
	if ch.Coder == Name {
		return rep.Ensemble(), &rep, nil
	}
	return cb, &rep, nil
}

// Measure codes every message of c with the coder ch names
// (themes.MeasureCoder with the bootstrap options opts) and, when ch has
// gold codes, corrects the shares for that coder's cross-validated
// error (Correct, with ch.Prevalence, whose Reps, Level and Seed are
// opts' when zero). It is the one path from a study's coding choice to
// the shares figures draw and indicators.csv holds.
func Measure(c *corpus.Corpus, cb *themes.Codebook, ch Choice, opts stats.Options) (themes.Result, *Report, error) {
	k, rep, err := ch.Setup(cb)
	if err != nil {
		return themes.Result{}, nil, err
	}
	r := themes.MeasureCoder(c, cb, k, opts)
	if rep != nil {
		p := ch.Prevalence
		if p.Reps == 0 {
			p.Reps = opts.Reps
		}
		if p.Level == 0 {
			p.Level = opts.Level
		}
		if p.Seed == 0 {
			p.Seed = opts.Seed
		}
		if err := Correct(&r, *rep, p); err != nil {
			return themes.Result{}, nil, err
		}
	}
	return r, rep, nil
}

// RatesOf returns the confusion of coder (themes.KeywordCoder or Name)
// on label (a category id, "question", or a question type id) against
// the report's gold messages of profession p (every gold message when p
// is empty), the trained coder's as the cross-validation coded them.
// When the gold messages carry unequal weights or several strata
// (themes.Coded.Weight, Stratum: `scripts/code gold`), the confusion is
// split by (stratum, weight) in Rates.Strata, in order of first
// appearance, and the rates are weighted; a weight of 0 counts as 1.
func (r Report) RatesOf(coder, label string, p corpus.Profession) (Rates, error) {
	if len(r.gold) == 0 {
		return Rates{}, fmt.Errorf("%w: the report holds no gold message", ErrGold)
	}
	var ref func(themes.Coded) bool
	var got func(themes.Coding) bool
	switch {
	case label == "question":
		ref = func(g themes.Coded) bool { return g.Question }
		got = func(c themes.Coding) bool { return c.Question }
	case slices.ContainsFunc(r.Categories, func(l Label) bool { return l.Label == label }):
		ref = func(g themes.Coded) bool { return slices.Contains(g.Themes, label) }
		got = func(c themes.Coding) bool { return c.HasTheme(label) }
	case slices.ContainsFunc(r.QuestionTypes, func(l Label) bool { return l.Label == label }):
		ref = func(g themes.Coded) bool { return g.QuestionType == label }
		got = func(c themes.Coding) bool { return c.QuestionType == label }
	default:
		return Rates{}, fmt.Errorf("coder: no label %q in the report", label)
	}
	var codes []themes.Coding
	switch coder {
	case themes.KeywordCoder:
		codes = r.keyword
	case Name:
		codes = r.trained
	default:
		return Rates{}, fmt.Errorf("%w %q", ErrCoder, coder)
	}
	type key struct {
		stratum string
		weight  float64
	}
	index := map[key]int{}
	var out Rates
	for i, g := range r.gold {
		if p != "" && g.Profession != p {
			continue
		}
		w := g.Weight
		if w == 0 {
			w = 1
		}
		k := key{g.Stratum, w}
		j, ok := index[k]
		if !ok {
			j = len(out.Strata)
			index[k] = j
			out.Strata = append(out.Strata, StratumRates{Stratum: g.Stratum, Weight: w})
		}
		s := &out.Strata[j]
		switch y, c := ref(g), got(codes[i]); {
		case y && c:
			s.TP++
			out.TP++
		case c:
			s.FP++
			out.FP++
		case y:
			s.FN++
			out.FN++
		default:
			s.TN++
			out.TN++
		}
	}
	if len(out.Strata) == 1 {
		out.Strata = nil // one stratum, one weight: every message weighs the same
	}
	return out, nil
}

// Correct sets, in every group of r, the shares corrected for the error
// of the coder that coded r (r.Coder, themes.KeywordCoder or Name)
// measured by rep (its cross-validation on the gold codes: the trained
// coder of r must be rep's Ensemble), and r.Correction:
//
//   - each theme's share of messages, and the share of thread starts that
//     are questions: PrevalenceReplicates of the coded share with its
//     replicates resampled over the group's authors (stats.Replicates,
//     the units of themes' own intervals), and the coder's rates on every
//     gold message (RatesOf, weighted);
//   - each question type's share of the question thread starts: the
//     share of thread starts of the type corrected the same way (with
//     the rates on the gold messages of the group's profession, the only
//     ones a type applies to) divided by the corrected question share,
//     replicate by replicate (both from the same resamples of authors);
//     the share among the questions of a codebook type (what Figure 4
//     draws) divides it by the sum of the corrected shares of the
//     profession's types instead. Ratios are clipped to [0, 1]; the gold
//     resamples of the two corrected shares of a ratio are drawn apart,
//     as if their errors were independent. NoType is not a label of the
//     cross-validation: it is not corrected.
//
// A label with fewer than rep.MinPositives gold messages with it, or
// without it, is not corrected (NaN, with the reason), nor is one the
// coder barely separates (Prevalence's MinSeparation).
func Correct(r *themes.Result, rep Report, opts PrevalenceOptions) error {
	if r.Codebook == nil {
		return errors.New("coder: Correct needs a measured result with its codebook")
	}
	if r.Coder != themes.KeywordCoder && r.Coder != Name {
		return fmt.Errorf("%w %q", ErrCoder, r.Coder)
	}
	opts.Unit = themes.UnitAuthors
	opts = opts.norm()
	minPos := rep.MinPositives
	if minPos == 0 {
		minPos = DefaultMinPositives
	}
	type rated struct {
		rates  Rates
		reason string
	}
	cache := map[string]rated{}
	rates := func(label string, p corpus.Profession) (rated, error) {
		key := label + "\x00" + string(p)
		if x, ok := cache[key]; ok {
			return x, nil
		}
		rt, err := rep.RatesOf(r.Coder, label, p)
		if err != nil {
			return rated{}, err
		}
		x := rated{rates: rt}
		who := "gold messages"
		if p != "" {
			who = "gold messages of the profession"
		}
		switch pos, neg := rt.TP+rt.FN, rt.FP+rt.TN; {
		case pos < minPos:
			x.reason = fmt.Sprintf("%d %s with the label, fewer than %d: the coder's error is not measured", pos, who, minPos)
		case neg < minPos:
			x.reason = fmt.Sprintf("%d %s without the label, fewer than %d: the coder's error is not measured", neg, who, minPos)
		}
		cache[key] = x
		return x, nil
	}
	nan := math.NaN()
	undefined := func() themes.CorrectedShare {
		return themes.CorrectedShare{Estimate: stats.Estimate{Value: nan, Lo: nan, Hi: nan, Unit: opts.Unit, Method: MethodACC, Level: opts.Level}}
	}
	// share corrects num/den over the authors with den > 0.
	share := func(s *themes.Shares, label string, p corpus.Profession, num, den func(a *themes.AuthorCounts) int) (themes.CorrectedShare, []float64, error) {
		x, err := rates(label, p)
		if err != nil {
			return themes.CorrectedShare{}, nil, err
		}
		var n, d []float64
		var k, total float64
		for i := range s.Authors {
			a := &s.Authors[i]
			if dv := den(a); dv > 0 {
				n, d = append(n, float64(num(a))), append(d, float64(dv))
				k, total = k+float64(num(a)), total+float64(dv)
			}
		}
		out := undefined()
		out.N = len(n)
		if total == 0 {
			return out, nil, nil // no unit: undefined, as the coded share
		}
		if x.reason != "" {
			out.Reason = x.reason
			return out, nil, nil
		}
		qreps := stats.Replicates(len(n), func(idx []int) float64 {
			var a, b float64
			for _, i := range idx {
				a += n[i]
				b += d[i]
			}
			if b == 0 {
				return nan
			}
			return a / b
		}, opts.Options)
		c, reps := prevalenceReplicates(k/total, qreps, len(n), x.rates, opts)
		out.Estimate, out.Reason = c.Estimate, c.Reason
		if math.IsNaN(c.Value) {
			reps = nil
		}
		return out, reps, nil
	}
	for gi := range r.Groups {
		s := &r.Groups[gi]
		p := s.Community.Profession
		cs := &themes.CorrectedShares{}
		messages := func(a *themes.AuthorCounts) int { return a.Messages }
		threads := func(a *themes.AuthorCounts) int { return a.Threads }
		for i, cat := range r.Codebook.CategoryIDs() {
			c, _, err := share(s, cat, "", func(a *themes.AuthorCounts) int { return a.Themes[i] }, messages)
			if err != nil {
				return err
			}
			cs.Themes = append(cs.Themes, c)
		}
		q, qreps, err := share(s, "question", "", func(a *themes.AuthorCounts) int { return a.Questions }, threads)
		if err != nil {
			return err
		}
		cs.Question = q
		// Each type over thread starts, then as a share of questions.
		over := make([]themes.CorrectedShare, len(s.Types))
		overReps := make([][]float64, len(s.Types))
		for i, t := range s.Types {
			if t == themes.NoType {
				over[i] = undefined()
				over[i].Reason = "questions of no type are not a label of the coder's cross-validation: not corrected"
				continue
			}
			if over[i], overReps[i], err = share(s, t, p, func(a *themes.AuthorCounts) int { return a.TypeCounts[i] }, threads); err != nil {
				return err
			}
		}
		cs.Types = make([]themes.CorrectedShare, len(s.Types))
		cs.Typed = make([]themes.CorrectedShare, len(s.Types))
		// The denominator of Typed: the sum of the types' corrected shares.
		sumValue, sumReps, sumReason := 0.0, []float64(nil), ""
		for i, t := range s.Types {
			if t == themes.NoType {
				continue
			}
			switch {
			case sumReason != "":
			case overReps[i] == nil:
				sumReason = fmt.Sprintf("question type %s is not corrected (%s)", t, over[i].Reason)
				if over[i].Reason == "" {
					sumReason = fmt.Sprintf("question type %s is not corrected", t)
				}
			default:
				sumValue += over[i].Value
				if sumReps == nil {
					sumReps = make([]float64, len(overReps[i]))
				}
				for b, v := range overReps[i] {
					sumReps[b] += v
				}
			}
		}
		for i, t := range s.Types {
			if t == themes.NoType {
				cs.Types[i], cs.Typed[i] = over[i], over[i]
				continue
			}
			cs.Types[i] = quotient(over[i], overReps[i], q, qreps, "the question share", opts)
			typed := themes.CorrectedShare{Estimate: stats.Estimate{Value: sumValue, N: q.N, Unit: opts.Unit, Method: MethodACC, Level: opts.Level}, Reason: sumReason}
			if sumReason != "" {
				typed.Value = nan
			}
			cs.Typed[i] = quotient(over[i], overReps[i], typed, sumReps, "the sum of the types' shares", opts)
		}
		s.Corrected = cs
	}
	r.Correction = &themes.Correction{Gold: rep.N, Folds: rep.Folds, Method: MethodACC}
	return nil
}

// quotient returns a/b with its percentile interval from the replicates
// aReps[i]/bReps[i] (clipped to [0, 1]), NaN with a reason when a or b is
// not estimable, b is 0, or too many replicates are undefined.
func quotient(a themes.CorrectedShare, aReps []float64, b themes.CorrectedShare, bReps []float64, of string, opts PrevalenceOptions) themes.CorrectedShare {
	nan := math.NaN()
	out := themes.CorrectedShare{Estimate: stats.Estimate{Value: nan, Lo: nan, Hi: nan, N: b.N, Unit: opts.Unit, Method: MethodACC, Level: opts.Level}}
	switch {
	case math.IsNaN(a.Value):
		out.Reason = a.Reason
		return out
	case math.IsNaN(b.Value):
		out.Reason = b.Reason
		if out.Reason != "" {
			out.Reason = of + " is not corrected: " + out.Reason
		}
		return out
	case b.Value == 0:
		out.Reason = of + " is corrected to 0"
		return out
	}
	out.Value = min(1, max(0, a.Value/b.Value))
	reps := make([]float64, len(aReps))
	dropped := 0
	for i := range reps {
		reps[i] = nan
		if i < len(bReps) && bReps[i] > 0 && !math.IsNaN(aReps[i]) {
			reps[i] = min(1, max(0, aReps[i]/bReps[i]))
		} else {
			dropped++
		}
	}
	if float64(dropped) > (1-opts.Level)/2*float64(len(reps)) {
		out.Reason = fmt.Sprintf("%d of %d bootstrap replicates undefined: the interval would be open", dropped, len(reps))
		return out
	}
	out.Lo, out.Hi = percentile(reps, opts.Level)
	if math.IsNaN(out.Lo) {
		out.Reason = "bootstrap replicates all equal or too few"
	}
	return out
}
