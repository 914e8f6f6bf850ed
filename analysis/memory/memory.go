// Package memory sets the soft memory limit of the compendium's commands,
// so that a large load stays within the memory it may use rather than
// being killed for passing it.
//
// The Go runtime lets the heap grow to twice what is live before it
// collects (GOGC=100): a load of ten million messages whose live heap
// reaches 5 GB can take 10 GB of memory. A soft limit
// (runtime/debug.SetMemoryLimit) makes the collector run more often as the
// heap nears it, trading CPU time for memory; it is soft: a live heap
// larger than the limit is not refused, only collected as often as the
// runtime allows.
//
// # Operational definition
//
// The memory the process may use is its cgroup's memory limit when it has
// one (a container, a CI job, a SLURM job's --mem; cgroup v1 or v2, read by
// github.com/KimMachineGun/automemlimit), else the machine's physical
// memory. The limit set is Ratio of it. A GOMEMLIMIT environment variable,
// which the runtime reads itself, takes precedence and is left as it is;
// so does a limit already set by the program.
package memory

import (
	"fmt"
	"math"
	"os"
	"runtime/debug"

	"github.com/KimMachineGun/automemlimit/memlimit"
)

// Ratio is the share of the memory the process may use that the soft
// limit is set to: the rest is left to what the runtime does not count
// (goroutine stacks beyond the heap, the binary, memory not yet returned
// to the system) and to the rest of the machine.
const Ratio = 0.9

// Limit is the soft memory limit in force and where it comes from.
type Limit struct {
	Bytes int64 // math.MaxInt64: none
	// From is "GOMEMLIMIT" (the environment), "cgroup", "system", "set"
	// (already set by the program) or "" (no limit: no memory size was
	// found).
	From string
	// Of is the memory size the limit is Ratio of (cgroup or system), else 0.
	Of uint64
}

// String describes the limit, e.g. "soft memory limit 21.6 GiB (90 % of
// the machine's 24.0 GiB)".
func (l Limit) String() string {
	switch l.From {
	case "":
		return "no soft memory limit (no memory size found)"
	case "GOMEMLIMIT":
		return fmt.Sprintf("soft memory limit %s (GOMEMLIMIT)", GiB(uint64(l.Bytes)))
	case "set":
		return fmt.Sprintf("soft memory limit %s", GiB(uint64(l.Bytes)))
	case "cgroup":
		return fmt.Sprintf("soft memory limit %s (%.0f %% of the cgroup's %s)", GiB(uint64(l.Bytes)), 100*Ratio, GiB(l.Of))
	}
	return fmt.Sprintf("soft memory limit %s (%.0f %% of the machine's %s)", GiB(uint64(l.Bytes)), 100*Ratio, GiB(l.Of))
}

// GiB formats a number of bytes in GiB with one decimal.
func GiB(b uint64) string { return fmt.Sprintf("%.1f GiB", float64(b)/(1<<30)) }

// Set sets the soft memory limit (see the package documentation) and
// returns it.
func Set() Limit {
	return set(os.LookupEnv, memlimit.FromCgroup, memlimit.FromSystem)
}

func set(env func(string) (string, bool), cgroup, system func() (uint64, error)) Limit {
	current := debug.SetMemoryLimit(-1)
	if _, ok := env("GOMEMLIMIT"); ok {
		return Limit{Bytes: current, From: "GOMEMLIMIT"}
	}
	if current != math.MaxInt64 {
		return Limit{Bytes: current, From: "set"}
	}
	from := "cgroup"
	size, err := cgroup()
	if err != nil || size == 0 || size >= 1<<62 {
		from = "system"
		if size, err = system(); err != nil || size == 0 {
			return Limit{Bytes: current}
		}
	}
	b := int64(float64(size) * Ratio)
	debug.SetMemoryLimit(b)
	return Limit{Bytes: b, From: from, Of: size}
}
