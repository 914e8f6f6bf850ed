package paper

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// Figures 3 and 4 say which coder coded and whether the shares are
// corrected; with gold codes their data carry the corrected shares the
// measured result holds, and the bars are those shares.
func TestThemeFiguresSayTheCoder(t *testing.T) {
	cb := codebook(t)
	gold, err := themes.LoadSample(filepath.Join(repo.Root(), "analysis/coder/testdata/single-coder-2019.csv"))
	if err != nil {
		t.Fatal(err)
	}
	opts := stats.Options{Reps: 200}
	for _, c := range []struct {
		ch       coder.Choice
		fr, en   string
		uncorr   bool
		wantCode string
	}{
		{coder.Choice{}, "Codage : mots-clés de la grille de codage. Sans codes de référence, les parts ne sont pas corrigées", "Coded by the codebook's keywords. Without gold codes, the shares are not corrected", true, themes.KeywordCoder},
		{coder.Choice{Gold: gold}, "Codage : mots-clés de la grille de codage. Barres : parts corrigées de l'erreur du codage mesurée par validation croisée sur les 120 messages de référence (comptage ajusté, Forman 2008)",
			"Coded by the codebook's keywords. Bars: shares corrected for the coder's error measured by cross-validation on the 120 gold messages (adjusted classify and count, Forman 2008)", false, themes.KeywordCoder},
		{coder.Choice{Coder: coder.Name, Gold: gold}, "Codage : modèle entraîné sur 120 messages de référence", "Coded by a model trained on 120 gold messages", false, coder.Name},
	} {
		r, _, err := coder.Measure(normsFixture(), cb, c.ch, opts)
		if err != nil {
			t.Fatal(err)
		}
		f, err := F03Themes(r, testProv)
		if err != nil {
			t.Fatal(err)
		}
		if want := figure.T(c.fr, c.en); !strings.Contains(f.Caption, want) {
			t.Errorf("%s: F03 caption %q lacks %q", c.wantCode, f.Caption, want)
		}
		head := csvLines(t, f)[0]
		if !strings.HasSuffix(head, ",coder,corrected,corrected_lo,corrected_hi,corrected_n,corrected_method,corrected_reason") {
			t.Errorf("F03 header %s", head)
		}
		// Row 1 is aides' first theme: its coder and corrected share.
		row := f.Data.Rows[0]
		if row[11] != c.wantCode {
			t.Errorf("F03 coder column %q, want %q", row[11], c.wantCode)
		}
		want := math.NaN()
		if !c.uncorr {
			want = r.Groups[0].Corrected.Themes[0].Value
		}
		if got := row[12]; got != figure.Cell(want) {
			t.Errorf("%s: corrected %s, want %v", c.wantCode, got, want)
		}
		f4, err := F04QuestionTypes(r, testProv)
		if err != nil {
			t.Fatal(err)
		}
		code := figure.T("Codage : ", "Coded by ")
		if !strings.Contains(f4.Caption, code) || !strings.Contains(f4.Caption, "corrig") && !strings.Contains(f4.Caption, "correct") {
			t.Errorf("F04 caption %q", f4.Caption)
		}
	}
}
