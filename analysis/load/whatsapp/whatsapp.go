package whatsapp

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Format is the name of the WhatsApp chat export format.
const Format = "whatsapp-txt"

// Options of the format (a study source's "options").
const (
	// OptionTimezone is the zone of the phone that made the export, an
	// IANA name; default DefaultTimezone.
	OptionTimezone = "timezone"
	// OptionDates is the day-month order of the export's dates,
	// "day-first" or "month-first", for a file whose dates and words do
	// not settle it.
	OptionDates = "dates"
)

// DefaultTimezone is the zone assumed for the export's local times when
// the study names none: the studies of this compendium are French.
const DefaultTimezone = "Europe/Paris"

// ServiceSystem is the kind of the service records of system lines.
const ServiceSystem = "system"

// MediaText replaces the line of a message that stands for a photo,
// video, audio, sticker or document left out of the export or attached
// to it ("<Médias omis>", "<Media omitted>", "image absente", "image
// omitted", "<attached: …>", "… (fichier joint)"…).
const MediaText = "<media>"

// ErrUndecidedOrder is the file-level error of a file whose day-month
// order cannot be told.
var ErrUndecidedOrder = errors.New("the day-month order of the dates cannot be told from the file")

func init() {
	rawio.Register(rawio.Format{
		Name: Format, Platform: corpus.WhatsApp, Sniff: sniff, Read: read,
		Doc: `WhatsApp "Export chat" text (.txt) of a group, Android and iOS layouts, any locale's date order (decided from the whole file)`,
	})
}

// sniff recognises a file whose first line that is not blank starts
// with a WhatsApp header, and whose other headers in head agree.
func sniff(head []byte) int {
	lines := bytes.Split(head, []byte{'\n'})
	if len(head) == rawio.HeadSize && len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last line may be cut
	}
	first, headers, brackets := true, 0, 0
	for _, l := range lines {
		s := strings.TrimRight(string(l), "\r")
		if first && strings.TrimSpace(stripMarks(s)) == "" {
			continue
		}
		h, ok := parseHeader(s)
		if first && !ok {
			return 0
		}
		first = false
		if ok {
			headers++
			if h.bracket {
				brackets++
			}
		}
	}
	switch {
	case headers == 0:
		return 0
	case brackets != 0 && brackets != headers:
		return 40 // iOS and Android headers mixed: still ours, least sure
	}
	return 90
}

type reader struct {
	f     *rawio.File
	sink  rawio.Sink
	loc   *time.Location
	order int
	lim   rawio.Limits

	cur *pending
	ids IDs // the message ids, with the repeats of the current minute
}

// pending is the record being read: a header and its continuation lines.
type pending struct {
	line   int
	h      header
	orphan bool // lines before the first header
	lines  int
	text   strings.Builder
	over   bool // longer than line-bytes
}

func read(f *rawio.File, sink rawio.Sink) error {
	r := &reader{f: f, sink: sink, lim: f.Limits.WithDefaults()}
	zone := strings.TrimSpace(f.Options[OptionTimezone])
	if zone == "" {
		zone = DefaultTimezone
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return fmt.Errorf("%s: option %s: unknown time zone %s (want an IANA name such as Europe/Paris)", f.Name, OptionTimezone, rawio.Quote(zone))
	}
	r.loc = loc
	switch o := strings.TrimSpace(f.Options[OptionDates]); o {
	case "day-first", "dmy":
		r.order = dayFirst
	case "month-first", "mdy":
		r.order = monthFirst
	case "":
	default:
		return fmt.Errorf("%s: option %s: %s (want day-first or month-first)", f.Name, OptionDates, rawio.Quote(o))
	}
	lines, cleanup, err := r.secondPass()
	if err != nil {
		return err
	}
	defer cleanup()
	for {
		b, n, err := lines.next()
		switch {
		case err == io.EOF:
			r.flush()
			return nil
		case rawio.IsRecordError(err):
			// A line past the limit is a record of its own; the message
			// it may belong to keeps its other lines.
			r.reject(n, "", err)
			continue
		case err != nil:
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		r.line(b, n)
	}
}

// lineSource gives the lines of the second pass.
type lineSource interface {
	next() ([]byte, int, error)
}

type plainLines struct{ lr *rawio.LineReader }

func (p plainLines) next() ([]byte, int, error) { return p.lr.Next() }

// spooledLines reads the lines a first pass spooled, each tagged 'L' (a
// line) or 'X' (a line past the limit).
type spooledLines struct {
	lr  *rawio.LineReader
	lim rawio.Limits
}

func (s spooledLines) next() ([]byte, int, error) {
	b, n, err := s.lr.Next()
	if err != nil {
		return b, n, err
	}
	if len(b) > 0 && b[0] == 'X' {
		return nil, n, rawio.NewLimitError(s.lim, "line-bytes")
	}
	if len(b) == 0 {
		return b, n, nil
	}
	return b[1:], n, nil
}

// secondPass decides the day-month order, reading the whole file once
// when the option does not give it, and returns the lines to read for
// the records: the file itself when the order is known, else the file
// opened again beside itself, else (standard input, a pipe) a copy the
// first pass spooled to a temporary file, removed by cleanup. The first
// pass keeps only what the headers say of the order: memory stays
// bounded whatever the file.
func (r *reader) secondPass() (lineSource, func(), error) {
	nothing := func() {}
	if r.order != orderUnknown {
		return plainLines{r.f.Lines()}, nothing, nil
	}
	var ev evidence
	var spool *os.File
	var w *bufio.Writer
	if r.f.Sibling == nil {
		var err error
		if spool, err = os.CreateTemp("", "whatsapp-*.txt"); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", r.f.Name, err)
		}
		w = bufio.NewWriter(spool)
	}
	cleanup := func() {
		if spool != nil {
			spool.Close()
			os.Remove(spool.Name())
		}
	}
	lr := r.f.Lines()
	for {
		b, _, err := lr.Next()
		if err == io.EOF {
			break
		}
		if rawio.IsRecordError(err) {
			if w != nil {
				w.WriteString("X\n")
			}
			continue
		}
		if err != nil {
			cleanup()
			return nil, nil, fmt.Errorf("%s: %w", r.f.Name, err)
		}
		if h, ok := headerOf(b); ok {
			ev.add(h, h.rest)
		}
		if w != nil {
			w.WriteByte('L')
			w.Write(b)
			w.WriteByte('\n')
		}
	}
	order, _ := ev.order()
	if order == orderUnknown && ev.dayMonth > 0 {
		cleanup()
		why := "no date has a day above 12"
		if ev.dayOver && ev.monthOver {
			why = "its dates are of both orders"
		}
		return nil, nil, fmt.Errorf("%s: %w (%s, and no French line): set the %q option to day-first or month-first", r.f.Name, ErrUndecidedOrder, why, OptionDates)
	}
	if order == orderUnknown {
		order = dayFirst // no header, or years first only: the order is moot
	}
	r.order = order
	if w != nil {
		if err := w.Flush(); err != nil {
			cleanup()
			return nil, nil, fmt.Errorf("%s: %w", r.f.Name, err)
		}
		if _, err := spool.Seek(0, io.SeekStart); err != nil {
			cleanup()
			return nil, nil, fmt.Errorf("%s: %w", r.f.Name, err)
		}
		lim := r.lim
		lim.LineBytes++ // the tag
		sf, err := rawio.NewFileWith(r.f.Name, spool, lim)
		if err != nil {
			cleanup()
			return nil, nil, err
		}
		return spooledLines{sf.Lines(), r.lim}, cleanup, nil
	}
	again, err := r.f.Sibling(filepath.Base(r.f.Name))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: opening the file again for its second pass: %w", r.f.Name, err)
	}
	return plainLines{again.Lines()}, func() { again.Close() }, nil
}

func (r *reader) reject(line int, field string, err error) {
	r.sink.Reject(&rawio.ParseError{File: r.f.Name, Line: max(line, 1), Field: field, Err: err})
}

// headerOf parses the header of line b, converting to a string only the
// lines that can start with one (a digit or '[' after the marks), so that
// continuation lines cost no allocation.
func headerOf(b []byte) (header, bool) {
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if !isMark(r) {
			break
		}
		i += size
	}
	if i == len(b) || b[i] != '[' && (b[i] < '0' || b[i] > '9') {
		return header{}, false
	}
	return parseHeader(string(b))
}

// line takes line n of the file.
func (r *reader) line(b []byte, n int) {
	if h, ok := headerOf(b); ok {
		r.flush()
		r.cur = &pending{line: n, h: h, lines: 1}
		r.add([]byte(h.rest), false)
		return
	}
	if r.cur == nil {
		if len(bytes.TrimFunc(b, func(r rune) bool { return unicode.IsSpace(r) || isMark(r) })) == 0 {
			return // blank lines before the first header
		}
		r.cur = &pending{line: n, orphan: true}
	}
	r.cur.lines++
	r.add(b, true)
}

// add appends b to the record being read, within line-bytes.
func (r *reader) add(b []byte, newline bool) {
	c := r.cur
	if c.over {
		return
	}
	if c.text.Len()+len(b)+1 > r.lim.LineBytes {
		c.over = true
		c.text = strings.Builder{}
		return
	}
	if newline {
		c.text.WriteByte('\n')
	}
	c.text.Write(b)
}

// flush ends the record being read with its one sink call.
func (r *reader) flush() {
	c := r.cur
	r.cur = nil
	switch {
	case c == nil:
		return
	case c.orphan:
		r.reject(c.line, "", fmt.Errorf("%w: %d lines before the first message header", rawio.ErrShape, c.lines))
		return
	case c.over:
		r.reject(c.line, "", fmt.Errorf("%w (a message of %d lines)", rawio.NewLimitError(r.lim, "line-bytes"), c.lines))
		return
	}
	at, ok := c.h.when(r.order, r.loc)
	if !ok {
		r.reject(c.line, "date", fmt.Errorf("%w: %s", rawio.ErrBadTime, rawio.Quote(strings.TrimSpace(stripMarks(c.h.headerText)))))
		return
	}
	author, text, isMessage := splitAuthor(c.text.String())
	if !isMessage {
		rawio.EmitService(r.sink, &rawio.RawService{Kind: ServiceSystem, Line: c.line},
			&rawio.ParseError{File: r.f.Name, Line: c.line, Err: fmt.Errorf("%w: a WhatsApp system line, not a message", rawio.ErrShape)})
		return
	}
	m := &rawio.RawMessage{Platform: corpus.WhatsApp, Kind: corpus.Post, Created: at, Line: c.line,
		Author: person(author), Text: text, IDField: "header", CreatedField: "date"}
	m.ID = r.id(at, m.Author, text)
	r.sink.Message(m)
}

// id derives the message id of the reader's next message (IDs).
func (r *reader) id(at time.Time, p rawio.Person, text string) string {
	return r.ids.Next(at, p, text)
}

// IDs derives the ids of a chat's messages, in the export's order: exports
// have none. An id is "wa" and the first 24 hex digits of the SHA-256 of
// the message's minute (UTC, RFC 3339), its author's id and lower-cased
// name, and its trimmed text, NUL-separated; the n-th exact repeat within
// one minute gets "-n" (from 2). Two exports of one chat from the same
// phone therefore give the same ids, and the simulator (package simulate)
// writes its truth with the ids this reader will derive. The zero value is
// ready to use.
type IDs struct {
	minute  string
	repeats map[string]int
}

// Next returns the id of the next message of the chat.
func (d *IDs) Next(at time.Time, p rawio.Person, text string) string {
	minute := at.UTC().Truncate(time.Minute).Format(time.RFC3339)
	if d.repeats == nil {
		d.repeats = map[string]int{}
	}
	if minute != d.minute {
		d.minute = minute
		clear(d.repeats)
	}
	h := sha256.New()
	h.Write([]byte(minute))
	h.Write([]byte{0})
	h.Write([]byte(p.ID))
	h.Write([]byte{0})
	h.Write([]byte(strings.ToLower(p.Name)))
	h.Write([]byte{0})
	h.Write([]byte(strings.TrimSpace(text)))
	sum := hex.EncodeToString(h.Sum(nil))[:24]
	d.repeats[sum]++
	if n := d.repeats[sum]; n > 1 {
		return "wa" + sum + "-" + strconv.Itoa(n)
	}
	return "wa" + sum
}

// Author returns the person a chat export names as author: a phone
// number (normalised to '+' and digits) as the account id, anything else
// as the display name.
func Author(name string) rawio.Person { return person(name) }

// splitAuthor splits what follows a header into author and text. A line
// without a colon, or whose part before the first colon holds a quote
// (a system line quoting a group's subject) or is longer than 100
// characters, is a system line; so is an iOS line whose text starts with
// a left-to-right mark (iOS writes system lines under the group's name
// that way) unless it is a media marker or a deleted message.
func splitAuthor(rest string) (author, text string, ok bool) {
	i := strings.IndexByte(rest, ':')
	if i <= 0 {
		return "", "", false
	}
	author = strings.TrimSpace(strings.TrimFunc(stripMarks(rest[:i]), func(r rune) bool { return isSpace(r) }))
	if author == "" || strings.ContainsAny(author, "\"«»“”") || utf8.RuneCountInString(author) > 100 {
		return "", "", false
	}
	text = rest[i+1:]
	if t := strings.TrimLeftFunc(text, isSpace); strings.HasPrefix(t, "\u200e") {
		first, _, _ := strings.Cut(strings.TrimLeftFunc(stripMarks(t), isSpace), "\n")
		if !isMedia(first) && !isDeleted(first) {
			return "", "", false
		}
	}
	// The marks are invisible formatting (around mentions and numbers):
	// removed, so that "@\u2068Nadia Benali\u2069" names Nadia Benali.
	text = strings.TrimLeftFunc(stripMarks(text), isSpace)
	first, more, hasMore := strings.Cut(text, "\n")
	if isMedia(strings.TrimSpace(stripMarks(first))) {
		text = MediaText
		if hasMore {
			text += "\n" + more
		}
	}
	return author, strings.TrimRightFunc(text, unicode.IsSpace), true
}

var (
	mediaExact = map[string]bool{
		"<Médias omis>": true, "<Media omitted>": true, "<media omitted>": true, "<Médias omis >": true,
		"image absente": true, "vidéo absente": true, "audio omis": true, "GIF retiré": true, "sticker omis": true,
		"image omitted": true, "video omitted": true, "audio omitted": true, "sticker omitted": true,
		"GIF omitted": true, "document omitted": true, "Contact card omitted": true, "Carte de contact omise": true,
		"document absent": true, "<Fichier multimédia omis>": true,
	}
	mediaPrefixes = []string{"<attached: ", "<pièce jointe : ", "<pièce jointe: ", "<joint : ", "<jointe: "}
	mediaSuffixes = []string{" (file attached)", " (fichier joint)", " document omitted", " document absent"}
	deleted       = []string{"This message was deleted", "You deleted this message", "Ce message a été supprimé", "Vous avez supprimé ce message"}
)

func isMedia(s string) bool {
	s = strings.TrimSpace(s)
	if mediaExact[s] {
		return true
	}
	for _, p := range mediaPrefixes {
		if strings.HasPrefix(s, p) && strings.HasSuffix(s, ">") {
			return true
		}
	}
	for _, p := range mediaSuffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

func isDeleted(s string) bool {
	for _, d := range deleted {
		if strings.HasPrefix(s, d) {
			return true
		}
	}
	return false
}

// person is the author as the phone shows them: a name (a contact's name,
// or the profile name of someone not in the contacts) as Person.Name, or
// a phone number as Person.ID, written without its spaces, dots,
// hyphens, parentheses and marks ("+33 6 12 34 56 78" is +33612345678),
// so that every way the phone wrote one number is one person.
func person(author string) rawio.Person {
	if n, ok := phoneNumber(author); ok {
		return rawio.Person{ID: n}
	}
	return rawio.Person{Name: author}
}

// phoneNumber reports whether s is a phone number (an optional '+', then
// 6 to 15 digits, with spaces, dots, hyphens and parentheses between),
// and returns it normalised.
func phoneNumber(s string) (string, bool) {
	s = strings.TrimSpace(stripMarks(s))
	var b strings.Builder
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			digits++
		case r == '+' && i == 0:
			b.WriteRune(r)
		case isSpace(r) || r == '.' || r == '-' || r == '(' || r == ')' || r == '\u2011':
		default:
			return "", false
		}
	}
	if digits < 6 || digits > 15 {
		return "", false
	}
	return b.String(), true
}
