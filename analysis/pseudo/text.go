package pseudo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// EmailToken replaces every e-mail address in texts.
const EmailToken = "<email>"

// Text returns text with the identities written in a recognisable form
// pseudonymised: @handles (also "＠handle" and "%40handle"), fediverse
// accounts "@user@instance", Bluesky domain handles and DIDs, Reddit's
// u/name, profile addresses of twitter.com, x.com, facebook.com, fb.com,
// fb.me, m.me, bsky.app, t.me, telegram.me, reddit.com and Mastodon
// instances (also percent-encoded), the values of screen_name=, user=,
// username= and user_id= parameters, e-mail addresses, replaced whole by
// EmailToken, phone numbers, replaced by PhoneToken, and Telegram
// invitation hashes, replaced by InviteToken (see the package
// documentation for each form). Invisible characters inside words are removed first. Known
// handles written without '@' and display names are replaced by Names,
// not by Text (see the package documentation).
func (p *Pseudonymizer) Text(platform corpus.Platform, text string) string {
	return scrub(p, nil, platform, text, true)
}

// Meet makes known the handles that text names in the forms Text
// replaces, without changing the text: call it on every text of a corpus
// before compiling the Names that will scrub them, so that a handle
// written "@handle" in one message is also found bare in the messages
// read before it. On Facebook, where "@Marie" names a person by her
// display name, only mentions holding a digit, '_' or '.' are taken as
// handles.
func (p *Pseudonymizer) Meet(platform corpus.Platform, text string) { p.meet(platform, text, nil) }

// meet is Meet; when col is not nil, the calls it makes are prepared
// and appended to *col instead (MeetAhead).
func (p *Pseudonymizer) meet(platform corpus.Platform, text string, col *[]Pending) {
	if hostHint(text) || strings.Contains(text, "u/") || strings.Contains(text, "/users/") {
		s := scanner{p: p, col: col, platform: platform, structural: true, dry: true, t: stripInvisible(text)}
		s.run()
		return
	}
	// Only mentions can be there: '@' found at memchr speed.
	wide, encoded := strings.Contains(text, "＠"), strings.Contains(text, "%40")
	if strings.IndexByte(text, '@') < 0 && !wide && !encoded {
		return
	}
	text = stripInvisible(text)
	if wide || encoded {
		// Rare forms: the scanner knows them all.
		s := scanner{p: p, col: col, platform: platform, structural: true, dry: true, t: text}
		s.run()
		return
	}
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '@')
		if j < 0 {
			return
		}
		i += j
		start := i + 1
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:i]); r == '_' || isWordRune(r) {
				i = start
				continue
			}
		}
		end := start
		for end < len(text) && isHandleByte(text[end]) {
			end++
		}
		if end > start && (end < len(text) && (text[end] == '.' || text[end] == '-' || text[end] == '@') || i > 0 && text[i-1] == '/') {
			// Maybe a Bluesky handle, a fediverse account or a Mastodon
			// profile address: the scanner knows them.
			s := scanner{p: p, col: col, platform: platform, structural: true, dry: true, t: text}
			s.run()
			return
		}
		if end > start && !wordRuneAt(text, end, len(text)) && pseudonymAt(text, start) == 0 {
			if col != nil {
				*col = append(*col, p.ahead(platform, rawio.Person{Handle: text[start:end]}, mentionRegisters(platform, text[start:end])))
			} else {
				p.mention(platform, text[start:end])
			}
		}
		i = max(end, start)
	}
}

// mention returns the pseudonym of a handle written "@handle" in a text of
// platform, and makes it known unless it may be a Facebook display name.
func (p *Pseudonymizer) mention(platform corpus.Platform, handle string) string {
	return p.person(platform, rawio.Person{Handle: handle}, mentionRegisters(platform, handle))
}

// mentionRegisters tells whether a handle written "@handle" in a text of
// platform becomes known: unless it may be a Facebook display name.
func mentionRegisters(platform corpus.Platform, handle string) bool {
	return !namePlatform(platform) || strings.ContainsAny(handle, "_.0123456789")
}

// mention is the Pseudonymizer's mention, or, for MeetAhead, appends the
// call to s.col.
func (s *scanner) mention(platform corpus.Platform, handle string) string {
	if s.col != nil {
		*s.col = append(*s.col, s.p.ahead(platform, rawio.Person{Handle: handle}, mentionRegisters(platform, handle)))
		return ""
	}
	return s.p.mention(platform, handle)
}

// person is the Pseudonymizer's Person, or, for MeetAhead, appends the
// call to s.col.
func (s *scanner) person(platform corpus.Platform, person rawio.Person) string {
	if s.col != nil {
		*s.col = append(*s.col, s.p.ahead(platform, person, true))
		return ""
	}
	return s.p.Person(platform, person)
}

// scrub runs a scanner over text.
func scrub(p *Pseudonymizer, n *Names, platform corpus.Platform, text string, structural bool) string {
	if text == "" {
		return text
	}
	t := stripInvisible(text)
	var spans []span
	if structural {
		spans = findSpans(t)
	}
	if n.empty() {
		if !structural || len(spans) == 0 && !mayNeedScrub(t) {
			return t
		}
		n = nil // the faster scan of Text alone
	}
	s := scanner{p: p, n: n, platform: platform, structural: structural, t: t, spans: spans, found: true}
	return s.run()
}

// scanner scrubs one text. The text is read once, left to right: at each
// word start it tries, in order, a profile address, an identifying URL
// parameter, a known handle, then a known name; at each '@' a name, then a
// handle. E-mail addresses are found first and replaced whole.
type scanner struct {
	p          *Pseudonymizer
	col        *[]Pending // not nil: collect the calls of a dry scan (MeetAhead)
	n          *Names     // nil: no known names nor handles
	platform   corpus.Platform
	structural bool // replace @handles, addresses, parameters and e-mails
	dry        bool // only meet handles: write nothing
	t          string
	spans      []span // found before scanning (see findSpans)
	found      bool   // spans holds the spans of t already
	end        int    // scanning stops here: the next span
	b          strings.Builder
	last       int
	buf        []byte
	buf2       []byte
	f          folder
}

// Classes of the rune before the scanning position.
const (
	clOther = iota
	clUnderscore
	clWord
)

func (s *scanner) replace(from, to int, repl string) {
	if s.dry {
		return
	}
	if s.last == 0 && from >= 0 {
		s.b.Grow(len(s.t) + 16)
	}
	s.b.WriteString(s.t[s.last:from])
	s.b.WriteString(repl)
	s.last = to
}

func (s *scanner) run() string {
	t := s.t
	if s.structural && !s.found {
		s.spans = findSpans(t)
	}
	i := 0
	for _, sp := range s.spans {
		s.end = sp.from
		s.segment(i)
		if sp.from < s.last {
			// Already replaced by the segment (a profile address that
			// ran into it): its part of the span is done.
			i = max(i, sp.to)
			continue
		}
		s.replace(sp.from, sp.to, s.replacement(sp))
		i = sp.to
	}
	s.end = len(t)
	s.segment(i)
	if s.last == 0 {
		return t
	}
	s.b.WriteString(t[s.last:])
	return s.b.String()
}

// structSpecial tells the bytes where Text alone has something to do.
var structSpecial = [256]bool{'@': true, '%': true, '.': true, '=': true, 0xEF: true}

// structuralSegment scans s.t[i:s.end] for Text alone (no names nor known
// handles): only at-signs, and the words before '.' (addresses) and '='
// (parameters), matter, so it jumps from one such byte to the next.
func (s *scanner) structuralSegment(i int) {
	t := s.t
	for i < s.end {
		c := t[i]
		if !structSpecial[c] {
			i++
			continue
		}
		switch {
		case c == '@':
			i, _ = s.at(i, 1, s.classBefore(i))
		case c == 0xEF && strings.HasPrefix(t[i:s.end], "＠"):
			i, _ = s.at(i, len("＠"), s.classBefore(i))
		case c == '%' && strings.HasPrefix(t[i:s.end], "%40"):
			i, _ = s.at(i, 3, s.classBefore(i))
		case c == '%' && strings.HasPrefix(t[i:s.end], "%2540"):
			i, _ = s.at(i, 5, s.classBefore(i))
		case c == '.' || c == '=' || c == '%' && hasPrefixFold(t[i:s.end], "%3D"):
			i = s.wordBefore(i)
		default:
			i++
		}
	}
}

// wordBefore tries an address or a parameter whose first word ends at
// s.t[k] (a '.', '=' or "%3D"), and returns where scanning resumes.
func (s *scanner) wordBefore(k int) int {
	t := s.t
	ws := k
	for ws > 0 && k-ws <= len("screen_name") && isHandleByte(t[ws-1]) && !escapeBefore(t, ws) {
		ws--
	}
	if ws == k || k-ws > len("screen_name") || s.classBefore(ws) != clOther || ws < s.last {
		return k + 1
	}
	if t[k] == '.' {
		if end := s.host(ws, k); end > 0 {
			return end
		}
		return k + 1
	}
	if end := s.param(ws, k); end > 0 {
		return end
	}
	return k + 1
}

// escapeBefore reports whether a percent-encoded byte ("%2F") ends at
// t[i].
func escapeBefore(t string, i int) bool {
	return i >= 3 && t[i-3] == '%' && isHex(t[i-2:i])
}

// segment scans s.t[i:s.end].
func (s *scanner) segment(i int) {
	if s.n == nil {
		s.structuralSegment(i)
		return
	}
	t := s.t
	prev := clOther
	if i > 0 {
		prev = clWord // after an e-mail address
	}
	for i < s.end {
		c := t[i]
		if c < utf8.RuneSelf {
			switch {
			case isAlnum(c):
				if prev == clWord {
					i++
					continue
				}
				i, prev = s.token(i, prev == clUnderscore)
			case c == '_':
				if prev == clOther {
					i, prev = s.token(i, false)
					continue
				}
				i, prev = i+1, clUnderscore
			case c == '@':
				i, prev = s.at(i, 1, prev)
			case c == '%':
				switch {
				case strings.HasPrefix(t[i:s.end], "%40"):
					i, prev = s.at(i, 3, prev)
				case strings.HasPrefix(t[i:s.end], "%2540"):
					i, prev = s.at(i, 5, prev)
				case i+2 < s.end && isHex(t[i+1:i+3]):
					// A percent-encoded byte separates words, as in
					// "%2Ftwitter.com%2Fhandle".
					i, prev = i+3, clOther
				default:
					i, prev = i+1, clOther
				}
			case c == '<' && strings.HasPrefix(t[i:s.end], EmailToken):
				i, prev = i+len(EmailToken), clOther
			default:
				i, prev = i+1, clOther
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:s.end])
		switch {
		case r == '＠':
			i, prev = s.at(i, size, prev)
		case isWordRune(r):
			if prev == clWord {
				i += size
				continue
			}
			i, prev = s.token(i, prev == clUnderscore)
		default:
			i, prev = i+size, clOther
		}
	}
}

// token handles the word starting at t[i], which follows no letter,
// digit or mark; afterUnderscore tells that it follows '_', which makes it
// part of a longer handle. It returns where scanning resumes and the class
// of the rune before.
func (s *scanner) token(i int, afterUnderscore bool) (int, int) {
	t := s.t
	if t[i] == 'u' {
		if n := pseudonymAt(t, i); n > 0 && i+n <= s.end {
			return i + n, clWord
		}
	}
	// The ASCII handle run, with the hash of its lower-cased bytes: the
	// key of a known handle, and of a name's first word when the run holds
	// no '_'.
	he, hash, underscore := i, uint64(fnvOffset), false
	for !afterUnderscore && he < s.end && isHandleByte(t[he]) {
		c := t[he]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		underscore = underscore || c == '_'
		hash = (hash ^ uint64(c)) * fnvPrime
		he++
	}
	whole := he > i && !wordRuneAt(t, he, s.end)
	if whole {
		if s.structural {
			if end := s.host(i, he); end > 0 {
				return end, s.classBefore(end)
			}
			if end := s.param(i, he); end > 0 {
				return end, clWord
			}
		}
		if h := s.n.handleSet(); h != nil && he-i >= h.minLen && (he-i <= h.maxLen || h.dotted) &&
			(h.dotted || h.filter.has(hash)) {
			if end, repl := s.knownHandle(i, he); end > 0 {
				s.replace(i, end, repl)
				return end, clWord
			}
		}
	}
	if s.n != nil && s.n.hasNames() {
		// An ASCII word whose key is not a first word is no name, unless
		// it is an initial.
		if !whole || underscore || he-i == 1 || s.n.filter.has(hash) {
			if end, repl := s.n.match(s, i); end > 0 {
				s.replace(i, end, repl)
				return end, clWord
			}
		}
	}
	if t[i] == '_' {
		return i + 1, clUnderscore
	}
	return wordEnd(t, i, s.end), clWord
}

// classBefore returns the class of the rune before t[i]; a
// percent-encoded byte counts as a separator.
func (s *scanner) classBefore(i int) int {
	if i == 0 || escapeBefore(s.t, i) {
		return clOther
	}
	r, _ := utf8.DecodeLastRuneInString(s.t[:i])
	switch {
	case r == '_':
		return clUnderscore
	case isWordRune(r):
		return clWord
	}
	return clOther
}

// knownHandle looks the handle run t[i:he] up among the known handles,
// with its dotted extensions ("zeph.quill") when some known handle has a
// dot. It returns the end of the handle and its pseudonym, or 0.
func (s *scanner) knownHandle(i, he int) (int, string) {
	t := s.t
	h := s.n.handles
	if h.dotted {
		// The longest dotted run first: "zeph.quill.fr" may be
		// "zeph.quill" followed by ".fr".
		ends := []int{he}
		limit := min(s.end, i+64)
		for e := he; e+1 < limit && (t[e] == '.' || t[e] == '-') && isHandleByte(t[e+1]); {
			e++
			for e < limit && isHandleByte(t[e]) {
				e++
			}
			if !wordRuneAt(t, e, s.end) {
				ends = append(ends, e)
			}
		}
		for k := len(ends) - 1; k > 0; k-- {
			if repl := s.lookupHandle(t[i:ends[k]]); repl != "" {
				return ends[k], repl
			}
		}
	}
	if repl := s.lookupHandle(t[i:he]); repl != "" {
		return he, repl
	}
	return 0, ""
}

// handleSet returns the known handles of n, nil when there are none.
func (n *Names) handleSet() *handleSet {
	if n == nil || n.handles == nil || len(n.handles.m) == 0 {
		return nil
	}
	return n.handles
}

func (s *scanner) lookupHandle(h string) string {
	s.buf = appendLower(s.buf[:0], h)
	return s.n.handles.lookup(s.platform, s.buf)
}

func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// at handles an at-sign of atLen bytes at t[i] ('@', '＠', "%40" or
// "%2540"); prev is the class of the rune before it.
func (s *scanner) at(i, atLen, prev int) (int, int) {
	t := s.t
	start := i + atLen
	if prev != clOther || afterToken(t, i) {
		// "a@b", "é@x": not a mention (e-mails are found before); nor
		// after a token, which replaced a span that ended in a word
		// ("x@y.fr@z" is "<email>@z").
		return start, clOther
	}
	if n := pseudonymAt(t, start); n > 0 && start+n <= s.end {
		return start + n, clWord
	}
	if s.structural {
		he := start
		for he < s.end && isHandleByte(t[he]) {
			he++
		}
		if s.platform == corpus.Discourse && he > start {
			// Discourse user names hold inner '.' and '-'
			// ("@jean.dupont").
			for he+1 < s.end && (t[he] == '.' || t[he] == '-') && isHandleByte(t[he+1]) {
				he++
				for he < s.end && isHandleByte(t[he]) {
					he++
				}
			}
			if !wordRuneAt(t, he, s.end) && pseudonymAt(t, start) == 0 {
				s.replace(i, he, "@"+s.mention(s.platform, t[start:he]))
				return he, clWord
			}
		}
		// A domain handle first ("@jean-dupont.fr" is no "@Jean Dupont").
		if he > start && he+1 < s.end && (t[he] == '.' || t[he] == '-') {
			if end, repl := s.domainMention(start, he); end > 0 {
				s.replace(i, end, "@"+repl)
				return end, clWord
			}
		}
	}
	// A known name first, so that "@Marie Dupont" goes whole.
	if s.n != nil && s.n.hasNames() && start < s.end {
		if r, _ := utf8.DecodeRuneInString(t[start:s.end]); isWordRune(r) {
			if end, repl := s.n.match(s, start); end > 0 {
				s.replace(start, end, repl)
				return end, clWord
			}
		}
	}
	if !s.structural {
		return start, clOther
	}
	he := start
	for he < s.end && isHandleByte(t[he]) {
		he++
	}
	if he > start && !wordRuneAt(t, he, s.end) {
		if s.platform == corpus.Mastodon && s.n.handleSet() != nil && he-start >= MinBareHandle {
			// "@user", a mention local to the instance: the known acct.
			if repl := s.lookupHandle(t[start:he]); repl != "" {
				s.replace(i, he, "@"+repl)
				return he, clWord
			}
		}
		s.replace(i, he, "@"+s.mention(s.platform, t[start:he]))
		return he, clWord
	}
	// "@ handle", as some scrapers write replies: known handles only.
	if s.n != nil && s.n.handles != nil && start < s.end && t[start] == ' ' {
		j := start + 1
		he := j
		for he < s.end && isHandleByte(t[he]) {
			he++
		}
		if he-j >= MinBareHandle && !wordRuneAt(t, he, s.end) {
			if repl := s.lookupHandle(t[j:he]); repl != "" {
				s.replace(i, he, "@"+repl)
				return he, clWord
			}
		}
	}
	return start, clOther
}

// afterToken reports whether t[:i] ends with EmailToken, PhoneToken or
// InviteToken.
func afterToken(t string, i int) bool {
	if i == 0 || t[i-1] != '>' {
		return false
	}
	return strings.HasSuffix(t[:i], EmailToken) || strings.HasSuffix(t[:i], PhoneToken) || strings.HasSuffix(t[:i], InviteToken)
}

// wordRuneAt reports whether a letter, digit or mark starts at t[i] (i <
// end); ASCII handle bytes count as word runes too.
func wordRuneAt(t string, i, end int) bool {
	if i >= end {
		return false
	}
	if c := t[i]; c < utf8.RuneSelf {
		return isHandleByte(c)
	}
	r, _ := utf8.DecodeRuneInString(t[i:end])
	return isWordRune(r)
}

// wordEnd returns the end of the word (letters, digits, marks) at t[i].
func wordEnd(t string, i, end int) int {
	for i < end {
		c := t[i]
		if c < utf8.RuneSelf {
			if !isAlnum(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:end])
		if !isWordRune(r) {
			return i
		}
		i += size
	}
	return i
}

// mayNeedScrub is a fast test: false when text holds nothing Text
// replaces: no '@', '＠', '%' or '=', and no ".com" nor ".me".
func mayNeedScrub(text string) bool {
	return strings.IndexByte(text, '@') >= 0 || strings.IndexByte(text, '%') >= 0 ||
		strings.Contains(text, "＠") || hostHint(text)
}

// hostHint reports whether text may hold a profile address or a
// parameter: ".com", ".me", ".app" or '='.
func hostHint(text string) bool {
	if strings.IndexByte(text, '=') >= 0 {
		return true
	}
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '.')
		if j < 0 {
			return false
		}
		i += j + 1
		if hasPrefixFold(text[i:], "com") || hasPrefixFold(text[i:], "me") || hasPrefixFold(text[i:], "app") {
			return true
		}
	}
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isHandleByte(c byte) bool { return rawio.IsHandleByte(c) }

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

// hasPrefixFold reports whether s starts with the ASCII prefix, ignoring
// ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
