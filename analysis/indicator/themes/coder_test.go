package themes

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// lengthCoder is a hand-made Coder: a message is "support" when it has
// more than 10 characters, else "other"; a question when it ends in
// "?", of type "care".
type lengthCoder struct{}

func (lengthCoder) Name() string { return "length" }

func (lengthCoder) Code(text string, p corpus.Profession) Coding {
	c := Coding{Themes: []string{Other}}
	if len(text) > 10 {
		c.Themes = []string{"support"}
	}
	if strings.HasSuffix(text, "?") {
		c.Question, c.QuestionType = true, "care"
	}
	return c
}

// MeasureCoder counts what the coder gives, not what the keywords find:
// 2 of the 3 messages are longer than 10 characters, the one thread
// start ending in "?" is a "care" question; Result.Coder names the
// coder; a coder giving a category the codebook lacks is a panic.
func TestMeasureCoder(t *testing.T) {
	cb := defaultCB(t)
	at := time.Date(2019, 3, 1, 9, 0, 0, 0, time.UTC)
	c := &corpus.Corpus{Communities: []corpus.Community{{ID: "g", Platform: corpus.Facebook, Profession: corpus.HomeCareAide}}}
	for i, m := range []struct{ text, parent string }{{"mon employeur ne paie pas ?", ""}, {"merci", "0"}, {"bon courage à toutes", "0"}} {
		c.Messages = append(c.Messages, corpus.Message{Platform: corpus.Facebook, Community: "g", ID: fmt.Sprint(i), ParentID: m.parent,
			Kind: corpus.Post, Author: "A", Created: at.Add(time.Duration(i) * time.Hour), Text: m.text})
	}
	r := MeasureCoder(c, cb, lengthCoder{}, stats.Options{Reps: 50})
	g := r.Groups[0]
	idx := map[string]int{}
	for i, id := range cb.CategoryIDs() {
		idx[id] = i
	}
	care := -1
	for i, t := range g.Types {
		if t == "care" {
			care = i
		}
	}
	if r.Coder != "length" || g.Messages != 3 || g.Themes[idx["support"]] != 2 || g.Themes[idx[Other]] != 1 || g.Themes[idx["conditions"]] != 0 ||
		g.Threads != 1 || g.Questions != 1 || g.TypeCounts[care] != 1 {
		t.Errorf("coder %q, %d messages, themes %v, %d threads, %d questions, types %v", r.Coder, g.Messages, g.Themes, g.Threads, g.Questions, g.TypeCounts)
	}
	if k := Measure(c, cb); k.Coder != KeywordCoder || k.Groups[0].Themes[idx["conditions"]] != 1 {
		t.Errorf("keyword: coder %q, themes %v", k.Coder, k.Groups[0].Themes)
	}
	defer func() {
		if v := recover(); v == nil || !strings.Contains(fmt.Sprint(v), `gives category "gossip"`) {
			t.Errorf("unknown category: recovered %v", v)
		}
	}()
	MeasureCoder(c, cb, badCoder{}, stats.Options{Reps: 50})
}

type badCoder struct{}

func (badCoder) Name() string { return "bad" }
func (badCoder) Code(string, corpus.Profession) Coding {
	return Coding{Themes: []string{"gossip"}}
}
