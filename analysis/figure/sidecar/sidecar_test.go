package sidecar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMarshalAndRead(t *testing.T) {
	s := Sidecar{ID: "f01", Title: "T", Caption: "C.", Notebook: "00.ipynb", Study: "sample", Synthetic: true, Revision: "r", GOARCH: "amd64"}
	b, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "id": "f01",
  "title": "T",
  "caption": "C.",
  "notebook": "00.ipynb",
  "study": "sample",
  "synthetic": true,
  "inputs": [],
  "revision": "r",
  "goarch": "amd64"
}
`
	if string(b) != want {
		t.Errorf("marshalled:\n%s\nwant\n%s", b, want)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "f01.json")
	s.Inputs = []Input{{Path: "data/a.csv", SHA256: "aa"}}
	b, _ = s.Marshal()
	if err := os.WriteFile(p, append(b[:len(b)-2], []byte(`, "extra": 1}`)...), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "f01" || len(got.Inputs) != 1 || got.Inputs[0] != s.Inputs[0] || !got.Synthetic {
		t.Errorf("read %+v", got)
	}
	os.WriteFile(p, []byte("{"), 0o644)
	if _, err := Read(p); err == nil || !strings.HasPrefix(err.Error(), "f01.json: invalid sidecar") {
		t.Errorf("broken sidecar: %v", err)
	}
}
