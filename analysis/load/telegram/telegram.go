package telegram

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/jsonvalues"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Format is the name of the Telegram Desktop export format.
const Format = "telegram-desktop"

// Options of the format (a study source's "options").
const (
	// OptionTimezone is the zone of the machine that made the export, an
	// IANA name such as Europe/Paris, used for the times of exports
	// without date_unixtime (before Telegram Desktop 3.x), whose "date"
	// is local time without zone. Default DefaultTimezone.
	OptionTimezone = "timezone"
	// OptionChat is the id of the one chat to read in a full-account
	// export; the messages of the other chats are then service records of
	// kind ServiceOtherChat.
	OptionChat = "chat"
)

// DefaultTimezone is the zone assumed for local "date" values when the
// study names none: the studies of this compendium are French.
const DefaultTimezone = "Europe/Paris"

// Service kinds that are not Telegram actions.
const (
	// ServiceUnsupported is an item that Telegram Desktop wrote as
	// {"type": "unsupported"}: a message of a kind the export cannot
	// represent, of which it keeps nothing (no date, no author).
	ServiceUnsupported = "unsupported"
	// ServiceOther is a service message without an action.
	ServiceOther = "service"
	// ServiceOtherChat is a message of another chat than OptionChat.
	ServiceOtherChat = "other-chat"
)

func init() {
	rawio.Register(rawio.Format{
		Name: Format, Platform: corpus.Telegram, Sniff: sniff, Read: read,
		Doc: "Telegram Desktop JSON export (result.json) of a group or channel, or of a whole account (chats.list)",
	})
}

var (
	reItemType = regexp.MustCompile(`"type"\s*:\s*"(message|service)"`)
	reItemKey  = regexp.MustCompile(`"(date_unixtime|from_id|text_entities|actor_id)"\s*:`)
	reChatType = regexp.MustCompile(`"type"\s*:\s*"(personal_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|saved_messages|bot_chat|replies)"`)
	reMessages = regexp.MustCompile(`"messages"\s*:\s*\[`)
	reAccount  = regexp.MustCompile(`"(personal_information|frequent_contacts|left_chats)"\s*:\s*\{`)
)

// sniff recognises an object holding a "messages" array of Telegram
// items, or a full-account export.
func sniff(head []byte) int {
	t := strings.TrimLeft(string(head[:min(len(head), 1<<16)]), " \t\r\n")
	if !strings.HasPrefix(t, "{") {
		return 0
	}
	switch {
	case reMessages.MatchString(t) && reItemType.MatchString(t) && reItemKey.MatchString(t):
		return 95
	case reMessages.MatchString(t) && reChatType.MatchString(t):
		return 80
	case reAccount.MatchString(t):
		return 70
	}
	return 0
}

type reader struct {
	f     *rawio.File
	sink  rawio.Sink
	s     *jsonvalues.Scanner
	loc   *time.Location
	only  string // OptionChat
	found bool   // a messages array was met
}

// errStop ends a document whose structure cannot be followed further;
// the record it cut was rejected.
var errStop = errors.New("stop")

func read(f *rawio.File, sink rawio.Sink) error {
	r := &reader{f: f, sink: sink, s: jsonvalues.NewScanner(f, true), only: strings.TrimSpace(f.Options[OptionChat])}
	zone := strings.TrimSpace(f.Options[OptionTimezone])
	if zone == "" {
		zone = DefaultTimezone
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return fmt.Errorf("%s: option %s: unknown time zone %s (want an IANA name such as Europe/Paris)", f.Name, OptionTimezone, rawio.Quote(zone))
	}
	r.loc = loc
	c, err := r.s.Peek()
	if err != nil && err != io.EOF {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	if c != '{' {
		return fmt.Errorf("%s: %w: the document is not a JSON object", f.Name, rawio.ErrShape)
	}
	r.s.Discard(1)
	err = r.object(levelTop, "")
	switch {
	case errors.Is(err, errStop):
		return nil
	case err != nil && r.found:
		// The structure broke outside a record after records were read:
		// what follows cannot be split into records.
		r.reject(r.s.Line()+1, "", fmt.Errorf("%w: %v; the rest of the file cannot be read", rawio.ErrBadJSON, err))
		return nil
	case err != nil:
		return fmt.Errorf("%s: %w", f.Name, err)
	case !r.found:
		return fmt.Errorf("%s: %w: no \"messages\" array (neither a chat's result.json nor a full-account export)", f.Name, rawio.ErrShape)
	}
	return nil
}

// Levels of the objects of an export.
const (
	levelTop  = iota // the document: a chat, or a full-account export
	levelList        // "chats" or "left_chats" of a full-account export
	levelChat        // an element of their "list"
)

func (r *reader) reject(line int, field string, err error) {
	r.sink.Reject(&rawio.ParseError{File: r.f.Name, Line: max(line, 1), Field: field, Err: err})
}

// object reads the members of an object whose '{' was read.
func (r *reader) object(level int, chatID string) error {
	for {
		c, more, err := r.s.Next('}')
		if err == io.EOF {
			return errors.New("the document ends inside an object")
		}
		if err != nil {
			return err
		}
		if !more {
			return nil
		}
		switch c {
		case '"':
		default:
			return fmt.Errorf("%s where a key was expected, line %d", rawio.Quote(string(c)), r.s.Line()+1)
		}
		raw, _, err := r.s.Value(true)
		var key string
		if err == nil {
			err = json.Unmarshal(raw, &key)
		}
		if err != nil {
			return fmt.Errorf("a key, line %d: %v", r.s.Line()+1, err)
		}
		if c, err := r.s.Peek(); err != nil || c != ':' {
			return fmt.Errorf("no ':' after a key, line %d", r.s.Line()+1)
		}
		r.s.Discard(1)
		next, _ := r.s.Peek()
		switch {
		case key == "id" && (level == levelTop || level == levelChat) && next != '{' && next != '[':
			raw, _, err := r.s.Value(true)
			if err != nil {
				return fmt.Errorf("the chat's id, line %d: %v", r.s.Line()+1, err)
			}
			chatID = scalar(raw)
			continue
		case key == "messages" && (level == levelTop || level == levelChat) && next == '[':
			r.found = true
			r.s.Discard(1)
			if err := r.records(chatID); err != nil {
				return err
			}
			continue
		case (key == "chats" || key == "left_chats") && level == levelTop && next == '{':
			r.s.Discard(1)
			if err := r.object(levelList, ""); err != nil {
				return err
			}
			continue
		case key == "list" && level == levelList && next == '[':
			r.s.Discard(1)
			if err := r.chats(); err != nil {
				return err
			}
			continue
		}
		if _, _, err := r.s.Value(false); err != nil && !errors.Is(err, rawio.ErrLimit) {
			return fmt.Errorf("the value of a key, line %d: %v", r.s.Line()+1, err)
		}
	}
}

// chats reads the chats of a full-account export's list, whose '[' was
// read.
func (r *reader) chats() error {
	for {
		c, more, err := r.s.Next(']')
		if err == io.EOF {
			return errors.New("the document ends inside a list of chats")
		}
		if err != nil {
			return err
		}
		if !more {
			return nil
		}
		switch c {
		case '{':
			r.s.Discard(1)
			if err := r.object(levelChat, ""); err != nil {
				return err
			}
		default:
			if _, _, err := r.s.Value(false); err != nil && !errors.Is(err, rawio.ErrLimit) {
				return err
			}
		}
	}
}

// records reads the items of a messages array whose '[' was read, each
// one record, up to its ']'.
func (r *reader) records(chatID string) error {
	for {
		_, more, err := r.s.Next(']')
		if err == io.EOF {
			r.reject(r.s.Line()+1, "", fmt.Errorf("%w: the document ends inside the messages array", rawio.ErrBadJSON))
			return errStop
		}
		if err != nil {
			return err
		}
		if !more {
			return nil
		}
		raw, line, err := r.s.Value(true)
		switch {
		case err == io.ErrUnexpectedEOF:
			r.reject(line, "", fmt.Errorf("%w: the document ends inside this record (the rest of the file cannot be read)", rawio.ErrBadJSON))
			return errStop
		case errors.Is(err, rawio.ErrLimit):
			r.reject(line, "", err)
			continue
		case err != nil:
			return err
		}
		r.item(raw, line, chatID)
	}
}

// tgItem is one element of a messages array, as far as it is read.
type tgItem struct {
	ID        json.RawMessage `json:"id"`
	Type      *string         `json:"type"`
	Date      string          `json:"date"`
	Unix      json.RawMessage `json:"date_unixtime"`
	From      *string         `json:"from"`
	FromID    json.RawMessage `json:"from_id"`
	Text      json.RawMessage `json:"text"`
	Entities  []tgEntity      `json:"text_entities"`
	ReplyTo   json.RawMessage `json:"reply_to_message_id"`
	ReplyPeer json.RawMessage `json:"reply_to_peer_id"`
	Forwarded json.RawMessage `json:"forwarded_from"`
	Action    string          `json:"action"`
	Reactions []struct {
		Count json.RawMessage `json:"count"`
	} `json:"reactions"`
}

// tgEntity is a piece of a text.
type tgEntity struct {
	Type   string          `json:"type"`
	Text   string          `json:"text"`
	Href   string          `json:"href"`
	UserID json.RawMessage `json:"user_id"`
}

// item maps one element of a messages array to one sink call.
func (r *reader) item(raw []byte, line int, chatID string) {
	if len(raw) == 0 || raw[0] != '{' {
		r.reject(line, "", fmt.Errorf("%w: an item of messages is not an object", rawio.ErrShape))
		return
	}
	var it tgItem
	if err := json.Unmarshal(raw, &it); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			r.reject(line, te.Field, fmt.Errorf("%w: JSON %s where %s was expected", rawio.ErrShape, te.Value, te.Type))
		} else {
			r.reject(line, "", fmt.Errorf("%w: %v", rawio.ErrBadJSON, err))
		}
		return
	}
	typ := ""
	if it.Type != nil {
		typ = *it.Type
	}
	switch {
	case typ == "unsupported":
		r.service(ServiceUnsupported, line)
		return
	case typ != "service" && typ != "message":
		r.reject(line, "type", fmt.Errorf("%w: item type %s (want message or service)", rawio.ErrShape, rawio.Quote(typ)))
		return
	case r.only != "" && chatID != r.only:
		r.service(ServiceOtherChat, line)
		return
	case typ == "service":
		kind := strings.TrimSpace(it.Action)
		if kind == "" || len(kind) > 64 || strings.ContainsAny(kind, " \t\r\n") {
			kind = ServiceOther
		}
		r.service(kind, line)
		return
	}
	m := &rawio.RawMessage{Platform: corpus.Telegram, Group: chatID, ID: scalar(it.ID), Kind: corpus.Post,
		Line: line, IDField: "id"}
	switch {
	case len(it.Unix) > 0 && scalar(it.Unix) != "":
		m.CreatedField = "date_unixtime"
		n, err := strconv.ParseInt(scalar(it.Unix), 10, 64)
		if err != nil {
			r.reject(line, m.CreatedField, fmt.Errorf("%w: %s", rawio.ErrBadTime, rawio.Quote(scalar(it.Unix))))
			return
		}
		m.Created = time.Unix(n, 0).UTC()
	case it.Date != "":
		m.CreatedField = "date"
		t, err := time.ParseInLocation("2006-01-02T15:04:05", it.Date, r.loc)
		if err != nil {
			r.reject(line, m.CreatedField, fmt.Errorf("%w: %s", rawio.ErrBadTime, rawio.Quote(it.Date)))
			return
		}
		m.Created = t.UTC()
	default:
		m.CreatedField = "date_unixtime"
	}
	if it.From != nil {
		m.Author.Name = strings.TrimSpace(*it.From)
	}
	m.Author.ID = scalar(it.FromID)
	text, pieces, err := textOf(it.Text)
	if err != nil {
		r.reject(line, "text", err)
		return
	}
	m.Text = text
	if it.Entities != nil {
		pieces = it.Entities
	}
	for _, e := range pieces {
		switch e.Type {
		case "mention":
			if h := strings.TrimPrefix(strings.TrimSpace(e.Text), "@"); h != "" {
				m.Mentions = append(m.Mentions, rawio.Person{Handle: h})
			}
		case "mention_name":
			p := rawio.Person{Name: strings.TrimSpace(e.Text)}
			if id := scalar(e.UserID); id != "" {
				p.ID = "user" + id // as from_id writes the same account
			}
			if !p.IsZero() {
				m.Mentions = append(m.Mentions, p)
			}
		case "hashtag":
			if h := strings.TrimPrefix(strings.TrimSpace(e.Text), "#"); h != "" {
				m.Hashtags = append(m.Hashtags, h)
			}
		case "link":
			m.Links = append(m.Links, strings.TrimSpace(e.Text))
		case "text_link":
			if e.Href != "" {
				m.Links = append(m.Links, e.Href)
			}
		}
	}
	if p := scalar(it.ReplyTo); p != "" {
		m.Kind, m.ParentID = corpus.Reply, p
		if peer := digits(scalar(it.ReplyPeer)); peer != "" && peer != digits(chatID) {
			// A reply to a message of another chat: its id is that
			// chat's, not this one's. The reply names no parent here.
			m.ParentID = ""
		}
	} else if len(it.Forwarded) > 0 {
		// A forward (forwarded_from, null when the original author hides
		// it) re-broadcasts another's message: a repost. Who wrote it
		// first is not kept.
		m.Kind = corpus.Retweet
	}
	for _, x := range it.Reactions {
		n, err := strconv.Atoi(scalar(x.Count))
		if err != nil || n < 0 {
			r.reject(line, "reactions", fmt.Errorf("%w: %s", rawio.ErrBadNumber, rawio.Quote(scalar(x.Count))))
			return
		}
		m.Reactions += n
	}
	r.sink.Message(m)
}

func (r *reader) service(kind string, line int) {
	rawio.EmitService(r.sink, &rawio.RawService{Kind: kind, Line: line},
		&rawio.ParseError{File: r.f.Name, Line: line, Err: fmt.Errorf("%w: a Telegram service item (%s), not a message", rawio.ErrShape, kind)})
}

// textOf returns the text of a message, written as a string or as an
// array of strings and entity objects, and those objects.
func textOf(raw json.RawMessage) (string, []tgEntity, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil, nil
	}
	var s string
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", nil, fmt.Errorf("%w: %v", rawio.ErrShape, err)
		}
		return s, nil, nil
	}
	var parts []json.RawMessage
	if err := json.Unmarshal(raw, &parts); err != nil {
		return "", nil, fmt.Errorf("%w: text is neither a string nor an array", rawio.ErrShape)
	}
	var b strings.Builder
	var ents []tgEntity
	for _, p := range parts {
		if len(p) > 0 && p[0] == '"' {
			if err := json.Unmarshal(p, &s); err != nil {
				return "", nil, fmt.Errorf("%w: %v", rawio.ErrShape, err)
			}
			b.WriteString(s)
			continue
		}
		var e tgEntity
		if err := json.Unmarshal(p, &e); err != nil {
			return "", nil, fmt.Errorf("%w: a piece of text is neither a string nor an entity", rawio.ErrShape)
		}
		b.WriteString(e.Text)
		ents = append(ents, e)
	}
	return b.String(), ents, nil
}

// digits returns the digits of s ("channel1234" and "-1001234" give
// "1234" and "1001234").
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// scalar returns a JSON number or string as text: "" for null or absent,
// the unquoted string for a string, the literal otherwise.
func scalar(raw json.RawMessage) string {
	s := strings.TrimSpace(string(raw))
	switch {
	case s == "null":
		return ""
	case strings.HasPrefix(s, `"`):
		var u string
		if json.Unmarshal(raw, &u) == nil {
			return strings.TrimSpace(u)
		}
	}
	return s
}
