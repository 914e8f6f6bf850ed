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

func TestCSV(t *testing.T) {
	rec := readFile(t, filepath.Join("testdata", "csv", "posts.csv"), CSV)
	// Rows: a post, a reply over two lines, a quote, a row of 7 fields, a
	// row with an unreadable time, a post brought by a repost.
	if len(rec.Msgs) != 5 || len(rec.Rejects) != 2 || rec.Calls() != 7 {
		t.Fatalf("%d messages, rejects %v", len(rec.Msgs), rec.Rejects)
	}
	p1 := rec.Msgs[0]
	if p1.ID != p1ID || p1.Kind != corpus.Post || !p1.Created.Equal(time.Unix(1740987730, 0)) || p1.Created.Location() != time.UTC ||
		p1.Author != (rawio.Person{ID: nadiaDID, Handle: "nadia-aide.bsky.social", Name: "Nadia Benali"}) ||
		p1.Reactions != 12 || p1.Shares != 4 || p1.Lang != "fr" || strings.Join(p1.Hashtags, ",") != "aideàdomicile" ||
		strings.Join(p1.Links, ",") != "https://www.cnsa.fr/actualites" || p1.Line != 2 {
		t.Errorf("P1 = %+v", p1)
	}
	// The same ids as the API's: a reply's parent meets P1 whichever
	// format holds it.
	r1 := rec.Msgs[1]
	if r1.ID != r1ID || r1.Kind != corpus.Reply || r1.ParentID != p1ID || r1.ThreadID != p1ID || r1.Line != 3 ||
		len(r1.Mentions) != 1 || r1.Mentions[0] != (rawio.Person{ID: nadiaDID, Handle: "nadia-aide.bsky.social"}) ||
		!strings.Contains(r1.Text, "SSIAD :\nles") {
		t.Errorf("R1 = %+v", r1)
	}
	if q := rec.Msgs[2]; q.Kind != corpus.Quote || q.RefID != p1ID || q.Lang != "fr,en" || q.Shares != 1 {
		t.Errorf("quote = %+v", q)
	}
	if e := rec.Rejects[0]; e.Line != 7 || !errors.Is(e.Err, rawio.ErrShape) {
		t.Errorf("reject %v", e)
	}
	if e := rec.Rejects[1]; e.Line != 8 || e.Field != "timestamp_utc" || !errors.Is(e.Err, rawio.ErrBadTime) {
		t.Errorf("reject %v", e)
	}
	post, rp := rec.Msgs[3], rec.Msgs[4]
	// The repost's id as bluesky-api gives a reason without uri: sha256
	// of the reposter's DID, handle, a space and the post's uri
	// (computed apart with Python's hashlib).
	if rp.Kind != corpus.Retweet || rp.RefID != post.ID || rp.Author.ID != nadiaDID || rp.ID != "repost.648a0c08d98e74cd" ||
		!rp.Created.Equal(time.Unix(1740997200, 0)) || rp.Line != 9 {
		t.Errorf("repost = %+v", rp)
	}
}

// A file without the columns twitwi always writes fails as a whole.
func TestCSVHeader(t *testing.T) {
	f, err := rawio.NewFile("x.csv", strings.NewReader("cid,did,uri,url,user_did,text\n1,2,3,4,5,6\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = readCSV(f, &recorder{})
	var pe *rawio.ParseError
	if !errors.As(err, &pe) || pe.Field != "timestamp_utc" || pe.Line != 1 {
		t.Errorf("Read = %v", err)
	}
}
