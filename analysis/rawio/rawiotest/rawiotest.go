// Package rawiotest helps the fuzz targets of the readers reach the paths
// past every limit of rawio.Limits with small inputs.
package rawiotest

import "github.com/faire-communaute/compendium/analysis/rawio"

// FuzzLimits turns a fuzzed code into limits: 0 gives the defaults; any
// other code small limits — lines of 16 to 527 bytes (bits 0–8), fields
// of 4 to 259 (bits 9–16), records of 1 to 8 lines (bits 17–19), depths
// of 1 to 32 (bits 20–24) — with the defaults for the rest.
func FuzzLimits(code uint32) rawio.Limits {
	if code == 0 {
		return rawio.Limits{}.WithDefaults()
	}
	return rawio.Limits{
		LineBytes:   16 + int(code%512),
		FieldBytes:  4 + int(code>>9%256),
		RecordLines: 1 + int(code>>17%8),
		Depth:       1 + int(code>>20%32),
	}.WithDefaults()
}
