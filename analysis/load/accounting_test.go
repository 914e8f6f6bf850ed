package load

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func fakeRow(id, author, created, text string) string {
	return strings.Join([]string{"m", id, "", "", "", author, created, text, "G", "", "", "", ""}, "\t") + "\n"
}

// The same id with another author, time or text is a conflict, reported
// with both sources; the first copy is kept unchanged. Copies that differ
// only by white space, by less than a minute, or by a field one of them
// lacks are duplicates.
func TestConflictingDuplicates(t *testing.T) {
	const at = "2019-05-01T08:00:00Z"
	p := writeFile(t, "g.fake", "#fake facebook\n"+
		fakeRow("p1", "n:Anne Bleu", at, "bonjour à toutes")+ // 2
		fakeRow("p1", "n:Anne Bleu", "2019-05-01T08:00:30Z", "bonjour  à   toutes ")+ // 3: duplicate
		fakeRow("p1", "", at, "")+ // 4: duplicate, lacks author and text
		fakeRow("p1", "n:Berthe Vert", at, "bonjour à toutes")+ // 5: other author
		fakeRow("p1", "n:Anne Bleu", "2019-05-02T08:00:00Z", "bonjour à toutes")+ // 6: other day
		fakeRow("p1", "n:Anne Bleu", at, "au revoir")) // 7: other text
	c, rep, err := Files([]string{p}, Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	f := rep.Files[0]
	if f.Records != 6 || f.Loaded != 1 || f.Duplicates != 2 || f.Conflicting != 3 || f.Rejected != 0 {
		t.Fatalf("report %+v", f)
	}
	if f.Records != f.Loaded+f.Duplicates+f.Conflicting+f.Rejected || rep.Conflicting != 3 {
		t.Errorf("accounting: %+v, total %+v", f, rep)
	}
	want := []string{
		p + ":5: message p1 of G differs in author from " + p + ":2",
		p + ":6: message p1 of G differs in created from " + p + ":2",
		p + ":7: message p1 of G differs in text from " + p + ":2",
	}
	for i, w := range want {
		if i >= len(f.Conflicts) || f.Conflicts[i].String() != w {
			t.Errorf("conflict %d = %v, want %s", i, f.Conflicts, w)
		}
	}
	if len(c.Messages) != 1 || c.Messages[0].Text != "bonjour à toutes" {
		t.Errorf("kept %+v", c.Messages)
	}
	if !strings.Contains(rep.String(), "conflict: "+want[0]) {
		t.Errorf("report table lacks the conflict:\n%s", rep)
	}
}

// Times no message can have and ids no tweet can have are rejected,
// naming the field and the reason.
func TestImplausibleTimesAndIDs(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	p := writeFile(t, "t.fake", "#fake-tw\n"+
		fakeRow("1", "h:a", "2019-05-01T08:00:00Z", "ok")+
		fakeRow("2", "h:a", "0001-01-01T00:00:01Z", "year 1")+
		fakeRow("3", "h:a", "2005-12-31T23:00:00Z", "before Twitter")+
		fakeRow("4", "h:a", "2026-12-03T00:00:00Z", "after the load")+
		fakeRow("abc", "h:a", "2019-05-01T08:00:00Z", "letters")+
		fakeRow("123456789012345678901", "h:a", "2019-05-01T08:00:00Z", "21 digits"))
	_, rep, err := Files([]string{p}, Options{Key: testKey, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	f := rep.Files[0]
	if f.Loaded != 1 || f.Rejected != 5 {
		t.Fatalf("report %+v", f)
	}
	want := []string{
		p + `:3: field "created": implausible time: 0001-01-01T00:00:01Z is before twitter existed (2006-03-21)`,
		p + `:4: field "created": implausible time: 2005-12-31T23:00:00Z is before twitter existed (2006-03-21)`,
		p + `:5: field "created": implausible time: 2026-12-03T00:00:00Z is after the load (2026-12-01T00:00:00Z)`,
		p + `:6: field "id": not a message id: a tweet id is 1 to 20 digits, not "a…"`,
		p + `:7: field "id": not a message id: a tweet id is 1 to 20 digits, not "123456789012345678901"`,
	}
	for i, w := range want {
		if got := f.Rejections[i].Error(); got != w {
			t.Errorf("rejection %d = %s\nwant %s", i, got, w)
		}
	}
}

// A reader that crashes stops the load with an internal error naming the
// file and the format, not with the crash.
func TestReaderPanicIsInternalError(t *testing.T) {
	p := writeFile(t, "crash.fake", "#fake facebook\n"+fakeRow("p1", "n:A B", "2019-05-01T08:00:00Z", "x")+"!panic\n")
	_, _, err := Files([]string{p}, Options{Key: testKey})
	var fe *FileError
	var ie *InternalError
	if !errors.As(err, &fe) || fe.Path != p || !errors.As(err, &ie) || ie.Format != "fake" || !strings.Contains(ie.Stack, "readFake") {
		t.Fatalf("err = %v, want an InternalError of the fake reader on %s", err, p)
	}
	if !strings.Contains(err.Error(), "internal error in the fake reader (a bug: please report it") {
		t.Errorf("message: %v", err)
	}
}

// Limits given to the load reach the readers.
func TestLimitsReachReaders(t *testing.T) {
	p := writeFile(t, "long.fake", "#fake facebook\n"+fakeRow("p1", "n:A B", "2019-05-01T08:00:00Z", strings.Repeat("x", 5000)))
	f, err := rawio.NewFileWith(p, strings.NewReader(""), rawio.Limits{LineBytes: 100})
	if err != nil || f.Limits.LineBytes != 100 || f.Limits.Depth != rawio.DefaultDepth {
		t.Fatalf("NewFileWith limits %+v, %v", f.Limits, err)
	}
	_, _, err = Files([]string{p}, Options{Key: testKey, Limits: rawio.Limits{LineBytes: 1000}})
	if !errors.Is(err, rawio.ErrLimit) {
		t.Errorf("a 5,000-byte line within line-bytes=1000: err = %v, want a limit error", err)
	}
}

// A tweet cut short by the API ("…" and a link) and the same tweet in
// full are one message, kept in full.
func TestTruncatedCopyIsDuplicate(t *testing.T) {
	const at = "2022-05-24T14:45:51Z"
	p := writeFile(t, "t.fake", "#fake-tw\n"+
		fakeRow("1529111439562223616", "h:afp", at, "recalée par la Haute autorité… https://t.co/luvq2QWe9O")+
		fakeRow("1529111439562223616", "h:afp", at, "recalée par la Haute autorité pour la transparence #AFP https://twitter.com/i/status/1"))
	c, rep, err := Files([]string{p}, Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	if f := rep.Files[0]; f.Loaded != 1 || f.Duplicates != 1 || f.Conflicting != 0 {
		t.Fatalf("report %+v", f)
	}
	if got := c.Messages[0].Text; got != "recalée par la Haute autorité pour la transparence #AFP https://twitter.com/i/status/1" {
		t.Errorf("kept text %q, want the full one", got)
	}
}

// TestServiceRecords: a chat's joins and pins are records read, counted
// as loaded by kind, and add no message; the accounting still balances
// and the report names them.
func TestServiceRecords(t *testing.T) {
	p := writeFile(t, "g.fake", "#fake telegram\n"+
		fakeRow("m1", "n:Anne Bleu", "2019-05-01T08:00:00Z", "bonjour")+
		"s\tjoin_group_by_link\ns\tpin_message\ns\tjoin_group_by_link\n")
	c, rep, err := Files([]string{p}, Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	f := rep.Files[0]
	if f.Records != 4 || f.Loaded != 4 || f.Rejected != 0 || len(c.Messages) != 1 ||
		f.Service["join_group_by_link"] != 2 || f.Service["pin_message"] != 1 || len(f.Service) != 2 {
		t.Fatalf("report %+v, %d messages", f, len(c.Messages))
	}
	if c.Communities[0].Platform != corpus.Telegram {
		t.Errorf("community %+v", c.Communities[0])
	}
	text := rep.String()
	for _, want := range []string{"2 × service record join_group_by_link (read, not a message)", "1 × service record pin_message"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
}
