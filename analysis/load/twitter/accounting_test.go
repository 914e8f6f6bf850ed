package twitter_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

var (
	testKey = []byte("twitter accounting tests: not a real key")
	loadNow = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	// Small limits, so that a long line costs little to write.
	testLimits = rawio.Limits{LineBytes: 4096}
)

// format is how one export writes a record of a tweet, and where its id
// and time fields are.
type format struct {
	name, file      string
	head, tail      string // before the first record and after the last
	sep             string // between records
	rec             func(id, created, text string) string
	idField, tField string
	v2Time          bool     // RFC 3339 times rather than v1.1's
	junk            []string // damaged records, each one record rejected
}

// deepJSON is JSON nested past the default depth limit, within the line
// limit of the tests.
var deepJSON = strings.Repeat("[", 1000) + strings.Repeat("]", 1000)

var formats = []format{
	{name: "twarc2", file: "flat.jsonl", sep: "\n", idField: "id", tField: "created_at", v2Time: true,
		junk: []string{`{"id": "9", "te`, `{"id": "9", "x": ` + deepJSON + `}`, `{"id": 9, "text": "x", "created_at": "2022-03-05T21:14:07.000Z"}`, `[1, 2]`},
		rec: func(id, created, text string) string {
			return `{"id": ` + q(id) + `, "created_at": ` + q(created) + `, "text": ` + q(text) + `, "author_id": "7", "conversation_id": "1"}`
		}},
	{name: "twitter-v1", file: "v1.jsonl", sep: "\n", idField: "id_str", tField: "created_at",
		junk: []string{`{"id_str": "9", "te`, `{"id_str": "9", "x": ` + deepJSON + `}`, `{"id_str": 9}`, `{}`},
		rec: func(id, created, text string) string {
			return `{"id_str": ` + q(id) + `, "created_at": ` + q(created) + `, "text": ` + q(text) + `, "user": {"id_str": "7", "screen_name": "x"}}`
		}},
	{name: "zeeschuimer-x", file: "items.ndjson", sep: "\n", idField: "data.rest_id", tField: "data.legacy.created_at",
		junk: []string{`{"source_platform": "x.com", "da`, `{"source_platform": "x.com", "data": ` + deepJSON + `}`, `{"source_platform": "facebook.com", "data": {}}`},
		rec: func(id, created, text string) string {
			return `{"source_platform": "x.com", "data": {"rest_id": ` + q(id) + `, "legacy": {"created_at": ` + q(created) + `, "full_text": ` + q(text) + `, "user_id_str": "7"}}}`
		}},
	{name: "tweetscraper", file: "scrape.jsonl", sep: "\n", idField: "ID", tField: "datetime",
		junk: []string{`{"ID": "9", "te`, `{"ID": "9", "x": ` + deepJSON + `}`, `{"ID": [9]}`},
		rec: func(id, created, text string) string {
			t, err := time.Parse("Mon Jan 02 15:04:05 -0700 2006", created)
			if err == nil {
				created = t.Format(time.DateTime)
			}
			return `{"usernameTweet": "x", "ID": ` + q(id) + `, "datetime": ` + q(created) + `, "text": ` + q(text) + `, "user_id": "7"}`
		}},
	{name: "x-archive", file: "tweets.js", head: "window.YTD.tweets.part0 = [\n", sep: ",\n", tail: "\n]\n", idField: "tweet.id_str", tField: "tweet.created_at",
		junk: []string{`{"tweet": {"id_str": "9", "x": ` + deepJSON + `}}`, `{"tweet": "not an object"}`, `{"like": {"tweetId": "9"}}`, `junk`},
		rec: func(id, created, text string) string {
			return `{"tweet": {"id_str": ` + q(id) + `, "created_at": ` + q(created) + `, "full_text": ` + q(text) + `, "favorite_count": "1"}}`
		}},
	{name: "twarc-csv", file: "tweets.csv", head: "id,created_at,text,author_id,author.username,entities.hashtags\n", sep: "\n", tail: "\n",
		idField: "id", tField: "created_at", v2Time: true,
		junk: []string{`1500000000000000009,2022-03-05T21:14:07.000Z,"ouvert,7,x,`, `1500000000000000009,2022-03-05T21:14:07.000Z,il dit "non",7,x,`,
			`1500000000000000009,2022-03-05T21:14:07.000Z,x,7,x,` + deepJSON, `1500000000000000009,trop,peu`},
		rec: func(id, created, text string) string {
			return csvField(id) + "," + csvField(created) + "," + csvField(text) + ",7,x,"
		}},
}

func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func csvField(s string) string {
	if strings.ContainsAny(s, "\",\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A damaged file of each format goes through load.Files, and the report
// accounts for every raw record, counted here independently of the
// reader (each format's file is written record by record, so the count
// is the number of records written): records = loaded + duplicates +
// conflicting + rejected, with the expected number of each. Bad ids
// (letters, a line break) and implausible times are rejected naming the
// export's field.
func TestAccounting(t *testing.T) {
	for _, f := range formats {
		v1 := func(s string) string {
			if f.v2Time {
				return s
			}
			tm, _ := time.Parse(time.RFC3339, s)
			return tm.Format("Mon Jan 02 15:04:05 -0700 2006")
		}
		at := v1("2022-03-05T21:14:07Z")
		records := []string{
			f.rec("1500000000000000001", at, "premier"),
			f.rec("1500000000000000002", at, "deuxième"),
			f.rec("1500000000000000001", at, "premier"), // duplicate
			f.rec("1500000000000000001", at, "autre"),   // conflicting
			f.rec("abc", at, "id en lettres"),
			f.rec("1500\n0003", at, "id coupé"),
			f.rec("1500000000000000004", v1("0001-01-01T00:00:00Z"), "an 1"),
			f.rec("1500000000000000005", v1("0000-06-01T00:00:00Z"), "an 0"),
			f.rec("1500000000000000006", at, strings.Repeat("long ", 1000)), // past the line limit
			f.rec("1500000000000000007", at, "dernier"),
		}
		records = append(records[:5], append(f.junk, records[5:]...)...)
		raw := f.head + strings.Join(records, f.sep) + f.tail
		if f.sep == "\n" && f.name != "twarc-csv" {
			// JSON lines: the records are the non-blank lines.
			raw = strings.Replace(raw, "\n", "\n\n  \n", 1)
			if n := nonBlank(raw); n != len(records) {
				t.Fatalf("%s: %d non-blank lines for %d records", f.name, n, len(records))
			}
		}
		p := writeTemp(t, f.file, raw)
		_, rep, err := load.Files([]string{p}, load.Options{Key: testKey, Now: loadNow, Limits: testLimits, Format: f.name})
		if err != nil {
			t.Errorf("%s: %v", f.name, err)
			continue
		}
		fr := rep.Files[0]
		if fr.Records != len(records) || fr.Records != fr.Loaded+fr.Duplicates+fr.Conflicting+fr.Rejected ||
			fr.Loaded != 3 || fr.Duplicates != 1 || fr.Conflicting != 1 || fr.Rejected != 5+len(f.junk) {
			t.Errorf("%s: %d records, %d loaded, %d duplicates, %d conflicting, %d rejected (%v); want %d, 3, 1, 1, %d",
				f.name, fr.Records, fr.Loaded, fr.Duplicates, fr.Conflicting, fr.Rejected, fr.Rejections, len(records), 5+len(f.junk))
			continue
		}
		var badIDs, badTimes, long, junk int
		for _, e := range fr.Rejections {
			switch {
			case e.Field == f.idField && (errors.Is(e, rawio.ErrBadID) || errors.Is(e, rawio.ErrBadNumber)):
				badIDs++
			case e.Field == f.tField && errors.Is(e, rawio.ErrImplausibleTime):
				badTimes++
			case e.Field == "" && errors.Is(e, rawio.ErrLimit) && strings.Contains(e.Error(), "line-bytes"):
				long++
			default:
				junk++
			}
			if strings.Contains(e.Error(), "abc") || strings.Contains(e.Error(), "lettres") {
				t.Errorf("%s: rejection shows a raw value: %v", f.name, e)
			}
		}
		if badIDs != 2 || badTimes != 2 || long != 1 || junk != len(f.junk) {
			t.Errorf("%s: %d bad ids, %d bad times, %d lines past the limit, %d damaged; want 2, 2, 1, %d (%v)",
				f.name, badIDs, badTimes, long, junk, len(f.junk), fr.Rejections)
		}
	}
}

func nonBlank(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// pageRecords counts the records of a twarc2 line with encoding/json,
// independently of the reader: the tweets of data[] (one when data is a
// single tweet, as in stream lines), none for a line of meta or errors
// only, one for a flattened tweet, and one for a line that does not
// decode (its tweets cannot be known).
func pageRecords(line []byte) int {
	var l map[string]json.RawMessage
	if json.Unmarshal(line, &l) != nil {
		return 1
	}
	data, ok := l["data"]
	switch {
	case ok && len(data) > 0 && data[0] == '[':
		var tweets []json.RawMessage
		if json.Unmarshal(data, &tweets) != nil {
			return 1
		}
		return len(tweets)
	case ok:
		return 1
	case l["id"] != nil || l["text"] != nil || l["created_at"] != nil:
		return 1
	}
	return 0
}

// A twarc2 file of pages, stream lines and damaged lines: the records
// load reports are the tweets of its pages, counted by pageRecords.
func TestAccountingPages(t *testing.T) {
	tw := func(id, text string) string {
		return `{"id": "` + id + `", "created_at": "2022-03-05T21:14:07.000Z", "text": "` + text + `", "author_id": "7"}`
	}
	lines := []string{
		`{"data": [` + tw("1500000000000000001", "a") + `, ` + tw("1500000000000000002", "b") + `, ` + tw("abc", "c") + `], "includes": {"users": [{"id": "7", "username": "x"}]}, "meta": {"result_count": 3}}`,
		`{"meta": {"result_count": 0}}`,
		`{"errors": [{"title": "Not Found Error", "resource_id": "1"}]}`,
		`{"data": ` + tw("1500000000000000003", "d") + `, "matching_rules": [{"id": "1", "tag": "t"}]}`,
		`{"data": [` + tw("1500000000000000004", "e") + `, {"id": "1500000000000000005", "created_at": 5}, 7], "meta": {}}`,
		`{"data": [` + tw("1500000000000000001", "a"),
		tw("1500000000000000001", "autre"),
		`{"data": [` + strings.Repeat("[", 3_000_000) + `]}`,
		`{"data": [` + tw("1500000000000000006", strings.Repeat("x", 5000)) + `]}`,
		`{"data": [], "meta": {"result_count": 0}}`,
	}
	want := 0
	for _, l := range lines {
		want += pageRecords([]byte(l))
	}
	if want != 11 { // 3 + 0 + 0 + 1 + 3 + 1 + 1 + 1 + 1 + 0
		t.Fatalf("pageRecords counts %d records, want 11 by hand", want)
	}
	p := writeTemp(t, "pages.jsonl", strings.Join(lines, "\n")+"\n")
	_, rep, err := load.Files([]string{p}, load.Options{Key: testKey, Now: loadNow, Limits: testLimits})
	if err != nil {
		t.Fatal(err)
	}
	fr := rep.Files[0]
	// Loaded: ...01, ...02, ...03, ...04; conflicting: ...01 "autre";
	// rejected: abc, ...05's time, the 7, the cut line, the deep line,
	// the long line.
	if fr.Format != "twarc2" || fr.Records != want || fr.Records != fr.Loaded+fr.Duplicates+fr.Conflicting+fr.Rejected ||
		fr.Loaded != 4 || fr.Duplicates != 0 || fr.Conflicting != 1 || fr.Rejected != 6 {
		t.Errorf("%s: %d records, %d loaded, %d duplicates, %d conflicting, %d rejected (%v); want %d, 4, 0, 1, 6",
			fr.Format, fr.Records, fr.Loaded, fr.Duplicates, fr.Conflicting, fr.Rejected, fr.Rejections, want)
	}
}

// The real public samples still load with every record accounted for,
// as many records as their README gives.
func TestSharedAccounting(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "shared", "fixtures")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real samples not available: %v", err)
	}
	for _, c := range []struct {
		file                                   string
		records, loaded, conflicting, rejected int
	}{
		{"twarc2/twarc-csv_brexit.jsonl", 100, 100, 0, 0},
		{"twarc2/twarc-csv_flat.jsonl", 100, 100, 0, 0},
		{"twarc2/twarc-csv_two_tweets.jsonl", 1, 1, 0, 0},
		{"twarc2/twarc-csv_streaming_output_with_error.jsonl", 8, 7, 0, 1}, // 8 lines, one broken
		{"twarc2/twitwi_payload-v2.json", 10, 10, 0, 0},
		// Lines 8 and 9 are the same tweet, in compatibility mode (text
		// truncated with "…") and in extended mode (full_text): a
		// duplicate, not a conflict (load keeps the full text).
		{"twitter-v1/twitwi_normalization_sources.jsonl", 9, 8, 0, 0},
	} {
		p := filepath.Join(dir, c.file)
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// Independent count: a page's tweets per JSON line, or the
		// tweets of the one pretty-printed response.
		count := 0
		if strings.HasSuffix(c.file, ".json") {
			count = pageRecords(raw)
		} else {
			for _, l := range strings.Split(string(raw), "\n") {
				if strings.TrimSpace(l) != "" {
					count += pageRecords([]byte(l))
				}
			}
		}
		_, rep, err := load.Files([]string{p}, load.Options{Key: testKey, Now: loadNow})
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		fr := rep.Files[0]
		if count != c.records || fr.Records != count || fr.Records != fr.Loaded+fr.Duplicates+fr.Conflicting+fr.Rejected ||
			fr.Loaded != c.loaded || fr.Conflicting != c.conflicting || fr.Rejected != c.rejected {
			t.Errorf("%s: counted %d; report %d records, %d loaded, %d duplicates, %d conflicting, %d rejected (%v); want %d, %d loaded, %d conflicting, %d rejected",
				c.file, count, fr.Records, fr.Loaded, fr.Duplicates, fr.Conflicting, fr.Rejected, fr.Rejections, c.records, c.loaded, c.conflicting, c.rejected)
		}
	}
}

// Of an X archive's data folder, only the files of tweets are recognised
// by any registered format (all of load's): a loader can list the others
// as skipped.
func TestXArchiveFolderDetect(t *testing.T) {
	dir := filepath.Join("testdata", "xarchive-data")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 7 {
		t.Fatalf("%d files in %s", len(entries), dir)
	}
	for _, e := range entries {
		f, err := rawio.Open(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fm, err := rawio.Detect(f.Head)
		f.Close()
		switch {
		case e.Name() == "tweets.js" && (err != nil || fm.Name != "x-archive"):
			t.Errorf("%s: detected as %q (%v), want x-archive", e.Name(), fm.Name, err)
		case e.Name() != "tweets.js" && !errors.Is(err, rawio.ErrUnknownFormat):
			t.Errorf("%s: detected as %q (%v), want no format", e.Name(), fm.Name, err)
		}
	}
}
