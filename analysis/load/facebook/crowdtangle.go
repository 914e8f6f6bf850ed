package facebook

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// zoneOffsets are the time-zone abbreviations CrowdTangle writes, in
// seconds east of UTC. CST is the US Central zone, as in CrowdTangle.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "WET": 0,
	"WEST": 3600, "BST": 3600, "CET": 3600,
	"CEST": 2 * 3600, "EET": 2 * 3600, "EEST": 3 * 3600,
	"EST": -5 * 3600, "EDT": -4 * 3600,
	"CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600,
	"PST": -8 * 3600, "PDT": -7 * 3600,
}

// parseOffset reads a numeric offset: +02, +0200, +02:00, -5, UTC+2,
// GMT-05:00.
func parseOffset(s string) (int, bool) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "UTC"), "GMT")
	if len(s) < 2 || (s[0] != '+' && s[0] != '-') {
		return 0, false
	}
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(s[1:], ":", "")
	var h, m int
	var err1, err2 error
	switch len(digits) {
	case 1, 2:
		h, err1 = strconv.Atoi(digits)
	case 3, 4:
		h, err1 = strconv.Atoi(digits[:len(digits)-2])
		m, err2 = strconv.Atoi(digits[len(digits)-2:])
	default:
		return 0, false
	}
	if err1 != nil || err2 != nil || h > 14 || m > 59 || strings.ContainsAny(digits, "+-") {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

// zoneOffset reads a time-zone abbreviation or a numeric offset.
func zoneOffset(z string) (int, bool) {
	if off, ok := zoneOffsets[z]; ok {
		return off, true
	}
	z = strings.ToUpper(z)
	if off, ok := zoneOffsets[z]; ok {
		return off, true
	}
	return parseOffset(z)
}

// ctZone is the zone of times written without one: an offset, or a
// location (for IANA names, whose offset depends on the date).
type ctZone struct {
	set    bool
	offset int
	loc    *time.Location
}

func parseZoneOption(s string) (ctZone, error) {
	if s == "" {
		return ctZone{}, nil
	}
	if off, ok := zoneOffset(s); ok {
		return ctZone{set: true, offset: off}, nil
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return ctZone{}, fmt.Errorf("option %s: unknown time zone %s", OptionTimezone, quote(s))
	}
	return ctZone{set: true, loc: loc}, nil
}

var errUnknownZone = errors.New("unknown time zone")

// parseCTTime reads a CrowdTangle time such as "2019-05-15 18:02:11 CEST"
// (seconds optional); a time without zone is read in def.
func parseCTTime(s string, def ctZone) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, zoned, ok := parseISO(s); ok && zoned {
		return t, nil // RFC 3339
	}
	dt, zone := s, ""
	// The zone is a third space-separated part after the date and clock.
	if i := strings.IndexByte(s, ' '); i >= 0 {
		if j := strings.IndexByte(s[i+1:], ' '); j >= 0 {
			dt, zone = s[:i+1+j], strings.TrimSpace(s[i+1+j+1:])
		}
	}
	t, zoned, ok := parseISO(dt)
	if !ok || zoned {
		var err error
		if t, err = time.Parse("2006-01-02 15:04", dt); err != nil {
			return time.Time{}, badTime(s)
		}
	}
	switch {
	case zone != "":
		off, ok := zoneOffset(zone)
		if !ok {
			return time.Time{}, fmt.Errorf("%w %s", errUnknownZone, quote(zone))
		}
		return t.Add(-time.Duration(off) * time.Second).UTC(), nil
	case !def.set:
		return time.Time{}, errNoZone
	case def.loc != nil:
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, def.loc).UTC(), nil
	default:
		return t.Add(-time.Duration(def.offset) * time.Second).UTC(), nil
	}
}

// ctReactionColumns are summed into Reactions.
var ctReactionColumns = []string{"Likes", "Love", "Wow", "Haha", "Sad", "Angry", "Care"}

func readCrowdTangle(f *rawio.File, sink rawio.Sink) error {
	zone, err := parseZoneOption(f.Options[OptionTimezone])
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	t, err := newTable(f, ',')
	if err != nil {
		return err
	}
	var (
		cURL     = t.col("URL")
		cID      = t.col("Facebook Id")
		cGroup   = t.col("Group Name")
		cPage    = t.col("Page Name")
		cCreated = t.col("Post Created")
		cDate    = t.col("Post Created Date")
		cTime    = t.col("Post Created Time")
		cMessage = t.col("Message")
		cLink    = t.col("Link")
		cShares  = t.col("Shares")
		cReact   []int
	)
	for _, name := range ctReactionColumns {
		if i := t.col(name); i >= 0 {
			cReact = append(cReact, i)
		}
	}
	if cURL < 0 {
		return fmt.Errorf("%s: %w: no URL column", f.Name, rawio.ErrShape)
	}
	if cCreated < 0 && cDate < 0 {
		return fmt.Errorf("%s: %w: no Post Created column", f.Name, rawio.ErrShape)
	}
	for {
		rec, line, perr, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if perr != nil {
			sink.Reject(perr)
			continue
		}
		u := strings.TrimSpace(get(rec, cURL))
		if u == "" {
			reject(sink, f, line, t.name(cURL), rawio.ErrMissing)
			continue
		}
		m := &rawio.RawMessage{Platform: corpus.Facebook, Kind: corpus.Post, Line: line}
		if m.ID = postIDFromURL(u); m.ID == "" {
			m.ID = u
		}
		m.ThreadID = m.ID
		for _, c := range []int{cID, cGroup, cPage} {
			if g := strings.TrimSpace(get(rec, c)); g != "" {
				m.Group = g
				break
			}
		}
		field, stamp := t.name(cCreated), strings.TrimSpace(get(rec, cCreated))
		if stamp == "" && cDate >= 0 {
			field, stamp = t.name(cDate), strings.TrimSpace(get(rec, cDate)+" "+get(rec, cTime))
		}
		if stamp == "" {
			reject(sink, f, line, field, rawio.ErrMissing)
			continue
		}
		if m.Created, err = parseCTTime(stamp, zone); err != nil {
			reject(sink, f, line, field, err)
			continue
		}
		bad := false
		for _, c := range cReact {
			n, err := count(get(rec, c))
			if err != nil {
				reject(sink, f, line, t.name(c), err)
				bad = true
				break
			}
			m.Reactions += n
		}
		if bad {
			continue
		}
		if m.Shares, err = count(get(rec, cShares)); err != nil {
			reject(sink, f, line, t.name(cShares), err)
			continue
		}
		m.Text = get(rec, cMessage)
		if l := strings.TrimSpace(get(rec, cLink)); l != "" {
			m.Links = []string{l}
		}
		sink.Message(m)
	}
}
