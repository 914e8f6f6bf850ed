package rawio

import (
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// Person is an account as a raw export names it. Loaders fill what the
// export has; package load derives the pseudonym from the most stable
// identity available (see load's documentation). It never leaves loading.
type Person struct {
	ID     string // the platform's account id, when given (or a hash given by the tool, as Netvizz does)
	Handle string // screen name without '@' (Twitter), when given
	Name   string // display name, when given
}

// IsZero reports whether the export named nobody.
func (p Person) IsZero() bool { return p.ID == "" && p.Handle == "" && p.Name == "" }

// RawMessage is one message as a format decoded it, before
// pseudonymisation.
type RawMessage struct {
	Platform   corpus.Platform
	Group      string // the group or page id or name the export gives, if any
	ID         string
	Kind       corpus.Kind
	ParentID   string // comments and replies
	RefID      string // retweets and quotes
	ThreadID   string // when the export gives it (conversation_id, thread_id)
	Author     Person
	AuthorRole corpus.Role
	Created    time.Time // UTC
	Text       string    // raw text; @mentions are pseudonymised by load
	Reactions  int
	Shares     int
	Hashtags   []string // without '#', as written
	Mentions   []Person // accounts mentioned, as the export lists them
	Links      []string
	ReplyTo    Person // account answered, when the parent message is not given
	// Lang is the language the platform or the author tagged the message
	// with (BCP 47, e.g. "fr"; several joined by ','), as the export
	// gives it: a declaration, not a detection.
	Lang string
	Line int // line (or record number) where the record starts
	// IDField and CreatedField name the export's id and time fields, for
	// the rejections load makes of bad ids and implausible times; when
	// empty, rejections say "id" and "created".
	IDField, CreatedField string
	// KindText is the export's kind when it names none of corpus.Kinds
	// (Kind is then zero): load rejects the message, quoting it. SetKind
	// sets Kind or KindText from the export's text.
	KindText string
}

// SetKind sets m.Kind to the kind s names (corpus.ParseKind: "post",
// "comment", ...; "" leaves it zero, for load to infer), or, when s names
// none, m.KindText to s, so that load rejects the message.
func (m *RawMessage) SetKind(s string) {
	k, ok := corpus.ParseKind(s)
	m.Kind, m.KindText = k, ""
	if !ok {
		m.KindText = s
	}
}

// KindName is the message's kind as the export wrote it: KindText when
// set, else Kind's name.
func (m *RawMessage) KindName() string {
	if m.KindText != "" {
		return m.KindText
	}
	return m.Kind.String()
}

// RawProfile is a profile observation before pseudonymisation.
type RawProfile struct {
	Account   Person
	Label     string
	Community string
	Observed  time.Time
	Posts     int
	Following int
	Followers int
	Likes     int
	Joined    time.Time
	Line      int
}

// Sink receives what a format reads. Each raw record ends in exactly one
// call: Message, Panel or Profile when read, Reject when not. A record that
// holds several messages (an API response page) calls Message for each of
// them and counts them as that many records.
type Sink interface {
	Message(m *RawMessage)
	Panel(p *corpus.PanelObservation)
	Profile(p *RawProfile)
	Reject(err *ParseError)
}

// RawGroup is a record that describes the group or page an export was
// taken from rather than a message, such as Facepager's seed node: a
// record read, that names the community.
type RawGroup struct {
	ID   string // the platform's group or page id
	Name string // its name, when the record gives it
	Line int
}

// GroupSink is implemented by sinks that take group records. A format
// meeting one calls EmitGroup, which rejects the record for sinks that do
// not take them, so that every record is still accounted for.
type GroupSink interface {
	Group(g *RawGroup)
}

// EmitGroup hands g to sink when it takes group records, and otherwise
// rejects it with reason notMessage.
func EmitGroup(sink Sink, g *RawGroup, notMessage *ParseError) {
	if gs, ok := sink.(GroupSink); ok {
		gs.Group(g)
		return
	}
	sink.Reject(notMessage)
}

// RawService is a record that is read but is not a message: a service
// message of a chat export (Telegram's joins, pins and title changes,
// WhatsApp's system lines). Kind names what it is, in the export's words
// or a short stable name ("join", "pin_message", "system"), for the report.
type RawService struct {
	Kind string
	Line int
}

// ServiceSink is implemented by sinks that take service records. A format
// meeting one calls EmitService, which rejects the record for sinks that
// do not take them, so that every record is still accounted for.
type ServiceSink interface {
	Service(r *RawService)
}

// EmitService hands r to sink when it takes service records, and
// otherwise rejects it with reason notMessage.
func EmitService(sink Sink, r *RawService, notMessage *ParseError) {
	if ss, ok := sink.(ServiceSink); ok {
		ss.Service(r)
		return
	}
	sink.Reject(notMessage)
}
