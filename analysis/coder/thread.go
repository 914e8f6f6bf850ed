package coder

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/repo"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Thread statuses, as the coding manual defines them and the thread gold
// file (`scripts/code gold`) writes them.
const (
	StatusConsensual    = "consensual"
	StatusNonConsensual = "non-consensual"
	StatusUnanswered    = "unanswered"
	StatusNotAQuestion  = "not-a-question"
)

// ThreadStatuses are the statuses a thread coder gives, in this order
// everywhere (confusions, shares).
var ThreadStatuses = []string{StatusConsensual, StatusNonConsensual, StatusUnanswered, StatusNotAQuestion}

// QuestionStatuses are the statuses of a thread opened by a question:
// ThreadStatuses without StatusNotAQuestion.
var QuestionStatuses = ThreadStatuses[:3]

// statusIndex returns the position of s in ThreadStatuses, −1 if none.
func statusIndex(s string) int { return slices.Index(ThreadStatuses, s) }

// ThreadAnswer is a message of a thread after its start, in thread
// order.
type ThreadAnswer struct {
	Text string
	// Author is the pseudonymised author in a study's thread; in a gold
	// thread, the sample sheet's label (AskerLabel the asker, R1, R2...
	// the others: the gold file's author column); "" when unknown (a
	// gold file written before that column).
	Author string
	// Sources are the source kinds the gold codes give the answer, in
	// codebook order (nil in an uncoded thread).
	Sources []string
}

// Thread is a thread to code or a gold thread: its start (a question or
// not) and the messages after it in order.
type Thread struct {
	// Unit is the gold unit id ("T001"); File the gold file it was read
	// from (several gold files may reuse a unit id).
	Unit, File string
	Community  string
	Profession corpus.Profession
	// Stratum and Weight are the sampling stratum and weight of a gold
	// thread (`scripts/code sample`); Weight is 0 when unknown.
	Stratum string
	Weight  float64
	Text    string // the thread start
	// Asker is its author (in a gold thread, AskerLabel), "" when
	// unknown.
	Asker   string
	Answers []ThreadAnswer
	// Status and QuestionType are the gold codes ("" in an uncoded
	// thread; QuestionType "" also for a question of no type).
	Status, QuestionType string
	// Keyword is the keyword rule's status of the thread (package norms'
	// consensus rule, ThreadStatuses' values): a feature of the trained
	// coder and the baseline it is scored beside. ReadGoldThreads takes
	// it from the stratum ("community/status": the rule's verdict when
	// the thread was sampled, with the answers' authors); a caller may
	// fill it in otherwise (norms.KeywordStatus).
	Keyword string
}

// AskerLabel is the author label of the asker in the coders' sheets and
// thread gold files (`scripts/code sample`): an answer by AskerLabel is
// the asker's own follow-up, R1, R2... are the other people.
const AskerLabel = "A"

// ByOther reports whether answer a of t is by another author than the
// asker: true when either author is unknown (a gold file without the
// author column: every line after the start counts as an answer).
func (t Thread) ByOther(a ThreadAnswer) bool {
	return a.Author == "" || t.Asker == "" || a.Author != t.Asker
}

// ErrGoldThreads is the reason of every problem in a thread gold file.
var ErrGoldThreads = errors.New("coder: unusable thread gold")

// goldThreadRequired are the columns a thread gold file must have (any
// order); the source kinds' columns are read when present.
var goldThreadRequired = []string{"unit", "position", "community", "profession", "text", "status", "question_type"}

// ReadGoldThreads reads a thread gold file written by `scripts/code
// gold` (data/codebook/coding/gold-threads.csv): a CSV file (UTF-8, an
// optional byte-order mark) with a header holding at least unit,
// position, community, profession, text, status and question_type, and
// optionally stratum, weight, message_id, author (the sheet's label of
// each line's author, AskerLabel the asker: Thread.Asker and
// ThreadAnswer.Author; a file without it, written before the column,
// leaves them empty and every line after the start counts as an answer
// by another, Thread.ByOther) and one 0/1 column per source kind of cb;
// one row per message of a thread, the thread start
// (position 0, with the status and question type) first, then its
// answers in increasing position (with their source columns). A
// status must be one of ThreadStatuses; a question type one of cb's or
// empty; a source cell 0, 1 or empty. A bad record stops the reading with
// a *rawio.ParseError naming the file, the record's line and the field;
// the reasons quote no cell's text.
func ReadGoldThreads(r io.Reader, name string, cb *themes.Codebook) ([]Thread, error) {
	if cb == nil {
		return nil, fmt.Errorf("%w: no codebook", ErrGoldThreads)
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			err = fmt.Errorf("%w: empty file", ErrGoldThreads)
		}
		return nil, &rawio.ParseError{File: name, Line: 1, Err: err}
	}
	col := map[string]int{}
	for i, h := range head {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := col[h]; dup {
			return nil, &rawio.ParseError{File: name, Line: 1, Field: h, Err: fmt.Errorf("%w: column twice in the header", ErrGoldThreads)}
		}
		col[h] = i
	}
	for _, h := range goldThreadRequired {
		if _, ok := col[h]; !ok {
			return nil, &rawio.ParseError{File: name, Line: 1, Field: h, Err: fmt.Errorf("%w: no such column in the header", ErrGoldThreads)}
		}
	}
	var kinds []string
	for _, k := range cb.SourceKinds() {
		if _, ok := col[k]; ok {
			kinds = append(kinds, k)
		}
	}
	types := cb.QuestionTypeIDs("")
	var out []Thread
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var ce *csv.ParseError
			if errors.As(err, &ce) {
				line = ce.StartLine
			}
			return nil, &rawio.ParseError{File: name, Line: line, Err: err}
		}
		line, _ := cr.FieldPos(0)
		get := func(h string) string {
			if i, ok := col[h]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		bad := func(field, format string, a ...any) error {
			return &rawio.ParseError{File: name, Line: line, Field: field, Err: fmt.Errorf("%w: "+format, append([]any{ErrGoldThreads}, a...)...)}
		}
		unit := strings.TrimSpace(get("unit"))
		if unit == "" {
			return nil, bad("unit", "empty")
		}
		pos, err := strconv.Atoi(strings.TrimSpace(get("position")))
		if err != nil || pos < 0 {
			return nil, bad("position", "%s is not a position (0, 1, 2…)", rawio.Quote(get("position")))
		}
		if pos == 0 {
			for _, t := range out {
				if t.Unit == unit {
					return nil, bad("unit", "thread %s started twice", rawio.Quote(unit))
				}
			}
			st := strings.TrimSpace(get("status"))
			if statusIndex(st) < 0 {
				return nil, bad("status", "%s: want one of %s", rawio.Quote(st), strings.Join(ThreadStatuses, ", "))
			}
			qt := strings.TrimSpace(get("question_type"))
			if qt != "" && !slices.Contains(types, qt) {
				return nil, bad("question_type", "%s is not a question type of the codebook", rawio.Quote(qt))
			}
			if qt != "" && st == StatusNotAQuestion {
				return nil, bad("question_type", "a question type for a thread that is %s", StatusNotAQuestion)
			}
			t := Thread{Unit: unit, File: name, Community: get("community"), Profession: corpus.Profession(strings.TrimSpace(get("profession"))),
				Stratum: get("stratum"), Text: get("text"), Asker: strings.TrimSpace(get("author")), Status: st, QuestionType: qt}
			if w := strings.TrimSpace(get("weight")); w != "" {
				t.Weight, err = strconv.ParseFloat(w, 64)
				if err != nil || !(t.Weight > 0) || math.IsInf(t.Weight, 0) {
					return nil, bad("weight", "%s is not a positive number", rawio.Quote(w))
				}
			}
			if i := strings.LastIndexByte(t.Stratum, '/'); i >= 0 && statusIndex(t.Stratum[i+1:]) >= 0 {
				t.Keyword = t.Stratum[i+1:]
			}
			out = append(out, t)
			continue
		}
		if len(out) == 0 || out[len(out)-1].Unit != unit {
			return nil, bad("position", "answer %d of thread %s does not follow its thread's start", pos, rawio.Quote(unit))
		}
		t := &out[len(out)-1]
		if want := len(t.Answers) + 1; pos != want {
			return nil, bad("position", "answer %d of thread %s where %d is expected", pos, rawio.Quote(unit), want)
		}
		a := ThreadAnswer{Text: get("text"), Author: strings.TrimSpace(get("author"))}
		for _, k := range kinds {
			switch v := strings.TrimSpace(get(k)); v {
			case "1":
				a.Sources = append(a.Sources, k)
			case "0", "":
			default:
				return nil, bad(k, "%s: want 0, 1 or empty", rawio.Quote(v))
			}
		}
		t.Answers = append(t.Answers, a)
	}
	if len(out) == 0 {
		return nil, &rawio.ParseError{File: name, Line: 1, Err: fmt.Errorf("%w: no thread", ErrGoldThreads)}
	}
	return out, nil
}

// LoadGoldThreads reads the thread gold files at paths (ReadGoldThreads)
// and returns their threads, file after file. When several files are
// given, each file's sampling weights are rescaled to a mean of 1 within
// the file (each file is a sample of its own, and weighs in proportion to
// its number of threads), so that the weights of different samples can
// be pooled; a file with a thread without weight has all its weights 0
// (unweighted).
func LoadGoldThreads(cb *themes.Codebook, paths ...string) ([]Thread, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("%w: no gold file", ErrGoldThreads)
	}
	var out []Thread
	for _, p := range paths {
		f, err := rawio.Open(p)
		if err != nil {
			return nil, err
		}
		ts, err := ReadGoldThreads(f.R, f.Name, cb)
		f.Close()
		if err != nil {
			return nil, err
		}
		if len(paths) > 1 {
			normaliseWeights(ts)
		}
		out = append(out, ts...)
	}
	return out, nil
}

// normaliseWeights rescales the weights of ts to a mean of 1, or sets
// them all to 0 when one is missing.
func normaliseWeights(ts []Thread) {
	var sum float64
	for _, t := range ts {
		if !(t.Weight > 0) {
			for i := range ts {
				ts[i].Weight = 0
			}
			return
		}
		sum += t.Weight
	}
	for i := range ts {
		ts[i].Weight *= float64(len(ts)) / sum
	}
}

// GoldThreadPattern matches the thread gold files of a coding folder:
// the first round's gold-threads.csv and any later round's, either as
// gold-threads-<name>.csv beside it or in a folder of its own
// (data/codebook/coding/round2/gold-threads.csv).
const GoldThreadPattern = "gold-threads*.csv"

// StudyGoldThreads is the thread gold files a study uses: the file its
// study file's coding.gold_threads names, when it names one, else every
// GoldThreadFiles of the repository's data/codebook/coding (the shipped
// rounds). scripts/derive and the notebooks follow it.
func StudyGoldThreads(spec *load.Spec) []string {
	if spec != nil && spec.Coding != nil && spec.Coding.GoldThreads != "" {
		return []string{spec.CodingChoice().GoldThreads}
	}
	return GoldThreadFiles(filepath.Join(repo.Root(), "data", "codebook", "coding"))
}

// GoldThreadFiles returns the files matching GoldThreadPattern in dir,
// then in each of its folders (one level down, folders in name order),
// each level sorted by name (gold-threads.csv before gold-threads-2.csv),
// for LoadGoldThreads; none when dir has no thread gold.
func GoldThreadFiles(dir string) []string {
	byName := func(a, b string) int {
		ka, kb := strings.TrimSuffix(filepath.Base(a), ".csv"), strings.TrimSuffix(filepath.Base(b), ".csv")
		if c := strings.Compare(filepath.Dir(a), filepath.Dir(b)); c != 0 {
			return c
		}
		return strings.Compare(ka, kb)
	}
	// The patterns are valid: Glob cannot fail.
	top, _ := filepath.Glob(filepath.Join(dir, GoldThreadPattern))
	sub, _ := filepath.Glob(filepath.Join(dir, "*", GoldThreadPattern))
	slices.SortFunc(top, byName)
	slices.SortFunc(sub, byName)
	return append(top, sub...)
}
