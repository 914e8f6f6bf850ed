package pseudo

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"hash"
	"hash/maphash"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Prefix starts every pseudonym.
const Prefix = "u-"

// Len is the number of base32 characters after Prefix: 50 bits.
const Len = 10

var encoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// Pseudonymizer derives keyed pseudonyms. It is safe for concurrent use.
// It remembers the pseudonyms it gave, so memory grows with the number of
// distinct people met, not with the number of calls.
//
// What a call gives and leaves known depends on the calls before it only
// through the first-met rules (the first person met with a display name
// or a handle keeps it, see NamesFor and Known; on Bluesky and Telegram a
// handle met alone takes its id's pseudonym once met with it). The rest —
// a person's canonical identity and its keyed hash, which is most of the
// work — does not: Ahead and MeetAhead do it on any goroutine, ahead of
// the person's turn, and Take and TakeAll apply the first-met rules in
// the order of the calls (see Pending).
type Pseudonymizer struct {
	key []byte
	// macs holds HMAC states keyed with key, one per goroutine deriving
	// at once.
	macs sync.Pool
	// cache maps the packed key of a platform and a person (see
	// appendCacheKey) to what was derived for them. Goroutines look it
	// up at once; its entries' first-met state is under mu.
	cache cache
	// mu guards the maps below, the first-met state of the cache's
	// entries, and the pseudonyms of idFirst platforms' entries.
	mu sync.Mutex
	// known holds every handle met (see Known), with its pseudonym;
	// version counts its changes, so that snapshots are rebuilt only when
	// needed.
	known       map[knownKey]string
	version     int
	snap        *handleSet
	snapVersion int
	public      map[string]bool // keys of the phrases declared public (see Public)
	// byName maps a display name (trimmed) of a platform other than
	// Facebook to the pseudonym of the first person met with it, so that
	// a name written in a text gets the pseudonym of its account (see
	// NamesFor).
	byName map[knownKey]string
	// byHandle maps a handle of a platform whose identity is the account
	// id (Bluesky, Telegram) to the pseudonym of the first id met with it.
	byHandle map[knownKey]string
}

type knownKey struct {
	platform corpus.Platform
	handle   string // lower-cased, without '@'
}

// entry is what a Pseudonymizer derived for one platform and person.
// Its pseudonym and handle are set before the entry is shared, and do
// not change, but for the idFirst platforms, whose entries are read and
// written under the Pseudonymizer's mu only.
type entry struct {
	pseudonym string
	handle    string // as Known lists it
	seq       int32  // see Pending.Seq
	// state holds entryMet and entryRegistered; it is written under
	// the Pseudonymizer's mu, and read without it to skip taking it.
	state atomic.Uint32
}

const (
	// entryMet: the person was met in turn (Person, Take): the
	// first-met rules were applied, and Identities lists the person.
	entryMet = 1 << iota
	// entryRegistered: the person's handle is known.
	entryRegistered
)

// cacheShards is the number of shards of a cache: enough that
// goroutines looking persons up at once seldom wait for each other.
const cacheShards = 64

// cache is the pseudonyms given, in shards that goroutines look up at
// once, each under its own lock.
type cache struct {
	seed   maphash.Seed
	seq    atomic.Int32
	shards [cacheShards]cacheShard
}

type cacheShard struct {
	mu sync.Mutex
	m  map[string]*entry
	_  [48]byte // one shard to a cache line
}

func (c *cache) shard(key []byte) *cacheShard {
	return &c.shards[maphash.Bytes(c.seed, key)%cacheShards]
}

// get returns the entry of key, nil when there is none.
func (c *cache) get(key []byte) *entry {
	sh := c.shard(key)
	sh.mu.Lock()
	e := sh.m[string(key)]
	sh.mu.Unlock()
	return e
}

// add stores e as the entry of key unless one is there already, and
// returns the entry stored.
func (c *cache) add(key []byte, e *entry) *entry {
	sh := c.shard(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if old := sh.m[string(key)]; old != nil {
		return old
	}
	if sh.m == nil {
		sh.m = map[string]*entry{}
	}
	e.seq = c.seq.Add(1) - 1
	sh.m[string(key)] = e
	return e
}

// appendCacheKey appends the key of platform and person in p.cache to
// dst: each of the four strings preceded by its length (a uvarint), so
// that distinct pairs have distinct keys whatever bytes they hold. One
// string per person met keeps the cache small, and a look-up compares
// one run of bytes (four strings scattered in memory were the load's
// most costly map look-up).
func appendCacheKey(dst []byte, platform corpus.Platform, person rawio.Person) []byte {
	for _, s := range [4]string{platform.String(), person.ID, person.Handle, person.Name} {
		dst = binary.AppendUvarint(dst, uint64(len(s)))
		dst = append(dst, s...)
	}
	return dst
}

// parseCacheKey returns the person whose key is k.
func parseCacheKey(k string) rawio.Person {
	var parts [4]string
	for i := range parts {
		n, w := binary.Uvarint([]byte(k[:min(len(k), binary.MaxVarintLen64)]))
		parts[i], k = k[w:w+int(n)], k[w+int(n):]
	}
	return rawio.Person{ID: parts[1], Handle: parts[2], Name: parts[3]}
}

// New returns a Pseudonymizer keyed with key (see LoadKey). The key is
// copied.
func New(key []byte) *Pseudonymizer {
	k := append([]byte(nil), key...)
	p := &Pseudonymizer{key: k, cache: cache{seed: maphash.MakeSeed()},
		known: map[knownKey]string{}, public: map[string]bool{}, byName: map[knownKey]string{},
		byHandle: map[knownKey]string{}}
	p.macs.New = func() any { return hmac.New(sha256.New, k) }
	return p
}

// Person returns the pseudonym of a person of platform, derived from the
// person's canonical identity (see the package documentation), or "" when
// the export named nobody.
//
// The person's handle, if any, becomes known: Names replaces known handles
// also in their bare forms (see the package documentation).
func (p *Pseudonymizer) Person(platform corpus.Platform, person rawio.Person) string {
	return p.person(platform, person, true)
}

// person is Person; register tells whether the handle becomes known.
func (p *Pseudonymizer) person(platform corpus.Platform, person rawio.Person, register bool) string {
	var buf [128]byte
	key := appendCacheKey(buf[:0], platform, person)
	if idFirst(platform) {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.personIDFirst(key, platform, person, register)
	}
	return p.take(p.entry(key, platform, person), platform, person, register)
}

// entry returns the entry of a person of a platform other than the
// idFirst ones, whose cache key is key, deriving it when it is new.
func (p *Pseudonymizer) entry(key []byte, platform corpus.Platform, person rawio.Person) *entry {
	if e := p.cache.get(key); e != nil {
		return e
	}
	e := &entry{}
	if id, handle := identity(platform, person); id != "" {
		e.pseudonym, e.handle = p.sum(id), handle
	}
	return p.cache.add(key, e)
}

// take applies to entry e, of a platform other than the idFirst ones,
// the first-met rules of meeting its person now, and returns its
// pseudonym.
func (p *Pseudonymizer) take(e *entry, platform corpus.Platform, person rawio.Person, register bool) string {
	if st := e.state.Load(); st&entryMet != 0 && (!register || e.handle == "" || st&entryRegistered != 0) {
		return e.pseudonym // nothing new
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	st := e.state.Load()
	if st&entryMet == 0 {
		st |= entryMet
		if e.pseudonym != "" && !namePlatform(platform) && person.Name != "" {
			// Facebook names are identities already.
			if nk := (knownKey{platform, strings.TrimSpace(person.Name)}); p.byName[nk] == "" {
				p.byName[nk] = e.pseudonym
			}
		}
	}
	if register && e.handle != "" && st&entryRegistered == 0 {
		st |= entryRegistered
		if kk := (knownKey{platform, e.handle}); p.known[kk] == "" {
			p.known[kk] = e.pseudonym
			p.version++
		}
	}
	e.state.Store(st)
	return e.pseudonym
}

// personIDFirst is person for the idFirst platforms, whose pseudonyms
// depend on the persons met before; it is called with p.mu held.
func (p *Pseudonymizer) personIDFirst(key []byte, platform corpus.Platform, person rawio.Person, register bool) string {
	e := p.cache.get(key)
	isNew := e == nil
	if isNew {
		e = &entry{}
	}
	st := e.state.Load()
	if !isNew && e.handle != "" && person.ID == "" {
		if id := p.byHandle[knownKey{platform, e.handle}]; id != "" && id != e.pseudonym {
			// The handle, met alone first, was met with its id since:
			// from now on it is the id's pseudonym.
			e.pseudonym = id
		}
	}
	if isNew {
		id, handle := identity(platform, person)
		switch {
		case id == "":
		case strings.Contains(id, ":h:") && p.byHandle[knownKey{platform, handle}] != "":
			// A handle without its id, met with its id before: the id's
			// pseudonym.
			e.pseudonym = p.byHandle[knownKey{platform, handle}]
		default:
			e.pseudonym = p.sum(id)
		}
		if e.pseudonym != "" {
			e.handle = handle
			if handle != "" && strings.Contains(id, ":id:") {
				kk := knownKey{platform, handle}
				if p.byHandle[kk] == "" {
					p.byHandle[kk] = e.pseudonym
				}
				if old := p.known[kk]; old != "" && old != e.pseudonym {
					// The id's pseudonym wins over a handle met alone.
					p.known[kk] = e.pseudonym
					p.version++
				}
			}
			if person.Name != "" {
				if nk := (knownKey{platform, strings.TrimSpace(person.Name)}); p.byName[nk] == "" {
					p.byName[nk] = e.pseudonym
				}
			}
		}
		st |= entryMet
	}
	if register && e.handle != "" && st&entryRegistered == 0 {
		st |= entryRegistered
		if kk := (knownKey{platform, e.handle}); p.known[kk] == "" {
			p.known[kk] = e.pseudonym
			p.version++
		}
	}
	e.state.Store(st)
	if isNew {
		p.cache.add(key, e)
	}
	return e.pseudonym
}

// Handle returns the pseudonym of the account with the given handle (with
// or without '@'), as Text writes it after the '@'.
func (p *Pseudonymizer) Handle(platform corpus.Platform, handle string) string {
	return p.Person(platform, rawio.Person{Handle: handle})
}

// Name returns the pseudonym of a person known by display name only, as
// Names writes it in texts.
func (p *Pseudonymizer) Name(platform corpus.Platform, name string) string {
	return p.Person(platform, rawio.Person{Name: name})
}

// sum returns the pseudonym of a canonical identity: its keyed hash.
func (p *Pseudonymizer) sum(identity string) string {
	mac := p.macs.Get().(hash.Hash)
	mac.Reset()
	mac.Write([]byte(identity))
	var buf [sha256.Size]byte
	sum := mac.Sum(buf[:0])
	p.macs.Put(mac)
	var out [Len + 2]byte // 8 bytes encode to 13 characters; 7 to 12
	encoding.Encode(out[:], sum[:7])
	return Prefix + string(out[:Len])
}

// identity returns the canonical identity of a person ("" for nobody)
// and the person's handle as Known lists it ("" when none): lower-cased,
// without '@'.
func identity(platform corpus.Platform, person rawio.Person) (id, handle string) {
	handle = normalizeHandle(person.Handle)
	pid := strings.TrimSpace(person.ID)
	name := NormalizeName(person.Name)
	prefix := platform.String()
	switch platform {
	case corpus.Facebook:
		switch {
		case name != "":
			return "fb:n:" + name, handle
		case pid != "":
			return "fb:id:" + pid, handle
		case handle != "":
			return "fb:h:" + handle, handle
		}
		return "", ""
	case corpus.Twitter:
		prefix = "tw"
	case corpus.WhatsApp:
		// The phone shows a contact's name or, for a number not in its
		// contacts, the number: either may stand for the person.
		for _, s := range []string{person.ID, person.Handle, person.Name} {
			if tel, ok := PhoneNumber(s); ok {
				return "whatsapp:tel:" + tel, ""
			}
		}
		if h := strings.TrimPrefix(handle, "+"); len(h) >= 8 && h[0] != '0' && digitsEnd(h, 0, len(h)) == len(h) {
			// A mention as WhatsApp writes it: "@33612345678".
			if tel, ok := PhoneNumber("+" + h); ok {
				return "whatsapp:tel:" + tel, ""
			}
		}
		switch {
		case name != "":
			return "whatsapp:n:" + name, handle
		case pid != "":
			return "whatsapp:id:" + pid, handle
		case handle != "":
			return "whatsapp:h:" + handle, handle
		}
		return "", ""
	case corpus.Bluesky, corpus.Telegram:
		// The account id is stable (a DID; Telegram's from_id), the
		// handle is not, and some exports give the id alone (Jetstream
		// events, Telegram Desktop's result.json).
		if platform == corpus.Telegram {
			pid = telegramID(pid)
		}
		switch {
		case pid != "":
			return prefix + ":id:" + pid, handle
		case handle != "":
			return prefix + ":h:" + handle, handle
		case name != "":
			return prefix + ":n:" + name, ""
		}
		return "", ""
	case corpus.Reddit:
		if handle == "[deleted]" || handle == "[removed]" {
			// Reddit's mark for an account gone, not one person.
			handle = ""
			if pid == "" {
				return "", ""
			}
		}
	case 0:
		prefix = "any"
	}
	if handle == "" {
		// A display name written as a handle is the handle: generic CSVs
		// and hand-made exports put "@account" in their name column.
		if h, ok := handleShaped(person.Name); ok {
			handle = h
		}
	}
	switch {
	case handle != "":
		return prefix + ":h:" + handle, handle
	case pid != "":
		return prefix + ":id:" + pid, ""
	case name != "":
		return prefix + ":n:" + name, ""
	}
	return "", ""
}

// telegramID returns a Telegram account id as identities write it: the
// digits of a Telegram Desktop from_id ("user123456789"), as the
// Telegram API gives them ("123456789"); other ids ("channel…") as they
// are.
func telegramID(id string) string {
	if rest, ok := strings.CutPrefix(id, "user"); ok && rest != "" && digitsEnd(rest, 0, len(rest)) == len(rest) {
		return rest
	}
	return id
}

// idFirst tells the platforms whose canonical identity is the account id
// rather than the handle.
func idFirst(platform corpus.Platform) bool {
	return platform == corpus.Bluesky || platform == corpus.Telegram
}

// namePlatform tells the platforms where a display name is an identity
// and "@Name" a mention by display name: Facebook, and WhatsApp (names
// as the phone shows them).
func namePlatform(platform corpus.Platform) bool {
	return platform == corpus.Facebook || platform == corpus.WhatsApp
}

// normalizeHandle returns a handle as identities and Known write it:
// trimmed, without a leading '@' or '＠', lower-cased.
func normalizeHandle(h string) string {
	h = strings.TrimSpace(h)
	h = strings.TrimPrefix(h, "@")
	h = strings.TrimPrefix(h, "＠")
	return strings.ToLower(h)
}

// handleShaped reports whether s (trimmed) is '@' or '＠' followed by 1 to
// 50 letters, digits or '_' (ASCII), and returns the handle, lower-cased.
func handleShaped(s string) (string, bool) {
	s = strings.TrimSpace(s)
	rest, ok := strings.CutPrefix(s, "@")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "＠"); !ok {
			return "", false
		}
	}
	if rest == "" || len(rest) > 50 {
		return "", false
	}
	for i := 0; i < len(rest); i++ {
		if !isHandleByte(rest[i]) {
			return "", false
		}
	}
	return strings.ToLower(rest), true
}

// NormalizeName returns a display name as the canonical identity uses it:
// Unicode NFC, case-folded, runs of white space (including no-break
// spaces) collapsed to one space, trimmed.
func NormalizeName(name string) string {
	if name == "" {
		return ""
	}
	s := norm.NFC.String(name)
	s = cases.Fold().String(s)
	s = norm.NFC.String(s)
	return strings.Join(strings.Fields(s), " ")
}

// IsPseudonym reports whether s has the shape of a pseudonym.
func IsPseudonym(s string) bool {
	return len(s) == len(Prefix)+Len && strings.HasPrefix(s, Prefix) && isBase32(s[len(Prefix):])
}

func isBase32(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '2' && c <= '7') {
			return false
		}
	}
	return true
}

// Identities returns every person this Pseudonymizer has given a pseudonym
// to, sorted. It exists for privacy checks (package privacy), which look for
// these identities in outputs; never write it anywhere.
func (p *Pseudonymizer) Identities() []rawio.Person {
	var out []rawio.Person
	for i := range p.cache.shards {
		sh := &p.cache.shards[i]
		sh.mu.Lock()
		for k, e := range sh.m {
			if e.state.Load()&entryMet == 0 {
				continue // looked up ahead (Ahead), never met in turn
			}
			if person := parseCacheKey(k); !person.IsZero() {
				out = append(out, person)
			}
		}
		sh.mu.Unlock()
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		if a.Handle != b.Handle {
			return a.Handle < b.Handle
		}
		return a.ID < b.ID
	})
	return out
}
