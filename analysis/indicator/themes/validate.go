package themes

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Coded is a message coded by hand: the reference the codebook is
// validated against.
type Coded struct {
	ID         string
	Profession corpus.Profession
	Text       string
	Themes     []string // category ids; Other when none applies
	Question   bool
	// QuestionType is "" for a message that is not a question, or a
	// question of no type of the codebook.
	QuestionType string
	// Community, MessageID, Stratum and Weight come from the optional
	// columns of a gold file written by `scripts/code gold`
	// (SampleOptional): the message's community and corpus id, its
	// sampling stratum and weight (population / sample size of the
	// stratum). Weight is 1 when the file has no weight column.
	Community, MessageID, Stratum string
	Weight                        float64
}

// SampleHeader is the header of a hand-coded sample file. themes holds
// category ids separated by '|'; question is 0 or 1.
var SampleHeader = []string{"id", "profession", "text", "themes", "question", "question_type"}

// SampleOptional are the columns a sample file may add after
// SampleHeader, in any order, each at most once: the gold files of
// `scripts/code gold` have all of them; data/codebook/hand-coded.csv has
// none.
var SampleOptional = []string{"community", "message_id", "stratum", "weight"}

// LoadSample reads the hand-coded sample at path (see ReadSample).
func LoadSample(path string) ([]Coded, error) {
	f, err := rawio.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadSample(f.R, f.Name)
}

// ReadSample reads a hand-coded sample: a CSV file with SampleHeader,
// one coded message a record. A bad record stops the reading with a
// *rawio.ParseError naming the file, the record's line and the field.
func ReadSample(r io.Reader, name string) ([]Coded, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, csvError(name, err)
	}
	if len(head) < len(SampleHeader) {
		return nil, &rawio.ParseError{File: name, Line: 1, Err: fmt.Errorf("%w: header has %d columns, want at least %d", rawio.ErrShape, len(head), len(SampleHeader))}
	}
	for i, h := range SampleHeader {
		if strings.TrimSpace(head[i]) != h {
			return nil, &rawio.ParseError{File: name, Line: 1, Field: h, Err: fmt.Errorf("%w: header column %d is %q", rawio.ErrShape, i+1, head[i])}
		}
	}
	optional := map[string]int{}
	for i := len(SampleHeader); i < len(head); i++ {
		h := strings.TrimSpace(head[i])
		if _, dup := optional[h]; dup || !contains(SampleOptional, h) {
			return nil, &rawio.ParseError{File: name, Line: 1, Column: i + 1, Err: fmt.Errorf("%w: header column %d is %q, want one of %s, once", rawio.ErrShape, i+1, head[i], strings.Join(SampleOptional, ", "))}
		}
		optional[h] = i
	}
	cr.FieldsPerRecord = len(head)
	var out []Coded
	seen := map[string]bool{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		bad := func(field string, reason error) error {
			return &rawio.ParseError{File: name, Line: line, Field: field, Err: reason}
		}
		c := Coded{
			ID:           strings.TrimSpace(rec[0]),
			Profession:   corpus.Profession(strings.TrimSpace(rec[1])),
			Text:         rec[2],
			QuestionType: strings.TrimSpace(rec[5]),
		}
		if c.ID == "" {
			return nil, bad("id", rawio.ErrMissing)
		}
		if seen[c.ID] {
			return nil, bad("id", errors.New("id repeated"))
		}
		seen[c.ID] = true
		if _, err := profMask([]corpus.Profession{c.Profession}); err != nil || c.Profession == "" {
			return nil, bad("profession", errors.New("not a profession of the study"))
		}
		for _, t := range strings.Split(rec[3], "|") {
			t = strings.TrimSpace(t)
			if t == "" || strings.ContainsAny(t, " \t") {
				return nil, bad("themes", errors.New("empty or malformed category id"))
			}
			c.Themes = append(c.Themes, t)
		}
		switch strings.TrimSpace(rec[4]) {
		case "1":
			c.Question = true
		case "0":
		default:
			return nil, bad("question", fmt.Errorf("%w: want 0 or 1", rawio.ErrBadNumber))
		}
		if !c.Question && c.QuestionType != "" {
			return nil, bad("question_type", errors.New("question type given for a message that is not a question"))
		}
		c.Weight = 1
		for h, i := range optional {
			v := strings.TrimSpace(rec[i])
			switch h {
			case "community":
				c.Community = v
			case "message_id":
				c.MessageID = v
			case "stratum":
				c.Stratum = v
			case "weight":
				w, err := strconv.ParseFloat(v, 64)
				if err != nil || !(w > 0) || math.IsInf(w, 0) {
					return nil, bad("weight", fmt.Errorf("%w: want a positive number", rawio.ErrBadNumber))
				}
				c.Weight = w
			}
		}
		out = append(out, c)
	}
}

// WriteSample writes coded messages as a sample file ReadSample reads:
// SampleHeader then, when withOptional is set, SampleOptional (a gold
// file); themes joined with '|', question 1 or 0, weight in the shortest
// form that reads back exactly.
func WriteSample(w io.Writer, sample []Coded, withOptional bool) error {
	cw := csv.NewWriter(w)
	head := SampleHeader
	if withOptional {
		head = append(append([]string(nil), SampleHeader...), SampleOptional...)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, c := range sample {
		q := "0"
		if c.Question {
			q = "1"
		}
		rec := []string{c.ID, string(c.Profession), c.Text, strings.Join(c.Themes, "|"), q, c.QuestionType}
		if withOptional {
			wt := c.Weight
			if wt == 0 {
				wt = 1
			}
			rec = append(rec, c.Community, c.MessageID, c.Stratum, strconv.FormatFloat(wt, 'g', -1, 64))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &rawio.ParseError{File: name, Line: pe.StartLine, Column: pe.Column, Err: fmt.Errorf("%w: %v", rawio.ErrShape, pe.Err)}
	}
	if err == io.EOF {
		return &rawio.ParseError{File: name, Err: fmt.Errorf("%w: no header", rawio.ErrMissing)}
	}
	return &rawio.ParseError{File: name, Err: err}
}

// Score is the agreement between the codebook and the reference on one
// label, as a binary presence per message.
type Score struct {
	Label string
	// Support is the number of messages the reference gives the label;
	// Predicted the number the codebook gives it.
	Support, Predicted int
	TP, FP, FN, TN     int
	// Precision = TP/(TP+FP), Recall = TP/(TP+FN), F1 their harmonic
	// mean; Kappa is Cohen's kappa of the 2x2 table. Each is NaN when its
	// denominator is zero.
	Precision, Recall, F1, Kappa float64
}

// Validation compares the codebook's coding with a reference coding.
type Validation struct {
	N int // messages compared
	// Categories holds one Score per category, in codebook order.
	Categories []Score
	// Question scores the question detector.
	Question Score
	// QuestionTypes holds one Score per question type (one against the
	// rest, over every message; a message that is not a question, or of no
	// type, is of none of them), in codebook order.
	QuestionTypes []Score
	// QuestionTypeAgreement and QuestionTypeKappa compare the question
	// type as one multi-class label per message, "none" (not a question
	// or no type) being a class of its own: observed agreement and
	// Cohen's kappa.
	QuestionTypeAgreement, QuestionTypeKappa float64
}

// Agreement returns the observed agreement of a score of v on the binary
// presence of its label: (TP + TN) / N, NaN when v compares no message.
func (v Validation) Agreement(s Score) float64 {
	if v.N == 0 {
		return math.NaN()
	}
	return float64(s.TP+s.TN) / float64(v.N)
}

// Validate codes every message of the sample with cb and compares the
// result with the hand coding.
func Validate(cb *Codebook, sample []Coded) Validation {
	got := make([]Coding, len(sample))
	for i, s := range sample {
		got[i] = cb.Code(s.Text, s.Profession)
	}
	return compare(cb, sample, got)
}

// Report is the validation of a codebook against its references: what
// Table 3 draws.
type Report struct {
	// Codebook is the codebook validated; its labels name the scores.
	Codebook *Codebook
	// HandCoded compares it with the hand-coded sample (Validate).
	HandCoded Validation
	// Truth compares it with a reference coding of corpus messages
	// (ValidateTruth), such as a synthetic corpus's generating labels;
	// nil when there is none.
	Truth *Validation
	// Reliability is the agreement of the independent coders whose
	// adjudicated codes make the hand-coded sample (LoadReliability), one
	// entry per variable and pair of coders; nil when the sample was
	// coded by one hand only.
	Reliability []Agreement
	// CrossValidated, when not nil, are the cross-validated scores of the
	// trained coder beside this codebook on the same folds, one per label
	// (package coder: Report.Scores), over CrossFolds folds.
	CrossValidated []CrossScore
	CrossFolds     int
	// Overlap, when not nil, is how much of the synthetic corpus's
	// wording of each theme is the codebook's own keywords
	// (simulate.OverlapWithCodebook): how circular Truth is.
	Overlap []StemOverlap
}

// CrossScore is one label's cross-validated agreement with the gold
// codes of two coders on the same folds: Trained (the model trained on
// the other folds) and Keyword (this codebook). Kind is "category",
// "question" or "question_type"; Estimable is false, with Reason, when
// the gold codes hold too few messages with or without the label.
type CrossScore struct {
	Kind             string
	Trained, Keyword Score
	Estimable        bool
	Reason           string
}

// StemOverlap is, for one theme, the number of distinct stems of the
// simulator's wording of it, how many of them are stems of the
// codebook's keywords for the theme, and their ratio Shared / Stems.
type StemOverlap struct {
	Theme         string
	Stems, Shared int
	Fraction      float64
}

// NewReport validates cb against the hand-coded sample and, when truth is
// not nil, carries that second validation along.
func NewReport(cb *Codebook, sample []Coded, truth *Validation) Report {
	return Report{Codebook: cb, HandCoded: Validate(cb, sample), Truth: truth}
}

// Truth is a reference coding of a corpus message given by the caller,
// for instance the labels a synthetic corpus was generated from. It is an
// alias so that a slice of the bare struct type can be passed as is.
type Truth = struct {
	ID           string
	Themes       []string
	QuestionType string
}

// ValidateTruth codes the messages of c named in truth (matched by message
// id, the profession taken from the message's community) and compares the
// result with truth. A truth's message is a question when QuestionType is
// not empty. It fails when an id is unknown or names messages of several
// communities.
func ValidateTruth(cb *Codebook, c *corpus.Corpus, truth []Truth) (Validation, error) {
	prof := map[string]corpus.Profession{}
	for _, com := range c.Communities {
		prof[com.ID] = com.Profession
	}
	want := make(map[string]int, len(truth))
	for i, t := range truth {
		want[t.ID] = i
	}
	found := make([]int, len(truth))
	for i := range found {
		found[i] = -1
	}
	for i := range c.Messages {
		j, ok := want[c.Messages[i].ID]
		if !ok {
			continue
		}
		if found[j] >= 0 {
			return Validation{}, fmt.Errorf("themes: message id %q is in several communities", truth[j].ID)
		}
		found[j] = i
	}
	sample := make([]Coded, len(truth))
	got := make([]Coding, len(truth))
	for j, t := range truth {
		if found[j] < 0 {
			return Validation{}, fmt.Errorf("themes: no message with id %q", t.ID)
		}
		m := &c.Messages[found[j]]
		sample[j] = Coded{ID: t.ID, Profession: prof[m.Community], Text: m.Text, Themes: t.Themes, Question: t.QuestionType != "", QuestionType: t.QuestionType}
		got[j] = cb.Code(m.Text, sample[j].Profession)
	}
	return compare(cb, sample, got), nil
}

func compare(cb *Codebook, sample []Coded, got []Coding) Validation {
	v := Validation{N: len(sample)}
	for _, cat := range cb.Categories {
		s := Score{Label: cat.ID}
		for i, ref := range sample {
			s.Add(contains(ref.Themes, cat.ID), got[i].HasTheme(cat.ID))
		}
		v.Categories = append(v.Categories, s.Finish())
	}
	q := Score{Label: "question"}
	for i, ref := range sample {
		q.Add(ref.Question, got[i].Question)
	}
	v.Question = q.Finish()
	var classes []string
	for _, qt := range cb.QuestionTypes {
		classes = append(classes, qt.ID)
		s := Score{Label: qt.ID}
		for i, ref := range sample {
			s.Add(ref.QuestionType == qt.ID, got[i].QuestionType == qt.ID)
		}
		v.QuestionTypes = append(v.QuestionTypes, s.Finish())
	}
	ref := make([]string, len(sample))
	pred := make([]string, len(sample))
	for i := range sample {
		ref[i], pred[i] = sample[i].QuestionType, got[i].QuestionType
	}
	v.QuestionTypeAgreement, v.QuestionTypeKappa = Kappa(ref, pred)
	return v
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Add counts one message: ref whether the reference gives the label,
// pred whether the coder does.
func (s *Score) Add(ref, pred bool) {
	switch {
	case ref && pred:
		s.TP++
	case pred:
		s.FP++
	case ref:
		s.FN++
	default:
		s.TN++
	}
}

// Finish returns s with its derived fields (Support, Predicted,
// Precision, Recall, F1, Kappa) computed from its four counts.
func (s Score) Finish() Score {
	s.Support, s.Predicted = s.TP+s.FN, s.TP+s.FP
	s.Precision = ratio(s.TP, s.TP+s.FP)
	s.Recall = ratio(s.TP, s.TP+s.FN)
	switch {
	case math.IsNaN(s.Precision) || math.IsNaN(s.Recall):
		s.F1 = math.NaN()
	case s.Precision+s.Recall == 0:
		s.F1 = 0
	default:
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	s.Kappa = BinaryKappa(s.TP, s.FP, s.FN, s.TN)
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// BinaryKappa returns Cohen's kappa of a 2x2 table (tp: both coders say
// yes; fp: only the second; fn: only the first; tn: both no):
// (po - pe) / (1 - pe), with po the observed agreement and pe the
// agreement expected from the margins. It is NaN when pe is 1.
func BinaryKappa(tp, fp, fn, tn int) float64 {
	n := float64(tp + fp + fn + tn)
	if n == 0 {
		return math.NaN()
	}
	po := float64(tp+tn) / n
	pe := (float64(tp+fp)*float64(tp+fn) + float64(fn+tn)*float64(fp+tn)) / (n * n)
	if pe == 1 {
		return math.NaN()
	}
	return (po - pe) / (1 - pe)
}

// Kappa returns the observed agreement and Cohen's kappa of two codings
// of the same items into any classes. Kappa is NaN when the expected
// agreement is 1 or there are no items.
func Kappa(a, b []string) (agreement, kappa float64) {
	n := len(a)
	if n == 0 || len(b) != n {
		return math.NaN(), math.NaN()
	}
	ca, cbm := map[string]int{}, map[string]int{}
	agree := 0
	for i := range a {
		ca[a[i]]++
		cbm[b[i]]++
		if a[i] == b[i] {
			agree++
		}
	}
	var pe float64
	for k, x := range ca {
		pe += float64(x) * float64(cbm[k])
	}
	pe /= float64(n) * float64(n)
	po := float64(agree) / float64(n)
	if pe == 1 {
		return po, math.NaN()
	}
	return po, (po - pe) / (1 - pe)
}
