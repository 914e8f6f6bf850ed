package simulate

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSubGroupsMechanism checks the planted sub-groups on the avs group
// at scale 0.3: sub-group shares follow the weights, answers stay in the
// starter's sub-group as often as Mixing says, and the other
// communities are untouched.
func TestSubGroupsMechanism(t *testing.T) {
	p := DefaultParams(DefaultSeed, 0.3)
	p.SubGroups = DefaultSubGroups()
	subOf := map[string]string{}
	same, answers := 0, 0
	var threads []*Thread
	res, err := Simulate(p, []string{"avs", "tu-sais-que"}, func(th *Thread) error {
		threads = append(threads, th)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, r := range res {
		if r.Group.ID != "avs" {
			if r.SubGroups != nil {
				t.Errorf("%s: sub-groups planted", r.Group.ID)
			}
			continue
		}
		for _, s := range r.SubGroups {
			subOf[s.AuthorKey] = s.SubGroup
			count[s.SubGroup]++
		}
	}
	n := float64(len(subOf))
	for _, g := range p.SubGroups.Groups {
		if share := float64(count[g.Name]) / n; math.Abs(share-g.Weight) > 0.04 {
			t.Errorf("sub-group %s: %.3f of %d members, weight %.2f", g.Name, share, len(subOf), g.Weight)
		}
	}
	for _, th := range threads {
		if th.Start.Community != "avs" {
			continue
		}
		for _, a := range th.Answers {
			if a.Author == th.Start.Author {
				continue
			}
			answers++
			if subOf[a.Author.Key] == subOf[th.Start.Author.Key] {
				same++
			}
		}
	}
	// An answerer is of the starter's sub-group when drawn within it
	// (probability 1 - Mixing = 0.7) or drawn among all and falling in it
	// (0.3 x the sum of squared weights, 0.264, if propensities do not
	// depend on the sub-group): 0.779.
	share := float64(same) / float64(answers)
	t.Logf("%d members; %.3f of %d answers in the starter's sub-group", len(subOf), share, answers)
	if math.Abs(share-0.779) > 0.03 {
		t.Errorf("%.3f of %d answers in the starter's sub-group, want about 0.779", share, answers)
	}

	// The other communities do not change.
	var plain []*Thread
	unplanted := DefaultParams(DefaultSeed, 0.3)
	unplanted.SubGroups = nil
	if _, err := Simulate(unplanted, []string{"tu-sais-que"}, func(th *Thread) error {
		plain = append(plain, th)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var planted []*Thread
	for _, th := range threads {
		if th.Start.Community == "tu-sais-que" {
			planted = append(planted, th)
		}
	}
	if len(plain) != len(planted) {
		t.Fatalf("tu-sais-que: %d threads with avs sub-groups, %d without", len(planted), len(plain))
	}
	for i := range plain {
		a, b := plain[i], planted[i]
		if a.Start.ID != b.Start.ID || a.Start.Text != b.Start.Text || len(a.Answers) != len(b.Answers) {
			t.Fatalf("tu-sais-que thread %d differs with avs sub-groups", i)
		}
	}
}

// TestSubGroupsFiles checks the truth file of planted sub-groups, and
// that without them neither the file nor a parameter is written (the
// committed sample stays what it is).
func TestSubGroupsFiles(t *testing.T) {
	p := DefaultParams(5, 0.05)
	p.SubGroups = DefaultSubGroups()
	dir := t.TempDir()
	if _, err := Generate(p, Options{Out: dir, Families: []string{"truth"}}); err != nil {
		t.Fatal(err)
	}
	subs, err := ReadSubGroups(SubGroupsPath(filepath.Join(dir, "study.json")))
	if err != nil {
		t.Fatal(err)
	}
	truth, err := ReadTruth(TruthPath(filepath.Join(dir, "study.json")))
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for i, s := range subs {
		if s.Community != "avs" || s.SubGroup == "" || (i > 0 && subs[i-1].AuthorKey >= s.AuthorKey) {
			t.Fatalf("row %d: %+v", i, s)
		}
		keys[s.AuthorKey] = true
	}
	for _, tr := range truth {
		if tr.Community == "avs" && !keys[tr.AuthorKey] {
			t.Fatalf("avs author %s has no sub-group", tr.AuthorKey)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "raw", "truth", "params.json"))
	if err != nil || !strings.Contains(string(b), `"subgroups": {`) {
		t.Errorf("params.json does not record the sub-groups: %v", err)
	}

	dir = t.TempDir()
	none := DefaultParams(5, 0.05)
	none.SubGroups = nil
	if _, err := Generate(none, Options{Out: dir, Families: []string{"truth"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(SubGroupsPath(filepath.Join(dir, "study.json"))); err == nil {
		t.Error("subgroups.csv written without sub-groups")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "raw", "truth", "params.json")); strings.Contains(string(b), "subgroups") {
		t.Error("params.json names sub-groups that are not planted")
	}
}
