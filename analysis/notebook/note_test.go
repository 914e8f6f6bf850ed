package notebook

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
	"github.com/faire-communaute/compendium/analysis/paper"
)

// A figure the data do not allow is noted, not drawn, and the cell goes
// on (the old Publish stopped it with log.Fatal): the note file holds the
// French and English lines, and a stale figure of an earlier run is
// removed.
func TestPublishOrNoteNotesAFigureNotDrawable(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("COMPENDIUM_FIGURES", dir)
	stale := filepath.Join(dir, "f09-first-reply.csv")
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A TweetScraper study: replies naming only the account answered.
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "ts", Platform: corpus.Twitter, Profession: corpus.GP}},
		Messages: []corpus.Message{
			{Community: "ts", ID: "1", Kind: corpus.Tweet, Author: "a", ReplyToAuthor: "gp"},
			{Community: "ts", ID: "2", Kind: corpus.Tweet, Author: "b", ReplyToAuthor: "gp"},
		},
	}
	if PublishOrNote(paper.F09FirstReply(responsiveness.Measure(c), figure.Provenance{Study: "ts"})) {
		t.Fatal("f09 drawn from a study without message-level links")
	}
	b, err := os.ReadFile(filepath.Join(dir, "f09-first-reply"+NoteSuffix))
	if err != nil {
		t.Fatal(err)
	}
	want := "Figure 9 non tracée : les exports de cette étude ne relient pas les réponses à leur message ; le délai de première réponse ne peut pas être mesuré.\n" +
		"Figure 9 not drawn: the exports of this study do not link replies to their message; the time to first reply cannot be measured.\n"
	if string(b) != want {
		t.Errorf("note = %q, want %q", b, want)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale figure file left: %v", err)
	}
}

// Fatal records the cell's own error in COMPENDIUM_ERRORS before stopping
// the program: run in a child process, it exits non-zero and the file
// holds the error's text.
func TestFatalRecordsTheError(t *testing.T) {
	if os.Getenv("NOTEBOOK_FATAL_CHILD") == "1" {
		Fatal(errors.New("f10-networks: boom"))
		return
	}
	file := filepath.Join(t.TempDir(), "nb.errors")
	cmd := exec.Command(os.Args[0], "-test.run", "^TestFatalRecordsTheError$")
	cmd.Env = append(os.Environ(), "NOTEBOOK_FATAL_CHILD=1", "COMPENDIUM_ERRORS="+file)
	if err := cmd.Run(); err == nil {
		t.Fatal("Fatal did not stop the program")
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "f10-networks: boom\n" {
		t.Errorf("errors file = %q", b)
	}
}
