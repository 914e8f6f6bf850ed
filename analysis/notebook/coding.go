package notebook

import (
	"errors"
	"io/fs"
	"os"

	"github.com/faire-communaute/compendium/analysis/coder"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// StudyCoding returns the "coding" section of the notebooks' study file
// (load.DefaultStudy) with its defaults filled in and its paths absolute
// (load.Spec.CodingChoice): which coder codes the messages, and the
// codebook and gold files.
func StudyCoding() load.CodingSpec {
	spec, err := load.ReadStudy(load.DefaultStudy())
	if err != nil {
		Fatal(err)
	}
	return spec.CodingChoice()
}

// GoldThreadFiles is the thread gold files of the notebooks' study
// (coder.StudyGoldThreads: its coding.gold_threads, else the shipped
// rounds), as scripts/derive reads them.
func GoldThreadFiles() []string {
	spec, err := load.ReadStudy(load.DefaultStudy())
	if err != nil {
		Fatal(err)
	}
	return coder.StudyGoldThreads(spec)
}

// ThreadReliability loads the two coders' agreement of each round of the
// thread gold files gold (GoldThreadFiles): the reliability-threads.csv
// `scripts/code reliability` wrote beside each (coder.ThreadRounds; a
// gold file without one has no round), with their figure.Inputs, for
// Table 5 (norms.Correction.Rounds) and notebook 04.
func ThreadReliability(gold []string) ([]coder.CodingRound, []figure.Input) {
	rounds, err := coder.ThreadRounds(gold)
	if err != nil {
		Fatal(err)
	}
	var ins []figure.Input
	for _, r := range rounds {
		ins = append(ins, inputOf(r.File))
	}
	return rounds, ins
}

// MeasureThemes codes the messages of c with the coder the study file
// chooses (StudyCoding: the keyword codebook cb, or the model trained on
// the gold codes) and, when the study's gold file exists, corrects every
// share for that coder's cross-validated error (coder.Measure, with
// indicator.Inference, as scripts/derive for indicators.csv): what
// Figures 3 and 4 draw and notebook 01 reads. It returns the
// cross-validation (nil without gold codes) and the gold file's
// figure.Input for the figures' provenance (zero without). A study that
// chooses the trained coder without a gold file stops the notebook with
// the reason.
func MeasureThemes(c *corpus.Corpus, cb *themes.Codebook) (themes.Result, *coder.Report, figure.Input) {
	choice := StudyCoding()
	ch := coder.Choice{Coder: choice.Coder}
	var in figure.Input
	gold, err := themes.LoadSample(choice.Gold)
	switch {
	case err == nil:
		ch.Gold = gold
		if in, err = figure.InputFile(choice.Gold, repo.Root()); err != nil {
			Fatal(err)
		}
	case !errors.Is(err, fs.ErrNotExist):
		Fatal(err)
	}
	ch.Prevalence.Options = indicator.Inference
	r, rep, err := coder.Measure(c, cb, ch, indicator.Inference)
	if err != nil {
		Fatal(err)
	}
	return r, rep, in
}

// codebookPath is the study's codebook file: its coding.codebook, else
// the repository's (themes.DefaultFile).
func codebookPath() string {
	if _, err := os.Stat(load.DefaultStudy()); err != nil {
		return ""
	}
	return StudyCoding().Codebook
}
