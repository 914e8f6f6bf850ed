package privacy

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

var people = []rawio.Person{
	{Name: "Zéphirine Canari"},
	{Name: "Marie"}, // a single word: not searched
	{Handle: "@canari_zeph", ID: "1234567890"},
	{Handle: "abc"}, // too short
	{ID: "2b1cf5cf98451d29a35aef36046b41a0"},
}

func TestNeedles(t *testing.T) {
	got := Needles(people)
	var s []string
	for _, n := range got {
		s = append(s, string(n.Kind)+":"+strings.Join(n.Words, " "))
	}
	want := "id:1234567890,id:2b1cf5cf98451d29a35aef36046b41a0,name:canari zephirine,handle:canari_zeph," +
		"name:zephirine canari,name:zephirinecanari"
	if strings.Join(s, ",") != want {
		t.Errorf("needles %v, want %s", s, want)
	}
	if m := got[4].Masked(); m != "z… c… (16)" {
		t.Errorf("masked %q", m)
	}
	// A display name written as a handle is searched as the handle.
	got = Needles([]rawio.Person{{Name: "@ZQuill_Canary"}, {Name: "@ zquill"}})
	if len(got) != 1 || got[0].Kind != Handle || got[0].Words[0] != "zquill_canary" {
		t.Errorf("needles of a handle-shaped name: %+v", got)
	}
}

// TestScanFindsForms: the forms of a name or handle that pseudonymisation
// must remove are found, so that the check would catch a regression; a
// first name or a surname alone is not.
func TestScanFindsForms(t *testing.T) {
	sc := NewScanner(Needles([]rawio.Person{{Name: "Zéphyrine Quillbottom", Handle: "zquill_canary"}}))
	found := []string{
		"merci zquill_canary !", "#zquill_canary", "ZQUILL_CANARY", "écrire à zquill_canary@gmail.com",
		"@zquill\u200b_canary", "@zquill\u200c_canary", "@zquill\u00ad_canary", "@zquill\u2060_canary", "@zquill\ufeff_canary",
		"https%3A%2F%2Fx.com%2Fzquill_canary", "%40zquill_canary", "%2540zquill_canary", "screen_name=zquill_canary", "@ zquill_canary",
		"Quillbottom, Zephyrine", "QUILLBOTTOM Zéphyrine", "ZephyrineQuillbottom", "#ZéphyrineQuillbottom",
		"Zephyrine\u200b Quillbottom", "Quill\u00adbottom Zephyrine",
		"a,b,\"merci Zephyrine\nQuillbottom\"",
	}
	for _, text := range found {
		got, err := sc.Scan("f.csv", strings.NewReader(text))
		if err != nil || len(got) == 0 {
			t.Errorf("%q: not found (%v)", text, err)
		}
	}
	// The split name is reported on the line where it ends.
	got, _ := sc.Scan("f.csv", strings.NewReader("x\nmerci Zephyrine\nQuillbottom !\n"))
	if len(got) != 1 || got[0].Line != 3 {
		t.Errorf("split name: %+v", got)
	}
	for _, text := range []string{"Zéphyrine", "Quillbottom", "zquill canary", "zquill_canary_fan", "Z. Quillbottom", "u-abcdefghij"} {
		if got, _ := sc.Scan("f.csv", strings.NewReader(text)); len(got) != 0 {
			t.Errorf("%q: found %v", text, got)
		}
	}
	// No needle at all: nothing found, nothing carried.
	if got, err := NewScanner(nil).Scan("f.csv", strings.NewReader("a\nb\n")); err != nil || len(got) != 0 {
		t.Errorf("empty scanner: %v %v", got, err)
	}
}

func TestScanFindsCanaries(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"messages.csv":  "community,author,text\navs,u-abcdefghij,merci ZEPHIRINE   canari !\n",
		"nb.ipynb":      `{"text": ["bonjour @canari_zeph"]}`,
		"f.svg":         "<svg><text>2b1cf5cf98451d29a35aef36046b41a0</text></svg>",
		"clean.csv":     "Marie a écrit; zéphirine seule; canari seul; 12345678901\n",
		"image.png":     "Zéphirine Canari", // not a text output: not read
		"sub/deep.json": "{\n\"x\": \"Zéphirine-Canari\"\n}",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	sc := NewScanner(Needles(people))
	found, n, err := sc.ScanPaths(dir, filepath.Join(dir, "missing"))
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Errorf("read %d files, want 5 (png skipped)", n)
	}
	var got []string
	for _, f := range found {
		rel, _ := filepath.Rel(dir, f.File)
		got = append(got, rel+":"+string(f.Needle.Kind))
	}
	want := "f.svg:id,messages.csv:name,nb.ipynb:handle,sub/deep.json:name"
	sort.Strings(got)
	if strings.Join(got, ",") != want {
		t.Errorf("found %v, want %s", got, want)
	}
	for _, f := range found {
		if strings.Contains(f.String(), "canari") || strings.Contains(f.String(), "zephirine") {
			t.Errorf("finding reveals the identity: %s", f)
		}
	}
}

// TestScanFindsPlatformForms: the identities of Mastodon, Bluesky,
// Telegram, WhatsApp and Reddit accounts are found in the forms their
// texts write them; other numbers are not taken for a participant's.
func TestScanFindsPlatformForms(t *testing.T) {
	met := []rawio.Person{
		{Handle: "zquill@piaille.fr"},
		{Handle: "jean-dupont.fr", ID: "did:plc:ewvi7nxzyoun6zhxrhs64oiz"},
		{ID: "user123456789"},
		{Name: "+33 6 12 34 56 78"},
		{Name: "\u202a+44 7700 900123\u202c"},
		{Handle: "zquill_canary"},
	}
	needles := Needles(met)
	var kinds []string
	for _, n := range needles {
		if n.Kind == Phone {
			kinds = append(kinds, "phone:"+n.Words[0])
		}
	}
	if got := strings.Join(kinds, ","); got != "phone:612345678,phone:700900123" {
		t.Errorf("phone needles %s", got)
	}
	sc := NewScanner(needles)
	found := map[string]Kind{
		"merci @zquill@piaille.fr !":                                  Handle,
		"https://piaille.fr/@zquill":                                  Handle,
		"https://piaille.fr/users/zquill/statuses/1":                  Handle,
		"@zquill merci":                                               Handle,
		"par @jean-dupont.fr":                                         Handle,
		"at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3k": ID,
		"bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz":           ID,
		"from_id user123456789":                                       ID,
		"id 123456789":                                                ID,
		"appelle le 06 12 34 56 78":                                   Phone,
		"ou le 06.12.34.56.78":                                        Phone,
		"ou 0612345678":                                               Phone,
		"ou +33 (0)6 12 34 56 78":                                     Phone,
		"ou 0033\u00a06\u00a012\u00a034\u00a056\u00a078":              Phone,
		"ou %2B33612345678":                                           Phone,
		"+44 7700 900123":                                             Phone,
		"merci u/zquill_canary":                                       Handle,
	}
	for text, kind := range found {
		got, err := sc.Scan("f.csv", strings.NewReader(text))
		if err != nil || len(got) == 0 || got[0].Needle.Kind != kind {
			t.Errorf("%q: found %v, want a %s (%v)", text, got, kind, err)
		}
	}
	for _, text := range []string{
		"06 12 34 56 79", "06,12,34,56,78", "2019-06-12 34:56", "612,345,678", "1 200 €", "<phone>", "u-abcdefghij",
		"piaille.fr", "jean dupont",
	} {
		if got, _ := sc.Scan("f.csv", strings.NewReader(text)); len(got) != 0 {
			t.Errorf("%q: found %v", text, got)
		}
	}
	if m := (Needle{Kind: Phone, Words: []string{"612345678"}}).Masked(); m != "6… (9)" {
		t.Errorf("masked %q", m)
	}
}

// FuzzScanPhones: scanning any line never fails, and a participant's
// number written in a line between spaces, in its national or its
// international form, is always found.
func FuzzScanPhones(f *testing.F) {
	for _, s := range []string{"", "06 12 34 56 78", "+33 (0)6.12.34.56.78", "1,2,3 4 5", "+++", "0 0 0 0 0 0 0 0 0", "\u00a0\u202f-.()"} {
		f.Add(s)
	}
	sc := NewScanner(Needles([]rawio.Person{{Name: "+33 6 12 34 56 78"}}))
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := sc.Scan("f.csv", strings.NewReader(s)); err != nil {
			t.Fatal(err)
		}
		line := strings.ReplaceAll(strings.ReplaceAll(s, "\n", " "), "\r", " ")
		for _, form := range []string{"06 12 34 56 78", "+33612345678"} {
			got, _ := sc.Scan("f.csv", strings.NewReader(line+" , "+form+" , "+line))
			if len(got) == 0 {
				t.Fatalf("%q not found after %q", form, line)
			}
		}
	})
}
