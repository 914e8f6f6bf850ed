package facebook

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/load/internal/csvread"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// tsv reads a Netvizz tab-separated file: a header line, then one record
// per line, never quoted.
type tsv struct {
	f      *rawio.File
	lr     *csvread.Lines
	limits rawio.Limits
	header []string
	index  map[string]int
	fields []string
	ends   []int  // end of each field of the line being split
	runs   []int  // first and past-the-last column of each run of kept columns (see split)
	keep   []bool // columns the reader uses (see use); nil: all
}

func newTSV(f *rawio.File) (*tsv, error) {
	lr := csvread.NewLines(f) // rawio.LineReader's lines, not copied
	line, _, err := lr.Next()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file, no header line", f.Name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: header line: %w", f.Name, err)
	}
	t := &tsv{f: f, lr: lr, limits: f.Limits.WithDefaults(), header: headerNames(line, '\t'), index: map[string]int{}}
	for i, name := range t.header {
		if _, dup := t.index[name]; !dup {
			t.index[name] = i
		}
	}
	return t, nil
}

func (t *tsv) col(name string) int {
	if i, ok := t.index[name]; ok {
		return i
	}
	return -1
}

// use declares the only columns the reader reads (indices from col; -1
// is ignored): next then copies only their bytes out of each line and
// returns the other fields empty. A message's strings are windows on
// that copy, which the corpus keeps as long as the message, so that the
// columns nobody reads (a comment line repeats its post's text, a post
// line its picture URLs) are neither copied nor kept. Limits and the
// field count are still checked on every field of the line.
func (t *tsv) use(cols ...int) {
	t.fields = nil // split never writes the fields of columns not kept
	t.keep = make([]bool, len(t.header))
	for _, c := range cols {
		if c >= 0 && c < len(t.keep) {
			t.keep[c] = true
		}
	}
	t.runs = t.runs[:0]
	for c := 0; c < len(t.keep); c++ {
		if t.keep[c] && (c == 0 || !t.keep[c-1]) {
			t.runs = append(t.runs, c)
		}
		if t.keep[c] && (c == len(t.keep)-1 || !t.keep[c+1]) {
			t.runs = append(t.runs, c+1)
		}
	}
}

// next returns the fields of the next non-blank line, or io.EOF at the
// end. A line longer than the line-bytes limit, a field longer than the
// field-bytes limit or a line with another field count than the header
// comes back as a ParseError, and reading goes on with the next line.
// The slice is valid until the next call; the strings stay valid.
func (t *tsv) next() (fields []string, line int, perr *rawio.ParseError, err error) {
	for {
		b, n, err := t.lr.Next()
		if err == io.EOF {
			return nil, n, nil, io.EOF
		}
		if err != nil && rawio.IsRecordError(err) {
			return nil, n, &rawio.ParseError{File: t.f.Name, Line: n, Err: err}, nil
		}
		if err != nil {
			return nil, n, nil, fmt.Errorf("%s:%d: %w", t.f.Name, n+1, err)
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		t.ends = tabs(t.ends[:0], b)
		if max := t.limits.FieldBytes; len(b) > max {
			start := 0
			for i, end := range t.ends {
				if end-start > max {
					return nil, n, &rawio.ParseError{File: t.f.Name, Line: n, Field: t.name(i), Err: rawio.NewLimitError(t.limits, "field-bytes")}, nil
				}
				start = end + 1
			}
		}
		if nf := len(t.ends); nf != len(t.header) {
			ok := nf > len(t.header)
			for i := len(t.header); ok && i < nf; i++ {
				if len(bytes.TrimSpace(b[t.ends[i-1]+1:t.ends[i]])) != 0 {
					ok = false
				}
			}
			if !ok {
				return nil, n, &rawio.ParseError{File: t.f.Name, Line: n, Err: fmt.Errorf("%w: %d fields, the header has %d", rawio.ErrShape, nf, len(t.header))}, nil
			}
		}
		t.split(b)
		return t.fields, n, nil, nil
	}
}

// split sets t.fields to the fields of line b (ends in t.ends, at least
// one per header column): windows on one string holding the kept
// columns' bytes, the others empty. Kept columns that follow each other
// (t.runs) are copied as one run, with the tabs between them. The fields
// of columns not kept are never written, so they stay empty (columns
// past the header's are never kept).
func (t *tsv) split(b []byte) {
	if t.keep == nil {
		t.fields = t.fields[:0]
		s := string(b)
		start := 0
		for _, end := range t.ends {
			t.fields = append(t.fields, s[start:end])
			start = end + 1
		}
		return
	}
	size := 0
	for r := 0; r < len(t.runs); r += 2 {
		size += t.ends[t.runs[r+1]-1] - t.colStart(t.runs[r])
	}
	var sb strings.Builder
	sb.Grow(size)
	for r := 0; r < len(t.runs); r += 2 {
		sb.Write(b[t.colStart(t.runs[r]):t.ends[t.runs[r+1]-1]])
	}
	s := sb.String()
	if n := len(t.ends); cap(t.fields) < n {
		t.fields = make([]string, n)
	} else {
		t.fields = t.fields[:n]
	}
	// Column c of a run starting at from in b and at base in s is
	// s[base+start(c)-from : base+end(c)-from].
	base := 0
	for r := 0; r < len(t.runs); r += 2 {
		first, last := t.runs[r], t.runs[r+1]
		from := t.colStart(first)
		for c := first; c < last; c++ {
			t.fields[c] = s[base+t.colStart(c)-from : base+t.ends[c]-from]
		}
		base += t.ends[last-1] - from
	}
}

// colStart returns where column c starts in the line being split.
func (t *tsv) colStart(c int) int {
	if c == 0 {
		return 0
	}
	return t.ends[c-1] + 1
}

// tabs appends to ends the end of each tab-separated field of b: the
// index of each tab, then len(b).
func tabs(ends []int, b []byte) []int { return csvread.SeparatorEnds(ends, b, '\t') }

// name returns the header name of column i, or "".
func (t *tsv) name(i int) string {
	if i < len(t.header) {
		return t.header[i]
	}
	return ""
}

// field returns field i, or "" when i is -1.
func field(fields []string, i int) string {
	if i < 0 || i >= len(fields) {
		return ""
	}
	return fields[i]
}

// netvizzPerson reads an author as Netvizz writes it (see the package
// documentation).
func netvizzPerson(by string) rawio.Person {
	by = strings.TrimSpace(by)
	switch {
	case by == "", strings.HasPrefix(by, "post_user_"):
		return rawio.Person{}
	case strings.HasPrefix(by, "post_page_"):
		return rawio.Person{ID: strings.TrimPrefix(by, "post_page_")}
	case isHex(by):
		return rawio.Person{ID: by}
	default:
		return rawio.Person{Name: by}
	}
}

// groupOfPostID returns the page or group id of a Graph API post id
// <owner>_<post>, or "".
func groupOfPostID(id string) string {
	i := strings.IndexByte(id, '_')
	if i <= 0 {
		return ""
	}
	for _, c := range []byte(id[:i]) {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return id[:i]
}

// firstCol returns the first of names that is a column, or -1.
func (t *tsv) firstCol(names ...string) int {
	for _, n := range names {
		if i := t.col(n); i >= 0 {
			return i
		}
	}
	return -1
}

func readNetvizzPosts(f *rawio.File, sink rawio.Sink) error {
	t, err := newTSV(f)
	if err != nil {
		return err
	}
	var (
		cPostID    = t.col("post_id")
		cBy        = t.col("by")
		cMessage   = t.col("post_message")
		cLink      = t.col("link")
		cPublished = t.col("post_published")
		cUnix      = t.col("post_published_unix")
		cSQL       = t.col("post_published_sql")
		cShares    = t.firstCol("shares_count_fb", "shares")
	)
	// Reactions are read from the first of these columns a row fills.
	var reactionCols []int
	for _, n := range []string{"reactions_count_fb", "likes_count_fb", "likes"} {
		if i := t.col(n); i >= 0 {
			reactionCols = append(reactionCols, i)
		}
	}
	if cPostID < 0 || (cPublished < 0 && cUnix < 0 && cSQL < 0) {
		return fmt.Errorf("%s: %w: no post_id or post_published column", f.Name, rawio.ErrShape)
	}
	t.use(append([]int{cPostID, cBy, cMessage, cLink, cPublished, cUnix, cSQL, cShares}, reactionCols...)...)
	tc := newTimeCheck()
	for {
		fields, line, perr, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if perr != nil {
			sink.Reject(perr)
			continue
		}
		id := strings.TrimSpace(field(fields, cPostID))
		if id == "" {
			reject(sink, f, line, "post_id", rawio.ErrMissing)
			continue
		}
		m := &rawio.RawMessage{
			Platform: corpus.Facebook, ID: id, Kind: corpus.Post, ThreadID: id, Line: line,
			Group: groupOfPostID(id), Author: netvizzPerson(field(fields, cBy)), Text: field(fields, cMessage),
		}
		var fieldName string
		switch {
		case strings.TrimSpace(field(fields, cPublished)) != "":
			fieldName = "post_published"
			m.Created, err = parseAPITime(field(fields, cPublished))
		case strings.TrimSpace(field(fields, cUnix)) != "":
			fieldName = "post_published_unix"
			m.Created, err = parseUnix(field(fields, cUnix))
		case strings.TrimSpace(field(fields, cSQL)) != "":
			fieldName = "post_published_sql"
			m.Created, err = parseSQLTime(field(fields, cSQL))
		default:
			fieldName, err = "post_published", rawio.ErrMissing
		}
		if err == nil {
			err = tc.check(corpus.Facebook, m.Created)
		}
		if err != nil {
			reject(sink, f, line, fieldName, err)
			continue
		}
		m.IDField, m.CreatedField = "post_id", fieldName
		bad := false
		for _, c := range reactionCols {
			if v := strings.TrimSpace(fields[c]); v != "" {
				if m.Reactions, err = count(v); err != nil {
					reject(sink, f, line, t.header[c], err)
					bad = true
				}
				break
			}
		}
		if bad {
			continue
		}
		if m.Shares, err = count(field(fields, cShares)); err != nil {
			reject(sink, f, line, t.header[cShares], err)
			continue
		}
		if l := strings.TrimSpace(field(fields, cLink)); l != "" {
			m.Links = []string{l}
		}
		sink.Message(m)
	}
}

// parseSQLTime reads 2016-08-31 19:02:51 as UTC.
func parseSQLTime(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02 15:04:05", strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, badTime(s)
	}
	return t, nil
}

// positionKey returns the comment part of a Netvizz position: "3" for
// "3_0", "3_1" or "3".
func positionKey(pos string) string {
	pos = strings.TrimSpace(pos)
	if i := strings.IndexByte(pos, '_'); i >= 0 {
		return pos[:i]
	}
	return pos
}

func readNetvizzComments(f *rawio.File, sink rawio.Sink) error {
	t, err := newTSV(f)
	if err != nil {
		return err
	}
	var (
		cPosition  = t.col("position")
		cPostID    = t.col("post_id")
		cID        = t.col("comment_id")
		cBy        = t.col("comment_by")
		cIsReply   = t.col("is_reply")
		cMessage   = t.col("comment_message")
		cPublished = t.col("comment_published")
		cLikes     = t.col("comment_like_count")
	)
	if cPostID < 0 || cID < 0 || cPublished < 0 {
		return fmt.Errorf("%s: %w: no post_id, comment_id or comment_published column", f.Name, rawio.ErrShape)
	}
	t.use(cPosition, cPostID, cID, cBy, cIsReply, cMessage, cPublished, cLikes)
	type pending struct {
		m   *rawio.RawMessage
		key string
	}
	var (
		post     string
		comments = map[string]string{} // position key -> comment id, for the current post
		waiting  []pending             // replies of the current post whose comment has not come yet
	)
	flush := func() {
		for _, p := range waiting {
			reject(sink, f, p.m.Line, "position", errNoParent)
		}
		waiting = waiting[:0]
		if len(comments) > 256 {
			// clear costs the map's size, which stays that of the
			// post with the most comments: a large map is dropped.
			comments = map[string]string{}
		} else {
			clear(comments)
		}
	}
	defer flush()
	tc := newTimeCheck()
	for {
		fields, line, perr, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if perr != nil {
			sink.Reject(perr)
			continue
		}
		postID := strings.TrimSpace(field(fields, cPostID))
		if postID == "" {
			reject(sink, f, line, "post_id", rawio.ErrMissing)
			continue
		}
		if postID != post {
			flush()
			post = postID
		}
		id := strings.TrimSpace(field(fields, cID))
		if id == "" {
			reject(sink, f, line, "comment_id", rawio.ErrMissing)
			continue
		}
		var isReply bool
		switch strings.ToLower(strings.TrimSpace(field(fields, cIsReply))) {
		case "1", "true", "yes":
			isReply = true
		case "0", "false", "no", "":
		default:
			reject(sink, f, line, "is_reply", fmt.Errorf("%w: not 0 or 1", rawio.ErrShape))
			continue
		}
		key := positionKey(field(fields, cPosition))
		if !isReply && key != "" {
			// Replies answer this comment even if it is rejected below.
			comments[key] = id
			kept := waiting[:0]
			for _, p := range waiting {
				if p.key == key {
					p.m.ParentID = id
					sink.Message(p.m)
				} else {
					kept = append(kept, p)
				}
			}
			waiting = kept
		}
		stamp := field(fields, cPublished)
		if strings.TrimSpace(stamp) == "" {
			reject(sink, f, line, "comment_published", rawio.ErrMissing)
			continue
		}
		created, err := parseAPITime(stamp)
		if err == nil {
			err = tc.check(corpus.Facebook, created)
		}
		if err != nil {
			reject(sink, f, line, "comment_published", err)
			continue
		}
		likes, err := count(field(fields, cLikes))
		if err != nil {
			reject(sink, f, line, "comment_like_count", err)
			continue
		}
		m := &rawio.RawMessage{
			Platform: corpus.Facebook, ID: id, Kind: corpus.Comment, ParentID: postID, ThreadID: postID,
			Group: groupOfPostID(postID), Author: netvizzPerson(field(fields, cBy)),
			Text: field(fields, cMessage), Created: created, Reactions: likes, Line: line,
			IDField: "comment_id", CreatedField: "comment_published",
		}
		if !isReply {
			sink.Message(m)
			continue
		}
		m.Kind = corpus.Reply
		if key == "" {
			reject(sink, f, line, "position", fmt.Errorf("%w: a reply without position", errNoParent))
			continue
		}
		if parent, ok := comments[key]; ok {
			m.ParentID = parent
			sink.Message(m)
			continue
		}
		waiting = append(waiting, pending{m, key})
	}
}
