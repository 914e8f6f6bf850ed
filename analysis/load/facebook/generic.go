package facebook

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Columns of a generic CSV, by our names: the first five are required.
const (
	gID = iota
	gThread
	gAuthor
	gBody
	gTimestamp
	gParent
	gKind
	gRole
	gReactions
	gShares
	gPlatform
	gAuthorID
	gGroup
	gColumns
)

var genericColumns = [gColumns]string{"id", "thread_id", "author", "body", "timestamp",
	"parent_id", "kind", "author_role", "reactions", "shares", "platform", "author_id", "group"}

// genericRequired are the columns a generic CSV must have.
var genericRequired = genericColumns[:gParent]

// parseGenericTime reads RFC 3339, "2006-01-02 15:04:05" (UTC) or Unix
// seconds (an integer, possibly negative; checkTime rejects those no
// message can have).
func parseGenericTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, zoned, ok := parseISO(s); ok && (s[10] == 'T' && zoned || s[10] == ' ' && len(s) == 19) {
		// RFC 3339 (T and a zone), or the space form without zone.
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse("2006-01-02 15:04:05", s); err == nil {
		return t, nil
	}
	if _, err := strconv.ParseInt(strings.TrimPrefix(s, "-"), 10, 64); err == nil || isDigits(s) {
		return parseUnix(s)
	}
	return time.Time{}, badTime(s)
}

// isDigits is rawio.IsDigits.
func isDigits(s string) bool { return rawio.IsDigits(s) }

func parseRole(s string) (corpus.Role, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return corpus.Unknown, true
	case "member", "membre":
		return corpus.Member, true
	case "admin", "administrator", "administrateur", "administratrice":
		return corpus.Admin, true
	case "moderator", "modérateur", "modératrice", "moderateur", "moderatrice":
		return corpus.Moderator, true
	}
	return corpus.Unknown, false
}

func readGeneric(f *rawio.File, sink rawio.Sink) error {
	sep := detectSeparator(firstLine(f.Head))
	t, err := newTable(f, sep)
	if err != nil {
		return err
	}
	var cols [gColumns]int
	var missing []string
	for i, name := range genericColumns {
		fileName := name
		if o := f.Options[name]; o != "" {
			fileName = o
		}
		if cols[i] = t.col(fileName); cols[i] < 0 && i < gParent {
			missing = append(missing, fileName)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s: %w: missing column(s) %s", f.Name, rawio.ErrShape, strings.Join(missing, ", "))
	}
	idField, createdField := t.name(cols[gID]), t.name(cols[gTimestamp])
	tc := newTimeCheck()
	for {
		rec, line, perr, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if perr != nil {
			sink.Reject(perr)
			continue
		}
		m, col, err := genericMessage(rec, &cols, &tc)
		if err != nil {
			reject(sink, f, line, t.name(cols[col]), err)
			continue
		}
		m.Line, m.IDField, m.CreatedField = line, idField, createdField
		sink.Message(m)
	}
}

// genericMessage maps a row; on failure it returns the bad column.
func genericMessage(rec []string, cols *[gColumns]int, tc *timeCheck) (*rawio.RawMessage, int, error) {
	val := func(c int) string { return strings.TrimSpace(get(rec, cols[c])) }
	m := &rawio.RawMessage{Platform: corpus.Facebook, ID: val(gID), Group: val(gGroup), Text: get(rec, cols[gBody])}
	if m.ID == "" {
		return nil, gID, rawio.ErrMissing
	}
	switch p := strings.ToLower(val(gPlatform)); p {
	case "", "facebook", "fb":
	case "twitter", "x":
		m.Platform = corpus.Twitter
	default:
		return nil, gPlatform, fmt.Errorf("%w: unknown platform (want facebook or twitter)", rawio.ErrShape)
	}
	thread, parent := val(gThread), val(gParent)
	start := m.ID == thread || (thread == "" && parent == "")
	if parent == "" {
		parent = thread
	}
	kind, known := corpus.ParseKind(strings.ToLower(val(gKind)))
	if !known {
		return nil, gKind, fmt.Errorf("%w: unknown kind for %s", rawio.ErrShape, m.Platform)
	}
	startKind, answerKind := corpus.Post, corpus.Comment
	if m.Platform == corpus.Twitter {
		startKind, answerKind = corpus.Tweet, corpus.Reply
	}
	switch {
	case kind == 0:
		switch {
		case start:
			m.Kind = startKind
		case thread != "" && val(gParent) != "" && val(gParent) != thread:
			m.Kind = corpus.Reply // it answers a message that is not the thread start
		default:
			m.Kind = answerKind
		}
	case kind == startKind:
		if !start {
			return nil, gKind, fmt.Errorf("%w: kind %s but the row answers another message", rawio.ErrShape, kind)
		}
		m.Kind = kind
	case kind == answerKind || kind == corpus.Reply:
		if start {
			return nil, gKind, fmt.Errorf("%w: kind %s but the row has no parent", rawio.ErrShape, kind)
		}
		m.Kind = kind
	case m.Platform == corpus.Twitter && (kind == corpus.Retweet || kind == corpus.Quote):
		m.Kind, m.RefID = kind, val(gParent)
		if m.RefID == "" && thread != m.ID {
			m.RefID = thread
		}
		start = true
	default:
		return nil, gKind, fmt.Errorf("%w: unknown kind for %s", rawio.ErrShape, m.Platform)
	}
	if start {
		m.ThreadID = m.ID
	} else {
		m.ParentID, m.ThreadID = parent, thread
	}
	var ok bool
	if m.AuthorRole, ok = parseRole(val(gRole)); !ok {
		return nil, gRole, fmt.Errorf("%w: unknown role (want member, admin or moderator)", rawio.ErrShape)
	}
	m.Author = rawio.Person{ID: val(gAuthorID), Name: val(gAuthor)}
	stamp := val(gTimestamp)
	if stamp == "" {
		return nil, gTimestamp, rawio.ErrMissing
	}
	var err error
	if m.Created, err = parseGenericTime(stamp); err != nil {
		return nil, gTimestamp, err
	}
	if err := tc.check(m.Platform, m.Created); err != nil {
		return nil, gTimestamp, err
	}
	if m.Reactions, err = count(val(gReactions)); err != nil {
		return nil, gReactions, err
	}
	if m.Shares, err = count(val(gShares)); err != nil {
		return nil, gShares, err
	}
	return m, 0, nil
}
