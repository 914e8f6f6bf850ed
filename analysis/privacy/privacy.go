// Package privacy checks that the outputs of a study — figures, derived
// tables, executed notebooks — contain none of the identities met while
// loading its raw exports: display names, handles, account ids and phone
// numbers.
// Pseudonymisation happens at load time (package pseudo); this is the
// independent check that nothing slipped through, run by
// scripts/reproduce on every build.
//
// Matching is on words, after case- and accent-folding: a display name of
// at least two words matches when its words appear in sequence (so
// "Claudine Du Girin" is found in "merci claudine du girin !"), also
// across a line break; a handle (at least 4 characters) or an account id
// (at least 6) matches a whole word. Words are runs of letters, digits and
// '_', so a handle is found bare, after '#' or '@', and as the local part
// of an e-mail address ("zquill_canary@gmail.com").
//
// Before cutting words, invisible characters (Unicode format characters
// such as zero-width spaces and joiners, soft hyphens, variation
// selectors, fillers) are removed, and percent-encoded bytes ("%40",
// "%2F") become word breaks, so that "@zquill\u200b_canary" and
// "%40zquill_canary" are found. Beyond the name as written, a name is
// also searched surname first (its words rotated: "Quillbottom,
// Zephyrine", "DU GIRIN Claudine"), and run together when that makes at
// least 8 letters ("ZephyrineQuillbottom"). A display name written as a
// handle ("@account", as generic CSVs do) is searched as that handle.
//
// Handles and ids of the other platforms are word sequences too: a
// Bluesky handle "jean-dupont.fr" is found as "jean dupont fr" (in
// "@jean-dupont.fr", "bsky.app/profile/jean-dupont.fr"), a DID
// "did:plc:…" as "did plc …" (also inside at:// URIs), a Reddit name in
// "u/name". A Mastodon acct "user@instance.social" is searched as
// written ("@user@instance.social"), instance first
// ("instance.social/@user") and by its user name alone (at least 4
// characters: the local mention "@user", "instance.social/users/user").
// A Telegram from_id "user123456789" is also searched as its digits.
//
// A phone number (a person's name, handle or id that is '+' or "00" and 8
// to 15 digits, or '0' and nine digits, with spaces, '.', '-' or
// parentheses between them) is searched by its last nine digits (eight
// for an eight-digit number), so that its national and international
// forms meet ("06 12 34 56 78" and "+33 6 12 34 56 78"): in each line,
// every run of digit groups joined by single spaces, '.', '-',
// parentheses, '+' or no-break spaces (not by ',', '/' or ':', as tables
// and dates join numbers) is tried at the end of each of its groups.
//
// Single-word display names are not searched: they are first names or
// nicknames that also occur as ordinary words, and would drown real
// findings in false ones. Nor are initials ("Z. Quillbottom"): a lone
// letter followed by a surname is too common in ordinary text.
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
	"unicode/utf8"

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
	// Phone is a phone number, searched by its last digits (see
	// phoneKey) whatever the separators between its digit groups.
	Phone Kind = "phone"
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
		phone := false
		for _, v := range []string{p.Name, p.Handle, p.ID} {
			if k, ok := phoneKey(v); ok {
				phone = true
				if key := string(Phone) + "\x00" + k; !seen[key] {
					seen[key] = true
					out = append(out, Needle{Kind: Phone, Words: []string{k}})
				}
			}
		}
		if phone {
			continue
		}
		if h, ok := handleName(p.Name); ok {
			add(Handle, h, 1, 4)
		} else if words := Words(p.Name); len(words) >= 2 && len([]rune(strings.Join(words, ""))) >= 5 {
			add(Name, p.Name, 2, 5)
			for k := 1; k < len(words); k++ {
				rot := append(append([]string(nil), words[k:]...), words[:k]...)
				add(Name, strings.Join(rot, " "), 2, 5)
			}
			add(Name, strings.Join(words, ""), 1, 8)
		}
		h := strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(p.Handle), "@"), "＠")
		add(Handle, h, 1, 4)
		if user, instance, ok := strings.Cut(h, "@"); ok {
			// A fediverse acct: also its user name alone (the local
			// mention "@user", "instance/users/user") and the instance
			// first ("instance.social/@user").
			add(Handle, user, 1, 4)
			add(Handle, instance+" "+user, 2, 4)
		}
		add(ID, p.ID, 1, 6)
		if rest, ok := strings.CutPrefix(strings.TrimSpace(p.ID), "user"); ok && isDigits(rest) {
			// A Telegram from_id: also its digits, as the API writes them.
			add(ID, rest, 1, 6)
		}
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

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// phoneKey reports whether s is a phone number — '+' or "00" and 8 to 15
// digits, or a French national number ('0' and nine digits), with only
// spaces, '.', '-', parentheses and invisible characters between them —
// and returns its key: its last nine digits (eight for an eight-digit
// number), which the national and international forms of a number
// share ("06 12 34 56 78", "+33 6 12 34 56 78": 612345678).
func phoneKey(s string) (string, bool) {
	var d []byte
	plus := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			d = append(d, byte(r))
		case r == '+' && len(d) == 0 && !plus:
			plus = true
		case r == ' ' || r == '.' || r == '-' || r == '(' || r == ')' || r == '\u00a0' || r == '\u202f' || hidden(r):
		default:
			return "", false
		}
	}
	if !plus && len(d) > 2 && d[0] == '0' && d[1] == '0' {
		plus, d = true, d[2:]
	}
	switch {
	case plus && len(d) >= 8 && len(d) <= 15 && d[0] != '0':
	case !plus && len(d) == 10 && d[0] == '0' && d[1] != '0':
	default:
		return "", false
	}
	return string(d[max(0, len(d)-9):]), true
}

// phoneSeparator tells the characters a phone number's digit groups are
// joined by in the text searched.
func phoneSeparator(r rune) bool {
	switch r {
	case ' ', '.', '-', '(', ')', '+', '\u00a0', '\u202f':
		return true
	}
	return false
}

// phones calls fn with the key candidates of line: for every run of
// digit groups joined by single phone separators (so not by ',', '/' or
// ':', as tables and dates join numbers), the last eight and nine
// digits before the end of each group.
func phones(line string, fn func(key string)) {
	var d []byte
	prevSep := false
	flush := func() {
		for _, n := range []int{8, 9} {
			if len(d) >= n {
				fn(string(d[len(d)-n:]))
			}
		}
	}
	for _, r := range line {
		switch {
		case r >= '0' && r <= '9':
			d = append(d, byte(r))
			prevSep = false
			continue
		case phoneSeparator(r) && !prevSep && len(d) > 0:
			flush()
			prevSep = true
			continue
		}
		if !prevSep {
			flush()
		}
		d, prevSep = d[:0], false
	}
	if !prevSep {
		flush()
	}
}

// handleName reports whether a display name is written as a handle: '@'
// (or '＠') then letters, digits and '_' only.
func handleName(name string) (string, bool) {
	name = strings.TrimSpace(name)
	rest, ok := strings.CutPrefix(name, "@")
	if !ok {
		rest, ok = strings.CutPrefix(name, "＠")
	}
	if !ok || rest == "" {
		return "", false
	}
	for _, r := range rest {
		if r >= 0x80 || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
			return "", false
		}
	}
	return rest, true
}

var fold = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// hidden tells the characters removed before cutting words: drawn as
// nothing, they can split a name or a handle for a program while leaving
// it whole for a reader.
func hidden(r rune) bool {
	switch {
	case r == 0xAD, r == 0x34F, r == 0x115F, r == 0x1160, r == 0x17B4, r == 0x17B5, r == 0x2800,
		r == 0x3164, r == 0xFFA0, r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF:
		return true
	}
	return r >= 0x80 && unicode.Is(unicode.Cf, r)
}

// Words folds s (lower case, accents removed) and splits it into words:
// runs of letters, digits and underscores, once invisible characters are
// removed and percent-encoded bytes ("%40") turned into breaks.
func Words(s string) []string {
	s = unhide(s)
	f, _, err := transform.String(fold, s)
	if err != nil {
		f = s
	}
	return strings.FieldsFunc(strings.ToLower(f), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	})
}

// unhide removes invisible characters from s and replaces each
// percent-encoded byte ("%2F", "%40", also "%2540") by a space.
func unhide(s string) string {
	clean := true
	for i, r := range s {
		if hidden(r) || r == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(' ')
			if s[i+1:i+3] == "25" && i+4 < len(s) && isHex(s[i+3]) && isHex(s[i+4]) {
				i += 2 // "%2540": an encoded "%40"
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !hidden(r) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
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
	byFirst  map[string][]Needle
	phones   map[string]Needle // phone key → needle
	n        int
	maxWords int
}

// NewScanner returns a scanner for needles.
func NewScanner(needles []Needle) *Scanner {
	s := &Scanner{byFirst: map[string][]Needle{}, phones: map[string]Needle{}, n: len(needles)}
	for _, n := range needles {
		if n.Kind == Phone {
			s.phones[n.Words[0]] = n
			continue
		}
		s.byFirst[n.Words[0]] = append(s.byFirst[n.Words[0]], n)
		s.maxWords = max(s.maxWords, len(n.Words))
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
	// carry holds the last words of the previous line, so that a name
	// split over two lines is found (on the line where it ends).
	var carry []string
	for line := 1; sc.Scan(); line++ {
		if len(s.phones) > 0 {
			reported := map[string]bool{}
			phones(unhide(sc.Text()), func(key string) {
				if n, ok := s.phones[key]; ok && !reported[key] {
					reported[key] = true
					out = append(out, Finding{File: name, Line: line, Needle: n})
				}
			})
		}
		words := append(carry, Words(sc.Text())...)
		for i, w := range words {
			for _, n := range s.byFirst[w] {
				end := i + len(n.Words)
				if end <= len(words) && end > len(carry) && equal(words[i:end], n.Words) {
					out = append(out, Finding{File: name, Line: line, Needle: n})
				}
			}
		}
		keep := min(len(words), max(s.maxWords-1, 0))
		carry = append([]string(nil), words[len(words)-keep:]...)
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
