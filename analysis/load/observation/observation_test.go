package observation

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

type recorder struct {
	panels   []corpus.PanelObservation
	profiles []rawio.RawProfile
	rejected []*rawio.ParseError
}

func (r *recorder) Message(*rawio.RawMessage)        { panic("no messages in observations") }
func (r *recorder) Panel(p *corpus.PanelObservation) { r.panels = append(r.panels, *p) }
func (r *recorder) Profile(p *rawio.RawProfile)      { r.profiles = append(r.profiles, *p) }
func (r *recorder) Reject(e *rawio.ParseError)       { r.rejected = append(r.rejected, e) }

func read(t *testing.T, path string) (*recorder, rawio.Format) {
	t.Helper()
	f, err := rawio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	format, err := rawio.Detect(f.Head)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	if err := format.Read(f, rec); err != nil {
		t.Fatal(err)
	}
	return rec, format
}

func TestPanels(t *testing.T) {
	rec, format := read(t, "testdata/panels.csv")
	if format.Name != "panels" {
		t.Fatalf("detected %q", format.Name)
	}
	if len(rec.panels) != 2 || len(rec.rejected) != 2 {
		t.Fatalf("loaded %d, rejected %d; want 2 and 2", len(rec.panels), len(rec.rejected))
	}
	obs := time.Date(2019, 5, 15, 16, 0, 0, 0, time.UTC)
	want := []corpus.PanelObservation{
		{Community: "tu-sais-que", Name: "Tu sais que tu es Aide à Domicile quand ....", Observed: obs, Members: 1040, NewMembers30d: 288, PostsToday: 13, Posts30d: 353, Admins: 1, CreatedApprox: "il y a 3 ans environ", Source: corpus.Source{File: "testdata/panels.csv", Line: 2}},
		{Community: "avs", Name: "AVS - Auxiliaire de Vie Sociale", Observed: obs, Members: 3977, NewMembers30d: 290, PostsToday: 15, Posts30d: 388, Admins: 2, Moderators: 1, CreatedApprox: "il y a 4 ans environ", Source: corpus.Source{File: "testdata/panels.csv", Line: 3}},
	}
	for i := range want {
		if rec.panels[i] != want[i] {
			t.Errorf("panel %d:\n got %+v\nwant %+v", i, rec.panels[i], want[i])
		}
	}
	for i, w := range []string{
		`testdata/panels.csv:4: field "posts_today": unreadable number: "quatorze"`,
		`testdata/panels.csv:5: field "community": missing value`,
	} {
		if got := rec.rejected[i].Error(); got != w {
			t.Errorf("rejection %d = %q, want %q", i, got, w)
		}
	}
}

func TestProfiles(t *testing.T) {
	rec, format := read(t, "testdata/profiles.csv")
	if format.Name != "profiles" {
		t.Fatalf("detected %q", format.Name)
	}
	if len(rec.profiles) != 2 || len(rec.rejected) != 1 {
		t.Fatalf("loaded %d, rejected %d", len(rec.profiles), len(rec.rejected))
	}
	p := rec.profiles[1]
	if p.Account.Handle != "dr_romancier" || p.Posts != 171000 || p.Followers != 9070 || p.Likes != 54700 ||
		p.Following != 240 || !p.Joined.Equal(time.Date(2011, 10, 1, 0, 0, 0, 0, time.UTC)) || p.Line != 3 {
		t.Errorf("profile = %+v", p)
	}
	if rec.profiles[0].Account.Handle != "mg_des_champs" {
		t.Errorf("leading @ kept: %q", rec.profiles[0].Account.Handle)
	}
	if !strings.Contains(rec.rejected[0].Error(), `profiles.csv:4: field "joined"`) {
		t.Errorf("rejection = %v", rec.rejected[0])
	}
}

func TestSniffRejectsOtherCSV(t *testing.T) {
	for _, head := range []string{"id,thread_id,author,body,timestamp\n1,1,a,b,c\n", "community,members\n", "", "\x00\x01binary"} {
		if f, err := rawio.Detect([]byte(head)); err == nil && (f.Name == "panels" || f.Name == "profiles") {
			t.Errorf("%q detected as %s", head, f.Name)
		}
	}
}

func FuzzPanels(f *testing.F) {
	seed, _ := os.ReadFile("testdata/panels.csv")
	f.Add(seed)
	seed, _ = os.ReadFile("testdata/profiles.csv")
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, read := range []func(*rawio.File, rawio.Sink) error{readPanels, readProfiles} {
			file, err := rawio.NewFile("fuzz", strings.NewReader(string(data)))
			if err != nil {
				return
			}
			rec := &recorder{}
			if err := read(file, rec); err != nil {
				// In-memory input cannot fail to read: any error must
				// be a ParseError locating the bad header.
				var pe *rawio.ParseError
				if !asParseError(err, &pe) || pe.Line < 1 || !strings.Contains(pe.Error(), "header") && !strings.Contains(pe.Error(), "missing column") {
					t.Fatalf("error is not a ParseError on the header: %v", err)
				}
			}
			for _, p := range rec.panels {
				if p.Community == "" || p.Observed.IsZero() {
					t.Fatalf("panel without community or date loaded: %+v", p)
				}
			}
		}
	})
}

func asParseError(err error, pe **rawio.ParseError) bool {
	p, ok := err.(*rawio.ParseError)
	*pe = p
	return ok
}

func TestPanelsStrict(t *testing.T) {
	if _, err := Panels("testdata/panels.csv"); err == nil || !strings.Contains(err.Error(), `panels.csv:4: field "posts_today"`) {
		t.Errorf("Panels on a file with a bad row: err = %v", err)
	}
	dir := t.TempDir()
	path := dir + "/p.csv"
	os.WriteFile(path, []byte(strings.Join(PanelColumns, ",")+"\navs,AVS,2019-05-15 18:00,3 977,+290,15,388,2,1,il y a 4 ans\n"), 0o644)
	got, err := Panels(path)
	if err != nil || len(got) != 1 || got[0].Members != 3977 || got[0].Observed.Hour() != 16 {
		t.Errorf("Panels = %+v, %v", got, err)
	}
}

// panelRows writes a panels file of n rows (lines 2 to n+1), row i
// replaced by edit(i) when it returns a value.
func panelRows(n int, edit func(i int) (string, bool)) string {
	var b strings.Builder
	b.WriteString(strings.Join(PanelColumns, ",") + "\n")
	for i := 2; i <= n+1; i++ {
		if s, ok := edit(i); ok {
			b.WriteString(s + "\n")
			continue
		}
		fmt.Fprintf(&b, "g%d,\"Groupe %d, entraide\",2019-05-15 18:00,%d,+2,1,30,1,0,il y a 2 ans\n", i, i, 100+i)
	}
	return b.String()
}

// A quote left open on row 3 was read to the end of the file as one bad
// record: now it is one rejection and the other rows are read, with any
// line ends; a row of one line with fewer fields is still read.
func TestPanelsUnclosedQuote(t *testing.T) {
	in := panelRows(200, func(i int) (string, bool) {
		switch i {
		case 3:
			return `g3,"Groupe jamais fermé,2019-05-15 18:00,103,+2,1,30,1,0,x`, true
		case 7:
			return "g7,Groupe court,2019-05-15 18:00,107,+2,1,30", true
		}
		return "", false
	})
	for name, conv := range map[string]func(string) string{
		"LF":   func(s string) string { return s },
		"CRLF": func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
		"CR":   func(s string) string { return strings.ReplaceAll(s, "\n", "\r") },
	} {
		f, err := rawio.NewFile("p.csv", strings.NewReader(conv(in)))
		if err != nil {
			t.Fatal(err)
		}
		rec := &recorder{}
		if err := readPanels(f, rec); err != nil {
			t.Fatal(err)
		}
		if len(rec.panels) != 199 || len(rec.rejected) != 1 || rec.rejected[0].Line != 3 {
			t.Errorf("%s: %d panels, rejections %v", name, len(rec.panels), rec.rejected)
		}
		if len(rec.panels) > 5 && (rec.panels[1].Source.Line != 4 || rec.panels[1].Name != "Groupe 4, entraide" || rec.panels[4].Members != 107) {
			t.Errorf("%s: panels %+v", name, rec.panels[1])
		}
	}
}

// Lines and fields past the file's limits are rejected alone.
func TestPanelsLimits(t *testing.T) {
	in := panelRows(5, func(i int) (string, bool) {
		return "g3," + strings.Repeat("x", 300) + ",2019-05-15 18:00,103,+2,1,30,1,0,x", i == 3
	})
	f, err := rawio.NewFileWith("p.csv", strings.NewReader(in), rawio.Limits{LineBytes: 200})
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	if err := readPanels(f, rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.panels) != 4 || len(rec.rejected) != 1 || rec.rejected[0].Line != 3 || !errors.Is(rec.rejected[0], rawio.ErrLimit) {
		t.Errorf("%d panels, rejections %v", len(rec.panels), rec.rejected)
	}
}

// Rejection reasons do not echo a raw value that could be a name.
func TestObservedAtMasked(t *testing.T) {
	_, err := observedAt("f", 2, "Zephyrine Quillbottom")
	if err == nil || strings.Contains(err.Error(), "Zephyrine") || strings.Contains(err.Error(), "Quillbottom") {
		t.Errorf("reason %v", err)
	}
}
