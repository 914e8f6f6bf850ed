package themes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/french"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased with its accents removed: the text is
// decomposed (NFD), combining marks are dropped, the ligatures œ and æ are
// spelt out and typographic apostrophes become '.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '`' {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case r == 'ß':
			b.WriteString("ss")
		case r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// StripURLs removes web addresses (http://, https:// and www. up to the
// next space) so that their punctuation, '?' in particular, and their
// words are not read as the message's own.
func StripURLs(s string) string {
	if !strings.Contains(s, "http") && !strings.Contains(s, "www.") {
		return s
	}
	var b strings.Builder
	for _, f := range strings.SplitAfter(s, " ") {
		w := strings.TrimSpace(f)
		lw := strings.ToLower(w)
		if strings.HasPrefix(lw, "http://") || strings.HasPrefix(lw, "https://") || strings.HasPrefix(lw, "www.") {
			b.WriteByte(' ')
			continue
		}
		b.WriteString(f)
	}
	return b.String()
}

// Tokens splits folded text into words: runs of letters and digits. A '+'
// directly followed by digits stays attached ("+1", the agreement marker);
// a change between letters and digits separates words ("l1234" gives
// "l", "1234");
// apostrophes and hyphens separate words ("l'employeur" gives "l",
// "employeur"; "rendez-vous" gives "rendez", "vous"); '#' and '@' are
// dropped, keeping the hashtag's word. Tokens does not fold: call Fold
// first.
func Tokens(folded string) []string {
	var out []string
	start := -1
	plus := false
	prevDigit := false
	for i, r := range folded {
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		digit := unicode.IsDigit(r)
		if isWord && start >= 0 && digit != prevDigit && folded[start] != '+' {
			// letters and digits part: "l1234" is "l", "1234"
			out = append(out, folded[start:i])
			start = -1
		}
		prevDigit = digit
		if isWord {
			if start < 0 {
				start = i
				if plus && unicode.IsDigit(r) {
					start = i - 1 // include the '+'
				}
			}
			plus = false
			continue
		}
		if start >= 0 {
			out = append(out, folded[start:i])
			start = -1
		}
		plus = r == '+'
	}
	if start >= 0 {
		out = append(out, folded[start:])
	}
	return out
}

// stemWord returns the French Snowball stem of a folded token; numbers and
// "+1"-like tokens are kept as they are.
func stemWord(tok string) string {
	if tok == "" || tok[0] == '+' || (tok[0] >= '0' && tok[0] <= '9') {
		return tok
	}
	return french.Stem(tok, false)
}
