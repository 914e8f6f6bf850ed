package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

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
	if sheets[0].kind != kindMessages {
		return fmt.Errorf("%s: gold merges copies of messages.csv (thread sheets: reliability only, for now)", paths[0])
	}
	if *sampleDir == "" {
		*sampleDir = filepath.Dir(paths[0])
	}
	strata, err := readStrata(*sampleDir)
	if err != nil {
		return err
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
	if err := themes.WriteSample(&buf, g.coded, true); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "code gold: %d units: %d codes adjudicated, %d units coded by one coder only (kept as coded), %d coded by nobody (left out)\n", len(g.coded), g.adjudicated, g.single, g.uncoded)
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}

// unitStratum is what strata.csv and weights.csv say of a unit.
type unitStratum struct {
	community, messageID, stratum string
	weight                        float64
}

func readStrata(dir string) (map[string]unitStratum, error) {
	sp, wp := filepath.Join(dir, "strata.csv"), filepath.Join(dir, "weights.csv")
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
	for r := range wt.rows {
		if wt.get(r, "sample") != kindMessages || wt.get(r, "weight") == "" && wt.get(r, "sampled") == "0" {
			continue
		}
		w, err := strconv.ParseFloat(wt.get(r, "weight"), 64)
		if err != nil || !(w > 0) {
			return nil, wt.fail(r, "weight", "%w: want a positive number", rawio.ErrBadNumber)
		}
		weights[wt.get(r, "stratum")] = w
	}
	out := map[string]unitStratum{}
	for r := range st.rows {
		if st.get(r, "sample") != kindMessages {
			continue
		}
		s := unitStratum{community: st.get(r, "community"), messageID: st.get(r, "message_id"), stratum: st.get(r, "stratum")}
		w, ok := weights[s.stratum]
		if !ok {
			return nil, st.fail(r, "stratum", "stratum %q not in %s", s.stratum, wp)
		}
		s.weight = w
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
	adjudicated, single, uncoded int
}

// merge builds the gold codes (see the command's doc).
func merge(sheets []*sheet, cb *themes.Codebook, adjFile *adjudication, strata map[string]unitStratum) (gold, error) {
	adj := adjFile.codes
	vars := variables(sheets, cb)
	byName := map[string]*variable{}
	for i := range vars {
		if !vars[i].pooled {
			byName[vars[i].name] = &vars[i]
		}
	}
	var g gold
	used := map[adjKey]bool{}
	var missing []string
	bad := func(k adjKey, format string, args ...any) error {
		return &rawio.ParseError{File: adjFile.path, Line: adj[k].line, Field: "adjudicated", Err: fmt.Errorf(format, args...)}
	}
	var errs []error
	first := sheets[0]
	for ui, u := range first.units {
		coders := 0
		for _, s := range sheets {
			if s.units[s.index[u.id]].coded {
				coders++
			}
		}
		if coders == 0 {
			g.uncoded++
			continue
		}
		if coders == 1 {
			g.single++
		}
		value := func(name string) (string, bool) {
			v := byName[name]
			codes := v.units[ui]
			k := adjKey{u.id, name}
			a, has := adj[k]
			if has {
				used[k] = true
			}
			if !differ(codes) {
				agreed := ""
				for _, c := range codes {
					if c != reliability.Missing {
						agreed = c
					}
				}
				if has && a.value != "" && a.value != agreed {
					errs = append(errs, bad(k, "unit %s, %s: the coders agree on %q, adjudicated %q", u.id, name, agreed, a.value))
				}
				return agreed, true
			}
			if !has || a.value == "" {
				missing = append(missing, fmt.Sprintf("%s %s (%s)", u.id, name, strings.Join(codes, " / ")))
				return "", false
			}
			g.adjudicated++
			return a.value, true
		}
		c := themes.Coded{ID: u.id, Profession: u.profession, Text: u.text}
		ok := true
		for _, cat := range cb.CategoryIDs() {
			v, got := value("theme:" + cat)
			ok = ok && got
			switch v {
			case "1":
				c.Themes = append(c.Themes, cat)
			case "0", "":
			default:
				errs = append(errs, bad(adjKey{u.id, "theme:" + cat}, "%q: want 1 or 0", v))
			}
		}
		q, got := value("question")
		ok = ok && got
		switch q {
		case "1":
			c.Question = true
		case "0", "":
		default:
			errs = append(errs, bad(adjKey{u.id, "question"}, "%q: want 1 or 0", q))
		}
		qt, got := value("question_type")
		ok = ok && got
		if qt != None && qt != "" {
			if !slices.Contains(cb.QuestionTypeIDs(u.profession), qt) {
				errs = append(errs, bad(adjKey{u.id, "question_type"}, "%q is not a question type of %q", qt, u.profession))
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
		st, found := strata[u.id]
		if !found {
			errs = append(errs, fmt.Errorf("unit %s is not in the sample's strata.csv: is it the folder this sheet was drawn in?", u.id))
		}
		c.Community, c.MessageID, c.Stratum, c.Weight = st.community, st.messageID, st.stratum, st.weight
		g.coded = append(g.coded, c)
	}
	if n := len(missing); n > 0 {
		const show = 20
		more := ""
		if n > show {
			more = fmt.Sprintf(" and %d more", n-show)
			missing = missing[:show]
		}
		errs = append([]error{fmt.Errorf("%d disagreements not adjudicated in %s: %s%s", n, adjFile.path, strings.Join(missing, "; "), more)}, errs...)
	}
	var unknown []adjKey
	for k := range adj {
		_, knownVar := byName[k.variable]
		_, knownUnit := first.index[k.unit]
		if !used[k] && (!knownVar || !knownUnit) {
			unknown = append(unknown, k)
		}
	}
	slices.SortFunc(unknown, func(a, b adjKey) int { return adj[a].line - adj[b].line })
	for _, k := range unknown {
		errs = append(errs, bad(k, "unit %q, %q: no such unit and variable in the sheets", k.unit, k.variable))
	}
	if len(errs) > 0 {
		return gold{}, errors.Join(errs...)
	}
	return g, nil
}
