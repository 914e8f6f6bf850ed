package load

import (
	"sort"

	"github.com/faire-communaute/compendium/analysis/corpus"
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
	var kept arena // the strings of the corpus (see compact)
	off := copy(all, l.c.Messages)
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
		// Each message is scrubbed alone, so messages are scrubbed in
		// parallel: a Names is safe for concurrent use, and the handles
		// its texts make known (mentions) do not depend on the order in
		// which they are met (see pseudo.Pseudonymizer).
		eachChunk(len(msgs), scrubChunk, l.workers(), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				m := &msgs[i]
				m.Text = scrub.Text(platform, m.Text)
				for j, link := range m.Links {
					m.Links[j] = scrub.Text(platform, link)
				}
				for j, h := range m.Hashtags {
					m.Hashtags[j] = scrub.Hashtag(h)
				}
			}
		})
		// The community's id index serves the threads: a message's
		// position in msgs is its position in the store.
		index := st.index
		find := func(id string) (int, bool) {
			return index.get(id, func(i int) string { return msgs[i].ID })
		}
		// moveTo gave each message its export's thread id as ThreadID,
		// which threads reads before it sets the message's.
		threads(msgs, func(i int) string { return msgs[i].ThreadID }, find)
		compact(msgs, find, &kept)
		l.c.Communities = append(l.c.Communities, st.c)
		st.index = nil
	}
	l.strs = arena{} // every string the messages keep is in kept now
	l.c.Messages = all
	l.c.Sort()
	return l.c
}

// compact copies the strings of msgs, the messages of one community once
// scrubbed and threaded, into a: the load's arena also holds the texts
// that scrubbing replaced and the strings of the duplicates, which the
// corpus does not keep. A parent's or thread's id that is a message's
// id (find gives its position in msgs) becomes that message's string
// rather than a copy of its own. Only where strings are stored
// changes, not what they hold.
func compact(msgs []corpus.Message, find func(id string) (int, bool), a *arena) {
	for i := range msgs {
		m := &msgs[i]
		m.ID = a.str(m.ID)
		m.RefID = a.str(m.RefID)
		m.Text = a.str(m.Text)
		for j, link := range m.Links {
			m.Links[j] = a.str(link)
		}
	}
	// Thread ids that are no message's: one copy per thread.
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
