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
