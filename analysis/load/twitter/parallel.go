package twitter

import (
	"bytes"
	"io"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Lines of a JSONL file are decoded by a pool of f.Workers goroutines,
// chunk by chunk, and their records handed to the sink in the file's
// order: one goroutine reads and splits the lines (gzip and the line
// limits), workers decode chunks of lines into recorders, and the
// caller's goroutine replays each chunk once decoded, in order. At most
// 2 × Workers chunks are in flight, so memory stays bounded.
const (
	chunkLines = 256       // lines in a chunk
	chunkBytes = 256 << 10 // bytes of lines in a chunk, at most (but one long line)
)

// lineChunk is a run of consecutive lines of a file, and the sink calls
// decoding them made.
type lineChunk struct {
	buf   []byte
	items []lineItem
	calls []sinkCall
	// panicked is what decoding the chunk panicked with, after calls:
	// the panic is raised again in the caller's goroutine, where the
	// load turns it into an internal error.
	panicked any
	done     chan struct{}
}

// lineItem is one line of a chunk (buf[lo:hi], starting at line n), or
// a line rejected while reading it (err).
type lineItem struct {
	lo, hi, n int
	err       error
}

// sinkCall is a call a worker's reader made.
type sinkCall struct {
	m       *rawio.RawMessage
	err     *rawio.ParseError
	panel   *corpus.PanelObservation
	profile *rawio.RawProfile
}

// chunkRecorder is the sink of a worker's reader: it keeps the calls in
// the chunk being decoded. The readers allocate every message and error
// they pass, so they are kept as given.
type chunkRecorder struct{ c *lineChunk }

func (r *chunkRecorder) Message(m *rawio.RawMessage) {
	r.c.calls = append(r.c.calls, sinkCall{m: m})
}
func (r *chunkRecorder) Reject(err *rawio.ParseError) {
	r.c.calls = append(r.c.calls, sinkCall{err: err})
}

func (r *chunkRecorder) Panel(p *corpus.PanelObservation) {
	r.c.calls = append(r.c.calls, sinkCall{panel: p})
}
func (r *chunkRecorder) Profile(p *rawio.RawProfile) {
	r.c.calls = append(r.c.calls, sinkCall{profile: p})
}

// eachLineParallel is eachRecord for JSON lines, on f.Workers goroutines.
// newFn returns a record function writing to the given sink, one per
// worker (readers keep state per line: it must not be shared), that
// checks the nesting depth of each record against depth itself, as
// rawio.CheckJSONDepth does, before decoding it with a recursive decoder
// (the twarc2 reader measures it while decoding).
func (r *reader) eachLineParallel(newFn func(sink rawio.Sink, depth int) func(b []byte, line int)) error {
	f := r.f
	lim := f.Limits.WithDefaults()
	workers := f.Workers
	work := make(chan *lineChunk, workers)
	pending := make(chan *lineChunk, 2*workers)
	// Buffers of chunks replayed, for the next chunks: decoders copy
	// what they keep of a line, so a replayed chunk's bytes are free.
	free := make(chan []byte, 2*workers+2)
	for range workers {
		go func() {
			rec := &chunkRecorder{}
			wr := &reader{f: f, sink: rec}
			fn := newFn(rec, lim.Depth)
			for c := range work {
				rec.c = c
				decodeChunk(c, func(it lineItem) {
					switch {
					case it.err != nil:
						wr.reject(it.n, 0, "", it.err)
					default:
						fn(c.buf[it.lo:it.hi], it.n)
					}
				})
			}
		}()
	}
	var readErr error
	go func() {
		defer close(pending)
		defer close(work)
		lr := f.Lines()
		newChunk := func() *lineChunk {
			c := &lineChunk{done: make(chan struct{})}
			select {
			case c.buf = <-free:
			default:
				c.buf = make([]byte, 0, chunkBytes+chunkBytes/4)
			}
			return c
		}
		c := newChunk()
		send := func() {
			pending <- c
			work <- c
			c = newChunk()
		}
		for {
			b, n, err := lr.Next()
			switch {
			case err == nil:
			case err == io.EOF:
				if len(c.items) > 0 {
					send()
				}
				return
			case rawio.IsRecordError(err):
				c.items = append(c.items, lineItem{n: n, err: err})
				continue
			default:
				if len(c.items) > 0 {
					send()
				}
				readErr = err
				return
			}
			if len(bytes.TrimSpace(b)) == 0 {
				continue
			}
			lo := len(c.buf)
			c.buf = append(c.buf, b...)
			c.items = append(c.items, lineItem{lo: lo, hi: len(c.buf), n: n})
			if len(c.items) >= chunkLines || len(c.buf) >= chunkBytes {
				send()
			}
		}
	}()
	defer func() {
		if v := recover(); v != nil {
			// Let the reading goroutine end (the load closes the file).
			go func() {
				for c := range pending {
					<-c.done
				}
			}()
			panic(v)
		}
	}()
	for c := range pending {
		<-c.done
		for _, call := range c.calls {
			switch {
			case call.m != nil:
				r.sink.Message(call.m)
			case call.panel != nil:
				r.sink.Panel(call.panel)
			case call.profile != nil:
				r.sink.Profile(call.profile)
			default:
				r.sink.Reject(call.err)
			}
		}
		if c.panicked != nil {
			panic(c.panicked)
		}
		if cap(c.buf) <= 2*chunkBytes { // not a buffer grown for one long line
			select {
			case free <- c.buf[:0]:
			default:
			}
		}
		c.buf = nil
	}
	return readErr
}

// decodeChunk calls decode on each line of c, stopping at a panic,
// which it keeps in c.panicked, and closes c.done.
func decodeChunk(c *lineChunk, decode func(it lineItem)) {
	defer close(c.done)
	defer func() {
		if v := recover(); v != nil {
			c.panicked = v
		}
	}()
	for _, it := range c.items {
		decode(it)
	}
}
