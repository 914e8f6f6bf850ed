package coder

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// FuzzReadGoldThreads: whatever the bytes, ReadGoldThreads returns
// threads or a *rawio.ParseError, never panics; every thread read has a
// status of ThreadStatuses and answers whose sources are kinds of the
// codebook.
func FuzzReadGoldThreads(f *testing.F) {
	cb := studyCodebook(f)
	if b, err := os.ReadFile(filepath.Join(repo.Root(), "analysis/coder/testdata/threads-gold.csv")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("unit,position,community,profession,text,status,question_type,law\nT1,0,c,p,\"a\nb\",unanswered,,\nT1,1,c,p,x,,,1\n"))
	f.Add([]byte("unit,position,community,profession,text,status,question_type\nT1,-1,c,p,x,unanswered,\n"))
	f.Add([]byte("unit,position,community,profession,author,text,status,question_type,law\nT1,0,c,p,A,q ?,consensual,,\nT1,1,c,p,R1,x,,,1\nT1,2,c,p,A,y,,,0\n"))
	kinds := cb.SourceKinds()
	f.Fuzz(func(t *testing.T, b []byte) {
		ts, err := ReadGoldThreads(bytes.NewReader(b), "f.csv", cb)
		if err != nil {
			var pe *rawio.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a ParseError", err)
			}
			return
		}
		for _, th := range ts {
			if statusIndex(th.Status) < 0 {
				t.Fatalf("status %q", th.Status)
			}
			for _, a := range th.Answers {
				for _, k := range a.Sources {
					found := false
					for _, kk := range kinds {
						found = found || kk == k
					}
					if !found {
						t.Fatalf("source %q", k)
					}
				}
			}
		}
	})
}
