// Package shapes holds the test matrix of study shapes: study corpora cut
// from the synthetic sample into the shapes a researcher's own exports
// take (one Facebook group only, general practitioners only, no
// observations, replies without parents, account-level links only,
// parents named but absent, one day of data, twenty messages, an empty
// community), on each of which every figure builder of package paper
// runs. A figure is either drawn or noted as not drawable
// (*paper.NotDrawable) with the need the shape lacks; no builder panics
// or fails otherwise, and no figure is drawn from missing data. The
// package has no code of its own: see shapes_test.go.
package shapes
