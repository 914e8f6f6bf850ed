package twitter

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Minimal valid records of each format, each with its own id (given as
// %s), for files built around a damaged record.
const (
	twarc2Rec = `{"id": "150000000000000000%s", "created_at": "2022-03-05T21:14:07.000Z", "text": "a", "author_id": "7", "conversation_id": "1"}`
	v1Rec     = `{"id_str": "150000000000000000%s", "created_at": "Sat Mar 05 21:14:07 +0000 2022", "text": "a", "user": {"id_str": "7", "screen_name": "x"}}`
	zsRec     = `{"source_platform": "x.com", "data": {"rest_id": "150000000000000000%s", "legacy": {"created_at": "Sat Mar 05 21:14:07 +0000 2022", "full_text": "a", "user_id_str": "7"}}}`
	tsRec     = `{"usernameTweet": "x", "ID": "95279879654945588%s", "text": "a", "datetime": "2018-01-15 08:05:09", "user_id": "7"}`
	archRec   = `{"tweet": {"id_str": "150000000000000000%s", "created_at": "Sat Mar 05 21:14:07 +0000 2022", "full_text": "a", "favorite_count": "1"}}`
	csvHead   = "id,created_at,text,author_id,author.username,entities.hashtags,referenced_tweets,conversation_id"
	csvRec    = `150000000000000000%s,2022-03-05T21:14:07.000Z,a,7,x,"[""#a""]",,1`
)

func rec(format, id string) string { return strings.Replace(format, "%s", id, 1) }

// readLimited reads raw with format within lim, returning what the sink
// got and Read's error.
func readLimited(t testing.TB, name string, raw []byte, format string, lim rawio.Limits) (*recorder, error) {
	t.Helper()
	f, err := rawio.NewFileWith(name, bytes.NewReader(raw), lim)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fm, _ := rawio.Lookup(format)
	rc := &recorder{}
	return rc, fm.Read(f, rc)
}

// limitOf returns the name of the limit err went past, or "".
func limitOf(err error) string {
	var le *rawio.LimitError
	if errors.As(err, &le) {
		return le.Limit
	}
	return ""
}

// damaged is a file of a format with a damaged record between two good
// ones: the damaged record starts at line bad.
type damaged struct {
	name, format string
	raw          []byte
	bad          int
}

// around builds, for every format, a file whose second record is
// damage(format) (the JSON or CSV text of the damaged record).
func around(damage func(format string) string) []damaged {
	join := func(parts ...string) []byte { return []byte(strings.Join(parts, "\n") + "\n") }
	return []damaged{
		{"twarc2.jsonl", Twarc2, join(rec(twarc2Rec, "1"), damage(Twarc2), rec(twarc2Rec, "3")), 2},
		{"v1.jsonl", V1, join(rec(v1Rec, "1"), damage(V1), rec(v1Rec, "3")), 2},
		{"items.ndjson", ZeeschuimerX, join(rec(zsRec, "1"), damage(ZeeschuimerX), rec(zsRec, "3")), 2},
		{"scrape.jsonl", TweetScraper, join(rec(tsRec, "1"), damage(TweetScraper), rec(tsRec, "3")), 2},
		// Documents: the elements of a top-level array.
		{"v1.json", V1, join("[", rec(v1Rec, "1")+",", damage(V1)+",", rec(v1Rec, "3"), "]"), 3},
		{"twarc2.json", Twarc2, join("[", rec(twarc2Rec, "1")+",", damage(Twarc2)+",", rec(twarc2Rec, "3"), "]"), 3},
		{"tweets.js", XArchive, join("window.YTD.tweets.part0 = [", rec(archRec, "1")+",", damage(XArchive)+",", rec(archRec, "3"), "]"), 3},
		{"tweets.csv", TwarcCSV, join(csvHead, rec(csvRec, "1"), damage(TwarcCSV), rec(csvRec, "3")), 3},
	}
}

// checkAround checks that the two good records of a damaged file load
// and that the damaged one is one rejection at its line, for going past
// limit.
func checkAround(t *testing.T, c damaged, rc *recorder, err error, limit string) {
	t.Helper()
	if err != nil {
		t.Errorf("%s: Read: %v", c.name, err)
		return
	}
	if len(rc.Msgs) != 2 || len(rc.Rejects) != 1 {
		t.Errorf("%s: %d messages and %d rejects (%v), want 2 and 1", c.name, len(rc.Msgs), len(rc.Rejects), rc.Rejects)
		return
	}
	if e := rc.Rejects[0]; e.Line != c.bad || limitOf(e.Err) != limit || !errors.Is(e, rawio.ErrLimit) {
		t.Errorf("%s: reject %v, want one at line %d past limit %s", c.name, e, c.bad, limit)
	}
	if rc.Msgs[1].Line != c.bad+1 {
		t.Errorf("%s: last message at line %d, want %d", c.name, rc.Msgs[1].Line, c.bad+1)
	}
}

// A record nested three million levels deep used to overflow the stack of
// the JSON decoder (fatal error: stack overflow, which no recover
// catches): it is now one rejection naming the depth limit, and the next
// record loads.
//
// In a document (a top-level array) the deep value is closed, so that
// the next value can be found; see TestUnclosedValue for one that is not.
func TestDeepJSON(t *testing.T) {
	deep := strings.Repeat("[", 3_000_000)
	closed := deep + strings.Repeat("]", 3_000_000)
	cases := around(func(format string) string {
		switch format {
		case Twarc2:
			return `{"data": [{"id": "1500000000000000002", "entities": ` + closed + `}]}`
		case V1, XArchive:
			return `{"id_str": "1500000000000000002", "entities": ` + closed + `}`
		case ZeeschuimerX:
			return `{"source_platform": "x.com", "data": ` + deep + `}`
		case TweetScraper:
			return `{"ID": "952798796549455882", "text": ` + deep + `}`
		}
		return "1500000000000000002,2022-03-05T21:14:07.000Z,a,7,x," + deep + ",,1" // JSON in a twarc-csv field
	})
	// twarc-csv's older referenced_tweets column holds JSON too.
	cases = append(cases, damaged{"referenced.csv", TwarcCSV,
		[]byte(csvHead + "\n" + rec(csvRec, "1") + "\n1500000000000000002,2022-03-05T21:14:07.000Z,a,7,x,," + deep + ",1\n" + rec(csvRec, "3") + "\n"), 3})
	for _, c := range cases {
		rc, err := readLimited(t, c.name, c.raw, c.format, rawio.Limits{})
		checkAround(t, c, rc, err, "depth")
	}
}

// A value of a document still open at the end of the file took the rest
// of it: it is one rejection naming its first and last lines and how many
// lines it held, whether it went past a limit or not.
func TestUnclosedValue(t *testing.T) {
	for _, c := range []struct {
		name, in, limit string
	}{
		{"cut", "[\n" + rec(v1Rec, "1") + ",\n" + `{"id_str": "2", "entities": [` + "\n" + rec(v1Rec, "3") + "\n]\n", ""},
		{"deep", "[\n" + rec(v1Rec, "1") + ",\n" + `{"id_str": "2", "entities": ` + strings.Repeat("[", 3_000_000) + "\n" + rec(v1Rec, "3") + "\n]", "depth"},
	} {
		rc, err := readLimited(t, c.name+".json", []byte(c.in), V1, rawio.Limits{})
		if err != nil || len(rc.Msgs) != 1 || len(rc.Rejects) != 1 {
			t.Errorf("%s: %v, %d messages, rejects %v; want 1 and 1", c.name, err, len(rc.Msgs), rc.Rejects)
			continue
		}
		e := rc.Rejects[0]
		if e.Line != 3 || limitOf(e.Err) != c.limit || !strings.Contains(e.Error(), "still open at the end of the file, line 5 (3 lines)") {
			t.Errorf("%s: reject %v, want line 3 to 5, limit %q", c.name, e, c.limit)
		}
		if c.limit == "" && !errors.Is(e, rawio.ErrBadJSON) {
			t.Errorf("%s: reject %v is not malformed JSON", c.name, e)
		}
	}
}

// A line (or document value) of 10 MB past a line limit of 4 kB is one
// rejection, the next record loads, and reading it allocates a bounded
// amount (the buffers of the file and of a line), not the line: memory
// is O(limit) whatever the file holds.
func TestLongRecord(t *testing.T) {
	long := strings.Repeat("x", 10<<20)
	cases := around(func(format string) string {
		switch format {
		case TwarcCSV:
			return "1500000000000000002,2022-03-05T21:14:07.000Z," + long + ",7,x,,,1"
		case XArchive:
			return `{"tweet": {"id_str": "1500000000000000002", "full_text": "` + long + `"}}`
		}
		return `{"id": "1500000000000000002", "text": "` + long + `"}`
	})
	lim := rawio.Limits{LineBytes: 4096, FieldBytes: 4096}
	for _, c := range cases {
		var rc *recorder
		var err error
		n := loadtest.Allocated(func() { rc, err = readLimited(t, c.name, c.raw, c.format, lim) })
		checkAround(t, c, rc, err, "line-bytes")
		// The file's buffer (256 kB) and a line's, far below the 10 MB
		// that reading the line whole allocates (the readers used to
		// allocate 56 to 67 MB here).
		if n > 1<<20 {
			t.Errorf("%s: reading allocated %d bytes, want less than 1 MB", c.name, n)
		}
	}
}

// A valid twarc2 line followed by 32 MB of zeros (no line end) inside a
// gzip: within the ratio limit the zeros are one rejected line and the
// next line loads; past it, reading stops with the ratio limit as the
// file's error after the first line. Memory stays bounded either way.
func TestGzipZeros(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(rec(twarc2Rec, "1") + "\n"))
	zw.Write(make([]byte, 32<<20))
	zw.Write([]byte("\n" + rec(twarc2Rec, "3") + "\n"))
	zw.Close()
	raw := buf.Bytes()

	var rc *recorder
	var err error
	n := loadtest.Allocated(func() {
		rc, err = readLimited(t, "zeros.jsonl.gz", raw, Twarc2, rawio.Limits{LineBytes: 4096, Ratio: 1 << 20})
	})
	if err != nil || len(rc.Msgs) != 2 || len(rc.Rejects) != 1 || rc.Rejects[0].Line != 2 || limitOf(rc.Rejects[0].Err) != "line-bytes" {
		t.Errorf("within the ratio: %v, %d messages, rejects %v; want 2 messages and line 2 rejected", err, len(rc.Msgs), rc.Rejects)
	}
	// The gzip state and the file's two buffers (256 kB each): the
	// reader used to allocate 180 MB here.
	if n > 2<<20 {
		t.Errorf("within the ratio: reading allocated %d bytes, want less than 2 MB", n)
	}

	n = loadtest.Allocated(func() { rc, err = readLimited(t, "zeros.jsonl.gz", raw, Twarc2, rawio.Limits{LineBytes: 4096}) })
	if limitOf(err) != "ratio" || len(rc.Msgs) != 1 || len(rc.Rejects) != 0 {
		t.Errorf("past the ratio: %v, %d messages, %d rejects; want the ratio limit after 1 message", err, len(rc.Msgs), len(rc.Rejects))
	}
	if n > 2<<20 {
		t.Errorf("past the ratio: reading allocated %d bytes, want less than 2 MB", n)
	}
}

// Times that parse to year 0000 or 0001 (the zero time) are rejected by
// the readers as implausible, naming the export's time field, rather
// than reaching load as a zero time ("missing value").
func TestImplausibleTimes(t *testing.T) {
	for _, year := range []string{"0000", "0001"} {
		v2 := year + "-01-01T00:00:00.000Z"
		v1 := "Mon Jan 01 00:00:00 +0000 " + year
		cases := []struct {
			name, format, in, field string
		}{
			{"twarc2.jsonl", Twarc2, `{"id": "1", "created_at": "` + v2 + `", "text": "a"}`, "created_at"},
			{"page.jsonl", Twarc2, `{"data": [{"id": "1", "created_at": "` + v2 + `"}]}`, "data[0].created_at"},
			{"v1.jsonl", V1, `{"id_str": "1", "created_at": "` + v1 + `", "text": "a", "user": {"id_str": "7"}}`, "created_at"},
			{"items.ndjson", ZeeschuimerX, `{"source_platform": "x.com", "data": {"rest_id": "1", "legacy": {"created_at": "` + v1 + `"}}}`, "data.legacy.created_at"},
			{"scrape.jsonl", TweetScraper, `{"usernameTweet": "x", "ID": "1", "datetime": "` + year + `-01-01 00:00:00"}`, "datetime"},
			{"tweets.js", XArchive, "window.YTD.tweets.part0 = [\n" + `{"tweet": {"id_str": "1", "created_at": "` + v1 + `"}}` + "\n]", "tweet.created_at"},
			{"tweets.csv", TwarcCSV, csvHead + "\n1," + v2 + ",a,7,x,,,1\n", "created_at"},
		}
		for _, c := range cases {
			rc, err := readLimited(t, c.name, []byte(c.in), c.format, rawio.Limits{})
			if err != nil || len(rc.Msgs) != 0 || len(rc.Rejects) != 1 {
				t.Errorf("%s, year %s: %v, %d messages, rejects %v; want 1 reject", c.name, year, err, len(rc.Msgs), rc.Rejects)
				continue
			}
			if e := rc.Rejects[0]; e.Field != c.field || !errors.Is(e, rawio.ErrImplausibleTime) {
				t.Errorf("%s, year %s: reject %v, want field %q implausible", c.name, year, e, c.field)
			}
		}
	}
}

// Every message names the export's id and time fields, for the
// rejections load makes of bad ids and implausible times.
func TestExportFieldNames(t *testing.T) {
	cases := []struct {
		name, format, in, id, created string
	}{
		{"flat.jsonl", Twarc2, rec(twarc2Rec, "1"), "id", "created_at"},
		{"page.jsonl", Twarc2, `{"data": [` + rec(twarc2Rec, "1") + `, ` + rec(twarc2Rec, "2") + `], "meta": {}}`, "data[1].id", "data[1].created_at"},
		{"stream.jsonl", Twarc2, `{"data": ` + rec(twarc2Rec, "1") + `, "matching_rules": [{"id": 5}]}`, "data.id", "data.created_at"},
		{"v1.jsonl", V1, rec(v1Rec, "1"), "id_str", "created_at"},
		{"v1-number.jsonl", V1, `{"id": 1500000000000000001, "created_at": "Sat Mar 05 21:14:07 +0000 2022", "user": {"id_str": "7"}}`, "id", "created_at"},
		{"items.ndjson", ZeeschuimerX, rec(zsRec, "1"), "data.rest_id", "data.legacy.created_at"},
		{"scrape.jsonl", TweetScraper, rec(tsRec, "1"), "ID", "datetime"},
		{"tweets.js", XArchive, "window.YTD.tweets.part0 = [\n" + rec(archRec, "1") + "\n]", "tweet.id_str", "tweet.created_at"},
		{"tweet.js", XArchive, "window.YTD.tweet.part0 = [\n" + `{"id_str": "1", "created_at": "Sat Mar 05 21:14:07 +0000 2022"}` + "\n]", "id_str", "created_at"},
		{"tweets.csv", TwarcCSV, csvHead + "\n" + rec(csvRec, "1"), "id", "created_at"},
	}
	for _, c := range cases {
		rc, err := readLimited(t, c.name, []byte(c.in+"\n"), c.format, rawio.Limits{})
		if err != nil || len(rc.Msgs) == 0 {
			t.Errorf("%s: %v, no message (%v)", c.name, err, rc.Rejects)
			continue
		}
		if m := rc.Msgs[len(rc.Msgs)-1]; m.IDField != c.id || m.CreatedField != c.created {
			t.Errorf("%s: fields %q and %q, want %q and %q", c.name, m.IDField, m.CreatedField, c.id, c.created)
		}
	}
}
