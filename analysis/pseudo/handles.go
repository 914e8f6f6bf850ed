package pseudo

import (
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// MinBareHandle is the length of the shortest known handle that Names
// replaces in its bare forms (without '@': a bare word, a hashtag,
// "@ handle"). Shorter handles ("@mg", "@doc") are ordinary words too
// often; they are still replaced when written "@handle". Package privacy
// searches handles from the same length on.
const MinBareHandle = 4

// Public declares words and phrases that name no person, such as a
// community's id or its hashtag ("doctoctoc", "#DocTocToc"): a known
// handle or a display name equal to one of them (ignoring case, accents
// and '#') is not replaced in its bare forms, so that a community's own
// hashtag survives the account of the same name. Names compiled before
// the call are not changed.
func (p *Pseudonymizer) Public(words ...string) {
	var f folder
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, w := range words {
		if k := phraseKey(&f, w); k != "" && !p.public[k] {
			p.public[k] = true
			p.version++ // the snapshot of handles leaves public ones out
		}
	}
}

// phraseKey returns the keys of the words of s joined by spaces.
func phraseKey(f *folder, s string) string {
	var b []byte
	words(s, func(start, end int) {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = f.appendKey(b, s[start:end])
	})
	return string(b)
}

// handleSet is a snapshot of the known handles, for Names.
type handleSet struct {
	m              map[string][]platformPseudonym // lower-cased handle → pseudonyms
	filter         filter
	dotted         bool // some handle holds a '.' or '-' (vanity names, domain handles)
	minLen, maxLen int  // lengths of the shortest first label and of the longest handle
}

type platformPseudonym struct {
	platform  corpus.Platform
	pseudonym string
}

// handles returns a snapshot of the known handles of at least
// MinBareHandle characters that are not public. It is rebuilt only when
// handles were met since the last call.
func (p *Pseudonymizer) handles() *handleSet {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.snap != nil && p.snapVersion == p.version {
		return p.snap
	}
	h := &handleSet{m: make(map[string][]platformPseudonym, len(p.known))}
	// A Mastodon acct is found bare by its user name, as its instance's
	// members write it; a Mastodon handle met without instance (a local
	// mention, "@user") then gives way to the acct.
	users := map[string]bool{}
	for k := range p.known {
		if user, _, ok := strings.Cut(k.handle, "@"); ok && k.platform == corpus.Mastodon {
			users[user] = true
		}
	}
	for k, s := range p.known {
		handle := k.handle
		if k.platform == corpus.Mastodon {
			if user, _, ok := strings.Cut(handle, "@"); ok {
				handle = user
			} else if users[handle] {
				continue
			}
		}
		if len(handle) < MinBareHandle || !bareHandle(handle) || p.public[handle] {
			continue
		}
		h.m[handle] = append(h.m[handle], platformPseudonym{k.platform, s})
	}
	h.filter = newFilter(len(h.m))
	h.minLen = 1 << 30
	for k, ps := range h.m {
		h.filter.add(hashString(k))
		// The shortest first label: a dotted handle is looked up from
		// its first label ("jean" of "jean-dupont.fr").
		first := len(k)
		if d := strings.IndexAny(k, ".-"); d > 0 {
			first = d
		}
		h.minLen, h.maxLen = min(h.minLen, first), max(h.maxLen, len(k))
		h.dotted = h.dotted || strings.ContainsAny(k, ".-")
		if len(ps) > 1 {
			// Deterministic whatever the map order (two accts of one
			// user name on two instances: the first pseudonym in order).
			for i := 1; i < len(ps); i++ {
				for j := i; j > 0 && (ps[j].platform.String() < ps[j-1].platform.String() ||
					ps[j].platform == ps[j-1].platform && ps[j].pseudonym < ps[j-1].pseudonym); j-- {
					ps[j], ps[j-1] = ps[j-1], ps[j]
				}
			}
		}
	}
	p.snap, p.snapVersion = h, p.version
	return h
}

// bareHandle reports whether h can be found as a bare word: ASCII
// letters, digits and '_', with single '.' or '-' between them (Facebook
// vanity names, Bluesky domain handles).
func bareHandle(h string) bool {
	for i := 0; i < len(h); i++ {
		c := h[i]
		if (c == '.' || c == '-') && i > 0 && i < len(h)-1 && h[i-1] != '.' && h[i-1] != '-' {
			continue
		}
		if !isHandleByte(c) {
			return false
		}
	}
	return h != ""
}

// lookup returns the pseudonym of handle key (lower-cased) for a text of
// platform: the handle's pseudonym on that platform when it was met
// there, else on the first platform it was met on; "" when unknown.
func (h *handleSet) lookup(platform corpus.Platform, key []byte) string {
	if h == nil || len(key) < h.minLen || len(key) > h.maxLen || !h.filter.has(hashBytes(key)) {
		return ""
	}
	ps := h.m[string(key)]
	for _, x := range ps {
		if x.platform == platform {
			return x.pseudonym
		}
	}
	if len(ps) > 0 {
		return ps[0].pseudonym
	}
	return ""
}

// filter is a small Bloom filter (two bits per key) that spares most map
// look-ups of words that are neither names nor handles.
type filter struct {
	bits []uint64
	mask uint64
}

func newFilter(n int) filter {
	size := uint64(1 << 10)
	for size < uint64(16*n) {
		size <<= 1
	}
	return filter{bits: make([]uint64, size/64), mask: size - 1}
}

func (f *filter) add(h uint64) {
	a, b := h&f.mask, (h>>32)&f.mask
	f.bits[a/64] |= 1 << (a % 64)
	f.bits[b/64] |= 1 << (b % 64)
}

func (f *filter) has(h uint64) bool {
	if f.bits == nil {
		return false
	}
	a, b := h&f.mask, (h>>32)&f.mask
	return f.bits[a/64]&(1<<(a%64)) != 0 && f.bits[b/64]&(1<<(b%64)) != 0
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}
