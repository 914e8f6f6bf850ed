package simulate_test

import (
	"compress/gzip"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load"
)

// truthRow is one message of data/raw/truth/messages.csv.gz.
type truthRow struct {
	community, id, kind, parent, thread, author, role string
}

func readTruth(t *testing.T, path string) []truthRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no truth file: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(zr).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []truthRow
	for _, r := range recs[1:] {
		out = append(out, truthRow{r[0], r[1], r[2], r[3], r[4], r[5], r[6]})
	}
	return out
}

// TestLoadersRecoverTheTruth loads the committed sample through the study
// file, as notebooks do, and checks that what the loaders rebuild is what
// the simulator wrote: every message with its kind, parent, thread and
// author identity, staff roles where the study file names them.
func TestLoadersRecoverTheTruth(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole sample")
	}
	data := filepath.Join("..", "..", "data")
	truth := readTruth(t, filepath.Join(data, "raw", "truth", "messages.csv.gz"))
	c, rep, err := load.Study(filepath.Join(data, "study.json"), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rejected != 1 { // the Facepager seed node, which is the group, not a message
		t.Errorf("rejected %d records, want only the Facepager seed node:\n%s", rep.Rejected, rep)
	}
	type key struct{ community, id string }
	got := map[key]*corpus.Message{}
	for i := range c.Messages {
		m := &c.Messages[i]
		got[key{m.Community, m.ID}] = m
	}
	if len(got) != len(truth) {
		t.Errorf("loaded %d distinct messages, the truth has %d", len(got), len(truth))
	}
	// Authors: the truth's keys and the pseudonyms must be in one-to-one
	// correspondence within each community.
	pseudoOf := map[key]string{}
	truthOf := map[key]string{}
	bad := 0
	for _, tr := range truth {
		m := got[key{tr.community, tr.id}]
		if m == nil {
			if bad++; bad <= 5 {
				t.Errorf("%s/%s (%s) not loaded", tr.community, tr.id, tr.kind)
			}
			continue
		}
		if string(m.Kind) != tr.kind || m.ParentID != tr.parent || m.ThreadID != tr.thread {
			if bad++; bad <= 5 {
				t.Errorf("%s/%s: loaded kind %s parent %q thread %q; truth %s %q %q",
					tr.community, tr.id, m.Kind, m.ParentID, m.ThreadID, tr.kind, tr.parent, tr.thread)
			}
		}
		ak, pk := key{tr.community, tr.author}, key{tr.community, m.Author}
		if p, ok := pseudoOf[ak]; ok && p != m.Author || m.Author == "" {
			if bad++; bad <= 5 {
				t.Errorf("%s/%s: author %s has pseudonyms %q and %q", tr.community, tr.id, tr.author, p, m.Author)
			}
		}
		if a, ok := truthOf[pk]; ok && a != tr.author {
			if bad++; bad <= 5 {
				t.Errorf("%s/%s: pseudonym %s stands for %s and %s", tr.community, tr.id, m.Author, a, tr.author)
			}
		}
		pseudoOf[ak], truthOf[pk] = m.Author, tr.author
		if (tr.role == "admin" || tr.role == "moderator") && string(m.AuthorRole) != tr.role {
			if bad++; bad <= 5 {
				t.Errorf("%s/%s: role %q, truth %q", tr.community, tr.id, m.AuthorRole, tr.role)
			}
		}
	}
	if bad > 5 {
		t.Errorf("... %d mismatches in all", bad)
	}
}
