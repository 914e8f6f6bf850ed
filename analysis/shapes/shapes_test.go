package shapes

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/activity"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/network/null"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
	"github.com/faire-communaute/compendium/analysis/indicator/retention"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/notebook"
	"github.com/faire-communaute/compendium/analysis/paper"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// build runs every builder of paper on c, as the notebooks call them,
// and returns, per figure id, nil when drawn or the builder's error.
// A panic is turned into an error.
func build(t *testing.T, c *corpus.Corpus, cb *themes.Codebook, sample []themes.Coded) map[string]error {
	t.Helper()
	prov := figure.Provenance{Study: c.Study, Synthetic: true, Revision: "test"}
	panels := activity.PanelsOf(c)
	act := activity.Measure(c)
	th := themes.Measure(c, cb)
	rh := rhythm.Measure(c)
	resp := responsiveness.Measure(c)
	part := participation.Measure(c)
	nets := network.Measure(c)
	nulls, err := null.Communities(nets, null.Options{Draws: null.MinDraws})
	if err != nil {
		panic(err)
	}
	ret := retention.Measure(c)
	nr := norms.Measure(c, cb)
	// As notebook 04: the shipped thread gold corrects the status and
	// source shares, and Table 5 shows the coders against it.
	gold, err := coder.LoadGoldThreads(cb, coder.StudyGoldThreads(nil)...)
	if err != nil {
		t.Fatal(err)
	}
	if nr.Corrected, err = norms.Correct(c, nr, gold, norms.CorrectOptions{}); err != nil {
		t.Fatal(err)
	}
	ov := norms.Overlap(c)
	builders := map[string]func() (*figure.Figure, error){
		"t1-groups":          func() (*figure.Figure, error) { return paper.T1Groups(panels, prov) },
		"t2-accounts":        func() (*figure.Figure, error) { return paper.T2Accounts(indicator.LatestProfiles(c.Profiles), prov) },
		"f01-activity":       func() (*figure.Figure, error) { return paper.F01Activity(act, prov) },
		"f02-members":        func() (*figure.Figure, error) { return paper.F02Members(panels, prov) },
		"f03-themes":         func() (*figure.Figure, error) { return paper.F03Themes(th, prov) },
		"f04-question-types": func() (*figure.Figure, error) { return paper.F04QuestionTypes(th, prov) },
		"t3-codebook-validation": func() (*figure.Figure, error) {
			return paper.T3CodebookValidation(themes.Report{Codebook: cb, HandCoded: themes.Validate(cb, sample)}, prov)
		},
		"f05-rhythm":        func() (*figure.Figure, error) { return paper.F05Rhythm(rh, prov) },
		"f06-off-hours":     func() (*figure.Figure, error) { return paper.F06OffHours(rh, prov) },
		"f07-reply-by-hour": func() (*figure.Figure, error) { return paper.F07ReplyByHour(resp, prov) },
		"f08-lorenz":        func() (*figure.Figure, error) { return paper.F08Lorenz(part, prov) },
		"f09-first-reply":   func() (*figure.Figure, error) { return paper.F09FirstReply(resp, prov) },
		"f10-networks":      func() (*figure.Figure, error) { return paper.F10Networks(nets, nulls, prov) },
		"t4-network":        func() (*figure.Figure, error) { return paper.T4Network(nets, nulls, prov) },
		"f11-retention":     func() (*figure.Figure, error) { return paper.F11Retention(ret, prov) },
		"f12-consensus":     func() (*figure.Figure, error) { return paper.F12Consensus(nr, prov) },
		"t5-thread-coder":   func() (*figure.Figure, error) { return paper.T5ThreadCoder(nr, prov) },
		"f13-sources":       func() (*figure.Figure, error) { return paper.F13Sources(nr, prov) },
		"f14-recurring":     func() (*figure.Figure, error) { return paper.F14Recurring(nr, prov) },
		"f15-overlap":       func() (*figure.Figure, error) { return paper.F15Overlap(ov, prov) },
	}
	if len(builders) != len(paper.Needs) {
		t.Fatalf("%d builders tested, paper.Needs lists %d figures", len(builders), len(paper.Needs))
	}
	out := map[string]error{}
	for id, b := range builders {
		func() {
			defer func() {
				if r := recover(); r != nil {
					out[id] = fmt.Errorf("panic: %v", r)
				}
			}()
			f, err := b()
			if err == nil && (f == nil || f.ID != id) {
				err = fmt.Errorf("builder returned %v without error", f)
			}
			out[id] = err
		}()
	}
	return out
}

// declared reports whether paper.Needs lists need for figure id.
func declared(id string, need paper.Need) bool {
	for _, f := range paper.Needs {
		if f.Figure == id {
			for _, n := range f.Needs {
				if n == need {
					return true
				}
			}
		}
	}
	return false
}

// keep returns a copy of base with the communities keep accepts and their
// messages and observations.
func keep(base *corpus.Corpus, study string, ok func(corpus.Community) bool) *corpus.Corpus {
	c := &corpus.Corpus{Study: study, Synthetic: true, ObservationDate: base.ObservationDate}
	in := map[string]bool{}
	for _, com := range base.Communities {
		if ok(com) {
			c.Communities = append(c.Communities, com)
			in[com.ID] = true
		}
	}
	for _, m := range base.Messages {
		if in[m.Community] {
			c.Messages = append(c.Messages, m)
		}
	}
	for _, p := range base.Panels {
		if in[p.Community] {
			c.Panels = append(c.Panels, p)
		}
	}
	for _, p := range base.Profiles {
		if in[p.Community] {
			c.Profiles = append(c.Profiles, p)
		}
	}
	return c
}

func TestStudyShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the synthetic sample")
	}
	full, _ := notebook.Study()
	cb := notebook.Codebook()
	sample, _ := notebook.HandCodedSample()
	// The base: the sample's first four months, to keep the matrix fast.
	var first time.Time
	for _, m := range full.Messages {
		if first.IsZero() || m.Created.Before(first) {
			first = m.Created
		}
	}
	// The committed sample links every reply to its message and names no
	// account alone, but in its WhatsApp chat, whose export has no link:
	// account-level edges add nothing to its networks, and no orphan
	// reply is left out of its threads.
	platform := map[string]corpus.Platform{}
	for _, com := range full.Communities {
		platform[com.ID] = com.Platform
	}
	for _, l := range full.LinksByCommunity() {
		want := corpus.MessageLinks
		if platform[l.Community] == corpus.WhatsApp {
			want = corpus.NoLinks
		}
		if l.Strength() != want || l.AccountOnly != 0 || l.ParentAbsent != 0 {
			t.Errorf("sample community %s: links %+v, want %s only", l.Community, l.Links, want)
		}
	}
	for i := range full.Messages {
		if full.Messages[i].IsOrphanReply() {
			t.Fatalf("sample message %s/%s is an orphan reply", full.Messages[i].Community, full.Messages[i].ID)
		}
	}
	base := keep(full, "base", func(corpus.Community) bool { return true })
	msgs := base.Messages[:0:0]
	for _, m := range base.Messages {
		if m.Created.Before(first.AddDate(0, 4, 0)) {
			msgs = append(msgs, m)
		}
	}
	base.Messages = msgs

	var fbGroup string
	for _, com := range base.Communities {
		if com.Platform == corpus.Facebook {
			fbGroup = com.ID
			break
		}
	}
	shapes := []struct {
		name string
		c    func() *corpus.Corpus
		// notDrawn: the figures the shape cannot draw, with the need it
		// lacks; every other figure must be drawn.
		notDrawn map[string]paper.Need
	}{
		{"sample", func() *corpus.Corpus { return base }, nil},
		{"one Facebook group", func() *corpus.Corpus {
			return keep(base, "one-group", func(com corpus.Community) bool { return com.ID == fbGroup })
		}, map[string]paper.Need{"t2-accounts": paper.NeedProfiles, "f15-overlap": paper.NeedTwoCommunities}},
		{"GPs only", func() *corpus.Corpus {
			return keep(base, "gps", func(com corpus.Community) bool { return com.Profession == corpus.GP })
		}, map[string]paper.Need{"t1-groups": paper.NeedPanels, "f02-members": paper.NeedPanels, "f15-overlap": paper.NeedTwoCommunities}},
		{"no observations", func() *corpus.Corpus {
			c := keep(base, "no-obs", func(corpus.Community) bool { return true })
			c.Panels, c.Profiles = nil, nil
			return c
		}, map[string]paper.Need{"t1-groups": paper.NeedPanels, "f02-members": paper.NeedPanels, "t2-accounts": paper.NeedProfiles}},
		// Replies that say neither the message nor the account they answer
		// (a chat export): no thread, no network.
		{"replies without parents", func() *corpus.Corpus {
			c := keep(base, "no-parents", func(corpus.Community) bool { return true })
			for i := range c.Messages {
				m := &c.Messages[i]
				m.ParentID, m.ThreadID, m.ReplyToAuthor = "", "", ""
			}
			return c
		}, map[string]paper.Need{
			"f07-reply-by-hour": paper.NeedMessageLinks, "f09-first-reply": paper.NeedMessageLinks,
			"f12-consensus": paper.NeedMessageLinks, "f13-sources": paper.NeedMessageLinks, "f14-recurring": paper.NeedMessageLinks,
			"f10-networks": paper.NeedReplyLinks, "t4-network": paper.NeedReplyLinks,
		}},
		{"account-level links only", func() *corpus.Corpus { return accountLevel(base, "account-links") },
			map[string]paper.Need{
				"f07-reply-by-hour": paper.NeedMessageLinks, "f09-first-reply": paper.NeedMessageLinks,
				"f12-consensus": paper.NeedMessageLinks, "f13-sources": paper.NeedMessageLinks, "f14-recurring": paper.NeedMessageLinks,
			}},
		{"parents named but absent", func() *corpus.Corpus { return parentsAbsent(base, "parents-absent") },
			map[string]paper.Need{
				"f07-reply-by-hour": paper.NeedMessageLinks, "f09-first-reply": paper.NeedMessageLinks,
				"f12-consensus": paper.NeedMessageLinks, "f13-sources": paper.NeedMessageLinks, "f14-recurring": paper.NeedMessageLinks,
			}},
		{"one day of data", func() *corpus.Corpus { return oneDay(t, full) }, oneDayNotDrawn},
		{"twenty messages", func() *corpus.Corpus {
			c := keep(base, "twenty", func(corpus.Community) bool { return true })
			c.Messages = c.Messages[:20] // all of one community
			return c
		}, map[string]paper.Need{
			"f15-overlap": paper.NeedTwoCommunities, "f11-retention": paper.NeedTimeSpan,
			"f07-reply-by-hour": paper.NeedMinimum, "f09-first-reply": paper.NeedMinimum, "f04-question-types": paper.NeedMinimum,
			"f12-consensus": paper.NeedTimeSpan, "f13-sources": paper.NeedMinimum, "f14-recurring": paper.NeedMinimum,
		}},
		{"an empty community", func() *corpus.Corpus {
			c := keep(base, "empty", func(corpus.Community) bool { return true })
			c.Communities = append(c.Communities, corpus.Community{ID: "zz-empty", Name: "Vide", Platform: corpus.Facebook, Profession: corpus.HomeCareAide})
			c.Sort()
			return c
		}, nil},
	}
	for _, sh := range shapes {
		t.Run(strings.ReplaceAll(sh.name, " ", "_"), func(t *testing.T) {
			got := build(t, sh.c(), cb, sample)
			ids := make([]string, 0, len(got))
			for id := range got {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			for _, id := range ids {
				err := got[id]
				nd := paper.AsNotDrawable(err)
				if err != nil && nd == nil {
					t.Errorf("%s: a real error, not a note: %v", id, err)
					continue
				}
				if nd != nil && (nd.Figure != id || nd.Reason == "" || nd.ReasonEN == "") {
					t.Errorf("%s: malformed note %+v", id, nd)
				}
				if nd != nil && !declared(id, nd.Need) {
					t.Errorf("%s: noted for %s, a need paper.Needs does not declare for it", id, nd.Need)
				}
				want, noted := sh.notDrawn[id]
				switch {
				case noted && nd == nil:
					t.Errorf("%s: drawn, want noted (%s)", id, want)
				case noted && nd.Need != want:
					t.Errorf("%s: noted for %s (%s), want %s", id, nd.Need, nd.ReasonEN, want)
				case !noted && nd != nil:
					t.Errorf("%s: noted (%s), want drawn", id, nd.ReasonEN)
				}
			}
		})
	}
}

// The real public exports of ../shared/fixtures (when present), each
// loaded as a study of one community without observations: every builder
// draws or notes, and the figures this shape cannot have are noted.
func TestRealFixtureShapes(t *testing.T) {
	root := filepath.Join(repo.Root(), "..", "shared", "fixtures")
	cases := []struct{ dir, file, platform string }{
		{"twarc2", "twarc-csv_flat.jsonl", "twitter"},
		{"twarc2", "twarc-csv_brexit.jsonl", "twitter"},
		{"twitter-v1", "twitwi_normalization_sources.jsonl", "twitter"},
		{"facepager", "datavana_example.csv", "facebook"},
	}
	cb := notebook.Codebook()
	sample, _ := notebook.HandCodedSample()
	for _, fx := range cases {
		t.Run(fx.file, func(t *testing.T) {
			dir := filepath.Join(root, fx.dir)
			if _, err := os.Stat(filepath.Join(dir, fx.file)); err != nil {
				t.Skipf("fixture absent: %v", err)
			}
			spec := &load.Spec{Name: "fixture", Dir: dir, Communities: []load.CommunitySpec{{
				ID: "fx", Name: "Fixture", Platform: fx.platform, Profession: string(corpus.GP),
				Sources: []load.SourceSpec{{Files: []string{fx.file}, Format: "auto"}},
			}}}
			c, _, err := load.LoadSpec(spec, load.Options{Key: []byte("shapes test key"), KeepGoing: true})
			if err != nil {
				t.Fatal(err)
			}
			links := corpus.LinksOf(c.Messages)
			t.Logf("%d messages, links %+v (%s)", len(c.Messages), links, links.Strength())
			got := build(t, c, cb, sample)
			for id, err := range got {
				if err != nil && paper.AsNotDrawable(err) == nil {
					t.Errorf("%s: a real error, not a note: %v", id, err)
				}
				if nd := paper.AsNotDrawable(err); nd != nil && !declared(id, nd.Need) {
					t.Errorf("%s: noted for %s, a need paper.Needs does not declare for it", id, nd.Need)
				}
			}
			for _, id := range []string{"t1-groups", "f02-members", "t2-accounts", "f15-overlap"} {
				if paper.AsNotDrawable(got[id]) == nil {
					t.Errorf("%s drawn from a study of one community without observations", id)
				}
			}
			if links.Strength() != corpus.MessageLinks {
				for _, id := range []string{"f07-reply-by-hour", "f09-first-reply", "f12-consensus"} {
					if nd := paper.AsNotDrawable(got[id]); nd == nil || nd.Need != paper.NeedMessageLinks {
						t.Errorf("%s: %v, want noted for message-level links", id, got[id])
					}
				}
			}
		})
	}
}

// accountLevel returns a copy of base whose replies name only the account
// they answer, as TweetScraper's do: every message with a parent in the
// data loses its ParentID and thread, and gets the parent's author as
// ReplyToAuthor; a message whose parent is not in the data keeps nothing.
func accountLevel(base *corpus.Corpus, study string) *corpus.Corpus {
	return withReplyAuthors(base, study, func(m *corpus.Message) { m.ParentID, m.ThreadID = "", "" })
}

// parentsAbsent returns a copy of base as a Twitter search without its
// conversations loads (twarc2, v1, Zeeschuimer): every reply names a
// parent the data do not hold, and the account it answers (the parent's
// author, kept by the readers beside the parent id); threads keep the
// export's conversation id.
func parentsAbsent(base *corpus.Corpus, study string) *corpus.Corpus {
	return withReplyAuthors(base, study, func(m *corpus.Message) { m.ParentID = "absent-" + m.ParentID })
}

// withReplyAuthors returns a copy of base's messages of study in which
// every reply gets its parent's author as ReplyToAuthor, then is changed
// by cut.
func withReplyAuthors(base *corpus.Corpus, study string, cut func(*corpus.Message)) *corpus.Corpus {
	c := keep(base, study, func(corpus.Community) bool { return true }) // its own messages
	author := map[[2]string]string{}
	for _, m := range c.Messages {
		author[[2]string{m.Community, m.ID}] = m.Author
	}
	for i := range c.Messages {
		m := &c.Messages[i]
		if m.ParentID == "" {
			continue
		}
		m.ReplyToAuthor = author[[2]string{m.Community, m.ParentID}]
		cut(m)
	}
	return c
}

// oneDayNotDrawn: the figures a single day of the sample cannot draw:
// retention a month later, which no cohort of one day can show
// (NeedTimeSpan; TestShapeValues checks the measure is NaN, not 0), and
// how questions end, since every question of one day is too recent
// (norms.UnansweredHorizon; NeedTimeSpan too). Its
// busiest day holds messages of every community, threads linked to their
// messages, replies between distinct authors and questions, and the
// observations are the sample's, so every other figure is drawn.
var oneDayNotDrawn = map[string]paper.Need{"f11-retention": paper.NeedTimeSpan, "f12-consensus": paper.NeedTimeSpan}

// oneDay returns the sample cut to its busiest day in Paris time (the
// day, midnight to midnight Europe/Paris, with the most messages of all
// communities; the earliest on a tie), with all its communities and
// observations.
func oneDay(t *testing.T, full *corpus.Corpus) *corpus.Corpus {
	t.Helper()
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, m := range full.Messages {
		count[m.Created.In(paris).Format(time.DateOnly)]++
	}
	best := ""
	for d, n := range count {
		if best == "" || n > count[best] || (n == count[best] && d < best) {
			best = d
		}
	}
	c := keep(full, "one-day", func(corpus.Community) bool { return true })
	var msgs []corpus.Message
	for _, m := range c.Messages {
		if m.Created.In(paris).Format(time.DateOnly) == best {
			msgs = append(msgs, m)
		}
	}
	c.Messages = msgs
	t.Logf("busiest Paris day %s: %d messages", best, len(msgs))
	return c
}

// What the two shapes draw is what their data hold: the account-level
// shape's reply networks are the sample's, edge for edge (each reply's
// account answered is its parent's author), though it has no thread; a
// single day's retention is unmeasured (NaN) at every lag, never zero.
func TestShapeValues(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the synthetic sample")
	}
	full, _ := notebook.Study()
	acc := accountLevel(full, "account-links")
	want, got := network.Measure(full), network.Measure(acc)
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("%d network groups, want %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i].Graph, got[i].Graph
		if got[i].Community != want[i].Community || g.N() != w.N() || g.M() != w.M() || fmt.Sprint(g.Authors) != fmt.Sprint(w.Authors) {
			t.Errorf("%s: account-level network of %d nodes, %d edges; sample %d nodes, %d edges",
				want[i].Community, g.N(), g.M(), w.N(), w.M())
		}
		if want[i].Links.Strength() == corpus.NoLinks { // the chat: nothing to turn into account links
			if got[i].Links.Strength() != corpus.NoLinks {
				t.Errorf("%s: account-level shape of a chat has links %+v", want[i].Community, got[i].Links)
			}
			continue
		}
		if l := got[i].Links; l.Parent != 0 || l.Strength() != corpus.AccountLinks {
			t.Errorf("%s: account-level shape links %+v (%s)", want[i].Community, l, l.Strength())
		}
	}
	for i := range acc.Messages {
		if m := &acc.Messages[i]; m.ReplyToAuthor != "" && m.IsThreadStart() {
			t.Fatalf("message %s/%s answers an account and opens a thread in the account-level shape", m.Community, m.ID)
		}
	}

	day := oneDay(t, full)
	if len(day.Messages) == 0 {
		t.Fatal("one day of data: no message")
	}
	cohorts := retention.Cohorts(day.Messages)
	if len(cohorts) != 1 || cohorts[0].Size == 0 {
		t.Fatalf("one day of data: %d cohorts, want 1 non-empty", len(cohorts))
	}
	for k, r := range retention.Pooled(cohorts) {
		if !math.IsNaN(r) {
			t.Errorf("one day of data: retention %d months later = %v, want NaN (not observed)", k+1, r)
		}
	}
}
