package facebook

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/faire-communaute/compendium/analysis/simulate"
)

// simulated returns the simulated study's exports of one family at scale
// 2 (the Facepager group's about 25,000 records; the Netvizz group's
// posts and comments), decompressed, by file name pattern, made once per
// family.
var simulated = sync.OnceValues(func() (map[string][]byte, error) {
	dir, err := os.MkdirTemp("", "facebook-bench")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	sum, err := simulate.Generate(simulate.DefaultParams(20190523, 2), simulate.Options{Out: dir, Families: []string{"facepager", "netvizz"}})
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, f := range sum.Files {
		for _, pattern := range []string{"raw/*/facepager_*", "raw/*/netvizz_*_posts.tsv*", "raw/*/netvizz_*_comments.tsv*"} {
			if m, _ := filepath.Match(pattern, f.Path); m {
				if out[pattern], err = gunzipFile(filepath.Join(dir, f.Path)); err != nil {
					return nil, err
				}
			}
		}
	}
	return out, nil
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

// BenchmarkSimulated reads the simulated study's exports at scale 2,
// decompressed (the readers' own work, without gzip): Facepager, Netvizz
// posts and comments. MB/cpu-s are per second of CPU time used by the
// process.
func BenchmarkSimulated(b *testing.B) {
	for _, c := range []struct{ name, format, pattern string }{
		{"facepager", Facepager, "raw/*/facepager_*"},
		{"netvizz-posts", NetvizzPosts, "raw/*/netvizz_*_posts.tsv*"},
		{"netvizz-comments", NetvizzComments, "raw/*/netvizz_*_comments.tsv*"},
	} {
		b.Run(c.name, func(b *testing.B) {
			files, err := simulated()
			if err != nil {
				b.Fatal(err)
			}
			if files[c.pattern] == nil {
				b.Fatalf("the simulation wrote no file %s", c.pattern)
			}
			benchRead(b, c.format, files[c.pattern], -1)
		})
	}
}
