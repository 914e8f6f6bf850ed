package twitter

import (
	"errors"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

func TestZeeschuimerX(t *testing.T) {
	const file = "testdata/zeeschuimer-x/items.ndjson"
	rec := readFormat(t, file, ZeeschuimerX)
	if len(rec.Msgs) != 5 || len(rec.Rejects) != 3 {
		t.Fatalf("got %d messages and %d rejects (%v), want 5 and 3", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	check(t, rec.Msgs[0], want{ID: t1, Kind: "tweet", Thread: t1, Author: alice, Created: "2022-03-05T21:14:07Z",
		Text: "Garde de nuit #DocTocToc @dr_bob https://t.co/z", Reactions: 5, Shares: 2,
		Hashtags: []string{"DocTocToc"}, Mentions: []rawio.Person{handleOf(bob)},
		Links: []string{"https://example.org/garde"}, Line: 1})
	// Wrapped as TweetWithVisibilityResults.
	check(t, rec.Msgs[1], want{ID: t2, Kind: "reply", Parent: t1, Thread: t1, Author: bob,
		Created: "2022-03-05T21:20:00Z", Text: "@doc_alice courage !", Reactions: 1,
		Mentions: []rawio.Person{handleOf(alice)}, ReplyTo: handleOf(alice), Line: 2})
	// The 2025 layout: screen name and name under core.
	check(t, rec.Msgs[2], want{ID: t3, Kind: "retweet", Ref: t1, Thread: t3, Author: carla,
		Created: "2022-03-05T22:01:30Z", Text: "RT @doc_alice: Garde de nuit", Shares: 2,
		Hashtags: []string{"DocTocToc"}, Mentions: []rawio.Person{handleOf(alice), handleOf(bob)}, Line: 3})
	// An older "adaptive" item: legacy plus a v1.1 user.
	check(t, rec.Msgs[3], want{ID: t4, Kind: "reply", Parent: t2, Thread: t1, Author: bob,
		Created: "2022-03-06T07:02:59Z", Text: "Et aussi", ReplyTo: handleOf(bob), Line: 4})
	// A long (note) tweet quoting another.
	check(t, rec.Msgs[4], want{ID: t5, Kind: "quote", Ref: t1, Thread: t5, Author: carla,
		Created: "2022-03-06T08:00:00Z", Text: "Long texte très long très long", Reactions: 3, Line: 8})
	if !strings.HasSuffix(rec.Msgs[4].Text, "très long ") || len(rec.Msgs[4].Text) < 300 {
		t.Errorf("note tweet text not whole: %q", rec.Msgs[4].Text)
	}

	checkReject(t, rec.Rejects[0], file, 5, "source_platform", ErrNotTwitter)
	checkReject(t, rec.Rejects[1], file, 6, "", rawio.ErrBadJSON)
	checkReject(t, rec.Rejects[2], file, 7, "data.legacy", rawio.ErrMissing)
	if !errors.Is(rec.Rejects[0], ErrNotTwitter) || rec.Rejects[0].Error() != file+`:5: field "source_platform": not a Twitter item` {
		t.Errorf("reject of a Facebook item: %v", rec.Rejects[0])
	}
}

func TestZeeschuimerXTypes(t *testing.T) {
	for _, c := range []struct {
		in, field string
		reason    error
	}{
		// Another platform's data of a shape a tweet cannot take.
		{`{"source_platform": "tiktok.com", "data": {"legacy": "x", "core": [1]}}`, "source_platform", ErrNotTwitter},
		{`{"source_platform": "x.com", "data": {"rest_id": "1", "legacy": {"favorite_count": "beaucoup"}}}`, "data.legacy.favorite_count", rawio.ErrShape},
		{`{"source_platform": 7, "data": {}}`, "source_platform", rawio.ErrShape},
		{`["x.com"]`, "", rawio.ErrShape},
		{`{"source_platform": "x.com", "data": {"rest_id": "1", "legacy": {"created_at": "Sat Mar 05 21:14:07 +0000 2022", "full_text": "x"}}}`, "", nil},
	} {
		rec := readBytes(t, "z.ndjson", []byte(c.in), ZeeschuimerX)
		if c.reason == nil {
			if len(rec.Msgs) != 1 || rec.Msgs[0].ID != "1" || rec.Msgs[0].Kind != corpus.Tweet {
				t.Errorf("%s: %d messages, rejects %v", c.in, len(rec.Msgs), rec.Rejects)
			}
			continue
		}
		if len(rec.Rejects) != 1 || len(rec.Msgs) != 0 {
			t.Errorf("%s: %d messages, rejects %v", c.in, len(rec.Msgs), rec.Rejects)
			continue
		}
		checkReject(t, rec.Rejects[0], "z.ndjson", 1, c.field, c.reason)
	}
}
