package load

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// MaxRejections is how many rejections a FileReport keeps in full.
const MaxRejections = 20

// FileReport says what became of the records of one raw file. Records ==
// Loaded + Duplicates + Conflicting + Rejected.
type FileReport struct {
	Path string // relative to the study folder, or as given; "ZIP!/MEMBER" for a member of a zip archive
	// Input is the position, from 0, of what named the file: the PATH
	// among the paths given to Files, or the source in the study file
	// (every community's sources in order, then the observations).
	Input  int
	Format string // empty when the file failed before its format was known
	SHA256 string // of the raw bytes; empty when the file was not read to the end
	// Err is why the file could not be read, or not to the end: a
	// *FileError. Only with Options.KeepGoing does a load go on after
	// such a file; its records read before the error stay counted.
	Err error
	// Records counts what the format read: messages, panels and profiles
	// read or rejected.
	Records    int
	Loaded     int
	Duplicates int // messages already read, in this file or an earlier one
	// Conflicting counts messages whose id was already read with another
	// author, time or text: the first copy is kept, unchanged.
	Conflicting int
	Rejected    int
	// Service counts, by kind, the records read that are not messages
	// (a chat's joins and pins): they are among Loaded.
	Service map[string]int
	// Reasons counts rejections by "field: reason".
	Reasons map[string]int
	// Rejections are the first MaxRejections rejections.
	Rejections []*rawio.ParseError
	// Conflicts are the first MaxRejections conflicting messages.
	Conflicts []*Conflict
}

// Conflict is a message id read twice with different contents.
type Conflict struct {
	Community string
	ID        string        // the message id (canonical), not an identity
	Fields    []string      // what differs: "author", "created", "text"
	First     corpus.Source // where the kept copy was read
	Later     corpus.Source // where the conflicting copy was read
}

func (c *Conflict) String() string {
	return fmt.Sprintf("%s:%d: message %s of %s differs in %s from %s:%d", c.Later.File, c.Later.Line, c.ID, c.Community,
		strings.Join(c.Fields, ", "), c.First.File, c.First.Line)
}

// Skipped is a file met in a folder, a zip archive or through a wildcard
// and not read, as no export: its format is not recognised, it is empty,
// or it is not a regular file.
type Skipped struct {
	Path   string // as FileReport.Path
	Input  int    // as FileReport.Input
	Reason string // e.g. "format not recognised"
}

// Report is what a load did, file by file, with totals.
type Report struct {
	Study     string // the study's name; empty for Files
	KeySource string // where the pseudonymisation key came from
	Files     []*FileReport
	// Skipped are the files not read, in the order met.
	Skipped     []Skipped
	Records     int
	Loaded      int
	Duplicates  int
	Conflicting int
	Rejected    int
}

func (r *Report) add(f *FileReport) {
	r.Records += f.Records
	r.Loaded += f.Loaded
	r.Duplicates += f.Duplicates
	r.Conflicting += f.Conflicting
	r.Rejected += f.Rejected
}

// Reasons returns the rejection reasons of every file, summed.
func (r *Report) Reasons() map[string]int {
	out := map[string]int{}
	for _, f := range r.Files {
		for k, n := range f.Reasons {
			out[k] += n
		}
	}
	return out
}

// String formats the report as a table, one row per file, each file's
// error, rejection reasons (sorted) and conflicts under it, one row per
// skipped file (format "skipped") with its reason under it, and a total
// row.
func (r *Report) String() string {
	header := []string{"file", "format", "records", "loaded", "duplicates", "conflicting", "rejected"}
	rows := [][]string{header}
	for _, f := range r.Files {
		rows = append(rows, []string{f.Path, f.Format, thousands(f.Records), thousands(f.Loaded), thousands(f.Duplicates), thousands(f.Conflicting), thousands(f.Rejected)})
	}
	for _, s := range r.Skipped {
		rows = append(rows, []string{s.Path, "skipped", "", "", "", "", ""})
	}
	rows = append(rows, []string{"total", "", thousands(r.Records), thousands(r.Loaded), thousands(r.Duplicates), thousands(r.Conflicting), thousands(r.Rejected)})
	width := make([]int, len(header))
	for _, row := range rows {
		for i, cell := range row {
			width[i] = max(width[i], len([]rune(cell)))
		}
	}
	var b strings.Builder
	if r.Study != "" {
		fmt.Fprintf(&b, "study %s\n", r.Study)
	}
	line := func(row []string) {
		var l strings.Builder
		for i, cell := range row {
			pad := strings.Repeat(" ", width[i]-len([]rune(cell)))
			switch {
			case i < 2:
				l.WriteString(cell + pad)
			default:
				l.WriteString(pad + cell)
			}
			if i < len(row)-1 {
				l.WriteString("  ")
			}
		}
		b.WriteString(strings.TrimRight(l.String(), " ") + "\n")
	}
	line(rows[0])
	for i, f := range r.Files {
		line(rows[i+1])
		if f.Err != nil {
			fmt.Fprintf(&b, "    error: %v\n", f.Err)
		}
		keys := make([]string, 0, len(f.Reasons))
		for k := range f.Reasons {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "    %s × %s\n", thousands(f.Reasons[k]), k)
		}
		kinds := make([]string, 0, len(f.Service))
		for k := range f.Service {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		for _, k := range kinds {
			fmt.Fprintf(&b, "    %s × service record %s (read, not a message)\n", thousands(f.Service[k]), k)
		}
		for _, c := range f.Conflicts {
			fmt.Fprintf(&b, "    conflict: %s\n", c)
		}
	}
	for i, s := range r.Skipped {
		line(rows[len(r.Files)+i+1])
		fmt.Fprintf(&b, "    %s\n", s.Reason)
	}
	line(rows[len(rows)-1])
	return b.String()
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
