package load

import (
	"hash/maphash"
	"math"
	"strings"
	"unsafe"
)

// What a load keeps of a message's strings, and how it finds a message by
// its id, costs most of its memory on a large corpus: the two are kept
// compact here.

// arenaBlock is the size of an arena's blocks: large enough that a block
// costs one allocation for hundreds of strings, small enough that the
// last, partly used block of a load wastes little.
const arenaBlock = 256 << 10

// arena copies strings into large blocks of bytes, so that a message
// keeps only its own bytes of a raw record (a reader's string may be a
// window on a whole raw line, which the message would otherwise keep
// alive), without one allocation per string. A block lives as long as
// one string in it does: an arena holds the strings of the corpus being
// built, which all live as long as the corpus. It is not safe for
// concurrent use.
type arena struct {
	buf []byte
}

// str returns a copy of s in the arena ("" stays "").
func (a *arena) str(s string) string {
	if s == "" {
		return ""
	}
	if len(s) > arenaBlock/8 {
		return strings.Clone(s) // a long text gets its own allocation
	}
	if cap(a.buf)-len(a.buf) < len(s) {
		a.buf = make([]byte, 0, arenaBlock)
	}
	start := len(a.buf)
	a.buf = append(a.buf, s...)
	return unsafe.String(&a.buf[start], len(s))
}

// idIndex maps the ids of a community's messages to their positions in
// its store: by a 64-bit hash of the id, which takes less memory than a
// map keyed by the ids themselves, and exactly: an id whose hash is
// already another id's is kept by its string in more. The ids are those
// of the messages in the store, which are never changed.
type idIndex struct {
	hash   func(string) uint64
	byHash map[uint64]int32
	more   map[string]int32 // ids whose hash another id has
}

func newIDIndex() *idIndex {
	seed := maphash.MakeSeed()
	return &idIndex{hash: func(s string) uint64 { return maphash.String(seed, s) }, byHash: map[uint64]int32{}}
}

// get returns the position of the message with the given id; id(i) is
// the id of the message at position i.
func (x *idIndex) get(id string, idAt func(int) string) (int, bool) {
	i, ok := x.byHash[x.hash(id)]
	if !ok {
		return 0, false
	}
	if idAt(int(i)) == id {
		return int(i), true
	}
	j, ok := x.more[id]
	return int(j), ok
}

// add records that the message at position i has id, which get does not
// find yet.
func (x *idIndex) add(id string, i int) {
	if i > math.MaxInt32 {
		panic("load: more than 2^31 messages in one community")
	}
	h := x.hash(id)
	if _, taken := x.byHash[h]; !taken {
		x.byHash[h] = int32(i)
		return
	}
	if x.more == nil {
		x.more = map[string]int32{}
	}
	x.more[id] = int32(i)
}
