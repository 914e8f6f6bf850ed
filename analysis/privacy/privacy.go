// Package privacy checks that the outputs of a study — figures, derived
// tables, executed notebooks — contain none of the identities met while
// loading its raw exports: display names, handles and account ids.
// Pseudonymisation happens at load time (package pseudo); this is the
// independent check that nothing slipped through, run by
// scripts/reproduce on every build.
//
// Matching is on words, after case- and accent-folding: a display name of
// at least two words matches when its words appear in sequence (so
// "Claudine Du Girin" is found in "merci claudine du girin !"); a handle
// (at least 4 characters) or an account id (at least 6) matches a whole
// word. Single-word display names are not searched: they are first names
// or nicknames that also occur as ordinary words, and would drown real
// findings in false ones.
package privacy

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/faire-communaute/compendium/analysis/rawio"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Kind says what an identity is.
type Kind string

// Kinds of identity.
const (
	Name   Kind = "name"
	Handle Kind = "handle"
	ID     Kind = "id"
)

// Needle is one identity to look for, as the words it folds to.
type Needle struct {
	Kind  Kind
	Words []string
}

// Masked shows a needle without revealing it: the first letter of each
// word and its length, e.g. "c… d… g… (17)".
func (n Needle) Masked() string {
	parts := make([]string, len(n.Words))
	total := 0
	for i, w := range n.Words {
		r := []rune(w)
		parts[i] = string(r[0]) + "…"
		total += len(r)
	}
	return fmt.Sprintf("%s (%d)", strings.Join(parts, " "), total+len(n.Words)-1)
}

// Needles turns the identities met at load time into needles, dropping
// those too short to search without false alarms (see the package doc).
func Needles(people []rawio.Person) []Needle {
	seen := map[string]bool{}
	var out []Needle
	add := func(k Kind, s string, minWords, minLen int) {
		words := Words(s)
		if len(words) < minWords || len([]rune(strings.Join(words, ""))) < minLen {
			return
		}
		key := string(k) + "\x00" + strings.Join(words, " ")
		if !seen[key] {
			seen[key] = true
			out = append(out, Needle{Kind: k, Words: words})
		}
	}
	for _, p := range people {
		add(Name, p.Name, 2, 5)
		add(Handle, strings.TrimPrefix(p.Handle, "@"), 1, 4)
		add(ID, p.ID, 1, 6)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := strings.Join(out[i].Words, " "), strings.Join(out[j].Words, " ")
		if a != b {
			return a < b
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

var fold = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// Words folds s (lower case, accents removed) and splits it into words:
// runs of letters, digits and underscores.
func Words(s string) []string {
	f, _, err := transform.String(fold, s)
	if err != nil {
		f = s
	}
	return strings.FieldsFunc(strings.ToLower(f), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	})
}

// Finding is a needle found in a file.
type Finding struct {
	File   string
	Line   int
	Needle Needle
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d: %s %s", f.File, f.Line, f.Needle.Kind, f.Needle.Masked())
}

// Scanner looks for needles in texts.
type Scanner struct {
	byFirst map[string][]Needle
	n       int
}

// NewScanner returns a scanner for needles.
func NewScanner(needles []Needle) *Scanner {
	s := &Scanner{byFirst: map[string][]Needle{}, n: len(needles)}
	for _, n := range needles {
		s.byFirst[n.Words[0]] = append(s.byFirst[n.Words[0]], n)
	}
	return s
}

// Len is the number of needles searched.
func (s *Scanner) Len() int { return s.n }

// Scan reports the needles found in r, a file named name, line by line.
func (s *Scanner) Scan(name string, r io.Reader) ([]Finding, error) {
	var out []Finding
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for line := 1; sc.Scan(); line++ {
		words := Words(sc.Text())
		for i, w := range words {
			for _, n := range s.byFirst[w] {
				if i+len(n.Words) <= len(words) && equal(words[i:i+len(n.Words)], n.Words) {
					out = append(out, Finding{File: name, Line: line, Needle: n})
				}
			}
		}
	}
	return out, sc.Err()
}

func equal(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// scanned says which files are read: text outputs. Images in PNG carry no
// text that could be searched this way; their SVG twins are read instead.
var scanned = map[string]bool{".csv": true, ".json": true, ".ipynb": true, ".svg": true, ".html": true,
	".md": true, ".txt": true, ".graphml": true, ".gexf": true, ".log": true}

// ScanPaths scans every text output under paths (files or folders, read
// recursively; missing paths are skipped) and returns the findings and
// the number of files read.
func (s *Scanner) ScanPaths(paths ...string) ([]Finding, int, error) {
	var out []Finding
	files := 0
	for _, root := range paths {
		if _, err := os.Stat(root); os.IsNotExist(err) {
			continue
		}
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !scanned[strings.ToLower(filepath.Ext(path))] {
				return err
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			found, err := s.Scan(path, f)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			files++
			out = append(out, found...)
			return nil
		})
		if err != nil {
			return out, files, err
		}
	}
	return out, files, nil
}
