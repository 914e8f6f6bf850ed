package facebook

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// recorder is a Sink that keeps what it receives.
type recorder struct {
	msgs    []*rawio.RawMessage
	rejects []*rawio.ParseError
	groups  []*rawio.RawGroup
	other   int
}

// groupRecorder also takes group records (rawio.GroupSink), as load does.
type groupRecorder struct{ recorder }

func (r *groupRecorder) Group(g *rawio.RawGroup) { r.groups = append(r.groups, g) }

func (r *recorder) Message(m *rawio.RawMessage)    { r.msgs = append(r.msgs, m) }
func (r *recorder) Panel(*corpus.PanelObservation) { r.other++ }
func (r *recorder) Profile(*rawio.RawProfile)      { r.other++ }
func (r *recorder) Reject(e *rawio.ParseError)     { r.rejects = append(r.rejects, e) }

// fictionalNames are the names in the fixtures; no error may quote them.
var fictionalNames = []string{"Élodie", "Fictive", "Sandrine", "Exemple", "Nadia", "Josiane", "Claire", "Sophie", "Dr Fictif"}

// load reads a fixture of testdata with the named format.
func load(t *testing.T, name, format string, opts map[string]string) *recorder {
	t.Helper()
	f, err := rawio.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.Options = opts
	fm, ok := rawio.Lookup(format)
	if !ok {
		t.Fatalf("format %s not registered", format)
	}
	rec := &recorder{}
	if err := fm.Read(f, rec); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, e := range rec.rejects {
		if e.File != f.Name || e.Err == nil || (e.Line < 1 && e.Record < 1) {
			t.Errorf("badly located rejection: %#v", e)
		}
		for _, n := range fictionalNames {
			if strings.Contains(e.Error(), n) {
				t.Errorf("rejection quotes a name: %v", e)
			}
		}
	}
	if rec.other != 0 {
		t.Errorf("%d panels or profiles from a message format", rec.other)
	}
	return rec
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// checkMessages compares the loaded messages with want, field by field,
// but for the names of the export's fields (see checkFieldNames).
func checkMessages(t *testing.T, got []*rawio.RawMessage, want []rawio.RawMessage) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d messages, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		g, w := *got[i], want[i]
		g.IDField, g.CreatedField = "", ""
		if w.Platform == 0 {
			w.Platform = corpus.Facebook
		}
		if !g.Created.IsZero() && g.Created.Location() != time.UTC {
			t.Errorf("message %d: Created %v not in UTC", i, g.Created)
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("message %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

// checkFieldNames checks that every message names the export's id and
// time fields, for load's rejections.
func checkFieldNames(t *testing.T, got []*rawio.RawMessage, id, created string) {
	t.Helper()
	for _, m := range got {
		if m.IDField != id || m.CreatedField != created {
			t.Errorf("message %s: fields %q and %q, want %q and %q", m.ID, m.IDField, m.CreatedField, id, created)
		}
	}
}

// wantReject is an expected rejection.
type wantReject struct {
	line   int // or record number
	field  string
	reason error
}

func checkRejects(t *testing.T, got []*rawio.ParseError, want []wantReject) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d rejections, want %d: %v", len(got), len(want), got)
	}
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		line := g.Line
		if line == 0 {
			line = g.Record
		}
		if line != w.line || g.Field != w.field || !errors.Is(g, w.reason) {
			t.Errorf("rejection %d: got %v (line %d, field %q), want line %d, field %q, reason %v", i, g, line, g.Field, w.line, w.field, w.reason)
		}
	}
}

func TestZeeschuimer(t *testing.T) {
	rec := load(t, "zeeschuimer.ndjson", Zeeschuimer, nil)
	checkMessages(t, rec.msgs, []rawio.RawMessage{{
		Group: "987654321", ID: "1122334455", Kind: corpus.Post, ThreadID: "1122334455",
		Author:  rawio.Person{ID: "100012345678901", Name: "Élodie Fictive", Handle: "elodie.fictive"},
		Created: utc("2019-05-15T16:02:11Z"),
		Text:    "Bonjour à toutes ! Quelqu'un a déjà eu un souci de planning le dimanche ? Ça fait trois semaines… 😩",
		Links:   []string{"https://www.facebook.com/photo/?fbid=5566778899", "https://www.service-public.fr/particuliers/vosdroits/F1234"},
		Line:    1,
	}, {
		Group: "987654321", ID: "2233445566", Kind: corpus.Post, ThreadID: "2233445566",
		Author:  rawio.Person{ID: "100098765432109", Name: "Sandrine Exemple"},
		Created: utc("2019-05-16T09:46:40Z"), Line: 2,
	}, {
		Group: "aidesadomicile", ID: "4455667788", Kind: corpus.Post, ThreadID: "4455667788",
		Author:  rawio.Person{ID: "100011112222333", Name: "Nadia Test"},
		Created: utc("2019-06-08T13:20:00Z"), Text: "Réunion d'équipe à 14 h, qui vient ?", Line: 7,
	}})
	checkRejects(t, rec.rejects, []wantReject{
		{3, "source_platform", errNotFacebook},
		{4, "", rawio.ErrBadJSON},
		{6, zsMetaPath + ".story.creation_time", rawio.ErrMissing},
		{8, zsStoryPath + ".post_id", rawio.ErrShape},
	})
}

var crowdTangleMessages = []rawio.RawMessage{{
	Group: "987654321", ID: "1122334455", Kind: corpus.Post, ThreadID: "1122334455",
	Created: utc("2019-05-15T16:02:11Z"), Reactions: 1040 + 50 + 2 + 1 + 3 + 0 + 5, Shares: 12,
	Text: "Bonjour à toutes,\nqui a déjà refusé une mission trop loin ?\nÇa compte comme un « abandon de poste » ?",
	Line: 2,
}, {
	Group: "987654321", ID: "2233445566", Kind: corpus.Post, ThreadID: "2233445566",
	Created: utc("2019-01-07T07:30:00Z"), Reactions: 2500 + 10, Shares: 7,
	Text:  `Le décret est paru : "enfin" une revalorisation.`,
	Links: []string{"https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000000000001"}, Line: 5,
}, {
	Group: "111222333", ID: "pfbid02AbCdEf", Kind: corpus.Post, ThreadID: "pfbid02AbCdEf",
	Created: utc("2019-03-10T12:15:00Z"), Reactions: 4 + 1 + 1, Shares: 1, Text: "Photo de l'équipe ✨", Line: 7,
}, {
	Group: "111222333", ID: "https://www.facebook.com/aidesadomicilefr/videos/5566778899/", Kind: corpus.Post,
	ThreadID: "https://www.facebook.com/aidesadomicilefr/videos/5566778899/",
	Created:  utc("2019-04-02T10:00:00Z"), Text: "Décalage numérique ; œuvre commune.", Line: 9,
}, {
	Group: "111222333", ID: "7788990011", Kind: corpus.Post, ThreadID: "7788990011",
	Created: utc("2019-04-04T09:45:00Z"), Reactions: 7, Text: "Merci à toutes.", Line: 11,
}}

var crowdTangleRejects = []wantReject{
	{6, "Post Created", errUnknownZone},
	{8, "Shares", rawio.ErrBadNumber},
	{10, "", csv.ErrBareQuote},
}

func TestCrowdTangle(t *testing.T) {
	// The same export plain, with BOM and CRLF, gzipped, and gzipped
	// under a name without extension.
	for _, name := range []string{"crowdtangle.csv", "crowdtangle_bom_crlf.csv", "crowdtangle.csv.gz", "ct_export"} {
		t.Run(name, func(t *testing.T) {
			rec := load(t, name, CrowdTangle, nil)
			checkMessages(t, rec.msgs, crowdTangleMessages)
			checkRejects(t, rec.rejects, crowdTangleRejects)
		})
	}
}

func TestCrowdTangleDateAndTimeColumns(t *testing.T) {
	rec := load(t, "crowdtangle_datetime.csv", CrowdTangle, nil)
	checkMessages(t, rec.msgs, nil)
	checkRejects(t, rec.rejects, []wantReject{{2, "Post Created Date", errNoZone}, {3, "Post Created Date", errNoZone}})

	want := []rawio.RawMessage{{
		Group: "111222333", ID: "1001", Kind: corpus.Post, ThreadID: "1001",
		Created: utc("2019-05-15T16:02:11Z"), Reactions: 5, Shares: 1, Text: "Heure d'été.", Line: 2,
	}, {
		Group: "111222333", ID: "1002", Kind: corpus.Post, ThreadID: "1002",
		Created: utc("2019-01-07T07:30:00Z"), Reactions: 3, Text: "Heure d'hiver.", Line: 3,
	}}
	rec = load(t, "crowdtangle_datetime.csv", CrowdTangle, map[string]string{OptionTimezone: "Europe/Paris"})
	checkMessages(t, rec.msgs, want)
	checkRejects(t, rec.rejects, nil)

	// A fixed offset applies to summer and winter alike.
	rec = load(t, "crowdtangle_datetime.csv", CrowdTangle, map[string]string{OptionTimezone: "CET"})
	want[0].Created = utc("2019-05-15T17:02:11Z")
	checkMessages(t, rec.msgs, want)
}

func TestParseCTTime(t *testing.T) {
	cases := map[string]string{
		"2019-05-15 18:02:11 CEST":  "2019-05-15T16:02:11Z",
		"2019-01-15 18:02:11 CET":   "2019-01-15T17:02:11Z",
		"2019-01-15 18:02:11 UTC":   "2019-01-15T18:02:11Z",
		"2019-01-15 18:02:11 GMT":   "2019-01-15T18:02:11Z",
		"2019-01-15 18:02:11 EST":   "2019-01-15T23:02:11Z",
		"2019-05-15 18:02:11 EDT":   "2019-05-15T22:02:11Z",
		"2019-05-15 18:02:11 PDT":   "2019-05-16T01:02:11Z",
		"2019-05-15 18:02:11 +0200": "2019-05-15T16:02:11Z",
		"2019-05-15 18:02 -05:00":   "2019-05-15T23:02:00Z",
		"2019-05-15 18:02:11 UTC+2": "2019-05-15T16:02:11Z",
		"2019-05-15T18:02:11+02:00": "2019-05-15T16:02:11Z",
		" 2019-05-15 18:02:11 cest": "2019-05-15T16:02:11Z",
		// Abbreviations of every region, current or retired by the tz
		// database in 2017 (BRT, written by exporters with older tables).
		"2016-05-15 18:02:11 BRT":  "2016-05-15T21:02:11Z",
		"2016-01-15 18:02:11 BRST": "2016-01-15T20:02:11Z",
		"2019-05-15 18:02:11 AEST": "2019-05-15T08:02:11Z",
		"2019-01-15 18:02:11 AEDT": "2019-01-15T07:02:11Z",
		"2019-01-15 18:02:11 NZDT": "2019-01-15T05:02:11Z",
		"2019-01-15 18:02:11 ACST": "2019-01-15T08:32:11Z",
		"2019-01-15 18:02:11 WIB":  "2019-01-15T11:02:11Z",
		"2019-01-15 18:02:11 HKT":  "2019-01-15T10:02:11Z",
		"2019-01-15 18:02:11 ChST": "2019-01-15T08:02:11Z",
		// MSK was UTC+04:00 from 2011 to 2014, UTC+03:00 before and after.
		"2012-01-15 18:02:11 MSK": "2012-01-15T14:02:11Z",
		"2019-01-15 18:02:11 MSK": "2019-01-15T15:02:11Z",
	}
	for in, want := range cases {
		got, err := parseCTTime(in, ctZone{})
		if err != nil || !got.Equal(utc(want)) {
			t.Errorf("parseCTTime(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	bad := map[string]error{
		"2019-05-15 18:02:11 XYZ":   errUnknownZone,
		"2019-05-15 18:02:11 +2500": errUnknownZone,
		"2019-05-15 18:02:11":       errNoZone,
		"15/05/2019 18:02:11 CEST":  rawio.ErrBadTime,
		"":                          rawio.ErrBadTime,
		// Several offsets at that date: the timezone option must say.
		"2019-05-15 18:02:11 IST": errAmbiguousZone,
		"2019-01-15 18:02:11 CST": errAmbiguousZone,
		"2019-01-15 18:02:11 PST": errAmbiguousZone,
		"2019-01-15 18:02:11 AST": errAmbiguousZone,
		"2019-05-15 18:02:11 BST": errAmbiguousZone,
	}
	for in, want := range bad {
		if _, err := parseCTTime(in, ctZone{}); !errors.Is(err, want) {
			t.Errorf("parseCTTime(%q): error %v, want %v", in, err, want)
		}
	}
	const ist = "the time-zone abbreviation IST is ambiguous: UTC+01:00 (Europe/Dublin), UTC+02:00 (Asia/Jerusalem) or UTC+05:30 (Asia/Kolkata); " +
		`set the "timezone" option to the zone of the account that made the export (an IANA name such as Europe/Dublin, or an offset such as +01:00)`
	if _, err := parseCTTime("2019-05-15 18:02:11 IST", ctZone{}); err == nil || err.Error() != ist {
		t.Errorf("IST: %v\nwant %s", err, ist)
	}
	// With the option, an ambiguous abbreviation takes the option's
	// offset when it is one of its own.
	withOption := []struct{ option, in, want string }{
		{"Asia/Kolkata", "2019-05-15 18:02:11 IST", "2019-05-15T12:32:11Z"},
		{"Europe/Dublin", "2019-05-15 18:02:11 IST", "2019-05-15T17:02:11Z"},
		{"+05:30", "2019-05-15 18:02:11 IST", "2019-05-15T12:32:11Z"},
		{"America/Chicago", "2019-01-15 18:02:11 CST", "2019-01-16T00:02:11Z"},
		{"Asia/Shanghai", "2019-01-15 18:02:11 CST", "2019-01-15T10:02:11Z"},
		{"America/Los_Angeles", "2019-01-15 18:02:11 PST", "2019-01-16T02:02:11Z"},
		{"Europe/London", "2019-05-15 18:02:11 BST", "2019-05-15T17:02:11Z"},
		// Unambiguous abbreviations are read as written.
		{"Asia/Kolkata", "2019-05-15 18:02:11 CEST", "2019-05-15T16:02:11Z"},
	}
	for _, c := range withOption {
		z, err := parseZoneOption(c.option)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := parseCTTime(c.in, z); err != nil || !got.Equal(utc(c.want)) {
			t.Errorf("option %s: parseCTTime(%q) = %v, %v; want %s", c.option, c.in, got, err, c.want)
		}
	}
	z, _ := parseZoneOption("America/New_York")
	if _, err := parseCTTime("2019-05-15 18:02:11 IST", z); !errors.Is(err, errZoneMismatch) {
		t.Errorf("IST with America/New_York: %v", err)
	}
	if _, err := parseZoneOption("CST"); err == nil || !strings.Contains(err.Error(), "give an IANA name") {
		t.Errorf("option CST: %v", err)
	}
}

func TestNetvizzPosts(t *testing.T) {
	rec := load(t, "netvizz_posts.tab", NetvizzPosts, nil)
	checkMessages(t, rec.msgs, []rawio.RawMessage{{
		Group: "987654321", ID: "987654321_1001", Kind: corpus.Post, ThreadID: "987654321_1001",
		Author:  rawio.Person{ID: "987654321"},
		Created: utc("2016-08-31T19:02:51Z"), Reactions: 14, Shares: 2,
		Text: "Réunion d_information sur la convention collective : venez nombreuses !", Line: 2,
	}, {
		Group: "987654321", ID: "987654321_1002", Kind: corpus.Post, ThreadID: "987654321_1002",
		Author:  rawio.Person{ID: "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"},
		Created: utc("2016-09-01T07:00:00Z"), Reactions: 5,
		Text: "Les droits à la formation, bien expliqués", Links: []string{"https://www.ameli.fr/assure/droits-demarches"}, Line: 3,
	}, {
		Group: "987654321", ID: "987654321_1003", Kind: corpus.Post, ThreadID: "987654321_1003",
		Author:  rawio.Person{Name: "Josiane Exemple"},
		Created: utc("2016-09-04T14:40:00Z"), Reactions: 4, Shares: 1204, Text: "Notre équipe au complet ✨", Line: 4,
	}, {
		Group: "987654321", ID: "987654321_1006", Kind: corpus.Post, ThreadID: "987654321_1006",
		Created: utc("2016-09-02T12:30:00Z"), Text: "Quelqu_un connaît la grille de salaires ?", Line: 7,
	}})
	checkRejects(t, rec.rejects, []wantReject{{5, "", rawio.ErrShape}, {6, "post_published", rawio.ErrBadTime}})
}

func TestNetvizzComments(t *testing.T) {
	const (
		post1 = "987654321_1001"
		post2 = "987654321_1002"
		h1    = "3c363836cf4e16666669a25da280a1865c2d2874"
		h2    = "58e6b3a414a1e090dfc6029add0f3555ccba127f"
		h3    = "4e07408562bedb8b60ce05c1decfe3ad16b72230"
	)
	rec := load(t, "netvizz_comments.tab", NetvizzComments, nil)
	checkMessages(t, rec.msgs, []rawio.RawMessage{{
		Group: "987654321", ID: "1001_5001", Kind: corpus.Comment, ParentID: post1, ThreadID: post1,
		Author: rawio.Person{ID: h1}, Created: utc("2016-08-31T19:10:00Z"), Text: "Très bonne idée, j_y serai.", Reactions: 2, Line: 2,
	}, {
		Group: "987654321", ID: "1001_5002", Kind: corpus.Reply, ParentID: "1001_5001", ThreadID: post1,
		Author: rawio.Person{ID: h2}, Created: utc("2016-08-31T19:15:00Z"), Text: "Moi aussi !", Line: 3,
	}, {
		// The reply that came before its comment is read when the comment comes.
		Group: "987654321", ID: "1001_5004", Kind: corpus.Reply, ParentID: "1001_5003", ThreadID: post1,
		Author: rawio.Person{ID: h1}, Created: utc("2016-08-31T19:40:00Z"), Text: "Réponse arrivée avant son commentaire", Reactions: 1, Line: 4,
	}, {
		Group: "987654321", ID: "1001_5003", Kind: corpus.Comment, ParentID: post1, ThreadID: post1,
		Author: rawio.Person{ID: h2}, Created: utc("2016-08-31T19:30:00Z"), Text: "Et pour les week-ends ?", Line: 5,
	}, {
		Group: "987654321", ID: "1002_6002", Kind: corpus.Reply, ParentID: "1002_6001", ThreadID: post2,
		Author: rawio.Person{ID: h1}, Created: utc("2016-09-01T08:00:00Z"), Text: "Réponse à un commentaire rejeté", Line: 8,
	}, {
		Group: "987654321", ID: "1002_6004", Kind: corpus.Comment, ParentID: post2, ThreadID: post2,
		Author: rawio.Person{ID: h3}, Created: utc("2016-09-01T09:00:00Z"), Text: "Ça marche 👍 œuf", Reactions: 1204, Line: 10,
	}})
	checkRejects(t, rec.rejects, []wantReject{
		{6, "position", errNoParent},
		{7, "comment_published", rawio.ErrBadTime},
		{9, "is_reply", rawio.ErrShape},
	})
}

func TestNetvizzCommentsWithoutPosition(t *testing.T) {
	const in = "post_id\tpost_by\tpost_text\tpost_published\tcomment_id\tcomment_by\tis_reply\tcomment_message\tcomment_published\tcomment_like_count\n" +
		"1_2\tab12\tx\t2016-08-31T19:02:51+0000\t2_3\tcd34\t1\tréponse\t2016-08-31T19:05:00+0000\t0\n" +
		"1_2\tab12\tx\t2016-08-31T19:02:51+0000\t2_4\tcd34\t0\tcommentaire\t2016-08-31T19:04:00+0000\t0\n"
	rec := readString(t, NetvizzComments, in)
	checkMessages(t, rec.msgs, []rawio.RawMessage{{
		Group: "1", ID: "2_4", Kind: corpus.Comment, ParentID: "1_2", ThreadID: "1_2",
		Author: rawio.Person{ID: "cd34"}, Created: utc("2016-08-31T19:04:00Z"), Text: "commentaire", Line: 3,
	}})
	checkRejects(t, rec.rejects, []wantReject{{2, "position", errNoParent}})
}

func readString(t *testing.T, format, in string) *recorder {
	t.Helper()
	f, err := rawio.NewFile("in", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	fm, _ := rawio.Lookup(format)
	rec := &recorder{}
	if err := fm.Read(f, rec); err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestNetvizzPerson(t *testing.T) {
	cases := map[string]rawio.Person{
		"post_page_123":  {ID: "123"},
		"post_user_123":  {},
		"":               {},
		"a94a8fe5ccb1":   {ID: "a94a8fe5ccb1"},
		"100012345":      {ID: "100012345"},
		"Marie Exemple":  {Name: "Marie Exemple"},
		" deadbeef ":     {ID: "deadbeef"},
		"Café des aides": {Name: "Café des aides"},
	}
	for in, want := range cases {
		if got := netvizzPerson(in); got != want {
			t.Errorf("netvizzPerson(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func TestFacepager(t *testing.T) {
	const group = "987654321"
	rec := load(t, "facepager.csv", Facepager, nil)
	checkMessages(t, rec.msgs, []rawio.RawMessage{{
		Group: group, ID: "987654321_1001", Kind: corpus.Post, ThreadID: "987654321_1001",
		Author: rawio.Person{ID: "100001", Name: "Claire Fictive"}, Created: utc("2019-05-15T16:02:11Z"),
		Text: "Bonjour à toutes ! Qui travaille le dimanche ?", Reactions: 12, Shares: 1,
		Links: []string{"https://www.service-public.fr/particuliers/vosdroits/F2405"}, Line: 3,
	}, {
		Group: group, ID: "987654321_1001_2001", Kind: corpus.Comment, ParentID: "987654321_1001", ThreadID: "987654321_1001",
		Author: rawio.Person{ID: "100002", Name: "Sophie Exemple"}, Created: utc("2019-05-15T16:30:00Z"),
		Text: "Moi, et c'est épuisant ;\nsurtout seule.", Reactions: 3, Line: 4,
	}, {
		Group: group, ID: "987654321_1001_3001", Kind: corpus.Reply, ParentID: "987654321_1001_2001", ThreadID: "987654321_1001",
		Author: rawio.Person{ID: "100001", Name: "Claire Fictive"}, Created: utc("2019-05-15T17:00:00Z"),
		Text: "Courage, ça va aller ♥", Reactions: 1, Line: 6,
	}, {
		// The comment of a rejected post, with the post's object_id.
		Group: group, ID: "987654321_1003#8", Kind: corpus.Comment, ParentID: "987654321_1003", ThreadID: "987654321_1003",
		Author: rawio.Person{ID: "100002", Name: "Sophie Exemple"}, Created: utc("2019-05-16T08:00:00Z"),
		Text: "Le matin, je crois.", Line: 10,
	}, {
		Group: group, ID: "987654321_1004", Kind: corpus.Post, ThreadID: "987654321_1004",
		Created: utc("2019-05-17T06:45:00Z"), Text: "Œuvre collective : le planning partagé 📅", Reactions: 1204, Line: 12,
	}})
	checkRejects(t, rec.rejects, []wantReject{
		{2, "object_type", errSeed},
		{7, "object_type", errOffcut},
		{8, "query_status", errNotFetched},
		{9, "created_time", rawio.ErrBadTime},
		{11, "parent_id", errNoParent},
		{13, "", csv.ErrBareQuote},
	})
	if got := rec.rejects[2].Error(); !strings.Contains(got, `query status "fetched (400)"`) {
		t.Errorf("status rejection = %q", got)
	}
}

// TestFacepagerDatavana loads the real Facepager sample: 2 seeds and 5
// offcuts are rejected, 4 posts and 13 comments are read.
func TestFacepagerDatavana(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "fixtures", "facepager", "datavana_example.csv")
	if _, err := os.Stat(path); err != nil {
		path = "/work/shared/fixtures/facepager/datavana_example.csv"
		if _, err := os.Stat(path); err != nil {
			t.Skip("shared fixtures absent")
		}
	}
	f, err := rawio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if fm, err := rawio.Detect(f.Head); err != nil || fm.Name != Facepager {
		t.Fatalf("detected as %q, %v", fm.Name, err)
	}
	rec := &recorder{}
	if err := readFacepager(f, rec); err != nil {
		t.Fatal(err)
	}
	kinds := map[corpus.Kind]int{}
	for _, m := range rec.msgs {
		kinds[m.Kind]++
	}
	reasons := map[error]int{}
	for _, e := range rec.rejects {
		reasons[e.Err]++
	}
	if len(rec.msgs)+len(rec.rejects) != 24 || kinds[corpus.Post] != 4 || kinds[corpus.Comment] != 13 ||
		reasons[errSeed] != 2 || reasons[errOffcut] != 5 {
		t.Errorf("kinds %v, rejections %v; want 4 posts, 13 comments, 2 seeds, 5 offcuts", kinds, reasons)
	}
	first, comment := rec.msgs[0], rec.msgs[4]
	want := rawio.RawMessage{
		Platform: corpus.Facebook, Group: "cnn", ID: "5550296508_10163104231551509", Kind: corpus.Post,
		ThreadID: "5550296508_10163104231551509", Created: utc("2022-11-01T16:31:07Z"),
		Text:      "One morning, when Gregor Samsa woke from troubled dreams, he found himself transformed in his bed into a horrible vermin.",
		Reactions: 28, Shares: 10, Line: 4, IDField: "object_id", CreatedField: "created_time",
	}
	if !reflect.DeepEqual(*first, want) {
		t.Errorf("first post:\n got %+v\nwant %+v", *first, want)
	}
	if comment.ID != "5550296508_10163104231551509#9" || comment.ParentID != want.ID || comment.ThreadID != want.ID ||
		comment.Group != "cnn" || !comment.Created.Equal(utc("2022-11-01T16:31:39Z")) || comment.Line != 10 {
		t.Errorf("first comment: %+v", *comment)
	}
	if m := rec.msgs[2]; m.Group != "bbc" || m.ID != "1143803202301544_656852725802346" || m.Reactions != 9 || m.Shares != 3 {
		t.Errorf("third post: %+v", *m)
	}
}

func TestDYIPosts(t *testing.T) {
	rec := load(t, "dyi_group_posts.json", DYI, nil)
	owner := rawio.Person{ID: "dyi-owner"}
	want := []rawio.RawMessage{{
		Group: "Auxiliaires de vie à domicile", ID: "dyi-33b98ac18153ef76", Kind: corpus.Post, ThreadID: "dyi-33b98ac18153ef76",
		Author: owner, Created: utc("2019-05-15T16:02:11Z"),
		Text:  "Bonjour à toutes, ça va ? Leçon du jour : œuvrer ensemble 😀",
		Links: []string{"https://www.service-public.fr/particuliers/vosdroits/F2405"}, Line: 1,
	}, {
		Group: "Aides-soignantes & co", Kind: corpus.Post, Author: owner, Created: utc("2019-05-16T09:46:40Z"),
		Text: "Photo de la formation", Line: 2,
	}, {
		Kind: corpus.Post, Author: owner, Created: utc("2019-06-08T13:20:00Z"), Text: "Déjà en UTF-8 correct : é", Line: 4,
	}}
	// IDs are hashes: check the form and that they differ.
	for i, m := range rec.msgs {
		if i > 0 && i <= len(want)-1 {
			if len(m.ID) != len("dyi-")+16 || !strings.HasPrefix(m.ID, "dyi-") || !isHex(m.ID[4:]) || m.ID == rec.msgs[0].ID {
				t.Errorf("message %d: id %q", i, m.ID)
			}
			want[i].ID, want[i].ThreadID = m.ID, m.ID
		}
	}
	checkMessages(t, rec.msgs, want)
	checkRejects(t, rec.rejects, []wantReject{{3, "timestamp", rawio.ErrBadTime}})

	again := load(t, "dyi_group_posts.json", DYI, map[string]string{OptionOwner: "membre-A"})
	for i, m := range again.msgs {
		if m.ID != rec.msgs[i].ID || m.Author != (rawio.Person{ID: "membre-A"}) {
			t.Errorf("second read, message %d: id %q author %+v", i, m.ID, m.Author)
		}
	}
}

func TestDYIComments(t *testing.T) {
	rec := load(t, "dyi_group_comments.json", DYI, nil)
	owner := rawio.Person{ID: "dyi-owner", Name: "Élodie Fictive"}
	want := []rawio.RawMessage{{
		Group: "Auxiliaires de vie à domicile", ID: "dyi-1b22245d0a80ccf0", Kind: corpus.Comment, Author: owner,
		Created: utc("2019-05-15T16:16:40Z"), Text: "Merci pour l'info, ça m'aide beaucoup ! 🙏", Line: 1,
	}, {
		Group: "Auxiliaires de vie à domicile", Kind: corpus.Comment, Author: owner,
		Created: utc("2019-05-15T16:33:20Z"), Text: "Leçon retenue : cœur à l'ouvrage", Line: 2,
	}, {
		Kind: corpus.Comment, Author: owner, Created: utc("2019-05-15T17:06:40Z"), Text: "Sans groupe", Line: 4,
	}}
	for i := 1; i < len(rec.msgs) && i < len(want); i++ {
		want[i].ID = rec.msgs[i].ID
	}
	checkMessages(t, rec.msgs, want)
	checkRejects(t, rec.rejects, []wantReject{{3, "data.comment", rawio.ErrMissing}})
}

func TestDYITruncated(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "dyi_group_posts.json"))
	if err != nil {
		t.Fatal(err)
	}
	cut := bytes.Index(raw, []byte("Photo de la formation"))
	rec := readString(t, DYI, string(raw[:cut]))
	if len(rec.msgs) != 1 || rec.msgs[0].ID != "dyi-33b98ac18153ef76" {
		t.Errorf("messages %v", rec.msgs)
	}
	checkRejects(t, rec.rejects, []wantReject{{2, "", rawio.ErrBadJSON}})
}

// The bare array of records of your_posts_1.json: posts, with or without
// text, and a comment told by its data.
func TestDYIYourPosts(t *testing.T) {
	rec := load(t, "dyi_your_posts.json", DYI, nil)
	owner := rawio.Person{ID: "dyi-owner"}
	want := []rawio.RawMessage{{
		Group: "Auxiliaires de vie à domicile", Kind: corpus.Post, Author: owner, Created: utc("2019-05-15T16:02:11Z"),
		Text: "Réunion des aides à domicile jeudi, qui vient ?", Line: 1,
	}, {
		Kind: corpus.Post, Author: owner, Created: utc("2019-05-16T09:46:40Z"), Text: "Le lien dont je parlais",
		Links: []string{"https://www.service-public.fr/particuliers/vosdroits/F2405"}, Line: 2,
	}, {
		Kind: corpus.Post, Author: owner, Created: utc("2019-05-17T13:33:20Z"), Line: 3,
	}, {
		Kind: corpus.Comment, Author: rawio.Person{ID: "dyi-owner", Name: "Élodie Fictive"}, Created: utc("2019-05-18T17:20:00Z"),
		Text: "Un commentaire égaré ici", Line: 5,
	}}
	for i, m := range rec.msgs {
		if i < len(want) {
			want[i].ID = m.ID
			if m.Kind == corpus.Post {
				want[i].ThreadID = m.ID
			}
		}
	}
	checkMessages(t, rec.msgs, want)
	checkFieldNames(t, rec.msgs[:3], "", "timestamp")
	checkFieldNames(t, rec.msgs[3:], "", "data.comment.timestamp")
	// A zero timestamp is a time no message can have, not a missing one.
	checkRejects(t, rec.rejects, []wantReject{{4, "timestamp", rawio.ErrImplausibleTime}})
}

// An array of objects keyed by the archive's keys: their records are
// numbered across the file.
func TestDYIWrappedArray(t *testing.T) {
	rec := load(t, "dyi_wrapped_array.json", DYI, nil)
	owner := rawio.Person{ID: "dyi-owner", Name: "Élodie Fictive"}
	want := []rawio.RawMessage{{
		Kind: corpus.Comment, Author: owner, Created: utc("2019-05-15T16:16:40Z"), Text: "Bien d'accord, ça change tout", Line: 1,
	}, {
		Kind: corpus.Comment, Author: owner, Created: utc("2019-05-15T16:33:20Z"), Links: []string{"https://media.example.org/merci.gif"}, Line: 2,
	}, {
		Group: "Aides-soignantes & co", Kind: corpus.Comment, Author: owner, Created: utc("2019-05-15T16:50:00Z"), Text: "Merci à toutes", Line: 3,
	}, {
		Group: "Aides-soignantes & co", Kind: corpus.Post, Author: rawio.Person{ID: "dyi-owner"}, Created: utc("2019-05-15T17:06:40Z"),
		Text: "Qui fait le planning d'été ?", Line: 4,
	}}
	for i, m := range rec.msgs {
		if i < len(want) {
			want[i].ID = m.ID
			if m.Kind == corpus.Post {
				want[i].ThreadID = m.ID
			}
		}
	}
	checkMessages(t, rec.msgs, want)
	checkRejects(t, rec.rejects, []wantReject{{5, "timestamp", rawio.ErrBadTime}})
}

// The archive's key need not come first; group_name names the group; a
// record that is not valid JSON but whose brackets balance is rejected
// alone, as is one past the limits, and reading goes on.
func TestDYIResynchronises(t *testing.T) {
	const in = `{"title": "export", "group_posts_v2": [
  {"timestamp": 1557936131, "data": [{"post": "un"}], "group_name": "Groupe A"},
  {"timestamp": 1557936132, "data": [{"post": "deux" "trois"}]},
  {"timestamp": 1557936133, "data": [{"post": "` + "quatre quatre quatre quatre quatre quatre quatre quatre quatre quatre" + `"}]},
  {"timestamp": 1557936134, "data": [[[[[[[[{"post": "profond"}]]]]]]]]},
  {"timestamp": 1557936135, "data": [{"post": "cinq"}]}
], "other": {"x": [1, 2]}}`
	f, err := rawio.NewFileWith("in", strings.NewReader(in), rawio.Limits{LineBytes: 100, Depth: 6})
	if err != nil {
		t.Fatal(err)
	}
	if s := sniffDYI(f.Head); s != 95 {
		t.Errorf("sniffDYI = %d", s)
	}
	rec := &recorder{}
	if err := readDYI(f, rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.msgs) != 2 || rec.msgs[0].Group != "Groupe A" || rec.msgs[0].Text != "un" || rec.msgs[1].Text != "cinq" || rec.msgs[1].Line != 5 {
		for _, m := range rec.msgs {
			t.Logf("%+v", *m)
		}
		t.Errorf("%d messages", len(rec.msgs))
	}
	checkRejects(t, rec.rejects, []wantReject{{2, "", rawio.ErrBadJSON}, {3, "", rawio.ErrLimit}, {4, "", rawio.ErrLimit}})
	if len(rec.rejects) == 3 && (!strings.Contains(rec.rejects[1].Error(), "line-bytes=100") || !strings.Contains(rec.rejects[2].Error(), "depth=6")) {
		t.Errorf("limits not named: %v", rec.rejects)
	}
}

func TestFixMojibake(t *testing.T) {
	moj := func(s string) string { // UTF-8 bytes read as Latin-1
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			b.WriteRune(rune(s[i]))
		}
		return b.String()
	}
	for _, s := range []string{"é", "à", "ç", "œ", "😀", "Ça, c'est l'œuvre d'une aide à domicile 💪", "plain ASCII"} {
		if got := fixMojibake(moj(s)); got != s {
			t.Errorf("fixMojibake(%q) = %q, want %q", moj(s), got, s)
		}
	}
	if moj("é") != "\u00c3\u00a9" {
		t.Fatalf("moj(é) = %q", moj("é"))
	}
	// Text that is not mojibake is left alone.
	for _, s := range []string{"é", "déjà", "œuvre", "😀", "Ã", "\u00c3\u00a9 et œ"} {
		if got := fixMojibake(s); got != s {
			t.Errorf("fixMojibake(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestDYIGroupFromTitle(t *testing.T) {
	cases := map[string]string{
		"Élodie Fictive a publié dans Auxiliaires de vie à domicile.": "Auxiliaires de vie à domicile",
		"Élodie Fictive posted in Aides-soignantes & co.":             "Aides-soignantes & co",
		"Élodie Fictive a partagé un lien dans Aides à domicile.":     "Aides à domicile",
		"Élodie Fictive a mis à jour son statut.":                     "",
	}
	for in, want := range cases {
		if got := dyiGroupFromTitle(in); got != want {
			t.Errorf("dyiGroupFromTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGenericCSV(t *testing.T) {
	const g = "auxiliaires-vie"
	rec := load(t, "generic.csv", GenericCSV, nil)
	checkMessages(t, rec.msgs, []rawio.RawMessage{{
		Group: g, ID: "p1", Kind: corpus.Post, ThreadID: "p1", Author: rawio.Person{Name: "Élodie Fictive"}, AuthorRole: corpus.Admin,
		Created: utc("2019-05-15T16:02:11Z"), Text: "Bonjour à toutes, qui connaît la nouvelle grille ?", Reactions: 1040, Shares: 3, Line: 2,
	}, {
		Group: g, ID: "c1", Kind: corpus.Comment, ParentID: "p1", ThreadID: "p1", Author: rawio.Person{Name: "Sandrine Exemple"},
		Created: utc("2019-05-15T16:30:00Z"), Text: "Moi ! Ça change au 1er juillet.", Reactions: 2, Line: 3,
	}, {
		Group: g, ID: "r1", Kind: corpus.Reply, ParentID: "c1", ThreadID: "p1", Author: rawio.Person{Name: "Élodie Fictive"}, AuthorRole: corpus.Member,
		Created: utc("2019-05-15T17:00:00Z"), Text: "Merci,\nje transmets à l'équipe 😊", Line: 4,
	}, {
		Group: g, ID: "p2", Kind: corpus.Post, ThreadID: "p2", Author: rawio.Person{Name: "Nadia Test"},
		Created: utc("2019-05-16T08:00:00Z"), Text: "Post sans fil déclaré", Line: 6,
	}})
	checkRejects(t, rec.rejects, []wantReject{
		{7, "timestamp", rawio.ErrBadTime},
		{8, "kind", rawio.ErrShape},
		{9, "author_role", rawio.ErrShape},
		{10, "reactions", rawio.ErrBadNumber},
	})
}

func TestGenericCSVSemicolonCRLF(t *testing.T) {
	rec := load(t, "generic_semicolon.csv", GenericCSV, nil)
	checkMessages(t, rec.msgs, []rawio.RawMessage{{
		ID: "q0", Kind: corpus.Post, ThreadID: "q0", Author: rawio.Person{Name: "Élodie Fictive"},
		Created: utc("2019-05-15T16:02:11Z"), Text: "Premier message", Line: 2,
	}, {
		ID: "q2", Kind: corpus.Comment, ParentID: "q0", ThreadID: "q0", Author: rawio.Person{Name: "Sandrine Exemple"},
		Created: utc("2019-05-15T16:03:20Z"), Text: "Réponse ; avec point-virgule", Line: 4,
	}})
	checkRejects(t, rec.rejects, []wantReject{{3, "", rawio.ErrShape}})
}

func TestGenericCSVMapping(t *testing.T) {
	f, err := rawio.Open(filepath.Join("testdata", "generic_mapped.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	err = readGeneric(f, &recorder{})
	f.Close()
	if !errors.Is(err, rawio.ErrShape) || !strings.Contains(err.Error(), "id, thread_id, author, body, timestamp") {
		t.Errorf("without mapping: %v", err)
	}
	opts := map[string]string{"id": "message_id", "thread_id": "fil", "author": "auteur", "body": "texte", "timestamp": "date", "platform": "plateforme"}
	rec := load(t, "generic_mapped.tsv", GenericCSV, opts)
	checkMessages(t, rec.msgs, []rawio.RawMessage{{
		Platform: corpus.Twitter, ID: "t1", Kind: corpus.Tweet, ThreadID: "t1", Author: rawio.Person{Name: "Dr Fictif"},
		Created: utc("2019-05-15T22:00:00Z"), Text: "#DocTocToc garde difficile cette nuit", Line: 2,
	}, {
		Platform: corpus.Twitter, ID: "t2", Kind: corpus.Reply, ParentID: "t1", ThreadID: "t1", Author: rawio.Person{Name: "Dr Exemple"},
		Created: utc("2019-05-15T22:05:00Z"), Text: "Courage, confrère.", Line: 3,
	}, {
		ID: "f1", Kind: corpus.Post, ThreadID: "f1", Author: rawio.Person{Name: "Élodie Fictive"},
		Created: utc("2019-05-15T22:10:00Z"), Text: "Ça marche aussi pour Facebook", Line: 4,
	}})
	checkRejects(t, rec.rejects, nil)
}

func TestGenericTwitterKinds(t *testing.T) {
	const in = "id,thread_id,parent_id,author,body,timestamp,kind,platform\n" +
		"1,1,,a,tweet,1557936131,,twitter\n" +
		"2,,1,b,retweet,1557936132,retweet,twitter\n" +
		"3,3,1,c,quote,1557936133,quote,twitter\n" +
		"4,4,,d,facebook retweet,1557936134,retweet,facebook\n" +
		"5,1,,e,mystery,1557936135,,myspace\n"
	rec := readString(t, GenericCSV, in)
	checkMessages(t, rec.msgs, []rawio.RawMessage{{
		Platform: corpus.Twitter, ID: "1", Kind: corpus.Tweet, ThreadID: "1", Author: rawio.Person{Name: "a"},
		Created: utc("2019-05-15T16:02:11Z"), Text: "tweet", Line: 2,
	}, {
		Platform: corpus.Twitter, ID: "2", Kind: corpus.Retweet, RefID: "1", ThreadID: "2", Author: rawio.Person{Name: "b"},
		Created: utc("2019-05-15T16:02:12Z"), Text: "retweet", Line: 3,
	}, {
		Platform: corpus.Twitter, ID: "3", Kind: corpus.Quote, RefID: "1", ThreadID: "3", Author: rawio.Person{Name: "c"},
		Created: utc("2019-05-15T16:02:13Z"), Text: "quote", Line: 4,
	}})
	checkRejects(t, rec.rejects, []wantReject{{5, "kind", rawio.ErrShape}, {6, "platform", rawio.ErrShape}})
}

// fixtureFormats maps each fixture to the only format that may claim it
// ("" for none).
var fixtureFormats = map[string]string{
	"zeeschuimer.ndjson":       Zeeschuimer,
	"crowdtangle.csv":          CrowdTangle,
	"crowdtangle_bom_crlf.csv": CrowdTangle,
	"crowdtangle.csv.gz":       CrowdTangle,
	"ct_export":                CrowdTangle,
	"crowdtangle_datetime.csv": CrowdTangle,
	"netvizz_posts.tab":        NetvizzPosts,
	"netvizz_comments.tab":     NetvizzComments,
	"facepager.csv":            Facepager,
	"dyi_group_posts.json":     DYI,
	"dyi_group_comments.json":  DYI,
	"dyi_your_posts.json":      DYI,
	"dyi_wrapped_array.json":   DYI,
	"README.md":                "",
	"generic.csv":              GenericCSV,
	"generic_semicolon.csv":    GenericCSV,
	"generic_mapped.tsv":       "",
	"unknown.csv":              "",
}

func TestSniff(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := fixtureFormats[e.Name()]; !ok && !e.IsDir() {
			t.Errorf("fixture %s has no expected format", e.Name())
		}
	}
	ours := []string{Zeeschuimer, CrowdTangle, NetvizzPosts, NetvizzComments, Facepager, DYI, GenericCSV}
	for name, want := range fixtureFormats {
		f, err := rawio.Open(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range ours {
			fm, _ := rawio.Lookup(n)
			if s := fm.Sniff(f.Head); (s > 0) != (n == want) {
				t.Errorf("%s: %s scores %d", name, n, s)
			}
		}
		got, err := rawio.Detect(f.Head)
		if want == "" && !errors.Is(err, rawio.ErrUnknownFormat) || want != "" && got.Name != want {
			t.Errorf("%s detected as %q (%v), want %q", name, got.Name, err, want)
		}
		f.Close()
	}
	// A Zeeschuimer file of another platform is not ours.
	x := `{"nav_index": "1:1", "item_id": "1", "timestamp_collected": 1, "source_platform": "x.com", "data": {}}`
	if s := sniffZeeschuimer([]byte(x)); s != 0 {
		t.Errorf("x.com item scores %d", s)
	}
}

func TestURLHelpers(t *testing.T) {
	posts := map[string]string{
		"https://www.facebook.com/groups/987654321/permalink/1122334455/":   "1122334455",
		"https://www.facebook.com/aidesadomicilefr/posts/4455667788":        "4455667788",
		"https://www.facebook.com/permalink.php?story_fbid=42&id=7":         "42",
		"https://www.facebook.com/aidesadomicilefr/videos/5566778899/":      "",
		"https://www.facebook.com/groups/987654321/posts/1122334455/?ref=x": "1122334455",
	}
	for in, want := range posts {
		if got := postIDFromURL(in); got != want {
			t.Errorf("postIDFromURL(%q) = %q, want %q", in, got, want)
		}
	}
	if got := groupFromURL("https://www.facebook.com/groups/987654321/posts/1/"); got != "987654321" {
		t.Errorf("groupFromURL = %q", got)
	}
	if got := groupFromURL("https://www.facebook.com/4455667788"); got != "" {
		t.Errorf("groupFromURL without group = %q", got)
	}
}

// gunzipIfNeeded returns the decoded bytes of a fixture, for fuzz seeds.
func fixtureBytes(tb testing.TB, name string) []byte {
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	if zr, err := gzip.NewReader(bytes.NewReader(raw)); err == nil {
		if b, err := io.ReadAll(zr); err == nil {
			return b
		}
	}
	return raw
}

func TestStatusText(t *testing.T) {
	cases := map[string]string{
		"fetched (400)": `"fetched (400)"`, "error (500)": `"error (500)"`, "empty": `"empty"`,
		"Marie Dupont": "unreadable", "fetched (x y)": "unreadable", "": "unreadable", "fetched (": "unreadable",
	}
	for in, want := range cases {
		if got := statusText(in); got != want {
			t.Errorf("statusText(%q) = %s, want %s", in, got, want)
		}
	}
}

// A row that answers another message than its thread start answers a
// comment: it is a reply, even without a kind column. When the thread is
// unknown, it is a comment.
func TestGenericInfersReplies(t *testing.T) {
	const in = "id,thread_id,parent_id,author,body,timestamp\n" +
		"p,p,,a,post,1557936131\n" +
		"c,p,,b,comment,1557936132\n" +
		"r,p,c,a,reply,1557936133\n" +
		"c2,p,p,b,comment too,1557936134\n" +
		"o,,c,b,thread unknown,1557936135\n"
	rec := readString(t, GenericCSV, in)
	want := []struct {
		kind           corpus.Kind
		parent, thread string
	}{{corpus.Post, "", "p"}, {corpus.Comment, "p", "p"}, {corpus.Reply, "c", "p"}, {corpus.Comment, "p", "p"}, {corpus.Comment, "c", ""}}
	if len(rec.msgs) != len(want) || len(rec.rejects) != 0 {
		t.Fatalf("%d messages, %d rejections", len(rec.msgs), len(rec.rejects))
	}
	for i, w := range want {
		if m := rec.msgs[i]; m.Kind != w.kind || m.ParentID != w.parent || m.ThreadID != w.thread {
			t.Errorf("row %s: %s parent %q thread %q; want %s %q %q", m.ID, m.Kind, m.ParentID, m.ThreadID, w.kind, w.parent, w.thread)
		}
	}
}

// TestFacepagerSeedIsAGroupRecord: a sink that takes group records gets
// the seed node as one (read, not rejected); the others reject it.
func TestFacepagerSeedIsAGroupRecord(t *testing.T) {
	plain := load(t, "facepager.csv", Facepager, nil)
	f, err := rawio.Open("testdata/facepager.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var g groupRecorder
	format, _ := rawio.Lookup(Facepager)
	if err := format.Read(f, &g); err != nil {
		t.Fatal(err)
	}
	seeds := 0
	for _, e := range plain.rejects {
		if errors.Is(e, errSeed) {
			seeds++
		}
	}
	if seeds == 0 || len(g.groups) != seeds || len(g.rejects) != len(plain.rejects)-seeds || len(g.msgs) != len(plain.msgs) {
		t.Fatalf("plain sink: %d seeds rejected of %d rejects; group sink: %d groups, %d rejects, %d messages (plain %d)",
			seeds, len(plain.rejects), len(g.groups), len(g.rejects), len(g.msgs), len(plain.msgs))
	}
	if g.groups[0].ID != "987654321" || g.groups[0].Line != 2 {
		t.Errorf("group record %+v", g.groups[0])
	}
}

// Stray delimiters where a record should be are bad records of their
// own: the reader goes on (it looped on them).
func TestDYIStrayDelimiters(t *testing.T) {
	for _, in := range []string{`[}]`, `[:,{"timestamp":1557936131,"data":[{"post":"x"}]}]`, `{"group_posts_v2":[} ]}`, `{"comments_v2":[:]}`} {
		rec := readString(t, DYI, in)
		if len(rec.rejects) != 1 {
			t.Errorf("%s: %d rejections", in, len(rec.rejects))
		}
	}
}

// A CrowdTangle export whose times end in an ambiguous abbreviation is
// one file-level error asking for the timezone option (it was one
// rejection per post); with the option, every post is read. BRT, retired
// by the tz database in 2017, reads.
func TestCrowdTangleZones(t *testing.T) {
	const header = "Page Name,Facebook Id,Post Created,URL,Message\n"
	rows := func(zone string) string {
		return header +
			"P,1,2019-01-15 18:02:11 " + zone + ",https://www.facebook.com/1/posts/11,un\n" +
			"P,1,2019-01-16 18:02:11 " + zone + ",https://www.facebook.com/1/posts/12,deux\n" +
			"P,1,2019-01-17 18:02:11 " + zone + ",https://www.facebook.com/1/posts/13,trois\n"
	}
	f, err := rawio.NewFile("ct.csv", strings.NewReader(rows("CST")))
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	err = readCrowdTangle(f, rec)
	if !errors.Is(err, errAmbiguousZone) || !strings.Contains(err.Error(), `set the "timezone" option`) ||
		!strings.Contains(err.Error(), "ct.csv:2:") || len(rec.rejects) != 0 {
		t.Errorf("CST: %v, %d rejections", err, len(rec.rejects))
	}
	for zone, option := range map[string]string{"CST": "America/Chicago", "BRT": "", "AEDT": "", "NZDT": ""} {
		f, err := rawio.NewFile("ct.csv", strings.NewReader(rows(zone)))
		if err != nil {
			t.Fatal(err)
		}
		f.Options = map[string]string{OptionTimezone: option}
		rec := &recorder{}
		if err := readCrowdTangle(f, rec); err != nil || len(rec.msgs) != 3 || len(rec.rejects) != 0 {
			t.Errorf("%s: %v, %d messages, rejections %v", zone, err, len(rec.msgs), rec.rejects)
			continue
		}
		want := map[string]string{"CST": "2019-01-16T00:02:11Z", "BRT": "2019-01-15T21:02:11Z", "AEDT": "2019-01-15T07:02:11Z", "NZDT": "2019-01-15T05:02:11Z"}[zone]
		if !rec.msgs[0].Created.Equal(utc(want)) {
			t.Errorf("%s: %v, want %s", zone, rec.msgs[0].Created, want)
		}
		checkFieldNames(t, rec.msgs, "URL", "Post Created")
	}
}

// Unix times in milliseconds, read as seconds, are implausible; a
// negative or zero epoch is before Facebook.
func TestGenericEpochs(t *testing.T) {
	const in = "id,thread_id,author,body,timestamp\n" +
		"a,a,x,ms,1557936131000\n" +
		"b,b,x,zero,0\n" +
		"c,c,x,negative,-5\n" +
		"d,d,x,ok,1557936131\n"
	rec := readString(t, GenericCSV, in)
	checkRejects(t, rec.rejects, []wantReject{{2, "timestamp", rawio.ErrImplausibleTime}, {3, "timestamp", rawio.ErrImplausibleTime}, {4, "timestamp", rawio.ErrImplausibleTime}})
	if len(rec.rejects) > 0 && !strings.Contains(rec.rejects[0].Error(), "milliseconds") {
		t.Errorf("no hint: %v", rec.rejects[0])
	}
	if len(rec.msgs) != 1 || !rec.msgs[0].Created.Equal(utc("2019-05-15T16:02:11Z")) {
		t.Errorf("messages %v", rec.msgs)
	}
}

// A genuine text of several lines, one of which holds exactly one
// separator fewer than the header has fields (a shopping list in a
// 4CAT export of 6 columns, a pasted planning row in Facepager's 18), is
// one message: the Facebook formats do not turn on csvread's
// SetSplitOnRecords, which would reject it at its first line and read
// its list as a record of its own.
func TestMultiLineTextWithSeparators(t *testing.T) {
	list := "Pour demain il faut :\npain, lait, œufs, beurre, farine, sucre\nMerci les filles"
	rec := readString(t, GenericCSV, "id,thread_id,author,body,timestamp,group\n"+
		"m2,m2,Aide,\""+list+"\",1557936134,g\nm5,m5,Aide,ok,1557936135,g\n")
	if len(rec.rejects) != 0 || len(rec.msgs) != 2 || rec.msgs[0].Text != list || rec.msgs[1].Line != 5 {
		t.Errorf("generic-csv: %d messages, rejects %v; want the list whole and a message at line 5", len(rec.msgs), rec.rejects)
	}
	planning := "Mon planning de juin :\n" + strings.Repeat("lun;mar;mer;jeu;ven;sam;", 3)[:71] + "\nça vous va ?"
	head, _ := os.ReadFile("testdata/facepager.csv")
	lines := strings.SplitN(string(head), "\n", 4)
	rec = readString(t, Facepager, lines[0]+"\n"+lines[2]+"\n"+
		`2;3;2;987654321_1001_2001;data;data.*;fetched (200);2019-05-16 10:00:01.000000;Facebook:/<post-id>/comments;"`+planning+
		`";2019-05-15T16:30:00+0000;Sophie Exemple;100002;;;;3;`+"\n")
	if strings.Count(planning, ";") != strings.Count(lines[0], ";") {
		t.Fatalf("the planning has %d separators, the header %d", strings.Count(planning, ";"), strings.Count(lines[0], ";"))
	}
	if len(rec.rejects) != 0 || len(rec.msgs) != 2 || rec.msgs[1].Text != planning || rec.msgs[1].Line != 3 {
		t.Errorf("facepager: %d messages, rejects %v; want the planning whole at line 3", len(rec.msgs), rec.rejects)
	}
}
