package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func figure(t *testing.T, dir, id, csv string, shade uint8) {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 20, 10))
	for i := range img.Pix {
		img.Pix[i] = shade
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, id+".csv"), csv)
	write(t, filepath.Join(dir, id+".svg"), "<svg/>")
	write(t, filepath.Join(dir, id+".png"), buf.String())
	write(t, filepath.Join(dir, id+".json"), `{"id":"`+id+`","title":"T","goarch":"amd64","revision":"r1"}`)
}

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCLI(t *testing.T) {
	dir := t.TempDir()
	figure(t, dir, "t1-groups", "g,n\na,1\n", 200)
	figure(t, dir, "f02-members", "s,n\nAVS,3977\n", 100)

	code, out, errs := runCLI(t, "-update", dir)
	if code != 0 || out != "added f02-members\nadded t1-groups\nwrote "+filepath.Join(dir, "manifest.json")+": 2 figures, 2 changed\n" {
		t.Fatalf("update: %d %q %q", code, out, errs)
	}
	code, out, _ = runCLI(t, "-goarch", "amd64", dir)
	if code != 0 || out != "ok   f02-members\nok   t1-groups\nfigures: 2 checked, 2 matching, 0 failing\n" {
		t.Fatalf("check: %d %q", code, out)
	}

	// Keep a baseline, then drift the data of one figure and the pixels of another.
	base := t.TempDir()
	if err := os.CopyFS(base, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "f02-members.csv"), "s,n\nAVS,3978\n")
	figure(t, dir, "t1-groups", "g,n\na,1\n", 0)
	rep := filepath.Join(t.TempDir(), "rep")
	code, out, _ = runCLI(t, "-goarch", "arm64", "-baseline", base, "-report", rep, dir)
	for _, want := range []string{
		"FAIL f02-members: data changed (csv sha256 ",
		`first differing line 2: "AVS,3977" → "AVS,3978"`,
		"FAIL t1-groups: render changed beyond tolerance on arm64 (accepted on amd64): 200 of 200 pixels (100.00%",
		"figures: 2 checked, 0 matching, 2 failing\n",
		"report: " + filepath.Join(rep, "index.html"),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code != 1 {
		t.Errorf("exit = %d, want 1", code)
	}
	page, err := os.ReadFile(filepath.Join(rep, "index.html"))
	if err != nil || !strings.Contains(string(page), "f02-members") {
		t.Errorf("report: %v", err)
	}
	if _, err := os.Stat(filepath.Join(rep, "t1-groups.diff.png")); err != nil {
		t.Error(err)
	}

	// Update reports what changed.
	code, out, _ = runCLI(t, "-update", dir)
	if code != 0 || !strings.HasPrefix(out, "changed f02-members (csv_sha256)\nchanged t1-groups (png_sha256)\n") {
		t.Fatalf("update: %d %q", code, out)
	}
}

func TestCLIOtherArchTolerance(t *testing.T) {
	dir, base := t.TempDir(), t.TempDir()
	figure(t, base, "t1", "a\n", 200)
	figure(t, dir, "t1", "a\n", 204) // within 8/255
	if code, _, errs := runCLI(t, "-update", base); code != 0 {
		t.Fatal(errs)
	}
	m, _ := os.ReadFile(filepath.Join(base, "manifest.json"))
	write(t, filepath.Join(dir, "manifest.json"), string(m))
	code, out, _ := runCLI(t, "-goarch", "riscv64", "-baseline", base, dir)
	if code != 0 || !strings.HasPrefix(out, "ok   t1 (png within tolerance on riscv64 (accepted on amd64): 0 of 200 pixels") {
		t.Fatalf("%d %q", code, out)
	}
	code, out, _ = runCLI(t, "-goarch", "amd64", "-report", filepath.Join(t.TempDir(), "r"), dir)
	if code != 1 || !strings.Contains(out, "FAIL t1: render changed on amd64 (png sha256") {
		t.Fatalf("%d %q", code, out)
	}
}

func TestCLIUsageErrors(t *testing.T) {
	if code, _, errs := runCLI(t); code != 2 || !strings.Contains(errs, "usage: figcheck") {
		t.Errorf("no args: %d %q", code, errs)
	}
	if code, _, _ := runCLI(t, "-nope", "x"); code != 2 {
		t.Errorf("bad flag: %d", code)
	}
	if code, _, errs := runCLI(t, filepath.Join(t.TempDir(), "absent")); code != 2 || !strings.Contains(errs, "is not a directory") {
		t.Errorf("absent dir: %d %q", code, errs)
	}
	dir := t.TempDir()
	if code, _, errs := runCLI(t, dir); code != 2 || !strings.Contains(errs, "scripts/reproduce --update") {
		t.Errorf("no manifest: %d %q", code, errs)
	}
	write(t, filepath.Join(dir, "x.csv"), "a\n")
	if code, _, errs := runCLI(t, "-update", dir); code != 2 || !strings.Contains(errs, "x: incomplete, missing x.svg, x.png, x.json") {
		t.Errorf("incomplete update: %d %q", code, errs)
	}
}
