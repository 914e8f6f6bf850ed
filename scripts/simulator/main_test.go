package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var log bytes.Buffer
	if err := run([]string{"--seed", "5", "--scale", "0.02", "--out", dir, "--formats", "4cat, observations"}, &log); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"study.json", "raw/en-colere/4cat_en-colere.csv", "raw/observations/panels.csv"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "raw", "truth")); err == nil {
		t.Error("truth written though not asked for")
	}
	if !strings.Contains(log.String(), "en-colere") || !strings.Contains(log.String(), "seed 5, scale 0.02") {
		t.Errorf("summary:\n%s", log.String())
	}
}

func TestRunErrors(t *testing.T) {
	for _, args := range [][]string{{"--scale", "0"}, {"--formats", "xml"}, {"extra"}, {"--seed", "x"}} {
		if err := run(append(args, "--out", t.TempDir()), &bytes.Buffer{}); err == nil {
			t.Errorf("run(%v) accepted", args)
		}
	}
}
