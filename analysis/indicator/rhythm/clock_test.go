package rhythm

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// parisClock gives t.In(corpus.Paris)'s weekday and hour: on instants
// one second around every change of offset from 1900 to 2040, on random
// instants from year 1 to 2200 taken in order and out of order, and on
// the zero time.
func TestParisClock(t *testing.T) {
	var times []time.Time
	for u := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); u.Year() < 2040; {
		_, end := u.In(corpus.Paris).ZoneBounds()
		if end.IsZero() {
			break
		}
		times = append(times, end.Add(-time.Second), end.Add(-time.Nanosecond), end, end.Add(time.Nanosecond), end.Add(time.Second))
		u = end
	}
	if len(times) < 5*150 { // summer time every year since 1976, and before
		t.Fatalf("%d offset changes, want at least 150", len(times)/5)
	}
	r := rand.New(rand.NewPCG(16, 5))
	lo, hi := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	for range 20_000 {
		times = append(times, time.Unix(lo+r.Int64N(hi-lo), r.Int64N(1e9)).UTC())
	}
	for range 20_000 { // runs of nearby instants, as messages come
		times = append(times, times[len(times)-1].Add(time.Duration(r.Int64N(int64(48*time.Hour)))-time.Hour))
	}
	times = append(times, time.Time{})
	var c parisClock
	for _, tm := range times {
		d, h := c.at(tm)
		p := tm.In(corpus.Paris)
		if d != Weekday(tm) || h != p.Hour() {
			t.Fatalf("%v (%v in Paris): weekday %d, hour %d; want %d, %d", tm, p, d, h, Weekday(tm), p.Hour())
		}
	}
}
