package pseudo

import (
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Pending is a call to Person, or one of the calls a text's Meet makes,
// prepared ahead of its turn: Ahead and MeetAhead derive on any
// goroutine, at once with others, what the call gives whatever was met
// before (the person's canonical identity and its keyed hash, looked up
// in the cache the goroutines share), and Take, called in the order of
// the calls, applies what depends on that order (the first-met rules:
// who keeps a display name or a handle). A load decodes its messages on
// several goroutines this way and takes them in the order of its files:
// the pseudonyms given, the handles known and the names found are those
// of calling Person and Meet in that order.
//
// On Bluesky and Telegram, where a handle met alone takes the pseudonym
// of its id once they are met together, the pseudonym itself depends on
// the order: a Pending of these platforms only holds the call, which
// Take makes.
type Pending struct {
	e        *entry // nil: Take calls person
	platform corpus.Platform
	person   rawio.Person
	register bool // the handle becomes known (see mention)
	// settled: the person was met (and its handle made known, if the
	// call would) before Ahead, and so before the call's turn, since
	// what is met stays met: Take has nothing to do but give pseudonym,
	// without reading the entry.
	settled   bool
	pseudonym string
	seq       int32
}

// Ahead prepares Person(platform, person), to be taken by Take. It is
// safe for concurrent use, and changes nothing that Person, Names or
// Identities show until Take.
func (p *Pseudonymizer) Ahead(platform corpus.Platform, person rawio.Person) Pending {
	return p.ahead(platform, person, true)
}

func (p *Pseudonymizer) ahead(platform corpus.Platform, person rawio.Person, register bool) Pending {
	r := Pending{platform: platform, person: person, register: register}
	if person.IsZero() || idFirst(platform) {
		return r
	}
	var buf [128]byte
	e := p.entry(appendCacheKey(buf[:0], platform, person), platform, person)
	r.e, r.seq = e, e.seq
	if st := e.state.Load(); st&entryMet != 0 && (!register || e.handle == "" || st&entryRegistered != 0) {
		r.settled, r.pseudonym = true, e.pseudonym
	}
	return r
}

// Take makes the call r prepared, in its turn, and returns what Person
// would return (for a call of Meet, the pseudonym of the handle met).
func (p *Pseudonymizer) Take(r Pending) string {
	switch {
	case r.settled:
		return r.pseudonym
	case r.e != nil:
		return p.take(r.e, r.platform, r.person, r.register)
	case r.person.IsZero():
		return "" // nobody: nothing to derive nor to make known
	}
	return p.person(r.platform, r.person, r.register)
}

// TakeAll takes the calls of rs in order: MeetAhead's, for Meet.
func (p *Pseudonymizer) TakeAll(rs []Pending) {
	for _, r := range rs {
		p.Take(r)
	}
}

// MeetAhead appends to dst the calls Meet(platform, text) makes,
// prepared (see Pending), and returns the extended slice: TakeAll of
// them, in the turn of the text, is Meet. The calls Meet makes depend on
// the text alone. It is safe for concurrent use.
func (p *Pseudonymizer) MeetAhead(platform corpus.Platform, text string, dst []Pending) []Pending {
	p.meet(platform, text, &dst)
	return dst
}

// Seq returns a number that tells the person of r apart from every other
// one this Pseudonymizer prepared, from 0 up and about as large as the
// number of persons prepared, to index per-person state without a map;
// -1 when r holds no derived person (nobody; Bluesky and Telegram). It
// says nothing of the person nor of the order of the calls.
func (r Pending) Seq() int {
	if r.e == nil {
		return -1
	}
	return int(r.seq)
}
