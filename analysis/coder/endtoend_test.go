package coder

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// noisyMessages draws n messages of which a share truth are about
// conditions. Each has six filler words; the cue words are only
// probabilistic: "zorglub" is in 85 % of the conditions messages and 25 %
// of the others, "quibble" in 50 % and 10 %. No classifier can code
// them without error, and the trained coder's error is whatever it is.
func noisyMessages(src *rand.Rand, n int, truth float64, prefix string) []themes.Coded {
	filler := strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu")
	out := make([]themes.Coded, n)
	for i := range out {
		pos := src.Float64() < truth
		var w []string
		for range 6 {
			w = append(w, filler[src.IntN(len(filler))])
		}
		pz, pq := 0.25, 0.1
		if pos {
			pz, pq = 0.85, 0.5
		}
		if src.Float64() < pz {
			w = append(w, "zorglub")
		}
		if src.Float64() < pq {
			w = append(w, "quibble")
		}
		src.Shuffle(len(w), func(a, b int) { w[a], w[b] = w[b], w[a] })
		c := themes.Coded{ID: fmt.Sprintf("%s%d", prefix, i), Profession: corpus.HomeCareAide, Text: strings.Join(w, " "), Themes: []string{themes.Other}}
		if pos {
			c.Themes = []string{"conditions"}
		}
		out[i] = c
	}
	return out
}

// The whole path on synthetic messages whose true share is known: a gold
// sample of 300 coded by hand, the trained coder's error measured by
// cross-validation on it, the cross-validation's fold models counting the
// label in 3,000 other messages (Ensemble.Count), and that count
// corrected with the cross-validated rates. The coder is noisy (tpr about
// 0.45, fpr about 0.12, varying with the gold sample). Over 60 seeded
// repetitions: the correction must be possible in nearly all
// (tpr − fpr ≥ 0.2); its interval must cover the true share 0.15 in
// about 95 % of them (measured 95 %; accepted from 88 %, 2.5 binomial
// sd below); the naive interval of the coded share (about 0.19) must
// miss the truth in most (measured: covers 15 %); the median corrected
// share must be within 0.02 of the truth (measured 0.163: ACC divides by
// an estimated tpr − fpr, which biases it up a little at 45 gold
// positives). The same count made by the model trained on all 300 gold
// messages is logged for comparison (measured: median 0.178, its error is
// not quite the one the fold models measured).
func TestTrainedCoderCorrectedShare(t *testing.T) {
	const truth, repeats = 0.15, 60
	cb := studyCodebook(t)
	covered, naive, corrected := 0, 0, 0
	var values, final []float64
	finalCovered := 0
	for rep := range repeats {
		src := rand.New(rand.NewPCG(uint64(rep), 5))
		gold := noisyMessages(src, 300, truth, "g")
		r, err := CrossValidate(gold, cb, CVOptions{Seed: uint64(rep) + 1})
		if err != nil {
			t.Fatal(err)
		}
		m, err := Train(gold, cb, Options{}) // the final model, for comparison
		if err != nil {
			t.Fatal(err)
		}
		pop := noisyMessages(src, 3000, truth, "p")
		kFinal := 0
		for _, p := range pop {
			if m.Code(p.Text, p.Profession).HasTheme("conditions") {
				kFinal++
			}
		}
		k := r.Ensemble().Count(len(pop), func(i int) (string, corpus.Profession) { return pop[i].Text, pop[i].Profession }, "conditions")
		l, _ := r.Label("conditions")
		opts := PrevalenceOptions{Options: stats.Options{Reps: 1000, Seed: uint64(rep) + 1}}
		c := l.Prevalence(k, len(pop), opts)
		if f := l.Prevalence(kFinal, len(pop), opts); f.Estimable() {
			final = append(final, f.Value)
			if f.Lo <= truth && truth <= f.Hi {
				finalCovered++
			}
		}
		if c.Naive.Lo <= truth && truth <= c.Naive.Hi {
			naive++
		}
		if rep == 0 {
			t.Logf("repetition 0: tpr %.2f fpr %.2f, coded %.3f, corrected %.3f [%.3f, %.3f]", c.TPR, c.FPR, c.Naive.Value, c.Value, c.Lo, c.Hi)
		}
		if !c.Estimable() {
			t.Logf("repetition %d: %s", rep, c.Reason)
			continue
		}
		corrected++
		if c.Lo <= truth && truth <= c.Hi {
			covered++
		}
		values = append(values, c.Value)
	}
	cov := float64(covered) / float64(corrected)
	slices.Sort(values)
	median := values[len(values)/2]
	slices.Sort(final)
	t.Logf("coded by the final model instead: interval covers %d of %d, median corrected %.4f", finalCovered, len(final), final[len(final)/2])
	t.Logf("%d of %d corrected; their interval covers %.3f; naive covers %.3f; median corrected %.4f", corrected, repeats, cov, float64(naive)/repeats, median)
	if corrected < repeats*9/10 {
		t.Errorf("only %d of %d repetitions could be corrected", corrected, repeats)
	}
	if cov < 0.88 {
		t.Errorf("corrected interval covers the true share in %.3f of repetitions", cov)
	}
	if naive > repeats/5 {
		t.Errorf("naive interval covers the true share in %d of %d repetitions", naive, repeats)
	}
	near(t, "median corrected share", median, truth, 0.02)
}
