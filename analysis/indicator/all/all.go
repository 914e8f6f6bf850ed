// Package all assembles the scalar indicators of every family into the
// one long table of the study (community, profession, indicator, value),
// the table scripts/derive writes as build/derived/indicators.csv and
// notebooks read their sentences from. It measures nothing itself: each
// value comes from its family's package (activity, participation,
// responsiveness, rhythm, retention, network, themes, norms), where it is
// defined. The null comparison of each community's reply network
// (package network/null) adds its rows beside the network family's.
package all

import (
	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/activity"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/network/null"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/participation"
	"github.com/faire-communaute/compendium/analysis/indicator/responsiveness"
	"github.com/faire-communaute/compendium/analysis/indicator/retention"
	"github.com/faire-communaute/compendium/analysis/indicator/rhythm"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

// NullOptions are the options of the networks' null comparison
// (null.Communities): the defaults, 200 randomisations; tests of small
// corpora may lower Draws.
var NullOptions = null.Options{}

// Indicators computes every family's scalar indicators of c, per
// community and per profession, in canonical order (indicator.Sort);
// themes and norms code the messages with cb.
func Indicators(c *corpus.Corpus, cb *themes.Codebook) []indicator.Row {
	return IndicatorsWith(c, cb, network.Measure(c))
}

// IndicatorsWith is Indicators with the reply networks already measured
// (network.Measure(c)), for callers that export the graphs too and build
// them once.
func IndicatorsWith(c *corpus.Corpus, cb *themes.Codebook, networks []network.Group) []indicator.Row {
	rows, err := IndicatorsCoded(c, cb, networks, coder.Choice{}, nil, nil)
	if err != nil {
		panic(err) // the keyword codebook without gold codes cannot fail
	}
	return rows
}

// IndicatorsCoded is IndicatorsWith with the themes, questions and
// question types coded by the coder ch chooses (a study file's "coding":
// the keyword codebook or the trained coder) and, when ch has gold codes,
// their shares also corrected for that coder's measured error
// (coder.Measure: theme_share_corrected_*, question_share_corrected,
// question_type_share_corrected_*, from the same measured themes). It
// fails when ch cannot be set up (coder.Choice.Setup). The detector of
// recurring questions is validated on the coded pairs
// (norms.Result.ValidateRecurring; none: its precision and recall rows
// are empty, "not validated"). With gold threads, the status and source
// shares are also given corrected for the error of the thread coder ch
// names (the keyword rule, or the trained thread coder), measured on
// them (norms.Correct on the same measured norms, norms.CorrectedRows:
// consensual_share_corrected, ..., citing_share_corrected_<kind>).
func IndicatorsCoded(c *corpus.Corpus, cb *themes.Codebook, networks []network.Group, ch coder.Choice, pairs []norms.CodedPair, threads []coder.Thread) ([]indicator.Row, error) {
	ch.Prevalence.Options = indicator.Inference
	measured, _, err := coder.Measure(c, cb, ch, indicator.Inference)
	if err != nil {
		return nil, err
	}
	var rows []indicator.Row
	rows = append(rows, activity.Rows(c)...)
	rows = append(rows, participation.Rows(c)...)
	rows = append(rows, responsiveness.Rows(c)...)
	rows = append(rows, rhythm.Rows(c)...)
	rows = append(rows, retention.Rows(c)...)
	rows = append(rows, network.GroupRows(networks)...)
	nulls, err := null.Communities(networks, NullOptions)
	if err != nil {
		panic(err) // NullOptions is invalid: a programming error
	}
	rows = append(rows, null.Rows(nulls)...)
	rows = append(rows, themes.ResultRows(measured)...)
	nr := norms.Measure(c, cb)
	nr.ValidateRecurring(pairs)
	rows = append(rows, norms.ResultRows(nr)...)
	if len(threads) > 0 {
		thread := ch.Coder // "" is the keyword coder here, as for the messages
		if thread == "" {
			thread = norms.CoderKeyword
		}
		if nr.Corrected, err = norms.Correct(c, nr, threads, norms.CorrectOptions{Coder: thread}); err != nil {
			return nil, err
		}
		rows = append(rows, norms.CorrectedRows(nr)...)
	}
	indicator.Sort(rows)
	return rows, nil
}
