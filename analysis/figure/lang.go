package figure

import "strings"

// Language is the language of the labels and number formats.
type Language int

const (
	// French is the default language.
	French Language = iota
	// English is the other language figures can be drawn in.
	English
)

// Lang is the language figures are drawn in: French unless the program
// sets it. It is the package's one setting; the notebooks and commands
// set it from COMPENDIUM_LANG (ParseLanguage) before drawing, this
// package never reads the environment.
var Lang = French

// ParseLanguage returns English for a value starting with "en" (any
// case), French for anything else, the empty value included.
func ParseLanguage(s string) Language {
	if strings.HasPrefix(strings.ToLower(s), "en") {
		return English
	}
	return French
}

// T returns fr or en according to Lang.
func T(fr, en string) string {
	if Lang == English {
		return en
	}
	return fr
}

// NotAvailable is what figures and notebook tables show for a value that
// is not defined or not measurable (a NaN): « n. d. » (English "n/a"),
// never "NaN".
func NotAvailable() string { return T("n."+NBSP+"d.", "n/a") }
