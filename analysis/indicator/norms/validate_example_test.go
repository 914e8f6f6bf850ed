package norms_test

import (
	"fmt"
	"log"
	"path/filepath"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
)

func ExampleResult_ValidateRecurring() {
	cb, err := themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile))
	if err != nil {
		log.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2019, 3, d, 9, 0, 0, 0, time.UTC) }
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "ad", Profession: corpus.HomeCareAide}},
		Messages: []corpus.Message{
			{Community: "ad", ID: "1", Kind: corpus.Post, Author: "p1", Created: day(1), Text: "Les temps de trajet entre deux bénéficiaires sont payés chez vous ?"},
			{Community: "ad", ID: "1a", Kind: corpus.Comment, ParentID: "1", Author: "p2", Created: day(1).Add(time.Hour), Text: "Oui, c'est du travail effectif"},
			{Community: "ad", ID: "2", Kind: corpus.Post, Author: "p3", Created: day(5), Text: "Les temps de trajet entre deux bénéficiaires sont payés chez vous ? merci"},
			{Community: "ad", ID: "3", Kind: corpus.Post, Author: "p4", Created: day(9), Text: "Ma boîte ne compte pas la route d'un client à l'autre, c'est légal ?"},
		},
	}
	r := norms.MeasureCounts(c, cb)
	// Every pair coded: the detector flags 1–2; 1–3 and 2–3 are random
	// pairs, and 3 rewords 1 (so also 2).
	pair := func(unit, a, b string, k norms.PairKind, population int, same bool) norms.CodedPair {
		return norms.CodedPair{Unit: unit, Community: "ad", EarlierID: a, LaterID: b, Stratum: "ad/" + string(k), Kind: k, Population: population, Weight: 1, Same: same}
	}
	r.ValidateRecurring([]norms.CodedPair{
		pair("P1", "1", "2", norms.PairCandidate, 1, true),
		pair("P2", "1", "3", norms.PairRandom, 2, true),
		pair("P3", "2", "3", norms.PairRandom, 2, true),
	})
	v := r.Recurring.All
	fmt.Printf("precision %.2f [%.2f, %.2f], recall %.2f, validated %v\n", v.Precision.Value, v.Precision.Lo, v.Precision.Hi, v.Recall.Value, r.Recurring.Validated())
	// Output:
	// precision 1.00 [0.21, 1.00], recall 0.33, validated false
}
