// Command code runs the hand-coding workflow of a content analysis: a
// coding manual, a stratified random sample for two coders, their
// reliability, and the gold file merging their codes with an
// adjudication.
//
//	go run ./scripts/code manual [--codebook FILE] [--out FILE]
//	go run ./scripts/code sample --study S.json [--n 200] [--threads 60] [--seed N] [--codebook FILE] --out DIR
//	go run ./scripts/code pairs --study S.json [--candidates 60] [--near 30] [--random 60] [--seed N] [--codebook FILE] --out DIR
//	go run ./scripts/code reliability [--codebook FILE] [--out DIR] [--seed N] [--reps N] A.csv B.csv [C.csv...]
//	go run ./scripts/code gold [--codebook FILE] [--sample DIR] --adjudicated ADJ.csv --out gold.csv A.csv B.csv [C.csv...]
//
// The codebook defaults to data/codebook/codebook.json at the repository
// root.
//
// # manual
//
// Writes the coding manual generated from the codebook
// (themes.WriteManual) to data/codebook/manual.md, or to --out. A test of
// package themes fails when the committed manual is not what the
// codebook generates.
//
// # sample
//
// Loads the study (pseudonymised, as every load is: the texts are the
// load's scrubbed texts, authors never appear) and draws, with the seed,
// two samples, each stratified by community and by the automatic code
// of the keyword codebook:
//
//   - messages (retweets excluded): the stratum of a message is its
//     community and, for a question, "question:" and its question type
//     ("question:none" without one); otherwise the rarest of its themes
//     in its community (ties to the codebook's order);
//   - question threads: the thread starts (messages opening a thread,
//     retweets excluded) of the communities whose replies name their
//     parent message, asked at least norms.UnansweredHorizon before
//     their community's last message (the "too-recent" are not coded);
//     the stratum is the community and norms' status of the thread
//     (consensual, non-consensual, unanswered), or "not-a-question"
//     when the keyword codebook reads no question.
//
// Allocation: each stratum first gets min(N_h, m) units, m = ⌊n/(2H)⌋
// for H non-empty strata (1 when n < 2H but n ≥ H, 0 when n < H), so that
// rare categories are represented; the rest of n goes to the strata in
// proportion to what they have left, largest remainders first (ties to
// the stratum's name). A stratum's units are drawn without replacement
// (PCG seeded from --seed); the weight of a unit is N_h/n_h. The sheets
// list the units in a random order (the same seed), numbered M001... and
// T001..., so that the stratum, hence the automatic code, cannot be read
// from the order. Written in DIR:
//
//	messages.csv  unit, community, profession, platform, kind, created
//	              (UTC, "2006-01-02 15:04"), parent_text (the message
//	              answered, when in the data), text, one empty column per
//	              theme, question, question_type, note
//	threads.csv   one row per message of a thread: unit, community,
//	              profession, platform, position (0 the question, then
//	              the answers by time), author (A the asker, R1, R2... the
//	              others by first answer), created, text, status,
//	              question_type (filled on position 0), one column per
//	              source kind (filled on answers), note
//	weights.csv   sample, stratum, population, sampled, weight: every
//	              stratum, those the sample is too small to reach with
//	              sampled 0 and no weight (their messages are not
//	              represented: the report must say so)
//	strata.csv    sample, unit, community, message_id, stratum: kept from
//	              the coders (it tells the automatic code), read by gold
//	README.txt    what the coder does, pointing to data/codebook/manual.md
//
// The sheets are for spreadsheets: UTF-8 with a byte-order mark, fields
// separated by ";" (what a spreadsheet in a French locale opens by a
// double click), CRLF line ends. The same seed gives the same files.
//
// # pairs
//
// Draws, with the seed, a sample of pairs of question threads' opening
// messages to validate the detector of recurring questions
// (norms.Recurring), pairs of two questions of the same community
// (norms.PairPopulations: a community's question threads, as norms
// reads them). Each community's pairs are of three kinds
// (norms.PairKind), which partition them: "candidate" (the detector
// flags the pair), "near" (not flagged, Jaccard similarity at least
// norms.NearSimilarity: just below the threshold) and "random" (every
// other pair). The strata are community/kind; --candidates, --near and
// --random pairs of each kind are allocated to the communities' strata
// of that kind as sample allocates (min(N_h, m) each, then in
// proportion), drawn without replacement (a random pair by rejection
// among the community's pairs), and listed in a random order numbered
// P001... Written in DIR:
//
//	pairs.csv    unit, community, profession, platform, created_1,
//	             text_1 (the earlier question), created_2, text_2 (the
//	             later), same (empty: 1 the same question asked again,
//	             0 not), note
//	pairs-weights.csv  sample ("pairs"), stratum, population, sampled,
//	             weight
//	pairs-strata.csv   sample, unit, community, message_id (the earlier
//	             question), later_id, stratum, similarity (Jaccard of
//	             the two questions' shingles): kept from the coders, read
//	             by gold
//	README.txt   what the coder does and the rule of "same" (pairRule)
//
// # reliability
//
// Reads coded copies of one sheet (all messages.csv, all threads.csv or
// all pairs.csv copies; ";" or "," separated, with or without a
// byte-order mark) and
// reports, for each variable, Krippendorff's alpha (nominal; units a
// coder left empty are missing) with its percentile bootstrap interval
// over units (package reliability), and for every pair of coders the
// percentage agreement, Cohen's kappa and the confusion table. Variables:
// for messages, each theme as present/absent ("theme:ID"), every theme
// decision pooled ("themes"), the question (present/absent) and the
// question type ("none" for a message that is not a question or of no
// type); for threads, the status, the question type and each source kind
// over the answers ("source:KIND"), pooled ("sources"); for pairs,
// "same" (1 the same question asked again, 0 not). A row is coded
// when any of its code cells is filled; an answer is coded when its
// thread's question row is. It writes DIR/reliability.csv (one row per
// variable and pair of coders) and DIR/disagreements.csv: every unit and
// variable on which coders who coded it differ, with each coder's code,
// an empty "adjudicated" column and the text (the adjudicator fills the
// column, then gives the file to gold). DIR defaults to the folder of the
// first file.
//
// # gold
//
// Merges coded copies of one sheet: for each unit and variable, the
// code of the coders when they agree, else the adjudicated code from
// ADJ.csv (a disagreements.csv with its "adjudicated" column filled: 1 or
// 0 for a theme or the question, a type id or "none" for the question
// type). It refuses, naming them, disagreements left without an
// adjudicated code, and merged codes that contradict each other (no
// theme, "other" with another theme, a question type for a message that
// is not a question). A unit coded by one coder only keeps that coder's
// codes; a unit no coder coded is left out; both are counted on standard
// error. The gold file has the columns of data/codebook/hand-coded.csv
// followed by community, message_id, stratum and weight (from the
// sample's strata.csv and weights.csv, found in --sample, by default the
// folder of the first file): themes.LoadSample reads it in place of the
// hand-coded sample. The texts are those of the sheet in --sample, not the
// coders' copies: a spreadsheet may have changed a copy ("+1" read as the
// number 1).
//
// Copies of threads.csv merge the same way (status; question type, "none"
// for none; each source kind of each answer, unit "T001#2" for the answer
// at position 2) into a thread gold file: one row per message of a thread
// as in the sheet, with unit, position, community, profession,
// message_id (the thread start's id), stratum, weight, author (the
// sample sheet's label: A the asker, R1, R2... the others; an answer by
// A is the asker's own follow-up), text, status and question_type (on
// position 0) and one 1/0 column per source kind (on answers). A thread of no coder is left out; "not-a-question" with a
// question type is refused.
//
// Copies of pairs.csv merge into a pair gold file (norms.PairGoldHeader:
// unit, community, profession, message_id and later_id the two
// questions, stratum, population, weight and similarity from the
// sample's pairs-strata.csv and pairs-weights.csv, same, text_1,
// text_2), which norms.LoadPairGold reads and norms'
// Result.ValidateRecurring validates the detector of recurring questions
// with; data/codebook/coding/gold-pairs.csv is the one the study's
// figures and indicators use (norms.PairGoldFile).
//
// # Exit status
//
//	0  done
//	2  a usage error, or an input that cannot be used: a malformed sheet
//	   or adjudication ("file:line: field "name": reason", the encoding/csv
//	   and rawio.ParseError style), a sheet of another sample, a
//	   disagreement not adjudicated
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/memory"
	"github.com/faire-communaute/compendium/analysis/repo"
)

func main() {
	memory.Set() // a large load stays within the machine's (or cgroup's) memory
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const (
	exitOK     = 0
	exitFailed = 2
)

const usage = `usage:
  code manual [--codebook FILE] [--out FILE]
  code sample --study S.json [--n 200] [--threads 60] [--seed N] [--codebook FILE] --out DIR
  code pairs --study S.json [--candidates 60] [--near 30] [--random 60] [--seed N] [--codebook FILE] --out DIR
  code reliability [--codebook FILE] [--out DIR] [--seed N] [--reps N] A.csv B.csv [C.csv...]
  code gold [--codebook FILE] [--sample DIR] --adjudicated ADJ.csv --out gold.csv A.csv B.csv [C.csv...]
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitFailed
	}
	var err error
	switch args[0] {
	case "manual":
		err = runManual(args[1:], stdout, stderr)
	case "sample":
		err = runSample(args[1:], stdout, stderr)
	case "pairs":
		err = runPairs(args[1:], stdout, stderr)
	case "reliability":
		err = runReliability(args[1:], stdout, stderr)
	case "gold":
		err = runGold(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "code: unknown command %q\n%s", args[0], usage)
		return exitFailed
	}
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) && !errors.Is(err, errUsage) {
			fmt.Fprintf(stderr, "code %s: %v\n", args[0], err)
		}
		return exitFailed
	}
	return exitOK
}

// errUsage is returned after the flag package printed its message.
var errUsage = errors.New("usage")

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("code "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse parses flags wherever they are among the arguments (files may
// come first), returning the positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func defaultCodebook() string {
	if root := repo.Root(); root != "" {
		return filepath.Join(root, themes.DefaultFile)
	}
	return themes.DefaultFile
}

func runManual(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("manual", stderr)
	cbPath := fs.String("codebook", defaultCodebook(), "codebook `FILE`")
	out := fs.String("out", "", "manual `FILE` (default data/codebook/manual.md at the repository root)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("unexpected argument %q", pos[0])
	}
	cb, err := themes.LoadCodebook(*cbPath)
	if err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join(repo.Root(), themes.ManualFile)
	}
	var buf bytes.Buffer
	if err := themes.WriteManual(&buf, cb); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}
