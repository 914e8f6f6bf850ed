package load

import (
	"hash/maphash"
	"math"
	"runtime/debug"
	"slices"
	"strings"
	"time"
	"unsafe"

	"github.com/faire-communaute/compendium/analysis/corpus"
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

// store holds a community's messages while loading, in a form smaller
// than a corpus.Message (184 bytes rather than 288): the fields
// its community gives (Community) or the loader (Source.File, by index)
// are not repeated; kinds, platforms and roles are their one byte; the
// rarely set fields (RefID, Lang) are kept aside; the lists (hashtags,
// mentions, links) are windows on shared pages. The messages are in
// fixed-size chunks: appending never copies those already read. finish
// turns them into corpus.Messages once (moveTo); a message is read and
// written back only when a later copy of it completes it.
type store struct {
	c     [][]stored
	n     int
	lists listStore
	rare  []rareFields
}

// chunkSize is the number of messages in a chunk of a store.
const chunkSize = 4096

// stored is a message in a store.
type stored struct {
	id, parentID, author, text, replyTo string
	// thread is the message's thread id as its export gave it: the
	// ThreadID of the corpus.Message moveTo makes, until finish sets it
	// (see threads).
	thread                  string
	created                 time.Time
	reactions, shares, line int
	lists                   [3]span // hashtags, mentions, links
	rare                    uint32  // 1 + its index in store.rare; 0: none
	file                    uint32  // index in the loader's files
	kind                    corpus.Kind
	platform                corpus.Platform
	role                    corpus.Role
}

// rareFields are the fields of a message that most exports leave empty.
type rareFields struct {
	refID, lang string
}

func (s *store) len() int { return s.n }

func (s *store) at(i int) *stored { return &s.c[i/chunkSize][i%chunkSize] }

// id returns the id of message i.
func (s *store) id(i int) string { return s.at(i).id }

// push appends m, of files' file m.Source.File, whose export gave it
// the thread id thread.
func (s *store) push(m *corpus.Message, thread string, files *fileTable) {
	if s.n == len(s.c)*chunkSize {
		s.c = append(s.c, make([]stored, 0, chunkSize))
	}
	last := len(s.c) - 1
	s.c[last] = append(s.c[last], stored{})
	s.n++
	d := &s.c[last][len(s.c[last])-1]
	d.thread = thread
	s.set(d, m, files)
}

// thread returns the export's thread id of message i; setThread sets it.
func (s *store) thread(i int) string { return s.at(i).thread }

func (s *store) setThread(i int, thread string) { s.at(i).thread = thread }

// put writes m back as message i, which it completes: a list already
// stored is kept (a later copy only fills empty ones).
func (s *store) put(i int, m *corpus.Message, files *fileTable) { s.set(s.at(i), m, files) }

func (s *store) set(d *stored, m *corpus.Message, files *fileTable) {
	d.id, d.parentID, d.author, d.text, d.replyTo = m.ID, m.ParentID, m.Author, m.Text, m.ReplyToAuthor
	d.created, d.reactions, d.shares, d.line = m.Created, m.Reactions, m.Shares, m.Source.Line
	d.file = files.index(m.Source.File)
	var r rareFields
	r.refID, r.lang = m.RefID, m.Lang
	d.kind, d.platform, d.role = m.Kind, m.Platform, m.AuthorRole
	switch {
	case d.rare != 0:
		s.rare[d.rare-1] = r
	case r != rareFields{}:
		s.rare = append(s.rare, r)
		d.rare = uint32(len(s.rare))
	}
	for k, l := range [3][]string{m.Hashtags, m.Mentions, m.Links} {
		if d.lists[k].n == 0 && len(l) > 0 {
			d.lists[k] = s.lists.add(l)
		}
	}
}

// get returns message i of community.
func (s *store) get(i int, community string, files *fileTable) corpus.Message {
	return s.message(s.at(i), community, files)
}

func (s *store) message(d *stored, community string, files *fileTable) corpus.Message {
	m := corpus.Message{
		Community: community, ID: d.id, ParentID: d.parentID, Author: d.author, Text: d.text,
		ThreadID: d.thread, ReplyToAuthor: d.replyTo, Created: d.created, Reactions: d.reactions, Shares: d.shares,
		Source: corpus.Source{File: files.names[d.file], Line: d.line},
		Kind:   d.kind, Platform: d.platform, AuthorRole: d.role,
		Hashtags: s.lists.get(d.lists[0]), Mentions: s.lists.get(d.lists[1]), Links: s.lists.get(d.lists[2]),
	}
	if d.rare != 0 {
		r := s.rare[d.rare-1]
		m.RefID, m.Lang = r.refID, r.lang
	}
	return m
}

// moveTo writes the messages, of community, into dst (of length
// s.len()) and empties s; dst's lists are windows on s's pages, which
// the corpus keeps.
//
// A large store is moved in quarters, each followed by a collection that
// returns the chunks moved to the system: dst, just allocated, takes
// memory only as it is written, so that at the peak the messages are
// held once as corpus.Messages and a quarter of them as stored ones,
// rather than both whole. A store of fewer than releaseChunks chunks is
// moved at once.
func (s *store) moveTo(dst []corpus.Message, community string, files *fileTable) {
	step := len(s.c)
	if step >= releaseChunks {
		step = (step + 3) / 4
	}
	off := 0
	for k, c := range s.c {
		for j := range c {
			dst[off] = s.message(&c[j], community, files)
			off++
		}
		s.c[k] = nil // the collector may take the chunk back
		if (k+1)%step == 0 && k+1 < len(s.c) {
			debug.FreeOSMemory()
		}
	}
	s.c, s.n, s.rare = nil, 0, nil
}

// releaseChunks is the size of a store, in chunks, from which moveTo
// returns the chunks moved to the system as it goes: 262,144 messages,
// 44 MB of them.
const releaseChunks = 64

// span is a list in a listStore: n strings from start.
type span struct{ start, n uint32 }

// listPage is the number of strings in a page of a listStore (the first
// pages hold fewer: 16, 64, 256, 1,024, 4,096, 16,384).
const listPage = 1 << 16

// listStore keeps lists of strings end to end in pages, so that a list
// costs its strings and no slice of its own. A list longer than a
// sixteenth of a page is kept whole, aside (bigList set in its n).
type listStore struct {
	pages [][]string
	big   [][]string
}

const bigList = 1 << 31

func (ls *listStore) add(l []string) span {
	if len(l) > listPage/16 {
		ls.big = append(ls.big, slices.Clone(l))
		return span{start: uint32(len(ls.big) - 1), n: bigList | uint32(len(l))}
	}
	if len(ls.pages) == 0 || cap(ls.pages[len(ls.pages)-1])-len(ls.pages[len(ls.pages)-1]) < len(l) {
		if len(ls.pages) == 1<<16 {
			panic("load: more than 2^32 hashtags, mentions and links in one community")
		}
		size := listPage // the first pages smaller, for small loads
		if n := len(ls.pages); n < 6 {
			size = max(listPage>>(2*(6-n)), len(l))
		}
		ls.pages = append(ls.pages, make([]string, 0, size))
	}
	k := len(ls.pages) - 1
	start := uint32(k)<<16 | uint32(len(ls.pages[k]))
	ls.pages[k] = append(ls.pages[k], l...)
	return span{start: start, n: uint32(len(l))}
}

// get returns the list of sp: a window on its page (nil when empty).
func (ls *listStore) get(sp span) []string {
	switch {
	case sp.n == 0:
		return nil
	case sp.n&bigList != 0:
		return ls.big[sp.start]
	}
	p := ls.pages[sp.start>>16]
	off := sp.start & (listPage - 1)
	return p[off : off+sp.n : off+sp.n]
}

// fileTable numbers the files messages are read from (Source.File).
type fileTable struct {
	names []string
	ids   map[string]uint32
}

func (t *fileTable) index(name string) uint32 {
	if i, ok := t.ids[name]; ok {
		return i
	}
	if t.ids == nil {
		t.ids = map[string]uint32{}
	}
	t.names = append(t.names, name)
	t.ids[name] = uint32(len(t.names) - 1)
	return uint32(len(t.names) - 1)
}
