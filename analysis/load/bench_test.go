package load

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// writeBenchFile writes n fake messages of platform: threads of ten, one
// author in seven named in the texts.
func writeBenchFile(b *testing.B, platform string, n int) string {
	b.Helper()
	var sb strings.Builder
	sb.WriteString("#fake " + platform + "\n")
	for i := 0; i < n; i++ {
		parent, kind := "", "post"
		if i%10 != 0 {
			parent, kind = fmt.Sprint(i-1), "comment"
		}
		author := fmt.Sprintf("n:Prénom%d Nom%d", i%500, i%37)
		text := fmt.Sprintf("Bonjour Prénom%d Nom%d, merci pour ce message sur la convention collective et les horaires du week-end. @compte%d", i%7, i%37, i%11)
		if platform == "twitter" {
			author = fmt.Sprintf("h:compte%d;i:%d", i%500, i%500)
			kind = map[string]string{"post": "tweet", "comment": "reply"}[kind]
		}
		fmt.Fprintf(&sb, "m\t%d\t%s\t\t%s\t%s\t2019-05-01T08:%02d:%02dZ\t%s\tG\t\t\tconvention|AVS\t\n",
			i, parent, kind, author, i/60%60, i%60, text)
	}
	p := filepath.Join(b.TempDir(), platform+".fake")
	if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

func benchmarkFiles(b *testing.B, platform string) { benchmarkFilesWorkers(b, platform, 0) }

func benchmarkFilesWorkers(b *testing.B, platform string, workers int) {
	p := writeBenchFile(b, platform, 20000)
	fi, _ := os.Stat(p)
	b.SetBytes(fi.Size())
	for b.Loop() {
		if _, _, err := Files([]string{p}, Options{Key: testKey, Workers: workers}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFilesFacebook measures load's own work on Facebook messages
// (the fake format costs little): pseudonyms, name scrubbing, threads.
func BenchmarkFilesFacebook(b *testing.B) { benchmarkFiles(b, "facebook") }

// BenchmarkFilesTwitter measures load's own work on Twitter messages.
func BenchmarkFilesTwitter(b *testing.B) { benchmarkFiles(b, "twitter") }

// BenchmarkFilesTwitterOneWorker is BenchmarkFilesTwitter in one
// goroutine (Workers 1): the messages converted in their turn, not ahead.
func BenchmarkFilesTwitterOneWorker(b *testing.B) { benchmarkFilesWorkers(b, "twitter", 1) }

// BenchmarkCorpusBytes reports the heap a loaded corpus holds per
// message (B/msg: live heap after the load, less before, after a
// collection each time, divided by the messages), on 20,000 fake Twitter
// messages with hashtags, mentions and a language tag shared by all.
func BenchmarkCorpusBytes(b *testing.B) {
	p := writeBenchFile(b, "twitter", 20000)
	var perMsg float64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		c, _, err := Files([]string{p}, Options{Key: testKey})
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		perMsg = float64(after.HeapAlloc-before.HeapAlloc) / float64(len(c.Messages))
		runtime.KeepAlive(c)
	}
	b.ReportMetric(perMsg, "B/msg")
}
