package facebook

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"reflect"
	"testing"
)

// diffCSV reads in with encoding/csv and with csvReader and reports the
// first difference: records, start lines, errors and their positions must
// all agree.
func diffCSV(t *testing.T, in []byte, comma byte, bufSize int) {
	t.Helper()
	ref := csv.NewReader(bytes.NewReader(in))
	ref.Comma, ref.FieldsPerRecord = rune(comma), -1
	ours := newCSVReader(bufio.NewReaderSize(bytes.NewReader(in), bufSize), comma)
	for n := 1; ; n++ {
		want, wantErr := ref.Read()
		got, line, err := ours.read()
		var wantPE *csv.ParseError
		var gotPE *csvError
		switch {
		case wantErr == io.EOF:
			if err != io.EOF {
				t.Fatalf("record %d: got %q, %v; want EOF", n, got, err)
			}
			return
		case errors.As(wantErr, &wantPE):
			if !errors.As(err, &gotPE) || gotPE.StartLine != wantPE.StartLine || gotPE.Line != wantPE.Line ||
				gotPE.Column != wantPE.Column || gotPE.Err != wantPE.Err {
				t.Fatalf("record %d: got %q, %v; want %v", n, got, err, wantErr)
			}
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
		"\"ends\"\r",
		",,\n\"\",\n",
		"x\r",
		"\"a\"\"\"\n",
		"caf\u00e9,\"\u00e7a\",\u00e0\n",
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

// FuzzCSVReader checks csvReader against encoding/csv.
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
