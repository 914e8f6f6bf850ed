package rawio

import "bytes"

// CheckJSONDepth returns a *LimitError when the JSON text b nests arrays
// and objects deeper than max levels, and nil otherwise (it does not
// validate b). Recursive decoders overflow the stack on JSON nested
// millions of levels deep; readers call this before decoding a record.
// It costs one vectorised count of brackets when b holds fewer than max
// of them, the common case, and one pass over b otherwise.
func CheckJSONDepth(b []byte, max int) error {
	if bytes.Count(b, []byte{'{'})+bytes.Count(b, []byte{'['}) <= max {
		return nil
	}
	depth := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '{', '[':
			depth++
			if depth > max {
				return NewLimitError(Limits{Depth: max}, "depth")
			}
		case '}', ']':
			depth--
		case '"':
			// Skip the string, escapes included.
			for i++; i < len(b); i++ {
				j := bytes.IndexAny(b[i:], "\"\\")
				if j < 0 {
					return nil
				}
				i += j
				if b[i] == '\\' {
					i++
					continue
				}
				break
			}
		}
	}
	return nil
}
