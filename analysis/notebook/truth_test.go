package notebook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/repo"
	"github.com/faire-communaute/compendium/analysis/simulate"
)

// An absent truth is said; an unreadable one is an error, never "no truth".
func TestReadTruthAbsentOrUnreadable(t *testing.T) {
	dir := t.TempDir()
	synthetic := &corpus.Corpus{Study: "s", Synthetic: true}

	truth, absent, err := readTruth(&corpus.Corpus{Study: "real"}, filepath.Join(dir, "none.csv.gz"))
	if err != nil || truth != nil || !strings.Contains(absent, "pas synthétique") {
		t.Errorf("real study: %d rows, %q, %v; want the study is not synthetic", len(truth), absent, err)
	}

	missing := filepath.Join(dir, "truth", "messages.csv.gz")
	truth, absent, err = readTruth(synthetic, missing)
	if err != nil || truth != nil || !strings.Contains(absent, "absent") || !strings.Contains(absent, "messages.csv.gz") {
		t.Errorf("missing file: %d rows, %q, %v; want it said absent", len(truth), absent, err)
	}

	bad := filepath.Join(dir, "messages.csv.gz")
	if err := os.WriteFile(bad, []byte("not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, absent, err = readTruth(synthetic, bad); err == nil || absent != "" {
		t.Errorf("corrupt file: %q, %v; want an error", absent, err)
	}

	unreadable := filepath.Join(dir, "dir.csv")
	if err := os.Mkdir(unreadable, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, absent, err = readTruth(synthetic, unreadable); err == nil || absent != "" {
		t.Errorf("a folder in place of the file: %q, %v; want an error", absent, err)
	}
}

func TestReadTruthOfTheSample(t *testing.T) {
	path := simulate.TruthPath(filepath.Join(repo.Root(), "data", "study.json"))
	if _, err := os.Stat(path); err != nil {
		t.Skip("no sample truth:", err)
	}
	truth, absent, err := readTruth(&corpus.Corpus{Study: "sample", Synthetic: true}, path)
	if err != nil || absent != "" || len(truth) == 0 {
		t.Fatalf("sample truth: %d rows, %q, %v", len(truth), absent, err)
	}
}
