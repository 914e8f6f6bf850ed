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

// Table 3 gives the cross-validated scores of both coders on the same
// folds (the trained model's, the keyword codebook's in brackets) and,
// beside the κ against the synthetic truth, the simulator's stem overlap
// with the codebook.
func TestT3CrossValidatedAndOverlap(t *testing.T) {
	cb := codebook(t)
	gold, err := themes.LoadSample(filepath.Join(repo.Root(), "analysis/coder/testdata/single-coder-2019.csv"))
	if err != nil {
		t.Fatal(err)
	}
	cv, err := coder.CrossValidate(gold, cb, coder.CVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, err := themes.ValidateTruth(cb, normsFixture(), []themes.Truth{{ID: "a1", Themes: []string{"conditions"}, QuestionType: "rights"}, {ID: "a6", Themes: []string{"support"}}})
	if err != nil {
		t.Fatal(err)
	}
	r := themes.NewReport(cb, codedSample(), &v)
	r.CrossValidated, r.CrossFolds = cv.Scores(), cv.Folds
	r.Overlap = []themes.StemOverlap{{Theme: "support", Stems: 10, Shared: 3, Fraction: 0.3}}
	f, err := T3CodebookValidation(r, testProv)
	if err != nil {
		t.Fatal(err)
	}
	hasLines(t, f, "truth,category,support,2,1,1,1.000000,1.000000,1.000000,1.000000,1.000000,NaN,NaN,NaN,0.300000",
		"truth,category,conditions,2,1,1,1.000000,1.000000,1.000000,1.000000,1.000000,NaN,NaN,NaN,NaN")
	l, _ := cv.Label("conditions")
	for ref, s := range map[string]themes.Score{"cross-validated-trained": l.Trained, "cross-validated-keyword": l.Keyword} {
		want := strings.Join([]string{ref, "category", "conditions", "120", figure.Cell(s.Support), figure.Cell(s.Predicted), figure.Cell(s.Precision), figure.Cell(s.Recall), figure.Cell(s.F1), figure.Cell(s.Kappa),
			figure.Cell(float64(s.TP+s.TN) / 120), "NaN", "NaN", "NaN", "NaN"}, ",")
		hasLines(t, f, want)
	}
	shown := f.Drawing.(figure.TableDrawing).Table
	found := false
	for _, row := range shown.Rows {
		if strings.Contains(row[0], flat(themeLabel(cb, "conditions"))) && row[4] == figure.Number(l.Trained.F1, 2)+" ("+figure.Number(l.Keyword.F1, 2)+")" {
			found = true
		}
	}
	if !found {
		t.Errorf("no conditions row with both F1 in the shown table: %v", shown.Rows)
	}
	joined := ""
	for _, row := range shown.Rows {
		joined += strings.Join(row, "|") + "\n"
	}
	if !strings.Contains(joined, " · "+figure.Percent(0.3)) {
		t.Errorf("no stem overlap beside the truth's κ:\n%s", joined)
	}
}
