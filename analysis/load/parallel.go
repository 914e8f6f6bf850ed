package load

import (
	"io"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/rawio"
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

// A pipeline decodes the files of a load ahead, on up to Workers
// goroutines, and hands their records to the load in the order of the
// files: file k's records reach the sink only once every record of the
// files before it has, so that the corpus, the pseudonyms given, the
// report and the rejections' order are those of a load in one goroutine.
//
// A worker takes the next file in order, opens it and chooses its format
// (loader.prepare, which changes nothing of the load), then runs its
// format's reader into a recorder, which keeps the sink calls in batches
// sent on the file's channel. The channel holds few batches, so that a
// worker that has read far ahead of the file being applied waits: memory
// stays bounded by Workers × fileBatches × batchSize records. Zip
// archives and standard input are read in the calling goroutine, when
// their turn comes.
//
// The messages of a batch are converted ahead (pre, converter.ahead) by a
// pool of Workers converters, while the batches before it are applied:
// a batch is handed to the converters before it is sent on its file's
// channel, and applied once converted. What a converter makes of a
// message depends on the message alone (and on the platform it assumes,
// which the message's turn checks), so that the load is the same with
// one worker, which converts in turn, as with many.
type pipeline struct {
	l      *loader
	jobs   []job
	slots  []*slot
	conv   chan *batch // batches to convert ahead
	free   chan *batch // batches applied, for the recorders to fill again
	guess  []guess     // of each job, taken before the workers start
	next   int         // the next job a worker takes, under mu
	mu     sync.Mutex
	cancel atomic.Bool   // the load has ended: workers stop
	done   chan struct{} // closed with cancel set
	wg     sync.WaitGroup
}

// slot is one file as a worker found it.
type slot struct {
	ready   chan struct{} // closed once o, osf and serial are set
	o       outcome
	osf     *os.File
	serial  bool // to be read in the calling goroutine (l.file)
	batches chan *batch
	rerr    error // the reader's error, set before batches is closed
	applied bool  // taken by pipeline.file, which closes its files
}

const (
	batchSize   = 256 // sink calls in a batch
	fileBatches = 8   // batches a file's channel holds
)

// batch is a run of sink calls recorded by a worker.
type batch struct {
	ev   []event
	msgs []rawio.RawMessage
	// pre holds msgs converted ahead, set before done is closed (empty:
	// the converters stopped first); their prepared calls are windows on
	// pend.
	pre     []pre
	pend    []pseudo.Pending
	done    chan struct{}
	guess   guess
	aborted *atomic.Bool // the file's load stopped: no need to convert
}

// guess is the platform a converter assumes for a file's messages: the
// platform of the file's community (a study's source), else the
// message's own, else its format's, as sink.message finds it unless an
// earlier file declared the message's community otherwise.
type guess struct {
	comm     bool
	platform corpus.Platform // the community's when comm, else the format's
}

func (g guess) of(m *rawio.RawMessage) corpus.Platform {
	if !g.comm && m.Platform != 0 {
		return m.Platform
	}
	return g.platform
}

type eventKind uint8

const (
	evMessage eventKind = iota
	evPanel
	evProfile
	evReject
	evGroup
	evService
)

// event is one sink call: a message (msgs[i]) or another record (v).
type event struct {
	kind eventKind
	i    int32
	v    any
}

func newPipeline(l *loader, jobs []job) *pipeline {
	p := &pipeline{l: l, jobs: jobs, done: make(chan struct{})}
	if l.workers() <= 1 {
		return p // file reads each file itself
	}
	p.slots = make([]*slot, len(jobs))
	p.guess = make([]guess, len(jobs))
	for k := range p.slots {
		p.slots[k] = &slot{ready: make(chan struct{})}
		if c := jobs[k].comm; c != nil {
			p.guess[k] = guess{comm: true, platform: c.c.Platform}
		}
	}
	p.conv = make(chan *batch, 2*l.workers())
	p.free = make(chan *batch, (fileBatches+4)*l.workers())
	for range l.workers() {
		p.wg.Go(p.convert)
	}
	for range min(l.workers(), len(jobs)) {
		p.wg.Go(p.work)
	}
	return p
}

// convert runs in a converter: it converts the messages of the batches
// it is handed ahead, until the load ends.
func (p *pipeline) convert() {
	cv := &converter{ps: p.l.ps, now: p.l.now}
	for {
		select {
		case b := <-p.conv:
			if !p.cancel.Load() && !b.aborted.Load() {
				cv.batch(b)
			}
			close(b.done)
		case <-p.done:
			return
		}
	}
}

// batch converts the messages of b ahead.
func (cv *converter) batch(b *batch) {
	if len(b.msgs) == 0 {
		return
	}
	cv.pend = b.pend[:0]
	if cap(b.pre) < len(b.msgs) {
		b.pre = make([]pre, len(b.msgs), batchSize)
	}
	b.pre = b.pre[:len(b.msgs)]
	for i := range b.msgs {
		m := &b.msgs[i]
		cv.ahead(b.guess.of(m), m, &b.pre[i])
	}
	b.pend, cv.pend = cv.pend, nil
}

// stop ends the workers, which leave unread the files not applied, waits
// for them and closes those files.
func (p *pipeline) stop() {
	if p.slots == nil {
		return
	}
	p.cancel.Store(true)
	close(p.done)
	p.wg.Wait()
	for _, s := range p.slots {
		if s.applied {
			continue
		}
		if s.o.f != nil {
			s.o.f.Close()
		}
		if s.osf != nil {
			s.osf.Close()
		}
	}
}

func (p *pipeline) work() {
	for {
		p.mu.Lock()
		k := p.next
		p.next++
		p.mu.Unlock()
		if k >= len(p.jobs) || p.cancel.Load() {
			return
		}
		p.decode(k)
	}
}

// decode runs in a worker: it prepares file k and records its records
// into its slot's batches.
func (p *pipeline) decode(k int) {
	j, s := p.jobs[k], p.slots[k]
	if j.skip != "" || j.stdin {
		s.serial = true
		close(s.ready)
		return
	}
	osf, err := os.Open(j.abs)
	if err != nil {
		s.o = outcome{err: unwrapPathError(err)}
		close(s.ready)
		return
	}
	if isRegular(osf) {
		j.sibling = rawio.SiblingOpener(j.abs, j.limits)
	}
	s.osf = osf
	s.o = p.l.prepare(j, osf, osf, &p.cancel)
	if s.o.skip != "" || s.o.err != nil || s.o.zip {
		close(s.ready)
		return
	}
	s.batches = make(chan *batch, fileBatches)
	close(s.ready)
	g := p.guess[k]
	if !g.comm {
		g.platform = s.o.ff.Platform
	}
	r := &recorder{out: s.batches, conv: p.conv, free: p.free, done: p.done, aborted: s.o.aborted, guess: g}
	rerr := readSafely(s.o.ff, s.o.f, r)
	if rerr == nil {
		// Hash the rest of the file, as apply does when reading.
		if _, err := io.Copy(io.Discard, s.o.hr); err != nil {
			rerr = unwrapPathError(err)
		}
	}
	r.flush()
	s.rerr = rerr
	close(s.batches)
}

// file applies job k, which must follow the job applied before: it is
// loader.file, with the reading done by a worker.
func (p *pipeline) file(k int) (int, error) {
	j := p.jobs[k]
	if p.slots == nil {
		return p.l.file(j)
	}
	s := p.slots[k]
	<-s.ready
	s.applied = true
	if s.serial {
		return p.l.file(j)
	}
	defer p.l.m.done(j.rel) // as loader.file does
	if s.osf != nil {
		defer s.osf.Close()
	}
	if s.o.f != nil {
		defer s.o.f.Close()
	}
	return p.l.apply(j, s.o, s.osf, func(sk *sink) error {
		for b := range s.batches {
			<-b.done
			b.replay(sk)
			p.recycle(b)
		}
		return s.rerr
	})
}

// recycle keeps b, applied, for a recorder to fill again: its arrays
// are reused, not what they point to, which the load has copied (the
// sink keeps no pointer into a batch). What a refilled batch's arrays
// still hold past their new lengths is only a few batches' worth.
func (p *pipeline) recycle(b *batch) {
	b.ev, b.msgs, b.pre, b.pend = b.ev[:0], b.msgs[:0], b.pre[:0], b.pend[:0]
	select {
	case p.free <- b:
	default:
	}
}

// replay makes the sink calls of b.
func (b *batch) replay(s *sink) {
	for _, e := range b.ev {
		switch e.kind {
		case evMessage:
			var pc *pre
			if len(b.pre) > 0 {
				pc = &b.pre[e.i]
			}
			s.message(&b.msgs[e.i], pc)
		case evPanel:
			s.Panel(e.v.(*corpus.PanelObservation))
		case evProfile:
			s.Profile(e.v.(*rawio.RawProfile))
		case evReject:
			s.Reject(e.v.(*rawio.ParseError))
		case evGroup:
			s.Group(e.v.(*rawio.RawGroup))
		case evService:
			s.Service(e.v.(*rawio.RawService))
		}
	}
}

// recorder is the sink a worker's reader writes to: it copies each call
// (a reader may reuse what it passes) into batches. It takes group and
// service records, as sink does.
type recorder struct {
	out     chan<- *batch
	conv    chan<- *batch
	free    <-chan *batch
	done    <-chan struct{}
	b       *batch
	aborted *atomic.Bool
	guess   guess
}

func (r *recorder) newBatch() {
	select {
	case b := <-r.free:
		b.done, b.guess, b.aborted = make(chan struct{}), r.guess, r.aborted
		r.b = b
	default:
		r.b = &batch{ev: make([]event, 0, batchSize), done: make(chan struct{}), guess: r.guess, aborted: r.aborted}
	}
}

func (r *recorder) add(e event) {
	if r.b == nil {
		r.newBatch()
	}
	r.b.ev = append(r.b.ev, e)
	if len(r.b.ev) == batchSize {
		r.flush()
	}
}

func (r *recorder) flush() {
	if r.b == nil || len(r.b.ev) == 0 {
		return
	}
	b := r.b
	r.b = nil
	if r.aborted.Load() {
		return // nobody replays it any more
	}
	// To the converters first: a batch the file's channel holds is
	// converted, or the load has ended.
	select {
	case r.conv <- b:
	case <-r.done:
		return
	}
	select {
	case r.out <- b:
	case <-r.done:
	}
}

func (r *recorder) Message(m *rawio.RawMessage) {
	if r.b == nil {
		r.newBatch()
	}
	c := *m
	c.Hashtags = slices.Clone(m.Hashtags)
	c.Mentions = slices.Clone(m.Mentions)
	c.Links = slices.Clone(m.Links)
	r.b.msgs = append(r.b.msgs, c)
	r.add(event{kind: evMessage, i: int32(len(r.b.msgs) - 1)})
}

func (r *recorder) Panel(p *corpus.PanelObservation) {
	c := *p
	r.add(event{kind: evPanel, v: &c})
}

func (r *recorder) Profile(p *rawio.RawProfile) {
	c := *p
	r.add(event{kind: evProfile, v: &c})
}

func (r *recorder) Reject(err *rawio.ParseError) {
	r.add(event{kind: evReject, v: err})
}

func (r *recorder) Group(g *rawio.RawGroup) {
	c := *g
	r.add(event{kind: evGroup, v: &c})
}

func (r *recorder) Service(s *rawio.RawService) {
	c := *s
	r.add(event{kind: evService, v: &c})
}
