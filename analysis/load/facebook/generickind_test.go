package facebook

import (
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// A generic CSV's kind is read case-insensitively among corpus.Kinds; a
// kind that names none ("share") is rejected in its column, as it was
// when corpus.Kind was a string.
func TestGenericUnknownKind(t *testing.T) {
	const in = "id,thread_id,parent_id,author,body,timestamp,kind\n" +
		"p1,p1,,Élodie Fictive,Bonjour,1557936131,POST\n" +
		"p2,p2,,Élodie Fictive,Partagé,1557936132,share\n"
	rec := readString(t, GenericCSV, in)
	checkMessages(t, rec.msgs, []rawio.RawMessage{{
		ID: "p1", Kind: corpus.Post, ThreadID: "p1", Author: rawio.Person{Name: "Élodie Fictive"},
		Created: utc("2019-05-15T16:02:11Z"), Text: "Bonjour", Line: 2,
	}})
	checkRejects(t, rec.rejects, []wantReject{{3, "kind", rawio.ErrShape}})
	if len(rec.rejects) == 1 {
		if got, want := rec.rejects[0].Error(), `in:3: field "kind": record of unexpected shape: unknown kind for facebook`; got != want {
			t.Errorf("rejection %s, want %s", got, want)
		}
	}
}
