package rawio

import (
	"fmt"
	"strconv"
	"strings"
)

// separators are the thousands separators locales write, removed before parsing.
var separators = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "'", "")

// ParseCount reads a count as exporting tools write it in the exporting
// user's locale: "1040", "1,040", "1.040", "1 040" (with a space, a
// no-break space or a narrow no-break space), "+288", and abbreviated
// counts such as "54,7 k", "171k" or "1.2M". An empty string is an error.
func ParseCount(s string) (int, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "+")
	if t == "" {
		return 0, ErrMissing
	}
	mult := 1.0
	lower := strings.ToLower(t)
	switch {
	case strings.HasSuffix(lower, "k"):
		mult, t = 1e3, strings.TrimSpace(t[:len(t)-1])
	case strings.HasSuffix(lower, "m"):
		mult, t = 1e6, strings.TrimSpace(t[:len(t)-1])
	}
	t = separators.Replace(t)
	if mult == 1 {
		// Separators in a plain count are thousands separators, but only
		// in groups of three digits: "1,5" is not a count.
		if strings.ContainsAny(t, ",.") {
			parts := strings.Split(strings.ReplaceAll(t, ",", "."), ".")
			for i, p := range parts {
				if (i > 0 && len(p) != 3) || p == "" {
					return 0, fmt.Errorf("%w: %q", ErrBadNumber, s)
				}
			}
			t = strings.Join(parts, "")
		}
		n, err := strconv.Atoi(t)
		if err != nil {
			return 0, fmt.Errorf("%w: %q", ErrBadNumber, s)
		}
		return n, nil
	}
	f, err := strconv.ParseFloat(strings.Replace(t, ",", ".", 1), 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %q", ErrBadNumber, s)
	}
	return int(f*mult + 0.5), nil
}
