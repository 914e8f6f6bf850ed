package twitter_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/load/twitter"
)

// loadPrint loads paths and prints everything the load gives: the corpus
// as JSON, the report, its rejections and conflicts, and the error.
func loadPrint(t *testing.T, paths []string, workers int, reference bool) (string, *corpus.Corpus) {
	t.Helper()
	twitter.SetReferenceDecoder(reference)
	defer twitter.SetReferenceDecoder(false)
	c, rep, err := load.Files(paths, load.Options{Key: testKey, Now: loadNow, KeepGoing: true, Workers: workers})
	var b strings.Builder
	cj, jerr := json.Marshal(c)
	if jerr != nil {
		t.Fatal(jerr)
	}
	b.Write(cj)
	if rep != nil {
		b.WriteString(rep.String())
		for _, f := range rep.Files {
			fmt.Fprintf(&b, "\n%s %s %d %d %d err=%v", f.Path, f.SHA256, f.Records, f.Loaded, f.Rejected, f.Err)
			for _, r := range f.Rejections {
				b.WriteString("\n  " + r.Error())
			}
			for _, c := range f.Conflicts {
				b.WriteString("\n  " + c.String())
			}
		}
	}
	fmt.Fprintf(&b, "\nerr=%v", err)
	return b.String(), c
}

// TestV2FastLoads loads the twarc2 test files, the real twarc2 samples
// (when present) and the committed synthetic study's two twarc2 exports
// (24,065 messages with the real samples) with the reference decoder on one worker, and with
// v2Scanner on one worker and on two: the corpora, reports and
// rejections are the same, byte for byte.
func TestV2FastLoads(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the synthetic study's tweets three times")
	}
	paths := []string{
		filepath.Join("testdata", "twarc2"),
		filepath.Join("..", "..", "..", "data", "raw", "doctoctoc"),
	}
	if shared := filepath.Join("..", "..", "..", "..", "shared", "fixtures", "twarc2"); dirExists(shared) {
		paths = append(paths, shared)
	}
	want, c := loadPrint(t, paths, 1, true)
	if n := len(c.Messages); n < 1000 {
		t.Fatalf("reference load: %d messages", n)
	}
	t.Logf("%d messages", len(c.Messages))
	for _, w := range []int{1, 2} {
		if got, _ := loadPrint(t, paths, w, false); got != want {
			t.Errorf("v2Scanner on %d workers: the load differs from the reference decoder's (%d and %d bytes)", w, len(got), len(want))
		}
	}
}

func dirExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
