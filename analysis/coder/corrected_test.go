package coder

import (
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// Each corrected row is Prevalence of the group's coded count with the
// codebook's confusion on the gold codes; a theme whose gold codes hold
// fewer than DefaultMinPositives messages with it has a reason, no value.
func TestKeywordCorrectedRows(t *testing.T) {
	cb := studyCodebook(t)
	gold, err := themes.LoadSample(filepath.Join(repo.Root(), "data/codebook/hand-coded.csv"))
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2019, 3, 1, 9, 0, 0, 0, time.UTC)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "g", Platform: corpus.Facebook, Profession: corpus.HomeCareAide}}}
	for i, text := range []string{"mon employeur ne paie pas mes frais km", "vous faites comment la toilette ?", "bon courage à toutes", "la réforme du grand âge", "merci"} {
		c.Messages = append(c.Messages, corpus.Message{Platform: corpus.Facebook, Community: "g", ID: string(rune('a' + i)), Kind: corpus.Post, Author: "A", Created: at.Add(time.Duration(i) * time.Hour), Text: text})
	}
	r := themes.Measure(c, cb)
	opts := PrevalenceOptions{Options: stats.Options{Reps: 200}}
	rows := KeywordCorrectedRows(r, gold, opts)
	v := themes.Validate(cb, gold)
	if len(rows) != 2*len(cb.Categories) {
		t.Fatalf("%d rows", len(rows))
	}
	for _, row := range rows {
		if row.Community != "g" {
			continue
		}
		for i, cat := range cb.CategoryIDs() {
			if row.Indicator != "theme_share_corrected_"+cat {
				continue
			}
			sc := v.Categories[i]
			if sc.TP+sc.FN < DefaultMinPositives {
				if row.Reason == "" || !math.IsNaN(row.Value) {
					t.Errorf("%s: %d gold positives, row %+v", cat, sc.TP+sc.FN, row)
				}
				continue
			}
			want := Prevalence(r.Groups[0].Themes[i], r.Groups[0].Messages, Rates{TP: sc.TP, FP: sc.FP, FN: sc.FN, TN: sc.TN}, opts)
			if !same(row.Value, want.Value) || !same(row.Lo, want.Lo) || !same(row.Hi, want.Hi) || row.Method != MethodACC || row.N != 5 {
				t.Errorf("%s: row %+v, want %+v", cat, row, want.Estimate)
			}
		}
	}
}

func same(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
