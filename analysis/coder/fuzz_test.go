package coder

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
)

var fuzzModel = sync.OnceValue(func() *Model {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		panic(err)
	}
	gold, err := themes.LoadSample(filepath.Join(repo.Root(), "analysis/coder/testdata/single-coder-2019.csv"))
	if err != nil {
		panic(err)
	}
	m, err := Train(gold, cb, Options{})
	if err != nil {
		panic(err)
	}
	return m
})

// Any text codes to at least one theme, and to a question type only when
// it is coded as a question, a type applying to the profession.
func FuzzCode(f *testing.F) {
	for _, s := range []string{"", "?", "Bonjour qqun sait ?", "https://x.fr/?q", "+1", "l1234 œuvre ÉTÉ", "\xff\xfe"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, gp bool) {
		m := fuzzModel()
		p := corpus.HomeCareAide
		if gp {
			p = corpus.GP
		}
		c := m.Code(text, p)
		if len(c.Themes) == 0 {
			t.Fatal("no theme")
		}
		if c.QuestionType != "" {
			if !c.Question {
				t.Fatal("a type without a question")
			}
			ok := false
			for _, qt := range m.cb.QuestionTypeIDs(p) {
				ok = ok || qt == c.QuestionType
			}
			if !ok {
				t.Fatalf("type %q does not apply to %s", c.QuestionType, p)
			}
		}
	})
}
