// Package themes codes messages with the study's codebook
// (data/codebook/codebook.json): themes, questions and question types, the
// rules and sources answers cite and the markers of agreement; it
// validates the codebook against a hand-coded sample and measures theme
// and question-type shares per community and per profession.
//
// # Reading a text
//
// A text is read as a sequence of stems (Codebook.Stems): web addresses
// are removed, accents and case are folded (Unicode NFD decomposition,
// combining marks dropped, œ/æ spelt out), the text is split into words
// (Tokens: letters and digits; "+1" kept; apostrophes, hyphens and
// letter/digit changes separate words), the codebook's abbreviations are
// expanded (qqun → quelqu'un, pb → problème, ds → dans, bcp → beaucoup,
// rdv → rendez-vous, ttt → traitement and the others listed in the
// codebook) and every word is reduced to its French Snowball stem
// (github.com/kljensen/snowball/french; stop words are kept unstemmed).
// Keywords go through the same steps, so that one form of a keyword
// matches its plurals, its accented and unaccented spellings and any case;
// a multi-word expression matches as a sequence of consecutive stems.
// A keyword written with the prefix "=" (ExactPrefix) matches folded words
// instead of stems, for words whose stem collides with a common word
// (« =pétition »: pétition and petit share a stem).
//
// # Coding a message
//
// Codebook.Code gives, for a text and the profession of its community:
//
//   - Themes: every category with at least one keyword applying to the
//     profession in the text (multi-label), or only "other" when none
//     matches;
//   - Question: the text, without its web addresses, has a '?', or one of
//     the codebook's interrogative markers (« qqun a », « vous faites
//     comment », « svp », « est-ce que », « quelqu'un sait »...);
//   - QuestionType, for questions only: among the types applying to the
//     profession (GPs: diagnostic, therapeutic, administrative,
//     bibliographic, poll; aides: rights, care, organisation), the one
//     with the most keyword occurrences, the first in codebook order on
//     ties, "" when none occurs;
//   - Sources: the kinds of rule or source the text cites (law, employer,
//     guidelines, insurance); Agreement and Disagreement: whether it holds
//     an agreement marker (« +1 », « pareil », « je confirme »...) or a
//     disagreement marker (« pas d'accord », « c'est faux », « je ne
//     pense pas »...; « non » and « faux » count only as a message's first
//     word, since elsewhere they rarely contradict another answer).
//
// # Indicators
//
// Measure and Rows work per indicator.Groups group over the community's
// distinct messages, retweets excluded (a retweet repeats a message: it
// would count its content twice and open an empty "thread"). Rows emits:
//
//   - theme_share_<category> (conditions, practice, future, support,
//     other): share of the group's messages coded with the category; the
//     shares sum to 1 or more, since a message may have several;
//   - question_share: share of thread starts (messages without a parent)
//     that are questions;
//   - question_type_share_<type> for each type applying to the profession,
//     and question_type_share_none: share of question thread starts of
//     each type, "none" for questions of no type.
//
// Every share is NaN when its denominator is zero.
//
// The messages are coded by a Coder: the codebook itself (Measure,
// MeasureWith; Coder "keyword") or another coder that codes the same
// categories and question types, such as the one trained on gold codes
// (package coder; MeasureCoder). Result.Coder names it. When the
// result's shares were also corrected for the coder's measured error
// (package coder's Correct sets Shares.Corrected and Result.Correction),
// ResultRows adds, per group, theme_share_corrected_<category>,
// question_share_corrected and question_type_share_corrected_<type>
// (value empty and a reason when the correction cannot be made; see
// package coder for the method).
//
// # Intervals
//
// Each share comes with its 95 % interval (Shares.ThemeEst, QuestionEst,
// TypeEst, TypedEst; the lo, hi, n, unit and method of indicators.csv):
// a ratio of sums over authors (stats.RatioOfSums, BCa, the replicates
// and seed of indicator.Inference), each author carrying the numerator
// and denominator of their own messages (for question_share, their thread
// starts; for the question types, their questions). Authors, not
// messages, are the units: a few authors write most messages and an
// author's messages share their themes, so messages are not independent
// and a Wilson interval over messages would be too narrow: on the sample,
// where the most active tenth of authors writes 56 to 59 % of each
// community's messages, the intervals over authors are 0.95 to 1.6 times
// as wide as Wilson's over messages within a community, up to 2.3 times
// for a profession whose communities differ. An author whose denominator
// is zero holds no unit of that share; a message without author is a unit
// of its own; at the profession level one pseudonym in several
// communities is one author. A share of exactly 0 or 1 has no bootstrap
// variation (every resample gives the same share); it gets the Wilson
// interval over its messages (or thread starts, or questions) instead,
// [0, z²/(n + z²)] or [n/(n + z²), 1], with Unit and Method saying so.
// CompareTheme and CompareQuestion compare two groups the same way
// (stats.Difference: bootstrap within each group, permutation p-value).
//
// # Validation
//
// Validate codes a hand-coded sample (ReadSample, LoadSample;
// data/codebook/hand-coded.csv) and reports, per category and per
// question type, precision, recall, F1, support and Cohen's kappa of the
// binary presence, the same for the question detector, and the observed
// agreement and multi-class Cohen's kappa of the question type ("none"
// being a class). ValidateTruth does the same against a reference coding
// of corpus messages given by the caller, such as a synthetic corpus's
// generating labels.
//
// A gold file written by `scripts/code gold` (two coders' codes merged
// with an adjudication) has the hand-coded columns followed by community,
// message_id, stratum and weight (SampleOptional); ReadSample reads both,
// WriteSample writes both.
//
// # Coding manual
//
// The codebook's categories, question types, sources and thread statuses
// carry, besides their French label and definition, what human coders
// need (Guidance): an English label and definition, inclusion and
// exclusion rules, examples and counter-examples. WriteManual renders them
// as data/codebook/manual.md (ManualFile); a test fails when the committed
// manual is not what the codebook generates.
package themes
