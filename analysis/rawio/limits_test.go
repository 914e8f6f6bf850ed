package rawio

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"testing"
)

func gz(t *testing.T, parts ...string) []byte {
	if t != nil {
		t.Helper()
	}
	var b bytes.Buffer
	for _, p := range parts {
		w := gzip.NewWriter(&b)
		w.Write([]byte(p))
		w.Close()
	}
	return b.Bytes()
}

func content(t *testing.T, raw []byte, l Limits) (string, error) {
	t.Helper()
	f, err := NewFileWith("x", bytes.NewReader(raw), l)
	if err != nil {
		return "", err
	}
	b, err := io.ReadAll(f.R)
	return string(b), err
}

// gzip(1) accepts zero padding after the last member; so do we, and
// nothing else after it.
func TestGzipPaddingAndMembers(t *testing.T) {
	padded := append(gz(t, "a\n", "b\n"), make([]byte, 4096)...)
	if got, err := content(t, padded, Limits{}); err != nil || got != "a\nb\n" {
		t.Fatalf("padded gzip = %q, %v; want \"a\\nb\\n\"", got, err)
	}
	garbage := append(gz(t, "a\n"), 0, 0, 'x')
	if _, err := content(t, garbage, Limits{}); !errors.Is(err, errTrailing) {
		t.Fatalf("trailing garbage: err = %v, want %v", err, errTrailing)
	}
}

// A gzip bomb stops at the ratio limit, in bounded memory.
func TestGzipBomb(t *testing.T) {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for i := 0; i < 64; i++ { // 64 MiB of zeros, about 64 KiB compressed
		w.Write(zeros)
	}
	w.Close()
	f, err := NewFileWith("bomb.gz", bytes.NewReader(b.Bytes()), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, f.R)
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != "ratio" {
		t.Fatalf("after %d bytes: err = %v, want the ratio limit", n, err)
	}
	if n > RatioFloor+1<<20 {
		t.Errorf("read %d bytes before stopping, want at most about %d", n, RatioFloor)
	}
	if _, err := content(t, b.Bytes(), Limits{DecompressedBytes: 1 << 20}); !errors.As(err, &le) || le.Limit != "decompressed-bytes" {
		t.Errorf("decompressed-bytes=1M: err = %v", err)
	}
}

// Old spreadsheet exports end lines with CR alone.
func TestCROnlyLines(t *testing.T) {
	if got := readAll(t, []byte("a,b\rc,d\r\re,f")); strings.Join(got, "|") != "a,b|c,d||e,f" {
		t.Errorf("CR-only lines = %q", got)
	}
	if got := readAll(t, []byte("a\r\nb\r\n")); strings.Join(got, "|") != "a|b" {
		t.Errorf("CRLF lines = %q", got)
	}
}

// A line past the limit is rejected alone; the next line reads.
func TestLineLimit(t *testing.T) {
	raw := "short\n" + strings.Repeat("x", 300<<10) + "\nafter\n"
	f, err := NewFileWith("x", strings.NewReader(raw), Limits{LineBytes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	lr := f.Lines()
	var got []string
	for {
		b, n, err := lr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if !IsRecordError(err) || !errors.Is(err, ErrLimit) {
				t.Fatalf("line %d: %v", n, err)
			}
			got = append(got, "limit")
			continue
		}
		got = append(got, string(b))
	}
	if strings.Join(got, "|") != "short|limit|after" || lr.Line() != 3 {
		t.Errorf("lines = %q (last %d), want short|limit|after (3)", got, lr.Line())
	}
}

func TestCheckJSONDepth(t *testing.T) {
	deep := strings.Repeat("[", 600) + strings.Repeat("]", 600)
	if err := CheckJSONDepth([]byte(deep), 512); !errors.Is(err, ErrLimit) {
		t.Errorf("600 levels: %v, want a limit error", err)
	}
	if err := CheckJSONDepth([]byte(deep), 600); err != nil {
		t.Errorf("600 levels within 600: %v", err)
	}
	// Brackets inside strings do not nest, escaped quotes do not end them.
	inString := `{"a":"` + strings.Repeat("[", 600) + `\"` + strings.Repeat("{", 600) + `"}`
	if err := CheckJSONDepth([]byte(inString), 10); err != nil {
		t.Errorf("brackets in a string: %v", err)
	}
	wide := "[" + strings.Repeat("[],", 1000) + "[]]"
	if err := CheckJSONDepth([]byte(wide), 2); err != nil {
		t.Errorf("1000 arrays side by side at depth 2: %v", err)
	}
}

func TestParseLimits(t *testing.T) {
	l, err := ParseLimits("line-bytes=256M, depth=64")
	if err != nil || l.LineBytes != 256<<20 || l.Depth != 64 || l.RecordLines != 0 {
		t.Fatalf("ParseLimits = %+v, %v", l, err)
	}
	if got := l.WithDefaults().String(); got != "decompressed-bytes=274877906944,depth=64,field-bytes=4194304,line-bytes=268435456,ratio=200,record-lines=1000" {
		t.Errorf("String = %s", got)
	}
	for _, bad := range []string{"lines=3", "depth=0", "depth", "depth=-1", "ratio=1x"} {
		if _, err := ParseLimits(bad); err == nil {
			t.Errorf("ParseLimits(%q): no error", bad)
		}
	}
}

// FuzzFile decodes arbitrary bytes (gzip or not, any line ends) as lines
// within small limits: no panic, no line past the limit, and every line
// reader error is a limit error or a gzip error.
func FuzzFile(f *testing.F) {
	f.Add([]byte("a\r\nb\rc\n"), 8)
	f.Add(gz(nil, "x\n", "y\n"), 4)
	f.Add(append(gz(nil, "x\n"), 0, 0, 0), 4)
	f.Add(zst(f, "x\n", "y\n"), 4)
	f.Add(zstdFrame(31), 4)
	f.Add([]byte("\xef\xbb\xbfone\rtwo\r"), 2)
	f.Fuzz(func(t *testing.T, raw []byte, lineBytes int) {
		lineBytes = 1 + abs(lineBytes)%64
		file, err := NewFileWith("fuzz", bytes.NewReader(raw), Limits{LineBytes: lineBytes, DecompressedBytes: 1 << 16})
		if err != nil {
			return
		}
		lr := file.Lines()
		for i := 0; i < 1<<16; i++ {
			b, _, err := lr.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if IsRecordError(err) {
					continue
				}
				return
			}
			if len(b) > lineBytes {
				t.Fatalf("line of %d bytes past the limit %d", len(b), lineBytes)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // math.MinInt
			return 0
		}
		return -n
	}
	return n
}

// refDepthOK is the plain reading of JSON nesting CheckJSONDepth must
// agree with: one byte at a time, strings skipped with their escapes.
func refDepthOK(b []byte, max int) bool {
	depth, inString := 0, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inString && c == '\\':
			i++
		case inString:
			inString = c != '"'
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			if depth++; depth > max {
				return false
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return true
}

// FuzzJSONDepth checks the fast depth check against the plain one, on any
// input and small limits.
func FuzzJSONDepth(f *testing.F) {
	for _, s := range []string{`[[["]]]"]]]`, `{"a": "\"[[[", "b": [[[]]]}`, `"\\"[[`, `[\"[`, `{"a":{"b":{"c":[1]}}}`, `]]][[[`} {
		f.Add([]byte(s), uint32(2))
	}
	f.Add([]byte(strings.Repeat(`{"k":[`, 30000)), uint32(40))
	f.Fuzz(func(t *testing.T, b []byte, max uint32) {
		m := int(max % 64)
		if got, want := CheckJSONDepth(b, m) == nil, refDepthOK(b, m); got != want {
			t.Errorf("CheckJSONDepth(%q, %d) ok = %v, the plain reading says %v", b, m, got, want)
		}
	})
}
