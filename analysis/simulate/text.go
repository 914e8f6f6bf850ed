package simulate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// style is an author's way of writing, fixed per person.
type style struct {
	abbrev     bool // abbreviates (qqun, ds, pb, bcp...)
	noAccent   bool // never types accents
	lowerStart bool // does not capitalise
	emoji      float64
}

// abbreviation is a word or phrase and its abbreviated form.
type abbreviation struct{ full, short string }

var aideAbbrevs = []abbreviation{
	{"s'il vous plaît", "svp"}, {"quelqu'un", "qqun"}, {"quelque chose", "qqch"}, {"dans", "ds"},
	{"problème", "pb"}, {"problèmes", "pbs"}, {"beaucoup", "bcp"}, {"toujours", "tjs"},
	{"rendez-vous", "rdv"}, {"coucou", "cc"}, {"bonjour", "bjr"}, {"salut", "slt"}, {"pourquoi", "pk"}, {"aujourd'hui", "auj"}, {"vous", "vs"}, {"tout", "tt"},
	{"temps", "tps"}, {"week-ends", "we"}, {"week-end", "we"}, {"pendant", "pdt"}, {"quand", "qd"},
	{"parce que", "pcq"}, {"traitement", "ttt"}, {"d'accord", "dac"}, {"bénéficiaire", "bénéf"},
	{"bénéficiaires", "bénéfs"}, {"merci", "mci"}, {"je ne sais pas", "jsp"}, {"c'est", "c"},
}

var gpAbbrevs = []abbreviation{
	{"permanence des soins", "PDS"}, {"traitement", "ttt"}, {"quelqu'un", "qqun"}, {"dans", "ds"},
	{"problème", "pb"}, {"beaucoup", "bcp"}, {"toujours", "tjs"}, {"rendez-vous", "rdv"},
	{"diagnostic", "diag"}, {"consultation", "consult"}, {"patiente", "ptte"}, {"patient", "pt"},
	{"antibiotique", "ATB"}, {"médecin traitant", "MT"}, {"pour", "pr"}, {"semaines", "sem"},
	{"Sondage", "Sdg"}, {"d'abord", "dabord"},
}

// Emoji by mood: what a message's emoji say must fit what it says.
var aideEmoji = map[string][]string{
	"pos":      {"❤️", "🥰", "😘", "🤗", "💪", "🙏", "😊", "💕"},
	"neg":      {"😡", "😤", "😩", "😭", "😢", "✊", "😱", "💔"},
	"fun":      {"😂", "🤣", "😅", "😆", "🙈"},
	"neutral":  {"👍", "😉", "🙏", "😊"},
	"q":        {"🤔", "🙏", "😅", "😕", "🙄"},
	"disagree": {"🤔", "😬", "🙄", "😕", "⚠️"},
}

var gpEmoji = map[string][]string{
	"pos":      {"🙏", "👍", "👌", "😊"},
	"neg":      {"😩", "😤", "🤦‍♂️", "🤦‍♀️"},
	"fun":      {"😅", "😂", "😉"},
	"neutral":  {"👍", "😉", "🩺", "💊", "👌"},
	"q":        {"🤔", "🙏", "😅", "🤷‍♂️", "🤷‍♀️", "🧐"},
	"disagree": {"🤔", "😬", "⚠️", "🧐"},
}

// moods maps a theme or a stance to the mood of its emoji.
var moods = map[string]string{
	ThemeConditions: "neg", ThemeFuture: "neg", ThemeSupport: "neg", ThemePractice: "pos", ThemeOther: "fun",
	stAdvice: "neutral", stCite: "neutral", stAgree: "pos", stDisagree: "disagree", stSupport: "pos",
	stThanks: "pos", stUp: "q",
}

// texter writes the messages of one profession.
type texter struct {
	g       grammar
	prof    corpus.Profession
	noise   Noise
	abbrevs []abbreviation
	emoji   map[string][]string
}

func newTexter(prof corpus.Profession, n Noise) *texter {
	if prof == corpus.GP {
		return &texter{g: gpGrammar, prof: prof, noise: n, abbrevs: gpAbbrevs, emoji: gpEmoji}
	}
	return &texter{g: aideGrammar, prof: prof, noise: n, abbrevs: aideAbbrevs, emoji: aideEmoji}
}

// newStyle draws an author's style.
func (t *texter) newStyle(r rng) style {
	if t.prof == corpus.GP {
		return style{abbrev: r.chance(t.noise.AbbrevAuthorsGP), noAccent: r.chance(t.noise.NoAccentAuthorsGP),
			lowerStart: r.chance(0.15), emoji: t.noise.EmojiGP * 2 * r.Float64()}
	}
	return style{abbrev: r.chance(t.noise.AbbrevAuthorsAide), noAccent: r.chance(t.noise.NoAccentAuthorsAide),
		lowerStart: r.chance(0.35), emoji: t.noise.EmojiAide * 2 * r.Float64()}
}

// topic draws the core of a question of the given type: what a recurring
// question keeps when it is re-worded.
func (t *texter) topic(r rng, qtype string) string {
	switch qtype {
	case "therapeutic", "diagnostic":
		return t.g.expand(r, qtype+".topic", "")
	case "administrative":
		return t.g.expand(r, "admin", "")
	case "bibliographic":
		return t.g.expand(r, "biblio", "")
	}
	// poll, rights, care, organisation
	return t.g.expand(r, qtype, "")
}

// question writes a question around its topic.
func (t *texter) question(r rng, qtype, topic string, st style) string {
	return t.finish(r, t.g.expand(r, "q."+qtype, topic), st, "q")
}

// post writes a thread start that is not a question.
func (t *texter) post(r rng, theme string, st style) string {
	return t.finish(r, t.contextualise(r, t.g.expand(r, "post."+theme, "")), st, moods[theme])
}

// answer writes an answer of the given stance. kind is the question type
// (advice), the cited source kind (cite) or the thread theme (comment).
func (t *texter) answer(r rng, stance, kind string, st style) string {
	var s string
	switch stance {
	case stAdvice:
		s = t.g.expand(r, "a.advice."+kind, "")
	case stCite:
		s = t.g.expand(r, "a.cite."+kind, "")
	case stComment:
		s = t.g.expand(r, "c."+kind, "")
	case stUp:
		s = r.pick([]string{"up", "up svp", "petit up", "up personne ?", "je remonte", "up 🙏", "toujours personne ?"})
	case stPoster:
		s = t.g.expand(r, "c.poster", "")
	default:
		s = t.g.expand(r, "a."+stance, "")
	}
	s = t.contextualise(r, s)
	mood := moods[stance]
	if stance == stComment || stance == stPoster {
		mood = moods[kind]
		if kind == ThemeSupport || stance == stPoster {
			mood = "pos"
		}
	}
	return t.finish(r, s, st, mood)
}

// contextualise lengthens short messages as people do: a lead word
// ("Franchement", "Perso") and a personal context clause ("chez nous à
// Brest", "en 20 ans d'exercice"), so that short answers are not all alike.
func (t *texter) contextualise(r rng, s string) string {
	if len(s) >= 70 {
		return s
	}
	if r.chance(0.45) {
		lead := t.g.expand(r, "lead", "")
		if s != "" {
			rn, n := utf8.DecodeRuneInString(s)
			if !unicode.IsUpper(rn) || (len(s) > n && !unicode.IsUpper(rune(s[n]))) {
				s = string(unicode.ToLower(rn)) + s[n:]
			}
		}
		sep := r.pick([]string{" ", ", ", "... "})
		s = lead + sep + s
	}
	if r.chance(0.85) {
		ctx := t.g.expand(r, "ctx", "")
		trimmed := strings.TrimRight(s, " !.?")
		switch {
		case strings.HasSuffix(s, "?"):
			s = ctx + ", " + lowerFirst(s)
		case r.chance(0.5):
			s = trimmed + ", " + ctx
		default:
			s = trimmed + r.pick([]string{". ", " ! ", "... "}) + upperFirst(ctx)
		}
	}
	return s
}

func lowerFirst(s string) string {
	rn, n := utf8.DecodeRuneInString(s)
	if len(s) > n && unicode.IsUpper(rune(s[n])) {
		return s
	}
	return string(unicode.ToLower(rn)) + s[n:]
}

func upperFirst(s string) string {
	rn, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(rn)) + s[n:]
}

// finish tidies a generated sentence and applies the author's noise.
func (t *texter) finish(r rng, s string, st style, mood string) string {
	s = tidy(s)
	if st.abbrev {
		for _, a := range t.abbrevs {
			for _, v := range [2]abbreviation{a, {upperFirst(a.full), upperFirst(a.short)}} {
				if strings.Contains(s, v.full) && r.chance(t.noise.AbbrevRate) {
					s = replaceWord(s, v.full, v.short)
				}
			}
		}
	}
	if st.noAccent {
		s = stripAccents(s)
	}
	s = t.typos(r, s)
	if strings.Contains(s, "?") && r.chance(0.35) {
		s = strings.Replace(s, "?", r.pick([]string{" ?", "??", "?!", "???", " ??"}), 1)
	}
	if st.lowerStart && s != "" {
		rn, n := utf8.DecodeRuneInString(s)
		if unicode.IsUpper(rn) && !strings.HasPrefix(s, "#") && !(len(s) > 1 && unicode.IsUpper(rune(s[1]))) {
			s = string(unicode.ToLower(rn)) + s[n:]
		}
	}
	if r.chance(st.emoji) {
		set := t.emoji[mood]
		if len(set) == 0 {
			set = t.emoji["neutral"]
		}
		e := r.pick(set)
		if r.chance(0.3) {
			e = strings.Repeat(e, 2+r.IntN(2))
		}
		s += " " + e
	}
	s = strings.ReplaceAll(s, "  ", " ")
	if len(s) > 90 && r.chance(t.noise.NewlineRate) {
		if i := strings.Index(s[40:], ". "); i >= 0 {
			s = s[:40+i+1] + "\n" + s[40+i+2:]
		} else if i := strings.Index(s[40:], ", "); i >= 0 {
			s = s[:40+i+1] + "\n" + s[40+i+2:]
		}
	}
	return s
}

// tidy collapses spaces left by empty slots and fixes punctuation spacing.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range []string{" ,", " ."} {
		for strings.Contains(s, p) {
			s = strings.ReplaceAll(s, p, p[1:])
		}
	}
	s = strings.ReplaceAll(s, ",,", ",")
	s = strings.ReplaceAll(s, ", ?", " ?")
	s = strings.ReplaceAll(s, ",.", ".")
	for _, e := range elisions {
		s = strings.ReplaceAll(s, e[0], e[1])
	}
	s = strings.TrimLeft(s, ", ")
	s = strings.TrimRight(s, ", ")
	if s != "" {
		rn, n := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(rn)) + s[n:]
	}
	return s
}

// elisions are the French contractions slots can break.
var elisions = [][2]string{{" de une ", " d'une "}, {" de un ", " d'un "}, {" de à ", " à "}, {" que il", " qu'il"},
	{" que elle", " qu'elle"}, {" de le ", " du "}, {" à le ", " au "}, {" de les ", " des "}, {" que on ", " qu'on "},
	{" si il", " s'il"}, {" je ai ", " j'ai "}, {" le arrêt", " l'arrêt"}, {" de ADMR", " de l'ADMR"}}

// replaceWord replaces whole-word occurrences of full by short.
func replaceWord(s, full, short string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, full)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(full):])
		okB := i == 0 || !unicode.IsLetter(before)
		okA := i+len(full) == len(s) || !unicode.IsLetter(after)
		b.WriteString(s[:i])
		if okB && okA {
			b.WriteString(short)
		} else {
			b.WriteString(full)
		}
		s = s[i+len(full):]
	}
}

var accentReplacer = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a",
	"î", "i", "ï", "i", "ô", "o", "ù", "u", "û", "u", "ç", "c", "É", "E")

func stripAccents(s string) string { return accentReplacer.Replace(s) }

// typos alters some words: a letter dropped, doubled or two swapped.
func (t *texter) typos(r rng, s string) string {
	if t.noise.TypoRate <= 0 {
		return s
	}
	words := strings.Split(s, " ")
	changed := false
	for i, w := range words {
		if len(w) < 4 || strings.ContainsAny(w[:1], "#@") || strings.HasPrefix(w, "http") || !r.chance(t.noise.TypoRate) {
			continue
		}
		rs := []rune(w)
		if len(rs) < 4 {
			continue
		}
		letters := true
		for _, c := range rs {
			if !unicode.IsLetter(c) {
				letters = false
				break
			}
		}
		if !letters {
			continue
		}
		k := 1 + r.IntN(len(rs)-2)
		switch r.IntN(3) {
		case 0:
			rs = append(rs[:k], rs[k+1:]...)
		case 1:
			rs = append(rs[:k+1], rs[k:]...)
		default:
			rs[k], rs[k+1] = rs[k+1], rs[k]
		}
		words[i] = string(rs)
		changed = true
	}
	if !changed {
		return s
	}
	return strings.Join(words, " ")
}
