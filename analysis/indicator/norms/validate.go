package norms

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/stats"
	"gonum.org/v1/gonum/stat/distuv"
)

// RecurringMinPrecision is the precision the detector of recurring
// questions must be shown to reach for Figure 14 to be read as a
// measure: the 95 % interval of its precision on coded pairs
// (PairValidation.Precision) must lie at or above it. Below it, or
// without coded pairs, Figure 14 says it is exploratory.
const RecurringMinPrecision = 0.8

// PairGoldFile is the shipped gold file of coded pairs (scripts/code
// gold on copies of a pairs.csv sheet), relative to the repository root.
const PairGoldFile = "data/codebook/coding/gold-pairs.csv"

// Why the precision and recall of the detector are not measured: the
// reason column of their indicators.csv rows.
const (
	// ReasonNoPairGold: no coded pairs were given.
	ReasonNoPairGold = "recurring questions not validated: no coded pairs"
	// ReasonPairsMismatch: the coded pairs are not pairs of this study's
	// question threads as the detector reads them now (another study,
	// another codebook, another detector).
	ReasonPairsMismatch = "coded pairs of another study or detector"
)

// PairGoldHeader is the header of a pair gold file.
var PairGoldHeader = []string{"unit", "community", "profession", "message_id", "later_id", "stratum", "population", "weight", "similarity", "same", "text_1", "text_2"}

// CodedPair is a pair of question threads of one community judged by
// coders, with the adjudication of their disagreements: a row of a pair
// gold file.
type CodedPair struct {
	Unit       string // P001...
	Community  string
	Profession corpus.Profession
	// EarlierID and LaterID are the ids of the two threads' openings.
	EarlierID, LaterID string
	// Stratum is community/kind, Kind its PairKind; Population is the
	// number of pairs of the stratum, Weight Population over the pairs
	// drawn from it.
	Stratum    string
	Kind       PairKind
	Population int
	Weight     float64
	Similarity float64 // Jaccard of the two questions' shingles
	// Same: the later question is the same question asked again (it asks
	// for the same information or advice about the same situation).
	Same         bool
	Text1, Text2 string
}

// WritePairGold writes pairs as a pair gold file (PairGoldHeader, comma
// separated, LF line ends).
func WritePairGold(w io.Writer, pairs []CodedPair) error {
	cw := csv.NewWriter(w)
	cw.Write(PairGoldHeader)
	for _, p := range pairs {
		same := "0"
		if p.Same {
			same = "1"
		}
		cw.Write([]string{p.Unit, p.Community, string(p.Profession), p.EarlierID, p.LaterID, p.Stratum, strconv.Itoa(p.Population),
			strconv.FormatFloat(p.Weight, 'g', -1, 64), strconv.FormatFloat(p.Similarity, 'f', 6, 64), same, p.Text1, p.Text2})
	}
	cw.Flush()
	return cw.Error()
}

// ReadPairGold reads a pair gold file: PairGoldHeader's columns in any
// order (others ignored), a byte-order mark allowed.
func ReadPairGold(r io.Reader) ([]CodedPair, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("pair gold: header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	for _, h := range PairGoldHeader {
		if _, ok := col[h]; !ok {
			return nil, fmt.Errorf("pair gold: no column %q", h)
		}
	}
	var out []CodedPair
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("pair gold: %w", err)
		}
		line, _ := cr.FieldPos(0)
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return rec[i]
			}
			return ""
		}
		bad := func(c, want string) error {
			return fmt.Errorf("pair gold: line %d: %s: want %s", line, c, want)
		}
		p := CodedPair{Unit: get("unit"), Community: get("community"), Profession: corpus.Profession(get("profession")),
			EarlierID: get("message_id"), LaterID: get("later_id"), Stratum: get("stratum"), Text1: get("text_1"), Text2: get("text_2")}
		i := strings.LastIndexByte(p.Stratum, '/')
		p.Kind = PairKind(p.Stratum[i+1:])
		if i < 0 || p.Stratum[:i] != p.Community || (p.Kind != PairCandidate && p.Kind != PairNear && p.Kind != PairRandom) {
			return nil, bad("stratum", "community/candidate, community/near or community/random")
		}
		if p.Population, err = strconv.Atoi(get("population")); err != nil || p.Population < 1 {
			return nil, bad("population", "a positive integer")
		}
		if p.Weight, err = strconv.ParseFloat(get("weight"), 64); err != nil || !(p.Weight >= 1) {
			return nil, bad("weight", "a number of at least 1")
		}
		if p.Similarity, err = strconv.ParseFloat(get("similarity"), 64); err != nil || !(p.Similarity >= 0 && p.Similarity <= 1) {
			return nil, bad("similarity", "a number in [0, 1]")
		}
		switch get("same") {
		case "1":
			p.Same = true
		case "0":
		default:
			return nil, bad("same", "1 or 0")
		}
		out = append(out, p)
	}
}

// LoadPairGold reads the pair gold file at path (ReadPairGold). A
// missing file is an error for which errors.Is(err, os.ErrNotExist).
func LoadPairGold(path string) ([]CodedPair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pairs, err := ReadPairGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return pairs, nil
}

// PairValidation is the precision and recall of the detector of
// recurring questions over the pairs of some communities' question
// threads, estimated from coded pairs (see ValidateRecurring).
type PairValidation struct {
	// Coded is the number of coded pairs of the communities, Same those
	// coded the same question; RandomCoded and RandomSame the same for
	// the random pairs.
	Coded, Same             int
	RandomCoded, RandomSame int
	// Flagged is the number of pairs the detector flags in the
	// communities, Unrepresented the pairs of strata with no coded pair
	// (counted 0 in the point estimates, anything in the recall's
	// interval).
	Flagged, Unrepresented int
	// Precision: the share of the flagged pairs that are the same
	// question. Recall: the share of the pairs that are the same question
	// that the detector flags.
	Precision, Recall stats.Estimate
	// RecallBounded is false when the random pairs cannot bound the
	// recall: the pairs of the random strata that may be the same
	// question (their upper bounds) could outnumber the true pairs the
	// detector finds (its lower bound), so the recall could be below a
	// half for all the coded pairs can tell.
	RecallBounded bool
}

// RecurringValidation is the validation of the detector on a study.
type RecurringValidation struct {
	// Reason is not empty when the coded pairs cannot validate the
	// detector on this study (ReasonPairsMismatch); Detail then says
	// which pair or stratum differs.
	Reason, Detail string
	// All is over every community; Groups[i] over the communities of
	// Result.Groups[i] (a profession's group: its communities' pairs, not
	// the pairs across them that its own Recurring compares).
	All    PairValidation
	Groups []PairValidation
}

// Validated reports whether v validates the detector: coded pairs of
// this study whose precision interval lies at or above
// RecurringMinPrecision. A nil v (no coded pairs) is not.
func (v *RecurringValidation) Validated() bool {
	return v != nil && v.Reason == "" && v.All.Precision.Estimable() && v.All.Precision.Lo >= RecurringMinPrecision
}

// Pair strata estimates, methods of PairValidation's estimates.
const (
	// MethodWilsonEffective: the Wilson interval of a weighted share,
	// with Kish's effective sample size (Σw)²/Σw² in place of n (exactly
	// Wilson when the weights are equal).
	MethodWilsonEffective = "wilson-effective-n"
	// MethodBonferroniWilson: the recall's interval from the Wilson
	// interval of each stratum's share at level 1 − 0.05/K (K strata):
	// all hold together with probability at least 95 %, and the recall
	// grows with the candidates' shares and falls with the others', so
	// its lowest value over those intervals is a lower bound and its
	// highest an upper bound.
	MethodBonferroniWilson = "bonferroni-wilson"
	// UnitPairs is the unit of the pair estimates.
	UnitPairs = "pairs"
)

// ValidateRecurring validates the detector of recurring questions
// (Recurring, as r's communities ran it) on gold, pairs of r's question
// threads coded by hand (scripts/code pairs, then gold), and sets
// r.Recurring; an empty gold sets it to nil (not validated).
//
// The pairs of each community are of three kinds (PairPopulations:
// candidate, near, random), sampled as strata community/kind with the
// populations the gold gives. The gold must be of r: every pair's
// threads in its community, of the kind its stratum says, and every
// stratum's population that of r; otherwise r.Recurring.Reason is
// ReasonPairsMismatch and nothing is estimated.
//
// With p_h the share of coded pairs of stratum h coded the same, N_h its
// population: the precision is Σ N_h p_h / Σ N_h over the candidate
// strata, with the Wilson interval at Kish's effective sample size
// (MethodWilsonEffective); the recall is A / (A + M), A = Σ N_h p_h over
// the candidate strata (the true pairs flagged), M the same over the near
// and random strata (the true pairs missed), with the conservative
// interval MethodBonferroniWilson. A stratum without coded pair counts 0
// in the point estimates and [0, N_h] in the recall's interval. With
// random pairs a small share of a community's pairs, coding none of them
// the same does not show that none is: RecallBounded says when the
// random strata cannot bound the recall.
func (r *Result) ValidateRecurring(gold []CodedPair) {
	r.Recurring = nil
	if len(gold) == 0 {
		return
	}
	v := &RecurringValidation{}
	r.Recurring = v
	// A cheap check first (a gold of another study is told before the
	// pairs' similarities are computed): the communities, the threads
	// and the number of flagged pairs.
	threads := map[string]map[string]bool{}
	flagged := map[string]int{}
	for _, g := range indicator.Communities(r.Groups) {
		ids := make(map[string]bool, len(g.Threads))
		for _, t := range g.Threads {
			ids[t.ID] = true
		}
		threads[g.Community.ID], flagged[g.Community.ID] = ids, len(g.Pairs)
	}
	for _, p := range gold {
		ids := threads[p.Community]
		switch {
		case len(ids) < 2:
			v.Detail = fmt.Sprintf("pair %s: community %q has no pairs of question threads here", p.Unit, p.Community)
		case !ids[p.EarlierID] || !ids[p.LaterID]:
			v.Detail = fmt.Sprintf("pair %s: not a pair of question threads of %s here", p.Unit, p.Community)
		case p.Kind == PairCandidate && p.Population != flagged[p.Community]:
			v.Detail = fmt.Sprintf("pair %s: stratum %s has %d pairs here, %d in the gold", p.Unit, p.Stratum, flagged[p.Community], p.Population)
		}
		if v.Detail != "" {
			v.Reason = ReasonPairsMismatch
			return
		}
	}
	pops := map[string]*PairPopulation{}
	all := PairPopulations(*r)
	for i := range all {
		pops[all[i].Community] = &all[i]
	}
	type stratumKey struct {
		community string
		kind      PairKind
	}
	type tally struct{ n, same int }
	coded := map[stratumKey]*tally{}
	for _, p := range gold {
		pop := pops[p.Community]
		switch {
		case pop.Count(p.Kind) != p.Population:
			v.Detail = fmt.Sprintf("pair %s: stratum %s has %d pairs here, %d in the gold", p.Unit, p.Stratum, pop.Count(p.Kind), p.Population)
		case pop.KindOf(p.EarlierID, p.LaterID) != p.Kind:
			v.Detail = fmt.Sprintf("pair %s: a %s pair here, %s in the gold", p.Unit, pop.KindOf(p.EarlierID, p.LaterID), p.Kind)
		}
		if v.Detail != "" {
			v.Reason = ReasonPairsMismatch
			return
		}
		k := stratumKey{p.Community, p.Kind}
		if coded[k] == nil {
			coded[k] = &tally{}
		}
		coded[k].n++
		if p.Same {
			coded[k].same++
		}
	}
	domain := func(in func(community string) bool) PairValidation {
		var strata []pairStratum
		for _, pop := range all {
			if !in(pop.Community) {
				continue
			}
			for _, k := range PairKinds {
				s := pairStratum{kind: k, population: pop.Count(k)}
				if t := coded[stratumKey{pop.Community, k}]; t != nil {
					s.coded, s.same = t.n, t.same
				}
				strata = append(strata, s)
			}
		}
		return estimatePairs(strata)
	}
	v.All = domain(func(string) bool { return true })
	prof := map[string]corpus.Profession{}
	for _, g := range r.Groups {
		prof[g.Community.ID] = g.Community.Profession
	}
	for _, g := range r.Groups {
		id, p := g.Community.ID, g.Community.Profession
		v.Groups = append(v.Groups, domain(func(c string) bool {
			if id == indicator.AllCommunities {
				return prof[c] == p
			}
			return c == id
		}))
	}
}

// pairStratum is one stratum's population and coded pairs.
type pairStratum struct {
	kind                    PairKind
	population, coded, same int
}

// estimatePairs estimates precision and recall over strata (see
// ValidateRecurring).
func estimatePairs(strata []pairStratum) PairValidation {
	const lvl = stats.DefaultLevel
	var v PairValidation
	nan := math.NaN()
	k := 0
	for _, s := range strata {
		if s.population > 0 {
			k++
		}
	}
	each := 1 - (1-lvl)/float64(max(k, 1))
	// precision
	var sumN, sumNp, sumW2 float64
	var weights []float64
	var a, aLo, aHi, m, mLo, mHi, rHi float64
	for _, s := range strata {
		v.Coded += s.coded
		v.Same += s.same
		if s.kind == PairRandom {
			v.RandomCoded += s.coded
			v.RandomSame += s.same
		}
		if s.kind == PairCandidate {
			v.Flagged += s.population
		}
		if s.population == 0 {
			continue
		}
		N := float64(s.population)
		p, lo, hi := 0.0, 0.0, 1.0
		if s.coded == 0 {
			v.Unrepresented += s.population
		} else {
			p = float64(s.same) / float64(s.coded)
			e := stats.Wilson(s.same, s.coded, each, UnitPairs)
			lo, hi = e.Lo, e.Hi
		}
		if s.kind == PairCandidate {
			a, aLo, aHi = a+N*p, aLo+N*lo, aHi+N*hi
			if s.coded > 0 {
				sumN += N
				sumNp += N * p
				sumW2 += N * N / float64(s.coded)
				weights = append(weights, N/float64(s.coded))
			}
			continue
		}
		m, mLo, mHi = m+N*p, mLo+N*lo, mHi+N*hi
		if s.kind == PairRandom {
			rHi += N * hi
		}
	}
	// Precision: stats.Wilson when the weights are equal, else Wilson at
	// the effective sample size.
	nCand := 0
	for _, s := range strata {
		if s.kind == PairCandidate && s.population > 0 {
			nCand += s.coded
		}
	}
	equal := true
	for _, w := range weights {
		if math.Abs(w-weights[0]) > 1e-9*weights[0] {
			equal = false
		}
	}
	switch {
	case nCand == 0:
		v.Precision = stats.Estimate{Value: nan, Lo: nan, Hi: nan, Unit: UnitPairs, Method: stats.MethodWilson, Level: lvl}
	case equal:
		same := 0
		for _, s := range strata {
			if s.kind == PairCandidate {
				same += s.same
			}
		}
		v.Precision = stats.Wilson(same, nCand, lvl, UnitPairs)
	default:
		p := sumNp / sumN
		lo, hi := wilsonAt(p, sumN*sumN/sumW2, lvl)
		v.Precision = stats.Estimate{Value: p, Lo: lo, Hi: hi, N: nCand, Unit: UnitPairs, Method: MethodWilsonEffective, Level: lvl}
	}
	// Recall.
	ratio := func(x, y float64) float64 {
		if x+y == 0 {
			return nan
		}
		return x / (x + y)
	}
	v.Recall = stats.Estimate{Value: ratio(a, m), Lo: ratio(aLo, mHi), Hi: ratio(aHi, mLo), N: v.Coded, Unit: UnitPairs, Method: MethodBonferroniWilson, Level: lvl}
	v.RecallBounded = aLo > 0 && rHi < aLo
	return v
}

// wilsonAt is the Wilson score interval of a share p over n (possibly
// fractional, an effective sample size) units at level lvl.
func wilsonAt(p, n, lvl float64) (lo, hi float64) {
	z := distuv.UnitNormal.Quantile(1 - (1-lvl)/2)
	z2 := z * z
	den := 1 + z2/n
	centre := (p + z2/(2*n)) / den
	half := z / den * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	return math.Max(0, centre-half), math.Min(1, centre+half)
}

// validationRow is a row of the detector's validation for ResultRows.
type validationRow struct {
	name   string
	est    stats.Estimate
	reason string
}

// validationRows returns group i's rows recurring_pair_precision and
// recurring_pair_recall: the estimates of r.Recurring.Groups[i], or a
// reason (ReasonNoPairGold, ReasonPairsMismatch).
func (r Result) validationRows(i int) []validationRow {
	rows := []validationRow{{name: "recurring_pair_precision"}, {name: "recurring_pair_recall"}}
	switch v := r.Recurring; {
	case v == nil:
		rows[0].reason, rows[1].reason = ReasonNoPairGold, ReasonNoPairGold
	case v.Reason != "":
		rows[0].reason, rows[1].reason = v.Reason, v.Reason
	default:
		rows[0].est, rows[1].est = v.Groups[i].Precision, v.Groups[i].Recall
	}
	return rows
}
