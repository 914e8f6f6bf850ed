package themes

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/stats"
)

var fewReps = stats.Options{Reps: 300, Level: 0.95, Seed: stats.DefaultSeed}

// TestIntervalsResampleAuthors checks that the theme intervals are ratios
// of sums over authors: the family's estimate equals stats.RatioOfSums
// called on the per-author counts listed by hand (sorted by pseudonym),
// a pseudonym writing in two communities of a profession is one unit of
// the profession, and authors with a zero denominator hold no unit.
func TestIntervalsResampleAuthors(t *testing.T) {
	cb := mini(t)
	at := func(m int) time.Time { return time.Date(2019, 5, 1, 10, m, 0, 0, time.UTC) }
	msg := func(com, id, author, parent, text string) corpus.Message {
		k := corpus.Post
		if parent != "" {
			k = corpus.Comment
		}
		n := 0
		fmt.Sscan(id, &n)
		return corpus.Message{Community: com, ID: id, Author: author, Kind: k, ParentID: parent, Created: at(n), Text: text}
	}
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "a1", Profession: corpus.HomeCareAide}, {ID: "a2", Profession: corpus.HomeCareAide}},
		Messages: []corpus.Message{
			// a1: alice 2 messages (1 conditions), bob 3 (3 conditions), carol 1 (0)
			msg("a1", "1", "alice", "", "Mon salaire ?"),
			msg("a1", "2", "alice", "1", "bonjour"),
			msg("a1", "3", "bob", "1", "le salaire"),
			msg("a1", "4", "bob", "", "les frais km"),
			msg("a1", "5", "bob", "", "heures sup ?"),
			msg("a1", "6", "carol", "1", "merci"),
			// a2: alice again 1 message (conditions), dan 2 (0)
			msg("a2", "7", "alice", "", "salaire"),
			msg("a2", "8", "dan", "", "rien"),
			msg("a2", "9", "dan", "8", "toujours rien"),
		},
	}
	r := MeasureWith(c, cb, fewReps)
	a1, all := r.Groups[0], r.Groups[2]
	if a1.Community.ID != "a1" || all.Community.ID != indicator.AllCommunities {
		t.Fatalf("groups %v, %v", a1.Community.ID, all.Community.ID)
	}
	opts := fewReps
	opts.Unit = UnitAuthors
	opts.Method = stats.MethodBCa
	same := func(name string, got, want stats.Estimate) {
		t.Helper()
		eq := func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }
		if !eq(got.Value, want.Value) || !eq(got.Lo, want.Lo) || !eq(got.Hi, want.Hi) || got.N != want.N || got.Unit != "authors" || got.Method != stats.MethodBCa {
			t.Errorf("%s = %+v, want %+v", name, got, want)
		}
	}
	// conditions in a1: alice 1/2, bob 3/3, carol 0/1: 4/6.
	want := stats.RatioOfSums([]float64{1, 3, 0}, []float64{2, 3, 1}, opts)
	same("a1 conditions", a1.ThemeEst[0], want)
	if want.Value != 4.0/6 || !want.Estimable() || !(want.Lo < 4.0/6 && 4.0/6 < want.Hi) {
		t.Errorf("hand estimate %+v", want)
	}
	// the profession: alice 2/3 (both communities), bob 3/3, carol 0/1, dan 0/2: 5/9.
	same("aides conditions", all.ThemeEst[0], stats.RatioOfSums([]float64{2, 3, 0, 0}, []float64{3, 3, 1, 2}, opts))
	if all.ThemeEst[0].N != 4 || all.ThemeEst[0].Value != 5.0/9 {
		t.Errorf("profession: %d authors, value %v; want 4 and 5/9", all.ThemeEst[0].N, all.ThemeEst[0].Value)
	}
	// question_share over thread starts: alice 1 start (question), bob 2
	// starts (1 question); carol has no thread start and holds no unit.
	same("a1 question_share", a1.QuestionEst, stats.RatioOfSums([]float64{1, 1}, []float64{1, 2}, opts))
	// rows carry the estimates.
	for _, row := range ResultRows(r) {
		if row.Community == "a1" && row.Indicator == "theme_share_conditions" && (row.Value != 4.0/6 || row.Method != stats.MethodBCa || row.N != 3 || row.Unit != "authors" || row.Lo != want.Lo) {
			t.Errorf("row %+v", row)
		}
	}
	if df := ThemeFrame(r); df.Elem(0, 6).Float() != want.Lo || df.Elem(0, 7).Float() != want.Hi {
		t.Errorf("theme frame bounds %v %v, want %v %v", df.Elem(0, 6), df.Elem(0, 7), want.Lo, want.Hi)
	}
}

// TestCompareTheme: a share far apart in two groups is claimed, one that
// is the same is not.
func TestCompareTheme(t *testing.T) {
	group := func(with, without int, themed, of int) Shares {
		var s Shares
		for i := range with + without {
			k := 0
			if i < with {
				k = themed
			}
			s.Authors = append(s.Authors, AuthorCounts{Author: fmt.Sprint(i), Messages: of, Themes: []int{k}})
		}
		return s
	}
	far := CompareTheme(group(9, 1, 2, 2), group(1, 9, 1, 2), 0, fewReps)
	// a: 18/20 = 0.9, b: 1/20 = 0.05.
	if !near(far.Value, 0.85) || !far.Claimed() || far.NA != 10 || far.NB != 10 || !(far.P < 0.01) {
		t.Errorf("far apart: %+v", far)
	}
	alike := CompareTheme(group(5, 5, 2, 2), group(5, 5, 2, 2), 0, fewReps)
	if alike.Value != 0 || alike.Claimed() || !alike.Estimable() {
		t.Errorf("alike: %+v", alike)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

// A share of 0 has no bootstrap variation: its interval is Wilson's over
// the messages, [0, z²/(n + z²)]; here 0 of 4 messages "practice" in a1
// (an aide community: the GP keyword does not apply), z²/(4 + z²) =
// 3.841459/7.841459 = 0.489891.
func TestZeroShareGetsWilson(t *testing.T) {
	cb := mini(t)
	at := time.Date(2019, 5, 1, 10, 0, 0, 0, time.UTC)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "a1", Profession: corpus.HomeCareAide}}}
	for i, a := range []string{"x", "x", "y", "z"} {
		c.Messages = append(c.Messages, corpus.Message{Community: "a1", ID: fmt.Sprint(i), Author: a, Kind: corpus.Post, Created: at.Add(time.Duration(i) * time.Minute), Text: "posologie"})
	}
	e := MeasureWith(c, cb, fewReps).Groups[0].ThemeEst[1]
	if e.Value != 0 || e.Lo != 0 || math.Abs(e.Hi-0.489891) > 1e-6 || e.N != 4 || e.Unit != "messages" || e.Method != stats.MethodWilson {
		t.Errorf("practice = %+v, want 0 [0, 0.489891] over 4 messages", e)
	}
}
