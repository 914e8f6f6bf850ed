package pseudo

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Names is a compiled set of Facebook display names to scrub out of texts.
// A Names is safe for concurrent use once built.
type Names struct {
	byFirst map[string][]nameEntry // key of the first word → names, most words first
}

type nameEntry struct {
	keys      []string // keys of the name's words
	pseudonym string
}

// Names compiles names (Facebook display names) for Scrub. Names whose
// words add up to fewer than two letters are ignored, as they would scrub
// ordinary words. When two names match the same words (they differ only
// in case or accents), the one first in sorted order is used.
func (p *Pseudonymizer) Names(names []string) *Names {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	n := &Names{byFirst: map[string][]nameEntry{}}
	seen := map[string]bool{}
	var f folder
	for _, name := range sorted {
		var keys []string
		letters := 0
		words(name, func(start, end int) {
			k := f.key(name[start:end])
			letters += utf8.RuneCountInString(k)
			keys = append(keys, k)
		})
		if len(keys) == 0 || letters < 2 {
			continue
		}
		joined := strings.Join(keys, " ")
		if seen[joined] {
			continue
		}
		seen[joined] = true
		n.byFirst[keys[0]] = append(n.byFirst[keys[0]], nameEntry{keys: keys, pseudonym: p.Name(corpus.Facebook, name)})
	}
	for _, entries := range n.byFirst {
		sort.SliceStable(entries, func(i, j int) bool { return len(entries[i].keys) > len(entries[j].keys) })
	}
	return n
}

// Len returns the number of distinct names compiled.
func (n *Names) Len() int {
	if n == nil {
		return 0
	}
	c := 0
	for _, e := range n.byFirst {
		c += len(e)
	}
	return c
}

// TextNames returns text with the given Facebook display names replaced by
// their pseudonyms: whole words, ignoring case and accents, the longest
// name first. Words of a name may be separated in the text by spaces,
// hyphens, apostrophes or periods. To scrub many texts with the same
// names, compile them once with Names.
func (p *Pseudonymizer) TextNames(text string, names []string) string {
	return p.Names(names).Scrub(text)
}

// Scrub returns text with the compiled names replaced by their pseudonyms
// (see TextNames).
func (n *Names) Scrub(text string) string {
	if n == nil || len(n.byFirst) == 0 || text == "" {
		return text
	}
	var spans [][2]int
	words(text, func(start, end int) { spans = append(spans, [2]int{start, end}) })
	var (
		f    folder
		buf  []byte
		b    strings.Builder
		last = 0
	)
	for i := 0; i < len(spans); i++ {
		buf = f.appendKey(buf[:0], text[spans[i][0]:spans[i][1]])
		cands := n.byFirst[string(buf)]
		for _, e := range cands {
			if i+len(e.keys) > len(spans) || !f.matches(text, spans[i:], e.keys) {
				continue
			}
			b.WriteString(text[last:spans[i][0]])
			b.WriteString(e.pseudonym)
			last = spans[i+len(e.keys)-1][1]
			i += len(e.keys) - 1
			break
		}
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// matches reports whether the words at spans, from the second on, are
// those of keys, joined by separators a name allows.
func (f *folder) matches(text string, spans [][2]int, keys []string) bool {
	var buf []byte
	for j := 1; j < len(keys); j++ {
		if !joinable(text[spans[j-1][1]:spans[j][0]]) {
			return false
		}
		buf = f.appendKey(buf[:0], text[spans[j][0]:spans[j][1]])
		if string(buf) != keys[j] {
			return false
		}
	}
	return true
}

// joinable reports whether sep may separate two words of one name.
func joinable(sep string) bool {
	if sep == "" {
		return false
	}
	for _, r := range sep {
		switch {
		case unicode.IsSpace(r), r == '-', r == '\u2010', r == '\'', r == '\u2019', r == '.':
		default:
			return false
		}
	}
	return true
}

// isWordRune tells the runes of words, as names are cut into.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// words calls fn with the byte span of every word of s.
func words(s string, fn func(start, end int)) {
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(start, i)
			start = -1
		}
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

// folder computes the matching key of a word: without accents,
// case-folded. The zero value is ready to use; it is not safe for
// concurrent use.
type folder struct {
	caser *cases.Caser
}

// latinKeys holds the key of every rune below latinEnd (ASCII and the
// Latin supplements and extensions that French names use), so that most
// words are folded without normalising strings.
const latinEnd = 0x250

var latinKeys = func() (t [latinEnd]string) {
	c := cases.Fold()
	for r := rune(0); r < latinEnd; r++ {
		t[r] = c.String(stripMarks(string(r)))
	}
	return t
}()

func stripMarks(s string) string {
	var b []byte
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// key returns the key of w.
func (f *folder) key(w string) string { return string(f.appendKey(nil, w)) }

// appendKey appends the key of w to dst.
func (f *folder) appendKey(dst []byte, w string) []byte {
	start := len(dst)
	for _, r := range w {
		switch {
		case r < latinEnd:
			dst = append(dst, latinKeys[r]...)
		case r >= 0x300 && r < 0x370: // combining diacritical marks
		default:
			dst = dst[:start]
			if f.caser == nil {
				c := cases.Fold()
				f.caser = &c
			}
			return append(dst, f.caser.String(stripMarks(w))...)
		}
	}
	return dst
}
