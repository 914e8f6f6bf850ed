package load_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/repo"
)

var linksKey = []byte("links test key")

// loadOne loads file of dir as a study of one Twitter community.
func loadOne(t *testing.T, dir, file string) *corpus.Corpus {
	t.Helper()
	spec := &load.Spec{Name: "links", Dir: dir, Communities: []load.CommunitySpec{{
		ID: "tw", Name: "Links", Platform: "twitter", Profession: string(corpus.GP),
		Sources: []load.SourceSpec{{Files: []string{file}, Format: "auto"}},
	}}}
	c, _, err := load.LoadSpec(spec, load.Options{Key: linksKey})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func msgByID(t *testing.T, c *corpus.Corpus, id string) corpus.Message {
	t.Helper()
	for _, m := range c.Messages {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("no message %s", id)
	return corpus.Message{}
}

// A twarc2 reply whose parent tweet the search did not collect keeps the
// account it answers (in_reply_to_user_id) beside its parent id, and the
// reply network gets the edge to that account; a reply whose parent is in
// the data keeps its thread and its one edge to the parent's author.
func TestTwarc2ReplyToAccountWhenParentAbsent(t *testing.T) {
	c := loadOne(t, "testdata/links", "twarc2_links.jsonl")
	if len(c.Messages) != 3 {
		t.Fatalf("%d messages, want 3", len(c.Messages))
	}
	ps := pseudo.New(linksKey)
	// Twitter pseudonyms derive from the handle (pseudo package docs);
	// dario has no tweet in the data, only includes.users names him.
	person := func(h string) string { return ps.Person(corpus.Twitter, rawio.Person{Handle: h}) }
	alba, bruno, chloe, dario := person("lk_alba"), person("lk_bruno"), person("lk_chloe"), person("lk_dario")

	start := msgByID(t, c, "1600000000000000001")
	if start.Author != alba || !start.IsThreadStart() || start.ThreadID != start.ID || start.ReplyToAuthor != "" {
		t.Errorf("thread start: %+v", start)
	}
	// Parent present: parent and thread as before; the account answered
	// is the parent's author.
	present := msgByID(t, c, "1600000000000000002")
	if present.Author != bruno || present.ParentID != start.ID || present.ThreadID != start.ID ||
		present.ReplyToAuthor != alba || present.IsOrphanReply() {
		t.Errorf("reply with its parent: %+v, want parent and thread %s, ReplyToAuthor %s", present, start.ID, alba)
	}
	// Parent absent: the parent id and the conversation as thread are
	// kept, and the account answered.
	absent := msgByID(t, c, "1600000000000000003")
	if absent.Author != chloe || absent.ParentID != "1599999999999999990" || absent.ThreadID != "1599999999999999990" ||
		absent.ReplyToAuthor != dario {
		t.Errorf("reply without its parent: %+v, want ReplyToAuthor %s", absent, dario)
	}
	if got, want := corpus.LinksOf(c.Messages), (corpus.Links{Messages: 3, Parent: 1, AccountOnly: 1, None: 1, ParentAbsent: 1}); got != want {
		t.Errorf("links %+v, want %+v", got, want)
	}
	g := network.Build(c.Messages)
	if g.N() != 4 || g.M() != 2 {
		t.Fatalf("network of %d nodes and %d edges (%v), want 4 and 2", g.N(), g.M(), g.Authors)
	}
	w := g.Directed()
	idOf := map[string]int64{}
	for i, a := range g.Authors {
		idOf[a] = int64(i)
	}
	for _, e := range [][2]string{{bruno, alba}, {chloe, dario}} {
		if wt, ok := w.Weight(idOf[e[0]], idOf[e[1]]); !ok || wt != 1 {
			t.Errorf("edge %s->%s: weight %v (%v), want 1", e[0], e[1], wt, ok)
		}
	}
}

// On the real twarc2 page of ../shared/fixtures (100 tweets of a search,
// none of their parents collected), the ten replies keep the account they
// answer, and the nine that answer someone else make the reply network:
// nine edges between eighteen distinct accounts (hand-counted from the
// file's in_reply_to_user_id; the tenth answers its own author). Before,
// the readers dropped the account beside a parent id and the network was
// empty.
func TestRealTwarc2RepliesWithoutParents(t *testing.T) {
	dir := filepath.Join(repo.Root(), "..", "shared", "fixtures", "twarc2")
	const file = "twarc-csv_brexit.jsonl"
	if _, err := os.Stat(filepath.Join(dir, file)); err != nil {
		t.Skipf("fixture absent: %v", err)
	}
	c := loadOne(t, dir, file)
	l := corpus.LinksOf(c.Messages)
	if l.Messages != 100 || l.Parent != 0 || l.AccountOnly != 10 || l.ParentAbsent != 10 {
		t.Errorf("links %+v, want 100 messages, 10 account-level links, 10 parents absent", l)
	}
	selfReply := msgByID(t, c, "1440714901538803715")
	if selfReply.Author == "" || selfReply.ReplyToAuthor != selfReply.Author {
		t.Errorf("self-reply: author %q answers %q, want the same account", selfReply.Author, selfReply.ReplyToAuthor)
	}
	answered := msgByID(t, c, "1440716745577140229")
	if answered.ReplyToAuthor == "" || answered.ReplyToAuthor == answered.Author {
		t.Errorf("reply 1440716745577140229: author %q answers %q, want another account", answered.Author, answered.ReplyToAuthor)
	}
	g := network.Build(c.Messages)
	if g.N() != 18 || g.M() != 9 {
		t.Errorf("network of %d nodes and %d edges, want 18 and 9", g.N(), g.M())
	}
}
