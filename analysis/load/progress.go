package load

import (
	"os"
	"sync"
)

// Counts is how far a load has gone, as given to Options.OnProgress.
type Counts struct {
	// Files counts the files done: read, failed or skipped; a zip
	// archive counts once and each of its members once more.
	Files int
	// TotalFiles is the number of files to read, known before reading;
	// a zip archive's members are added when it is opened.
	TotalFiles int
	// Bytes counts the bytes read from raw files, as stored (a gzip
	// file's compressed bytes); a zip archive's are its members'
	// decompressed bytes.
	Bytes int64
	// TotalBytes is the sum of the sizes of the files to read, known
	// before reading (a zip archive's size is replaced by its members'
	// decompressed sizes when it is opened); standard input and pipes
	// add nothing, so Bytes may pass it.
	TotalBytes int64
	// Records counts the records read so far (FileReport.Records), in
	// the files done and the one being read.
	Records int
	// File is the file being read, or the last one done.
	File string
}

// progressStep is how many bytes are read between two calls of
// Options.OnProgress within a file.
const progressStep = 1 << 20

// meter keeps the Counts of a load and calls Options.OnProgress: after
// every progressStep bytes read and after every file done, so that its
// last call, after the last file, has the load's exact totals.
type meter struct {
	fn      func(Counts)
	mu      sync.Mutex
	c       Counts
	rep     *Report
	pending int64 // bytes read since the last call
}

func newMeter(fn func(Counts), rep *Report) *meter {
	if fn == nil {
		return nil
	}
	return &meter{fn: fn, rep: rep}
}

// plan adds files to read, their sizes stat'ed now (a file that cannot
// be stat'ed, standard input, a pipe add no bytes).
func (m *meter) plan(paths []string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, p := range paths {
		m.c.TotalFiles++
		if p == "" {
			continue
		}
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			m.c.TotalBytes += fi.Size()
		}
	}
}

// zip replaces a zip archive's size in the totals by its members'.
func (m *meter) zip(size int64, members int, decompressed int64) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.c.TotalFiles += members
	m.c.TotalBytes += decompressed - size
	m.mu.Unlock()
}

// reading starts file fr.
func (m *meter) reading(fr *FileReport) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.c.File = fr.Path
	m.mu.Unlock()
}

// read counts n bytes read.
func (m *meter) read(n int) {
	if m == nil || n <= 0 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.c.Bytes += int64(n)
	m.pending += int64(n)
	if m.pending >= progressStep {
		m.call()
	}
}

// unread takes back n bytes counted (a zip archive's head: its members'
// bytes are counted instead).
func (m *meter) unread(n int64) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.c.Bytes -= n
	m.pending -= n
	m.mu.Unlock()
}

// done ends a file, named path.
func (m *meter) done(path string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.c.Files++
	m.c.File = path
	m.c.Records = m.rep.Records
	m.call()
}

// call gives the counts to fn; m.mu is held. Records are those of the
// files done (done sets them): bytes are counted as they are read, which
// may be in a worker decoding a file ahead (Options.Workers), while
// records are counted by the load's own goroutine.
func (m *meter) call() {
	m.pending = 0
	m.fn(m.c)
}
