package facebook

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// fpNode is what the Facepager reader keeps of a node for its children.
type fpNode struct {
	msg    bool        // whether the node is a message
	object string      // its object_id
	id     string      // the message's ID
	thread string      // the message's thread
	kind   corpus.Kind // the message's kind
	group  string      // the group of the messages below
	parent int32       // 1 + index of the parent node, 0 for none
}

// fpTree indexes the nodes read so far by their Facepager id. Facepager
// ids are database row numbers, so most go through a slice.
type fpTree struct {
	// The nodes, in blocks of fpBlock: a new block is added when the last
	// is full, so that nodes (which hold strings) are never copied as a
	// growing slice would be.
	blocks [][]fpNode
	n      int              // nodes
	byNum  []int32          // numeric id -> 1 + index of the node
	byStr  map[string]int32 // other ids -> 1 + index of the node
	// strs holds the copies of the strings the nodes keep (see copy).
	strs *strings.Builder
}

// fpStrBlock is the size of the blocks of fpTree.copy.
const fpStrBlock = 32 << 10

// copy returns a copy of s that does not keep the record s is a window
// on alive: the bytes are appended to a block shared with other copies
// (a strings.Builder never changes the bytes it has written, so the
// strings it returned stay valid as it grows), which saves an allocation
// per string. The nodes keep them until the end of the file, as they
// kept one allocation per string. A string longer than an eighth of a
// block gets its own.
func (t *fpTree) copy(s string) string {
	if len(s) > fpStrBlock/8 {
		return strings.Clone(s)
	}
	if t.strs == nil || t.strs.Cap()-t.strs.Len() < len(s) {
		t.strs = new(strings.Builder)
		t.strs.Grow(fpStrBlock)
	}
	start := t.strs.Len()
	t.strs.WriteString(s)
	return t.strs.String()[start:]
}

// fpBlock is the number of nodes in a block of fpTree.
const fpBlock = 1024

// num returns a node id as a slice index, or -1.
func (t *fpTree) num(id string) int {
	v, ok := num(id, 0, len(id))
	if !ok || len(id) == 0 || len(id) > 9 || v > 2*t.n+4096 {
		return -1
	}
	return v
}

// get returns the index (plus one) of the node of the given id, or 0.
func (t *fpTree) get(id string) int32 {
	if v := t.num(id); v >= 0 {
		if v < len(t.byNum) {
			return t.byNum[v]
		}
		return 0
	}
	return t.byStr[id]
}

// add records node n under id and returns its index plus one.
func (t *fpTree) add(id string, n fpNode) int32 {
	if t.n%fpBlock == 0 {
		t.blocks = append(t.blocks, make([]fpNode, 0, fpBlock))
	}
	last := &t.blocks[len(t.blocks)-1]
	*last = append(*last, n)
	t.n++
	ref := int32(t.n)
	if v := t.num(id); v >= 0 {
		for v >= len(t.byNum) {
			t.byNum = append(t.byNum, 0)
		}
		t.byNum[v] = ref
		return ref
	}
	if t.byStr == nil {
		t.byStr = map[string]int32{}
	}
	t.byStr[strings.Clone(id)] = ref
	return ref
}

// node returns the node of a reference from get or add.
func (t *fpTree) node(ref int32) *fpNode {
	i := int(ref - 1)
	return &t.blocks[i/fpBlock][i%fpBlock]
}

// objectAbove reports whether a message above ref has the given object_id.
func (t *fpTree) objectAbove(ref int32, object string) bool {
	for depth := 0; ref != 0 && depth < 64; depth++ {
		n := t.node(ref)
		if n.msg && n.object == object {
			return true
		}
		ref = n.parent
	}
	return false
}

// fpStatusOK reports whether a Facepager query status says the node was
// fetched.
func fpStatusOK(s string) bool {
	s = strings.TrimSpace(s)
	if ok, ascii := fpStatusOKASCII(s); ascii {
		return ok
	}
	s = strings.ToLower(s)
	if s == "ok" {
		return true
	}
	for _, p := range []string{"fetched (2", "downloaded (2"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// fpStatusOKASCII is fpStatusOK for a trimmed status of ASCII bytes
// (ascii is false for any other), without lower-casing it first: the
// prefixes are compared with ASCII letters folded, as strings.ToLower
// folds them in ASCII text.
func fpStatusOKASCII(s string) (ok, ascii bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false, false
		}
	}
	if len(s) == 2 {
		return lowerASCII(s[0]) == 'o' && lowerASCII(s[1]) == 'k', true
	}
	for _, p := range []string{"fetched (2", "downloaded (2"} {
		if len(s) >= len(p) {
			match := true
			for i := 0; i < len(p) && match; i++ {
				match = lowerASCII(s[i]) == p[i]
			}
			if match {
				return true, true
			}
		}
	}
	return false, true
}

// lowerASCII lower-cases an ASCII letter.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// statusText quotes a query status such as "fetched (400)" for a reason,
// or says it is unreadable when it does not look like one (a shifted
// column could hold a name).
func statusText(s string) string {
	s = strings.TrimSpace(s)
	word, code, _ := strings.Cut(s, " ")
	if len(s) > 40 || word == "" || strings.Trim(word, "abcdefghijklmnopqrstuvwxyz") != "" ||
		(code != "" && (!strings.HasPrefix(code, "(") || !strings.HasSuffix(code, ")") || !isHex(code[1:len(code)-1]))) {
		return "unreadable"
	}
	return strconv.Quote(s) // checked above to be a status word and code
}

func readFacepager(f *rawio.File, sink rawio.Sink) error {
	sep := facepagerSeparator(firstLine(f.Head))
	if sep == 0 {
		sep = ';'
	}
	t, err := newTable(f, sep)
	if err != nil {
		return err
	}
	var (
		cLevel    = t.col("level")
		cID       = t.col("id")
		cParent   = t.col("parent_id")
		cObject   = t.col("object_id")
		cType     = t.col("object_type")
		cStatus   = t.col("query_status")
		cMessage  = t.col("message")
		cCreated  = t.col("created_time")
		cFromName = t.col("from.name")
		cFromID   = t.col("from.id")
		cShares   = t.col("shares.count")
		cLink     = t.col("link")
	)
	// Reactions fall back column by column when a row leaves one empty
	// (posts fill reactions.summary.total_count, comments like_count).
	var reactionCols []int
	for _, n := range []string{"reactions.summary.total_count", "likes.summary.total_count", "like_count"} {
		if i := t.col(n); i >= 0 {
			reactionCols = append(reactionCols, i)
		}
	}
	if cLevel < 0 || cID < 0 || cParent < 0 || cObject < 0 || cType < 0 {
		return fmt.Errorf("%s: %w: not a Facepager header", f.Name, rawio.ErrShape)
	}
	t.use(append([]int{cLevel, cID, cParent, cObject, cType, cStatus, cMessage, cCreated, cFromName, cFromID, cShares, cLink},
		reactionCols...)...)
	var tree fpTree
	tc := newTimeCheck()
	for {
		rec, line, perr, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if perr != nil {
			sink.Reject(perr)
			continue
		}
		level, err := strconv.Atoi(strings.TrimSpace(rec[cLevel]))
		if err != nil || level < 0 {
			reject(sink, f, line, t.name(cLevel), badNumber(rec[cLevel]))
			continue
		}
		nodeID := strings.TrimSpace(rec[cID])
		if nodeID == "" {
			reject(sink, f, line, t.name(cID), rawio.ErrMissing)
			continue
		}
		objectID := strings.TrimSpace(rec[cObject])
		objType := strings.ToLower(strings.TrimSpace(rec[cType]))
		text := get(rec, cMessage)
		stamp := strings.TrimSpace(get(rec, cCreated))
		if stamp == "None" {
			stamp = ""
		}
		parentID := strings.TrimSpace(rec[cParent])
		if parentID == "None" {
			parentID = ""
		}
		var parent *fpNode
		parentRef := tree.get(parentID)
		if parentRef != 0 {
			parent = tree.node(parentRef)
		}
		hasParent := parent != nil

		switch {
		case objType == "seed" && text == "" && stamp == "":
			tree.add(nodeID, fpNode{group: strings.Clone(objectID), parent: parentRef})
			// The seed names the group the export was taken from: a
			// group record, not a message.
			rawio.EmitGroup(sink, &rawio.RawGroup{ID: strings.Clone(objectID), Line: line},
				&rawio.ParseError{File: f.Name, Line: line, Field: t.name(cType), Err: errSeed})
			continue
		case objType == "offcut":
			reject(sink, f, line, t.name(cType), errOffcut)
			continue
		case objType != "data" && objType != "seed" && objType != "unpacked":
			reject(sink, f, line, t.name(cType), fmt.Errorf("%w: node of unknown type, not a message", rawio.ErrShape))
			continue
		case objType != "seed" && !fpStatusOK(get(rec, cStatus)):
			reject(sink, f, line, t.name(cStatus), fmt.Errorf("%w: query status %s", errNotFetched, statusText(get(rec, cStatus))))
			continue
		case parentID != "" && !hasParent && level > 1:
			reject(sink, f, line, t.name(cParent), errNoParent)
			continue
		case objectID == "":
			reject(sink, f, line, t.name(cObject), rawio.ErrMissing)
			continue
		}

		m := &rawio.RawMessage{Platform: corpus.Facebook, Kind: corpus.Post, Line: line, Text: text}
		objectID = tree.copy(objectID)
		m.ID = objectID
		if tree.objectAbove(parentRef, objectID) {
			m.ID = objectID + "#" + nodeID
		}
		if hasParent {
			m.Group = parent.group
			if parent.msg {
				m.ParentID, m.ThreadID = parent.id, parent.thread
				m.Kind = corpus.Comment
				if parent.kind != corpus.Post {
					m.Kind = corpus.Reply
				}
			}
		}
		if m.Kind == corpus.Post {
			m.ThreadID = m.ID
		}
		// Children link to this node even if it is rejected below: they
		// still answer this message.
		tree.add(nodeID, fpNode{msg: true, object: objectID, id: m.ID, thread: m.ThreadID, kind: m.Kind, group: m.Group, parent: parentRef})

		if stamp == "" {
			reject(sink, f, line, t.name(cCreated), rawio.ErrMissing)
			continue
		}
		m.Created, err = parseAPITime(stamp)
		if err == nil {
			err = tc.check(corpus.Facebook, m.Created)
		}
		if err != nil {
			reject(sink, f, line, t.name(cCreated), err)
			continue
		}
		m.IDField, m.CreatedField = t.name(cObject), t.name(cCreated)
		bad := false
		for _, c := range reactionCols {
			if v := strings.TrimSpace(rec[c]); v != "" && v != "None" {
				if m.Reactions, err = count(v); err != nil {
					reject(sink, f, line, t.name(c), err)
					bad = true
				}
				break
			}
		}
		if bad {
			continue
		}
		if m.Shares, err = count(get(rec, cShares)); err != nil {
			reject(sink, f, line, t.name(cShares), err)
			continue
		}
		m.Author = rawio.Person{ID: fpValue(get(rec, cFromID)), Name: fpValue(get(rec, cFromName))}
		if l := fpValue(get(rec, cLink)); l != "" {
			m.Links = []string{l}
		}
		sink.Message(m)
	}
}

// fpValue trims a Facepager value, reading Python's None as empty.
func fpValue(s string) string {
	s = strings.TrimSpace(s)
	if s == "None" {
		return ""
	}
	return s
}
