package bluesky

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// recorder is the sink of these tests: it keeps what a reader gives it,
// in order, service records included.
type recorder = loadtest.ServiceRecorder

func readFile(t testing.TB, path, format string) *recorder {
	t.Helper()
	rec := &recorder{}
	loadtest.ReadFile(t, format, path, rec)
	return rec
}

func readBytes(t testing.TB, raw, format string, lim rawio.Limits) *recorder {
	t.Helper()
	f, err := rawio.NewFileWith("input", strings.NewReader(raw), lim)
	if err != nil {
		t.Fatal(err)
	}
	return readOpened(t, f, format)
}

func readOpened(t testing.TB, f *rawio.File, format string) *recorder {
	t.Helper()
	rec := &recorder{}
	if err := loadtest.Read(t, f, format, rec); err != nil {
		t.Fatalf("%s: Read: %v", f.Name, err)
	}
	return rec
}

// URIs and ids of the fixtures (the ids computed apart, with Python's
// hashlib: rkey + "." + sha256(uri).hexdigest()[:16]).
const (
	nadiaDID  = "did:plc:n5dqbeva3ke7aidx6omi2cle"
	karimDID  = "did:plc:k4rimdufr7esnessiadqxz5a"
	lucieDID  = "did:plc:l6ciemarch4ndavsqwe2rtyu"
	sophieDID = "did:plc:s3ph7elema5ireinfqazwsxe"

	p1URI = "at://" + nadiaDID + "/app.bsky.feed.post/3lkq2wz7xab2c"
	p1ID  = "3lkq2wz7xab2c.24d2ec2291860247"
	r1ID  = "3lkq3abc4de2f.d5d198d3830375c3"
	// The repost record of Lucie, and the parent of R2 absent from the data.
	repostID = "3lkq2aaaaab2c.a063a49ad1e88e81"
	absentID = "3lkn2zzzzzz2z.292ac8ac7cfb5916"
	// Karim's repost of P1, whose reason gives no uri: sha256 of his
	// DID, handle, a space and P1's uri.
	karimRepostID = "repost.b2e1e1077f843765"
)

func TestMessageID(t *testing.T) {
	for uri, want := range map[string]string{
		p1URI: p1ID,
		"at://" + lucieDID + "/app.bsky.feed.repost/3lkq2aaaaab2c": repostID,
		" " + p1URI + " ": p1ID,
		// A record key that is no TID could name someone: hash only.
		"at://nadia-aide.bsky.social/app.bsky.feed.post/self": "h.8d001f5e53ed28b8",
		"": "",
	} {
		if got := MessageID(uri); got != want {
			t.Errorf("MessageID(%q) = %q, want %q", uri, got, want)
		}
	}
}

func TestAuthorFeed(t *testing.T) {
	rec := readFile(t, filepath.Join("testdata", "api", "author_feed.json"), API)
	// 6 feed items, two of them reposts: 8 messages, P1 twice.
	if len(rec.Msgs) != 8 || len(rec.Rejects) != 0 || len(rec.Services) != 0 {
		t.Fatalf("%d messages, %d rejects, %v service", len(rec.Msgs), len(rec.Rejects), rec.Kinds())
	}
	var ids []string
	for _, m := range rec.Msgs {
		ids = append(ids, m.ID+" "+m.Kind.String())
	}
	want := []string{p1ID + " post", r1ID + " reply", "3lkp7mnb5vc2x.", repostID + " retweet", "3lkq4qrs6tu2v.", "3lkq5xyz2ab2c.", p1ID + " post", karimRepostID + " retweet"}
	for i, w := range want {
		if !strings.HasPrefix(ids[i], w) {
			t.Errorf("message %d = %s, want %s…", i, ids[i], w)
		}
	}

	p1 := rec.Msgs[0]
	if p1.Author != (rawio.Person{ID: nadiaDID, Handle: "nadia-aide.bsky.social", Name: "Nadia Benali"}) ||
		!p1.Created.Equal(time.Date(2025, 3, 3, 7, 42, 10, 512e6, time.UTC)) || p1.Created.Location() != time.UTC ||
		p1.Reactions != 12 || p1.Shares != 4 || p1.Lang != "fr" || p1.ParentID != "" || p1.ThreadID != "" ||
		strings.Join(p1.Hashtags, ",") != "aideàdomicile" || strings.Join(p1.Links, ",") != "https://www.cnsa.fr/actualites" ||
		p1.IDField != "feed[0].post.uri" || p1.CreatedField != "feed[0].post.record.createdAt" || p1.Line != 1 {
		t.Errorf("P1 = %+v", p1)
	}
	r1 := rec.Msgs[1]
	if r1.ParentID != p1ID || r1.ThreadID != p1ID || r1.Reactions != 4 || len(r1.Mentions) != 1 ||
		r1.Mentions[0] != (rawio.Person{ID: nadiaDID, Handle: "nadia-aide.bsky.social"}) {
		t.Errorf("R1 = %+v", r1)
	}
	rp := rec.Msgs[3]
	if rp.RefID != MessageID("at://"+sophieDID+"/app.bsky.feed.post/3lkp7mnb5vc2x") || rp.Author.ID != lucieDID ||
		!rp.Created.Equal(time.Date(2025, 3, 3, 7, 0, 0, 0, time.UTC)) || rp.Text != "" || rp.CreatedField != "feed[2].reason.indexedAt" {
		t.Errorf("repost = %+v", rp)
	}
	q := rec.Msgs[4]
	if q.Kind != corpus.Quote || q.RefID != p1ID || q.ParentID != "" || q.Shares != 1 {
		t.Errorf("quote = %+v", q)
	}
	// A reply whose parent is not in the data keeps its link.
	if r2 := rec.Msgs[5]; r2.Kind != corpus.Reply || r2.ParentID != absentID || r2.ThreadID != absentID {
		t.Errorf("R2 = %+v", r2)
	}
	if kr := rec.Msgs[7]; kr.RefID != p1ID || kr.Author.ID != karimDID || kr.IDField != "feed[5].reason.uri" {
		t.Errorf("Karim's repost = %+v", kr)
	}
	// No id holds a DID or a handle.
	for _, m := range rec.Msgs {
		for _, s := range []string{m.ID, m.ParentID, m.RefID, m.ThreadID} {
			if strings.Contains(s, "did:") || strings.Contains(s, "bsky") {
				t.Errorf("id %q names an account", s)
			}
		}
	}
}

func TestThread(t *testing.T) {
	rec := readFile(t, filepath.Join("testdata", "api", "thread.json"), API)
	if len(rec.Msgs) != 5 || len(rec.Rejects) != 0 || rec.Kinds()["not-found-post"] != 1 || rec.Kinds()["blocked-post"] != 1 {
		t.Fatalf("%d messages, %v rejects, %v service", len(rec.Msgs), rec.Rejects, rec.Kinds())
	}
	// Walk order: the focus T1, its parent T0, then the replies down.
	root := MessageID("at://" + sophieDID + "/app.bsky.feed.post/3ll2aaaaaaa2a")
	prev := ""
	for i, rkey := range []string{"3ll2bbbbbbb2b", "3ll2aaaaaaa2a", "3ll2ccccccc2c", "3ll2ddddddd2d", "3ll2eeeeeee2e"} {
		m := rec.Msgs[i]
		if !strings.HasPrefix(m.ID, rkey+".") {
			t.Errorf("message %d is %s, want %s", i, m.ID, rkey)
		}
		if i == 1 {
			if m.Kind != corpus.Post || m.ParentID != "" {
				t.Errorf("root %+v", m)
			}
			continue
		}
		if m.Kind != corpus.Reply || m.ThreadID != root {
			t.Errorf("message %d: kind %s thread %s", i, m.Kind, m.ThreadID)
		}
		if i >= 3 && m.ParentID != prev {
			t.Errorf("message %d answers %s, want %s", i, m.ParentID, prev)
		}
		prev = m.ID
	}
	if rec.Msgs[0].ParentID != root || rec.Msgs[2].ParentID != rec.Msgs[0].ID {
		t.Errorf("T1 answers %s, T2 answers %s", rec.Msgs[0].ParentID, rec.Msgs[2].ParentID)
	}
	if rec.Msgs[4].CreatedField != "thread.replies[0].replies[0].replies[0].post.record.createdAt" {
		t.Errorf("deep field %s", rec.Msgs[4].CreatedField)
	}
}

// A thread nested deeper than the depth limit is rejected whole, as a
// limit error, and the next record is read.
func TestThreadDepth(t *testing.T) {
	post := `{"uri": "at://did:plc:x/app.bsky.feed.post/3ll2aaaaaaa2a", "record": {"text": "x", "createdAt": "2025-04-06T06:10:00Z"}}`
	deep := `{"thread": ` + strings.Repeat(`{"post": `+post+`, "replies": [`, 20) + strings.Repeat("]}", 20) + "}"
	rec := readBytes(t, deep+"\n"+post+"\n", API, rawio.Limits{Depth: 16})
	if len(rec.Msgs) != 1 || len(rec.Rejects) != 1 || !errors.Is(rec.Rejects[0].Err, rawio.ErrLimit) || rec.Rejects[0].Line != 1 {
		t.Fatalf("%d messages, rejects %v", len(rec.Msgs), rec.Rejects)
	}
	// Within the limit, every level is a message.
	rec = readBytes(t, deep+"\n", API, rawio.Limits{Depth: 64})
	if len(rec.Msgs) != 20 || len(rec.Rejects) != 0 {
		t.Fatalf("%d messages, rejects %v", len(rec.Msgs), rec.Rejects)
	}
}

func TestSearchJSONL(t *testing.T) {
	rec := readFile(t, filepath.Join("testdata", "api", "search.jsonl"), API)
	// Lines: a post, a broken line, a page of two posts (one with an
	// unreadable time), a post whose likeCount is text, a post.
	if len(rec.Msgs) != 3 || len(rec.Rejects) != 3 || rec.Calls() != 6 {
		t.Fatalf("%d messages, %d rejects", len(rec.Msgs), len(rec.Rejects))
	}
	var got []string
	for _, e := range rec.Rejects {
		got = append(got, e.Error())
	}
	wantRejects := []struct {
		line  int
		field string
		err   error
	}{{2, "", rawio.ErrBadJSON}, {3, "posts[1].record.createdAt", rawio.ErrBadTime}, {4, "likeCount", rawio.ErrShape}}
	for i, w := range wantRejects {
		e := rec.Rejects[i]
		if e.Line != w.line || e.Field != w.field || !errors.Is(e.Err, w.err) {
			t.Errorf("reject %d = %v, want line %d field %q %v", i, e, w.line, w.field, w.err)
		}
	}
	if m := rec.Msgs[1]; m.Lang != "fr,en" || m.Line != 3 || m.IDField != "posts[0].uri" || m.Reactions != 9 || m.Shares != 1 {
		t.Errorf("page post = %+v", m)
	}
	if m := rec.Msgs[2]; m.Line != 5 || !strings.HasPrefix(m.ID, "3lm2lllllll2l.") {
		t.Errorf("last post = %+v (read after the bad ones)", m)
	}
	// Reasons show no value that could be a name.
	for _, s := range got {
		if strings.Contains(strings.ToLower(s), "beaucoup") || strings.Contains(s, "did:") {
			t.Errorf("reject shows a raw value: %s", s)
		}
	}
}

func TestJetstream(t *testing.T) {
	rec := readFile(t, filepath.Join("testdata", "jetstream", "events.jsonl"), Jetstream)
	// 11 lines: 3 posts, a repost, a like, a broken line, a follow, a
	// delete, an identity and an account event, a post without createdAt.
	if len(rec.Msgs) != 5 || len(rec.Rejects) != 1 || len(rec.Services) != 5 || rec.Calls() != 11 {
		t.Fatalf("%d messages, %v rejects, %v service", len(rec.Msgs), rec.Rejects, rec.Kinds())
	}
	for _, k := range []string{"like", "follow", "delete", "identity", "account"} {
		if rec.Kinds()[k] != 1 {
			t.Errorf("service %v, want one %s", rec.Kinds(), k)
		}
	}
	if e := rec.Rejects[0]; e.Line != 6 || !errors.Is(e.Err, rawio.ErrBadJSON) {
		t.Errorf("reject %v", e)
	}
	first := rec.Msgs[0]
	if first.ID != MessageID("at://"+sophieDID+"/app.bsky.feed.post/3lq2aaaaaaa2a") || first.Kind != corpus.Post ||
		first.Author != (rawio.Person{ID: sophieDID}) || strings.Join(first.Hashtags, ",") != "BAD" || first.Lang != "fr" ||
		!first.Created.Equal(time.Date(2025, 4, 30, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("first = %+v", first)
	}
	reply := rec.Msgs[1]
	if reply.Kind != corpus.Reply || reply.ParentID != first.ID || reply.ThreadID != first.ID ||
		len(reply.Mentions) != 1 || reply.Mentions[0] != (rawio.Person{ID: sophieDID, Handle: "infirmiere-sophie.fr"}) {
		t.Errorf("reply = %+v", reply)
	}
	// A reply to a post of the API fixture links to the same id.
	if m := rec.Msgs[2]; m.ParentID != p1ID {
		t.Errorf("reply to P1 answers %s, want %s", m.ParentID, p1ID)
	}
	if rp := rec.Msgs[3]; rp.Kind != corpus.Retweet || rp.RefID != first.ID || rp.Author.ID != lucieDID {
		t.Errorf("repost = %+v", rp)
	}
	// No createdAt: the relay's time_us, 1746000480000010 µs.
	if m := rec.Msgs[4]; !m.Created.Equal(time.UnixMicro(1746000480000010)) || m.CreatedField != "time_us" || m.Line != 11 {
		t.Errorf("undated = %+v", m)
	}
}

// Jetstream's own saved form, a pretty-printed JSON array, reads the same
// as its lines.
func TestJetstreamArray(t *testing.T) {
	raw := `[
  {"did": "` + nadiaDID + `", "time_us": 1746000000000001, "kind": "commit",
   "commit": {"operation": "create", "collection": "app.bsky.feed.post", "rkey": "3lq2aaaaaaa2a",
     "record": {"text": "Bonjour", "createdAt": "2025-04-30T08:00:00.000Z"}}},
  {"did": "` + nadiaDID + `", "time_us": 1746000000000002, "kind": "commit",
   "commit": {"operation": "create", "collection": "fr.exemple.sondage", "rkey": "3lq2aaaaaaa2b", "record": {}}}
]`
	rec := readBytes(t, raw, Jetstream, rawio.Limits{})
	if len(rec.Msgs) != 1 || rec.Kinds()["other"] != 1 || rec.Msgs[0].Line != 2 || rec.Calls() != 2 {
		t.Fatalf("%d messages at %v, %v service, %v", len(rec.Msgs), rec.Msgs, rec.Kinds(), rec.Rejects)
	}
}

// A sink that takes no service records gets them as rejections: every
// record is still accounted for.
func TestServiceWithoutServiceSink(t *testing.T) {
	f, err := rawio.NewFile("x", bytes.NewReader([]byte(`{"did": "`+nadiaDID+`", "time_us": 1, "kind": "identity", "identity": {}}`+"\n")))
	if err != nil {
		t.Fatal(err)
	}
	var s plainSink
	if err := readJetstream(f, &s); err != nil || len(s.rejects) != 1 || !errors.Is(s.rejects[0].Err, ErrNotMessage) {
		t.Fatalf("%v, %v", err, s.rejects)
	}
}

type plainSink struct{ rejects []*rawio.ParseError }

func (p *plainSink) Message(*rawio.RawMessage)      {}
func (p *plainSink) Panel(*corpus.PanelObservation) {}
func (p *plainSink) Profile(*rawio.RawProfile)      {}
func (p *plainSink) Reject(e *rawio.ParseError)     { p.rejects = append(p.rejects, e) }

// A node deep in a thread is named by a bounded path.
func TestThreadDeepPath(t *testing.T) {
	bad := `{"uri": "at://did:plc:x/app.bsky.feed.post/3ll2aaaaaaa2a", "record": {"text": "x", "createdAt": "hier"}}`
	deep := `{"thread": ` + strings.Repeat(`{"post": `+bad+`, "replies": [`, 40) + strings.Repeat("]}", 40) + "}"
	rec := readBytes(t, deep+"\n", API, rawio.Limits{})
	if len(rec.Rejects) != 40 {
		t.Fatalf("%d rejects", len(rec.Rejects))
	}
	if f := rec.Rejects[0].Field; f != "thread.post.record.createdAt" {
		t.Errorf("first field %q", f)
	}
	last := rec.Rejects[39].Field
	if len(last) > maxPath+40 || !strings.HasPrefix(last, "thread.….replies[0]") || !strings.HasSuffix(last, ".post.record.createdAt") {
		t.Errorf("deepest field %q (%d bytes)", last, len(last))
	}
}
