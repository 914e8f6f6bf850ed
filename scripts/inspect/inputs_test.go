package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func readGood(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/good.ifake")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkGood checks the result of reading testdata/good.ifake under path.
func checkGood(t *testing.T, what string, status int, results []Result, stderr, path string) {
	t.Helper()
	if status != 0 || len(results) != 1 {
		t.Fatalf("%s: status %d, %+v, stderr %q", what, status, results, stderr)
	}
	if r := results[0]; r.Path != path || r.Format != "ifake" || r.Records != 4 || r.Loaded != 3 || r.Duplicates != 1 ||
		r.Authors != 2 || r.First != "2019-05-01T20:00:00Z" || r.Error != "" {
		t.Errorf("%s: %+v", what, r)
	}
}

// "-" reads standard input.
func TestStdin(t *testing.T) {
	setup(t)
	status, results, stderr := inspectIn(t, bytes.NewReader(readGood(t)), "-")
	checkGood(t, "stdin", status, results, stderr, "-")
	// Empty standard input is a file of no known format.
	status, results, stderr = inspectIn(t, strings.NewReader(""), "-")
	if status != 2 || len(results) != 1 || results[0].Error != "format not recognised" || !strings.HasSuffix(stderr, "inspect: -: format not recognised\n") {
		t.Errorf("empty stdin: status %d, %+v, %q", status, results, stderr)
	}
}

// A pipe (/dev/fd/N, as `inspect <(cat f)` gives) and a FIFO with one
// writer are read, opened once. Before, the inspector sniffed them in one
// opening and read them in another: "format not recognised", or waiting
// forever for a second writer. The content is larger than a pipe's
// buffer, so that a second opening would miss its head.
func TestPipeAndFIFO(t *testing.T) {
	setup(t)
	content := append(readGood(t), strings.Repeat("#\tpadding\n", 20000)...)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() {
		w.Write(content)
		w.Close()
	}()
	name := "/dev/fd/" + strconv.Itoa(int(r.Fd()))
	if _, err := os.Stat(name); err != nil {
		t.Skipf("no /dev/fd: %v", err)
	}
	status, results, stderr := inspectWithin(t, 20*time.Second, name)
	// The padding lines are rejected records of the wrong shape.
	if status != 0 || len(results) != 1 || results[0].Loaded != 3 || results[0].Rejected != 20000 || results[0].Records != 20004 {
		t.Errorf("pipe: status %d, %+v, %q", status, results, stderr)
	}

	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		w.Write(content)
		w.Close()
	}()
	status, results, stderr = inspectWithin(t, 20*time.Second, fifo)
	if status != 0 || len(results) != 1 || results[0].Loaded != 3 || results[0].Records != 20004 {
		t.Errorf("FIFO: status %d, %+v, %q", status, results, stderr)
	}
}

// inspectWithin fails the test when the command does not end in time.
func inspectWithin(t *testing.T, d time.Duration, args ...string) (int, []Result, string) {
	t.Helper()
	type res struct {
		status      int
		out, stderr string
	}
	done := make(chan res, 1)
	go func() {
		var out, errb bytes.Buffer
		status := protect(args, strings.NewReader(""), &out, &errb)
		done <- res{status, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		return r.status, decode(t, r.out), r.stderr
	case <-time.After(d):
		t.Fatalf("inspect %q still running after %v", args, d)
	}
	return 0, nil, ""
}

// gzip(1) accepts zero padding after the last member (tape blocks), and
// several members one after the other: so does the inspector.
func TestGzipPaddingAndMembers(t *testing.T) {
	setup(t)
	good := readGood(t)
	var b bytes.Buffer
	for _, part := range [][]byte{good[:40], good[40:]} {
		zw := gzip.NewWriter(&b)
		zw.Write(part)
		zw.Close()
	}
	b.Write(make([]byte, 4096))
	p := filepath.Join(t.TempDir(), "good.ifake.gz")
	os.WriteFile(p, b.Bytes(), 0o644)
	status, results, stderr := inspect(t, p)
	checkGood(t, "padded gzip", status, results, stderr, p)
	// Anything but zeros after the last member is an error.
	b.WriteString("garbage")
	os.WriteFile(p, b.Bytes(), 0o644)
	status, results, _ = inspect(t, p)
	if status != 2 || len(results) != 1 || !strings.Contains(results[0].Error, "neither a member nor zero padding") {
		t.Errorf("gzip with trailing garbage: status %d, %+v", status, results)
	}
}

// A folder holding exports and other files (as an X archive's data/
// folder does) loads its exports and lists the others as skipped.
func TestSkipped(t *testing.T) {
	setup(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	os.MkdirAll(filepath.Join(data, "tweets_media"), 0o755)
	os.WriteFile(filepath.Join(data, "tweets.ifake"), readGood(t), 0o644)
	os.WriteFile(filepath.Join(data, "account.js"), []byte("window.YTD.account.part0 = [ {\"account\": {}} ]\n"), 0o644)
	os.WriteFile(filepath.Join(data, "README.md"), []byte("# archive\n"), 0o644)
	os.WriteFile(filepath.Join(data, "tweets_media", "a.jpg"), []byte("\xff\xd8\xff\xe0"), 0o644)
	os.WriteFile(filepath.Join(data, "empty.js"), nil, 0o644)
	status, results, stderr := inspect(t, data)
	checkGood(t, "data folder", status, results, stderr, data)
	want := []Skipped{
		{filepath.Join(data, "README.md"), "format not recognised"},
		{filepath.Join(data, "account.js"), "format not recognised"},
		{filepath.Join(data, "empty.js"), "empty file"},
		{filepath.Join(data, "tweets_media", "a.jpg"), "format not recognised"},
	}
	if !reflect.DeepEqual(results[0].Skipped, want) {
		t.Errorf("skipped\n%+v\nwant\n%+v", results[0].Skipped, want)
	}
	// A file named by itself whose format is unknown stays an error.
	status, results, _ = inspect(t, filepath.Join(data, "account.js"))
	if status != 2 || results[0].Error != "format not recognised" || len(results[0].Skipped) != 0 {
		t.Errorf("explicit account.js: status %d, %+v", status, results)
	}

	// In a study, a wildcard's files of unknown format are skipped and
	// listed, one object each.
	os.WriteFile(filepath.Join(dir, "study.json"), []byte(`{"name": "s", "communities": [{"id": "doc", "platform": "twitter",
		"sources": [{"files": ["data/*"]}]}]}`), 0o644)
	status, results, stderr = inspect(t, "--study", filepath.Join(dir, "study.json"))
	if status != 0 || len(results) != 5 || results[0].Path != "data/tweets.ifake" || results[0].Loaded != 3 ||
		results[1].Path != "data/README.md" || !reflect.DeepEqual(results[1].Skipped, []Skipped{{"data/README.md", "format not recognised"}}) ||
		results[3].Path != "data/empty.js" || results[3].Skipped[0].Reason != "empty file" || results[4].Path != "data/tweets_media/a.jpg" {
		t.Errorf("study: status %d, %+v, %s", status, results, stderr)
	}
	// A source of which no file is read is an error.
	os.WriteFile(filepath.Join(dir, "study.json"), []byte(`{"name": "s", "communities": [{"id": "doc", "platform": "twitter",
		"sources": [{"files": ["data/*.md"]}]}]}`), 0o644)
	status, results, stderr = inspect(t, "--study", filepath.Join(dir, "study.json"))
	want1 := filepath.Join(dir, "study.json") + ": communities[0].sources[0]: none of its 1 file read: skipped data/README.md (format not recognised)"
	if status != 2 || len(results) != 1 || !strings.HasSuffix(stderr, "inspect: "+want1+"\n") ||
		results[0].Path != filepath.Join(dir, "study.json") || !strings.HasPrefix(results[0].Error, "communities[0].sources[0]: none") {
		t.Errorf("study of no export: status %d, %+v, %q", status, results, stderr)
	}
}

// A zip archive is a folder of its members; from standard input it
// cannot be read, and the message says to save it first.
func TestZip(t *testing.T) {
	setup(t)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, content := range map[string][]byte{"export/good.ifake": readGood(t), "export/index.html": []byte("<html></html>")} {
		w, _ := zw.Create(name)
		w.Write(content)
	}
	zw.Close()
	p := filepath.Join(t.TempDir(), "download.zip")
	os.WriteFile(p, b.Bytes(), 0o644)
	status, results, stderr := inspect(t, p)
	checkGood(t, "zip", status, results, stderr, p)
	if want := []Skipped{{p + "!/export/index.html", "format not recognised"}}; !reflect.DeepEqual(results[0].Skipped, want) {
		t.Errorf("zip skipped %+v", results[0].Skipped)
	}
	status, results, stderr = inspectIn(t, bytes.NewReader(b.Bytes()), "-")
	want := "zip archive read from a pipe or standard input: save it to a file first"
	if status != 2 || len(results) != 1 || results[0].Error != want || !strings.HasSuffix(stderr, "inspect: -: "+want+"\n") {
		t.Errorf("zip on stdin: status %d, %+v, %q", status, results, stderr)
	}
}

// --limit sets the readers' limits.
func TestLimitFlag(t *testing.T) {
	setup(t)
	status, results, _ := inspect(t, "--limit", "line-bytes=256M,depth=64", "testdata/good.ifake")
	if status != 0 || results[0].Loaded != 3 {
		t.Errorf("generous limits: status %d, %+v", status, results)
	}
	status, results, stderr := inspect(t, "testdata/good.ifake", "--limit", "line-bytes=40")
	want := "line longer than 40 bytes (limit line-bytes=40; raise it if the file is genuine)"
	if status != 2 || len(results) != 1 || results[0].Error != want || !strings.HasSuffix(stderr, "inspect: testdata/good.ifake: "+want+"\n") {
		t.Errorf("line-bytes=40: status %d, %+v, %q", status, results, stderr)
	}
	// What was read before the limit is counted.
	p := filepath.Join(t.TempDir(), "long.ifake")
	os.WriteFile(p, []byte("#ifake twitter\n1\t\ttweet\tzeph\t2019-05-01T20:00:00Z\tcourt\t\n"+
		"2\t\ttweet\tzeph\t2019-05-01T20:00:00Z\t"+strings.Repeat("long ", 20)+"\t\n"), 0o644)
	status, results, _ = inspect(t, p, "--limit", "line-bytes=64")
	if status != 2 || results[0].Records != 1 || results[0].Loaded != 1 || !strings.HasPrefix(results[0].Error, "line longer than 64 bytes") {
		t.Errorf("line-bytes=64: status %d, %+v", status, results[0])
	}
}

// Conflicting copies of a message are counted and listed with both
// sources.
func TestConflicts(t *testing.T) {
	setup(t)
	p := filepath.Join(t.TempDir(), "c.ifake")
	os.WriteFile(p, []byte("#ifake twitter\n"+
		"1\t\ttweet\tcanari_zeph\t2019-05-01T20:00:00Z\tbonjour\t\n"+
		"1\t\ttweet\tcanari_zeph\t2019-05-01T20:00:00Z\tau revoir\t\n"), 0o644)
	status, results, _ := inspect(t, p)
	want := []Conflict{{File: p, Line: 3, ID: "1", Fields: []string{"text"}, FirstFile: p, FirstLine: 2}}
	if status != 0 || results[0].Conflicting != 1 || results[0].Loaded != 1 || !reflect.DeepEqual(results[0].Conflicts, want) {
		t.Errorf("status %d, %+v", status, results)
	}
}

// A file named after an account: its handle reaches neither the --csv
// tables nor the JSON report's communities; the JSON echoes only the
// PATH as typed ("path" and the rejections' "file").
func TestHandleInFileName(t *testing.T) {
	setup(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "@zquill_canary.jsonl")
	os.WriteFile(p, []byte("#ifake twitter\n"+
		"1\t\ttweet\tzquill_canary\t2019-05-01T20:00:00Z\tmon fil\t\n"+
		"2\t1\treply\tautre_compte\t2019-05-01T21:00:00Z\t@zquill_canary merci\t\n"+
		"3\t\ttweet\tzquill_canary\thier\tdate illisible\t\n"), 0o644)
	out := filepath.Join(dir, "csv")
	var stdout, stderr bytes.Buffer
	status := protect([]string{"--csv", out, p}, strings.NewReader(""), &stdout, &stderr)
	results := decode(t, stdout.String())
	if status != 0 || len(results) != 1 || results[0].Loaded != 2 || results[0].Rejected != 1 ||
		!reflect.DeepEqual(results[0].Communities, []string{"ungrouped-twitter"}) {
		t.Fatalf("status %d, %+v, %s", status, results, stderr.String())
	}
	for _, name := range []string{"messages.csv", "communities.csv", "panels.csv", "profiles.csv"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(string(b)), "zquill") {
			t.Errorf("%s names the account:\n%s", name, b)
		}
	}
	quoted, _ := json.Marshal(p)
	if rest := strings.ReplaceAll(stdout.String(), string(quoted), `""`); strings.Contains(strings.ToLower(rest), "zquill") {
		t.Errorf("the JSON report names the account beyond its path:\n%s", stdout.String())
	}
}

// A reader that crashes is an internal error: status 3, the file's error
// names the bug, the paths after it are not read.
func TestInternalError(t *testing.T) {
	setup(t)
	p := filepath.Join(t.TempDir(), "crash.ifake")
	os.WriteFile(p, []byte("#ifake twitter\n!panic\n"), 0o644)
	status, results, stderr := inspect(t, "testdata/good.ifake", p, "testdata/broken.ifake")
	if status != 3 || len(results) != 3 {
		t.Fatalf("status %d, %+v, %q", status, results, stderr)
	}
	want := "internal error in the ifake reader (a bug: please report it with this message): assignment to entry in nil map"
	if results[0].Loaded != 3 || results[0].Error != "" || results[1].Error != want ||
		results[2].Error != "not read: the load stopped at an internal error" {
		t.Errorf("results %+v", results)
	}
	if !strings.Contains(stderr, "inspect: "+p+": "+want+"\n") || strings.Contains(stderr, "goroutine") {
		t.Errorf("stderr %q", stderr)
	}
	// In a study too.
	dir := filepath.Dir(p)
	os.WriteFile(filepath.Join(dir, "study.json"), []byte(`{"name": "s", "communities": [{"id": "doc", "platform": "twitter",
		"sources": [{"files": ["*.ifake"]}]}]}`), 0o644)
	status, results, stderr = inspect(t, "--study", filepath.Join(dir, "study.json"))
	if status != 3 || len(results) != 1 || results[0].Path != "crash.ifake" || results[0].Error != want ||
		!strings.HasSuffix(stderr, "inspect: crash.ifake: "+want+"\n") {
		t.Errorf("study: status %d, %+v, %q", status, results, stderr)
	}
}

// A crash of the inspector itself: status 3, one JSON object with an
// "error" field, one line on standard error, no goroutine dump.
func TestCrashInInspector(t *testing.T) {
	setup(t)
	defer func(h func(string)) { testHook = h }(testHook)
	testHook = func(string) {
		var r *Result
		_ = r.Path // a nil dereference
	}
	var out, errb bytes.Buffer
	status := protect([]string{"testdata/good.ifake"}, strings.NewReader(""), &out, &errb)
	var obj map[string]string
	if err := json.Unmarshal(out.Bytes(), &obj); status != 3 || err != nil || len(obj) != 1 ||
		!strings.HasPrefix(obj["error"], "internal error (a bug: please report it with this message): runtime error: invalid memory address or nil pointer dereference (at inputs_test.go:") {
		t.Errorf("status %d, stdout %q (%v)", status, out.String(), err)
	}
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	if len(lines) != 2 || lines[1] != "inspect: "+obj["error"] {
		t.Errorf("stderr %q", errb.String())
	}
}
