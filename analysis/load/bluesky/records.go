package bluesky

import (
	"github.com/faire-communaute/compendium/analysis/load/internal/jsonvalues"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// eachRecord calls fn with each JSON record of r.f and the line where it
// starts: the non-blank lines of JSON lines, the top-level values of a
// document (the elements of a top-level array one by one), split by
// jsonvalues.Each within the file's limits. A record past the line limit
// or nested deeper than Limits.Depth is rejected whole, naming its line
// and the limit, and reading goes on with the next one; memory holds one
// record at a time.
func (r *reader) eachRecord(fn func(b []byte, line int)) error {
	depth := r.f.Limits.WithDefaults().Depth
	return jsonvalues.Each(r.f, func(b []byte, line int, bad error) {
		if bad == nil {
			bad = rawio.CheckJSONDepth(b, depth)
		}
		if bad != nil {
			r.reject(line, 0, "", bad)
			return
		}
		fn(b, line)
	})
}
