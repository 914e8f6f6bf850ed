package load

import (
	"runtime"
	"sort"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/pseudo"
)

// finish scrubs the identities out of texts, links and hashtags,
// rebuilds threads and returns the sorted corpus.
//
// Texts are scrubbed once every file is read, so that the names and
// handles met anywhere in the load are known: each community's texts
// with the display names of its own authors, mentioned and replied-to
// accounts and staff, and with every handle met in the load (see
// pseudo.NamesFor and pseudo.Names.Text). The ids and names of the
// communities a study declares are public words (pseudo.Public): the
// account @DocTocToc does not erase the hashtag #DocTocToc.
func (l *loader) finish() *corpus.Corpus {
	total := len(l.c.Messages)
	for _, st := range l.order {
		total += st.msgs.len()
		if l.study {
			l.ps.Public(st.c.ID, st.c.Name)
		}
	}
	// One allocation of the final size, one copy of each message.
	all := make([]corpus.Message, total)
	off := copy(all, l.c.Messages)
	var kept arena // the texts and links of the corpus (see scrubTexts)
	for _, st := range l.order {
		msgs := all[off : off+st.msgs.len() : off+st.msgs.len()]
		off += len(msgs)
		st.msgs.moveTo(msgs, st.c.ID, &l.files)
		names := make([]string, 0, len(st.names))
		for n := range st.names {
			names = append(names, n)
		}
		sort.Strings(names)
		platform := st.c.Platform
		scrub := l.ps.NamesFor(platform, names)
		l.scrubTexts(msgs, platform, scrub, &kept)
		// The community's id index serves the threads: a message's
		// position in msgs is its position in the store.
		index := st.index
		find := func(id string) (int, bool) {
			return index.get(id, func(i int) string { return msgs[i].ID })
		}
		// moveTo gave each message its export's thread id as ThreadID,
		// which threads reads before it sets the message's.
		threads(msgs, func(i int) string { return msgs[i].ThreadID }, find)
		compact(msgs, find, &l.strs)
		l.c.Communities = append(l.c.Communities, st.c)
		st.index = nil
	}
	// The messages hold the strings of strs they keep; texts and refs
	// hold none.
	l.strs, l.texts, l.refs = arena{}, arena{}, arena{}
	l.c.Messages = all
	l.c.Sort()
	return l.c
}

// scrubTexts scrubs the texts, links and hashtags of msgs, the messages of
// one community of platform, with scrub, and copies the texts and links
// into kept: the load's texts arena also holds the texts that scrubbing
// replaced and those of the duplicates, which the corpus does not keep.
//
// Each message is scrubbed alone, so messages are scrubbed in parallel: a
// Names is safe for concurrent use, and the handles its texts make known
// (mentions) do not depend on the order in which they are met (see
// pseudo.Pseudonymizer). A large community is scrubbed in quarters, each
// followed by a collection: the texts arena holds the texts in the order
// of the messages, so that each quarter copied lets the collector take
// back its blocks, and the texts are held about once, not twice, at the
// load's peak.
func (l *loader) scrubTexts(msgs []corpus.Message, platform corpus.Platform, scrub *pseudo.Names, kept *arena) {
	step := len(msgs)
	if step >= scrubInSteps {
		step = (step + 3) / 4
	}
	for lo := 0; lo < len(msgs); lo += step {
		part := msgs[lo:min(lo+step, len(msgs))]
		eachChunk(len(part), scrubChunk, l.workers(), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				m := &part[i]
				m.Text = scrub.Text(platform, m.Text)
				for j, link := range m.Links {
					m.Links[j] = scrub.Text(platform, link)
				}
				for j, h := range m.Hashtags {
					m.Hashtags[j] = scrub.Hashtag(h)
				}
			}
		})
		for i := range part {
			m := &part[i]
			m.Text = kept.str(m.Text)
			for j, link := range m.Links {
				m.Links[j] = kept.str(link)
			}
		}
		if lo+step < len(msgs) {
			runtime.GC()
		}
	}
}

// scrubInSteps is the size of a community, in messages, from which
// scrubTexts works in quarters: that of a store moveTo moves in quarters.
// A variable for the tests.
var scrubInSteps = releaseChunks * chunkSize

// compact makes the parent and thread ids of msgs, the messages of one
// community once threaded, strings the corpus keeps anyway: a parent's or
// thread's id that is a message's id (find gives its position in msgs)
// becomes that message's ID, and any other one copy per id in a. Until
// then they are the load's refs (see loader), which the corpus then no
// longer holds. Only where strings are stored changes, not what they
// hold.
//
// The messages' ids stay where the load put them, in its arena strs:
// copying them out would hold them twice at the load's peak.
func compact(msgs []corpus.Message, find func(id string) (int, bool), a *arena) {
	other := map[string]string{}
	shared := func(id string) string {
		if id == "" {
			return ""
		}
		if p, ok := find(id); ok {
			return msgs[p].ID
		}
		s, ok := other[id]
		if !ok {
			s = a.str(id)
			other[s] = s
		}
		return s
	}
	for i := range msgs {
		m := &msgs[i]
		m.ParentID = shared(m.ParentID)
		m.ThreadID = shared(m.ThreadID)
	}
}

// Threads sets the ThreadID of msgs, the messages of one community, by
// following ParentID chains (see the package documentation). exportThread
// holds each message's thread id as its export gave it ("" when none); it
// may be nil.
func Threads(msgs []corpus.Message, exportThread []string) {
	index := make(map[string]int, len(msgs))
	for i := range msgs {
		if _, dup := index[msgs[i].ID]; !dup {
			index[msgs[i].ID] = i
		}
	}
	export := func(i int) string {
		if i < len(exportThread) {
			return exportThread[i]
		}
		return ""
	}
	threads(msgs, export, func(id string) (int, bool) {
		i, ok := index[id]
		return i, ok
	})
}

// threads is Threads with export, which returns message i's thread id
// as its export gave it, and find, which returns the position in msgs of
// the first message with an id. export(i) is called only before message
// i's ThreadID is set, so it may read what ThreadID held.
func threads(msgs []corpus.Message, export func(i int) string, find func(id string) (int, bool)) {
	const (
		todo = iota
		onPath
		done
	)
	state := make([]int8, len(msgs))
	pos := make([]int32, len(msgs)) // position on the current path
	var path []int
	for i := range msgs {
		if state[i] == done {
			continue
		}
		path = path[:0]
		base, haveBase := "", false
		for j := i; ; {
			if state[j] == done {
				base, haveBase = msgs[j].ThreadID, true
				break
			}
			if state[j] == onPath {
				// A loop: its messages keep their export's thread.
				for _, k := range path[pos[j]:] {
					msgs[k].ThreadID, state[k] = export(k), done
				}
				base, haveBase = msgs[j].ThreadID, true
				path = path[:pos[j]]
				break
			}
			state[j], pos[j] = onPath, int32(len(path))
			path = append(path, j)
			m := &msgs[j]
			if m.ParentID == "" {
				if isOpen(m) {
					m.ThreadID = export(j)
				} else {
					m.ThreadID = m.ID
				}
				state[j] = done
				path = path[:len(path)-1]
				base, haveBase = m.ThreadID, true
				break
			}
			p, ok := find(m.ParentID)
			if !ok {
				// The chain leaves the data.
				m.ThreadID, state[j] = export(j), done
				path = path[:len(path)-1]
				base, haveBase = m.ThreadID, true
				break
			}
			j = p
		}
		// Unwind: each message inherits its parent's thread when known.
		for k := len(path) - 1; k >= 0; k-- {
			j := path[k]
			if haveBase && base != "" {
				msgs[j].ThreadID = base
			} else {
				msgs[j].ThreadID = export(j)
			}
			state[j] = done
			base, haveBase = msgs[j].ThreadID, true
		}
	}
}

// isOpen reports whether a message without parent still answers one the
// export does not give: a comment or reply, or a message naming only the
// account it answers.
func isOpen(m *corpus.Message) bool {
	return m.Kind == corpus.Comment || m.Kind == corpus.Reply || m.ReplyToAuthor != ""
}
