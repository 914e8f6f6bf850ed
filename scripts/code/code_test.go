package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

// TestAllocate checks the allocation by hand.
func TestAllocate(t *testing.T) {
	names := []string{"a", "b", "c", "d"}
	for _, tc := range []struct {
		pop  []int
		n    int
		want []int
	}{
		// H = 4, m = ⌊20/8⌋ = 2: base 2, 2, 1, 2 (c has 1); rest 13 over
		// capacities 98, 8, 0, 0 (106): 12.02 and 0.98 → 12 and 0, the
		// remaining unit to b (0.98 > 0.02): 14, 3, 1, 2.
		{[]int{100, 10, 1, 2}, 20, []int{14, 3, 1, 2}},
		// n ≥ total: everything.
		{[]int{3, 1, 0, 2}, 10, []int{3, 1, 0, 2}},
		// n = 3 < H = 4: no floor; 3 by proportion of 10, 10, 10, 10
		// (0.75 each): largest remainders, ties by name: a, b, c.
		{[]int{10, 10, 10, 10}, 3, []int{1, 1, 1, 0}},
		// H ≤ n < 2H: one each, the rest (1) by proportion of 99, 0, 0, 0.
		{[]int{100, 1, 1, 1}, 5, []int{2, 1, 1, 1}},
	} {
		if got := allocate(tc.pop, names, tc.n); !slices.Equal(got, tc.want) {
			t.Errorf("allocate(%v, %d) = %v, want %v", tc.pop, tc.n, got, tc.want)
		}
	}
}

// TestMalformedSheets: every malformed coded copy stops reliability with
// status 2 and a file:line: field: reason message.
func TestMalformedSheets(t *testing.T) {
	dir := t.TempDir()
	head := "unit;community;profession;platform;kind;created;parent_text;text;conditions;practice;future;support;other;question;question_type;note\n"
	good := head + "M001;avs;home-care-aide;facebook;post;;;Frais km ?;1;;;;;1;rights;\nM002;avs;home-care-aide;facebook;post;;;Bonjour;;;;;1;0;;\n"
	a := filepath.Join(dir, "A.csv")
	if err := os.WriteFile(a, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, body, want string }{
		{"mark", head + "M001;avs;home-care-aide;facebook;post;;;Frais km ?;oui;;;;;1;rights;\nM002;avs;home-care-aide;facebook;post;;;Bonjour;;;;;1;0;;\n", `B.csv:2: field "conditions": "oui": want 1 (or x), 0 or empty`},
		{"question", head + "M001;avs;home-care-aide;facebook;post;;;Frais km ?;1;;;;;2;rights;\nM002;avs;home-care-aide;facebook;post;;;Bonjour;;;;;1;0;;\n", `B.csv:2: field "question": "2": want 1 (or x), 0 or empty`},
		{"no theme", head + "M001;avs;home-care-aide;facebook;post;;;Frais km ?;;;;;;1;rights;\nM002;avs;home-care-aide;facebook;post;;;Bonjour;;;;;1;0;;\n", `B.csv:2: field "themes": no theme marked in a coded row (mark other when none applies)`},
		{"other", head + "M001;avs;home-care-aide;facebook;post;;;Frais km ?;1;;;;1;1;rights;\nM002;avs;home-care-aide;facebook;post;;;Bonjour;;;;;1;0;;\n", `B.csv:2: field "other": other marked with another theme`},
		{"type", head + "M001;avs;home-care-aide;facebook;post;;;Frais km ?;1;;;;;1;diagnostic;\nM002;avs;home-care-aide;facebook;post;;;Bonjour;;;;;1;0;;\n", `B.csv:2: field "question_type": "diagnostic" is not a question type of "home-care-aide" (rights, care, organisation)`},
		{"type not question", head + "M001;avs;home-care-aide;facebook;post;;;Frais km ?;1;;;;;0;rights;\nM002;avs;home-care-aide;facebook;post;;;Bonjour;;;;;1;0;;\n", `B.csv:2: field "question_type": a question type for a message that is not a question`},
		{"empty question", head + "M001;avs;home-care-aide;facebook;post;;;Frais km ?;1;;;;;;;\nM002;avs;home-care-aide;facebook;post;;;Bonjour;;;;;1;0;;\n", `B.csv:2: field "question": empty in a coded row: want 1 or 0`},
		{"column", strings.Replace(good, ";question;", ";questions;", 1), `B.csv:1: field "question": missing value: column missing`},
		{"quote", head + "M001;avs;home-care-aide;facebook;post;;;\"Frais km ?;1;;;;;1;rights;\n", `B.csv:2:69: record of unexpected shape: extraneous or missing " in quoted-field`},
		{"latin-1", head + "M001;avs;home-care-aide;facebook;post;;;Frais km pay\xe9s ?;1;;;;;1;rights;\nM002;avs;home-care-aide;facebook;post;;;Bonjour;;;;;1;0;;\n", `B.csv:2: field "text": not UTF-8: save the sheet as CSV UTF-8`},
		{"repeated", good + "M002;avs;home-care-aide;facebook;post;;;Bonjour;;;;;1;0;;\n", `B.csv:4: field "unit": unit "M002" given twice`},
		{"other sample", strings.Replace(good, "M002", "M003", 1), `A.csv:3: unit M002 is not in`},
	} {
		b := filepath.Join(dir, "B.csv")
		if err := os.WriteFile(b, []byte(tc.body), 0o644); err != nil {
			t.Fatal(err)
		}
		msg := runFail(t, "reliability", "--reps", "10", "--out", dir, a, b)
		if !strings.Contains(msg, tc.want) {
			t.Errorf("%s: stderr %q, want %q", tc.name, msg, tc.want)
		}
	}
	// The good copy against itself: no disagreement; a single file is a
	// usage error.
	runOK(t, "reliability", "--reps", "10", "--out", dir, a, a)
	if msg := runFail(t, "reliability", a); !strings.Contains(msg, "at least two coded copies") {
		t.Errorf("one file: %q", msg)
	}
}

// TestGoldRefusals: gold names what it cannot merge.
func TestGoldRefusals(t *testing.T) {
	dir := t.TempDir()
	head := "unit;community;profession;platform;kind;created;parent_text;text;conditions;practice;future;support;other;question;question_type;note\n"
	a := head + "M001;avs;home-care-aide;facebook;post;;;Frais km ?;1;;;;;1;rights;\nM002;avs;home-care-aide;facebook;post;;;Bonjour;;;;;1;0;;\n"
	b := head + "M001;avs;home-care-aide;facebook;post;;;Frais km ?;1;;;;;1;rights;\nM002;avs;home-care-aide;facebook;post;;;Bonjour;;;;1;;0;;\n"
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A's spreadsheet turned M002's text into a number: gold keeps the
	// sample's text.
	fa, fb := write("A.csv", strings.Replace(a, ";Bonjour;", ";1;", 1)), write("B.csv", b)
	write("messages.csv", strings.ReplaceAll(a, ";1;0;;", ";;;;")) // the sample as drawn (texts only matter)
	write("strata.csv", "sample;unit;community;message_id;stratum\nmessages;M001;avs;p1;avs/question:rights\nmessages;M002;avs;p2;avs/other\n")
	write("weights.csv", "sample;stratum;population;sampled;weight\nmessages;avs/question:rights;10;1;10\nmessages;avs/other;40;1;40\n")
	out := filepath.Join(dir, "gold.csv")
	for _, tc := range []struct{ name, adj, want string }{
		{"both other and support", "unit;variable;adjudicated\nM002;theme:support;1\nM002;theme:other;1\n", "unit M002: other with another theme once merged"},
		{"no theme", "unit;variable;adjudicated\nM002;theme:support;0\nM002;theme:other;0\n", "unit M002: no theme once merged"},
		{"bad value", "unit;variable;adjudicated\nM002;theme:support;oui\nM002;theme:other;0\n", `adj.csv:2: field "adjudicated": "oui": want 1 or 0`},
		{"agreed code overruled", "unit;variable;adjudicated\nM002;theme:support;1\nM002;theme:other;0\nM001;question;0\n", `adj.csv:4: field "adjudicated": unit M001, question: the coders agree on "1", adjudicated "0"`},
		{"unknown unit", "unit;variable;adjudicated\nM002;theme:support;1\nM002;theme:other;0\nM009;question;0\n", `adj.csv:4: field "adjudicated": unit "M009", "question": no such unit and variable in the sheets`},
		{"missing", "unit;variable;adjudicated\nM002;theme:support;1\n", "1 disagreements not adjudicated in " + filepath.Join(dir, "adj.csv") + ": M002 theme:other (1 / 0)"},
	} {
		adj := write("adj.csv", tc.adj)
		msg := runFail(t, "gold", "--adjudicated", adj, "--out", out, fa, fb)
		if !strings.Contains(msg, tc.want) {
			t.Errorf("%s: stderr %q, want %q", tc.name, msg, tc.want)
		}
	}
	adj := write("adj.csv", "unit;variable;adjudicated\nM002;theme:support;1\nM002;theme:other;0\n")
	runOK(t, "gold", "--adjudicated", adj, "--out", out, fa, fb)
	data, _ := os.ReadFile(out)
	want := "id,profession,text,themes,question,question_type,community,message_id,stratum,weight\n" +
		"M001,home-care-aide,Frais km ?,conditions,1,rights,avs,p1,avs/question:rights,10\n" +
		"M002,home-care-aide,Bonjour,support,0,,avs,p2,avs/other,40\n" // the sample's text, not the copy's
	if string(data) != want {
		t.Errorf("gold:\n%s\nwant:\n%s", data, want)
	}
	// Without the sample's strata: refused, saying where to look.
	os.Remove(filepath.Join(dir, "strata.csv"))
	if msg := runFail(t, "gold", "--adjudicated", adj, "--out", out, fa, fb); !strings.Contains(msg, "give --sample DIR") {
		t.Errorf("no strata.csv: %q", msg)
	}
}

// TestManualCommand: the command writes the committed manual.
func TestManualCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "manual.md")
	runOK(t, "manual", "--out", out)
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(filepath.Dir(filepath.Dir(defaultCodebook())), "codebook", "manual.md"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("code manual does not write the committed data/codebook/manual.md")
	}
}

// FuzzReadSheet: any bytes read as a coded sheet give a sheet or an
// error, never a panic.
func FuzzReadSheet(f *testing.F) {
	head := "unit;community;profession;platform;kind;created;parent_text;text;conditions;practice;future;support;other;question;question_type;note\n"
	f.Add([]byte(head + "M001;avs;home-care-aide;facebook;post;;;Frais km ?;1;;;;;1;rights;\n"))
	f.Add([]byte("unit,community,profession,platform,position,author,created,text,status,question_type,law,employer,guidelines,insurance,note\nT1,avs,home-care-aide,facebook,0,A,,Q ?,consensual,rights,,,,,\nT1,avs,home-care-aide,facebook,1,R1,,R,,,1,,,,\n"))
	f.Add([]byte("\xEF\xBB\xBFunit;position\nT1;0\nT1;0\n"))
	cb, err := loadTestCodebook()
	if err != nil {
		f.Fatal(err)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "s.csv")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := readSheet(p, cb)
		if err == nil {
			variables([]*sheet{s, s}, cb)
		}
	})
}

func loadTestCodebook() (*themes.Codebook, error) { return themes.LoadCodebook(defaultCodebook()) }
