package paper

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
)

// TestMain lowers the minimums for the tests of tiny hand-made corpora
// (studyFixture has 5 and 6 threads); TestMinimums restores and checks
// them.
func TestMain(m *testing.M) {
	Minimum = Minimums{Threads: 1, Questions: 1, Messages: 1, Authors: 1, Edges: 1}
	os.Exit(m.Run())
}

// A group with some units but fewer than the minimum is left out of the
// figure and named, with its count, in the caption; when no group
// reaches it the figure is not drawn, with NeedMinimum. studyFixture's
// avs group has 5 threads, #DocTocToc 6; avs has 4 authors, #DocTocToc 4.
func TestMinimums(t *testing.T) {
	defer func(m Minimums) { Minimum = m }(Minimum)
	Minimum = DefaultMinimums
	Minimum.Threads = 6
	f := build(t, "f09-first-reply")
	if !strings.HasSuffix(f.Caption, "Groupes non tracés, faute de données suffisantes (moins de 6 fils dont les réponses sont reliées à leur message) : Auxiliaires de vie et… (5).") {
		t.Errorf("caption %q", f.Caption)
	}
	for _, l := range csvLines(t, f)[1:] {
		if !strings.HasPrefix(l, "doctoctoc,") {
			t.Fatalf("a group under the minimum is drawn: %s", l)
		}
	}
	Minimum.Threads = 7
	_, err := builder(t, "f09-first-reply")(studyFixture(), testProv)
	nd := AsNotDrawable(err)
	if nd == nil || nd.Need != NeedMinimum ||
		nd.Note() != "Figure 9 non tracée : aucun groupe de cette étude n'a au moins 7 fils dont les réponses sont reliées à leur message ; le délai de première réponse ne peut pas être mesuré avec assez de précision.\n"+
			"Figure 9 not drawn: no group of this study has at least 7 threads whose replies are linked to their message; the time to first reply cannot be measured precisely enough." {
		t.Errorf("f09 with too few threads: %v", err)
	}
	// The study's defaults: this fixture draws only what needs no minimum.
	Minimum = DefaultMinimums
	for _, id := range []string{"f05-rhythm", "f06-off-hours", "f07-reply-by-hour", "f08-lorenz", "f09-first-reply"} {
		if _, err := builder(t, id)(studyFixture(), testProv); AsNotDrawable(err) == nil || AsNotDrawable(err).Need != NeedMinimum {
			t.Errorf("%s on 20 messages: %v, want not drawable for the minimum", id, err)
		}
	}
	if _, err := builder(t, "f01-activity")(studyFixture(), testProv); err != nil {
		t.Errorf("f01 needs no minimum: %v", err)
	}
}

// Every figure whose builder applies a minimum declares NeedMinimum.
func TestMinimumNeedsDeclared(t *testing.T) {
	want := map[string]bool{"f03-themes": true, "f04-question-types": true, "f05-rhythm": true, "f06-off-hours": true,
		"f07-reply-by-hour": true, "f08-lorenz": true, "f09-first-reply": true, "f10-networks": true, "t4-network": true,
		"f12-consensus": true, "f13-sources": true, "f14-recurring": true}
	for _, n := range Needs {
		has := false
		for _, need := range n.Needs {
			has = has || need == NeedMinimum
		}
		if has != want[n.Figure] {
			t.Errorf("%s: NeedMinimum declared %v, applied %v", n.Figure, has, want[n.Figure])
		}
	}
}

// A community whose export links no reply (a chat) is left out of the
// thread and network figures and named in their captions.
func TestUnlinkedCommunityNamed(t *testing.T) {
	c := studyFixture()
	c.Communities = append(c.Communities, corpus.Community{ID: "chat", Name: "Groupe WhatsApp", Platform: corpus.WhatsApp, Profession: corpus.HomeCareAide})
	at := time.Date(2019, 5, 8, 10, 0, 0, 0, time.UTC)
	for i := range 3 {
		c.Messages = append(c.Messages, corpus.Message{Platform: corpus.WhatsApp, Community: "chat", ID: fmt.Sprintf("w%d", i), Kind: corpus.Post, Author: "W", Created: at.Add(time.Duration(i) * time.Minute)})
	}
	c.Sort()
	const note = "Non tracé, leurs exports ne reliant pas les réponses à ce qu'elles répondent : Groupe WhatsApp."
	nets := network.Measure(c)
	for id, build := range map[string]func() (*figure.Figure, error){
		"f09-first-reply": func() (*figure.Figure, error) { return builder(t, "f09-first-reply")(c, testProv) },
		"f10-networks":    func() (*figure.Figure, error) { return F10Networks(nets, testNulls(nets), testProv) },
		"t4-network":      func() (*figure.Figure, error) { return T4Network(nets, testNulls(nets), testProv) },
	} {
		f, err := build()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(f.Caption, note) {
			t.Errorf("%s: caption %q does not name the unlinked community", id, f.Caption)
		}
		if strings.Contains(csvOf(t, f), "\nchat,") {
			t.Errorf("%s: the unlinked community is drawn", id)
		}
	}
}
