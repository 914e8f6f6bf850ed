package all

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/indicator/themes/themestest"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// Every family contributes its rows once, in canonical order, and each
// value is the one its family's package gives.
func TestIndicators(t *testing.T) {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	c := themestest.Corpus(7, 800)
	rows := Indicators(c, cb)
	seen := map[string]float64{}
	for _, r := range rows {
		k := r.Community + "|" + string(r.Profession) + "|" + r.Indicator
		if _, dup := seen[k]; dup {
			t.Errorf("row %s twice", k)
		}
		seen[k] = r.Value
	}
	sorted := append([]indicator.Row(nil), rows...)
	indicator.Sort(sorted)
	for i := range rows {
		if sorted[i].Community != rows[i].Community || sorted[i].Indicator != rows[i].Indicator || sorted[i].Profession != rows[i].Profession {
			t.Fatalf("row %d (%s %s) out of canonical order", i, rows[i].Community, rows[i].Indicator)
		}
	}
	for _, name := range []string{"messages", "gini_messages_per_author", "reply_rate", "off_hours_share", "retention_m1",
		"density", "theme_share_conditions", "consensual_share", "recurring_gap_days_median"} {
		found := false
		for k := range seen {
			if strings.HasSuffix(k, "|"+name) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s row", name)
		}
	}
	for _, r := range themes.Rows(c, cb) {
		k := r.Community + "|" + string(r.Profession) + "|" + r.Indicator
		if v, ok := seen[k]; !ok || indicator.FormatValue(v) != indicator.FormatValue(r.Value) {
			t.Errorf("%s = %v, themes.Rows gives %v", k, v, r.Value)
		}
	}
}
