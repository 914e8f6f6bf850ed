package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The test study holds the canary author "Zéphirine
// Canari".
const testStudy = "testdata/study.json"

func TestRunFindsCanaryAndPassesClean(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean")
	leaky := filepath.Join(dir, "leaky")
	os.MkdirAll(clean, 0o755)
	os.MkdirAll(leaky, 0o755)
	os.WriteFile(filepath.Join(clean, "messages.csv"), []byte("avs,u-abcdefghij,bonjour à toutes\n"), 0o644)
	os.WriteFile(filepath.Join(leaky, "figure.svg"), []byte("<text>merci Zéphirine Canari</text>\n"), 0o644)

	var out, errOut bytes.Buffer
	if code := run([]string{"-study", testStudy, clean}, &out, &errOut); code != 0 {
		t.Fatalf("clean folder: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := run([]string{"-study", testStudy, leaky}, &out, &errOut); code != 1 {
		t.Fatalf("leaky folder: exit %d, want 1\n%s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "figure.svg:1: name z… c… (16)") || strings.Contains(strings.ToLower(out.String()), "canari") {
		t.Errorf("report:\n%s", out.String())
	}
	if code := run([]string{"-study", filepath.Join(dir, "nope.json"), clean}, &out, &errOut); code != 2 {
		t.Errorf("missing study: exit %d, want 2", code)
	}
}
