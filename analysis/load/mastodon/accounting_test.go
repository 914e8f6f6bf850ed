package mastodon_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Loaded through load, every record of the fixtures is accounted for:
// records = loaded + duplicates + conflicting + rejected, with the counts
// computed by hand, and the format detected from the content.
func TestLoadAccounting(t *testing.T) {
	files := []string{"timeline.json", "context.json", "statuses.jsonl", "outbox.json"}
	var paths []string
	for _, f := range files {
		paths = append(paths, filepath.Join("testdata", f))
	}
	c, rep, err := load.Files(paths, load.Options{Key: []byte("a test key of thirty-two bytes!!"), Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		format                                 string
		records, loaded, dups, rejected, servs int
	}{
		"timeline.json": {"mastodon", 4, 3, 0, 1, 0},
		// Status 1 again (a duplicate), status 6, and a malformed one.
		"context.json": {"mastodon", 3, 1, 1, 1, 0},
		// A cut line, and a status of 2015 (before Mastodon existed).
		"statuses.jsonl": {"mastodon", 4, 2, 0, 2, 0},
		// Two notes and a boost; an unreadable time; a Delete (service).
		"outbox.json": {"mastodon-outbox", 5, 4, 0, 1, 1},
	}
	if len(rep.Files) != len(files) {
		t.Fatalf("%d file reports", len(rep.Files))
	}
	for _, fr := range rep.Files {
		w := want[filepath.Base(fr.Path)]
		servs := 0
		for _, n := range fr.Service {
			servs += n
		}
		if fr.Format != w.format || fr.Records != w.records || fr.Loaded != w.loaded || fr.Duplicates != w.dups ||
			fr.Rejected != w.rejected || fr.Conflicting != 0 || servs != w.servs {
			t.Errorf("%s: %s %d records, %d loaded, %d duplicates, %d conflicting, %d rejected, %v; want %+v",
				fr.Path, fr.Format, fr.Records, fr.Loaded, fr.Duplicates, fr.Conflicting, fr.Rejected, fr.Service, w)
		}
		if fr.Records != fr.Loaded+fr.Duplicates+fr.Conflicting+fr.Rejected {
			t.Errorf("%s: records not accounted for", fr.Path)
		}
	}
	if n := len(c.Messages); n != 3+1+2+3 {
		t.Errorf("%d messages", n)
	}
	// No message id holds a user name, and links meet: the outbox reply's
	// parent is an id derived like the others.
	for _, m := range c.Messages {
		if strings.Contains(m.ID, "claire") || strings.Contains(m.ParentID, "BrunoK") || strings.Contains(m.RefID, "jeanne") {
			t.Errorf("message %s names a user (parent %s, ref %s)", m.ID, m.ParentID, m.RefID)
		}
	}
	byID := map[string]int{}
	for i, m := range c.Messages {
		byID[m.ID] = i
	}
	reply := c.Messages[byID["111000000000000002"]]
	parent := c.Messages[byID["111000000000000001"]]
	if reply.ParentID != parent.ID || reply.ReplyToAuthor != parent.Author || parent.Author == "" || strings.Contains(reply.Text, "claire") {
		t.Errorf("reply %+v to %+v", reply, parent)
	}
}

// sharedFixtures returns the folder of the real samples, or skips.
func sharedFixtures(t *testing.T) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "..", "shared", "fixtures")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("no shared fixtures: %v", err)
	}
	return p
}

// The real samples load with every record accounted for.
func TestLoadShared(t *testing.T) {
	dir := filepath.Join(sharedFixtures(t), "mastodon")
	for _, f := range []string{"MastodonKit_Timeline.json", "MastodonKit_Context.json"} {
		_, rep, err := load.Files([]string{filepath.Join(dir, f)}, load.Options{Key: []byte("a test key of thirty-two bytes!!")})
		if err != nil {
			t.Fatal(err)
		}
		fr := rep.Files[0]
		// Two statuses of the same id, author, time and text: one loaded,
		// one duplicate.
		if fr.Format != "mastodon" || fr.Records != 2 || fr.Loaded != 1 || fr.Duplicates != 1 || fr.Rejected != 0 {
			t.Errorf("%s: %s %d records, %d loaded, %d duplicates, %d rejected", f, fr.Format, fr.Records, fr.Loaded, fr.Duplicates, fr.Rejected)
		}
	}
}

// ours are the formats of this package and of package discourse.
var ours = map[string]bool{"mastodon": true, "mastodon-outbox": true, "discourse": true}

// Detection: the fixtures of this package are detected as theirs, and no
// fixture of another format (the Facebook, Twitter, Reddit and MCL packages', the
// other real samples) is detected as one of ours, nor the reverse.
func TestDetection(t *testing.T) {
	head := func(path string) []byte {
		f, err := rawio.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		return append([]byte(nil), f.Head...)
	}
	for file, format := range map[string]string{
		"testdata/timeline.json": "mastodon", "testdata/context.json": "mastodon", "testdata/statuses.jsonl": "mastodon",
		"testdata/outbox.json": "mastodon-outbox", "../discourse/testdata/topic.json": "discourse",
		"../discourse/testdata/latest.json": "discourse",
	} {
		if got, err := rawio.Detect(head(file)); err != nil || got.Name != format {
			t.Errorf("%s detected as %q (%v), want %s", file, got.Name, err, format)
		}
	}
	roots := []string{"../facebook/testdata", "../twitter/testdata", "../reddit/testdata", "../metacl/testdata", "../observation/testdata", "../testdata/canary"}
	if p := filepath.Join("..", "..", "..", "..", "shared", "fixtures"); dirExists(p) {
		roots = append(roots, p)
	}
	checked := 0
	for _, root := range roots {
		filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.Contains(path, "fuzz") {
				return nil
			}
			mine := strings.Contains(path, "/mastodon/") || strings.Contains(path, "/forum/") ||
				strings.Contains(path, "canary/mastodon") || strings.Contains(path, "canary/discourse")
			got, err := rawio.Detect(head(path))
			switch {
			case mine && (err != nil || !ours[got.Name]):
				t.Errorf("%s detected as %q (%v)", path, got.Name, err)
			case !mine && err == nil && ours[got.Name]:
				t.Errorf("%s (another format) detected as %s", path, got.Name)
			}
			checked++
			return nil
		})
	}
	if checked < 50 {
		t.Errorf("only %d files checked", checked)
	}
}

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// An account archive's folder: outbox.json is read, its other files
// (the actor, likes, bookmarks) are listed as skipped.
func TestArchiveFolder(t *testing.T) {
	dir := t.TempDir()
	outbox, err := os.ReadFile(filepath.Join("testdata", "outbox.json"))
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"outbox.json":    string(outbox),
		"actor.json":     `{"@context": ["https://www.w3.org/ns/activitystreams"], "id": "actor.json", "type": "Person", "preferredUsername": "claire_mg", "name": "Claire", "outbox": "outbox.json"}`,
		"likes.json":     `{"@context": "https://www.w3.org/ns/activitystreams", "id": "likes.json", "type": "OrderedCollection", "orderedItems": ["https://framapiaf.org/users/jeanne/statuses/1"]}`,
		"bookmarks.json": `{"@context": "https://www.w3.org/ns/activitystreams", "id": "bookmarks.json", "type": "OrderedCollection", "orderedItems": []}`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, rep, err := load.Files([]string{dir}, load.Options{Key: []byte("a test key of thirty-two bytes!!")})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 || rep.Files[0].Format != "mastodon-outbox" || rep.Files[0].Records != 5 || len(rep.Skipped) != 3 {
		t.Errorf("%d files read, %d skipped: %v", len(rep.Files), len(rep.Skipped), rep.Skipped)
	}
}
