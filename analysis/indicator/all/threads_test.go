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
// status shares are not corrected, each row saying why; without gold
// threads there is no corrected row.
func TestIndicatorsCodedThreads(t *testing.T) {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	c := indicatortest.Corpus(400, 3)
	correctedRows := func(threads []coder.Thread) []indicator.Row {
		t.Helper()
		all, err := IndicatorsCoded(c, cb, nil, coder.Choice{}, nil, threads)
		if err != nil {
			t.Fatal(err)
		}
		var rows []indicator.Row
		for _, r := range all {
			if strings.HasPrefix(r.Indicator, "citing_share_corrected_") || strings.HasSuffix(r.Indicator, "_share_corrected") && !strings.HasPrefix(r.Indicator, "question") {
				rows = append(rows, r)
			}
		}
		return rows
	}
	if rows := correctedRows(nil); rows != nil {
		t.Fatalf("without gold threads: %d corrected rows", len(rows))
	}
	gold, err := coder.LoadGoldThreads(cb, filepath.Join(repo.Root(), "analysis/coder/testdata/threads-gold.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := correctedRows(gold)
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
