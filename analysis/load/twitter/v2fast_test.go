package twitter

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// sameV2 decodes b with s (which may have decoded other records before,
// as a reader's does) and with unmarshal. When v2Scanner accepts b,
// unmarshal must accept it too and give the same v2Line
// (reflect.DeepEqual: nil and empty slices differ), and the depth
// v2Scanner measured must be the one rawio.CheckJSONDepth finds. It reports whether
// v2Scanner accepted b.
func sameV2(t *testing.T, s *v2Scanner, b []byte) bool {
	t.Helper()
	var fast, ref v2Line
	if !s.decodeV2Line(b, &fast) {
		return false
	}
	if err := unmarshal(b, &ref); err != nil {
		t.Errorf("v2Scanner accepted a record unmarshal rejects (%v): %.200q", err, b)
		return true
	}
	if !reflect.DeepEqual(fast, ref) {
		t.Errorf("v2Scanner and unmarshal differ on %.200q:\nfast %+v\nref  %+v", b, fast, ref)
	}
	// The depth it measured is the one rawio.CheckJSONDepth checks.
	if d := s.maxDepth; rawio.CheckJSONDepth(b, d) != nil || d < 1 || rawio.CheckJSONDepth(b, d-1) == nil {
		t.Errorf("v2Scanner measured a depth of %d on %.200q", d, b)
	}
	return true
}

// records returns the records the twarc2 reader decodes from the file at
// path, as eachRecord splits them.
func records(t *testing.T, path string) [][]byte {
	t.Helper()
	raw := mustRead(t, path)
	f, err := rawio.NewFile(filepath.Base(path), bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	r := &reader{f: f, sink: &recorder{}}
	if err := r.eachRecord(func(b []byte, _ int) { out = append(out, bytes.Clone(b)) }); err != nil {
		t.Fatal(err)
	}
	return out
}

// twarc2Files lists the package's twarc2 test files and the real twarc2
// samples when they are present.
func twarc2Files(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "twarc2", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no twarc2 test files: %v", err)
	}
	shared, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "fixtures", "twarc2", "*.json*"))
	return append(files, shared...)
}

// TestV2FastSame decodes every record of the twarc2 test files and of the
// real samples with both decoders: v2Scanner gives what unmarshal gives
// on every record it accepts, and it accepts every record but those that
// unmarshal rejects or sends to the slow path: search.jsonl's line cut
// short, its stream line (data is one tweet) and its page with a count
// "beaucoup"; the eight stream lines of the streaming sample (the last cut
// short).
func TestV2FastSame(t *testing.T) {
	for _, path := range twarc2Files(t) {
		if strings.HasSuffix(path, ".gz") {
			continue // flat.jsonl compressed
		}
		var n, accepted int
		var s v2Scanner // one for the file, as a reader's
		for _, b := range records(t, path) {
			n++
			if sameV2(t, &s, b) {
				accepted++
			}
		}
		want := n - map[string]int{"search.jsonl": 3, "twarc-csv_streaming_output_with_error.jsonl": 8}[filepath.Base(path)]
		if accepted != want || n == 0 {
			t.Errorf("%s: v2Scanner accepted %d of %d records, want %d", path, accepted, n, want)
		}
		t.Logf("%s: %d records, %d decoded by v2Scanner", filepath.Base(path), n, accepted)
	}
}

// TestV2FastCases checks, record by record, whether v2Scanner decodes or
// declines the edge cases of encoding/json's semantics, and that what it
// decodes is unmarshal's result.
func TestV2FastCases(t *testing.T) {
	const tw = `"id":"1","created_at":"2022-03-05T21:14:07.000Z"`
	cases := []struct {
		name, rec string
		accept    bool
	}{
		{"page", `{"data":[{` + tw + `,"text":"a"}],"includes":{"users":[{"id":"2","username":"u","name":"N"}],"tweets":[{"id":"9"}]},"meta":{"result_count":1}}`, true},
		{"flat", `{` + tw + `,"author":{"id":"2","username":"u"},"in_reply_to_user":null,"__twarc":{"url":"x","version":"2.0"}}`, true},
		{"empty data", `{"data":[],"meta":{}}`, true},
		{"null data", `{"data":null,"errors":[{"title":"Not Found Error"}]}`, true},
		{"empty errors", `{"errors":[],"matching_rules":[{"id":"1","tag":"t"}]}`, true},
		{"white space", " \t{\r\n\"data\" : [ { \"id\" : \"1\" } ] , \"meta\" : null } \n", true},
		{"escapes", `{` + tw + `,"text":"l\u00e9\"a\\b\/c\n\t\b\f\r\ud83d\ude00 é"}`, true},
		{"escape in skipped", `{` + tw + `,"source":"\u00e9\ud800","lang":"\u0000"}`, true},
		{"invalid UTF-8 skipped", "{" + tw + `,"source":"` + "\xff" + `"}`, true},
		{"counts", `{` + tw + `,"public_metrics":{"retweet_count":3,"like_count":"1 040","reply_count":2.5}}`, true},
		{"null count", `{` + tw + `,"public_metrics":{"retweet_count":null,"like_count":0}}`, true},
		{"null metrics", `{` + tw + `,"public_metrics":null,"entities":null,"note_tweet":null}`, true},
		{"note tweet", `{` + tw + `,"note_tweet":{"text":"long","entities":{"hashtags":[{"tag":"x","start":0}]}}}`, true},
		{"note tweet null entities", `{` + tw + `,"note_tweet":{"text":"long","entities":null}}`, true},
		{"entities", `{` + tw + `,"entities":{"hashtags":[],"mentions":[{"username":"u","id":"3","start":1}],"urls":[{"url":"s","expanded_url":"e","display_url":"d"}],"annotations":[1,true,false,null,-0.5e+3,{}]}}`, true},
		{"refs", `{` + tw + `,"referenced_tweets":[{"type":"replied_to","id":"0"},{"type":"quoted","id":"5","extra":[]}]}`, true},
		{"upper-case unknown key", `{` + tw + `,"Lang":"fr"}`, true},
		{"numbers", `{` + tw + `,"x":[0,-1,1.5,2e10,3E-2,-0.0]}`, true},

		{"stream line", `{"data":{` + tw + `}}`, false},
		{"not an object", `[{"id":"1"}]`, false},
		{"string id", `{"id":1}`, false},
		{"repeated id", `{"id":"1","id":"2"}`, false},
		{"repeated author", `{` + tw + `,"author":{"id":"2"},"author":{"name":"N"}}`, false},
		{"repeated user field", `{` + tw + `,"author":{"id":"2","id":"3"}}`, false},
		{"case-folded key", `{"ID":"1"}`, false},
		{"case-folded nested key", `{` + tw + `,"author":{"UserName":"u"}}`, false},
		{"Kelvin sign key", "{\"\u212a\":1}", false},
		{"escaped key", `{"\u0069d":"1"}`, false},
		{"invalid UTF-8 kept", "{\"id\":\"1\xff\"}", false},
		{"lone surrogate", `{"text":"\ud800"}`, false},
		{"reversed surrogates", `{"text":"\udc00\ud800"}`, false},
		{"null element", `{"data":[null]}`, false},
		{"null ref", `{` + tw + `,"referenced_tweets":[null]}`, false},
		{"bad count", `{` + tw + `,"public_metrics":{"like_count":-1}}`, false},
		{"object count", `{` + tw + `,"public_metrics":{"like_count":{}}}`, false},
		{"meta array", `{"meta":[]}`, false},
		{"errors of strings", `{"errors":["x"]}`, false},
		{"trailing data", `{"id":"1"} {}`, false},
		{"trailing comma", `{"id":"1",}`, false},
		{"missing comma", `{"id":"1" "text":"a"}`, false},
		{"cut short", `{"data":[{"id":"1"`, false},
		{"control byte", "{\"text\":\"a\tb\"}", false},
		{"bad escape", `{"text":"\x"}`, false},
		{"bad skipped escape", `{"lang":"\u12"}`, false},
		{"leading zero", `{"x":01}`, false},
		{"bare minus", `{"x":-}`, false},
		{"bad fraction", `{"x":1.}`, false},
		{"bad exponent", `{"x":1e}`, false},
		{"bad literal", `{"x":nul}`, false},
		{"deep", `{"x":` + strings.Repeat("[", maxFastDepth+1) + strings.Repeat("]", maxFastDepth+1) + `}`, false},
	}
	var reused v2Scanner
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := sameV2(t, new(v2Scanner), []byte(c.rec)); got != c.accept {
				t.Errorf("v2Scanner accepted %v, want %v", got, c.accept)
			}
			// The same with the scanner of the cases before.
			if got := sameV2(t, &reused, []byte(c.rec)); got != c.accept {
				t.Errorf("v2Scanner accepted %v, want %v", got, c.accept)
			}
		})
	}
	// What the escapes decode to, by hand.
	var s v2Scanner
	var l v2Line
	if !s.decodeV2Line([]byte(cases[6].rec), &l) || l.Text != "lé\"a\\b/c\n\t\b\f\r😀 é" {
		t.Errorf("escapes: text %q", l.Text)
	}
	// Counts, by hand: 3 retweets, 1,040 likes.
	l = v2Line{}
	if !s.decodeV2Line([]byte(cases[9].rec), &l) || l.PublicMetrics.RetweetCount != 3 || l.PublicMetrics.LikeCount != 1040 {
		t.Errorf("counts: %+v", l.PublicMetrics)
	}
	// Presence: an empty data array is not nil (the line is a page).
	l = v2Line{}
	if !s.decodeV2Line([]byte(cases[2].rec), &l) || l.Data == nil || len(l.Data) != 0 || l.Meta == nil {
		t.Errorf("empty data: %+v", l)
	}
}

// readCalls reads the file at path as twarc2 with the given workers and
// decoder, and returns every sink call, in order.
func readCalls(t *testing.T, path string, raw []byte, workers int, reference bool) string {
	t.Helper()
	referenceDecoder.Store(reference)
	defer referenceDecoder.Store(false)
	f, err := rawio.NewFile(filepath.Base(path), bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	f.Workers = workers
	log := &callLog{}
	if err := readTwarc2(f, log); err != nil {
		t.Fatal(err)
	}
	return log.b.String()
}

// TestV2FastReads reads every twarc2 test file and real sample, and a
// file mixing pages, flattened tweets, stream lines and damaged lines,
// with the reference decoder and with v2Scanner, on one worker and on
// three: the sink receives the same calls, byte for byte.
func TestV2FastReads(t *testing.T) {
	var mixed bytes.Buffer
	for _, path := range twarc2Files(t) {
		raw := mustRead(t, path)
		if !strings.HasSuffix(path, ".gz") && !documentMode(raw) {
			mixed.Write(bytes.TrimSpace(raw))
			mixed.WriteByte('\n')
		}
		want := readCalls(t, path, raw, 1, true)
		if strings.Count(want, "M ") == 0 {
			t.Errorf("%s: no message", path)
		}
		for _, w := range []int{1, 3} {
			if got := readCalls(t, path, raw, w, false); got != want {
				t.Errorf("%s, %d workers: the calls differ from the reference decoder's (%d and %d bytes)", path, w, len(got), len(want))
			}
		}
	}
	for _, damaged := range []string{
		`{"data":[{"id":"1500000000000000001","created_at":"2022-03-05T21:14:07.000Z","text":"coupé`,
		`{"data":[{"id":1500000000000000002,"created_at":"2022-03-05T21:14:07.000Z"},{"id":"1500000000000000003","created_at":"2022-03-05T21:14:07.000Z"}]}`,
		`{"data":[{"id":"1500000000000000004","created_at":"2022-03-05T21:14:07.000Z","public_metrics":{"like_count":-3}}]}`,
		`{"data":[{"id":"1500000000000000005","ID":"1500000000000000006","created_at":"2022-03-05T21:14:07.000Z"}]}`,
		`{"data":[{"id":"1500000000000000007","created_at":"2022-03-05T21:14:07.000Z","text":"` + "\xff\xfe" + `"}]}`,
		`{"data":[{"id":"1500000000000000008","created_at":"yesterday"}]}`,
		`{"meta":{"result_count":0}}`,
		`[1, 2]`,
	} {
		mixed.WriteString(damaged + "\n")
	}
	raw := mixed.Bytes()
	want := readCalls(t, "mixed.jsonl", raw, 1, true)
	if m, x := strings.Count("\n"+want, "\nM "), strings.Count("\n"+want, "\nX "); m == 0 || x < 5 {
		t.Errorf("mixed: %d messages and %d rejections", m, x)
	}
	for _, w := range []int{1, 3} {
		if got := readCalls(t, "mixed.jsonl", raw, w, false); got != want {
			t.Errorf("mixed, %d workers: the calls differ from the reference decoder's", w)
			diffLines(t, want, got)
		}
	}
}

// diffLines logs the first line where a and b differ.
func diffLines(t *testing.T, a, b string) {
	t.Helper()
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			t.Logf("line %d:\nreference %s\nfast      %s", i+1, al[i], bl[i])
			return
		}
	}
	t.Logf("%d and %d lines", len(al), len(bl))
}

// FuzzV2Fast is a differential fuzz target: whatever record v2Scanner
// decodes, unmarshal decodes to the same v2Line.
func FuzzV2Fast(f *testing.F) {
	for _, dir := range []string{filepath.Join("testdata", "twarc2"), filepath.Join("..", "..", "..", "..", "shared", "fixtures", "twarc2")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json*"))
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil || strings.HasSuffix(p, ".gz") {
				continue
			}
			for _, l := range bytes.Split(b, []byte("\n")) {
				if len(l) > 0 && len(l) < 8<<10 {
					f.Add(l)
				}
			}
		}
	}
	for i, c := range []string{
		`{"data":[{"id":"1","text":"\ud83d\ude00","public_metrics":{"like_count":"2"}}],"includes":{"users":[]}}`,
		`{"id":"1","author":{"id":"2"},"note_tweet":{"text":"x","entities":{"urls":[{"url":"u"}]}}}`,
		`{"errors":[{}],"matching_rules":null,"meta":{"a":[1,{"b":null}]}}`,
	} {
		f.Add([]byte(c))
		f.Add([]byte(fmt.Sprintf("%s%*s", c, i, "")))
	}
	// A scanner that decoded a page with lists of every kind before.
	rich := []byte(`{"data":[{"id":"1","referenced_tweets":[{"type":"quoted","id":"2"}],"entities":{"hashtags":[{"tag":"a"},{"tag":"b"}],` +
		`"mentions":[{"username":"u","id":"3"}],"urls":[{"url":"s"}]}},{"id":"4","entities":{"hashtags":[{"tag":"c"}]}}],"includes":{"users":[{"id":"3"}]}}`)
	f.Fuzz(func(t *testing.T, b []byte) {
		sameV2(t, new(v2Scanner), b)
		var s v2Scanner
		if !sameV2(t, &s, rich) {
			t.Fatal("the rich page is declined")
		}
		sameV2(t, &s, b)
		sameV2(t, &s, rich)
	})
}

// FuzzTwarc2Decoders reads a fuzzed file as twarc2 with the reference
// decoder on one worker, and with v2Scanner on one worker and on two,
// within fuzzed limits: the sink receives the same calls, in the same
// order (rejections of records too deep or too long included).
func FuzzTwarc2Decoders(f *testing.F) {
	seed(f, "twarc2")
	f.Add([]byte(`{"data":[{"id":"1","created_at":"2022-03-05T21:14:07.000Z","entities":{"hashtags":[{"tag":"a"}]}}]}`+"\n"+
		`{"data":[{"id":"2","created_at":"2022-03-05T21:14:07.000Z","x":[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]}]}`), uint32(0x33))
	f.Fuzz(func(t *testing.T, raw []byte, code uint32) {
		lim := fuzzLimits(code)
		read := func(workers int, reference bool) (string, bool) {
			referenceDecoder.Store(reference)
			defer referenceDecoder.Store(false)
			fl, err := rawio.NewFileWith("fuzz.jsonl", bytes.NewReader(raw), lim)
			if err != nil {
				return "", false
			}
			fl.Workers = workers
			log := &callLog{}
			err = readTwarc2(fl, log)
			return fmt.Sprintf("%s\nerr=%v", log.b.String(), err), true
		}
		want, ok := read(1, true)
		if !ok {
			return
		}
		for _, w := range []int{1, 2} {
			if got, _ := read(w, false); got != want {
				t.Errorf("v2Scanner on %d workers: the calls differ from the reference decoder's", w)
				diffLines(t, want, got)
			}
		}
	})
}
