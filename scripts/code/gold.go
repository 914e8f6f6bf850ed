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

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/reliability"
)

func runGold(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gold", stderr)
	cbPath := fs.String("codebook", defaultCodebook(), "codebook `FILE`")
	adjPath := fs.String("adjudicated", "", "the disagreements `FILE` with its adjudicated column filled (required)")
	sampleDir := fs.String("sample", "", "the `DIR` scripts/code sample wrote, for strata.csv and weights.csv (default: the first file's folder)")
	out := fs.String("out", "", "gold `FILE` to write (required)")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *adjPath == "" || *out == "" {
		return errors.New("--adjudicated and --out are required")
	}
	cb, err := themes.LoadCodebook(*cbPath)
	if err != nil {
		return err
	}
	sheets, err := readSheets(paths, cb)
	if err != nil {
		return err
	}
	if *sampleDir == "" {
		*sampleDir = filepath.Dir(paths[0])
	}
	strata, err := readStrata(*sampleDir, sheets[0].kind)
	if err != nil {
		return err
	}
	changed, err := keepSampleTexts(sheets[0], filepath.Join(*sampleDir, sheets[0].kind+".csv"), cb)
	if err != nil {
		return err
	}
	if changed > 0 {
		fmt.Fprintf(stderr, "code gold: %d texts of %s differ from the sample's (a spreadsheet changed them, e.g. \"+1\" read as a number): the sample's are kept\n", changed, paths[0])
	}
	adj, err := readAdjudication(*adjPath)
	if err != nil {
		return err
	}
	g, err := merge(sheets, cb, adj, strata)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if sheets[0].kind == kindPairs {
		if err := norms.WritePairGold(&buf, g.pairs); err != nil {
			return err
		}
	} else if sheets[0].kind == kindThreads {
		cw := csv.NewWriter(&buf)
		cw.Write(threadGoldHeader(cb))
		cw.WriteAll(g.threads)
		if err := cw.Error(); err != nil {
			return err
		}
	} else if err := themes.WriteSample(&buf, g.coded, true); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	n := len(g.coded)
	switch sheets[0].kind {
	case kindThreads:
		n = len(g.threads)
	case kindPairs:
		n = len(g.pairs)
	}
	fmt.Fprintf(stderr, "code gold: %d %s rows: %d codes adjudicated, %d units coded by one coder only (kept as coded), %d coded by nobody (left out)\n", n, sheets[0].kind, g.adjudicated, g.single, g.uncoded)
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}

// keepSampleTexts gives the units of s the texts of the sheet the sample
// wrote (a spreadsheet may have changed a coder's copy: "+1" read as the
// number 1, "=)" as a formula), and returns how many differed.
func keepSampleTexts(s *sheet, path string, cb *themes.Codebook) (int, error) {
	orig, err := readSheet(path, cb)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return 0, fmt.Errorf("%s: no such file: give --sample DIR, the folder scripts/code sample wrote", path)
		}
		return 0, err
	}
	changed := 0
	for _, u := range s.units {
		i, ok := orig.index[u.id]
		if !ok || len(orig.units[i].answers) != len(u.answers) {
			return 0, fmt.Errorf("%s: unit %s is not in the sample's %s: is it the folder this sheet was drawn in?", s.path, u.id, path)
		}
		o := orig.units[i]
		if u.text != o.text || u.text2 != o.text2 {
			changed++
			u.text, u.text2 = o.text, o.text2
		}
		u.author = o.author // the sample's labels, not a coder's copy's
		for j, a := range u.answers {
			if a.text != o.answers[j].text {
				changed++
				a.text = o.answers[j].text
			}
			a.author = o.answers[j].author
		}
	}
	return changed, nil
}

// unitStratum is what strata.csv and weights.csv say of a unit.
type unitStratum struct {
	community, messageID, stratum string
	weight                        float64
	// pairs: the later question's id, the pair's similarity and its
	// stratum's population
	laterID    string
	similarity float64
	population int
}

func readStrata(dir, kind string) (map[string]unitStratum, error) {
	sp, wp := filepath.Join(dir, "strata.csv"), filepath.Join(dir, "weights.csv")
	if kind == kindPairs {
		sp, wp = filepath.Join(dir, pairStrataFile), filepath.Join(dir, pairWeightsFile)
	}
	st, err := readTable(sp)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file: give --sample DIR, the folder scripts/code sample wrote", sp)
		}
		return nil, err
	}
	wt, err := readTable(wp)
	if err != nil {
		return nil, err
	}
	if err := st.require("sample", "unit", "community", "message_id", "stratum"); err != nil {
		return nil, err
	}
	if err := wt.require("sample", "stratum", "weight"); err != nil {
		return nil, err
	}
	weights := map[string]float64{}
	populations := map[string]int{}
	for r := range wt.rows {
		if wt.get(r, "sample") != kind || wt.get(r, "weight") == "" && wt.get(r, "sampled") == "0" {
			continue
		}
		w, err := strconv.ParseFloat(wt.get(r, "weight"), 64)
		if err != nil || !(w > 0) {
			return nil, wt.fail(r, "weight", "%w: want a positive number", rawio.ErrBadNumber)
		}
		weights[wt.get(r, "stratum")] = w
		if kind == kindPairs {
			n, err := strconv.Atoi(wt.get(r, "population"))
			if err != nil || n < 1 {
				return nil, wt.fail(r, "population", "%w: want a positive integer", rawio.ErrBadNumber)
			}
			populations[wt.get(r, "stratum")] = n
		}
	}
	out := map[string]unitStratum{}
	for r := range st.rows {
		if st.get(r, "sample") != kind {
			continue
		}
		s := unitStratum{community: st.get(r, "community"), messageID: st.get(r, "message_id"), stratum: st.get(r, "stratum")}
		w, ok := weights[s.stratum]
		if !ok {
			return nil, st.fail(r, "stratum", "stratum %q not in %s", s.stratum, wp)
		}
		s.weight = w
		if kind == kindPairs {
			s.laterID, s.population = st.get(r, "later_id"), populations[s.stratum]
			if s.similarity, err = strconv.ParseFloat(st.get(r, "similarity"), 64); err != nil {
				return nil, st.fail(r, "similarity", "%w", rawio.ErrBadNumber)
			}
		}
		out[st.get(r, "unit")] = s
	}
	return out, nil
}

type adjudicated struct {
	value string
	line  int
}

type adjKey struct{ unit, variable string }

// adjudication is a disagreements file with its adjudicated column.
type adjudication struct {
	path  string
	codes map[adjKey]adjudicated
}

func readAdjudication(path string) (*adjudication, error) {
	t, err := readTable(path)
	if err != nil {
		return nil, err
	}
	if err := t.require("unit", "variable", "adjudicated"); err != nil {
		return nil, err
	}
	out := &adjudication{path: path, codes: map[adjKey]adjudicated{}}
	for r := range t.rows {
		k := adjKey{t.get(r, "unit"), t.get(r, "variable")}
		if _, dup := out.codes[k]; dup {
			return nil, t.fail(r, "variable", "unit %q, %q adjudicated twice", k.unit, k.variable)
		}
		v := t.get(r, "adjudicated")
		if strings.EqualFold(v, "x") {
			v = "1"
		}
		out.codes[k] = adjudicated{value: v, line: t.line[r]}
	}
	return out, nil
}

type gold struct {
	coded                        []themes.Coded
	threads                      [][]string // thread gold rows, threadGoldHeader
	pairs                        []norms.CodedPair
	adjudicated, single, uncoded int
}

// merger resolves each unit's code of each variable: the coders' code
// when they agree, else the adjudicated one.
type merger struct {
	adj     *adjudication
	vars    map[string]*variable
	index   map[string]map[string]int // variable -> unit id -> row
	used    map[adjKey]bool
	missing []string
	errs    []error
	count   int // codes adjudicated
}

func newMerger(vars []variable, adj *adjudication) *merger {
	m := &merger{adj: adj, vars: map[string]*variable{}, index: map[string]map[string]int{}, used: map[adjKey]bool{}}
	for i := range vars {
		v := &vars[i]
		if v.pooled {
			continue
		}
		m.vars[v.name] = v
		m.index[v.name] = make(map[string]int, len(v.ids))
		for j, id := range v.ids {
			m.index[v.name][id] = j
		}
	}
	return m
}

func (m *merger) bad(k adjKey, format string, args ...any) {
	m.errs = append(m.errs, &rawio.ParseError{File: m.adj.path, Line: m.adj.codes[k].line, Field: "adjudicated", Err: fmt.Errorf(format, args...)})
}

// value returns the merged code of unit id for the variable, false when
// it is a disagreement left without adjudication (recorded).
func (m *merger) value(name, id string) (string, bool) {
	codes := m.vars[name].units[m.index[name][id]]
	k := adjKey{id, name}
	a, has := m.adj.codes[k]
	if has {
		m.used[k] = true
	}
	if !differ(codes) {
		agreed := ""
		for _, c := range codes {
			if c != reliability.Missing {
				agreed = c
			}
		}
		if has && a.value != "" && a.value != agreed {
			m.bad(k, "unit %s, %s: the coders agree on %q, adjudicated %q", id, name, agreed, a.value)
		}
		return agreed, true
	}
	if !has || a.value == "" {
		m.missing = append(m.missing, fmt.Sprintf("%s %s (%s)", id, name, strings.Join(codes, " / ")))
		return "", false
	}
	m.count++
	return a.value, true
}

// bit reads a merged present/absent code.
func (m *merger) bit(name, id string) (present, ok bool) {
	v, ok := m.value(name, id)
	switch v {
	case "1":
		return true, ok
	case "0", "":
		return false, ok
	}
	m.bad(adjKey{id, name}, "%q: want 1 or 0", v)
	return false, false
}

// finish returns every error met, the disagreements left without
// adjudication first, then the adjudications naming no unit and variable
// of the sheets.
func (m *merger) finish() error {
	var unknown []adjKey
	for k := range m.adj.codes {
		_, known := m.index[k.variable][k.unit]
		if !m.used[k] && !known {
			unknown = append(unknown, k)
		}
	}
	slices.SortFunc(unknown, func(a, b adjKey) int { return m.adj.codes[a].line - m.adj.codes[b].line })
	for _, k := range unknown {
		m.bad(k, "unit %q, %q: no such unit and variable in the sheets", k.unit, k.variable)
	}
	var errs []error
	if n := len(m.missing); n > 0 {
		const show = 20
		more, list := "", m.missing
		if n > show {
			more = fmt.Sprintf(" and %d more", n-show)
			list = list[:show]
		}
		errs = append(errs, fmt.Errorf("%d disagreements not adjudicated in %s: %s%s", n, m.adj.path, strings.Join(list, "; "), more))
	}
	return errors.Join(append(errs, m.errs...)...)
}

// coders counts the sheets that coded unit id.
func coders(sheets []*sheet, id string) int {
	n := 0
	for _, s := range sheets {
		if s.units[s.index[id]].coded {
			n++
		}
	}
	return n
}

// merge builds the gold codes (see the command's doc).
func merge(sheets []*sheet, cb *themes.Codebook, adjFile *adjudication, strata map[string]unitStratum) (gold, error) {
	m := newMerger(variables(sheets, cb), adjFile)
	var g gold
	var errs []error
	first := sheets[0]
	for _, u := range first.units {
		switch coders(sheets, u.id) {
		case 0:
			g.uncoded++
			continue
		case 1:
			g.single++
		}
		if u.profession != corpus.GP && u.profession != corpus.HomeCareAide {
			errs = append(errs, fmt.Errorf("%s:%d: unit %s: profession %q: a gold file holds %s or %s messages", first.path, u.line, u.id, u.profession, corpus.HomeCareAide, corpus.GP))
			continue
		}
		st, found := strata[u.id]
		if !found {
			errs = append(errs, fmt.Errorf("unit %s is not in the sample's strata.csv: is it the folder this sheet was drawn in?", u.id))
		}
		if first.kind == kindPairs {
			if same, ok := m.bit("same", u.id); ok && found {
				g.pairs = append(g.pairs, norms.CodedPair{Unit: u.id, Community: st.community, Profession: u.profession, EarlierID: st.messageID, LaterID: st.laterID,
					Stratum: st.stratum, Kind: norms.PairKind(st.stratum[strings.LastIndexByte(st.stratum, '/')+1:]), Population: st.population, Weight: st.weight,
					Similarity: st.similarity, Same: same, Text1: u.text, Text2: u.text2})
			}
			continue
		}
		if first.kind == kindThreads {
			rows, err := m.thread(u, cb, st)
			if err != nil {
				errs = append(errs, err)
			}
			g.threads = append(g.threads, rows...)
			continue
		}
		c := themes.Coded{ID: u.id, Profession: u.profession, Text: u.text}
		ok := true
		for _, cat := range cb.CategoryIDs() {
			has, got := m.bit("theme:"+cat, u.id)
			ok = ok && got
			if has {
				c.Themes = append(c.Themes, cat)
			}
		}
		q, got := m.bit("question", u.id)
		ok = ok && got
		c.Question = q
		qt, got := m.value("question_type", u.id)
		ok = ok && got
		if qt != None && qt != "" {
			if !slices.Contains(cb.QuestionTypeIDs(u.profession), qt) {
				m.bad(adjKey{u.id, "question_type"}, "%q is not a question type of %q", qt, u.profession)
			}
			c.QuestionType = qt
		}
		if !ok {
			continue
		}
		switch {
		case len(c.Themes) == 0:
			errs = append(errs, fmt.Errorf("unit %s: no theme once merged (adjudicate %s when none applies)", u.id, themes.Other))
		case len(c.Themes) > 1 && slices.Contains(c.Themes, themes.Other):
			errs = append(errs, fmt.Errorf("unit %s: %s with another theme once merged", u.id, themes.Other))
		case !c.Question && c.QuestionType != "":
			errs = append(errs, fmt.Errorf("unit %s: question type %s for a message that is not a question once merged", u.id, c.QuestionType))
		}
		c.Community, c.MessageID, c.Stratum, c.Weight = st.community, st.messageID, st.stratum, st.weight
		g.coded = append(g.coded, c)
	}
	g.adjudicated = m.count
	if err := m.finish(); err != nil {
		errs = append([]error{err}, errs...)
	}
	if len(errs) > 0 {
		return gold{}, errors.Join(errs...)
	}
	return g, nil
}

// threadGoldHeader is the header of a thread gold file: author is the
// sample sheet's label of each line's author (A the asker, R1, R2... the
// others), so that a reader can tell an answer by another from the
// asker's own follow-up.
func threadGoldHeader(cb *themes.Codebook) []string {
	h := []string{"unit", "position", "community", "profession", "message_id", "stratum", "weight", "author", "text", "status", "question_type"}
	return append(h, cb.SourceKinds()...)
}

// thread merges a coded thread into its gold rows: the question, then its
// answers with the source kinds they cite.
func (m *merger) thread(u *unit, cb *themes.Codebook, st unitStratum) ([][]string, error) {
	status, ok1 := m.value("status", u.id)
	qt, ok2 := m.value("question_type", u.id)
	if !ok1 || !ok2 {
		return nil, nil
	}
	if !slices.Contains(codedStatuses, status) {
		m.bad(adjKey{u.id, "status"}, "%q: want one of %s", status, strings.Join(codedStatuses, ", "))
		return nil, nil
	}
	if qt == None {
		qt = ""
	}
	if qt != "" {
		if status == NotAQuestion {
			return nil, fmt.Errorf("unit %s: question type %s for a thread that is %s once merged", u.id, qt, NotAQuestion)
		}
		if !slices.Contains(cb.QuestionTypeIDs(u.profession), qt) {
			m.bad(adjKey{u.id, "question_type"}, "%q is not a question type of %q", qt, u.profession)
		}
	}
	w := strconv.FormatFloat(st.weight, 'g', -1, 64)
	head := []string{u.id, "0", u.community, string(u.profession), st.messageID, st.stratum, w, u.author, u.text, status, qt}
	head = append(head, make([]string, len(cb.SourceKinds()))...)
	rows := [][]string{head}
	for _, a := range u.answers {
		id := u.id + "#" + strconv.Itoa(a.position)
		row := []string{u.id, strconv.Itoa(a.position), u.community, string(u.profession), st.messageID, st.stratum, w, a.author, a.text, "", ""}
		for _, k := range cb.SourceKinds() {
			has, _ := m.bit("source:"+k, id)
			row = append(row, bit(has))
		}
		rows = append(rows, row)
	}
	return rows, nil
}
