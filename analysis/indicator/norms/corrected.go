package norms

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// NotAQuestion is the status of a thread whose start is not a question,
// in the thread coders' statuses (coder.ThreadStatuses); QuestionThreads
// keeps only the others.
const NotAQuestion Status = coder.StatusNotAQuestion

// Coder names of a Correction.
const (
	CoderTrained = "trained"
	CoderKeyword = "keyword"
)

// CodingThreads returns the threads of msgs (messages of communities of
// profession p) whose status can be read, as the thread coders read
// them: every thread start (corpus.Message.IsThreadStart, retweets
// excluded) asked at least UnansweredHorizon before its community's last
// message, question or not, with the other messages of its thread
// (ThreadID, else up the parents; retweets excluded; the asker's own
// follow-ups included, as `scripts/code sample` shows them to the coders)
// by time then id, and Keyword the keyword rule's status (QuestionThreads'
// status, NotAQuestion for a start the codebook does not read as a
// question). In the order of msgs.
func CodingThreads(cb *themes.Codebook, msgs []corpus.Message, p corpus.Profession) []coder.Thread {
	status := map[key]Status{}
	for _, t := range QuestionThreads(cb, msgs, p) {
		status[key{t.Community, t.ID}] = t.Status
	}
	end := map[string]time.Time{}
	for i := range msgs {
		if m := &msgs[i]; m.Created.After(end[m.Community]) {
			end[m.Community] = m.Created
		}
	}
	resolve := threadRoots(msgs)
	members := map[int][]int{}
	for i := range msgs {
		m := &msgs[i]
		if m.Kind == corpus.Retweet || m.IsThreadStart() {
			continue
		}
		if r := resolve(i); r >= 0 {
			members[r] = append(members[r], i)
		}
	}
	var out []coder.Thread
	for i := range msgs {
		m := &msgs[i]
		if !m.IsThreadStart() || m.Kind == corpus.Retweet || end[m.Community].Sub(m.Created) < UnansweredHorizon {
			continue
		}
		t := coder.Thread{Community: m.Community, Profession: p, Text: m.Text, Asker: m.Author, Keyword: string(NotAQuestion)}
		if s, ok := status[key{m.Community, m.ID}]; ok {
			t.Keyword = string(s)
		}
		ans := members[i]
		slices.SortStableFunc(ans, func(a, b int) int {
			if c := msgs[a].Created.Compare(msgs[b].Created); c != 0 {
				return c
			}
			switch {
			case msgs[a].ID < msgs[b].ID:
				return -1
			case msgs[a].ID > msgs[b].ID:
				return 1
			}
			return 0
		})
		for _, j := range ans {
			t.Answers = append(t.Answers, coder.ThreadAnswer{Text: msgs[j].Text, Author: msgs[j].Author})
		}
		out = append(out, t)
	}
	return out
}

var urlPattern = regexp.MustCompile(`https?://[^\s<>"]+`)

// answerSources returns the source kinds the keyword codebook reads in an
// answer's text: its keywords, and the domains of the web addresses
// written in it (a gold file has no link column).
func answerSources(cb *themes.Codebook, text string, p corpus.Profession) []string {
	src := cb.Code(text, p).Sources
	if ls := cb.LinkSources(urlPattern.FindAllString(text, -1)); len(ls) > 0 {
		src = union(cb.SourceKinds(), src, ls)
	}
	return src
}

// KeywordStatus applies the keyword rule to a thread read from its texts
// (a gold thread without a stratum naming the rule's status): NotAQuestion
// when the codebook does not read its start as a question, else the
// consensus rule of QuestionThreads on the answers by another author than
// the asker. An answer of unknown author (a gold file has none) counts as
// by an author of its own; answer times are their order.
func KeywordStatus(cb *themes.Codebook, t coder.Thread) Status {
	if !cb.Code(t.Text, t.Profession).Question {
		return NotAQuestion
	}
	var answers []Answer
	authors := map[string]bool{}
	for i, a := range t.Answers {
		author := a.Author
		if author == "" {
			author = "\x00answer " + strconv.Itoa(i)
		} else if author == t.Asker {
			continue
		}
		c := cb.Code(a.Text, t.Profession)
		answers = append(answers, Answer{Author: author, Sources: answerSources(cb, a.Text, t.Profession), Agreement: c.Agreement, Disagreement: c.Disagreement})
		authors[author] = true
	}
	return status(answers, len(authors))
}

// CorrectOptions sets a Correction. The zero value is usable.
type CorrectOptions struct {
	// Coder is the coder whose counts Figure 12 and the corrected rows
	// use: CoderTrained (the default, "") or CoderKeyword.
	Coder string
	// CV sets the thread coder's cross-validation.
	CV coder.ThreadCVOptions
	// Status and Sources set the corrections; their zero stats.Options
	// take indicator.Inference's.
	Status  coder.StatusOptions
	Sources coder.PrevalenceOptions
	// MinGoldAnswers is the number of gold answers citing a kind, and
	// not citing it, for its share to be corrected; 0:
	// coder.DefaultMinPositives.
	MinGoldAnswers int
}

// Correction is the status and source shares of a Result corrected for
// the coders' error measured on gold threads.
type Correction struct {
	// Coder is the coder of Groups[i].Status (CoderTrained or
	// CoderKeyword).
	Coder string
	// Report is the thread coder's cross-validation beside the keyword
	// rule on the gold threads.
	Report coder.ThreadReport
	// Kinds are the codebook's source kinds; SourceRates[i] the keyword
	// codebook's confusion on kind i over the GoldAnswers gold answers
	// by others than the asker (of the gold threads the keyword rule
	// reads as questions, as the answers counted; stratified by the gold
	// threads' strata: coder.ThreadSourceRates); SourceReasons[i] why
	// kind i is not corrected ("": it is).
	Kinds         []string
	GoldAnswers   int
	SourceRates   []coder.Rates
	SourceReasons []string
	// Rounds are the two coders' agreement of each coding round of the
	// gold threads (coder.ThreadRounds), for Table 5; Correct leaves it
	// empty, the caller that read the gold files fills it.
	Rounds []coder.CodingRound
	// Groups are aligned with Result.Groups.
	Groups []GroupCorrection
}

// GroupCorrection is one group's corrected shares.
type GroupCorrection struct {
	Community corpus.Community
	// Reason says why the group has no corrected share (its replies do
	// not name their parent message: indicator.LinksReason).
	Reason string
	// Status are the status shares of the threads coded by the chosen
	// coder (Correction.Coder), corrected with its confusion; Trained and
	// Keyword those of each coder (Status is one of them).
	Status, Trained, Keyword coder.StatusShares
	// Sources[i] is the share of the answers of question threads citing
	// Kinds[i] as the keyword codebook reads them (Citing.ByKind),
	// corrected with the codebook's rates on the gold answers; N counts
	// the question threads with answers (the units resampled).
	Sources []coder.Corrected
}

// MeasureGold is Measure with the status and source shares corrected
// for the coders' error on the gold threads (Result.Corrected; Correct).
func MeasureGold(c *corpus.Corpus, cb *themes.Codebook, gold []coder.Thread, opts CorrectOptions) (Result, error) {
	r := Measure(c, cb)
	corr, err := Correct(c, r, gold, opts)
	r.Corrected = corr
	return r, err
}

// MeasureGoldCounts is MeasureCounts with the corrected shares
// (Correct).
func MeasureGoldCounts(c *corpus.Corpus, cb *themes.Codebook, gold []coder.Thread, opts CorrectOptions) (Result, error) {
	r := MeasureCounts(c, cb)
	corr, err := Correct(c, r, gold, opts)
	r.Corrected = corr
	return r, err
}

// Correct cross-validates the thread coder on gold beside the keyword
// rule (coder.CrossValidateThreads; a gold thread without Keyword gets
// KeywordStatus), codes every group's CodingThreads with the fold models
// (coder.CountThreads) and with the keyword rule, and corrects both
// counts with each coder's cross-validated confusion
// (coder.CorrectStatuses); it corrects each group's share of answers
// citing each source kind with the keyword codebook's rates on the gold
// answers (coder.PrevalenceReplicates, the coded share's replicates
// resampling the question threads with answers, as the citing intervals,
// opts.Sources' replicates and seed). r must be
// the measure of c (Measure or MeasureCounts, with the codebook of the
// gold codes).
func Correct(c *corpus.Corpus, r Result, gold []coder.Thread, opts CorrectOptions) (*Correction, error) {
	cb := r.Codebook
	if cb == nil {
		return nil, fmt.Errorf("norms: Correct: no codebook in the result")
	}
	switch opts.Coder {
	case "":
		opts.Coder = CoderTrained
	case CoderTrained, CoderKeyword:
	default:
		return nil, fmt.Errorf("norms: Correct: coder %q: want %q or %q", opts.Coder, CoderTrained, CoderKeyword)
	}
	if opts.Status.Options == (stats.Options{}) {
		opts.Status.Options = indicator.Inference
	}
	if opts.Sources.Options == (stats.Options{}) {
		opts.Sources.Options = indicator.Inference
	}
	opts.Sources.Unit = UnitThreads
	if opts.MinGoldAnswers == 0 {
		opts.MinGoldAnswers = coder.DefaultMinPositives
	}
	gold = slices.Clone(gold)
	for i := range gold {
		if gold[i].Keyword == "" {
			gold[i].Keyword = string(KeywordStatus(cb, gold[i]))
		}
	}
	rep, err := coder.CrossValidateThreads(gold, cb, opts.CV)
	if err != nil {
		return nil, err
	}
	corr := &Correction{Coder: opts.Coder, Report: rep, Kinds: cb.SourceKinds()}
	corr.sourceRates(cb, gold, opts.MinGoldAnswers)

	K := len(coder.ThreadStatuses)
	type counts struct{ trained, keyword []int }
	byCommunity := map[string]counts{}
	byProf := map[corpus.Profession]counts{}
	models := rep.Models()
	for _, gr := range indicator.Groups(c) {
		if gr.Community.ID == indicator.AllCommunities || corpus.LinksOf(gr.Messages).Strength() != corpus.MessageLinks {
			continue
		}
		ts := CodingThreads(cb, gr.Messages, gr.Community.Profession)
		n := counts{coder.CountThreads(models, len(ts), func(i int) coder.Thread { return ts[i] }), make([]int, K)}
		for _, t := range ts {
			n.keyword[slices.Index(coder.ThreadStatuses, t.Keyword)]++
		}
		byCommunity[gr.Community.ID] = n
		p := byProf[gr.Community.Profession]
		if p.trained == nil {
			p = counts{make([]int, K), make([]int, K)}
		}
		for k := range K {
			p.trained[k] += n.trained[k]
			p.keyword[k] += n.keyword[k]
		}
		byProf[gr.Community.Profession] = p
	}
	for _, g := range r.Groups {
		gc := GroupCorrection{Community: g.Community, Reason: indicator.LinksReason(g.Links, corpus.MessageLinks)}
		n, ok := byCommunity[g.Community.ID]
		if g.Community.ID == indicator.AllCommunities {
			n, ok = byProf[g.Community.Profession]
		}
		if !ok {
			n = counts{make([]int, K), make([]int, K)}
		}
		gc.Trained = coder.CorrectStatuses(n.trained, rep.Confusion(false), opts.Status)
		gc.Keyword = coder.CorrectStatuses(n.keyword, rep.Confusion(true), opts.Status)
		gc.Status = gc.Trained
		if opts.Coder == CoderKeyword {
			gc.Status = gc.Keyword
		}
		answers, _, byKind := threadCiting(g.Threads, corr.Kinds, func(Answer) bool { return true })
		for i := range corr.Kinds {
			var e coder.Corrected
			if g.Citing.Answers > 0 && corr.SourceReasons[i] == "" {
				// The coded share's replicates resample the question
				// threads with answers, as the citing intervals: answers
				// cluster in threads.
				num, den := byKind[i], answers
				qreps := stats.Replicates(len(den), func(idx []int) float64 {
					var k, n float64
					for _, j := range idx {
						k += num[j]
						n += den[j]
					}
					return k / n
				}, opts.Sources.Options)
				e = coder.PrevalenceReplicates(g.Citing.KindShare(i), qreps, len(den), corr.SourceRates[i], opts.Sources)
			} else {
				nan := math.NaN()
				e = coder.Corrected{Estimate: stats.Estimate{Value: nan, Lo: nan, Hi: nan, N: len(answers), Unit: UnitThreads, Method: coder.MethodACC}, Reason: corr.SourceReasons[i],
					Naive: stats.Estimate{Value: g.Citing.KindShare(i), Lo: nan, Hi: nan, N: len(answers), Unit: UnitThreads}}
			}
			gc.Sources = append(gc.Sources, e)
		}
		corr.Groups = append(corr.Groups, gc)
	}
	return corr, nil
}

// sourceRates fills the keyword codebook's confusion on each source kind
// over the answers by others (the asker's follow-ups left out, as in the
// citing counts corrected; all answers of a gold file without author
// column) of the gold threads it reads as questions, weighted by the
// threads' strata when they have several (coder.ThreadSourceRates).
func (corr *Correction) sourceRates(cb *themes.Codebook, gold []coder.Thread, min int) {
	corr.SourceRates, corr.GoldAnswers = coder.ThreadSourceRates(gold, corr.Kinds,
		func(t coder.Thread) bool { return t.Keyword != string(NotAQuestion) },
		func(t coder.Thread, a coder.ThreadAnswer) []string { return answerSources(cb, a.Text, t.Profession) })
	for i, k := range corr.Kinds {
		r := corr.SourceRates[i]
		reason := ""
		switch {
		case r.TP+r.FN < min:
			reason = fmt.Sprintf("%d gold answers citing %s, fewer than %d: the codebook's error on them is not measured", r.TP+r.FN, k, min)
		case r.FP+r.TN < min:
			reason = fmt.Sprintf("%d gold answers not citing %s, fewer than %d", r.FP+r.TN, k, min)
		}
		corr.SourceReasons = append(corr.SourceReasons, reason)
	}
}

// Group returns the correction of the group of community id (a
// community's id, or indicator.AllCommunities with the profession p),
// and whether there is one.
func (c *Correction) Group(id string, p corpus.Profession) (GroupCorrection, bool) {
	if c == nil {
		return GroupCorrection{}, false
	}
	for _, g := range c.Groups {
		if g.Community.ID == id && (id != indicator.AllCommunities || g.Community.Profession == p) {
			return g, true
		}
	}
	return GroupCorrection{}, false
}

// correctedIndicator names the corrected rows of the question statuses,
// in coder.QuestionStatuses order.
var correctedIndicator = []string{"consensual_share_corrected", "non_consensual_share_corrected", "unanswered_share_corrected"}

// CorrectedRows returns, per group of r with a correction
// (MeasureGold), consensual_share_corrected,
// non_consensual_share_corrected and unanswered_share_corrected (the
// shares among question threads corrected for the chosen coder's error,
// Correction.Coder, coder.StatusShares.CorrectedQuestions) and
// citing_share_corrected_<kind> (GroupCorrection.Sources). A row has an
// empty value and a reason when the correction, or its interval, cannot
// be made (a corrected share without its uncertainty is not given); nil
// when r has no correction.
func CorrectedRows(r Result) []indicator.Row {
	if r.Corrected == nil {
		return nil
	}
	var rows []indicator.Row
	for _, g := range r.Corrected.Groups {
		add := func(name string, e stats.Estimate, reason string) {
			row := indicator.Row{Community: g.Community.ID, Profession: g.Community.Profession, Indicator: name}
			row.SetEstimate(e)
			switch {
			case g.Reason != "":
				row.Value, row.Reason = math.NaN(), g.Reason
			case math.IsNaN(e.Value) && e.N > 0: // no unit: NaN without reason, as the uncorrected shares
				row.Reason = reason
			case !math.IsNaN(e.Value) && (math.IsNaN(e.Lo) || math.IsNaN(e.Hi)):
				// A value whose interval could not be drawn says why.
				row.Reason = reason
			}
			rows = append(rows, row)
		}
		for k, name := range correctedIndicator {
			add(name, g.Status.CorrectedQuestions[k], g.Status.Reason)
		}
		for i, k := range r.Corrected.Kinds {
			add("citing_share_corrected_"+k, g.Sources[i].Estimate, g.Sources[i].Reason)
		}
	}
	indicator.Sort(rows)
	return rows
}
