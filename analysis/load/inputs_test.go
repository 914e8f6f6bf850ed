package load

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/twitter"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// put writes content at dir/name, making folders.
func put(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// twoRows is a fake export of two messages of group G.
const twoRows = "#fake facebook\n" +
	"m\tp1\t\t\t\tn:Anne Bleu\t2019-05-01T08:00:00Z\tbonjour\tG\t\t\t\t\n" +
	"m\tc1\tp1\t\t\tn:Berthe Vert\t2019-05-01T09:00:00Z\tmerci\tG\t\t\t\t\n"

// skippedList writes a report's skipped files "path: reason", relative
// to dir.
func skippedList(dir string, rep *Report) []string {
	out := []string{}
	for _, s := range rep.Skipped {
		out = append(out, relPath(dir, s.Path)+": "+s.Reason)
	}
	return out
}

// A folder loads its exports and lists every other file as skipped, with
// a reason; hidden files are passed over silently. Before, the first file
// of unknown format failed the whole folder.
func TestFolderSkipsWhatIsNoExport(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	put(t, in, "a.fake", twoRows)
	put(t, in, "README.md", "# Mes exports\n\nFichiers du groupe.\n")
	put(t, in, "photos/groupe.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
	put(t, in, "vide.txt", " \n\n")
	put(t, in, ".DS_Store", "\x00\x00\x00\x01Bud1")
	if err := os.Symlink(filepath.Join(in, "photos"), filepath.Join(in, "photos-link")); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(in, "tube")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Logf("no FIFO: %v", err)
		fifo = ""
	}
	c, rep, err := Files([]string{in}, Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 || rep.Files[0].Path != filepath.Join(in, "a.fake") || rep.Loaded != 2 || len(c.Messages) != 2 {
		t.Fatalf("files %+v, loaded %d", rep.Files, rep.Loaded)
	}
	// In the order of a walk: each folder's entries in lexical order.
	want := []string{
		"in/README.md: format not recognised",
		"in/photos/groupe.png: format not recognised",
		"in/photos-link: symbolic link to a folder (not followed)",
	}
	if fifo != "" {
		want = append(want, "in/tube: not a regular file")
	}
	want = append(want, "in/vide.txt: empty file")
	if got := skippedList(dir, rep); !reflect.DeepEqual(got, want) {
		t.Errorf("skipped\n%q\nwant\n%q", got, want)
	}
	for _, s := range rep.Skipped {
		if s.Input != 0 {
			t.Errorf("skipped %+v: input %d", s, s.Input)
		}
	}
	table := rep.String()
	if !regexp.MustCompile(`\n`+regexp.QuoteMeta(filepath.Join(in, "README.md"))+` +skipped\n    format not recognised\n`).MatchString(table) ||
		!strings.Contains(table, "skipped\n    empty file\n") {
		t.Errorf("report table:\n%s", table)
	}

	// A folder of which no file is an export is an error naming what was
	// skipped; a file named explicitly whose format is unknown too.
	put(t, dir, "notes/a.md", "notes\n")
	_, rep, err = Files([]string{filepath.Join(dir, "notes")}, Options{Key: testKey})
	if want := "load: " + filepath.Join(dir, "notes") + ": no export in folder: skipped " + filepath.Join(dir, "notes", "a.md") + " (format not recognised)"; err == nil || err.Error() != want {
		t.Errorf("folder without export: %v, want %s", err, want)
	}
	_, _, err = Files([]string{filepath.Join(in, "README.md")}, Options{Key: testKey})
	if !errors.Is(err, rawio.ErrUnknownFormat) {
		t.Errorf("explicit README: %v", err)
	}
	// An explicit empty file is not skipped either.
	_, _, err = Files([]string{filepath.Join(in, "vide.txt")}, Options{Key: testKey})
	if !errors.Is(err, rawio.ErrUnknownFormat) {
		t.Errorf("explicit empty file: %v", err)
	}
}

// An X archive's data/ folder: tweets.js is read (its owner from
// account.js beside it), account.js and the other data sets skipped.
// Before, account.js failed the folder.
func TestXArchiveDataFolder(t *testing.T) {
	src := filepath.Join("twitter", "testdata", "x-archive", "data")
	dir := t.TempDir()
	for _, name := range []string{"account.js", "tweets.js"} {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		put(t, dir, "data/"+name, string(b))
	}
	put(t, dir, "data/like.js", "window.YTD.like.part0 = [ {\n  \"like\" : {\n    \"tweetId\" : \"1500000000000000009\"\n  }\n} ]\n")
	put(t, dir, "data/manifest.js", "window.__THAR_CONFIG = {\n  \"userInfo\" : { \"accountId\" : \"100001\" }\n}\n")
	put(t, dir, "data/tweets_media/1500000000000000001-a.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00")
	put(t, dir, "Your archive.html", "<!DOCTYPE html><html><body>archive</body></html>\n")
	_, want, err := Files([]string{filepath.Join(src, "tweets.js")}, Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	_, rep, err := Files([]string{dir}, Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 || rep.Files[0].Format != "x-archive" || rep.Records != 6 || rep.Loaded != 3 || rep.Rejected != 3 ||
		rep.Loaded != want.Loaded || rep.Rejected != want.Rejected {
		t.Errorf("data folder: %+v, files %+v; tweets.js alone: %+v", rep, rep.Files[0], want)
	}
	wantSkipped := []string{
		"Your archive.html: format not recognised",
		"data/account.js: format not recognised",
		"data/like.js: format not recognised",
		"data/manifest.js: format not recognised",
		"data/tweets_media/1500000000000000001-a.jpg: format not recognised",
	}
	if got := skippedList(dir, rep); !reflect.DeepEqual(got, wantSkipped) {
		t.Errorf("skipped %q, want %q", got, wantSkipped)
	}
}

// A community id is never a file's name: a timeline export named after
// its account puts its messages in "ungrouped-twitter".
func TestNoCommunityFromFileName(t *testing.T) {
	dir := t.TempDir()
	p := put(t, dir, "@zquill_canary.jsonl", "#fake twitter\n"+
		"m\t1001\t\t\t\th:zquill_canary\t2019-05-01T08:00:00Z\tbonjour\t\t\t\t\t\n")
	c, rep, err := Files([]string{p}, Options{Key: testKey})
	if err != nil || rep.Loaded != 1 {
		t.Fatalf("%v, %+v", err, rep)
	}
	if len(c.Communities) != 1 || c.Communities[0].ID != "ungrouped-twitter" || c.Communities[0].Name != "ungrouped-twitter" ||
		c.Messages[0].Community != "ungrouped-twitter" {
		t.Errorf("communities %+v, message %+v", c.Communities, c.Messages[0])
	}
	var b bytes.Buffer
	out := filepath.Join(dir, "csv")
	if err := WriteCSV(out, c); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"messages.csv", "communities.csv"} {
		data, _ := os.ReadFile(filepath.Join(out, name))
		b.Write(data)
	}
	if s := strings.ToLower(b.String()); strings.Contains(s, "zquill") || strings.Contains(s, "canary") {
		t.Errorf("tables name the account:\n%s", b.String())
	}
	// Messages of both platforms in one folder, without group: one
	// community each, none rejected.
	put(t, dir, "mix/fb.fake", "#fake facebook\nm\tp1\t\t\t\tn:Anne Bleu\t2019-05-01T08:00:00Z\tbonjour\t\t\t\t\t\n")
	put(t, dir, "mix/tw.fake", "#fake twitter\nm\t1002\t\t\t\th:quelqu_un\t2019-05-01T08:00:00Z\tbonjour\t\t\t\t\t\n")
	c, rep, err = Files([]string{filepath.Join(dir, "mix")}, Options{Key: testKey})
	if err != nil || rep.Loaded != 2 || len(c.Communities) != 2 || c.Communities[0].ID != "ungrouped-facebook" || c.Communities[1].ID != "ungrouped-twitter" {
		t.Errorf("two platforms: %v, %+v, %+v", err, rep, c.Communities)
	}
}

// Standard input, a pipe and a FIFO are opened once and read once: the
// format is sniffed from the buffered head. Before, the inspector opened
// them twice and the second reading found nothing (or, for a FIFO with
// one writer, waited forever).
func TestPipesAndStdin(t *testing.T) {
	// "-" reads Options.Stdin.
	c, rep, err := Files([]string{"-"}, Options{Key: testKey, Stdin: strings.NewReader(twoRows)})
	if err != nil || rep.Loaded != 2 || len(c.Messages) != 2 || rep.Files[0].Path != "-" || rep.Files[0].Format != "fake" {
		t.Fatalf("stdin: %v, %+v", err, rep)
	}
	if _, _, err := Files([]string{"-", "-"}, Options{Key: testKey, Stdin: strings.NewReader(twoRows)}); err == nil ||
		err.Error() != "load: -: standard input named twice" {
		t.Errorf("stdin twice: %v", err)
	}
	// A pipe, through /dev/fd: a head larger than one pipe buffer, so that
	// a second opening could not see it again.
	big := twoRows + strings.Repeat("# commentaire\n", 20000)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		io.WriteString(w, big)
		w.Close()
	}()
	defer r.Close()
	name := "/dev/fd/" + strconv.Itoa(int(r.Fd()))
	if _, err := os.Stat(name); err != nil {
		t.Skipf("no /dev/fd: %v", err)
	}
	_, rep, err = Files([]string{name}, Options{Key: testKey})
	if err != nil || rep.Loaded != 2 || rep.Records != 2 {
		t.Errorf("pipe: %v, %+v", err, rep)
	}
	// A FIFO with one writer.
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		gz := gzip.NewWriter(w)
		io.WriteString(gz, big)
		gz.Close()
		w.Close()
	}()
	_, rep, err = Files([]string{fifo}, Options{Key: testKey})
	if err != nil || rep.Loaded != 2 || rep.Records != 2 || rep.Files[0].SHA256 == "" {
		t.Errorf("FIFO: %v, %+v", err, rep)
	}
}

// zipBytes is a zip archive of the given members (name, content; a name
// ending in '/' is a folder).
func zipBytes(members ...string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i < len(members); i += 2 {
		w, err := zw.Create(members[i])
		if err != nil {
			panic(err)
		}
		io.WriteString(w, members[i+1])
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// makeZip writes zipBytes(members...) at path.
func makeZip(t *testing.T, path string, members ...string) string {
	t.Helper()
	if err := os.WriteFile(path, zipBytes(members...), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A zipped Facebook "Download Your Information" reads without unzipping:
// its members are the files of a folder, named ZIP!/MEMBER, the other
// members skipped.
func TestZippedDownload(t *testing.T) {
	posts, err := os.ReadFile(filepath.Join("facebook", "testdata", "dyi_group_posts.json"))
	if err != nil {
		t.Fatal(err)
	}
	comments, err := os.ReadFile(filepath.Join("facebook", "testdata", "dyi_group_comments.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var inner bytes.Buffer
	gz := gzip.NewWriter(&inner)
	gz.Write(comments)
	gz.Close()
	z := makeZip(t, filepath.Join(dir, "facebook-download.zip"),
		"your_facebook_activity/", "",
		"your_facebook_activity/groups/group_posts_and_comments.json", string(posts),
		"your_facebook_activity/groups/your_comments_in_groups.json.gz", inner.String(),
		"your_facebook_activity/groups/your_group_membership_activity.json", `{"groups_joined_v2": []}`,
		"index.html", "<html></html>",
		"media/photo.jpg", "\xff\xd8\xff\xe0",
		"other.zip", "PK\x03\x04rest",
		"__MACOSX/._index.html", "\x00\x05\x16\x07",
		".hidden", "x",
	)
	_, want, err := Files([]string{filepath.Join("facebook", "testdata", "dyi_group_posts.json"), filepath.Join("facebook", "testdata", "dyi_group_comments.json")}, Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	c, rep, err := Files([]string{z}, Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range rep.Files {
		paths = append(paths, strings.TrimPrefix(f.Path, dir+"/")+" "+f.Format)
	}
	wantPaths := []string{
		"facebook-download.zip!/your_facebook_activity/groups/group_posts_and_comments.json facebook-dyi",
		"facebook-download.zip!/your_facebook_activity/groups/your_comments_in_groups.json.gz facebook-dyi",
	}
	if !reflect.DeepEqual(paths, wantPaths) || rep.Records != 8 || rep.Loaded != 6 || rep.Rejected != 2 ||
		rep.Records != want.Records || rep.Loaded != want.Loaded {
		t.Errorf("zip: files %q, %+v; unzipped: %+v", paths, rep, want)
	}
	if rep.Files[0].SHA256 == "" || len(c.Inputs) != 2 || !strings.HasSuffix(c.Inputs[0].Path, ".zip!/your_facebook_activity/groups/group_posts_and_comments.json") {
		t.Errorf("inputs %+v", c.Inputs)
	}
	wantSkipped := []string{
		"facebook-download.zip!/index.html: format not recognised",
		"facebook-download.zip!/media/photo.jpg: format not recognised",
		"facebook-download.zip!/other.zip: zip archive inside a zip archive (extract it first)",
		"facebook-download.zip!/your_facebook_activity/groups/your_group_membership_activity.json: format not recognised",
	}
	if got := skippedList(dir, rep); !reflect.DeepEqual(got, wantSkipped) {
		t.Errorf("skipped\n%q\nwant\n%q", got, wantSkipped)
	}

	// A zip archive of no export, named by itself, is an error; in a
	// folder, it only adds its skipped members.
	os.Mkdir(filepath.Join(dir, "none"), 0o755)
	none := makeZip(t, filepath.Join(dir, "none", "photos.zip"), "a.jpg", "\xff\xd8\xff\xe0")
	if _, _, err := Files([]string{none}, Options{Key: testKey}); err == nil ||
		err.Error() != "load: "+none+": no export in zip archive: skipped "+none+"!/a.jpg (format not recognised)" {
		t.Errorf("zip without export: %v", err)
	}
	put(t, dir, "none/a.fake", twoRows)
	if _, rep, err := Files([]string{filepath.Join(dir, "none")}, Options{Key: testKey}); err != nil || rep.Loaded != 2 ||
		!reflect.DeepEqual(skippedList(dir, rep), []string{"none/photos.zip!/a.jpg: format not recognised"}) {
		t.Errorf("folder with a zip of no export: %v, %+v", err, rep)
	}

	// An office document is a zip archive, but no folder of exports; a
	// damaged zip archive is an error.
	put(t, dir, "none/tableau.xlsx", string(zipBytes("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>")))
	os.WriteFile(filepath.Join(dir, "none", "photos.zip"), []byte("PK\x03\x04 cut short"), 0o644)
	_, rep, err = Files([]string{filepath.Join(dir, "none")}, Options{Key: testKey, KeepGoing: true})
	if err != nil || rep.Loaded != 2 || len(rep.Files) != 2 || rep.Files[1].Err == nil ||
		rep.Files[1].Err.Error() != "load: "+filepath.Join(dir, "none", "photos.zip")+": zip: not a valid zip file" ||
		!reflect.DeepEqual(skippedList(dir, rep), []string{"none/tableau.xlsx: office document (a zip archive of XML), not an export: save it as CSV"}) {
		t.Errorf("office document and damaged zip: %v, %+v, %q", err, rep.Files, skippedList(dir, rep))
	}

	// From a pipe, a zip archive cannot be read: it must be saved first.
	b, _ := os.ReadFile(z)
	_, _, err = Files([]string{"-"}, Options{Key: testKey, Stdin: bytes.NewReader(b)})
	if err == nil || err.Error() != "load: -: zip archive read from a pipe or standard input: save it to a file first" {
		t.Errorf("zip from stdin: %v", err)
	}
	// Nor from inside a gzip file.
	gzz := filepath.Join(dir, "download.zip.gz")
	var zb bytes.Buffer
	gz = gzip.NewWriter(&zb)
	gz.Write(b)
	gz.Close()
	os.WriteFile(gzz, zb.Bytes(), 0o644)
	if _, _, err := Files([]string{gzz}, Options{Key: testKey}); err == nil || !strings.HasSuffix(err.Error(), "zip archive inside a gzip file: decompress it first") {
		t.Errorf("zip in gzip: %v", err)
	}
}

// Zip members are bounded like gzip files: their decompressed size, and
// their compression ratio once past rawio.RatioFloor.
func TestZipLimits(t *testing.T) {
	dir := t.TempDir()
	z := makeZip(t, filepath.Join(dir, "a.zip"), "a.fake", twoRows)
	_, _, err := Files([]string{z}, Options{Key: testKey, Limits: rawio.Limits{DecompressedBytes: 100}})
	var le *rawio.LimitError
	if !errors.As(err, &le) || le.Limit != "decompressed-bytes" || !strings.HasPrefix(err.Error(), "load: "+z+"!/a.fake: decompressed size above 100 bytes") {
		t.Errorf("decompressed-bytes: %v", err)
	}
	// 17 MiB of empty lines after the records compress about 1,000 times.
	bomb := makeZip(t, filepath.Join(dir, "bomb.zip"), "a.fake", twoRows+strings.Repeat("\n", rawio.RatioFloor+1<<20))
	_, rep, err := Files([]string{bomb}, Options{Key: testKey})
	if !errors.As(err, &le) || le.Limit != "ratio" || rep.Files[0].Loaded != 2 {
		t.Errorf("ratio: %v", err)
	}
	if _, rep, err := Files([]string{bomb}, Options{Key: testKey, Limits: rawio.Limits{Ratio: 5000}}); err != nil || rep.Loaded != 2 {
		t.Errorf("ratio raised: %v", err)
	}
}

// With KeepGoing, a path that cannot be read is reported in its
// FileReport and the load goes on; an internal error still stops it.
func TestKeepGoing(t *testing.T) {
	dir := t.TempDir()
	good := put(t, dir, "good.fake", twoRows)
	bad := put(t, dir, "bad.bin", "\x00\x01")
	missing := filepath.Join(dir, "missing.fake")
	half := put(t, dir, "half.fake", twoRows+"m\tx\n") // one record rejected
	whole := put(t, dir, "whole.fake", "not fake\n")
	c, rep, err := Files([]string{missing, bad, whole, half, good}, Options{Key: testKey, KeepGoing: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Files {
		e := ""
		if f.Err != nil {
			e = " " + strings.ReplaceAll(f.Err.Error(), dir+"/", "")
		}
		got = append(got, strconv.Itoa(f.Input)+" "+filepath.Base(f.Path)+" "+f.Format+" "+strconv.Itoa(f.Loaded)+e)
	}
	want := []string{
		"0 missing.fake  0 load: missing.fake: no such file or directory",
		"1 bad.bin  0 load: bad.bin: format not recognised",
		"2 whole.fake  0 load: whole.fake: format not recognised",
		"3 half.fake fake 2",
		"4 good.fake fake 0",
	}
	if !reflect.DeepEqual(got, want) || len(c.Messages) != 2 || rep.Duplicates != 2 || rep.Rejected != 1 {
		t.Errorf("files\n%q\nwant\n%q\n%+v", got, want, rep)
	}
	if table := rep.String(); !strings.Contains(table, "    error: load: "+missing+": no such file or directory\n") {
		t.Errorf("table:\n%s", table)
	}
	crash := put(t, dir, "crash.fake", "#fake facebook\n!panic\n")
	_, _, err = Files([]string{crash, good}, Options{Key: testKey, KeepGoing: true})
	var ie *InternalError
	if !errors.As(err, &ie) {
		t.Errorf("internal error: %v", err)
	}
}

// A format's sniffer that panics is an internal error too, not a crash.
func TestSnifferPanic(t *testing.T) {
	p := writeFile(t, "x.txt", "#sniff-panic\n")
	_, _, err := Files([]string{p}, Options{Key: testKey})
	var ie *InternalError
	if !errors.As(err, &ie) || ie.Format != "(format detection)" {
		t.Errorf("sniffer panic: %v", err)
	}
	// Also when the file is only met in a folder.
	_, _, err = Files([]string{filepath.Dir(p)}, Options{Key: testKey, KeepGoing: true})
	if !errors.As(err, &ie) {
		t.Errorf("sniffer panic in a folder: %v", err)
	}
}

func init() {
	rawio.Register(rawio.Format{
		Name: "sniff-panic", Doc: "test format whose sniffer panics",
		Sniff: func(head []byte) int {
			if bytes.HasPrefix(head, []byte("#sniff-panic")) {
				var p *corpus.Message
				return len(p.ID) // a nil dereference, as a real bug would be
			}
			return 0
		},
		Read: func(*rawio.File, rawio.Sink) error { return nil },
	})
}

// In a study, a wildcard or folder that meets a file of no known format
// skips and reports it; a pattern naming that file is an error, and so is
// a source none of whose files is read.
func TestStudySkips(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, "raw/a.fake", twoRows)
	put(t, dir, "raw/README.md", "# notes\n")
	put(t, dir, "notes/b.md", "# notes\n")
	study := func(files string) string {
		return put(t, dir, "study.json", `{"name": "s", "communities": [{"id": "G", "platform": "facebook",
			"sources": [{"files": [`+files+`]}]}]}`)
	}
	_, rep, err := Study(study(`"raw/*"`), Options{Key: testKey})
	if err != nil || rep.Loaded != 2 || !reflect.DeepEqual(skippedList(dir, rep), []string{"raw/README.md: format not recognised"}) {
		t.Errorf("wildcard: %v, %+v", err, rep)
	}
	_, _, err = Study(study(`"raw"`), Options{Key: testKey})
	if err != nil {
		t.Errorf("folder: %v", err)
	}
	_, _, err = Study(study(`"raw/a.fake", "raw/README.md"`), Options{Key: testKey})
	if err == nil || err.Error() != "load: raw/README.md: format not recognised" {
		t.Errorf("named file: %v", err)
	}
	_, _, err = Study(study(`"raw/a.fake"], "format": "auto"}, {"files": ["notes/*.md"`), Options{Key: testKey})
	if err == nil || err.Error() != "load: communities[0].sources[1]: none of its 1 file read: skipped notes/b.md (format not recognised)" {
		t.Errorf("source of no export: %v", err)
	}
}

// A source's "limits" bound its files (over Options.Limits); unknown
// names and bad values are errors naming the field.
func TestStudyLimits(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("x", 2000)
	put(t, dir, "raw/a.fake", twoRows+"m\tp2\t\t\t\tn:Anne Bleu\t2019-05-01T08:00:00Z\t"+long+"\tG\t\t\t\t\n")
	study := func(limits string) string {
		return put(t, dir, "study.json", `{"name": "s", "communities": [{"id": "G", "platform": "facebook",
			"sources": [{"files": ["raw/a.fake"], "limits": `+limits+`}]}]}`)
	}
	// The fake format fails the file on a line past the limit.
	for _, c := range []struct {
		limits  string
		opt     rawio.Limits
		limited bool
	}{
		{`{}`, rawio.Limits{}, false},
		{`{"line-bytes": "1k"}`, rawio.Limits{}, true},
		{`{"line-bytes": 1024}`, rawio.Limits{}, true},
		{`{}`, rawio.Limits{LineBytes: 1024}, true},
		{`{"line-bytes": "1M"}`, rawio.Limits{LineBytes: 1024}, false}, // the source's own wins
		{`{"depth": 3}`, rawio.Limits{LineBytes: 1024}, true},          // and sets only what it names
	} {
		_, rep, err := Study(study(c.limits), Options{Key: testKey, Limits: c.opt})
		var le *rawio.LimitError
		switch {
		case c.limited && (!errors.As(err, &le) || le.Limit != "line-bytes" || le.Max != 1024):
			t.Errorf("limits %s, options %+v: %v, want the line-bytes limit of 1024", c.limits, c.opt, err)
		case !c.limited && (err != nil || rep.Loaded != 3):
			t.Errorf("limits %s, options %+v: %v, %+v", c.limits, c.opt, err, rep)
		}
	}
	for limits, want := range map[string]string{
		`{"lines": "1k"}`:       `study.json: field "communities[0].sources[0].limits": unknown limit "lines" (known: line-bytes, field-bytes, record-lines, depth, decompressed-bytes, ratio)`,
		`{"depth": "beaucoup"}`: `study.json: field "communities[0].sources[0].limits": limit depth: want a positive whole number, not "beaucoup"`,
		`{"depth": -3}`:         `study.json: field "communities[0].sources[0].limits": limit depth: want a positive whole number, not "-3"`,
		`{"depth": true}`:       `study.json: field "communities.sources.limits": want a number or a string such as "256M", not a JSON value true`,
	} {
		_, err := ParseStudy("study.json", []byte(`{"name": "s", "communities": [{"id": "G", "platform": "facebook",
			"sources": [{"files": ["raw/a.fake"], "limits": `+limits+`}]}]}`))
		if err == nil || err.Error() != want {
			t.Errorf("limits %s: %v\nwant %s", limits, err, want)
		}
	}
}

// FuzzZip reads fuzzed bytes as a path (a zip archive when they start as
// one), within fuzzed decompression limits: no crash, no internal error,
// every file accounted for, every skipped file with a reason.
func FuzzZip(f *testing.F) {
	seed := zipBytes
	f.Add(seed("a.fake", twoRows, "README.md", "# notes\n", "dir/", ""), int64(0), 0)
	f.Add(seed("a.fake", twoRows+strings.Repeat("\n", 5000), "inner.zip", "PK\x03\x04"), int64(200), 2)
	f.Add([]byte(twoRows), int64(0), 0)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, decompressed int64, ratio int) {
		p := filepath.Join(dir, "in.zip")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		limits := rawio.Limits{DecompressedBytes: decompressed % (1 << 20), Ratio: ratio % 1000}
		_, rep, err := Files([]string{p}, Options{Key: testKey, Limits: limits, KeepGoing: true})
		var ie *InternalError
		if errors.As(err, &ie) {
			t.Fatalf("internal error: %v\n%s", err, ie.Stack)
		}
		if err != nil {
			t.Fatalf("KeepGoing returned %v", err)
		}
		for _, fr := range rep.Files {
			if fr.Records != fr.Loaded+fr.Duplicates+fr.Conflicting+fr.Rejected {
				t.Fatalf("%s: records %d != %d + %d + %d + %d", fr.Path, fr.Records, fr.Loaded, fr.Duplicates, fr.Conflicting, fr.Rejected)
			}
		}
		for _, s := range rep.Skipped {
			if s.Reason == "" || !strings.HasPrefix(s.Path, p+"!/") {
				t.Fatalf("skipped %+v", s)
			}
		}
	})
}

// An X archive's owner comes from the account.js beside tweets.js, from
// any working directory and inside a zip archive; read from a pipe, the
// owner is the anonymous archive owner. Before, account.js was looked for
// relative to the working directory: the owner was lost in every study
// not run from its own folder, and in every zip.
func TestXArchiveOwnerAnywhere(t *testing.T) {
	src := filepath.Join("twitter", "testdata", "x-archive", "data")
	var files []string
	for _, name := range []string{"account.js", "tweets.js"} {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, "archive/data/"+name, string(b))
	}
	dir := t.TempDir()
	zipped := makeZip(t, filepath.Join(dir, "twitter-2022.zip"), files...)
	ps := pseudo.New(testKey)
	owner := ps.Person(corpus.Twitter, rawio.Person{ID: "100001", Handle: "doc_alice", Name: "Alice M."})
	anonymous := ps.Person(corpus.Twitter, rawio.Person{ID: twitter.ArchiveOwnerID})
	tweets, err := os.ReadFile(filepath.Join(src, "tweets.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		paths []string
		stdin []byte
		want  string
	}{
		{"folder given from elsewhere", []string{src}, nil, owner},
		{"zip archive", []string{zipped}, nil, owner},
		{"standard input", []string{"-"}, tweets, anonymous},
	} {
		opt := Options{Key: testKey, Stdin: bytes.NewReader(c.stdin)}
		cp, rep, err := Files(c.paths, opt)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if rep.Loaded != 3 || len(cp.Messages) != 3 {
			t.Fatalf("%s: %d loaded", c.name, rep.Loaded)
		}
		for _, m := range cp.Messages {
			if m.Author != c.want {
				t.Errorf("%s: tweet %s by %s, want %s", c.name, m.ID, m.Author, c.want)
			}
		}
	}
}
