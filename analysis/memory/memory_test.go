package memory

import (
	"errors"
	"math"
	"runtime/debug"
	"testing"
)

func noEnv(string) (string, bool) { return "", false }

func fixed(n uint64) func() (uint64, error) { return func() (uint64, error) { return n, nil } }

func failing() (uint64, error) { return 0, errors.New("no cgroup limit") }

// restore puts back the limit a test changed.
func restore(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })
	debug.SetMemoryLimit(math.MaxInt64)
}

func TestSetFromCgroup(t *testing.T) {
	restore(t)
	l := set(noEnv, fixed(8<<30), fixed(24<<30))
	const want = 7730941132 // 0.9 × 8,589,934,592 bytes, rounded down
	if l.From != "cgroup" || l.Bytes != want || l.Of != 8<<30 {
		t.Fatalf("got %+v, want 90 %% of the cgroup's 8 GiB: %d", l, want)
	}
	if got := debug.SetMemoryLimit(-1); got != want {
		t.Errorf("the runtime's limit is %d, want %d", got, want)
	}
	if s := l.String(); s != "soft memory limit 7.2 GiB (90 % of the cgroup's 8.0 GiB)" {
		t.Errorf("String() = %q", s)
	}
}

func TestSetFallsBackToSystem(t *testing.T) {
	restore(t)
	// No cgroup limit, or an unlimited one (cgroup v2 "max" reads as a huge value).
	for _, cg := range []func() (uint64, error){failing, fixed(math.MaxUint64)} {
		debug.SetMemoryLimit(math.MaxInt64)
		l := set(noEnv, cg, fixed(24<<30))
		if l.From != "system" || l.Bytes != 23192823398 /* 0.9 × 25,769,803,776 */ {
			t.Errorf("got %+v, want 90 %% of the machine's 24 GiB", l)
		}
		if s := l.String(); s != "soft memory limit 21.6 GiB (90 % of the machine's 24.0 GiB)" {
			t.Errorf("String() = %q", s)
		}
	}
}

func TestSetKeepsGOMEMLIMIT(t *testing.T) {
	restore(t)
	debug.SetMemoryLimit(7 << 30) // as the runtime does from GOMEMLIMIT=7GiB
	env := func(k string) (string, bool) { return "7GiB", k == "GOMEMLIMIT" }
	l := set(env, fixed(8<<30), fixed(24<<30))
	if l.From != "GOMEMLIMIT" || l.Bytes != 7<<30 || debug.SetMemoryLimit(-1) != 7<<30 {
		t.Errorf("got %+v, want GOMEMLIMIT's 7 GiB left as it is", l)
	}
	if s := l.String(); s != "soft memory limit 7.0 GiB (GOMEMLIMIT)" {
		t.Errorf("String() = %q", s)
	}
}

func TestSetNoSize(t *testing.T) {
	restore(t)
	l := set(noEnv, failing, failing)
	if l.From != "" || l.Bytes != math.MaxInt64 || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Errorf("got %+v, want no limit", l)
	}
}
