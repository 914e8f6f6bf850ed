package notebook

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
	"github.com/faire-communaute/compendium/analysis/stats"
)

func TestSnakeCase(t *testing.T) {
	for in, want := range map[string]string{
		"Messages":            "messages",
		"MessagesPerDay":      "messages_per_day",
		"KMMedianMin":         "km_median_min",
		"Top10Share":          "top_10_share",
		"Growth30d":           "growth_30d",
		"PanelPosts30d":       "panel_posts_30d",
		"MedianFirstReplyMin": "median_first_reply_min",
		"ID":                  "id",
		"A":                   "a",
		"Chi2":                "chi2",
		"RetentionM1":         "retention_m1",
	} {
		if got := snakeCase(in); got != want {
			t.Errorf("snakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}

type frameRow struct {
	Profession corpus.Profession
	Messages   int
	Share      float64
	HasPanel   bool
	When       time.Time
	Renamed    uint8 `dataframe:"n"`
	Hidden     int   `dataframe:"-"`
	Kind       corpus.Kind
	Nested     []int // left out
	unexported int
}

func TestFrameColumnsAndValues(t *testing.T) {
	at := time.Date(2019, 5, 15, 12, 0, 0, 0, time.FixedZone("CEST", 7200))
	df := Frame([]frameRow{
		{corpus.GP, 3, 0.25, true, at, 7, 1, corpus.Comment, []int{1}, 2},
		{corpus.HomeCareAide, 0, math.NaN(), false, at, 0, 1, 0, nil, 2},
	})
	if df.Err != nil {
		t.Fatal(df.Err)
	}
	if got, want := strings.Join(df.Names(), ","), "profession,messages,share,has_panel,when,n,kind"; got != want {
		t.Fatalf("columns %s, want %s", got, want)
	}
	recs := df.Records()
	want := [][]string{
		{"profession", "messages", "share", "has_panel", "when", "n", "kind"},
		{"general-practitioner", "3", "0.250000", "true", "2019-05-15T10:00:00Z", "7", "comment"},
		{"home-care-aide", "0", "NaN", "false", "2019-05-15T10:00:00Z", "0", ""},
	}
	for i := range want {
		if strings.Join(recs[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %v, want %v", i, recs[i], want[i])
		}
	}
	if v, _ := df.Col("messages").Int(); v[0] != 3 {
		t.Errorf("messages is not an Int column: %v", v)
	}
	if df := Frame([]int{1, 2}); df.Err == nil {
		t.Error("a frame of ints has no error")
	}
}

func TestGroupFrameOrderAndColumns(t *testing.T) {
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "b", Profession: corpus.HomeCareAide}, {ID: "a", Profession: corpus.HomeCareAide}},
		Messages: []corpus.Message{
			{Community: "a", ID: "1", Created: time.Date(2019, 5, 13, 10, 0, 0, 0, time.UTC)}, // Monday 12:00 Paris
			{Community: "a", ID: "2", Created: time.Date(2019, 5, 18, 10, 0, 0, 0, time.UTC)}, // Saturday
			{Community: "b", ID: "3", Created: time.Date(2019, 5, 13, 20, 0, 0, 0, time.UTC)}, // Monday 22:00 Paris
		},
	}
	type off struct {
		Messages, OffHours int
	}
	df := GroupFrame(rhythm.Measure(c), func(g rhythm.Group) off { return off{g.Grid.Total(), g.Grid.OffHours()} })
	if df.Err != nil {
		t.Fatal(df.Err)
	}
	got := df.Records()
	want := "community,profession,messages,off_hours|a,home-care-aide,2,1|b,home-care-aide,1,1|*,home-care-aide,3,2"
	var lines []string
	for _, r := range got {
		lines = append(lines, strings.Join(r, ","))
	}
	if strings.Join(lines, "|") != want {
		t.Errorf("frame\n%s\nwant\n%s", strings.Join(lines, "|"), want)
	}

	// A field named like the group's own columns is left out.
	type dup struct {
		Community string
		Messages  int
	}
	df = GroupFrame(indicator.Communities(rhythm.Measure(c)), func(g rhythm.Group) dup { return dup{"x", g.Grid.Total()} })
	if got := strings.Join(df.Names(), ","); df.Err != nil || got != "community,profession,messages" || df.Elem(0, 0).String() != "a" {
		t.Errorf("columns %s (%v), first community %v", got, df.Err, df.Elem(0, 0))
	}

	// One row per element of each group's series, groups in order.
	sf := SeriesFrame(indicator.Communities(rhythm.Measure(c)), func(g rhythm.Group) []off {
		return []off{{g.Grid.Total(), 0}, {0, g.Grid.OffHours()}}
	})
	if sf.Nrow() != 4 || sf.Elem(0, 0).String() != "a" || sf.Elem(2, 0).String() != "b" || sf.Elem(3, 3).String() != "1" {
		t.Errorf("series frame:\n%v", sf)
	}
}

func TestEach(t *testing.T) {
	got := Each([]int{3, 0, 5}, func(n int) string {
		if n == 0 {
			return ""
		}
		return strings.Repeat("x", n)
	})
	if got != "xxx ; xxxxx" {
		t.Errorf("Each = %q", got)
	}
	if got := Each(nil, func(int) string { return "x" }); got != "" {
		t.Errorf("Each of nothing = %q", got)
	}
}

// TestFrameEstimate checks that an interval field becomes three columns:
// its value, then its bounds.
func TestFrameEstimate(t *testing.T) {
	type row struct {
		Threads   int
		ReplyRate stats.Estimate
	}
	df := Frame([]row{{5, stats.Wilson(3, 5, 0, "threads")}, {0, stats.Wilson(0, 0, 0, "threads")}})
	if got, want := strings.Join(df.Names(), ","), "threads,reply_rate,reply_rate_lo,reply_rate_hi"; got != want {
		t.Fatalf("columns %s, want %s", got, want)
	}
	recs := df.Records()
	if got, want := strings.Join(recs[1], "|"), "5|0.600000|0.230724|0.882379"; got != want {
		t.Errorf("row 1 = %s, want %s", got, want)
	}
	if got, want := strings.Join(recs[2], "|"), "0|NaN|NaN|NaN"; got != want {
		t.Errorf("row 2 = %s, want %s", got, want)
	}
}
