package themes

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/repo"
)

// TestManualIsGenerated fails when the committed coding manual is not what
// the codebook generates: the codebook and the manual are one source.
func TestManualIsGenerated(t *testing.T) {
	root := repo.Root()
	cb := defaultCB(t)
	var buf bytes.Buffer
	if err := WriteManual(&buf, cb); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, ManualFile))
	if err != nil {
		t.Fatalf("%v (run: go run ./scripts/code manual)", err)
	}
	if !bytes.Equal(got, buf.Bytes()) {
		t.Errorf("%s differs from what %s generates: run `go run ./scripts/code manual` and commit both", ManualFile, DefaultFile)
	}
}

// TestShippedCodebookIsDocumented checks that every code of the study's
// codebook has what the manual promises: definitions in both languages,
// rules, examples and counter-examples; and that the manual names every
// code.
func TestShippedCodebookIsDocumented(t *testing.T) {
	cb := defaultCB(t)
	type entry struct {
		id, def string
		g       Guidance
	}
	var all []entry
	for _, c := range cb.Categories {
		all = append(all, entry{c.ID, c.Definition, c.Guidance})
	}
	for _, q := range cb.QuestionTypes {
		all = append(all, entry{q.ID, q.Definition, q.Guidance})
	}
	for _, s := range cb.Sources {
		all = append(all, entry{s.Kind, s.Definition, s.Guidance})
	}
	want := []string{"consensual", "non-consensual", "unanswered", "too-recent", "not-a-question"}
	if len(cb.ThreadStatuses) != len(want) {
		t.Fatalf("%d thread statuses, want %v", len(cb.ThreadStatuses), want)
	}
	for i, s := range cb.ThreadStatuses {
		if s.ID != want[i] {
			t.Errorf("thread status %d is %q, want %q", i, s.ID, want[i])
		}
		all = append(all, entry{s.ID, s.Definition, s.Guidance})
	}
	var buf bytes.Buffer
	if err := WriteManual(&buf, cb); err != nil {
		t.Fatal(err)
	}
	manual := buf.String()
	for _, e := range all {
		if e.def == "" || e.g.LabelEN == "" || e.g.DefinitionEN == "" || len(e.g.Include) == 0 || len(e.g.Exclude) == 0 || len(e.g.Examples) == 0 || len(e.g.CounterExamples) == 0 {
			t.Errorf("%s: definition, English label and definition, include, exclude, examples and counter-examples all required", e.id)
		}
		for _, x := range e.g.CounterExamples {
			if x.Note == "" {
				t.Errorf("%s: counter-example %q says not what it is instead", e.id, x.Text)
			}
		}
		if !strings.Contains(manual, "`"+e.id+"` — ") {
			t.Errorf("the manual has no entry for %s", e.id)
		}
	}
}

// TestManualWithoutGuidance: a codebook without the manual fields (the
// format before them) still loads and gives a manual of its labels.
func TestManualWithoutGuidance(t *testing.T) {
	cb, err := LoadCodebook("testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteManual(&buf, cb); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"### `conditions` — Conditions\n\n", "#### `rights` — Droits\n\n", "### `law` — Loi\n\n", "| `practice` | 1 si"} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("manual lacks %q", s)
		}
	}
	if strings.Contains(buf.String(), "**Inclure**") {
		t.Errorf("rules printed for a codebook that has none")
	}
}

func TestGuidanceErrors(t *testing.T) {
	base, err := os.ReadFile("testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ old, new, field string }{
		{`"label": "Pratiques", "definition": ""`, `"label": "Pratiques", "definition": "", "include": [" "]`, "categories[1].include[0]"},
		{`"label": "Droits", "definition": ""`, `"label": "Droits", "definition": "", "examples": [{"text": ""}]`, "question_types[0].examples[0].text"},
		{`"label": "Loi"`, `"label": "Loi", "counter_examples": [{"text": "x", "profession": "nurse"}]`, "sources[0].counter_examples[0].profession"},
		{`"sources":`, `"thread_statuses": [{"id": "a", "label": "A", "definition": ""}, {"id": "a", "label": "B", "definition": ""}], "sources":`, "thread_statuses[1].id"},
	} {
		in := strings.Replace(string(base), tc.old, tc.new, 1)
		if in == string(base) {
			t.Fatalf("%q not in mini.json", tc.old)
		}
		_, err := ReadCodebook(strings.NewReader(in), "c.json")
		if err == nil || !strings.Contains(err.Error(), `"`+tc.field+`"`) {
			t.Errorf("%s: err = %v", tc.field, err)
		}
	}
}

// TestGoldColumns: a gold file (the hand-coded columns followed by the
// optional ones) reads back what WriteSample wrote, and the optional
// columns are checked.
func TestGoldColumns(t *testing.T) {
	in := []Coded{
		{ID: "M001", Profession: "home-care-aide", Text: "Frais km pas payés, \"normal\" ?", Themes: []string{"conditions", "support"}, Question: true, QuestionType: "rights", Community: "avs", MessageID: "p1_c2", Stratum: "avs/question:rights", Weight: 12.5},
		{ID: "M002", Profession: "general-practitioner", Text: "Bonne année", Themes: []string{"other"}, Community: "doc", MessageID: "t9", Stratum: "doc/other", Weight: 1.0 / 3},
	}
	var buf bytes.Buffer
	if err := WriteSample(&buf, in, true); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(buf.String(), "\n"); first != "id,profession,text,themes,question,question_type,community,message_id,stratum,weight" {
		t.Errorf("header %q", first)
	}
	got, err := ReadSample(bytes.NewReader(buf.Bytes()), "gold.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Weight != 12.5 || got[1].Weight != 1.0/3 || got[0].Community != "avs" || got[0].MessageID != "p1_c2" || got[1].Stratum != "doc/other" || got[0].Text != in[0].Text || got[0].QuestionType != "rights" || len(got[0].Themes) != 2 {
		t.Errorf("read back %+v", got)
	}
	// Without the optional columns: the hand-coded format, weight 1.
	buf.Reset()
	if err := WriteSample(&buf, in[:1], false); err != nil {
		t.Fatal(err)
	}
	got, err = ReadSample(bytes.NewReader(buf.Bytes()), "s.csv")
	if err != nil || got[0].Weight != 1 || got[0].Community != "" {
		t.Errorf("without optional columns: %+v, %v", got, err)
	}
	for _, tc := range []struct{ in, want string }{
		{"id,profession,text,themes,question,question_type,colour\n", `s.csv:1:7: record of unexpected shape: header column 7 is "colour"`},
		{"id,profession,text,themes,question,question_type,weight,weight\n", `s.csv:1:8: record of unexpected shape: header column 8 is "weight"`},
		{"id,profession,text,themes,question,question_type,weight\nm1,home-care-aide,x,other,0,,-2\n", `s.csv:2: field "weight": unreadable number: want a positive number`},
		{"id,profession,text,themes,question,question_type,weight\nm1,home-care-aide,x,other,0,\n", `s.csv:2:1: record of unexpected shape: wrong number of fields`},
	} {
		_, err := ReadSample(strings.NewReader(tc.in), "s.csv")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("ReadSample(%q) = %v, want %s", tc.in, err, tc.want)
		}
	}
}
