package themes

import (
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// pattern is one compiled keyword: its stem sequence (or folded word
// sequence, for an exact keyword), what it counts for and the professions
// it applies to.
type pattern struct {
	seq    []string
	exact  bool
	target int
	mask   uint8
}

// matcher finds keywords in a text, indexed by their first stem (or first
// word for exact keywords): the cost is linear in the message's length.
type matcher struct {
	byFirst map[string][]pattern
	byWord  map[string][]pattern
}

// text is a message as the codebook reads it: its folded words, with
// abbreviations expanded, and their stems.
type text struct {
	words, stems []string
}

type keywordError struct {
	index  int
	reason string
}

func (e *keywordError) Error() string { return e.reason }

// ExactPrefix marks a keyword matched on folded words rather than stems
// ("=petition": the stem of pétition is that of petit).
const ExactPrefix = "="

func (m *matcher) add(cb *Codebook, keywords []string, target int, mask uint8) *keywordError {
	if m.byFirst == nil {
		m.byFirst = map[string][]pattern{}
		m.byWord = map[string][]pattern{}
	}
	for i, k := range keywords {
		exact := strings.HasPrefix(k, ExactPrefix)
		t := cb.read(strings.TrimPrefix(k, ExactPrefix))
		if len(t.words) == 0 {
			return &keywordError{i, "keyword without any word"}
		}
		if exact {
			m.byWord[t.words[0]] = append(m.byWord[t.words[0]], pattern{seq: t.words, exact: true, target: target, mask: mask})
			continue
		}
		m.byFirst[t.stems[0]] = append(m.byFirst[t.stems[0]], pattern{seq: t.stems, target: target, mask: mask})
	}
	return nil
}

// each calls fn with the target of every keyword applying to p that occurs
// in t, once per occurrence.
func (m *matcher) each(t text, p corpus.Profession, fn func(target int)) {
	for i := range t.stems {
		m.try(m.byFirst[t.stems[i]], t.stems, i, p, fn)
		m.try(m.byWord[t.words[i]], t.words, i, p, fn)
	}
}

func (m *matcher) try(ps []pattern, seq []string, i int, p corpus.Profession, fn func(int)) {
	for _, pt := range ps {
		if !applies(pt.mask, p) || len(pt.seq) > len(seq)-i {
			continue
		}
		if equal(pt.seq[1:], seq[i+1:i+len(pt.seq)]) {
			fn(pt.target)
		}
	}
}

// atStart reports whether a keyword occurs at the start of t.
func (m *matcher) atStart(t text) bool {
	if len(t.stems) == 0 {
		return false
	}
	found := false
	for _, pt := range m.byFirst[t.stems[0]] {
		found = found || (len(pt.seq) <= len(t.stems) && equal(pt.seq, t.stems[:len(pt.seq)]))
	}
	for _, pt := range m.byWord[t.words[0]] {
		found = found || (len(pt.seq) <= len(t.words) && equal(pt.seq, t.words[:len(pt.seq)]))
	}
	return found
}

func (m *matcher) any(t text) bool {
	found := false
	m.each(t, "", func(int) { found = true })
	return found
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Stems returns the normalised, stemmed words of text, as the codebook
// reads them: web addresses removed, accents and case folded, words split
// (Tokens), abbreviations expanded and every word reduced to its French
// Snowball stem.
func (cb *Codebook) Stems(s string) []string { return cb.read(s).stems }

func (cb *Codebook) read(s string) text { return cb.readStripped(StripURLs(s)) }

func (cb *Codebook) readStripped(s string) text {
	toks := Tokens(Fold(s))
	t := text{words: make([]string, 0, len(toks)), stems: make([]string, 0, len(toks))}
	for _, w := range toks {
		if long, ok := cb.abbrev[w]; ok {
			for _, l := range long {
				t.words = append(t.words, l)
				t.stems = append(t.stems, cb.stem(l))
			}
			continue
		}
		t.words = append(t.words, w)
		t.stems = append(t.stems, cb.stem(w))
	}
	return t
}

func (cb *Codebook) stem(tok string) string {
	if s, ok := cb.stems.Load(tok); ok {
		return s.(string)
	}
	s := stemWord(tok)
	cb.stems.Store(strings.Clone(tok), s)
	return s
}

// Coding is what the codebook reads in one message.
type Coding struct {
	// Themes are the ids of the matching categories in codebook order,
	// or just Other when none matches.
	Themes []string
	// Question reports whether the message asks something: it has a '?'
	// outside web addresses, or an interrogative marker.
	Question bool
	// QuestionType is the id of the question type with the most keyword
	// matches among the types applying to the profession (the first in
	// codebook order on ties), or "" when the message is not a question
	// or no type matches.
	QuestionType string
	// Sources are the kinds of rule or source cited, in codebook order.
	Sources []string
	// Agreement and Disagreement report agreement and disagreement
	// markers.
	Agreement, Disagreement bool
}

// HasTheme reports whether the coding has the category id.
func (c Coding) HasTheme(id string) bool {
	for _, t := range c.Themes {
		if t == id {
			return true
		}
	}
	return false
}

// Coder codes the messages Measure counts: their themes, whether they
// are questions and their question type. The keyword codebook
// (*Codebook, named KeywordCoder) is one; the coder trained on gold codes
// (package coder) is another. Measure reads only a Coding's Themes
// (category ids of the codebook), Question and QuestionType (a question
// type id of the codebook, or ""). Name says which coder it is, as a
// study file names it ("keyword", "trained") and captions say it.
type Coder interface {
	Code(text string, p corpus.Profession) Coding
	Name() string
}

// KeywordCoder is the name of the keyword codebook as a Coder.
const KeywordCoder = "keyword"

// Name returns KeywordCoder: the codebook codes by its keywords.
func (cb *Codebook) Name() string { return KeywordCoder }

// Code applies the codebook to the text of a message of profession p
// (every term applies when p is empty).
func (cb *Codebook) Code(s string, p corpus.Profession) Coding {
	s = StripURLs(s)
	stems := cb.readStripped(s)
	var c Coding

	hit := make([]bool, len(cb.Categories))
	cb.themes.each(stems, p, func(t int) { hit[t] = true })
	for i, h := range hit {
		if h {
			c.Themes = append(c.Themes, cb.Categories[i].ID)
		}
	}
	if len(c.Themes) == 0 {
		c.Themes = []string{Other}
	}

	c.Question = strings.Contains(s, "?") || cb.qmark.any(stems)
	if c.Question {
		score := make([]int, len(cb.QuestionTypes))
		cb.qtypes.each(stems, p, func(t int) { score[t]++ })
		best := -1
		for i, s := range score {
			if s > 0 && (best < 0 || s > score[best]) {
				best = i
			}
		}
		if best >= 0 {
			c.QuestionType = cb.QuestionTypes[best].ID
		}
	}

	src := make([]bool, len(cb.Sources))
	cb.srcs.each(stems, p, func(t int) { src[t] = true })
	for i, h := range src {
		if h {
			c.Sources = append(c.Sources, cb.Sources[i].Kind)
		}
	}
	c.Agreement = cb.agree.any(stems)
	c.Disagreement = cb.dis.any(stems) || cb.disIni.atStart(stems)
	return c
}
