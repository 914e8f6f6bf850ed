package simulate

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// Families of export formats the generator writes, in order. Observations
// are the panels and profiles CSVs; truth is the truth folder.
var Families = []string{"facepager", "netvizz", "crowdtangle", "4cat", "zeeschuimer", "whatsapp", "twarc2", "observations", "truth"}

// familyCommunity is the community each message family belongs to.
var familyCommunity = map[string]string{
	"facepager": "tu-sais-que", "netvizz": "avs", "crowdtangle": "avs",
	"4cat": "en-colere", "zeeschuimer": "en-colere", "whatsapp": "entraide-whatsapp", "twarc2": "doctoctoc",
}

// Result is what the simulation of one community produced besides its
// threads: its panels over time, its roles and its message count.
type Result struct {
	Group      Group
	Panels     []corpus.PanelObservation // Facebook groups: end of each month, then T
	Admins     []string                  // display names
	Moderators []string
	Threads    int
	Messages   int
	People     []*Person // accounts (Twitter only)
	// SubGroups is the planted sub-group of each member, sorted by
	// author key (Params.SubGroups; nil when none is planted here).
	SubGroups []TruthSubGroup
}

// Simulate runs the simulation of the communities whose ids are listed
// (all when ids is empty), in the order of p.Groups, and passes every
// thread to emit in order of thread start within each community. Each
// community draws from its own random stream: the result of one does not
// depend on which others are simulated.
func Simulate(p Params, ids []string, emit func(*Thread) error) ([]Result, error) {
	if p.Scale <= 0 {
		return nil, fmt.Errorf("simulate: scale must be positive, got %g", p.Scale)
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	pop := newPopulation(&p)
	var out []Result
	for _, g := range p.Groups {
		if len(ids) > 0 && !want[g.ID] {
			continue
		}
		c := newCommunity(&p, g, pop)
		res := Result{Group: g}
		err := c.run(func(th *Thread) error {
			res.Threads++
			res.Messages += 1 + len(th.Answers) + len(th.Shares)
			return emit(th)
		})
		if err != nil {
			return nil, err
		}
		// The study file names staff as the researcher can: by name, or
		// by the export's account id where the export hides names
		// (Netvizz hashes every account).
		staff := func(p *Person) string {
			if familyCommunity["netvizz"] == g.ID {
				return "id:" + netvizzHash(p.FBID)
			}
			return p.Name
		}
		for _, a := range c.admins {
			res.Admins = append(res.Admins, staff(a))
		}
		for _, m := range c.moderators {
			res.Moderators = append(res.Moderators, staff(m))
		}
		if c.subs != nil {
			for _, m := range c.members {
				res.SubGroups = append(res.SubGroups, TruthSubGroup{Community: g.ID, AuthorKey: m.p.Key, SubGroup: c.subs.names[m.sub]})
			}
			sort.Slice(res.SubGroups, func(i, j int) bool { return res.SubGroups[i].AuthorKey < res.SubGroups[j].AuthorKey })
		}
		switch g.Platform {
		case corpus.Facebook:
			res.Panels = c.panels()
		case corpus.Twitter:
			for _, m := range c.members {
				res.People = append(res.People, m.p)
			}
		}
		out = append(out, res)
	}
	return out, nil
}

// observationTimes are the instants of the monthly panels: the last day of
// each month at the clock time of T, from the month the simulation starts
// to the month before T, then T.
func (c *community) observationTimes() []time.Time {
	T := c.par.Observed.In(corpus.Paris)
	s := c.start().In(corpus.Paris)
	var out []time.Time
	for m := time.Date(s.Year(), s.Month(), 1, 0, 0, 0, 0, corpus.Paris); ; m = m.AddDate(0, 1, 0) {
		last := m.AddDate(0, 1, -1)
		at := time.Date(last.Year(), last.Month(), last.Day(), T.Hour(), T.Minute(), T.Second(), 0, corpus.Paris)
		if !at.Before(T) {
			break
		}
		if at.After(s) {
			out = append(out, at)
		}
	}
	return append(out, c.par.Observed)
}

// panels computes the group's panel at each observation time from the
// simulated joins and posts.
func (c *community) panels() []corpus.PanelObservation {
	var out []corpus.PanelObservation
	count := func(ts []time.Time, from, to time.Time, inclusiveFrom bool) int {
		lo := sort.Search(len(ts), func(i int) bool {
			if inclusiveFrom {
				return !ts[i].Before(from)
			}
			return ts[i].After(from)
		})
		hi := sort.Search(len(ts), func(i int) bool { return ts[i].After(to) })
		return max(hi-lo, 0)
	}
	for _, at := range c.observationTimes() {
		out = append(out, corpus.PanelObservation{
			Community:     c.g.ID,
			Observed:      at,
			Members:       c.membersAt(at),
			NewMembers30d: count(c.joins, at.Add(-30*day), at, false),
			PostsToday:    count(c.posts, parisDay(at), at, true),
			Posts30d:      count(c.posts, at.Add(-30*day), at, false),
			Admins:        c.g.Admins,
			Moderators:    c.g.Moderators,
			CreatedApprox: CreatedDisplay(c.g.Created, at),
		})
	}
	return out
}

// CreatedDisplay writes a group's age as Facebook's panel does: "il y a
// environ 6 mois", "il y a 1 an environ", "il y a 3 ans environ".
func CreatedDisplay(created, at time.Time) string {
	months := int(at.Sub(created).Hours()/24/30.44 + 0.5)
	switch {
	case months < 1:
		return "il y a moins d'un mois"
	case months < 12:
		return fmt.Sprintf("il y a environ %d mois", months)
	}
	years := (months + 6) / 12
	if years == 1 {
		return "il y a 1 an environ"
	}
	return fmt.Sprintf("il y a %d ans environ", years)
}

// frenchCount writes a count as a French page does: "1 040".
func frenchCount(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Options are the generator's output options.
type Options struct {
	// Out is the study folder: raw files go to Out/raw, the study file to
	// Out/study.json.
	Out string
	// Families lists the export families to write (see Families); all
	// when empty.
	Families []string
	// Log receives a short summary; nil for none.
	Log io.Writer
	// observe, when set, sees every thread (tests).
	observe func(*Thread)
}

// File is a written file and its size.
type File struct {
	Path  string // relative to the study folder, with forward slashes
	Bytes int64
}

// Summary is what Generate wrote.
type Summary struct {
	Files    []File
	Results  []Result
	Messages map[string]int // by community
}

// Generate simulates the study and writes its raw exports, observations,
// truth and study file under opt.Out.
func Generate(p Params, opt Options) (*Summary, error) {
	fams := map[string]bool{}
	for _, f := range opt.Families {
		known := false
		for _, k := range Families {
			known = known || k == f
		}
		if !known {
			return nil, fmt.Errorf("simulate: unknown format family %q (known: %s)", f, strings.Join(Families, ", "))
		}
		fams[f] = true
	}
	if len(fams) == 0 {
		for _, f := range Families {
			fams[f] = true
		}
	}
	// Which communities must be simulated.
	var ids []string
	for _, g := range p.Groups {
		need := fams["truth"] || (fams["observations"] && g.Platform == corpus.Facebook)
		for f, c := range familyCommunity {
			if c == g.ID && fams[f] {
				need = true
			}
		}
		if g.ID == "doctoctoc" && fams["observations"] {
			need = true // profiles: the accounts tweet there
		}
		if need {
			ids = append(ids, g.ID)
		}
	}
	root := opt.Out
	raw := "raw"
	sum := &Summary{Messages: map[string]int{}}
	sources := map[string][]string{} // community -> files
	var truth *truthWriter
	if fams["truth"] {
		var err error
		if truth, err = newTruth(root, raw+"/truth/messages.csv"); err != nil {
			return nil, err
		}
	}
	// Writers are created per community when its first thread arrives.
	var writers []threadWriter
	current := ""
	closeCurrent := func() error {
		for _, w := range writers {
			files, err := w.close()
			if err != nil {
				return err
			}
			sources[current] = append(sources[current], files...)
		}
		writers = nil
		return nil
	}
	pp := &p
	open := func(g Group) error {
		dir := raw + "/" + g.ID
		var ws []threadWriter
		switch g.ID {
		case "tu-sais-que":
			if fams["facepager"] {
				w, err := newFacepager(root, dir+"/facepager_feed_"+groupNumber(g.ID)+".csv", g, pp)
				if err != nil {
					return err
				}
				ws = append(ws, w)
			}
		case "avs":
			if fams["netvizz"] {
				w, err := newNetvizz(root, dir, g, pp)
				if err != nil {
					return err
				}
				ws = append(ws, w)
			}
			if fams["crowdtangle"] {
				members := membersFunc(p, g)
				w, err := newCrowdTangle(root, dir+"/crowdtangle_"+strconv.Itoa(p.CrowdTangleDays)+"d.csv", g, pp, members)
				if err != nil {
					return err
				}
				ws = append(ws, w)
			}
		case "en-colere":
			if fams["4cat"] {
				w, err := newFourCAT(root, dir+"/4cat_"+g.ID+".csv")
				if err != nil {
					return err
				}
				ws = append(ws, w)
			}
			if fams["zeeschuimer"] {
				ws = append(ws, newZeeschuimer(root, dir+"/zeeschuimer_facebook_"+strconv.Itoa(p.ZeeschuimerDays)+"d.ndjson", g, pp))
			}
		case "entraide-whatsapp":
			if fams["whatsapp"] {
				ws = append(ws, newWhatsApp(root, dir+"/whatsapp_chat.txt", g))
			}
		case "doctoctoc":
			if fams["twarc2"] {
				w, err := newTwarc(root, dir, pp, twitterPeople(p))
				if err != nil {
					return err
				}
				ws = append(ws, w)
			}
		}
		writers = ws
		return nil
	}
	groups := map[string]Group{}
	for _, g := range p.Groups {
		groups[g.ID] = g
	}
	results, err := Simulate(p, ids, func(th *Thread) error {
		id := th.Start.Community
		if id != current {
			if err := closeCurrent(); err != nil {
				return err
			}
			current = id
			if err := open(groups[id]); err != nil {
				return err
			}
		}
		sum.Messages[id] += 1 + len(th.Answers) + len(th.Shares)
		if opt.observe != nil {
			opt.observe(th)
		}
		for _, w := range writers {
			if err := w.thread(th); err != nil {
				return err
			}
		}
		if truth != nil {
			return truth.thread(th)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := closeCurrent(); err != nil {
		return nil, err
	}
	sum.Results = results
	var written []string
	for _, fs := range sources {
		written = append(written, fs...)
	}
	if truth != nil {
		f, err := truth.close()
		if err != nil {
			return nil, err
		}
		written = append(written, f)
		if err := writeParams(root, raw+"/truth/params.json", p); err != nil {
			return nil, err
		}
		written = append(written, raw+"/truth/params.json")
		var subs []TruthSubGroup
		for _, r := range results {
			subs = append(subs, r.SubGroups...)
		}
		if len(subs) > 0 {
			f, err := writeSubGroups(root, raw+"/truth/subgroups.csv", subs)
			if err != nil {
				return nil, err
			}
			written = append(written, f)
		}
	}
	var obsFiles []string
	if fams["observations"] {
		obsFiles, err = writeObservations(root, raw+"/observations", p, results)
		if err != nil {
			return nil, err
		}
		written = append(written, obsFiles...)
	}
	if err := writeStudy(root, p, results, sources, obsFiles); err != nil {
		return nil, err
	}
	written = append(written, "study.json")
	sort.Strings(written)
	for _, f := range written {
		st, err := os.Stat(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			return nil, err
		}
		sum.Files = append(sum.Files, File{Path: f, Bytes: st.Size()})
	}
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "simulate: seed %d, scale %g, synthetic study written to %s\n", p.Seed, p.Scale, root)
		for _, r := range results {
			fmt.Fprintf(opt.Log, "  %-12s %7d threads %8d messages\n", r.Group.ID, r.Threads, sum.Messages[r.Group.ID])
		}
		for _, f := range sum.Files {
			fmt.Fprintf(opt.Log, "  %-60s %10d bytes\n", f.Path, f.Bytes)
		}
	}
	return sum, nil
}

// membersFunc returns the member count of a group at a time, from a
// separate replay of its join process (the writer must not share the
// community's random stream).
func membersFunc(p Params, g Group) func(time.Time) int {
	pop := newPopulation(&p)
	c := &community{g: g, par: &p, r: newRNG(p.Seed, "community:"+g.ID), recent: map[string][]recentQ{}}
	c.text = newTexter(g.Profession, p.Noise)
	c.initMembers(pop)
	return c.membersAt
}

// twitterPeople replays the account draw of the hashtag community.
func twitterPeople(p Params) []*Person {
	for _, g := range p.Groups {
		if g.Platform == corpus.Twitter {
			c := &community{g: g, par: &p, r: newRNG(p.Seed, "community:"+g.ID), recent: map[string][]recentQ{}}
			c.text = newTexter(g.Profession, p.Noise)
			c.initAccounts()
			var out []*Person
			for _, m := range c.members {
				out = append(out, m.p)
			}
			return out
		}
	}
	return nil
}

// ---- truth ----

type truthWriter struct {
	out *outFile
	w   *csv.Writer
}

// TruthHeader are the columns of raw/truth/messages.csv.gz.
var TruthHeader = []string{"community", "id", "kind", "parent_id", "thread_id", "author_key", "author_role", "created",
	"theme", "question_type", "answer_status", "cites", "duplicate_of"}

func newTruth(root, rel string) (*truthWriter, error) {
	o, err := createOut(root, rel, true)
	if err != nil {
		return nil, err
	}
	w := csv.NewWriter(o)
	w.Write(TruthHeader)
	return &truthWriter{out: o, w: w}, w.Error()
}

func (t *truthWriter) row(m *Message) {
	t.w.Write([]string{m.Community, m.ID, m.Kind.String(), m.ParentID, m.ThreadID, m.Author.Key, m.Role.String(),
		m.Created.UTC().Format(time.RFC3339), m.Theme, m.QuestionType, m.AnswerStatus, m.Cites, m.DuplicateOf})
}

func (t *truthWriter) thread(th *Thread) error {
	t.row(&th.Start)
	for i := range th.Answers {
		t.row(&th.Answers[i])
	}
	for i := range th.Shares {
		t.row(&th.Shares[i])
	}
	return t.w.Error()
}

func (t *truthWriter) close() (string, error) {
	t.w.Flush()
	if err := t.w.Error(); err != nil {
		return "", err
	}
	return t.out.Close()
}

func writeJSON(root, rel string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	path := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

func writeParams(root, rel string, p Params) error {
	return writeJSON(root, rel, struct {
		Synthetic bool   `json:"synthetic"`
		Note      string `json:"note"`
		Params    Params `json:"params"`
	}{true, "SYNTHETIC data: every message, person, account and id of this study was generated by " +
		"analysis/simulate (scripts/simulate) with these parameters; none is real. messages.csv.gz is the " +
		"known truth of each generated message.", p})
}

// ---- observations ----

func writeObservations(root, dir string, p Params, results []Result) ([]string, error) {
	o, err := createOut(root, dir+"/panels.csv", false)
	if err != nil {
		return nil, err
	}
	w := csv.NewWriter(o)
	w.Write([]string{"community", "group_name", "observed_at", "members", "new_members_30d", "posts_today", "posts_30d",
		"admins", "moderators", "created_display"})
	for _, r := range results {
		for _, pn := range r.Panels {
			w.Write([]string{pn.Community, r.Group.Name, pn.Observed.In(corpus.Paris).Format(time.RFC3339),
				frenchCount(pn.Members), "+" + frenchCount(pn.NewMembers30d), frenchCount(pn.PostsToday),
				frenchCount(pn.Posts30d), strconv.Itoa(pn.Admins), strconv.Itoa(pn.Moderators), pn.CreatedApprox})
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}
	a, err := o.Close()
	if err != nil {
		return nil, err
	}
	o, err = createOut(root, dir+"/profiles.csv", false)
	if err != nil {
		return nil, err
	}
	w = csv.NewWriter(o)
	w.Write([]string{"community", "account", "label", "observed_at", "posts", "following", "followers", "likes", "joined"})
	for _, a := range profileAccounts {
		w.Write([]string{"doctoctoc", a.Handle, a.Label, p.Observed.In(corpus.Paris).Format(time.RFC3339), a.Posts,
			a.Following, a.Followers, a.Likes, a.Joined})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}
	b, err := o.Close()
	return []string{a, b}, err
}

// ---- study file ----

// StudyFile is the schema of study.json, which package load parses.
type StudyFile struct {
	Name            string           `json:"name"`
	Synthetic       bool             `json:"synthetic"`
	Description     string           `json:"description"`
	ObservationDate string           `json:"observation_date"`
	Communities     []StudyCommunity `json:"communities"`
	Observations    []StudySource    `json:"observations"`
}

// StudyCommunity is a community of study.json.
type StudyCommunity struct {
	ID         string        `json:"id"`
	Name       string        `json:"name"`
	Platform   string        `json:"platform"`
	Profession string        `json:"profession"`
	Visibility string        `json:"visibility"`
	Created    string        `json:"created,omitempty"`
	Admins     []string      `json:"admins"`
	Moderators []string      `json:"moderators"`
	Sources    []StudySource `json:"sources"`
}

// StudySource is a set of raw files (globs relative to the study folder)
// and their format ("auto" to sniff).
type StudySource struct {
	Files  []string `json:"files"`
	Format string   `json:"format"`
}

func writeStudy(root string, p Params, results []Result, sources map[string][]string, obs []string) error {
	sf := StudyFile{
		Name:      "sample",
		Synthetic: true,
		Description: "Échantillon SYNTHÉTIQUE : messages, membres, comptes et identifiants générés par " +
			"analysis/simulate (graine " + strconv.FormatUint(p.Seed, 10) + ", échelle " +
			strconv.FormatFloat(p.Scale, 'g', -1, 64) + "), calibrés sur les panneaux « Activité » de la " +
			"présentation de 2019 et sur les parts publiées de l'étude #DocTocToc de 2013. Aucun message ni " +
			"aucune personne réels. Vérité connue dans raw/truth/.",
		ObservationDate: p.Observed.In(corpus.Paris).Format(time.RFC3339),
		Communities:     []StudyCommunity{},
		Observations:    []StudySource{},
	}
	for _, r := range results {
		g := r.Group
		sc := StudyCommunity{ID: g.ID, Name: g.Name, Platform: g.Platform.String(), Profession: string(g.Profession),
			Visibility: string(g.Visibility), Admins: append([]string{}, r.Admins...),
			Moderators: append([]string{}, r.Moderators...), Sources: []StudySource{}}
		if !g.Created.IsZero() {
			sc.Created = g.Created.In(corpus.Paris).Format("2006-01")
		}
		files := append([]string{}, sources[g.ID]...)
		sort.Strings(files)
		for _, f := range files {
			sc.Sources = append(sc.Sources, StudySource{Files: []string{f}, Format: "auto"})
		}
		if len(sc.Sources) == 0 && len(r.Panels) == 0 && g.Platform != corpus.Twitter {
			continue
		}
		sf.Communities = append(sf.Communities, sc)
	}
	if len(obs) > 0 {
		sf.Observations = append(sf.Observations, StudySource{Files: []string{"raw/observations/*.csv"}, Format: "auto"})
	}
	return writeJSON(root, "study.json", sf)
}
