package pseudo

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// PhoneToken replaces every phone number in texts.
const PhoneToken = "<phone>"

// InviteToken replaces the secret part of a Telegram invitation link
// (t.me/joinchat/…, t.me/+…).
const InviteToken = "<invite>"

// spanKind says what a span found before scanning is.
type spanKind uint8

const (
	spanEmail    spanKind = iota + 1
	spanAcct              // "@user@instance": a fediverse account, whole
	spanMastoURL          // the "@user" or "user" of instance/@user, instance/users/user
	spanDID               // did:plc:…, did:web:…
	spanPhone             // a phone number
	spanReddit            // the name of u/name
)

// span is a part of a text found before scanning and replaced whole:
// t[from:to]; arg is what the replacement is derived from (the acct, the
// DID, the user name).
type span struct {
	from, to int
	kind     spanKind
	arg      string
}

// findSpans returns the spans of t, in order and without overlaps (the
// earlier, then the longer, wins).
func findSpans(t string) []span {
	out := findEmails(t)
	out = findDIDs(t, out)
	out = findPhones(t, out)
	out = findSlashSpans(t, out)
	if len(out) < 2 {
		return out
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].from != out[j].from {
			return out[i].from < out[j].from
		}
		return out[i].to > out[j].to
	})
	kept := out[:1]
	for _, s := range out[1:] {
		if s.from >= kept[len(kept)-1].to {
			kept = append(kept, s)
		}
	}
	return kept
}

// replacement returns what span sp is replaced by, making the accounts it
// names known (so that it also serves Meet).
func (s *scanner) replacement(sp span) string {
	switch sp.kind {
	case spanEmail:
		return EmailToken
	case spanAcct:
		return "@" + s.mention(corpus.Mastodon, sp.arg)
	case spanMastoURL:
		repl := s.mention(corpus.Mastodon, sp.arg)
		if s.t[sp.from] == '@' {
			return "@" + repl
		}
		return repl
	case spanDID:
		return s.person(corpus.Bluesky, rawio.Person{ID: sp.arg})
	case spanPhone:
		return PhoneToken
	case spanReddit:
		// Discourse's profile paths are /u/name too: in a forum's text
		// they name the forum's user, whose pseudonym is Discourse's.
		if s.platform == corpus.Discourse {
			return s.mention(corpus.Discourse, sp.arg)
		}
		return s.mention(corpus.Reddit, sp.arg)
	}
	return s.t[sp.from:sp.to]
}

// atBefore returns the length of the at-sign ('@', '＠', "%40") ending at
// t[i], 0 when there is none.
func atBefore(t string, i int) int {
	switch {
	case i >= 1 && t[i-1] == '@':
		if i >= 3 && t[i-3:i-1] == "%25" {
			return 0 // "%25@": not an at-sign
		}
		return 1
	case i >= 3 && (t[i-3:i] == "%40"):
		if i >= 5 && t[i-5:i] == "%2540" {
			return 5
		}
		return 3
	case i >= len("＠") && t[i-len("＠"):i] == "＠":
		return len("＠")
	}
	return 0
}

// acctStart returns where the fediverse account whose domain follows the
// at-sign at t[i] starts ("@user@instance": the first at-sign), or -1 when
// the user part is not preceded by an at-sign that follows no word rune.
func acctStart(t string, i, min int) int {
	us := i
	for us > min && i-us < 64 && isHandleByte(t[us-1]) && !escapeBefore(t, us) {
		us--
	}
	if us == i {
		return -1
	}
	n := atBefore(t, us)
	if n == 0 || us-n < min {
		return -1
	}
	a := us - n
	if a > 0 && !escapeBefore(t, a) {
		r, _ := utf8.DecodeLastRuneInString(t[:a])
		if r == '_' || isWordRune(r) || r == '@' {
			return -1
		}
	}
	return a
}

// findDIDs appends the DIDs of t: "did:plc:" and 24 base32 characters,
// or "did:web:" and a domain (with "%3A" before a port), not preceded by
// a letter or digit.
func findDIDs(t string, out []span) []span {
	for c := 0; ; {
		j := strings.IndexByte(t[c:], ':')
		if j < 0 {
			return out
		}
		c += j + 1
		if c < len("did:") || t[c-4:c] != "did:" {
			continue
		}
		i := c - 4
		k := c
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(t[:i]); r == '_' || isWordRune(r) {
				continue
			}
		}
		end := 0
		switch {
		case strings.HasPrefix(t[k:], "plc:"):
			e := k + len("plc:")
			n := 0
			for e+n < len(t) && n <= 24 && (t[e+n] >= 'a' && t[e+n] <= 'z' || t[e+n] >= '2' && t[e+n] <= '7') {
				n++
			}
			if n == 24 && !wordRuneAt(t, e+n, len(t)) {
				end = e + n
			}
		case strings.HasPrefix(t[k:], "web:"):
			e := k + len("web:")
			if de := domainEnd(t, e); de > 0 {
				end = de
				if hasPrefixFold(t[end:], "%3A") {
					if d := digitsEnd(t, end+3, len(t)); d > end+3 {
						end = d
					}
				}
			}
		}
		if end > 0 {
			out = append(out, span{i, end, spanDID, t[i:end]})
			c = end
		}
	}
}

// redditUserAt returns the span of the user name of "u/name" when the
// slash at t[c-1] follows a 'u' (Reddit's own way of naming an account;
// also "/u/name", reddit.com/u/name): 'u' not preceded by a letter, a
// digit, '_', '-' or '.', then 3 to 20 letters, digits, '_' or '-' that no
// other letter follows, other than a unit ("10 u/min": see units).
func redditUserAt(t string, c int) (span, bool) {
	if c < 2 || t[c-2] != 'u' {
		return span{}, false
	}
	i, k := c-2, c
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(t[:i])
		if r == '_' || isWordRune(r) || r == '-' || r == '.' {
			return span{}, false
		}
	}
	if pseudonymAt(t, k) > 0 {
		return span{}, false
	}
	e := k
	for e < len(t) && e-k <= 20 && (isHandleByte(t[e]) || t[e] == '-') {
		e++
	}
	if n := e - k; n >= 3 && n <= 20 && !wordRuneAt(t, e, len(t)) && !units[strings.ToLower(t[k:e])] {
		return span{k, e, spanReddit, t[k:e]}, true
	}
	return span{}, false
}

// units are the words after "u/" that are units of a dose or a rate
// ("10 u/min", "UI/kg" is not "u/"), not Reddit users.
var units = set("min", "sec", "mol", "mmol", "day", "jour", "jours", "heure", "hour", "mois", "semaine",
	"week", "dose", "kg", "mg", "ml", "litre", "an")

// findSlashSpans appends the spans that start at a slash: Reddit's
// u/name (see redditUserAt) and Mastodon profile addresses (see
// below), in one pass.
//
// Mastodon profile addresses: the accounts
// on any instance: "instance.tld/@user" (the "@user", when no
// "@other.tld" follows: that is an acct, found with the e-mails) and
// "instance.tld/users/user" (ActivityPub ids, also followed by
// /statuses/…), the instance being a domain of two labels or more that
// follows "//" or no word.
func findSlashSpans(t string, out []span) []span {
	for i := 0; ; i++ {
		j := strings.IndexByte(t[i:], '/')
		if j < 0 {
			return out
		}
		i += j
		if sp, ok := redditUserAt(t, i+1); ok {
			out = append(out, sp)
			i = sp.to - 1
			continue
		}
		{
			var sep string
			switch {
			case strings.HasPrefix(t[i:], "/@"):
				sep = "/@"
			case strings.HasPrefix(t[i:], "/users/"):
				sep = "/users/"
			default:
				continue
			}
			k := i + len(sep)
			host := hostBefore(t, i)
			if host == "" || pseudonymAt(t, k) > 0 {
				i = k - 1
				continue
			}
			e := k
			for e < len(t) && e-k <= 64 && isHandleByte(t[e]) {
				e++
			}
			if e == k || wordRuneAt(t, e, len(t)) || e-k > 64 ||
				sep == "/@" && e < len(t) && (t[e] == '@' || t[e] == '.' || t[e] == '-') {
				i = k - 1
				continue
			}
			from := k
			if sep == "/@" {
				from = i + 1
			}
			acct := t[k:e] + "@" + strings.ToLower(host)
			out = append(out, span{from, e, spanMastoURL, acct})
			i = e - 1
		}
	}
}

// hostBefore returns the host name ending at t[i] when it is a domain of
// two labels or more (letters, digits, '-') whose last label has two
// letters or more, preceded by "//", the start of t or a space; "" when
// there is none.
func hostBefore(t string, i int) string {
	j := i
	for j > 0 && i-j < 255 {
		c := t[j-1]
		if isAlnum(c) || c == '-' || c == '.' {
			j--
			continue
		}
		break
	}
	if j == i || t[j] == '.' || t[j] == '-' {
		return ""
	}
	if j > 0 {
		if c := t[j-1]; c != '/' && c != ' ' && c != '\n' && c != '\t' && c != '(' && c != '"' && c != '\'' && c != '<' {
			return ""
		}
	}
	host := t[j:i]
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || dot >= len(host)-2 {
		return ""
	}
	for k := dot + 1; k < len(host); k++ {
		if c := host[k]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return ""
		}
	}
	if strings.Contains(host, "..") {
		return ""
	}
	return host
}

// Last labels of domain handles taken as Bluesky handles in the texts of
// other platforms ("@jean-dupont.fr" on Twitter, where '.' and '-' end
// a handle): the domains where people who name themselves by domain
// live, without the words that follow a mention and a period ("@alice.Merci").
var handleTLDs = set("social", "fr", "com", "net", "org", "eu", "be", "ch", "ca", "io", "app",
	"dev", "me", "info", "xyz", "blue", "bzh", "paris", "re", "lu", "uk", "de", "it", "es", "us")

// domainMention reads a domain handle ("alice.bsky.social",
// "jean-dupont.fr") written after an at-sign, starting at t[start] (the
// ASCII handle run ends at he, on a '.' or a '-'). It returns its end and
// pseudonym, or 0: a domain handle has two labels or more of letters,
// digits and inner hyphens, the last one of letters only, and no letter
// or digit after it. On Bluesky every domain handle is one; elsewhere a
// known handle, one ending in ".bsky.social" or in one of handleTLDs.
func (s *scanner) domainMention(start, he int) (int, string) {
	t := s.t
	if strings.IndexByte(t[start:he], '_') >= 0 {
		return 0, ""
	}
	e, labels, last := start, 0, start
	for e < s.end && e-start <= 253 {
		ls := e
		for e < s.end && (isAlnum(t[e]) || t[e] == '-') {
			e++
		}
		if e == ls || t[ls] == '-' || t[e-1] == '-' {
			return 0, ""
		}
		labels++
		last = ls
		if e+1 < s.end && t[e] == '.' && isAlnum(t[e+1]) {
			e++
			continue
		}
		break
	}
	if labels < 2 || e-last < 2 || wordRuneAt(t, e, s.end) || e < s.end && t[e] == '-' {
		return 0, ""
	}
	for k := last; k < e; k++ {
		if !(t[k] >= 'a' && t[k] <= 'z' || t[k] >= 'A' && t[k] <= 'Z') {
			return 0, ""
		}
	}
	s.buf = appendLower(s.buf[:0], t[start:e])
	handle := string(s.buf)
	if s.platform != corpus.Bluesky {
		if h := s.n.handleSet(); h != nil {
			if repl := h.lookup(s.platform, s.buf); repl != "" {
				return e, repl
			}
		}
		if !strings.HasSuffix(handle, ".bsky.social") && !handleTLDs[handle[strings.LastIndexByte(handle, '.')+1:]] {
			return 0, ""
		}
	}
	return e, s.mention(corpus.Bluesky, handle)
}
