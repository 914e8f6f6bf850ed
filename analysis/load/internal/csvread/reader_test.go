package csvread

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/rawio/rawiotest"
)

// fixtureBytes returns a fixture of package facebook.
func fixtureBytes(tb testing.TB, name string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "facebook", "testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// fuzzLimits is rawiotest.FuzzLimits.
func fuzzLimits(code uint32) rawio.Limits { return rawiotest.FuzzLimits(code) }

// testReader reads in with Reader within limits, through a
// bufio.Reader of bufSize bytes.
func testReader(in []byte, comma byte, bufSize int, limits rawio.Limits) *Reader {
	f := &rawio.File{R: bufio.NewReaderSize(bytes.NewReader(in), bufSize), Limits: limits.WithDefaults()}
	return New(f, comma)
}

// diffCSV reads in with encoding/csv and with Reader and reports the
// first difference: up to the first malformed record, records and their
// start lines must agree; then the error must be of the same kind at the
// same start line, and at the same line and column when it concerns one
// character of a one-line record. After it Reader resynchronises
// where encoding/csv does not, so the comparison stops.
func diffCSV(t *testing.T, in []byte, comma byte, bufSize int) {
	t.Helper()
	ref := csv.NewReader(bytes.NewReader(in))
	ref.Comma, ref.FieldsPerRecord = rune(comma), -1
	ours := testReader(in, comma, bufSize, rawio.Limits{})
	for n := 1; ; n++ {
		want, wantErr := ref.Read()
		got, line, err := ours.Read()
		var wantPE *csv.ParseError
		var gotCE *Error
		switch {
		case wantErr == io.EOF:
			if err != io.EOF {
				t.Fatalf("record %d: got %q, %v; want EOF", n, got, err)
			}
			return
		case errors.As(wantErr, &wantPE):
			if !errors.As(err, &gotCE) || gotCE.StartLine != wantPE.StartLine || !errors.Is(gotCE, wantPE.Err) {
				t.Fatalf("record %d: got %q, %v; want %v", n, got, err, wantErr)
			}
			oneChar := wantPE.Line == wantPE.StartLine && !errors.Is(gotCE, ErrQuoteAtEOF)
			if oneChar && (gotCE.Line != wantPE.Line || gotCE.Column != wantPE.Column) {
				t.Fatalf("record %d: got %v; want %v", n, err, wantErr)
			}
			return
		case wantErr != nil:
			t.Fatalf("record %d: encoding/csv: %v", n, wantErr)
		default:
			wantLine, _ := ref.FieldPos(0)
			if err != nil || line != wantLine || !reflect.DeepEqual(got, want) {
				t.Fatalf("record %d: got %q at line %d, %v; want %q at line %d", n, got, line, err, want, wantLine)
			}
		}
	}
}

func TestCSVReader(t *testing.T) {
	cases := []string{
		"a,b\nc,d\n",
		"a,b\r\nc,d",
		"a,b\r\n\r\n\nc,\"d\"\"e\"\r\n",
		"\"multi\nline\",x\n\"a\r\nb\",y\r\n",
		"a,b\"c\nd,e\n",
		"\"a\"b,c\nd\n",
		"\"open,field\nnever closed",
		"\"open,field\nnever closed\n",
		"\"ends\"\r",
		",,\n\"\",\n",
		"x\r",
		"\"a\"\"\"\n",
		"caf\u00e9,\"\u00e7a\",\u00e0\n",
		"\"a\",\n\"b\",\"\"\n",
		"a\r\r\nb\rc,\"d\re\"\n",
		"\"x\n\n\ny\",z\n",
	}
	for _, c := range cases {
		for _, comma := range []byte{',', ';', '\t'} {
			diffCSV(t, []byte(c), comma, 4096)
			diffCSV(t, []byte(c), comma, 16)
		}
	}
	for _, name := range []string{"crowdtangle.csv", "crowdtangle_bom_crlf.csv", "generic.csv"} {
		diffCSV(t, fixtureBytes(t, name), ',', 4096)
	}
	diffCSV(t, fixtureBytes(t, "facepager.csv"), ';', 16)
}

// FuzzCSVReader checks Reader against encoding/csv.
func FuzzCSVReader(f *testing.F) {
	for _, name := range []string{"crowdtangle.csv", "generic.csv", "facepager.csv", "generic_semicolon.csv"} {
		f.Add(fixtureBytes(f, name), byte(0))
	}
	f.Add([]byte("\"a\"b,c\nd\n\"open\nx"), byte(1))
	f.Fuzz(func(t *testing.T, in []byte, sep byte) {
		comma := []byte{',', ';', '\t'}[int(sep)%3]
		diffCSV(t, in, comma, 16+int(sep)%64)
	})
}

// readAll reads every record of r, the header first, and returns them,
// one per record, as "line: fields" or "line: error".
func readAll(t *testing.T, r *Reader) []string {
	t.Helper()
	var out []string
	for {
		rec, line, err := r.Read()
		if err == io.EOF {
			return out
		}
		var ce *Error
		switch {
		case errors.As(err, &ce):
			out = append(out, fmt.Sprintf("%d: %v", ce.StartLine, ce.Err))
		case err != nil:
			t.Fatal(err)
		default:
			out = append(out, fmt.Sprintf("%d: %s", line, strings.Join(rec, "|")))
		}
		if line == 1 && err == nil {
			r.SetFields(len(rec), false)
		}
	}
}

// rows builds a CSV of a header "id,text" and n rows "i,row i", lines 2
// to n+1, with row i replaced by edit(i) when it returns a value.
func rows(n int, edit func(i int) (string, bool)) string {
	var b strings.Builder
	b.WriteString("id,text\n")
	for i := 2; i <= n+1; i++ {
		if s, ok := edit(i); ok {
			b.WriteString(s + "\n")
			continue
		}
		fmt.Fprintf(&b, "%d,row %d\n", i, i)
	}
	return b.String()
}

// checkOneRecordPerLine checks that every line after the header gave
// exactly one record, the good ones as written, the bad ones rejected
// with a reason holding wantErr.
func checkOneRecordPerLine(t *testing.T, got []string, lines int, bad map[int]string) {
	t.Helper()
	if len(got) != lines {
		t.Fatalf("%d records for %d lines: %q", len(got), lines, got[:min(len(got), 10)])
	}
	for i, g := range got[1:] {
		line := i + 2
		want := fmt.Sprintf("%d: %d|row %d", line, line, line)
		if reason, ok := bad[line]; ok {
			want = fmt.Sprintf("%d: %s", line, reason)
			if !strings.HasPrefix(g, want) {
				t.Errorf("line %d: %q, want it to start with %q", line, g, want)
			}
			continue
		}
		if g != want {
			t.Errorf("line %d: %q, want %q", line, g, want)
		}
	}
}

// An unclosed quote on line 3 of 1,000 rows is one rejection; the 999
// other rows are read (encoding/csv reads them all into the bad record).
func TestCSVUnclosedQuote(t *testing.T) {
	in := rows(1000, func(i int) (string, bool) { return `3,"never closed`, i == 3 })
	got := readAll(t, testReader([]byte(in), ',', 4096, rawio.Limits{}))
	checkOneRecordPerLine(t, got, 1001, map[int]string{
		3: `extraneous or missing " in quoted-field (quote still open at the end of the file): rejected as one record of 999 lines; reading resumed at line 4`,
	})
}

// A quote closed 500 lines later does not fold 498 rows into one
// rejection: the record of 501 lines has 3 fields, not 2, and is
// rejected at its first line; its other lines are read again: 500
// good rows, then the closing line, whose quote is a bare quote.
func TestCSVQuoteClosedLater(t *testing.T) {
	in := rows(1000, func(i int) (string, bool) {
		switch i {
		case 3:
			return `3,"opened here`, true
		case 503:
			return `503,closed",extra`, true
		}
		return "", false
	})
	got := readAll(t, testReader([]byte(in), ',', 4096, rawio.Limits{}))
	checkOneRecordPerLine(t, got, 1001, map[int]string{
		3:   `record of unexpected shape: 3 fields, the header has 2: rejected as one record of 501 lines; reading resumed at line 4`,
		503: `bare " in non-quoted-field`,
	})
}

// A quote still open after RecordLines lines, or after FieldBytes bytes
// of its field, is rejected with the limit, and reading resumes at the
// record's second line. A long field on one line is rejected alone.
func TestCSVLimits(t *testing.T) {
	in := rows(40, func(i int) (string, bool) {
		switch i {
		case 3:
			return `3,"never closed`, true
		case 30:
			return "30," + strings.Repeat("x", 300), true
		}
		return "", false
	})
	got := readAll(t, testReader([]byte(in), ',', 64, rawio.Limits{RecordLines: 5}))
	checkOneRecordPerLine(t, got, 41, map[int]string{
		3:  "quoted record still open after 5 lines (limit record-lines=5; raise it if the file is genuine): rejected as one record of 5 lines; reading resumed at line 4",
		30: "30|" + strings.Repeat("x", 300),
	})
	got = readAll(t, testReader([]byte(in), ',', 64, rawio.Limits{FieldBytes: 100}))
	checkOneRecordPerLine(t, got, 41, map[int]string{
		3:  "field longer than 100 bytes (limit field-bytes=100; raise it if the file is genuine): rejected as one record of 11 lines; reading resumed at line 4",
		30: "field longer than 100 bytes (limit field-bytes=100; raise it if the file is genuine)",
	})
	// A quoted field on one line, too long.
	got = readAll(t, testReader([]byte("a,b\n1,\""+strings.Repeat("y", 200)+"\"\n2,z\n"), ',', 64, rawio.Limits{FieldBytes: 100}))
	if want := []string{"1: a|b", "2: field longer than 100 bytes (limit field-bytes=100; raise it if the file is genuine)", "3: 2|z"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A line longer than LineBytes is rejected and reading goes on; inside
// an open quote it ends the record, which is rejected for its quote (the
// limit is the long line's reason, not the record's: the record's own
// lines are within it), and the lines in between are read again.
func TestCSVLongLines(t *testing.T) {
	long := strings.Repeat("z", 500)
	in := rows(12, func(i int) (string, bool) {
		switch i {
		case 4:
			return "4," + long, true
		case 7:
			return `7,"opened`, true
		case 10:
			return long, true
		}
		return "", false
	})
	got := readAll(t, testReader([]byte(in), ',', 64, rawio.Limits{LineBytes: 100}))
	checkOneRecordPerLine(t, got, 13, map[int]string{
		4:  "line longer than 100 bytes",
		7:  `extraneous or missing " in quoted-field: the quote is still open at line 10, which is past the line-bytes limit and rejected on its own: rejected as one record of 3 lines; reading resumed at line 8`,
		10: "line longer than 100 bytes",
	})
	// A record longer than LineBytes over several lines: 9 bytes on line
	// 3, 7 on each of lines 4 to 9, 9 on each of lines 10 and 11 (69 in
	// all): 9 lines.
	in = rows(12, func(i int) (string, bool) { return `3,"opened`, i == 3 })
	got = readAll(t, testReader([]byte(in), ',', 64, rawio.Limits{LineBytes: 60}))
	checkOneRecordPerLine(t, got, 13, map[int]string{
		3: "line longer than 60 bytes (limit line-bytes=60; raise it if the file is genuine): rejected as one record of 9 lines; reading resumed at line 4",
	})
}

// Hostile input: every line opens a quote that the next one closes
// badly. Each line is one record, rejected, and no line is parsed more
// than twice.
func TestCSVEveryLineOpensAQuote(t *testing.T) {
	const n = 20000
	in := rows(n, func(i int) (string, bool) { return fmt.Sprintf(`%d,"x`, i), true })
	r := testReader([]byte(in), ',', 4096, rawio.Limits{})
	rejected := 0
	got := readAll(t, r)
	for _, g := range got[1:] {
		if strings.Contains(g, "|") {
			t.Fatalf("read a record: %s", g)
		}
		rejected++
	}
	if len(got) != n+1 || rejected != n {
		t.Errorf("%d records, %d rejected, want %d", len(got), rejected, n+1)
	}
	if r.linesRead > 2*(n+1) {
		t.Errorf("%d lines parsed for %d lines", r.linesRead, n+1)
	}
}

// The guard of the work bound: a bad record made of lines already read
// again is not read a third time but counted as one record naming its
// first and last lines.
func TestCSVCannotResynchronise(t *testing.T) {
	r := testReader(nil, ',', 4096, rawio.Limits{})
	r.SetFields(2, false)
	lines := []string{`5,"opened`, "inside", "still inside"}
	for _, l := range lines {
		r.replay = append(r.replay, l...)
		r.replayEnds = append(r.replayEnds, len(r.replay))
	}
	r.replayFirst, r.replayNext = 5, 0
	got := readAll(t, r)
	want := []string{
		`5: extraneous or missing " in quoted-field (quote still open at the end of the file): lines 5 to 7 (3 lines) cannot be resynchronised, counted as one record`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// endless is a reader of a CSV whose quote never closes: a header, a
// line opening a quote, then lines of 1,000 bytes without quotes.
type endless struct {
	sent, max int
	line      []byte
}

func (e *endless) Read(p []byte) (int, error) {
	if e.sent == 0 {
		n := copy(p, "id,text\n1,\"open\n")
		e.sent += n
		return n, nil
	}
	if e.sent >= e.max {
		return 0, io.EOF
	}
	n := 0
	for n+len(e.line) <= len(p) && e.sent < e.max {
		n += copy(p[n:], e.line)
		e.sent += len(e.line)
	}
	if n == 0 {
		n = copy(p, e.line[:len(p)])
		e.sent += n
	}
	return n, nil
}

// Memory stays within the limits whatever the input: 64 MB of an open
// quote are read with buffers of the order of FieldBytes and LineBytes.
func TestCSVMemoryBounded(t *testing.T) {
	src := &endless{max: 64 << 20, line: append(bytes.Repeat([]byte("a"), 999), '\n')}
	limits := rawio.Limits{LineBytes: 8 << 10, FieldBytes: 16 << 10}.WithDefaults()
	f := &rawio.File{R: bufio.NewReaderSize(src, 4096), Limits: limits}
	r := New(f, ',')
	n := 0
	maxCap := 0
	for {
		_, _, err := r.Read()
		if err == io.EOF {
			break
		}
		var ce *Error
		if err != nil && !errors.As(err, &ce) {
			t.Fatal(err)
		}
		n++
		maxCap = max(maxCap, cap(r.rec), cap(r.raw), cap(r.replay), cap(r.lines.long))
	}
	if n < 60000 {
		t.Errorf("%d records", n)
	}
	if maxCap > 64<<10 {
		t.Errorf("a buffer grew to %d bytes", maxCap)
	}
}

// FuzzCSVLimits reads any input within small limits, with or without
// SetSplitOnRecords: records start on strictly increasing lines (each
// line starts at most one), no line is parsed more than twice, and the
// buffers stay within the limits.
func FuzzCSVLimits(f *testing.F) {
	f.Add([]byte("a,b\n1,\"open\n2,x\n3,\"y\"z\n\"\"\"\n"), uint32(0x20040))
	f.Add([]byte(rows(30, func(i int) (string, bool) { return fmt.Sprintf(`%d,"x`, i), i%3 == 0 })), uint32(0x40020))
	f.Add([]byte(rows(30, func(i int) (string, bool) { return fmt.Sprintf(`%d,"x`, i), i%3 == 0 })), uint32(0x40040040))
	f.Fuzz(func(t *testing.T, in []byte, lim uint32) {
		limits := fuzzLimits(lim)
		r := testReader(in, ',', 16+int(lim%64), limits)
		r.SetFields(2, lim%2 == 1)
		r.SetSplitOnRecords(lim>>30 == 1)
		last := 0
		for {
			_, line, err := r.Read()
			if err == io.EOF {
				break
			}
			var ce *Error
			if err != nil && !errors.As(err, &ce) {
				t.Fatal(err)
			}
			if line <= last {
				t.Fatalf("record at line %d after one at line %d", line, last)
			}
			last = line
			if c := max(cap(r.rec), cap(r.raw), cap(r.replay), cap(r.lines.long)); c > 4*limits.LineBytes+64 {
				t.Fatalf("a buffer of %d bytes for line-bytes=%d", c, limits.LineBytes)
			}
		}
		if lines := bytes.Count(in, []byte("\n")) + 1; r.linesRead > 2*lines+1 {
			t.Errorf("%d lines parsed for %d lines", r.linesRead, lines)
		}
		// readLine reads the lines rawio.LineReader reads.
		f := &rawio.File{R: bufio.NewReaderSize(bytes.NewReader(in), 16), Limits: limits}
		lr, ours := f.Lines(), New(&rawio.File{R: bufio.NewReaderSize(bytes.NewReader(in), 16+int(lim%64)), Limits: limits}, ',')
		for {
			want, wantN, wantErr := lr.Next()
			got, gotN, err := ours.readLine()
			if !bytes.Equal(got, want) || gotN != wantN || (err == nil) != (wantErr == nil) || (err == io.EOF) != (wantErr == io.EOF) {
				t.Fatalf("readLine = %q, %d, %v; LineReader %q, %d, %v", got, gotN, err, want, wantN, wantErr)
			}
			if err == io.EOF {
				break
			}
		}
	})
}

// readAllSplit reads in as readAll does, with SetSplitOnRecords(split).
func readAllSplit(t *testing.T, in string, comma byte, split bool) []string {
	t.Helper()
	r := testReader([]byte(in), comma, 4096, rawio.Limits{})
	r.SetSplitOnRecords(split)
	return readAll(t, r)
}

// With SetSplitOnRecords, a quote closed 500 lines later that leaves the
// header's field count is rejected at its first line, where the quote
// opened (column 3), as soon as its second line reads alone as a whole
// record: the rows in between are read, and the closing line is a bare
// quote. Without it the 501 lines are one record, read as written.
func TestCSVSplitOnRecords(t *testing.T) {
	in := rows(1000, func(i int) (string, bool) {
		switch i {
		case 3:
			return `3,"opened here`, true
		case 503:
			return `closed"`, true
		}
		return "", false
	})
	got := readAllSplit(t, in, ',', true)
	checkOneRecordPerLine(t, got, 1001, map[int]string{
		3:   `extraneous or missing " in quoted-field: the quote runs into line 4, a whole record on its own: rejected as one record of 2 lines; reading resumed at line 4`,
		503: `bare " in non-quoted-field`,
	})
	r := testReader([]byte(in), ',', 4096, rawio.Limits{})
	r.SetFields(2, false)
	r.SetSplitOnRecords(true)
	r.Read() // the header
	r.Read() // line 2
	var ce *Error
	if _, _, err := r.Read(); !errors.As(err, &ce) || ce.StartLine != 3 || ce.Line != 3 || ce.Column != 3 {
		t.Errorf("line 3: %#v, want the quote at line 3, column 3", err)
	}
	if pe := ce.ParseError("f.csv"); pe.Line != 3 || pe.Column != 3 || !errors.Is(pe, csv.ErrQuote) {
		t.Errorf("ParseError: %v", pe)
	}

	got = readAllSplit(t, in, ',', false)
	if len(got) != 1+1+1+498 || // the header, line 2, lines 3 to 503, lines 504 to 1001
		!strings.HasPrefix(got[2], "3: 3|opened here\n4,row 4\n") || !strings.HasSuffix(got[2], "\n502,row 502\nclosed") {
		t.Errorf("without the rule: %d records, line 3 read as %.60q", len(got), got[2])
	}
}

// What reads alone as a whole record: a well-formed line of the header's
// field count, or more with the extra ones empty (quoted or not). A line
// holding a quote that is not a whole quoted field, or that ends inside
// a quote, or of another count, is not.
func TestCSVWholeRecord(t *testing.T) {
	r := testReader(nil, ';', 4096, rawio.Limits{})
	r.SetFields(3, false)
	for line, want := range map[string]bool{
		"a;b;c":         true,
		";;":            true,
		`"a;b";c;"d"`:   true,
		`"a;b";c;"d"""`: true,
		`"";x;y`:        true, // a text line starting with an escaped quote
		"a;b;c;;":       true,
		`a;b;c;""`:      true,
		"a;b;c;d":       false,
		"a;b":           false,
		`"a;b";c`:       false,
		`a;b"c;d`:       false,
		`"a"b;c;d`:      false,
		`a;b;"c`:        false,
		`a;b;"c""`:      false,
		"a,b,c":         false,
	} {
		if got := r.wholeRecord([]byte(line)); got != want {
			t.Errorf("wholeRecord(%q) = %v, want %v", line, got, want)
		}
	}
	r.SetFields(0, false)
	if r.wholeRecord([]byte("a;b;c")) {
		t.Error("a whole record before the header is read")
	}
}

// Why the rule is off by default: a genuine text over three lines whose
// second line holds one separator fewer than the header has fields
// (a list, in a 4CAT export of 6 columns; a planning in a Facepager
// export of 6 columns) is one record without the rule and is split by
// it: its first line rejected, its second read as a record of its own.
func TestCSVSplitOnRecordsGenuineText(t *testing.T) {
	for _, c := range []struct {
		comma byte
		in    string
	}{
		{',', "id,thread_id,author,body,timestamp,group\n" +
			"m2,m2,Aide,\"Pour demain il faut :\npain, lait, œufs, beurre, farine, sucre\nMerci les filles\",1557936134,g\n" +
			"m3,m3,Aide,ok,1557936135,g\n"},
		{';', "level;id;object_type;message;created_time;from.id\n" +
			"1;2;data;\"Mon planning :\nlun 8h; mar 9h; mer 8h; jeu 14h; ven 8h; sam 10h\nça vous va ?\";2019-05-15T16:02:11+0000;100001\n" +
			"1;3;data;ok;2019-05-15T16:03:11+0000;100002\n"},
	} {
		got := readAllSplit(t, c.in, c.comma, false)
		if len(got) != 3 || !strings.HasPrefix(got[1], "2: ") || !strings.Contains(got[1], "\n") || !strings.HasPrefix(got[2], "5: ") {
			t.Errorf("%q without the rule: %q, want the header, the text of 3 lines at line 2, a row at line 5", c.comma, got)
		}
		got = readAllSplit(t, c.in, c.comma, true)
		if len(got) != 5 || !strings.HasPrefix(got[1], `2: extraneous or missing " in quoted-field: the quote runs into line 3`) ||
			strings.Count(got[2], "|") != 5 || !strings.HasPrefix(got[2], "3: ") || !strings.HasPrefix(got[3], `4: bare "`) {
			t.Errorf("%q with the rule: %q, want line 2 rejected, line 3 read as a record, line 4 rejected", c.comma, got)
		}
	}
}

// A bad record of several lines names, in Column, the quote left open on
// its first line, and in its reason where the fault is when it is on a
// later line.
func TestCSVMultiLinePositions(t *testing.T) {
	r := testReader([]byte("a,b\n1,x,\"open\nstill\"z\n"+strings.Repeat("y", 50)+"\n"), ',', 4096, rawio.Limits{LineBytes: 40})
	got := readAll(t, r)
	want := []string{
		"1: a|b",
		`2: extraneous or missing " in quoted-field (line 3, column 6): rejected as one record of 2 lines; reading resumed at line 3`,
		`3: bare " in non-quoted-field`,
		"4: line longer than 40 bytes (limit line-bytes=40; raise it if the file is genuine)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	r = testReader([]byte("a,b\n1,x,\"open\nstill\"z\n"), ',', 4096, rawio.Limits{})
	r.SetFields(2, false)
	r.Read()
	var ce *Error
	if _, _, err := r.Read(); !errors.As(err, &ce) || ce.StartLine != 2 || ce.Line != 2 || ce.Column != 5 {
		t.Errorf("%#v, want line 2, column 5: the quote", err)
	}
	// A record of one line whose quote runs into a line past the limit.
	got = readAll(t, testReader([]byte("a,b\n1,\"open\n"+strings.Repeat("y", 50)+"\n2,z\n"), ',', 4096, rawio.Limits{LineBytes: 40}))
	want = []string{
		"1: a|b",
		`2: extraneous or missing " in quoted-field: the quote is still open at line 3, which is past the line-bytes limit and rejected on its own: rejected as one record of 1 line; reading resumed at line 3`,
		"3: line longer than 40 bytes (limit line-bytes=40; raise it if the file is genuine)",
		"4: 2|z",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// diffKeep reads in twice, with and without SetKeep(keep), the field
// count of want fields (0: none; loose, split as SetFields and
// SetSplitOnRecords take them) and limits: the records, their lines and
// their errors must be the same, the kept fields equal and the others
// empty.
//
// When late, SetKeep is called after the first record (as the readers do
// after the header), which both readers then return whole.
func diffKeep(t *testing.T, in []byte, comma byte, keep []bool, want int, loose, split, late bool, limits rawio.Limits) {
	t.Helper()
	all := testReader(in, comma, 16, limits)
	kept := testReader(in, comma, 16, limits)
	if !late {
		kept.SetKeep(keep)
	}
	for _, r := range []*Reader{all, kept} {
		r.SetFields(want, loose)
		r.SetSplitOnRecords(split)
	}
	for n := 1; ; n++ {
		if late && n == 2 {
			kept.SetKeep(keep)
		}
		wantRec, wantLine, wantErr := all.Read()
		got, line, err := kept.Read()
		if line != wantLine || (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
			t.Fatalf("record %d: with SetKeep line %d, %v; without line %d, %v", n, line, err, wantLine, wantErr)
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatal(err)
			}
			continue
		}
		if len(got) != len(wantRec) {
			t.Fatalf("record %d: %d fields with SetKeep, %d without", n, len(got), len(wantRec))
		}
		for i := range got {
			w := wantRec[i]
			if (!late || n > 1) && (i >= len(keep) || !keep[i]) {
				w = ""
			}
			if got[i] != w {
				t.Fatalf("record %d, field %d: %q with SetKeep, want %q (without: %q)", n, i, got[i], w, wantRec[i])
			}
		}
	}
}

func TestCSVKeep(t *testing.T) {
	in := []byte("id;texte;auteur;date\n" +
		"1;Bonjour à toutes;Claire Fictive;2019-05-15\n" +
		"2;\"Un texte ; avec \"\"guillemets\"\"\nsur deux lignes\";Sophie Exemple;2019-05-16\n" +
		"3;court;;\n" +
		"4;trop;de;champs;ici\n" +
		"5;vides;en;trop;;\n" +
		"6;\"vides\";\"en\";\"trop\";\"\"\n" +
		"7;\"ouvert;jamais fermé\n" +
		"8;x;y;z\n")
	for _, keep := range [][]bool{
		{true, false, true, false},
		{false, true, false, true},
		{true, true, true, true, true},
		{false, false, false, false},
		{true},
	} {
		for _, want := range []int{0, 4} {
			for _, late := range []bool{false, true} {
				diffKeep(t, in, ';', keep, want, false, false, late, rawio.Limits{})
				diffKeep(t, in, ';', keep, want, true, true, late, rawio.Limits{})
				diffKeep(t, in, ';', keep, want, false, false, late, rawio.Limits{FieldBytes: 12, LineBytes: 60, RecordLines: 2})
			}
		}
	}
	// SetKeep after the header (as the readers call it): the fields not
	// kept are empty, not what the header left in the reader's slice.
	r0 := testReader([]byte("id,texte,auteur\n1,bonjour,Claire\n2,\"salut\",Sophie\n"), ',', 4096, rawio.Limits{})
	if h, _, err := r0.Read(); err != nil || len(h) != 3 {
		t.Fatalf("header %q, %v", h, err)
	}
	r0.SetFields(3, false)
	r0.SetKeep([]bool{true, false, true})
	for _, want := range []string{"1||Claire", "2||Sophie"} {
		if rec, _, err := r0.Read(); err != nil || strings.Join(rec, "|") != want {
			t.Errorf("after the header: %q, %v; want %s", rec, err, want)
		}
	}
	// The kept values are copied apart: a field that is not kept is
	// neither returned nor in the string the kept ones are windows on.
	r := testReader([]byte("a,"+strings.Repeat("x", 100)+",b\n"), ',', 4096, rawio.Limits{})
	r.SetKeep([]bool{true, false, true})
	rec, _, err := r.Read()
	if err != nil || len(rec) != 3 || rec[0] != "a" || rec[1] != "" || rec[2] != "b" {
		t.Fatalf("Read = %q, %v", rec, err)
	}
	if a, b := unsafe.StringData(rec[0]), unsafe.StringData(rec[2]); uintptr(unsafe.Pointer(b))-uintptr(unsafe.Pointer(a)) != 1 {
		t.Errorf("the kept fields are %d bytes apart, want 1 (the column between them not copied)", uintptr(unsafe.Pointer(b))-uintptr(unsafe.Pointer(a)))
	}
}

// FuzzCSVKeep checks SetKeep against the same Reader without it.
func FuzzCSVKeep(f *testing.F) {
	f.Add(fixtureBytes(f, "facepager.csv"), uint32(0x5a5a))
	f.Add([]byte("a,b,c\n1,\"x\ny\",2\n3,,,\n\"4\"\",5\n"), uint32(0x20046))
	f.Fuzz(func(t *testing.T, in []byte, code uint32) {
		keep := make([]bool, 1+code%7)
		for i := range keep {
			keep[i] = code>>(8+i)&1 == 1
		}
		comma := []byte{',', ';', '\t'}[code>>16%3]
		diffKeep(t, in, comma, keep, int(code>>18%5), code>>21&1 == 1, code>>22&1 == 1, code&1 == 1, fuzzLimits(code>>23))
	})
}

// plainEnds is SeparatorEnds one byte at a time.
func plainEnds(line []byte, sep byte) []int {
	var ends []int
	for i, c := range line {
		if c == sep {
			ends = append(ends, i)
		}
	}
	return append(ends, len(line))
}

// SeparatorEnds finds every separator and nothing else, whatever the
// bytes around it: right after a separator, the byte that differs from
// it in the lowest bit only (':' after ';', 0x08 after a tab), where the
// usual word-at-a-time zero test ((x-0x01..)&^x&0x80..), whose borrow
// runs into the next byte, sees a separator that is not there; and the
// separator with its high bit set (0x89, 0xbb).
func TestSeparatorEnds(t *testing.T) {
	for _, c := range []struct {
		line string
		sep  byte
		want []int
	}{
		{"", ';', []int{0}},
		{";", ';', []int{0, 1}},
		{"a;b", ';', []int{1, 3}},
		{";:;:;:;:;:", ';', []int{0, 2, 4, 6, 8, 10}},
		{"\t\x08\t\x08\t\x08\t\x08", '\t', []int{0, 2, 4, 6, 8}},
		{"\x89\x89\x89\x89\x89\x89\x89\x89\t", '\t', []int{8, 9}},
		{"\xbb;\xbb;\xbb;\xbb;\xbb;", ';', []int{1, 3, 5, 7, 9, 10}},
		{"01234567;89", ';', []int{8, 11}},
		{"0123456;", ';', []int{7, 8}},
		{"012345678901234;", ';', []int{15, 16}},
	} {
		if got := SeparatorEnds(nil, []byte(c.line), c.sep); !slices.Equal(got, c.want) {
			t.Errorf("SeparatorEnds(%q, %q) = %v, want %v", c.line, c.sep, got, c.want)
		}
	}
}

// FuzzSeparatorEnds checks SeparatorEnds against the plain byte loop.
func FuzzSeparatorEnds(f *testing.F) {
	f.Add([]byte(";:;:;:;:;:\xbb;"), byte(';'))
	f.Add([]byte("a\tb\t\x89\x08\t\n"), byte('\t'))
	f.Fuzz(func(t *testing.T, line []byte, sep byte) {
		if got, want := SeparatorEnds(nil, line, sep), plainEnds(line, sep); !slices.Equal(got, want) {
			t.Fatalf("SeparatorEnds(%q, %q) = %v, want %v", line, sep, got, want)
		}
	})
}
