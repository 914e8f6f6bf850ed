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
	want := "id:1234567890,id:2b1cf5cf98451d29a35aef36046b41a0,handle:canari_zeph,name:zephirine canari"
	if strings.Join(s, ",") != want {
		t.Errorf("needles %v, want %s", s, want)
	}
	if m := got[3].Masked(); m != "z… c… (16)" {
		t.Errorf("masked %q", m)
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
