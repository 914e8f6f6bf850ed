package coder

import (
	"math"

	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

// KeywordCorrectedRows returns, per group of r (themes.Measure) and theme
// of its codebook, theme_share_corrected_<theme>: the keyword codebook's
// share of messages with the theme corrected for the codebook's error
// rates on the gold codes (its true and false positive rates against
// gold, themes.Validate), with the interval of Prevalence (the coded
// messages resampled as a binomial draw, the gold confusion as a
// multinomial one: the interval carries both errors, not the clustering
// of messages within authors, which themes' own intervals carry). A row
// has an empty value and a reason when the correction cannot be made (the
// codebook barely separates the theme on the gold codes, or the gold
// codes hold too few messages with or without it).
func KeywordCorrectedRows(r themes.Result, gold []themes.Coded, opts PrevalenceOptions) []indicator.Row {
	if r.Codebook == nil || len(gold) == 0 {
		return nil
	}
	v := themes.Validate(r.Codebook, gold)
	if opts.Unit == "" {
		opts.Unit = "messages"
	}
	var rows []indicator.Row
	for _, s := range r.Groups {
		for i, cat := range r.Codebook.CategoryIDs() {
			sc := v.Categories[i]
			row := indicator.Row{Community: s.Community.ID, Profession: s.Community.Profession, Indicator: "theme_share_corrected_" + cat}
			switch {
			case s.Messages == 0:
				row.Value = math.NaN()
			case sc.TP+sc.FN < DefaultMinPositives || sc.FP+sc.TN < DefaultMinPositives:
				row.Value, row.Reason = math.NaN(), "too few gold messages to measure the codebook's error"
			default:
				c := Prevalence(s.Themes[i], s.Messages, Rates{TP: sc.TP, FP: sc.FP, FN: sc.FN, TN: sc.TN}, opts)
				row.SetEstimate(c.Estimate)
				if math.IsNaN(c.Value) {
					row.Reason = c.Reason
				}
			}
			rows = append(rows, row)
		}
	}
	indicator.Sort(rows)
	return rows
}
