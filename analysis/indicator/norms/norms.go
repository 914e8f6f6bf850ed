// Package norms measures how communities settle questions: whether
// question threads are answered and agreed upon, which rules and sources
// answers invoke, which questions come back, and how far communities
// share their members and their links.
//
// # Question threads
//
// A question thread is a thread whose start (corpus.Message.IsThreadStart:
// a message without parent that is not an orphan reply, retweets
// excluded) is a question for themes.Codebook.Code. Measure looks for
// question threads only in the communities whose replies name their
// parent message (corpus.MessageLinks): elsewhere every question would
// read as unanswered; such a community's rows (all but
// authors_in_several_groups) are NaN with reason "no message-level reply
// links" (indicator.LinksReason; written empty in indicators.csv). A message
// belongs to the thread of its ThreadID or, when the export gives none,
// to the thread reached by following its parents within the data. Its
// answers are the thread's other messages whose author is not the asker
// (the asker's own follow-ups are not answers), in time order. Status,
// operationalised as in the 2013 #DocTocToc study:
//
//   - unanswered: no answer by another author within the data;
//   - consensual: an answer cites a reference — a source of a kind in
//     ReferenceKinds (law, guidelines, insurance, by keyword or by the
//     domain of a link; an employer's word is a rule invoked but not a
//     reference that settles a question) — or at least two distinct
//     authors answer, one of them other than the first answerer expresses
//     agreement (« +1 », « pareil », « je confirme »...) and no answer
//     after the first expresses disagreement (« pas d'accord », « c'est
//     faux », an initial « non »...); the first answer is left out of the
//     disagreement test because a « non » there answers the question;
//   - non-consensual: answered otherwise;
//   - too-recent: asked less than UnansweredHorizon before the last
//     message of its community in the data, answered or not. Such a
//     question could still be answered after the export ended: counting
//     it unanswered would disagree with the Kaplan-Meier measure of
//     package responsiveness, which censors it. The status shares
//     (StatusShare) are therefore over the observed question threads
//     (Observed: all but the too-recent), answered and unanswered alike,
//     so that no status gains from the cut.
//
// # Rules and sources
//
// An answer cites a kind of rule or source (law, employer, guidelines,
// insurance: the codebook's sources) when it has one of its keywords, or
// a link to one of its domains. Citing shares are over the answers of
// question threads, overall and by month of the answer (Europe/Paris).
//
// # Recurring questions
//
// Recurring finds near-duplicate questions: each question start is read as
// normalised stems (themes.Codebook.Stems) and cut into 3-stem shingles
// (a shorter text is one shingle); a MinHash signature of 128 hash
// functions (seeded from MinHashSeed) is split into 32 bands of 4 rows
// (LSH); questions sharing a band are candidates, and a candidate pair is
// kept when the exact Jaccard similarity of the shingle sets (64-bit
// hashes of the shingles) is at least RecurringThreshold (0.5). To keep
// the cost linear, a question is compared with at most MaxBucketCompare
// (64) earlier questions: the most recent among the last BucketScan (16)
// of each of its band buckets; in a run of many identical questions, a
// pair is then missed only between questions far apart, never a
// question's being recurring. A question is recurring when it has an
// earlier near-duplicate.
//
// Words are not meaning: two different questions sharing an opener may
// be flagged, a true rewording missed. ValidateRecurring estimates the
// detector's precision and recall from pairs coded by hand (scripts/code
// pairs: pairs of one community's questions the detector flags, pairs
// just below its threshold, random pairs; PairPopulations), and Figure 14
// says it is exploratory unless the precision's interval lies at or
// above RecurringMinPrecision.
//
// # Overlap between communities
//
// Overlap gives, for each pair of communities, the Jaccard similarity of
// their author sets and of their link-domain sets (hosts without "www."),
// and the authors active in several communities, with the sizes of the
// author sets behind each share.
//
// # Indicators
//
// Rows emits, per indicator.Groups group:
//
//   - question_threads: number of question threads;
//   - consensual_share, non_consensual_share, unanswered_share: shares of
//     the observed question threads (asked at least UnansweredHorizon
//     before the community's last message) by status;
//   - citing_share: share of answers citing at least one kind of rule or
//     source; citing_share_<kind> (law, employer, guidelines, insurance):
//     share of answers citing that kind;
//   - recurring_question_share: share of question threads that are
//     recurring (within the group: a profession's group compares across
//     its communities);
//   - recurring_gap_days_median: the median, over the recurring
//     questions, of the days from the question back to its nearest
//     earlier near-duplicate (Recurrences; Figure 14 counts the same gaps
//     in GapBins);
//   - recurring_pair_precision, recurring_pair_recall: the detector's
//     precision and recall on coded pairs of the group's communities
//     (ValidateRecurring, with their intervals), empty with reason
//     ReasonNoPairGold or ReasonPairsMismatch when not validated;
//   - authors_in_several_groups: for a community, the number of its
//     authors also active in another community of the corpus; for a
//     profession, the number of authors active in at least two of its
//     communities.
//
// Shares are NaN when their denominator is zero.
//
// With gold threads (MeasureGold, Correct; the rows of CorrectedRows,
// written by all.IndicatorsCoded with gold threads):
//
//   - consensual_share_corrected, non_consensual_share_corrected,
//     unanswered_share_corrected: the shares among question threads of
//     the readable thread starts (CodingThreads: question or not, asked
//     at least UnansweredHorizon before the community's last message) as
//     the trained thread coder counts them (coder.ThreadModel), corrected
//     for its cross-validated error on the gold threads
//     (coder.CorrectStatuses: multi-class adjusted classify and count,
//     percentile bootstrap over coded and gold threads);
//   - citing_share_corrected_<kind>: citing_share_<kind> corrected for
//     the keywords' error on the gold answers (coder.PrevalenceReplicates,
//     the question threads with answers resampled).
//
// A row is empty with a reason when the correction cannot be made (too
// few gold threads of a status, or gold answers citing the kind).
//
// # Intervals
//
// Every share comes with its 95 % interval (the lo, hi, n, unit and
// method of indicators.csv):
//
//   - consensual_share, non_consensual_share, unanswered_share: Wilson
//     over the observed question threads (Group.StatusEstimate): one
//     question, one outcome, the threads taken as independent;
//   - recurring_question_share: Wilson over the question threads
//     (Group.RecurringEstimate);
//   - citing_share and citing_share_<kind>, overall and by month
//     (Citing.Est, Citing.KindEst): a ratio of sums over the question
//     threads with answers in the period, each carrying its citing
//     answers and its answers (stats.RatioOfSums, BCa, indicator.Inference):
//     the answers of one thread cite together (one answerer citing the
//     law is often followed by another), so answers are not independent.
//     A share of exactly 0 or 1 has no bootstrap variation: it gets the
//     Wilson interval over the answers, with Unit "answers".
//
// The citing intervals are the family's only bootstrap; MeasureCounts
// skips it for readers that need only threads, statuses and counts.
//
// CompareStatus, CompareRecurring and CompareCiting compare two groups
// over the same units (stats.Difference). The published #DocTocToc
// studies (DocTocToc2013, Lille2024) give only their shares and their
// number of questions: their Wilson intervals come from those
// (Published.Estimate), and CompareWithPublished gives our share minus
// theirs with Newcombe's hybrid score interval.
package norms

import (
	"slices"
	"sort"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

// Status is the outcome of a question thread.
type Status string

// Statuses of a question thread.
const (
	Unanswered    Status = "unanswered"
	Consensual    Status = "consensual"
	NonConsensual Status = "non-consensual"
	TooRecent     Status = "too-recent"
)

// UnansweredHorizon is how long before its community's last message a
// question must have been asked for its status to be read: 7 days. In
// the synthetic sample 12 of 10,331 answered threads (0.1 %) are first
// answered later than that (TestHorizonCoversFirstAnswers in package
// simulate keeps it under 1 %): a question younger than the horizon at
// the end of the export is too recent to be called unanswered. On a
// study whose answers come slower, the horizon should be checked the
// same way (Figure 9 shows the delays).
const UnansweredHorizon = 7 * 24 * time.Hour

// ReferenceKinds are the kinds of source whose citation makes a thread
// consensual.
var ReferenceKinds = []string{"law", "guidelines", "insurance"}

// Answer is a message of a question thread by another author than the
// asker.
type Answer struct {
	ID, Author   string
	Created      time.Time
	Sources      []string // kinds cited, by keyword or link, in codebook order
	Agreement    bool
	Disagreement bool
}

// Thread is a question thread.
type Thread struct {
	Community    string
	ID           string // the start's id
	Asker        string
	Created      time.Time
	QuestionType string
	Stems        []string // of the question, for Recurring
	Answers      []Answer // by time, then id
	Answerers    int      // distinct authors of answers
	Status       Status
}

type key struct{ community, id string }

// threadRoots returns a function giving, for the index of a message of
// msgs, the index of its thread's start: its ThreadID's message when
// that is a thread start in msgs, else the start reached by following its
// parents within msgs; −1 when there is none. Results are memoised.
func threadRoots(msgs []corpus.Message) func(i int) int {
	index := make(map[key]int, len(msgs))
	for i := range msgs {
		index[key{msgs[i].Community, msgs[i].ID}] = i
	}
	// root of each message: its ThreadID, else up the parents
	root := make([]int, len(msgs)) // index of the thread start, -1 unknown, -2 not yet computed
	for i := range root {
		root[i] = -2
	}
	return func(i int) int {
		var chain []int
		r := -1
		for steps := 0; steps <= len(msgs); steps++ {
			if root[i] != -2 {
				r = root[i]
				break
			}
			m := &msgs[i]
			chain = append(chain, i)
			if m.ThreadID != "" && m.ThreadID != m.ID {
				if j, ok := index[key{m.Community, m.ThreadID}]; ok && msgs[j].IsThreadStart() {
					r = j
				}
				break
			}
			if m.IsThreadStart() {
				r = i
				break
			}
			j, ok := index[key{m.Community, m.ParentID}]
			if !ok {
				break
			}
			i = j
		}
		for _, c := range chain {
			root[c] = r
		}
		return r
	}
}

// QuestionThreads returns the question threads of msgs (messages of
// communities of profession p), sorted by start time, community and id.
func QuestionThreads(cb *themes.Codebook, msgs []corpus.Message, p corpus.Profession) []Thread {
	resolve := threadRoots(msgs)
	end := map[string]time.Time{} // each community's last message
	for i := range msgs {
		if m := &msgs[i]; m.Created.After(end[m.Community]) {
			end[m.Community] = m.Created
		}
	}
	threadOf := map[int]int{} // start index -> index in out
	var out []Thread
	for i := range msgs {
		m := &msgs[i]
		if !m.IsThreadStart() || m.Kind == corpus.Retweet {
			continue
		}
		c := cb.Code(m.Text, p)
		if !c.Question {
			continue
		}
		threadOf[i] = len(out)
		out = append(out, Thread{Community: m.Community, ID: m.ID, Asker: m.Author, Created: m.Created, QuestionType: c.QuestionType, Stems: cb.Stems(m.Text)})
	}
	for i := range msgs {
		m := &msgs[i]
		if m.Kind == corpus.Retweet || m.IsThreadStart() {
			continue
		}
		r := resolve(i)
		t, ok := threadOf[r]
		if !ok || m.Author == out[t].Asker {
			continue
		}
		c := cb.Code(m.Text, p)
		src := c.Sources
		if ls := cb.LinkSources(m.Links); len(ls) > 0 {
			src = union(cb.SourceKinds(), src, ls)
		}
		out[t].Answers = append(out[t].Answers, Answer{ID: m.ID, Author: m.Author, Created: m.Created, Sources: src, Agreement: c.Agreement, Disagreement: c.Disagreement})
	}
	for i := range out {
		t := &out[i]
		sort.SliceStable(t.Answers, func(a, b int) bool {
			x, y := t.Answers[a], t.Answers[b]
			if !x.Created.Equal(y.Created) {
				return x.Created.Before(y.Created)
			}
			return x.ID < y.ID
		})
		authors := map[string]bool{}
		for _, a := range t.Answers {
			authors[a.Author] = true
		}
		t.Answerers = len(authors)
		t.Status = status(t.Answers, t.Answerers)
		if end[t.Community].Sub(t.Created) < UnansweredHorizon {
			t.Status = TooRecent
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return threadLess(&out[a], &out[b]) })
	return out
}

func threadLess(x, y *Thread) bool {
	if !x.Created.Equal(y.Created) {
		return x.Created.Before(y.Created)
	}
	if x.Community != y.Community {
		return x.Community < y.Community
	}
	return x.ID < y.ID
}

// union returns the kinds in a or b, in the order of all.
func union(all []string, a, b []string) []string {
	var out []string
	for _, k := range all {
		if slices.Contains(a, k) || slices.Contains(b, k) {
			out = append(out, k)
		}
	}
	return out
}

// status applies the consensus rule to a thread's answers (sorted by
// time).
func status(answers []Answer, answerers int) Status {
	if len(answers) == 0 {
		return Unanswered
	}
	for _, a := range answers {
		for _, k := range a.Sources {
			if slices.Contains(ReferenceKinds, k) {
				return Consensual
			}
		}
	}
	if answerers >= 2 {
		first := answers[0].Author
		agree, disagree := false, false
		for _, a := range answers[1:] {
			if a.Disagreement {
				disagree = true
			}
			if a.Agreement && !a.Disagreement && a.Author != first {
				agree = true
			}
		}
		if agree && !disagree {
			return Consensual
		}
	}
	return NonConsensual
}
