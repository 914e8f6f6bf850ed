package load

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// TestIDIndexCollisions checks the index when ids share their hash: with
// a hash that gives every id the same value, each id is still found at
// its own position, and an id never added is not found.
func TestIDIndexCollisions(t *testing.T) {
	for _, hash := range map[string]func(string) uint64{
		"constant": func(string) uint64 { return 7 },
		"two":      func(s string) uint64 { return uint64(len(s) % 2) },
		"real":     newIDIndex().hash,
	} {
		x := newIDIndex()
		x.hash = hash
		ids := []string{"1", "22", "333", "1097258401982", "1097258401983", "a_b"}
		at := func(i int) string { return ids[i] }
		for i, id := range ids {
			if _, ok := x.get(id, at); ok {
				t.Fatalf("%q found before it was added", id)
			}
			x.add(id, i)
		}
		for i, id := range ids {
			if j, ok := x.get(id, at); !ok || j != i {
				t.Errorf("get(%q) = %d, %v; want %d, true", id, j, ok, i)
			}
		}
		for _, id := range []string{"", "4444", "1097258401984"} {
			if j, ok := x.get(id, at); ok {
				t.Errorf("get(%q) = %d, true for an id never added", id, j)
			}
		}
	}
}

// TestArenaCopies checks that the arena's strings hold the same bytes as
// what was given but none of its memory: a field cut from a long line
// does not keep the line.
func TestArenaCopies(t *testing.T) {
	line := strings.Repeat("x", 1000) + "\t1097258401982\tBonjour à toutes\t"
	var a arena
	inside := func(s string) bool {
		p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(line)))
		return p >= lo && p < lo+uintptr(len(line))
	}
	fields := strings.Split(line, "\t")
	var got []string
	for _, f := range fields[1:] {
		got = append(got, a.str(f))
	}
	long := a.str(fields[0] + fields[0]) // 2,000 bytes: in a block too
	for i, s := range got {
		if s != fields[i+1] {
			t.Errorf("str(%q) = %q", fields[i+1], s)
		}
		if s != "" && inside(s) {
			t.Errorf("str(%q) shares the line's memory", s)
		}
	}
	if got[2] != "" {
		t.Errorf("str of the empty last field = %q", got[2])
	}
	if long != fields[0]+fields[0] {
		t.Error("a 2,000-byte string changed in the arena")
	}
	// More than a block: every string intact.
	var all []string
	for i := range 50000 {
		all = append(all, a.str(fmt.Sprintf("message %d", i)))
	}
	for i, s := range all {
		if want := fmt.Sprintf("message %d", i); s != want {
			t.Fatalf("string %d = %q, want %q", i, s, want)
		}
	}
	huge := strings.Repeat("é", arenaBlock) // its own allocation
	if s := a.str(huge); s != huge || unsafe.StringData(s) == unsafe.StringData(huge) {
		t.Error("a string larger than a block is not copied on its own")
	}
}

// TestStoreRoundTrip checks that a message stored and read back is the
// message given, field for field (the rare fields, a kind and a platform
// outside the lists, hashtags, mentions and links included), and that a
// later copy completing it (put) fills its empty lists and keeps the
// others.
func TestStoreRoundTrip(t *testing.T) {
	at := time.Date(2019, 5, 23, 7, 41, 12, 345, time.UTC)
	msgs := []corpus.Message{
		{Platform: corpus.Facebook, Community: "avs", ID: "2075037711955060", Kind: corpus.Comment, ParentID: "2075030000000000",
			Author: "p_9f2c", Created: at, Text: "Bonjour à toutes", Reactions: 3, Source: corpus.Source{File: "raw/avs/comments.tsv.gz", Line: 12}},
		{Platform: corpus.Twitter, Community: "avs", ID: "1131500000000000001", Kind: corpus.Quote, RefID: "1131400000000000000",
			Author: "p_1a2b", AuthorRole: corpus.Admin, Created: at.Add(time.Hour), Text: "#DocTocToc @p_77 voir https://t.co/x",
			Shares: 2, Hashtags: []string{"doctoctoc"}, Mentions: []string{"p_77", "p_78"}, Links: []string{"https://t.co/x"},
			ReplyToAuthor: "p_77", Lang: "fr", Source: corpus.Source{File: "raw/doctoctoc/search.jsonl.gz", Line: 1}},
		{Community: "avs", ID: "x1", Created: at, Source: corpus.Source{File: "raw/avs/comments.tsv.gz", Line: 13}},
	}
	var s store
	var files fileTable
	for i := range msgs {
		s.push(&msgs[i], fmt.Sprint("thread-", i), &files)
	}
	for i := range msgs {
		want := msgs[i]
		want.ThreadID = fmt.Sprint("thread-", i)
		if got := s.get(i, "avs", &files); !reflect.DeepEqual(got, want) {
			t.Errorf("message %d read back as\n%+v\nwant\n%+v", i, got, want)
		}
	}
	if len(files.names) != 2 {
		t.Errorf("%d files numbered, want 2: %q", len(files.names), files.names)
	}
	// A later copy of message 0 with a hashtag and a language, and one of
	// message 1 with other mentions: only the empty lists are filled.
	m0 := s.get(0, "avs", &files)
	m0.Hashtags, m0.Lang = []string{"aide"}, "fr"
	s.put(0, &m0, &files)
	m1 := s.get(1, "avs", &files)
	m1.Mentions = []string{"p_99"}
	s.put(1, &m1, &files)
	got0, got1 := s.get(0, "avs", &files), s.get(1, "avs", &files)
	if !reflect.DeepEqual(got0.Hashtags, []string{"aide"}) || got0.Lang != "fr" {
		t.Errorf("completed message 0: hashtags %q, lang %q", got0.Hashtags, got0.Lang)
	}
	if !reflect.DeepEqual(got1.Mentions, []string{"p_77", "p_78"}) {
		t.Errorf("message 1's mentions became %q, want them kept", got1.Mentions)
	}
	// Lists are windows on the pages: appending to one does not write
	// over the next.
	_ = append(got1.Hashtags, "écrasé")
	if got := s.get(1, "avs", &files).Mentions[0]; got != "p_77" {
		t.Errorf("appending to a message's hashtags changed its mentions to %q", got)
	}
	// moveTo gives the same messages.
	dst := make([]corpus.Message, s.len())
	want := []corpus.Message{got0, got1, s.get(2, "avs", &files)}
	s.moveTo(dst, "avs", &files)
	if !reflect.DeepEqual(dst, want) {
		t.Errorf("moveTo gave\n%+v\nwant\n%+v", dst, want)
	}
	if s.len() != 0 {
		t.Errorf("store holds %d messages after moveTo", s.len())
	}
}

// TestListStorePages checks lists across page boundaries and a list too
// long for a page.
func TestListStorePages(t *testing.T) {
	var ls listStore
	var spans []span
	var want [][]string
	for i := range 30000 {
		l := make([]string, i%7+1)
		for j := range l {
			l[j] = fmt.Sprint(i, ".", j)
		}
		spans = append(spans, ls.add(l))
		want = append(want, l)
	}
	long := make([]string, listPage/16+1)
	for j := range long {
		long[j] = fmt.Sprint("long ", j)
	}
	spans = append(spans, ls.add(long))
	want = append(want, long)
	for i, sp := range spans {
		if got := ls.get(sp); !reflect.DeepEqual(got, want[i]) {
			t.Fatalf("list %d read back as %q, want %q", i, got, want[i])
		}
	}
	if len(ls.big) != 1 || len(ls.pages) < 6 {
		t.Errorf("%d lists aside, %d pages; want 1 and at least 6", len(ls.big), len(ls.pages))
	}
	if ls.get(span{}) != nil {
		t.Error("the empty span reads as a list")
	}
}
