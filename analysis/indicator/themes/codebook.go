package themes

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"sync"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// Other is the category a message gets when no other category matches.
const Other = "other"

// DefaultFile is the study codebook's path relative to the repository
// root; the commands and notebooks load it from there (this package takes
// its codebook as an argument and never looks for it).
const DefaultFile = "data/codebook/codebook.json"

// Codebook is the study's coding scheme, read from JSON (see
// data/codebook/README.md for the format). Load it with LoadCodebook or
// ReadCodebook: they check it and compile its keywords;
// a Codebook built by hand is not usable. A loaded Codebook is safe for
// concurrent use.
type Codebook struct {
	Version     int    `json:"version"`
	Language    string `json:"language"`
	Description string `json:"description"`
	// Abbreviations are expanded, token by token, before stemming.
	Abbreviations []Abbreviation `json:"abbreviations"`
	// Categories are the themes, in report order; one of them is Other,
	// with no keywords.
	Categories []Category `json:"categories"`
	// QuestionMarkers are interrogative expressions that make a message a
	// question even without '?'.
	QuestionMarkers []string       `json:"question_markers"`
	QuestionTypes   []QuestionType `json:"question_types"`
	// Agreement and Disagreement are the markers norms reads in answers.
	// DisagreementInitial markers ("non") count only as the first word of
	// a message.
	Agreement           []string `json:"agreement"`
	Disagreement        []string `json:"disagreement"`
	DisagreementInitial []string `json:"disagreement_initial"`
	// Sources are the kinds of rule or source an answer may cite.
	Sources []SourceKind `json:"sources"`
	// ThreadStatuses define, for the coding manual and the coders, the
	// statuses of a question thread that package norms measures
	// (consensual, non-consensual, unanswered, too-recent) and
	// "not-a-question". They define; norms' rule decides. Optional.
	ThreadStatuses []ThreadStatus `json:"thread_statuses,omitempty"`

	abbrev map[string][]string
	themes matcher // target: index in Categories
	qmark  matcher // target: 0
	qtypes matcher // target: index in QuestionTypes
	agree  matcher
	dis    matcher
	disIni matcher
	srcs   matcher // target: index in Sources
	stems  sync.Map
}

// Abbreviation is a written short form and what it stands for.
type Abbreviation struct {
	Short string `json:"short"`
	Long  string `json:"long"`
}

// Category is a theme of the codebook.
type Category struct {
	ID         string  `json:"id"`
	Label      string  `json:"label"`
	Definition string  `json:"definition"`
	Terms      []Terms `json:"terms"`
	Guidance
}

// Guidance is what the coding manual (data/codebook/manual.md) says of a
// code beyond its French label and definition: an English label and
// definition, inclusion and exclusion rules, examples and
// counter-examples. Every field is optional (a codebook without them
// loads as before); they are read by coders, never by the keyword coder.
type Guidance struct {
	LabelEN      string `json:"label_en,omitempty"`
	DefinitionEN string `json:"definition_en,omitempty"`
	// Include and Exclude are the rules: when the code applies, and the
	// neighbouring cases where it does not (and what applies instead).
	Include []string `json:"include,omitempty"`
	Exclude []string `json:"exclude,omitempty"`
	// Examples are messages (or threads) that take the code;
	// CounterExamples look as if they did but do not, Note saying what
	// they take instead.
	Examples        []Example `json:"examples,omitempty"`
	CounterExamples []Example `json:"counter_examples,omitempty"`
}

// Example is a message written for the manual (not a real post), with
// the profession whose register it is in, the answers of its thread for a
// thread status, and a note on how it is coded.
type Example struct {
	Text       string            `json:"text"`
	Profession corpus.Profession `json:"profession,omitempty"`
	Answers    []string          `json:"answers,omitempty"`
	Note       string            `json:"note,omitempty"`
}

// ThreadStatus is a status a coder gives a question thread.
type ThreadStatus struct {
	ID         string `json:"id"`
	Label      string `json:"label"`
	Definition string `json:"definition"`
	Guidance
}

// Terms is a list of keywords and multi-word expressions applying to the
// given professions (to every profession when Professions is empty).
type Terms struct {
	Professions []corpus.Profession `json:"professions"`
	Keywords    []string            `json:"keywords"`
}

// QuestionType is a kind of question, for the professions it applies to.
type QuestionType struct {
	ID          string              `json:"id"`
	Label       string              `json:"label"`
	Definition  string              `json:"definition"`
	Professions []corpus.Profession `json:"professions"`
	Keywords    []string            `json:"keywords"`
	Guidance
}

// SourceKind is a kind of rule or source cited in answers.
type SourceKind struct {
	Kind  string `json:"kind"`
	Label string `json:"label"`
	// Definition is what the manual says the kind covers (optional).
	Definition string `json:"definition,omitempty"`
	Guidance
	Keywords []string `json:"keywords"`
	// Domains are web sites whose links cite this kind of source
	// (a link's host equal to a domain or ending in "."+domain).
	Domains []string `json:"domains"`
}

// LoadCodebook reads and checks the codebook at path.
func LoadCodebook(path string) (*Codebook, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadCodebook(f, path)
}

// ReadCodebook reads and checks a codebook; name is used in errors. Any
// problem is a *rawio.ParseError naming the field (as a JSON path such as
// categories[1].terms[0].keywords[3]) and, for syntax errors, the line.
func ReadCodebook(r io.Reader, name string) (*Codebook, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	cb := new(Codebook)
	if err := dec.Decode(cb); err != nil {
		pe := &rawio.ParseError{File: name, Err: fmt.Errorf("%w: %v", rawio.ErrBadJSON, err)}
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			pe.Line = lineAt(data, se.Offset)
			pe.Err = fmt.Errorf("%w: %s", rawio.ErrBadJSON, se.Error())
		case errors.As(err, &te):
			pe.Line = lineAt(data, te.Offset)
			pe.Field = te.Field
			pe.Err = fmt.Errorf("%w: %s value where %s expected", rawio.ErrShape, te.Value, te.Type)
		}
		return nil, pe
	}
	if dec.More() {
		return nil, &rawio.ParseError{File: name, Line: lineAt(data, dec.InputOffset()), Err: fmt.Errorf("%w: data after the codebook object", rawio.ErrShape)}
	}
	if err := cb.compile(name); err != nil {
		return nil, err
	}
	return cb, nil
}

func lineAt(data []byte, off int64) int {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// ErrCodebook is the reason of every semantic problem in a codebook.
var ErrCodebook = errors.New("invalid codebook")

func (cb *Codebook) fail(name, field, format string, args ...any) error {
	return &rawio.ParseError{File: name, Field: field, Err: fmt.Errorf("%w: %s", ErrCodebook, fmt.Sprintf(format, args...))}
}

// compile checks the codebook and builds its matchers.
func (cb *Codebook) compile(name string) error {
	if cb.Version != 1 {
		return cb.fail(name, "version", "version %d, want 1", cb.Version)
	}
	cb.abbrev = map[string][]string{}
	for i, a := range cb.Abbreviations {
		f := fmt.Sprintf("abbreviations[%d]", i)
		short := Tokens(Fold(a.Short))
		long := Tokens(Fold(a.Long))
		if len(short) != 1 || len(long) == 0 {
			return cb.fail(name, f, "an abbreviation is one word standing for at least one word")
		}
		if _, dup := cb.abbrev[short[0]]; dup {
			return cb.fail(name, f, "abbreviation %q given twice", a.Short)
		}
		cb.abbrev[short[0]] = long
	}
	var hasOther bool
	seen := map[string]bool{}
	for i, c := range cb.Categories {
		f := fmt.Sprintf("categories[%d]", i)
		if c.ID == "" || seen[c.ID] {
			return cb.fail(name, f+".id", "category id empty or repeated")
		}
		seen[c.ID] = true
		if c.ID == Other {
			hasOther = true
			if len(c.Terms) > 0 {
				return cb.fail(name, f+".terms", "category %q takes no keywords", Other)
			}
		}
		for j, t := range c.Terms {
			mask, err := profMask(t.Professions)
			if err != nil {
				return cb.fail(name, fmt.Sprintf("%s.terms[%d].professions", f, j), "%v", err)
			}
			if err := cb.themes.add(cb, t.Keywords, i, mask); err != nil {
				return cb.fail(name, fmt.Sprintf("%s.terms[%d].keywords[%d]", f, j, err.index), "%v", err)
			}
		}
	}
	if !hasOther {
		return cb.fail(name, "categories", "no %q category", Other)
	}
	if err := cb.qmark.add(cb, cb.QuestionMarkers, 0, 0); err != nil {
		return cb.fail(name, fmt.Sprintf("question_markers[%d]", err.index), "%v", err)
	}
	seen = map[string]bool{}
	for i, q := range cb.QuestionTypes {
		f := fmt.Sprintf("question_types[%d]", i)
		if q.ID == "" || seen[q.ID] {
			return cb.fail(name, f+".id", "question type id empty or repeated")
		}
		seen[q.ID] = true
		mask, err := profMask(q.Professions)
		if err != nil {
			return cb.fail(name, f+".professions", "%v", err)
		}
		if err := cb.qtypes.add(cb, q.Keywords, i, mask); err != nil {
			return cb.fail(name, fmt.Sprintf("%s.keywords[%d]", f, err.index), "%v", err)
		}
	}
	for _, m := range []struct {
		field string
		list  []string
		into  *matcher
	}{
		{"agreement", cb.Agreement, &cb.agree},
		{"disagreement", cb.Disagreement, &cb.dis},
		{"disagreement_initial", cb.DisagreementInitial, &cb.disIni},
	} {
		if err := m.into.add(cb, m.list, 0, 0); err != nil {
			return cb.fail(name, fmt.Sprintf("%s[%d]", m.field, err.index), "%v", err)
		}
	}
	seen = map[string]bool{}
	for i, t := range cb.ThreadStatuses {
		f := fmt.Sprintf("thread_statuses[%d]", i)
		if t.ID == "" || seen[t.ID] {
			return cb.fail(name, f+".id", "thread status id empty or repeated")
		}
		seen[t.ID] = true
		if err := t.Guidance.check(name, f, cb); err != nil {
			return err
		}
	}
	for i, c := range cb.Categories {
		if err := c.Guidance.check(name, fmt.Sprintf("categories[%d]", i), cb); err != nil {
			return err
		}
	}
	for i, q := range cb.QuestionTypes {
		if err := q.Guidance.check(name, fmt.Sprintf("question_types[%d]", i), cb); err != nil {
			return err
		}
	}
	seen = map[string]bool{}
	for i, s := range cb.Sources {
		if err := s.Guidance.check(name, fmt.Sprintf("sources[%d]", i), cb); err != nil {
			return err
		}
		f := fmt.Sprintf("sources[%d]", i)
		if s.Kind == "" || seen[s.Kind] {
			return cb.fail(name, f+".kind", "source kind empty or repeated")
		}
		seen[s.Kind] = true
		if err := cb.srcs.add(cb, s.Keywords, i, 0); err != nil {
			return cb.fail(name, fmt.Sprintf("%s.keywords[%d]", f, err.index), "%v", err)
		}
	}
	return nil
}

// check refuses empty rules and examples, and examples of an unknown
// profession.
func (g Guidance) check(name, field string, cb *Codebook) error {
	for _, l := range []struct {
		f    string
		list []string
	}{{"include", g.Include}, {"exclude", g.Exclude}} {
		for j, r := range l.list {
			if strings.TrimSpace(r) == "" {
				return cb.fail(name, fmt.Sprintf("%s.%s[%d]", field, l.f, j), "empty rule")
			}
		}
	}
	for _, l := range []struct {
		f    string
		list []Example
	}{{"examples", g.Examples}, {"counter_examples", g.CounterExamples}} {
		for j, e := range l.list {
			f := fmt.Sprintf("%s.%s[%d]", field, l.f, j)
			if strings.TrimSpace(e.Text) == "" {
				return cb.fail(name, f+".text", "empty example")
			}
			if e.Profession != "" {
				if _, err := profMask([]corpus.Profession{e.Profession}); err != nil {
					return cb.fail(name, f+".profession", "%v", err)
				}
			}
		}
	}
	return nil
}

// profMask encodes the professions a term applies to; 0 means all.
func profMask(ps []corpus.Profession) (uint8, error) {
	var m uint8
	for _, p := range ps {
		switch p {
		case corpus.HomeCareAide:
			m |= 1
		case corpus.GP:
			m |= 2
		default:
			return 0, fmt.Errorf("unknown profession %q", p)
		}
	}
	return m, nil
}

func applies(mask uint8, p corpus.Profession) bool {
	if mask == 0 {
		return true
	}
	switch p {
	case corpus.HomeCareAide:
		return mask&1 != 0
	case corpus.GP:
		return mask&2 != 0
	}
	return true // profession unknown: every term applies
}

// CategoryIDs returns the ids of the categories, in codebook order.
func (cb *Codebook) CategoryIDs() []string {
	out := make([]string, len(cb.Categories))
	for i, c := range cb.Categories {
		out[i] = c.ID
	}
	return out
}

// QuestionTypeIDs returns the ids of the question types applying to p (all
// of them when p is empty), in codebook order.
func (cb *Codebook) QuestionTypeIDs(p corpus.Profession) []string {
	var out []string
	for _, q := range cb.QuestionTypes {
		mask, _ := profMask(q.Professions)
		if applies(mask, p) {
			out = append(out, q.ID)
		}
	}
	return out
}

// LinkSources returns the kinds of source the links point to, in codebook
// order.
func (cb *Codebook) LinkSources(links []string) []string {
	var out []string
	for _, s := range cb.Sources {
		if linksTo(links, s.Domains) {
			out = append(out, s.Kind)
		}
	}
	return out
}

func linksTo(links, domains []string) bool {
	for _, l := range links {
		h := Host(l)
		for _, d := range domains {
			if h == d || strings.HasSuffix(h, "."+d) {
				return true
			}
		}
	}
	return false
}

// Host returns the lower-cased host of a link without "www.", or "" when
// the link has none.
func Host(link string) string {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || u.Host == "" {
		if err == nil && u.Scheme == "" && !strings.Contains(link, "://") {
			if u2, err2 := url.Parse("http://" + strings.TrimSpace(link)); err2 == nil {
				u = u2
			}
		}
		if u == nil || u.Host == "" {
			return ""
		}
	}
	h := strings.ToLower(u.Hostname())
	return strings.TrimPrefix(h, "www.")
}

// SourceKinds returns the kinds of source, in codebook order.
func (cb *Codebook) SourceKinds() []string {
	out := make([]string, len(cb.Sources))
	for i, s := range cb.Sources {
		out[i] = s.Kind
	}
	return out
}
