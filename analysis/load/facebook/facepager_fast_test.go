package facebook

import (
	"fmt"
	"strings"
	"testing"
)

// refStatusOK is fpStatusOK as it was, lower-casing every status: the
// reading the ASCII fast path must keep.
func refStatusOK(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
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

func TestFpStatusOK(t *testing.T) {
	for s, want := range map[string]bool{
		"fetched (200)": true, " Fetched (200) ": true, "FETCHED (204)": true, "downloaded (201)": true, "fetched (2": true,
		"OK": true, "ok": true, "Ok ": true,
		"fetched (400)": false, "fetched (": false, "fetch (200)": false, "": false, "okay": false, "o": false, "empty": false,
		// Not ASCII: lower-cased as before (the Kelvin sign lower-cases
		// to k).
		"o\u212a": true, "f\u00e9tched (200)": false,
	} {
		if got := fpStatusOK(s); got != want || got != refStatusOK(s) {
			t.Errorf("fpStatusOK(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzFpStatusOK checks fpStatusOK against the lower-casing reading.
func FuzzFpStatusOK(f *testing.F) {
	for _, s := range []string{"fetched (200)", "OK", "Downloaded (2", "o\u212a", "fetched (4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fpStatusOK(s), refStatusOK(s); got != want {
			t.Errorf("fpStatusOK(%q) = %v, the lower-casing reading %v", s, got, want)
		}
	})
}

// The copies fpTree.copy makes stay equal to what was copied while more
// are made, across blocks, and a long string gets its own.
func TestFpTreeCopy(t *testing.T) {
	var tree fpTree
	var orig, copies []string
	for i := range 5000 { // about 5 blocks of ids
		s := fmt.Sprintf("146190510705272_%d", 1000000+i)
		orig = append(orig, s)
		copies = append(copies, tree.copy(s))
	}
	long := strings.Repeat("x", fpStrBlock/8+1)
	if c := tree.copy(long); c != long {
		t.Errorf("long copy differs")
	}
	for i := range orig {
		if copies[i] != orig[i] {
			t.Fatalf("copy %d = %q, want %q", i, copies[i], orig[i])
		}
	}
}
