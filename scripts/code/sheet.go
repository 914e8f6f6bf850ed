package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Sheet kinds.
const (
	kindMessages = "messages"
	kindThreads  = "threads"
)

// NotAQuestion is the status of a thread whose start asks nothing; the
// other statuses a coder gives are those of package norms but
// too-recent.
const NotAQuestion = "not-a-question"

// codedStatuses are the statuses a coder may give a thread.
var codedStatuses = []string{"consensual", "non-consensual", "unanswered", NotAQuestion}

// None is the question type of a message that is not a question or is of
// no type, as a value of the question_type variable.
const None = "none"

var bom = []byte{0xEF, 0xBB, 0xBF}

// newSheetWriter writes a spreadsheet CSV: byte-order mark, ';', CRLF.
func newSheetWriter(w io.Writer) (*csv.Writer, error) {
	if _, err := w.Write(bom); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	return cw, nil
}

func writeSheetFile(path string, head []string, rows [][]string) error {
	var buf bytes.Buffer
	cw, err := newSheetWriter(&buf)
	if err != nil {
		return err
	}
	cw.Write(head)
	cw.WriteAll(rows)
	if err := cw.Error(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// messageHeader is the header of messages.csv for cb.
func messageHeader(cb *themes.Codebook) []string {
	h := []string{"unit", "community", "profession", "platform", "kind", "created", "parent_text", "text"}
	h = append(h, cb.CategoryIDs()...)
	return append(h, "question", "question_type", "note")
}

// threadHeader is the header of threads.csv for cb.
func threadHeader(cb *themes.Codebook) []string {
	h := []string{"unit", "community", "profession", "platform", "position", "author", "created", "text", "status", "question_type"}
	h = append(h, cb.SourceKinds()...)
	return append(h, "note")
}

// maxSheetBytes bounds a coded sheet read whole (a sample of a few
// hundred units is far smaller).
const maxSheetBytes = 256 << 20

// table is a CSV file read whole, header by name.
type table struct {
	path string
	head map[string]int
	rows [][]string
	line []int // line of each row
}

// readTable reads a CSV file with a byte-order mark or not, separated by
// ';' or ',' (whichever the header holds; ';' when both), in UTF-8.
func readTable(path string) (*table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSheetBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSheetBytes {
		return nil, &rawio.ParseError{File: path, Err: fmt.Errorf("larger than %d MiB: not a coding sheet", maxSheetBytes>>20)}
	}
	data = bytes.TrimPrefix(data, bom)
	first, _, _ := bytes.Cut(data, []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = ','
	if bytes.IndexByte(first, ';') >= 0 {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	t := &table{path: path, head: map[string]int{}}
	head, err := cr.Read()
	if err == io.EOF {
		return nil, &rawio.ParseError{File: path, Line: 1, Err: fmt.Errorf("%w: no header", rawio.ErrMissing)}
	}
	if err != nil {
		return nil, csvErr(path, err)
	}
	for i, h := range head {
		h = strings.TrimSpace(h)
		if h == "" {
			continue // a spreadsheet's empty trailing column
		}
		if _, dup := t.head[h]; dup {
			return nil, &rawio.ParseError{File: path, Line: 1, Column: i + 1, Field: h, Err: fmt.Errorf("%w: column given twice", rawio.ErrShape)}
		}
		t.head[h] = i
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			return nil, csvErr(path, err)
		}
		line, _ := cr.FieldPos(0)
		for i, v := range rec {
			if !utf8.ValidString(v) {
				return nil, &rawio.ParseError{File: path, Line: line, Field: headName(head, i), Err: errors.New("not UTF-8: save the sheet as CSV UTF-8")}
			}
		}
		blank := true
		for _, v := range rec {
			if strings.TrimSpace(v) != "" {
				blank = false
			}
		}
		if blank {
			continue // an empty line a spreadsheet left
		}
		t.rows = append(t.rows, rec)
		t.line = append(t.line, line)
	}
}

func headName(head []string, i int) string {
	if i < len(head) {
		return strings.TrimSpace(head[i])
	}
	return ""
}

func csvErr(path string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &rawio.ParseError{File: path, Line: pe.StartLine, Column: pe.Column, Err: fmt.Errorf("%w: %v", rawio.ErrShape, pe.Err)}
	}
	return &rawio.ParseError{File: path, Err: err}
}

func (t *table) require(cols ...string) error {
	for _, c := range cols {
		if _, ok := t.head[c]; !ok {
			return &rawio.ParseError{File: t.path, Line: 1, Field: c, Err: fmt.Errorf("%w: column missing", rawio.ErrMissing)}
		}
	}
	return nil
}

// get returns row r's cell of column c, trimmed ("" when the row is
// shorter).
func (t *table) get(r int, c string) string {
	i, ok := t.head[c]
	if !ok || i >= len(t.rows[r]) {
		return ""
	}
	return strings.TrimSpace(t.rows[r][i])
}

// raw returns the cell untrimmed (texts).
func (t *table) raw(r int, c string) string {
	i, ok := t.head[c]
	if !ok || i >= len(t.rows[r]) {
		return ""
	}
	return t.rows[r][i]
}

func (t *table) fail(r int, field string, format string, args ...any) error {
	return &rawio.ParseError{File: t.path, Line: t.line[r], Field: field, Err: fmt.Errorf(format, args...)}
}

// mark reads a code cell: 1 or x present, 0 absent, empty not filled.
func (t *table) mark(r int, c string) (set, present bool, err error) {
	switch v := t.get(r, c); strings.ToLower(v) {
	case "":
		return false, false, nil
	case "1", "x":
		return true, true, nil
	case "0":
		return true, false, nil
	default:
		return false, false, t.fail(r, c, "%q: want 1 (or x), 0 or empty", v)
	}
}

// sheet is one coder's copy of a sample sheet.
type sheet struct {
	path  string
	coder string // the file's base name, for reports
	kind  string
	units []*unit
	index map[string]int
}

// unit is a message (messages.csv) or a thread (threads.csv) of a sheet,
// with one coder's codes.
type unit struct {
	id, community, text string
	profession          corpus.Profession
	line                int
	coded               bool
	// messages
	themes   []string // in codebook order
	question bool
	qtype    string
	// threads: author is the thread start's author label in the sheet
	// ("A", the asker)
	status  string
	author  string
	answers []*answer
	// pairs: text is the earlier question's, text2 the later's
	text2 string
	same  bool
}

type answer struct {
	position int
	line     int
	text     string
	// author is the sheet's label of the answer's author: "A" the
	// asker (a follow-up of their own), R1, R2... the others; "" in a
	// sheet without an author column.
	author  string
	sources []string // in codebook order
}

// readSheet reads a coded copy of messages.csv, threads.csv or pairs.csv
// (which, by its header: threads.csv has "position", pairs.csv "same")
// and checks every code.
func readSheet(path string, cb *themes.Codebook) (*sheet, error) {
	t, err := readTable(path)
	if err != nil {
		return nil, err
	}
	s := &sheet{path: path, coder: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), index: map[string]int{}}
	if _, ok := t.head["same"]; ok {
		s.kind = kindPairs
		return s, s.readPairs(t)
	}
	if _, ok := t.head["position"]; ok {
		s.kind = kindThreads
		return s, s.readThreads(t, cb)
	}
	s.kind = kindMessages
	return s, s.readMessages(t, cb)
}

func (s *sheet) add(t *table, r int) (*unit, error) {
	u := &unit{id: t.get(r, "unit"), community: t.get(r, "community"), profession: corpus.Profession(t.get(r, "profession")), text: t.raw(r, "text"), line: t.line[r]}
	if u.id == "" {
		return nil, t.fail(r, "unit", "%w", rawio.ErrMissing)
	}
	if _, dup := s.index[u.id]; dup {
		return nil, t.fail(r, "unit", "unit %q given twice", u.id)
	}
	s.index[u.id] = len(s.units)
	s.units = append(s.units, u)
	return u, nil
}

func (s *sheet) readMessages(t *table, cb *themes.Codebook) error {
	cats := cb.CategoryIDs()
	if err := t.require(append(append([]string{"unit", "community", "profession", "text"}, cats...), "question", "question_type")...); err != nil {
		return err
	}
	for r := range t.rows {
		u, err := s.add(t, r)
		if err != nil {
			return err
		}
		for _, c := range cats {
			set, present, err := t.mark(r, c)
			if err != nil {
				return err
			}
			u.coded = u.coded || set
			if present {
				u.themes = append(u.themes, c)
			}
		}
		qset, q, err := t.mark(r, "question")
		if err != nil {
			return err
		}
		u.qtype = t.get(r, "question_type")
		u.coded = u.coded || qset || u.qtype != ""
		if !u.coded {
			continue
		}
		switch {
		case len(u.themes) == 0:
			return t.fail(r, "themes", "no theme marked in a coded row (mark %s when none applies)", themes.Other)
		case len(u.themes) > 1 && slices.Contains(u.themes, themes.Other):
			return t.fail(r, themes.Other, "%s marked with another theme", themes.Other)
		case !qset:
			return t.fail(r, "question", "empty in a coded row: want 1 or 0")
		}
		u.question = q
		if u.qtype != "" {
			if !q {
				return t.fail(r, "question_type", "a question type for a message that is not a question")
			}
			if !slices.Contains(cb.QuestionTypeIDs(u.profession), u.qtype) {
				return t.fail(r, "question_type", "%q is not a question type of %q (%s)", u.qtype, u.profession, strings.Join(cb.QuestionTypeIDs(u.profession), ", "))
			}
		}
	}
	return nil
}

func (s *sheet) readThreads(t *table, cb *themes.Codebook) error {
	kinds := cb.SourceKinds()
	if err := t.require(append([]string{"unit", "community", "profession", "position", "text", "status", "question_type"}, kinds...)...); err != nil {
		return err
	}
	// Rows by thread, position 0 first.
	type row struct{ r, pos int }
	byUnit := map[string][]row{}
	var order []string
	for r := range t.rows {
		id := t.get(r, "unit")
		if id == "" {
			return t.fail(r, "unit", "%w", rawio.ErrMissing)
		}
		pos, err := strconv.Atoi(t.get(r, "position"))
		if err != nil || pos < 0 {
			return t.fail(r, "position", "%w: want 0 for the question, 1, 2... for the answers", rawio.ErrBadNumber)
		}
		if _, ok := byUnit[id]; !ok {
			order = append(order, id)
		}
		byUnit[id] = append(byUnit[id], row{r, pos})
	}
	for _, id := range order {
		rows := byUnit[id]
		slices.SortStableFunc(rows, func(a, b row) int { return a.pos - b.pos })
		for i, x := range rows {
			if x.pos != i {
				return t.fail(x.r, "position", "thread %q: position %d where %d expected (0 for the question, then 1, 2...)", id, x.pos, i)
			}
		}
		start := rows[0].r
		u, err := s.add(t, start)
		if err != nil {
			return err
		}
		u.status = t.get(start, "status")
		u.author = t.get(start, "author")
		u.qtype = t.get(start, "question_type")
		u.coded = u.status != "" || u.qtype != ""
		for _, k := range kinds {
			if t.get(start, k) != "" {
				return t.fail(start, k, "sources are coded on the answers (position 1, 2...), not on the question")
			}
		}
		for _, x := range rows[1:] {
			if t.get(x.r, "status") != "" || t.get(x.r, "question_type") != "" {
				return t.fail(x.r, "status", "status and question_type are coded on the question (position 0)")
			}
			a := &answer{position: x.pos, line: t.line[x.r], text: t.raw(x.r, "text"), author: t.get(x.r, "author")}
			for _, k := range kinds {
				set, present, err := t.mark(x.r, k)
				if err != nil {
					return err
				}
				u.coded = u.coded || set
				if present {
					a.sources = append(a.sources, k)
				}
			}
			u.answers = append(u.answers, a)
		}
		if !u.coded {
			continue
		}
		switch {
		case u.status == "":
			return t.fail(start, "status", "empty in a coded thread: want one of %s", strings.Join(codedStatuses, ", "))
		case !slices.Contains(codedStatuses, u.status):
			return t.fail(start, "status", "%q: want one of %s", u.status, strings.Join(codedStatuses, ", "))
		}
		u.question = u.status != NotAQuestion
		if u.qtype != "" {
			if !u.question {
				return t.fail(start, "question_type", "a question type for a thread that is %s", NotAQuestion)
			}
			if !slices.Contains(cb.QuestionTypeIDs(u.profession), u.qtype) {
				return t.fail(start, "question_type", "%q is not a question type of %q (%s)", u.qtype, u.profession, strings.Join(cb.QuestionTypeIDs(u.profession), ", "))
			}
		}
	}
	return nil
}

// readSheets reads coded copies of one sheet and checks that they are
// copies of the same sample: same kind, same units, same answers.
func readSheets(paths []string, cb *themes.Codebook) ([]*sheet, error) {
	if len(paths) < 2 {
		return nil, errors.New("give at least two coded copies of the same sheet")
	}
	var out []*sheet
	names := map[string]bool{}
	for _, p := range paths {
		s, err := readSheet(p, cb)
		if err != nil {
			return nil, err
		}
		if names[s.coder] {
			s.coder = p
		}
		names[s.coder] = true
		out = append(out, s)
	}
	a := out[0]
	for _, b := range out[1:] {
		if b.kind != a.kind {
			return nil, fmt.Errorf("%s is a %s sheet, %s a %s sheet: give copies of the same sheet", a.path, a.kind, b.path, b.kind)
		}
		if len(b.units) != len(a.units) {
			return nil, fmt.Errorf("%s has %d units, %s %d: not copies of the same sample", a.path, len(a.units), b.path, len(b.units))
		}
		for _, u := range a.units {
			i, ok := b.index[u.id]
			if !ok {
				return nil, fmt.Errorf("%s:%d: unit %s is not in %s: not copies of the same sample", a.path, u.line, u.id, b.path)
			}
			if v := b.units[i]; len(v.answers) != len(u.answers) || v.community != u.community || v.profession != u.profession {
				return nil, fmt.Errorf("%s:%d: unit %s differs in %s (community, profession or answers): not copies of the same sample", b.path, v.line, u.id, a.path)
			}
		}
	}
	return out, nil
}
