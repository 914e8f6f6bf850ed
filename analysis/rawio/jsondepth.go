package rawio

import "bytes"

// CheckJSONDepth returns a *LimitError when the JSON text b nests arrays
// and objects deeper than max levels, and nil otherwise (it does not
// validate b). Recursive decoders overflow the stack on JSON nested
// millions of levels deep; readers call this before decoding a record.
//
// Brackets inside strings do not count, a backslash in a string escapes
// the next byte, and a string left open ends b. A record of less than
// 128 KiB holding fewer than max brackets in all costs one vectorised
// count; otherwise one pass, skipping strings with vectorised searches for
// their closing quote and for backslashes (API pages of a hundred tweets
// hold more brackets than the limit).
func CheckJSONDepth(b []byte, max int) error {
	if depthWithin(b, max) {
		return nil
	}
	return NewLimitError(Limits{Depth: max}, "depth")
}

// depthClass classes the bytes that matter to depthWithin outside
// strings: 1 opens an array or object, 2 closes one, 3 opens a string.
var depthClass = func() (t [256]uint8) {
	t['{'], t['['], t['}'], t[']'], t['"'] = 1, 1, 2, 2, 3
	return t
}()

func depthWithin(b []byte, max int) bool {
	if len(b) < 128<<10 && bytes.Count(b, []byte{'{'})+bytes.Count(b, []byte{'['}) <= max {
		return true
	}
	depth := 0
	for i := 0; i < len(b); i++ {
		switch depthClass[b[i]] {
		case 1:
			if depth++; depth > max {
				return false
			}
		case 2:
			depth--
		case 3: // a string: find its closing quote
			i++
			for {
				q := bytes.IndexByte(b[i:], '"')
				if q < 0 {
					return true
				}
				e := bytes.IndexByte(b[i:i+q], '\\')
				if e < 0 {
					i += q
					break
				}
				i += e + 2 // past the backslash and the byte it escapes
				if i >= len(b) {
					return true
				}
			}
		}
	}
	return true
}
