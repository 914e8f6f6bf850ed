// Command parquetcheck reads back, with DuckDB — a reader independent of
// the library that wrote them (parquet-go) — the Parquet tables that
// scripts/derive wrote into DIR/parquet, and checks them against the CSV
// tables of DIR:
//
//   - indicators.parquet holds the rows of indicators.csv, in its order,
//     each value equal to six decimals ("NaN" for NaN, null where the
//     CSV's value is empty) with the same reason;
//   - three reference indicators recomputed by SQL from the messages table
//     alone equal indicators.csv's for every community: messages
//     (count(*)), authors (count(DISTINCT author)) and reply_rate (threads
//     answered by another author through a chain of parents within the
//     data, by a recursive query; compared where indicators.csv gives a
//     number);
//   - edges.parquet holds, for each community, the rows of
//     network/COMMUNITY.edges.csv.
//
// Usage:
//
//	go run . [-derived DIR]      (from scripts/parquetcheck; DIR defaults to ../../build/derived)
//
// It exits 0 when everything agrees, printing what was compared, and 1
// with one line per disagreement otherwise. It is a module of its own
// (DuckDB is a cgo library of about 130 MB per platform); scripts/test
// runs its test, which derives the synthetic sample and checks it.
package main

import (
	"database/sql"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	fl := flag.NewFlagSet("parquetcheck", flag.ExitOnError)
	dir := fl.String("derived", filepath.Join("..", "..", "build", "derived"), "the folder scripts/derive wrote")
	fl.Parse(os.Args[1:])
	res, err := Check(*dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "parquetcheck: %v\n", err)
		os.Exit(1)
	}
	for _, d := range res.Diffs {
		fmt.Fprintf(os.Stderr, "parquetcheck: %s\n", d)
	}
	fmt.Println(res)
	if len(res.Diffs) > 0 {
		os.Exit(1)
	}
}

// Result is what Check compared.
type Result struct {
	IndicatorRows int      // rows of indicators.csv compared with indicators.parquet
	Recomputed    int      // values of messages, authors, reply_rate recomputed by SQL and compared
	Edges         int      // edge rows compared
	Diffs         []string // disagreements, one line each
}

func (r Result) String() string {
	return fmt.Sprintf("parquetcheck: %d indicator rows, %d values recomputed by DuckDB SQL (messages, authors, reply_rate), %d edges compared: %d differ",
		r.IndicatorRows, r.Recomputed, r.Edges, len(r.Diffs))
}

// MessagesSQL is the table expression of the messages, partitioned or
// not: partition values stay text (a community id "2019" is no number).
func MessagesSQL(parquetDir string) string {
	return fmt.Sprintf("read_parquet(%s, hive_partitioning = true, hive_types_autocast = false)",
		quote(filepath.ToSlash(filepath.Join(parquetDir, "messages", "**", "*.parquet"))))
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// ReplyRateSQL computes reply_rate per community from the messages view:
// threads are messages without parent that are not orphan replies (a
// comment or reply without parent, or one naming only the account
// answered); a thread is answered when a message whose chain of parents
// reaches its start was written by another author than its starter.
const ReplyRateSQL = `
WITH RECURSIVE
starts AS (
	SELECT community, id, author FROM messages
	WHERE parent_id IS NULL AND kind NOT IN ('comment', 'reply') AND reply_to_author IS NULL),
reach(community, start, starter, id, author) AS (
	SELECT community, id, author, id, author FROM starts
	UNION ALL
	SELECT m.community, r.start, r.starter, m.id, m.author
	FROM reach r JOIN messages m ON m.community = r.community AND m.parent_id = r.id),
threads AS (
	SELECT community, start, bool_or(id <> start AND author <> starter) AS answered
	FROM reach GROUP BY community, start)
SELECT community, avg(CASE WHEN answered THEN 1.0 ELSE 0.0 END) FROM threads GROUP BY community`

// Check compares the Parquet tables under dir/parquet with the CSV
// tables of dir.
func Check(dir string) (Result, error) {
	var res Result
	pq := filepath.Join(dir, "parquet")
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return res, err
	}
	defer db.Close()
	if _, err := db.Exec("CREATE VIEW messages AS SELECT * FROM " + MessagesSQL(pq)); err != nil {
		return res, err
	}

	// indicators.parquet against indicators.csv, row by row.
	csvRows, err := readCSV(filepath.Join(dir, "indicators.csv"))
	if err != nil {
		return res, err
	}
	if len(csvRows) < 2 || strings.Join(csvRows[0], ",") != "community,profession,indicator,value,lo,hi,n,unit,method,reason" {
		return res, errors.New("indicators.csv: not the indicators table")
	}
	csvRows = csvRows[1:]
	rows, err := db.Query("SELECT community, profession, indicator, value, lo, hi, n, unit, method, reason FROM read_parquet(" +
		quote(filepath.ToSlash(filepath.Join(pq, "indicators.parquet"))) + ")")
	if err != nil {
		return res, err
	}
	i := 0
	for rows.Next() {
		var c, p, ind string
		var v, lo, hi sql.NullFloat64
		var n sql.NullInt64
		var unit, method, reason sql.NullString
		if err := rows.Scan(&c, &p, &ind, &v, &lo, &hi, &n, &unit, &method, &reason); err != nil {
			rows.Close()
			return res, err
		}
		got := []string{c, p, ind, "", "", "", "", unit.String, method.String, reason.String}
		for k, f := range []sql.NullFloat64{v, lo, hi} {
			if f.Valid {
				got[3+k] = format(f.Float64)
			}
		}
		if n.Valid {
			got[6] = strconv.FormatInt(n.Int64, 10)
		}
		if i >= len(csvRows) {
			res.Diffs = append(res.Diffs, fmt.Sprintf("indicators.parquet row %d %v: not in indicators.csv", i+1, got))
		} else if want := csvRows[i]; strings.Join(got, ",") != strings.Join(want, ",") {
			res.Diffs = append(res.Diffs, fmt.Sprintf("indicators row %d: parquet %v, csv %v", i+1, got, want))
		}
		i++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, err
	}
	if i != len(csvRows) {
		res.Diffs = append(res.Diffs, fmt.Sprintf("indicators.parquet has %d rows, indicators.csv %d", i, len(csvRows)))
	}
	res.IndicatorRows = len(csvRows)

	// Reference indicators recomputed from the messages.
	csvValue := map[[2]string]string{} // (community, indicator) → value
	for _, r := range csvRows {
		if r[0] != "*" {
			csvValue[[2]string{r[0], r[2]}] = r[3]
		}
	}
	for _, q := range []struct{ indicator, sql string }{
		{"messages", "SELECT community, count(*) FROM messages GROUP BY community"},
		{"authors", "SELECT community, count(DISTINCT author) FROM messages GROUP BY community"},
		{"reply_rate", ReplyRateSQL},
	} {
		got, err := values(db, q.sql)
		if err != nil {
			return res, fmt.Errorf("%s: %w", q.indicator, err)
		}
		compared := 0
		for key, want := range csvValue {
			if key[1] != q.indicator {
				continue
			}
			if q.indicator == "reply_rate" && (want == "" || want == "NaN") {
				continue // no message-level links: not a number to compare
			}
			g, ok := got[key[0]]
			switch {
			case !ok:
				res.Diffs = append(res.Diffs, fmt.Sprintf("%s of %s: indicators.csv %s, no messages in Parquet", q.indicator, key[0], want))
			case format(g) != want:
				res.Diffs = append(res.Diffs, fmt.Sprintf("%s of %s: DuckDB %s, indicators.csv %s", q.indicator, key[0], format(g), want))
			}
			compared++
		}
		if compared == 0 {
			res.Diffs = append(res.Diffs, fmt.Sprintf("%s: no community of indicators.csv to compare", q.indicator))
		}
		res.Recomputed += compared
	}

	// Edges, community by community.
	erows, err := db.Query("SELECT community, source, target, weight FROM read_parquet(" +
		quote(filepath.ToSlash(filepath.Join(pq, "edges.parquet"))) + ")")
	if err != nil {
		return res, err
	}
	parquetEdges := map[string][]string{}
	for erows.Next() {
		var c, s, t string
		var w int64
		if err := erows.Scan(&c, &s, &t, &w); err != nil {
			erows.Close()
			return res, err
		}
		parquetEdges[c] = append(parquetEdges[c], s+","+t+","+strconv.FormatInt(w, 10))
	}
	erows.Close()
	files, _ := filepath.Glob(filepath.Join(dir, "network", "*.edges.csv"))
	if len(files) == 0 {
		res.Diffs = append(res.Diffs, "no network/*.edges.csv to compare")
	}
	for _, f := range files {
		c := strings.TrimSuffix(filepath.Base(f), ".edges.csv")
		recs, err := readCSV(f)
		if err != nil {
			return res, err
		}
		var want []string
		for _, r := range recs[1:] {
			want = append(want, strings.Join(r, ","))
		}
		got := parquetEdges[c]
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			res.Diffs = append(res.Diffs, fmt.Sprintf("edges of %s: %d in Parquet, %d in %s, or they differ", c, len(got), len(want), filepath.Base(f)))
		}
		res.Edges += len(want)
		delete(parquetEdges, c)
	}
	for c, e := range parquetEdges {
		res.Diffs = append(res.Diffs, fmt.Sprintf("edges of %s: %d in Parquet, no edge CSV", c, len(e)))
	}
	return res, nil
}

// values runs a query of (community, number) rows.
func values(db *sql.DB, q string) (map[string]float64, error) {
	rows, err := db.Query(q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]float64{}
	for rows.Next() {
		var c string
		var v float64
		if err := rows.Scan(&c, &v); err != nil {
			return nil, err
		}
		out[c] = v
	}
	return out, rows.Err()
}

// format writes a value as indicators.csv does (indicator.FormatValue).
func format(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	}
	return strconv.FormatFloat(v, 'f', 6, 64)
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	var out [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, rec)
	}
}
