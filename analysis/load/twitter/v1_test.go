package twitter

import (
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

func TestV1(t *testing.T) {
	const file = "testdata/twitter-v1/tweets.jsonl"
	rec := readFormat(t, file, V1)
	if len(rec.Msgs) != 6 || len(rec.Rejects) != 2 {
		t.Fatalf("got %d messages and %d rejects (%v), want 6 and 2", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	// The whole text and entities of extended_tweet replace the
	// truncated ones.
	check(t, rec.Msgs[0], want{ID: t1, Kind: "tweet", Author: alice, Created: "2022-03-05T21:14:07Z",
		Text:      "Garde de nuit, encore une fois, et toujours la même question sur les gardes #DocTocToc #MG @dr_bob https://t.co/abc",
		Reactions: 5, Shares: 2, Hashtags: []string{"DocTocToc", "MG"},
		Mentions: []rawio.Person{handleOf(bob)}, Links: []string{"https://example.org/garde"}, Line: 1})
	check(t, rec.Msgs[1], want{ID: t2, Kind: "reply", Parent: t1, Author: bob, Created: "2022-03-05T21:20:00Z",
		Text: "@doc_alice courage !", Reactions: 1, Mentions: []rawio.Person{handleOf(alice)}, ReplyTo: handleOf(alice), Line: 2})
	check(t, rec.Msgs[2], want{ID: t3, Kind: "retweet", Ref: t1, Author: carla, Created: "2022-03-05T22:01:30Z",
		Text: "RT @doc_alice: Garde de nuit", Shares: 2, Hashtags: []string{"DocTocToc", "MG"},
		Mentions: []rawio.Person{handleOf(alice)}, Line: 3})
	check(t, rec.Msgs[3], want{ID: t5, Kind: "quote", Ref: t1, Author: carla, Created: "2022-03-06T08:00:00Z",
		Text: "Tellement vrai https://t.co/q", Reactions: 3,
		Links: []string{"https://twitter.com/doc_alice/status/1500000000000000001"}, Line: 4})
	check(t, rec.Msgs[4], want{ID: "1500000000000000010", Kind: "reply", Author: carla, Created: "2022-03-06T09:00:00Z",
		Text: "@doc_alice merci", ReplyTo: handleOf(alice), Line: 5})
	// Numbers only (no id_str), and a time with an offset.
	check(t, rec.Msgs[5], want{ID: "1500000000000000021", Kind: "tweet", Author: bob, Created: "2022-03-06T09:30:00Z",
		Text: "heure d'hiver", Reactions: 7, Line: 9})

	checkReject(t, rec.Rejects[0], file, 7, "", rawio.ErrBadJSON)
	checkReject(t, rec.Rejects[1], file, 8, "created_at", rawio.ErrMissing)
}

// A JSON array of tweets, as some scripts save them, is read element by
// element.
func TestV1Array(t *testing.T) {
	in := "[\n" +
		`{"id_str": "1", "created_at": "Sat Mar 05 21:14:07 +0000 2022", "text": "a", "user": {"id_str": "9", "screen_name": "x"}},` + "\n" +
		`{"id_str": "2", "created_at": "Sat Mar 05 21:15:07 +0000 2022", "text": "b", "user": {"id_str": "9", "screen_name": "x"}, "favorite_count": "many"},` + "\n" +
		`{"id_str": "3", "created_at": "Sat Mar 05 21:16:07 +0000 2022", "text": "c", "user": {"id_str": "9", "screen_name": "x"}}` + "\n]\n"
	if got := sniffV1([]byte(in)); got == 0 {
		t.Errorf("sniffV1 does not recognise an array of tweets")
	}
	rec := readBytes(t, "a.json", []byte(in), V1)
	if len(rec.Msgs) != 2 || len(rec.Rejects) != 1 {
		t.Fatalf("got %d messages and %d rejects (%v), want 2 and 1", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	if rec.Msgs[0].ID != "1" || rec.Msgs[0].Line != 2 || rec.Msgs[1].ID != "3" || rec.Msgs[1].Line != 4 {
		t.Errorf("messages %s:%d and %s:%d, want 1:2 and 3:4", rec.Msgs[0].ID, rec.Msgs[0].Line, rec.Msgs[1].ID, rec.Msgs[1].Line)
	}
	checkReject(t, rec.Rejects[0], "a.json", 3, "favorite_count", rawio.ErrShape)
}
