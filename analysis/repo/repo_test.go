package repo

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRootFromASubfolder(t *testing.T) {
	root := Root()
	if root == "" {
		t.Fatal("no root found from analysis/repo")
	}
	if _, err := os.Stat(filepath.Join(root, "data", "study.json")); err != nil {
		t.Errorf("root %s holds no data/study.json: %v", root, err)
	}
	// A go.mod of another module below the root is not the root.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/other\n"), 0o644)
	if isRoot(dir) {
		t.Error("a go.mod of another module taken for the root")
	}
	if isRoot(".") {
		t.Error("analysis/repo taken for the root")
	}
	if !isRoot(root) {
		t.Error("the root's own go.mod not recognised")
	}
}
