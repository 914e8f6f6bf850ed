package pseudo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// invisible reports whether r is drawn as nothing (or as a blank that
// joins words): the format characters (Unicode category Cf: zero-width
// space, non-joiner and joiner, word joiner, byte-order mark, soft hyphen,
// direction marks…), the combining grapheme joiner, variation selectors,
// the Hangul and Khmer fillers and the blank Braille pattern. Such
// characters split a name or a handle for a program while leaving it
// whole for a reader.
func invisible(r rune) bool {
	switch {
	case r < 0xAD:
		return false
	case r == 0xAD, r == 0x34F, r == 0x115F, r == 0x1160, r == 0x17B4, r == 0x17B5,
		r == 0x2800, r == 0x3164, r == 0xFFA0:
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF:
		return true
	case r < 0x600:
		return false
	}
	return unicode.Is(unicode.Cf, r)
}

// hasHighBit reports whether one of the 8 bytes of b is not ASCII.
func hasHighBit(b string) bool {
	w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	return w&0x8080808080808080 != 0
}

// invisibleLead tells the first bytes of the UTF-8 encodings of invisible
// runes, so that other text is skipped without decoding.
var invisibleLead = func() (t [256]bool) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if invisible(r) {
			var b [utf8.UTFMax]byte
			utf8.EncodeRune(b[:], r)
			t[b[0]] = true
		}
	}
	return t
}()

// identityRune reports whether r can be part of how a name, handle,
// address or e-mail is written: anything but spaces, controls, symbols
// such as emoji, and invisible characters.
func identityRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r > ' ' && r != 0x7F
	case invisible(r), unicode.IsSpace(r), unicode.Is(unicode.So, r), unicode.Is(unicode.Sk, r),
		unicode.IsControl(r), r == utf8.RuneError:
		return false
	}
	return true
}

// stripInvisible removes every run of invisible characters that has an
// identity rune on both sides, so that "@zquill\u200b_canary",
// "Quill\u00adbottom" and "@\u2060zquill" read as written. Runs elsewhere
// are kept, since they carry meaning there: the zero-width joiner of an
// emoji sequence (👩‍⚕️) follows a symbol, and the variation selector of a
// keycap (1️⃣) precedes U+20E3. It returns s itself when nothing is
// removed.
func stripInvisible(s string) string {
	first := -1
	for i := 0; i < len(s); {
		if i+8 <= len(s) && !hasHighBit(s[i:i+8]) {
			i += 8
			continue
		}
		if !invisibleLead[s[i]] {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if invisible(r) {
			first = i
			break
		}
		i += size
	}
	if first < 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for i := first; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !invisible(r) {
			i += size
			continue
		}
		// The run [i, j).
		j := i + size
		for j < len(s) {
			r2, size2 := utf8.DecodeRuneInString(s[j:])
			if !invisible(r2) {
				break
			}
			j += size2
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		if i > 0 && j < len(s) && identityRune(before) && identityRune(after) && after != 0x20E3 {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:i])
			last = j
		}
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}
