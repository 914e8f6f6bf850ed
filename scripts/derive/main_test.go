package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// The derived tables are byte-identical from one run to the next, and
// hold pseudonyms only.
func TestDeriveDeterministic(t *testing.T) {
	study := "../privacy/testdata/study.json" // two messages by a canary author
	var dirs []string
	for range 2 {
		dir := t.TempDir()
		var out, errOut bytes.Buffer
		if code := run([]string{"-study", study, "-out", dir}, &out, &errOut); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		dirs = append(dirs, dir)
	}
	for _, name := range []string{"messages.csv", "indicators.csv", "communities.csv", "network/g.graphml", "network/g.gexf", "network/g.edges.csv",
		"parquet/messages/part-0.parquet", "parquet/communities.parquet", "parquet/indicators.parquet", "parquet/edges.parquet"} {
		a, err := os.ReadFile(filepath.Join(dirs[0], name))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(dirs[1], name))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", name)
		}
		text := string(a)
		if strings.HasSuffix(name, ".parquet") {
			text = parquetStrings(t, filepath.Join(dirs[0], name)) // compressed: decode it
		}
		if strings.Contains(strings.ToLower(text), "canari") {
			t.Errorf("%s holds the canary name", name)
		}
	}
	// A count has no interval; the one thread, answered, has its Wilson
	// interval [1/(1 + z²), 1] = [0.206549, 1].
	ind, _ := os.ReadFile(filepath.Join(dirs[0], "indicators.csv"))
	for _, want := range []string{"community,profession,indicator,value,lo,hi,n,unit,method,reason\n", "g,home-care-aide,messages,2.000000,,,,,,\n", "g,home-care-aide,reply_rate,1.000000,0.206549,1.000000,1,threads,wilson,\n"} {
		if !strings.Contains(string(ind), want) {
			t.Errorf("indicators.csv lacks %q", want)
		}
	}
	edges, _ := os.ReadFile(filepath.Join(dirs[0], "network", "g.edges.csv"))
	if lines := strings.Count(string(edges), "\n"); lines != 2 { // header and the one reply edge
		t.Errorf("edge CSV has %d lines:\n%s", lines, edges)
	}
}

// parquetStrings returns every value of the Parquet file at path, as
// text, one per line.
func parquetStrings(t *testing.T, path string) string {
	t.Helper()
	rows, err := parquet.ReadFile[any](path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%v\n", r)
	}
	if b.Len() == 0 && !strings.HasSuffix(path, "edges.parquet") {
		t.Errorf("%s: no rows", path)
	}
	return b.String()
}

// The Parquet tables hold what the CSV tables hold: two messages, one
// reply edge of weight 1, messages 2 and reply_rate 1 for the group g;
// with -partition always, one partition per community and month.
func TestDeriveParquet(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	if code := run([]string{"-study", "../privacy/testdata/study.json", "-out", dir, "-partition", "always"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "community/month partitions") {
		t.Errorf("stdout: %s", out.String())
	}
	// Standard error is no terminal: the load's line per file, no bar.
	if e := errOut.String(); !strings.Contains(e, "load: raw/posts.csv ") || strings.ContainsAny(e, "\r█") {
		t.Errorf("stderr: %q", e)
	}
	parts, _ := filepath.Glob(filepath.Join(dir, "parquet", "messages", "community=g", "month=*", "part-0.parquet"))
	if len(parts) == 0 {
		t.Fatalf("no partition of g: %s", errOut.String())
	}
	n := 0
	for _, p := range parts {
		n += strings.Count(parquetStrings(t, p), "\n")
	}
	if n != 2 {
		t.Errorf("%d messages in the partitions, want 2", n)
	}
	edges := parquetStrings(t, filepath.Join(dir, "parquet", "edges.parquet"))
	if strings.Count(edges, "\n") != 1 || !strings.Contains(edges, "weight:1") {
		t.Errorf("edges: %s", edges)
	}
	ind := parquetStrings(t, filepath.Join(dir, "parquet", "indicators.parquet"))
	// A count has no interval; the one answered thread's Wilson interval
	// is [1/(1 + z²), 1].
	for _, want := range []string{"indicator:messages lo:<nil> method:<nil> n:<nil> profession:home-care-aide reason:<nil> unit:<nil> value:2", "hi:1 indicator:reply_rate lo:0.20654931437723745 method:wilson n:1 profession:home-care-aide reason:<nil> unit:threads value:1"} {
		if !strings.Contains(ind, want) {
			t.Errorf("indicators lack %q", want)
		}
	}
	if code := run([]string{"-study", "../privacy/testdata/study.json", "-out", dir, "-partition", "sometimes"}, &out, &errOut); code != 2 {
		t.Errorf("-partition sometimes: exit %d", code)
	}
}

// The study file's "coding" chooses the coder: with "trained" and its
// gold file, indicators.csv holds the trained coder's shares and their
// corrected rows (the two-message study has too few gold messages per
// question type: empty with the reason); with -gold none, no corrected
// row; an unknown coder stops derive at the study file.
func TestDeriveCodingChoice(t *testing.T) {
	raw, err := filepath.Abs("../privacy/testdata/raw/posts.csv")
	if err != nil {
		t.Fatal(err)
	}
	gold, _ := filepath.Abs("../../analysis/coder/testdata/single-coder-2019.csv")
	dir := t.TempDir()
	write := func(coding string) string {
		study := filepath.Join(dir, "study.json")
		spec := fmt.Sprintf(`{"name": "canary", "synthetic": true, "communities": [{"id": "g", "platform": "facebook", "profession": "home-care-aide",
  "sources": [{"files": [%q], "format": "auto"}]}], "coding": %s}`, raw, coding)
		if err := os.WriteFile(study, []byte(spec), 0o644); err != nil {
			t.Fatal(err)
		}
		return study
	}
	study := write(fmt.Sprintf(`{"coder": "trained", "gold": %q}`, gold))
	var out, errOut bytes.Buffer
	if code := run([]string{"-study", study, "-out", filepath.Join(dir, "a")}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "messages coded by the trained coder (120 gold messages, ") || !strings.Contains(errOut.String(), " gold threads)") {
		t.Errorf("stderr: %s", errOut.String())
	}
	ind, _ := os.ReadFile(filepath.Join(dir, "a", "indicators.csv"))
	for _, want := range []string{"g,home-care-aide,theme_share_corrected_conditions,", "g,home-care-aide,question_share_corrected,",
		"g,home-care-aide,question_type_share_corrected_none,,,,,,,questions of no type are not a label of the coder's cross-validation: not corrected\n"} {
		if !strings.Contains(string(ind), want) {
			t.Errorf("indicators.csv lacks %q", want)
		}
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"-study", study, "-gold", "none", "-out", filepath.Join(dir, "b")}, &out, &errOut); code == 0 {
		t.Errorf("trained coder without gold codes: exit 0")
	} else if !strings.Contains(errOut.String(), "the trained coder needs gold codes") {
		t.Errorf("stderr: %s", errOut.String())
	}
	study = write(`{}`)
	if code := run([]string{"-study", study, "-gold", "none", "-out", filepath.Join(dir, "c")}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if ind, _ := os.ReadFile(filepath.Join(dir, "c", "indicators.csv")); strings.Contains(string(ind), "corrected") {
		t.Errorf("-gold none: corrected rows written")
	}
	study = write(`{"coder": "bert"}`)
	errOut.Reset()
	if code := run([]string{"-study", study, "-out", filepath.Join(dir, "d")}, &out, &errOut); code == 0 || !strings.Contains(errOut.String(), `coding.coder": want keyword or trained, not "bert"`) {
		t.Errorf("unknown coder: exit %d, %s", code, errOut.String())
	}
}
