// Package coder is a supervised text coder: trained on gold codes (the
// adjudicated hand codes of a sample, data/codebook/hand-coded.csv's
// columns), it gives a message its themes, whether it is a question and
// its question type, as the keyword codebook (package themes) does; it is
// cross-validated beside that codebook on the same folds, and corrects
// the shares it codes for its measured error. It has one concern; it
// knows nothing of corpora, communities or figures.
//
// Thread status (consensual, non-consensual, unanswered, not a question) has its own trained coder and multi-class correction: see ThreadModel.
//
// # Features
//
// A message is read as a set of binary features (present or absent,
// whatever the count):
//
//   - its stems, exactly as the keyword codebook reads them
//     (themes.Codebook.Stems: web addresses removed, accents and case
//     folded, the codebook's abbreviations expanded, French Snowball
//     stems), so both coders see the same tokens;
//   - its pairs of consecutive stems ("frais km");
//   - "?" when it has a question mark outside web addresses;
//   - its community's profession;
//   - unless Options.TextOnly, the codes the keyword codebook gives it
//     (each theme, "question", its question type): the model learns when
//     to trust a keyword and what the keywords miss.
//
// A feature is kept when it occurs in at least Options.MinDocs (2) of the
// training messages.
//
// # Model
//
// One L2-regularised logistic regression per label, fitted by L-BFGS
// (gonum/optimize) from zero weights, minimising
//
//	Σᵢ cᵢ · [−yᵢ log pᵢ − (1 − yᵢ) log(1 − pᵢ)] + λ/2 · Σⱼ wⱼ²,  pᵢ = σ(b + Σⱼ wⱼ xᵢⱼ)
//
// with λ = Options.Lambda (3: a normal prior of standard deviation 0.58
// on each weight; the intercept b is not penalised) and class weights cᵢ = n / (2 n_y) for a
// message of class y (each class weighs half the loss; Options.Unbalanced
// sets cᵢ = 1). A label whose training messages are all alike is
// predicted with that constant. There is no randomness: a model depends
// only on its gold codes, codebook and options.
//
//   - Themes: one model per category other than themes.Other; a message
//     has every category with p ≥ Options.Threshold (0.5), or only Other
//     when none reaches it (multi-label, as the codebook).
//   - Question: one model, same threshold.
//   - Question type, for a message coded as a question: one model per
//     question type and one for "no type", fitted on the gold questions
//     only (one against the rest); the type is the most probable among
//     the types applying to the profession and "no type".
//
// # Cross-validation
//
// CrossValidate splits the gold messages into k folds (Folds: stratified
// on each message's rarest label, seeded), trains a model on k − 1 folds
// and codes the remaining one with it and with the keyword codebook
// (which needs no training), for each fold in turn. Each gold message is
// thus coded once by a model that did not see it; the confusions are
// pooled over the folds, and per label (each category, Other included,
// the question, each question type one against the rest) the report gives
// support, precision TP/(TP+FP), recall TP/(TP+FN), F1 and Cohen's κ of
// both coders (themes.Score), and the multi-class κ of the question type.
// A label with fewer than MinPositives (10) gold messages with it, or
// without it, is marked not estimable with its reason.
//
// # Corrected prevalence
//
// A coder that misses some messages of a label and wrongly gives it to
// others biases the share it counts: with true share π, true positive
// rate tpr and false positive rate fpr, the coded share is
// q = π·tpr + (1 − π)·fpr. Adjusted classify and count (Forman 2008,
// "Quantifying counts and costs via classification", Data Min. Knowl.
// Disc. 17) inverts it:
//
//	π̂ = (q − fpr) / (tpr − fpr), clipped to [0, 1]
//
// with tpr and fpr the coder's cross-validated rates on the gold codes
// (Report.RatesOf, Label.Rates). The rates are those of models trained
// on (k − 1)/k of the gold codes, a slight overstatement of the error of
// the model trained on all of them. It assumes the rates hold in the
// messages coded (the gold sample is drawn from them: prior-probability
// shift only).
//
// The gold sample of `scripts/code sample` is stratified (by community
// and by the keyword codebook's code, so that rare codes are
// represented) and each gold message carries its stratum and its weight,
// wₛ = messages of the stratum / gold messages drawn from it
// (themes.Coded.Stratum, Weight). A plain count of the confusion would
// then over-represent the rare codes' messages; the rates are weighted
// instead (Horvitz-Thompson ratios):
//
//	tpr = Σₛ wₛ TPₛ / Σₛ wₛ (TPₛ + FNₛ),  fpr = Σₛ wₛ FPₛ / Σₛ wₛ (FPₛ + TNₛ)
//
// with TPₛ… the confusion of stratum s (Rates.Strata). A gold file
// without weights, or whose messages all share one stratum and one
// weight, gives the unweighted rates. The estimability rules
// (MinPositives, MinSeparation) count gold messages, unweighted.
//
// The interval is a percentile bootstrap over both sources of error
// jointly: replicate r draws the coded units again (Prevalence: their
// count of positives from Binomial(n, q), which is resampling n
// independent units; PrevalenceReplicates: the caller's r-th replicate of
// q, e.g. resampled over threads or authors) and, independently, the gold
// units again (their confusion from Multinomial(N, cells/N)), and
// computes π̂* from q*, tpr*, fpr*; with strata, each stratum's
// confusion is drawn from its own multinomial (a stratified bootstrap,
// the design's sample size per stratum kept) and the rates* weighted. A replicate with no gold positive or
// negative, or with tpr* ≤ fpr*, has no π̂* and is dropped (Dropped); if
// more than (1 − Level)/2 of them are, the interval is NaN with a reason.
// The value is NaN with a reason when tpr − fpr is below MinSeparation
// (0.2, Youden's J): the coder then barely separates the label and the
// correction would multiply the counting error by more than 5. Draws use
// PCG(Seed, b) for the coded units and PCG(Seed, 2⁶² + b) for the gold
// units of block b of stats.BlockSize replicates, and gonum's binomial
// sampler, so the interval is the same for the same seed.
//
// Which coder counts: the rates are those of the k fold models of the
// cross-validation, so the count corrected should be theirs
// (Report.Ensemble; Ensemble.Count: each message coded by the k models,
// the count averaged over them; Ensemble.Code, the themes.Coder a study
// chooses with "coder": "trained": each message coded by one fold
// model, chosen by a hash of its text, as each gold message was coded
// by one fold model in the cross-validation). A model trained on all the gold codes is
// regularised less and codes a little differently from the models whose
// error was measured; on this package's synthetic test its corrected share
// is biased up by about 0.03, the ensemble's by about 0.01 (the bias ACC
// has when tpr − fpr is itself estimated). Model.Code, from the model
// trained on all gold codes, is for coding single messages.
//
// # A study's shares
//
// A study file's "coding" chooses the coder (load.CodingSpec: "keyword",
// the default, or "trained") and its gold codes; Choice carries that
// choice, Measure codes the corpus with the chosen coder
// (themes.MeasureCoder) and Correct adds to every group its shares
// corrected for that coder's error (themes.Shares.Corrected, the rows
// theme_share_corrected_<theme>, question_share_corrected and
// question_type_share_corrected_<type> of indicators.csv): a share of
// messages (or of thread starts) is corrected with
// PrevalenceReplicates, its replicates q* resampled over the group's
// authors exactly as the uncorrected interval is (stats.Replicates, the
// same seed and replicates), so that the interval carries both the
// clustering of messages within authors and the coder's error. A
// question type's share of the questions is the ratio of two corrected
// shares of thread starts (the type's, with the rates on the gold
// messages of the group's profession, and the question's), computed
// replicate by replicate; question types corrected one against the rest
// need not sum to the corrected question share, so the ratio is clipped
// to [0, 1].
package coder
