package coder

import (
	"os"
	"path/filepath"
	"testing"
)

// A gold file without an agreement file beside it (a hand-made one) has
// no round, and the next round keeps its number; a broken agreement
// file is an error.
func TestThreadRounds(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "gold-threads.csv"), "unit\n")
	write(filepath.Join(dir, "round2", "gold-threads.csv"), "unit\n")
	write(filepath.Join(dir, "round2", ThreadReliabilityFile), "\ufeffvariable;pairable_units;alpha;alpha_lo;alpha_hi;level;coder_a;coder_b;both_coded;agreement;kappa\n"+
		"status;10;0.600000;0.200000;0.900000;0.950000;A;B;10;0.800000;0.590000\n")
	rounds, err := ThreadRounds(GoldThreadFiles(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(rounds) != 1 || rounds[0].Round != 2 || rounds[0].File != filepath.Join(dir, "round2", ThreadReliabilityFile) {
		t.Fatalf("rounds %+v", rounds)
	}
	a, ok := rounds[0].Agreement("status")
	if !ok || a.Units != 10 || a.Alpha != 0.6 || a.Lo != 0.2 || a.Hi != 0.9 || a.Kappa != 0.59 {
		t.Errorf("status %+v", a)
	}
	if _, ok := rounds[0].Agreement("sources"); ok {
		t.Error("sources found in a file without them")
	}
	write(filepath.Join(dir, ThreadReliabilityFile), "not;a;reliability\n")
	if _, err := ThreadRounds(GoldThreadFiles(dir)); err == nil {
		t.Error("a broken agreement file read")
	}
}
