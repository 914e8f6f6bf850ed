package simulate

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// The default study is generated once (files) and simulated once
// (records) for all the tests that read it.
var (
	once     sync.Once
	genDir   string
	genSum   *Summary
	genErr   error
	records  map[string][]*Message
	threads  map[string][]*Thread
	results  []Result
	tmpRoots []string
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range tmpRoots {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

func defaultStudy(t testing.TB) {
	t.Helper()
	once.Do(func() {
		genDir, genErr = os.MkdirTemp("", "simulate-default-")
		if genErr != nil {
			return
		}
		tmpRoots = append(tmpRoots, genDir)
		records, threads = map[string][]*Message{}, map[string][]*Thread{}
		observe := func(th *Thread) {
			id := th.Start.Community
			threads[id] = append(threads[id], th)
			records[id] = append(records[id], &th.Start)
			for i := range th.Answers {
				records[id] = append(records[id], &th.Answers[i])
			}
			for i := range th.Shares {
				records[id] = append(records[id], &th.Shares[i])
			}
		}
		genSum, genErr = Generate(DefaultParams(DefaultSeed, 1), Options{Out: genDir, observe: observe})
		if genErr == nil {
			results = genSum.Results
		}
	})
	if genErr != nil {
		t.Fatal(genErr)
	}
}

// readAll returns the decoded content of a generated file (gunzipped).
func readAll(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	return bytes.TrimPrefix(b, []byte("\uFEFF"))
}

// generated returns the one file of the default study under dir whose name
// contains part.
func generated(t *testing.T, dir, part string) string {
	t.Helper()
	ms, _ := filepath.Glob(filepath.Join(genDir, "raw", dir, "*"))
	for _, m := range ms {
		if strings.Contains(filepath.Base(m), part) {
			return m
		}
	}
	t.Fatalf("no file %s*%s* in %v", dir, part, ms)
	return ""
}

func readCSV(t *testing.T, path string, comma rune) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(readAll(t, path)))
	r.Comma = comma
	r.LazyQuotes = comma == '\t'
	if comma == '\t' {
		r.Comma = '\t'
		r.LazyQuotes = true
	}
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func column(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, header)
	return -1
}

// windowCounts counts posts created in (T-30d, T] and on T's Paris day.
func windowCounts(times []time.Time) (month, today int) {
	T := Observed
	d0 := parisDay(T)
	for _, c := range times {
		if c.After(T.Add(-30*day)) && !c.After(T) {
			month++
		}
		if !c.Before(d0) && !c.After(T) {
			today++
		}
	}
	return
}

func mustTime(t *testing.T, layout, s string) time.Time {
	t.Helper()
	x, err := time.Parse(layout, s)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestPanelCalibration(t *testing.T) {
	defaultStudy(t)
	want := map[string][]string{
		"tu-sais-que": {"1 040", "+288", "13", "353", "1", "0", "il y a 3 ans environ"},
		"avs":         {"3 977", "+290", "15", "388", "2", "1", "il y a 4 ans environ"},
		"en-colere":   {"1 791", "+121", "14", "414", "3", "2", "il y a environ 6 mois"},
	}
	rows := readCSV(t, filepath.Join(genDir, "raw", "observations", "panels.csv"), ',')
	wantHeader := "community,group_name,observed_at,members,new_members_30d,posts_today,posts_30d,admins,moderators,created_display"
	if got := strings.Join(rows[0], ","); got != wantHeader {
		t.Fatalf("panels header %q", got)
	}
	last := map[string][]string{}
	count := map[string]int{}
	for _, r := range rows[1:] {
		last[r[0]] = r
		count[r[0]]++
	}
	for id, w := range want {
		r := last[id]
		if r == nil {
			t.Fatalf("no panel for %s", id)
		}
		if r[2] != "2019-05-15T18:00:00+02:00" {
			t.Errorf("%s: last observed_at %s", id, r[2])
		}
		if got := r[3:]; strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("%s: last panel %v, want %v", id, got, w)
		}
	}
	// Monthly rows: May 2018 to April 2019 (en-colere from November), then T.
	if count["avs"] != 13 || count["tu-sais-que"] != 13 || count["en-colere"] != 7 {
		t.Errorf("panel rows per group: %v", count)
	}
	// Panels come from the simulated processes: members never decrease.
	for _, r := range results {
		for i := 1; i < len(r.Panels); i++ {
			if r.Panels[i].Members < r.Panels[i-1].Members {
				t.Errorf("%s: members decrease at %v", r.Group.ID, r.Panels[i].Observed)
			}
		}
	}
	prof := readCSV(t, filepath.Join(genDir, "raw", "observations", "profiles.csv"), ',')
	if got := strings.Join(prof[0], ","); got != "community,account,label,observed_at,posts,following,followers,likes,joined" {
		t.Fatalf("profiles header %q", got)
	}
	if got := strings.Join(prof[2], "|"); got != "doctoctoc|PlumeEtStetho|MG et romancier|2019-05-15T18:00:00+02:00|171 k|240|9 070|54,7 k|2011-10" {
		t.Errorf("profile row %q", got)
	}
	if got := strings.Join(prof[1][4:], "|"); got != "953|182|381|333|2012-12" {
		t.Errorf("profile row %q", got)
	}
}

// TestRawPostCounts counts the posts in the written raw exports, read
// minimally, against the panel.
func TestRawPostCounts(t *testing.T) {
	defaultStudy(t)
	check := func(id string, times []time.Time, wantMonth, wantToday int) {
		t.Helper()
		m, d := windowCounts(times)
		if m != wantMonth || d != wantToday {
			t.Errorf("%s raw posts: %d in 30 days, %d today; want %d, %d", id, m, d, wantMonth, wantToday)
		}
	}
	// Facepager: level 1 rows.
	rows := readCSV(t, generated(t, "tu-sais-que", "facepager"), ';')
	if got := strings.Join(rows[0], ";"); got != "level;id;parent_id;object_id;object_type;object_key;query_status;query_time;query_type;message;created_time;from.name;from.id;like_count;comment_count" {
		t.Fatalf("facepager header %q", got)
	}
	var times []time.Time
	for _, r := range rows[1:] {
		if r[0] == "1" {
			times = append(times, mustTime(t, fbTime, r[10]))
		}
	}
	check("tu-sais-que", times, 353, 13)
	// Netvizz posts.
	rows = readCSV(t, generated(t, "avs", "posts"), '\t')
	pub := column(t, rows[0], "post_published")
	pid := column(t, rows[0], "post_id")
	netvizzIDs := map[string]bool{}
	times = nil
	for _, r := range rows[1:] {
		times = append(times, mustTime(t, fbTime, r[pub]))
		netvizzIDs[r[pid]] = true
	}
	check("avs", times, 388, 15)
	// CrowdTangle overlaps Netvizz: same posts.
	rows = readCSV(t, generated(t, "avs", "crowdtangle"), ',')
	if rows[0][0] != "Group Name" {
		t.Fatalf("crowdtangle header %v", rows[0][:3])
	}
	url := column(t, rows[0], "URL")
	gid := GroupFacebookID("avs")
	for _, r := range rows[1:] {
		post := strings.TrimSuffix(r[url][strings.LastIndex(strings.TrimSuffix(r[url], "/"), "/")+1:], "/")
		if !netvizzIDs[gid+"_"+post] {
			t.Fatalf("crowdtangle post %s not in netvizz", post)
		}
	}
	if len(rows) < 500 {
		t.Errorf("crowdtangle: %d rows", len(rows))
	}
	// 4CAT: rows without a parent.
	rows = readCSV(t, generated(t, "en-colere", "4cat"), ',')
	if got := strings.Join(rows[0], ","); got != "id,thread_id,parent_id,author,body,timestamp" {
		t.Fatalf("4cat header %q", got)
	}
	times = nil
	fourcat := map[string]bool{}
	for _, r := range rows[1:] {
		fourcat[r[0]] = true
		if r[2] == "" {
			times = append(times, mustTime(t, time.RFC3339, r[5]))
		}
	}
	check("en-colere", times, 414, 14)
	// Zeeschuimer overlaps 4CAT.
	sc := bufio.NewScanner(bytes.NewReader(readAll(t, generated(t, "en-colere", "zeeschuimer"))))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var item struct {
			ItemID string `json:"item_id"`
			Data   struct {
				Comet struct {
					Content struct {
						Story struct {
							PostID string `json:"post_id"`
						} `json:"story"`
					} `json:"content"`
				} `json:"comet_sections"`
			} `json:"data"`
		}
		if err := json.Unmarshal(sc.Bytes(), &item); err != nil {
			t.Fatal(err)
		}
		if !fourcat[item.Data.Comet.Content.Story.PostID] || item.ItemID != item.Data.Comet.Content.Story.PostID {
			t.Fatalf("zeeschuimer post %s not in 4cat", item.ItemID)
		}
		n++
	}
	if n < 150 {
		t.Errorf("zeeschuimer: %d items", n)
	}
}

func TestTwarcPages(t *testing.T) {
	defaultStudy(t)
	tweets, replies, questions := 0, 0, 0
	for _, part := range []string{"search", "conversations"} {
		sc := bufio.NewScanner(bytes.NewReader(readAll(t, generated(t, "doctoctoc", part))))
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			var page twPage
			if err := json.Unmarshal(sc.Bytes(), &page); err != nil {
				t.Fatal(err)
			}
			if len(page.Data) == 0 || len(page.Data) > 100 || page.Meta.ResultCount != len(page.Data) {
				t.Fatalf("page of %d tweets, meta %d", len(page.Data), page.Meta.ResultCount)
			}
			users := map[string]bool{}
			for _, u := range page.Includes.Users {
				users[u.ID] = true
			}
			for _, tw := range page.Data {
				tweets++
				if !users[tw.AuthorID] {
					t.Fatalf("tweet %s: author not in includes.users", tw.ID)
				}
				if _, err := time.Parse("2006-01-02T15:04:05.000Z", tw.CreatedAt); err != nil {
					t.Fatal(err)
				}
				if len(tw.ReferencedTweets) > 0 && tw.ReferencedTweets[0].Type == "replied_to" {
					replies++
					if tw.InReplyToUserID == "" || !strings.HasPrefix(tw.Text, "@") {
						t.Fatalf("reply %s without in_reply_to_user_id or @", tw.ID)
					}
				}
				if len(tw.ReferencedTweets) == 0 {
					questions++
					if !strings.Contains(tw.Text, "#DocTocToc") || tw.ConversationID != tw.ID {
						t.Fatalf("question %s: %q", tw.ID, tw.Text)
					}
					if tw.Entities == nil || len(tw.Entities.Hashtags) == 0 {
						t.Fatalf("question %s without hashtag entity", tw.ID)
					}
					h := tw.Entities.Hashtags[0]
					if got := string([]rune(tw.Text)[h.Start:h.End]); got != "#"+h.Tag {
						t.Fatalf("hashtag offsets %d-%d give %q, tag %q", h.Start, h.End, got, h.Tag)
					}
				}
			}
		}
	}
	if tweets != len(records["doctoctoc"]) {
		t.Errorf("%d tweets in files, %d generated", tweets, len(records["doctoctoc"]))
	}
	// About 400 hashtag tweets a month: questions plus retweets and quotes.
	months := Observed.Sub(DefaultParams(1, 1).Start).Hours() / 24 / 30.44
	perMonth := float64(tweets-replies) / months
	if perMonth < 360 || perMonth > 440 {
		t.Errorf("%.0f hashtag tweets a month", perMonth)
	}
}

func shares(t *testing.T, id string, field func(*Message) string) (map[string]float64, int) {
	t.Helper()
	count := map[string]int{}
	n := 0
	for _, th := range threads[id] {
		if th.Start.QuestionType == "" {
			continue
		}
		count[field(&th.Start)]++
		n++
	}
	out := map[string]float64{}
	for k, v := range count {
		out[k] = 100 * float64(v) / float64(n)
	}
	return out, n
}

func TestGPShares(t *testing.T) {
	defaultStudy(t)
	types, n := shares(t, "doctoctoc", func(m *Message) string { return m.QuestionType })
	if n < 3000 {
		t.Fatalf("%d GP questions", n)
	}
	for k, want := range map[string]float64{"therapeutic": 31.7, "diagnostic": 30.3, "administrative": 19, "bibliographic": 9.5, "poll": 9.5} {
		if math.Abs(types[k]-want) > 3 {
			t.Errorf("question type %s: %.1f%%, want %.1f ± 3", k, types[k], want)
		}
	}
	status, _ := shares(t, "doctoctoc", func(m *Message) string { return m.AnswerStatus })
	total := 55.6 + 33.3 + 8
	for k, want := range map[string]float64{Consensual: 55.6 / total * 100, NonConsensual: 33.3 / total * 100, Unanswered: 8 / total * 100} {
		if math.Abs(status[k]-want) > 3 {
			t.Errorf("status %s: %.1f%%, want %.1f ± 3", k, status[k], want)
		}
	}
	if answered := 100 - status[Unanswered]; math.Abs(answered-90) > 3 {
		t.Errorf("answered %.1f%%, want 90 ± 3", answered)
	}
}

func TestHeavyTail(t *testing.T) {
	defaultStudy(t)
	for _, id := range []string{"tu-sais-que", "avs", "en-colere"} {
		by := map[string]int{}
		for _, m := range records[id] {
			by[m.Author.Key]++
		}
		counts := make([]int, 0, len(by))
		for _, n := range by {
			counts = append(counts, n)
		}
		sort.Sort(sort.Reverse(sort.IntSlice(counts)))
		top, all := 0, 0
		for i, n := range counts {
			if i < (len(counts)+9)/10 {
				top += n
			}
			all += n
		}
		if share := float64(top) / float64(all); share <= 0.4 {
			t.Errorf("%s: top 10%% of authors write %.0f%% of messages", id, 100*share)
		}
	}
}

func TestRolesMoreActive(t *testing.T) {
	defaultStudy(t)
	for _, id := range []string{"avs", "en-colere"} {
		var staff, members, nStaff, nMembers float64
		seen := map[*Person]bool{}
		for _, m := range records[id] {
			if m.Role == corpus.Member {
				members++
			} else {
				staff++
			}
			if !seen[m.Author] {
				seen[m.Author] = true
				if m.Role == corpus.Member {
					nMembers++
				} else {
					nStaff++
				}
			}
		}
		if staff/nStaff < 3*members/nMembers {
			t.Errorf("%s: admins and moderators write %.1f messages each, members %.1f", id, staff/nStaff, members/nMembers)
		}
	}
}

func TestRhythm(t *testing.T) {
	defaultStudy(t)
	lunch := func(ids ...string) (noon, weekend float64) {
		n := 0.0
		for _, id := range ids {
			for _, m := range records[id] {
				p := m.Created.In(corpus.Paris)
				if h := p.Hour(); h >= 12 && h < 14 {
					noon++
				}
				if d := p.Weekday(); d == time.Saturday || d == time.Sunday {
					weekend++
				}
				n++
			}
		}
		return noon / n, weekend / n
	}
	gpNoon, gpWeekend := lunch("doctoctoc")
	adNoon, adWeekend := lunch("tu-sais-que", "avs", "en-colere")
	if gpNoon <= adNoon {
		t.Errorf("share at 12-14h: GPs %.3f, aides %.3f", gpNoon, adNoon)
	}
	if adWeekend <= gpWeekend {
		t.Errorf("weekend share: aides %.3f, GPs %.3f", adWeekend, gpWeekend)
	}
}

func TestTextVariety(t *testing.T) {
	defaultStudy(t)
	distinct := map[string]bool{}
	n := 0
	var all strings.Builder
	for _, id := range []string{"tu-sais-que", "avs", "en-colere", "doctoctoc"} {
		first := map[string]bool{}
		for i, m := range records[id] {
			if m.Kind == corpus.Retweet {
				continue // a retweet repeats its tweet by definition
			}
			if i < 200 {
				if first[m.Text] {
					t.Errorf("%s: message %d repeats %q", id, i, m.Text)
				}
				first[m.Text] = true
			}
			if !utf8.ValidString(m.Text) || m.Text == "" {
				t.Fatalf("%s: bad text %q", id, m.Text)
			}
			distinct[m.Text] = true
			n++
			if i%5 == 0 {
				all.WriteString(m.Text + "\n")
			}
		}
	}
	if ratio := float64(len(distinct)) / float64(n); ratio <= 0.95 {
		t.Errorf("distinct texts / messages = %.3f", ratio)
	}
	text := all.String()
	for _, w := range []string{"qqun", " ds ", "pb", "bcp", "tjs", "rdv", "ttt", "PDS", "cc ", "svp", "+1", "pareil",
		"je confirme", "non pas du tout", "code du travail", "convention collective", "HAS", "ameli.fr", "#DocTocToc",
		"#MG", "😂", "🙏", "?"} {
		if !strings.Contains(text, w) {
			t.Errorf("no %q in the texts", w)
		}
	}
}

func TestTruth(t *testing.T) {
	defaultStudy(t)
	rows := readCSV(t, filepath.Join(genDir, "raw", "truth", "messages.csv.gz"), ',')
	if strings.Join(rows[0], ",") != strings.Join(TruthHeader, ",") {
		t.Fatalf("truth header %v", rows[0])
	}
	total := 0
	for _, ms := range records {
		total += len(ms)
	}
	if len(rows)-1 != total {
		t.Fatalf("%d truth rows, %d messages", len(rows)-1, total)
	}
	ids := map[string]string{} // community/id -> kind
	dups, cites := 0, 0
	for _, r := range rows[1:] {
		key := r[0] + "/" + r[1]
		if _, dup := ids[key]; dup {
			t.Fatalf("duplicate id %s", key)
		}
		ids[key] = r[2]
		if !strings.HasPrefix(r[5], "a") && !strings.HasPrefix(r[5], "t") && !strings.HasPrefix(r[5], "e") &&
			!strings.HasPrefix(r[5], "g") && !strings.HasPrefix(r[5], "s") {
			t.Fatalf("author key %q", r[5])
		}
		if r[12] != "" {
			dups++
			if ids[r[0]+"/"+r[12]] == "" {
				t.Fatalf("%s re-words %s, not an earlier message", key, r[12])
			}
		}
		if r[11] != "" {
			cites++
		}
	}
	for _, r := range rows[1:] {
		if r[3] != "" && ids[r[0]+"/"+r[3]] == "" {
			t.Fatalf("%s/%s: parent %s unknown", r[0], r[1], r[3])
		}
	}
	if dups < 300 || cites < 500 {
		t.Errorf("%d recurring questions, %d citing answers", dups, cites)
	}
	var params struct {
		Synthetic bool   `json:"synthetic"`
		Params    Params `json:"params"`
	}
	if err := json.Unmarshal(readAll(t, filepath.Join(genDir, "raw", "truth", "params.json")), &params); err != nil {
		t.Fatal(err)
	}
	if !params.Synthetic || params.Params.Seed != DefaultSeed || len(params.Params.Groups) != 5 {
		t.Errorf("params.json: synthetic %v, seed %d", params.Synthetic, params.Params.Seed)
	}
}

func TestSharedMembers(t *testing.T) {
	defaultStudy(t)
	groups := map[string]map[string]bool{}
	for _, id := range []string{"tu-sais-que", "avs", "en-colere"} {
		for _, m := range records[id] {
			if groups[m.Author.Name] == nil {
				groups[m.Author.Name] = map[string]bool{}
			}
			groups[m.Author.Name][id] = true
		}
	}
	multi := 0
	for _, g := range groups {
		if len(g) > 1 {
			multi++
		}
	}
	if multi < 20 {
		t.Errorf("%d display names in several aides' groups", multi)
	}
}

func TestStudyFile(t *testing.T) {
	defaultStudy(t)
	var sf StudyFile
	if err := json.Unmarshal(readAll(t, filepath.Join(genDir, "study.json")), &sf); err != nil {
		t.Fatal(err)
	}
	if !sf.Synthetic || !strings.Contains(sf.Description, "SYNTHÉTIQUE") || sf.ObservationDate != "2019-05-15T18:00:00+02:00" {
		t.Errorf("study header %+v", sf)
	}
	ids := []string{}
	for _, c := range sf.Communities {
		ids = append(ids, c.ID)
		for _, s := range c.Sources {
			for _, f := range s.Files {
				ms, _ := filepath.Glob(filepath.Join(genDir, filepath.FromSlash(f)))
				if len(ms) == 0 {
					t.Errorf("%s: %s matches nothing", c.ID, f)
				}
			}
		}
	}
	if strings.Join(ids, ",") != "tu-sais-que,avs,en-colere,entraide-whatsapp,doctoctoc" {
		t.Errorf("communities %v", ids)
	}
	avs := sf.Communities[1]
	if avs.Created != "2015-05" || len(avs.Admins) != 2 || len(avs.Moderators) != 1 || len(avs.Sources) != 3 {
		t.Errorf("avs %+v", avs)
	}
	// Admins are authors of the group, under the identity the exports
	// show: Netvizz (avs) hashes every account, so the study file names
	// them "id:<hash>".
	names := map[string]bool{}
	for _, m := range records["avs"] {
		id := "id:" + netvizzHash(m.Author.FBID)
		names[id] = m.Role == corpus.Admin || names[id]
	}
	for _, a := range avs.Admins {
		if !names[a] {
			t.Errorf("admin %q writes nothing as admin", a)
		}
	}
	if len(sf.Observations) != 1 {
		t.Errorf("observations %v", sf.Observations)
	}
}

// TestSizes keeps the sample small and compressed where large.
func TestSizes(t *testing.T) {
	defaultStudy(t)
	var total int64
	for _, f := range genSum.Files {
		total += f.Bytes
		if f.Bytes > GzipThreshold && !strings.HasSuffix(f.Path, ".gz") {
			t.Errorf("%s: %d bytes not compressed", f.Path, f.Bytes)
		}
	}
	if total > 30<<20 {
		t.Errorf("sample of %d bytes", total)
	}
}

func hashTree(t *testing.T, root string, skip func(rel string) bool) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if skip(rel) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		s := sha256.Sum256(b)
		out[rel] = hex.EncodeToString(s[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCommittedSample checks that the committed data/ is what the
// generator writes with the defaults.
func TestCommittedSample(t *testing.T) {
	repo := filepath.Join("..", "..", "data")
	if _, err := os.Stat(filepath.Join(repo, "study.json")); err != nil {
		t.Skip("no committed sample")
	}
	defaultStudy(t)
	mine := func(rel string) bool {
		return !(rel == "study.json" || strings.HasPrefix(rel, "raw/"))
	}
	skip := func(rel string) bool {
		// The lead writes the READMEs and SHA256SUMS; other folders of data/
		// are not ours.
		return mine(rel) || strings.HasSuffix(strings.ToLower(rel), "readme.md") || rel == "raw/SHA256SUMS"
	}
	want := hashTree(t, genDir, skip)
	got := hashTree(t, repo, skip)
	for rel, h := range want {
		if got[rel] != h {
			t.Errorf("data/%s differs from the generator's output (run scripts/simulate)", rel)
		}
	}
	for rel := range got {
		if _, ok := want[rel]; !ok {
			t.Errorf("data/%s is not written by the generator", rel)
		}
	}
}

func TestDeterminism(t *testing.T) {
	p := DefaultParams(7, 0.05)
	var trees []map[string]string
	for range 2 {
		dir := t.TempDir()
		if _, err := Generate(p, Options{Out: dir}); err != nil {
			t.Fatal(err)
		}
		trees = append(trees, hashTree(t, dir, func(string) bool { return false }))
	}
	if len(trees[0]) < 10 {
		t.Fatalf("only %d files", len(trees[0]))
	}
	for rel, h := range trees[0] {
		if trees[1][rel] != h {
			t.Errorf("%s differs between two runs", rel)
		}
	}
	// Another seed gives other files.
	dir := t.TempDir()
	if _, err := Generate(DefaultParams(8, 0.05), Options{Out: dir}); err != nil {
		t.Fatal(err)
	}
	other := hashTree(t, dir, func(string) bool { return false })
	if other["raw/truth/messages.csv.gz"] == trees[0]["raw/truth/messages.csv.gz"] {
		t.Error("seed has no effect")
	}
}

func TestFamilies(t *testing.T) {
	dir := t.TempDir()
	sum, err := Generate(DefaultParams(3, 0.05), Options{Out: dir, Families: []string{"twarc2", "netvizz"}})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range sum.Files {
		paths = append(paths, f.Path)
	}
	got := strings.Join(paths, " ")
	if !strings.Contains(got, "raw/doctoctoc/twarc2-search") || !strings.Contains(got, "_posts.tsv") ||
		strings.Contains(got, "crowdtangle") || strings.Contains(got, "truth") || strings.Contains(got, "tu-sais-que") {
		t.Errorf("files %s", got)
	}
	if _, err := Generate(DefaultParams(3, 0.05), Options{Out: dir, Families: []string{"csv"}}); err == nil {
		t.Error("unknown family accepted")
	}
	if _, err := Generate(DefaultParams(3, 0), Options{Out: dir}); err == nil {
		t.Error("zero scale accepted")
	}
}

// TestRawChecksums checks the committed sample against data/raw/SHA256SUMS,
// the provenance table researchers read.
func TestRawChecksums(t *testing.T) {
	root := filepath.Join("..", "..", "data", "raw")
	sums, err := os.ReadFile(filepath.Join(root, "SHA256SUMS"))
	if err != nil {
		t.Skip("no data/raw/SHA256SUMS")
	}
	listed := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(sums)), "\n") {
		want, name, ok := strings.Cut(line, "  ")
		if !ok {
			t.Fatalf("bad SHA256SUMS line %q", line)
		}
		listed[name] = true
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != want {
			t.Errorf("%s: sha256 %x, SHA256SUMS says %s", name, sum, want)
		}
	}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if rel != "SHA256SUMS" && rel != "README.md" && !listed[rel] {
			t.Errorf("%s is not in SHA256SUMS", rel)
		}
		return nil
	})
}
