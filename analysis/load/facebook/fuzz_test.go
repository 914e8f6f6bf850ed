package facebook

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/loadtest"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/rawio/rawiotest"
)

// fuzzLimits is rawiotest.FuzzLimits.
func fuzzLimits(code uint32) rawio.Limits { return rawiotest.FuzzLimits(code) }

// fuzzRead reads data with format within limits and checks what every
// format promises whatever its input: located rejections with a reason,
// and messages with an id, a kind, a UTC time and a line. It returns the
// sink and Read's error, with the decoded content of data (nil if it
// cannot be opened).
func fuzzRead(t *testing.T, format string, data []byte, limits rawio.Limits) (*recorder, []byte, error) {
	// Decode as load does (gzip, byte-order mark, CR-only line ends)...
	opened, err := rawio.NewFileWith("fuzz", bytes.NewReader(data), limits)
	if err != nil {
		return nil, nil, err
	}
	decoded, err := io.ReadAll(io.LimitReader(opened.R, 1<<20))
	if err != nil {
		return nil, nil, err
	}
	// ...then read through a small buffer, so that long lines take the
	// slow path of the readers.
	f := &rawio.File{Name: "fuzz", Head: decoded[:min(len(decoded), rawio.HeadSize)], R: bufio.NewReaderSize(bytes.NewReader(decoded), 64), Limits: limits}
	fm, _ := rawio.Lookup(format)
	rec := &recorder{}
	err = fm.Read(f, rec)
	for _, e := range rec.rejects {
		if e.File != "fuzz" || e.Err == nil || (e.Line < 1 && e.Record < 1) {
			t.Errorf("badly located rejection %#v", e)
		}
	}
	for _, m := range rec.msgs {
		if m.ID == "" || m.Platform == 0 || m.Line < 1 || m.Created.Location() != time.UTC {
			t.Errorf("bad message %+v", m)
		}
		if err := rawio.CheckTime(m.Platform, m.Created, time.Now()); err != nil {
			t.Errorf("implausible time passed on: %v", err)
		}
		switch m.Kind {
		case corpus.Post, corpus.Tweet, corpus.Retweet, corpus.Quote:
			if m.ParentID != "" {
				t.Errorf("thread start with a parent: %+v", m)
			}
		case corpus.Comment, corpus.Reply:
			if m.ParentID == "" && format != DYI {
				t.Errorf("answer without parent: %+v", m)
			}
		default:
			t.Errorf("bad kind: %+v", m)
		}
	}
	return rec, decoded, err
}

// csvRecords counts the records after the header, as encoding/csv sees
// them, counting each malformed record once; ok is false when
// encoding/csv meets a malformed record (it then reads differently).
func csvRecords(b []byte, comma rune) (n int, ok bool) {
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma, r.FieldsPerRecord = comma, -1
	if _, err := r.Read(); err != nil {
		return -1, false
	}
	ok = true
	for {
		_, err := r.Read()
		var pe *csv.ParseError
		if err == io.EOF || (err != nil && !errors.As(err, &pe)) {
			return n, ok
		}
		if err != nil {
			ok = false
		}
		n++
	}
}

// checkCount checks that every record ended in exactly one Sink call.
func checkCount(t *testing.T, rec *recorder, want int) {
	t.Helper()
	if got := len(rec.msgs) + len(rec.rejects); got != want {
		t.Errorf("%d records, %d Sink calls", want, got)
	}
}

// checkCSVCount checks the records of a CSV format: each non-blank line
// starts at most one record, and when encoding/csv reads the file without
// error and no limit or resynchronisation came into play, the records
// are encoding/csv's.
func checkCSVCount(t *testing.T, rec *recorder, decoded []byte, comma rune) {
	t.Helper()
	got := len(rec.msgs) + len(rec.rejects)
	if max := loadtest.LineRecords(decoded, rawio.Limits{LineBytes: 1 << 62}); got > max {
		t.Errorf("%d records from %d lines", got, max)
	}
	n, ok := csvRecords(decoded, comma)
	for _, e := range rec.rejects {
		if errors.Is(e, rawio.ErrLimit) || strings.Contains(e.Error(), "reading resumed at line") {
			ok = false
		}
	}
	if ok && got != n {
		t.Errorf("%d records, encoding/csv reads %d", got, n)
	}
}

func seed(f *testing.F, names ...string) {
	for _, n := range names {
		f.Add(fixtureBytes(f, n), uint32(0))
		f.Add(fixtureBytes(f, n), uint32(0x2c0a0)) // small limits
	}
}

func FuzzZeeschuimer(f *testing.F) {
	seed(f, "zeeschuimer.ndjson")
	f.Add([]byte(`{"source_platform":"facebook.com","data":{"comet_sections":{"content":{"story":{"post_id":"1","message":{"text":"é"},"actors":[{"id":"2","url":"https://www.facebook.com/x"}],"attachments":[{"target":{"__typename":"Photo","id":"4"}}]}},"context_layout":{"story":{"comet_sections":{"metadata":[{"__typename":"CometFeedStoryMinimizedTimestampStrategy","story":{"creation_time":1557936131,"url":"https://www.facebook.com/groups/3/posts/1/"}}]}}}}}}`+"\n{}\n"), uint32(0))
	f.Add([]byte(`{"source_platform":"facebook.com","data":[[[[{"x":1}]]]]}`+"\n"+strings.Repeat("x", 100)+"\n"), uint32(0x300020))
	f.Fuzz(func(t *testing.T, data []byte, lim uint32) {
		limits := fuzzLimits(lim)
		rec, decoded, err := fuzzRead(t, Zeeschuimer, data, limits)
		if rec != nil && err == nil {
			checkCount(t, rec, loadtest.LineRecords(decoded, limits))
		}
	})
}

func FuzzCrowdTangle(f *testing.F) {
	seed(f, "crowdtangle.csv", "crowdtangle_bom_crlf.csv", "crowdtangle_datetime.csv")
	f.Add([]byte("Group Name,Facebook Id,Post Created,Likes,Love,Shares,URL,Message,Link\ng,1,2019-05-15 18:02:11 CEST,\"1,040\",2,3,https://www.facebook.com/groups/1/permalink/2/,\"é\nà\",\n"), uint32(0))
	f.Fuzz(func(t *testing.T, data []byte, lim uint32) {
		rec, decoded, err := fuzzRead(t, CrowdTangle, data, fuzzLimits(lim))
		if rec != nil && err == nil {
			checkCSVCount(t, rec, decoded, ',')
		}
	})
}

func FuzzNetvizzPosts(f *testing.F) {
	seed(f, "netvizz_posts.tab")
	f.Add([]byte("type\tby\tpost_id\tpost_message\tpost_published\tpost_published_unix\treactions_count_fb\tlikes_count_fb\tshares_count_fb\tlink\nstatus\tpost_page_1\t1_2\té\t2016-08-31T19:02:51+0000\t1472670171\t\t4\t1 204\thttps://a.fr\n"), uint32(0))
	f.Fuzz(func(t *testing.T, data []byte, lim uint32) {
		limits := fuzzLimits(lim)
		rec, decoded, err := fuzzRead(t, NetvizzPosts, data, limits)
		if rec != nil && err == nil {
			_, body, _ := bytes.Cut(decoded, []byte("\n"))
			checkCount(t, rec, loadtest.LineRecords(body, limits))
		}
	})
}

func FuzzNetvizzComments(f *testing.F) {
	seed(f, "netvizz_comments.tab")
	f.Add([]byte("position\tpost_id\tcomment_id\tcomment_by\tis_reply\tcomment_message\tcomment_published\tcomment_like_count\n0_1\t1_2\t3\tab\t1\té\t2016-08-31T19:02:51+0000\t0\n0_0\t1_2\t4\tName\t0\tà\t2016-08-31T19:02:51+0000\t1\n"), uint32(0))
	f.Fuzz(func(t *testing.T, data []byte, lim uint32) {
		limits := fuzzLimits(lim)
		rec, decoded, err := fuzzRead(t, NetvizzComments, data, limits)
		if rec != nil && err == nil {
			_, body, _ := bytes.Cut(decoded, []byte("\n"))
			checkCount(t, rec, loadtest.LineRecords(body, limits))
		}
	})
}

func FuzzFacepager(f *testing.F) {
	seed(f, "facepager.csv")
	f.Add([]byte("level;id;parent_id;object_id;object_type;query_status;message;created_time;like_count\n0;1;None;g;seed;;;;\n1;2;1;p;data;fetched (200);é;2019-05-15T16:02:11+0000;1\n2;3;2;p;data;fetched (200);à;2019-05-15T16:02:11+0000;\n3;4;3;c;data;fetched (200);ç;2019-05-15T16:02:11+0000;2\n"), uint32(0))
	f.Fuzz(func(t *testing.T, data []byte, lim uint32) {
		rec, decoded, err := fuzzRead(t, Facepager, data, fuzzLimits(lim))
		if rec != nil && err == nil {
			sep := facepagerSeparator(firstLine(decoded))
			if sep == 0 {
				sep = ';'
			}
			checkCSVCount(t, rec, decoded, rune(sep))
		}
	})
}

func FuzzDYI(f *testing.F) {
	seed(f, "dyi_group_posts.json", "dyi_group_comments.json")
	f.Add([]byte(`{"group_comments_v2":[{"timestamp":1557936131,"data":[{"comment":{"timestamp":1557936131,"comment":"\u00c3\u00a9","author":"a","group":"g"}}]}],"group_posts_v2":[{"timestamp":1,"data":[{"post":"x"}],"title":"a posted in g."}]}`), uint32(0))
	f.Add([]byte(`[{"timestamp":1557936131,"data":[{"post":"x"}]},{"group_posts_v2":[{"timestamp":1557936132,"data":[[[{"post":"y"}]]]}]}]`), uint32(0x100040))
	f.Fuzz(func(t *testing.T, data []byte, lim uint32) {
		rec, _, _ := fuzzRead(t, DYI, data, fuzzLimits(lim))
		if rec == nil {
			return
		}
		for _, e := range rec.rejects {
			if e.Record < 1 {
				t.Errorf("rejection without record number: %v", e)
			}
		}
	})
}

func FuzzGenericCSV(f *testing.F) {
	seed(f, "generic.csv", "generic_semicolon.csv")
	f.Add([]byte("id\tthread_id\tparent_id\tauthor\tbody\ttimestamp\tkind\tplatform\n1\t1\t\ta\té\t1557936131\t\ttwitter\n2\t1\t\tb\tà\t2019-05-15 16:02:11\tquote\ttwitter\n"), uint32(0))
	f.Add([]byte("id,thread_id,author,body,timestamp\n1,1,a,\"open,1557936131\n2,2,b,x,1557936132\n3,3,c,y\",z,1557936133\n"), uint32(0x20040))
	f.Fuzz(func(t *testing.T, data []byte, lim uint32) {
		rec, decoded, err := fuzzRead(t, GenericCSV, data, fuzzLimits(lim))
		if rec != nil && err == nil {
			checkCSVCount(t, rec, decoded, rune(detectSeparator(firstLine(decoded))))
		}
	})
}
