package coder

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

// ThreadReliabilityFile is the name of the agreement file `scripts/code
// reliability` writes beside a round's thread gold file
// (data/codebook/coding/reliability-threads.csv,
// data/codebook/coding/round2/reliability-threads.csv): the two coders'
// agreement on the threads before adjudication.
const ThreadReliabilityFile = "reliability-threads.csv"

// CodingRound is the two coders' agreement of one round of thread coding:
// Round its number (1 for the first of the gold files, in the order of
// GoldThreadFiles), Gold its gold file, File the reliability file read
// (themes.LoadReliability), Agreements its rows (status, question_type,
// source:KIND, sources).
type CodingRound struct {
	Round      int
	Gold, File string
	Agreements []themes.Agreement
}

// Agreement returns the round's agreement on variable ("status",
// "sources", "source:law"...), and whether the file has it.
func (r CodingRound) Agreement(variable string) (themes.Agreement, bool) {
	for _, a := range r.Agreements {
		if a.Variable == variable {
			return a, true
		}
	}
	return themes.Agreement{}, false
}

// ThreadRounds reads, for each thread gold file of gold (in order), the
// ThreadReliabilityFile of its folder: the agreement of the coders whose
// adjudicated codes the gold file holds. A gold file without one has no
// round (a hand-made gold file, a study's own): its number is skipped,
// so that the numbers stay those of the gold files. A reliability file
// that cannot be read is an error.
func ThreadRounds(gold []string) ([]CodingRound, error) {
	var out []CodingRound
	for i, g := range gold {
		p := filepath.Join(filepath.Dir(g), ThreadReliabilityFile)
		rel, err := themes.LoadReliability(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, CodingRound{Round: i + 1, Gold: g, File: p, Agreements: rel})
	}
	return out, nil
}
