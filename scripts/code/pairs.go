package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/rawio"
)

// kindPairs is the kind of a pair sheet (pairs.csv).
const kindPairs = "pairs"

// The files of a pair sample kept from the coders (named apart from a
// message sample's strata.csv and weights.csv, so that both can sit in
// one folder).
const (
	pairStrataFile  = "pairs-strata.csv"
	pairWeightsFile = "pairs-weights.csv"
)

// pairHeader is the header of pairs.csv.
func pairHeader() []string {
	return []string{"unit", "community", "profession", "platform", "created_1", "text_1", "created_2", "text_2", "same", "note"}
}

func runPairs(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("pairs", stderr)
	study := fs.String("study", "", "study `FILE` (required)")
	nc := fs.Int("candidates", 60, "pairs the detector flags to draw")
	nn := fs.Int("near", 30, "pairs just below the detector's threshold to draw")
	nr := fs.Int("random", 60, "other pairs to draw")
	seed := fs.Uint64("seed", 1, "random seed")
	cbPath := fs.String("codebook", defaultCodebook(), "codebook `FILE`")
	out := fs.String("out", "", "output `DIR` (required)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return fmt.Errorf("unexpected argument %q", pos[0])
	case *study == "" || *out == "":
		return fmt.Errorf("--study and --out are required")
	case *nc < 0 || *nn < 0 || *nr < 0:
		return fmt.Errorf("--candidates, --near and --random must not be negative")
	}
	cb, c, err := loadStudy("pairs", *study, *cbPath, stderr)
	if err != nil {
		return err
	}
	ps := drawPairs(c, cb, map[norms.PairKind]int{norms.PairCandidate: *nc, norms.PairNear: *nn, norms.PairRandom: *nr}, *seed)
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	if err := ps.write(*out, c.Study, *seed); err != nil {
		return err
	}
	by := map[norms.PairKind]int{}
	for _, p := range ps.pairs {
		by[p.kind]++
	}
	fmt.Fprintf(stdout, "%s: %d pairs (%d candidates, %d near, %d random) in %d strata\n", *out, len(ps.pairs), by[norms.PairCandidate], by[norms.PairNear], by[norms.PairRandom], len(ps.strata))
	return nil
}

// drawnPair is a sampled pair of question threads' opening messages.
type drawnPair struct {
	community      *corpus.Community
	earlier, later *corpus.Message
	kind           norms.PairKind
	stratum        string
	unit           string
	similarity     float64
}

type pairSample struct {
	pairs  []drawnPair
	strata []stratum
}

// drawPairs draws the pair sample of c (see the command's doc): n[k]
// pairs of each kind k, allocated to the communities' strata of that
// kind as sample allocates its strata.
func drawPairs(c *corpus.Corpus, cb *themes.Codebook, n map[norms.PairKind]int, seed uint64) pairSample {
	pops := norms.PairPopulations(norms.MeasureCounts(c, cb))
	comms := map[string]*corpus.Community{}
	for i := range c.Communities {
		comms[c.Communities[i].ID] = &c.Communities[i]
	}
	msgs := map[[2]string]*corpus.Message{}
	for i := range c.Messages {
		m := &c.Messages[i]
		msgs[[2]string{m.Community, m.ID}] = m
	}
	rng := rand.New(rand.NewPCG(seed, 3))
	var s pairSample
	for _, k := range norms.PairKinds {
		sizes := make([]int, len(pops))
		names := make([]string, len(pops))
		for i, p := range pops {
			sizes[i] = p.Count(k)
			names[i] = p.Community + "/" + string(k)
		}
		alloc := allocate(sizes, names, n[k])
		for i, p := range pops {
			s.strata = append(s.strata, stratum{name: names[i], population: sizes[i], sampled: alloc[i]})
			var got []norms.Pair
			switch k {
			case norms.PairCandidate, norms.PairNear:
				list := p.Candidates
				if k == norms.PairNear {
					list = p.Near
				}
				for _, j := range rng.Perm(len(list))[:alloc[i]] {
					got = append(got, list[j])
				}
			default:
				got = randomPairs(p, alloc[i], rng)
			}
			for _, x := range got {
				s.pairs = append(s.pairs, drawnPair{
					community:  comms[p.Community],
					earlier:    msgs[[2]string{x.EarlierCommunity, x.EarlierID}],
					later:      msgs[[2]string{x.LaterCommunity, x.LaterID}],
					kind:       k,
					stratum:    names[i],
					similarity: x.Similarity,
				})
			}
		}
	}
	rng.Shuffle(len(s.pairs), func(i, j int) { s.pairs[i], s.pairs[j] = s.pairs[j], s.pairs[i] })
	width := len(strconv.Itoa(len(s.pairs)))
	width = max(width, 3)
	for i := range s.pairs {
		s.pairs[i].unit = fmt.Sprintf("P%0*d", width, i+1)
	}
	return s
}

// randomPairs draws m distinct pairs of kind PairRandom of p, uniformly,
// by rejection (the kind is most of the pairs of a community; when it is
// not, the pairs are listed).
func randomPairs(p norms.PairPopulation, m int, rng *rand.Rand) []norms.Pair {
	n := len(p.Threads)
	pair := func(i, j int) norms.Pair {
		if i > j {
			i, j = j, i
		}
		a, b := p.Threads[i], p.Threads[j]
		return norms.Pair{EarlierCommunity: a.Community, EarlierID: a.ID, LaterCommunity: b.Community, LaterID: b.ID, Similarity: norms.Jaccard(norms.Shingles(a.Stems), norms.Shingles(b.Stems))}
	}
	var out []norms.Pair
	if m == 0 {
		return nil
	}
	if 2*p.Random() < p.Total {
		var all []norms.Pair
		for i := range n {
			for j := i + 1; j < n; j++ {
				if p.KindOf(p.Threads[i].ID, p.Threads[j].ID) == norms.PairRandom {
					all = append(all, pair(i, j))
				}
			}
		}
		for _, j := range rng.Perm(len(all))[:m] {
			out = append(out, all[j])
		}
		return out
	}
	seen := map[[2]int]bool{}
	for len(out) < m {
		i, j := rng.IntN(n), rng.IntN(n)
		if i == j {
			continue
		}
		if i > j {
			i, j = j, i
		}
		if seen[[2]int{i, j}] || p.KindOf(p.Threads[i].ID, p.Threads[j].ID) != norms.PairRandom {
			continue
		}
		seen[[2]int{i, j}] = true
		out = append(out, pair(i, j))
	}
	return out
}

func (s pairSample) write(dir, study string, seed uint64) error {
	var rows [][]string
	for _, d := range s.pairs {
		rows = append(rows, []string{d.unit, d.community.ID, string(d.community.Profession), d.earlier.Platform.String(),
			d.earlier.Created.UTC().Format(timeLayout), d.earlier.Text, d.later.Created.UTC().Format(timeLayout), d.later.Text, "", ""})
	}
	if err := writeSheetFile(filepath.Join(dir, "pairs.csv"), pairHeader(), rows); err != nil {
		return err
	}
	rows = rows[:0]
	for _, st := range s.strata {
		w := ""
		if st.sampled > 0 {
			w = strconv.FormatFloat(st.weight(), 'g', -1, 64)
		}
		rows = append(rows, []string{kindPairs, st.name, strconv.Itoa(st.population), strconv.Itoa(st.sampled), w})
	}
	if err := writeSheetFile(filepath.Join(dir, pairWeightsFile), []string{"sample", "stratum", "population", "sampled", "weight"}, rows); err != nil {
		return err
	}
	rows = rows[:0]
	for _, d := range s.pairs {
		rows = append(rows, []string{kindPairs, d.unit, d.community.ID, d.earlier.ID, d.later.ID, d.stratum, strconv.FormatFloat(d.similarity, 'f', 6, 64)})
	}
	if err := writeSheetFile(filepath.Join(dir, pairStrataFile), []string{"sample", "unit", "community", "message_id", "later_id", "stratum", "similarity"}, rows); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "README.txt"), []byte(pairReadme(study, seed, len(s.pairs))), 0o644)
}

// pairRule is the coding rule of the variable "same", in French then
// English, as README.txt gives it to the coders.
const pairRule = `Règle : "same" = 1 quand la seconde question est la même question posée à nouveau :
elle demande la même information ou le même conseil sur la même situation. Les mots
peuvent être tout autres (reformulation, autre exemple du même cas, autre registre).
"same" = 0 sinon, en particulier quand les deux questions ont seulement le même sujet.

Inclure (same = 1)
- « Les trajets entre deux clients sont payés ou pas ? » / « Ma boîte me retire le temps
  de route entre deux bénéficiaires, c'est légal ? » : la même information (le temps de
  trajet est-il du travail payé ?) sur la même situation.
- « Quelqu'un sait coter une visite le dimanche ? » / « Dimanche en visite à domicile,
  vous mettez quoi comme cotation ? » : mots différents, même demande.
- La seconde question ajoute un détail qui ne change pas ce qu'il faut répondre.

Exclure (same = 0)
- Même sujet, autre demande : « Comment vous calculez vos kilomètres ? » / « L'employeur
  peut-il refuser de rembourser mes kilomètres ? » (le calcul, puis le droit).
- Même début de phrase, autre situation : « Bonjour, une question sur un patient sous
  AVK… » / « Bonjour, une question sur un patient diabétique… ».
- Même situation, autre information : « Mon arrêt est-il payé ? » / « Combien de jours de
  carence pour mon arrêt ? ».
- Une question et un message qui ne demande rien : 0.

Rule: "same" = 1 when the second question is the same question asked again: it asks for
the same information or advice about the same situation; the wording may differ entirely.
"same" = 0 otherwise, in particular when the two questions only share a topic, or only an
opening phrase.`

func pairReadme(study string, seed uint64, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Paires de questions à coder / Question pairs to code\n")
	fmt.Fprintf(&b, "Étude / study: %s; graine / seed: %d; %d paires / pairs.\n\n", study, seed, n)
	b.WriteString(`Ce dossier a été écrit par "scripts/code pairs". Chaque ligne de pairs.csv montre deux
questions ouvrant un fil de discussion, posées dans la même communauté : la première
(created_1, text_1) puis la seconde, plus récente (created_2, text_2). Chaque codeur travaille
seul, sur une copie à lui de pairs.csv.

- Ouvrir pairs.csv dans un tableur (UTF-8, séparateur ";"). Pour chaque ligne, mettre 1 ou 0
  dans la colonne "same" en suivant la règle ci-dessous ; "note" est libre.
- Ne pas ouvrir pairs-strata.csv ni pairs-weights.csv avant la fin du codage : ils disent
  ce que la détection automatique a trouvé. Ne pas changer les colonnes ni les textes.
  Enregistrer en CSV UTF-8 sous un nom à soi (pairs-A.csv, pairs-B.csv...).
- Ensuite : "scripts/code reliability pairs-A.csv pairs-B.csv", arbitrage des désaccords
  dans disagreements.csv (colonne "adjudicated" : 1 ou 0), puis "scripts/code gold".

`)
	b.WriteString(pairRule)
	b.WriteString(`

Each row of pairs.csv shows two questions opening a thread in the same community, the
earlier first. Each coder codes alone, blind to what the automatic detector found
(pairs-strata.csv, pairs-weights.csv: do not open them before you are done), marks 1 or 0
in "same" following the rule above, and saves a copy as CSV UTF-8 under their own name;
then run reliability, adjudicate disagreements.csv, and run gold.
`)
	return strings.ReplaceAll(b.String(), "\n", "\r\n")
}

// readPairs reads a coded copy of pairs.csv: "same" 1 (or x), 0 or empty
// (not coded).
func (s *sheet) readPairs(t *table) error {
	if err := t.require("unit", "community", "profession", "text_1", "text_2", "same"); err != nil {
		return err
	}
	for r := range t.rows {
		u := &unit{id: t.get(r, "unit"), community: t.get(r, "community"), profession: corpus.Profession(t.get(r, "profession")),
			text: t.raw(r, "text_1"), text2: t.raw(r, "text_2"), line: t.line[r]}
		if u.id == "" {
			return t.fail(r, "unit", "%w", rawio.ErrMissing)
		}
		if _, dup := s.index[u.id]; dup {
			return t.fail(r, "unit", "unit %q given twice", u.id)
		}
		set, same, err := t.mark(r, "same")
		if err != nil {
			return err
		}
		u.coded, u.same = set, same
		s.index[u.id] = len(s.units)
		s.units = append(s.units, u)
	}
	return nil
}

// pairText is the text of a pair in a disagreements file: both questions.
func pairText(u *unit) string { return "1: " + u.text + " | 2: " + u.text2 }
