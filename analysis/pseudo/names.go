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

// Names is a compiled set of display names to scrub out of texts, with a
// snapshot of the handles known when it was compiled. A Names is safe for
// concurrent use once built.
type Names struct {
	p        *Pseudonymizer
	platform corpus.Platform
	byFirst  map[string][]nameEntry // key of the first word written → names, most words first
	filter   filter                 // over the keys of byFirst
	// bySecond indexes, for the first words of more than secondAfter
	// names, their entries by the key of their second word (single-word
	// entries apart), so that a text word shared by thousands of first
	// names is not tried against each of them.
	bySecond map[string]*secondIndex
	initials map[string][]nameEntry // initials + "\x00" + key of the surname's first word
	handles  *handleSet
	count    int
}

type nameEntry struct {
	keys      []string // keys of the words as written (the surname's only, for initials)
	pseudonym string
	// swap > 0: the surname (keys[:swap]) is written first; it must then
	// be followed by a comma or written in capitals.
	swap int
	// initials > 0: the entry is matched after that many initials.
	initials int
	variant  bool // a form derived from the name, not the name itself
}

// Names compiles Facebook display names for Scrub and Text: it is
// NamesFor(corpus.Facebook, names).
func (p *Pseudonymizer) Names(names []string) *Names { return p.NamesFor(corpus.Facebook, names) }

// NamesFor compiles the display names of people of platform for Scrub and
// Text, with the handles known at the time of the call (see Meet). Each
// name is replaced by the pseudonym of the first person met with that
// display name on platform (on Twitter, the pseudonym of that person's
// handle), else by the pseudonym of the name itself.
//
// A name is found as written, ignoring case and accents, whatever the
// separators between its words (spaces and line breaks, hyphens,
// apostrophes, periods, '_', invisible characters), and also:
//
//   - with its words run together ("ZephyrineQuillbottom", as a hashtag);
//   - surname first, followed by a comma ("Quillbottom, Zephyrine") or
//     written in capitals ("QUILLBOTTOM Zephyrine"), the surname being
//     any tail of the name's words whose first word has two letters or
//     more ("Du Girin, Claudine");
//   - with the given names as initials, each followed by a period, before
//     such a surname ("Z. Quillbottom", "J.-P. Martin");
//   - without a leading title (Dr, Pr, Mme, M., Me…) when two words or
//     more remain, and cut before the first '|', '/', '(', '[', ',', ':',
//     '·', '•', '–', '—', '@', '#' or emoji when two words or more come
//     before it ("Zephyrine Quillbottom | IDE" is also "Zephyrine
//     Quillbottom").
//
// Names whose words add up to fewer than two letters are ignored, as they
// would scrub ordinary words; so are names that are handles ("@account":
// the handle is known instead), and, on platforms other than Facebook,
// names of a single word: Twitter display names are chosen freely, and
// one word ("Docteur", "Marie") is an ordinary word or a first name more
// often than it identifies someone. Forms equal to a public phrase (see
// Public) are not compiled. When two names give the same form, the one
// first in sorted order is used, and a name as written wins over a form
// derived from another.
func (p *Pseudonymizer) NamesFor(platform corpus.Platform, names []string) *Names {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	n := &Names{p: p, platform: platform, byFirst: make(map[string][]nameEntry, 3*len(names)),
		initials: make(map[string][]nameEntry, len(names))}
	p.mu.Lock()
	public := make(map[string]bool, len(p.public))
	for k := range p.public {
		public[k] = true
	}
	p.mu.Unlock()
	n.handles = p.handles()
	// Names as written are counted once; the forms of two names that
	// coincide are both kept, the first compiled winning (see order).
	seen := make(map[string]bool, len(names))
	var f folder
	for _, name := range sorted {
		if _, ok := handleShaped(name); ok {
			continue
		}
		if _, ok := PhoneNumber(name); ok {
			continue // found as a phone number
		}
		forms := nameForms(&f, name)
		if len(forms) == 0 || !namePlatform(platform) && len(forms[0]) < 2 {
			continue
		}
		if joined := strings.Join(forms[0], " "); seen[joined] {
			continue
		} else {
			seen[joined] = true
		}
		pseudonym := ""
		added := false
		add := func(m map[string][]nameEntry, key string, e nameEntry) {
			if pseudonym == "" {
				pseudonym = p.nameOf(platform, name)
			}
			e.pseudonym = pseudonym
			m[key] = append(m[key], e)
			added = true
		}
		for fi, keys := range forms {
			if public[strings.Join(keys, " ")] {
				continue
			}
			variant := fi > 0
			add(n.byFirst, keys[0], nameEntry{keys: keys, variant: variant})
			if len(keys) < 2 {
				continue
			}
			if concat := strings.Join(keys, ""); !public[concat] {
				add(n.byFirst, concat, nameEntry{keys: []string{concat}, variant: true})
			}
			for k := 1; k < len(keys); k++ {
				if utf8.RuneCountInString(keys[k]) < 2 {
					// "Julie D." has no surname to write first or
					// after an initial: "J. D'après" is no name.
					continue
				}
				rot := make([]string, 0, len(keys))
				rot = append(append(rot, keys[k:]...), keys[:k]...)
				add(n.byFirst, rot[0], nameEntry{keys: rot, swap: len(keys) - k, variant: true})
				letters := make([]byte, 0, 8)
				for _, g := range keys[:k] {
					r, _ := utf8.DecodeRuneInString(g)
					letters = utf8.AppendRune(letters, r)
				}
				add(n.initials, string(letters)+"\x00"+keys[k], nameEntry{keys: keys[k:], initials: k, variant: true})
			}
		}
		if added {
			n.count++
		}
	}
	order := func(entries []nameEntry) {
		sort.SliceStable(entries, func(i, j int) bool {
			a, b := entries[i], entries[j]
			if len(a.keys) != len(b.keys) {
				return len(a.keys) > len(b.keys)
			}
			if a.variant != b.variant {
				return !a.variant
			}
			return a.swap < b.swap
		})
	}
	n.filter = newFilter(len(n.byFirst))
	for k, entries := range n.byFirst {
		n.filter.add(hashString(k))
		order(entries)
	}
	for _, entries := range n.initials {
		order(entries)
	}
	for k, entries := range n.byFirst {
		if len(entries) <= secondAfter {
			continue
		}
		idx := &secondIndex{next: map[string][]int32{}}
		for i, e := range entries {
			if len(e.keys) == 1 {
				idx.single = append(idx.single, int32(i))
			} else {
				idx.next[e.keys[1]] = append(idx.next[e.keys[1]], int32(i))
			}
		}
		if n.bySecond == nil {
			n.bySecond = map[string]*secondIndex{}
		}
		n.bySecond[k] = idx
	}
	return n
}

// secondAfter is the number of names sharing a first word above which
// they are indexed by their second word (Names.bySecond).
var secondAfter = 16

// secondIndex holds the positions, in a byFirst list, of its single-word
// entries and of its other entries by the key of their second word, each
// list increasing: the list's order (most words first) is kept.
type secondIndex struct {
	single []int32
	next   map[string][]int32
}

// nameOf returns the pseudonym a display name of platform stands for.
func (p *Pseudonymizer) nameOf(platform corpus.Platform, name string) string {
	if !namePlatform(platform) {
		p.mu.Lock()
		s := p.byName[knownKey{platform, strings.TrimSpace(name)}]
		p.mu.Unlock()
		if s != "" {
			return s
		}
	}
	return p.Name(platform, name)
}

// Titles dropped from the start of a display name.
var titles = set("dr", "dre", "docteur", "doctoresse", "pr", "prof", "professeur", "professeure",
	"mme", "madame", "mlle", "mademoiselle", "m", "mr", "monsieur", "me", "maitre")

// nameForms returns the keys of the words of a name's forms: the name
// itself first, then the name cut before a separator and without a
// title; nil when the name has fewer than two letters.
func nameForms(f *folder, name string) [][]string {
	keysOf := func(s string) []string {
		var keys []string
		words(s, func(start, end int) { keys = append(keys, f.key(s[start:end])) })
		return keys
	}
	keys := keysOf(name)
	letters := 0
	for _, k := range keys {
		letters += utf8.RuneCountInString(k)
	}
	if len(keys) == 0 || letters < 2 {
		return nil
	}
	forms := [][]string{keys}
	if cut := strings.IndexFunc(name, isNameCut); cut > 0 {
		if k := keysOf(name[:cut]); len(k) >= 2 && len(k) < len(keys) {
			forms = append(forms, k)
		}
	}
	for _, form := range forms {
		if len(form) >= 3 && titles[form[0]] {
			forms = append(forms, form[1:])
		}
	}
	return forms
}

// isNameCut tells the runes that end the name part of a display name.
func isNameCut(r rune) bool {
	switch r {
	case '|', '/', '(', '[', ',', ':', '·', '•', '–', '—', '@', '#', '＠':
		return true
	}
	return unicode.Is(unicode.So, r)
}

// Len returns the number of distinct names compiled.
func (n *Names) Len() int {
	if n == nil {
		return 0
	}
	return n.count
}

func (n *Names) empty() bool {
	return n == nil || !n.hasNames() && (n.handles == nil || len(n.handles.m) == 0)
}

func (n *Names) hasNames() bool { return len(n.byFirst) > 0 || len(n.initials) > 0 }

// TextNames returns text with the given Facebook display names replaced by
// their pseudonyms (see NamesFor for the forms found), and the known
// handles written without '@'. To scrub many texts with the same names,
// compile them once with Names.
func (p *Pseudonymizer) TextNames(text string, names []string) string {
	return p.Names(names).Scrub(text)
}

// Scrub returns text with the compiled names replaced by their pseudonyms,
// and the known handles (of at least MinBareHandle characters, not public)
// written without '@' — as a bare word, a hashtag or an e-mail's local
// part — replaced by theirs. Invisible characters inside words are removed
// first. It leaves @handles, addresses and e-mails to Text.
func (n *Names) Scrub(text string) string {
	if n.empty() {
		return text
	}
	return scrub(n.p, n, n.platform, text, false)
}

// Text returns a text of platform scrubbed of every identity the
// Pseudonymizer can find: Scrub and Pseudonymizer.Text in one pass, names
// before @handles so that "@Marie Dupont" goes whole; a known handle is
// also found as "@ handle". On a nil Names it returns text unchanged.
func (n *Names) Text(platform corpus.Platform, text string) string {
	if n == nil {
		return text
	}
	return scrub(n.p, n, platform, text, true)
}

// Hashtag returns a hashtag (without '#') that is a known handle or a
// compiled name written as one word replaced by its pseudonym; any other
// hashtag is returned unchanged.
func (n *Names) Hashtag(tag string) string {
	if n.empty() {
		return tag
	}
	simple, underscore := tag != "", false
	for i := 0; i < len(tag) && simple; i++ {
		simple = isHandleByte(tag[i])
		underscore = underscore || tag[i] == '_'
	}
	if !simple || underscore && n.hasNames() {
		return scrub(n.p, n, n.platform, tag, false)
	}
	// The usual hashtag, ASCII letters and digits: two look-ups.
	var arr [64]byte
	key := appendLower(arr[:0], tag)
	if len(tag) >= MinBareHandle {
		if repl := n.handles.lookup(n.platform, key); repl != "" {
			return repl
		}
	}
	if n.filter.has(hashBytes(key)) {
		for _, e := range n.byFirst[string(key)] {
			if len(e.keys) == 1 {
				return e.pseudonym
			}
		}
	}
	return tag
}

// match returns the end of the known name whose first word starts at
// s.t[i], and its pseudonym; 0 when there is none.
func (n *Names) match(s *scanner, i int) (int, string) {
	t := s.t
	we := wordEnd(t, i, s.end)
	if we == i {
		return 0, ""
	}
	s.buf = s.f.appendKey(s.buf[:0], t[i:we])
	if n.filter.has(hashBytes(s.buf)) {
		cands := n.byFirst[string(s.buf)]
		if idx := n.bySecond[string(s.buf)]; idx != nil {
			// Only the entries whose second word is the text's next word
			// can match (the separator read as the most permissive one,
			// a comma allowed: an entry that allows none fails in
			// matchRest), and the single-word ones; in the list's order.
			var next []int32
			if ws, ok, _ := separator(t, we, s.end, true); ok {
				if we2 := wordEnd(t, ws, s.end); we2 > ws {
					s.buf2 = s.f.appendKey(s.buf2[:0], t[ws:we2])
					next = idx.next[string(s.buf2)]
				}
			}
			a, b := idx.single, next
			for len(a) > 0 || len(b) > 0 {
				var k int32
				if len(b) == 0 || len(a) > 0 && a[0] < b[0] {
					k, a = a[0], a[1:]
				} else {
					k, b = b[0], b[1:]
				}
				e := &cands[k]
				if end := s.matchRest(e.keys, e.swap, i, we); end > 0 {
					return end, e.pseudonym
				}
			}
			return n.afterNames(s, i, we)
		}
		for k := range cands {
			e := &cands[k]
			if end := s.matchRest(e.keys, e.swap, i, we); end > 0 {
				return end, e.pseudonym
			}
		}
	}
	return n.afterNames(s, i, we)
}

// afterNames is the end of match: initials, when no name matched.
func (n *Names) afterNames(s *scanner, i, we int) (int, string) {
	t := s.t
	if len(n.initials) > 0 && we < s.end && t[we] == '.' && utf8.RuneCount(s.buf) == 1 {
		return n.matchInitials(s, i, we)
	}
	return 0, ""
}

// matchInitials matches initials starting at s.t[i] (a one-letter word
// ending at we, followed by a period) and a surname.
func (n *Names) matchInitials(s *scanner, i, we int) (int, string) {
	t := s.t
	letters := append([]byte(nil), s.buf...)
	count := 1
	for pos := we; ; {
		pos++ // the period
		ws := pos
		for ws < s.end && (t[ws] == ' ' || t[ws] == '-') {
			ws++
		}
		if ws-pos > 2 {
			return 0, ""
		}
		we2 := wordEnd(t, ws, s.end)
		if we2 == ws {
			return 0, ""
		}
		s.buf = s.f.appendKey(s.buf[:0], t[ws:we2])
		if we2 < s.end && t[we2] == '.' && utf8.RuneCount(s.buf) == 1 && count < 3 {
			letters = append(letters, s.buf...)
			count++
			pos = we2
			continue
		}
		key := string(letters) + "\x00" + string(s.buf)
		for k, cands := 0, n.initials[key]; k < len(cands); k++ {
			if e := &cands[k]; e.initials == count {
				if end := s.matchRest(e.keys, 0, ws, we2); end > 0 {
					return end, e.pseudonym
				}
			}
		}
		return 0, ""
	}
}

// matchRest reports where the words of keys end when the first one is
// s.t[i:we] and the others follow it, joined by separators a name allows
// (see joinable; at the swap point also a comma); 0 when they do not.
func (s *scanner) matchRest(keys []string, swap, i, we int) int {
	t := s.t
	var spans [4][2]int
	spans[0] = [2]int{i, we}
	end, comma := we, false
	for j := 1; j < len(keys); j++ {
		ws, ok, c := separator(t, end, s.end, j == swap)
		if !ok {
			return 0
		}
		comma = comma || c
		we2 := wordEnd(t, ws, s.end)
		if we2 == ws || pseudonymAt(t, ws) > 0 {
			return 0
		}
		s.buf2 = s.f.appendKey(s.buf2[:0], t[ws:we2])
		if string(s.buf2) != keys[j] {
			return 0
		}
		if j < len(spans) {
			spans[j] = [2]int{ws, we2}
		}
		end = we2
	}
	if swap > 0 && !comma {
		// No comma: the surname must be in capitals.
		if swap > len(spans) {
			return 0
		}
		for _, sp := range spans[:swap] {
			if !capitals(t[sp[0]:sp[1]]) {
				return 0
			}
		}
	}
	return end
}

// separator reads the separator starting at t[i] and returns where the
// next word starts; ok is false when the separator is not one a name
// allows between its words: spaces (line breaks included), hyphens,
// apostrophes, periods, '_' and invisible characters, and, when comma is
// true, one comma.
func separator(t string, i, end int, comma bool) (ws int, ok, sawComma bool) {
	ws = i
	for ws < end {
		c := t[ws]
		if c < utf8.RuneSelf {
			switch {
			case isAlnum(c):
				return ws, ws > i, sawComma
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '-' || c == '\'' || c == '.' || c == '_':
			case c == ',' && comma && !sawComma:
				sawComma = true
			default:
				return ws, false, sawComma
			}
			ws++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[ws:end])
		switch {
		case isWordRune(r):
			return ws, ws > i, sawComma
		case unicode.IsSpace(r), r == '\u2010', r == '\u2011', r == '\u2019', invisible(r):
		default:
			return ws, false, sawComma
		}
		ws += size
	}
	return ws, false, sawComma
}

// capitals reports whether the letters of w are all capitals.
func capitals(w string) bool {
	upper := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
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
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
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
		i += size - 1
	}
	return dst
}
