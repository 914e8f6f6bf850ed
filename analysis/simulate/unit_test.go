package simulate

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

func TestStatusRule(t *testing.T) {
	asker, a, b, c := &Person{Key: "q"}, &Person{Key: "a"}, &Person{Key: "b"}, &Person{Key: "c"}
	th := func(answers ...Message) *Thread {
		return &Thread{Start: Message{Author: asker}, Answers: answers}
	}
	m := func(p *Person, stance string) Message { return Message{Author: p, stance: stance} }
	cases := []struct {
		th   *Thread
		want string
	}{
		{th(), Unanswered},
		{th(m(asker, stUp), m(asker, stThanks)), Unanswered},
		{th(m(a, stAdvice)), NonConsensual},
		{th(m(a, stAdvice), m(a, stAgree)), NonConsensual}, // one answerer agreeing with herself
		{th(m(a, stAdvice), m(b, stAgree)), Consensual},
		{th(m(a, stAdvice), m(b, stAgree), m(c, stDisagree)), NonConsensual},
		{th(m(a, stCite)), Consensual},
		{th(m(a, stAdvice), m(b, stDisagree), m(c, stCite)), Consensual},
		{th(m(a, stSupport), m(b, stSupport)), NonConsensual},
		{th(m(asker, stAdvice), m(b, stAgree)), NonConsensual}, // the asker does not count
	}
	for i, c := range cases {
		if got := Status(c.th); got != c.want {
			t.Errorf("case %d: %s, want %s", i, got, c.want)
		}
	}
}

func TestCreatedDisplay(t *testing.T) {
	at := Observed
	for _, c := range []struct {
		created time.Time
		want    string
	}{
		{ParisTime(2016, time.May, 20, 0, 0, 0), "il y a 3 ans environ"},
		{ParisTime(2015, time.May, 7, 0, 0, 0), "il y a 4 ans environ"},
		{ParisTime(2018, time.November, 14, 0, 0, 0), "il y a environ 6 mois"},
		{ParisTime(2018, time.May, 1, 0, 0, 0), "il y a 1 an environ"},
		{ParisTime(2019, time.May, 10, 0, 0, 0), "il y a moins d'un mois"},
	} {
		if got := CreatedDisplay(c.created, at); got != c.want {
			t.Errorf("CreatedDisplay(%v) = %q, want %q", c.created, got, c.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1040: "1 040", 3977: "3 977", 1234567: "1 234 567"} {
		if got := frenchCount(n); got != want {
			t.Errorf("frenchCount(%d) = %q", n, got)
		}
	}
	for n, want := range map[int]string{7: "7", 1000: "1,000", 3912: "3,912", 12345678: "12,345,678"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q", n, got)
		}
	}
}

func TestSolveGrowth(t *testing.T) {
	if r := solveGrowth(1); math.Abs(r) > 1e-6 {
		t.Errorf("solveGrowth(1) = %g, want 0", r)
	}
	for _, target := range []float64{0.4, 3.7, 13.5} {
		r := solveGrowth(target)
		if got := r * math.Exp(r) / math.Expm1(r); math.Abs(got-target) > 1e-6 {
			t.Errorf("solveGrowth(%g) = %g gives %g", target, r, got)
		}
	}
}

func TestNamesUnique(t *testing.T) {
	const n = 60000
	seen := map[string]uint64{}
	for i := uint64(0); i < n; i++ {
		name := personName(i, aideFirsts, 0x5eed)
		if j, dup := seen[name]; dup {
			t.Fatalf("persons %d and %d both named %q", j, i, name)
		}
		seen[name] = i
		if strings.Contains(name, "  ") || !utf8.ValidString(name) {
			t.Fatalf("bad name %q", name)
		}
	}
	// Beyond one table: still unique.
	space := nameSpace(aideFirsts)
	a, b := personName(space+3, aideFirsts, 1), personName(2*space+3, aideFirsts, 1)
	if a == b || !strings.Contains(a, "-") {
		t.Errorf("double-barrelled names %q, %q", a, b)
	}
	for x := uint64(0); x < 1000; x++ {
		if p := permute(x, 1000, 9); p >= 1000 {
			t.Fatalf("permute out of range: %d", p)
		}
	}
}

func TestReplaceWord(t *testing.T) {
	for _, c := range [][4]string{
		{"dans la voiture", "dans", "ds", "ds la voiture"},
		{"cependant dans", "dans", "ds", "cependant ds"},
		{"tout et toutes", "tout", "tt", "tt et toutes"},
		{"quelqu'un sait", "quelqu'un", "qqun", "qqun sait"},
		{"rendez-vous.", "rendez-vous", "rdv", "rdv."},
	} {
		if got := replaceWord(c[0], c[1], c[2]); got != c[3] {
			t.Errorf("replaceWord(%q, %q) = %q, want %q", c[0], c[1], got, c[3])
		}
	}
}

func TestRhythmTable(t *testing.T) {
	r := DefaultParams(1, 1).GPRhythm
	tab := r.Table()
	if got, want := tab[time.Wednesday][12], r.Day[time.Wednesday]*r.Weekday[12]; got != want {
		t.Errorf("Wednesday 12h: %g, want %g", got, want)
	}
	if got, want := tab[time.Sunday][12], r.Day[time.Sunday]*r.Weekend[12]; got != want {
		t.Errorf("Sunday 12h: %g, want %g", got, want)
	}
}

func TestCellsDrawWithin(t *testing.T) {
	from := ParisTime(2019, time.March, 30, 22, 30, 0) // across the DST change
	to := ParisTime(2019, time.April, 1, 1, 15, 0)
	c := newCells(from, to, aideRhythm.Table(), func(time.Time) float64 { return 1 })
	got := c.draw(newRNG(1, "t"), 500)
	if len(got) != 500 {
		t.Fatalf("%d draws", len(got))
	}
	for i, x := range got {
		if x.Before(from) || !x.Before(to) || x.Nanosecond() != 0 || (i > 0 && x.Before(got[i-1])) {
			t.Fatalf("draw %d = %v outside [%v, %v) or unsorted", i, x, from, to)
		}
	}
}

func TestTextNoise(t *testing.T) {
	tx := newTexter(corpus.HomeCareAide, DefaultParams(1, 1).Noise)
	st := style{abbrev: true, noAccent: true}
	tx.noise.AbbrevRate = 1
	tx.noise.TypoRate = 0
	got := tx.finish(newRNG(1, "x"), "quelqu'un sait si c'est payé dans la convention", st, "q")
	if !strings.HasPrefix(got, "Qqun sait si c payé ds la convention") && !strings.HasPrefix(got, "qqun sait si c paye ds la convention") &&
		!strings.HasPrefix(got, "Qqun sait si c paye ds la convention") {
		t.Errorf("noisy text %q", got)
	}
	if got := tidy("  bonjour ,  est-ce que de une dame  ? "); got != "Bonjour, est-ce que d'une dame ?" {
		t.Errorf("tidy: %q", got)
	}
}

// FuzzFinish checks that the noise never breaks a text: valid UTF-8 in,
// valid UTF-8 out, no panic.
func FuzzFinish(f *testing.F) {
	for _, s := range []string{"quelqu'un sait si c'est payé dans la convention ?", "#DocTocToc pt 45 ans, ttt ?",
		"é", "", "a  b", "🙏🙏 ça", "Coucou les filles, encore un problème de planning. Vraiment beaucoup trop de trajets, toujours."} {
		f.Add(s, uint64(1))
	}
	aide := newTexter(corpus.HomeCareAide, DefaultParams(1, 1).Noise)
	gp := newTexter(corpus.GP, DefaultParams(1, 1).Noise)
	aide.noise.TypoRate, gp.noise.TypoRate = 0.5, 0.5
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		if !utf8.ValidString(s) {
			return
		}
		r := newRNG(seed, "fuzz")
		for _, tx := range []*texter{aide, gp} {
			st := tx.newStyle(r)
			st.abbrev = true
			out := tx.finish(r, tidy(tx.contextualise(r, s)), st, "pos")
			if !utf8.ValidString(out) {
				t.Fatalf("finish(%q) = %q: invalid UTF-8", s, out)
			}
		}
	})
}

// benchFamily measures the generator writing one family at a small scale.
func benchFamily(b *testing.B, fam string) {
	dir := b.TempDir()
	p := DefaultParams(1, 0.2)
	var bytes int64
	for b.Loop() {
		sum, err := Generate(p, Options{Out: dir, Families: []string{fam}})
		if err != nil {
			b.Fatal(err)
		}
		bytes = 0
		for _, f := range sum.Files {
			if f.Path != "study.json" {
				bytes += rawSize(b, dir, f.Path)
			}
		}
	}
	b.SetBytes(bytes)
}

// rawSize is the decoded size of a written file.
func rawSize(b *testing.B, dir, rel string) int64 {
	data, err := os.ReadFile(dir + "/" + rel)
	if err != nil {
		b.Fatal(err)
	}
	return int64(len(data))
}

func BenchmarkFacepager(b *testing.B)   { benchFamily(b, "facepager") }
func BenchmarkNetvizz(b *testing.B)     { benchFamily(b, "netvizz") }
func BenchmarkCrowdTangle(b *testing.B) { benchFamily(b, "crowdtangle") }
func BenchmarkFourCAT(b *testing.B)     { benchFamily(b, "4cat") }
func BenchmarkZeeschuimer(b *testing.B) { benchFamily(b, "zeeschuimer") }
func BenchmarkTwarc2(b *testing.B)      { benchFamily(b, "twarc2") }
func BenchmarkTruth(b *testing.B)       { benchFamily(b, "truth") }

// ExampleSimulate runs the calibrated simulation of one group and reads
// its panel on the observation instant.
func ExampleSimulate() {
	posts := 0
	res, err := Simulate(DefaultParams(DefaultSeed, 1), []string{"avs"}, func(th *Thread) error {
		if th.Start.Created.After(Observed.Add(-30 * 24 * time.Hour)) {
			posts++
		}
		return nil
	})
	if err != nil {
		panic(err)
	}
	last := res[0].Panels[len(res[0].Panels)-1]
	fmt.Println(res[0].Group.Name)
	fmt.Printf("%s: %d members, +%d in 30 days, %d posts today, %d in 30 days\n",
		last.CreatedApprox, last.Members, last.NewMembers30d, last.PostsToday, last.Posts30d)
	fmt.Println("posts generated in the last 30 days:", posts)
	fmt.Println("admins:", len(res[0].Admins), "moderators:", len(res[0].Moderators))
	// Output:
	// AVS - Auxiliaire de Vie Sociale
	// il y a 4 ans environ: 3977 members, +290 in 30 days, 15 posts today, 388 in 30 days
	// posts generated in the last 30 days: 388
	// admins: 2 moderators: 1
}

// At scales where the random suffixes of a handle's prefix run out, the
// accounts' handles count up from base_20: each base's counted handles
// are exactly base_20, base_21, … with no gap (what counting from 20
// each time gives, found in one step from the remembered next suffix),
// and every handle is unique ignoring case.
func TestCountUpHandles(t *testing.T) {
	p := DefaultParams(20190523, 40)
	var g Group
	for _, x := range p.Groups {
		if x.Platform == corpus.Twitter {
			g = x
		}
	}
	c := &community{g: g, par: &p, r: newRNG(p.Seed, "community:"+g.ID), recent: map[string][]recentQ{}}
	c.text = newTexter(g.Profession, p.Noise)
	c.initAccounts()
	seen := map[string]bool{}
	counted := map[string][]int{}
	for _, m := range c.members {
		h := strings.ToLower(m.p.Handle)
		if seen[h] {
			t.Fatalf("handle %q twice", m.p.Handle)
		}
		seen[h] = true
		b, suffix, ok := strings.Cut(m.p.Handle, "_")
		if n, err := strconv.Atoi(suffix); ok && err == nil && n >= 20 && len(b) <= 8 {
			counted[b] = append(counted[b], n)
		}
	}
	total := 0
	for b, ns := range counted {
		slices.Sort(ns)
		for i, n := range ns {
			if n != 20+i {
				t.Fatalf("base %q: counted suffixes %v, want 20, 21, … without gap", b, ns)
			}
		}
		total += len(ns)
	}
	if total == 0 {
		t.Fatalf("no counted handle among %d accounts: the scale does not reach the count-up", len(c.members))
	}
	t.Logf("%d accounts, %d counted handles over %d bases", len(c.members), total, len(counted))
}
