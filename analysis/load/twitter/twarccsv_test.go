package twitter

import (
	"encoding/csv"
	"fmt"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// csvFirstThree checks the three rows shared by tweets.csv and its
// spreadsheet re-save.
func csvFirstThree(t *testing.T, rec *recorder) {
	t.Helper()
	check(t, rec.msgs[0], want{ID: t1, Kind: "tweet", Thread: t1, Author: alice,
		Created: "2022-03-05T21:14:07Z", Text: "Garde de nuit\nencore #DocTocToc #MG @dr_bob https://t.co/abc",
		Reactions: 5, Shares: 2, Hashtags: []string{"DocTocToc", "MG"},
		Mentions: []rawio.Person{{Handle: "dr_bob"}}, Links: []string{"https://example.org/garde"}, Line: 2})
	check(t, rec.msgs[1], want{ID: t2, Kind: "reply", Parent: t1, Thread: t1, Author: bob,
		Created: "2022-03-05T21:20:00Z", Text: "@doc_alice courage !\nOn tient bon, \"vraiment\".", Reactions: 1,
		Mentions: []rawio.Person{{Handle: "doc_alice"}}, Line: 3})
	// pandas wrote the counts of this row as floats.
	check(t, rec.msgs[2], want{ID: t3, Kind: "retweet", Ref: t1, Thread: t3, Author: carla,
		Created: "2022-03-05T22:01:30Z", Text: "Garde de nuit\nencore", Reactions: 5, Shares: 2,
		Hashtags: []string{"DocTocToc", "MG"}, Mentions: []rawio.Person{{Handle: "dr_bob"}}, Line: 5})
}

func TestTwarcCSV(t *testing.T) {
	const file = "testdata/twarc-csv/tweets.csv"
	rec := readFormat(t, file, TwarcCSV)
	if len(rec.msgs) != 4 || len(rec.rejects) != 4 {
		t.Fatalf("got %d messages and %d rejects (%v), want 4 and 4", len(rec.msgs), len(rec.rejects), rec.rejects)
	}
	csvFirstThree(t, rec)
	check(t, rec.msgs[3], want{ID: t5, Kind: "quote", Ref: t1, Thread: t5, Author: carla,
		Created: "2022-03-06T08:00:00Z", Text: "Tellement vrai", Reactions: 1040, Line: 9})

	checkReject(t, rec.rejects[0], file, 6, "", rawio.ErrShape)
	checkReject(t, rec.rejects[1], file, 7, "id", rawio.ErrBadNumber)
	checkReject(t, rec.rejects[2], file, 8, "created_at", rawio.ErrBadTime)
	// The last record opens a quote that never closes: rejected at the
	// column of that quote.
	checkReject(t, rec.rejects[3], file, 10, "", csv.ErrQuote)
	if rec.rejects[3].Column != 82 {
		t.Errorf("unclosed quote: column %d, want 82, the quote's", rec.rejects[3].Column)
	}
	for _, e := range rec.rejects {
		t.Logf("%v", e)
	}
}

// The same rows after a French spreadsheet saved them: ';', BOM, CRLF.
func TestTwarcCSVSpreadsheet(t *testing.T) {
	rec := readFormat(t, "testdata/twarc-csv/excel_fr.csv", TwarcCSV)
	if len(rec.msgs) != 3 || len(rec.rejects) != 0 {
		t.Fatalf("got %d messages and %d rejects (%v), want 3 and 0", len(rec.msgs), len(rec.rejects), rec.rejects)
	}
	csvFirstThree(t, rec)
}

// Older twarc-csv: text JSON-encoded, entities as objects, references as
// a JSON list.
func TestTwarcCSVOldVersion(t *testing.T) {
	rec := readFormat(t, "testdata/twarc-csv/old_version.csv", TwarcCSV)
	if len(rec.msgs) != 1 || len(rec.rejects) != 0 {
		t.Fatalf("got %d messages and %d rejects (%v), want 1 and 0", len(rec.msgs), len(rec.rejects), rec.rejects)
	}
	check(t, rec.msgs[0], want{ID: t4, Kind: "reply", Parent: t2, Ref: "1400000000000000000", Thread: t1,
		Author: bob, Created: "2022-03-06T07:02:59Z", Text: "Et aussi\n@dr_bob ça https://t.co/q", Reactions: 2,
		Hashtags: []string{"MG"}, Mentions: []rawio.Person{handleOf(bob)},
		Links: []string{"https://twitter.com/someone/status/1400000000000000000"}, Line: 2})
}

func TestTwarcCSVHeader(t *testing.T) {
	f, err := rawio.NewFile("h.csv", stringsReader("id,text,author_id\n1,a,2\n"))
	if err != nil {
		t.Fatal(err)
	}
	fm, _ := rawio.Lookup(TwarcCSV)
	err = fm.Read(f, &recorder{})
	if pe, ok := err.(*rawio.ParseError); !ok || pe.Field != "created_at" || pe.Line != 1 {
		t.Errorf("header without created_at: %v", err)
	}
}

func TestCSVText(t *testing.T) {
	for in, want := range map[string]string{
		`a\nb`:            "a\nb",
		`"a\nb \u00e9"`:   "a\nb é",
		`"quoted" words"`: `"quoted" words"`,
		``:                ``,
	} {
		r := &twarcCSVReader{depth: rawio.DefaultDepth}
		if got := r.csvText(in); got != want {
			t.Errorf("csvText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStringList(t *testing.T) {
	for in, want := range map[string]string{
		`["#a", "#b"]`: "[#a #b] true",
		`[]`:           "[] true",
		` [ "x" ] `:    "[x] true",
		`["a\"b"]`:     "[] false",
		`["a",]`:       "[] false",
		`["a" "b"]`:    "[] false",
		`[1]`:          "[] false",
		`["unclosed]`:  "[] false",
		`{"tag": "x"}`: "[] false",
	} {
		got, ok := stringList(in)
		if s := fmt.Sprint(got, " ", ok); s != want {
			t.Errorf("stringList(%q) = %s, want %s", in, s, want)
		}
	}
}
