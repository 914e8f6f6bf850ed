package notebook

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// The notebooks measure with the coder their study file chooses, with
// its gold file: "trained" codes with the fold models and corrects the
// shares, recording the gold file as an input; without the gold file,
// the keyword codebook's shares are not corrected.
func TestMeasureThemesFollowsTheStudy(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(repo.Root(), "analysis", "coder", "testdata", "single-coder-2019.csv")
	at := time.Date(2019, 3, 1, 9, 0, 0, 0, time.UTC)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "g", Platform: corpus.Facebook, Profession: corpus.HomeCareAide}}}
	for i, text := range []string{"mon employeur ne paie pas mes frais km", "vous faites comment la toilette ?", "bon courage à toutes"} {
		c.Messages = append(c.Messages, corpus.Message{Platform: corpus.Facebook, Community: "g", ID: fmt.Sprint(i), Kind: corpus.Post, Author: fmt.Sprint("A", i), Created: at.Add(time.Duration(i) * time.Hour), Text: text})
	}
	cb := Codebook()
	for _, x := range []struct {
		coding, coder string
		gold          int
	}{
		{fmt.Sprintf(`, "coding": {"coder": "trained", "gold": %q}`, gold), coder.Name, 120},
		{`, "coding": {"gold": "absent.csv"}`, themes.KeywordCoder, 0},
	} {
		study := filepath.Join(dir, "study.json")
		if err := os.WriteFile(study, []byte(`{"name": "s", "communities": [{"id": "g", "platform": "facebook"}]`+x.coding+`}`), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Setenv(load.EnvStudy, study)
		r, rep, in := MeasureThemes(c, cb)
		if r.Coder != x.coder {
			t.Errorf("coder %q, want %q", r.Coder, x.coder)
		}
		switch x.gold {
		case 0:
			if rep != nil || r.Correction != nil || in.Path != "" {
				t.Errorf("no gold file: report %v, correction %v, input %v", rep, r.Correction, in)
			}
		default:
			if rep == nil || r.Correction == nil || r.Correction.Gold != x.gold || in.Path != "analysis/coder/testdata/single-coder-2019.csv" || r.Groups[0].Corrected == nil {
				t.Errorf("gold file: report %v, correction %+v, input %+v", rep != nil, r.Correction, in)
			}
		}
	}
}

// The shipped rounds: the agreement files beside the two gold files, as
// `scripts/code reliability` wrote them (data/codebook/coding and its
// round2 folder), with their inputs.
func TestThreadReliabilityShipped(t *testing.T) {
	dir := filepath.Join(repo.Root(), "data", "codebook", "coding")
	rounds, ins := ThreadReliability(coder.GoldThreadFiles(dir))
	if len(rounds) != 2 || len(ins) != 2 {
		t.Fatalf("%d rounds, %d inputs, want 2", len(rounds), len(ins))
	}
	for i, want := range []struct {
		file                  string
		units                 int
		alpha, sources, kappa float64
	}{
		{"data/codebook/coding/reliability-threads.csv", 40, 0.789427, 0.969158, 0.788732},
		{"data/codebook/coding/round2/reliability-threads.csv", 100, 0.879011, 0.986005, 0.878543},
	} {
		r := rounds[i]
		st, ok := r.Agreement("status")
		src, ok2 := r.Agreement("sources")
		if r.Round != i+1 || !ok || !ok2 || st.Units != want.units || st.Alpha != want.alpha || st.Kappa != want.kappa || src.Alpha != want.sources {
			t.Errorf("round %d: %+v", i+1, r)
		}
		if ins[i].Path != want.file || len(ins[i].SHA256) != 64 {
			t.Errorf("input %d: %+v", i, ins[i])
		}
	}
}
