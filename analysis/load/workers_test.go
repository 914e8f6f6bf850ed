package load

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// fakeMessage is a line of the fake format: a Facebook message of group
// G naming a person in its text and mentioning an account.
func fakeMessage(id, i int, author string) string {
	parent, kind := "", "post"
	if i%5 != 0 {
		parent, kind = fmt.Sprint(id-1), "comment"
	}
	return fmt.Sprintf("m\t%d\t%s\t\t%s\t%s\t2019-05-01T%02d:%02d:%02dZ\tMerci Prénom%d Nom%d pour la convention, @compte_%d\tG\t\t\tconvention|AVS\t\n",
		id, parent, kind, author, 8+i/3600%10, i/60%60, i%60, i%7, i%7, i%11)
}

func fakeAuthor(i int) string { return fmt.Sprintf("n:Prénom%d Nom%d", i%50, i%7) }

// writeWorkersDir writes the files of TestWorkersSameLoad; their records
// are counted in its comments.
func writeWorkersDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// a.fake: 20 messages, a bad time, a bad line, a service record and a
	// panel: 24 records, 22 loaded, 2 rejected.
	var a strings.Builder
	a.WriteString("#fake facebook\n")
	for i := range 20 {
		a.WriteString(fakeMessage(1000+i, i, fakeAuthor(i)))
	}
	a.WriteString("m\t1100\t\t\tpost\tn:Jean Bon\thier\ttexte\tG\t\t\t\t\n")
	a.WriteString("x\tligne sans forme\n")
	a.WriteString("s\tjoin\n")
	a.WriteString("p\tG\tGroupe\t2019-05-01T00:00:00Z\t120\n")
	write("a.fake", a.String())
	// b.fake: a copy of 1003 (a duplicate), 1004 by another author (a
	// conflict), 10 new messages: 12 records.
	var b strings.Builder
	b.WriteString("#fake facebook\n")
	b.WriteString(fakeMessage(1003, 3, fakeAuthor(3)))
	b.WriteString(fakeMessage(1004, 4, "n:Quelqu'un Dautre"))
	for i := range 10 {
		b.WriteString(fakeMessage(2000+i, i, fakeAuthor(i+3)))
	}
	write("b.fake", b.String())
	write("d.txt", "bonjour\n") // skipped: no export
	write("e.fake", "")         // skipped: empty
	// h00…h09: 600 messages each, and from h01 on copies of ten of the
	// previous file's: 6,090 records, 90 duplicates. Each file holds more
	// records than a worker's channel, so workers wait for the load.
	for k := range 10 {
		var h strings.Builder
		h.WriteString("#fake facebook\n")
		for i := range 600 {
			h.WriteString(fakeMessage(10000*(k+1)+i, i, fakeAuthor(i+k)))
			if k > 0 && i < 10 {
				h.WriteString(fakeMessage(10000*k+i, i, fakeAuthor(i+k-1)))
			}
		}
		write(fmt.Sprintf("h%02d.fake", k), h.String())
	}
	// z.zip: two members, 10 messages and a copy of 1001: 11 records.
	zf, err := os.Create(filepath.Join(dir, "z.zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(zf)
	for k := range 2 {
		w, _ := zw.Create(fmt.Sprintf("z%d.fake", k+1))
		fmt.Fprint(w, "#fake facebook\n")
		for i := range 5 {
			fmt.Fprint(w, fakeMessage(3000+5*k+i, i, fakeAuthor(i)))
		}
		if k == 1 {
			fmt.Fprint(w, fakeMessage(1001, 1, fakeAuthor(1)))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zf.Close()
	return dir
}

// fingerprint writes out everything a load returns: the corpus, the
// report with every file's counts, rejections and conflicts in order,
// and the error.
func fingerprint(t *testing.T, c *corpus.Corpus, rep *Report, err error) string {
	t.Helper()
	var b strings.Builder
	cj, jerr := json.Marshal(c)
	if jerr != nil {
		t.Fatal(jerr)
	}
	b.Write(cj)
	rj, jerr := json.Marshal(rep)
	if jerr != nil {
		t.Fatal(jerr)
	}
	b.Write(rj)
	if rep != nil {
		b.WriteString(rep.String())
		for _, f := range rep.Files {
			fmt.Fprintf(&b, "\n%s %s err=%v", f.Path, f.SHA256, f.Err)
			for _, r := range f.Rejections {
				b.WriteString("\n  " + r.Error())
			}
			for _, c := range f.Conflicts {
				b.WriteString("\n  " + c.String())
			}
		}
	}
	fmt.Fprintf(&b, "\nerr=%v", err)
	return b.String()
}

var workersNow = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// TestWorkersSameLoad loads the same inputs with one worker and with
// several, and checks that the corpus, the report (the rejections'
// order included) and the error are the same, byte for byte: files
// decoded ahead reach the load in order, and texts scrubbed in parallel
// get the same pseudonyms.
func TestWorkersSameLoad(t *testing.T) {
	dir := writeWorkersDir(t)
	paths := []string{dir, filepath.Join("testdata", "canary"), filepath.Join(dir, "absent.fake")}
	load := func(w int) (*corpus.Corpus, *Report, error) {
		return Files(paths, Options{Key: testKey, Now: workersNow, KeepGoing: true, Workers: w})
	}
	c1, rep1, err1 := load(1)
	if err1 != nil {
		t.Fatal(err1)
	}
	// The fake folder, counted by hand (see writeWorkersDir).
	var records, loaded, dups, confl, rejected int
	for _, f := range rep1.Files {
		if f.Input == 0 {
			records, loaded, dups, confl, rejected = records+f.Records, loaded+f.Loaded, dups+f.Duplicates, confl+f.Conflicting, rejected+f.Rejected
		}
	}
	if records != 6137 || loaded != 6042 || dups != 92 || confl != 1 || rejected != 2 {
		t.Errorf("fake folder: records %d loaded %d duplicates %d conflicting %d rejected %d, want 6137 6042 92 1 2",
			records, loaded, dups, confl, rejected)
	}
	want := fingerprint(t, c1, rep1, err1)
	for _, w := range []int{2, 3, 8} {
		c, rep, err := load(w)
		if got := fingerprint(t, c, rep, err); got != want {
			t.Errorf("Workers %d: the load differs from one worker's (%d and %d bytes of fingerprint)", w, len(got), len(want))
		}
	}
}

// TestScrubInSteps checks that texts scrubbed and copied in quarters,
// with a collection after each, give the load they give at once: a
// community of the fake folder holds 6,042 messages, scrubbed in four
// steps when scrubInSteps is 1,000.
func TestScrubInSteps(t *testing.T) {
	dir := writeWorkersDir(t)
	load := func() string {
		c, rep, err := Files([]string{dir}, Options{Key: testKey, Now: workersNow, KeepGoing: true})
		return fingerprint(t, c, rep, err)
	}
	want := load()
	defer func(n int) { scrubInSteps = n }(scrubInSteps)
	scrubInSteps = 1000
	if got := load(); got != want {
		t.Errorf("scrubbed in steps, the load differs (%d and %d bytes of fingerprint)", len(got), len(want))
	}
	if !strings.Contains(want, "Merci") || strings.Contains(want, "Prénom3 Nom3") {
		t.Error("the fingerprint does not hold the scrubbed texts")
	}
}

// TestWorkersStrict checks that a strict load stops at the same record
// with any number of workers: the first rejection, in a.fake, after its
// twenty messages, and no file after it in the report.
func TestWorkersStrict(t *testing.T) {
	dir := writeWorkersDir(t)
	var want string
	for _, w := range []int{1, 4} {
		c, rep, err := Files([]string{dir}, Options{Key: testKey, Now: workersNow, Strict: true, Workers: w})
		if err == nil || len(rep.Files) != 1 || rep.Files[0].Records != 21 || rep.Loaded != 20 {
			t.Fatalf("Workers %d: err %v, report %+v", w, err, rep)
		}
		got := fingerprint(t, c, rep, err)
		if w == 1 {
			want = got
		} else if got != want {
			t.Errorf("Workers %d: the strict load differs from one worker's", w)
		}
	}
}

// TestWorkersStudy loads the committed synthetic study with one worker
// and with four.
func TestWorkersStudy(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the synthetic study twice")
	}
	path := filepath.Join("..", "..", "data", "study.json")
	c1, rep1, err := Study(path, Options{Key: testKey, Now: workersNow, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c1.Messages) < 10000 {
		t.Fatalf("only %d messages in the synthetic study", len(c1.Messages))
	}
	want := fingerprint(t, c1, rep1, nil)
	c4, rep4, err := Study(path, Options{Key: testKey, Now: workersNow, Workers: 4})
	if got := fingerprint(t, c4, rep4, err); got != want {
		t.Errorf("Workers 4: the study loads differently from one worker's")
	}
}

// TestWorkersConvertedAhead loads files whose messages a pipeline's
// converters convert for a platform they turn out not to have: b.fake
// names no platform, and a third of its messages are in community G, which
// a.fake's panel declared a Facebook group, so that they are Facebook
// messages (their ids lose their group's prefix), converted again in
// their turn; the others, in H and K, keep no platform and the converted
// message. The three communities alternate, with the same authors, whose
// names every text writes: each community's names are its own authors'.
// The load is the same with one worker as with four.
func TestWorkersConvertedAhead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.fake", "#fake\np\tG\tGroupe\t2019-05-01T00:00:00Z\t120\n")
	var b strings.Builder
	b.WriteString("#fake\n")
	for i := range 600 {
		group, parent := [3]string{"G", "H", "K"}[i%3], ""
		if i >= 3 {
			parent = fmt.Sprintf("421488436202698_%d", 2075037711955000+i-3)
		}
		fmt.Fprintf(&b, "m\t421488436202698_%d\t%s\t\t\tn:Prénom%d Nom%d\t2019-05-01T08:%02d:%02dZ\tMerci Prénom%d Nom%d\t%s\t\t\t\t\n",
			2075037711955000+i, parent, i/3%40, i/3%40, i/60, i%60, (i/3+3)%40, (i/3+3)%40, group)
	}
	write("b.fake", b.String())
	var want string
	for _, w := range []int{1, 4} {
		c, rep, err := Files([]string{dir}, Options{Key: testKey, Now: workersNow, Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Loaded != 601 || len(c.Messages) != 600 {
			t.Fatalf("Workers %d: %d loaded, %d messages, want 601 and 600", w, rep.Loaded, len(c.Messages))
		}
		for _, m := range c.Messages {
			wantID, wantKind, wantPlatform := "421488436202698_"+m.ID[len(m.ID)-16:], corpus.Comment, corpus.Platform(0)
			if m.Community == "G" {
				wantID, wantPlatform = m.ID[len(m.ID)-16:], corpus.Facebook
			}
			if m.ParentID == "" {
				wantKind = corpus.Post
			}
			if m.ID != wantID || m.Kind != wantKind || m.Platform != wantPlatform {
				t.Fatalf("Workers %d: message %s %s %q in %s, want %s %s %q", w, m.ID, m.Kind, m.Platform, m.Community, wantID, wantKind, wantPlatform)
			}
			if strings.Contains(m.Text, "Nom") {
				t.Fatalf("Workers %d: name left in %q (%s)", w, m.Text, m.Community)
			}
		}
		got := fingerprint(t, c, rep, err)
		if w == 1 {
			want = got
		} else if got != want {
			t.Errorf("Workers %d: the load differs from one worker's", w)
		}
	}
}
