package responsiveness

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"
)

type refKey struct{ community, id string }

// refThreads is Threads as first written (a map keyed by (community, id)
// strings): the definition Threads must keep, bit for bit.
func refThreads(msgs []corpus.Message) []Thread {
	idx := make(map[refKey]int, len(msgs))
	repeated := make([]bool, len(msgs)) // a later occurrence of an id
	for i := range msgs {
		k := refKey{msgs[i].Community, msgs[i].ID}
		if _, dup := idx[k]; dup {
			repeated[i] = true
		} else {
			idx[k] = i
		}
	}

	// root[i] is the index of message i's thread start, noThread, or a
	// transient state while resolving. Each message is walked once: the
	// path followed is memoised.
	root := make([]int, len(msgs))
	for i := range root {
		root[i] = unresolved
	}
	var path []int
	for i := range msgs {
		if root[i] != unresolved || repeated[i] {
			continue
		}
		path = path[:0]
		j, r := i, noThread
		for {
			if root[j] == visiting { // a loop of parents
				break
			}
			if root[j] != unresolved {
				r = root[j]
				break
			}
			if msgs[j].IsThreadStart() {
				root[j] = j
				r = j
				break
			}
			if msgs[j].ParentID == "" { // an orphan reply: no thread
				root[j] = noThread
				break
			}
			root[j] = visiting
			path = append(path, j)
			p, ok := idx[refKey{msgs[j].Community, msgs[j].ParentID}]
			if !ok {
				break
			}
			j = p
		}
		for _, q := range path {
			root[q] = r
		}
	}

	end := map[string]time.Time{}
	for i := range msgs {
		m := &msgs[i]
		if e, ok := end[m.Community]; !ok || m.Created.After(e) {
			end[m.Community] = m.Created
		}
	}

	pos := make([]int, len(msgs)) // thread start index -> position in out
	var out []Thread
	for i := range msgs {
		if root[i] == i && !repeated[i] {
			m := &msgs[i]
			pos[i] = len(out)
			out = append(out, Thread{Community: m.Community, ID: m.ID, Start: m.Created, End: end[m.Community]})
		}
	}
	for i := range msgs {
		r := root[i]
		if r < 0 || r == i || repeated[i] || msgs[i].Author == msgs[r].Author {
			continue
		}
		t := &out[pos[r]]
		if t.Replies == 0 || msgs[i].Created.Before(t.FirstReply) {
			t.FirstReply = msgs[i].Created
		}
		t.Replies++
	}
	sort.Slice(out, func(a, b int) bool {
		x, y := &out[a], &out[b]
		if x.Community != y.Community {
			return x.Community < y.Community
		}
		if !x.Start.Equal(y.Start) {
			return x.Start.Before(y.Start)
		}
		return x.ID < y.ID
	})
	return out
}

// randomCorpus returns n messages in random order over three communities
// whose ids repeat within and across communities: parents present, absent
// or the message itself (a loop), chains and loops of parents, orphan
// replies, account-level links, empty authors, equal times.
func randomCorpus(r *rand.Rand, n int) []corpus.Message {
	return indicatortest.RandomLinked(r, n, indicatortest.LinkedOptions{
		Authors: 6, ReplyTargets: 8, ReplyEvery: 4, Minutes: 300,
		Kinds: []corpus.Kind{corpus.Post, corpus.Comment, corpus.Reply, corpus.Retweet, corpus.Quote},
	})
}

// Threads equals the reference on random corpora, in the same order, and
// the corpora hold threads, answered threads and messages in no thread.
func TestThreadsMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 2))
	var threads, answered int
	for trial := range 400 {
		n := 1 + r.IntN(150)
		msgs := randomCorpus(r, n)
		switch trial % 3 {
		case 1: // in community runs
			sort.SliceStable(msgs, func(i, j int) bool { return msgs[i].Community < msgs[j].Community })
		case 2: // sorted as a loaded corpus is: threads come in order
			c := &corpus.Corpus{Messages: msgs}
			c.Sort()
		}
		want := refThreads(msgs)
		got := Threads(msgs)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d (%d messages):\n got %v\nwant %v", trial, n, got, want)
		}
		for _, th := range got {
			threads++
			if th.Answered() {
				answered++
			}
		}
	}
	if answered == 0 || answered == threads {
		t.Fatalf("%d threads, %d answered: the corpora do not exercise both", threads, answered)
	}
}
