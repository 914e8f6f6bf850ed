package twitter

import (
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

// One object in a file named by the tweet id, without extension, as
// TweetScraper writes them. Its datetime is Paris time (CEST): the id's
// snowflake tells so.
func TestTweetScraperFile(t *testing.T) {
	rec := readFormat(t, "testdata/tweetscraper/979443596522426514", TweetScraper)
	if len(rec.Msgs) != 1 || len(rec.Rejects) != 0 {
		t.Fatalf("got %d messages and %d rejects (%v), want 1 and 0", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	check(t, rec.Msgs[0], want{ID: "979443596522426514", Kind: "reply", Author: handleOf(bob),
		Created: "2018-03-29T19:42:05Z", Text: "@ doc_alice  courage ! #DocTocToc", Reactions: 3,
		Hashtags: []string{"DocTocToc"}, Mentions: []rawio.Person{{Handle: "doc_alice"}},
		ReplyTo: rawio.Person{Handle: "doc_alice"}, Line: 1})
}

func TestTweetScraperLines(t *testing.T) {
	const file = "testdata/tweetscraper/scrape.jsonl"
	rec := readFormat(t, file, TweetScraper)
	if len(rec.Msgs) != 4 || len(rec.Rejects) != 2 {
		t.Fatalf("got %d messages and %d rejects (%v), want 4 and 2", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	// Paris winter time (CET); "#123" is no hashtag, "a@b.fr" no mention.
	check(t, rec.Msgs[0], want{ID: "952798796549455889", Kind: "tweet", Author: handleOf(alice),
		Created: "2018-01-15T07:05:09Z", Text: "Encore une garde #DocTocToc avec @dr_bob, mail a@b.fr #123 (#MG) #santé",
		Reactions: 5, Shares: 2, Hashtags: []string{"DocTocToc", "MG", "santé"},
		Mentions: []rawio.Person{{Handle: "dr_bob"}}, Line: 1})
	// Seen through a retweet: the record is the retweeted tweet itself.
	check(t, rec.Msgs[1], want{ID: "952827695723446273", Kind: "tweet", Author: handleOf(carla),
		Created: "2018-01-15T09:00:00Z", Text: "Vu via un retweet", Shares: 4, Line: 2})
	// No snowflake before November 2010: the datetime is taken as UTC.
	check(t, rec.Msgs[2], want{ID: "123456789", Kind: "tweet", Author: handleOf(alice),
		Created: "2010-06-01T12:00:00Z", Text: "Avant les snowflakes", Line: 3})
	// A datetime that no time zone explains is taken as UTC too.
	check(t, rec.Msgs[3], want{ID: "959033587921846277", Kind: "tweet", Author: handleOf(alice),
		Created: "2018-02-01T12:37:00Z", Text: "Date incohérente", Line: 4})
	checkReject(t, rec.Rejects[0], file, 5, "", rawio.ErrBadJSON)
	checkReject(t, rec.Rejects[1], file, 6, "datetime", rawio.ErrMissing)
}

func TestTweetScraperPretty(t *testing.T) {
	rec := readFormat(t, "testdata/tweetscraper/pretty.json", TweetScraper)
	if len(rec.Msgs) != 1 || len(rec.Rejects) != 0 {
		t.Fatalf("got %d messages and %d rejects (%v), want 1 and 0", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	check(t, rec.Msgs[0], want{ID: "952827695723446273", Kind: "tweet", Author: handleOf(carla),
		Created: "2018-01-15T09:00:00Z", Text: "Vu via un retweet", Shares: 4, Line: 1})
}

func TestSnowflake(t *testing.T) {
	// The first #DocTocToc reply, 2012-06-06 08:53:18 in Paris.
	got, ok := snowflakeTime("210263074358296576")
	want := time.Date(2012, 6, 6, 6, 53, 18, 83e6, time.UTC)
	if !ok || !got.Equal(want) {
		t.Errorf("snowflakeTime = %v, %v; want %v", got, ok, want)
	}
	wall := time.Date(2012, 6, 6, 8, 53, 18, 0, time.UTC)
	if got := scraperTime(wall, "210263074358296576"); !got.Equal(want.Truncate(time.Second)) {
		t.Errorf("scraperTime = %v, want %v", got, want.Truncate(time.Second))
	}
	for _, id := range []string{"29700859247", "abc", "", "-5"} {
		if _, ok := snowflakeTime(id); ok {
			t.Errorf("snowflakeTime(%q) ok", id)
		}
	}
	// A zone of India (+05:30) is a whole number of quarter hours.
	if got := scraperTime(want.Add(5*time.Hour+30*time.Minute).Truncate(time.Second), "210263074358296576"); !got.Equal(want.Truncate(time.Second)) {
		t.Errorf("scraperTime at +05:30 = %v", got)
	}
}

func TestTextEntities(t *testing.T) {
	cases := []struct {
		text          string
		sigil         byte
		want          string
		leadingHandle string
	}{
		{"@ DrKoibo  tour du monde ! #DocTocToc", '@', "[DrKoibo]", "DrKoibo"},
		{"# DocTocToc au début", '#', "[DocTocToc]", ""},
		{"fin # pas un tag", '#', "[]", ""},
		{"#1 #a1 #été_2018 C#", '#', "[a1 été_2018]", ""},
		{"  @bob@carla mail x@y.fr", '@', "[bob]", "bob"},
		{"@", '@', "[]", ""},
		{"(@bob)", '@', "[bob]", ""},
	}
	for _, c := range cases {
		got := rawio.TextEntities(c.text, c.sigil)
		if s := fmtList(got); s != c.want {
			t.Errorf("rawio.TextEntities(%q, %c) = %s, want %s", c.text, c.sigil, s, c.want)
		}
		if c.sigil == '@' {
			if h := leadingHandle(c.text); h != c.leadingHandle {
				t.Errorf("leadingHandle(%q) = %q, want %q", c.text, h, c.leadingHandle)
			}
		}
	}
}
