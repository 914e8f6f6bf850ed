package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The derived tables are byte-identical from one run to the next, and
// hold pseudonyms only.
func TestDeriveDeterministic(t *testing.T) {
	study := "../privacy/testdata/study.json" // two messages by a canary author
	var dirs []string
	for range 2 {
		dir := t.TempDir()
		var out, errOut bytes.Buffer
		if code := run([]string{"-study", study, "-out", dir}, &out, &errOut); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		dirs = append(dirs, dir)
	}
	for _, name := range []string{"messages.csv", "indicators.csv", "communities.csv", "network/g.graphml", "network/g.gexf", "network/g.edges.csv"} {
		a, err := os.ReadFile(filepath.Join(dirs[0], name))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(dirs[1], name))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", name)
		}
		if strings.Contains(strings.ToLower(string(a)), "canari") {
			t.Errorf("%s holds the canary name", name)
		}
	}
	ind, _ := os.ReadFile(filepath.Join(dirs[0], "indicators.csv"))
	for _, want := range []string{"community,profession,indicator,value,lo,hi,n,unit,method,reason\n", "g,home-care-aide,messages,2.000000,,,,,,\n", "g,home-care-aide,reply_rate,1.000000,,,,,,\n"} {
		if !strings.Contains(string(ind), want) {
			t.Errorf("indicators.csv lacks %q", want)
		}
	}
	edges, _ := os.ReadFile(filepath.Join(dirs[0], "network", "g.edges.csv"))
	if lines := strings.Count(string(edges), "\n"); lines != 2 { // header and the one reply edge
		t.Errorf("edge CSV has %d lines:\n%s", lines, edges)
	}
}
