package parquetout

import (
	"bytes"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// sample is a small corpus: a Facebook group of home-care aides over two
// months (a post, a comment answering it, a reply answering the comment)
// and a #DocTocToc tweet with its reply, in a "community" whose id needs
// escaping in a path.
func sample() *corpus.Corpus {
	return &corpus.Corpus{
		Study: "test",
		Communities: []corpus.Community{
			{ID: "avs", Name: "Auxiliaires de vie entraide", Platform: corpus.Facebook, Profession: corpus.HomeCareAide,
				Visibility: corpus.Closed, Created: at("2016-03-01T00:00:00Z")},
			{ID: "doc toc/toc", Name: "#DocTocToc", Platform: corpus.Twitter, Profession: corpus.GP, Visibility: corpus.Public},
		},
		Inputs: []corpus.Input{
			{Path: "raw/avs/posts.tsv", SHA256: "aa11", Format: "netvizz-posts"},
			{Path: "raw/doc/tweets.jsonl", SHA256: "bb22", Format: "twarc2"},
		},
		Messages: []corpus.Message{
			{Platform: corpus.Facebook, Community: "avs", ID: "p1", Kind: corpus.Post, ThreadID: "p1", Author: "u_a", AuthorRole: corpus.Admin,
				Created: at("2018-01-31T23:30:00Z"), Text: "Bonjour à toutes, qui connaît la convention collective ?", Reactions: 4,
				Source: corpus.Source{File: "raw/avs/posts.tsv", Line: 2}},
			{Platform: corpus.Facebook, Community: "avs", ID: "c1", Kind: corpus.Comment, ParentID: "p1", ThreadID: "p1", Author: "u_b",
				Created: at("2018-02-01T08:00:00Z"), Text: "Oui, article 12.", Source: corpus.Source{File: "raw/avs/posts.tsv", Line: 3}},
			{Platform: corpus.Facebook, Community: "avs", ID: "c2", Kind: corpus.Reply, ParentID: "c1", ThreadID: "p1", Author: "u_a",
				Created: at("2018-02-01T09:15:00.123456Z"), Text: "Merci !", Source: corpus.Source{File: "raw/avs/posts.tsv", Line: 4}},
			{Platform: corpus.Twitter, Community: "doc toc/toc", ID: "t1", Kind: corpus.Tweet, ThreadID: "t1", Author: "u_c",
				Created: at("2018-02-02T10:00:00Z"), Text: "#DocTocToc dosage amoxicilline enfant ?", Shares: 2, Reactions: 7,
				Hashtags: []string{"doctoctoc"}, Source: corpus.Source{File: "raw/doc/tweets.jsonl", Line: 1}},
			{Platform: corpus.Twitter, Community: "doc toc/toc", ID: "t2", Kind: corpus.Reply, ParentID: "t1", ThreadID: "t1", Author: "u_d",
				Created: at("2018-02-02T10:05:00Z"), Text: "@u_c 50 mg/kg/j #DocTocToc", Hashtags: []string{"doctoctoc"}, Mentions: []string{"u_c"},
				Source: corpus.Source{File: "raw/doc/tweets.jsonl", Line: 2}},
		},
	}
}

// files lists the files under dir, relative, sorted.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return err
	})
	slices.Sort(out)
	return out
}

func writeAll(t *testing.T, dir string, c *corpus.Corpus, o Options) Written {
	t.Helper()
	wr, err := WriteCorpus(dir, c, o)
	if err != nil {
		t.Fatal(err)
	}
	rows := []indicator.Row{
		{Community: "avs", Profession: corpus.HomeCareAide, Indicator: "messages", Value: 3},
		{Community: "avs", Profession: corpus.HomeCareAide, Indicator: "reply_rate", Value: 1},
		{Community: "avs", Profession: corpus.HomeCareAide, Indicator: "density", Value: math.NaN()},
		{Community: "avs", Profession: corpus.HomeCareAide, Indicator: "posts_30d", Value: math.NaN(), Reason: indicator.ReasonNoPanel},
	}
	if err := WriteIndicators(filepath.Join(dir, "indicators.parquet"), rows); err != nil {
		t.Fatal(err)
	}
	if err := WriteEdges(filepath.Join(dir, "edges.parquet"), network.Measure(c)); err != nil {
		t.Fatal(err)
	}
	return wr
}

// The unpartitioned messages table holds every message in corpus order,
// with its types: nulls where the corpus has no value, times to the
// microsecond in UTC, lists, the raw file's sha256 in place of its path.
func TestMessagesRoundTrip(t *testing.T) {
	dir := t.TempDir()
	c := sample()
	wr := writeAll(t, dir, c, Options{})
	if wr != (Written{Messages: 5, Files: 1}) {
		t.Errorf("written %+v", wr)
	}
	want := []string{"communities.parquet", "edges.parquet", "indicators.parquet", "messages/part-0.parquet"}
	if got := files(t, dir); !slices.Equal(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
	rows, err := parquet.ReadFile[messageRow](filepath.Join(dir, "messages", "part-0.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 {
		t.Fatalf("%d rows", len(rows))
	}
	var ids []string
	for _, r := range rows {
		ids = append(ids, r.Community+"/"+r.ID)
	}
	if want := []string{"avs/p1", "avs/c1", "avs/c2", "doc toc/toc/t1", "doc toc/toc/t2"}; !slices.Equal(ids, want) {
		t.Errorf("order %v", ids)
	}
	p1, c2, t2 := rows[0], rows[2], rows[4]
	if *p1.AuthorRole != "admin" || p1.Reactions != 4 || p1.SourceSHA256 != "aa11" || p1.SourceLine != 2 {
		t.Errorf("p1 = %+v", p1)
	}
	if *c2.ParentID != "c1" || *c2.ThreadID != "p1" {
		t.Errorf("c2 = %+v", c2)
	}
	// Nulls: parquet-go's reader gives a pointer to "" for a null, so
	// they are read from the column values.
	path := filepath.Join(dir, "messages", "part-0.parquet")
	for col, want := range map[string]string{
		"parent_id":       "null p1 c1 null t1",
		"author_role":     "admin null null null null",
		"ref_id":          "null null null null null",
		"reply_to_author": "null null null null null",
	} {
		if got := column(t, path, col); got != want {
			t.Errorf("%s = %q, want %q", col, got, want)
		}
	}
	if c2.Created == nil || !c2.Created.Equal(at("2018-02-01T09:15:00.123456Z")) {
		t.Errorf("c2 created %v", c2.Created)
	}
	if t2.Profession != "general-practitioner" || t2.Text != "@u_c 50 mg/kg/j #DocTocToc" || t2.Kind != "reply" || !slices.Equal(t2.Mentions, []string{"u_c"}) ||
		!slices.Equal(t2.Hashtags, []string{"doctoctoc"}) || t2.SourceSHA256 != "bb22" || t2.Shares != 0 {
		t.Errorf("t2 = %+v", t2)
	}
	f := open(t, filepath.Join(dir, "messages", "part-0.parquet"))
	if got := f.Metadata().CreatedBy; got != "compendium parquetout (parquet-go v0.32.0)" {
		t.Errorf("created_by %q", got)
	}
	for _, col := range f.Metadata().RowGroups[0].Columns {
		if col.MetaData.Codec.String() != "ZSTD" {
			t.Errorf("column %v compressed with %v", col.MetaData.PathInSchema, col.MetaData.Codec)
		}
	}
	created, _ := f.Schema().Lookup("created")
	if s := created.Node.Type().LogicalType().String(); s != "TIMESTAMP(isAdjustedToUTC=true,unit=MICROS)" {
		t.Errorf("created is %s", s)
	}
}

// column returns the values of a top-level leaf column of the file at
// path, in row order, "null" for a null, joined by spaces.
func column(t *testing.T, path, name string) string {
	t.Helper()
	f := open(t, path)
	leaf, ok := f.Schema().Lookup(name)
	if !ok {
		t.Fatalf("%s: no column %s", path, name)
	}
	r := parquet.NewReader(f)
	defer r.Close()
	var out []string
	rows := make([]parquet.Row, 16)
	for {
		n, err := r.ReadRows(rows)
		for _, row := range rows[:n] {
			for _, v := range row {
				if v.Column() != leaf.ColumnIndex {
					continue
				}
				if v.IsNull() {
					out = append(out, "null")
				} else if v.Kind() == parquet.Double {
					out = append(out, strconv.FormatFloat(v.Double(), 'g', -1, 64))
				} else {
					out = append(out, v.String())
				}
			}
		}
		if err != nil {
			break
		}
	}
	return strings.Join(out, " ")
}

func open(t *testing.T, path string) *parquet.File {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Indicators keep NaN for an undefined measure and null for one the data
// do not allow, as indicators.csv writes "NaN" and an empty value;
// communities have a DATE; edges count replies as integers.
func TestIndicatorsCommunitiesEdges(t *testing.T) {
	dir := t.TempDir()
	writeAll(t, dir, sample(), Options{})
	ind, err := parquet.ReadFile[indicatorRow](filepath.Join(dir, "indicators.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]indicatorRow{}
	for _, r := range ind {
		got[r.Indicator] = r
	}
	if r := got["messages"]; r.Value == nil || *r.Value != 3 || r.Reason != nil {
		t.Errorf("messages %+v", r)
	}
	if r := got["density"]; r.Value == nil || !math.IsNaN(*r.Value) || r.Reason != nil {
		t.Errorf("density %+v", r)
	}
	if r := got["posts_30d"]; *r.Reason != indicator.ReasonNoPanel {
		t.Errorf("posts_30d %+v", r)
	}
	// Sorted: density, messages, posts_30d, reply_rate.
	path := filepath.Join(dir, "indicators.parquet")
	if got := column(t, path, "value"); got != "NaN 3 null 1" {
		t.Errorf("values %q", got)
	}
	if got := column(t, path, "reason"); got != "null null "+indicator.ReasonNoPanel+" null" {
		t.Errorf("reasons %q", got)
	}
	comms, err := parquet.ReadFile[communityRow](filepath.Join(dir, "communities.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(comms) != 2 || *comms[0].Created != 16861 { // 2016-03-01
		t.Errorf("communities %+v", comms)
	}
	if got := column(t, filepath.Join(dir, "communities.parquet"), "created"); got != "16861 null" {
		t.Errorf("communities' created %q", got)
	}
	edges, err := parquet.ReadFile[edgeRow](filepath.Join(dir, "edges.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	// avs: b answers a (c1 → p1), a answers b (c2 → c1); doctoctoc: d answers c.
	want := []edgeRow{{"avs", "u_a", "u_b", 1}, {"avs", "u_b", "u_a", 1}, {"doc toc/toc", "u_d", "u_c", 1}}
	if !slices.Equal(edges, want) {
		t.Errorf("edges %+v, want %+v", edges, want)
	}
}

// Partitioned, each (community, month) is a file of its own, the
// community escaped in its path and absent from its columns; the rows of
// all files are the corpus's.
func TestPartitioned(t *testing.T) {
	dir := t.TempDir()
	// A stale file of an earlier run must not survive.
	stale := filepath.Join(dir, "messages", "community=old", "month=2017-01", "part-0.parquet")
	os.MkdirAll(filepath.Dir(stale), 0o755)
	os.WriteFile(stale, []byte("stale"), 0o644)
	wr := writeAll(t, dir, sample(), Options{Partition: Always})
	if wr != (Written{Messages: 5, Files: 3, Partitioned: true}) {
		t.Errorf("written %+v", wr)
	}
	want := []string{"communities.parquet", "edges.parquet", "indicators.parquet",
		"messages/community=avs/month=2018-01/part-0.parquet",
		"messages/community=avs/month=2018-02/part-0.parquet",
		"messages/community=doc%20toc%2Ftoc/month=2018-02/part-0.parquet"}
	if got := files(t, dir); !slices.Equal(got, want) {
		t.Errorf("files\n%v\nwant\n%v", got, want)
	}
	rows, err := parquet.ReadFile[partRow](filepath.Join(dir, "messages/community=avs/month=2018-02/part-0.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].ID != "c1" || rows[1].ID != "c2" {
		t.Errorf("avs 2018-02: %+v", rows)
	}
	f := open(t, filepath.Join(dir, "messages/community=avs/month=2018-02/part-0.parquet"))
	if _, ok := f.Schema().Lookup("community"); ok {
		t.Error("a partition file holds the community column")
	}
}

func TestPartitionedThreshold(t *testing.T) {
	for _, tc := range []struct {
		p    Partitioning
		n    int
		want bool
	}{{Auto, PartitionThreshold, false}, {Auto, PartitionThreshold + 1, true}, {Never, 1e8, false}, {Always, 1, true}} {
		if got := (Options{Partition: tc.p}).Partitioned(tc.n); got != tc.want {
			t.Errorf("%v with %d messages: %v", tc.p, tc.n, got)
		}
	}
}

func TestHiveEscape(t *testing.T) {
	for in, want := range map[string]string{"avs": "avs", "ungrouped-twitter": "ungrouped-twitter", "a b": "a%20b",
		"x=y/z": "x%3Dy%2Fz", "%": "%25", "é": "%C3%A9", "v1.2_x": "v1.2_x"} {
		if got := HiveEscape(in); got != want {
			t.Errorf("HiveEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

// The same corpus gives byte-identical files, partitioned or not, and a
// corpus larger than a row group is cut into row groups of rowGroupRows
// (lowered to 100 here).
func TestDeterministic(t *testing.T) {
	c := sample()
	// Grow the corpus past one row group with varied messages.
	base := c.Messages[1]
	defer func(n int) { rowGroupRows = n }(rowGroupRows)
	rowGroupRows = 100
	for i := range 250 {
		m := base
		m.ID = "x" + strings.Repeat("0", i%7) + string(rune('a'+i%26))
		m.Created = base.Created.Add(time.Duration(i) * time.Minute)
		m.Reactions = i % 13
		c.Messages = append(c.Messages, m)
	}
	for _, p := range []Partitioning{Never, Always} {
		a, b := t.TempDir(), t.TempDir()
		writeAll(t, a, c, Options{Partition: p})
		writeAll(t, b, c, Options{Partition: p})
		fa, fb := files(t, a), files(t, b)
		if !slices.Equal(fa, fb) {
			t.Fatalf("files differ: %v %v", fa, fb)
		}
		for _, name := range fa {
			x, _ := os.ReadFile(filepath.Join(a, name))
			y, _ := os.ReadFile(filepath.Join(b, name))
			if !bytes.Equal(x, y) {
				t.Errorf("partition %v: %s differs between two runs", p, name)
			}
		}
		if p == Never {
			f := open(t, filepath.Join(a, "messages", "part-0.parquet"))
			var sizes []int64
			for _, rg := range f.Metadata().RowGroups {
				sizes = append(sizes, rg.NumRows)
			}
			if want := []int64{100, 100, 55}; !slices.Equal(sizes, want) {
				t.Errorf("row groups %v, want %v", sizes, want)
			}
		}
	}
}
