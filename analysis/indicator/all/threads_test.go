package all

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// Per group, three corrected status shares and one citing share per
// source kind; with the six hand-made gold threads (one consensual) the
// trained coder's status shares are not corrected, each row saying why.
func TestThreadGoldRows(t *testing.T) {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	c := indicatortest.Corpus(400, 3)
	if rows, err := ThreadGoldRows(c, cb, nil, ""); rows != nil || err != nil {
		t.Fatalf("without gold: %d rows, %v", len(rows), err)
	}
	gold, err := coder.LoadGoldThreads(cb, filepath.Join(repo.Root(), "analysis/coder/testdata/threads-gold.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := ThreadGoldRows(c, cb, gold, "")
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]bool{}
	for _, r := range rows {
		groups[r.Community+"/"+string(r.Profession)] = true
		if strings.HasSuffix(r.Indicator, "_share_corrected") && r.Reason == "" && r.Value == r.Value {
			t.Errorf("%s %s corrected to %v with one consensual gold thread", r.Community, r.Indicator, r.Value)
		}
	}
	if want := len(groups) * (3 + len(cb.SourceKinds())); len(rows) != want || len(groups) != len(indicator.Groups(c)) {
		t.Errorf("%d rows for %d groups, want %d", len(rows), len(groups), want)
	}
}
