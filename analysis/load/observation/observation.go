// Package observation reads what a researcher notes off the platforms'
// pages at a date, since no platform exports it: the "Activité" panel of a
// Facebook group and the header of a profile. Each is a small CSV with one
// row per observation; the columns are the project's own and documented
// here and in the README.
//
// Panels (format "panels"):
//
//	community,group_name,observed_at,members,new_members_30d,posts_today,posts_30d,admins,moderators,created_display
//	avs,AVS - Auxiliaire de Vie Sociale,2019-05-15T18:00:00+02:00,3 977,+290,15,388,2,1,il y a 4 ans environ
//
// Profiles (format "profiles"):
//
//	community,account,label,observed_at,posts,following,followers,likes,joined
//	doctoctoc,some_handle,MG installée à la campagne,2019-05-15T18:00:00+02:00,953,182,381,333,2012-12
//
// observed_at is RFC 3339 (with its offset) or "2006-01-02 15:04" in
// Europe/Paris time, which is what a researcher reads off the screen.
// Counts are written as the page shows them, in any locale ("3 977",
// "+290", "54,7 k"): see rawio.ParseCount. joined is "YYYY-MM" or
// "YYYY-MM-DD". The account handle is pseudonymised by package load; the
// label is the researcher's own description and must not name anyone.
package observation

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/csvread"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Column sets of the two formats, in their canonical order.
var (
	PanelColumns   = []string{"community", "group_name", "observed_at", "members", "new_members_30d", "posts_today", "posts_30d", "admins", "moderators", "created_display"}
	ProfileColumns = []string{"community", "account", "label", "observed_at", "posts", "following", "followers", "likes", "joined"}
)

func init() {
	rawio.Register(rawio.Format{
		Name:  "panels",
		Doc:   "group \"Activité\" panels noted by the researcher (CSV, one row per group and date)",
		Sniff: sniffer(PanelColumns),
		Read:  readPanels,
	})
	rawio.Register(rawio.Format{
		Name:     "profiles",
		Platform: corpus.Twitter,
		Doc:      "profile headers noted by the researcher (CSV, one row per account and date)",
		Sniff:    sniffer(ProfileColumns),
		Read:     readProfiles,
	})
}

// sniffer recognises a header holding every required column.
func sniffer(cols []string) func([]byte) int {
	return func(head []byte) int {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line = head[:i]
		}
		r := csv.NewReader(bytes.NewReader(line))
		header, err := r.Read()
		if err != nil {
			return 0
		}
		if _, err := columnIndex(header, cols); err != nil {
			return 0
		}
		return 90
	}
}

func columnIndex(header, want []string) (map[string]int, error) {
	idx := map[string]int{}
	for i, h := range header {
		idx[strings.TrimSpace(strings.ToLower(h))] = i
	}
	for _, w := range want {
		if _, ok := idx[w]; !ok {
			return nil, fmt.Errorf("missing column %q", w)
		}
	}
	return idx, nil
}

// table iterates the rows of a CSV file with a header, giving each row's
// starting line. It reads with package load/internal/csvread, within the
// file's limits: a row that cannot be read is rejected and reading goes
// on (see csvread.Reader for how it resynchronises after a quote left
// open). Rows may have fewer or more fields than the header, as
// researchers write them by hand; a row of several lines must not.
type table struct {
	f   *rawio.File
	r   *csvread.Reader
	idx map[string]int
}

func openTable(f *rawio.File, cols []string) (*table, error) {
	r := csvread.New(f, ',')
	header, line, err := r.Read()
	if err != nil {
		var ce *csvread.Error
		if errors.As(err, &ce) {
			err = ce.Err
		}
		return nil, &rawio.ParseError{File: f.Name, Line: max(line, 1), Err: fmt.Errorf("header: %w", err)}
	}
	idx, err := columnIndex(header, cols)
	if err != nil {
		return nil, &rawio.ParseError{File: f.Name, Line: line, Err: err}
	}
	r.SetFields(len(header), true)
	return &table{f: f, r: r, idx: idx}, nil
}

// next returns the next row and its line; io.EOF at the end. A row that
// cannot be read comes back as a ParseError with its position.
func (t *table) next() (get func(string) string, line int, err error) {
	rec, line, err := t.r.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if err != nil {
		var ce *csvread.Error
		if errors.As(err, &ce) {
			return nil, ce.StartLine, ce.ParseError(t.f.Name)
		}
		return nil, 0, err
	}
	return func(col string) string {
		i := t.idx[col]
		if i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}, line, nil
}

func readPanels(f *rawio.File, sink rawio.Sink) error {
	return readRows(f, sink, PanelColumns, func(line int, get func(string) string) *rawio.ParseError {
		p, err := panel(f.Name, line, get)
		if err == nil {
			sink.Panel(p)
		}
		return err
	})
}

// readRows reads a table with the columns cols, handing each row to read,
// which passes it on to sink or returns why not; a row that cannot be
// read is rejected with its position.
func readRows(f *rawio.File, sink rawio.Sink, cols []string, read func(line int, get func(string) string) *rawio.ParseError) error {
	t, err := openTable(f, cols)
	if err != nil {
		return err
	}
	for {
		get, line, err := t.next()
		if err == io.EOF {
			return nil
		}
		if pe := (*rawio.ParseError)(nil); errors.As(err, &pe) {
			sink.Reject(pe)
			continue
		} else if err != nil {
			return err
		}
		if perr := read(line, get); perr != nil {
			sink.Reject(perr)
		}
	}
}

func panel(file string, line int, get func(string) string) (*corpus.PanelObservation, *rawio.ParseError) {
	p := &corpus.PanelObservation{
		Community:     get("community"),
		Name:          get("group_name"),
		CreatedApprox: get("created_display"),
		Source:        corpus.Source{File: file, Line: line},
	}
	if p.Community == "" {
		return nil, &rawio.ParseError{File: file, Line: line, Field: "community", Err: rawio.ErrMissing}
	}
	var err *rawio.ParseError
	if p.Observed, err = observedAt(file, line, get("observed_at")); err != nil {
		return nil, err
	}
	for _, c := range []struct {
		col      string
		dst      *int
		optional bool
	}{
		{"members", &p.Members, false},
		{"new_members_30d", &p.NewMembers30d, false},
		{"posts_today", &p.PostsToday, false},
		{"posts_30d", &p.Posts30d, false},
		{"admins", &p.Admins, true},
		{"moderators", &p.Moderators, true},
	} {
		if err := count(file, line, c.col, get(c.col), c.optional, c.dst); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func readProfiles(f *rawio.File, sink rawio.Sink) error {
	return readRows(f, sink, ProfileColumns, func(line int, get func(string) string) *rawio.ParseError {
		p, err := profile(f.Name, line, get)
		if err == nil {
			sink.Profile(p)
		}
		return err
	})
}

func profile(file string, line int, get func(string) string) (*rawio.RawProfile, *rawio.ParseError) {
	p := &rawio.RawProfile{
		Account:   rawio.Person{Handle: strings.TrimPrefix(get("account"), "@")},
		Label:     get("label"),
		Community: get("community"),
		Line:      line,
	}
	if p.Account.Handle == "" {
		return nil, &rawio.ParseError{File: file, Line: line, Field: "account", Err: rawio.ErrMissing}
	}
	var err *rawio.ParseError
	if p.Observed, err = observedAt(file, line, get("observed_at")); err != nil {
		return nil, err
	}
	for _, c := range []struct {
		col string
		dst *int
	}{{"posts", &p.Posts}, {"following", &p.Following}, {"followers", &p.Followers}, {"likes", &p.Likes}} {
		if err := count(file, line, c.col, get(c.col), false, c.dst); err != nil {
			return nil, err
		}
	}
	if j := get("joined"); j != "" {
		var t time.Time
		var perr error
		for _, layout := range []string{"2006-01-02", "2006-01"} {
			if t, perr = time.ParseInLocation(layout, j, time.UTC); perr == nil {
				break
			}
		}
		if perr != nil {
			return nil, &rawio.ParseError{File: file, Line: line, Field: "joined", Err: fmt.Errorf("%w: %s (want YYYY-MM or YYYY-MM-DD)", rawio.ErrBadTime, rawio.Quote(j))}
		}
		p.Joined = t
	}
	return p, nil
}

func observedAt(file string, line int, s string) (time.Time, *rawio.ParseError) {
	if s == "" {
		return time.Time{}, &rawio.ParseError{File: file, Line: line, Field: "observed_at", Err: rawio.ErrMissing}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, corpus.Paris); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, &rawio.ParseError{File: file, Line: line, Field: "observed_at", Err: fmt.Errorf("%w: %s (want RFC 3339 or YYYY-MM-DD HH:MM, Paris time)", rawio.ErrBadTime, rawio.Quote(s))}
}

func count(file string, line int, col, s string, optional bool, dst *int) *rawio.ParseError {
	if s == "" && optional {
		return nil
	}
	n, err := rawio.ParseCount(s)
	if err != nil {
		return &rawio.ParseError{File: file, Line: line, Field: col, Err: err}
	}
	*dst = n
	return nil
}
