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

var (
	errUnknownZone = errors.New("unknown time zone")
	// errAmbiguousZone is the reason of abbreviations with several
	// offsets at the time they are written with; without the timezone
	// option it is a file-level error (see ambiguousZoneError).
	errAmbiguousZone = errors.New("ambiguous time-zone abbreviation")
	errZoneMismatch  = errors.New("time-zone abbreviation not used by the timezone option's zone")
)

// ambiguousZoneError is an abbreviation, such as CST or IST, that stood
// for several offsets at the time it is written with.
type ambiguousZoneError struct {
	abbr string
	uses []zoneUse
}

func (e *ambiguousZoneError) Error() string {
	return fmt.Sprintf("the time-zone abbreviation %s is ambiguous: %s; set the %q option to the zone of the account that made the export "+
		"(an IANA name such as %s, or an offset such as %s)", e.abbr, describeUses(e.uses), OptionTimezone, e.uses[0].Zone,
		strings.TrimPrefix(formatOffset(e.uses[0].Offset), "UTC"))
}

func (e *ambiguousZoneError) Is(target error) bool { return target == errAmbiguousZone }

// ctZone is the timezone option: the zone of times written without one,
// and of ambiguous abbreviations. It is an offset, or a location (for
// IANA names, whose offset depends on the date).
type ctZone struct {
	set    bool
	offset int
	loc    *time.Location
}

// offsetAt returns the zone's offset at local, a wall-clock time read as
// if in UTC.
func (z ctZone) offsetAt(local time.Time) int {
	if z.loc == nil {
		return z.offset
	}
	_, off := time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), 0, z.loc).Zone()
	return off
}

// parseZoneOption reads the timezone option: a numeric offset, an
// abbreviation of one offset, or an IANA name.
func parseZoneOption(s string) (ctZone, error) {
	if s == "" {
		return ctZone{}, nil
	}
	if off, ok := parseOffset(strings.ToUpper(s)); ok {
		return ctZone{set: true, offset: off}, nil
	}
	if s == "Z" || strings.EqualFold(s, "UTC") || strings.EqualFold(s, "GMT") {
		return ctZone{set: true}, nil
	}
	if uses, ok := zoneAbbrevs[strings.ToUpper(s)]; ok {
		var offsets []zoneUse
		for _, u := range uses {
			offsets = appendOffset(offsets, u)
		}
		if len(offsets) > 1 {
			return ctZone{}, fmt.Errorf("option %s: the abbreviation %s stands for %s: give an IANA name or an offset", OptionTimezone, strings.ToUpper(s), describeUses(offsets))
		}
		return ctZone{set: true, offset: offsets[0].Offset}, nil
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return ctZone{}, fmt.Errorf("option %s: unknown time zone %s", OptionTimezone, quote(s))
	}
	return ctZone{set: true, loc: loc}, nil
}

// zoneOffset returns the offset of zone (an abbreviation or a numeric
// offset) for local, a wall-clock time read as if in UTC. An abbreviation
// is read with the table of the tz database (zoneAbbrevs): when it stood
// for several offsets at that time, the timezone option def chooses among
// them; without it the error is an *ambiguousZoneError.
func zoneOffset(zone string, local time.Time, def ctZone) (int, error) {
	switch zone {
	case "UTC", "GMT", "Z", "UT":
		return 0, nil
	}
	abbr := strings.ToUpper(zone)
	if strings.ContainsAny(abbr, "+-") {
		if off, ok := parseOffset(abbr); ok { // +0200, UTC+2, gmt-05:00
			return off, nil
		}
	}
	uses, known := abbrevOffsets(abbr, local)
	switch {
	case !known:
		return 0, fmt.Errorf("%w %s", errUnknownZone, quote(zone))
	case len(uses) == 1:
		return uses[0].Offset, nil
	case !def.set:
		return 0, &ambiguousZoneError{abbr: abbr, uses: uses}
	}
	off := def.offsetAt(local)
	for _, u := range uses {
		if u.Offset == off {
			return off, nil
		}
	}
	return 0, fmt.Errorf("%w: %s is %s, the option's zone is at %s", errZoneMismatch, abbr, describeUses(uses), formatOffset(off))
}

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
		off, err := zoneOffset(zone, t, def)
		if err != nil {
			return time.Time{}, err
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
	// A CrowdTangle export has forty columns and more (statistics,
	// image texts, sponsor fields): only these are copied.
	t.use(append([]int{cURL, cID, cGroup, cPage, cCreated, cDate, cTime, cMessage, cLink, cShares}, cReact...)...)
	tc := newTimeCheck()
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
		m.Created, err = parseCTTime(stamp, zone)
		if errors.Is(err, errAmbiguousZone) {
			// Every post of the file has it: one file-level error.
			return fmt.Errorf("%s:%d: field %q: %w", f.Name, line, field, err)
		}
		if err == nil {
			err = tc.check(corpus.Facebook, m.Created)
		}
		if err != nil {
			reject(sink, f, line, field, err)
			continue
		}
		m.IDField, m.CreatedField = t.name(cURL), field
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
