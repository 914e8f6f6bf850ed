package themes

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

// Agreement is the inter-coder reliability of one coded variable (a
// theme present or not, the question, the question type, a thread's
// status...) between two coders of the same sample, as
// `scripts/code reliability` writes it in reliability.csv: Krippendorff's
// alpha (nominal) with its bootstrap interval over units, and for the
// pair, the units both coded, their percentage agreement and Cohen's
// kappa (package reliability defines each).
type Agreement struct {
	Variable       string
	Units          int // pairable units of alpha
	Alpha, Lo, Hi  float64
	Level          float64
	CoderA, CoderB string
	Both           int
	Agreement      float64
	Kappa          float64
}

// reliabilityHeader is the header of reliability.csv.
var reliabilityHeader = []string{"variable", "pairable_units", "alpha", "alpha_lo", "alpha_hi", "level", "coder_a", "coder_b", "both_coded", "agreement", "kappa"}

// LoadReliability reads a reliability.csv written by `scripts/code
// reliability` (UTF-8 with or without BOM, ';'-separated).
func LoadReliability(path string) ([]Agreement, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ReadReliability(bytes.NewReader(b), path)
}

// ReadReliability reads reliability.csv from r; name is its path, for
// errors.
func ReadReliability(r io.Reader, name string) ([]Agreement, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))))
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != strings.Join(reliabilityHeader, ",") {
		return nil, fmt.Errorf("%s: not a reliability.csv of scripts/code (header %v)", name, reliabilityHeader)
	}
	var out []Agreement
	for i, rec := range recs[1:] {
		num := func(c int) (float64, error) {
			if rec[c] == "" || rec[c] == "NaN" {
				return math.NaN(), nil
			}
			return strconv.ParseFloat(rec[c], 64)
		}
		var a Agreement
		var errs [8]error
		a.Variable, a.CoderA, a.CoderB = rec[0], rec[6], rec[7]
		a.Units, errs[0] = strconv.Atoi(rec[1])
		a.Alpha, errs[1] = num(2)
		a.Lo, errs[2] = num(3)
		a.Hi, errs[3] = num(4)
		a.Level, errs[4] = num(5)
		a.Both, errs[5] = strconv.Atoi(rec[8])
		a.Agreement, errs[6] = num(9)
		a.Kappa, errs[7] = num(10)
		for c, e := range errs {
			if e != nil {
				return nil, fmt.Errorf("%s:%d: field %q: %w", name, i+2, reliabilityHeader[[]int{1, 2, 3, 4, 5, 8, 9, 10}[c]], e)
			}
		}
		out = append(out, a)
	}
	return out, nil
}
