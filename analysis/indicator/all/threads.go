package all

import (
	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

// ThreadGoldRows returns the norms indicators of c corrected for the
// error of the thread coder named (a study file's coding.coder:
// norms.CoderKeyword, the keyword rule, or norms.CoderTrained, the
// thread coder trained on the gold; "" is trained) measured on the gold
// threads (norms.MeasureGoldCounts; norms.CorrectedRows):
// consensual_share_corrected, non_consensual_share_corrected,
// unanswered_share_corrected and citing_share_corrected_<kind> per group,
// an empty value and a reason where the correction cannot be made; nil
// without gold threads. scripts/derive appends them to Indicators' rows
// (indicator.Sort after).
func ThreadGoldRows(c *corpus.Corpus, cb *themes.Codebook, gold []coder.Thread, coderName string) ([]indicator.Row, error) {
	if len(gold) == 0 {
		return nil, nil
	}
	r, err := norms.MeasureGoldCounts(c, cb, gold, norms.CorrectOptions{Coder: coderName})
	if err != nil {
		return nil, err
	}
	return norms.CorrectedRows(r), nil
}
