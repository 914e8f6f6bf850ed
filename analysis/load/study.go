package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// Spec is a study file as written (see the package documentation).
type Spec struct {
	Name            string          `json:"name"`
	Synthetic       bool            `json:"synthetic"`
	Description     string          `json:"description"`
	ObservationDate string          `json:"observation_date"`
	Communities     []CommunitySpec `json:"communities"`
	Observations    []SourceSpec    `json:"observations"`
	// Coding chooses the message coder and its gold codes; nil: the
	// keyword codebook and the repository's gold files (CodingSpec).
	Coding *CodingSpec `json:"coding"`

	// Dir is the folder of the study file, which globs are relative to.
	// It is not part of the JSON.
	Dir string `json:"-"`
	// Observed is ObservationDate parsed, in UTC; zero when not given.
	Observed time.Time `json:"-"`
}

// CommunitySpec is one community of a study file.
type CommunitySpec struct {
	ID         string       `json:"id"`
	Name       string       `json:"name"`
	Platform   string       `json:"platform"`
	Profession string       `json:"profession"`
	Visibility string       `json:"visibility"`
	Created    string       `json:"created"`
	Admins     []string     `json:"admins"`
	Moderators []string     `json:"moderators"`
	Sources    []SourceSpec `json:"sources"`
}

// SourceSpec is a set of raw files in one format.
type SourceSpec struct {
	Files   []string          `json:"files"`
	Format  string            `json:"format"`
	Options map[string]string `json:"options"`
	// Limits raise (or lower) rawio.Limits for the source's files, by
	// name (rawio.LimitNames): {"line-bytes": "256M", "depth": 1024}.
	Limits map[string]LimitValue `json:"limits"`
}

// LimitValue is the value of a limit in a study file: a JSON number, or a
// string that may end in k, M or G (powers of 1024), e.g. "256M".
type LimitValue string

// UnmarshalJSON reads a number or a string.
func (v *LimitValue) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*v = LimitValue(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return &json.UnmarshalTypeError{Value: "value " + string(bytes.TrimSpace(b)), Type: reflect.TypeFor[LimitValue]()}
	}
	*v = LimitValue(n.String())
	return nil
}

// limits returns the source's limits (zero where it sets none).
func (src SourceSpec) limits() (rawio.Limits, error) {
	var l rawio.Limits
	names := make([]string, 0, len(src.Limits))
	for name := range src.Limits {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := l.Set(name, string(src.Limits[name])); err != nil {
			return l, err
		}
	}
	return l, nil
}

// mergeLimits returns base with the limits that over sets (its non-zero
// fields) in their place.
func mergeLimits(base, over rawio.Limits) rawio.Limits {
	set := func(dst *int, v int) {
		if v > 0 {
			*dst = v
		}
	}
	set(&base.LineBytes, over.LineBytes)
	set(&base.FieldBytes, over.FieldBytes)
	set(&base.RecordLines, over.RecordLines)
	set(&base.Depth, over.Depth)
	set(&base.Ratio, over.Ratio)
	if over.DecompressedBytes > 0 {
		base.DecompressedBytes = over.DecompressedBytes
	}
	return base
}

// ReadStudy reads and checks the study file at path.
func ReadStudy(path string) (*Spec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	s, err := ParseStudy(path, data)
	if err != nil {
		return nil, err
	}
	s.Dir = filepath.Dir(path)
	return s, nil
}

// ParseStudy parses and checks a study file's content; name is the file
// name errors report. Errors are *rawio.ParseError naming the field.
func ParseStudy(name string, data []byte) (*Spec, error) {
	var s Spec
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, jsonError(name, data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &rawio.ParseError{File: name, Line: lineAt(data, dec.InputOffset()), Err: errors.New("data after the study object")}
	}
	if err := s.check(name); err != nil {
		return nil, err
	}
	return &s, nil
}

var unknownField = regexp.MustCompile(`^json: unknown field "(.*)"$`)

// jsonError turns a decoding error into a ParseError with a line and,
// when known, a field.
func jsonError(name string, data []byte, err error) error {
	var (
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &syn):
		return &rawio.ParseError{File: name, Line: lineAt(data, syn.Offset), Err: fmt.Errorf("%w: %v", rawio.ErrBadJSON, err)}
	case errors.As(err, &typ) && typ.Type == reflect.TypeFor[LimitValue]():
		// From LimitValue.UnmarshalJSON, which knows no offset.
		return &rawio.ParseError{File: name, Field: typ.Field, Err: fmt.Errorf(`want a number or a string such as "256M", not a JSON %s`, typ.Value)}
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "(study)"
		}
		return &rawio.ParseError{File: name, Line: lineAt(data, typ.Offset), Field: field,
			Err: fmt.Errorf("want %s, not a JSON %s", typ.Type, typ.Value)}
	case err == io.EOF:
		return &rawio.ParseError{File: name, Err: errors.New("empty study file")}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &rawio.ParseError{File: name, Line: lineAt(data, int64(len(data))), Err: fmt.Errorf("%w: unexpected end", rawio.ErrBadJSON)}
	}
	if m := unknownField.FindStringSubmatch(err.Error()); m != nil {
		line := 0
		if loc := regexp.MustCompile(`"` + regexp.QuoteMeta(m[1]) + `"\s*:`).FindIndex(data); loc != nil {
			line = lineAt(data, int64(loc[0]))
		}
		return &rawio.ParseError{File: name, Line: line, Field: m[1], Err: errors.New("unknown field")}
	}
	return &rawio.ParseError{File: name, Err: err}
}

// lineAt returns the line of byte offset off in data, from 1.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

// check validates a parsed study file.
func (s *Spec) check(name string) error {
	bad := func(field, format string, args ...any) error {
		return &rawio.ParseError{File: name, Field: field, Err: fmt.Errorf(format, args...)}
	}
	if strings.TrimSpace(s.Name) == "" {
		return &rawio.ParseError{File: name, Field: "name", Err: rawio.ErrMissing}
	}
	if s.ObservationDate != "" {
		t, err := parseObservationDate(s.ObservationDate)
		if err != nil {
			return bad("observation_date", "want RFC 3339 or YYYY-MM-DD, not %q", s.ObservationDate)
		}
		s.Observed = t
	}
	if len(s.Communities) == 0 {
		return &rawio.ParseError{File: name, Field: "communities", Err: rawio.ErrMissing}
	}
	ids := map[string]bool{}
	for i, c := range s.Communities {
		at := fmt.Sprintf("communities[%d]", i)
		switch {
		case strings.TrimSpace(c.ID) == "":
			return &rawio.ParseError{File: name, Field: at + ".id", Err: rawio.ErrMissing}
		case c.ID != strings.TrimSpace(c.ID) || strings.ContainsAny(c.ID, "\"\n\r\t,"):
			return bad(at+".id", "id %q has spaces, quotes or commas", c.ID)
		case ids[c.ID]:
			return bad(at+".id", "id %q already used", c.ID)
		}
		ids[c.ID] = true
		switch _, known := corpus.ParsePlatform(c.Platform); {
		case c.Platform == "":
			return &rawio.ParseError{File: name, Field: at + ".platform", Err: rawio.ErrMissing}
		case !known:
			return bad(at+".platform", "want one of %s, not %q", platformList(), c.Platform)
		}
		switch corpus.Profession(c.Profession) {
		case corpus.HomeCareAide, corpus.GP, "":
		default:
			return bad(at+".profession", "want %s or %s, not %q", corpus.HomeCareAide, corpus.GP, c.Profession)
		}
		switch corpus.Visibility(c.Visibility) {
		case corpus.Public, corpus.Closed, corpus.Private, "":
		default:
			return bad(at+".visibility", "want public, closed or private, not %q", c.Visibility)
		}
		if _, err := ParseCreated(c.Created); err != nil {
			return bad(at+".created", "want YYYY, YYYY-MM or YYYY-MM-DD, not %q", c.Created)
		}
		for j, a := range c.Admins {
			if strings.TrimSpace(a) == "" {
				return &rawio.ParseError{File: name, Field: fmt.Sprintf("%s.admins[%d]", at, j), Err: rawio.ErrMissing}
			}
		}
		for j, a := range c.Moderators {
			if strings.TrimSpace(a) == "" {
				return &rawio.ParseError{File: name, Field: fmt.Sprintf("%s.moderators[%d]", at, j), Err: rawio.ErrMissing}
			}
		}
		for j, src := range c.Sources {
			if err := src.check(name, fmt.Sprintf("%s.sources[%d]", at, j)); err != nil {
				return err
			}
		}
	}
	for j, src := range s.Observations {
		if err := src.check(name, fmt.Sprintf("observations[%d]", j)); err != nil {
			return err
		}
	}
	if c := s.Coding; c != nil {
		if !slices.Contains(Coders, c.Coder) && c.Coder != "" {
			return bad("coding.coder", "want %s, not %q", strings.Join(Coders, " or "), c.Coder)
		}
		for _, f := range []struct{ field, v string }{{"codebook", c.Codebook}, {"gold", c.Gold}, {"gold_threads", c.GoldThreads}} {
			if f.v != "" && strings.TrimSpace(f.v) == "" {
				return &rawio.ParseError{File: name, Field: "coding." + f.field, Err: rawio.ErrMissing}
			}
		}
	}
	return nil
}

// The message coders a study file may choose (CodingSpec.Coder).
const (
	// CoderKeyword is the keyword codebook (package themes), the default.
	CoderKeyword = "keyword"
	// CoderTrained is the supervised coder trained on the gold codes
	// (package coder): the k fold models of its cross-validation.
	CoderTrained = "trained"
)

// Coders lists the values of CodingSpec.Coder.
var Coders = []string{CoderKeyword, CoderTrained}

// Default files of a study's coding, relative to the repository root.
const (
	DefaultCodebookFile    = "data/codebook/codebook.json"
	DefaultGoldFile        = "data/codebook/hand-coded.csv"
	DefaultGoldThreadsFile = "data/codebook/coding/gold-threads.csv"
)

// CodingSpec is the "coding" object of a study file: which coder codes
// the messages' themes, questions and question types for the figures and
// indicators.csv, and the files it uses. Every field is optional.
type CodingSpec struct {
	// Coder is CoderKeyword (the default, when empty) or CoderTrained.
	Coder string `json:"coder"`
	// Codebook is the codebook file (DefaultCodebookFile), Gold the
	// adjudicated gold messages (DefaultGoldFile, written by `scripts/code
	// gold`), GoldThreads the gold question threads
	// (DefaultGoldThreadsFile). A relative path is relative to the study
	// file's folder; a default is relative to the repository root.
	Codebook    string `json:"codebook"`
	Gold        string `json:"gold"`
	GoldThreads string `json:"gold_threads"`
}

// CodingChoice returns the study's coding with every default filled in
// and every path made absolute (relative paths joined to s.Dir, defaults
// to the repository root).
func (s *Spec) CodingChoice() CodingSpec {
	var c CodingSpec
	if s.Coding != nil {
		c = *s.Coding
	}
	if c.Coder == "" {
		c.Coder = CoderKeyword
	}
	path := func(v, def string) string {
		switch {
		case v == "":
			return filepath.Join(repo.Root(), filepath.FromSlash(def))
		case filepath.IsAbs(v):
			return v
		}
		return filepath.Join(s.Dir, filepath.FromSlash(v))
	}
	c.Codebook = path(c.Codebook, DefaultCodebookFile)
	c.Gold = path(c.Gold, DefaultGoldFile)
	c.GoldThreads = path(c.GoldThreads, DefaultGoldThreadsFile)
	return c
}

func (src SourceSpec) check(name, at string) error {
	if len(src.Files) == 0 {
		return &rawio.ParseError{File: name, Field: at + ".files", Err: rawio.ErrMissing}
	}
	for k, pat := range src.Files {
		field := fmt.Sprintf("%s.files[%d]", at, k)
		if strings.TrimSpace(pat) == "" {
			return &rawio.ParseError{File: name, Field: field, Err: rawio.ErrMissing}
		}
		if err := checkPattern(pat); err != nil {
			return &rawio.ParseError{File: name, Field: field, Err: fmt.Errorf("bad pattern %q: %v", pat, err)}
		}
	}
	if _, err := src.limits(); err != nil {
		return &rawio.ParseError{File: name, Field: at + ".limits", Err: err}
	}
	if f := src.Format; f != "" && f != "auto" {
		if _, ok := rawio.Lookup(f); !ok {
			return &rawio.ParseError{File: name, Field: at + ".format", Err: fmt.Errorf("unknown format %q (known: %s)", f, formatNames())}
		}
	}
	return nil
}

// formatNames lists the registered formats.
func formatNames() string {
	var names []string
	for _, f := range rawio.Formats() {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// ParseCreated reads a community's creation date, "YYYY", "YYYY-MM" or
// "YYYY-MM-DD", as the first instant of that period in UTC. An empty
// string gives the zero time.
func ParseCreated(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			return time.Parse(layout, s)
		}
	}
	return time.Time{}, fmt.Errorf("load: created date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
}

func parseObservationDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, corpus.Paris)
	if err != nil {
		return time.Time{}, err
	}
	return t.UTC(), nil
}

// platformList names the platforms a study file accepts, for its errors.
func platformList() string {
	names := make([]string, len(corpus.Platforms))
	for i, p := range corpus.Platforms {
		names[i] = p.String()
	}
	return strings.Join(names, ", ")
}
