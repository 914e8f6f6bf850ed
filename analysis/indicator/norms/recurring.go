package norms

import (
	"hash/fnv"
	"sort"
	"strings"
	"time"
)

// MinHash parameters (see the package documentation).
const (
	MinHashSeed        = 0x5eed2013
	NumHashes          = 128
	Bands              = 32
	BandRows           = NumHashes / Bands
	RecurringThreshold = 0.5
	MaxBucketCompare   = 64
	BucketScan         = 16
)

// Pair is a pair of near-duplicate questions, the earlier first.
type Pair struct {
	EarlierCommunity, EarlierID string
	LaterCommunity, LaterID     string
	Similarity                  float64 // Jaccard similarity of the shingle sets
}

var hashSeeds = func() [NumHashes]uint64 {
	var s [NumHashes]uint64
	x := uint64(MinHashSeed)
	for i := range s {
		x = splitmix(x)
		s[i] = x
	}
	return s
}()

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// Shingles returns the sorted, distinct 64-bit hashes of the 3-stem
// shingles of stems (one shingle when there are fewer than 3 stems, none
// when there are none).
func Shingles(stems []string) []uint64 {
	if len(stems) == 0 {
		return nil
	}
	k := min(3, len(stems))
	out := make([]uint64, 0, len(stems)-k+1)
	for i := 0; i+k <= len(stems); i++ {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(stems[i:i+k], " ")))
		out = append(out, h.Sum64())
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return compact(out)
}

func compact(xs []uint64) []uint64 {
	if len(xs) == 0 {
		return xs
	}
	j := 0
	for i := 1; i < len(xs); i++ {
		if xs[i] != xs[j] {
			j++
			xs[j] = xs[i]
		}
	}
	return xs[:j+1]
}

// Signature returns the MinHash signature of a shingle set.
func Signature(sh []uint64) [NumHashes]uint64 {
	var sig [NumHashes]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, x := range sh {
		for i, s := range hashSeeds {
			if h := splitmix(x ^ s); h < sig[i] {
				sig[i] = h
			}
		}
	}
	return sig
}

// Jaccard returns |a ∩ b| / |a ∪ b| of two sorted sets (NaN-free: 0 when
// both are empty).
func Jaccard(a, b []uint64) float64 {
	i, j, inter := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// Recurring returns the near-duplicate pairs among the questions of
// threads (sorted by Thread order, as QuestionThreads returns them),
// sorted by earlier question then later question (thread order).
func Recurring(threads []Thread) []Pair {
	ts := append([]Thread(nil), threads...)
	sort.SliceStable(ts, func(a, b int) bool { return threadLess(&ts[a], &ts[b]) })
	sh := make([][]uint64, len(ts))
	buckets := make([]map[uint64][]int, Bands)
	for b := range buckets {
		buckets[b] = map[uint64][]int{}
	}
	var hits []pairHit
	cands := map[int]bool{}
	var list []int
	for i := range ts {
		sh[i] = Shingles(ts[i].Stems)
		if len(sh[i]) == 0 {
			continue
		}
		sig := Signature(sh[i])
		clear(cands)
		for b := 0; b < Bands; b++ {
			k := uint64(b)
			for _, v := range sig[b*BandRows : (b+1)*BandRows] {
				k = splitmix(k ^ v)
			}
			bucket := buckets[b][k]
			for _, j := range bucket[max(0, len(bucket)-BucketScan):] {
				cands[j] = true
			}
			buckets[b][k] = append(bucket, i)
		}
		list = list[:0]
		for j := range cands {
			list = append(list, j)
		}
		// the most recent candidates, in thread order
		sort.Ints(list)
		for _, j := range list[max(0, len(list)-MaxBucketCompare):] {
			if s := Jaccard(sh[j], sh[i]); s >= RecurringThreshold {
				hits = append(hits, pairHit{j, i, s})
			}
		}
	}
	return hitPairs(ts, hits)
}

// Recurrence is a recurring question: the later question of at least one
// near-duplicate pair, with its nearest earlier near-duplicate.
type Recurrence struct {
	Community, ID               string // the recurring question
	EarlierCommunity, EarlierID string // its nearest earlier near-duplicate
	// Days is the time from the earlier question to the recurring one, in
	// days of 24 hours.
	Days float64
}

// NumGapBins is the number of bins of GapBins.
const NumGapBins = 6

// GapBins returns the lower bounds, in days, of the bins in which the gaps
// of recurring questions are counted (GapHistogram): [0, 1), [1, 7),
// [7, 30), [30, 90), [90, 365) and [365, ∞).
func GapBins() [NumGapBins]float64 { return [NumGapBins]float64{0, 1, 7, 30, 90, 365} }

// Recurrences returns, for each question of threads that is the later one
// of a pair, the nearest earlier question it duplicates (the first pair
// in pairs order among equal gaps), in pairs order of first appearance.
func Recurrences(threads []Thread, pairs []Pair) []Recurrence {
	created := make(map[key]time.Time, len(threads))
	for _, t := range threads {
		created[key{t.Community, t.ID}] = t.Created
	}
	at := map[key]int{}
	var out []Recurrence
	for _, p := range pairs {
		k := key{p.LaterCommunity, p.LaterID}
		d := created[k].Sub(created[key{p.EarlierCommunity, p.EarlierID}]).Hours() / 24
		r := Recurrence{Community: p.LaterCommunity, ID: p.LaterID, EarlierCommunity: p.EarlierCommunity, EarlierID: p.EarlierID, Days: d}
		if i, ok := at[k]; !ok {
			at[k] = len(out)
			out = append(out, r)
		} else if d < out[i].Days {
			out[i] = r
		}
	}
	return out
}

// Gaps is the histogram of the gaps of recurring questions.
type Gaps struct {
	// Counts[b] is the number of recurrences whose Days fall in bin b of
	// GapBins (lower bound included, upper excluded).
	Counts [NumGapBins]int
	// Total is the number of recurrences counted.
	Total int
}

// Share returns the share of the recurrences in bin b, NaN without
// recurrences.
func (g Gaps) Share(b int) float64 { return ratio(g.Counts[b], g.Total) }

// GapHistogram counts the recurrences of rs in GapBins.
func GapHistogram(rs []Recurrence) Gaps {
	var g Gaps
	bins := GapBins()
	for _, r := range rs {
		for b := len(bins) - 1; b >= 0; b-- {
			if r.Days >= bins[b] {
				g.Counts[b]++
				g.Total++
				break
			}
		}
	}
	return g
}

// RecurringShare returns the share of threads that are the later question
// of a pair, NaN without threads.
func RecurringShare(threads []Thread, pairs []Pair) float64 {
	if len(threads) == 0 {
		return nan()
	}
	later := map[key]bool{}
	for _, p := range pairs {
		later[key{p.LaterCommunity, p.LaterID}] = true
	}
	return float64(len(later)) / float64(len(threads))
}

// pairHit is a pair of threads found similar: indexes a < b into the
// threads in thread order, and their similarity.
type pairHit struct {
	a, b int
	s    float64
}

// hitPairs returns the pairs of hits in the order of their first, then
// second thread: what Recurring and SimilarPairs return.
func hitPairs(ts []Thread, hits []pairHit) []Pair {
	sort.Slice(hits, func(x, y int) bool {
		if hits[x].a != hits[y].a {
			return hits[x].a < hits[y].a
		}
		return hits[x].b < hits[y].b
	})
	out := make([]Pair, len(hits))
	for k, h := range hits {
		out[k] = Pair{ts[h.a].Community, ts[h.a].ID, ts[h.b].Community, ts[h.b].ID, h.s}
	}
	return out
}
