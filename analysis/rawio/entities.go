package rawio

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsHandleByte reports whether c may appear in a Twitter handle: ASCII
// letters, digits and '_'.
func IsHandleByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isTagRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// TextEntities returns the hashtags ('#') or mentioned handles ('@') of a
// text, without their sigil, in order: a sigil not preceded by a letter,
// digit or '_' and followed by a tag (not all digits) or handle. At the
// very start of the text a space may follow the sigil, as TweetScraper
// writes it. Formats whose exports list no entities read them with it.
func TextEntities(text string, sigil byte) []string {
	var out []string
	first := strings.IndexFunc(text, func(r rune) bool { return r != ' ' })
	for i := 0; i < len(text); i++ {
		if text[i] != sigil {
			continue
		}
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			if isTagRune(prev) {
				continue
			}
		}
		j := i + 1
		if i == first && j < len(text) && text[j] == ' ' {
			j++
		}
		k := j
		if sigil == '@' {
			for k < len(text) && IsHandleByte(text[k]) {
				k++
			}
		} else {
			for k < len(text) {
				r, size := utf8.DecodeRuneInString(text[k:])
				if !isTagRune(r) {
					break
				}
				k += size
			}
		}
		if k > j && (sigil == '@' || !allDigits(text[j:k])) {
			out = append(out, text[j:k])
		}
		i = k - 1
	}
	return out
}

// IsDigits reports whether s is a non-empty string of ASCII decimal
// digits, as tweet ids and Unix times are.
func IsDigits(s string) bool { return allDigits(s) }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
