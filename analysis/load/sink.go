package load

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Reasons of load's own rejections.
var (
	errUnknownKind      = errors.New("unknown message kind")
	errWrongPlatform    = errors.New("message of another platform than its community")
	errUnknownPlatform  = errors.New("unknown platform")
	errUnknownCommunity = errors.New("community not declared in the study file")
	errNoCommunity      = errors.New("message read from an observations source, which has no community")
)

// sink receives the records of one file.
type sink struct {
	l         *loader
	fr        *FileReport
	format    rawio.Format
	comm      *commState // the source's community, nil in Files and observations
	aborted   *atomic.Bool
	strictErr *rawio.ParseError
	// named is a set of pseudo.Pending.Seq: the persons whose display
	// name the sink added to the names of community namedIn (see addName).
	namedIn *commState
	named   []uint64
}

func (s *sink) stopped() bool { return s.aborted.Load() }

// reject counts a rejected record, and aborts the load in strict mode.
func (s *sink) reject(err *rawio.ParseError) {
	if err.File == "" {
		err.File = s.fr.Path
	}
	s.fr.Rejected++
	s.fr.Reasons[reasonKey(err)]++
	if len(s.fr.Rejections) < MaxRejections {
		s.fr.Rejections = append(s.fr.Rejections, err)
	}
	if s.l.opt.Strict {
		s.strictErr = err
		s.aborted.Store(true)
	}
}

// Reject implements rawio.Sink.
func (s *sink) Reject(err *rawio.ParseError) {
	if s.stopped() {
		return
	}
	s.fr.Records++
	if err == nil {
		err = &rawio.ParseError{Err: errors.New("rejected without reason")}
	}
	s.reject(err)
}

// Service takes a record that is read but is not a message (a chat's
// join, pin or title change): it counts as loaded, by kind in the file's
// report (FileReport.Service), and adds nothing to the corpus.
func (s *sink) Service(r *rawio.RawService) {
	if s.stopped() {
		return
	}
	s.fr.Records++
	s.fr.Loaded++
	if s.fr.Service == nil {
		s.fr.Service = map[string]int{}
	}
	s.fr.Service[r.Kind]++
}

// Group takes a record describing the group an export was taken from
// (Facepager's seed node). It is read — counted as loaded — and adds
// nothing to the corpus but the group's name, for loose files whose
// community has none.
func (s *sink) Group(g *rawio.RawGroup) {
	if s.stopped() {
		return
	}
	s.fr.Records++
	s.fr.Loaded++
	if s.comm != nil && s.comm.c.Name == "" && g.Name != "" {
		s.comm.c.Name = g.Name
	}
}

// Panel implements rawio.Sink.
func (s *sink) Panel(p *corpus.PanelObservation) {
	if s.stopped() {
		return
	}
	s.fr.Records++
	q := *p
	if q.Community == "" && s.comm != nil {
		q.Community = s.comm.c.ID
	}
	q.Source = corpus.Source{File: s.fr.Path, Line: p.Source.Line}
	switch {
	case q.Community == "":
		s.reject(&rawio.ParseError{Line: q.Source.Line, Field: "community", Err: rawio.ErrMissing})
		return
	case s.l.study && s.l.comms[q.Community] == nil:
		s.reject(&rawio.ParseError{Line: q.Source.Line, Field: "community", Err: fmt.Errorf("%w: %q", errUnknownCommunity, q.Community)})
		return
	case !s.l.study:
		s.l.community(corpus.Community{ID: q.Community, Name: q.Name, Platform: corpus.Facebook})
	}
	q.Observed = q.Observed.UTC()
	s.l.c.Panels = append(s.l.c.Panels, q)
	s.fr.Loaded++
}

// Profile implements rawio.Sink.
func (s *sink) Profile(p *rawio.RawProfile) {
	if s.stopped() {
		return
	}
	s.fr.Records++
	community := p.Community
	if community == "" && s.comm != nil {
		community = s.comm.c.ID
	}
	platform := s.format.Platform
	if st := s.l.comms[community]; st != nil {
		platform = st.c.Platform
	} else if community != "" && s.l.study {
		s.reject(&rawio.ParseError{Line: p.Line, Field: "community", Err: fmt.Errorf("%w: %q", errUnknownCommunity, community)})
		return
	}
	if platform == 0 {
		platform = corpus.Twitter // profile headers are Twitter's
	}
	s.l.c.Profiles = append(s.l.c.Profiles, corpus.ProfileObservation{
		Account:   s.l.ps.Person(platform, p.Account),
		Label:     p.Label,
		Community: community,
		Observed:  p.Observed.UTC(),
		Posts:     p.Posts,
		Following: p.Following,
		Followers: p.Followers,
		Likes:     p.Likes,
		Joined:    p.Joined.UTC(),
		Source:    corpus.Source{File: s.fr.Path, Line: p.Line},
	})
	s.fr.Loaded++
}

var knownKinds = func() map[corpus.Kind]bool {
	m := map[corpus.Kind]bool{}
	for _, k := range corpus.Kinds {
		m[k] = true
	}
	return m
}()

// Message implements rawio.Sink.
func (s *sink) Message(m *rawio.RawMessage) { s.message(m, nil) }

// message takes m, which a pipeline's converter may have converted ahead
// (pc, else nil): pc is used only when it was made for the platform m
// turns out to have, so that the load is the same as without it.
func (s *sink) message(m *rawio.RawMessage, pc *pre) {
	if s.stopped() {
		return
	}
	s.fr.Records++
	bad := func(field string, err error) {
		s.reject(&rawio.ParseError{Line: m.Line, Field: field, Err: err})
	}
	st := s.comm
	switch {
	case st != nil:
	case s.l.study:
		bad("", errNoCommunity)
		return
	case m.Platform != 0 && !slices.Contains(corpus.Platforms, m.Platform):
		bad("platform", fmt.Errorf("%w: %q", errUnknownPlatform, m.Platform))
		return
	default:
		platform := m.Platform
		if platform == 0 {
			platform = s.format.Platform
		}
		id := strings.TrimSpace(m.Group)
		if id == "" {
			id = NeutralCommunity(platform)
		}
		if st = s.l.comms[id]; st == nil {
			// Declared below, once the message is known to be good.
			st = &commState{c: corpus.Community{ID: id, Name: id, Platform: platform}}
		} else if st.c.Platform == 0 {
			st.c.Platform = platform
		}
	}
	platform := st.c.Platform
	if pc != nil && (!pc.ok || pc.platform != platform) {
		pc = nil // converted for another platform: convert it again
	}
	var field string
	var err error
	if pc != nil {
		field, err = pc.field, pc.err
	} else {
		field, err = check(platform, m, s.l.now)
	}
	if err != nil {
		bad(field, err)
		return
	}
	if s.l.comms[st.c.ID] == nil {
		st = s.l.community(st.c)
	}
	var msg corpus.Message
	var thread string
	if pc != nil {
		msg, thread = s.take(st, m, pc), pc.thread
	} else {
		msg, thread = s.convert(st, m), CanonicalID(platform, m.ThreadID)
	}
	if i, dup := st.index.get(msg.ID, st.msgs.id); dup {
		f := st.msgs.get(i, st.c.ID, &s.l.files)
		first := &f
		if fields := conflicts(first, &msg); len(fields) > 0 {
			s.fr.Conflicting++
			if len(s.fr.Conflicts) < MaxRejections {
				s.fr.Conflicts = append(s.fr.Conflicts, &Conflict{Community: st.c.ID, ID: msg.ID, Fields: fields, First: first.Source, Later: msg.Source})
			}
			return
		}
		before := *first
		if a, b := textWords(first.Text), textWords(msg.Text); len(b) > len(a) && hasPrefixWords(b, a) {
			first.Text = msg.Text // the first copy was cut short
		}
		fill(first, &msg)
		s.keepNew(first, &before)
		st.msgs.put(i, first, &s.l.files)
		if st.msgs.thread(i) == "" {
			st.msgs.setThread(i, s.l.refs.str(thread))
		}
		s.fr.Duplicates++
		return
	}
	s.keep(&msg)
	st.index.add(msg.ID, st.msgs.len())
	st.msgs.push(&msg, s.l.refs.str(thread), &s.l.files)
	s.fr.Loaded++
}

// check returns why a message of platform is rejected (the field and the
// reason), or a nil error: what depends on the message and its platform
// alone. now is the load's time (rawio.CheckTime).
func check(platform corpus.Platform, m *rawio.RawMessage, now time.Time) (string, error) {
	switch {
	case m.Platform != 0 && !slices.Contains(corpus.Platforms, m.Platform):
		return "platform", fmt.Errorf("%w: %q", errUnknownPlatform, m.Platform)
	case m.Platform != 0 && platform != 0 && m.Platform != platform:
		return "platform", fmt.Errorf("%w: %s in %s", errWrongPlatform, m.Platform, platform)
	case strings.TrimSpace(m.ID) == "":
		return fieldName(m.IDField, "id"), rawio.ErrMissing
	case m.Created.IsZero():
		return fieldName(m.CreatedField, "created"), rawio.ErrMissing
	case m.KindText != "" || m.Kind != 0 && !knownKinds[m.Kind]:
		return "kind", fmt.Errorf("%w: %s", errUnknownKind, rawio.Quote(m.KindName()))
	}
	if err := rawio.CheckID(platform, strings.TrimSpace(m.ID)); err != nil {
		return fieldName(m.IDField, "id"), err
	}
	if err := rawio.CheckTime(platform, m.Created, now); err != nil {
		return fieldName(m.CreatedField, "created"), err
	}
	return "", nil
}

// convert pseudonymises a raw message of community st. Texts and links
// keep their names and handles until the whole load is read (see finish):
// convert only collects the display names of the people the message names
// and makes known the handles its text mentions. The message's ids, text
// and links are still the reader's strings: see keep.
//
// A pipeline's converters do most of it ahead, on their goroutines
// (ahead), and take does the rest in the message's turn: convert is
// ahead then take, for a message not converted ahead.
func (s *sink) convert(st *commState, m *rawio.RawMessage) corpus.Message {
	platform := st.c.Platform
	ps := s.l.ps
	kind := m.Kind
	if kind == 0 {
		kind = inferKind(platform, m)
	}
	msg := corpus.Message{
		Platform:      platform,
		Community:     st.c.ID,
		ID:            CanonicalID(platform, m.ID),
		Kind:          kind,
		ParentID:      CanonicalID(platform, m.ParentID),
		RefID:         CanonicalID(platform, m.RefID),
		Author:        ps.Person(platform, m.Author),
		AuthorRole:    m.AuthorRole,
		Created:       m.Created.UTC(),
		Text:          m.Text,
		Reactions:     m.Reactions,
		Shares:        m.Shares,
		ReplyToAuthor: ps.Person(platform, m.ReplyTo),
		Lang:          s.l.intern(m.Lang),
		Source:        corpus.Source{File: s.fr.Path, Line: m.Line},
	}
	if msg.AuthorRole == corpus.Unknown {
		msg.AuthorRole = st.roles[msg.Author]
	}
	ps.Meet(platform, m.Text)
	msg.Hashtags = hashtags(platform, m, s.l.intern)
	if len(m.Mentions) > 0 {
		msg.Mentions = make([]string, 0, len(m.Mentions))
	}
	for _, p := range m.Mentions {
		if q := ps.Person(platform, p); q != "" {
			msg.Mentions = append(msg.Mentions, q)
		}
	}
	if len(msg.Mentions) == 0 {
		msg.Mentions = nil
	}
	for _, link := range m.Links {
		ps.Meet(platform, link)
	}
	if len(m.Links) > 0 {
		msg.Links = slices.Clone(m.Links)
	}
	// The display names of the people named, on both platforms.
	addName := func(p rawio.Person) {
		if n := strings.TrimSpace(p.Name); n != "" {
			st.names[n] = true
		}
	}
	addName(m.Author)
	addName(m.ReplyTo)
	for _, p := range m.Mentions {
		addName(p)
	}
	return msg
}

// hashtags returns the hashtags of a message of platform: lower-cased,
// without '#', interned by intern.
func hashtags(platform corpus.Platform, m *rawio.RawMessage, intern func(string) string) []string {
	tags := m.Hashtags
	if len(tags) == 0 && platform == corpus.Facebook {
		// Facebook exports list no hashtags: they are read from the text.
		tags = rawio.TextEntities(m.Text, '#')
	}
	var out []string
	if len(tags) > 0 {
		out = make([]string, 0, len(tags))
	}
	for _, h := range tags {
		if h = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(h), "#")); h != "" {
			out = append(out, intern(h))
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// pre is a message converted ahead of its turn by a pipeline's converter
// (converter.ahead), for the platform it would have if nothing before it
// says otherwise: what check and convert make of it that depends only on
// the message and that platform. The message's turn (sink.message) takes
// it, and applies what depends on the load so far.
type pre struct {
	ok       bool // converted (a converter may skip a batch of a load that ends)
	platform corpus.Platform
	field    string // check's result
	err      error
	// msg is the message but for its community, source, pseudonyms
	// (Author, ReplyToAuthor: see author, replyTo) and role; Mentions
	// has room for the mentions, and no element.
	msg    corpus.Message
	thread string
	// The calls convert makes of the Pseudonymizer, prepared: Person of
	// the author and the account answered, Meet of the text, Person of
	// each mention, Meet of each link.
	author, replyTo   pseudo.Pending
	metText, mentions []pseudo.Pending
	metLinks          []pseudo.Pending
}

// converter converts messages ahead (see pre), on a pipeline's goroutine.
type converter struct {
	ps  *pseudo.Pseudonymizer
	now time.Time
	// interned is the converter's own table of interned strings (see
	// loader.intern): interned strings are equal whichever table holds
	// them.
	interned interner
	// pend holds the prepared calls of a batch: the pre's slices are
	// windows on it.
	pend []pseudo.Pending
}

func (cv *converter) intern(s string) string { return cv.interned.intern(s) }

// ahead converts m, assumed to be of platform, into pc: check, then
// convert but for what take does.
func (cv *converter) ahead(platform corpus.Platform, m *rawio.RawMessage, pc *pre) {
	*pc = pre{ok: true, platform: platform}
	if pc.field, pc.err = check(platform, m, cv.now); pc.err != nil {
		return
	}
	ps := cv.ps
	kind := m.Kind
	if kind == 0 {
		kind = inferKind(platform, m)
	}
	pc.msg = corpus.Message{
		Platform:   platform,
		ID:         CanonicalID(platform, m.ID),
		Kind:       kind,
		ParentID:   CanonicalID(platform, m.ParentID),
		RefID:      CanonicalID(platform, m.RefID),
		AuthorRole: m.AuthorRole,
		Created:    m.Created.UTC(),
		Text:       m.Text,
		Reactions:  m.Reactions,
		Shares:     m.Shares,
		Lang:       cv.intern(m.Lang),
	}
	pc.thread = CanonicalID(platform, m.ThreadID)
	pc.author = ps.Ahead(platform, m.Author)
	pc.replyTo = ps.Ahead(platform, m.ReplyTo)
	pc.metText = cv.meet(platform, m.Text)
	pc.msg.Hashtags = hashtags(platform, m, cv.intern)
	if len(m.Mentions) > 0 {
		pc.msg.Mentions = make([]string, 0, len(m.Mentions))
		lo := len(cv.pend)
		for _, p := range m.Mentions {
			cv.pend = append(cv.pend, ps.Ahead(platform, p))
		}
		pc.mentions = cv.pend[lo:len(cv.pend):len(cv.pend)]
	}
	if len(m.Links) > 0 {
		lo := len(cv.pend)
		for _, link := range m.Links {
			cv.pend = ps.MeetAhead(platform, link, cv.pend)
		}
		pc.metLinks = cv.pend[lo:len(cv.pend):len(cv.pend)]
		pc.msg.Links = slices.Clone(m.Links)
	}
}

// meet returns the calls Meet(platform, text) makes, prepared.
func (cv *converter) meet(platform corpus.Platform, text string) []pseudo.Pending {
	lo := len(cv.pend)
	cv.pend = cv.ps.MeetAhead(platform, text, cv.pend)
	if len(cv.pend) == lo {
		return nil
	}
	return cv.pend[lo:len(cv.pend):len(cv.pend)]
}

// take is convert for a message converted ahead (pc): it makes, in the
// message's turn, the Pseudonymizer's calls prepared, and gives the
// message its community, source and role, and the community the names
// of the people it names.
func (s *sink) take(st *commState, m *rawio.RawMessage, pc *pre) corpus.Message {
	ps := s.l.ps
	msg := pc.msg
	msg.Community = st.c.ID
	msg.Source = corpus.Source{File: s.fr.Path, Line: m.Line}
	msg.Author = ps.Take(pc.author)
	msg.ReplyToAuthor = ps.Take(pc.replyTo)
	if msg.AuthorRole == corpus.Unknown {
		msg.AuthorRole = st.roles[msg.Author]
	}
	ps.TakeAll(pc.metText)
	for _, r := range pc.mentions {
		if q := ps.Take(r); q != "" {
			msg.Mentions = append(msg.Mentions, q)
		}
	}
	if len(msg.Mentions) == 0 {
		msg.Mentions = nil
	}
	ps.TakeAll(pc.metLinks)
	s.addName(st, m.Author, pc.author)
	s.addName(st, m.ReplyTo, pc.replyTo)
	for i, p := range m.Mentions {
		s.addName(st, p, pc.mentions[i])
	}
	return msg
}

// addName adds the display name of person p (prepared as r) to the names
// of community st, as convert does. The sink remembers the persons whose
// name it added to the last community it added to (named, by
// pseudo.Pending.Seq), so that a person met again costs no look-up of
// the name.
func (s *sink) addName(st *commState, p rawio.Person, r pseudo.Pending) {
	if p.Name == "" {
		return
	}
	seq := r.Seq()
	if seq >= 0 {
		if s.namedIn != st {
			s.namedIn = st
			clear(s.named)
		}
		w, bit := seq/64, uint64(1)<<(seq%64)
		if w < len(s.named) && s.named[w]&bit != 0 {
			return
		}
		if w >= len(s.named) {
			s.named = append(s.named, make([]uint64, w+1-len(s.named))...)
		}
		s.named[w] |= bit
	}
	if n := strings.TrimSpace(p.Name); n != "" {
		st.names[n] = true
	}
}

// keep copies into the loader's arenas the strings of a new message that
// may still be a reader's: its ids, text and links (each kind in its
// arena, see loader). A reader's string may be a window on its whole raw
// record (a line of a TSV file), which the message would otherwise keep
// alive.
func (s *sink) keep(m *corpus.Message) {
	a := &s.l.strs
	m.ID = a.str(m.ID)
	m.ParentID = s.l.refs.str(m.ParentID)
	m.RefID = a.str(m.RefID)
	m.Text = s.l.texts.str(m.Text)
	for i, link := range m.Links {
		m.Links[i] = s.l.texts.str(link)
	}
}

// keepNew is keep for a message already kept (before) that a later copy
// completed (m): it copies only the strings taken from the later copy.
func (s *sink) keepNew(m, before *corpus.Message) {
	for _, f := range [...]struct {
		now, was *string
		a        *arena
	}{{&m.ParentID, &before.ParentID, &s.l.refs}, {&m.RefID, &before.RefID, &s.l.strs}, {&m.Text, &before.Text, &s.l.texts}} {
		if unsafe.StringData(*f.now) != unsafe.StringData(*f.was) {
			*f.now = f.a.str(*f.now)
		}
	}
	if len(before.Links) == 0 {
		for i, link := range m.Links {
			m.Links[i] = s.l.texts.str(link)
		}
	}
}

// CanonicalID returns the id by which load knows a message of platform,
// so that exports writing ids differently meet. Facebook's Graph API
// prefixes an object's id with its group's or post's ("421488436202698_
// 2075037711955060"), which Netvizz and Facepager keep and CrowdTangle
// and Zeeschuimer drop: a Facebook id made only of digit groups joined by
// '_', whose last group has at least six digits, becomes that last group
// (Facebook object ids are unique on their own). Other ids are only
// trimmed of surrounding spaces.
func CanonicalID(platform corpus.Platform, id string) string {
	id = strings.TrimSpace(id)
	if platform != corpus.Facebook {
		return id
	}
	i := strings.LastIndexByte(id, '_')
	if i <= 0 || len(id)-i-1 < 6 {
		return id
	}
	for j := 0; j < len(id); j++ {
		if c := id[j]; c != '_' && (c < '0' || c > '9') {
			return id
		}
	}
	return id[i+1:]
}

// inferKind gives a kind to a message whose export did not: a post or
// tweet without parent, else a comment (Facebook) or reply (Twitter).
func inferKind(platform corpus.Platform, m *rawio.RawMessage) corpus.Kind {
	switch {
	case platform == corpus.Twitter && m.ParentID != "":
		return corpus.Reply
	case platform == corpus.Twitter:
		return corpus.Tweet
	case m.ParentID != "" && (platform == corpus.Facebook || platform == corpus.Reddit || platform == 0):
		return corpus.Comment
	case m.ParentID != "":
		return corpus.Reply
	}
	return corpus.Post
}

// fieldName is the export's name of a field when the format gave it.
func fieldName(export, generic string) string {
	if export != "" {
		return export
	}
	return generic
}

// conflicts returns what differs between two copies of a message with the
// same id: the author, the creation time (by more than a minute, since
// some exports round to the minute) or the text. Texts are compared
// without their links (exports shorten or expand them) and white space;
// a text that is the other cut short (a truncated tweet ending in "…")
// is the same text. A field one copy lacks is not a conflict: it is
// filled.
func conflicts(first, later *corpus.Message) []string {
	var out []string
	if first.Author != "" && later.Author != "" && first.Author != later.Author {
		out = append(out, "author")
	}
	if d := first.Created.Sub(later.Created); d > time.Minute || d < -time.Minute {
		out = append(out, "created")
	}
	if first.Text != "" && later.Text != "" && first.Text != later.Text {
		a, b := textWords(first.Text), textWords(later.Text)
		if !hasPrefixWords(a, b) && !hasPrefixWords(b, a) {
			out = append(out, "text")
		}
	}
	return out
}

// textWords returns the words of a text without links, and without a
// final ellipsis and what it cuts.
func textWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") {
			continue
		}
		out = append(out, w)
	}
	if n := len(out); n > 0 && strings.HasSuffix(out[n-1], "…") {
		// "recalée par la Haute autorité…": the last word may be cut.
		out = out[:n-1]
	}
	return out
}

// hasPrefixWords reports whether the words of a start the words of b.
func hasPrefixWords(b, a []string) bool {
	if len(a) > len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// fill completes the first copy of a message with what a later copy has
// and it lacks.
func fill(first, later *corpus.Message) {
	str := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	if first.ParentID == "" && later.ParentID != "" {
		first.ParentID, first.Kind = later.ParentID, later.Kind
	}
	str(&first.Author, later.Author)
	str(&first.RefID, later.RefID)
	str(&first.Text, later.Text)
	str(&first.ReplyToAuthor, later.ReplyToAuthor)
	str(&first.Lang, later.Lang)
	if first.AuthorRole == corpus.Unknown {
		first.AuthorRole = later.AuthorRole
	}
	if first.Reactions == 0 {
		first.Reactions = later.Reactions
	}
	if first.Shares == 0 {
		first.Shares = later.Shares
	}
	if len(first.Hashtags) == 0 {
		first.Hashtags = later.Hashtags
	}
	if len(first.Mentions) == 0 {
		first.Mentions = later.Mentions
	}
	if len(first.Links) == 0 {
		first.Links = later.Links
	}
}

// reasonKey groups rejections: "field: reason", the reason being the
// innermost error's text, so that quoted values do not split groups.
func reasonKey(e *rawio.ParseError) string {
	err := e.Err
	for {
		inner := errors.Unwrap(err)
		if inner == nil {
			break
		}
		err = inner
	}
	reason := "rejected"
	if err != nil {
		reason = err.Error()
	}
	if e.Field == "" {
		return reason
	}
	return e.Field + ": " + reason
}
