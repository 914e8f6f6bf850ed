package corpus

import (
	"hash/maphash"
	"math"
	"math/bits"
)

// MessageIndex locates the messages of a slice by (community, id) and
// links each message to its parent, by positions in the slice.
//
// Operational definitions, for msgs the slice indexed:
//
//   - First[i] is the position of the first message of msgs with the same
//     Community and ID as msgs[i] (compared as strings, exactly): i itself
//     unless msgs[i] repeats an earlier message's (community, id).
//   - Parent[i] is the position of the first message of msgs whose
//     Community is msgs[i].Community and whose ID is msgs[i].ParentID: the
//     parent is looked up within the message's community, never across
//     communities. It is -1 when msgs[i].ParentID is empty or no message
//     of that community has that id. A message may be its own parent
//     (Parent[i] == i when ParentID == ID).
//
// Positions are int32: IndexMessages panics above math.MaxInt32 messages.
// The index holds no pointer into msgs: it stays valid while msgs is not
// reordered or its Community, ID and ParentID fields changed.
type MessageIndex struct {
	First, Parent []int32
}

// IndexMessages returns the MessageIndex of msgs. Its cost is linear in
// the number of messages: an open-addressing table of 64-bit hashes of
// (community, id), every candidate verified on the strings themselves, so
// that a hash collision costs time, never a wrong position; about 8 bytes
// per message for the table, plus the two position slices.
func IndexMessages(msgs []Message) MessageIndex {
	if len(msgs) > math.MaxInt32 {
		panic("corpus: more than 2^31-1 messages to index")
	}
	t := newIDTable(len(msgs))
	ix := MessageIndex{First: make([]int32, len(msgs)), Parent: make([]int32, len(msgs))}
	var ch communityHash
	// One pass: each message is added, then its parent looked up among
	// the messages up to it. A parent found there is the first message
	// with its key (all earlier ones are in the table), and in a corpus
	// in time order it is usually a recent message, whose slot and fields
	// are still in the processor's caches. The parents not found yet are
	// looked up again once every message is in.
	var later []int32
	for i := range msgs {
		m := &msgs[i]
		ix.First[i] = t.insert(msgs, int32(i), ch.mix(t.seed, m.Community, m.ID))
		ix.Parent[i] = -1
		if m.ParentID != "" {
			if p := t.find(msgs, m.Community, m.ParentID, ch.mix(t.seed, m.Community, m.ParentID)); p >= 0 {
				ix.Parent[i] = p
			} else {
				later = append(later, int32(i))
			}
		}
	}
	for _, i := range later {
		m := &msgs[i]
		ix.Parent[i] = t.find(msgs, m.Community, m.ParentID, ch.mix(t.seed, m.Community, m.ParentID))
	}
	return ix
}

// idTable is an open-addressing hash table (linear probing) of message
// positions: a slot holds the upper 32 bits of the key's hash and the
// position plus one (0: an empty slot).
type idTable struct {
	seed  maphash.Seed
	slots []uint64
	mask  uint64
}

func newIDTable(n int) *idTable {
	// At most 5/8 full: a power of two at least 8n/5.
	size := uint64(1) << bits.Len64(uint64(n)*8/5+1)
	return &idTable{seed: maphash.MakeSeed(), slots: make([]uint64, size), mask: size - 1}
}

// insert returns the position of the first message with msgs[i]'s
// (community, id) already in t, else adds i and returns i; h is the hash of
// that key.
func (t *idTable) insert(msgs []Message, i int32, h uint64) int32 {
	m := &msgs[i]
	tag := h &^ 0xFFFFFFFF
	for s := h & t.mask; ; s = (s + 1) & t.mask {
		v := t.slots[s]
		if v == 0 {
			t.slots[s] = tag | uint64(i+1)
			return i
		}
		if v&^0xFFFFFFFF == tag {
			j := int32(v&0xFFFFFFFF) - 1
			if o := &msgs[j]; o.ID == m.ID && o.Community == m.Community {
				return j
			}
		}
	}
}

// find returns the position of the first message with the given
// (community, id), -1 when there is none; h is the hash of that key.
func (t *idTable) find(msgs []Message, community, id string, h uint64) int32 {
	tag := h &^ 0xFFFFFFFF
	for s := h & t.mask; ; s = (s + 1) & t.mask {
		v := t.slots[s]
		if v == 0 {
			return -1
		}
		if v&^0xFFFFFFFF == tag {
			j := int32(v&0xFFFFFFFF) - 1
			if o := &msgs[j]; o.ID == id && o.Community == community {
				return j
			}
		}
	}
}

// communityHash caches the hash of the last community met: messages come
// in runs of one community.
type communityHash struct {
	community string
	h         uint64
	ok        bool
}

// mix returns the hash of (community, id).
func (c *communityHash) mix(seed maphash.Seed, community, id string) uint64 {
	if !c.ok || community != c.community {
		c.community, c.h, c.ok = community, maphash.String(seed, community), true
	}
	// A multiply-xorshift finaliser of the two hashes: any mixing would
	// do, collisions being resolved on the strings.
	h := maphash.String(seed, id) ^ (c.h * 0x9E3779B97F4A7C15)
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	return h ^ h>>32
}
