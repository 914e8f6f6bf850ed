package discourse

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
	martine = rawio.Person{Handle: "martine_avs", Name: "Martine Aide"}
	sylvie  = rawio.Person{Handle: "sylvie", Name: "Sylvie R."}
)

func TestTopic(t *testing.T) {
	rec := loadtest.ReadTestdata(t, "discourse", "topic.json")
	if rec.Calls() != 5 || len(rec.Msgs) != 3 || len(rec.Rejects) != 1 || len(rec.Services) != 1 {
		t.Fatalf("%d messages, %d rejects, %d services: %v", len(rec.Msgs), len(rec.Rejects), len(rec.Services), rec.Rejects)
	}
	want := []*rawio.RawMessage{
		{Platform: corpus.Discourse, ID: "42/1", ThreadID: "42/1", Kind: corpus.Post, Author: martine,
			Created:   time.Date(2023, 11, 6, 18, 2, 11, 420e6, time.UTC),
			Text:      "Refus de soins : vos astuces ?\n\nBonsoir à toutes,\ncomment faites-vous quand une personne refuse la toilette\u00a0?\n\nJe suis démunie.",
			Reactions: 3, Line: 4, IDField: "post_stream.posts[0].post_number", CreatedField: "post_stream.posts[0].created_at"},
		// reply_to_post_number null: an answer to the topic, post 1.
		{Platform: corpus.Discourse, ID: "42/2", ThreadID: "42/1", Kind: corpus.Reply, ParentID: "42/1", Author: sylvie,
			AuthorRole: corpus.Moderator, Created: time.Date(2023, 11, 6, 18, 30, 0, 0, time.UTC),
			Text:      "Je propose de revenir plus tard, sans insister. Voir la fiche (https://www.pour-les-personnes-agees.gouv.fr/aide-toilette).",
			Links:     []string{"https://www.pour-les-personnes-agees.gouv.fr/aide-toilette"},
			Reactions: 5, Line: 19, IDField: "post_stream.posts[1].post_number", CreatedField: "post_stream.posts[1].created_at"},
		// One like, and reactions heart 1 + clap 2: the larger, 3.
		{Platform: corpus.Discourse, ID: "42/4", ThreadID: "42/1", Kind: corpus.Reply, ParentID: "42/2", Author: martine,
			Created:   time.Date(2023, 11, 7, 7, 15, 0, 0, time.UTC),
			Text:      "revenir plus tard\n\nMerci @sylvie, ça a marché :slight_smile:",
			Reactions: 3, Line: 40, IDField: "post_stream.posts[3].post_number", CreatedField: "post_stream.posts[3].created_at"},
	}
	for i, w := range want {
		if !reflect.DeepEqual(rec.Msgs[i], w) {
			t.Errorf("message %d:\n got %+v\nwant %+v", i, rec.Msgs[i], w)
		}
	}
	if e := rec.Rejects[0]; e.Line != 32 || e.Field != "post_stream.posts[2].post_number" || !strings.Contains(e.Error(), "a JSON string where a number is expected") {
		t.Errorf("reject %v", e)
	}
	if s := rec.Services[0]; s.Kind != "small_action" || s.Line != 53 {
		t.Errorf("service %+v", s)
	}
}

func TestLatestPosts(t *testing.T) {
	rec := loadtest.ReadTestdata(t, "discourse", "latest.json")
	if rec.Calls() != 3 || len(rec.Msgs) != 2 || len(rec.Rejects) != 1 {
		t.Fatalf("%d messages, %d rejects: %v", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	if m := rec.Msgs[0]; m.ID != "43/1" || m.Kind != corpus.Post || m.Reactions != 2 || m.Line != 2 || m.Author != sylvie ||
		m.Text != "Transferts\n\nNouvelle question sur les transferts lit-fauteuil." || m.IDField != "latest_posts[0].post_number" {
		t.Errorf("first: %+v", m)
	}
	// The parent, post 2, is not in the file: the link is still named.
	if m := rec.Msgs[1]; m.ID != "43/3" || m.ParentID != "43/2" || m.ThreadID != "43/1" || m.Line != 3 {
		t.Errorf("reply: %+v", m)
	}
	if e := rec.Rejects[0]; e.Line != 4 || e.Field != "latest_posts[2].created_at" || e.Error() != `latest.json:4: field "latest_posts[2].created_at": unreadable time: "h…"` {
		t.Errorf("reject %v", e)
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

// The real sample of the Discourse API: its 4 posts, of try.discourse.org.
func TestSharedTopic(t *testing.T) {
	path := filepath.Join(sharedFixtures(t, "forum"), "discourse_api_topic.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	rec, err := readWith(t, "discourse", path, raw, rawio.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Calls() != 4 || len(rec.Msgs) != 4 {
		t.Fatalf("%d messages, %d rejects: %v", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	type row struct {
		id, parent string
		kind       corpus.Kind
		likes      int
		handle     string
	}
	want := []row{{"57/1", "", corpus.Post, 0, "samsaffron"}, {"57/2", "57/1", corpus.Reply, 0, "samsaffron"},
		{"57/3", "57/1", corpus.Reply, 5, "stienman"}, {"57/14", "57/1", corpus.Reply, 5, "splattne"}}
	for i, w := range want {
		m := rec.Msgs[i]
		if got := (row{m.ID, m.ParentID, m.Kind, m.Reactions, m.Author.Handle}); got != w {
			t.Errorf("post %d: %+v, want %+v", i, got, w)
		}
	}
	if m := rec.Msgs[0]; !m.Created.Equal(time.Date(2013, 2, 4, 20, 26, 26, 278e6, time.UTC)) || m.Author.Name != "Sam Saffron" ||
		!strings.HasPrefix(m.Text, "THIS SITE IS A SANDBOX -- it is reset every day\n\nWelcome!\n\nTry is a sandbox, a safe place to play with Discourse and its features.\n\nThis site is reset") ||
		len(m.Links) != 3 || m.Links[0] != "http://www.discourse.org" {
		t.Errorf("first post: %+v", m)
	}
	if m := rec.Msgs[2]; m.Text != "" {
		t.Errorf("an image alone has no text: %q", m.Text)
	}
	if m := rec.Msgs[3]; m.Text != "What? So I have to post this every day?" {
		t.Errorf("last post: %q", m.Text)
	}
}
