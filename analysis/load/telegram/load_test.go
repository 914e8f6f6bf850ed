package telegram_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load"
)

var key = []byte("a test key of thirty-two bytes!!")

// Loaded through package load, in a study: every item accounted for
// (records = loaded + duplicates + conflicting + rejected, service items
// among the loaded, by action), the community named by the study and
// not by the export, the reply linked to its parent, the forward a
// repost, the same file read twice giving duplicates only.
func TestLoadStudy(t *testing.T) {
	dir := t.TempDir()
	raw, err := os.ReadFile(filepath.Join("testdata", "telegram", "result.json"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "result.json"), raw, 0o644)
	os.WriteFile(filepath.Join(dir, "copie.json"), raw, 0o644)
	spec := &load.Spec{Name: "t", Synthetic: true, Dir: dir, Communities: []load.CommunitySpec{{
		ID: "aides94", Name: "Aides 94", Platform: "telegram",
		Sources: []load.SourceSpec{{Files: []string{"result.json", "copie.json"}, Format: "auto"}}}}}
	c, rep, err := load.LoadSpec(spec, load.Options{Key: key, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 2 {
		t.Fatalf("%d files", len(rep.Files))
	}
	f, g := rep.Files[0], rep.Files[1]
	if f.Format != "telegram-desktop" || f.Records != 11 || f.Loaded != 9 || f.Rejected != 2 || f.Duplicates != 0 ||
		f.Service["create_group"] != 1 || f.Service["join_group_by_link"] != 1 || f.Service["pin_message"] != 1 || f.Service["unsupported"] != 1 || len(f.Service) != 4 {
		t.Errorf("first file %+v", f)
	}
	// The second copy: its 5 messages are duplicates, its 4 service
	// items loaded again (they are not messages), its 2 bad items
	// rejected again.
	if g.Records != 11 || g.Loaded != 4 || g.Duplicates != 5 || g.Rejected != 2 || g.Records != g.Loaded+g.Duplicates+g.Conflicting+g.Rejected {
		t.Errorf("second file %+v", g)
	}
	if len(c.Messages) != 5 || len(c.Communities) != 1 || c.Communities[0].ID != "aides94" || c.Communities[0].Name != "Aides 94" || c.Communities[0].Platform != corpus.Telegram {
		t.Fatalf("%d messages, communities %+v", len(c.Messages), c.Communities)
	}
	byID := map[string]corpus.Message{}
	for _, m := range c.Messages {
		byID[m.ID] = m
	}
	if r := byID["104"]; r.Kind != corpus.Reply || r.ParentID != "102" || r.Reactions != 4 || r.Author == "" || r.Author == byID["102"].Author {
		t.Errorf("reply %+v", r)
	}
	if r := byID["108"]; r.Author != byID["102"].Author {
		t.Errorf("one member, two pseudonyms: %s, %s", r.Author, byID["102"].Author)
	}
	if byID["106"].Kind != corpus.Retweet {
		t.Errorf("forward %+v", byID["106"])
	}
	links := c.LinksByCommunity()
	if len(links) != 1 || links[0].Strength() != corpus.MessageLinks {
		t.Errorf("links %+v", links)
	}
}

// The real Tkonverter sample through load: 45 records, 23 of them
// messages, 22 service items; its message of 10 January 2027 is after
// the load instant (1 December 2026) and rejected as implausible.
func TestLoadTkonverter(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "fixtures", "telegram", "Tkonverter_result_group.json")
	if _, err := os.Stat(path); err != nil {
		t.Skip("real sample absent")
	}
	c, rep, err := load.Files([]string{path}, load.Options{Key: key, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	f := rep.Files[0]
	services := 0
	for _, n := range f.Service {
		services += n
	}
	if f.Records != 45 || services != 22 || f.Loaded != 44 || f.Rejected != 1 || len(c.Messages) != 22 || f.Records != f.Loaded+f.Duplicates+f.Conflicting+f.Rejected {
		t.Errorf("report %+v, %d messages", f, len(c.Messages))
	}
	if len(c.Communities) != 1 || c.Communities[0].ID != "20001" {
		t.Errorf("communities %+v", c.Communities)
	}
}
