package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// derive runs scripts/derive on a study of the repository into a
// temporary folder, and returns it.
func derive(t *testing.T, study, partition string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("derives a study")
	}
	out := t.TempDir()
	cmd := exec.Command("go", "run", "./scripts/derive", "-study", study, "-out", out, "-partition", partition)
	cmd.Dir = filepath.Join("..", "..")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("derive %s: %v\n%s", study, err, stderr.String())
	}
	return out
}

// communities counts the rows of communities.csv.
func communities(t *testing.T, dir string) int {
	t.Helper()
	recs, err := readCSV(filepath.Join(dir, "communities.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return len(recs) - 1
}

// The synthetic sample (five communities), derived as
// one Parquet file: DuckDB reads back every indicator row and edge, and
// recomputes messages, authors and reply_rate of every community from the
// messages table exactly as indicators.csv has them.
func TestSample(t *testing.T) {
	dir := derive(t, "data/study.json", "never")
	if _, err := os.Stat(filepath.Join(dir, "parquet", "messages", "part-0.parquet")); err != nil {
		t.Fatal(err)
	}
	res, err := Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diffs {
		t.Error(d)
	}
	n := communities(t, dir)
	// The chat (no reply links) has no reply_rate to recompute: its
	// indicators.csv value is empty, with its reason.
	if n != 5 || res.Recomputed != 3*n-1 || res.Edges == 0 || res.IndicatorRows == 0 {
		t.Errorf("%d communities; %v", n, res)
	}
	t.Log(res)

	// A wrong value in indicators.csv is found twice: against
	// indicators.parquet and against the count DuckDB makes.
	b, _ := os.ReadFile(filepath.Join(dir, "indicators.csv"))
	lines := strings.Split(string(b), "\n")
	changed := false
	for i, l := range lines {
		if strings.HasPrefix(l, "avs,home-care-aide,messages,") {
			lines[i] = "avs,home-care-aide,messages,1.000000,"
			changed = true
		}
	}
	if !changed {
		t.Fatal("no messages row for avs")
	}
	os.WriteFile(filepath.Join(dir, "indicators.csv"), []byte(strings.Join(lines, "\n")), 0o644)
	res, err = Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diffs) != 2 || !strings.Contains(res.Diffs[0], "indicators row") || !strings.Contains(res.Diffs[1], "messages of avs: DuckDB ") {
		t.Errorf("diffs after changing avs's messages: %q", res.Diffs)
	}
}

// A one-group study derived with community/month partitions: DuckDB reads
// them with hive_partitioning and finds the same values.
func TestPartitioned(t *testing.T) {
	dir := derive(t, "scripts/testdata/shapes/one-group/one-group.json", "always")
	parts, _ := filepath.Glob(filepath.Join(dir, "parquet", "messages", "community=*", "month=*", "part-0.parquet"))
	if len(parts) < 2 {
		t.Fatalf("%d partitions", len(parts))
	}
	res, err := Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diffs {
		t.Error(d)
	}
	if n := communities(t, dir); res.Recomputed != 3*n {
		t.Errorf("%d communities; %v", n, res)
	}
	t.Log(res)
}
