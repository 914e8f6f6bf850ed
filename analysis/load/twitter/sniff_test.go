package twitter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// ours are the sniffers of this package, by format name.
var ours = map[string]func([]byte) int{
	Twarc2: sniffTwarc2, TwarcCSV: sniffTwarcCSV, V1: sniffV1,
	XArchive: sniffXArchive, TweetScraper: sniffTweetScraper, ZeeschuimerX: sniffZeeschuimerX,
}

// sniffOnly checks that head is recognised as format by rawio.Detect and
// that no other sniffer of this package claims it.
func sniffOnly(t *testing.T, name string, head []byte, format string) {
	t.Helper()
	got, err := rawio.Detect(head)
	if err != nil || got.Name != format {
		t.Errorf("%s: detected as %q (%v), want %s", name, got.Name, err, format)
	}
	for other, sniff := range ours {
		if s := sniff(head); other != format && s != 0 {
			t.Errorf("%s: %s sniffer scores %d, want 0", name, other, s)
		} else if other == format && s < 90 {
			t.Errorf("%s: own sniffer scores only %d", name, s)
		}
	}
}

func headOf(t *testing.T, path string) []byte {
	t.Helper()
	f, err := rawio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return append([]byte(nil), f.Head...)
}

func TestSniffFixtures(t *testing.T) {
	for path, format := range map[string]string{
		"twarc2/search.jsonl":             Twarc2,
		"twarc2/flat.jsonl":               Twarc2,
		"twarc2/flat_crlf_bom.jsonl":      Twarc2,
		"twarc2/flat.jsonl.gz":            Twarc2,
		"twarc2/response.json":            Twarc2,
		"twarc-csv/tweets.csv":            TwarcCSV,
		"twarc-csv/excel_fr.csv":          TwarcCSV,
		"twarc-csv/old_version.csv":       TwarcCSV,
		"twitter-v1/tweets.jsonl":         V1,
		"x-archive/data/tweets.js":        XArchive,
		"x-archive/old/tweet.js":          XArchive,
		"tweetscraper/979443596522426514": TweetScraper,
		"tweetscraper/scrape.jsonl":       TweetScraper,
		"tweetscraper/pretty.json":        TweetScraper,
		"zeeschuimer-x/items.ndjson":      ZeeschuimerX,
		"x-archive/badowner/tweets.js":    XArchive,
	} {
		sniffOnly(t, path, headOf(t, filepath.Join("testdata", path)), format)
	}
}

func TestSniffShared(t *testing.T) {
	for _, sub := range []struct{ dir, format string }{{"twarc2", Twarc2}, {"twitter-v1", V1}} {
		dir := sharedFixtures(t, sub.dir)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			sniffOnly(t, e.Name(), headOf(t, filepath.Join(dir, e.Name())), sub.format)
		}
	}
}

// Content of other shapes is claimed by none of this package's formats.
func TestSniffOthers(t *testing.T) {
	for name, head := range map[string]string{
		"empty":                 "",
		"unknown object":        `{"foo": 1, "bar": [1, 2]}`,
		"array of numbers":      "[1, 2, 3]",
		"data of another API":   `{"data": {"children": [{"kind": "t3"}]}}`,
		"facebook zeeschuimer":  `{"nav_index": "1", "item_id": "1", "source_platform": "facebook.com", "data": {"id_str": "1", "user": {}, "text": "x", "created_at": "x"}}`,
		"instagram zeeschuimer": `{"source_platform": "instagram.com", "data": {"id": "1"}}`,
		"archive likes":         `window.YTD.like.part0 = [ {"like": {"tweetId": "1"}} ]`,
		"archive account":       `window.YTD.account.part0 = [ {"account": {"accountId": "1"}} ]`,
		"generic csv":           "id,thread_id,author,body,timestamp\n1,1,a,b,2020-01-01\n",
		"csv with id and text":  "id,created_at,text\n1,2020-01-01,x\n",
		"crowdtangle":           "Page Name,User Name,Facebook Id,Post Created,URL,Message\n",
		"facepager":             "level;id;parent_id;object_id;object_type;message;created_time\n",
		"plain text":            "Bonjour\n",
		"truncated object":      `{"id": "1", "te`,
		"javascript":            "var x = [1];",
	} {
		// Not rawio.Detect: the external tests register every format.
		for format, sniff := range ours {
			if s := sniff([]byte(head)); s != 0 {
				t.Errorf("%s: %s scores %d", name, format, s)
			}
		}
	}
}

// A Zeeschuimer file is claimed for its first item's platform; X items
// after items of another platform only get a low score.
func TestSniffZeeschuimerMixed(t *testing.T) {
	fb := `{"source_platform": "facebook.com", "data": {}}`
	x := `{"source_platform": "x.com", "data": {"rest_id": "1"}}`
	for head, want := range map[string]int{
		x + "\n" + fb:  96,
		fb + "\n" + x:  50,
		fb + "\n" + fb: 0,
		`{"source_platform": "twitter-comments", "data": {}}`: 96,
		`{"source_platform": "www.x.com", "data": {}}`:        96,
	} {
		if got := sniffZeeschuimerX([]byte(head)); got != want {
			t.Errorf("sniffZeeschuimerX(%q) = %d, want %d", head, got, want)
		}
	}
}

func TestSniffShape(t *testing.T) {
	s := sniffShape([]byte("{\n\t\"data\": [\n\t\t{\"id\": \"1\", \"author_id\": \"2\", \"x\": {\"y\": 1}},\n\t\t{\"later\": 1}\n\t],\n\t\"meta\": {\"k\": 1}, \"s\": \"v\", \"n\": null, \"b\": true, \"f\": 1.5}"))
	if s == nil {
		t.Fatal("no shape")
	}
	for k, want := range map[string]byte{"data": '[', "meta": '{', "s": '"', "n": 'n', "b": 't', "f": '0'} {
		if got, ok := s.top[k]; !ok || got != want {
			t.Errorf("top[%q] = %q, %v; want %q", k, got, ok, want)
		}
	}
	if len(s.top) != 6 || !s.data["id"] || !s.data["author_id"] || !s.data["x"] || s.data["later"] || s.data["y"] || s.str["s"] != "v" {
		t.Errorf("shape %+v", s)
	}
	// A head cut inside the first record still shows what it has read.
	s = sniffShape([]byte(`[{"usernameTweet": "a", "ID": "1", "text": "tronq`))
	if s == nil || !s.has("usernameTweet", "ID") {
		t.Errorf("truncated shape %+v", s)
	}
}

// No reject of any fixture shows a name or handle of the fixtures'
// accounts.
func TestRejectsNameNobody(t *testing.T) {
	names := []string{"alice", "bob", "carla", "someone", "zoe", "zoé", "ped_garde"}
	err := filepath.WalkDir("testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(path) == "account.js" || filepath.Base(filepath.Dir(filepath.Dir(path))) == "fuzz" {
			return err
		}
		head := headOf(t, path)
		fm, err := rawio.Detect(head)
		if err != nil && filepath.Base(filepath.Dir(path)) == "xarchive-data" {
			return nil // an archive's other files: see TestXArchiveFolder
		}
		if err != nil {
			t.Errorf("%s: %v", path, err)
			return nil
		}
		f, err := rawio.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rec := &recorder{}
		if err := fm.Read(f, rec); err != nil {
			rec.Rejects = append(rec.Rejects, &rawio.ParseError{File: path, Err: err})
		}
		for _, e := range rec.Rejects {
			msg := strings.ToLower(strings.TrimPrefix(e.Error(), path))
			for _, n := range names {
				if strings.Contains(msg, n) {
					t.Errorf("%s: reject shows %q: %v", path, n, e)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
