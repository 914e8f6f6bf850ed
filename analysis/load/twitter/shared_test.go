package twitter

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

func errorsIs(err, target error) bool { return errors.Is(err, target) }

// kinds counts messages by kind.
func kinds(rec *recorder) map[corpus.Kind]int {
	out := map[corpus.Kind]int{}
	for _, m := range rec.Msgs {
		out[m.Kind]++
	}
	return out
}

func checkKinds(t *testing.T, name string, rec *recorder, want map[corpus.Kind]int) {
	t.Helper()
	got := kinds(rec)
	for _, k := range corpus.Kinds {
		if got[k] != want[k] {
			t.Errorf("%s: %d messages of kind %s, want %d", name, got[k], k, want[k])
		}
	}
}

// The real twarc2 samples load with every record accounted for.
func TestSharedTwarc2(t *testing.T) {
	dir := sharedFixtures(t, "twarc2")
	cases := []struct {
		file    string
		msgs    int
		rejects int
		kinds   map[corpus.Kind]int
	}{
		// One page of 100 tweets; its 59 context tweets are not records.
		{"twarc-csv_brexit.jsonl", 100, 0, map[corpus.Kind]int{corpus.Tweet: 12, corpus.Quote: 11, corpus.Reply: 10, corpus.Retweet: 67}},
		// 100 flattened tweets; one old @-reply without replied_to.
		{"twarc-csv_flat.jsonl", 100, 0, map[corpus.Kind]int{corpus.Tweet: 13, corpus.Quote: 8, corpus.Reply: 32, corpus.Retweet: 47}},
		{"twarc-csv_two_tweets.jsonl", 1, 0, map[corpus.Kind]int{corpus.Retweet: 1}},
		// Eight stream lines, one tweet each; the last is cut short.
		{"twarc-csv_streaming_output_with_error.jsonl", 7, 1, map[corpus.Kind]int{corpus.Tweet: 3, corpus.Quote: 1, corpus.Reply: 3}},
		{"twitwi_payload-v2.json", 10, 0, map[corpus.Kind]int{corpus.Retweet: 9, corpus.Reply: 1}},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.file)
		rec := readFormat(t, path, Twarc2)
		if len(rec.Msgs) != c.msgs || len(rec.Rejects) != c.rejects {
			t.Errorf("%s: %d messages and %d rejects, want %d and %d", c.file, len(rec.Msgs), len(rec.Rejects), c.msgs, c.rejects)
			continue
		}
		checkKinds(t, c.file, rec, c.kinds)
		for _, m := range rec.Msgs {
			if m.ID == "" || m.Created.IsZero() || m.Author.ID == "" || m.Author.Handle == "" {
				t.Errorf("%s: message %s:%d lacks id, time or author: %+v", c.file, m.ID, m.Line, m.Author)
			}
		}
		switch c.file {
		case "twarc-csv_brexit.jsonl":
			m := rec.Msgs[0]
			if m.ID != "1440716895355764743" || m.Author.ID != "4203239195" || m.Author.Handle != "WarmongerHodges" ||
				!m.Created.Equal(mustTime(t, "2021-09-22T16:37:29Z")) || m.ThreadID != m.ID || m.Line != 1 ||
				fmtList(m.Hashtags) != "[PeoplesVote Brexit]" {
				t.Errorf("brexit: first tweet %+v", m)
			}
			m = rec.ByID(t, "1440716745577140229")
			if m.Kind != corpus.Reply || m.ParentID != "1440621713281093641" || m.ThreadID != "1440621713281093641" ||
				len(m.Hashtags) != 8 || fmtList(m.Links) != "[https://twitter.com/calin_a/status/1440716745577140229/photo/1]" ||
				m.Mentions[0] != (rawio.Person{ID: "1717521084", Handle: "AndrewKnight226"}) {
				t.Errorf("brexit: reply %+v", m)
			}
		case "twarc-csv_flat.jsonl":
			m := rec.ByID(t, "1380242449700847616")
			if m.Kind != corpus.Reply || m.ParentID != "" || m.ReplyTo != (rawio.Person{ID: "1349149096909668363", Handle: "POTUS"}) ||
				m.Author.Handle != "DWDrummer13" || m.Line != 16 {
				t.Errorf("flat: @-reply %+v", m)
			}
		case "twarc-csv_two_tweets.jsonl":
			m := rec.Msgs[0]
			if m.ID != "1394735776701816833" || m.Author.ID != "1379899464345923590" || m.RefID != "1391677057810288641" ||
				!m.Created.Equal(mustTime(t, "2021-05-18T19:24:56Z")) {
				t.Errorf("two_tweets: %+v", m)
			}
		case "twarc-csv_streaming_output_with_error.jsonl":
			checkReject(t, rec.Rejects[0], path, 8, "", rawio.ErrBadJSON)
			if m := rec.Msgs[6]; m.ID != "1377650529766154240" || m.Line != 7 {
				t.Errorf("stream: last message %s:%d", m.ID, m.Line)
			}
		case "twitwi_payload-v2.json":
			m := rec.ByID(t, "1383054846186639361")
			if m.Kind != corpus.Reply || m.ParentID != "1383054056906711040" || m.ThreadID != "1383003504734781442" ||
				m.Author.Handle != "toknell" || fmtList(m.Hashtags) != "[covidiot]" || len(m.Mentions) != 3 ||
				m.Mentions[0] != (rawio.Person{Handle: "johanwadenback"}) || m.Line != 1 {
				t.Errorf("payload-v2: reply %+v", m)
			}
		}
	}
}

func TestSharedV1(t *testing.T) {
	dir := sharedFixtures(t, "twitter-v1")
	rec := readFormat(t, filepath.Join(dir, "twitwi_normalization_sources.jsonl"), V1)
	if len(rec.Msgs) != 9 || len(rec.Rejects) != 0 {
		t.Fatalf("%d messages and %d rejects, want 9 and 0", len(rec.Msgs), len(rec.Rejects))
	}
	checkKinds(t, "v1", rec, map[corpus.Kind]int{corpus.Tweet: 5, corpus.Retweet: 2, corpus.Quote: 1, corpus.Reply: 1})
	// A French reply that quotes: a reply with RefID.
	check(t, rec.Msgs[3], want{ID: "1359485114112233472", Kind: "reply", Parent: "1359485112325468162",
		Ref: "1359452400122290179", Author: rawio.Person{ID: "119081177", Handle: "JeanCASTEX", Name: "Jean Castex"},
		Created: "2021-02-10T12:51:23Z", Text: "Le logement est le 2e secteur", Reactions: 50, Shares: 17,
		Hashtags: []string{"MaPrimeRenov", "ClimatRésilience"}, Mentions: []rawio.Person{{ID: "454336881", Handle: "barbarapompili"}},
		Links:   []string{"https://twitter.com/EmmWargon/status/1359452400122290179?s=20/video/1"},
		ReplyTo: rawio.Person{ID: "119081177", Handle: "JeanCASTEX"}, Line: 4})
	m := rec.Msgs[1]
	if m.ID != "1355046668995977219" || len([]rune(m.Text)) <= 140 || m.Reactions != 33427 || m.Shares != 8297 {
		t.Errorf("extended tweet %s: %d characters, %d likes, %d retweets", m.ID, len([]rune(m.Text)), m.Reactions, m.Shares)
	}
	if m := rec.Msgs[0]; m.Kind != corpus.Retweet || m.RefID != "1355046668995977219" {
		t.Errorf("retweet %s: %s of %s", m.ID, m.Kind, m.RefID)
	}
}
