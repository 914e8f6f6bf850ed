package pseudo

import (
	"strings"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
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
	// Pages whose query names the poster: story.php?story_fbid=1&id=2.
	facebookQueryID = set("permalink.php", "story.php", "photo.php")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// slashAt returns the length of the slash written at t[j] ('/', "%2F",
// "%252F" or the JSON-escaped "\/"), 0 when there is none.
func slashAt(t string, j, end int) int {
	switch {
	case j >= end:
		return 0
	case t[j] == '/':
		return 1
	case t[j] == '\\' && j+1 < end && t[j+1] == '/':
		return 2
	case hasPrefixFold(t[j:end], "%2F"):
		return 3
	case hasPrefixFold(t[j:end], "%252F"):
		return 5
	}
	return 0
}

// host handles a profile address whose host name starts with the word
// t[i:he] ("twitter" in "twitter.com/handle", also after "mobile." or
// "www."). It returns where scanning resumes, or 0 when t[i:] is no such
// address.
func (s *scanner) host(i, he int) int {
	t := s.t
	if he >= s.end || t[he] != '.' || i > 0 && t[i-1] == '-' {
		return 0
	}
	run := t[i:he]
	switch len(run) {
	case 1, 2, 4, 6, 7, 8:
	default:
		return 0
	}
	var fb bool
	var other func(start int) int
	var tlds []string
	// The first letter, lower-cased, spares most comparisons: most
	// words before a '.' are none of these.
	switch c := run[0] | 0x20; {
	case c == 'b' && strings.EqualFold(run, "bsky"):
		tlds, other = []string{".app"}, s.blueskyURL
	case c == 't' && (len(run) == 1 || strings.EqualFold(run, "telegram")):
		tlds, other = []string{".me"}, s.telegramURL
	case c == 'r' && strings.EqualFold(run, "reddit"):
		tlds, other = []string{".com"}, s.redditURL
	case c == 't' && strings.EqualFold(run, "twitter"), c == 'x' && len(run) == 1:
		tlds = []string{".com"}
	case c == 'f' && strings.EqualFold(run, "facebook"):
		tlds, fb = []string{".com"}, true
	case c == 'f' && strings.EqualFold(run, "fb"):
		tlds, fb = []string{".com", ".me"}, true
	case c == 'm' && len(run) == 1:
		tlds, fb = []string{".me"}, true
	default:
		return 0
	}
	j := -1
	for _, tld := range tlds {
		if hasPrefixFold(t[he:s.end], tld) {
			j = he + len(tld)
			break
		}
	}
	if j < 0 {
		return 0
	}
	n := slashAt(t, j, s.end)
	if n == 0 {
		return 0
	}
	start := j + n
	if fb {
		return s.facebookURL(start)
	}
	if other != nil {
		return other(start)
	}
	if strings.HasPrefix(t[start:s.end], "#!") {
		// Addresses of 2010-2012: twitter.com/#!/handle.
		if m := slashAt(t, start+2, s.end); m > 0 {
			start += 2 + m
		}
	}
	if k := pseudonymAt(t, start); k > 0 && start+k <= s.end {
		return start + k
	}
	end := start
	for end < s.end && isHandleByte(t[end]) {
		end++
	}
	seg := t[start:end]
	if seg == "" || wordRuneAt(t, end, s.end) {
		return start
	}
	if s.buf = appendLower(s.buf[:0], seg); twitterReserved[string(s.buf)] {
		return start
	}
	s.replace(start, end, s.person(corpus.Twitter, rawio.Person{Handle: seg}))
	return end
}

// blueskyURL handles the path of a bsky.app address: profile/HANDLE or
// profile/DID (the DIDs are spans, replaced apart), also followed by
// /post/….
func (s *scanner) blueskyURL(start int) int {
	t := s.t
	if !hasPrefixFold(t[start:s.end], "profile") {
		return start
	}
	n := slashAt(t, start+len("profile"), s.end)
	if n == 0 {
		return start
	}
	hs := start + len("profile") + n
	if k := pseudonymAt(t, hs); k > 0 && hs+k <= s.end {
		return hs + k
	}
	he := hs
	for he < s.end && (isAlnum(t[he]) || t[he] == '-' || t[he] == '.' && he+1 < s.end && isAlnum(t[he+1])) {
		he++
	}
	if he == hs || wordRuneAt(t, he, s.end) || hasPrefixFold(t[hs:he], "did:") {
		return hs
	}
	s.buf = appendLower(s.buf[:0], t[hs:he])
	s.replace(hs, he, s.mention(corpus.Bluesky, string(s.buf)))
	return he
}

// Paths of t.me that name no account.
var telegramReserved = set("s", "c", "share", "addstickers", "addemoji", "addlist", "proxy", "socks",
	"iv", "login", "setlanguage", "addtheme", "bg", "boost", "confirmphone", "contact", "invoice")

// telegramURL handles the path of a t.me or telegram.me address:
// t.me/username (a person, or a public channel or group: the same
// namespace, so all are pseudonymised), t.me/s/channel; the invitation
// hashes of t.me/joinchat/HASH and t.me/+HASH become InviteToken (they
// name a group, but let anyone join it and see its members).
func (s *scanner) telegramURL(start int) int {
	t := s.t
	if k := pseudonymAt(t, start); k > 0 && start+k <= s.end {
		return start + k
	}
	inviteAt := -1
	switch {
	case start < s.end && t[start] == '+':
		inviteAt = start + 1
	case hasPrefixFold(t[start:s.end], "%2B"):
		inviteAt = start + 3
	case hasPrefixFold(t[start:s.end], "joinchat"):
		if n := slashAt(t, start+len("joinchat"), s.end); n > 0 {
			inviteAt = start + len("joinchat") + n
		}
	}
	if inviteAt >= 0 {
		e := inviteAt
		for e < s.end && (isHandleByte(t[e]) || t[e] == '-') {
			e++
		}
		if e > inviteAt {
			s.replace(inviteAt, e, InviteToken)
			return e
		}
		return inviteAt
	}
	end := start
	for end < s.end && isHandleByte(t[end]) {
		end++
	}
	seg := t[start:end]
	if seg == "" || wordRuneAt(t, end, s.end) {
		return start
	}
	s.buf = appendLower(s.buf[:0], seg)
	if string(s.buf) == "s" {
		if n := slashAt(t, end, s.end); n > 0 {
			return s.telegramURL(end + n)
		}
	}
	if telegramReserved[string(s.buf)] {
		return end
	}
	s.replace(start, end, s.mention(corpus.Telegram, seg))
	return end
}

// redditURL handles the path of a reddit.com address (www., old., np.):
// user/NAME (u/NAME is found anywhere, see redditUserAt).
func (s *scanner) redditURL(start int) int {
	t := s.t
	if !hasPrefixFold(t[start:s.end], "user") {
		return start
	}
	n := slashAt(t, start+len("user"), s.end)
	if n == 0 {
		return start
	}
	us := start + len("user") + n
	if k := pseudonymAt(t, us); k > 0 && us+k <= s.end {
		return us + k
	}
	ue := us
	for ue < s.end && (isHandleByte(t[ue]) || t[ue] == '-') {
		ue++
	}
	if ue == us || wordRuneAt(t, ue, s.end) {
		return us
	}
	s.replace(us, ue, s.mention(corpus.Reddit, t[us:ue]))
	return ue
}

// facebookURL handles the path of a Facebook address, which starts at
// t[start].
func (s *scanner) facebookURL(start int) int {
	t := s.t
	if k := pseudonymAt(t, start); k > 0 && start+k <= s.end {
		return start + k
	}
	seg, end := fbSegment(t, start, s.end)
	s.buf = appendLower(s.buf[:0], seg)
	lower := string(s.buf) // compared only: no allocation
	switch {
	case seg == "":
		return start
	case lower == "profile.php":
		if q := queryID(t, end, s.end); q > 0 {
			return s.fbID(end+q, end)
		}
		return end
	case facebookQueryID[lower]:
		// The poster's id is the query's "id" parameter.
		for j := end; j < s.end && (t[j] == '?' || !isURLStop(t[j])); j++ {
			if t[j] == '&' || t[j] == '?' || t[j] == '%' {
				if q := queryID(t, j, s.end); q > 0 {
					return s.fbID(j+q, j+1)
				}
			}
		}
		return end
	case lower == "people":
		// facebook.com/people/Given-Family/123
		n := slashAt(t, end, s.end)
		if n == 0 {
			return end
		}
		nameStart := end + n
		nameEnd := nameStart
		for nameEnd < s.end && slashAt(t, nameEnd, s.end) == 0 && !isURLStop(t[nameEnd]) {
			nameEnd++
		}
		if m := slashAt(t, nameEnd, s.end); m > 0 {
			idEnd := digitsEnd(t, nameEnd+m, s.end)
			if idEnd > nameEnd+m {
				s.replace(nameStart, idEnd, s.person(corpus.Facebook, rawio.Person{ID: t[nameEnd+m : idEnd]}))
				return idEnd
			}
		}
		if nameEnd > nameStart {
			s.replace(nameStart, nameEnd, s.person(corpus.Facebook, rawio.Person{Handle: t[nameStart:nameEnd]}))
			return nameEnd
		}
		return end
	case lower == "groups":
		// facebook.com/groups/123/user/456
		n := slashAt(t, end, s.end)
		if n == 0 {
			return end
		}
		gid, gend := fbSegment(t, end+n, s.end)
		if gid == "" {
			return end + n
		}
		if m := slashAt(t, gend, s.end); m > 0 && hasPrefixFold(t[gend+m:s.end], "user") {
			if k := slashAt(t, gend+m+4, s.end); k > 0 {
				idStart := gend + m + 4 + k
				if idEnd := digitsEnd(t, idStart, s.end); idEnd > idStart {
					s.replace(idStart, idEnd, s.person(corpus.Facebook, rawio.Person{ID: t[idStart:idEnd]}))
					return idEnd
				}
			}
		}
		return gend
	case facebookReserved[lower]:
		return end
	}
	if s.n != nil && s.n.hasNames() {
		// A vanity name that is a known name ("zephirine.canari") gets the
		// name's pseudonym.
		if e, repl := s.n.match(s, start); e == end {
			s.replace(start, end, repl)
			return end
		}
	}
	s.replace(start, end, s.person(corpus.Facebook, rawio.Person{Handle: seg}))
	return end
}

// fbID replaces the Facebook account id starting at t[idStart]; without
// one, scanning resumes at orElse.
func (s *scanner) fbID(idStart, orElse int) int {
	idEnd := digitsEnd(s.t, idStart, s.end)
	if idEnd == idStart {
		return orElse
	}
	s.replace(idStart, idEnd, s.person(corpus.Facebook, rawio.Person{ID: s.t[idStart:idEnd]}))
	return idEnd
}

// queryID returns the length of an "id" query parameter's start at t[j]
// ("?id=", "&id=", percent-encoded or not), 0 when there is none.
func queryID(t string, j, end int) int {
	var n int
	switch {
	case j >= end:
		return 0
	case t[j] == '?' || t[j] == '&':
		n = 1
	case hasPrefixFold(t[j:end], "%3F") || hasPrefixFold(t[j:end], "%26"):
		n = 3
	default:
		return 0
	}
	if !hasPrefixFold(t[j+n:end], "id") {
		return 0
	}
	n += 2
	switch {
	case j+n < end && t[j+n] == '=':
		return n + 1
	case hasPrefixFold(t[j+n:end], "%3D"):
		return n + 3
	}
	return 0
}

// fbSegment returns the Facebook path segment (letters, digits, '.', '_'
// and '-', without trailing dots) starting at text[start].
func fbSegment(text string, start, limit int) (string, int) {
	end := start
	for end < limit && (isHandleByte(text[end]) || text[end] == '.' || text[end] == '-') {
		end++
	}
	for end > start && text[end-1] == '.' {
		end--
	}
	return text[start:end], end
}

func digitsEnd(text string, i, limit int) int {
	for i < limit && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	return i
}

func isURLStop(c byte) bool {
	return c <= ' ' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>' || c == ')'
}

// Parameters of addresses whose value names an account.
type paramKind int

const (
	paramHandle        paramKind = iota + 1 // a handle of the text's platform
	paramTwitterHandle                      // a Twitter handle
	paramID                                 // an account id of the text's platform
)

var params = map[string]paramKind{
	"screen_name": paramTwitterHandle, "screenname": paramTwitterHandle,
	"username": paramHandle, "user_name": paramHandle, "user": paramHandle,
	"user_id": paramID, "userid": paramID,
}

// param handles an identifying parameter ("screen_name=handle") whose
// name is t[i:he]. It returns where scanning resumes, or 0.
func (s *scanner) param(i, he int) int {
	t := s.t
	var eq int
	switch {
	case he < s.end && t[he] == '=':
		eq = 1
	case hasPrefixFold(t[he:s.end], "%3D"):
		eq = 3
	default:
		return 0
	}
	if he-i > len("screen_name") {
		return 0
	}
	s.buf = appendLower(s.buf[:0], t[i:he])
	kind := params[string(s.buf)]
	if kind == 0 {
		return 0
	}
	v := he + eq
	switch {
	case strings.HasPrefix(t[v:s.end], "@"):
		v++
	case strings.HasPrefix(t[v:s.end], "%40"):
		v += 3
	}
	if k := pseudonymAt(t, v); k > 0 && v+k <= s.end {
		return v + k
	}
	ve := v
	for ve < s.end && isHandleByte(t[ve]) {
		ve++
	}
	if ve == v || wordRuneAt(t, ve, s.end) {
		return 0
	}
	value := t[v:ve]
	var repl string
	switch kind {
	case paramID:
		if digitsEnd(value, 0, len(value)) != len(value) {
			return 0
		}
		repl = s.person(s.platform, rawio.Person{ID: value})
	case paramTwitterHandle:
		repl = s.mention(corpus.Twitter, value)
	default:
		repl = s.mention(s.platform, value)
	}
	s.replace(v, ve, repl)
	return ve
}

// findEmails returns the spans of the e-mail addresses of t, in order: a
// local part (letters, digits and ".", "_", "%", "+", "-"), an at-sign
// ('@', '＠' or "%40"), and a domain of at least two labels (letters,
// digits, '-') whose last label has two letters or more. An address
// whose local part follows an at-sign itself ("@user@instance.social") is
// a fediverse account (spanAcct), not an e-mail.
func findEmails(t string) []span {
	var out []span
	last := 0
	try := func(i, at int) {
		if i < last {
			return
		}
		ls := localStart(t, i, last)
		if ls == i {
			return
		}
		if de := domainEnd(t, i+at); de > 0 {
			if a := acctStart(t, i, last); a >= 0 {
				user := t[a+atLenAt(t, a) : i]
				out = append(out, span{a, de, spanAcct, user + "@" + strings.ToLower(t[i+at:de])})
			} else {
				out = append(out, span{ls, de, spanEmail, ""})
			}
			last = de
		}
	}
	wide := strings.Contains(t, "＠")
	encoded := strings.Contains(t, "%40")
	if !wide && !encoded {
		// The usual case: '@' only, found at memchr speed.
		for i := 0; ; {
			j := strings.IndexByte(t[i:], '@')
			if j < 0 {
				return out
			}
			try(i+j, 1)
			i = max(i+j+1, last)
			if i >= len(t) {
				return out
			}
		}
	}
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == '@':
			try(i, 1)
		case c == '%' && strings.HasPrefix(t[i:], "%40"):
			try(i, 3)
		case c == 0xEF && strings.HasPrefix(t[i:], "＠"):
			try(i, len("＠"))
		}
	}
	return out
}

// atLenAt returns the length of the at-sign starting at t[a].
func atLenAt(t string, a int) int {
	switch {
	case strings.HasPrefix(t[a:], "%2540"):
		return 5
	case strings.HasPrefix(t[a:], "%40"):
		return 3
	case strings.HasPrefix(t[a:], "＠"):
		return len("＠")
	}
	return 1
}

// localStart returns where the local part of an address ending at t[i]
// starts, not before min; i when there is none. A local part has at most
// 64 bytes (RFC 5321).
func localStart(t string, i, min int) int {
	j := i
	min = max(min, i-64)
	for j > min {
		c := t[j-1]
		if c < utf8.RuneSelf {
			if isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' {
				j--
				continue
			}
			break
		}
		r, size := utf8.DecodeLastRuneInString(t[:j])
		if !isWordRune(r) || j-size < min {
			break
		}
		j -= size
	}
	for j < i && (t[j] == '.' || t[j] == '-' || t[j] == '+') {
		j++
	}
	return j
}

// domainEnd returns the end of the domain starting at t[j], 0 when there
// is none. A domain has at most 255 bytes.
func domainEnd(t string, j int) int {
	t = t[:min(len(t), j+255)]
	labels, end := 0, 0
	lastLetters := false
	for {
		k, letters, n := j, true, 0
		for k < len(t) {
			c := t[k]
			if c < utf8.RuneSelf {
				if !isAlnum(c) && c != '-' {
					break
				}
				if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
					letters = false
				}
				k++
				n++
				continue
			}
			r, size := utf8.DecodeRuneInString(t[k:])
			if !isWordRune(r) {
				break
			}
			k += size
			n++
		}
		if k == j {
			break
		}
		labels++
		end, lastLetters = k, letters && n >= 2
		if k+1 < len(t) && t[k] == '.' {
			j = k + 1
			continue
		}
		break
	}
	if labels < 2 || !lastLetters {
		return 0
	}
	return end
}
