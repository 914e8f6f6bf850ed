package metacl

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/csvread"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Format is the name of the format this package registers.
const Format = "meta-content-library"

func init() {
	rawio.Register(rawio.Format{
		Name:     Format,
		Platform: corpus.Facebook,
		Sniff:    sniff,
		Read:     read,
		Doc:      "Meta Content Library CSV of public Facebook posts or comments (API field names or the web interface's)",
	})
}

// field is a column this package reads, by the data dictionary's API
// field name.
type field int

const (
	fID field = iota
	fCreated
	fText
	fOwnerID
	fOwnerName
	fOwnerUsername
	fSurfaceID
	fSurfaceName
	fPostID
	fParent
	fReactions
	fShares
	fComments
	fViews
	fLink
	fLike
	fLove
	fWow
	fHaha
	fSad
	fAngry
	fCare
	nFields
)

// names are the header names of each field: the API's flattened names,
// the dictionary's spellings, then the web interface's, compared
// lower-cased.
var names = [nFields][]string{
	fID:            {"id", "meta content library id"},
	fCreated:       {"creation_time", "creation time"},
	fText:          {"text"},
	fOwnerID:       {"post_owner.id", "post_owner.data.id", "owner.id", "post owner meta content library id", "owner id"},
	fOwnerName:     {"post_owner.name", "post_owner.data.name", "owner.name", "post owner name", "owner name"},
	fOwnerUsername: {"post_owner.username", "post_owner.data.username", "owner.username", "post owner username", "owner username"},
	fSurfaceID:     {"surface.id", "post surface meta content library id"},
	fSurfaceName:   {"surface.name", "post surface name"},
	fPostID:        {"post_id", "post id"},
	fParent:        {"parent_comment_id", "parent_id", "parent comment meta content library id"},
	fReactions:     {"statistics.reaction_count", "reactions", "reaction count"},
	fShares:        {"statistics.share_count", "shares"},
	fComments:      {"statistics.comment_count", "comments", "comment count"},
	fViews:         {"statistics.views", "views"},
	fLink:          {"link_attachment.link", "link_attachment_fields.link", "link_attachment.url", "link attachment fields link"},
	fLike:          {"statistics.like_count", "likes"},
	fLove:          {"statistics.love_count", "love reactions"},
	fWow:           {"statistics.wow_count", "wow reactions"},
	fHaha:          {"statistics.haha_count", "haha reactions"},
	fSad:           {"statistics.sad_count", "sad reactions"},
	fAngry:         {"statistics.angry_count", "angry reactions"},
	fCare:          {"statistics.care_count", "care reactions"},
}

// columns maps each field to its column in a header, -1 when absent.
type columns [nFields]int

func mapHeader(header []string) columns {
	var c columns
	for f := range c {
		c[f] = -1
	}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.Trim(strings.TrimSpace(h), `"`)))
		for f := range nFields {
			if c[f] < 0 && contains(names[f], h) {
				c[f] = i
			}
		}
	}
	return c
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// separator returns the separator of a header line: ',' unless tabs or
// semicolons outnumber commas (a file re-saved by a spreadsheet).
func separator(line []byte) byte {
	best, n := byte(','), bytes.Count(line, []byte{','})
	for _, c := range []byte{'\t', ';'} {
		if k := bytes.Count(line, []byte{c}); k > n {
			best, n = c, k
		}
	}
	return best
}

// splitHeader splits a header line (without quoted separators, as MCL
// writes it) into its names.
func splitHeader(line []byte) []string {
	return strings.Split(string(line), string(separator(line)))
}

// sniff is sure of a header holding an id and a creation time with a post
// owner, a surface or the reaction count (posts), or with post_id and a
// comment owner or parent (comments).
func sniff(head []byte) int {
	line := head
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		line = head[:i]
	} else if len(head) >= rawio.HeadSize {
		return 0 // no whole header line
	}
	line = bytes.TrimSuffix(line, []byte("\r"))
	c := mapHeader(splitHeader(line))
	if c[fID] < 0 || c[fCreated] < 0 {
		return 0
	}
	switch {
	case c[fPostID] >= 0 && (c[fOwnerID] >= 0 || c[fOwnerName] >= 0 || c[fParent] >= 0):
		return 90
	case c[fPostID] < 0 && (c[fOwnerID] >= 0 || c[fOwnerName] >= 0 || c[fSurfaceID] >= 0 || c[fReactions] >= 0):
		return 90
	}
	return 0
}

var errNoColumn = fmt.Errorf("%w: no id or creation_time column (not a Meta Content Library export?)", rawio.ErrShape)

func read(f *rawio.File, sink rawio.Sink) error {
	line := f.Head
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	r := csvread.New(f, separator(bytes.TrimSuffix(line, []byte("\r"))))
	header, _, err := r.Read()
	if err == io.EOF {
		return fmt.Errorf("%s: empty file, no header line", f.Name)
	}
	if err != nil {
		return fmt.Errorf("%s: header line: %w", f.Name, err)
	}
	header = append([]string(nil), header...)
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	c := mapHeader(header)
	if c[fID] < 0 || c[fCreated] < 0 {
		return fmt.Errorf("%s: %w", f.Name, errNoColumn)
	}
	r.SetFields(len(header), false)
	comments := c[fPostID] >= 0
	reject := func(line int, col field, err error) {
		name := ""
		if col >= 0 {
			name = header[c[col]]
		}
		sink.Reject(&rawio.ParseError{File: f.Name, Line: line, Field: name, Err: err})
	}
	for {
		rec, n, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var ce *csvread.Error
			if errors.As(err, &ce) {
				sink.Reject(ce.ParseError(f.Name))
				continue
			}
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		get := func(fl field) string {
			if i := c[fl]; i >= 0 && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		m := &rawio.RawMessage{Platform: corpus.Facebook, Line: n, IDField: header[c[fID]], CreatedField: header[c[fCreated]]}
		if m.ID = get(fID); m.ID == "" {
			reject(n, fID, rawio.ErrMissing)
			continue
		}
		stamp := get(fCreated)
		if stamp == "" {
			reject(n, fCreated, rawio.ErrMissing)
			continue
		}
		if m.Created, err = parseTime(stamp); err != nil {
			reject(n, fCreated, err)
			continue
		}
		counts := [...]field{fReactions, fShares, fComments, fViews, fLike, fLove, fWow, fHaha, fSad, fAngry, fCare}
		var vals [len(counts)]int
		bad := false
		for i, fl := range counts {
			if vals[i], err = count(get(fl)); err != nil {
				reject(n, fl, err)
				bad = true
				break
			}
		}
		if bad {
			continue
		}
		m.Reactions, m.Shares = vals[0], vals[1]
		if get(fReactions) == "" {
			m.Reactions = 0
			for _, v := range vals[4:] {
				m.Reactions += v
			}
		}
		if i := c[fText]; i >= 0 && i < len(rec) {
			m.Text = rec[i]
		}
		if l := get(fLink); l != "" {
			m.Links = []string{l}
		}
		m.Author = rawio.Person{ID: get(fOwnerID), Name: get(fOwnerName), Handle: get(fOwnerUsername)}
		if comments {
			post := get(fPostID)
			m.Kind, m.ParentID, m.ThreadID = corpus.Comment, post, post
			if p := get(fParent); p != "" && p != post {
				m.Kind, m.ParentID = corpus.Reply, p
			}
		} else {
			m.Kind, m.ThreadID = corpus.Post, m.ID
			for _, g := range []string{get(fSurfaceName), get(fSurfaceID), get(fOwnerName)} {
				if g != "" {
					m.Group = g
					break
				}
			}
		}
		sink.Message(m)
	}
}

// count reads an optional count: empty, "null", "None" or "NA" is 0.
func count(s string) (int, error) {
	switch s {
	case "", "null", "None", "NA", "NaN", "nan":
		return 0, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < 1<<31 && f == float64(int(f)) {
		return int(f), nil // 12, or 12.0 as a data frame with missing values writes it
	}
	n, err := rawio.ParseCount(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: %s", rawio.ErrBadNumber, rawio.Quote(s))
	}
	return n, nil
}

// timeLayouts are the layouts of creation_time, zoned first.
var timeLayouts = []struct {
	layout string
	zoned  bool
}{
	{time.RFC3339Nano, true},
	{"2006-01-02T15:04:05-0700", true},
	{"2006-01-02T15:04:05.999999999-0700", true},
	{"2006-01-02 15:04:05-07:00", true},
	{"2006-01-02 15:04:05-0700", true},
	{"2006-01-02T15:04:05.999999999", false},
	{"2006-01-02 15:04:05.999999999", false},
	{"2006-01-02T15:04", false},
	{"2006-01-02 15:04", false},
}

// maxUnix bounds the Unix times read, far beyond any plausible one.
const maxUnix = 1e15

// parseTime reads a creation time (see the package documentation).
func parseTime(s string) (time.Time, error) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(max(-maxUnix, min(n, maxUnix)), 0).UTC(), nil
	}
	return time.Time{}, fmt.Errorf("%w: %s", rawio.ErrBadTime, rawio.Quote(s))
}
