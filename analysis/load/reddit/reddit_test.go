package reddit_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/load/reddit"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/klauspost/compress/zstd"
)

// recorder is the sink of these tests: it keeps what a reader gives it,
// in order (a rawio.Sink, not a ServiceSink).
type recorder = loadtest.Recorder

// readFile opens raw (named name), checks that detection picks reddit and
// reads it.
func readFile(t *testing.T, name string, raw []byte, lim rawio.Limits) *recorder {
	t.Helper()
	rec := &recorder{}
	loadtest.ReadDetected(t, reddit.Format, name, raw, lim, rec)
	return rec
}

const fixture = "testdata/r_medecine.ndjson"

func at(hh, mm int) time.Time { return time.Date(2024, 3, 1, hh, mm, 0, 0, time.UTC) }

// wantFixture is what the fixture holds, message by message, by hand.
var wantFixture = []rawio.RawMessage{
	{Platform: corpus.Reddit, Group: "medecine", ID: "t3_1b2c3d4", Kind: corpus.Post, ThreadID: "t3_1b2c3d4",
		Author: rawio.Person{ID: "t2_9x8y7z", Handle: "doc_lyon69"}, Created: at(11, 0), Reactions: 57, Line: 1,
		Text: "Remplacement en MG : quel contrat type ?\n\nBonjour à tous,\n\nje commence mes premiers remplacements en libéral & je cherche un contrat type. Des conseils ?"},
	{Platform: corpus.Reddit, Group: "medecine", ID: "t1_kr1a001", Kind: corpus.Comment, ParentID: "t3_1b2c3d4", ThreadID: "t3_1b2c3d4",
		Author: rawio.Person{ID: "t2_4k5l6m", Handle: "interne_nantes"}, Created: at(11, 30), Reactions: 23, Line: 2,
		Text: "Le contrat type du CNOM est très bien, regarde sur le site de l'Ordre.\n\n> quel contrat type\n\nCelui-là, avec 70 % de rétrocession."},
	{Platform: corpus.Reddit, Group: "medecine", ID: "t1_kr1a003", Kind: corpus.Reply, ParentID: "t1_kr1a001", ThreadID: "t3_1b2c3d4",
		Created: at(12, 0), Reactions: -4, Line: 4, Text: "[removed]"},
	{Platform: corpus.Reddit, Group: "medecine", ID: "t1_kr1a004", Kind: corpus.Reply, ParentID: "t1_kr1a001", ThreadID: "t3_1b2c3d4",
		Author: rawio.Person{ID: "t2_9x8y7z", Handle: "doc_lyon69"}, Created: at(12, 30), Reactions: 5, Line: 5,
		Text: "Merci u/interne_nantes, je vais regarder ça !", Mentions: []rawio.Person{{Handle: "interne_nantes"}}},
	{Platform: corpus.Reddit, Group: "medecine", ID: "t1_kr1a005", Kind: corpus.Comment, ParentID: "t3_1b2c3d4", ThreadID: "t3_1b2c3d4",
		Created: at(13, 0), Reactions: 1, Line: 6, Text: "[deleted]"},
	{Platform: corpus.Reddit, Group: "medecine", ID: "t3_1b2d000", Kind: corpus.Post, ThreadID: "t3_1b2d000",
		Created: at(14, 0), Reactions: 112, Line: 8, Text: "Rapport DREES sur la démographie médicale 2024",
		Links: []string{"https://drees.solidarites-sante.gouv.fr/publications-communique-de-presse/demographie-medicale-2024"}},
}

func checkFixture(t *testing.T, rec *recorder) {
	t.Helper()
	if len(rec.Msgs) != len(wantFixture) {
		t.Fatalf("%d messages, want %d", len(rec.Msgs), len(wantFixture))
	}
	for i, m := range rec.Msgs {
		w := wantFixture[i]
		w.IDField, w.CreatedField = "id", "created_utc"
		if !reflect.DeepEqual(*m, w) {
			t.Errorf("message %d:\n got %+v\nwant %+v", i, *m, w)
		}
	}
	// The cut line 3 and the "more" stub of line 9 are rejected alone.
	if len(rec.Rejects) != 2 {
		t.Fatalf("rejects %v, want lines 3 and 9", rec.Rejects)
	}
	if e := rec.Rejects[0]; e.Line != 3 || !errors.Is(e, rawio.ErrBadJSON) {
		t.Errorf("reject %v, want line 3 malformed JSON", e)
	}
	if e := rec.Rejects[1]; e.Line != 9 || !errors.Is(e, rawio.ErrShape) || !strings.Contains(e.Error(), "neither a Reddit comment") {
		t.Errorf("reject %v, want line 9 neither comment nor submission", e)
	}
	for _, e := range rec.Rejects {
		if e.File == "" || strings.Contains(e.Error(), "ide_bordeaux") {
			t.Errorf("reject %v names no file or echoes a name", e)
		}
	}
}

// The fixture's six messages are read with their exact values, plain,
// gzip- and Zstandard-compressed alike.
func TestFixture(t *testing.T) {
	raw, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	checkFixture(t, readFile(t, "r_medecine.ndjson", raw, rawio.Limits{}))
	var z bytes.Buffer
	w, _ := zstd.NewWriter(&z)
	w.Write(raw)
	w.Close()
	checkFixture(t, readFile(t, "RC_2024-03.zst", z.Bytes(), rawio.Limits{}))
}

// A line past the line-bytes limit is rejected alone, and reading goes
// on.
func TestLongLine(t *testing.T) {
	raw, _ := os.ReadFile(fixture)
	lines := strings.Split(string(raw), "\n")
	long := `{"id": "x1", "body": "` + strings.Repeat("a", 5000) + `", "created_utc": 1709290800, "link_id": "t3_1b2c3d4", "parent_id": "t3_1b2c3d4", "subreddit": "medecine"}`
	in := strings.Join(append([]string{lines[0], long}, lines[1:]...), "\n")
	rec := readFile(t, "long.ndjson", []byte(in), rawio.Limits{LineBytes: 1024})
	if len(rec.Msgs) != 6 || len(rec.Rejects) != 3 || rec.Rejects[0].Line != 2 || !errors.Is(rec.Rejects[0], rawio.ErrLimit) {
		t.Errorf("%d messages, rejects %v; want 6 and the long line 2 first", len(rec.Msgs), rec.Rejects)
	}
}

var testKey = []byte("reddit tests: not a real key at all")

// Loaded, the fixture accounts for every record; the [deleted] authors
// are nobody, not one person: their messages have no author pseudonym,
// and the authors counted are the two named ones.
func TestLoadDeletedAuthors(t *testing.T) {
	c, rep, err := load.Files([]string{fixture}, load.Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	fr := rep.Files[0]
	if fr.Format != reddit.Format || fr.Records != 8 || fr.Loaded != 6 || fr.Rejected != 2 ||
		fr.Records != fr.Loaded+fr.Duplicates+fr.Conflicting+fr.Rejected {
		t.Fatalf("report %+v", fr)
	}
	authors := map[string]int{}
	var anonymous []string
	for _, m := range c.Messages {
		if m.Author == "" {
			anonymous = append(anonymous, m.ID)
			continue
		}
		authors[m.Author]++
	}
	if want := []string{"t1_kr1a003", "t1_kr1a005", "t3_1b2d000"}; !reflect.DeepEqual(anonymous, want) {
		t.Errorf("messages without author %v, want %v", anonymous, want)
	}
	if len(authors) != 2 {
		t.Errorf("%d authors, want 2 (doc_lyon69 twice, interne_nantes)", len(authors))
	}
	// Replies meet their parents: the links are message-level.
	byID := map[string]corpus.Message{}
	for _, m := range c.Messages {
		byID[m.ID] = m
	}
	for _, m := range c.Messages {
		if m.ParentID != "" {
			if _, ok := byID[m.ParentID]; !ok {
				t.Errorf("%s answers %s, absent", m.ID, m.ParentID)
			}
		}
	}
	if got := byID["t1_kr1a004"].Mentions; len(got) != 1 || got[0] != byID["t1_kr1a001"].Author {
		t.Errorf("mentions %v, want interne_nantes's pseudonym %s", got, byID["t1_kr1a001"].Author)
	}
	if strings.Contains(byID["t1_kr1a004"].Text, "interne_nantes") {
		t.Errorf("text keeps the mentioned handle: %q", byID["t1_kr1a004"].Text)
	}
	for _, l := range c.LinksByCommunity() {
		if l.Strength() != corpus.MessageLinks {
			t.Errorf("community %s: links %v, want message-level", l.Community, l.Strength())
		}
	}
}

// The real Pushshift sample (27 comments, shared/fixtures/reddit) loads
// with every record accounted for.
func TestRealSample(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "fixtures", "reddit", "Pushshift-Importer_test_comments.json")
	if _, err := os.Stat(path); err != nil {
		t.Skip("real sample absent:", err)
	}
	c, rep, err := load.Files([]string{path}, load.Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	fr := rep.Files[0]
	if fr.Format != reddit.Format || fr.Records != 27 || fr.Loaded != 27 || fr.Rejected != 0 {
		t.Fatalf("report %+v\n%v", fr, fr.Rejections)
	}
	kinds, authors, nobody := map[corpus.Kind]int{}, map[string]bool{}, 0
	for _, m := range c.Messages {
		kinds[m.Kind]++
		if m.Author == "" {
			nobody++
		} else {
			authors[m.Author] = true
		}
	}
	if kinds[corpus.Comment] != 18 || kinds[corpus.Reply] != 9 || nobody != 5 || len(authors) != 22 {
		t.Errorf("kinds %v, %d without author, %d authors; want 18 comments, 9 replies, 5, 22", kinds, nobody, len(authors))
	}
}

func TestMentions(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Merci u/interne_nantes !", []string{"interne_nantes"}},
		{"cc /u/Doc-Lyon et u/doc-lyon", []string{"Doc-Lyon"}},
		{"(u/abc) u/ab u/" + strings.Repeat("x", 21), []string{"abc"}},
		{"voir https://www.reddit.com/user/ide_bx/ et reddit.com/u/ide_bx2", []string{"ide_bx2", "ide_bx"}},
		{"menu/item, beau/belle, r/medecine, https://ex.com/u/nobody", nil},
	} {
		if got := reddit.Mentions(c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Mentions(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// Detection: reddit is sure of its dumps and of nothing in the other
// formats' fixtures.
func TestSniffOthers(t *testing.T) {
	own := func(path string) bool { return filepath.Base(path) == "reddit.ndjson" } // this format's own canary
	loadtest.SniffNone(t, reddit.Format, own, 20, "../facebook/testdata", "../twitter/testdata", "../testdata", "../observation/testdata")
	fm, _ := rawio.Lookup(reddit.Format)
	sub := `{"id": "1b2c3d4", "title": "x", "selftext": "", "num_comments": 0, "subreddit": "medecine", "created_utc": 1709290800}`
	if s := fm.Sniff([]byte("\n" + sub + "\n")); s != 95 {
		t.Errorf("a submission sniffs %d, want 95", s)
	}
	if s := fm.Sniff([]byte(`{"body": "x", "link_id": "t3_a", "parent_id": "t3_a", "subreddit": "s"}`)); s != 0 {
		t.Errorf("a comment without created_utc sniffs %d", s)
	}
}

// A username met only as u/name in a text, never as an author, is made a
// known handle by the mention, so load scrubs it from the text.
func TestMentionOnlyScrubbed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "RC.ndjson")
	line := `{"id": "kr1b001", "author": "interne_nantes", "body": "Demande à u/ide_bordeaux, ou à /u/ide_bordeaux sur reddit.com/user/ide_bordeaux", "created_utc": 1709292600, "link_id": "t3_1b2c3d4", "parent_id": "t3_1b2c3d4", "subreddit": "medecine"}` + "\n"
	if err := os.WriteFile(path, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _, err := load.Files([]string{path}, load.Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Messages) != 1 || len(c.Messages[0].Mentions) != 1 || strings.Contains(c.Messages[0].Text, "ide_bordeaux") {
		t.Errorf("messages %+v: want one mention and the handle scrubbed", c.Messages)
	}
}
