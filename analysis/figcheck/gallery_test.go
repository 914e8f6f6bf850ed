package figcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteGallery(t *testing.T) {
	_, base, _ := fixture(t)
	if err := WriteGallery(base); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(base, GalleryFile))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{
		`<img src="f02-members.svg"`, `<a href="t1-groups.csv">`, "Title of t1-groups",
		"<code>00ff</code> data/raw/observations/panels.csv", "révision <code>abc123</code>",
		"Données synthétiques.", "Carnet <code>00-context.ipynb</code>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("gallery lacks %q", want)
		}
	}
	if strings.Index(page, `id="f02-members"`) > strings.Index(page, `id="t1-groups"`) {
		t.Error("figures not in ID order")
	}
	// The gallery is not a figure: checking still passes with it present.
	m, err := ReadManifest(filepath.Join(base, ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	if r := Check(m, base, Options{}); !r.OK() {
		t.Errorf("gallery file breaks the check: %+v", r.Failures())
	}
}
