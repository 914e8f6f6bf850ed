package coder

import (
	"fmt"
	"testing"

	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

// thousand returns 1,000 gold messages: the hand-coded sample's 120
// repeated, each copy with a few words of its own so that the copies are
// distinct texts with new stems.
func thousand(b *testing.B) []themes.Coded {
	gold := handCoded(b)
	extra := []string{"ce matin", "hier soir", "encore une fois", "comme d'habitude", "franchement", "depuis lundi", "à Nantes", "au cabinet"}
	out := make([]themes.Coded, 0, 1000)
	for i := 0; len(out) < 1000; i++ {
		g := gold[i%len(gold)]
		g.ID = fmt.Sprintf("%s-%d", g.ID, i)
		g.Text = fmt.Sprintf("%s %s mot%d", g.Text, extra[i%len(extra)], i%97)
		out = append(out, g)
	}
	return out
}

func BenchmarkTrain1000(b *testing.B) {
	cb, gold := studyCodebook(b), thousand(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Train(gold, cb, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCode(b *testing.B) {
	cb := studyCodebook(b)
	m, err := Train(handCoded(b), cb, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		m.Code("Bonjour, qqun sait si les frais km sont payés quand on a une coupure ? 😡", "home-care-aide")
	}
}

func BenchmarkPrevalence(b *testing.B) {
	r := Rates{TP: 40, FN: 10, FP: 15, TN: 35}
	for b.Loop() {
		Prevalence(30000, 100000, r, PrevalenceOptions{})
	}
}
