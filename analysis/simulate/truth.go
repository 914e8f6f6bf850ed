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
