package pseudo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Text returns text with every @handle replaced by '@' and the pseudonym
// of the handle on platform, and with the account part of twitter.com,
// x.com and facebook.com profile addresses pseudonymised (see the package
// documentation). E-mail addresses are left as they are.
func (p *Pseudonymizer) Text(platform corpus.Platform, text string) string {
	if !mayNeedScrub(text) {
		return text
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '@' || c == 0xEF && strings.HasPrefix(text[i:], "＠"):
			at := 1
			if c != '@' {
				at = len("＠")
			}
			start := i + at
			if wordBefore(text, i) {
				i = start
				continue
			}
			if n := pseudonymAt(text, start); n > 0 {
				i = start + n
				continue
			}
			end := start
			for end < len(text) && isHandleByte(text[end]) {
				end++
			}
			if end > start {
				b.WriteString(text[last:i])
				b.WriteByte('@')
				b.WriteString(p.Handle(platform, text[start:end]))
				last = end
			}
			i = end
		case c == 't' || c == 'T' || c == 'x' || c == 'X' || c == 'f' || c == 'F':
			n, from, to, repl := p.profileURL(text, i)
			if n == 0 {
				i++
				continue
			}
			if repl != "" {
				b.WriteString(text[last:from])
				b.WriteString(repl)
				last = to
			}
			i += n
		default:
			i++
		}
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// mayNeedScrub is a fast test: false when text holds neither an '@' nor
// a ".com/" address, in any case.
func mayNeedScrub(text string) bool {
	if strings.ContainsAny(text, "@＠") {
		return true
	}
	for i := strings.IndexByte(text, '/'); i >= 0; {
		if i >= 4 && text[i-4] == '.' && strings.EqualFold(text[i-3:i], "com") {
			return true
		}
		j := strings.IndexByte(text[i+1:], '/')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// wordBefore reports whether the rune before text[i] is a word character.
func wordBefore(text string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isHandleByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// pseudonymAt returns the length of the pseudonym starting at text[i], or
// 0 when there is none (a pseudonym must not be followed by a word
// character).
func pseudonymAt(text string, i int) int {
	n := len(Prefix) + Len
	if len(text)-i < n || !IsPseudonym(text[i:i+n]) {
		return 0
	}
	if i+n < len(text) {
		r, _ := utf8.DecodeRuneInString(text[i+n:])
		if r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return 0
		}
	}
	return n
}

// Hosts whose addresses name accounts.
var (
	twitterHosts  = []string{"twitter.com/", "x.com/"}
	facebookHosts = []string{"facebook.com/", "fb.com/"}
)

// First path segments of twitter.com and facebook.com that are not
// accounts.
var (
	twitterReserved = set("i", "intent", "search", "hashtag", "home", "share", "explore",
		"settings", "messages", "notifications", "login", "logout", "signup", "tos", "privacy",
		"compose", "who_to_follow", "account", "download", "about", "help", "jobs", "en", "fr")
	facebookReserved = set("groups", "pages", "events", "photo", "photo.php", "photos", "watch",
		"permalink.php", "story.php", "sharer", "sharer.php", "share", "hashtag", "notes", "media",
		"video.php", "videos", "l.php", "login", "login.php", "help", "policies", "marketplace",
		"gaming", "reel", "reels", "stories", "business", "ads", "settings", "messages",
		"notifications", "search", "home.php", "privacy", "legal", "fundraisers", "donate",
		"plugins", "dialog", "tr", "watchparty", "live", "jobs", "bookmarks", "saved", "friends",
		"profile.php", "people", "about", "places", "pg", "page", "s.php", "n", "r.php")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// profileURL looks at text[i] for a twitter.com, x.com, facebook.com or
// fb.com address. It returns how many bytes to skip (0 when there is no
// such address), and the span [from, to) to replace by repl (repl == ""
// when nothing is to be replaced).
func (p *Pseudonymizer) profileURL(text string, i int) (n, from, to int, repl string) {
	if wordBefore(text, i) || i > 0 && text[i-1] == '-' {
		return 0, 0, 0, ""
	}
	for _, h := range twitterHosts {
		if hasPrefixFold(text[i:], h) {
			start := i + len(h)
			if k := pseudonymAt(text, start); k > 0 {
				return len(h) + k, 0, 0, ""
			}
			end := start
			for end < len(text) && isHandleByte(text[end]) {
				end++
			}
			seg := text[start:end]
			if seg == "" || twitterReserved[strings.ToLower(seg)] {
				return len(h), 0, 0, ""
			}
			return end - i, start, end, p.Handle(corpus.Twitter, seg)
		}
	}
	for _, h := range facebookHosts {
		if hasPrefixFold(text[i:], h) {
			return p.facebookURL(text, i, i+len(h))
		}
	}
	return 0, 0, 0, ""
}

func (p *Pseudonymizer) facebookURL(text string, i, start int) (n, from, to int, repl string) {
	if k := pseudonymAt(text, start); k > 0 {
		return start + k - i, 0, 0, ""
	}
	seg, end := fbSegment(text, start)
	switch lower := strings.ToLower(seg); {
	case seg == "":
		return start - i, 0, 0, ""
	case lower == "profile.php":
		const q = "?id="
		if hasPrefixFold(text[end:], q) {
			idStart := end + len(q)
			idEnd := digitsEnd(text, idStart)
			if idEnd > idStart {
				return idEnd - i, idStart, idEnd, p.Person(corpus.Facebook, rawio.Person{ID: text[idStart:idEnd]})
			}
		}
		return end - i, 0, 0, ""
	case lower == "people" && end < len(text) && text[end] == '/':
		// facebook.com/people/Given-Family/123
		nameStart := end + 1
		nameEnd := nameStart
		for nameEnd < len(text) && text[nameEnd] != '/' && !isURLStop(text[nameEnd]) {
			nameEnd++
		}
		if nameEnd < len(text) && text[nameEnd] == '/' {
			idEnd := digitsEnd(text, nameEnd+1)
			if idEnd > nameEnd+1 {
				return idEnd - i, nameStart, idEnd, p.Person(corpus.Facebook, rawio.Person{ID: text[nameEnd+1 : idEnd]})
			}
		}
		if nameEnd > nameStart {
			return nameEnd - i, nameStart, nameEnd, p.Person(corpus.Facebook, rawio.Person{Handle: text[nameStart:nameEnd]})
		}
		return end - i, 0, 0, ""
	case lower == "groups" && end < len(text) && text[end] == '/':
		// facebook.com/groups/123/user/456
		gid, gend := fbSegment(text, end+1)
		const u = "/user/"
		if gid != "" && hasPrefixFold(text[gend:], u) {
			idStart := gend + len(u)
			idEnd := digitsEnd(text, idStart)
			if idEnd > idStart {
				return idEnd - i, idStart, idEnd, p.Person(corpus.Facebook, rawio.Person{ID: text[idStart:idEnd]})
			}
		}
		return gend - i, 0, 0, ""
	case facebookReserved[lower]:
		return end - i, 0, 0, ""
	}
	return end - i, start, end, p.Person(corpus.Facebook, rawio.Person{Handle: seg})
}

// fbSegment returns the Facebook path segment (letters, digits, '.', '_'
// and '-', without trailing dots) starting at text[start].
func fbSegment(text string, start int) (string, int) {
	end := start
	for end < len(text) && (isHandleByte(text[end]) || text[end] == '.' || text[end] == '-') {
		end++
	}
	for end > start && text[end-1] == '.' {
		end--
	}
	return text[start:end], end
}

func digitsEnd(text string, i int) int {
	for i < len(text) && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	return i
}

func isURLStop(c byte) bool {
	return c <= ' ' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>' || c == ')'
}

// hasPrefixFold reports whether s starts with the ASCII prefix, ignoring
// ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
