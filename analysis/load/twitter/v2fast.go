package twitter

import (
	"unicode/utf16"
	"unicode/utf8"
)

// A twarc2 line is first decoded by v2Scanner, a decoder written for the
// shape of API v2 pages, stream lines and flattened tweets: it reads the
// bytes once, keeps only the fields v2Line holds, and checks the JSON it
// skips without building anything from it. It decodes exactly what
// unmarshal(b, &v2Line{}) would, or declines, and then the record is
// decoded again by unmarshal, whose results (and errors, for rejections)
// are the reference. It declines whenever its answer could differ:
//
//   - the JSON is not valid (unmarshal then rejects it, naming the line
//     and column of the error);
//   - a value is not of the type v2Line expects, or data is one tweet (a
//     stream line: unmarshal's type error sends it to the slow path);
//   - a string it keeps is not valid UTF-8, or holds an escaped lone
//     surrogate (encoding/json replaces those with U+FFFD);
//   - an object repeats a field it keeps (encoding/json merges or
//     replaces), or has a key that matches a field only without regard
//     to case, or a key with an escape or a non-ASCII byte (encoding/json
//     matches keys case-insensitively, with Unicode folding);
//   - an array element is null, a count is not one count.UnmarshalJSON
//     reads, or values nest deeper than maxFastDepth.
//
// Declining costs one more decoding of a rare record; accepting a record
// the reference would decode otherwise would change the corpus. The
// differential tests (TestV2FastSame, FuzzV2Fast) compare both on the
// fixtures and on fuzzed lines.

// maxFastDepth is the nesting v2Scanner follows; deeper values are left to
// unmarshal, after rawio.CheckJSONDepth.
const maxFastDepth = 256

// v2Scanner decodes one JSON record in b from position i.
type v2Scanner struct {
	b     []byte
	i     int
	depth int // of the arrays and objects open at i
	// maxDepth is the deepest nesting met: for a record accepted (valid
	// JSON), the depth rawio.CheckJSONDepth measures.
	maxDepth int
	buf      []byte            // an unescaped string being built
	seen     map[string]string // see internStr
	// Arrays reused from record to record: a record's tweets and users
	// are read (and copied into messages) before the next record is
	// decoded, and each tweet's lists are slices of the others (full
	// slice expressions: appending to one cannot write over another).
	tweetArr   []v2Tweet
	userArr    []v2User
	refArr     []v2Ref
	tagArr     []v2Tag
	mentionArr []v2Mention
	urlArr     []v2URL
}

// decodeV2Line decodes the twarc2 record b into l, which must be the zero
// v2Line. It reports false, leaving l partly filled, when the record must
// be decoded by unmarshal instead (see above).
func (s *v2Scanner) decodeV2Line(b []byte, l *v2Line) bool {
	s.b, s.i, s.depth, s.maxDepth = b, 0, 0, 0
	s.refArr, s.tagArr, s.mentionArr, s.urlArr = s.refArr[:0], s.tagArr[:0], s.mentionArr[:0], s.urlArr[:0]
	ok := s.line(l)
	s.b = nil
	return ok
}

// Bits of the fields an object has already given, to decline on a
// repeated one.
const (
	fID = 1 << iota
	fText
	fAuthorID
	fConversationID
	fCreatedAt
	fInReplyToUserID
	fReferencedTweets
	fPublicMetrics
	fEntities
	fNoteTweet
	fAuthor
	fInReplyToUser
	fData
	fIncludes
	fMeta
	fErrors
	fMatchingRules
)

// Field names of the objects v2Scanner decodes, to decline on a key that
// matches one only without regard to case.
var (
	lineKeys = []string{"id", "text", "author_id", "conversation_id", "created_at",
		"in_reply_to_user_id", "referenced_tweets", "public_metrics", "entities",
		"note_tweet", "author", "in_reply_to_user",
		"data", "includes", "meta", "errors", "matching_rules"}
	tweetKeys    = lineKeys[:12]
	refKeys      = []string{"type", "id"}
	metricsKeys  = []string{"retweet_count", "like_count"}
	entitiesKeys = []string{"hashtags", "mentions", "urls"}
	tagKeys      = []string{"tag"}
	mentionKeys  = []string{"username", "id"}
	urlKeys      = []string{"url", "expanded_url"}
	noteKeys     = []string{"text", "entities"}
	userKeys     = []string{"id", "username", "name"}
	includesKeys = []string{"users"}
)

func (s *v2Scanner) line(l *v2Line) bool {
	if !s.open('{') {
		return false
	}
	var seen uint32
	for first := true; ; first = false {
		key, end, ok := s.member(first)
		if !ok {
			return false
		}
		if end {
			break
		}
		var bit uint32
		switch string(key) {
		case "data":
			bit = fData
			ok = s.tweets(&l.Data)
		case "includes":
			bit = fIncludes
			ok = s.includes(l)
		case "meta":
			bit = fMeta
			var present bool
			present, ok = s.emptyStruct()
			if present {
				l.Meta = &struct{}{}
			}
		case "errors":
			bit = fErrors
			ok = s.emptyStructs(&l.Errors)
		case "matching_rules":
			bit = fMatchingRules
			ok = s.emptyStructs(&l.MatchingRules)
		default:
			var known bool
			bit, known, ok = s.tweetField(&l.v2Tweet, key)
			if !known {
				ok = s.unknown(key, lineKeys)
			}
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
	s.ws()
	return s.i == len(s.b)
}

// tweetField decodes the value of key when it is a field of v2Tweet,
// reporting its bit and known; known is false for another key, whose
// value is left unread.
func (s *v2Scanner) tweetField(t *v2Tweet, key []byte) (bit uint32, known, ok bool) {
	switch string(key) {
	case "id":
		return fID, true, s.str(&t.ID)
	case "text":
		return fText, true, s.str(&t.Text)
	case "author_id":
		return fAuthorID, true, s.str(&t.AuthorID)
	case "conversation_id":
		return fConversationID, true, s.str(&t.ConversationID)
	case "created_at":
		return fCreatedAt, true, s.str(&t.CreatedAt)
	case "in_reply_to_user_id":
		return fInReplyToUserID, true, s.str(&t.InReplyToUserID)
	case "referenced_tweets":
		return fReferencedTweets, true, s.refs(&t.ReferencedTweets)
	case "public_metrics":
		return fPublicMetrics, true, s.metrics(t)
	case "entities":
		return fEntities, true, s.entities(&t.Entities)
	case "note_tweet":
		return fNoteTweet, true, s.note(t)
	case "author":
		return fAuthor, true, s.userPtr(&t.Author)
	case "in_reply_to_user":
		return fInReplyToUser, true, s.userPtr(&t.InReplyToUser)
	}
	return 0, false, true
}

func (s *v2Scanner) tweet(t *v2Tweet) bool {
	var seen uint32
	for first := true; ; first = false {
		key, end, ok := s.member(first)
		if !ok {
			return false
		}
		if end {
			return true
		}
		bit, known, ok := s.tweetField(t, key)
		if !known {
			ok = s.unknown(key, tweetKeys)
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
}

// tweets decodes data: null, or an array of tweet objects.
func (s *v2Scanner) tweets(dst *[]v2Tweet) bool {
	null, ok := s.openArray()
	if null || !ok {
		return ok
	}
	out := s.tweetArr[:0]
	for first := true; ; first = false {
		end, ok := s.element(first)
		if !ok {
			return false
		}
		if end {
			if out == nil {
				out = []v2Tweet{}
			}
			*dst, s.tweetArr = out, out
			return true
		}
		if !s.open('{') {
			return false
		}
		out = append(out, v2Tweet{})
		if !s.tweet(&out[len(out)-1]) {
			return false
		}
	}
}

func (s *v2Scanner) includes(l *v2Line) bool {
	null, ok := s.openObject()
	if null || !ok {
		return ok
	}
	inc := &struct {
		Users []v2User `json:"users"`
	}{}
	l.Includes = inc
	var seen bool
	for first := true; ; first = false {
		key, end, ok := s.member(first)
		if !ok {
			return false
		}
		if end {
			return true
		}
		if string(key) != "users" {
			if !s.unknown(key, includesKeys) {
				return false
			}
			continue
		}
		if seen || !s.users(&inc.Users) {
			return false
		}
		seen = true
	}
}

func (s *v2Scanner) users(dst *[]v2User) bool {
	null, ok := s.openArray()
	if null || !ok {
		return ok
	}
	out := s.userArr[:0]
	for first := true; ; first = false {
		end, ok := s.element(first)
		if !ok {
			return false
		}
		if end {
			if out == nil {
				out = []v2User{}
			}
			*dst, s.userArr = out, out
			return true
		}
		if !s.open('{') {
			return false
		}
		out = append(out, v2User{})
		if !s.user(&out[len(out)-1]) {
			return false
		}
	}
}

// userPtr decodes author or in_reply_to_user: null or a user object.
func (s *v2Scanner) userPtr(dst **v2User) bool {
	null, ok := s.openObject()
	if null || !ok {
		return ok
	}
	u := new(v2User)
	*dst = u
	return s.user(u)
}

func (s *v2Scanner) user(u *v2User) bool {
	var seen uint32
	for first := true; ; first = false {
		key, end, ok := s.member(first)
		if !ok {
			return false
		}
		if end {
			return true
		}
		var bit uint32
		switch string(key) {
		case "id":
			bit, ok = 1, s.str(&u.ID)
		case "username":
			bit, ok = 2, s.str(&u.Username)
		case "name":
			bit, ok = 4, s.str(&u.Name)
		default:
			ok = s.unknown(key, userKeys)
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
}

func (s *v2Scanner) refs(dst *[]v2Ref) bool {
	return smallObjects(s, &s.refArr, dst, func(key []byte, r *v2Ref) (uint32, bool) {
		switch string(key) {
		case "type":
			return 1, s.internStr(&r.Type)
		case "id":
			return 2, s.str(&r.ID)
		}
		return 0, s.unknown(key, refKeys)
	})
}

// metrics decodes public_metrics: null (no effect on the struct), or an
// object whose two counts are read by count.UnmarshalJSON.
func (s *v2Scanner) metrics(t *v2Tweet) bool {
	null, ok := s.openObject()
	if null || !ok {
		return ok
	}
	var seen uint32
	for first := true; ; first = false {
		key, end, ok := s.member(first)
		if !ok {
			return false
		}
		if end {
			return true
		}
		var bit uint32
		switch string(key) {
		case "retweet_count":
			bit, ok = 1, s.count(&t.PublicMetrics.RetweetCount)
		case "like_count":
			bit, ok = 2, s.count(&t.PublicMetrics.LikeCount)
		default:
			ok = s.unknown(key, metricsKeys)
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
}

// count reads a value and hands its bytes to count.UnmarshalJSON, as
// encoding/json does; an error declines.
func (s *v2Scanner) count(c *count) bool {
	s.ws()
	start := s.i
	if !s.skip() {
		return false
	}
	return c.UnmarshalJSON(s.b[start:s.i]) == nil
}

func (s *v2Scanner) note(t *v2Tweet) bool {
	null, ok := s.openObject()
	if null || !ok {
		return ok
	}
	n := &struct {
		Text     string      `json:"text"`
		Entities *v2Entities `json:"entities"`
	}{}
	t.NoteTweet = n
	var seen uint32
	for first := true; ; first = false {
		key, end, ok := s.member(first)
		if !ok {
			return false
		}
		if end {
			return true
		}
		var bit uint32
		switch string(key) {
		case "text":
			bit, ok = 1, s.str(&n.Text)
		case "entities":
			bit = 2
			var null bool
			null, ok = s.openObject()
			if ok && !null {
				n.Entities = new(v2Entities)
				ok = s.entityFields(n.Entities)
			}
		default:
			ok = s.unknown(key, noteKeys)
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
}

// entities decodes the entities struct: null (no effect) or an object.
func (s *v2Scanner) entities(e *v2Entities) bool {
	null, ok := s.openObject()
	if null || !ok {
		return ok
	}
	return s.entityFields(e)
}

// entityFields reads the members of an entities object, after its '{'.
func (s *v2Scanner) entityFields(e *v2Entities) bool {
	var seen uint32
	for first := true; ; first = false {
		key, end, ok := s.member(first)
		if !ok {
			return false
		}
		if end {
			return true
		}
		var bit uint32
		switch string(key) {
		case "hashtags":
			bit, ok = 1, s.hashtags(e)
		case "mentions":
			bit, ok = 2, s.mentions(e)
		case "urls":
			bit, ok = 4, s.urls(e)
		default:
			ok = s.unknown(key, entitiesKeys)
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
}

func (s *v2Scanner) hashtags(e *v2Entities) bool {
	return smallObjects(s, &s.tagArr, &e.Hashtags, func(key []byte, h *v2Tag) (uint32, bool) {
		if string(key) == "tag" {
			return 1, s.internStr(&h.Tag)
		}
		return 0, s.unknown(key, tagKeys)
	})
}

func (s *v2Scanner) mentions(e *v2Entities) bool {
	return smallObjects(s, &s.mentionArr, &e.Mentions, func(key []byte, m *v2Mention) (uint32, bool) {
		switch string(key) {
		case "username":
			return 1, s.str(&m.Username)
		case "id":
			return 2, s.str(&m.ID)
		}
		return 0, s.unknown(key, mentionKeys)
	})
}

func (s *v2Scanner) urls(e *v2Entities) bool {
	return smallObjects(s, &s.urlArr, &e.URLs, func(key []byte, u *v2URL) (uint32, bool) {
		switch string(key) {
		case "url":
			return 1, s.str(&u.URL)
		case "expanded_url":
			return 2, s.str(&u.ExpandedURL)
		}
		return 0, s.unknown(key, urlKeys)
	})
}

// smallObjects decodes null (no effect on dst) or an array of objects,
// appended to arena (one of the scanner's arrays, reused from record to
// record) and given to dst as a window on it (see part). Each member of
// an object is handed to field with its element: field reads the value
// and returns the member's bit, or 0 for a member it skipped (checked by
// unknown); a member met twice in one object declines the record, as do
// field's failures.
func smallObjects[T any](s *v2Scanner, arena, dst *[]T, field func(key []byte, t *T) (bit uint32, ok bool)) bool {
	null, ok := s.openArray()
	if null || !ok {
		return ok
	}
	start := len(*arena)
	for first := true; ; first = false {
		end, ok := s.element(first)
		if !ok {
			return false
		}
		if end {
			*dst = part(*arena, start)
			return true
		}
		if !s.open('{') {
			return false
		}
		*arena = append(*arena, *new(T))
		t := &(*arena)[len(*arena)-1]
		var seen uint32
		for first := true; ; first = false {
			key, end, ok := s.member(first)
			if !ok {
				return false
			}
			if end {
				break
			}
			bit, ok := field(key, t)
			if !ok || seen&bit != 0 {
				return false
			}
			seen |= bit
		}
	}
}

// part returns the elements of arena from start, an empty slice (not nil:
// encoding/json gives one for []) when there are none. Its capacity ends
// with it, so that appending to it would copy.
func part[T any](arena []T, start int) []T {
	if len(arena) == start {
		return []T{}
	}
	return arena[start:len(arena):len(arena)]
}

// emptyStruct decodes a value into a *struct{}: null (present false) or
// an object, whose members are checked and dropped.
func (s *v2Scanner) emptyStruct() (present, ok bool) {
	null, ok := s.openObject()
	if null || !ok {
		return false, ok
	}
	return true, s.skipMembers()
}

// emptyStructs decodes a value into a []struct{}: null, or an array of
// objects (an empty array gives an empty slice, not nil).
func (s *v2Scanner) emptyStructs(dst *[]struct{}) bool {
	null, ok := s.openArray()
	if null || !ok {
		return ok
	}
	out := []struct{}{}
	for first := true; ; first = false {
		end, ok := s.element(first)
		if !ok {
			return false
		}
		if end {
			*dst = out
			return true
		}
		if !s.open('{') || !s.skipMembers() {
			return false
		}
		out = append(out, struct{}{})
	}
}

// skipMembers checks the members of an object after its '{' and drops
// them.
func (s *v2Scanner) skipMembers() bool {
	for first := true; ; first = false {
		_, end, ok := s.member(first)
		if !ok {
			return false
		}
		if end {
			return true
		}
		if !s.skip() {
			return false
		}
	}
}

// unknown skips the value of a key the struct does not keep, declining
// when encoding/json could match the key to one of names (all lower case
// ASCII) without regard to case.
func (s *v2Scanner) unknown(key []byte, names []string) bool {
	for _, c := range key {
		if c >= 'A' && c <= 'Z' {
			var low [32]byte
			if len(key) > len(low) {
				break
			}
			for i, c := range key {
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				low[i] = c
			}
			for _, n := range names {
				if n == string(low[:len(key)]) {
					return false
				}
			}
			break
		}
	}
	return s.skip()
}

// ws skips JSON white space.
func (s *v2Scanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// open reads the '{' or '[' c after white space.
func (s *v2Scanner) open(c byte) bool {
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return s.enter()
	}
	return false
}

// enter counts one more level of nesting, declining past maxFastDepth.
// member and element count one less at the closing bracket.
func (s *v2Scanner) enter() bool {
	s.depth++
	s.maxDepth = max(s.maxDepth, s.depth)
	return s.depth <= maxFastDepth
}

// colon reads the colon after a key.
func (s *v2Scanner) colon() bool {
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == ':' {
		s.i++
		return true
	}
	return false
}

// openObject reads null, or the '{' of an object.
func (s *v2Scanner) openObject() (null, ok bool) { return s.openNull('{') }

// openArray reads null, or the '[' of an array.
func (s *v2Scanner) openArray() (null, ok bool) { return s.openNull('[') }

func (s *v2Scanner) openNull(c byte) (null, ok bool) {
	s.ws()
	if s.i >= len(s.b) {
		return false, false
	}
	switch s.b[s.i] {
	case c:
		s.i++
		return false, s.enter()
	case 'n':
		return true, s.literal("null")
	}
	return false, false
}

// member reads the key of the next member of an object, and the colon
// after it: first after the '{', else after a value, where a comma comes
// first. end is true at the closing '}'. Keys holding an escape, a
// control or a non-ASCII byte decline.
func (s *v2Scanner) member(first bool) (key []byte, end, ok bool) {
	s.ws()
	if s.i >= len(s.b) {
		return nil, false, false
	}
	switch c := s.b[s.i]; {
	case c == '}':
		s.i++
		s.depth--
		return nil, true, true
	case !first && c == ',':
		s.i++
		s.ws()
	case !first:
		return nil, false, false
	}
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return nil, false, false
	}
	start := s.i + 1
	for j := start; j < len(s.b); j++ {
		c := s.b[j]
		if c == '"' {
			key = s.b[start:j]
			s.i = j + 1
			if !s.colon() {
				return nil, false, false
			}
			return key, false, true
		}
		if c == '\\' || c < 0x20 || c >= 0x80 {
			return nil, false, false
		}
	}
	return nil, false, false
}

// element reads up to the next element of an array (a comma first unless
// first), reporting end at the closing ']'.
func (s *v2Scanner) element(first bool) (end, ok bool) {
	s.ws()
	if s.i >= len(s.b) {
		return false, false
	}
	switch c := s.b[s.i]; {
	case c == ']':
		s.i++
		s.depth--
		return true, true
	case !first && c == ',':
		s.i++
	case !first:
		return false, false
	}
	s.ws()
	// A null element (the zero value for encoding/json) declines.
	return false, s.i < len(s.b) && s.b[s.i] != 'n'
}

// literal reads the literal lit (true, false, null).
func (s *v2Scanner) literal(lit string) bool {
	if len(s.b)-s.i >= len(lit) && string(s.b[s.i:s.i+len(lit)]) == lit {
		s.i += len(lit)
		return true
	}
	return false
}

// str decodes a string value, or null (no effect), into dst.
func (s *v2Scanner) str(dst *string) bool { return s.strIn(dst, false) }

// internStr is str for values many tweets repeat (hashtags, the types of
// references): one copy of each, from s.seen.
func (s *v2Scanner) internStr(dst *string) bool { return s.strIn(dst, true) }

// maxSeen bounds the strings internStr keeps.
const maxSeen = 4096

func (s *v2Scanner) strIn(dst *string, intern bool) bool {
	s.ws()
	if s.i >= len(s.b) {
		return false
	}
	switch s.b[s.i] {
	case 'n':
		return s.literal("null")
	case '"':
	default:
		return false
	}
	start := s.i + 1
	ascii := true
	for j := start; j < len(s.b); j++ {
		c := s.b[j]
		switch {
		case c == '"':
			v := s.b[start:j]
			if !ascii && !utf8.Valid(v) {
				return false
			}
			s.i = j + 1
			if !intern {
				*dst = string(v)
				return true
			}
			if seen, ok := s.seen[string(v)]; ok {
				*dst = seen
				return true
			}
			*dst = string(v)
			if s.seen == nil {
				s.seen = map[string]string{}
			}
			if len(s.seen) < maxSeen {
				s.seen[*dst] = *dst
			}
			return true
		case c == '\\':
			return s.escaped(dst, start, j)
		case c < 0x20:
			return false
		case c >= 0x80:
			ascii = false
		}
	}
	return false
}

// escaped decodes a string holding an escape: the string starts at start,
// and its first backslash is at j.
func (s *v2Scanner) escaped(dst *string, start, j int) bool {
	buf := append(s.buf[:0], s.b[start:j]...)
	defer func() { s.buf = buf[:0] }()
	for j < len(s.b) {
		c := s.b[j]
		switch {
		case c == '"':
			if !utf8.Valid(buf) {
				return false
			}
			*dst = string(buf)
			s.i = j + 1
			return true
		case c < 0x20:
			return false
		case c != '\\':
			buf = append(buf, c)
			j++
			continue
		}
		if j+1 >= len(s.b) {
			return false
		}
		switch s.b[j+1] {
		case '"', '\\', '/':
			buf = append(buf, s.b[j+1])
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := hex4(s.b[j+2:])
			if !ok {
				return false
			}
			j += 6
			if utf16.IsSurrogate(r) {
				if j+1 >= len(s.b) || s.b[j] != '\\' || s.b[j+1] != 'u' {
					return false
				}
				r2, ok := hex4(s.b[j+2:])
				if !ok {
					return false
				}
				r = utf16.DecodeRune(r, r2)
				if r == utf8.RuneError {
					return false
				}
				j += 6
			}
			buf = utf8.AppendRune(buf, r)
			continue
		default:
			return false
		}
		j += 2
	}
	return false
}

// hex4 reads the four hex digits of a \u escape.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// skip checks one JSON value and moves past it.
func (s *v2Scanner) skip() bool {
	s.ws()
	if s.i >= len(s.b) {
		return false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		return s.skipString()
	case c == '{':
		s.i++
		return s.enter() && s.skipMembers()
	case c == '[':
		s.i++
		if !s.enter() {
			return false
		}
		for first := true; ; first = false {
			s.ws()
			if s.i < len(s.b) && s.b[s.i] == ']' {
				s.i++
				s.depth--
				return true
			}
			if !first {
				if s.i >= len(s.b) || s.b[s.i] != ',' {
					return false
				}
				s.i++
			}
			if !s.skip() {
				return false
			}
		}
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		return s.skipNumber()
	}
	return false
}

// skipString checks a string (escapes, no control byte) and moves past
// it. Its bytes need not be UTF-8: encoding/json drops them unread.
func (s *v2Scanner) skipString() bool {
	for j := s.i + 1; j < len(s.b); j++ {
		switch c := s.b[j]; {
		case c == '"':
			s.i = j + 1
			return true
		case c < 0x20:
			return false
		case c == '\\':
			if j+1 >= len(s.b) {
				return false
			}
			switch s.b[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j++
			case 'u':
				if _, ok := hex4(s.b[j+2:]); !ok {
					return false
				}
				j += 5
			default:
				return false
			}
		}
	}
	return false
}

// skipNumber checks a JSON number and moves past it.
func (s *v2Scanner) skipNumber() bool {
	b, j := s.b, s.i
	if j < len(b) && b[j] == '-' {
		j++
	}
	switch {
	case j < len(b) && b[j] == '0':
		j++
	case j < len(b) && b[j] >= '1' && b[j] <= '9':
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			j++
		}
	default:
		return false
	}
	if j < len(b) && b[j] == '.' {
		j++
		if j >= len(b) || b[j] < '0' || b[j] > '9' {
			return false
		}
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			j++
		}
	}
	if j < len(b) && (b[j] == 'e' || b[j] == 'E') {
		j++
		if j < len(b) && (b[j] == '+' || b[j] == '-') {
			j++
		}
		if j >= len(b) || b[j] < '0' || b[j] > '9' {
			return false
		}
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			j++
		}
	}
	s.i = j
	return true
}
