package load

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// workers is the number of goroutines a load spends on decoding files and
// scrubbing texts (Options.Workers).
func (l *loader) workers() int {
	if l.opt.Workers > 0 {
		return l.opt.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// scrubChunk is the number of messages a worker of finish takes at once:
// large enough that taking one costs nothing, small enough that the
// workers end together.
const scrubChunk = 512

// eachChunk calls fn(lo, hi) on consecutive ranges [lo, hi) covering
// [0, n), of at most chunk elements, on up to workers goroutines at once.
// fn must only touch the elements of its range (and what is safe for
// concurrent use); eachChunk returns once every call has.
func eachChunk(n, chunk, workers int, fn func(lo, hi int)) {
	chunks := (n + chunk - 1) / chunk
	if workers > chunks {
		workers = chunks
	}
	if workers <= 1 {
		for lo := 0; lo < n; lo += chunk {
			fn(lo, min(lo+chunk, n))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= chunks {
					return
				}
				lo := k * chunk
				fn(lo, min(lo+chunk, n))
			}
		})
	}
	wg.Wait()
}
