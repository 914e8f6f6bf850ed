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
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// fixtureBytes returns a fixture of package facebook.
func fixtureBytes(tb testing.TB, name string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "facebook", "testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// fuzzLimits unpacks the limits of a fuzz input: 0 for the defaults,
// else small limits, so that the fuzzer reaches the paths past them.
func fuzzLimits(lim uint32) rawio.Limits {
	if lim == 0 {
		return rawio.Limits{}.WithDefaults()
	}
	return rawio.Limits{
		LineBytes:   16 + int(lim%512),
		FieldBytes:  4 + int(lim>>9%256),
		RecordLines: 1 + int(lim>>17%8),
		Depth:       1 + int(lim>>20%32),
	}.WithDefaults()
}

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
// an open quote it ends the record, which is rejected, and the lines in
// between are read again.
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
		7:  "line longer than 100 bytes (limit line-bytes=100; raise it if the file is genuine): rejected as one record of 3 lines; reading resumed at line 8",
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
		maxCap = max(maxCap, cap(r.rec), cap(r.raw), cap(r.replay), cap(r.long))
	}
	if n < 60000 {
		t.Errorf("%d records", n)
	}
	if maxCap > 64<<10 {
		t.Errorf("a buffer grew to %d bytes", maxCap)
	}
}

// FuzzCSVLimits reads any input within small limits: records start on
// strictly increasing lines (each line starts at most one), no line is
// parsed more than twice, and the buffers stay within the limits.
func FuzzCSVLimits(f *testing.F) {
	f.Add([]byte("a,b\n1,\"open\n2,x\n3,\"y\"z\n\"\"\"\n"), uint32(0x20040))
	f.Add([]byte(rows(30, func(i int) (string, bool) { return fmt.Sprintf(`%d,"x`, i), i%3 == 0 })), uint32(0x40020))
	f.Fuzz(func(t *testing.T, in []byte, lim uint32) {
		limits := fuzzLimits(lim)
		r := testReader(in, ',', 16+int(lim%64), limits)
		r.SetFields(2, lim%2 == 1)
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
			if c := max(cap(r.rec), cap(r.raw), cap(r.replay), cap(r.long)); c > 4*limits.LineBytes+64 {
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
