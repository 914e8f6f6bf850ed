package facebook

//go:generate go run ./internal/zonegen -o zones_table.go

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// zoneUse is one offset a time-zone abbreviation had in the tz database:
// in some zone (Zone, an example), from From to To (Unix seconds; uses
// less than 400 days apart are merged into one span).
type zoneUse struct {
	Offset   int // seconds east of UTC
	From, To int64
	Zone     string
}

const forever = math.MaxInt64

// zoneSlack widens the spans of uses, so that a time written just before
// a zone changed its rules (by an exporter whose tables lagged) still
// finds its offset.
const zoneSlack = 2 * 24 * 3600

// abbrevOffsets returns the offsets that abbreviation abbr (upper-cased)
// had around local, a wall-clock time read as if in UTC: those of the
// uses whose span holds local minus their offset. When no use is that
// close, it returns every offset the abbreviation had since 2004. known is
// false for an abbreviation the table does not hold. The common case, one
// offset, allocates nothing: uses is then a slice of the table, not to
// be modified.
func abbrevOffsets(abbr string, local time.Time) (uses []zoneUse, known bool) {
	all, known := zoneAbbrevs[abbr]
	if !known {
		return nil, false
	}
	sec := local.Unix()
	first := -1 // the first use in the span, while it is the only offset
	for i, u := range all {
		at := sec - int64(u.Offset)
		if at < u.From-zoneSlack || (u.To != forever && at >= u.To+zoneSlack) {
			continue
		}
		switch {
		case uses != nil:
			uses = appendOffset(uses, u)
		case first < 0:
			first = i
		case all[first].Offset != u.Offset:
			uses = appendOffset([]zoneUse{all[first]}, u)
		}
	}
	switch {
	case uses != nil:
		return uses, true
	case first >= 0:
		return all[first : first+1], true
	}
	for _, u := range all {
		uses = appendOffset(uses, u)
	}
	return uses, true
}

// appendOffset appends u unless a use of the same offset is there.
func appendOffset(uses []zoneUse, u zoneUse) []zoneUse {
	for _, v := range uses {
		if v.Offset == u.Offset {
			return uses
		}
	}
	return append(uses, u)
}

// formatOffset writes an offset as UTC+05:30.
func formatOffset(off int) string {
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("UTC%c%02d:%02d", sign, off/3600, off/60%60)
}

// describeUses writes the offsets of an ambiguous abbreviation with an
// example zone each, e.g. "UTC-06:00 (America/Chicago) or UTC+08:00
// (Asia/Shanghai)".
func describeUses(uses []zoneUse) string {
	uses = append([]zoneUse(nil), uses...)
	sort.Slice(uses, func(i, j int) bool { return uses[i].Offset < uses[j].Offset })
	parts := make([]string, len(uses))
	for i, u := range uses {
		parts[i] = fmt.Sprintf("%s (%s)", formatOffset(u.Offset), u.Zone)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
