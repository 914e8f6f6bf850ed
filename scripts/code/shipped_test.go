package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/repo"
)

// The shipped coding (data/codebook/coding): the reliability files Table 3
// reads are what `code reliability` computes from the two coders'
// committed sheets, and the gold file (data/codebook/hand-coded.csv) is
// what `code gold` makes of them with the committed adjudications.
func TestShippedCoding(t *testing.T) {
	dir := filepath.Join(repo.Root(), "data", "codebook", "coding")
	for _, kind := range []string{"messages", "threads"} {
		out := t.TempDir()
		args := []string{"reliability", "--out", out, filepath.Join(dir, kind+"-A.csv"), filepath.Join(dir, kind+"-B.csv")}
		if code := run(args, io.Discard, io.Discard); code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		compare(t, filepath.Join(out, "reliability.csv"), filepath.Join(dir, "reliability-"+kind+".csv"))
		gold := filepath.Join(out, "gold.csv")
		args = []string{"gold", "--sample", dir, "--adjudicated", filepath.Join(dir, "adjudicated-"+kind+".csv"), "--out", gold,
			filepath.Join(dir, kind+"-A.csv"), filepath.Join(dir, kind+"-B.csv")}
		if code := run(args, io.Discard, io.Discard); code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		want := filepath.Join(dir, "gold-threads.csv")
		if kind == "messages" {
			want = filepath.Join(repo.Root(), "data", "codebook", "hand-coded.csv")
		}
		compare(t, gold, want)
	}
	// The second round of threads (round2/) the same way.
	// Its --out folder does not exist yet: reliability creates it.
	r2 := filepath.Join(dir, "round2")
	out := filepath.Join(t.TempDir(), "round2")
	args := []string{"reliability", "--out", out, filepath.Join(r2, "threads-A.csv"), filepath.Join(r2, "threads-B.csv")}
	if code := run(args, io.Discard, io.Discard); code != 0 {
		t.Fatalf("%v: exit %d", args, code)
	}
	compare(t, filepath.Join(out, "reliability.csv"), filepath.Join(r2, "reliability-threads.csv"))
	gold := filepath.Join(out, "gold.csv")
	args = []string{"gold", "--sample", r2, "--adjudicated", filepath.Join(r2, "adjudicated-threads.csv"), "--out", gold,
		filepath.Join(r2, "threads-A.csv"), filepath.Join(r2, "threads-B.csv")}
	if code := run(args, io.Discard, io.Discard); code != 0 {
		t.Fatalf("%v: exit %d", args, code)
	}
	compare(t, gold, filepath.Join(r2, "gold-threads.csv"))
}

func compare(t *testing.T, got, want string) {
	t.Helper()
	a, err := os.ReadFile(got)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("%s differs from what scripts/code writes (%s): rerun it", want, got)
	}
}
