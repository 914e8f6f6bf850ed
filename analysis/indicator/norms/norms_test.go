package norms

import (
	"math"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"github.com/faire-communaute/compendium/analysis/repo"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/indicator/themes/themestest"
)

func codebook(t testing.TB) *themes.Codebook {
	t.Helper()
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	return cb
}

var t0 = time.Date(2019, 5, 10, 8, 0, 0, 0, time.UTC)

type m struct {
	id, author, parent, thread, text string
	minutes                          int
	links                            []string
}

func build(com string, ms ...m) []corpus.Message {
	var out []corpus.Message
	for _, x := range ms {
		k := corpus.Reply
		if x.parent == "" {
			k = corpus.Tweet
		}
		out = append(out, corpus.Message{Community: com, ID: x.id, Kind: k, Author: x.author, ParentID: x.parent, ThreadID: x.thread,
			Text: x.text, Created: t0.Add(time.Duration(x.minutes) * time.Minute), Links: x.links})
	}
	return out
}

// crafted: seven question threads of a GP community.
func crafted() []corpus.Message {
	q := "#DocTocToc cystite chez un homme de 50 ans, vous faites comment ?"
	return build("mg",
		// T1: an answer cites guidelines
		m{"t1", "A", "", "t1", q, 0, nil},
		m{"t1a", "B", "t1", "t1", "Les recos HAS disent 7 jours", 1, nil},
		// T2: two answerers, the second agrees
		m{"t2", "A", "", "t2", q + " (bis)", 10, nil},
		m{"t2a", "B", "t2", "t2", "Fosfomycine pas chez l'homme, plutot ofloxacine", 11, nil},
		m{"t2b", "C", "t2a", "t2", "+1 je confirme", 12, nil},
		// T3: as T2, then a disagreement
		m{"t3", "D", "", "t3", "Qqun a une idee pour une toux chronique ?", 20, nil},
		m{"t3a", "B", "t3", "t3", "Un IEC ?", 21, nil},
		m{"t3b", "C", "t3", "t3", "Pareil, regarde le traitement", 22, nil},
		m{"t3c", "E", "t3a", "t3", "Pas d'accord, d'abord une radio", 23, nil},
		// T4: the asker answers alone
		m{"t4", "A", "", "t4", "Quelle dose de vitamine D chez le nourrisson ?", 30, nil},
		m{"t4a", "A", "t4", "t4", "Je precise : allaite", 31, nil},
		// T5: no answer
		m{"t5", "B", "", "t5", "Est-ce que la CRP a un interet ici ?", 40, nil},
		// T6: one answerer, no reference; the reply to the reply has no
		// ThreadID and is reached through its parent
		m{"t6", "C", "", "t6", "Vous donnez quoi pour une otite ?", 50, nil},
		m{"t6a", "D", "t6", "t6", "Amox 80 mg/kg", 51, nil},
		m{"t6b", "D", "t6a", "", "ou rien avant 48 h", 52, nil},
		// T7: a link to Légifrance, a month later
		m{"t7", "E", "", "t7", "Certificat de deces un dimanche, qui paie ?", 60 * 24 * 31, nil},
		m{"t7a", "B", "t7", "t7", "Voir ici", 60*24*31 + 5, []string{"https://www.legifrance.gouv.fr/codes/article_lc/X"}},
		// not a question: no thread
		m{"n1", "A", "", "n1", "Belle journee au cabinet", 70, nil},
		m{"n1a", "B", "n1", "n1", "Merci !", 71, nil},
		// a reply whose thread is not in the data
		m{"o1", "B", "gone", "gone", "+1", 72, nil},
		// the export's last message, 45 days in: every question is at
		// least UnansweredHorizon older
		m{"z1", "C", "", "z1", "Bonne soiree a tous", 60 * 24 * 45, nil},
	)
}

// A question asked less than UnansweredHorizon before its community's
// last message is too recent to read, answered or not, and the status
// shares are over the others: without the last message, T7 (answered 5
// minutes after it was asked, at the export's end) is too recent and the
// shares are over 6 threads; a question asked 8 days before the end with
// no answer is unanswered.
func TestTooRecentQuestions(t *testing.T) {
	cb := codebook(t)
	msgs := crafted()
	msgs = msgs[:len(msgs)-1] // the export now ends with T7's answer
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "mg", Profession: corpus.GP}}, Messages: msgs}
	g := Measure(c, cb).Groups[0]
	if g.StatusCount(TooRecent) != 1 || g.Observed() != 6 || g.Threads[len(g.Threads)-1].Status != TooRecent {
		t.Fatalf("too recent %d, observed %d", g.StatusCount(TooRecent), g.Observed())
	}
	if g.StatusShare(Consensual) != 2.0/6 || g.StatusShare(Unanswered) != 2.0/6 || g.StatusShare(NonConsensual) != 2.0/6 {
		t.Errorf("shares %v %v %v", g.StatusShare(Consensual), g.StatusShare(NonConsensual), g.StatusShare(Unanswered))
	}
	end := t0.Add(60 * 24 * 31 * time.Minute)
	for _, d := range []struct {
		age  time.Duration
		want Status
	}{{UnansweredHorizon - time.Minute, TooRecent}, {UnansweredHorizon, Unanswered}, {8 * 24 * time.Hour, Unanswered}} {
		ms := build("mg", m{"q", "A", "", "q", "Est-ce que la CRP a un interet ici ?", 0, nil}, m{"last", "B", "", "last", "Bonne soiree", 0, nil})
		ms[0].Created, ms[1].Created = end.Add(-d.age), end
		if ts := QuestionThreads(cb, ms, corpus.GP); len(ts) != 1 || ts[0].Status != d.want {
			t.Errorf("asked %v before the end: %+v, want %s", d.age, ts, d.want)
		}
	}
}

func TestStatusOfCraftedThreads(t *testing.T) {
	cb := codebook(t)
	ts := QuestionThreads(cb, crafted(), corpus.GP)
	got := map[string]Status{}
	answers := map[string]int{}
	for _, th := range ts {
		got[th.ID] = th.Status
		answers[th.ID] = len(th.Answers)
	}
	want := map[string]Status{"t1": Consensual, "t2": Consensual, "t3": NonConsensual, "t4": Unanswered, "t5": Unanswered, "t6": NonConsensual, "t7": Consensual}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("statuses = %v, want %v", got, want)
	}
	if answers["t6"] != 2 || answers["t4"] != 0 || answers["t3"] != 3 {
		t.Errorf("answers = %v", answers)
	}
	if ts[0].ID != "t1" || ts[len(ts)-1].ID != "t7" {
		t.Errorf("threads not in time order: %s ... %s", ts[0].ID, ts[len(ts)-1].ID)
	}
	if ts[len(ts)-1].Answers[0].Sources[0] != "law" {
		t.Errorf("link not read as law: %+v", ts[len(ts)-1].Answers)
	}
}

func TestRowsOfCraftedThreads(t *testing.T) {
	cb := codebook(t)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "mg", Profession: corpus.GP}}, Messages: crafted()}
	got := map[string]float64{}
	for _, r := range Rows(c, cb) {
		got[r.Community+"/"+r.Indicator] = r.Value
	}
	// 7 threads: 3 consensual, 2 non-consensual, 2 unanswered. Answers:
	// T1 1, T2 2, T3 3, T6 2, T7 1 = 9; citing: T1 (guidelines), T7 (law).
	want := map[string]float64{
		"mg/question_threads":          7,
		"mg/consensual_share":          3.0 / 7,
		"mg/non_consensual_share":      2.0 / 7,
		"mg/unanswered_share":          2.0 / 7,
		"mg/citing_share":              2.0 / 9,
		"mg/citing_share_law":          1.0 / 9,
		"mg/citing_share_guidelines":   1.0 / 9,
		"mg/citing_share_employer":     0,
		"mg/authors_in_several_groups": 0,
		"*/question_threads":           7,
		"*/recurring_question_share":   1.0 / 7,          // T2 repeats T1
		"*/recurring_gap_days_median":  10.0 / (24 * 60), // 10 minutes later
		"mg/recurring_gap_days_median": 10.0 / (24 * 60),
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || !indicatortest.Near(g, v) {
			t.Errorf("%s = %v (present %v), want %v", k, g, ok, v)
		}
	}
	res := Measure(c, cb)
	groups := res.Groups
	if len(groups[0].ByMonth) != 2 || groups[0].ByMonth[0].Month != "2019-05" || groups[0].ByMonth[1].Answers != 1 || groups[0].ByMonth[1].ByKind[0] != 1 {
		t.Errorf("by month: %+v", groups[0].ByMonth)
	}
	df := CitingFrame(res)
	if df.Nrow() != 2*2*(1+4) || df.Elem(0, 3).String() != "any" || df.Elem(1, 3).String() != "law" {
		t.Errorf("citing frame:\n%v", df)
	}
	if tf := ThreadFrame(groups[0].Threads); tf.Nrow() != 7 || tf.Elem(0, 6).String() != "consensual" {
		t.Errorf("thread frame:\n%v", tf)
	}
	// The counts behind the shares: 3 consensual, 2 non-consensual, 2
	// unanswered of 7.
	if g := groups[0]; g.StatusCount(Consensual) != 3 || g.StatusCount(NonConsensual) != 2 || g.StatusCount(Unanswered) != 2 || res.Codebook != cb {
		t.Errorf("status counts %d %d %d", g.StatusCount(Consensual), g.StatusCount(NonConsensual), g.StatusCount(Unanswered))
	}
}

func TestRecurringFindsRewordedQuestion(t *testing.T) {
	cb := codebook(t)
	msgs := build("ad",
		m{"q1", "A", "", "", "Qqun sait si l'employeur peut imposer des coupures de trois heures sans payer le temps de trajet ?", 0, nil},
		m{"q2", "B", "", "", "Posologie de l'amoxicilline chez l'enfant de 14 kilos ?", 5, nil},
		m{"q3", "C", "", "", "Quelqu'un sait si l'employeur peut imposer des coupures de 3 heures sans payer le temps de trajet ??", 10, nil},
		m{"q4", "D", "", "", "Vous faites comment pour la toilette d'une dame qui refuse ?", 15, nil},
	)
	ts := QuestionThreads(cb, msgs, corpus.HomeCareAide)
	if len(ts) != 4 {
		t.Fatalf("%d questions", len(ts))
	}
	pairs := Recurring(ts)
	if len(pairs) != 1 || pairs[0].EarlierID != "q1" || pairs[0].LaterID != "q3" || pairs[0].Similarity < RecurringThreshold {
		t.Fatalf("pairs = %+v", pairs)
	}
	// 19 stems each (qqun gives two), so 17 shingles; the 3 holding
	// "trois" or "3" differ: J = 14 / (17 + 3) = 0.7
	if !indicatortest.Near(pairs[0].Similarity, 0.7) {
		t.Errorf("similarity = %v, want 0.7", pairs[0].Similarity)
	}
	if s := RecurringShare(ts, pairs); !indicatortest.Near(s, 0.25) {
		t.Errorf("share = %v", s)
	}
}

func TestJaccardAndOverlapByHand(t *testing.T) {
	if j := Jaccard([]uint64{1, 2, 3}, []uint64{2, 3, 4}); !indicatortest.Near(j, 0.5) {
		t.Errorf("Jaccard = %v, want 0.5", j)
	}
	if sh := Shingles([]string{"a", "b"}); len(sh) != 1 {
		t.Errorf("short text: %d shingles", len(sh))
	}
	if sh := Shingles([]string{"a", "b", "c", "a", "b", "c"}); len(sh) != 3 {
		t.Errorf("repeated shingles: %d, want 3 distinct", len(sh))
	}
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "y", Profession: corpus.HomeCareAide}, {ID: "x", Profession: corpus.HomeCareAide}, {ID: "z", Profession: corpus.GP}},
		Messages: []corpus.Message{
			{Community: "x", ID: "1", Author: "a", Links: []string{"https://www.legifrance.gouv.fr/a"}},
			{Community: "x", ID: "2", Author: "b"},
			{Community: "x", ID: "3", Author: "c"},
			{Community: "y", ID: "1", Author: "b", Links: []string{"http://legifrance.gouv.fr/b", "https://www.ameli.fr/"}},
			{Community: "y", ID: "2", Author: "c"},
			{Community: "y", ID: "3", Author: "d"},
			{Community: "y", ID: "4", Author: "e"},
		},
	}
	r := Overlap(c)
	// x = {a,b,c}, y = {b,c,d,e}: 2/5; domains {legifrance} vs
	// {legifrance, ameli}: 1/2; z has no message: 0 with x, y
	if len(r.Pairs) != 3 || r.Pairs[0].A != "x" || r.Pairs[0].B != "y" || !indicatortest.Near(r.Pairs[0].AuthorsJaccard, 0.4) || !indicatortest.Near(r.Pairs[0].DomainsJaccard, 0.5) || r.Pairs[0].SharedAuthors != 2 {
		t.Errorf("pairs = %+v", r.Pairs)
	}
	if r.Pairs[2].AuthorsJaccard != 0 || r.AuthorsInSeveral != 2 || !reflect.DeepEqual(r.InOthers, []int{2, 2, 0}) {
		t.Errorf("report = %+v", r)
	}
	// The author sets behind the shares: x 3, y 4, z none; a to e, 5 in
	// all; the communities as declared.
	if r.Authors != 5 || !reflect.DeepEqual(r.AuthorsOf, []int{3, 4, 0}) || len(r.Communities) != 3 || r.Communities[2].Profession != corpus.GP {
		t.Errorf("author counts %d %v, communities %+v", r.Authors, r.AuthorsOf, r.Communities)
	}
	if !indicatortest.Near(r.InOthersShare(0), 2.0/3) || !indicatortest.Near(r.InOthersShare(1), 0.5) || !math.IsNaN(r.InOthersShare(2)) || !indicatortest.Near(r.SeveralShare(), 0.4) {
		t.Errorf("shares %v %v %v %v", r.InOthersShare(0), r.InOthersShare(1), r.InOthersShare(2), r.SeveralShare())
	}
	if n, j := setJaccard(nil, nil); n != 0 || !math.IsNaN(j) {
		t.Errorf("empty sets: %d %v, want 0 NaN", n, j)
	}
	if df := OverlapFrame(r); df.Nrow() != 3 || df.Elem(1, 1).String() != "z" {
		t.Errorf("frame:\n%v", df)
	}
	got := map[string]float64{}
	for _, row := range ResultRows(Measure(c, codebook(t))) {
		got[row.Community+"/"+row.Indicator] = row.Value
	}
	if got["x/authors_in_several_groups"] != 2 || got["*/authors_in_several_groups"] != 0 && got["z/authors_in_several_groups"] != 0 {
		t.Errorf("rows: %v", got)
	}
}

func TestSyntheticDeterministic(t *testing.T) {
	cb := codebook(t)
	c := themestest.Corpus(5, 6000)
	a, b := Measure(c, cb).Groups, Measure(c, cb).Groups
	if !reflect.DeepEqual(PairFrame(a[0].Pairs).Records(), PairFrame(b[0].Pairs).Records()) {
		t.Error("pairs differ between runs")
	}
	if len(a[0].Threads) == 0 || len(a[0].Pairs) == 0 {
		t.Errorf("synthetic corpus: %d threads, %d pairs", len(a[0].Threads), len(a[0].Pairs))
	}
}

// Figure 14's measure: for each recurring question, the days back to its
// nearest earlier near-duplicate.
func TestRecurrences(t *testing.T) {
	day := 24 * time.Hour
	threads := []Thread{
		{Community: "g", ID: "A", Created: t0},
		{Community: "g", ID: "B", Created: t0.Add(2 * day)},
		{Community: "h", ID: "C", Created: t0.Add(10 * day)},
		{Community: "g", ID: "D", Created: t0.Add(400 * day)},
	}
	pairs := []Pair{
		{EarlierCommunity: "g", EarlierID: "A", LaterCommunity: "g", LaterID: "B"},
		{EarlierCommunity: "g", EarlierID: "A", LaterCommunity: "h", LaterID: "C"},
		{EarlierCommunity: "g", EarlierID: "B", LaterCommunity: "h", LaterID: "C"},
	}
	rs := Recurrences(threads, pairs)
	// B: 2 days after A; C: 10 days after A but 8 after B, the nearer.
	want := []Recurrence{{"g", "B", "g", "A", 2}, {"h", "C", "g", "B", 8}}
	if !reflect.DeepEqual(rs, want) {
		t.Fatalf("recurrences = %+v, want %+v", rs, want)
	}
	if got := GapHistogram(rs); got.Counts != [NumGapBins]int{0, 1, 1, 0, 0, 0} || got.Total != 2 || got.Share(2) != 0.5 {
		t.Errorf("gaps = %+v", got)
	}
	if got := GapHistogram([]Recurrence{{Days: 0}, {Days: 0.999}, {Days: 365}, {Days: 4000}}); got.Counts != [NumGapBins]int{2, 0, 0, 0, 0, 2} || got.Total != 4 {
		t.Errorf("gaps at the bounds = %+v", got)
	}
	if g := GapHistogram(nil); !math.IsNaN(g.Share(0)) {
		t.Errorf("share of no gap = %v", g.Share(0))
	}
	g := Group{Threads: threads, Pairs: pairs, Recurrences: rs}
	if !indicatortest.Near(g.RecurringShare(), 0.5) || !indicatortest.Near(RecurringShare(threads, pairs), 0.5) || g.GapDaysMedian() != 5 {
		t.Errorf("share %v, median %v; want 0.5, 5", g.RecurringShare(), g.GapDaysMedian())
	}
	g.Recurrences = rs[:1]
	if g.GapDaysMedian() != 2 || !math.IsNaN((Group{}).GapDaysMedian()) {
		t.Errorf("median of one %v, of none %v", g.GapDaysMedian(), (Group{}).GapDaysMedian())
	}
}
