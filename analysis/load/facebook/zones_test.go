package facebook

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"
)

// Every use of the zone table is what the tz database says: the example
// zone, loaded by the time package, shows the abbreviation with that
// offset at some instant of the span, unless the use comes from tzdata
// 2016j (historic.txt), whose abbreviations today's database replaced.
func TestZoneTable(t *testing.T) {
	historic := map[string]bool{}
	f, err := os.Open("internal/zonegen/historic.txt")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fs := strings.Fields(sc.Text()); len(fs) == 6 && !strings.HasPrefix(fs[0], "#") {
			historic[fs[0]+" "+fs[1]] = true
		}
	}
	f.Close()
	if len(historic) < 100 {
		t.Fatalf("%d historic uses", len(historic))
	}
	checked := 0
	for abbr, uses := range zoneAbbrevs {
		for _, u := range uses {
			loc, err := time.LoadLocation(u.Zone)
			if err != nil {
				t.Errorf("%s: zone %s: %v", abbr, u.Zone, err)
				continue
			}
			to := u.To
			if to == forever {
				to = time.Now().Unix()
			}
			found := false
			for at := u.From; at < to+1 && !found; at += 7 * 24 * 3600 {
				name, off := time.Unix(at, 0).In(loc).Zone()
				found = strings.EqualFold(name, abbr) && off == u.Offset
			}
			switch {
			case found:
				checked++
			case !historic[abbr+" "+itoa(u.Offset)]:
				t.Errorf("%s %s in %s from %s: not in the time package's data", abbr, formatOffset(u.Offset), u.Zone, time.Unix(u.From, 0).UTC())
			}
		}
	}
	if checked < 55 {
		t.Errorf("%d uses checked", checked)
	}
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
