package twitter

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/internal/cputime"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// counter is a Sink that only counts.
type counter struct{ msgs, rejects int }

func (c *counter) Message(*rawio.RawMessage)      { c.msgs++ }
func (c *counter) Panel(*corpus.PanelObservation) {}
func (c *counter) Profile(*rawio.RawProfile)      {}
func (c *counter) Reject(*rawio.ParseError)       { c.rejects++ }

const benchTweets = 10000

var benchStart = time.Date(2021, 9, 22, 16, 0, 0, 0, time.UTC)

// genV2Tweet is an API v2 tweet as twarc2 requests them, with the fields
// (context annotations, entity annotations) that readers skip.
func genV2Tweet(i int) map[string]any {
	id := strconv.Itoa(1440000000000000000 + i)
	t := map[string]any{
		"id": id, "author_id": strconv.Itoa(100000 + i%500), "conversation_id": id,
		"created_at": benchStart.Add(time.Duration(i) * time.Second).Format("2006-01-02T15:04:05.000Z"),
		"text":       fmt.Sprintf("Tweet %d sur la garde de nuit, les patients et la paperasse #DocTocToc #MG @user%d https://t.co/%d", i, i%97, i),
		"lang":       "fr", "source": "Twitter for Android", "possibly_sensitive": false, "reply_settings": "everyone",
		"edit_history_tweet_ids": []string{id},
		"public_metrics":         map[string]int{"retweet_count": i % 13, "reply_count": i % 5, "like_count": i % 31, "quote_count": 0},
		"entities": map[string]any{
			"hashtags":    []map[string]any{{"start": 60, "end": 70, "tag": "DocTocToc"}, {"start": 71, "end": 74, "tag": "MG"}},
			"mentions":    []map[string]any{{"start": 75, "end": 82, "username": fmt.Sprintf("user%d", i%97), "id": strconv.Itoa(200000 + i%97)}},
			"urls":        []map[string]any{{"start": 83, "end": 106, "url": "https://t.co/x", "expanded_url": "https://example.org/article/" + id, "display_url": "example.org/article/…"}},
			"annotations": []map[string]any{{"start": 0, "end": 4, "probability": 0.51, "type": "Other", "normalized_text": "Tweet"}},
		},
		"context_annotations": []map[string]any{
			{"domain": map[string]string{"id": "65", "name": "Interests and Hobbies Vertical", "description": "Top level interests and hobbies groupings, like Food or Travel"},
				"entity": map[string]string{"id": "847544972781826048", "name": "Health", "description": "Health"}},
			{"domain": map[string]string{"id": "66", "name": "Interests and Hobbies Category", "description": "A grouping of interests and hobbies entities, like Novelty Food or Destinations"},
				"entity": map[string]string{"id": "1196845866138533888", "name": "Medical", "description": "Medical"}},
		},
	}
	switch i % 4 {
	case 1:
		t["referenced_tweets"] = []map[string]string{{"type": "replied_to", "id": strconv.Itoa(1440000000000000000 + i - 1)}}
		t["in_reply_to_user_id"] = strconv.Itoa(100000 + (i-1)%500)
	case 2:
		t["referenced_tweets"] = []map[string]string{{"type": "retweeted", "id": strconv.Itoa(1430000000000000000 + i)}}
	}
	return t
}

func genV2User(i int) map[string]any {
	return map[string]any{"id": strconv.Itoa(100000 + i), "username": fmt.Sprintf("user%d", i), "name": fmt.Sprintf("Utilisatrice %d", i),
		"created_at": "2012-01-01T00:00:00.000Z", "description": "Médecin généraliste, quelque part en France.", "verified": false,
		"protected": false, "profile_image_url": "https://pbs.twimg.com/profile_images/1/x_normal.jpg",
		"public_metrics": map[string]int{"followers_count": 381, "following_count": 182, "tweet_count": 953, "listed_count": 3}}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// genTwarc2Pages writes benchTweets tweets as response pages of 100,
// with their authors and context tweets in includes.
func genTwarc2Pages() []byte {
	var buf bytes.Buffer
	for p := 0; p < benchTweets/100; p++ {
		var data, ctx []any
		users := map[int]bool{}
		var inc []any
		for i := p * 100; i < (p+1)*100; i++ {
			data = append(data, genV2Tweet(i))
			if u := i % 500; !users[u] {
				users[u] = true
				inc = append(inc, genV2User(u))
			}
			if i%4 == 2 {
				ctx = append(ctx, genV2Tweet(i+1000000))
			}
		}
		buf.Write(mustJSON(map[string]any{"data": data, "includes": map[string]any{"users": inc, "tweets": ctx},
			"meta":    map[string]any{"result_count": 100, "newest_id": "1", "oldest_id": "2", "next_token": "abc"},
			"__twarc": map[string]any{"url": "https://api.twitter.com/2/tweets/search/all?query=%23DocTocToc", "version": "2.12.0", "retrieved_at": "2022-03-06T10:00:00+00:00"}}))
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// genTwarc2Flat writes benchTweets flattened tweets, one per line.
func genTwarc2Flat() []byte {
	var buf bytes.Buffer
	for i := 0; i < benchTweets; i++ {
		t := genV2Tweet(i)
		t["author"] = genV2User(i % 500)
		t["__twarc"] = map[string]any{"url": "https://api.twitter.com/2/tweets/search/all", "version": "2.12.0", "retrieved_at": "2022-03-06T10:00:00+00:00"}
		buf.Write(mustJSON(t))
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func genTwarcCSV() []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"id", "conversation_id", "referenced_tweets.replied_to.id", "referenced_tweets.retweeted.id", "referenced_tweets.quoted.id",
		"author_id", "in_reply_to_user_id", "created_at", "text", "lang", "public_metrics.retweet_count", "public_metrics.like_count",
		"entities.hashtags", "entities.mentions", "entities.urls", "author.id", "author.username", "author.name", "__twarc.version"})
	for i := 0; i < benchTweets; i++ {
		id := strconv.Itoa(1440000000000000000 + i)
		var rep, rt, iru string
		switch i % 4 {
		case 1:
			rep, iru = strconv.Itoa(1440000000000000000+i-1), strconv.Itoa(100000+(i-1)%500)
		case 2:
			rt = strconv.Itoa(1430000000000000000 + i)
		}
		w.Write([]string{id, id, rep, rt, "", strconv.Itoa(100000 + i%500), iru,
			benchStart.Add(time.Duration(i) * time.Second).Format("2006-01-02T15:04:05.000Z"),
			fmt.Sprintf(`Tweet %d sur la garde\nde nuit #DocTocToc #MG @user%d https://t.co/x`, i, i%97), "fr",
			strconv.Itoa(i % 13), strconv.Itoa(i % 31), `["#DocTocToc", "#MG"]`, fmt.Sprintf(`["@user%d"]`, i%97),
			`["https://example.org/article/` + id + `"]`, strconv.Itoa(100000 + i%500), fmt.Sprintf("user%d", i%500), fmt.Sprintf("Utilisatrice %d", i%500), "2.12.0"})
	}
	w.Flush()
	return buf.Bytes()
}

func genV1Tweet(i int, numbersAsStrings bool) map[string]any {
	id := strconv.Itoa(1440000000000000000 + i)
	num := func(n int) any {
		if numbersAsStrings {
			return strconv.Itoa(n)
		}
		return n
	}
	t := map[string]any{
		"id": num(1440000000000000000 + i), "id_str": id,
		"created_at": benchStart.Add(time.Duration(i) * time.Second).Format(v1Layout),
		"full_text":  fmt.Sprintf("Tweet %d sur la garde de nuit, les patients et la paperasse #DocTocToc #MG @user%d https://t.co/x", i, i%97),
		"truncated":  false, "display_text_range": []any{num(0), num(100)}, "lang": "fr",
		"source":        `<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>`,
		"retweet_count": num(i % 13), "favorite_count": num(i % 31), "favorited": false, "retweeted": false,
		"entities": map[string]any{
			"hashtags":      []map[string]any{{"text": "DocTocToc", "indices": []any{num(60), num(70)}}, {"text": "MG", "indices": []any{num(71), num(74)}}},
			"user_mentions": []map[string]any{{"screen_name": fmt.Sprintf("user%d", i%97), "name": "Quelqu'un", "id": num(200000 + i%97), "id_str": strconv.Itoa(200000 + i%97), "indices": []any{num(75), num(82)}}},
			"urls":          []map[string]any{{"url": "https://t.co/x", "expanded_url": "https://example.org/article/" + id, "display_url": "example.org/article/…", "indices": []any{num(83), num(106)}}},
			"symbols":       []any{},
		},
	}
	if i%4 == 1 {
		t["in_reply_to_status_id_str"] = strconv.Itoa(1440000000000000000 + i - 1)
		t["in_reply_to_user_id_str"] = strconv.Itoa(100000 + (i-1)%500)
		t["in_reply_to_screen_name"] = fmt.Sprintf("user%d", (i-1)%500)
	}
	return t
}

func genV1() []byte {
	var buf bytes.Buffer
	for i := 0; i < benchTweets; i++ {
		t := genV1Tweet(i, false)
		t["user"] = map[string]any{"id": 100000 + i%500, "id_str": strconv.Itoa(100000 + i%500), "screen_name": fmt.Sprintf("user%d", i%500),
			"name": fmt.Sprintf("Utilisatrice %d", i%500), "location": "France", "description": "Médecin généraliste.",
			"followers_count": 381, "friends_count": 182, "statuses_count": 953, "created_at": "Sun Jan 01 00:00:00 +0000 2012"}
		if i%4 == 2 {
			t["retweeted_status"] = genV1Tweet(i+1000000, false)
		}
		buf.Write(mustJSON(t))
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func genXArchive() []byte {
	var items []any
	for i := 0; i < benchTweets; i++ {
		items = append(items, map[string]any{"tweet": genV1Tweet(i, true)})
	}
	b, err := json.MarshalIndent(items, "", "  ")
	if err != nil {
		panic(err)
	}
	return append([]byte("window.YTD.tweets.part0 = "), b...)
}

func genTweetScraper() []byte {
	var buf bytes.Buffer
	for i := 0; i < benchTweets; i++ {
		at := benchStart.Add(time.Duration(i) * time.Second)
		id := strconv.FormatUint(uint64(at.UnixMilli()-twitterEpoch)<<22, 10)
		buf.Write(mustJSON(map[string]any{"usernameTweet": fmt.Sprintf("user%d", i%500), "ID": id,
			"text": fmt.Sprintf("@ user%d  Tweet %d sur la garde de nuit #DocTocToc #MG", i%97, i),
			"url":  fmt.Sprintf("/user%d/status/%s", i%500, id), "nbr_retweet": i % 13, "nbr_favorite": i % 31, "nbr_reply": i % 5,
			"datetime": at.In(corpus.Paris).Format(time.DateTime), "is_reply": i%4 == 1, "is_retweet": false, "user_id": strconv.Itoa(100000 + i%500)}))
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func genZeeschuimer() []byte {
	var buf bytes.Buffer
	for i := 0; i < benchTweets; i++ {
		l := genV1Tweet(i, false)
		delete(l, "id")
		l["user_id_str"] = strconv.Itoa(100000 + i%500)
		l["conversation_id_str"] = l["id_str"]
		data := map[string]any{"__typename": "Tweet", "rest_id": l["id_str"], "legacy": l,
			"core": map[string]any{"user_results": map[string]any{"result": map[string]any{"__typename": "User", "rest_id": strconv.Itoa(100000 + i%500),
				"legacy": map[string]any{"screen_name": fmt.Sprintf("user%d", i%500), "name": fmt.Sprintf("Utilisatrice %d", i%500), "followers_count": 381, "description": "Médecin généraliste."}}}},
			"views": map[string]string{"count": "120", "state": "EnabledWithCount"}, "source": "<a>Twitter for Android</a>"}
		buf.Write(mustJSON(map[string]any{"nav_index": fmt.Sprintf("1:1:%d", i), "item_id": l["id_str"], "timestamp_collected": 1646560000000 + i,
			"source_platform": "twitter.com", "source_platform_url": "https://x.com/search", "source_url": "https://x.com/i/api/graphql/x/SearchTimeline",
			"user_agent": "Mozilla/5.0", "data": data}))
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func benchFormat(b *testing.B, format, name string, gen func() []byte) {
	raw := gen()
	fm, ok := rawio.Lookup(format)
	if !ok {
		b.Fatalf("no format %s", format)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	cpu0 := cputime.Used()
	n := 0
	for b.Loop() {
		n++
		f, err := rawio.NewFile(name, bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		var c counter
		if err := fm.Read(f, &c); err != nil {
			b.Fatal(err)
		}
		if c.msgs != benchTweets || c.rejects != 0 {
			b.Fatalf("%d messages, %d rejects", c.msgs, c.rejects)
		}
	}
	reportCPU(b, cpu0, n, len(raw))
}

// reportCPU reports throughput per second of CPU time (MB/cpu-s), which
// unlike MB/s does not depend on how busy the shared machine is: the
// speed one core gives, garbage collection included.
func reportCPU(b *testing.B, cpu0 time.Duration, n, size int) {
	if d := cputime.Used() - cpu0; d > 0 && n > 0 {
		b.ReportMetric(float64(n*size)/1e6/d.Seconds(), "MB/cpu-s")
	}
}

func BenchmarkTwarc2Pages(b *testing.B) { benchFormat(b, Twarc2, "pages.jsonl", genTwarc2Pages) }
func BenchmarkTwarc2Flat(b *testing.B)  { benchFormat(b, Twarc2, "flat.jsonl", genTwarc2Flat) }

// The twarc2 benchmarks with the reference decoder (unmarshal only), to
// compare with v2Scanner in one run.
func BenchmarkTwarc2PagesReference(b *testing.B) {
	referenceDecoder.Store(true)
	defer referenceDecoder.Store(false)
	benchFormat(b, Twarc2, "pages.jsonl", genTwarc2Pages)
}
func BenchmarkTwarc2FlatReference(b *testing.B) {
	referenceDecoder.Store(true)
	defer referenceDecoder.Store(false)
	benchFormat(b, Twarc2, "flat.jsonl", genTwarc2Flat)
}
func BenchmarkTwarcCSV(b *testing.B) { benchFormat(b, TwarcCSV, "tweets.csv", genTwarcCSV) }
func BenchmarkV1(b *testing.B)       { benchFormat(b, V1, "v1.jsonl", genV1) }
func BenchmarkXArchive(b *testing.B) {
	benchFormat(b, XArchive, "no-such-dir/tweets.js", genXArchive)
}
func BenchmarkTweetScraper(b *testing.B) {
	benchFormat(b, TweetScraper, "scrape.jsonl", genTweetScraper)
}
func BenchmarkZeeschuimerX(b *testing.B) {
	benchFormat(b, ZeeschuimerX, "items.ndjson", genZeeschuimer)
}

// BenchmarkScanOnly measures encoding/json's validity scan alone on the
// pages of BenchmarkTwarc2Pages, a floor for any reader built on it.
func BenchmarkScanOnly(b *testing.B) {
	raw := genTwarc2Pages()
	lines := bytes.Split(bytes.TrimSpace(raw), []byte{'\n'})
	b.SetBytes(int64(len(raw)))
	cpu0, n := cputime.Used(), 0
	for b.Loop() {
		n++
		for _, l := range lines {
			if !json.Valid(l) {
				b.Fatal("invalid")
			}
		}
	}
	reportCPU(b, cpu0, n, len(raw))
}
