package rawiotest

import (
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
)

func TestFuzzLimits(t *testing.T) {
	if got := FuzzLimits(0); got != (rawio.Limits{}).WithDefaults() {
		t.Errorf("FuzzLimits(0) = %+v, want the defaults", got)
	}
	got := FuzzLimits(496 | 60<<9 | 3<<17 | 7<<20)
	if got.LineBytes != 512 || got.FieldBytes != 64 || got.RecordLines != 4 || got.Depth != 8 ||
		got.DecompressedBytes != rawio.DefaultDecompressedBytes || got.Ratio != rawio.DefaultRatio {
		t.Errorf("FuzzLimits = %+v, want lines 512, fields 64, records 4, depth 8, default decompression", got)
	}
}
