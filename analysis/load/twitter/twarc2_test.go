package twitter

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

var (
	alice = rawio.Person{ID: "100001", Handle: "doc_alice", Name: "Alice M."}
	bob   = rawio.Person{ID: "100002", Handle: "dr_bob", Name: "Bob"}
	carla = rawio.Person{ID: "100003", Handle: "gp_carla", Name: "Carla"}
)

// handleOf is p as entities name it: id and handle.
func handleOf(p rawio.Person) rawio.Person { return rawio.Person{ID: p.ID, Handle: p.Handle} }

const (
	t1 = "1500000000000000001"
	t2 = "1500000000000000002"
	t3 = "1500000000000000003"
	t4 = "1500000000000000004"
	t5 = "1500000000000000005"
)

func TestTwarc2Pages(t *testing.T) {
	const file = "testdata/twarc2/search.jsonl"
	rec := readFormat(t, file, Twarc2)
	if len(rec.Msgs) != 6 || len(rec.Rejects) != 5 {
		t.Fatalf("got %d messages and %d rejects, want 6 and 5", len(rec.Msgs), len(rec.Rejects))
	}
	// Page of line 1: three tweets, authors from includes.users; the
	// context tweet of includes.tweets is not a record.
	check(t, rec.Msgs[0], want{ID: t1, Kind: "tweet", Thread: t1, Author: alice,
		Created: "2022-03-05T21:14:07Z", Text: "Garde de nuit #DocTocToc #MG @dr_bob https://t.co/abc",
		Reactions: 5, Shares: 2, Hashtags: []string{"DocTocToc", "MG"},
		Mentions: []rawio.Person{handleOf(bob)}, Links: []string{"https://example.org/garde"}, Line: 1})
	check(t, rec.Msgs[1], want{ID: t2, Kind: "reply", Parent: t1, Thread: t1, Author: bob,
		Created: "2022-03-05T21:20:00Z", Text: "@doc_alice courage !", Reactions: 1,
		Mentions: []rawio.Person{handleOf(alice)}, ReplyTo: handleOf(alice), Line: 1})
	check(t, rec.Msgs[2], want{ID: t3, Kind: "retweet", Ref: t1, Thread: t3, Author: carla,
		Created: "2022-03-05T22:01:30Z", Text: "RT @doc_alice: Garde de nuit", Shares: 2,
		Hashtags: []string{"DocTocToc", "MG"}, Mentions: []rawio.Person{handleOf(alice), handleOf(bob)}, Line: 1})
	// A stream line: data is one tweet; a reply that also quotes.
	check(t, rec.Msgs[3], want{ID: t4, Kind: "reply", Parent: t2, Ref: "1400000000000000000", Thread: t1,
		Author: bob, Created: "2022-03-06T07:02:59Z", Text: "Et aussi",
		Links: []string{"https://twitter.com/someone/status/1400000000000000000"}, ReplyTo: handleOf(bob), Line: 4})
	check(t, rec.Msgs[4], want{ID: t5, Kind: "quote", Ref: t1, Thread: t5, Author: carla,
		Created: "2022-03-06T08:00:00Z", Text: "Tellement vrai", Reactions: 3, Line: 5})
	// An old @-reply: the account answered, not the tweet.
	check(t, rec.Msgs[5], want{ID: "1500000000000000010", Kind: "reply", Thread: "1500000000000000010",
		Author: carla, Created: "2022-03-06T09:30:00Z", Text: "@doc_alice merci",
		ReplyTo: handleOf(alice), Line: 9})

	checkReject(t, rec.Rejects[0], file, 3, "", rawio.ErrBadJSON)
	if rec.Rejects[0].Column != 55 {
		t.Errorf("broken line: column %d, want 55 (its end)", rec.Rejects[0].Column)
	}
	checkReject(t, rec.Rejects[1], file, 5, "data[1].public_metrics.like_count", rawio.ErrShape)
	checkReject(t, rec.Rejects[2], file, 5, "data[2].created_at", rawio.ErrBadTime)
	checkReject(t, rec.Rejects[3], file, 7, "", rawio.ErrShape)
	checkReject(t, rec.Rejects[4], file, 8, "data[0].id", rawio.ErrMissing)
	for _, e := range rec.Rejects {
		t.Logf("%v", e)
	}
}

func TestTwarc2FlatVariants(t *testing.T) {
	var first *recorder
	for _, name := range []string{"flat.jsonl", "flat_crlf_bom.jsonl", "flat.jsonl.gz"} {
		rec := readFormat(t, filepath.Join("testdata/twarc2", name), Twarc2)
		if len(rec.Msgs) != 2 || len(rec.Rejects) != 0 {
			t.Fatalf("%s: got %d messages and %d rejects, want 2 and 0", name, len(rec.Msgs), len(rec.Rejects))
		}
		check(t, rec.Msgs[0], want{ID: t2, Kind: "reply", Parent: t1, Thread: t1, Author: bob,
			Created: "2022-03-05T21:20:00Z", Text: "@doc_alice courage !", Reactions: 1,
			Mentions: []rawio.Person{handleOf(alice)}, ReplyTo: handleOf(alice), Line: 1})
		check(t, rec.Msgs[1], want{ID: t3, Kind: "retweet", Ref: t1, Thread: t3, Author: carla,
			Created: "2022-03-05T22:01:30Z", Text: "RT @doc_alice: Garde de nuit", Shares: 2,
			Hashtags: []string{"DocTocToc", "MG"}, Mentions: []rawio.Person{handleOf(alice), handleOf(bob)}, Line: 2})
		if first == nil {
			first = rec
		}
	}
}

func TestTwarc2PrettyResponse(t *testing.T) {
	rec := readFormat(t, "testdata/twarc2/response.json", Twarc2)
	// Two tweets in data; includes.tweets and the errors array are not
	// records.
	if len(rec.Msgs) != 2 || len(rec.Rejects) != 0 {
		t.Fatalf("got %d messages and %d rejects, want 2 and 0", len(rec.Msgs), len(rec.Rejects))
	}
	check(t, rec.Msgs[0], want{ID: t1, Kind: "tweet", Thread: t1, Author: alice,
		Created: "2022-03-05T21:14:07Z", Text: "Garde de nuit", Reactions: 5, Shares: 2,
		Hashtags: []string{"DocTocToc", "MG"}, Mentions: []rawio.Person{handleOf(bob)},
		Links: []string{"https://example.org/garde"}, Line: 1})
	check(t, rec.Msgs[1], want{ID: t5, Kind: "quote", Ref: t1, Thread: t5, Author: carla,
		Created: "2022-03-06T08:00:00Z", Text: "Tellement vrai", Reactions: 3, Line: 1})
}

func TestTwarc2Inline(t *testing.T) {
	cases := []struct {
		name, in string
		msgs     int
		field    string // of the rejects, if any
		reason   error
		rejects  int // when more than one
	}{
		{"empty", "", 0, "", nil, 0},
		{"blank lines", "\n  \n\r\n", 0, "", nil, 0},
		{"meta only", `{"meta": {"result_count": 0}}`, 0, "", nil, 0},
		{"array of numbers", `[1, 2]`, 0, "", rawio.ErrShape, 2},
		{"scalar line", `"text"`, 0, "", rawio.ErrShape, 0},
		{"data of wrong type", `{"data": 3, "meta": {}}`, 0, "data", rawio.ErrShape, 0},
		{"flat tweet, id of wrong type", `{"id": 5, "text": "x", "created_at": "2022-03-05T21:14:07Z"}`, 0, "id", rawio.ErrShape, 0},
		{"stream tweet, count of wrong type", `{"data": {"id": "1", "created_at": "2022-03-05T21:14:07Z", "public_metrics": {"like_count": [1]}}}`, 0, "data.public_metrics.like_count", rawio.ErrShape, 0},
		{"count as string", `{"data": [{"id": "1", "created_at": "2022-03-05T21:14:07Z", "public_metrics": {"like_count": "1 040"}}]}`, 1, "", nil, 0},
		{"negative count", `{"data": [{"id": "1", "created_at": "2022-03-05T21:14:07Z", "public_metrics": {"like_count": -3}}]}`, 0, "data[0].public_metrics.like_count", rawio.ErrShape, 0},
		{"data element not an object", `{"data": [{"id": "1", "created_at": "2022-03-05T21:14:07Z"}, 7]}`, 1, "data[1]", rawio.ErrShape, 0},
	}
	for _, c := range cases {
		rec := readBytes(t, "x.jsonl", []byte(c.in), Twarc2)
		wantRejects := c.rejects
		if c.reason != nil && wantRejects == 0 {
			wantRejects = 1
		}
		if len(rec.Msgs) != c.msgs || len(rec.Rejects) != wantRejects {
			t.Errorf("%s: %d messages, %d rejects (%v); want %d and %d", c.name, len(rec.Msgs), len(rec.Rejects), rec.Rejects, c.msgs, wantRejects)
			continue
		}
		for _, e := range rec.Rejects {
			checkReject(t, e, "x.jsonl", 1, c.field, c.reason)
		}
	}
	rec := readBytes(t, "x.jsonl", []byte(`{"data": [{"id": "1", "created_at": "2022-03-05T21:14:07Z", "public_metrics": {"like_count": "1 040"}}]}`), Twarc2)
	if rec.Msgs[0].Reactions != 1040 {
		t.Errorf("like_count \"1 040\" read as %d", rec.Msgs[0].Reactions)
	}
}

// The long text of a note tweet replaces the truncated text.
func TestTwarc2NoteTweet(t *testing.T) {
	in := `{"id": "1", "created_at": "2022-03-05T21:14:07Z", "text": "début…", "entities": {"hashtags": [{"tag": "a"}]},` +
		`"note_tweet": {"text": "début et fin #b", "entities": {"hashtags": [{"tag": "b"}]}}, "author_id": "7"}`
	rec := readBytes(t, "x.jsonl", []byte(in), Twarc2)
	if len(rec.Msgs) != 1 {
		t.Fatalf("got %d messages (%v)", len(rec.Msgs), rec.Rejects)
	}
	m := rec.Msgs[0]
	if m.Text != "début et fin #b" || len(m.Hashtags) != 1 || m.Hashtags[0] != "b" || m.Author != (rawio.Person{ID: "7"}) {
		t.Errorf("note tweet read as %q %q %v", m.Text, m.Hashtags, m.Author)
	}
}

// Reasons show bad numbers and times, never texts that a misplaced column
// may hold (rawio.Quote's own cases are in its tests).
func TestQuote(t *testing.T) {
	rec := readBytes(t, "x.jsonl", []byte(`{"data": [{"id": "1", "created_at": "Alice Martin", "public_metrics": {"like_count": 1}}]}`), Twarc2)
	if len(rec.Rejects) != 1 || strings.Contains(rec.Rejects[0].Error(), "Alice") {
		t.Errorf("reject %v", rec.Rejects)
	}
}
