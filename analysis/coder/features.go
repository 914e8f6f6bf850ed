package coder

import (
	"slices"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

// Feature name prefixes. Stems and stem pairs are written as they are
// ("salair", "frais km"); the others carry a prefix that no stem can
// have.
const (
	featQuestionMark = "?"         // the text has a '?' outside web addresses
	featProfession   = "@prof:"    // the community's profession
	featKeyword      = "@keyword:" // a code of the keyword codebook
	pairSep          = " "         // between the two stems of a pair
)

// features returns the distinct features of a message, sorted: its
// stems (themes.Codebook.Stems), its pairs of consecutive stems, "?"
// when it has a question mark outside web addresses, its profession and,
// unless textOnly, the codes the keyword codebook gives it (each theme,
// "question", each question type, prefixed by "@keyword:").
func features(cb *themes.Codebook, text string, p corpus.Profession, textOnly bool) []string {
	stems := cb.Stems(text)
	out := make([]string, 0, 2*len(stems)+8)
	for i, s := range stems {
		out = append(out, s)
		if i > 0 {
			out = append(out, stems[i-1]+pairSep+s)
		}
	}
	if strings.Contains(themes.StripURLs(text), "?") {
		out = append(out, featQuestionMark)
	}
	if p != "" {
		out = append(out, featProfession+string(p))
	}
	if !textOnly {
		c := cb.Code(text, p)
		for _, t := range c.Themes {
			out = append(out, featKeyword+"theme:"+t)
		}
		if c.Question {
			out = append(out, featKeyword+"question")
		}
		if c.QuestionType != "" {
			out = append(out, featKeyword+"type:"+c.QuestionType)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// vocabulary maps the features kept for a model to their column.
type vocabulary struct {
	index map[string]int
	names []string
}

// newVocabulary keeps the features present in at least minDocs of the
// training messages, in sorted order (so the columns, hence the fit, do
// not depend on map iteration).
func newVocabulary(docs [][]string, minDocs int) *vocabulary {
	count := map[string]int{}
	for _, d := range docs {
		for _, f := range d {
			count[f]++
		}
	}
	v := &vocabulary{index: map[string]int{}}
	for f, c := range count {
		if c >= minDocs {
			v.names = append(v.names, f)
		}
	}
	slices.Sort(v.names)
	for i, f := range v.names {
		v.index[f] = i
	}
	return v
}

// columns returns the columns of the known features of a message, sorted.
func (v *vocabulary) columns(feats []string) []int {
	out := make([]int, 0, len(feats))
	for _, f := range feats {
		if j, ok := v.index[f]; ok {
			out = append(out, j)
		}
	}
	slices.Sort(out)
	return out
}
