//go:build unix

package rawio

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, so that benchmarks
// can report a throughput per core on a machine shared with others.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
