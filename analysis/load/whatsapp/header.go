package whatsapp

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// sp is the white space of headers: spaces, no-break spaces (U+00A0) and
// the narrow no-break space (U+202F) iOS and recent Android write before
// am/pm.
const sp = `[ \t\x{00A0}\x{202F}]`

// reHeader matches the header of a message or system line, after its
// leading marks are removed: an Android header "26/09/2019 à 22:39 - ",
// "26/09/2019, 22:39 - ", "9/26/19, 10:39 PM - ", or an iOS one
// "[02/11/2020, 9:47:19 pm] ", "[26/09/2019 22:39:05] ". Groups: 1 bracket,
// 2-4 the date's three fields, 5-7 hours, minutes, seconds, 8 the
// am/pm letter.
var reHeader = regexp.MustCompile(`^(\[)?(\d{1,4})[./-](\d{1,2})[./-](\d{1,4}),?` + sp + `+(?:à` + sp + `+)?` +
	`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:` + sp + `*([AaPp])\.?` + sp + `?[Mm]\.?)?`)

// header is what a header line says before the author.
type header struct {
	bracket    bool
	a, b, c    int    // the date's fields as written
	yearFirst  bool   // a is a four-digit year
	aWide      bool   // a is written with four digits
	cDigits    int    // digits of c
	h, m, s    int    // clock
	ampm       byte   // 'a', 'p', or 0 for a 24-hour clock
	rest       string // what follows the header's separator
	frenchSep  bool   // the date and time are separated by "à"
	headerText string // the date and time as written
}

// bidiMarks are the invisible marks exports put around names and at the
// start of lines: LRM, RLM, the embeddings and isolates, and the BOM.
func isMark(r rune) bool {
	switch {
	case r == '\u200e' || r == '\u200f' || r == '\ufeff':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// stripMarks removes the invisible marks from s.
func stripMarks(s string) string {
	if !strings.ContainsFunc(s, isMark) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isMark(r) {
			return -1
		}
		return r
	}, s)
}

// parseHeader reads the header at the start of line, if it has one.
func parseHeader(line string) (header, bool) {
	line = strings.TrimLeftFunc(line, isMark)
	loc := reHeader.FindStringSubmatchIndex(line)
	if loc == nil {
		return header{}, false
	}
	g := func(i int) string {
		if loc[2*i] < 0 {
			return ""
		}
		return line[loc[2*i]:loc[2*i+1]]
	}
	var h header
	h.bracket = g(1) != ""
	h.a, _ = strconv.Atoi(g(2))
	h.b, _ = strconv.Atoi(g(3))
	h.c, _ = strconv.Atoi(g(4))
	h.aWide = len(g(2)) == 4
	h.yearFirst = h.aWide
	h.cDigits = len(g(4))
	h.h, _ = strconv.Atoi(g(5))
	h.m, _ = strconv.Atoi(g(6))
	h.s, _ = strconv.Atoi(g(7))
	if l := g(8); l != "" {
		h.ampm = byte(unicode.ToLower(rune(l[0])))
	}
	h.frenchSep = strings.Contains(line[:loc[1]], "à")
	rest := line[loc[1]:]
	// The separator: "] " after an iOS header, " - " after an Android one.
	if h.bracket {
		rest = strings.TrimLeftFunc(rest, isSpace)
		if !strings.HasPrefix(rest, "]") {
			return header{}, false
		}
		rest = rest[1:]
	} else {
		rest = strings.TrimLeftFunc(rest, isSpace)
		switch {
		case strings.HasPrefix(rest, "-"):
			rest = rest[1:]
		case strings.HasPrefix(rest, "–"):
			rest = rest[len("–"):]
		default:
			return header{}, false
		}
		if rest != "" && !startsSpace(rest) {
			return header{}, false
		}
	}
	h.headerText = strings.TrimLeft(line[:loc[1]], "[")
	h.rest = strings.TrimLeftFunc(rest, func(r rune) bool { return isSpace(r) || isMark(r) })
	if !h.yearFirst && h.cDigits != 2 && h.cDigits != 4 {
		return header{}, false
	}
	return h, true
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' }

func startsSpace(s string) bool {
	for _, r := range s {
		return isSpace(r)
	}
	return false
}

// Day-month orders.
const (
	orderUnknown = iota
	dayFirst
	monthFirst
)

// evidence is what the headers of a file say of its day-month order.
type evidence struct {
	dayOver, monthOver bool // a first field above 12; a second field above 12
	french             bool // a French cue: "à" in a header, French system lines or media markers
	headers            int
	dayMonth           int // headers whose year is last (their order matters)
}

func (e *evidence) add(h header, rest string) {
	e.headers++
	if !h.yearFirst {
		e.dayMonth++
		if h.a > 12 {
			e.dayOver = true
		}
		if h.b > 12 {
			e.monthOver = true
		}
	}
	if h.frenchSep || frenchCue(rest) {
		e.french = true
	}
}

// order decides the day-month order of a file: from its dates when they
// show one order only (a first field above 12 is a day; a second field
// above 12 is a day), else from a French cue (day first), else not.
func (e *evidence) order() (int, string) {
	switch {
	case e.dayOver && !e.monthOver:
		return dayFirst, "a first field above 12"
	case e.monthOver && !e.dayOver:
		return monthFirst, "a second field above 12"
	case e.french && e.dayOver:
		return dayFirst, "dates of both orders; French lines (day first)"
	case e.french:
		return dayFirst, "no field above 12; French lines (day first)"
	}
	return orderUnknown, ""
}

// frenchCues are words of the French system lines and media markers.
var frenchCues = []string{"<Médias omis>", "Médias omis", "image absente", "vidéo absente", "pièce jointe", "fichier joint",
	"a créé le groupe", "avez créé le groupe", "a ajouté", "avez été ajouté", "Vous avez", "a quitté", "est parti",
	"chiffrés de bout en bout", "Ce message a été supprimé", "a changé", "a rejoint", "a retiré"}

func frenchCue(rest string) bool {
	for _, w := range frenchCues {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

// when returns the time of header h read in order and loc, in UTC.
func (h header) when(order int, loc *time.Location) (time.Time, bool) {
	var y, mo, d int
	switch {
	case h.yearFirst:
		y, mo, d = h.a, h.b, h.c
	case order == dayFirst:
		d, mo, y = h.a, h.b, h.c
	default:
		mo, d, y = h.a, h.b, h.c
	}
	if !h.yearFirst && h.cDigits == 2 {
		y += 2000
	}
	hour := h.h
	switch h.ampm {
	case 'a', 'p':
		if hour < 1 || hour > 12 {
			return time.Time{}, false
		}
		hour %= 12
		if h.ampm == 'p' {
			hour += 12
		}
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || hour > 23 || h.m > 59 || h.s > 59 || y < 1000 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, hour, h.m, h.s, 0, loc)
	if t.Day() != d { // 31 February
		return time.Time{}, false
	}
	return t.UTC(), true
}
