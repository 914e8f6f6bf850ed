package figcheck

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const membersCSV = "study,count,share\nABC,1200,100\nAUX,2310,180\nAVS,3977,290\nBRT,410,35\n"
const groupsCSV = "group,n\na,3\nb,5\n"

// grid returns a 20x10 image with a simple pattern.
func grid() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 20, 10))
	for y := 0; y < 10; y++ {
		for x := 0; x < 20; x++ {
			img.SetNRGBA(x, y, color.NRGBA{R: uint8(10 * x), G: uint8(20 * y), B: 128, A: 255})
		}
	}
	return img
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeFigure writes the four files of a figure.
func writeFigure(t testing.TB, dir, id, csv, svg string, img image.Image, goarch string) {
	t.Helper()
	writeFile(t, filepath.Join(dir, id+".csv"), []byte(csv))
	writeFile(t, filepath.Join(dir, id+".svg"), []byte(svg))
	writeFile(t, filepath.Join(dir, id+".png"), encodePNG(t, img))
	sc := map[string]any{
		"id": id, "title": "Title of " + id, "caption": "c", "notebook": "00-context.ipynb",
		"study": "sample", "synthetic": true, "revision": "abc123", "goarch": goarch,
		"inputs":      []map[string]string{{"path": "data/raw/observations/panels.csv", "sha256": "00ff"}, {"path": "data/raw/a.csv", "sha256": "11ee"}},
		"extra_field": 42,
	}
	b, _ := json.Marshal(sc)
	writeFile(t, filepath.Join(dir, id+".json"), b)
}

// fixture builds an accepted baseline directory (rendered on amd64), its
// manifest, and a copy of it to modify.
func fixture(t *testing.T) (m Manifest, base, cur string) {
	t.Helper()
	base, cur = t.TempDir(), t.TempDir()
	for _, d := range []string{base, cur} {
		writeFigure(t, d, "t1-groups", groupsCSV, `<svg id="t1"/>`, grid(), "amd64")
		writeFigure(t, d, "f02-members", membersCSV, `<svg id="f02"/>`, grid(), "amd64")
	}
	m, err := Update(base)
	if err != nil {
		t.Fatal(err)
	}
	return m, base, cur
}

func figResult(t *testing.T, r Result, id string) FigureResult {
	t.Helper()
	for _, f := range r.Figures {
		if f.ID == id {
			return f
		}
	}
	t.Fatalf("no result for %s in %+v", id, r.Figures)
	return FigureResult{}
}

func wantCounts(t *testing.T, r Result, checked, matching, failing int) {
	t.Helper()
	if r.Checked != checked || r.Matching != matching || r.Failing != failing {
		t.Fatalf("counts = %d/%d/%d, want %d/%d/%d; %+v", r.Checked, r.Matching, r.Failing, checked, matching, failing, r.Figures)
	}
	if r.OK() != (failing == 0) {
		t.Fatalf("OK() = %v with %d failing", r.OK(), failing)
	}
}

func TestScan(t *testing.T) {
	_, base, _ := fixture(t)
	writeFile(t, filepath.Join(base, "README.md"), []byte("x"))
	writeFile(t, filepath.Join(base, "index.html"), []byte("x"))
	if err := os.Mkdir(filepath.Join(base, "report"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(base, "only-sidecar.json"), []byte(`{}`))
	figs, err := Scan(base)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range figs {
		ids = append(ids, f.ID)
	}
	if want := []string{"f02-members", "only-sidecar", "t1-groups"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("ids = %v, want %v", ids, want)
	}
	if got := figs[1].MissingFiles(); !reflect.DeepEqual(got, []string{"only-sidecar.csv", "only-sidecar.svg", "only-sidecar.png"}) {
		t.Fatalf("missing = %v", got)
	}
	if figs[2].PNG != filepath.Join(base, "t1-groups.png") {
		t.Fatalf("png path = %q", figs[2].PNG)
	}
}

func TestManifestContent(t *testing.T) {
	m, base, _ := fixture(t)
	if m.Schema != SchemaVersion || !strings.Contains(m.Comment, "scripts/reproduce --update") {
		t.Fatalf("header = %d %q", m.Schema, m.Comment)
	}
	if len(m.Figures) != 2 || m.Figures[0].ID != "f02-members" || m.Figures[1].ID != "t1-groups" {
		t.Fatalf("figures = %+v", m.Figures)
	}
	e := m.Figures[0]
	if e.CSVSHA256 != hashBytes([]byte(membersCSV)) || e.SVGSHA256 != hashBytes([]byte(`<svg id="f02"/>`)) {
		t.Fatalf("hashes = %s %s", e.CSVSHA256, e.SVGSHA256)
	}
	if e.PNGSHA256 != fileSum(filepath.Join(base, "f02-members.png")) || len(e.PNGSHA256) != 64 {
		t.Fatalf("png hash = %s", e.PNGSHA256)
	}
	want := Entry{ID: "f02-members", Title: "Title of f02-members", Notebook: "00-context.ipynb",
		CSVSHA256: e.CSVSHA256, SVGSHA256: e.SVGSHA256, PNGSHA256: e.PNGSHA256, GOARCH: "amd64",
		Inputs:   []Input{{Path: "data/raw/a.csv", SHA256: "11ee"}, {Path: "data/raw/observations/panels.csv", SHA256: "00ff"}},
		Revision: "abc123"}
	if !reflect.DeepEqual(e, want) {
		t.Fatalf("entry = %+v\nwant    %+v", e, want)
	}
}

func TestManifestDeterministicAndRoundTrip(t *testing.T) {
	_, base, _ := fixture(t)
	m1, err := Build(base)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Build(base)
	if err != nil {
		t.Fatal(err)
	}
	b1, _ := m1.Marshal()
	b2, _ := m2.Marshal()
	if !bytes.Equal(b1, b2) {
		t.Fatalf("Build twice gave different bytes:\n%s\n%s", b1, b2)
	}
	onDisk, err := os.ReadFile(filepath.Join(base, ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(onDisk, b1) {
		t.Fatalf("manifest.json differs from Marshal:\n%s\n%s", onDisk, b1)
	}
	s := string(b1)
	if !strings.HasPrefix(s, "{\n  \"schema\": 1,\n  \"comment\": ") || !strings.HasSuffix(s, "}\n") {
		t.Fatalf("layout:\n%s", s)
	}
	order := []string{`"id"`, `"title"`, `"notebook"`, `"csv_sha256"`, `"svg_sha256"`, `"png_sha256"`, `"goarch"`, `"inputs"`, `"revision"`}
	last := -1
	for _, k := range order {
		i := strings.Index(s, k)
		if i < last {
			t.Fatalf("key %s out of order in\n%s", k, s)
		}
		last = i
	}
	if strings.Index(s, `"f02-members"`) > strings.Index(s, `"t1-groups"`) {
		t.Fatal("figures not sorted by id")
	}

	path := filepath.Join(t.TempDir(), "m.json")
	if err := WriteManifest(path, m1); err != nil {
		t.Fatal(err)
	}
	back, err := ReadManifest(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, m1) {
		t.Fatalf("round trip:\n%+v\n%+v", back, m1)
	}

	// Input order and nil slices do not change the bytes.
	m3 := m1
	m3.Figures = []Entry{m1.Figures[1], m1.Figures[0]}
	m3.Figures[1].Inputs = []Input{m1.Figures[0].Inputs[1], m1.Figures[0].Inputs[0]}
	b3, _ := m3.Marshal()
	if !bytes.Equal(b3, b1) {
		t.Fatalf("canonical form not applied:\n%s", b3)
	}
	empty, _ := Manifest{Schema: 1}.Marshal()
	if !strings.Contains(string(empty), `"figures": []`) {
		t.Fatalf("empty manifest: %s", empty)
	}
}

func TestParseManifestErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"schema": 2, "figures": []}`, "schema 2 not supported"},
		{`{"schema": 1, "figures": [{"id": "a"}, {"id": "a"}]}`, `duplicate figure id "a"`},
		{`{"schema": 1, "figures": [{"title": "x"}]}`, "empty id"},
		{`not json`, "invalid manifest"},
	} {
		_, err := ParseManifest([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseManifest(%s) error = %v, want %q", tc.in, err, tc.want)
		}
	}
	m, err := ParseManifest([]byte(`{"schema": 1, "future": true, "figures": [{"id": "b", "new": 1}, {"id": "a"}]}`))
	if err != nil || m.Figures[0].ID != "a" || m.Figures[1].ID != "b" {
		t.Fatalf("lenient parse: %+v %v", m, err)
	}
}

func TestBuildIncompleteFails(t *testing.T) {
	_, _, cur := fixture(t)
	os.Remove(filepath.Join(cur, "t1-groups.svg"))
	os.Remove(filepath.Join(cur, "f02-members.json"))
	_, err := Build(cur)
	if err == nil {
		t.Fatal("Build succeeded on incomplete figures")
	}
	for _, want := range []string{"t1-groups: incomplete, missing t1-groups.svg", "f02-members: incomplete, missing f02-members.json"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
	if _, err := Update(cur); err == nil {
		t.Fatal("Update succeeded")
	}
	if _, err := os.Stat(filepath.Join(cur, ManifestFile)); !os.IsNotExist(err) {
		t.Fatal("Update wrote a manifest despite errors")
	}
}

func TestCheckAllMatch(t *testing.T) {
	m, _, cur := fixture(t)
	r := Check(m, cur, Options{GOARCH: "amd64"})
	wantCounts(t, r, 2, 2, 0)
	for _, f := range r.Figures {
		if f.Status != StatusMatch || f.Reason != "" || f.CrossArch {
			t.Errorf("%+v", f)
		}
	}
	if r.Options.ChannelTolerance != 8 || r.Options.PixelTolerance != 0.005 {
		t.Errorf("defaults not applied: %+v", r.Options)
	}
}

func TestCheckDataDrift(t *testing.T) {
	m, base, cur := fixture(t)
	changed := strings.Replace(membersCSV, "AVS,3977,290", "AVS,3978,290", 1)
	writeFile(t, filepath.Join(cur, "f02-members.csv"), []byte(changed))

	r := Check(m, cur, Options{GOARCH: "amd64", BaselineDir: base})
	wantCounts(t, r, 2, 1, 1)
	f := figResult(t, r, "f02-members")
	if f.Status != StatusDataDrift {
		t.Fatalf("status = %s", f.Status)
	}
	wantPrefix := "f02-members: data changed (csv sha256 " + hashBytes([]byte(membersCSV))[:8] + "… → " + hashBytes([]byte(changed))[:8] + "…)"
	if !strings.HasPrefix(f.Reason, wantPrefix) {
		t.Fatalf("reason = %q\nwant prefix %q", f.Reason, wantPrefix)
	}
	if !strings.HasSuffix(f.Reason, `; first differing line 4: "AVS,3977,290" → "AVS,3978,290"`) {
		t.Fatalf("reason = %q", f.Reason)
	}
	wantDiff := []DiffLine{{'-', 4, "AVS,3977,290"}, {'+', 4, "AVS,3978,290"}}
	if !reflect.DeepEqual(f.CSVDiff, wantDiff) || f.CSVDiffMore != 0 {
		t.Fatalf("diff = %v (+%d)", f.CSVDiff, f.CSVDiffMore)
	}

	// Data drift fails on another architecture too, even if the PNG matches.
	r = Check(m, cur, Options{GOARCH: "arm64", BaselineDir: base})
	if f := figResult(t, r, "f02-members"); f.Status != StatusDataDrift {
		t.Fatalf("arm64 status = %s", f.Status)
	}

	// Without a baseline the reason says there is no line diff.
	r = Check(m, cur, Options{GOARCH: "amd64"})
	if f := figResult(t, r, "f02-members"); !strings.Contains(f.Reason, "no baseline CSV for a line diff") || f.CSVDiff != nil {
		t.Fatalf("reason = %q", f.Reason)
	}
}

func TestCheckDataDriftRowsRemoved(t *testing.T) {
	m, base, cur := fixture(t)
	writeFile(t, filepath.Join(cur, "f02-members.csv"), []byte("study,count,share\nABC,1200,100\n"))
	f := figResult(t, Check(m, cur, Options{GOARCH: "amd64", BaselineDir: base}), "f02-members")
	if !strings.HasSuffix(f.Reason, `; line 3 "AUX,2310,180" and after removed (5 → 2 lines)`) {
		t.Fatalf("reason = %q", f.Reason)
	}
	want := []DiffLine{{'-', 3, "AUX,2310,180"}, {'-', 4, "AVS,3977,290"}, {'-', 5, "BRT,410,35"}}
	if !reflect.DeepEqual(f.CSVDiff, want) {
		t.Fatalf("diff = %v", f.CSVDiff)
	}
}

func TestLineDiff(t *testing.T) {
	a := []string{"h", "1", "2", "3", "4", "5"}
	b := []string{"h", "1", "x", "3", "4", "new", "5"}
	got, more := lineDiff(a, b, 20)
	want := []DiffLine{{'-', 3, "2"}, {'+', 3, "x"}, {'+', 6, "new"}}
	if !reflect.DeepEqual(got, want) || more != 0 {
		t.Fatalf("diff = %v +%d", got, more)
	}
	got, more = lineDiff(a, b, 2)
	if len(got) != 2 || more != 1 {
		t.Fatalf("limit: %v +%d", got, more)
	}
}

func TestCheckRenderDriftSameArch(t *testing.T) {
	m, base, cur := fixture(t)
	writeFile(t, filepath.Join(cur, "t1-groups.svg"), []byte(`<svg id="t1" width="2"/>`))
	r := Check(m, cur, Options{GOARCH: "amd64", BaselineDir: base})
	wantCounts(t, r, 2, 1, 1)
	f := figResult(t, r, "t1-groups")
	want := "t1-groups: render changed on amd64 (svg sha256 " + hashBytes([]byte(`<svg id="t1"/>`))[:8] + "… → " +
		hashBytes([]byte(`<svg id="t1" width="2"/>`))[:8] + "…)"
	if f.Status != StatusRenderDrift || f.Reason != want {
		t.Fatalf("got %s %q\nwant %q", f.Status, f.Reason, want)
	}

	// A PNG that differs only within the channel tolerance still fails on
	// the same architecture (byte for byte).
	_, _, cur2 := fixture(t)
	img := grid()
	img.SetNRGBA(0, 0, color.NRGBA{R: 3, G: 0, B: 128, A: 255})
	writeFile(t, filepath.Join(cur2, "t1-groups.png"), encodePNG(t, img))
	f = figResult(t, Check(m, cur2, Options{GOARCH: "amd64", BaselineDir: base}), "t1-groups")
	if f.Status != StatusRenderDrift || !strings.Contains(f.Reason, "png sha256") ||
		!strings.Contains(f.Reason, "0 of 200 pixels (0.00%, tolerance 0.50%) differ by more than 8/255") {
		t.Fatalf("got %s %q", f.Status, f.Reason)
	}
}

func TestCheckOtherArch(t *testing.T) {
	m, base, cur := fixture(t)
	// SVG bytes differ on the other architecture: ignored.
	writeFile(t, filepath.Join(cur, "t1-groups.svg"), []byte(`<svg id="t1" x="0.30000000000000004"/>`))
	img := grid()
	for x := 0; x < 20; x++ {
		c := img.NRGBAAt(x, 5)
		c.B += 7 // within the channel tolerance
		img.SetNRGBA(x, 5, c)
	}
	img.SetNRGBA(3, 3, color.NRGBA{R: 255, A: 255}) // 1 of 200 = 0.5%: not above tolerance
	writeFile(t, filepath.Join(cur, "t1-groups.png"), encodePNG(t, img))

	r := Check(m, cur, Options{GOARCH: "arm64", BaselineDir: base})
	wantCounts(t, r, 2, 2, 0)
	f := figResult(t, r, "t1-groups")
	if !f.CrossArch || f.ManifestGOARCH != "amd64" {
		t.Fatalf("%+v", f)
	}
	if f.Pixels.Differing != 1 || f.Pixels.Total != 200 || f.Pixels.MaxChannelDelta != 255-30 {
		t.Fatalf("pixels = %+v", f.Pixels)
	}
	if want := "png within tolerance on arm64 (accepted on amd64): 1 of 200 pixels (0.50%, tolerance 0.50%) differ by more than 8/255; svg byte check skipped"; f.Note != want {
		t.Fatalf("note = %q", f.Note)
	}
	if f2 := figResult(t, r, "f02-members"); f2.Note != "png identical on arm64 (accepted on amd64); svg byte check skipped" {
		t.Fatalf("note = %q", f2.Note)
	}

	// Beyond the tolerance: a second differing pixel makes 1%.
	img.SetNRGBA(4, 3, color.NRGBA{R: 255, A: 255})
	writeFile(t, filepath.Join(cur, "t1-groups.png"), encodePNG(t, img))
	r = Check(m, cur, Options{GOARCH: "arm64", BaselineDir: base})
	wantCounts(t, r, 2, 1, 1)
	f = figResult(t, r, "t1-groups")
	want := "t1-groups: render changed beyond tolerance on arm64 (accepted on amd64): 2 of 200 pixels (1.00%, tolerance 0.50%) differ by more than 8/255"
	if f.Status != StatusRenderDrift || f.Reason != want {
		t.Fatalf("got %s %q", f.Status, f.Reason)
	}
	// A looser tolerance accepts it; a strict channel tolerance counts the +7 row.
	if r := Check(m, cur, Options{GOARCH: "arm64", BaselineDir: base, PixelTolerance: 0.01}); !r.OK() {
		t.Fatalf("1%% tolerance: %+v", r.Figures)
	}
	r = Check(m, cur, Options{GOARCH: "arm64", BaselineDir: base, ChannelTolerance: -1, PixelTolerance: 0.5})
	if f := figResult(t, r, "t1-groups"); f.Pixels.Differing != 22 || !r.OK() {
		t.Fatalf("strict channel: %+v", f)
	}

	// No baseline: failure with a clear reason.
	r = Check(m, cur, Options{GOARCH: "arm64"})
	f = figResult(t, r, "t1-groups")
	if f.Status != StatusRenderDrift || !strings.Contains(f.Reason, "no baseline PNG to compare on another GOARCH") {
		t.Fatalf("got %s %q", f.Status, f.Reason)
	}
	os.Remove(filepath.Join(base, "t1-groups.png"))
	f = figResult(t, Check(m, cur, Options{GOARCH: "arm64", BaselineDir: base}), "t1-groups")
	if !strings.Contains(f.Reason, "no baseline PNG to compare on another GOARCH") || !strings.Contains(f.Reason, "t1-groups.png not in "+base) {
		t.Fatalf("reason = %q", f.Reason)
	}
}

func TestCheckOtherArchSizeAndWrongBaseline(t *testing.T) {
	m, base, cur := fixture(t)
	big := image.NewNRGBA(image.Rect(0, 0, 21, 10))
	writeFile(t, filepath.Join(cur, "t1-groups.png"), encodePNG(t, big))
	f := figResult(t, Check(m, cur, Options{GOARCH: "arm64", BaselineDir: base}), "t1-groups")
	if want := "t1-groups: png size changed 20x10 → 21x10 (arm64, accepted on amd64)"; f.Status != StatusRenderDrift || f.Reason != want {
		t.Fatalf("got %s %q", f.Status, f.Reason)
	}

	// A baseline PNG that is not the accepted one is refused.
	writeFile(t, filepath.Join(base, "t1-groups.png"), encodePNG(t, big))
	f = figResult(t, Check(m, cur, Options{GOARCH: "arm64", BaselineDir: base}), "t1-groups")
	if f.Status != StatusRenderDrift || !strings.Contains(f.Reason, "is not the accepted one") {
		t.Fatalf("got %s %q", f.Status, f.Reason)
	}
}

func TestCheckMissingUnexpectedIncomplete(t *testing.T) {
	m, _, cur := fixture(t)
	for _, ext := range []string{".csv", ".svg", ".png", ".json"} {
		os.Remove(filepath.Join(cur, "f02-members"+ext))
	}
	os.Remove(filepath.Join(cur, "t1-groups.svg"))
	writeFigure(t, cur, "f03-new", "a\n1\n", "<svg/>", grid(), "amd64")

	r := Check(m, cur, Options{GOARCH: "amd64"})
	wantCounts(t, r, 3, 0, 3)
	got := map[string]FigureResult{}
	for _, f := range r.Figures {
		got[f.ID] = f
	}
	if f := got["f02-members"]; f.Status != StatusMissing || !strings.HasPrefix(f.Reason, "f02-members: missing, in the manifest but no f02-members.csv/.json in ") {
		t.Errorf("missing: %s %q", f.Status, f.Reason)
	}
	if f := got["f03-new"]; f.Status != StatusUnexpected ||
		f.Reason != "f03-new: unexpected figure, not in the manifest (files f03-new.csv, f03-new.svg, f03-new.png, f03-new.json); if it is intended run scripts/reproduce --update" {
		t.Errorf("unexpected: %s %q", f.Status, f.Reason)
	}
	if f := got["t1-groups"]; f.Status != StatusIncomplete || f.Reason != "t1-groups: incomplete, missing t1-groups.svg" {
		t.Errorf("incomplete: %s %q", f.Status, f.Reason)
	}
	if ids := []string{r.Figures[0].ID, r.Figures[1].ID, r.Figures[2].ID}; !reflect.DeepEqual(ids, []string{"f02-members", "f03-new", "t1-groups"}) {
		t.Errorf("order %v", ids)
	}

	// A broken sidecar makes the figure incomplete.
	writeFile(t, filepath.Join(cur, "f03-new.json"), []byte("{"))
	m2, _ := Build(filepath.Join(t.TempDir()))
	m2.Figures = append(m2.Figures, Entry{ID: "f03-new"})
	if f := figResult(t, Check(m2, cur, Options{}), "f03-new"); f.Status != StatusIncomplete || !strings.Contains(f.Reason, "invalid sidecar") {
		t.Errorf("bad sidecar: %s %q", f.Status, f.Reason)
	}

	// An unreadable directory is an error, not a pass.
	r = Check(m, filepath.Join(cur, "nope"), Options{})
	if r.OK() || r.Err == nil || r.Failing != 2 {
		t.Errorf("missing dir: %+v", r)
	}
}

func TestWriteReport(t *testing.T) {
	m, base, cur := fixture(t)
	img := grid()
	img.SetNRGBA(5, 2, color.NRGBA{R: 0, G: 255, B: 0, A: 255})
	img.SetNRGBA(6, 2, color.NRGBA{R: 0, G: 255, B: 0, A: 255})
	writeFile(t, filepath.Join(cur, "t1-groups.png"), encodePNG(t, img))
	writeFile(t, filepath.Join(cur, "f02-members.csv"), []byte(strings.Replace(membersCSV, "BRT,410,35", "<b>BRT</b>,410,35", 1)))

	res := Check(m, cur, Options{GOARCH: "arm64", BaselineDir: base})
	wantCounts(t, res, 2, 0, 2)
	rep := filepath.Join(t.TempDir(), "report")
	if err := WriteReport(res, cur, base, rep); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(rep, ReportFile))
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{
		"figures: 2 checked, 0 matching, 2 failing",
		`<h2 id="t1-groups">t1-groups <span class="status">render-drift</span>`,
		"t1-groups: render changed beyond tolerance on arm64 (accepted on amd64): 2 of 200 pixels (1.00%, tolerance 0.50%) differ by more than 8/255",
		`<img src="t1-groups.baseline.png"`, `<img src="t1-groups.new.png"`, `<img src="t1-groups.diff.png"`,
		"f02-members: data changed",
		"&lt;b&gt;BRT&lt;/b&gt;,410,35", // escaped
		"<td>-</td><td>5</td><td>BRT,410,35</td>",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(s, "<b>BRT") {
		t.Error("report does not escape CSV content")
	}
	for _, name := range []string{"t1-groups.baseline.png", "t1-groups.new.png", "f02-members.baseline.png"} {
		if _, err := os.Stat(filepath.Join(rep, name)); err != nil {
			t.Error(err)
		}
	}
	// The diff image is red exactly where the pixels differ.
	f, err := os.Open(filepath.Join(rep, "t1-groups.diff.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if d.Bounds().Dx() != 20 || d.Bounds().Dy() != 10 {
		t.Fatalf("diff size %v", d.Bounds())
	}
	red := 0
	for y := 0; y < 10; y++ {
		for x := 0; x < 20; x++ {
			c := color.NRGBAModel.Convert(d.At(x, y)).(color.NRGBA)
			isRed := c == color.NRGBA{R: 255, A: 255}
			if isRed {
				red++
			}
			if want := y == 2 && (x == 5 || x == 6); isRed != want {
				t.Errorf("diff pixel (%d,%d) = %v", x, y, c)
			}
			if !isRed && (c.R != c.G || c.G != c.B || c.R < 170) {
				t.Errorf("background pixel (%d,%d) = %v, want faded grey", x, y, c)
			}
		}
	}
	if red != 2 {
		t.Errorf("red pixels = %d", red)
	}
}

func TestWriteReportAllMatch(t *testing.T) {
	m, _, cur := fixture(t)
	rep := t.TempDir()
	if err := WriteReport(Check(m, cur, Options{GOARCH: "amd64"}), cur, "", rep); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(rep, ReportFile))
	if !strings.Contains(string(page), "All figures match the manifest.") || !strings.Contains(string(page), "<code>t1-groups</code>") {
		t.Fatalf("page:\n%s", page)
	}
}

func TestDiff(t *testing.T) {
	old := Manifest{Figures: []Entry{{ID: "a", CSVSHA256: "1"}, {ID: "b", CSVSHA256: "1", PNGSHA256: "2"}, {ID: "c"}}}
	new := Manifest{Figures: []Entry{{ID: "b", CSVSHA256: "9", PNGSHA256: "2", Revision: "r"}, {ID: "c", Inputs: []Input{}}, {ID: "d"}}}
	var got []string
	for _, c := range Diff(old, new) {
		got = append(got, c.String())
	}
	want := []string{"removed a", "changed b (csv_sha256, revision)", "added d"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Diff = %q, want %q", got, want)
	}
}
