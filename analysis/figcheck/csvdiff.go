package figcheck

import (
	"fmt"
	"strings"
)

// DiffLine is one line of a line diff between a baseline and a new file.
type DiffLine struct {
	// Op is '-' (only in the baseline) or '+' (only in the new file).
	Op byte
	// Line is the 1-based line number in the baseline ('-') or new file ('+').
	Line int
	Text string
}

func (d DiffLine) String() string { return fmt.Sprintf("%c%d: %s", d.Op, d.Line, d.Text) }

// splitLines splits on "\n" keeping any "\r"; a final newline does not
// start an extra line.
func splitLines(b []byte) []string {
	s := string(b)
	if s == "" {
		return nil
	}
	s = strings.TrimSuffix(s, "\n")
	return strings.Split(s, "\n")
}

// firstDifference returns the 1-based number of the first line that differs
// between a and b with both texts; a missing line is reported as ok=false.
func firstDifference(a, b []string) (line int, oldText, newText string, oldOK, newOK bool) {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	if i < len(a) {
		oldText, oldOK = a[i], true
	}
	if i < len(b) {
		newText, newOK = b[i], true
	}
	return i + 1, oldText, newText, oldOK, newOK
}

// maxLCSCells bounds the work of the line diff; beyond it the middle part of
// the files is compared line by line.
const maxLCSCells = 4 << 20

// lineDiff returns the removed and added lines from a to b, at most limit
// of them, plus the number of further differing lines left out.
func lineDiff(a, b []string, limit int) (out []DiffLine, more int) {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	var all []DiffLine
	if len(ma)*len(mb) <= maxLCSCells {
		all = lcsDiff(ma, mb, pre)
	} else {
		for i := 0; i < max(len(ma), len(mb)); i++ {
			if i < len(ma) && i < len(mb) && ma[i] == mb[i] {
				continue
			}
			if i < len(ma) {
				all = append(all, DiffLine{'-', pre + i + 1, ma[i]})
			}
			if i < len(mb) {
				all = append(all, DiffLine{'+', pre + i + 1, mb[i]})
			}
		}
	}
	if len(all) > limit {
		return all[:limit], len(all) - limit
	}
	return all, 0
}

// lcsDiff is a plain longest-common-subsequence diff; offset is added to
// the line numbers.
func lcsDiff(a, b []string, offset int) []DiffLine {
	n, m := len(a), len(b)
	// l[i][j] = LCS length of a[i:], b[j:]
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	// Walk the table; within a hunk (between two common lines) removals are
	// listed before additions.
	var out, del, add []DiffLine
	flush := func() {
		out = append(out, del...)
		out = append(out, add...)
		del, add = del[:0], add[:0]
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			flush()
			i++
			j++
		case j < m && (i == n || l[i][j+1] >= l[i+1][j]):
			add = append(add, DiffLine{'+', offset + j + 1, b[j]})
			j++
		default:
			del = append(del, DiffLine{'-', offset + i + 1, a[i]})
			i++
		}
	}
	flush()
	return out
}

// quoteLine quotes a CSV line for a one-line reason, shortening long lines.
func quoteLine(s string) string {
	const max = 80
	r := []rune(s)
	if len(r) > max {
		return fmt.Sprintf("%q…", string(r[:max]))
	}
	return fmt.Sprintf("%q", s)
}
