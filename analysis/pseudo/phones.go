package pseudo

import (
	"strings"
	"unicode/utf8"
)

// findPhones appends the phone numbers of t (see the package
// documentation for the forms): a number starts with '+', "00" or a
// French national "0[1-9]", follows no letter, digit nor '.', ',', '-',
// '/', '+' or '>', and no letter, digit or '+' follows it.
func findPhones(t string, out []span) []span {
	var found []span
	for _, lead := range []byte{'+', '0'} {
		for i := 0; ; {
			j := strings.IndexByte(t[i:], lead)
			if j < 0 {
				break
			}
			i += j
			if end := phoneAt(t, i); end > 0 {
				found = append(found, span{i, end, spanPhone, ""})
				i = end
				continue
			}
			i++
			if i >= len(t) {
				break
			}
		}
	}
	return append(out, found...)
}

// phoneSep reports the length of the separator a phone number allows
// between its digit groups at t[i] (a space, '.', '-', a no-break or
// narrow no-break space), 0 when there is none.
func phoneSep(t string, i int) int {
	if i >= len(t) {
		return 0
	}
	switch c := t[i]; c {
	case ' ', '.', '-':
		return 1
	case 0xC2:
		if strings.HasPrefix(t[i:], "\u00a0") {
			return 2
		}
	case 0xE2:
		if strings.HasPrefix(t[i:], "\u202f") {
			return 3
		}
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// phoneAt returns the end of the phone number starting at t[i], 0 when
// there is none.
func phoneAt(t string, i int) int {
	if i > 0 {
		c := t[i-1]
		// '>' ends the tokens that replace spans ("<email>"): a number
		// glued to one was glued to what it replaced.
		if isAlnum(c) || c == '_' || c == '.' || c == ',' || c == '-' || c == '/' || c == '+' || c == '>' {
			return 0
		}
		if c >= utf8.RuneSelf {
			if r, _ := utf8.DecodeLastRuneInString(t[:i]); isWordRune(r) {
				return 0
			}
		}
	}
	var end int
	switch {
	case t[i] == '+':
		end = intlPhone(t, i+1)
	case strings.HasPrefix(t[i:], "00"):
		end = intlPhone(t, i+2)
	default:
		end = frenchPhone(t, i)
	}
	if end == 0 || wordRuneAt(t, end, len(t)) || end < len(t) && t[end] == '+' {
		return 0
	}
	// An amount or a rate ("+10 000 000 €", "+12 345 %") is no number
	// to call.
	k := end
	for k < len(t) && (t[k] == ' ' || phoneSep(t, k) > 1) {
		k += max(phoneSep(t, k), 1)
	}
	if k < len(t) && (t[k] == '%' || t[k] == '$' || strings.HasPrefix(t[k:], "€") || strings.HasPrefix(t[k:], "£")) {
		return 0
	}
	return end
}

// frenchPhone reads a French national number at t[i]: '0', a digit 1-9,
// then four pairs of digits, all separated by the same separator or by
// none ("06 12 34 56 78", "06.12.34.56.78", "0612345678").
func frenchPhone(t string, i int) int {
	if i+10 > len(t) || t[i] != '0' || t[i+1] < '1' || t[i+1] > '9' {
		return 0
	}
	j := i + 2
	sep := ""
	for pair := 0; pair < 4; pair++ {
		n := phoneSep(t, j)
		if pair == 0 {
			sep = t[j : j+n]
		} else if t[j:j+n] != sep {
			return 0
		}
		j += n
		if j+2 > len(t) || !isDigit(t[j]) || !isDigit(t[j+1]) {
			return 0
		}
		j += 2
	}
	// More digits would make it something else (a longer reference).
	if n := phoneSep(t, j); sep != "" && n == len(sep) && t[j:j+n] == sep && j+n < len(t) && isDigit(t[j+n]) {
		return 0
	}
	if j < len(t) && isDigit(t[j]) {
		return 0
	}
	return j
}

// intlPhone reads an international number after '+' or "00" at t[i]:
// a country code (1-9 first), then digit groups separated by one
// separator and parentheses ("+1 (555) 123-4567", "+33 (0)6 12 34 56 78"),
// 8 to 15 digits in all; with country code 33, exactly nine digits after
// it (not counting a "(0)").
func intlPhone(t string, i int) int {
	if i >= len(t) || t[i] < '1' || t[i] > '9' {
		return 0
	}
	digits, end, good := 0, 0, 0
	french := strings.HasPrefix(t[i:], "33")
	open := false
	j := i
	prevSep := false
	for j < len(t) && j-i < 40 {
		c := t[j]
		switch {
		case isDigit(c):
			if prevSep && c == '0' && digits >= 8 && !french {
				// "+1 555 123 4567 06 12…": another number starts.
				return end
			}
			digits++
			j++
			prevSep = false
			if !open {
				end = j
			}
			if french && digits == 11 {
				if j < len(t) && isDigit(t[j]) {
					return 0
				}
				return j
			}
			if digits > 15 {
				return good
			}
			if !open && digits >= 8 && (j >= len(t) || !isDigit(t[j])) {
				good = j
			}
			continue
		case c == '(' && !open:
			open = true
			j++
			prevSep = false
			continue
		case c == ')' && open:
			open = false
			j++
			if french && strings.HasSuffix(t[:j], "(0)") {
				digits-- // the national '0', written between parentheses
			}
			prevSep = false
			continue
		}
		if n := phoneSep(t, j); n > 0 && !prevSep && !open {
			prevSep = true
			j += n
			continue
		}
		break
	}
	if french || digits < 8 || digits > 15 {
		return 0
	}
	return end
}

// PhoneNumber reports whether s (trimmed; direction marks, spaces, '.',
// '-' and parentheses ignored) is a phone number, and returns it as
// identities write it: '+' and 8 to 15 digits for an international
// number ("+33 6 12 34 56 78", "0033 6 12 34 56 78" and "+33 (0)6 12 34
// 56 78" are all "+33612345678"), the ten digits of a French national
// one ("06 12 34 56 78" is "0612345678").
func PhoneNumber(s string) (string, bool) {
	var b []byte
	plus := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			b = append(b, byte(r))
		case r == '+' && len(b) == 0 && !plus:
			plus = true
		case r == ' ' || r == '.' || r == '-' || r == '(' || r == ')' || r == '\u00a0' || r == '\u202f' || invisible(r):
		default:
			return "", false
		}
	}
	d := string(b)
	if !plus && strings.HasPrefix(d, "00") {
		plus, d = true, d[2:]
	}
	if plus {
		if strings.HasPrefix(d, "330") && len(d) == 12 {
			d = "33" + d[3:] // "+33 (0)6…"
		}
		if len(d) < 8 || len(d) > 15 || d[0] == '0' {
			return "", false
		}
		return "+" + d, true
	}
	if len(d) == 10 && d[0] == '0' && d[1] != '0' {
		return d, true
	}
	return "", false
}
