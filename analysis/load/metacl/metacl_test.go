package metacl_test

import (
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
	"github.com/faire-communaute/compendium/analysis/load/metacl"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// recorder is the sink of these tests: it keeps what a reader gives it,
// in order (a rawio.Sink, not a ServiceSink).
type recorder = loadtest.Recorder

func readFile(t *testing.T, name string, raw []byte) *recorder {
	t.Helper()
	rec := &recorder{}
	loadtest.ReadDetected(t, metacl.Format, name, raw, rawio.Limits{}, rec)
	return rec
}

func readPath(t *testing.T, path string) *recorder {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return readFile(t, filepath.Base(path), raw)
}

const page = "Infirmières libérales de France"

func utc(d, hh, mm, ss int) time.Time { return time.Date(2024, 3, d, hh, mm, ss, 0, time.UTC) }

var wantPosts = []rawio.RawMessage{
	{Platform: corpus.Facebook, Group: page, ID: "1084320011223344", Kind: corpus.Post, ThreadID: "1084320011223344",
		Author: rawio.Person{ID: "310000000000001", Handle: "idelfrance", Name: page}, Created: utc(14, 8, 2, 11),
		Text:      "Rappel : la revalorisation des indemnités kilométriques (IK) entre en vigueur le 1er avril.\nQui a déjà vu la différence sur ses relevés ? #IDEL",
		Reactions: 144, Shares: 12, Line: 2},
	{Platform: corpus.Facebook, Group: "Entraide IDEL Auvergne-Rhône-Alpes", ID: "1084320011225566", Kind: corpus.Post, ThreadID: "1084320011225566",
		Author: rawio.Person{ID: "310000000000001", Handle: "idelfrance", Name: page}, Created: utc(15, 17, 45, 0),
		Text:      "Cabinet infirmier à Lyon 7e cherche remplaçante pour l'été, 3 jours/semaine. Contactez-nous en MP.",
		Reactions: 41, Shares: 8, Line: 5},
}

var wantComments = []rawio.RawMessage{
	{Platform: corpus.Facebook, ID: "2230000000000101", Kind: corpus.Comment, ParentID: "1084320011223344", ThreadID: "1084320011223344",
		Author: rawio.Person{ID: "510000000000011", Name: "Nadège Roussel"}, Created: utc(14, 8, 30, 5),
		Text: "Oui, +0,15 € par déplacement chez moi en zone rurale, ça compte !", Reactions: 6, Line: 2},
	{Platform: corpus.Facebook, ID: "2230000000000102", Kind: corpus.Reply, ParentID: "2230000000000101", ThreadID: "1084320011223344",
		Author: rawio.Person{ID: "510000000000012", Name: "Karim Benali"}, Created: utc(14, 9, 12, 40),
		Text: "Pareil dans le Cantal, mais l'essence a augmenté plus vite…", Reactions: 3, Line: 3},
	{Platform: corpus.Facebook, ID: "2230000000000104", Kind: corpus.Comment, ParentID: "1084320011223344", ThreadID: "1084320011223344",
		Author: rawio.Person{ID: "510000000000013"}, Created: utc(14, 9, 40, 0), Text: "Quelqu'un a le lien vers l'avenant ?",
		Links: []string{"https://www.ameli.fr/infirmier/exercice-liberal/remuneration"}, Line: 5},
	// No reaction_count: the per-reaction counts are summed (9 + 2).
	{Platform: corpus.Facebook, ID: "2230000000000105", Kind: corpus.Reply, ParentID: "2230000000000104", ThreadID: "1084320011223344",
		Author: rawio.Person{ID: "310000000000001", Handle: "idelfrance", Name: page}, Created: utc(14, 10, 5, 0),
		Text: "Le voici, avec le texte de la convention signée.", Reactions: 11,
		Links: []string{"https://www.ameli.fr/infirmier/textes-reference/convention"}, Line: 6},
}

func check(t *testing.T, rec *recorder, want []rawio.RawMessage) {
	t.Helper()
	if len(rec.Msgs) != len(want) {
		t.Fatalf("%d messages, want %d: %v", len(rec.Msgs), len(want), rec.Rejects)
	}
	for i, m := range rec.Msgs {
		w := want[i]
		w.IDField, w.CreatedField = "id", "creation_time"
		if !reflect.DeepEqual(*m, w) {
			t.Errorf("message %d:\n got %+v\nwant %+v", i, *m, w)
		}
	}
	for _, e := range rec.Rejects {
		if e.File == "" || strings.Contains(e.Error(), "Montpellier") {
			t.Errorf("reject %v names no file or echoes the text", e)
		}
	}
}

// The fixtures built from Meta's data dictionary load with their exact
// values; the damaged records are rejected alone.
func TestPosts(t *testing.T) {
	rec := readPath(t, "testdata/mcl_posts.csv")
	check(t, rec, wantPosts)
	if len(rec.Rejects) != 2 || rec.Rejects[0].Line != 4 || rec.Rejects[1].Line != 6 ||
		rec.Rejects[1].Field != "creation_time" || !errors.Is(rec.Rejects[1], rawio.ErrBadTime) {
		t.Errorf("rejects %v, want line 4 (open quote) and line 6 (creation_time)", rec.Rejects)
	}
}

func TestComments(t *testing.T) {
	rec := readPath(t, "testdata/mcl_comments.csv")
	check(t, rec, wantComments)
	if len(rec.Rejects) != 1 || rec.Rejects[0].Line != 4 || !errors.Is(rec.Rejects[0], rawio.ErrShape) {
		t.Errorf("rejects %v, want line 4 (two fields)", rec.Rejects)
	}
}

var testKey = []byte("metacl tests: not a real key at all")

// Loaded in one community, as a study declares it, posts and comments
// account for every record and their links meet: message-level.
func TestLoadStudy(t *testing.T) {
	spec := &load.Spec{Name: "mcl", Dir: "testdata", Communities: []load.CommunitySpec{{
		ID: "idel", Name: "Infirmières libérales", Platform: "facebook",
		Sources: []load.SourceSpec{{Files: []string{"mcl_posts.csv", "mcl_comments.csv"}, Format: "auto"}}}}}
	c, rep, err := load.LoadSpec(spec, load.Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][3]int{"mcl_posts.csv": {4, 2, 2}, "mcl_comments.csv": {5, 4, 1}}
	for _, fr := range rep.Files {
		w := want[fr.Path]
		if fr.Format != metacl.Format || fr.Records != w[0] || fr.Loaded != w[1] || fr.Rejected != w[2] ||
			fr.Records != fr.Loaded+fr.Duplicates+fr.Conflicting+fr.Rejected {
			t.Errorf("%s: %+v, want records, loaded, rejected %v", fr.Path, fr, w)
		}
	}
	links := c.LinksByCommunity()
	if len(links) != 1 || links[0].Strength() != corpus.MessageLinks {
		t.Fatalf("links %+v, want message-level", links)
	}
	authors := map[string]bool{}
	for _, m := range c.Messages {
		authors[m.Author] = true
		if strings.Contains(m.Text, "Roussel") {
			t.Errorf("%s keeps a name: %q", m.ID, m.Text)
		}
	}
	if len(authors) != 4 || authors[""] {
		t.Errorf("%d authors %v, want the page, two named members and the private one", len(authors), authors)
	}
}

// The web interface's column names are read as the API's.
func TestInterfaceNames(t *testing.T) {
	raw := "Meta Content Library ID,Creation time,Text,Post owner name,Post owner type,Reactions,Comments,Shares,Views\n" +
		"1084320011223344,2024-03-14 08:02:11,Rappel IK,Infirmières libérales de France,page,144,37,12,5400\n"
	rec := readFile(t, "ui.csv", []byte(raw))
	if len(rec.Msgs) != 1 || len(rec.Rejects) != 0 {
		t.Fatalf("%d messages, rejects %v", len(rec.Msgs), rec.Rejects)
	}
	m := rec.Msgs[0]
	if m.ID != "1084320011223344" || !m.Created.Equal(utc(14, 8, 2, 11)) || m.Author.Name != page || m.Group != page ||
		m.Reactions != 144 || m.Shares != 12 || m.IDField != "Meta Content Library ID" || m.CreatedField != "Creation time" {
		t.Errorf("message %+v", m)
	}
}

// Detection: the CSV readers of other formats do not take MCL files, and
// MCL takes none of theirs.
func TestSniffOthers(t *testing.T) {
	own := func(path string) bool { return strings.HasPrefix(filepath.Base(path), "mcl_") } // this format's own canary
	loadtest.SniffNone(t, metacl.Format, own, 20, "../facebook/testdata", "../twitter/testdata", "../testdata", "../observation/testdata", "../reddit/testdata")
	for _, p := range []string{"testdata/mcl_posts.csv", "testdata/mcl_comments.csv"} {
		f, err := rawio.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, other := range rawio.Formats() {
			if s := other.Sniff(f.Head); other.Name != metacl.Format && s != 0 {
				t.Errorf("%s: %s sniffs %d", p, other.Name, s)
			}
		}
		f.Close()
	}
}
