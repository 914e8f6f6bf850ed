// Package progress shows how far a long step has gone, on a terminal
// only, with github.com/schollz/progressbar.
//
// A step shows nothing during its first Delay (two seconds): a short
// step stays silent. After that, a load shows one line, redrawn at most
// ten times a second:
//
//	load 3/12 files, 1,204,311 records  45% |████      | (310/690 MB, 38 MB/s) [8s:10s]
//
// — files done of files to read, records read (load.Counts), bytes read
// of the total with the rate, elapsed time and time left (from the rate
// so far); any other step (Step) shows a spinner with its elapsed time.
// When the writer is not a terminal (a log file, a pipe, a test's
// buffer), nothing at all is written: Load returns a nil hook and Step
// a no-op.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/faire-communaute/compendium/analysis/load"
)

// Delay is how long a step runs before its progress is shown.
const Delay = 2 * time.Second

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Load returns a hook for load.Options.OnProgress that draws the load's
// progress on w, labelled label, and a function that ends the bar (call
// it when the load returns). When w is not a terminal, the hook is nil
// and end does nothing.
func Load(w io.Writer, label string) (hook func(load.Counts), end func()) {
	if !IsTerminal(w) {
		return nil, func() {}
	}
	lb := newLoadBar(w, label, time.Now(), Delay)
	return lb.update, lb.end
}

// loadBar draws load.Counts, from delay after start.
type loadBar struct {
	w     io.Writer
	label string
	show  time.Time // when to start drawing
	now   func() time.Time

	mu  sync.Mutex
	bar *progressbar.ProgressBar
}

func newLoadBar(w io.Writer, label string, start time.Time, delay time.Duration) *loadBar {
	return &loadBar{w: w, label: label, show: start.Add(delay), now: time.Now}
}

func (lb *loadBar) update(c load.Counts) {
	lb.mu.Lock()
	defer lb.mu.Unlock()
	if lb.bar == nil {
		max := c.TotalBytes
		if max <= 0 {
			max = -1 // a spinner: the size is unknown
		}
		lb.bar = progressbar.NewOptions64(max,
			// Created at the first counts, so that its rate and time
			// left are measured from the load's start, but silent
			// until show.
			progressbar.OptionSetWriter(&gate{w: lb.w, show: lb.show, now: lb.now}),
			progressbar.OptionShowBytes(true),
			progressbar.OptionShowCount(),
			progressbar.OptionSetDescription(Describe(lb.label, c)),
			progressbar.OptionSetWidth(20),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionClearOnFinish(),
		)
	}
	if c.TotalBytes > 0 && c.TotalBytes != lb.bar.GetMax64() {
		lb.bar.ChangeMax64(c.TotalBytes) // a zip archive's members
	}
	lb.bar.Set64(c.Bytes)
	lb.bar.Describe(Describe(lb.label, c))
}

// gate discards what is written to it before show.
type gate struct {
	w    io.Writer
	show time.Time
	now  func() time.Time
}

func (g *gate) Write(p []byte) (int, error) {
	if g.now().Before(g.show) {
		return len(p), nil
	}
	return g.w.Write(p)
}

func (lb *loadBar) end() {
	lb.mu.Lock()
	defer lb.mu.Unlock()
	if lb.bar != nil {
		lb.bar.Finish()
		lb.bar.Clear()
		lb.bar.Exit()
	}
}

// Describe is the text before a load's bar: "load 3/12 files, 1,204,311
// records".
func Describe(label string, c load.Counts) string {
	return fmt.Sprintf("%s %d/%d files, %s records", label, c.Files, c.TotalFiles, thousands(c.Records))
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Step shows a spinner labelled label on w, with the time elapsed, from
// Delay after now until the returned function is called; nothing when w
// is not a terminal.
func Step(w io.Writer, label string) (end func()) {
	if !IsTerminal(w) {
		return func() {}
	}
	// Created now, so that its time counts from the step's start, but
	// silent until Delay has passed.
	bar := progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(&gate{w: w, show: time.Now().Add(Delay), now: time.Now}),
		progressbar.OptionSetDescription(label),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionClearOnFinish(),
	)
	bar.Add(1)
	var once sync.Once
	return func() {
		once.Do(func() {
			bar.Finish()
			bar.Exit()
		})
	}
}
