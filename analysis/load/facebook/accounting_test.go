package facebook_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

var testKey = []byte("a test key of thirty-two bytes!!")

// loadOne loads one file with package load and returns its report.
func loadOne(t *testing.T, name, content string, limits rawio.Limits) *load.FileReport {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	_, rep, err := load.Files([]string{p}, load.Options{Key: testKey, Limits: limits})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rep.Files[0]
}

// checkAccounting checks that every raw record of a file, counted
// without the reader, is in the report, once.
func checkAccounting(t *testing.T, fr *load.FileReport, format string, raw, loaded, rejected int) {
	t.Helper()
	if fr.Format != format {
		t.Errorf("%s read as %s", format, fr.Format)
	}
	if fr.Records != fr.Loaded+fr.Duplicates+fr.Conflicting+fr.Rejected {
		t.Errorf("%s: records %d != loaded %d + duplicates %d + conflicting %d + rejected %d",
			format, fr.Records, fr.Loaded, fr.Duplicates, fr.Conflicting, fr.Rejected)
	}
	if fr.Records != raw || fr.Loaded+fr.Duplicates+fr.Conflicting != loaded || fr.Rejected != rejected {
		t.Errorf("%s: %d records (%d loaded, %d duplicates, %d conflicting, %d rejected: %v); the file holds %d, want %d read and %d rejected",
			format, fr.Records, fr.Loaded, fr.Duplicates, fr.Conflicting, fr.Rejected, fr.Reasons, raw, loaded, rejected)
	}
}

// dataLines counts the non-blank lines after the first: the raw records
// of a line format, whatever its line ends.
func dataLines(content string) int {
	content = strings.ReplaceAll(strings.ReplaceAll(content, "\r\n", "\n"), "\r", "\n")
	n := 0
	for _, l := range strings.Split(content, "\n")[1:] {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// endings writes content (LF) with LF, CRLF and CR-only line ends.
var endings = map[string]func(string) string{
	"LF":   func(s string) string { return s },
	"CRLF": func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
	"CR":   func(s string) string { return strings.ReplaceAll(s, "\n", "\r") },
}

func genericRows(n int, edit func(i int) (string, bool)) string {
	var b strings.Builder
	b.WriteString("id,thread_id,author,body,timestamp,group\n")
	for i := 2; i <= n+1; i++ {
		if s, ok := edit(i); ok {
			b.WriteString(s + "\n")
			continue
		}
		fmt.Fprintf(&b, "m%d,m%d,Aide %d,message %d,%d,g\n", i, i, i%7, i, 1557936131+i)
	}
	return b.String()
}

func netvizzPostRows(n int) string {
	var b strings.Builder
	b.WriteString("type\tby\tpost_id\tpost_message\tpost_published\treactions_count_fb\n")
	for i := 2; i <= n+1; i++ {
		fmt.Fprintf(&b, "status\tpost_page_1\t1_%d\tmessage %d\t2016-08-31T19:%02d:51+0000\t%d\n", 1000+i, i, i%60, i)
	}
	return b.String()
}

func netvizzCommentRows(n int) string {
	var b strings.Builder
	b.WriteString("position\tpost_id\tcomment_id\tcomment_by\tis_reply\tcomment_message\tcomment_published\tcomment_like_count\n")
	for i := 2; i <= n+1; i++ {
		fmt.Fprintf(&b, "%d_0\t1_2\t2_%d\tab%d\t0\tcommentaire %d\t2016-08-31T19:%02d:51+0000\t0\n", i, i, i, i, i%60)
	}
	return b.String()
}

func facepagerRows(n int) string {
	var b strings.Builder
	b.WriteString("level;id;parent_id;object_id;object_type;query_status;message;created_time;like_count\n0;1;None;987;seed;;;;\n")
	for i := 3; i <= n+1; i++ {
		fmt.Fprintf(&b, "1;%d;1;987_%d;data;fetched (200);message %d;2019-05-15T16:%02d:11+0000;%d\n", i, 1000+i, i, i%60, i)
	}
	return b.String()
}

func crowdTangleRows(n int) string {
	var b strings.Builder
	b.WriteString("Page Name,Facebook Id,Post Created,Likes,Shares,URL,Message\n")
	for i := 2; i <= n+1; i++ {
		fmt.Fprintf(&b, "Page,987,2019-05-15 18:%02d:11 CEST,%d,1,https://www.facebook.com/987/posts/%d,\"texte %d\nsur deux lignes\"\n", i%60, i, 5000+i, i)
	}
	return b.String()
}

// Files with LF, CRLF and CR-only line ends (old spreadsheet exports)
// load every record (a CR-only generic CSV or Netvizz file loaded none).
func TestLineEnds(t *testing.T) {
	cases := []struct {
		name, format, content string
		records               int
	}{
		{"generic.csv", "generic-csv", genericRows(50, func(int) (string, bool) { return "", false }), 50},
		{"posts.tab", "netvizz-posts", netvizzPostRows(50), 50},
		{"comments.tab", "netvizz-comments", netvizzCommentRows(50), 50},
		{"facepager.csv", "facepager", facepagerRows(50), 50},
		// CrowdTangle texts hold line breaks: 50 records on 100 lines.
		{"crowdtangle.csv", "crowdtangle", crowdTangleRows(50), 50},
	}
	for _, c := range cases {
		for end, conv := range endings {
			t.Run(c.format+"/"+end, func(t *testing.T) {
				fr := loadOne(t, c.name, conv(c.content), rawio.Limits{})
				checkAccounting(t, fr, c.format, c.records, c.records, 0)
			})
		}
	}
}

// A generic CSV of 1,000 rows with an unclosed quote on line 3 (the
// first record of the file read "records: 3") and one whose quote closes
// 500 lines later, with another field count than the header's (one with
// the header's count reads as a genuine text of 501 lines), with CR, LF
// and CRLF: every row is counted.
func TestGenericCSVDamaged(t *testing.T) {
	unclosed := genericRows(1000, func(i int) (string, bool) {
		return fmt.Sprintf(`m3,m3,Aide,"never closed,%d,g`, 1557936131), i == 3
	})
	closedLater := genericRows(1000, func(i int) (string, bool) {
		switch i {
		case 3:
			return fmt.Sprintf(`m3,m3,Aide,"opened,%d,g`, 1557936131), true
		case 503:
			return `m503,m503,Aide,closed",extra,1557936131,g`, true
		}
		return "", false
	})
	// Duplicates and conflicts count as read.
	withDuplicates := genericRows(20, func(i int) (string, bool) {
		switch i {
		case 10:
			return "m2,m2,Aide 2,message 2,1557936133,g", true // duplicate of line 2
		case 11:
			return "m2,m2,Aide 2,autre texte,1557936133,g", true // conflicting
		case 12:
			return "m12,m12,Aide,epoch 99999999999999,99999999999999,g", true
		case 13:
			return "m13,m13,Aide,an 0001,0001-01-01 00:00:00,g", true
		}
		return "", false
	})
	for end, conv := range endings {
		t.Run(end, func(t *testing.T) {
			fr := loadOne(t, "unclosed.csv", conv(unclosed), rawio.Limits{})
			checkAccounting(t, fr, "generic-csv", dataLines(unclosed), 999, 1)
			if r := fr.Rejections; len(r) != 1 || r[0].Line != 3 || !strings.Contains(r[0].Error(), "reading resumed at line 4") {
				t.Errorf("rejections %v", r)
			}
			fr = loadOne(t, "later.csv", conv(closedLater), rawio.Limits{})
			checkAccounting(t, fr, "generic-csv", dataLines(closedLater), 998, 2)
			fr = loadOne(t, "dup.csv", conv(withDuplicates), rawio.Limits{})
			checkAccounting(t, fr, "generic-csv", dataLines(withDuplicates), 18, 2)
			if fr.Duplicates != 1 || fr.Conflicting != 1 {
				t.Errorf("%d duplicates, %d conflicting", fr.Duplicates, fr.Conflicting)
			}
			// Epoch seconds of the year 3170843, and year 0001, are
			// rejected on the file's field as implausible.
			for _, r := range fr.Rejections {
				if r.Field != "timestamp" || !strings.Contains(r.Error(), "implausible time") {
					t.Errorf("rejection %v", r)
				}
			}
		})
	}
}

// Damaged files of every format, and small limits: the reports count
// every raw record, counted here without the reader.
func TestDamagedFiles(t *testing.T) {
	long := strings.Repeat("x", 300)
	limits := rawio.Limits{LineBytes: 200, FieldBytes: 100, RecordLines: 3, Depth: 8}

	posts := strings.Split(netvizzPostRows(10), "\n")
	posts[3] = "status\tpost_page_1\t1_9993\t" + long + "\t2016-08-31T19:02:51+0000\t1" // too long
	posts[5] = "status\tpost_page_1\t1_9995\tshort"                                     // fields
	posts[7] = "status\tpost_page_1\t1_9997\tan 0000\t0000-01-01T00:00:00+0000\t1"      // year 0000
	netvizz := strings.Join(posts, "\n")
	checkAccounting(t, loadOne(t, "posts.tab", netvizz, limits), "netvizz-posts", dataLines(netvizz), 7, 3)

	comments := strings.Split(netvizzCommentRows(10), "\n")
	comments[2] = comments[2] + "\t" + strings.Repeat("y", 150) // a field past field-bytes
	nvc := strings.Join(comments, "\n")
	checkAccounting(t, loadOne(t, "comments.tab", nvc, limits), "netvizz-comments", dataLines(nvc), 9, 1)

	// Facepager: a quoted message still open after 3 lines; its lines are
	// read again, one of them a bare quote.
	fp := strings.Split(facepagerRows(12), "\n")
	fp[4] = `1;1005;1;987_1005;data;fetched (200);"open;2019-05-15T16:02:11+0000;1`
	fp[7] = `1;1008;1;987_1008;data;fetched (200);a " quote;2019-05-15T16:02:11+0000;1`
	fpc := strings.Join(fp, "\n")
	checkAccounting(t, loadOne(t, "fp.csv", fpc, limits), "facepager", dataLines(fpc), 10, 2)

	// CrowdTangle: records of 2 lines, and one of one line with a field
	// past the limit. (A record of several lines past a limit is rejected
	// and its other lines are read again, as records of their own.)
	ct := crowdTangleRows(6)
	ct = strings.Replace(ct, "\"texte 3\nsur deux lignes\"", strings.Repeat("z", 120), 1)
	fr := loadOne(t, "ct.csv", ct, limits)
	checkAccounting(t, fr, "crowdtangle", 6, 5, 1)

	// Zeeschuimer: one item per line, some broken, too long or too deep.
	item := func(id int) string {
		return fmt.Sprintf(`{"source_platform":"facebook.com","data":{"comet_sections":{"content":{"story":{"post_id":"%d"}},"context_layout":{"story":{"comet_sections":{"metadata":[{"__typename":"CometFeedStoryMinimizedTimestampStrategy","story":{"creation_time":%d}}]}}}}}}`, id, 1557936131+id)
	}
	zs := strings.Join([]string{item(1), `{"source_platform":"facebook.com",`, item(3) + strings.Repeat(" ", 300), item(4),
		`{"source_platform":"facebook.com","data":` + strings.Repeat("[", 20) + strings.Repeat("]", 20) + "}", "", item(6)}, "\n")
	// The items nest 9 levels: raise the depth for them.
	zlimits := limits
	zlimits.LineBytes, zlimits.Depth = 400, 12
	checkAccounting(t, loadOne(t, "zs.ndjson", zs, zlimits), "zeeschuimer-facebook", strings.Count(zs, "\n")+1-1, 3, 3)

	// DYI: one record per line between the brackets: a line count.
	var dyi bytes.Buffer
	dyi.WriteString(`{"group_posts_v2": [` + "\n")
	recs := []string{
		`{"timestamp": 1557936131, "data": [{"post": "un"}], "title": "A posted in G."}`,
		`{"timestamp": "x", "data": [{"post": "deux"}]}`,
		`{"timestamp": 1557936133, "data": [{"post": "` + long + `"}]}`,
		`{"timestamp": 1557936134, "data": [{"post": 4}]}`,
		`{"timestamp": 1557936135, "data": [[[[[[[[[{"post": "profond"}]]]]]]]]]}`,
		`{"timestamp": 1557936136 "data": []}`,
		`{"timestamp": 1557936137, "data": [{"post": "sept"}], "title": "A posted in G."}`,
	}
	dyi.WriteString(strings.Join(recs, ",\n") + "\n]}\n")
	d := dyi.String()
	checkAccounting(t, loadOne(t, "dyi.json", d, limits), "facebook-dyi", strings.Count(d, "\n")-2, 2, 5)
}

// The real Facepager sample loads with every one of its 24 rows
// accounted for.
func TestFacepagerDatavanaAccounting(t *testing.T) {
	p := filepath.Join("..", "..", "..", "..", "shared", "fixtures", "facepager", "datavana_example.csv")
	if _, err := os.Stat(p); err != nil {
		if p = "/work/shared/fixtures/facepager/datavana_example.csv"; func() error { _, err := os.Stat(p); return err }() != nil {
			t.Skip("shared fixtures absent")
		}
	}
	_, rep, err := load.Files([]string{p}, load.Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	// 2 seeds are group records (read), 5 offcuts are rejected.
	checkAccounting(t, rep.Files[0], "facepager", 24, 19, 5)
}

// A gzip file cut short is a file-level error ("unexpected EOF") whose
// records read before the cut stay counted: as many as the standard
// library's decoder (which rawio used before) delivers complete lines
// of before failing, the cut line not among them.
func TestCutGzipIsFileError(t *testing.T) {
	content := netvizzCommentRows(3000)
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write([]byte(content))
	w.Close()
	cut := z.Bytes()[:z.Len()/2]
	// What the standard library delivered before the cut.
	zr, err := gzip.NewReader(bytes.NewReader(cut))
	if err != nil {
		t.Fatal(err)
	}
	before, rerr := io.ReadAll(zr)
	if !errors.Is(rerr, io.ErrUnexpectedEOF) {
		t.Fatalf("the standard library read the cut file with %v", rerr)
	}
	want := bytes.Count(before, []byte("\n")) - 1 // the header line is no record
	if want <= 0 || want >= 3000 {
		t.Fatalf("%d records before the cut: the cut is not inside the rows", want)
	}
	p := filepath.Join(t.TempDir(), "comments.tab.gz")
	if err := os.WriteFile(p, cut, 0o644); err != nil {
		t.Fatal(err)
	}
	_, rep, err := load.Files([]string{p}, load.Options{Key: testKey, KeepGoing: true})
	if err != nil {
		t.Fatal(err)
	}
	fr := rep.Files[0]
	if fr.Err == nil || !strings.HasSuffix(fr.Err.Error(), ": unexpected EOF") || fr.SHA256 != "" {
		t.Errorf("cut gzip: err %v, sha256 %q; want a file error ending in unexpected EOF, no hash", fr.Err, fr.SHA256)
	}
	checkAccounting(t, fr, "netvizz-comments", want, want, 0)
}
