// Package corpus holds the typed, pseudonymised model of a study that every
// loader produces and every indicator reads: messages exchanged in online
// communities, the communities themselves, and observations of group panels
// and profiles read off the platforms' pages at a date.
//
// Nothing in a Corpus identifies a person: authors are keyed pseudonyms
// (see package pseudo), and @mentions in texts are replaced by pseudonyms at
// load time. Times are stored in UTC; Paris converts them to Europe/Paris
// local time, in which the study reads rhythms of activity.
package corpus

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Paris must resolve on machines without tzdata
)

// Platform is the social network a message was exchanged on. It is held
// in one byte; its text (String, MarshalText) is the platform's lower-case
// name, "facebook", "twitter", ..., and the zero value, a platform not
// given, reads "". ParsePlatform reads the text back.
type Platform uint8

// Platforms a study can load. Facebook and Twitter are those of the 2019
// study; the others are where professional communities are collected
// from since Twitter's research API (2023) and CrowdTangle (2024) closed.
const (
	Facebook Platform = iota + 1 // "facebook"
	Twitter                      // "twitter"
	Bluesky                      // "bluesky"
	Mastodon                     // "mastodon"
	Telegram                     // "telegram"
	WhatsApp                     // "whatsapp"
	Reddit                       // "reddit"
	// Discourse is a web forum run on the Discourse software.
	Discourse // "discourse"
)

// Platforms lists every platform in a fixed order, for study files,
// reports and tables.
var Platforms = []Platform{Facebook, Twitter, Bluesky, Mastodon, Telegram, WhatsApp, Reddit, Discourse}

var platformNames = [...]string{"", "facebook", "twitter", "bluesky", "mastodon", "telegram", "whatsapp", "reddit", "discourse"}

// String returns the platform's name ("facebook"), "" for the zero value.
// A value outside the constants (never made by this package) reads
// "platform(N)".
func (p Platform) String() string { return enumString(platformNames[:], "platform", p) }

// ParsePlatform returns the platform named s ("facebook", exactly as
// String writes it; "" gives the zero value) and whether s names one.
func ParsePlatform(s string) (Platform, bool) { return enumParse[Platform](platformNames[:], s) }

// MarshalText writes String: JSON, CSV and text formats keep the name.
func (p Platform) MarshalText() ([]byte, error) { return enumMarshal(platformNames[:], "platform", p) }

// UnmarshalText reads a name written by MarshalText; an unknown name is
// an error that quotes it.
func (p *Platform) UnmarshalText(b []byte) error {
	return enumUnmarshal(platformNames[:], "platform", p, b)
}

// Profession is the professional group a community belongs to.
type Profession string

// Professions of the study.
const (
	HomeCareAide Profession = "home-care-aide"       // aide à domicile, auxiliaire de vie
	GP           Profession = "general-practitioner" // médecin généraliste
)

// Kind is what a message is within its platform's conversation structure.
// It is held in one byte; its text (String, MarshalText) is the kind's
// lower-case name, "post", "comment", ..., and the zero value, a kind not
// given, reads "". ParseKind reads the text back.
type Kind uint8

// Message kinds. On Facebook a post opens a thread, a comment answers a post
// and a reply answers a comment. On Twitter a tweet opens a thread, a reply
// answers a tweet (its parent), a retweet re-broadcasts one and a quote
// comments one. The other platforms use the same structural kinds: on
// Bluesky and Mastodon a post opens a thread, a reply answers a post or a
// reply, a repost or boost is a Retweet and a quote post a Quote; on
// Reddit a submission is a Post, a comment on it a Comment and a comment
// on a comment a Reply; in Telegram and WhatsApp chats and on Discourse
// forums a message that answers no other is a Post and one that answers
// another (Telegram's reply_to_message_id, Discourse's
// reply_to_post_number) a Reply.
const (
	Post    Kind = iota + 1 // "post"
	Comment                 // "comment"
	Reply                   // "reply"
	Tweet                   // "tweet"
	Retweet                 // "retweet"
	Quote                   // "quote"
)

// Kinds lists every message kind in a fixed order, for reports and tables.
var Kinds = []Kind{Post, Comment, Reply, Tweet, Retweet, Quote}

var kindNames = [...]string{"", "post", "comment", "reply", "tweet", "retweet", "quote"}

// String returns the kind's name ("post"), "" for the zero value. A value
// outside the constants (never made by this package) reads "kind(N)".
func (k Kind) String() string { return enumString(kindNames[:], "kind", k) }

// ParseKind returns the kind named s ("post", exactly as String writes
// it; "" gives the zero value) and whether s names one.
func ParseKind(s string) (Kind, bool) { return enumParse[Kind](kindNames[:], s) }

// MarshalText writes String: JSON, CSV and text formats keep the name.
func (k Kind) MarshalText() ([]byte, error) { return enumMarshal(kindNames[:], "kind", k) }

// UnmarshalText reads a name written by MarshalText; an unknown name is
// an error that quotes it.
func (k *Kind) UnmarshalText(b []byte) error { return enumUnmarshal(kindNames[:], "kind", k, b) }

// Role is an author's role in a community, when the export says it. It is
// held in one byte; its text (String, MarshalText) is "member", "admin" or
// "moderator", and "" for Unknown. ParseRole reads the text back.
type Role uint8

// Roles. Unknown is the zero value: most exports do not say.
const (
	Unknown   Role = iota // ""
	Member                // "member"
	Admin                 // "admin"
	Moderator             // "moderator"
)

var roleNames = [...]string{"", "member", "admin", "moderator"}

// String returns the role's name ("admin"), "" for Unknown. A value
// outside the constants (never made by this package) reads "role(N)".
func (r Role) String() string { return enumString(roleNames[:], "role", r) }

// ParseRole returns the role named s ("admin", exactly as String writes
// it; "" gives Unknown) and whether s names one.
func ParseRole(s string) (Role, bool) { return enumParse[Role](roleNames[:], s) }

// MarshalText writes String: JSON, CSV and text formats keep the name.
func (r Role) MarshalText() ([]byte, error) { return enumMarshal(roleNames[:], "role", r) }

// UnmarshalText reads a name written by MarshalText; an unknown name is
// an error that quotes it.
func (r *Role) UnmarshalText(b []byte) error { return enumUnmarshal(roleNames[:], "role", r, b) }

// Source is where a record came from: the raw file (relative to the study
// folder) and the line or record number within it, counted from 1.
type Source struct {
	File string
	Line int
}

func (s Source) String() string { return fmt.Sprintf("%s:%d", s.File, s.Line) }

// Message is one message of a community: a post, comment or tweet.
//
// The fields are ordered so that the three one-byte fields (Platform,
// Kind, AuthorRole) share one word at the end: a Message is 288 bytes on
// 64-bit machines (TestMessageSize).
type Message struct {
	Community string    // Community.ID
	ID        string    // the platform's id, unique within the community
	ParentID  string    // the message it answers (comments and replies only)
	RefID     string    // the message retweeted or quoted (retweets and quotes only)
	ThreadID  string    // id of the thread start; empty when the thread is unknown
	Author    string    // keyed pseudonym
	Created   time.Time // UTC
	Text      string    // with @mentions pseudonymised
	Reactions int       // likes and other reactions, when the export has them
	Shares    int       // shares or retweets, when the export has them
	Hashtags  []string  // lower-cased, without '#'
	Mentions  []string  // pseudonyms of mentioned accounts
	Links     []string
	// ReplyToAuthor is the pseudonym of the account answered when the
	// export names it but not the message (TweetScraper): the thread is
	// then left open (ThreadID empty), never guessed.
	ReplyToAuthor string
	// Lang is the language tag the export gives (Bluesky's langs, e.g.
	// "fr"; several joined by ','): what the author's client declared,
	// not a detected language. Empty when the export has none.
	Lang       string
	Source     Source
	Platform   Platform
	Kind       Kind
	AuthorRole Role
}

// IsThreadStart reports whether m opens a thread: whether it has no parent
// message and is not an orphan reply (IsOrphanReply). This is the study's
// reference definition of a thread: a post, a tweet, a quote or a retweet
// without parent opens a thread of its own; a comment or reply whose
// parent the export does not give, or a message whose export names only
// the account it answers (TweetScraper, twarc2 without the parent), is an
// answer to a thread the data do not hold and opens none.
func (m *Message) IsThreadStart() bool { return m.ParentID == "" && !m.IsOrphanReply() }

// IsOrphanReply reports whether m answers a message the export does not
// name: it has no ParentID and is a comment or a reply, or names the
// account it answers (ReplyToAuthor). An orphan reply belongs to no
// thread: thread measures count it nowhere, and network measures draw it
// as an account-level link when ReplyToAuthor is known.
func (m *Message) IsOrphanReply() bool {
	return m.ParentID == "" && (m.Kind == Comment || m.Kind == Reply || m.ReplyToAuthor != "")
}

// LinkStrength is how strongly an export links replies to what they
// answer.
type LinkStrength int

// Link strengths, weakest first.
const (
	// NoLinks: no message names a parent message or an account answered.
	// Neither threads nor reply networks can be measured.
	NoLinks LinkStrength = iota
	// AccountLinks: some messages name the account they answer
	// (ReplyToAuthor) but none names its parent message. A reply network
	// between authors can be measured; threads cannot.
	AccountLinks
	// MessageLinks: some messages name their parent message (ParentID).
	// Threads and reply networks can be measured.
	MessageLinks
)

func (s LinkStrength) String() string {
	switch s {
	case MessageLinks:
		return "message"
	case AccountLinks:
		return "account"
	}
	return "none"
}

// Links counts how the messages of a community (or any set of messages)
// are linked to what they answer. Every message is counted in exactly one
// of Parent, AccountOnly and None, which sum to Messages.
type Links struct {
	Messages int
	// Parent: messages whose parent message (ParentID) is in the data,
	// in the same community: message-level links, threads.
	Parent int
	// AccountOnly: messages without their parent in the data (none named,
	// or one the data do not hold) that name the account they answer
	// (ReplyToAuthor): account-level links.
	AccountOnly int
	// None: messages with neither (thread starts, and replies that name
	// nothing the data hold).
	None int
	// ParentAbsent: of AccountOnly and None, the messages that name a
	// parent the data do not hold (a reply collected without its
	// conversation).
	ParentAbsent int
}

type linkKey struct{ community, id string }

// LinksOf counts the link strengths of msgs; a parent is looked up among
// msgs, in the message's community.
func LinksOf(msgs []Message) Links {
	ids := make(map[linkKey]bool, len(msgs))
	for i := range msgs {
		ids[linkKey{msgs[i].Community, msgs[i].ID}] = true
	}
	var l Links
	for i := range msgs {
		l.add(&msgs[i], ids)
	}
	return l
}

func (l *Links) add(m *Message, ids map[linkKey]bool) {
	l.Messages++
	inData := m.ParentID != "" && ids[linkKey{m.Community, m.ParentID}]
	switch {
	case inData:
		l.Parent++
		return
	case m.ReplyToAuthor != "":
		l.AccountOnly++
	default:
		l.None++
	}
	if m.ParentID != "" {
		l.ParentAbsent++
	}
}

// Strength is the strongest link the messages carry: MessageLinks when
// some messages have their parent in the data and they are at least as
// many as those naming a parent the data do not hold (an export of
// replies collected without their conversations has a few parents by
// chance: its thread starts would read as unanswered threads); else
// AccountLinks when any message without its parent names the account
// answered; else NoLinks.
func (l Links) Strength() LinkStrength {
	switch {
	case l.Parent > 0 && l.Parent >= l.ParentAbsent:
		return MessageLinks
	case l.AccountOnly > 0:
		return AccountLinks
	}
	return NoLinks
}

// CommunityLinks is the link count of one community.
type CommunityLinks struct {
	Community string // Community.ID
	Links
}

// LinksByCommunity returns the link counts of every community of c, in
// the order of c.Communities (a community without messages counts zero,
// strength NoLinks).
func (c *Corpus) LinksByCommunity() []CommunityLinks {
	by := LinksPerCommunity(c.Messages)
	out := make([]CommunityLinks, len(c.Communities))
	for i := range c.Communities {
		out[i] = CommunityLinks{Community: c.Communities[i].ID, Links: by[c.Communities[i].ID]}
	}
	return out
}

// LinksPerCommunity returns the link counts of msgs per community id.
func LinksPerCommunity(msgs []Message) map[string]Links {
	ids := make(map[linkKey]bool, len(msgs))
	for i := range msgs {
		ids[linkKey{msgs[i].Community, msgs[i].ID}] = true
	}
	by := map[string]Links{}
	for i := range msgs {
		l := by[msgs[i].Community]
		l.add(&msgs[i], ids)
		by[msgs[i].Community] = l
	}
	return by
}

// Paris returns the message's creation time in Europe/Paris local time.
func (m *Message) Paris() time.Time { return m.Created.In(Paris) }

// Visibility of a community.
type Visibility string

// Visibilities.
const (
	Public  Visibility = "public"
	Closed  Visibility = "closed"
	Private Visibility = "private"
)

// Community is a group or a hashtag community followed by the study.
type Community struct {
	ID         string
	Name       string
	Platform   Platform
	Profession Profession
	Visibility Visibility
	Created    time.Time // zero when unknown
}

// PanelObservation is a group's "Activité" panel read at a date: what
// Facebook showed about the group on that day.
type PanelObservation struct {
	Community     string // Community.ID
	Name          string // the group's name as the page showed it
	Observed      time.Time
	Members       int
	NewMembers30d int // new members in the last 30 days
	PostsToday    int
	Posts30d      int // posts in the last 30 days
	Admins        int
	Moderators    int
	CreatedApprox string // as displayed, e.g. "il y a 3 ans environ"
	Source        Source
}

// ProfileObservation is a profile header read at a date. Account is a
// pseudonym or a study label, never the handle.
type ProfileObservation struct {
	Account   string
	Label     string // a descriptive label chosen by the researcher
	Community string
	Observed  time.Time
	Posts     int
	Following int
	Followers int
	Likes     int
	Joined    time.Time // month precision
	Source    Source
}

// Input is a raw file read into the corpus, with its checksum.
type Input struct {
	Path   string // relative to the study folder
	SHA256 string
	Format string
}

// Corpus is a whole study, loaded and pseudonymised.
type Corpus struct {
	Study     string
	Synthetic bool
	// ObservationDate is the instant the study observed its communities
	// (the study file's observation_date), zero when not given.
	ObservationDate time.Time
	Communities     []Community
	Messages        []Message
	Panels          []PanelObservation
	Profiles        []ProfileObservation
	Inputs          []Input
}

// Paris is the Europe/Paris time zone.
var Paris = mustLoad("Europe/Paris")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(fmt.Sprintf("corpus: time zone %s: %v (import time/tzdata)", name, err))
	}
	return loc
}

// Community returns the community with the given id, or nil.
func (c *Corpus) Community(id string) *Community {
	for i := range c.Communities {
		if c.Communities[i].ID == id {
			return &c.Communities[i]
		}
	}
	return nil
}

// ByCommunity returns the messages of one community, in corpus order.
func (c *Corpus) ByCommunity(id string) []Message {
	var out []Message
	for _, m := range c.Messages {
		if m.Community == id {
			out = append(out, m)
		}
	}
	return out
}

// Sort puts the corpus in its canonical order: communities by id, messages
// by community, creation time and id, observations by community (or
// account) and date, inputs by path. Loaders call it so that the same raw
// exports always give the same corpus.
func (c *Corpus) Sort() {
	sort.Slice(c.Communities, func(i, j int) bool { return c.Communities[i].ID < c.Communities[j].ID })
	sortMessages(c.Messages)
	sort.SliceStable(c.Panels, func(i, j int) bool {
		a, b := c.Panels[i], c.Panels[j]
		if a.Community != b.Community {
			return a.Community < b.Community
		}
		return a.Observed.Before(b.Observed)
	})
	sort.SliceStable(c.Profiles, func(i, j int) bool {
		a, b := c.Profiles[i], c.Profiles[j]
		if a.Account != b.Account {
			return a.Account < b.Account
		}
		return a.Observed.Before(b.Observed)
	})
	sort.Slice(c.Inputs, func(i, j int) bool { return c.Inputs[i].Path < c.Inputs[j].Path })
}

// sortMessages sorts messages by community, creation time and id, stably.
// Messages are large structs: it sorts small keys (the community's rank,
// the time as seconds and nanoseconds, the position) and then moves each
// message once, rather than swapping structs as sort.SliceStable would;
// the keys hold what most comparisons need, so that comparing two
// messages rarely reads the messages themselves (on ten million messages,
// reading them is most of a sort's time). Ties on community and time are
// broken by id, then by position, which makes the order the stable one.
func sortMessages(msgs []Message) {
	type key struct {
		sec        int64
		comm, nsec int32
		pos        int
	}
	// Communities ranked by id: messages come in runs of one community.
	rank := map[string]int32{}
	for i := range msgs {
		if i == 0 || msgs[i].Community != msgs[i-1].Community {
			rank[msgs[i].Community] = 0
		}
	}
	ids := make([]string, 0, len(rank))
	for id := range rank {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for r, id := range ids {
		rank[id] = int32(r)
	}
	keys := make([]key, len(msgs))
	var comm int32
	for i := range msgs {
		m := &msgs[i]
		if i == 0 || m.Community != msgs[i-1].Community {
			comm = rank[m.Community]
		}
		keys[i] = key{sec: m.Created.Unix(), comm: comm, nsec: int32(m.Created.Nanosecond()), pos: i}
	}
	compare := func(a, b key) int {
		if c := cmp.Compare(a.comm, b.comm); c != 0 {
			return c
		}
		if c := cmp.Compare(a.sec, b.sec); c != 0 {
			return c
		}
		if c := cmp.Compare(a.nsec, b.nsec); c != 0 {
			return c
		}
		if c := strings.Compare(msgs[a.pos].ID, msgs[b.pos].ID); c != 0 {
			return c
		}
		return cmp.Compare(a.pos, b.pos)
	}
	if slices.IsSortedFunc(keys, compare) {
		return
	}
	slices.SortFunc(keys, compare)
	// Apply the permutation in place, cycle by cycle: position i receives
	// msgs[keys[i].pos]. No second array of messages, so sorting a large
	// corpus does not double its memory.
	for i := range keys {
		if keys[i].pos < 0 || keys[i].pos == i {
			continue
		}
		tmp := msgs[i]
		j := i
		for {
			k := keys[j].pos
			keys[j].pos = -1
			if k == i {
				msgs[j] = tmp
				break
			}
			msgs[j] = msgs[k]
			j = k
		}
	}
}

// enum is the one-byte types whose text is a name from a table indexed
// by the value.
type enum interface{ ~uint8 }

func enumString[E enum](names []string, what string, v E) string {
	if int(v) < len(names) {
		return names[v]
	}
	return what + "(" + strconv.Itoa(int(v)) + ")"
}

func enumParse[E enum](names []string, s string) (E, bool) {
	for i, n := range names {
		if n == s {
			return E(i), true
		}
	}
	return 0, false
}

func enumMarshal[E enum](names []string, what string, v E) ([]byte, error) {
	if int(v) >= len(names) {
		return nil, fmt.Errorf("corpus: no %s %d", what, v)
	}
	return []byte(names[v]), nil
}

func enumUnmarshal[E enum](names []string, what string, v *E, b []byte) error {
	e, ok := enumParse[E](names, string(b))
	if !ok {
		return fmt.Errorf("corpus: unknown %s %q", what, b)
	}
	*v = e
	return nil
}
