package loadtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// DetectAmongAll checks format's detection among every registered format
// (the calling test registers them, with a blank import of
// analysis/load): each file under roots for which mine(root, path) is
// true is detected as format, and format scores 0 on every other file.
// Fuzz corpora (folders named fuzz) are skipped. It fails t unless at
// least wantOurs files are format's and wantOthers are not.
func DetectAmongAll(t *testing.T, format string, mine func(root, path string) bool, wantOurs, wantOthers int, roots ...string) {
	t.Helper()
	own, ok := rawio.Lookup(format)
	if !ok {
		t.Fatalf("format %s not registered", format)
	}
	ours, others := 0, 0
	for _, root := range roots {
		filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.Contains(path, string(filepath.Separator)+"fuzz"+string(filepath.Separator)) {
				return nil
			}
			f, err := rawio.Open(path)
			if err != nil {
				return nil
			}
			defer f.Close()
			mine := mine(root, path)
			got, err := rawio.Detect(f.Head)
			switch {
			case mine && (err != nil || got.Name != own.Name):
				t.Errorf("%s: detected as %q (%v), want %s", path, got.Name, err, own.Name)
			case mine:
				ours++
			case own.Sniff(f.Head) != 0:
				t.Errorf("%s: %s scores %d", path, own.Name, own.Sniff(f.Head))
			default:
				others++
			}
			return nil
		})
	}
	if ours < wantOurs || others < wantOthers {
		t.Errorf("%d files of ours, %d others", ours, others)
	}
}

// SniffNone checks that format scores 0 on every file under dirs but
// those skip(path) names (its own canaries), and that at least min files
// were sniffed.
func SniffNone(t *testing.T, format string, skip func(path string) bool, min int, dirs ...string) {
	t.Helper()
	fm, ok := rawio.Lookup(format)
	if !ok {
		t.Fatalf("format %s not registered", format)
	}
	n := 0
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || skip(path) {
				return nil
			}
			f, err := rawio.Open(path)
			if err != nil {
				return nil
			}
			defer f.Close()
			n++
			if s := fm.Sniff(f.Head); s != 0 {
				t.Errorf("%s: %s sniffs %d", path, fm.Name, s)
			}
			return nil
		})
	}
	if n < min {
		t.Errorf("only %d other fixtures sniffed", n)
	}
}
