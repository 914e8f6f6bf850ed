package main

import (
	"cmp"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/load"
	"github.com/faire-communaute/compendium/analysis/pseudo"
)

// loadStudy loads the codebook at cbPath and the study file study with
// the pseudonym key (pseudo.LoadKey), saying on stderr, as "code CMD:",
// which key and what was loaded.
func loadStudy(cmd, study, cbPath string, stderr io.Writer) (*themes.Codebook, *corpus.Corpus, error) {
	cb, err := themes.LoadCodebook(cbPath)
	if err != nil {
		return nil, nil, err
	}
	key, source, err := pseudo.LoadKey()
	if err != nil {
		return nil, nil, fmt.Errorf("pseudonym key: %v", err)
	}
	fmt.Fprintf(stderr, "code %s: pseudonym key: %s\n", cmd, source)
	c, rep, err := load.Study(study, load.Options{Key: key})
	if err != nil {
		return nil, nil, err
	}
	fmt.Fprintf(stderr, "code %s: %s: %d messages loaded, %d records rejected", cmd, study, rep.Loaded, rep.Rejected)
	if rep.Rejected > 0 {
		fmt.Fprint(stderr, " (see go run ./scripts/inspect --study)")
	}
	fmt.Fprintln(stderr)
	return cb, c, nil
}

func runSample(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sample", stderr)
	study := fs.String("study", "", "study `FILE` (required)")
	n := fs.Int("n", 200, "messages to draw")
	nt := fs.Int("threads", 60, "question threads to draw")
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
	case *n < 0 || *nt < 0:
		return fmt.Errorf("--n and --threads must not be negative")
	}
	cb, c, err := loadStudy("sample", *study, *cbPath, stderr)
	if err != nil {
		return err
	}
	s := drawSample(c, cb, *n, *nt, *seed)
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	if err := s.write(*out, cb, c.Study, *seed); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d messages in %d strata, %d threads in %d strata\n", *out, len(s.messages), len(s.msgStrata), len(s.threads), len(s.thrStrata))
	return nil
}

// stratum is a stratum of a sample.
type stratum struct {
	name       string
	population int
	sampled    int
}

func (s stratum) weight() float64 { return float64(s.population) / float64(s.sampled) }

// drawn is a sampled unit.
type drawn struct {
	community *corpus.Community
	msg       *corpus.Message
	stratum   string
	unit      string
	parent    string            // messages: the text of the message answered, when in the data
	answers   []*corpus.Message // threads: the thread's other messages by time
}

type sample struct {
	messages, threads    []drawn
	msgStrata, thrStrata []stratum
}

// drawSample draws the two samples of c (see the command's doc).
func drawSample(c *corpus.Corpus, cb *themes.Codebook, n, nt int, seed uint64) sample {
	var msgPop, thrPop []drawn
	for _, g := range indicator.Communities(indicator.Groups(c)) {
		com := g.Community
		for i := range c.Communities {
			if c.Communities[i].ID == com.ID {
				com = c.Communities[i]
			}
		}
		comm := &com
		msgs := g.Messages
		// messages
		var pop []drawn
		var codes []themes.Coding
		counts := map[string]int{}
		byID := make(map[string]*corpus.Message, len(msgs))
		for i := range msgs {
			byID[msgs[i].ID] = &msgs[i]
		}
		for i := range msgs {
			m := &msgs[i]
			if m.Kind == corpus.Retweet {
				continue
			}
			code := cb.Code(m.Text, comm.Profession)
			for _, t := range code.Themes {
				counts[t]++
			}
			d := drawn{community: comm, msg: m}
			if p, ok := byID[m.ParentID]; ok && m.ParentID != "" {
				d.parent = p.Text
			}
			pop = append(pop, d)
			codes = append(codes, code)
		}
		order := cb.CategoryIDs()
		for i := range pop {
			pop[i].stratum = comm.ID + "/" + messageStratum(codes[i], counts, order)
		}
		msgPop = append(msgPop, pop...)
		// threads
		if corpus.LinksOf(msgs).Strength() != corpus.MessageLinks {
			continue
		}
		status := map[string]norms.Status{}
		for _, t := range norms.QuestionThreads(cb, msgs, comm.Profession) {
			status[t.ID] = t.Status
		}
		var end = msgs[0].Created
		for i := range msgs {
			if msgs[i].Created.After(end) {
				end = msgs[i].Created
			}
		}
		answers := threadMembers(msgs)
		for i := range msgs {
			m := &msgs[i]
			if !m.IsThreadStart() || m.Kind == corpus.Retweet || end.Sub(m.Created) < norms.UnansweredHorizon {
				continue
			}
			st := NotAQuestion
			if s, ok := status[m.ID]; ok {
				st = string(s)
			}
			thrPop = append(thrPop, drawn{community: comm, msg: m, stratum: comm.ID + "/" + st, answers: answers[i]})
		}
	}
	var s sample
	s.messages, s.msgStrata = stratified(msgPop, n, seed, 1)
	s.threads, s.thrStrata = stratified(thrPop, nt, seed, 2)
	for i := range s.messages {
		s.messages[i].unit = fmt.Sprintf("M%03d", i+1)
	}
	for i := range s.threads {
		s.threads[i].unit = fmt.Sprintf("T%03d", i+1)
	}
	return s
}

// messageStratum is the automatic code a message is stratified by: its
// question type for a question, else its rarest theme in its community.
func messageStratum(c themes.Coding, counts map[string]int, order []string) string {
	if c.Question {
		if c.QuestionType == "" {
			return "question:" + None
		}
		return "question:" + c.QuestionType
	}
	best := ""
	for _, id := range order {
		if slices.Contains(c.Themes, id) && (best == "" || counts[id] < counts[best]) {
			best = id
		}
	}
	return best
}

// threadMembers returns, for each thread start of msgs (by index), the
// other messages of its thread (retweets excluded) by time then id: its
// ThreadID's start, or the start reached up the parents within msgs.
func threadMembers(msgs []corpus.Message) map[int][]*corpus.Message {
	index := make(map[string]int, len(msgs))
	for i := range msgs {
		index[msgs[i].ID] = i
	}
	root := func(i int) int {
		for steps := 0; steps <= len(msgs); steps++ {
			m := &msgs[i]
			if m.IsThreadStart() {
				return i
			}
			if m.ThreadID != "" && m.ThreadID != m.ID {
				if j, ok := index[m.ThreadID]; ok && msgs[j].IsThreadStart() {
					return j
				}
				return -1
			}
			j, ok := index[m.ParentID]
			if !ok {
				return -1
			}
			i = j
		}
		return -1
	}
	out := map[int][]*corpus.Message{}
	for i := range msgs {
		m := &msgs[i]
		if m.Kind == corpus.Retweet || m.IsThreadStart() {
			continue
		}
		if r := root(i); r >= 0 {
			out[r] = append(out[r], m)
		}
	}
	for _, a := range out {
		slices.SortStableFunc(a, func(x, y *corpus.Message) int {
			if c := x.Created.Compare(y.Created); c != 0 {
				return c
			}
			return cmp.Compare(x.ID, y.ID)
		})
	}
	return out
}

// allocate gives each stratum its sample size (see the command's doc).
func allocate(pop []int, names []string, n int) []int {
	total, h := 0, 0
	for _, p := range pop {
		total += p
		if p > 0 {
			h++
		}
	}
	out := make([]int, len(pop))
	if n >= total {
		copy(out, pop)
		return out
	}
	m := 0
	switch {
	case n >= 2*h:
		m = n / (2 * h)
	case n >= h:
		m = 1
	}
	rest, capacity := n, 0
	for i, p := range pop {
		out[i] = min(p, m)
		rest -= out[i]
		capacity += p - out[i]
	}
	if rest <= 0 || capacity == 0 {
		return out
	}
	type share struct {
		i    int
		frac float64
	}
	var fr []share
	given := 0
	for i, p := range pop {
		q := float64(rest) * float64(p-out[i]) / float64(capacity)
		whole := int(q)
		out[i] += whole
		given += whole
		fr = append(fr, share{i, q - float64(whole)})
	}
	slices.SortStableFunc(fr, func(a, b share) int {
		if a.frac != b.frac {
			return cmp.Compare(b.frac, a.frac)
		}
		return cmp.Compare(names[a.i], names[b.i])
	})
	for _, f := range fr[:rest-given] {
		out[f.i]++
	}
	return out
}

// stratified draws n units of pop, stratified by their stratum, and
// returns them in a random order with the strata (by name).
func stratified(pop []drawn, n int, seed, stream uint64) ([]drawn, []stratum) {
	byName := map[string][]int{}
	for i, d := range pop {
		byName[d.stratum] = append(byName[d.stratum], i)
	}
	names := make([]string, 0, len(byName))
	for k := range byName {
		names = append(names, k)
	}
	slices.Sort(names)
	sizes := make([]int, len(names))
	for i, k := range names {
		sizes[i] = len(byName[k])
	}
	alloc := allocate(sizes, names, n)
	rng := rand.New(rand.NewPCG(seed, stream))
	var out []drawn
	var strata []stratum
	for i, k := range names {
		units := byName[k]
		perm := rng.Perm(len(units))
		for _, j := range perm[:alloc[i]] {
			out = append(out, pop[units[j]])
		}
		strata = append(strata, stratum{name: k, population: len(units), sampled: alloc[i]})
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out, strata
}

const timeLayout = "2006-01-02 15:04"

func (s sample) write(dir string, cb *themes.Codebook, study string, seed uint64) error {
	// messages.csv
	var rows [][]string
	cats := len(cb.CategoryIDs())
	for _, d := range s.messages {
		m := d.msg
		row := []string{d.unit, d.community.ID, string(d.community.Profession), m.Platform.String(), m.Kind.String(), m.Created.UTC().Format(timeLayout), d.parent, m.Text}
		row = append(row, make([]string, cats+3)...)
		rows = append(rows, row)
	}
	if err := writeSheetFile(filepath.Join(dir, "messages.csv"), messageHeader(cb), rows); err != nil {
		return err
	}
	// threads.csv
	rows = rows[:0]
	kinds := len(cb.SourceKinds())
	for _, d := range s.threads {
		labels := map[string]string{d.msg.Author: "A"}
		all := append([]*corpus.Message{d.msg}, d.answers...)
		for pos, m := range all {
			who, ok := labels[m.Author]
			if !ok {
				who = "R" + strconv.Itoa(len(labels))
				labels[m.Author] = who
			}
			row := []string{d.unit, d.community.ID, string(d.community.Profession), m.Platform.String(), strconv.Itoa(pos), who, m.Created.UTC().Format(timeLayout), m.Text}
			row = append(row, make([]string, 2+kinds+1)...)
			rows = append(rows, row)
		}
	}
	if err := writeSheetFile(filepath.Join(dir, "threads.csv"), threadHeader(cb), rows); err != nil {
		return err
	}
	// weights.csv and strata.csv
	rows = rows[:0]
	for _, x := range []struct {
		name   string
		strata []stratum
	}{{kindMessages, s.msgStrata}, {kindThreads, s.thrStrata}} {
		for _, st := range x.strata {
			w := "" // a stratum too small for the sample: no unit, no weight
			if st.sampled > 0 {
				w = strconv.FormatFloat(st.weight(), 'g', -1, 64)
			}
			rows = append(rows, []string{x.name, st.name, strconv.Itoa(st.population), strconv.Itoa(st.sampled), w})
		}
	}
	if err := writeSheetFile(filepath.Join(dir, "weights.csv"), []string{"sample", "stratum", "population", "sampled", "weight"}, rows); err != nil {
		return err
	}
	rows = rows[:0]
	for _, x := range []struct {
		name  string
		units []drawn
	}{{kindMessages, s.messages}, {kindThreads, s.threads}} {
		for _, d := range x.units {
			rows = append(rows, []string{x.name, d.unit, d.community.ID, d.msg.ID, d.stratum})
		}
	}
	if err := writeSheetFile(filepath.Join(dir, "strata.csv"), []string{"sample", "unit", "community", "message_id", "stratum"}, rows); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "README.txt"), []byte(readme(study, seed, len(s.messages), len(s.threads))), 0o644)
}

func readme(study string, seed uint64, nm, nt int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Échantillon à coder / Sample to code\r\n")
	fmt.Fprintf(&b, "Étude / study: %s; graine / seed: %d; %d messages, %d fils / threads.\r\n\r\n", study, seed, nm, nt)
	b.WriteString(strings.ReplaceAll(`Ce dossier a été écrit par "scripts/code sample". Chaque codeur travaille seul,
sur une copie à lui de messages.csv et de threads.csv, en suivant le manuel de codage :
data/codebook/manual.md (dans le dépôt du compendium).

- Ouvrir messages.csv dans un tableur (UTF-8, séparateur ";"). Pour chaque message,
  mettre 1 dans la colonne de chaque thème qui s'applique ("other" seulement si aucun),
  1 ou 0 dans "question", et pour une question son type dans "question_type".
- threads.csv : un fil par groupe de lignes, la question (position 0) puis les réponses
  dans l'ordre. A est l'auteur de la question, R1, R2... les autres personnes. Sur la
  ligne position 0 : "status" (consensual, non-consensual, unanswered, not-a-question)
  et "question_type" ; sur chaque réponse, 1 dans la colonne de chaque sorte de source
  citée.
- Ne pas ouvrir strata.csv ni weights.csv avant la fin du codage : ils disent le code
  automatique. Ne pas changer les colonnes ni les textes. Enregistrer en CSV UTF-8 sous
  un nom à soi (messages-A.csv, threads-A.csv...).
- Ensuite : "scripts/code reliability messages-A.csv messages-B.csv", arbitrage des
  désaccords dans disagreements.csv (colonne "adjudicated"), puis "scripts/code gold".

Each coder codes alone, blind to the automatic codes (strata.csv, weights.csv), following
data/codebook/manual.md; mark 1 for each code that applies; save as CSV UTF-8 under your
own name; then run reliability, adjudicate disagreements.csv, and run gold.
`, "\n", "\r\n"))
	return b.String()
}
