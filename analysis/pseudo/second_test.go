package pseudo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// manyNames is a population whose display names share few first names,
// as a large study's do: 40 first names × 60 surnames.
func manyNames() []string {
	var out []string
	for f := range 40 {
		for l := range 60 {
			out = append(out, fmt.Sprintf("Prénom%c%c Nomdefamille%c%c", 'a'+f/26, 'a'+f%26, 'a'+l/26, 'a'+l%26))
		}
	}
	return out
}

// The index of names by their second word (Names.bySecond) changes
// nothing of what is scrubbed: texts naming people in every form NamesFor
// covers (as written, surname first with a comma, in capitals, run
// together, initials, a first name alone) scrub to the same text with
// and without it.
func TestSecondWordIndexSameScrub(t *testing.T) {
	names := manyNames()
	r := rand.New(rand.NewPCG(3, 4))
	var texts []string
	for range 400 {
		a, b := names[r.IntN(len(names))], names[r.IntN(len(names))]
		fa, la, _ := strings.Cut(a, " ")
		fb, lb, _ := strings.Cut(b, " ")
		texts = append(texts,
			"Merci "+a+" et "+strings.ToUpper(b)+" !",
			la+", "+fa+" a raison, pas "+lb+", "+fb,
			"cc "+fa[:1]+". "+la+" et "+fb+lb+", "+fa+" seule",
			"bonjour "+fa+"-"+la+"\n"+fb+"\n"+lb)
	}
	scrub := func(after int) []string {
		defer func(v int) { secondAfter = v }(secondAfter)
		secondAfter = after
		p := New([]byte("a test key of thirty-two bytes!!"))
		n := p.NamesFor(corpus.Facebook, names)
		if (n.bySecond != nil) != (after < 60) {
			t.Fatalf("secondAfter %d: index %v", after, n.bySecond != nil)
		}
		out := make([]string, len(texts))
		for i, s := range texts {
			out[i] = n.Text(corpus.Facebook, s)
		}
		return out
	}
	plain, indexed := scrub(1<<30), scrub(16)
	for i := range texts {
		if plain[i] != indexed[i] {
			t.Fatalf("text %q: %q without the index, %q with it", texts[i], plain[i], indexed[i])
		}
		if strings.Contains(strings.ToLower(indexed[i]), "nomdefamille") {
			t.Errorf("a surname survives in %q", indexed[i])
		}
	}
}

func BenchmarkManySharedFirstNames(b *testing.B) {
	p := New([]byte("a test key of thirty-two bytes!!"))
	n := p.NamesFor(corpus.Facebook, manyNames())
	text := strings.Repeat("Merci Prénomab pour ton aide, Prénomcd dit pareil. ", 10)
	b.ReportAllocs()
	for b.Loop() {
		n.Text(corpus.Facebook, text)
	}
}
