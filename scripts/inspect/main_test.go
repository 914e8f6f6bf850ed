package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// A tiny test format: "#ifake PLATFORM", then tab-separated records
// id, parent, kind, author (a handle on Twitter, a name on Facebook),
// created (RFC 3339), text, group. A line "!panic" makes the reader
// panic.
func init() {
	rawio.Register(rawio.Format{
		Name: "ifake", Doc: "inspector test format",
		Sniff: func(head []byte) int {
			if bytes.HasPrefix(head, []byte("#ifake ")) {
				return 100
			}
			return 0
		},
		Read: func(f *rawio.File, sink rawio.Sink) error {
			lr := f.Lines() // bounded by f.Limits.LineBytes
			var platform corpus.Platform
			for {
				b, n, err := lr.Next()
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return err
				}
				if n == 1 {
					platform, _ = corpus.ParsePlatform(strings.TrimPrefix(string(b), "#ifake "))
					continue
				}
				if string(b) == "!panic" {
					var m map[string]int
					m["a reader bug"]++ // a nil map write, as a real bug would be
				}
				fields := strings.Split(string(b), "\t")
				if len(fields) != 7 {
					sink.Reject(&rawio.ParseError{File: f.Name, Line: n, Err: rawio.ErrShape})
					continue
				}
				created, err := time.Parse(time.RFC3339, fields[4])
				if err != nil {
					sink.Reject(&rawio.ParseError{File: f.Name, Line: n, Field: "created", Err: fmt.Errorf("%w: %q", rawio.ErrBadTime, fields[4])})
					continue
				}
				author := rawio.Person{Handle: fields[3]}
				if platform == corpus.Facebook {
					author = rawio.Person{Name: fields[3]}
				}
				m := &rawio.RawMessage{Platform: platform, ID: fields[0], ParentID: fields[1],
					Author: author, Created: created, Text: fields[5], Group: fields[6], Line: n}
				m.SetKind(fields[2])
				sink.Message(m)
			}
		},
	})
}

const testKey = "a test key of thirty-two bytes!!"

func setup(t *testing.T) {
	t.Helper()
	t.Setenv(pseudo.EnvKey, testKey)
	t.Setenv(pseudo.EnvKeyFile, "")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
}

// inspect runs the command, with nothing on standard input, and decodes
// its output.
func inspect(t *testing.T, args ...string) (status int, results []Result, stderr string) {
	t.Helper()
	return inspectIn(t, strings.NewReader(""), args...)
}

// inspectIn runs the command with stdin on standard input.
func inspectIn(t *testing.T, stdin io.Reader, args ...string) (status int, results []Result, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	status = protect(args, stdin, &out, &errb)
	return status, decode(t, out.String()), errb.String()
}

func decode(t *testing.T, out string) []Result {
	t.Helper()
	var results []Result
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var r Result
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("output line %q: %v", line, err)
		}
		results = append(results, r)
	}
	return results
}

func kinds(pairs ...any) map[string]int {
	m := map[string]int{}
	for _, k := range corpus.Kinds {
		m[k.String()] = 0
	}
	for i := 0; i < len(pairs); i += 2 {
		m[pairs[i].(string)] = pairs[i+1].(int)
	}
	return m
}

func TestGoodFile(t *testing.T) {
	setup(t)
	status, results, stderr := inspect(t, "testdata/good.ifake")
	if status != 0 || len(results) != 1 {
		t.Fatalf("status %d, %d results, stderr %s", status, len(results), stderr)
	}
	if stderr != "inspect: pseudonym key: environment variable COMPENDIUM_PSEUDO_KEY\n" {
		t.Errorf("stderr %q", stderr)
	}
	want := Result{
		Path: "testdata/good.ifake", Format: "ifake", Records: 4, Loaded: 3, Duplicates: 1, Rejected: 0,
		Rejections: []Rejection{}, Conflicts: []Conflict{}, Skipped: []Skipped{},
		Kinds: kinds("tweet", 1, "reply", 2), Authors: 2, Communities: []string{"ungrouped-twitter"},
		First: "2019-05-01T20:00:00Z", Last: "2019-05-02T08:00:00Z",
	}
	if !reflect.DeepEqual(results[0], want) {
		t.Errorf("result\n%+v\nwant\n%+v", results[0], want)
	}
}

func TestBrokenFile(t *testing.T) {
	setup(t)
	for _, strict := range []bool{false, true} {
		args := []string{"testdata/broken.ifake"}
		wantStatus := 0
		if strict {
			args, wantStatus = append([]string{"--strict"}, args...), 1
		}
		status, results, stderr := inspect(t, args...)
		if status != wantStatus || len(results) != 1 {
			t.Fatalf("strict %v: status %d, %d results, stderr %s", strict, status, len(results), stderr)
		}
		r := results[0]
		wantRej := []Rejection{
			{File: "testdata/broken.ifake", Line: 3, Field: "created", Reason: `unreadable time: "hier"`},
			{File: "testdata/broken.ifake", Line: 5, Reason: "record of unexpected shape"},
		}
		if r.Records != 4 || r.Loaded != 2 || r.Rejected != 2 || !reflect.DeepEqual(r.Rejections, wantRej) ||
			!reflect.DeepEqual(r.Communities, []string{"AVS"}) || r.Authors != 2 || !reflect.DeepEqual(r.Kinds, kinds("post", 1, "comment", 1)) {
			t.Errorf("strict %v: %+v", strict, r)
		}
		if strict && !strings.Contains(stderr, `inspect: 2 records rejected; first: testdata/broken.ifake:3: field "created"`) {
			t.Errorf("strict stderr %q", stderr)
		}
	}
}

func TestUnreadable(t *testing.T) {
	setup(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct{ path, reason string }{
		{write("empty.json", ""), "format not recognised"},
		{write("binary.bin", "\x00\x01\x02\x03\xff\xfe\xfd\x00\x00"), "format not recognised"},
		{write("unknown.json", `{"hello": "world", "n": [1, 2, 3]}`+"\n"), "format not recognised"},
		{filepath.Join(dir, "missing.ifake"), "no such file or directory"},
		{filepath.Join(write("void/.keep", ""), ".."), "no files in folder"},
	}
	for _, c := range cases {
		status, results, stderr := inspect(t, c.path, "testdata/good.ifake")
		if status != 2 {
			t.Errorf("%s: status %d, want 2", c.path, status)
		}
		if want := "inspect: " + c.path + ": " + c.reason + "\n"; !strings.HasSuffix(stderr, want) {
			t.Errorf("%s: stderr %q, want %q", c.path, stderr, want)
		}
		if len(results) != 2 || results[0].Error != c.reason || results[0].Records != 0 || results[1].Loaded != 3 {
			t.Errorf("%s: results %+v", c.path, results)
		}
	}
	// A folder is read, its files of no known format skipped; one of no
	// export at all is unreadable.
	write("mixed/a.ifake", "#ifake twitter\n")
	write("mixed/b.bin", "\x00\x00")
	status, results, stderr := inspect(t, filepath.Join(dir, "mixed"))
	if want := []Skipped{{filepath.Join(dir, "mixed", "b.bin"), "format not recognised"}}; status != 0 || len(results) != 1 ||
		!reflect.DeepEqual(results[0].Skipped, want) || results[0].Format != "ifake" || results[0].Error != "" {
		t.Errorf("mixed folder: status %d, %+v, stderr %q", status, results, stderr)
	}
	write("pictures/b.png", "\x89PNG\r\n\x1a\n")
	status, results, stderr = inspect(t, filepath.Join(dir, "pictures"))
	want := "no export in folder: skipped " + filepath.Join(dir, "pictures", "b.png") + " (format not recognised)"
	if status != 2 || len(results) != 1 || results[0].Error != want || !strings.HasSuffix(stderr, "inspect: "+filepath.Join(dir, "pictures")+": "+want+"\n") {
		t.Errorf("folder of no export: status %d, %+v, stderr %q", status, results, stderr)
	}
}

func TestFolderAndCSV(t *testing.T) {
	setup(t)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "in", "sub"), 0o755)
	for _, f := range []string{"good.ifake", "broken.ifake"} {
		b, _ := os.ReadFile(filepath.Join("testdata", f))
		os.WriteFile(filepath.Join(dir, "in", "sub", f), b, 0o644)
	}
	out := filepath.Join(dir, "csv")
	pq := filepath.Join(dir, "parquet")
	status, results, stderr := inspect(t, "--csv", out, "--parquet", pq, filepath.Join(dir, "in"), "testdata/good.ifake")
	if status != 0 || len(results) != 2 {
		t.Fatalf("status %d, results %+v, stderr %s", status, results, stderr)
	}
	r := results[0]
	if r.Path != filepath.Join(dir, "in") || r.Format != "ifake" || r.Records != 8 || r.Loaded != 5 || r.Duplicates != 1 ||
		r.Rejected != 2 || !reflect.DeepEqual(r.Communities, []string{"AVS", "ungrouped-twitter"}) || r.First != "2019-05-01T20:00:00Z" || r.Last != "2019-05-03T07:00:00Z" {
		t.Errorf("folder: %+v", r)
	}
	// The second PATH holds the same messages as a file of the first.
	if r := results[1]; r.Records != 4 || r.Loaded != 0 || r.Duplicates != 4 || r.First != "" {
		t.Errorf("repeated file: %+v", r)
	}
	b, err := os.ReadFile(filepath.Join(out, "messages.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if lines[0] != "community,profession,platform,id,kind,parent_id,thread_id,author,author_role,created,text" || len(lines) != 6 {
		t.Errorf("messages.csv:\n%s", b)
	}
	p := pseudo.New([]byte(testKey))
	zeph := p.Name(corpus.Facebook, "Zéphirine Canari")
	if want := "AVS,,facebook,c2,comment,p1,p1," + p.Name(corpus.Facebook, "Ma Airual") + ",,2019-05-03T07:00:00Z,merci " + zeph; lines[2] != want {
		t.Errorf("messages.csv line 3:\n%s\nwant\n%s", lines[2], want)
	}
	for _, name := range []string{"messages.csv", "communities.csv", "panels.csv", "profiles.csv"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if s := strings.ToLower(string(b)); strings.Contains(s, "canari") || strings.Contains(s, "zéphirine") || strings.Contains(s, "airual") {
			t.Errorf("%s names a person:\n%s", name, b)
		}
	}
	// --parquet: the same five messages, in the same order, and the two
	// communities; text as in messages.csv.
	type msg struct {
		Community string `parquet:"community"`
		ID        string `parquet:"id"`
		Author    string `parquet:"author"`
		Text      string `parquet:"text"`
	}
	msgs, err := parquet.ReadFile[msg](filepath.Join(pq, "messages", "part-0.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range msgs {
		got = append(got, m.Community+","+m.ID)
		if s := strings.ToLower(m.Text + m.Author); strings.Contains(s, "canari") || strings.Contains(s, "airual") {
			t.Errorf("parquet message %s names a person: %q", m.ID, m.Text)
		}
	}
	var csvIDs []string
	for _, l := range lines[1:] {
		f := strings.SplitN(l, ",", 5)
		csvIDs = append(csvIDs, f[0]+","+f[3])
	}
	if !reflect.DeepEqual(got, csvIDs) || msgs[1].Text != "merci "+zeph {
		t.Errorf("parquet messages %v, messages.csv %v; second text %q", got, csvIDs, msgs[1].Text)
	}
	type comm struct {
		ID string `parquet:"id"`
	}
	comms, err := parquet.ReadFile[comm](filepath.Join(pq, "communities.parquet"))
	if err != nil || len(comms) != 2 || comms[0].ID != "AVS" || comms[1].ID != "ungrouped-twitter" {
		t.Errorf("communities.parquet: %+v, %v", comms, err)
	}
}

func TestStudy(t *testing.T) {
	setup(t)
	status, results, stderr := inspect(t, "--study", "testdata/study/study.json")
	if status != 0 || len(results) != 1 {
		t.Fatalf("status %d, results %+v, stderr %s", status, results, stderr)
	}
	if r := results[0]; r.Path != "raw/good.ifake" || r.Loaded != 3 || !reflect.DeepEqual(r.Communities, []string{"doc"}) {
		t.Errorf("study: %+v", r)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "study.json")
	os.WriteFile(bad, []byte(`{"name": "x", "communities": [{"id": "a", "platform": "fb"}]}`), 0o644)
	status, _, stderr = inspect(t, "--study", bad)
	if want := "inspect: " + bad + `: field "communities[0].platform": want one of facebook, twitter, bluesky, mastodon, telegram, whatsapp, reddit, discourse, not "fb"` + "\n"; status != 2 || !strings.HasSuffix(stderr, want) {
		t.Errorf("bad study: status %d, stderr %q", status, stderr)
	}
	os.WriteFile(filepath.Join(dir, "x.bin"), []byte{0, 0, 0}, 0o644)
	os.WriteFile(bad, []byte(`{"name": "x", "communities": [{"id": "a", "platform": "twitter", "sources": [{"files": ["x.bin"]}]}]}`), 0o644)
	status, _, stderr = inspect(t, "--study", bad)
	if status != 2 || !strings.HasSuffix(stderr, "inspect: x.bin: format not recognised\n") {
		t.Errorf("study with a binary file: status %d, stderr %q", status, stderr)
	}
}

func TestUsage(t *testing.T) {
	setup(t)
	for _, args := range [][]string{
		{},
		{"--nope", "x"},
		{"--study", "a.json", "b"},
		{"--format", "nope", "testdata/good.ifake"},
		{"--limit", "lines=3", "testdata/good.ifake"},
		{"--limit", "depth=lots", "testdata/good.ifake"},
		{"-", "testdata/good.ifake", "-"},
	} {
		if status, _, _ := inspect(t, args...); status != 2 {
			t.Errorf("inspect %q: status %d, want 2", args, status)
		}
	}
	// Flags after paths, and a forced format.
	status, results, _ := inspect(t, "testdata/good.ifake", "--format", "ifake")
	if status != 0 || len(results) != 1 || results[0].Format != "ifake" {
		t.Errorf("flags after paths: status %d, %+v", status, results)
	}
	t.Setenv(pseudo.EnvKey, "short")
	if status, _, stderr := inspect(t, "testdata/good.ifake"); status != 2 || !strings.HasPrefix(stderr, "inspect: pseudonym key: ") {
		t.Errorf("bad key: status %d, stderr %q", status, stderr)
	}
}
