// Package indicatortest holds what the tests of the indicator packages
// share: seeded synthetic corpora for their tests and benchmarks, so that
// each package measures itself on the same data, the check that results
// do not depend on message order, and the comparisons their hand-computed
// tests use (Near, RowStrings, CheckRows).
package indicatortest

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/go-gota/gota/dataframe"
)

// Corpus builds a seeded synthetic corpus of about n messages spread
// over two years and three communities: two Facebook groups of home-care
// aides (posts, comments, replies) and one Twitter hashtag of GPs (tweets,
// replies, quotes, retweets). Authors follow a skewed distribution; about
// 30% of messages open a thread, the others answer one of the 64 latest
// messages of their community, and 1% answer a message missing from the
// data. The Facebook groups get a panel observation every 30 days.
func Corpus(n int, seed uint64) *corpus.Corpus {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	c := &corpus.Corpus{
		Study:     "synthetic",
		Synthetic: true,
		Communities: []corpus.Community{
			{ID: "fb-a", Name: "A", Platform: corpus.Facebook, Profession: corpus.HomeCareAide, Visibility: corpus.Closed},
			{ID: "fb-b", Name: "B", Platform: corpus.Facebook, Profession: corpus.HomeCareAide, Visibility: corpus.Closed},
			{ID: "tw-doc", Name: "#DocTocToc", Platform: corpus.Twitter, Profession: corpus.GP, Visibility: corpus.Public},
		},
	}
	authors := make([]string, 5000)
	for i := range authors {
		authors[i] = "p" + strconv.Itoa(i)
	}
	start := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	span := 2 * 365 * 24 * time.Hour
	c.Messages = make([]corpus.Message, 0, n)
	for ci, com := range c.Communities {
		k := n / len(c.Communities)
		if ci == 0 {
			k += n % len(c.Communities)
		}
		if k == 0 {
			continue
		}
		twitter := com.Platform == corpus.Twitter
		step := int64(span) / int64(k)
		var recent [64]int
		nrecent := 0
		t := start
		first := len(c.Messages)
		for i := 0; i < k; i++ {
			t = t.Add(time.Duration(r.Int64N(2*step + 1)))
			m := corpus.Message{
				Platform:  com.Platform,
				Community: com.ID,
				ID:        strconv.Itoa(i),
				Author:    authors[int(r.ExpFloat64()*300)%len(authors)],
				Created:   t,
			}
			switch u := r.Float64(); {
			case nrecent == 0 || u < 0.3:
				m.Kind = corpus.Post
				if twitter {
					m.Kind = []corpus.Kind{corpus.Tweet, corpus.Tweet, corpus.Quote, corpus.Retweet}[r.IntN(4)]
				}
			case u < 0.31:
				m.Kind = corpus.Reply
				m.ParentID = "missing-" + m.ID
			default:
				p := &c.Messages[first+recent[r.IntN(min(nrecent, len(recent)))%len(recent)]]
				m.ParentID = p.ID
				m.Kind = corpus.Reply
				if p.Kind == corpus.Post {
					m.Kind = corpus.Comment
				}
			}
			recent[nrecent%len(recent)] = i
			nrecent++
			c.Messages = append(c.Messages, m)
		}
		if !twitter {
			for d := start; d.Before(start.Add(span)); d = d.Add(30 * 24 * time.Hour) {
				c.Panels = append(c.Panels, corpus.PanelObservation{
					Community: com.ID, Observed: d, Members: 1000 + r.IntN(4000), NewMembers30d: r.IntN(300),
					PostsToday: r.IntN(20), Posts30d: r.IntN(400),
				})
			}
		}
	}
	return c
}

// Deterministic checks that render, which writes a package's outputs
// (indicator rows, frames) for a corpus as text, gives the same text when
// the corpus's messages are shuffled: results must not depend on message
// order, nor on map iteration order between runs.
func Deterministic(t testing.TB, c *corpus.Corpus, render func(*corpus.Corpus) (string, error)) {
	t.Helper()
	want, err := render(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 1000 {
		t.Fatalf("suspiciously short outputs:\n%s", want)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3 {
		s := *c
		s.Messages = append([]corpus.Message(nil), c.Messages...)
		r.Shuffle(len(s.Messages), func(i, j int) { s.Messages[i], s.Messages[j] = s.Messages[j], s.Messages[i] })
		got, err := render(&s)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatal("outputs changed when the messages were shuffled")
		}
	}
}

// Render writes rows and frames as CSV text, for Deterministic.
func Render(rows []indicator.Row, frames ...dataframe.DataFrame) (string, error) {
	var buf bytes.Buffer
	if err := indicator.WriteCSV(&buf, rows); err != nil {
		return "", err
	}
	for _, df := range frames {
		if err := df.WriteCSV(&buf); err != nil {
			return "", err
		}
	}
	return buf.String(), nil
}

// Tolerance is the largest difference Near accepts between two values.
const Tolerance = 1e-9

// Near reports whether a and b are equal within Tolerance, NaN being
// equal to NaN (an undefined value expected undefined) and to nothing
// else.
func Near(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) < Tolerance
}

// RowStrings writes rows as "community profession indicator value", the
// value with the precision of indicators.csv (indicator.FormatValue),
// followed by " (reason)" when the row has a Reason.
func RowStrings(rows []indicator.Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Community + " " + string(r.Profession) + " " + r.Indicator + " " + indicator.FormatValue(r.Value)
		if r.Reason != "" {
			out[i] += " (" + r.Reason + ")"
		}
	}
	return out
}

// CheckRows fails t unless got, written by RowStrings, is want line for
// line, in order.
func CheckRows(t testing.TB, got []indicator.Row, want []string) {
	t.Helper()
	g := RowStrings(got)
	if len(g) != len(want) {
		t.Fatalf("got %d rows:\n%s\nwant %d:\n%s", len(g), strings.Join(g, "\n"), len(want), strings.Join(want, "\n"))
	}
	for i := range want {
		if g[i] != want[i] {
			t.Errorf("row %d = %q, want %q", i, g[i], want[i])
		}
	}
}
