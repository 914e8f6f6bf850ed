package twitter

import (
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

func TestXArchive(t *testing.T) {
	const file = "testdata/x-archive/data/tweets.js"
	rec := readFormat(t, file, XArchive)
	if len(rec.Msgs) != 3 || len(rec.Rejects) != 3 {
		t.Fatalf("got %d messages and %d rejects (%v), want 3 and 3", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	// The owner comes from account.js beside tweets.js; counts are
	// strings.
	check(t, rec.Msgs[0], want{ID: t1, Kind: "tweet", Author: alice, Created: "2022-03-05T21:14:07Z",
		Text: "Garde de nuit #DocTocToc @dr_bob https://t.co/abc", Reactions: 5, Shares: 2,
		Hashtags: []string{"DocTocToc"}, Mentions: []rawio.Person{handleOf(bob)},
		Links: []string{"https://example.org/garde"}, Line: 1})
	check(t, rec.Msgs[1], want{ID: "1500000000000000030", Kind: "reply", Parent: t4, Author: alice,
		Created: "2022-03-06T07:45:00Z", Text: "@dr_bob oui, pareil ici", Reactions: 1040,
		Mentions: []rawio.Person{handleOf(bob)}, ReplyTo: handleOf(bob), Line: 64})
	// Archives mark retweets by their text only: no RefID.
	check(t, rec.Msgs[2], want{ID: "1500000000000000031", Kind: "retweet", Author: alice,
		Created: "2022-03-06T08:10:00Z", Text: "RT @gp_carla: Tellement vrai",
		Mentions: []rawio.Person{handleOf(carla)}, Line: 114})
	// A malformed element fails alone, at the line of its error.
	checkReject(t, rec.Rejects[0], file, 162, "", rawio.ErrBadJSON)
	checkReject(t, rec.Rejects[1], file, 164, "tweet.favorite_count", rawio.ErrShape)
	checkReject(t, rec.Rejects[2], file, 198, "tweet", rawio.ErrMissing)
}

// An older archive (tweet.js, bare tweet objects) without account.js: the
// author is the anonymous archive owner.
func TestXArchiveWithoutAccount(t *testing.T) {
	rec := readFormat(t, "testdata/x-archive/old/tweet.js", XArchive)
	if len(rec.Msgs) != 1 || len(rec.Rejects) != 0 {
		t.Fatalf("got %d messages and %d rejects (%v), want 1 and 0", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	check(t, rec.Msgs[0], want{ID: t1, Kind: "tweet", Author: rawio.Person{ID: ArchiveOwnerID},
		Created: "2022-03-05T21:14:07Z", Text: "Garde de nuit #DocTocToc @dr_bob https://t.co/abc", Reactions: 5, Shares: 2,
		Hashtags: []string{"DocTocToc"}, Mentions: []rawio.Person{handleOf(bob)},
		Links: []string{"https://example.org/garde"}, Line: 2})
}

// An unreadable account.js stops the file rather than lose its owner.
func TestXArchiveBadAccount(t *testing.T) {
	f, err := rawio.Open("testdata/x-archive/badowner/tweets.js")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fm, _ := rawio.Lookup(XArchive)
	rec := &recorder{}
	err = fm.Read(f, rec)
	if err == nil || !strings.Contains(err.Error(), "account.js") || rec.Calls() != 0 {
		t.Errorf("Read with a broken account.js: %v, %d calls", err, rec.Calls())
	}
	if strings.Contains(err.Error(), "doc_alice") || strings.Contains(err.Error(), "100001") {
		t.Errorf("error names the owner: %v", err)
	}
}

func TestYTDPrefix(t *testing.T) {
	for head, want := range map[string]string{
		"window.YTD.tweets.part0 = [ {":        "tweets",
		"\n window.YTD.tweet.part12 =[":        "tweet",
		"window.YTD.community_tweet.part0 = [": "community_tweet",
		"window.YTD.account.part0 = [":         "account",
		"window.YTD.tweets = [":                "",
		"var x = 1":                            "",
		`{"window.YTD.tweets.part0": 1}`:       "",
	} {
		got, _, _ := ytdPrefix([]byte(head))
		if got != want {
			t.Errorf("ytdPrefix(%q) = %q, want %q", head, got, want)
		}
	}
}

// The data folder of an X archive holds account.js beside tweets.js and
// many other window.YTD files (likes, tweet headers, long-tweet bodies,
// deleted tweets, ...), and manifest.js. Only the files of tweets are
// claimed by the x-archive sniffer, so that a loader lists the others as
// skipped; tweets.js is read with its owner from account.js.
func TestXArchiveFolder(t *testing.T) {
	const dir = "testdata/xarchive-data/"
	for file, want := range map[string]int{
		"tweets.js":         100,
		"account.js":        0,
		"like.js":           0,
		"manifest.js":       0,
		"tweet-headers.js":  0, // ids and times of the tweets of tweets.js
		"note-tweet.js":     0, // long texts of tweets of tweets.js, without their ids
		"deleted-tweets.js": 0, // tweets the owner deleted
	} {
		if got := sniffXArchive(headOf(t, dir+file)); got != want {
			t.Errorf("%s: x-archive scores %d, want %d", file, got, want)
		}
		for other, sniff := range ours {
			if got := sniff(headOf(t, dir+file)); other != XArchive && got != 0 {
				t.Errorf("%s: %s scores %d, want 0", file, other, got)
			}
		}
	}
	owner := rawio.Person{ID: "200001", Handle: "dr_zoe_gp", Name: "Zoé Généraliste"}
	rec := readFormat(t, dir+"tweets.js", XArchive)
	if len(rec.Msgs) != 2 || len(rec.Rejects) != 0 {
		t.Fatalf("got %d messages and %d rejects (%v), want 2 and 0", len(rec.Msgs), len(rec.Rejects), rec.Rejects)
	}
	check(t, rec.Msgs[0], want{ID: "1620000000000000001", Kind: "tweet", Author: owner, Created: "2023-01-30T07:45:00Z",
		Text: "Salle d'attente pleine dès 7h. #MG", Reactions: 4, Shares: 1, Hashtags: []string{"MG"}, Line: 2})
	check(t, rec.Msgs[1], want{ID: "1620000000000000002", Kind: "reply", Parent: "1619990000000000000", Author: owner,
		Created: "2023-01-30T08:02:13Z", Text: "@ped_garde merci pour l'avis", Mentions: []rawio.Person{{ID: "200002", Handle: "ped_garde"}},
		ReplyTo: rawio.Person{ID: "200002", Handle: "ped_garde"}, Line: 45})
}
