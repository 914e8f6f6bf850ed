// Command benchgo is the Go side of scripts/bench: it loads raw exports
// with the project's loader (load.Files) and computes the seven reference
// indicators with the project's indicator packages, timing each step, and
// writes the same JSON as scripts/bench_pandas.py:
//
//	benchgo --format twarc2|netvizz|facepager FILES... [--out RESULT.json] [--cpuprofile FILE] [--memprofile FILE] [--workers N]
//
// --memprofile writes a heap profile taken right after the load (after a
// collection): inuse_space is what the loaded messages hold,
// alloc_space what the load allocated in all (go tool pprof).
//
// --workers sets load.Options.Workers (0, the default: GOMAXPROCS), to
// compare a load on one worker with a parallel one.
//
// The JSON holds load_s and indicators_s (wall seconds), peak_rss_mb (the
// process's peak resident set size, VmHWM of /proc/self/status, else the
// Go runtime's total memory at the end), heap_bytes_per_message (the live
// heap after the load, after a collection, per message),
// message_struct_bytes (the size of a corpus.Message), messages (distinct
// messages), memory_limit (the soft memory limit of the run, see package
// memory) and indicators (name: value, null when undefined).
//
// All files of one run form one community, as in bench_pandas.py:
// load.Files puts messages in a community per group their export names
// (else in one community per platform, "ungrouped-twitter" for the
// simulator's twarc2 files), so benchgo pools them into one and removes
// duplicate ids across communities the way the loader does within one
// (the first copy wins, completed with the parent and author of later
// copies). Pooling is part of load_s.
//
// Indicators: reply_rate and median_first_reply_min from
// responsiveness.Threads and SummarizePoint (the values without their
// bootstrap intervals); gini_messages_per_author and
// top10_share from participation.PerAuthor, Gini and Top10Share; density
// and reciprocity from network.Build; off_hours_share from
// rhythm.OffHoursShare. The threads and the network share one index of
// the messages (corpus.IndexMessages; ThreadsIndexed, BuildIndexed), and
// the three families run at once (see Compute).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/memory"
	"github.com/faire-communaute/compendium/analysis/progress"
)

// benchKey is the pseudonymisation key of benchmark loads: the corpora are
// synthetic, and a fixed key keeps the run independent of the user's key.
var benchKey = []byte("compendium-benchmark-key")

// Families are the export families benchgo measures, as --format names
// them: a file's format (load.FileReport.Format) must start with its
// family's name (netvizz-posts and netvizz-comments are netvizz).
var Families = []string{"twarc2", "netvizz", "facepager"}

// Community is the id the pooled messages get.
const Community = "bench"

// Indicators lists the reference indicators in output order.
var Indicators = []string{
	"reply_rate",
	"median_first_reply_min",
	"gini_messages_per_author",
	"top10_share",
	"density",
	"reciprocity",
	"off_hours_share",
}

// Result is what one run measures; it marshals to the JSON that
// bench_pandas.py writes.
type Result struct {
	LoadS       float64 `json:"load_s"`
	IndicatorsS float64 `json:"indicators_s"`
	PeakRSSMB   float64 `json:"peak_rss_mb"`
	// HeapPerMessage is the live heap after the load (after a
	// collection), divided by the messages: what the corpus costs per
	// message, the process's own baseline included.
	HeapPerMessage float64 `json:"heap_bytes_per_message"`
	// MessageStruct is the size of a corpus.Message, the part of
	// HeapPerMessage every message costs whatever it holds.
	MessageStruct int `json:"message_struct_bytes"`
	Messages      int `json:"messages"`
	// MemoryLimit describes the soft memory limit the run had (see
	// package memory): GOMEMLIMIT when set, else 90 % of the cgroup's or
	// the machine's memory.
	MemoryLimit string             `json:"memory_limit"`
	Indicators  map[string]float64 `json:"-"`
}

// MarshalJSON writes the indicators in Indicators order, NaN as null.
func (r Result) MarshalJSON() ([]byte, error) {
	type plain Result
	head, err := json.Marshal(plain(r))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write(head[:len(head)-1])
	b.WriteString(`,"indicators":{`)
	for i, name := range Indicators {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q:", name)
		v, ok := r.Indicators[name]
		if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
			b.WriteString("null")
		} else {
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	b.WriteString("}}")
	return b.Bytes(), nil
}

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "benchgo:", err)
		os.Exit(1)
	}
}

// options are the command line of one run.
type options struct {
	format     string
	out        string
	cpuprofile string
	memprofile string
	workers    int
	files      []string
}

// parseArgs reads flags placed before, between or after the files.
func parseArgs(args []string, errOut io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("benchgo", flag.ContinueOnError)
	fs.SetOutput(errOut)
	fs.StringVar(&o.format, "format", "", "export family: "+strings.Join(Families, ", "))
	fs.StringVar(&o.out, "out", "", "write the result as JSON to this file")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	fs.StringVar(&o.memprofile, "memprofile", "", "write a heap profile taken after the load to this file (go tool pprof)")
	fs.IntVar(&o.workers, "workers", 0, "load.Options.Workers: files and chunks decoded at once (0: GOMAXPROCS)")
	for {
		if err := fs.Parse(args); err != nil {
			return o, err
		}
		if fs.NArg() == 0 {
			break
		}
		o.files = append(o.files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case !slices.Contains(Families, o.format):
		return o, fmt.Errorf("--format must be one of %s, not %q", strings.Join(Families, ", "), o.format)
	case len(o.files) == 0:
		return o, errors.New("no file given")
	}
	return o, nil
}

func run(args []string, stdout, stderr io.Writer) error {
	o, err := parseArgs(args, stderr)
	if err != nil {
		return err
	}
	limit := memory.Set()
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	Workers = o.workers
	MemProfile = o.memprofile
	res, err := Measure(o.format, o.files)
	if err != nil {
		return err
	}
	res.MemoryLimit = limit.String()
	b, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if _, err := stdout.Write(b); err != nil {
		return err
	}
	if o.out != "" {
		return os.WriteFile(o.out, b, 0o644)
	}
	return nil
}

// Measure loads files of the given family (one of Families) and computes
// the reference indicators, timing both steps.
func Measure(family string, files []string) (Result, error) {
	t0 := time.Now()
	msgs, err := Load(family, files)
	if err != nil {
		return Result{}, err
	}
	t1 := time.Now()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heap := float64(ms.HeapAlloc) / float64(max(len(msgs), 1))
	if MemProfile != "" {
		if err := writeHeapProfile(MemProfile); err != nil {
			return Result{}, err
		}
	}
	t2 := time.Now() // the collection is neither the load's time nor the indicators'
	ind := Compute(msgs)
	t3 := time.Now()
	return Result{
		LoadS:          t1.Sub(t0).Seconds(),
		IndicatorsS:    t3.Sub(t2).Seconds(),
		PeakRSSMB:      peakRSSMB(),
		HeapPerMessage: heap,
		MessageStruct:  int(unsafe.Sizeof(corpus.Message{})),
		Messages:       len(msgs),
		Indicators:     ind,
	}, nil
}

// Workers is the load.Options.Workers of Load (0: GOMAXPROCS).
var Workers int

// MemProfile, when set, is the file Measure writes a heap profile to,
// right after the load and a collection.
var MemProfile string

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Load reads files with load.Files and returns their distinct messages as
// one community. Every file must be of the given family.
func Load(family string, files []string) ([]corpus.Message, error) {
	// On a terminal (scripts/bench run by hand), a progress bar after two
	// seconds, cleared when the load ends; elsewhere nothing. Its hook
	// runs once per MiB read and per file.
	hook, end := progress.Load(os.Stderr, "benchgo: load")
	c, rep, err := load.Files(files, load.Options{Key: benchKey, OnProgress: hook, Workers: Workers})
	end()
	if err != nil {
		return nil, err
	}
	for _, f := range rep.Files {
		if !strings.HasPrefix(f.Format, family) {
			return nil, fmt.Errorf("%s: read as %s, not %s", f.Path, f.Format, family)
		}
	}
	if rep.Rejected > 0 {
		fmt.Fprintf(os.Stderr, "benchgo: %d of %d records rejected\n", rep.Rejected, rep.Records)
	}
	return Pool(c.Messages), nil
}

// Pool puts msgs into one community and removes the duplicate ids across
// communities, in place: the first copy is kept, and its parent and author,
// when empty, are taken from a later copy (as the loader does within a
// community). Messages of a single community are returned as they are.
func Pool(msgs []corpus.Message) []corpus.Message {
	single := true
	for i := range msgs {
		if msgs[i].Community != msgs[0].Community {
			single = false
			break
		}
	}
	if single {
		return msgs
	}
	first := make(map[string]int, len(msgs))
	out := msgs[:0]
	for i := range msgs {
		m := &msgs[i]
		if j, dup := first[m.ID]; dup {
			k := &out[j]
			if k.ParentID == "" && m.ParentID != "" {
				k.ParentID, k.Kind = m.ParentID, m.Kind
			}
			if k.Author == "" {
				k.Author = m.Author
			}
			continue
		}
		first[m.ID] = len(out)
		m.Community = Community
		out = append(out, *m)
	}
	clear(msgs[len(out):]) // let the collector free the duplicates' fields
	return out[:len(out):len(out)]
}

// Compute returns the reference indicators of the distinct messages of one
// community. The messages are indexed once (corpus.IndexMessages) for the
// threads and the network; the three families are computed at once, each
// on its own goroutine: they only read msgs and the index, and each
// computes its values as it would alone, so the values do not depend on
// how the goroutines are scheduled.
func Compute(msgs []corpus.Message) map[string]float64 {
	ix := corpus.IndexMessages(msgs)
	var (
		resp                  responsiveness.Summary
		gini, top10, offHours float64
		density, reciprocity  float64
		wg                    sync.WaitGroup
	)
	wg.Go(func() { resp = responsiveness.SummarizePoint(responsiveness.ThreadsIndexed(msgs, ix)) })
	wg.Go(func() {
		g := network.BuildIndexed(msgs, ix)
		density, reciprocity = g.Density(), g.Reciprocity()
	})
	wg.Go(func() {
		counts, _ := participation.PerAuthor(msgs)
		x := participation.Values(counts)
		gini = participation.Gini(x) // the plain G, as pandas computes it; indicators.csv reports G*
		top10 = participation.Top10Share(x)
		offHours = rhythm.OffHoursShare(msgs)
	})
	wg.Wait()
	return map[string]float64{
		"reply_rate":               resp.ReplyRate.Value,
		"median_first_reply_min":   resp.MedianFirstReplyMin.Value,
		"gini_messages_per_author": gini,
		"top10_share":              top10,
		"density":                  density,
		"reciprocity":              reciprocity,
		"off_hours_share":          offHours,
	}
}

// peakRSSMB returns the peak resident set size in MiB: VmHWM from
// /proc/self/status, else the memory the Go runtime holds from the system.
func peakRSSMB() float64 {
	if f, err := os.Open("/proc/self/status"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
				if kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64); err == nil {
					return kb / 1024
				}
			}
		}
	}
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		return float64(s[0].Value.Uint64()) / (1 << 20)
	}
	return math.NaN()
}
