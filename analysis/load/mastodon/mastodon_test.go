package mastodon

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

var (
	claire = rawio.Person{ID: "109000000000000011", Handle: "claire_mg@piaille.fr", Name: "Claire Médecin"}
	bruno  = rawio.Person{ID: "109000000000000022", Handle: "BrunoK@mastodon.social", Name: "Bruno Kiné"}
	odile  = rawio.Person{ID: "109000000000000033", Handle: "odile@piaille.fr", Name: "Odile Infirmière"}
)

func TestTimeline(t *testing.T) {
	rec := loadtest.ReadTestdata(t, "mastodon", "timeline.json")
	if rec.Calls() != 4 || len(rec.Msgs) != 3 || len(rec.Rejects) != 1 {
		t.Fatalf("%d messages, %d rejects: %v", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	want := []*rawio.RawMessage{
		{Platform: corpus.Mastodon, ID: "111000000000000001", Kind: corpus.Post, Author: claire,
			Created:   time.Date(2024, 3, 12, 7, 15, 30, 0, time.UTC),
			Text:      "Garde de nuit terminée. Qui a un protocole pour les douleurs thoraciques atypiques en cabinet\u00a0? #MedecinG\n\nMerci d'avance",
			Reactions: 12, Shares: 3, Hashtags: []string{"medecing"}, Line: 2, IDField: "id", CreatedField: "created_at"},
		{Platform: corpus.Mastodon, ID: "111000000000000002", Kind: corpus.Reply, ParentID: "111000000000000001", Author: bruno,
			Created:   time.Date(2024, 3, 12, 7, 42, 5, 512e6, time.UTC),
			Text:      "@claire_mg@piaille.fr La fiche de la HAS\u00a0: https://www.has-sante.fr/jcms/p_3000000/fr/douleur-thoracique\nECG d'abord.",
			Links:     []string{"https://www.has-sante.fr/jcms/p_3000000/fr/douleur-thoracique"},
			Reactions: 4, Mentions: []rawio.Person{{ID: claire.ID, Handle: claire.Handle}},
			ReplyTo: rawio.Person{ID: claire.ID, Handle: claire.Handle}, Line: 24, IDField: "id", CreatedField: "created_at"},
		{Platform: corpus.Mastodon, ID: "111000000000000004", Kind: corpus.Retweet, RefID: "111000000000000001", Author: odile,
			Created: time.Date(2024, 3, 12, 8, 5, 10, 0, time.UTC), Line: 54, IDField: "id", CreatedField: "created_at"},
	}
	for i, w := range want {
		if !reflect.DeepEqual(rec.Msgs[i], w) {
			t.Errorf("message %d:\n got %+v\nwant %+v", i, rec.Msgs[i], w)
		}
	}
	e := rec.Rejects[0]
	if e.Line != 43 || e.Field != "favourites_count" || !strings.Contains(e.Error(), "a JSON string where a number is expected") {
		t.Errorf("reject %v (line %d, field %q)", e, e.Line, e.Field)
	}
}

func TestContextAndLines(t *testing.T) {
	rec := loadtest.ReadTestdata(t, "mastodon", "context.json")
	if rec.Calls() != 3 || len(rec.Msgs) != 2 || len(rec.Rejects) != 1 {
		t.Fatalf("%d messages, %d rejects: %v", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	if e := rec.Rejects[0]; e.Line != 19 || e.Field != "" || !strings.Contains(e.Error(), "malformed JSON") {
		t.Errorf("reject %v", e)
	}
	m := rec.Index()["111000000000000006"]
	if m == nil || m.Kind != corpus.Reply || m.ParentID != "111000000000000002" || m.Line != 21 ||
		m.Text != "Clinique\n\nMerci @BrunoK@mastodon.social, c'est noté." || m.ReplyTo != (rawio.Person{ID: bruno.ID, Handle: bruno.Handle}) ||
		m.IDField != "descendants[1].id" || m.Reactions != 2 {
		t.Errorf("descendant: %+v", m)
	}
	if a := rec.Index()["111000000000000001"]; a == nil || a.Line != 3 || a.IDField != "ancestors[0].id" {
		t.Errorf("ancestor: %+v", a)
	}

	rec = loadtest.ReadTestdata(t, "mastodon", "statuses.jsonl")
	if rec.Calls() != 4 || len(rec.Msgs) != 3 || len(rec.Rejects) != 1 || rec.Rejects[0].Line != 2 {
		t.Fatalf("%d messages, %d rejects: %v", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	got := rec.Index()
	// The parent is not in the data, the account answered is not
	// mentioned: the bare account id is kept.
	if m := got["111000000000000007"]; m.ParentID != "111000000000000009" || m.ReplyTo != (rawio.Person{ID: "109000000000000044"}) ||
		m.Text != "Oui, @jeanne@framapiaf.org a raison." || m.Author != odile || m.Line != 1 {
		t.Errorf("reply: %+v", m)
	}
	// A time before Mastodon existed is left to load (rawio.CheckTime).
	if m := got["111000000000000010"]; m == nil || m.Created.Year() != 2015 || m.Line != 3 {
		t.Errorf("early: %+v", m)
	}
	if m := got["111000000000000011"]; m == nil || m.Author.Handle != "jeanne@framapiaf.org" || m.IDField != "statuses[0].id" ||
		m.Text != "Recherche : #soins" || !reflect.DeepEqual(m.Hashtags, []string{"soins"}) || m.Line != 4 || m.Shares != 1 || m.Reactions != 5 {
		t.Errorf("search result: %+v", m)
	}
}

func TestOutbox(t *testing.T) {
	rec := loadtest.ReadTestdata(t, "mastodon-outbox", "outbox.json")
	if rec.Calls() != 5 || len(rec.Msgs) != 3 || len(rec.Rejects) != 1 || len(rec.Services) != 1 {
		t.Fatalf("%d messages, %d rejects, %d services: %v", len(rec.Msgs), len(rec.Rejects), len(rec.Services), rec.Rejects)
	}
	me := rawio.Person{Handle: "claire_mg@piaille.fr"}
	first := URIID("https://piaille.fr/users/claire_mg/statuses/111000000000000001")
	if first != "ap-ce561636a80e4943" {
		t.Fatalf("URIID %q", first)
	}
	want := []*rawio.RawMessage{
		{Platform: corpus.Mastodon, ID: first, Kind: corpus.Post, Author: me,
			Created: time.Date(2024, 3, 12, 7, 15, 30, 0, time.UTC), Text: "Garde de nuit terminée. #MedecinG",
			Hashtags: []string{"MedecinG"}, Line: 7, IDField: "orderedItems[0].object.id", CreatedField: "orderedItems[0].object.published"},
		{Platform: corpus.Mastodon, ID: URIID("https://piaille.fr/users/claire_mg/statuses/111000000000000006"), Kind: corpus.Reply,
			ParentID: URIID("https://mastodon.social/users/BrunoK/statuses/112000000000000777"), Author: me,
			Created: time.Date(2024, 3, 12, 9, 30, 0, 0, time.UTC), Text: "Clinique\n\nMerci @BrunoK@mastodon.social, c'est noté.",
			Mentions: []rawio.Person{{Handle: "BrunoK@mastodon.social"}}, ReplyTo: rawio.Person{Handle: "BrunoK@mastodon.social"},
			Line: 25, IDField: "orderedItems[1].object.id", CreatedField: "orderedItems[1].object.published"},
		{Platform: corpus.Mastodon, ID: URIID("https://piaille.fr/users/claire_mg/statuses/111000000000000013/activity"), Kind: corpus.Retweet,
			RefID: URIID("https://framapiaf.org/users/jeanne/statuses/110000000000000099"), Author: me,
			Created: time.Date(2024, 3, 13, 11, 0, 0, 0, time.UTC), Line: 42, IDField: "orderedItems[3].id", CreatedField: "orderedItems[3].published"},
	}
	for i, w := range want {
		if !reflect.DeepEqual(rec.Msgs[i], w) {
			t.Errorf("message %d:\n got %+v\nwant %+v", i, rec.Msgs[i], w)
		}
	}
	if e := rec.Rejects[0]; e.Line != 41 || e.Field != "orderedItems[2].object.published" || !strings.Contains(e.Error(), `unreadable time: "h… s…"`) {
		t.Errorf("reject %v", e)
	}
	if s := rec.Services[0]; s.Kind != "activitypub-delete" || s.Line != 49 {
		t.Errorf("service %+v", s)
	}
}

// sharedFixtures returns the folder of the real samples, or skips.
func sharedFixtures(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "..", "shared", "fixtures", dir)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("no shared fixtures: %v", err)
	}
	return p
}

// The real samples of MastodonKit: two statuses each, both with id "1"
// (edited test data), of a local account.
func TestShared(t *testing.T) {
	dir := sharedFixtures(t, "mastodon")
	for _, c := range []struct {
		file   string
		parent []string
		fields []string
	}{
		{"MastodonKit_Timeline.json", []string{"32", "32"}, []string{"id", "id"}},
		{"MastodonKit_Context.json", []string{"", "32"}, []string{"ancestors[0].id", "descendants[0].id"}},
	} {
		raw, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		rec, err := readWith(t, "mastodon", c.file, raw, rawio.Limits{})
		if err != nil || rec.Calls() != 2 || len(rec.Msgs) != 2 {
			t.Fatalf("%s: %d messages, %d rejects, %v", c.file, len(rec.Msgs), len(rec.Rejects), err)
		}
		for i, m := range rec.Msgs {
			if m.ID != "1" || m.ParentID != c.parent[i] || m.IDField != c.fields[i] ||
				m.Author != (rawio.Person{ID: "2", Handle: "ornithocoder@mastodon.technology", Name: "Ornitho Coder"}) ||
				!m.Created.Equal(time.Date(2017, 4, 6, 16, 55, 2, 132e6, time.UTC)) || m.Reactions != 1 || m.Shares != 0 ||
				!strings.HasPrefix(m.Text, "Let's keep his a secret!\n\nThis is a very very long status message posted on Mastodon.") {
				t.Errorf("%s: status %d: %+v", c.file, i, m)
			}
			if m.ParentID != "" && (m.Kind != corpus.Reply || m.ReplyTo != (rawio.Person{ID: "22"})) {
				t.Errorf("%s: reply %d: %+v", c.file, i, m)
			}
		}
	}
}

func TestSniff(t *testing.T) {
	acct := `{"id": "1", "username": "a", "acct": "a", "display_name": "A", "followers_count": 1, "statuses_count": 3, "note": "` + strings.Repeat("x", 70<<10) + `"}`
	for head, want := range map[string]int{
		`[{"id": "1", "in_reply_to_account_id": null}]`:                    90,
		`{"id": "1", "reblogs_count": 0, "favourites_count": 1}`:           90,
		`{"accounts": [` + acct:                                            70,
		`{"id": "1", "favourites_count": 1, "statuses_count": 3}`:          0, // a Twitter v1 user
		`{"type": "OrderedCollection", "orderedItems": [{"type": "Create"`: 0,
		`{"post_stream": {"posts": [{"cooked": ""}]}}`:                     0,
		"reblogs_count favourites_count":                                   0,
	} {
		if got := sniffAPI([]byte(head)[:min(len(head), rawio.HeadSize)]); got != want {
			t.Errorf("sniffAPI(%.60q) = %d, want %d", head, got, want)
		}
	}
	for head, want := range map[string]int{
		`{"@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollection", "orderedItems": [{"type": "Create"`: 90,
		`{"type": "OrderedCollection", "orderedItems": [{"type": "Announce"`:                                                    90,
		// likes.json and bookmarks.json of an archive, and its actor.
		`{"@context": "https://www.w3.org/ns/activitystreams", "id": "likes.json", "type": "OrderedCollection", "orderedItems": ["https://p.fr/users/b/statuses/1"]}`: 0,
		`{"@context": ["https://www.w3.org/ns/activitystreams"], "type": "Person", "preferredUsername": "a", "outbox": "outbox.json"}`:                                0,
	} {
		if got := sniffOutbox([]byte(head)); got != want {
			t.Errorf("sniffOutbox(%.60q) = %d, want %d", head, got, want)
		}
	}
}
