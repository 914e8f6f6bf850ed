//go:build unix

// Package cputime gives the CPU time the process has used, all threads
// together, so that benchmarks can report a throughput per second of CPU
// on a machine shared with others (whose load inflates wall times).
package cputime

import (
	"syscall"
	"time"
)

// Used returns the user and system CPU time of the process so far (0
// when the system does not say).
func Used() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
