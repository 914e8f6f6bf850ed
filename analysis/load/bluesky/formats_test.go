package bluesky_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/load/bluesky"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

var testKey = []byte("a test key of thirty-two bytes!!")

// shared returns the folder of real samples, skipping the test when it
// is absent.
func shared(t *testing.T, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "..", "shared", "fixtures", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real samples not available: %v", err)
	}
	return dir
}

// counter counts a reader's calls without load.
type counter struct {
	kinds    map[corpus.Kind]int
	rejects  []*rawio.ParseError
	service  map[string]int
	likes    int
	fr, msgs int
}

func newCounter() *counter {
	return &counter{kinds: map[corpus.Kind]int{}, service: map[string]int{}}
}

func (c *counter) Message(m *rawio.RawMessage) {
	c.msgs++
	c.kinds[m.Kind]++
	c.likes += m.Reactions
	if strings.Contains(","+m.Lang+",", ",fr,") {
		c.fr++
	}
}
func (c *counter) Panel(*corpus.PanelObservation) {}
func (c *counter) Profile(*rawio.RawProfile)      {}
func (c *counter) Reject(e *rawio.ParseError)     { c.rejects = append(c.rejects, e) }
func (c *counter) Service(s *rawio.RawService)    { c.service[s.Kind]++ }

func read(t *testing.T, path, format string) *counter {
	t.Helper()
	f, err := rawio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, err := rawio.Detect(f.Head); err != nil || got.Name != format {
		t.Fatalf("%s detected as %q (%v), want %s", path, got.Name, err, format)
	}
	fm, _ := rawio.Lookup(format)
	c := newCounter()
	if err := fm.Read(f, c); err != nil {
		t.Fatal(err)
	}
	return c
}

// The real samples, counted apart with Python's json module (see the
// report of this package's branch for the commands): twitwi's posts file
// is 123 items, 2 of them feed items brought by a repost, so 125 records;
// by record.reply and record.embed, 85 posts, 20 quotes and 18 replies;
// 34 tagged fr; 2,070 likes in all; 4 uris twice (2 identical copies, 2
// copies differing in text or time, as twitwi's tests edit them) and one
// createdAt in year 0000.
func TestSharedPosts(t *testing.T) {
	path := filepath.Join(shared(t, "bluesky"), "twitwi_bluesky-posts.json")
	c := read(t, path, bluesky.API)
	if c.msgs != 125 || len(c.rejects) != 0 || c.kinds[corpus.Post] != 85 || c.kinds[corpus.Quote] != 20 ||
		c.kinds[corpus.Reply] != 18 || c.kinds[corpus.Retweet] != 2 || c.fr != 34 || c.likes != 2070 {
		t.Errorf("%d messages %v, %d fr, %d likes, rejects %v", c.msgs, c.kinds, c.fr, c.likes, c.rejects)
	}
	_, rep, err := load.Files([]string{path}, load.Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	fr := rep.Files[0]
	if fr.Records != 125 || fr.Loaded != 120 || fr.Duplicates != 2 || fr.Conflicting != 2 || fr.Rejected != 1 ||
		fr.Records != fr.Loaded+fr.Duplicates+fr.Conflicting+fr.Rejected || fr.Reasons["record.createdAt: implausible time"] != 1 {
		t.Errorf("report %+v", fr)
	}
}

// twitwi's Jetstream sample: 9 post creations, one of them a reply.
func TestSharedFirehose(t *testing.T) {
	path := filepath.Join(shared(t, "bluesky"), "twitwi_bluesky-firehose-posts.json")
	c := read(t, path, bluesky.Jetstream)
	if c.msgs != 9 || len(c.rejects) != 0 || c.kinds[corpus.Reply] != 1 || c.kinds[corpus.Post] != 8 {
		t.Errorf("%d messages %v, rejects %v", c.msgs, c.kinds, c.rejects)
	}
	_, rep, err := load.Files([]string{path}, load.Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	if fr := rep.Files[0]; fr.Records != 9 || fr.Loaded != 9 || fr.Rejected != 0 {
		t.Errorf("report %+v", fr)
	}
}

// Loading every fixture of this package accounts for every record, and
// the links of one format meet the posts of the other.
func TestLoadFixtures(t *testing.T) {
	cp, rep, err := load.Files([]string{"testdata/api", "testdata/jetstream", "testdata/csv", "testdata/4cat"}, load.Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][5]int{ // records, loaded, duplicates, conflicting, rejected
		"author_feed.json": {8, 7, 1, 0, 0},
		"thread.json":      {7, 7, 0, 0, 0},
		"search.jsonl":     {6, 3, 0, 0, 3},
		"events.jsonl":     {11, 10, 0, 0, 1},
		// P1, its reply and its quote are the API's posts again.
		"posts.csv": {7, 2, 3, 0, 2},
		// The same three again, and one post of its own.
		"bsky-search.ndjson": {5, 1, 3, 0, 1},
	}
	for _, fr := range rep.Files {
		w, ok := want[filepath.Base(fr.Path)]
		got := [5]int{fr.Records, fr.Loaded, fr.Duplicates, fr.Conflicting, fr.Rejected}
		if !ok || got != w || fr.Records != fr.Loaded+fr.Duplicates+fr.Conflicting+fr.Rejected {
			t.Errorf("%s: %v, want %v", fr.Path, got, w)
		}
	}
	if len(rep.Files) != 6 {
		t.Errorf("%d files", len(rep.Files))
	}
	// 7 + 5 + 3 messages from the API files, 5 from Jetstream, 2 new
	// ones from the CSV, 1 from 4CAT.
	if len(cp.Messages) != 23 {
		t.Errorf("%d messages", len(cp.Messages))
	}
	byID := map[string]*corpus.Message{}
	for i := range cp.Messages {
		byID[cp.Messages[i].ID] = &cp.Messages[i]
	}
	p1 := byID["3lkq2wz7xab2c.24d2ec2291860247"]
	if p1 == nil || p1.Reactions != 12 || p1.Shares != 4 || p1.Lang != "fr" || p1.Kind != corpus.Post {
		t.Fatalf("P1 = %+v", p1)
	}
	links := 0
	for _, m := range cp.Messages {
		if m.ParentID == p1.ID {
			links++
			if m.ThreadID != p1.ID {
				t.Errorf("%s answers P1 in thread %s", m.ID, m.ThreadID)
			}
		}
		if strings.Contains(m.Author, "did:") || strings.Contains(m.Text, "nadia-aide") {
			t.Errorf("message %s keeps an identity: %q %q", m.ID, m.Author, m.Text)
		}
	}
	// Karim's reply in the feed, Nadia's in the Jetstream events.
	if links != 2 {
		t.Errorf("%d replies to P1, want 2", links)
	}
	if s := rep.Files[3].Service; s["like"] != 1 || s["delete"] != 1 || len(s) != 5 {
		t.Errorf("service %v", s)
	}
}

// fixtures of the other formats of the project, which no sniffer of this
// package may claim.
func otherFixtures(t *testing.T) []string {
	var out []string
	// Every testdata folder of package load and its format packages, and
	// the real samples.
	for _, root := range []string{"..", "../../../../shared/fixtures"} {
		filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() && (d.Name() == "fuzz" || d.Name() == "bluesky") {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.Contains(path, "testdata") && !strings.Contains(path, "fixtures") ||
				strings.Contains(path, "bluesky") || strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".go") {
				return nil
			}
			out = append(out, path)
			return nil
		})
	}
	if len(out) < 40 {
		t.Fatalf("only %d fixtures of other formats", len(out))
	}
	return out
}

func head(t *testing.T, path string) []byte {
	t.Helper()
	f, err := rawio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return append([]byte(nil), f.Head...)
}

func TestSniffNotOthers(t *testing.T) {
	for _, path := range otherFixtures(t) {
		h := head(t, path)
		for _, name := range []string{bluesky.API, bluesky.Jetstream, bluesky.CSV, bluesky.FourCAT} {
			if f, _ := rawio.Lookup(name); f.Sniff(h) != 0 {
				t.Errorf("%s: %s scores %d", path, name, f.Sniff(h))
			}
		}
	}
}

func TestSniffOurs(t *testing.T) {
	for path, want := range map[string]string{
		"testdata/api/author_feed.json":    bluesky.API,
		"testdata/api/thread.json":         bluesky.API,
		"testdata/api/search.jsonl":        bluesky.API,
		"testdata/jetstream/events.jsonl":  bluesky.Jetstream,
		"testdata/csv/posts.csv":           bluesky.CSV,
		"testdata/4cat/bsky-search.ndjson": bluesky.FourCAT,
	} {
		h := head(t, path)
		got, err := rawio.Detect(h)
		if err != nil || got.Name != want {
			t.Errorf("%s detected as %q (%v)", path, got.Name, err)
		}
		// No other format claims it, not even below ours.
		for _, f := range rawio.Formats() {
			if s := f.Sniff(h); f.Name != want && s != 0 {
				t.Errorf("%s: %s scores %d", path, f.Name, s)
			}
		}
	}
}

func TestSniffShapes(t *testing.T) {
	for head, want := range map[string][2]int{ // api, jetstream
		"":                             {0, 0},
		`{"uri": "x", "record": {}}`:   {0, 0}, // no at:// uri of app.bsky
		`{"posts": [], "cursor": "1"}`: {0, 0},
		`{"posts": [{"uri": "at://did:plc:x/app.bsky.feed.post/3ll2aaaaaaa2a"`:                                                                                                                  {90, 0},
		`[{"post": {"uri": "at://did:plc:x/app.bsky.feed.post/3ll2aaaaaaa2a", "record": {`:                                                                                                      {92, 0},
		`{"did": "did:plc:x", "time_us": 1, "kind": "commit", "commit": {"collection": "app.bsky.feed.post", "record": {"reply": {"parent": {"uri": "at://did:plc:y/app.bsky.feed.post/3"}}}}}`: {0, 95},
		`{"did": "did:plc:x", "time_us": 1, "kind": 3}`:                                                                                                                                         {0, 0},
		`{"data": [{"uri": "at://x/app.bsky.feed.post/1"}]}`:                                                                                                                                    {0, 0},
	} {
		api, _ := rawio.Lookup(bluesky.API)
		js, _ := rawio.Lookup(bluesky.Jetstream)
		if got := [2]int{api.Sniff([]byte(head)), js.Sniff([]byte(head))}; got != want {
			t.Errorf("%q scores %v, want %v", head, got, want)
		}
	}
}
