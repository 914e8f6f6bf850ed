package load

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
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
