package telegram_test

import (
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/faire-communaute/compendium/analysis/load" // registers every format
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/load/telegram"
)

// Detection among every registered format: this package's fixtures (and
// the real sample) are detected as telegram and as nothing else, and no
// fixture of the other readers (Facebook, Twitter, the load tests, the
// canaries, the other real samples) is claimed by it.
func TestDetectAmongAll(t *testing.T) {
	mine := func(root, path string) bool {
		return root == "testdata" || strings.Contains(path, filepath.Join("fixtures", "telegram")) || strings.Contains(path, filepath.Join("canary", "telegram"))
	}
	loadtest.DetectAmongAll(t, telegram.Format, mine, 1, 50, "testdata", filepath.Join("..", "facebook", "testdata"), filepath.Join("..", "twitter", "testdata"),
		filepath.Join("..", "testdata"), loadtest.SharedFixtures)
}
