package load_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/load"
)

// sharedDir is ../shared/fixtures, the real public exports CI has; tests
// on it are skipped when it is absent (a user's clone).
func sharedDir(t *testing.T) string {
	t.Helper()
	for _, d := range []string{"../../../shared/fixtures", "/work/shared/fixtures"} {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	t.Skip("../shared/fixtures absent")
	return ""
}

// The real public exports load through the whole loader (detection,
// pseudonymisation, the central checks of ids and times) with every
// record accounted for, and with the counts of the fixtures' README.
func TestSharedFixturesAccounted(t *testing.T) {
	dir := sharedDir(t)
	for _, c := range []struct {
		file             string
		format           string
		records, loaded  int
		rejected, copies int // copies: duplicates and conflicting
	}{
		{"twarc2/twarc-csv_brexit.jsonl", "twarc2", 100, 100, 0, 0},
		{"twarc2/twarc-csv_flat.jsonl", "twarc2", 100, 100, 0, 0},
		{"twarc2/twarc-csv_two_tweets.jsonl", "twarc2", 1, 1, 0, 0},
		{"twarc2/twarc-csv_streaming_output_with_error.jsonl", "twarc2", 8, 7, 1, 0},
		{"twarc2/twitwi_payload-v2.json", "twarc2", 10, 10, 0, 0},
		// The last tweet twice: cut short ("…") and in full, a duplicate.
		{"twitter-v1/twitwi_normalization_sources.jsonl", "twitter-v1", 9, 8, 0, 1},
		// Two seeds are loaded as group records; five offcut nodes (the rest of
		// an API response) are rejected as not messages.
		{"facepager/datavana_example.csv", "facepager", 24, 19, 5, 0},
	} {
		path := filepath.Join(dir, c.file)
		_, rep, err := load.Files([]string{path}, load.Options{Key: []byte("shared fixtures test key")})
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		f := rep.Files[0]
		if f.Format != c.format || f.Records != c.records || f.Loaded != c.loaded || f.Rejected != c.rejected || f.Duplicates+f.Conflicting != c.copies {
			t.Errorf("%s: %s records %d loaded %d duplicates %d conflicting %d rejected %d (%v); want %s %d %d %d copies %d",
				c.file, f.Format, f.Records, f.Loaded, f.Duplicates, f.Conflicting, f.Rejected, f.Rejections, c.format, c.records, c.loaded, c.copies, c.rejected)
		}
		if f.Records != f.Loaded+f.Duplicates+f.Conflicting+f.Rejected {
			t.Errorf("%s: records %d != loaded + duplicates + conflicting + rejected", c.file, f.Records)
		}
	}
}
