// Package parquetout writes the pseudonymised corpus, its indicators and
// its reply networks as Apache Parquet files, for DuckDB, Spark, polars or
// R's arrow, with the library github.com/parquet-go/parquet-go.
//
// # Tables
//
// Under a folder DIR (scripts/derive: build/derived/parquet):
//
//	DIR/messages/part-0.parquet        the corpus, one row per message, in corpus order
//	DIR/messages/community=C/month=YYYY-MM/part-0.parquet
//	                                   the same, partitioned (see Partitioning)
//	DIR/communities.parquet            one row per community
//	DIR/indicators.parquet             the rows of indicators.csv
//	DIR/edges.parquet                  the reply graph of each community
//
// Columns and types (Parquet physical type, logical type):
//
//	messages     community, profession, platform  BYTE_ARRAY STRING (dictionary)
//	             id                                STRING
//	             kind                              STRING (dictionary)
//	             parent_id, ref_id, thread_id      STRING, null when none
//	             author                            STRING, the author's keyed pseudonym
//	             author_role                       STRING, null when unknown
//	             reply_to_author                   STRING, pseudonym of the account answered
//	                                               when only it is known; null otherwise
//	             created                           INT64 TIMESTAMP(MICROS, UTC), null when unknown
//	             text                              STRING, with mentions and names pseudonymised
//	             reactions, shares                 INT64
//	             hashtags, mentions                LIST<STRING> (mentions: pseudonyms)
//	             source_sha256                     STRING, sha256 of the raw file read
//	             source_line                       INT64, its line (or record) number
//	communities  id, name, platform, profession, visibility  STRING
//	             created                           INT32 DATE, null when unknown
//	indicators   community, profession, indicator  STRING
//	             value                             DOUBLE, null when the data do not
//	                                               allow the measure (reason is then set);
//	                                               NaN when its definition leaves it undefined
//	             reason                            STRING, null when the value is measured
//	edges        community, source, target         STRING (source, target: pseudonyms)
//	             weight                            INT64, replies of source to target
//
// Nothing is written that messages.csv, communities.csv, indicators.csv
// and the network edge CSVs do not hold already (the privacy check reads
// those text twins; it cannot read compressed Parquet): pseudonyms, never a
// name, handle or account id. A message's source file is given by the
// sha256 of the raw file (as in data/raw/README.md and every figure's
// provenance), never by its path, which can name an account
// ("@name.jsonl"); links are not written (a profile URL names its
// account).
//
// # Partitioning
//
// When partitioned, messages are written as Hive partitions,
// DIR/messages/community=C/month=YYYY-MM/part-0.parquet, with the
// community and the month (UTC, of created; __HIVE_DEFAULT_PARTITION__ when
// created is unknown) in the path only, as Spark and DuckDB expect
// (read_parquet(..., hive_partitioning=true) adds them back as columns).
// A community id is escaped in the path as Hive does: every byte outside
// A–Z a–z 0–9 . _ - is written %XX. Within each partition rows keep corpus
// order. Auto partitions a corpus of more than PartitionThreshold
// messages.
//
// # Determinism
//
// The same tables give byte-identical files: rows in a fixed order,
// row groups of RowGroupRows rows, zstd at its default level on one
// goroutine, and a fixed created_by ("compendium parquetout" with the
// library's version) with no time or build id in the metadata.
package parquetout

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
)

// Partitioning says whether messages are written as Hive partitions.
type Partitioning int

const (
	// Auto partitions when the corpus has more than PartitionThreshold
	// messages.
	Auto Partitioning = iota
	// Never writes one file, messages/part-0.parquet.
	Never
	// Always writes community=C/month=YYYY-MM partitions.
	Always
)

// PartitionThreshold is the size from which Auto partitions: above a
// million messages a query on one community or a few months reads only
// their files, and Spark gets a unit of work per partition; below it one
// file of a few row groups is read by DuckDB in well under a second, and
// partitions would only multiply small files (a study of 70,000 messages
// over 20 communities and 24 months would make 480 files of 150 rows).
const PartitionThreshold = 1_000_000

// RowGroupRows is the number of rows of every row group but the last of
// each file (DuckDB reads row groups in parallel; it writes 122,880).
const RowGroupRows = 1 << 17

// createdBy sets the created_by of a file as is (parquet.CreatedBy
// formats an application, version and build).
type createdBy string

func (c createdBy) ConfigureWriter(cfg *parquet.WriterConfig) { cfg.CreatedBy = string(c) }

// rowGroupRows is RowGroupRows, lowered by tests.
var rowGroupRows = RowGroupRows

// CreatedBy is the created_by field of every file's footer: fixed, so
// that files do not depend on the build.
const CreatedBy = "compendium parquetout (parquet-go v0.32.0)"

// HiveNull is the partition value of a message whose time is unknown.
const HiveNull = "__HIVE_DEFAULT_PARTITION__"

// Options tune WriteCorpus.
type Options struct {
	Partition Partitioning
}

// Partitioned reports whether opt partitions a corpus of n messages.
func (opt Options) Partitioned(n int) bool {
	switch opt.Partition {
	case Always:
		return true
	case Never:
		return false
	}
	return n > PartitionThreshold
}

// Written says what WriteCorpus wrote.
type Written struct {
	Messages    int  // message rows
	Files       int  // message files
	Partitioned bool // written as Hive partitions
}

// messageRow is a row of the messages table; partRow the same without
// the partition columns.
type messageRow struct {
	Community string `parquet:"community,dict"`
	partRow
}

type partRow struct {
	Profession    string     `parquet:"profession,dict"`
	Platform      string     `parquet:"platform,dict"`
	ID            string     `parquet:"id"`
	Kind          string     `parquet:"kind,dict"`
	ParentID      *string    `parquet:"parent_id,optional"`
	RefID         *string    `parquet:"ref_id,optional"`
	ThreadID      *string    `parquet:"thread_id,optional"`
	Author        string     `parquet:"author,dict"`
	AuthorRole    *string    `parquet:"author_role,optional,dict"`
	ReplyToAuthor *string    `parquet:"reply_to_author,optional"`
	Created       *time.Time `parquet:"created,optional,timestamp(microsecond:utc)"`
	Text          string     `parquet:"text"`
	Reactions     int64      `parquet:"reactions"`
	Shares        int64      `parquet:"shares"`
	Hashtags      []string   `parquet:"hashtags,list"`
	Mentions      []string   `parquet:"mentions,list"`
	SourceSHA256  string     `parquet:"source_sha256,dict"`
	SourceLine    int64      `parquet:"source_line"`
}

type communityRow struct {
	ID         string `parquet:"id"`
	Name       string `parquet:"name"`
	Platform   string `parquet:"platform"`
	Profession string `parquet:"profession"`
	Visibility string `parquet:"visibility"`
	Created    *int32 `parquet:"created,optional,date"` // days since 1970-01-01
}

type indicatorRow struct {
	Community  string   `parquet:"community,dict"`
	Profession string   `parquet:"profession,dict"`
	Indicator  string   `parquet:"indicator,dict"`
	Value      *float64 `parquet:"value,optional"`
	Lo         *float64 `parquet:"lo,optional"`
	Hi         *float64 `parquet:"hi,optional"`
	N          *int64   `parquet:"n,optional"`
	Unit       *string  `parquet:"unit,optional"`
	Method     *string  `parquet:"method,optional"`
	Reason     *string  `parquet:"reason,optional"`
}

type edgeRow struct {
	Community string `parquet:"community,dict"`
	Source    string `parquet:"source"`
	Target    string `parquet:"target"`
	Weight    int64  `parquet:"weight"`
}

// writeFile writes rows to path as one Parquet file.
func writeFile[T any](path string, rows []T) error {
	return writeRows(path, len(rows), func(i int) T { return rows[i] })
}

// writeRows writes n rows to path as one Parquet file, row(i) giving row
// i: at most one row group of rows is held in memory at a time, however
// large the corpus.
func writeRows[T any](path string, n int, row func(i int) T) (err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("parquetout: %w", err)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("parquetout: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("parquetout: %w", cerr)
		}
	}()
	w := parquet.NewGenericWriter[T](f,
		parquet.Compression(&zstd.Codec{Level: zstd.DefaultLevel, Concurrency: 1}),
		createdBy(CreatedBy),
		parquet.MaxRowsPerRowGroup(int64(rowGroupRows)),
	)
	buf := make([]T, 0, min(n, rowGroupRows))
	for start := 0; start < n; start += rowGroupRows {
		buf = buf[:0]
		for i := start; i < min(n, start+rowGroupRows); i++ {
			buf = append(buf, row(i))
		}
		if _, err := w.Write(buf); err != nil {
			return fmt.Errorf("parquetout: %s: %w", path, err)
		}
		// A row group ends every rowGroupRows rows, whatever the
		// writer's buffering.
		if err := w.Flush(); err != nil {
			return fmt.Errorf("parquetout: %s: %w", path, err)
		}
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("parquetout: %s: %w", path, err)
	}
	return nil
}

func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

// optDate is t's UTC day as days since 1970-01-01 (parquet-go v0.32.0
// writes an optional time.Time DATE wrongly, so days are given).
func optDate(t time.Time) *int32 {
	if t.IsZero() {
		return nil
	}
	y, m, d := t.UTC().Date()
	days := int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	return &days
}

// MessagesDir is the folder of the messages table under dir.
func MessagesDir(dir string) string { return filepath.Join(dir, "messages") }

// WriteCorpus writes the messages table (replacing any earlier one, so
// that no stale partition is read) and communities.parquet of c into
// dir.
func WriteCorpus(dir string, c *corpus.Corpus, o Options) (Written, error) {
	msgDir := MessagesDir(dir)
	if err := os.RemoveAll(msgDir); err != nil {
		return Written{}, fmt.Errorf("parquetout: %w", err)
	}
	prof := map[string]string{}
	for _, cm := range c.Communities {
		prof[cm.ID] = string(cm.Profession)
	}
	sha := map[string]string{} // raw file → its sha256
	for _, in := range c.Inputs {
		sha[in.Path] = in.SHA256
	}
	part := func(m *corpus.Message) partRow {
		return partRow{
			Profession: prof[m.Community], Platform: m.Platform.String(), ID: m.ID, Kind: m.Kind.String(),
			ParentID: opt(m.ParentID), RefID: opt(m.RefID), ThreadID: opt(m.ThreadID),
			Author: m.Author, AuthorRole: opt(m.AuthorRole.String()), ReplyToAuthor: opt(m.ReplyToAuthor),
			Created: optTime(m.Created), Text: m.Text, Reactions: int64(m.Reactions), Shares: int64(m.Shares),
			Hashtags: m.Hashtags, Mentions: m.Mentions,
			SourceSHA256: sha[m.Source.File], SourceLine: int64(m.Source.Line),
		}
	}
	wr := Written{Messages: len(c.Messages), Partitioned: o.Partitioned(len(c.Messages))}
	if !wr.Partitioned {
		if err := writeRows(filepath.Join(msgDir, "part-0.parquet"), len(c.Messages), func(i int) messageRow {
			return messageRow{Community: c.Messages[i].Community, partRow: part(&c.Messages[i])}
		}); err != nil {
			return wr, err
		}
		wr.Files = 1
	} else {
		// Partitions in order of first appearance; rows in corpus order
		// within each, kept as indices into the corpus.
		type key struct{ community, month string }
		index := map[key]int{}
		var keys []key
		var parts [][]int32
		for i := range c.Messages {
			m := &c.Messages[i]
			k := key{m.Community, month(m.Created)}
			j, ok := index[k]
			if !ok {
				j = len(keys)
				index[k] = j
				keys = append(keys, k)
				parts = append(parts, nil)
			}
			parts[j] = append(parts[j], int32(i))
		}
		for j, k := range keys {
			path := filepath.Join(msgDir, "community="+HiveEscape(k.community), "month="+k.month, "part-0.parquet")
			idx := parts[j]
			if err := writeRows(path, len(idx), func(i int) partRow { return part(&c.Messages[idx[i]]) }); err != nil {
				return wr, err
			}
			parts[j] = nil
		}
		wr.Files = len(keys)
	}
	comms := make([]communityRow, len(c.Communities))
	for i, cm := range c.Communities {
		comms[i] = communityRow{ID: cm.ID, Name: cm.Name, Platform: cm.Platform.String(), Profession: string(cm.Profession),
			Visibility: string(cm.Visibility), Created: optDate(cm.Created)}
	}
	return wr, writeFile(filepath.Join(dir, "communities.parquet"), comms)
}

// month is the UTC month of t, YYYY-MM, or HiveNull for a zero time.
func month(t time.Time) string {
	if t.IsZero() {
		return HiveNull
	}
	return t.UTC().Format("2006-01")
}

// HiveEscape escapes a partition value for a path: every byte outside
// A–Z a–z 0–9 . _ - becomes %XX (upper-case hex).
func HiveEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '.' || ch == '_' || ch == '-' {
			b.WriteByte(ch)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", ch)
	}
	return b.String()
}

// WriteIndicators writes rows, in indicator.Sort's order, to path.
func WriteIndicators(path string, rows []indicator.Row) error {
	sorted := append([]indicator.Row(nil), rows...)
	indicator.Sort(sorted)
	out := make([]indicatorRow, len(sorted))
	for i, r := range sorted {
		out[i] = indicatorRow{Community: r.Community, Profession: string(r.Profession), Indicator: r.Indicator, Reason: opt(r.Reason)}
		if r.Reason == "" {
			v := r.Value
			out[i].Value = &v
		}
		// The interval as indicators.csv writes it: none without a
		// method or with a reason.
		if r.Reason == "" && r.Method != "" {
			lo, hi, n := r.Lo, r.Hi, int64(r.N)
			out[i].Lo, out[i].Hi, out[i].N = &lo, &hi, &n
			out[i].Unit, out[i].Method = opt(r.Unit), opt(r.Method)
		}
	}
	return writeFile(path, out)
}

// ErrWeight is an edge weight that is not a whole number of replies.
var ErrWeight = errors.New("parquetout: edge weight is not a whole number")

// WriteEdges writes the reply graph of each community of nets (not the
// all-communities group), communities in the order given, each one's
// edges in network.Graph.Edges order (source, then target).
func WriteEdges(path string, nets []network.Group) error {
	var out []edgeRow
	for _, g := range nets {
		if g.Community.ID == indicator.AllCommunities || g.Graph == nil {
			continue
		}
		for _, e := range g.Graph.Edges() {
			if e.Weight != math.Trunc(e.Weight) || math.IsInf(e.Weight, 0) {
				return fmt.Errorf("%w: %s → %s in %s: %v", ErrWeight, e.Source, e.Target, g.Community.ID, e.Weight)
			}
			out = append(out, edgeRow{Community: g.Community.ID, Source: e.Source, Target: e.Target, Weight: int64(e.Weight)})
		}
	}
	return writeFile(path, out)
}
