package pseudo

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

const benchText = "Bonjour à toutes, @canari_zeph a raison : voir https://twitter.com/DocTocToc/status/1 " +
	"et demandez à Zéphirine Canari ou à jean-pierre martin, elles savent. Écrivez à aide@example.org. "

func BenchmarkText(b *testing.B) {
	p := New(testKey)
	text := strings.Repeat(benchText, 4)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		p.Text(corpus.Twitter, text)
	}
}

func BenchmarkScrubNames(b *testing.B) {
	p := New(testKey)
	var names []string
	for i := 0; i < 5000; i++ {
		names = append(names, "Prénom"+strings.Repeat("x", i%7)+" Nom"+string(rune('a'+i%26))+string(rune('a'+i/26%26)))
	}
	names = append(names, "Zéphirine Canari", "Jean-Pierre Martin")
	n := p.Names(names)
	text := strings.Repeat(benchText, 4)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		n.Scrub(text)
	}
}

// plainText is an ordinary message: no identity, but dates, times,
// amounts, a postcode and a link, as the texts of a study mostly are.
const plainText = "Réunion le 26/09/2019 à 22:39 au local (75011), 2e étage : 12,50 € la séance, " +
	"1 200 € par an, soit 15 % de plus qu'en 2018. Le compte rendu est sur https://example.org/cr.html " +
	"et les horaires changent à partir du 1er octobre ; merci à toutes pour vos 37 réponses ! "

func BenchmarkTextPlain(b *testing.B) {
	p := New(testKey)
	text := strings.Repeat(plainText, 4)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		p.Text(corpus.Twitter, text)
	}
}

// BenchmarkPersonCache looks up 3 persons a message, as a load does (the
// author with id, handle and name, a mention and the account answered
// with id and handle), among 200,000 accounts already met.
func BenchmarkPersonCache(b *testing.B) {
	p := New(testKey)
	const accounts = 200000
	people := make([]rawio.Person, accounts)
	for i := range people {
		people[i] = rawio.Person{ID: strconv.Itoa(1000000000 + i*7919), Handle: fmt.Sprintf("compte_%d", i), Name: fmt.Sprintf("Prénom%d Nom%d", i%977, i)}
		p.Person(corpus.Twitter, people[i])
		p.Person(corpus.Twitter, rawio.Person{ID: people[i].ID, Handle: people[i].Handle})
	}
	// The strings looked up are copies, as a reader decodes them again
	// for every message: not the ones the cache holds.
	lookups := make([][3]rawio.Person, 1<<16)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range lookups {
		a, c := people[r.IntN(accounts)], people[r.IntN(accounts)]
		a = rawio.Person{ID: strings.Clone(a.ID), Handle: strings.Clone(a.Handle), Name: strings.Clone(a.Name)}
		lookups[i] = [3]rawio.Person{a, {ID: strings.Clone(c.ID), Handle: strings.Clone(c.Handle)}, {ID: strings.Clone(c.ID), Handle: strings.Clone(c.Handle)}}
	}
	i := 0
	for b.Loop() {
		for _, q := range &lookups[i%len(lookups)] {
			p.Person(corpus.Twitter, q)
		}
		i++
	}
}
