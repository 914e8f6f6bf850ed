package pseudo

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"hash"
	"sort"
	"strings"
	"sync"

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
type Pseudonymizer struct {
	mu    sync.Mutex
	mac   hash.Hash
	cache map[cacheKey]string
}

type cacheKey struct {
	platform corpus.Platform
	person   rawio.Person
}

// New returns a Pseudonymizer keyed with key (see LoadKey). The key is
// copied.
func New(key []byte) *Pseudonymizer {
	k := append([]byte(nil), key...)
	return &Pseudonymizer{mac: hmac.New(sha256.New, k), cache: map[cacheKey]string{}}
}

// Person returns the pseudonym of a person of platform, derived from the
// person's canonical identity (see the package documentation), or "" when
// the export named nobody.
func (p *Pseudonymizer) Person(platform corpus.Platform, person rawio.Person) string {
	k := cacheKey{platform, person}
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.cache[k]; ok {
		return s
	}
	id := identity(platform, person)
	s := ""
	if id != "" {
		s = p.sum(id)
	}
	p.cache[k] = s
	return s
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

// sum is called with p.mu held.
func (p *Pseudonymizer) sum(identity string) string {
	p.mac.Reset()
	p.mac.Write([]byte(identity))
	var buf [sha256.Size]byte
	sum := p.mac.Sum(buf[:0])
	var out [Len + 2]byte // 8 bytes encode to 13 characters; 7 to 12
	encoding.Encode(out[:], sum[:7])
	return Prefix + string(out[:Len])
}

// identity returns the canonical identity of a person, "" for nobody.
func identity(platform corpus.Platform, person rawio.Person) string {
	handle := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(person.Handle), "@"))
	id := strings.TrimSpace(person.ID)
	name := NormalizeName(person.Name)
	prefix := string(platform)
	switch platform {
	case corpus.Facebook:
		switch {
		case name != "":
			return "fb:n:" + name
		case id != "":
			return "fb:id:" + id
		case handle != "":
			return "fb:h:" + handle
		}
		return ""
	case corpus.Twitter:
		prefix = "tw"
	case "":
		prefix = "any"
	}
	switch {
	case handle != "":
		return prefix + ":h:" + handle
	case id != "":
		return prefix + ":id:" + id
	case name != "":
		return prefix + ":n:" + name
	}
	return ""
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
	p.mu.Lock()
	out := make([]rawio.Person, 0, len(p.cache))
	for k := range p.cache {
		if !k.person.IsZero() {
			out = append(out, k.person)
		}
	}
	p.mu.Unlock()
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
