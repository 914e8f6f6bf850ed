package figure

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

type stringer struct{}

func (stringer) String() string { return "str" }

func TestTableCells(t *testing.T) {
	tab := NewTable("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")
	tab.Add("x,y", 42, int64(-7), 0.1, math.NaN(), time.Date(2019, 5, 2, 12, 30, 0, 0, time.FixedZone("CEST", 7200)), true, stringer{}, -1e-9, math.Inf(-1))
	want := []string{"x,y", "42", "-7", "0.100000", "NaN", "2019-05-02T10:30:00Z", "true", "str", "0.000000", "-Inf"}
	got := tab.Rows[0]
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cell %d = %q, want %q", i, got[i], want[i])
		}
	}
	if Cell(float32(2.5)) != "2.500000" || Cell(uint8(3)) != "3" || Cell(nil) != "" || Cell(1234567.891) != "1234567.891000" {
		t.Error("Cell of float32/uint8/nil/large float")
	}
}

func TestWriteCSV(t *testing.T) {
	tab := NewTable("name", "n", "share")
	tab.Add("Aides à domicile", 1040, 0.125)
	tab.Add(`dit "ok", oui`, 0, math.NaN())
	var b bytes.Buffer
	if err := tab.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	want := "name,n,share\nAides à domicile,1040,0.125000\n\"dit \"\"ok\"\", oui\",0,NaN\n"
	if b.String() != want {
		t.Errorf("CSV\n%q\nwant\n%q", b.String(), want)
	}
	bad := NewTable("a", "b")
	bad.Add(1)
	if err := bad.WriteCSV(&b); err == nil {
		t.Error("ragged table accepted")
	}
}

func TestHTMLTable(t *testing.T) {
	tab := NewTable("<a>", "n")
	tab.Add("x & y", 3)
	h := HTMLTable(tab)
	if !strings.Contains(h, "<th>&lt;a&gt;</th>") || !strings.Contains(h, "x &amp; y") || !strings.Contains(h, `<td style="text-align:right">3</td>`) {
		t.Errorf("HTMLTable = %s", h)
	}
}

func sampleFigure() *Figure {
	p := NewPlot("Membres", "Mois", "Messages")
	l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 1}, {X: 1, Y: 3}, {X: 2, Y: 2}})
	if err != nil {
		panic(err)
	}
	l.Color = Color(0)
	p.Add(l)
	p.Legend.Add("groupe", l)
	data := NewTable("x", "y")
	data.Add(0, 1.0)
	data.Add(1, 3.0)
	data.Add(2, 2.0)
	return &Figure{
		ID: "f01-test", Title: "Essai", Caption: "Messages par mois",
		Plot: p, Data: data,
		Prov: Provenance{Study: "sample", Synthetic: true, Inputs: []Input{{Path: "z.csv", SHA256: "zz"}, {Path: "a.csv", SHA256: "aa"}}},
	}
}

func readAll(t *testing.T, dir, id string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, ext := range []string{".csv", ".svg", ".png", ".json"} {
		b, err := os.ReadFile(filepath.Join(dir, id+ext))
		if err != nil {
			t.Fatal(err)
		}
		out[ext] = b
	}
	return out
}

func TestSaveDeterministic(t *testing.T) {
	withLang(t, French)
	// The environment is not read: revision and notebook come from Prov.
	t.Setenv("COMPENDIUM_REVISION", "from-the-environment")
	t.Setenv("COMPENDIUM_NOTEBOOK", "from-the-environment")
	d1, d2 := t.TempDir(), t.TempDir()
	for _, d := range []string{d1, d2} {
		f := sampleFigure()
		f.Prov.Revision, f.Prov.Notebook = "abc123", "notebooks/01.ipynb"
		if err := f.Save(d); err != nil {
			t.Fatal(err)
		}
	}
	a, b := readAll(t, d1, "f01-test"), readAll(t, d2, "f01-test")
	for ext := range a {
		if !bytes.Equal(a[ext], b[ext]) {
			t.Errorf("%s differs between two saves", ext)
		}
	}
	if !bytes.HasPrefix(a[".png"], []byte("\x89PNG")) || !bytes.Contains(a[".svg"], []byte("<svg")) {
		t.Error("not a PNG / SVG")
	}
	if bytes.Contains(a[".svg"], []byte("abc123")) {
		t.Error("revision leaked into the SVG")
	}
	if string(a[".csv"]) != "x,y\n0,1.000000\n1,3.000000\n2,2.000000\n" {
		t.Errorf("csv %q", a[".csv"])
	}
	// 16 cm at 150 dpi = 944.88 -> 945 px wide, 10 cm -> 591 px high.
	png := a[".png"]
	w := int(png[16])<<24 | int(png[17])<<16 | int(png[18])<<8 | int(png[19])
	h := int(png[20])<<24 | int(png[21])<<16 | int(png[22])<<8 | int(png[23])
	if w != 945 || h != 591 {
		t.Errorf("PNG %dx%d, want 945x591", w, h)
	}

	js := a[".json"]
	if !bytes.HasSuffix(js, []byte("}\n")) || !bytes.Contains(js, []byte("\n  \"id\": \"f01-test\"")) {
		t.Errorf("sidecar not indented with a trailing newline:\n%s", js)
	}
	var sc map[string]any
	if err := json.Unmarshal(js, &sc); err != nil {
		t.Fatal(err)
	}
	wantCaption := "Messages par mois. Données synthétiques (étude «\u00a0sample\u00a0»)."
	if sc["caption"] != wantCaption || sc["revision"] != "abc123" || sc["goarch"] != runtime.GOARCH ||
		sc["notebook"] != "notebooks/01.ipynb" || sc["study"] != "sample" || sc["synthetic"] != true || sc["title"] != "Essai" {
		t.Errorf("sidecar %v", sc)
	}
	inputs := sc["inputs"].([]any)
	if len(inputs) != 2 || inputs[0].(map[string]any)["path"] != "a.csv" || inputs[1].(map[string]any)["sha256"] != "zz" {
		t.Errorf("inputs %v", inputs)
	}
	keys := []string{`"id"`, `"title"`, `"caption"`, `"notebook"`, `"study"`, `"synthetic"`, `"inputs"`, `"revision"`, `"goarch"`}
	last := -1
	for _, k := range keys {
		i := bytes.Index(js, []byte(k))
		if i < last {
			t.Errorf("key %s out of order", k)
		}
		last = i
	}
	entries, _ := os.ReadDir(d1)
	if len(entries) != 4 {
		t.Errorf("%d files in the folder, want 4 (no temporary files left)", len(entries))
	}
}

func TestTableFigure(t *testing.T) {
	tab := NewTable("communauté", "membres", "part")
	tab.Add("Aides à domicile", 1040, 0.125)
	tab.Add("Médecins", 25000, 0.5)
	f := &Figure{ID: "t01", Title: "Effectifs", Data: tab, Prov: Provenance{Study: "sample"}}
	dir := t.TempDir()
	if err := f.Save(dir); err != nil {
		t.Fatal(err)
	}
	files := readAll(t, dir, "t01")
	if !bytes.Contains(files[".svg"], []byte("<svg")) || len(files[".png"]) < 1000 {
		t.Error("table figure images missing")
	}
	// The drawn table shows French numbers.
	if !bytes.Contains(files[".svg"], []byte("25\u202f000")) || !bytes.Contains(files[".svg"], []byte("0,125")) {
		t.Error("table image does not hold French numbers")
	}
	var sc Sidecar
	if err := json.Unmarshal(files[".json"], &sc); err != nil {
		t.Fatal(err)
	}
	if sc.Caption != "Étude «\u00a0sample\u00a0»." || sc.Inputs == nil || len(sc.Inputs) != 0 || sc.Revision != "unknown" || sc.Notebook != "" {
		t.Errorf("sidecar %+v", sc)
	}
	if !bytes.Contains(files[".json"], []byte(`"inputs": []`)) {
		t.Error("inputs should be [] not null")
	}
}

func TestTilesFigure(t *testing.T) {
	a, b := sampleFigure(), sampleFigure()
	f := &Figure{ID: "g01", Data: a.Data, Tiles: [][]*plot.Plot{{a.Plot, b.Plot}, {a.Plot}}}
	if err := f.Save(t.TempDir()); err != nil {
		t.Fatal(err)
	}
}

func TestSaveErrors(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []*Figure{
		{ID: "", Data: NewTable("a")},
		{ID: "../x", Data: NewTable("a")},
		{ID: "x"},
	} {
		if err := f.Save(dir); err == nil {
			t.Errorf("Save(%q) accepted", f.ID)
		}
	}
}

func TestInputFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "in.csv")
	if err := os.WriteFile(p, []byte("abc"), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := InputFile(p, filepath.Dir(filepath.Dir(p)))
	if err != nil {
		t.Fatal(err)
	}
	if in.SHA256 != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" || in.Path != filepath.Base(filepath.Dir(p))+"/in.csv" {
		t.Errorf("input %+v", in)
	}
	if out, _ := InputFile(p, "/elsewhere"); out.Path != filepath.ToSlash(p) {
		t.Errorf("outside the root: %+v", out)
	}
}

func TestLanguageAndPalette(t *testing.T) {
	for in, want := range map[string]Language{"en": English, "EN_GB": English, "": French, "fr": French, "de": French} {
		if got := ParseLanguage(in); got != want {
			t.Errorf("ParseLanguage(%q) = %v, want %v", in, got, want)
		}
	}
	// The environment does not change the language: the caller sets it.
	t.Setenv("COMPENDIUM_LANG", "en")
	if Lang != French {
		t.Error("Lang is not French by default")
	}
	p := Palette()
	if len(p) != 8 || Color(9) != p[1] || Color(-1) != p[1] {
		t.Error("Palette/Color")
	}
	p[0] = nil
	if Color(0) == nil {
		t.Error("the palette can be changed through Palette()")
	}
}

func TestSVG(t *testing.T) {
	f := sampleFigure()
	a, err := f.SVG()
	if err != nil || !bytes.Contains(a, []byte("<svg")) {
		t.Fatalf("SVG before saving: %v", err)
	}
	if err := f.Save(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if b, _ := f.SVG(); !bytes.Equal(a, b) {
		t.Error("the saved SVG differs from the rendered one")
	}
}
