package whatsapp_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load"
)

var key = []byte("a test key of thirty-two bytes!!")

// Loaded through package load, in a study: every record accounted for,
// system lines among the loaded by kind, the community the study's (the
// export names none), no reply links; the same chat exported twice (the
// second export a week longer) gives duplicates for the common messages.
func TestLoadStudy(t *testing.T) {
	dir := t.TempDir()
	raw, err := os.ReadFile(filepath.Join("testdata", "whatsapp", "android_fr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	longer := string(raw) + "04/10/2019 à 09:00 - Nadia Benali : Une semaine plus tard\n"
	// The file names of real exports name a person: they are not read.
	os.WriteFile(filepath.Join(dir, "Discussion WhatsApp avec Nadia Benali.txt"), raw, 0o644)
	os.WriteFile(filepath.Join(dir, "export2.txt"), []byte(longer), 0o644)
	spec := &load.Spec{Name: "w", Synthetic: true, Dir: dir, Communities: []load.CommunitySpec{{
		ID: "aides94", Name: "Aides 94", Platform: "whatsapp",
		Sources: []load.SourceSpec{{Files: []string{"Discussion*.txt", "export2.txt"}, Format: "auto"}}}}}
	c, rep, err := load.LoadSpec(spec, load.Options{Key: key})
	if err != nil {
		t.Fatal(err)
	}
	f, g := rep.Files[0], rep.Files[1]
	if f.Format != "whatsapp-txt" || f.Records != 12 || f.Loaded != 11 || f.Rejected != 1 || f.Service["system"] != 3 || len(f.Service) != 1 {
		t.Errorf("first export %+v", f)
	}
	if g.Records != 13 || g.Duplicates != 8 || g.Loaded != 4 || g.Rejected != 1 || g.Records != g.Loaded+g.Duplicates+g.Conflicting+g.Rejected {
		t.Errorf("second export %+v", g)
	}
	if len(c.Messages) != 9 || len(c.Communities) != 1 || c.Communities[0].ID != "aides94" || c.Communities[0].Platform != corpus.WhatsApp {
		t.Fatalf("%d messages, %+v", len(c.Messages), c.Communities)
	}
	authors := map[string]bool{}
	for _, m := range c.Messages {
		authors[m.Author] = true
		if m.ParentID != "" || m.Kind != corpus.Post || strings.Contains(m.Text, "Nadia Benali") {
			t.Errorf("message %+v", m)
		}
	}
	// Sandrine, Nadia, Karim and the phone number.
	if len(authors) != 4 {
		t.Errorf("%d authors", len(authors))
	}
	if l := c.LinksByCommunity(); len(l) != 1 || l[0].Strength() != corpus.NoLinks {
		t.Errorf("links %+v", l)
	}
}

// The real chat-miner sample through load: 9 records, 7 messages and 2
// system lines.
func TestLoadChatMiner(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "fixtures", "whatsapp", "chat-miner_test_ddmmyy_24hrs.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skip("real sample absent")
	}
	c, rep, err := load.Files([]string{path}, load.Options{Key: key})
	if err != nil {
		t.Fatal(err)
	}
	f := rep.Files[0]
	if f.Records != 9 || f.Loaded != 9 || f.Service["system"] != 2 || f.Rejected != 0 || len(c.Messages) != 7 {
		t.Errorf("report %+v, %d messages", f, len(c.Messages))
	}
}

// An iOS export arrives as a zip holding _chat.txt: the zip is read as it
// is, the second pass opening the member again; the same chat piped on
// standard input is read from a spooled copy, with the same messages.
func TestLoadZipAndStdin(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "whatsapp", "ios_en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "WhatsApp Chat - Carers.zip")
	out, _ := os.Create(p)
	zw := zip.NewWriter(out)
	w, _ := zw.Create("_chat.txt")
	w.Write(raw)
	zw.Close()
	out.Close()
	ids := func(c *corpus.Corpus) []string {
		var s []string
		for _, m := range c.Messages {
			s = append(s, m.ID)
		}
		return s
	}
	c, rep, err := load.Files([]string{p}, load.Options{Key: key})
	if err != nil || len(c.Messages) != 5 || rep.Files[0].Service["system"] != 2 || rep.Files[0].Rejected != 0 {
		t.Fatalf("%v: %d messages, %+v", err, len(c.Messages), rep.Files)
	}
	c2, _, err := load.Files([]string{"-"}, load.Options{Key: key, Stdin: bytes.NewReader(raw)})
	if err != nil || !reflect.DeepEqual(ids(c), ids(c2)) {
		t.Errorf("%v: %v, then %v", err, ids(c), ids(c2))
	}
}
