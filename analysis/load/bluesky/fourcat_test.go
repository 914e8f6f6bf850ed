package bluesky

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

func TestFourCAT(t *testing.T) {
	rec := readFile(t, filepath.Join("testdata", "4cat", "bsky-search.ndjson"), FourCAT)
	// Lines: a post, a reply, a broken line, a quote, a post whose record
	// keeps the lexicon's names.
	if len(rec.Msgs) != 4 || len(rec.Rejects) != 1 || rec.Calls() != 5 {
		t.Fatalf("%d messages, rejects %v", len(rec.Msgs), rec.Rejects)
	}
	p1 := rec.Msgs[0]
	if p1.ID != p1ID || p1.Kind != corpus.Post || !p1.Created.Equal(time.Date(2025, 3, 3, 7, 42, 10, 512e6, time.UTC)) ||
		p1.Author != (rawio.Person{ID: nadiaDID, Handle: "nadia-aide.bsky.social", Name: "Nadia Benali"}) ||
		p1.Reactions != 12 || p1.Shares != 4 || p1.Lang != "fr" || strings.Join(p1.Hashtags, ",") != "aideàdomicile" || p1.Line != 1 {
		t.Errorf("P1 = %+v", p1)
	}
	r1 := rec.Msgs[1]
	if r1.ID != r1ID || r1.Kind != corpus.Reply || r1.ParentID != p1ID || r1.ThreadID != p1ID ||
		len(r1.Mentions) != 1 || r1.Mentions[0] != (rawio.Person{ID: nadiaDID, Handle: "nadia-aide.bsky.social"}) {
		t.Errorf("R1 = %+v", r1)
	}
	if e := rec.Rejects[0]; e.Line != 3 || !errors.Is(e.Err, rawio.ErrBadJSON) {
		t.Errorf("reject %v", e)
	}
	if q := rec.Msgs[2]; q.Kind != corpus.Quote || q.RefID != p1ID || q.Reactions != 5 || q.Shares != 1 || q.Line != 4 {
		t.Errorf("quote = %+v", q)
	}
	if m := rec.Msgs[3]; m.Kind != corpus.Post || !m.Created.Equal(time.Date(2025, 3, 3, 12, 0, 0, 0, time.UTC)) || m.Line != 5 {
		t.Errorf("camel-case record = %+v", m)
	}
}
