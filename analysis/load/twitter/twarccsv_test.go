package twitter

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// csvFirstThree checks the three rows shared by tweets.csv and its
// spreadsheet re-save.
func csvFirstThree(t *testing.T, rec *recorder) {
	t.Helper()
	check(t, rec.Msgs[0], want{ID: t1, Kind: "tweet", Thread: t1, Author: alice,
		Created: "2022-03-05T21:14:07Z", Text: "Garde de nuit\nencore #DocTocToc #MG @dr_bob https://t.co/abc",
		Reactions: 5, Shares: 2, Hashtags: []string{"DocTocToc", "MG"},
		Mentions: []rawio.Person{{Handle: "dr_bob"}}, Links: []string{"https://example.org/garde"}, Line: 2})
	check(t, rec.Msgs[1], want{ID: t2, Kind: "reply", Parent: t1, Thread: t1, Author: bob,
		Created: "2022-03-05T21:20:00Z", Text: "@doc_alice courage !\nOn tient bon, \"vraiment\".", Reactions: 1,
		Mentions: []rawio.Person{{Handle: "doc_alice"}}, ReplyTo: handleOf(alice), Line: 3})
	// pandas wrote the counts of this row as floats.
	check(t, rec.Msgs[2], want{ID: t3, Kind: "retweet", Ref: t1, Thread: t3, Author: carla,
		Created: "2022-03-05T22:01:30Z", Text: "Garde de nuit\nencore", Reactions: 5, Shares: 2,
		Hashtags: []string{"DocTocToc", "MG"}, Mentions: []rawio.Person{{Handle: "dr_bob"}}, Line: 5})
}

func TestTwarcCSV(t *testing.T) {
	const file = "testdata/twarc-csv/tweets.csv"
	rec := readFormat(t, file, TwarcCSV)
	if len(rec.Msgs) != 4 || len(rec.Rejects) != 4 {
		t.Fatalf("got %d messages and %d rejects (%v), want 4 and 4", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	csvFirstThree(t, rec)
	check(t, rec.Msgs[3], want{ID: t5, Kind: "quote", Ref: t1, Thread: t5, Author: carla,
		Created: "2022-03-06T08:00:00Z", Text: "Tellement vrai", Reactions: 1040, Line: 9})

	checkReject(t, rec.Rejects[0], file, 6, "", rawio.ErrShape)
	checkReject(t, rec.Rejects[1], file, 7, "id", rawio.ErrBadNumber)
	checkReject(t, rec.Rejects[2], file, 8, "created_at", rawio.ErrBadTime)
	// The last record opens a quote that never closes: rejected at the
	// column of that quote.
	checkReject(t, rec.Rejects[3], file, 10, "", csv.ErrQuote)
	if rec.Rejects[3].Column != 82 {
		t.Errorf("unclosed quote: column %d, want 82, the quote's", rec.Rejects[3].Column)
	}
	for _, e := range rec.Rejects {
		t.Logf("%v", e)
	}
}

// The same rows after a French spreadsheet saved them: ';', BOM, CRLF.
func TestTwarcCSVSpreadsheet(t *testing.T) {
	rec := readFormat(t, "testdata/twarc-csv/excel_fr.csv", TwarcCSV)
	if len(rec.Msgs) != 3 || len(rec.Rejects) != 0 {
		t.Fatalf("got %d messages and %d rejects (%v), want 3 and 0", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	csvFirstThree(t, rec)
}

// Older twarc-csv: text JSON-encoded, entities as objects, references as
// a JSON list.
func TestTwarcCSVOldVersion(t *testing.T) {
	rec := readFormat(t, "testdata/twarc-csv/old_version.csv", TwarcCSV)
	if len(rec.Msgs) != 1 || len(rec.Rejects) != 0 {
		t.Fatalf("got %d messages and %d rejects (%v), want 1 and 0", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	check(t, rec.Msgs[0], want{ID: t4, Kind: "reply", Parent: t2, Ref: "1400000000000000000", Thread: t1,
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

// csvRows writes a twarc-csv file of n rows (lines 2 to n+1), each row i
// holding text(i) in its text column, unquoted.
func csvRows(n int, text func(i int) string) []byte {
	var b strings.Builder
	b.WriteString(csvHead + "\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d,2022-03-05T21:14:07.000Z,%s,7,x,,,1\n", 1500000000000000000+i, text(i))
	}
	return []byte(b.String())
}

// A quote that never closes, or closes hundreds of lines later, used to
// swallow every row after it (encoding/csv read them as one field): the
// rows after it now load, and only the rows holding the stray quotes are
// rejected.
func TestTwarcCSVStrayQuote(t *testing.T) {
	cases := []struct {
		name    string
		text    func(i int) string
		rejects []int // lines
	}{
		{"never closed", func(i int) string {
			if i == 2 { // line 3
				return `"début`
			}
			return "texte"
		}, []int{3}},
		{"closed 500 lines later", func(i int) string {
			switch i {
			case 2: // line 3
				return `"début`
			case 502: // line 503
				return `fin"`
			}
			return "texte"
		}, []int{3, 503}},
	}
	for _, c := range cases {
		raw := csvRows(1000, c.text)
		rc, err := readLimited(t, "tweets.csv", raw, TwarcCSV, rawio.Limits{})
		if err != nil || len(rc.Msgs)+len(rc.Rejects) != 1000 || len(rc.Rejects) != len(c.rejects) {
			t.Errorf("%s: %v, %d messages and %d rejects (%v), want %d and %d", c.name, err, len(rc.Msgs), len(rc.Rejects), rc.Rejects, 1000-len(c.rejects), len(c.rejects))
			continue
		}
		for i, e := range rc.Rejects {
			if e.Line != c.rejects[i] {
				t.Errorf("%s: reject %v, want line %d", c.name, e, c.rejects[i])
			}
		}
		if !errors.Is(rc.Rejects[0], csv.ErrQuote) || rc.Rejects[0].Column != 46 {
			t.Errorf("%s: reject %v (column %d), want an open quote at column 46", c.name, rc.Rejects[0], rc.Rejects[0].Column)
		}
		if m := rc.Msgs[1]; m.ID != "1500000000000000003" || m.Line != 4 || m.Text != "texte" {
			t.Errorf("%s: second message %s at line %d: %q", c.name, m.ID, m.Line, m.Text)
		}
	}
}

// The other resynchronisation rules: a quote still open after
// RecordLines lines or past FieldBytes, a record spanning several lines
// with another field count than the header's, a line past LineBytes, a
// bare quote. Each rejects one record naming its first line, and the
// lines after it are read again.
func TestTwarcCSVResync(t *testing.T) {
	head := func(i int) string { return fmt.Sprintf("%d,2022-03-05T21:14:07.000Z,", 1500000000000000000+i) }
	const tail = ",7,x,,,1"
	row := func(i int, text string) string { return head(i) + text + tail }
	lines := func(ls ...string) []byte { return []byte(csvHead + "\n" + strings.Join(ls, "\n") + "\n") }
	type rej struct {
		line  int
		limit string
		why   error
	}
	cases := []struct {
		name    string
		raw     []byte
		lim     rawio.Limits
		msgs    []int // lines of the messages
		rejects []rej
	}{
		{"a legitimate text over three lines", lines(head(1)+`"un`, `deux`, `trois"`+tail, row(2, "b")), rawio.Limits{},
			[]int{2, 5}, nil},
		{"open after RecordLines lines", lines(head(1)+`"un`, `deux`, `trois`, `quatre"`+tail, row(2, "b")), rawio.Limits{RecordLines: 3},
			[]int{6}, []rej{{2, "record-lines", nil}, {3, "", rawio.ErrShape}, {4, "", rawio.ErrShape}, {5, "", csv.ErrBareQuote}}},
		{"open past FieldBytes", lines(head(1)+`"`+strings.Repeat("a", 30), strings.Repeat("b", 30), strings.Repeat("c", 30)+`"`+tail, row(2, "b")), rawio.Limits{FieldBytes: 50},
			[]int{5}, []rej{{2, "field-bytes", nil}, {3, "", rawio.ErrShape}, {4, "", csv.ErrBareQuote}}},
		{"closed with another field count", lines(head(1)+`"un`, `deux",x`, row(2, "b")), rawio.Limits{},
			[]int{4}, []rej{{2, "", rawio.ErrShape}, {3, "", csv.ErrBareQuote}}},
		{"a line past LineBytes inside the quote", lines(head(1)+`"un`, strings.Repeat("z", 200), `trois"`+tail, row(2, "b")), rawio.Limits{LineBytes: 100},
			[]int{5}, []rej{{2, "", csv.ErrQuote}, {3, "line-bytes", nil}, {4, "", csv.ErrBareQuote}}},
		{"a bare quote", lines(row(1, `il a dit "non"`), row(2, "b")), rawio.Limits{},
			[]int{3}, []rej{{2, "", csv.ErrBareQuote}}},
		{"a field past FieldBytes on one line", lines(row(1, strings.Repeat("a", 60)), row(2, "b")), rawio.Limits{FieldBytes: 50},
			[]int{3}, []rej{{2, "field-bytes", nil}}},
		// Spreadsheets add empty fields at the end of rows: they are read
		// (as in the Facebook CSV formats); a field that is not empty is
		// another field count.
		{"a spreadsheet's trailing separators", lines(row(1, "a")+",,", row(2, "b")+",,x"), rawio.Limits{},
			[]int{2}, []rej{{3, "", rawio.ErrShape}}},
		// A quote that runs into a whole record is rejected at its line
		// even when the quote closes later with the header's count.
		{"a quote closed later with the header's field count", lines(head(1)+`"un`, row(2, "b"), `deux"`+tail), rawio.Limits{},
			[]int{3}, []rej{{2, "", csv.ErrQuote}, {4, "", csv.ErrBareQuote}}},
	}
	for _, c := range cases {
		rc, err := readLimited(t, "r.csv", c.raw, TwarcCSV, c.lim)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []int
		for _, m := range rc.Msgs {
			got = append(got, m.Line)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.msgs) || len(rc.Rejects) != len(c.rejects) {
			t.Errorf("%s: messages at lines %v and rejects %v, want messages at %v and %d rejects", c.name, got, rc.Rejects, c.msgs, len(c.rejects))
			continue
		}
		for i, w := range c.rejects {
			e := rc.Rejects[i]
			if e.Line != w.line || limitOf(e.Err) != w.limit || (w.why != nil && !errors.Is(e, w.why)) {
				t.Errorf("%s: reject %v, want line %d, limit %q, reason %v", c.name, e, w.line, w.limit, w.why)
			}
		}
	}
	// A legitimate multi-line text keeps its line breaks.
	rc, _ := readLimited(t, "r.csv", lines(head(1)+`"un`, `deux`, `trois"`+tail), TwarcCSV, rawio.Limits{})
	if len(rc.Msgs) != 1 || rc.Msgs[0].Text != "un\ndeux\ntrois" {
		t.Errorf("multi-line text: %v", rc.Msgs)
	}
}

// A quote that never closes followed by 10 MB without a line end: within
// a line limit of 4 kB, reading allocates about the file's buffer, not
// the 10 MB the quoted field would hold.
func TestTwarcCSVUnclosedMemory(t *testing.T) {
	raw := append(csvRows(2, func(int) string { return "texte" }), []byte(`1500000000000000009,2022-03-05T21:14:07.000Z,"jamais fermé`)...)
	raw = append(raw, bytes.Repeat([]byte("x"), 10<<20)...)
	var rc *recorder
	var err error
	n := loadtest.Allocated(func() { rc, err = readLimited(t, "u.csv", raw, TwarcCSV, rawio.Limits{LineBytes: 4096}) })
	if err != nil || len(rc.Msgs) != 2 || len(rc.Rejects) != 1 || rc.Rejects[0].Line != 4 || limitOf(rc.Rejects[0].Err) != "line-bytes" {
		t.Errorf("%v, %d messages, rejects %v; want 2 messages and line 4 rejected", err, len(rc.Msgs), rc.Rejects)
	}
	if n > 1<<20 {
		t.Errorf("reading allocated %d bytes, want less than 1 MB", n)
	}
}
