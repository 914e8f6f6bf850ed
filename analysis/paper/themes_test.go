package paper

import (
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"github.com/faire-communaute/compendium/analysis/indicator/network"
	"github.com/faire-communaute/compendium/analysis/indicator/norms"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
	"github.com/faire-communaute/compendium/analysis/repo"
)

// normsFixture is a small hand-made study for Figures 3, 4 and 10 to 15:
// a Facebook group of aides ("aides", authors A1 (admin), A2, A3, A4 and
// X) and #DocTocToc ("mg", authors G1, G2, G3 and X, who writes in both),
// March and April 2019. Its question threads:
//
//   - a1 (A1): frais km payés par l'employeur ? answered by A2 citing « la
//     convention collective » (law): consensual;
//   - a3 (A3): toilette refused, answered by A1, then A2 « +1 je confirme »:
//     consensual (agreement of a second answerer);
//   - a8 (A2): planning and coupures: unanswered;
//   - a9 (A3), 37 days after a1, a1 reworded: answered once by X, no
//     source: non-consensual, and recurring;
//   - m1 (G1): posologie d'amoxicilline, answered by G2 citing a HAS
//     recommandation: consensual;
//   - m3 (G3): arrêt de travail en ALD, answered once: non-consensual;
//   - m6 (X): bilan d'une fièvre: unanswered.
//
// a6 and m5 vent without asking, m8 shares an article, m7 is a retweet.
func normsFixture() *corpus.Corpus {
	at := func(mo time.Month, d, h int) time.Time { return time.Date(2019, mo, d, h, 0, 0, 0, time.UTC) }
	fb := func(id string, k corpus.Kind, parent, author string, t time.Time, text string, links ...string) corpus.Message {
		m := corpus.Message{Platform: corpus.Facebook, Community: "aides", ID: id, Kind: k, ParentID: parent, Author: author, Created: t, Text: text, Links: links}
		if author == "A1" {
			m.AuthorRole = corpus.Admin
		}
		return m
	}
	tw := func(id string, k corpus.Kind, parent, author string, t time.Time, text string, links ...string) corpus.Message {
		return corpus.Message{Platform: corpus.Twitter, Community: "mg", ID: id, Kind: k, ParentID: parent, Author: author, Created: t, Text: text, Links: links}
	}
	c := &corpus.Corpus{
		Study: "norms-fixture",
		Communities: []corpus.Community{
			{ID: "mg", Name: "#DocTocToc", Platform: corpus.Twitter, Profession: corpus.GP},
			{ID: "aides", Name: "Aides à domicile entre nous", Platform: corpus.Facebook, Profession: corpus.HomeCareAide},
		},
		Messages: []corpus.Message{
			fb("a1", corpus.Post, "", "A1", at(3, 4, 9), "Bonjour, qqun sait si les frais km sont payés par l'employeur ?"),
			fb("a2", corpus.Comment, "a1", "A2", at(3, 4, 10), "Oui c'est dans la convention collective", "https://www.legifrance.gouv.fr/idcc"),
			fb("a3", corpus.Post, "", "A3", at(3, 5, 9), "Ma bénéficiaire refuse la toilette, vous faites comment ?"),
			fb("a4", corpus.Comment, "a3", "A1", at(3, 5, 10), "On lui propose une douche plus tard dans la journée"),
			fb("a5", corpus.Comment, "a3", "A2", at(3, 5, 11), "+1 je confirme, ça marche"),
			fb("a6", corpus.Post, "", "A4", at(3, 6, 18), "Ras le bol, épuisée ce soir"),
			fb("a7", corpus.Comment, "a6", "A1", at(3, 6, 19), "Bon courage à toi", "https://www.has-sante.fr/soins"),
			fb("a8", corpus.Post, "", "A2", at(3, 7, 9), "Qui sait comment organiser son planning avec les coupures ?"),
			fb("a9", corpus.Post, "", "A3", at(4, 10, 9), "Bonjour, quelqu'un sait si les frais km sont payés par l'employeur svp ?"),
			fb("a10", corpus.Comment, "a9", "X", at(4, 10, 12), "Normalement oui"),
			tw("m1", corpus.Tweet, "", "G1", at(3, 4, 10), "#DocTocToc quelle posologie d'amoxicilline pour une otite chez l'enfant ?"),
			tw("m2", corpus.Reply, "m1", "G2", at(3, 4, 11), "Voir la recommandation HAS", "https://www.has-sante.fr/otite"),
			tw("m3", corpus.Tweet, "", "G3", at(3, 5, 10), "#DocTocToc un arrêt de travail pour un patient en ALD, comment faire ?"),
			tw("m4", corpus.Reply, "m3", "G1", at(3, 5, 11), "Je dirais plutôt un certificat"),
			tw("m5", corpus.Tweet, "", "G2", at(3, 6, 20), "Épuisé par la paperasse ce soir"),
			tw("m6", corpus.Tweet, "", "X", at(3, 7, 10), "#DocTocToc quel bilan devant une fièvre prolongée ?"),
			{Platform: corpus.Twitter, Community: "mg", ID: "m7", Kind: corpus.Retweet, RefID: "m1", Author: "G3", Created: at(3, 7, 11),
				Text: "#DocTocToc quelle posologie d'amoxicilline pour une otite chez l'enfant ?"},
			tw("m8", corpus.Tweet, "", "G1", at(4, 2, 8), "Article intéressant sur les otites", "https://www.prescrire.org/article"),
		},
	}
	c.Sort()
	return c
}

var (
	cbOnce  sync.Once
	cbValue *themes.Codebook
	cbErr   error
)

// codebook loads the repository's codebook once.
func codebook(t testing.TB) *themes.Codebook {
	t.Helper()
	cbOnce.Do(func() { cbValue, cbErr = themes.LoadCodebook(filepath.Join(repo.Root(), themes.DefaultFile)) })
	if cbErr != nil {
		t.Fatal(cbErr)
	}
	return cbValue
}

// codedSample is a hand-coded sample of four messages; the last one is
// coded "future" by hand where the codebook finds no theme ("other").
func codedSample() []themes.Coded {
	return []themes.Coded{
		{ID: "s1", Profession: corpus.HomeCareAide, Text: "Qqun sait si les frais km sont payés ?", Themes: []string{"conditions"}, Question: true, QuestionType: "rights"},
		{ID: "s2", Profession: corpus.HomeCareAide, Text: "Ras le bol, épuisée", Themes: []string{"support"}},
		{ID: "s3", Profession: corpus.GP, Text: "Quelle posologie d'amoxicilline pour une otite ?", Themes: []string{"practice"}, Question: true, QuestionType: "therapeutic"},
		{ID: "s4", Profession: corpus.GP, Text: "Bonne soirée à tous", Themes: []string{"future"}},
	}
}

// normsBuilders lists the builders of themes.go, network.go and norms.go
// on the fixture, with their figure IDs.
func normsBuilders(t testing.TB) []struct {
	id    string
	build func(*corpus.Corpus) (*figure.Figure, error)
} {
	cb := codebook(t)
	return []struct {
		id    string
		build func(*corpus.Corpus) (*figure.Figure, error)
	}{
		{"f03-themes", func(c *corpus.Corpus) (*figure.Figure, error) { return F03Themes(themes.Measure(c, cb), testProv) }},
		{"f04-question-types", func(c *corpus.Corpus) (*figure.Figure, error) {
			return F04QuestionTypes(themes.Measure(c, cb), testProv)
		}},
		{"t3-codebook-validation", func(*corpus.Corpus) (*figure.Figure, error) {
			return T3CodebookValidation(themes.NewReport(cb, codedSample(), nil), testProv)
		}},
		{"f10-networks", func(c *corpus.Corpus) (*figure.Figure, error) {
			nets := network.Measure(c)
			return F10Networks(nets, testNulls(nets), testProv)
		}},
		{"t4-network", func(c *corpus.Corpus) (*figure.Figure, error) {
			nets := network.Measure(c)
			return T4Network(nets, testNulls(nets), testProv)
		}},
		{"f12-consensus", func(c *corpus.Corpus) (*figure.Figure, error) { return F12Consensus(norms.Measure(c, cb), testProv) }},
		{"f13-sources", func(c *corpus.Corpus) (*figure.Figure, error) { return F13Sources(norms.Measure(c, cb), testProv) }},
		{"f14-recurring", func(c *corpus.Corpus) (*figure.Figure, error) { return F14Recurring(norms.Measure(c, cb), testProv) }},
		{"f15-overlap", func(c *corpus.Corpus) (*figure.Figure, error) { return F15Overlap(norms.Overlap(c), testProv) }},
	}
}

// buildNorms builds one figure of normsBuilders on the fixture.
func buildNorms(t *testing.T, id string) *figure.Figure {
	t.Helper()
	for _, b := range normsBuilders(t) {
		if b.id == id {
			f, err := b.build(normsFixture())
			if err != nil {
				t.Fatal(err)
			}
			if f.ID != id {
				t.Errorf("ID %q, want %q", f.ID, id)
			}
			return f
		}
	}
	t.Fatalf("no builder %s", id)
	return nil
}

func TestF03Themes(t *testing.T) {
	f := buildNorms(t, "f03-themes")
	// Aides (10 messages): conditions a1, a2, a8, a9; practice a3, a4;
	// support a6, a7; other a5, a10. GPs (7 messages, the retweet m7
	// left out): conditions m3, m4, m5; practice m1, m3 (both: the codebook
	// reads « arrêt de travail » as a condition and « patient » as
	// practice), m6, m8 (otites); support m5; other m2.
	want := "community,profession,theme,messages,count,share\n" +
		"aides,home-care-aide,conditions,10,4,0.400000\n" +
		"aides,home-care-aide,practice,10,2,0.200000\n" +
		"aides,home-care-aide,future,10,0,0.000000\n" +
		"aides,home-care-aide,support,10,2,0.200000\n" +
		"aides,home-care-aide,other,10,2,0.200000\n" +
		"*,home-care-aide,conditions,10,4,0.400000\n" +
		"*,home-care-aide,practice,10,2,0.200000\n" +
		"*,home-care-aide,future,10,0,0.000000\n" +
		"*,home-care-aide,support,10,2,0.200000\n" +
		"*,home-care-aide,other,10,2,0.200000\n" +
		"mg,general-practitioner,conditions,7,3,0.428571\n" +
		"mg,general-practitioner,practice,7,4,0.571429\n" +
		"mg,general-practitioner,future,7,0,0.000000\n" +
		"mg,general-practitioner,support,7,1,0.142857\n" +
		"mg,general-practitioner,other,7,1,0.142857\n" +
		"*,general-practitioner,conditions,7,3,0.428571\n" +
		"*,general-practitioner,practice,7,4,0.571429\n" +
		"*,general-practitioner,future,7,0,0.000000\n" +
		"*,general-practitioner,support,7,1,0.142857\n" +
		"*,general-practitioner,other,7,1,0.142857\n"
	if got := pointCSV(t, f, 6); got != want {
		t.Errorf("data:\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(f.Caption, "100 %") || len(f.Tiles) != 2 {
		t.Errorf("caption %q or %d tiles", f.Caption, len(f.Tiles))
	}
}

func TestF04QuestionTypes(t *testing.T) {
	f := buildNorms(t, "f04-question-types")
	// Aides: a1 and a9 rights, a3 care, a8 organisation (4 questions, all
	// typed). GPs: m1 therapeutic, m3 administrative, m6 diagnostic.
	hasPointLines(t, f, 9,
		"source,community,profession,question_type,questions,typed_questions,count,share,share_typed",
		"corpus,aides,home-care-aide,rights,4,4,2,0.500000,0.500000",
		"corpus,aides,home-care-aide,care,4,4,1,0.250000,0.250000",
		"corpus,aides,home-care-aide,organisation,4,4,1,0.250000,0.250000",
		"corpus,aides,home-care-aide,none,4,4,0,0.000000,NaN",
		"corpus,*,general-practitioner,diagnostic,3,3,1,0.333333,0.333333",
		"corpus,*,general-practitioner,poll,3,3,0,0.000000,0.000000",
		"doctoctoc-2013,,general-practitioner,therapeutic,63,63,,0.317000,0.317000",
		"doctoctoc-2013,,general-practitioner,poll,63,63,,0.095000,0.095000",
	)
	lines := csvLines(t, f)
	// 4 aide types x 2 groups + 6 GP types x 2 groups + 5 published.
	if len(lines) != 1+8+12+5 {
		t.Errorf("%d lines", len(lines))
	}
	sum := 0.0
	for _, v := range DocTocToc2013Types {
		sum += v
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("published 2013 shares add up to %v", sum)
	}
}

func TestT3CodebookValidation(t *testing.T) {
	f := buildNorms(t, "t3-codebook-validation")
	// future: hand 1 (s4), codebook 0: recall 0, precision undefined;
	// kappa with po = 3/4 and pe = 3/4 is 0. other: codebook 1 (s4), hand
	// 0. The question types all agree: multi-class kappa 1.
	hasLines(t, f,
		"reference,kind,label,n,support,predicted,precision,recall,f1,kappa,agreement,alpha,alpha_lo,alpha_hi,stem_overlap",
		"hand-coded,category,conditions,4,1,1,1.000000,1.000000,1.000000,1.000000,1.000000,NaN,NaN,NaN,NaN",
		"hand-coded,category,future,4,1,0,NaN,0.000000,NaN,0.000000,0.750000,NaN,NaN,NaN,NaN",
		"hand-coded,category,other,4,0,1,0.000000,NaN,NaN,0.000000,0.750000,NaN,NaN,NaN,NaN",
		"hand-coded,question,question,4,2,2,1.000000,1.000000,1.000000,1.000000,1.000000,NaN,NaN,NaN,NaN",
		"hand-coded,question_type,rights,4,1,1,1.000000,1.000000,1.000000,1.000000,1.000000,NaN,NaN,NaN,NaN",
		"hand-coded,question_type,poll,4,0,0,NaN,NaN,NaN,NaN,1.000000,NaN,NaN,NaN,NaN",
		"hand-coded,question_type_multiclass,all,4,4,4,NaN,NaN,NaN,1.000000,1.000000,NaN,NaN,NaN,NaN",
	)
	if lines := csvLines(t, f); len(lines) != 1+5+1+8+1 {
		t.Errorf("%d lines", len(lines))
	}
	// A second block against a reference coding of corpus messages.
	cb := codebook(t)
	v, err := themes.ValidateTruth(cb, normsFixture(), []themes.Truth{{ID: "a1", Themes: []string{"conditions"}, QuestionType: "rights"}, {ID: "a6", Themes: []string{"support"}}})
	if err != nil {
		t.Fatal(err)
	}
	f2, err := T3CodebookValidation(themes.NewReport(cb, codedSample(), &v), testProv)
	if err != nil {
		t.Fatal(err)
	}
	hasLines(t, f2, "truth,category,support,2,1,1,1.000000,1.000000,1.000000,1.000000,1.000000,NaN,NaN,NaN,NaN")
	if _, err := T3CodebookValidation(themes.NewReport(cb, nil, nil), testProv); err == nil || !strings.HasPrefix(err.Error(), "t3-codebook-validation: ") {
		t.Errorf("empty sample: error %v", err)
	}
}

// TestNormsSaveAndDeterminism saves every figure of these files and
// checks that building it again gives the same CSV and SVG bytes.
func TestNormsSaveAndDeterminism(t *testing.T) {
	dir := t.TempDir()
	for _, b := range normsBuilders(t) {
		checkSaved(t, dir, b.id, func() (*figure.Figure, error) { return b.build(normsFixture()) })
	}
}

func TestNormsErrorsOnMissingData(t *testing.T) {
	empty := &corpus.Corpus{Communities: normsFixture().Communities}
	for _, b := range normsBuilders(t) {
		if b.id == "t3-codebook-validation" {
			continue
		}
		f, err := b.build(empty)
		if err == nil {
			t.Errorf("%s: no error on a corpus without messages", b.id)
			continue
		}
		if f != nil || !strings.HasPrefix(err.Error(), b.id+": ") {
			t.Errorf("%s: error %q does not name the figure", b.id, err)
		}
	}
	// Results built by hand without their codebook.
	c, cb := normsFixture(), codebook(t)
	th := themes.Result{Groups: themes.Measure(c, cb).Groups}
	nr := norms.Result{Groups: norms.Measure(c, cb).Groups}
	for id, build := range map[string]func() (*figure.Figure, error){
		"f03-themes":         func() (*figure.Figure, error) { return F03Themes(th, testProv) },
		"f04-question-types": func() (*figure.Figure, error) { return F04QuestionTypes(th, testProv) },
		"t3-codebook-validation": func() (*figure.Figure, error) {
			return T3CodebookValidation(themes.Report{HandCoded: themes.Validate(cb, codedSample())}, testProv)
		},
		"f12-consensus": func() (*figure.Figure, error) { return F12Consensus(nr, testProv) },
		"f13-sources":   func() (*figure.Figure, error) { return F13Sources(nr, testProv) },
		"f14-recurring": func() (*figure.Figure, error) { return F14Recurring(nr, testProv) },
	} {
		if _, err := build(); err == nil || !strings.Contains(err.Error(), id+": no codebook") {
			t.Errorf("%s without codebook: error %v", id, err)
		}
	}
	// No message asks anything: no question thread.
	flat := normsFixture()
	for i := range flat.Messages {
		flat.Messages[i].Text = "Bonne journée"
	}
	for id, build := range map[string]func() (*figure.Figure, error){
		"f04-question-types": func() (*figure.Figure, error) { return F04QuestionTypes(themes.Measure(flat, cb), testProv) },
		"f12-consensus":      func() (*figure.Figure, error) { return F12Consensus(norms.Measure(flat, cb), testProv) },
		"f14-recurring":      func() (*figure.Figure, error) { return F14Recurring(norms.Measure(flat, cb), testProv) },
	} {
		if _, err := build(); AsNotDrawable(err) == nil || AsNotDrawable(err).Need != NeedQuestions || !strings.Contains(err.Error(), "question") {
			t.Errorf("%s without questions: error %v", id, err)
		}
	}
	if _, err := F13Sources(norms.Measure(flat, cb), testProv); AsNotDrawable(err) == nil || AsNotDrawable(err).Need != NeedQuestions {
		t.Errorf("f13-sources without questions: error %v", err)
	}
}

// Table 3 gives the two coders' alpha with its interval, and kappa, when
// the report carries their reliability.
func TestT3CoderAgreement(t *testing.T) {
	cb := codebook(t)
	r := themes.NewReport(cb, codedSample(), nil)
	r.Reliability = []themes.Agreement{
		{Variable: "theme:conditions", Units: 15, Alpha: 0.846561, Lo: 0.612, Hi: 1, Level: 0.95, CoderA: "A", CoderB: "B", Both: 15, Agreement: 0.933333, Kappa: 0.842105},
		{Variable: "question_type", Units: 15, Alpha: 0.641975, Lo: math.NaN(), Hi: math.NaN(), Level: 0.95, CoderA: "A", CoderB: "B", Both: 15, Agreement: 0.8, Kappa: 0.6},
	}
	f, err := T3CodebookValidation(r, testProv)
	if err != nil {
		t.Fatal(err)
	}
	hasLines(t, f,
		"coders,alpha,theme:conditions,15,15,,NaN,NaN,NaN,0.842105,0.933333,0.846561,0.612000,1.000000,NaN",
		"coders,alpha,question_type,15,15,,NaN,NaN,NaN,0.600000,0.800000,0.641975,NaN,NaN,NaN")
	shown := f.Drawing.(figure.TableDrawing).Table
	var text []string
	for _, row := range shown.Rows {
		text = append(text, strings.Join(row, "|"))
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"Accord des deux codeurs (A, B) : α de Krippendorff [IC 95 %] en colonne F1", "0,85 [0,61 ; 1,00]|0,84", "Type de question|15|||0,64|0,60"} {
		if !strings.Contains(all, want) {
			t.Errorf("table lacks %q:\n%s", want, all)
		}
	}
}
