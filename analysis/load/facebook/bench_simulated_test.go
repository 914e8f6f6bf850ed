package facebook

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/simulate"
)

// simFacepager is a Facepager export of the simulated study at scale 2
// (about 23,000 records), decompressed, made once.
var simFacepager = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "facepager-bench")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	sum, err := simulate.Generate(simulate.DefaultParams(20190523, 2), simulate.Options{Out: dir, Families: []string{"facepager"}})
	if err != nil {
		return nil, err
	}
	for _, f := range sum.Files {
		if m, _ := filepath.Match("raw/*/facepager_*", f.Path); m {
			return gunzipFile(filepath.Join(dir, f.Path))
		}
	}
	return nil, os.ErrNotExist
})

// gunzipFile returns the content of a file, decompressed if gzipped.
func gunzipFile(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil || len(raw) < 2 || raw[0] != 0x1f || raw[1] != 0x8b {
		return raw, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// BenchmarkSimulated reads the simulated study's exports, decompressed
// (the readers' own work, without gzip): Facepager at scale 2, and the
// Netvizz files of /work/bench-s20/data-1e6 when present (0.88 M
// messages). MB/cpu-s are per second of CPU time used by the process.
func BenchmarkSimulated(b *testing.B) {
	b.Run("facepager", func(b *testing.B) {
		data, err := simFacepager()
		if err != nil {
			b.Fatal(err)
		}
		benchSimulated(b, Facepager, data)
	})
	for _, kind := range []string{"posts", "comments"} {
		b.Run("netvizz-"+kind+"-1e6", func(b *testing.B) {
			paths, _ := filepath.Glob("/work/bench-s20/data-1e6/raw/*/netvizz_*_" + kind + ".tsv.gz")
			if len(paths) == 0 {
				b.Skip("no simulated Netvizz files at /work/bench-s20/data-1e6")
			}
			data, err := gunzipFile(paths[0])
			if err != nil {
				b.Fatal(err)
			}
			benchSimulated(b, "netvizz-"+kind, data)
		})
	}
}

func benchSimulated(b *testing.B, format string, data []byte) {
	fm, ok := rawio.Lookup(format)
	if !ok {
		b.Fatalf("no format %s", format)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	start, n := cpuTime(), 0
	defer func() {
		if cpu := cpuTime() - start; cpu > 0 && n > 0 {
			b.ReportMetric(float64(len(data))*float64(n)/cpu.Seconds()/1e6, "MB/cpu-s")
		}
	}()
	msgs := -1
	for b.Loop() {
		n++
		f, err := rawio.NewFile("bench", bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		var c counter
		if err := fm.Read(f, &c); err != nil {
			b.Fatal(err)
		}
		if msgs >= 0 && c.msgs != msgs {
			b.Fatalf("%d messages, then %d", msgs, c.msgs)
		}
		msgs = c.msgs
		b.ReportMetric(float64(c.msgs), "msgs")
	}
}
