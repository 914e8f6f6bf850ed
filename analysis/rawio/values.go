package rawio

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// timeWords are the words a time or a count may hold, which Quote shows
// as written: English and French month and day names and their
// abbreviations, and the like.
var timeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
		janvier fevrier février mars avril mai juin juillet aout août septembre octobre novembre decembre décembre
		janv fevr févr avr juil sept déc
		lundi mardi mercredi jeudi vendredi samedi dimanche lun mer jeu ven sam dim
		am pm utc gmt at à le h min k m none null nan na true false`) {
		m[w] = true
	}
	return m
}()

// Quote quotes a bad value for a rejection reason without revealing a
// name or a handle it might hold: digits, punctuation and spaces are
// shown, as are single letters, month and day names, words of up to five
// capitals (time-zone abbreviations such as CEST or BRT) and the like;
// any other word is shown as its first letter and "…". The result is cut
// to 40 characters. So "31/08/2016 25:61" and "Sat Mar 02 10:00:00 BRT
// 2019" read as written, and "Zephyrine Quillbottom" as "Z… Q…".
func Quote(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && r != '_' {
			b.WriteRune(r)
			i += size
			continue
		}
		j := i
		for j < len(s) {
			q, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(q) && !unicode.IsMark(q) && q != '_' && !unicode.IsDigit(q) {
				break
			}
			j += n
		}
		word := s[i:j]
		if showWord(word) {
			b.WriteString(word)
		} else {
			b.WriteRune(r)
			b.WriteString("…")
		}
		i = j
	}
	out := b.String()
	const maxRunes = 40
	if utf8.RuneCountInString(out) > maxRunes {
		rs := []rune(out)
		out = string(rs[:maxRunes]) + "…"
	}
	return strconv.Quote(out)
}

func showWord(w string) bool {
	n := utf8.RuneCountInString(w)
	if n == 1 || timeWords[strings.ToLower(w)] {
		return true
	}
	if n <= 5 && strings.ToUpper(w) == w && strings.IndexFunc(w, unicode.IsDigit) < 0 {
		return true
	}
	// A letter glued to digits, as in "12h30" or "2019T": show the digits.
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters <= 1
}

// ErrImplausibleTime is the reason of times no message can have.
var ErrImplausibleTime = errors.New("implausible time")

// Epochs are the first days a platform carried messages: a message of
// Facebook before 4 February 2004 or of Twitter before 21 March 2006 is a
// misread time (an epoch in the wrong unit, a year 0001 or 0000). The
// dates are the platforms' public launches: Reddit 23 June 2005, WhatsApp
// 24 February 2009 (the company's founding, before its first release),
// Discourse 1 January 2012 (a year before its public release of 5
// February 2013: the forums of its private beta, such as
// try.discourse.org, hold posts from before that day), Telegram 14
// August 2013, Mastodon 16 March 2016 (first release), Bluesky 1
// November 2022 (first posts of its closed beta).
var Epochs = map[corpus.Platform]time.Time{
	corpus.Facebook:  time.Date(2004, 2, 4, 0, 0, 0, 0, time.UTC),
	corpus.Twitter:   time.Date(2006, 3, 21, 0, 0, 0, 0, time.UTC),
	corpus.Reddit:    time.Date(2005, 6, 23, 0, 0, 0, 0, time.UTC),
	corpus.WhatsApp:  time.Date(2009, 2, 24, 0, 0, 0, 0, time.UTC),
	corpus.Discourse: time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC),
	corpus.Telegram:  time.Date(2013, 8, 14, 0, 0, 0, 0, time.UTC),
	corpus.Mastodon:  time.Date(2016, 3, 16, 0, 0, 0, 0, time.UTC),
	corpus.Bluesky:   time.Date(2022, 11, 1, 0, 0, 0, 0, time.UTC),
}

// earliest is the epoch of platforms without one in Epochs.
var earliest = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// CheckTime returns an error wrapping ErrImplausibleTime when t cannot be
// the time of a message of platform read at now: before the platform's
// epoch (see Epochs; 1990 for others), or more than a day after now.
func CheckTime(platform corpus.Platform, t, now time.Time) error {
	first, ok := Epochs[platform]
	if !ok {
		first = earliest
	}
	switch {
	case t.Before(first):
		return fmt.Errorf("%w: %s is before %s existed (%s)", ErrImplausibleTime, t.UTC().Format(time.RFC3339), platformName(platform), first.Format(time.DateOnly))
	case t.After(now.Add(24 * time.Hour)):
		return fmt.Errorf("%w: %s is after the load (%s)", ErrImplausibleTime, t.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	return nil
}

func platformName(p corpus.Platform) string {
	if p == 0 {
		return "the platforms studied"
	}
	return p.String()
}

// ErrBadID is the reason of ids no message can have.
var ErrBadID = errors.New("not a message id")

// MaxIDBytes is the longest message id accepted.
const MaxIDBytes = 128

// CheckID returns an error wrapping ErrBadID when id cannot be a message
// id of platform: an id holding a space or a control character, longer
// than MaxIDBytes, or, on Twitter, anything but 1 to 20 decimal digits
// (tweet ids are 64-bit integers). Facebook ids take many shapes
// (numbers, "group_post" pairs, Netvizz hashes, tools' own keys) and are
// not checked further.
func CheckID(platform corpus.Platform, id string) error {
	if len(id) > MaxIDBytes {
		return fmt.Errorf("%w: longer than %d bytes", ErrBadID, MaxIDBytes)
	}
	for _, r := range id {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError {
			return fmt.Errorf("%w: holds a space or control character: %s", ErrBadID, Quote(id))
		}
	}
	if platform == corpus.Twitter {
		if len(id) > 20 || !allDigits(id) {
			return fmt.Errorf("%w: a tweet id is 1 to 20 digits, not %s", ErrBadID, Quote(id))
		}
	}
	return nil
}
