package rawio

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestParseCount(t *testing.T) {
	cases := map[string]int{
		"1040": 1040, "1,040": 1040, "1.040": 1040, "1 040": 1040, "1\u00a0040": 1040,
		"3\u202f977": 3977, "+288": 288, "54,7 k": 54700, "171k": 171000, "1.2M": 1200000,
		"0": 0, " 13 ": 13, "1,234,567": 1234567,
	}
	for in, want := range cases {
		got, err := ParseCount(in)
		if err != nil || got != want {
			t.Errorf("ParseCount(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "1,5", "abc", "12,34", "1..000"} {
		if _, err := ParseCount(bad); err == nil {
			t.Errorf("ParseCount(%q): no error", bad)
		}
	}
}

func readAll(t *testing.T, raw []byte) []string {
	t.Helper()
	f, err := NewFile("x", bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	lr := NewLineReader(f.R)
	var out []string
	for {
		line, n, err := lr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if n != len(out)+1 {
			t.Fatalf("line number %d, want %d", n, len(out)+1)
		}
		out = append(out, string(line))
	}
	return out
}

func TestOpenDecodesBOMCRLFAndGzip(t *testing.T) {
	plain := "\xEF\xBB\xBFa,b\r\nc,d\r\n\r\ne"
	want := []string{"a,b", "c,d", "", "e"}
	if got := readAll(t, []byte(plain)); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("plain: got %q, want %q", got, want)
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(plain))
	zw.Close()
	if got := readAll(t, z.Bytes()); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("gzip: got %q, want %q", got, want)
	}
	f, _ := NewFile("x", bytes.NewReader(z.Bytes()))
	if !f.Gzip || string(f.Head) != plain[3:] {
		t.Errorf("gzip head = %q (gzip %v)", f.Head, f.Gzip)
	}
}

func TestLongLines(t *testing.T) {
	long := strings.Repeat("x", 1<<20)
	got := readAll(t, []byte(long+"\n"+long))
	if len(got) != 2 || len(got[0]) != 1<<20 || len(got[1]) != 1<<20 {
		t.Fatalf("long lines: got %d lines", len(got))
	}
}

func TestParseErrorMessage(t *testing.T) {
	e := &ParseError{File: "a.csv", Line: 3, Column: 7, Field: "created_at", Err: ErrBadTime}
	if got, want := e.Error(), `a.csv:3:7: field "created_at": unreadable time`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !errors.Is(e, ErrBadTime) {
		t.Error("ParseError does not unwrap to its reason")
	}
	r := &ParseError{File: "t.json", Record: 2, Err: ErrShape}
	if got, want := r.Error(), "t.json: record 2: record of unexpected shape"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"1 040", "54,7 k", "+288", "1.2M", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseCount(s)
		if err == nil && n < 0 && !strings.Contains(s, "-") {
			t.Errorf("ParseCount(%q) = %d", s, n)
		}
	})
}

// Reasons show what is wrong with a value, never a name it may hold.
func TestQuoteMasksNames(t *testing.T) {
	for in, want := range map[string]string{
		"Zephyrine Quillbottom":        `"Z… Q…"`,
		"Quillbottom, Zephyrine":       `"Q…, Z…"`,
		"@zquill_canary":               `"@z…"`,
		"31/08/2016":                   `"31/08/2016"`,
		"2016-08-31T19:02:51+0000":     `"2016-08-31T19:02:51+0000"`,
		"Sat Mar 02 10:00:00 BRT 2019": `"Sat Mar 02 10:00:00 BRT 2019"`,
		"12 août 2019 à 14h30":         `"12 août 2019 à 14h30"`,
		"54,7 k":                       `"54,7 k"`,
		"1.5E+18":                      `"1.5E+18"`,
		"doc_alice":                    `"d…"`,
		"alice2":                       `"a…"`,
		"":                             `""`,
		"zquill_canary@example.org":    `"z…@e….o…"`,
		"12345678901234567890123456789012345678901234567890": `"1234567890123456789012345678901234567890…"`,
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}
