package progress

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/load"
)

// Off a terminal nothing is written: Load gives no hook, Step and the
// end functions do nothing, for a buffer and for a regular file alike.
func TestSilentOffTerminal(t *testing.T) {
	var buf bytes.Buffer
	hook, end := Load(&buf, "load")
	if hook != nil {
		t.Error("Load gave a hook for a buffer")
	}
	end()
	Step(&buf, "indicators")()
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Fatal("a regular file is a terminal")
	}
	hook, end = Load(f, "load")
	if hook != nil {
		t.Error("Load gave a hook for a regular file")
	}
	end()
	Step(f, "indicators")()
	if fi, _ := f.Stat(); fi.Size() != 0 || buf.Len() != 0 {
		t.Errorf("wrote %d bytes to the file, %q to the buffer", fi.Size(), buf.String())
	}
}

// A load shorter than the delay draws nothing; after it, the bar shows
// files, records and bytes.
func TestLoadBar(t *testing.T) {
	c := load.Counts{Files: 1, TotalFiles: 3, Bytes: 2 << 20, TotalBytes: 8 << 20, Records: 12345, File: "raw/a.tsv"}
	var quiet bytes.Buffer
	lb := newLoadBar(&quiet, "load", time.Now(), time.Hour)
	lb.update(c)
	lb.end()
	if quiet.Len() != 0 {
		t.Errorf("drew before the delay: %q", quiet.String())
	}
	var buf bytes.Buffer
	lb = newLoadBar(&buf, "load", time.Now(), 0)
	lb.update(c)
	out := buf.String()
	for _, want := range []string{"load 1/3 files, 12,345 records", "25%", "2.1/8.4 MB"} {
		if !strings.Contains(out, want) {
			t.Errorf("bar %q lacks %q", out, want)
		}
	}
	t.Logf("%q", out)
	lb.end()
}

func TestDescribe(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
	if got := Describe("derive", load.Counts{Files: 2, TotalFiles: 5, Records: 70000}); got != "derive 2/5 files, 70,000 records" {
		t.Errorf("Describe = %q", got)
	}
}
