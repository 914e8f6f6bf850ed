package telegram_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/faire-communaute/compendium/analysis/load" // registers every format
	"github.com/faire-communaute/compendium/analysis/load/telegram"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Detection among every registered format: this package's fixtures (and
// the real sample) are detected as telegram and as nothing else, and no
// fixture of the other readers (Facebook, Twitter, the load tests, the
// canaries, the other real samples) is claimed by it.
func TestDetectAmongAll(t *testing.T) {
	own, _ := rawio.Lookup(telegram.Format)
	roots := []string{"testdata", filepath.Join("..", "facebook", "testdata"), filepath.Join("..", "twitter", "testdata"),
		filepath.Join("..", "testdata"), filepath.Join("..", "..", "..", "..", "shared", "fixtures")}
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
			mine := root == "testdata" || strings.Contains(path, filepath.Join("fixtures", "telegram")) || strings.Contains(path, filepath.Join("canary", "telegram"))
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
	if ours < 1 || others < 50 {
		t.Errorf("%d files of ours, %d others", ours, others)
	}
}
