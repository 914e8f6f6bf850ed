package paper

import (
	"fmt"
	"math"

	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/stats"
)

// estimateAt returns es[i], or, when es was not measured (nil), the
// value v without interval.
func estimateAt(es []stats.Estimate, i int, v float64) stats.Estimate {
	if es == nil {
		nan := math.NaN()
		return stats.Estimate{Value: v, Lo: nan, Hi: nan}
	}
	return es[i]
}

// drawnInterval returns the bounds of e to draw: NaN (no whisker) when e
// is not estimable.
func drawnInterval(e stats.Estimate) (lo, hi float64) {
	if !e.Estimable() {
		return math.NaN(), math.NaN()
	}
	return e.Lo, e.Hi
}

// ciCaptionFR and ciCaptionEN say what the whiskers or bands of a figure
// are: 95 % intervals by bootstrap over unit (indicator.Inference's
// replicates).
func ciCaptionFR(unit string) string {
	return fmt.Sprintf("Barres d'erreur : intervalles de confiance à 95 %% (bootstrap sur les %s, %s tirages).", unit, figure.Integer(int64(indicator.Inference.Reps)))
}

func ciCaptionEN(unit string) string {
	return fmt.Sprintf("Error bars: 95%% confidence intervals (bootstrap over %s, %s replicates).", unit, figure.Integer(int64(indicator.Inference.Reps)))
}
