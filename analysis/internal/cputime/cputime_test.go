//go:build unix

package cputime

import "testing"

// TestUsedGrows spins until the process has used 20 ms more CPU: Used
// must reach it (it counts this goroutine's work) and never go back.
func TestUsedGrows(t *testing.T) {
	start := Used()
	if start <= 0 {
		t.Fatalf("Used() = %v at start, want > 0", start)
	}
	x, last := 0, start
	for i := 0; Used()-start < 20e6; i++ {
		for j := range 1 << 16 {
			x += j ^ i
		}
		now := Used()
		if now < last {
			t.Fatalf("Used() went back from %v to %v", last, now)
		}
		last = now
		if i > 1<<20 {
			t.Fatal("20 ms of CPU never counted")
		}
	}
	_ = x
}
