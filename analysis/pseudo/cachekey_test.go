package pseudo

import (
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Packed cache keys tell apart persons whose strings run together the
// same way, and give back the person they were made from.
func TestCacheKey(t *testing.T) {
	long := strings.Repeat("é", 200) // a length of two varint bytes
	persons := []rawio.Person{
		{},
		{ID: "ab"},
		{ID: "a", Handle: "b"},
		{Handle: "ab"},
		{Name: "ab"},
		{ID: "\x02ab", Handle: "\x00"},
		{ID: "\x02", Handle: "ab"},
		{ID: "12", Handle: "zephyrine", Name: "Zéphyrine Quillbottom"},
		{ID: long, Name: long},
		{Handle: long + "x"},
	}
	seen := map[string]int{}
	for _, pl := range []corpus.Platform{corpus.Twitter, corpus.Facebook} {
		for i, p := range persons {
			k := string(appendCacheKey(nil, pl, p))
			if j, ok := seen[k]; ok {
				t.Errorf("%s %+v and person %d have the same key %q", pl, p, j, k)
			}
			seen[k] = i
			if got := parseCacheKey(k); got != p {
				t.Errorf("key %q gives back %+v, want %+v", k, got, p)
			}
		}
	}
	// By hand: the lengths 7, 2, 0, 0 before the strings.
	if k := string(appendCacheKey(nil, corpus.Twitter, rawio.Person{ID: "42"})); k != "\x07twitter\x0242\x00\x00" {
		t.Errorf("key %q", k)
	}
}

// A person met twice, the second time with strings that are copies, gets
// the pseudonym of the first meeting, and Identities lists it once.
func TestCacheKeyCopies(t *testing.T) {
	p := New(testKey)
	a := rawio.Person{ID: "1500", Handle: "canari_zeph", Name: "Zéphirine Canari"}
	first := p.Person(corpus.Twitter, a)
	b := rawio.Person{ID: strings.Clone(a.ID), Handle: strings.Clone(a.Handle), Name: strings.Clone(a.Name)}
	if got := p.Person(corpus.Twitter, b); got != first || first == "" {
		t.Errorf("pseudonyms %q then %q", first, got)
	}
	if ids := p.Identities(); len(ids) != 1 || ids[0] != a {
		t.Errorf("Identities %+v", ids)
	}
}
