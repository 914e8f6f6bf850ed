package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// OnProgress counts every byte, file and record of a study exactly: its
// last call has the sizes of the four files read (736 + 504 + 746 + 295
// bytes; the hidden file is not listed), and the report's 25 records; counts never go back.
func TestProgressStudy(t *testing.T) {
	var calls []Counts
	_, rep := loadTestStudy(t, Options{OnProgress: func(c Counts) { calls = append(calls, c) }})
	if len(calls) == 0 {
		t.Fatal("OnProgress never called")
	}
	last := calls[len(calls)-1]
	want := Counts{Files: 4, TotalFiles: 4, Bytes: 2281, TotalBytes: 2281, Records: 25, File: "raw/observations/2019/notes.fake"}
	if len(rep.Skipped) != 0 {
		t.Errorf("skipped %v", rep.Skipped)
	}
	if last != want {
		t.Errorf("last counts %+v, want %+v", last, want)
	}
	if rep.Records != 25 {
		t.Errorf("report: %d records", rep.Records)
	}
	for i := 1; i < len(calls); i++ {
		a, b := calls[i-1], calls[i]
		if b.Files < a.Files || b.Bytes < a.Bytes || b.Records < a.Records {
			t.Errorf("counts went back: %+v then %+v", a, b)
		}
	}
}

// In loose files, a zip archive's members replace it in the totals: two
// members of 22 and 23 bytes, one file beside it of 22; the archive and
// its members are each a file done.
func TestProgressZip(t *testing.T) {
	dir := t.TempDir()
	a := "#fake facebook\n" + strings.Join([]string{"m", "1", "", "", "post", "h:x", "2019-01-01T10:00:00Z", "bonjour"}, "\t") + "\n"
	makeZip(t, filepath.Join(dir, "export.zip"), "a.fake", a, "b.fake", a+"\n")
	loose := filepath.Join(dir, "c.fake")
	if err := os.WriteFile(loose, []byte(a), 0o644); err != nil {
		t.Fatal(err)
	}
	var last Counts
	_, rep, err := Files([]string{filepath.Join(dir, "export.zip"), loose}, Options{Key: testKey, OnProgress: func(c Counts) { last = c }})
	if err != nil {
		t.Fatal(err)
	}
	n := int64(len(a))
	want := Counts{Files: 4, TotalFiles: 4, Bytes: 3*n + 1, TotalBytes: 3*n + 1, Records: rep.Records, File: loose}
	if last != want {
		t.Errorf("last counts %+v, want %+v", last, want)
	}
	if rep.Records != 3 {
		t.Errorf("%d records, want 3", rep.Records)
	}
}
