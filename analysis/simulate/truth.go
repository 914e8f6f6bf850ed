package simulate

import (
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// TruthMessage is one row of the truth file (raw/truth/messages.csv.gz):
// what the simulator generated for a message, to test what the loaders and
// indicators recover.
type TruthMessage struct {
	Community, ID, Kind, ParentID, ThreadID string
	AuthorKey, AuthorRole, Created          string
	Theme, QuestionType, AnswerStatus       string
	Cites, DuplicateOf                      string
}

// ReadTruth reads a truth file written by Generate (gzip-compressed or
// not), checking its header.
func ReadTruth(path string) ([]TruthMessage, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	if strings.Join(header, ",") != strings.Join(TruthHeader, ",") {
		return nil, fmt.Errorf("%s: header %q, want %q", path, header, TruthHeader)
	}
	var out []TruthMessage
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, TruthMessage{rec[0], rec[1], rec[2], rec[3], rec[4], rec[5], rec[6], rec[7],
			rec[8], rec[9], rec[10], rec[11], rec[12]})
	}
}

// TruthPath is where Generate writes the truth of the study whose study
// file is studyFile: raw/truth/messages.csv.gz beside it.
func TruthPath(studyFile string) string {
	return filepath.Join(filepath.Dir(studyFile), "raw", "truth", "messages.csv.gz")
}

// TruthSubGroup is one row of raw/truth/subgroups.csv, written when
// sub-groups are planted (Params.SubGroups): a member of the community
// (by the truth's author key, as in messages.csv.gz) and their
// sub-group.
type TruthSubGroup struct {
	Community, AuthorKey, SubGroup string
}

// SubGroupsHeader are the columns of raw/truth/subgroups.csv.
var SubGroupsHeader = []string{"community", "author_key", "subgroup"}

// SubGroupsPath is where Generate writes the planted sub-groups of the
// study whose study file is studyFile: raw/truth/subgroups.csv beside it
// (or subgroups.csv.gz when larger than GzipThreshold).
func SubGroupsPath(studyFile string) string {
	return filepath.Join(filepath.Dir(studyFile), "raw", "truth", "subgroups.csv")
}

func writeSubGroups(root, rel string, subs []TruthSubGroup) (string, error) {
	o, err := createOut(root, rel, false)
	if err != nil {
		return "", err
	}
	w := csv.NewWriter(o)
	w.Write(SubGroupsHeader)
	for _, s := range subs {
		w.Write([]string{s.Community, s.AuthorKey, s.SubGroup})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return "", err
	}
	return o.Close()
}

// ReadSubGroups reads the planted sub-groups written by Generate (path,
// or path.gz when path does not exist), checking the header.
func ReadSubGroups(path string) ([]TruthSubGroup, error) {
	if _, err := os.Stat(path); err != nil {
		if _, errz := os.Stat(path + ".gz"); errz == nil {
			path += ".gz"
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != strings.Join(SubGroupsHeader, ",") {
		var h []string
		if len(rows) > 0 {
			h = rows[0]
		}
		return nil, fmt.Errorf("%s: header %q, want %q", path, h, SubGroupsHeader)
	}
	out := make([]TruthSubGroup, 0, len(rows)-1)
	for _, rec := range rows[1:] {
		out = append(out, TruthSubGroup{rec[0], rec[1], rec[2]})
	}
	return out, nil
}
