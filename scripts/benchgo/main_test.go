package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// selfTest is the 6-message example of bench_pandas.py --self-test, worked
// by hand there: threads p1 (answered after 30 min by B), p2 (after 10 min
// by C) and p3 (unanswered); authors A 3, B 2, C 1; edges B->A, A->B,
// C->B; p2, c2 (Saturday) and p3 (19:00 Paris) off hours.
var selfTest = map[string]float64{
	"reply_rate":               2.0 / 3,
	"median_first_reply_min":   20,
	"gini_messages_per_author": 2.0 / 9,
	"top10_share":              0.5,
	"density":                  0.5,
	"reciprocity":              2.0 / 3,
	"off_hours_share":          0.5,
}

func close(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return a == b || math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}

func TestMeasureSelfTest(t *testing.T) {
	for family, glob := range map[string]string{
		"twarc2":    "testdata/twarc2/*.jsonl",
		"netvizz":   "testdata/netvizz/*.tsv",
		"facepager": "testdata/facepager/*.csv",
	} {
		files, err := filepath.Glob(glob)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no test files (%v)", family, err)
		}
		res, err := Measure(family, files)
		if err != nil {
			t.Fatalf("%s: %v", family, err)
		}
		if res.Messages != 6 {
			t.Errorf("%s: %d messages, want 6 (one duplicate removed)", family, res.Messages)
		}
		for name, want := range selfTest {
			if got := res.Indicators[name]; !close(got, want) {
				t.Errorf("%s: %s = %v, want %v", family, name, got, want)
			}
		}
		if res.PeakRSSMB <= 0 {
			t.Errorf("%s: peak RSS %v MB", family, res.PeakRSSMB)
		}
	}
}

func TestLoadWrongFamily(t *testing.T) {
	_, err := Load("netvizz", []string{"testdata/twarc2/selftest.jsonl"})
	if err == nil {
		t.Fatal("twarc2 file loaded as netvizz without error")
	}
}

func msg(com, id, parent, author string) corpus.Message {
	return corpus.Message{Community: com, ID: id, ParentID: parent, Author: author, Created: time.Unix(0, 0)}
}

func TestPool(t *testing.T) {
	msgs := []corpus.Message{
		msg("search", "1", "", "a"),
		msg("search", "2", "", ""),
		msg("conv", "2", "1", "b"), // completes 2
		msg("conv", "3", "2", "c"),
		msg("conv", "1", "9", "z"), // 1 gets parent 9, keeps author a
	}
	got := Pool(msgs)
	want := []corpus.Message{
		msg(Community, "1", "9", "a"),
		msg(Community, "2", "1", "b"),
		msg(Community, "3", "2", "c"),
	}
	if len(got) != len(want) {
		t.Fatalf("Pool kept %d messages, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Community != w.Community || g.ID != w.ID || g.ParentID != w.ParentID || g.Author != w.Author {
			t.Errorf("message %d = %+v, want %+v", i, g, w)
		}
	}

	one := []corpus.Message{msg("x", "1", "", "a"), msg("x", "2", "1", "b")}
	if got := Pool(one); len(got) != 2 || got[0].Community != "x" {
		t.Errorf("Pool changed a single community: %+v", got)
	}
}

func TestParseArgs(t *testing.T) {
	o, err := parseArgs([]string{"--format", "netvizz", "a.tsv", "b.tsv", "--out", "r.json"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if o.format != "netvizz" || o.out != "r.json" || len(o.files) != 2 || o.files[0] != "a.tsv" || o.files[1] != "b.tsv" {
		t.Errorf("parseArgs = %+v", o)
	}
	for _, args := range [][]string{
		{"--format", "csv", "a"},
		{"--format", "twarc2"},
		{"a.jsonl"},
	} {
		if _, err := parseArgs(args, &bytes.Buffer{}); err == nil {
			t.Errorf("parseArgs(%q): no error", args)
		}
	}
}

func TestResultJSON(t *testing.T) {
	r := Result{LoadS: 1.5, IndicatorsS: 0.25, PeakRSSMB: 10, HeapPerMessage: 512.5, MessageStruct: 288, Messages: 3,
		MemoryLimit: "soft memory limit 7.2 GiB (GOMEMLIMIT)",
		Indicators:  map[string]float64{"reply_rate": 0.5, "density": math.NaN()}}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"load_s":1.5,"indicators_s":0.25,"peak_rss_mb":10,"heap_bytes_per_message":512.5,"message_struct_bytes":288,"messages":3,` +
		`"memory_limit":"soft memory limit 7.2 GiB (GOMEMLIMIT)","indicators":{` +
		`"reply_rate":0.5,"median_first_reply_min":null,"gini_messages_per_author":null,"top10_share":null,` +
		`"density":null,"reciprocity":null,"off_hours_share":null}}`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
}

func TestRunWritesOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.json")
	var stdout bytes.Buffer
	if err := run([]string{"--format", "netvizz", "testdata/netvizz/selftest_posts.tsv", "testdata/netvizz/selftest_comments.tsv", "--out", out}, &stdout, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, stdout.Bytes()) {
		t.Error("the --out file differs from what was printed")
	}
	var r struct {
		Messages   int
		Indicators map[string]*float64
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	if r.Messages != 6 || r.Indicators["top10_share"] == nil || *r.Indicators["top10_share"] != 0.5 {
		t.Errorf("written result: %s", b)
	}
}

func ExampleCompute() {
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	msgs := []corpus.Message{
		{Community: "c", ID: "p1", Author: "A", Created: at("2024-01-08T07:00:00Z")},
		{Community: "c", ID: "c1", ParentID: "p1", Author: "B", Created: at("2024-01-08T07:30:00Z")},
		{Community: "c", ID: "r1", ParentID: "c1", Author: "A", Created: at("2024-01-08T07:40:00Z")},
		{Community: "c", ID: "p2", Author: "B", Created: at("2024-01-13T10:00:00Z")},
		{Community: "c", ID: "c2", ParentID: "p2", Author: "C", Created: at("2024-01-13T10:10:00Z")},
		{Community: "c", ID: "p3", Author: "A", Created: at("2024-01-15T18:00:00Z")},
	}
	ind := Compute(msgs)
	for _, name := range Indicators {
		fmt.Printf("%s %.4f\n", name, ind[name])
	}
	// Output:
	// reply_rate 0.6667
	// median_first_reply_min 20.0000
	// gini_messages_per_author 0.2222
	// top10_share 0.5000
	// density 0.5000
	// reciprocity 0.6667
	// off_hours_share 0.5000
}
