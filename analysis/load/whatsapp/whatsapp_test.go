package whatsapp

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

func at(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }

// lines returns the lines of the calls of rec: messages, services,
// rejects.
func lines(rec *recorder) (m, s, r []int) {
	for _, x := range rec.Msgs {
		m = append(m, x.Line)
	}
	for _, x := range rec.Services {
		s = append(s, x.Line)
	}
	for _, x := range rec.Rejects {
		r = append(r, x.Line)
	}
	return
}

// The French Android export: "26/09/2019 à 22:39 - Nom : texte", day
// first (a first field above 12), Paris time; multi-line messages are
// one record at their first line; system lines are service records; a
// phone number written with marks and spaces is one person; the media
// marker is replaced; the impossible date (31 February) is rejected with
// its continuation line; an exact repeat gets a numbered id.
func TestAndroidFrench(t *testing.T) {
	rec := readFile(t, filepath.Join("testdata", "whatsapp", "android_fr.txt"), nil)
	m, s, r := lines(rec)
	if rec.Calls() != 12 || !reflect.DeepEqual(m, []int{3, 4, 8, 9, 12, 13, 15, 16}) || !reflect.DeepEqual(s, []int{1, 2, 14}) || !reflect.DeepEqual(r, []int{10}) {
		t.Fatalf("messages at %v, services at %v, rejects at %v", m, s, r)
	}
	for _, x := range rec.Services {
		if x.Kind != ServiceSystem {
			t.Errorf("service kind %q", x.Kind)
		}
	}
	if e := rec.Rejects[0]; e.Field != "date" || !errors.Is(e, rawio.ErrBadTime) ||
		e.Error() != `testdata/whatsapp/android_fr.txt:10: field "date": unreadable time: "31/02/2019 à 10:00"` {
		t.Errorf("reject %v", e)
	}
	phone := rawio.Person{ID: "+33612345678"}
	want := []struct {
		author  rawio.Person
		created string
		text    string
	}{
		{rawio.Person{Name: "Sandrine Morel"}, "2019-09-26T20:39:00Z", "Bonjour à toutes ! Qui fait la tournée de Vitry demain ?"},
		{rawio.Person{Name: "Nadia Benali"}, "2019-09-26T20:41:00Z", "Moi, le matin.\nJe peux aussi prendre Mme R. l'après-midi\n\nsi besoin."},
		{phone, "2019-09-27T05:02:00Z", "Rappel : formation gestes et postures le 12 octobre"},
		{rawio.Person{Name: "Nadia Benali"}, "2019-09-27T05:05:00Z", MediaText},
		{rawio.Person{Name: "Karim Haddad"}, "2019-09-27T06:15:00Z", "ok"},
		{rawio.Person{Name: "Karim Haddad"}, "2019-09-27T06:15:00Z", "ok"},
		{phone, "2019-09-27T06:21:00Z", "Merci Sandrine"},
		{rawio.Person{Name: "Karim Haddad"}, "2019-09-27T06:30:00Z", "Ce message a été supprimé"},
	}
	for i, w := range want {
		g := rec.Msgs[i]
		if g.Author != w.author || !g.Created.Equal(at(w.created)) || g.Text != w.text || g.Platform != corpus.WhatsApp ||
			g.Kind != corpus.Post || g.Group != "" || g.ParentID != "" || g.CreatedField != "date" {
			t.Errorf("message %d: %+v, want %+v", i, g, w)
		}
	}
	// The id: "wa" and 24 hex digits of the sha256 of the minute, the
	// author's id, name (lower-cased) and text, NUL-separated.
	sum := sha256.Sum256([]byte("2019-09-26T20:39:00Z\x00\x00sandrine morel\x00Bonjour à toutes ! Qui fait la tournée de Vitry demain ?"))
	if id := "wa" + hex.EncodeToString(sum[:])[:24]; rec.Msgs[0].ID != id {
		t.Errorf("id %s, want %s", rec.Msgs[0].ID, id)
	}
	if rec.Msgs[5].ID != rec.Msgs[4].ID+"-2" {
		t.Errorf("repeat ids %s, %s", rec.Msgs[4].ID, rec.Msgs[5].ID)
	}
	seen := map[string]bool{}
	for _, m := range rec.Msgs {
		if seen[m.ID] || rawio.CheckID(corpus.WhatsApp, m.ID) != nil {
			t.Errorf("id %q repeated or invalid", m.ID)
		}
		seen[m.ID] = true
	}
}

// The iOS layout in English: "[02/11/2020, 9:47:19 pm] Name: text", a
// narrow no-break space before pm, left-to-right marks at the start of
// attachment lines and of the system lines iOS writes under the group's
// name; day first (13/11), 12-hour clock (12:05 am is 00:05).
func TestIOSEnglish(t *testing.T) {
	rec := readFile(t, filepath.Join("testdata", "whatsapp", "ios_en.txt"), map[string]string{OptionTimezone: "Europe/London"})
	m, s, r := lines(rec)
	if !reflect.DeepEqual(m, []int{3, 4, 5, 7, 8}) || !reflect.DeepEqual(s, []int{1, 2}) || len(r) != 0 {
		t.Fatalf("messages at %v, services at %v, rejects at %v", m, s, r)
	}
	want := []struct{ author, created, text string }{
		{"Amy Clarke", "2020-11-02T21:47:19Z", "Evening all, who covers Mrs P tomorrow?"},
		{"Ben Okafor", "2020-11-02T21:48:02Z", MediaText},
		{"Ben Okafor", "2020-11-13T00:05:00Z", "Me, from 8\nand then the 10 o'clock round"},
		{"Amy Clarke", "2020-11-13T07:30:12Z", MediaText},
		{"Amy Clarke", "2020-11-13T07:31:00Z", "This message was deleted."},
	}
	for i, w := range want {
		g := rec.Msgs[i]
		if g.Author.Name != w.author || !g.Created.Equal(at(w.created)) || g.Text != w.text {
			t.Errorf("message %d: %+v, want %+v", i, g, w)
		}
	}
}

// The US Android layout "9/26/19, 10:39 PM - Name: text": month first (a
// second field above 12), two-digit years, an attachment with its
// caption on the next line.
func TestAndroidUS(t *testing.T) {
	rec := readFile(t, filepath.Join("testdata", "whatsapp", "android_us.txt"), map[string]string{OptionTimezone: "America/New_York"})
	m, s, r := lines(rec)
	if !reflect.DeepEqual(m, []int{2, 3}) || !reflect.DeepEqual(s, []int{1, 5}) || len(r) != 0 {
		t.Fatalf("messages at %v, services at %v, rejects at %v", m, s, r)
	}
	if g := rec.Msgs[0]; !g.Created.Equal(at("2019-09-27T02:39:00Z")) || g.Text != "Hi everyone" {
		t.Errorf("message 0: %+v", g)
	}
	if g := rec.Msgs[1]; !g.Created.Equal(at("2019-09-27T04:01:00Z")) || g.Text != MediaText+"\nMrs P's new rota" {
		t.Errorf("message 1: %+v", g)
	}
}

// A file whose dates and words do not tell the day-month order is not
// guessed: it is a file-level error naming the option, and the option
// reads it.
func TestUndecidedOrder(t *testing.T) {
	path := filepath.Join("testdata", "whatsapp", "undecided.txt")
	f, _ := rawio.Open(path)
	defer f.Close()
	err := read(f, &recorder{})
	if !errors.Is(err, ErrUndecidedOrder) || !strings.Contains(err.Error(), `set the "dates" option to day-first or month-first`) {
		t.Fatalf("error %v", err)
	}
	for opt, want := range map[string]string{"day-first": "2020-11-02T20:47:00Z", "month-first": "2020-02-11T20:47:00Z"} {
		rec := readFile(t, path, map[string]string{OptionDates: opt})
		if len(rec.Msgs) != 2 || !rec.Msgs[0].Created.Equal(at(want)) {
			t.Errorf("%s: %+v", opt, rec.Msgs)
		}
	}
	// Dates of both orders without a French line: undecided too; with
	// one ("à"), day first, and the dates impossible that way rejected.
	both := "13/01/2020, 10:00 - A: un\n01/13/2020, 10:00 - B: deux\n"
	if _, err := readString(t, both, nil, rawio.Limits{}); !errors.Is(err, ErrUndecidedOrder) || !strings.Contains(err.Error(), "both orders") {
		t.Errorf("both orders: %v", err)
	}
	// Years first: the order does not matter.
	if rec, err := readString(t, "2020-11-02 21:47 - A: un\n2020-11-03 08:02 - B: deux\n", nil, rawio.Limits{}); err != nil || len(rec.Msgs) != 2 || !rec.Msgs[1].Created.Equal(at("2020-11-03T07:02:00Z")) {
		t.Errorf("years first: %v %+v", err, rec.Msgs)
	}
	rec, err := readString(t, strings.ReplaceAll(both, ", ", " à "), nil, rawio.Limits{})
	if err != nil || len(rec.Msgs) != 1 || len(rec.Rejects) != 1 || rec.Rejects[0].Line != 2 {
		t.Errorf("both orders, French: %v %+v %v", err, rec.Msgs, rec.Rejects)
	}
}

// The same chat exported twice (by the same phone, a week apart, once
// read from a folder, once from standard input): the messages of the
// first export have the same ids in the second, so that load counts them
// as duplicates.
func TestIDsMeetAcrossExports(t *testing.T) {
	path := filepath.Join("testdata", "whatsapp", "android_fr.txt")
	first := readFile(t, path, nil)
	raw, _ := os.ReadFile(path)
	second, err := readString(t, string(raw)+"04/10/2019 à 09:00 - Nadia Benali : Une semaine plus tard\n", nil, rawio.Limits{})
	if err != nil || len(second.Msgs) != len(first.Msgs)+1 {
		t.Fatalf("%v: %d messages", err, len(second.Msgs))
	}
	for i, m := range first.Msgs {
		if second.Msgs[i].ID != m.ID || second.Msgs[i].Line != m.Line {
			t.Errorf("message %d: %s at %d, then %s at %d", i, m.ID, m.Line, second.Msgs[i].ID, second.Msgs[i].Line)
		}
	}
}

// Phone numbers as authors: every spacing of one number is one person,
// by id; names that hold digits stay names.
func TestPhoneAuthors(t *testing.T) {
	for in, want := range map[string]rawio.Person{
		"+33 6 12 34 56 78":                          {ID: "+33612345678"},
		"\u202a+33 6 12 34 56 78\u202c":              {ID: "+33612345678"},
		"+33\u00a06\u00a012\u00a034\u00a056\u00a078": {ID: "+33612345678"},
		"+33 (0)6-12-34-56-78":                       {ID: "+330612345678"},
		"+1 (555) 123-4567":                          {ID: "+15551234567"},
		"06 12 34 56 78":                             {ID: "0612345678"},
		"Marie 2":                                    {Name: "Marie 2"},
		"12345":                                      {Name: "12345"},
		"Aide 94 +33 6":                              {Name: "Aide 94 +33 6"},
	} {
		if got := person(in); got != want {
			t.Errorf("person(%q) = %+v, want %+v", in, got, want)
		}
	}
}

// Damage: lines before the first header are one rejected record; a line
// past line-bytes is rejected alone while the message around it keeps its
// other lines; a message longer than line-bytes in all is rejected.
func TestDamaged(t *testing.T) {
	raw := "entête perdue\nencore\n" +
		"26/09/2019 à 22:39 - Nadia Benali : début\n" + strings.Repeat("x", 600) + "\nfin\n" +
		"26/09/2019 à 22:40 - Karim Haddad : " + strings.Repeat("y ", 100) + "\n" + strings.Repeat("z ", 100) + "\n" + strings.Repeat("w ", 100) + "\n" +
		"26/09/2019 à 22:41 - Nadia Benali : ok\n"
	rec, err := readString(t, raw, nil, rawio.Limits{LineBytes: 512})
	m, _, r := lines(rec)
	if err != nil || !reflect.DeepEqual(m, []int{3, 9}) || !reflect.DeepEqual(r, []int{1, 4, 6}) {
		t.Fatalf("%v: messages at %v, rejects at %v: %v", err, m, r, rec.Rejects)
	}
	if rec.Msgs[0].Text != "début\nfin" || !errors.Is(rec.Rejects[1], rawio.ErrLimit) || !errors.Is(rec.Rejects[2], rawio.ErrLimit) || !errors.Is(rec.Rejects[0], rawio.ErrShape) {
		t.Errorf("%q %v", rec.Msgs[0].Text, rec.Rejects)
	}
}

// The real sample of chat-miner (9 entries: 7 messages, 2 system lines;
// day first, two-digit years, an author that is an emoji, a message
// without a space after the colon).
func TestChatMinerSample(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "fixtures", "whatsapp", "chat-miner_test_ddmmyy_24hrs.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skip("real sample absent")
	}
	b, _ := os.ReadFile(path)
	if s := sniff(b); s < 90 {
		t.Errorf("sniff %d", s)
	}
	rec := readFile(t, path, nil)
	if rec.Calls() != 9 || len(rec.Msgs) != 7 || len(rec.Services) != 2 || len(rec.Rejects) != 0 {
		t.Fatalf("%d calls, %d messages, %d services, %v", rec.Calls(), len(rec.Msgs), len(rec.Services), rec.Rejects)
	}
	var authors []string
	for _, m := range rec.Msgs {
		authors = append(authors, m.Author.Name)
	}
	if !reflect.DeepEqual(authors, []string{"John Doe", "John Doe", "Jahn Doe", "John-John Doe", "John Doe 🤓", "🤓", "John Doe"}) {
		t.Errorf("authors %q", authors)
	}
	if m := rec.Msgs[1]; m.Text != "." || !m.Created.Equal(at("2019-01-20T10:23:00Z")) {
		t.Errorf("message 1: %+v", m)
	}
	if m := rec.Msgs[2]; m.Text != "Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit. Duis libero." {
		t.Errorf("message 2: %q", m.Text)
	}
}
