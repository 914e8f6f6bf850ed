package load

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/pseudo"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

var testKey = []byte("a test key of thirty-two bytes!!")

const testStudy = "testdata/study/study.json"

func loadTestStudy(t *testing.T, opt Options) (*corpus.Corpus, *Report) {
	t.Helper()
	if opt.Key == nil {
		opt.Key = testKey
	}
	c, rep, err := Study(testStudy, opt)
	if err != nil {
		t.Fatalf("Study: %v", err)
	}
	return c, rep
}

func byID(t *testing.T, c *corpus.Corpus, community, id string) corpus.Message {
	t.Helper()
	for _, m := range c.Messages {
		if m.Community == community && m.ID == id {
			return m
		}
	}
	t.Fatalf("no message %s/%s", community, id)
	return corpus.Message{}
}

func TestStudyReport(t *testing.T) {
	var progress strings.Builder
	_, rep := loadTestStudy(t, Options{Progress: &progress})
	type counts struct {
		path, format                         string
		records, loaded, duplicates, rejects int
	}
	want := []counts{
		{"raw/avs/a-posts.fake", "fake", 8, 6, 0, 2},
		{"raw/avs/b-more.fake", "fake", 6, 4, 2, 0},
		{"raw/doctoctoc/tweets.fake", "fake", 7, 6, 0, 1},
		{"raw/observations/2019/notes.fake", "fake", 4, 2, 0, 2},
	}
	if len(rep.Files) != len(want) {
		t.Fatalf("%d files in the report, want %d", len(rep.Files), len(want))
	}
	for i, w := range want {
		f := rep.Files[i]
		got := counts{f.Path, f.Format, f.Records, f.Loaded, f.Duplicates, f.Rejected}
		if got != w {
			t.Errorf("file %d: %+v, want %+v", i, got, w)
		}
		if f.Records != f.Loaded+f.Duplicates+f.Rejected {
			t.Errorf("%s: records %d != loaded %d + duplicates %d + rejected %d", f.Path, f.Records, f.Loaded, f.Duplicates, f.Rejected)
		}
		sum, err := rawio.SHA256(filepath.Join("testdata/study", f.Path))
		if err != nil || f.SHA256 != sum {
			t.Errorf("%s: sha256 %s, want %s (%v)", f.Path, f.SHA256, sum, err)
		}
	}
	if rep.Records != 25 || rep.Loaded != 18 || rep.Duplicates != 2 || rep.Rejected != 5 {
		t.Errorf("totals %d/%d/%d/%d, want 25/18/2/5", rep.Records, rep.Loaded, rep.Duplicates, rep.Rejected)
	}
	if rep.Records != rep.Loaded+rep.Duplicates+rep.Rejected {
		t.Error("report invariant broken in the totals")
	}
	wantReasons := map[string]int{
		"created: unreadable time":                                         1,
		"record of unexpected shape":                                       1,
		"kind: unknown message kind":                                       1,
		"community: community not declared in the study file":              1,
		"message read from an observations source, which has no community": 1,
	}
	if got := rep.Reasons(); !reflect.DeepEqual(got, wantReasons) {
		t.Errorf("reasons %v, want %v", got, wantReasons)
	}
	rej := rep.Files[0].Rejections
	if len(rej) != 2 || rej[0].Error() != `raw/avs/a-posts.fake:8: field "created": unreadable time: "hier"` ||
		rej[1].Error() != "raw/avs/a-posts.fake:10: record of unexpected shape" {
		t.Errorf("rejections of a-posts: %v", rej)
	}
	wantProgress := "load: raw/avs/a-posts.fake fake 8 records\n" +
		"load: raw/avs/b-more.fake fake 6 records\n" +
		"load: raw/doctoctoc/tweets.fake fake 7 records\n" +
		"load: raw/observations/2019/notes.fake fake 4 records\n"
	if progress.String() != wantProgress {
		t.Errorf("progress:\n%s\nwant:\n%s", progress.String(), wantProgress)
	}
	table := rep.String()
	for _, s := range []string{
		"study test\n",
		"file                              format  records  loaded  duplicates  conflicting  rejected\n",
		"raw/avs/b-more.fake               fake          6       4           2            0         0\n",
		"    1 × created: unreadable time\n    1 × record of unexpected shape\n",
		"total                                          25      18           2            0         5\n",
	} {
		if !strings.Contains(table, s) {
			t.Errorf("report table lacks %q:\n%s", s, table)
		}
	}
}

func TestStudyCorpus(t *testing.T) {
	c, rep := loadTestStudy(t, Options{})
	ps := pseudo.New(testKey)
	if c.Study != "test" || !c.Synthetic || !c.ObservationDate.Equal(time.Date(2019, 5, 15, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("study %q synthetic %v observed %v", c.Study, c.Synthetic, c.ObservationDate)
	}
	if rep.KeySource != "given by the caller" {
		t.Errorf("key source %q", rep.KeySource)
	}
	wantComms := []corpus.Community{
		{ID: "avs", Name: "AVS - Auxiliaire de Vie Sociale", Platform: corpus.Facebook, Profession: corpus.HomeCareAide,
			Visibility: corpus.Closed, Created: time.Date(2015, 5, 1, 0, 0, 0, 0, time.UTC)},
		{ID: "doctoctoc", Name: "#DocTocToc", Platform: corpus.Twitter, Profession: corpus.GP,
			Visibility: corpus.Public, Created: time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	if !reflect.DeepEqual(c.Communities, wantComms) {
		t.Errorf("communities:\n%+v\nwant\n%+v", c.Communities, wantComms)
	}
	if len(c.Messages) != 16 || len(c.Panels) != 1 || len(c.Profiles) != 1 || len(c.Inputs) != 4 {
		t.Fatalf("%d messages, %d panels, %d profiles, %d inputs", len(c.Messages), len(c.Panels), len(c.Profiles), len(c.Inputs))
	}

	zeph := ps.Person(corpus.Facebook, rawio.Person{Name: "Zéphirine Canari"})
	ma := ps.Person(corpus.Facebook, rawio.Person{Name: "Ma Airual"})
	jeanne := ps.Person(corpus.Facebook, rawio.Person{Name: "Jeanne Martin"})
	p1 := byID(t, c, "avs", "p1")
	want := corpus.Message{
		Platform: corpus.Facebook, Community: "avs", ID: "p1", Kind: corpus.Post, ThreadID: "p1",
		Author: zeph, Created: time.Date(2019, 5, 1, 6, 0, 0, 0, time.UTC),
		Text:   "Bonjour à toutes ! Qui connaît la convention collective ?",
		Source: corpus.Source{File: "raw/avs/a-posts.fake", Line: 3},
	}
	if !reflect.DeepEqual(p1, want) {
		t.Errorf("p1:\n%+v\nwant\n%+v", p1, want)
	}
	c1 := byID(t, c, "avs", "c1")
	if c1.Author != ma || c1.AuthorRole != corpus.Admin || c1.ThreadID != "p1" || c1.ParentID != "p1" ||
		c1.Text != "@"+zeph+" oui, voir facebook.com/"+zeph || // the name, joined by a period, goes first

		!reflect.DeepEqual(c1.Mentions, []string{zeph}) {
		t.Errorf("c1: %+v", c1)
	}
	c2 := byID(t, c, "avs", "c2")
	if c2.Author != zeph || c2.Kind != corpus.Reply || c2.ThreadID != "p1" ||
		c2.Text != "merci "+ma+", et "+zeph+" ! écrivez-moi à "+pseudo.EmailToken {
		t.Errorf("c2: %+v", c2)
	}
	// p2 is first read without author; its second copy fills it.
	p2 := byID(t, c, "avs", "p2")
	if p2.Author != jeanne || p2.AuthorRole != corpus.Moderator || p2.Text != "auteur manquant ici" ||
		!reflect.DeepEqual(p2.Hashtags, []string{"convention", "avs"}) || p2.Source.File != "raw/avs/a-posts.fake" {
		t.Errorf("p2: %+v", p2)
	}
	if c3 := byID(t, c, "avs", "c3"); c3.Author != ps.Person(corpus.Facebook, rawio.Person{ID: "5f3a"}) || c3.AuthorRole != corpus.Moderator { // named "id:5f3a" in the study file
		t.Errorf("c3: %+v", c3)
	}

	dtt := ps.Handle(corpus.Twitter, "doctoctoc")
	cz := ps.Handle(corpus.Twitter, "canari_zeph")
	t1 := byID(t, c, "doctoctoc", "1")
	if t1.Author != dtt || t1.AuthorRole != corpus.Admin || t1.Text != "#DocTocToc Qui a un avis ? cc @"+cz ||
		!reflect.DeepEqual(t1.Hashtags, []string{"doctoctoc"}) || !reflect.DeepEqual(t1.Mentions, []string{cz}) {
		t.Errorf("tweet 1: %+v", t1)
	}
	t2 := byID(t, c, "doctoctoc", "2")
	if t2.Author != cz || !t2.Created.Equal(time.Date(2019, 5, 1, 20, 5, 0, 0, time.UTC)) || t2.Created.Location() != time.UTC ||
		t2.Text != "@"+dtt+" oui ! https://twitter.com/"+cz+"/status/2" ||
		!reflect.DeepEqual(t2.Links, []string{"https://twitter.com/" + cz + "/status/2"}) {
		t.Errorf("tweet 2: %+v", t2)
	}
	if t5 := byID(t, c, "doctoctoc", "5"); t5.ReplyToAuthor != cz || t5.ThreadID != "" {
		t.Errorf("tweet 5: %+v", t5)
	}
	if t6 := byID(t, c, "doctoctoc", "6"); t6.Kind != corpus.Tweet {
		t.Errorf("tweet 6: kind %q, want inferred tweet", t6.Kind)
	}

	threads := map[string]string{}
	for _, m := range c.Messages {
		threads[m.Community+"/"+m.ID] = m.ThreadID
	}
	wantThreads := map[string]string{
		"avs/p1": "p1", "avs/c1": "p1", "avs/c2": "p1", "avs/c3": "p9", "avs/c4": "", "avs/p2": "p2", "avs/p3": "p3",
		"avs/x1": "", "avs/x2": "t-x", "avs/x3": "t-x",
		"doctoctoc/1": "1", "doctoctoc/2": "1", "doctoctoc/3": "1", "doctoctoc/4": "99", "doctoctoc/5": "", "doctoctoc/6": "6",
	}
	if !reflect.DeepEqual(threads, wantThreads) {
		t.Errorf("threads %v, want %v", threads, wantThreads)
	}

	wantPanel := corpus.PanelObservation{Community: "avs", Name: "AVS - Auxiliaire de Vie Sociale",
		Observed: time.Date(2019, 5, 15, 16, 0, 0, 0, time.UTC), Members: 3977,
		Source: corpus.Source{File: "raw/observations/2019/notes.fake", Line: 2}}
	if !reflect.DeepEqual(c.Panels[0], wantPanel) {
		t.Errorf("panel %+v, want %+v", c.Panels[0], wantPanel)
	}
	if pr := c.Profiles[0]; pr.Account != cz || pr.Community != "doctoctoc" || pr.Followers != 381 {
		t.Errorf("profile %+v", pr)
	}
	for i, in := range c.Inputs {
		if in.Path != rep.Files[i].Path || in.SHA256 != rep.Files[i].SHA256 || in.Format != "fake" {
			t.Errorf("input %d: %+v", i, in)
		}
	}
	// Canonical order.
	for i := 1; i < len(c.Messages); i++ {
		a, b := c.Messages[i-1], c.Messages[i]
		if a.Community > b.Community || a.Community == b.Community && a.Created.After(b.Created) {
			t.Errorf("messages not sorted at %d", i)
		}
	}
}

func TestStrict(t *testing.T) {
	c, rep, err := Study(testStudy, Options{Key: testKey, Strict: true})
	var pe *rawio.ParseError
	if c != nil || !errors.As(err, &pe) {
		t.Fatalf("strict: corpus %v, error %v", c, err)
	}
	if got, want := err.Error(), `raw/avs/a-posts.fake:8: field "created": unreadable time: "hier"`; got != want {
		t.Errorf("strict error %q, want %q", got, want)
	}
	if pe.File != "raw/avs/a-posts.fake" || pe.Line != 8 || pe.Field != "created" || !errors.Is(err, rawio.ErrBadTime) {
		t.Errorf("strict error fields %+v", pe)
	}
	if len(rep.Files) != 1 || rep.Files[0].Rejected != 1 || rep.Files[0].Records != rep.Files[0].Loaded+rep.Files[0].Rejected {
		t.Errorf("strict report %+v", rep.Files[0])
	}
}

func TestCanary(t *testing.T) {
	c, _ := loadTestStudy(t, Options{})
	dir := t.TempDir()
	if err := WriteCSV(dir, c); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		t.Fatalf("%d files written, want 4", len(entries))
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		lower := strings.ToLower(string(b))
		for _, canary := range []string{"canari", "zéphirine", "zephirine", "airual", "jeanne"} {
			if strings.Contains(lower, canary) {
				t.Errorf("%s contains the canary %q:\n%s", e.Name(), canary, b)
			}
		}
	}
	// The canary is in the raw files, so the test can fail.
	raw, _ := os.ReadFile("testdata/study/raw/avs/a-posts.fake")
	if !strings.Contains(strings.ToLower(string(raw)), "canari") {
		t.Fatal("the fixture lost its canary")
	}
}

func TestStudyErrors(t *testing.T) {
	base := `{"name": "s", "communities": [{"id": "a", "platform": "facebook", "sources": [{"files": ["*.x"]}]}]}`
	cases := []struct{ json, want string }{
		{`{"name": "s", "communities": [{"id": "a", "platform": "fb"}]}`, `s.json: field "communities[0].platform": want one of facebook, twitter, bluesky, mastodon, telegram, whatsapp, reddit, discourse, not "fb"`},
		{`{"name": "s", "communities": [{"id": "a", "platform": "twitter", "created": "2015-13"}]}`, `s.json: field "communities[0].created": want YYYY, YYYY-MM or YYYY-MM-DD, not "2015-13"`},
		{`{"name": "s", "communities": [{"id": "a", "platform": "twitter", "profession": "nurse"}]}`, `s.json: field "communities[0].profession": want home-care-aide or general-practitioner, not "nurse"`},
		{`{"name": "s", "communities": [{"id": "a", "platform": "twitter"}, {"id": "a", "platform": "twitter"}]}`, `s.json: field "communities[1].id": id "a" already used`},
		{`{"name": "s", "communities": [{"platform": "twitter"}]}`, `s.json: field "communities[0].id": missing value`},
		{`{"communities": []}`, `s.json: field "name": missing value`},
		{`{"name": "s"}`, `s.json: field "communities": missing value`},
		{`{"name": "s", "observation_date": "15/05/2019", "communities": [{"id": "a", "platform": "twitter"}]}`, `s.json: field "observation_date": want RFC 3339 or YYYY-MM-DD, not "15/05/2019"`},
		{`{"name": "s", "communities": [{"id": "a", "platform": "twitter", "sources": [{"files": []}]}]}`, `s.json: field "communities[0].sources[0].files": missing value`},
		{`{"name": "s", "communities": [{"id": "a", "platform": "twitter", "sources": [{"files": ["[a"]}]}]}`, `s.json: field "communities[0].sources[0].files[0]": bad pattern "[a": syntax error in pattern`},
		{`{"name": "s", "communities": [{"id": "a", "platform": "twitter", "sources": [{"files": ["x"], "format": "nope"}]}]}`, `s.json: field "communities[0].sources[0].format": unknown format "nope"`},
		{`{"name": "s", "communities": [{"id": "a", "platform": "twitter", "admins": [""]}]}`, `s.json: field "communities[0].admins[0]": missing value`},
		{"{\n  \"name\": \"s\",\n  \"comunities\": []\n}", `s.json:3: field "comunities": unknown field`},
		{"{\n  \"name\": \"s\",\n  \"synthetic\": \"yes\"\n}", `s.json:3: field "synthetic": want bool, not a JSON string`},
		{"{\n  \"name\": \"s\",,\n}", `s.json:2: malformed JSON`},
		{``, `s.json: empty study file`},
		{base + ` {}`, `s.json:1: data after the study object`},
	}
	for _, c := range cases {
		_, err := ParseStudy("s.json", []byte(c.json))
		var pe *rawio.ParseError
		if err == nil || !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("ParseStudy(%s):\n got %v\nwant %s", c.json, err, c.want)
		}
	}
	if _, err := ParseStudy("s.json", []byte(base)); err != nil {
		t.Errorf("valid study: %v", err)
	}
}

func TestStudyFileErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
		return p
	}
	write("raw/a.fake", "#fake facebook\n")
	write("raw/t.fake", "#fake-tw\n")
	write("raw/empty.txt", "")
	cases := []struct{ study, want string }{
		{`{"name": "s", "communities": [{"id": "a", "platform": "facebook", "sources": [{"files": ["raw/none*.fake"]}]}]}`,
			`load: communities[0].sources[0].files[0]: "raw/none*.fake" matches no file in `},
		{`{"name": "s", "communities": [{"id": "a", "platform": "facebook", "sources": [{"files": ["raw/a.fake"]}]}, {"id": "b", "platform": "facebook", "sources": [{"files": ["raw/*.fake"]}]}]}`,
			`load: raw/a.fake: file read by both communities[0].sources[0] and communities[1].sources[0]`},
		{`{"name": "s", "communities": [{"id": "a", "platform": "facebook", "sources": [{"files": ["raw/t.fake"]}]}]}`,
			`load: raw/t.fake: format fake-tw is for twitter, but community a is on facebook`},
		{`{"name": "s", "communities": [{"id": "a", "platform": "facebook", "sources": [{"files": ["raw/empty.txt"]}]}]}`,
			`load: raw/empty.txt: format not recognised`},
	}
	for _, c := range cases {
		path := write("study.json", c.study)
		_, _, err := Study(path, Options{Key: testKey})
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("study %s:\n got %v\nwant %s", c.study, err, c.want)
		}
	}
	var fe *FileError
	path := write("study.json", cases[3].study)
	if _, _, err := Study(path, Options{Key: testKey}); !errors.As(err, &fe) || fe.Path != "raw/empty.txt" || !errors.Is(err, rawio.ErrUnknownFormat) {
		t.Errorf("unknown format: %#v", err)
	}
	if _, _, err := Study(filepath.Join(dir, "missing.json"), Options{Key: testKey}); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing study file: %v", err)
	}
	if _, _, err := Study(testStudy, Options{Key: testKey, Format: "nope"}); err == nil || !strings.Contains(err.Error(), `unknown format "nope"`) {
		t.Errorf("forced unknown format: %v", err)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
		return p
	}
	row := func(id, parent, group string) string {
		return strings.Join([]string{"m", id, parent, "", "", "n:Zéphirine Canari", "2019-05-01T08:00:00Z", "texte", group, "", "", "", ""}, "\t") + "\n"
	}
	a := write("exports/first.tsv.gz.fake", "#fake facebook\n"+row("p1", "", "")+row("c1", "p1", "")+row("p9", "", "AVS"))
	b := write("exports/sub/second.fake", "#fake facebook\n"+row("p1", "", "")+row("c2", "c1", ""))
	c, rep, err := Files([]string{a, filepath.Join(dir, "exports", "sub")}, Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 2 || rep.Files[0].Path != a || rep.Files[1].Path != b {
		t.Fatalf("files %+v", rep.Files)
	}
	ids := []string{}
	for _, cm := range c.Communities {
		ids = append(ids, cm.ID+":"+cm.Platform.String()+":"+string(cm.Profession))
	}
	// Messages whose export names no group go to one community per
	// platform, never named after their file.
	if want := []string{"AVS:facebook:", "ungrouped-facebook:facebook:"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("communities %v, want %v", ids, want)
	}
	// So p1 of second.fake is a duplicate of first's, and c2 (whose
	// parent c1 is in first.fake) is in p1's thread.
	if rep.Duplicates != 1 || rep.Loaded != 4 || rep.Files[1].Duplicates != 1 {
		t.Errorf("loaded %d, duplicates %d", rep.Loaded, rep.Duplicates)
	}
	if m := byID(t, c, "ungrouped-facebook", "c1"); m.Kind != corpus.Comment || m.ThreadID != "p1" {
		t.Errorf("c1: %+v", m)
	}
	if m := byID(t, c, "ungrouped-facebook", "c2"); m.Kind != corpus.Comment || m.ThreadID != "p1" {
		t.Errorf("c2 (parent in another file): %+v", m)
	}
	for _, cm := range c.Communities {
		if strings.Contains(cm.ID, "first") || strings.Contains(cm.Name, "second") {
			t.Errorf("community named after a file: %+v", cm)
		}
	}

	// Duplicates across two files of one community.
	d1 := write("dup/one.fake", "#fake facebook\n"+row("p1", "", "G")+row("p2", "", "G"))
	d2 := write("dup/two.fake", "#fake facebook\n"+row("p2", "", "G")+row("p2", "", "G")+row("p3", "", "G"))
	_, rep, err = Files([]string{d1, d2}, Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	if f := rep.Files[1]; f.Records != 3 || f.Loaded != 1 || f.Duplicates != 2 {
		t.Errorf("two.fake: %+v", f)
	}

	// The same post and comment with Graph API ids (Netvizz) and bare ids
	// (CrowdTangle): duplicates, and the comment's thread is the post.
	n1 := write("ids/netvizz.fake", "#fake facebook\n"+row("421488436202698_2075037711955060", "", "G")+
		row("2075037711955060_2075037799999999", "421488436202698_2075037711955060", "G"))
	n2 := write("ids/crowdtangle.fake", "#fake facebook\n"+row("2075037711955060", "", "G"))
	c, rep, err = Files([]string{n1, n2}, Options{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files[1].Duplicates != 1 || len(c.Messages) != 2 {
		t.Errorf("Graph API ids: %d duplicates, %d messages", rep.Files[1].Duplicates, len(c.Messages))
	}
	if m := byID(t, c, "G", "2075037799999999"); m.ParentID != "2075037711955060" || m.ThreadID != "2075037711955060" {
		t.Errorf("comment with Graph API ids: %+v", m)
	}

	for _, bad := range []struct{ path, want string }{
		{write("empty.fake", ""), "load: " + filepath.Join(dir, "empty.fake") + ": format not recognised"},
		{write("binary.bin", "\x00\x01\x02\xff\xfe"), "load: " + filepath.Join(dir, "binary.bin") + ": format not recognised"},
		{filepath.Join(dir, "nope.fake"), "load: " + filepath.Join(dir, "nope.fake") + ": no such file or directory"},
		{write("emptydir/.keep", ""), ""},
	} {
		path := bad.path
		if bad.want == "" {
			path = filepath.Dir(path)
			bad.want = "load: " + path + ": no files in folder"
		}
		_, _, err := Files([]string{path}, Options{Key: testKey})
		if err == nil || err.Error() != bad.want {
			t.Errorf("Files(%s): %v, want %s", path, err, bad.want)
		}
	}
	// A rejected message declares no community.
	only := write("rejected.fake", "#fake facebook\n"+row("", "", "Nowhere"))
	c, rep, err = Files([]string{only}, Options{Key: testKey})
	if err != nil || rep.Rejected != 1 || len(c.Communities) != 0 {
		t.Errorf("rejected message: %v, %d rejected, communities %+v", err, rep.Rejected, c.Communities)
	}

	// A file that fails as a whole.
	_, _, err = Files([]string{write("whole.fake", "not fake at all\n")}, Options{Key: testKey, Format: "fake"})
	if err == nil || err.Error() != "load: "+filepath.Join(dir, "whole.fake")+": fake: unreadable" {
		t.Errorf("failing format: %v", err)
	}
}

func TestCanonicalID(t *testing.T) {
	cases := []struct {
		platform corpus.Platform
		in, want string
	}{
		{corpus.Facebook, "421488436202698_2075037711955060", "2075037711955060"},
		{corpus.Facebook, " 2075037711955060 ", "2075037711955060"},
		{corpus.Facebook, "1_2_3456789", "3456789"},
		{corpus.Facebook, "0_0", "0_0"},
		{corpus.Facebook, "123_45", "123_45"},
		{corpus.Facebook, "1143803202301544_656852725802346#15", "1143803202301544_656852725802346#15"},
		{corpus.Facebook, "_1234567", "_1234567"},
		{corpus.Facebook, "abc_1234567", "abc_1234567"},
		{corpus.Twitter, "421488436202698_2075037711955060", "421488436202698_2075037711955060"},
	}
	for _, c := range cases {
		if got := CanonicalID(c.platform, c.in); got != c.want {
			t.Errorf("CanonicalID(%s, %q) = %q, want %q", c.platform, c.in, got, c.want)
		}
	}
}

func TestGlob(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a/x.csv", "a/b/y.csv", "a/b/c/z.csv", "a/.hid.csv", "a/.git/w.csv", "a/b/n.txt", "top.csv"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	// Each file, marked "!" when named explicitly (a pattern without
	// wildcards naming a file).
	rel := func(es []entry) []string {
		out := []string{}
		for _, e := range es {
			r := relPath(dir, e.path)
			if e.explicit {
				r += "!"
			}
			out = append(out, r)
		}
		return out
	}
	cases := map[string][]string{
		"a/*.csv":      {"a/x.csv"},
		"a/**/*.csv":   {"a/b/c/z.csv", "a/b/y.csv", "a/x.csv"},
		"**/*.csv":     {"a/b/c/z.csv", "a/b/y.csv", "a/x.csv", "top.csv"},
		"a/b":          {"a/b/c/z.csv", "a/b/n.txt", "a/b/y.csv"},
		"a/.*.csv":     {"a/.hid.csv"},
		"a/b/y.csv":    {"a/b/y.csv!"},
		"a/b/*.csv":    {"a/b/y.csv"},
		"./a/../top.*": {"top.csv"},
		"./top.csv":    {"top.csv!"},
		"none/*.csv":   {},
		"a/x.csv/*":    {},
	}
	for pat, want := range cases {
		got, err := glob(dir, pat)
		if err != nil || !reflect.DeepEqual(rel(got), want) {
			t.Errorf("glob(%q) = %v, %v; want %v", pat, rel(got), err, want)
		}
	}
	if _, err := glob(dir, "a/x**.csv"); err == nil {
		t.Error(`"x**" accepted`)
	}
}

func TestThreads(t *testing.T) {
	msg := func(id, parent string, kind corpus.Kind) corpus.Message {
		return corpus.Message{ID: id, ParentID: parent, Kind: kind}
	}
	msgs := []corpus.Message{
		msg("c3", "c2", corpus.Reply), // read before its ancestors
		msg("c2", "c1", corpus.Reply),
		msg("c1", "p1", corpus.Comment),
		msg("p1", "", corpus.Post),
		msg("o1", "gone", corpus.Comment), // parent outside the data, export thread given
		msg("o2", "o1", corpus.Reply),     // inherits it
		msg("o3", "gone", corpus.Comment), // no export thread: open
		msg("o4", "o3", corpus.Reply),     // its own export thread, as the parent's is unknown
		msg("l1", "l2", corpus.Comment),   // a loop
		msg("l2", "l3", corpus.Comment),
		msg("l3", "l1", corpus.Comment),
		msg("l4", "l3", corpus.Reply),                                 // hangs off the loop
		msg("s1", "s1", corpus.Reply),                                 // its own parent
		msg("r1", "", corpus.Reply),                                   // a reply without parent: open
		msg("rt", "", corpus.Retweet),                                 // a retweet starts a thread
		{ID: "ts", Kind: corpus.Tweet, ReplyToAuthor: "u-aaaaaaaaaa"}, // TweetScraper reply
	}
	export := []string{"", "", "", "", "T-o", "", "", "T-o4", "", "T-l2", "", "", "", "T-r1", "", "T-ts"}
	Threads(msgs, export)
	want := map[string]string{
		"c3": "p1", "c2": "p1", "c1": "p1", "p1": "p1",
		"o1": "T-o", "o2": "T-o", "o3": "", "o4": "T-o4",
		"l1": "", "l2": "T-l2", "l3": "", "l4": "",
		"s1": "", "r1": "T-r1", "rt": "rt", "ts": "T-ts",
	}
	for _, m := range msgs {
		if m.ThreadID != want[m.ID] {
			t.Errorf("thread of %s = %q, want %q", m.ID, m.ThreadID, want[m.ID])
		}
	}
	Threads(nil, nil)
}

func TestDefaultStudy(t *testing.T) {
	t.Setenv(EnvStudy, "/elsewhere/study.json")
	if got := DefaultStudy(); got != "/elsewhere/study.json" {
		t.Errorf("with %s: %q", EnvStudy, got)
	}
	t.Setenv(EnvStudy, "")
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := DefaultStudy(), filepath.Join(root, "data", "study.json"); got != want {
		t.Errorf("DefaultStudy() = %q, want %q", got, want)
	}
}

func TestWriteCSV(t *testing.T) {
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "g", Name: "Groupe, \"un\"", Platform: corpus.Facebook, Profession: corpus.HomeCareAide,
			Visibility: corpus.Closed, Created: time.Date(2015, 5, 1, 0, 0, 0, 0, time.UTC)}},
		Messages: []corpus.Message{{Platform: corpus.Facebook, Community: "g", ID: "1", Kind: corpus.Post, ThreadID: "1",
			Author: "u-aaaaaaaaaa", AuthorRole: corpus.Admin, Created: time.Date(2019, 5, 1, 8, 0, 0, 0, corpus.Paris), Text: "deux\nlignes"}},
		Panels: []corpus.PanelObservation{{Community: "g", Name: "Groupe", Observed: time.Date(2019, 5, 15, 16, 0, 0, 0, time.UTC),
			Members: 1040, NewMembers30d: 288, PostsToday: 13, Posts30d: 353, Admins: 1, CreatedApprox: "il y a 3 ans environ"}},
		Profiles: []corpus.ProfileObservation{{Account: "u-bbbbbbbbbb", Label: "MG", Community: "d", Observed: time.Date(2019, 5, 15, 16, 0, 0, 0, time.UTC),
			Posts: 953, Following: 182, Followers: 381, Likes: 333, Joined: time.Date(2012, 12, 1, 0, 0, 0, 0, time.UTC)}},
	}
	dir := filepath.Join(t.TempDir(), "out")
	if err := WriteCSV(dir, c); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"messages.csv": "community,profession,platform,id,kind,parent_id,thread_id,author,author_role,created,text\n" +
			"g,home-care-aide,facebook,1,post,,1,u-aaaaaaaaaa,admin,2019-05-01T06:00:00Z,\"deux\nlignes\"\n",
		"communities.csv": "id,name,platform,profession,visibility,created\ng,\"Groupe, \"\"un\"\"\",facebook,home-care-aide,closed,2015-05-01\n",
		"panels.csv": "community,name,observed,members,new_members_30d,posts_today,posts_30d,admins,moderators,created_approx\n" +
			"g,Groupe,2019-05-15T16:00:00Z,1040,288,13,353,1,0,il y a 3 ans environ\n",
		"profiles.csv": "account,label,community,observed,posts,following,followers,likes,joined\n" +
			"u-bbbbbbbbbb,MG,d,2019-05-15T16:00:00Z,953,182,381,333,2012-12\n",
	}
	for name, w := range want {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(b) != w {
			t.Errorf("%s:\n%s\nwant\n%s (%v)", name, b, w, err)
		}
	}
	if err := WriteCSV(filepath.Join(dir, "messages.csv", "x"), c); err == nil {
		t.Error("WriteCSV into a file: no error")
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 4812: "4,812", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func FuzzParseStudy(f *testing.F) {
	seed, err := os.ReadFile(testStudy)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"name": "s", "communities": [{"id": "a", "platform": "facebook", "created": "2015"}]}`))
	f.Add([]byte(`{"name": "s", "comunities": []}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseStudy("f.json", data)
		if err != nil {
			var pe *rawio.ParseError
			if !errors.As(err, &pe) || pe.File != "f.json" {
				t.Fatalf("error %v is not a ParseError naming the file", err)
			}
			return
		}
		if s.Name == "" || len(s.Communities) == 0 {
			t.Fatalf("accepted a study without name or communities: %+v", s)
		}
		for _, c := range s.Communities {
			if c.Platform != "facebook" && c.Platform != "twitter" {
				t.Fatalf("accepted platform %q", c.Platform)
			}
		}
	})
}

func FuzzThreads(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 0, 5, 5})
	f.Add([]byte{1, 2, 0})
	f.Fuzz(func(t *testing.T, parents []byte) {
		if len(parents) > 200 {
			parents = parents[:200]
		}
		msgs := make([]corpus.Message, len(parents))
		export := make([]string, len(parents))
		for i, p := range parents {
			msgs[i].ID = string(rune('A' + i))
			msgs[i].Kind = corpus.Comment
			switch {
			case p == 0:
				msgs[i].Kind = corpus.Post
			case int(p)%64 <= len(parents):
				msgs[i].ParentID = string(rune('A' + int(p)%64 - 1))
			default:
				msgs[i].ParentID = "gone"
			}
			if p%3 == 0 {
				export[i] = "E" + msgs[i].ID
			}
		}
		Threads(msgs, export)
		index := map[string]int{}
		for i, m := range msgs {
			index[m.ID] = i
		}
		for i, m := range msgs {
			if m.ParentID == "" {
				if m.ThreadID != m.ID {
					t.Fatalf("start %s has thread %q", m.ID, m.ThreadID)
				}
				continue
			}
			// Following parents must reach a start whose id is the thread,
			// unless the thread is the export's or empty.
			j, steps := i, 0
			for msgs[j].ParentID != "" && steps <= len(msgs) {
				k, ok := index[msgs[j].ParentID]
				if !ok {
					break
				}
				j, steps = k, steps+1
			}
			if msgs[j].ParentID == "" && m.ThreadID != msgs[j].ID {
				t.Fatalf("%s reaches start %s but has thread %q", m.ID, msgs[j].ID, m.ThreadID)
			}
			if msgs[j].ParentID != "" && m.ThreadID != "" && !strings.HasPrefix(m.ThreadID, "E") {
				t.Fatalf("%s is in no known thread but has thread %q", m.ID, m.ThreadID)
			}
		}
	})
}

// canaryHandle is the canary's handle written as a mention (not inside an
// e-mail address).
var canaryHandle = regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}\p{M}_])[@＠]canari_zeph`)

// FuzzFiles loads arbitrary content in the fake format: whatever the
// records, each ends loaded, duplicate or rejected, and no handle of the
// fixtures' canary survives in the corpus.
func FuzzFiles(f *testing.F) {
	for _, p := range []string{"testdata/study/raw/avs/a-posts.fake", "testdata/study/raw/avs/b-more.fake", "testdata/study/raw/doctoctoc/tweets.fake"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "in.fake")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		c, rep, err := Files([]string{p}, Options{Key: testKey, Format: "fake"})
		if err != nil {
			return // not a fake file at all
		}
		fr := rep.Files[0]
		if fr.Records != fr.Loaded+fr.Duplicates+fr.Conflicting+fr.Rejected {
			t.Fatalf("records %d != %d + %d + %d + %d", fr.Records, fr.Loaded, fr.Duplicates, fr.Conflicting, fr.Rejected)
		}
		if len(c.Messages)+len(c.Panels)+len(c.Profiles) != fr.Loaded {
			t.Fatalf("%d loaded but %d in the corpus", fr.Loaded, len(c.Messages)+len(c.Panels)+len(c.Profiles))
		}
		for _, m := range c.Messages {
			if canaryHandle.MatchString(m.Text) || m.Created.Location() != time.UTC {
				t.Fatalf("message %+v", m)
			}
		}
	})
}
