package load

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/repo"
)

const codingStudy = `{"name": "s", "communities": [{"id": "G", "platform": "facebook"}]%s}`

func TestCodingChoice(t *testing.T) {
	// Absent: the keyword codebook and the repository's files.
	s, err := ParseStudy("s.json", []byte(strings.Replace(codingStudy, "%s", "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	s.Dir = "/studies/x"
	got := s.CodingChoice()
	root := repo.Root()
	want := CodingSpec{Coder: CoderKeyword,
		Codebook:    filepath.Join(root, "data", "codebook", "codebook.json"),
		Gold:        filepath.Join(root, "data", "codebook", "hand-coded.csv"),
		GoldThreads: filepath.Join(root, "data", "codebook", "coding", "gold-threads.csv")}
	if got != want {
		t.Errorf("no coding section: got %+v, want %+v", got, want)
	}
	// Given: relative paths are the study folder's, absolute ones kept.
	s, err = ParseStudy("s.json", []byte(strings.Replace(codingStudy, "%s", `, "coding": {"coder": "trained", "gold": "codes/gold.csv", "codebook": "/cb/book.json"}`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	s.Dir = "/studies/x"
	got = s.CodingChoice()
	want = CodingSpec{Coder: CoderTrained, Codebook: "/cb/book.json",
		Gold:        filepath.Join("/studies/x", "codes", "gold.csv"),
		GoldThreads: filepath.Join(root, "data", "codebook", "coding", "gold-threads.csv")}
	if got != want {
		t.Errorf("coding section: got %+v, want %+v", got, want)
	}
}

func TestCodingErrors(t *testing.T) {
	for _, c := range []struct{ coding, want string }{
		{`"coding": {"coder": "bert"}`, `s.json: field "coding.coder": want keyword or trained, not "bert"`},
		{`"coding": {"gold": "  "}`, `s.json: field "coding.gold": missing value`},
		{`"coding": {"coders": "trained"}`, `s.json:1: field "coders": unknown field`},
		{`"coding": "trained"`, `field "coding": want load.CodingSpec`},
	} {
		_, err := ParseStudy("s.json", []byte(strings.Replace(codingStudy, "%s", ", "+c.coding, 1)))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.coding, err, c.want)
		}
	}
}
