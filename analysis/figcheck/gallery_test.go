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

// A figure not drawn shows its note in the gallery, in place of the
// figure (the old gallery listed sidecars only: the figure vanished).
func TestGalleryShowsNotes(t *testing.T) {
	dir := t.TempDir()
	note := "Figure 9 non tracée : les exports de cette étude ne relient pas les réponses à leur message.\nFigure 9 not drawn: the exports of this study do not link replies to their message.\n"
	if err := os.WriteFile(filepath.Join(dir, "f09-first-reply"+NoteSuffix), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteGallery(dir); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, GalleryFile))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{
		"<h2>Figures non tracées</h2>", `<figure id="f09-first-reply">`,
		"<p>Figure 9 non tracée : les exports de cette étude ne relient pas les réponses à leur message.</p>",
		"<p>Figure 9 not drawn: the exports of this study do not link replies to their message.</p>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("gallery lacks %q", want)
		}
	}
}
