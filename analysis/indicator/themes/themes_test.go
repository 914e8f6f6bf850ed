package themes

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/faire-communaute/compendium/analysis/indicator/indicatortest"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator"
	"github.com/faire-communaute/compendium/analysis/indicator/themes/themestest"
	"github.com/faire-communaute/compendium/analysis/rawio"
	"github.com/faire-communaute/compendium/analysis/repo"
)

func mini(t testing.TB) *Codebook {
	t.Helper()
	cb, err := LoadCodebook("testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	return cb
}

func defaultCB(t testing.TB) *Codebook {
	t.Helper()
	cb, err := LoadCodebook(filepath.Join(repo.Root(), DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	return cb
}

func TestFoldAndTokens(t *testing.T) {
	if got := Fold("Élevée ŒUVRE l’Employeur Ça"); got != "elevee oeuvre l'employeur ca" {
		t.Errorf("Fold = %q", got)
	}
	got := Tokens(Fold("+1 ! L'article L1234-5 #BlousesInvisibles rendez-vous 😡 qqun?"))
	want := []string{"+1", "l", "article", "l", "1234", "5", "blousesinvisibles", "rendez", "vous", "qqun"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
	if got := StripURLs("voir https://x.fr/?q=1 et www.a.fr?b svp"); got != "voir  et  svp" {
		t.Errorf("StripURLs = %q", got)
	}
}

func TestStemsAbbreviationsAndPlurals(t *testing.T) {
	cb := defaultCB(t)
	// accents present or missing, case, plural: the same stems
	for _, pair := range [][2]string{
		{"Les ESCARRES", "les escarre"},
		{"arrêts maladie", "ARRET MALADIES"},
		{"fièvre élevée", "fievre elevee"},
		{"qqun a un pb ds le ttt", "quelqu'un a un problème dans le traitement"},
		{"bcp de rdv", "beaucoup de rendez-vous"},
	} {
		a, b := cb.Stems(pair[0]), cb.Stems(pair[1])
		if !reflect.DeepEqual(a, b) {
			t.Errorf("Stems(%q) = %q, Stems(%q) = %q", pair[0], a, pair[1], b)
		}
	}
}

func TestCodeCraftedSentences(t *testing.T) {
	cb := defaultCB(t)
	aide, gp := corpus.HomeCareAide, corpus.GP
	for _, tc := range []struct {
		text     string
		p        corpus.Profession
		themes   []string
		question bool
		qtype    string
	}{
		{"Les FRAIS KM ne sont pas remboursés", aide, []string{"conditions"}, false, ""},
		{"les frais kilometriques ne sont pas rembourses", aide, []string{"conditions"}, false, ""},
		{"Qqun a deja eu des escarres chez une mamie", aide, []string{"practice"}, true, "care"},
		{"quelle posologie d'amoxicilline pour 14 kg", gp, []string{"practice"}, false, ""},
		{"Quelle Posologie D'AMOXICILLINE pour 14 kg ?", gp, []string{"practice"}, true, "therapeutic"},
		{"ttt de fond svp", gp, []string{"practice"}, true, "therapeutic"},
		{"Grève et manif pour la reconnaissance #BlousesInvisibles", aide, []string{"future"}, false, ""},
		{"Signez la pétition", aide, []string{"future"}, false, ""},
		{"Une petite dame", aide, []string{"other"}, false, ""},
		{"Épuisée, ras le bol du planning", aide, []string{"conditions", "support"}, false, ""},
		{"Coucou 😊", aide, []string{"other"}, false, ""},
		{"voir https://example.org/?page=2", aide, []string{"other"}, false, ""},
		// the frais km keywords apply to aides only
		{"frais km", gp, []string{"other"}, false, ""},
	} {
		c := cb.Code(tc.text, tc.p)
		if !reflect.DeepEqual(c.Themes, tc.themes) || c.Question != tc.question || c.QuestionType != tc.qtype {
			t.Errorf("Code(%q) = %v %v %q, want %v %v %q", tc.text, c.Themes, c.Question, c.QuestionType, tc.themes, tc.question, tc.qtype)
		}
	}
}

func TestSourcesAndMarkers(t *testing.T) {
	cb := defaultCB(t)
	c := cb.Code("Non, c'est l'article L.3121-1 du Code du travail", corpus.HomeCareAide)
	if !reflect.DeepEqual(c.Sources, []string{"law"}) || !c.Disagreement || c.Agreement {
		t.Errorf("law answer: %+v", c)
	}
	c = cb.Code("+1 je confirme, les recos HAS et la CPAM", corpus.GP)
	if !reflect.DeepEqual(c.Sources, []string{"guidelines", "insurance"}) || !c.Agreement || c.Disagreement {
		t.Errorf("agreeing answer: %+v", c)
	}
	c = cb.Code("je pense que non", corpus.GP) // "non" is not first
	if c.Disagreement {
		t.Errorf("late non read as disagreement: %+v", c)
	}
	c = cb.Code("Pas d'accord", corpus.GP)
	if !c.Disagreement {
		t.Errorf("pas d'accord missed: %+v", c)
	}
}

func TestBinaryKappaByHand(t *testing.T) {
	// 2x2 table: both yes 20, second only 5, first only 10, both no 15.
	// po = 35/50 = 0.7; pe = (25*30 + 25*20)/2500 = 0.5; kappa = 0.4.
	if k := BinaryKappa(20, 5, 10, 15); !indicatortest.Near(k, 0.4) {
		t.Errorf("kappa = %v, want 0.4", k)
	}
	s := Score{TP: 20, FP: 5, FN: 10, TN: 15}.Finish()
	if !indicatortest.Near(s.Precision, 0.8) || !indicatortest.Near(s.Recall, 2.0/3) || !indicatortest.Near(s.F1, 2*0.8*(2.0/3)/(0.8+2.0/3)) || s.Support != 30 || s.Predicted != 25 {
		t.Errorf("score = %+v", s)
	}
	if k := BinaryKappa(0, 0, 0, 10); !math.IsNaN(k) {
		t.Errorf("kappa of a constant table = %v, want NaN", k)
	}
	// multi-class: agreement 4/6; pe = (2*2 + 2*3 + 2*1)/36 = 1/3; kappa 0.5
	po, k := Kappa([]string{"x", "x", "y", "y", "z", "z"}, []string{"x", "y", "y", "y", "z", "x"})
	if !indicatortest.Near(po, 4.0/6) || !indicatortest.Near(k, 0.5) {
		t.Errorf("Kappa = %v %v, want 0.666667 0.5", po, k)
	}
}

func TestValidateSmallSample(t *testing.T) {
	cb := mini(t)
	sample, err := LoadSample("testdata/sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(sample) != 4 || sample[3].Themes[1] != "other" || !sample[0].Question || sample[1].Profession != corpus.GP {
		t.Fatalf("sample = %+v", sample)
	}
	v := Validate(cb, sample)
	byLabel := map[string]Score{}
	for _, s := range v.Categories {
		byLabel[s.Label] = s
	}
	if s := byLabel["conditions"]; s.TP != 2 || s.TN != 2 || !indicatortest.Near(s.Kappa, 1) {
		t.Errorf("conditions = %+v", s)
	}
	// other: reference m3, m4; codebook m3 only: P 1, R 0.5, F1 2/3;
	// po 3/4, pe (1*2 + 3*2)/16 = 0.5, kappa 0.5
	if s := byLabel["other"]; s.TP != 1 || s.FN != 1 || !indicatortest.Near(s.Precision, 1) || !indicatortest.Near(s.Recall, 0.5) || !indicatortest.Near(s.F1, 2.0/3) || !indicatortest.Near(s.Kappa, 0.5) {
		t.Errorf("other = %+v", s)
	}
	if v.Question.TP != 2 || v.Question.TN != 2 || !indicatortest.Near(v.QuestionTypeAgreement, 1) || !indicatortest.Near(v.QuestionTypeKappa, 1) {
		t.Errorf("questions: %+v %v %v", v.Question, v.QuestionTypeAgreement, v.QuestionTypeKappa)
	}
	if df := ValidationFrame(v); df.Nrow() != 3+1+2 || df.Elem(0, 0).String() != "conditions" {
		t.Errorf("frame:\n%v", df)
	}
}

func TestHandCodedSample(t *testing.T) {
	root := repo.Root()
	sample, err := LoadSample(filepath.Join(root, "data/codebook/hand-coded.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// The gold codes of two independent coders, adjudicated (data/codebook/coding).
	if len(sample) != 150 {
		t.Fatalf("%d coded messages, want 150", len(sample))
	}
	cb := defaultCB(t)
	v := Validate(cb, sample)
	if a := v.Agreement(v.Question); !indicatortest.Near(a, float64(v.Question.TP+v.Question.TN)/150) || !math.IsNaN((Validation{}).Agreement(Score{})) {
		t.Errorf("question agreement %v", a)
	}
	if r := NewReport(cb, sample, &v); r.Codebook != cb || r.HandCoded.N != 150 || r.HandCoded.QuestionTypeKappa != v.QuestionTypeKappa || r.Truth != &v {
		t.Errorf("report %+v", r)
	}
	support := map[string]int{}
	for _, s := range v.Categories {
		support[s.Label] = s.Support
	}
	want := map[string]int{"conditions": 48, "practice": 48, "future": 15, "support": 54, "other": 11}
	if !reflect.DeepEqual(support, want) {
		t.Errorf("support = %v, want %v", support, want)
	}
	if v.Question.Support != 28 || v.Question.F1 < 0.8 {
		t.Errorf("question detector: %+v", v.Question)
	}
	// The figures reported in the README at the time of writing; a change
	// of the codebook that lowers them should be a deliberate one.
	if v.QuestionTypeKappa < 0.7 {
		t.Errorf("question type kappa = %v", v.QuestionTypeKappa)
	}
	for _, s := range v.Categories {
		t.Logf("%-11s support %3d P %.2f R %.2f F1 %.2f kappa %.2f", s.Label, s.Support, s.Precision, s.Recall, s.F1, s.Kappa)
	}
	t.Logf("question type: agreement %.2f kappa %.2f", v.QuestionTypeAgreement, v.QuestionTypeKappa)
}

func TestValidateTruth(t *testing.T) {
	cb := defaultCB(t)
	c, labels := themestest.Labelled(7, 400)
	v, err := ValidateTruth(cb, c, labels[:50])
	if err != nil {
		t.Fatal(err)
	}
	if v.N != 50 {
		t.Errorf("N = %d", v.N)
	}
	// the synthetic templates are written with the codebook's words: the
	// question detector agrees with their labels on every question start
	truth := []Truth{{ID: c.Messages[0].ID, Themes: []string{"other"}}, {ID: "nope"}}
	if _, err := ValidateTruth(cb, c, truth); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown id: err = %v", err)
	}
}

func TestReadSampleErrors(t *testing.T) {
	head := "id,profession,text,themes,question,question_type\n"
	for _, tc := range []struct {
		in    string
		line  int
		field string
	}{
		{head + "a,home-care-aide,x,other,2,\n", 2, "question"},
		{head + "a,home-care-aide,x,other,0,\nb,plumber,x,other,0,\n", 3, "profession"},
		{head + "a,home-care-aide,x,,0,\n", 2, "themes"},
		{head + "a,home-care-aide,x,other,0,rights\n", 2, "question_type"},
		{head + "a,home-care-aide,x,other,0,\na,home-care-aide,y,other,0,\n", 3, "id"},
		{"id,prof,text,themes,question,question_type\n", 1, "profession"},
		{head + "a,home-care-aide,\"x,other,0,\n", 2, ""},
	} {
		_, err := ReadSample(strings.NewReader(tc.in), "s.csv")
		var pe *rawio.ParseError
		if !errors.As(err, &pe) || pe.File != "s.csv" || pe.Line != tc.line || pe.Field != tc.field {
			t.Errorf("ReadSample(%q) err = %v, want line %d field %q", tc.in, err, tc.line, tc.field)
		}
	}
}

func TestReadCodebookErrors(t *testing.T) {
	good, err := os.ReadFile("testdata/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, in string
		line     int
		field    string
	}{
		{"syntax", "{\n\"version\": 1,\n\"categories\": [,]\n}", 3, ""},
		{"unknown field", `{"version": 1, "colour": "red"}`, 0, ""},
		{"version", `{"version": 2}`, 0, "version"},
		{"type", "{\n\"version\": \"one\"}", 2, "version"},
		{"no other", strings.Replace(string(good), `"id": "other"`, `"id": "autre"`, 1), 0, "categories"},
		{"profession", strings.Replace(string(good), `["general-practitioner"], "keywords": ["posologie"]}
    ]}`, `["plumber"], "keywords": ["posologie"]}
    ]}`, 1), 0, "categories[1].terms[0].professions"},
		{"empty keyword", strings.Replace(string(good), `"posologie"]}
    ]}`, `"!!"]}
    ]}`, 1), 0, "categories[1].terms[0].keywords[0]"},
	} {
		_, err := ReadCodebook(strings.NewReader(tc.in), "cb.json")
		var pe *rawio.ParseError
		if !errors.As(err, &pe) || pe.File != "cb.json" || pe.Line != tc.line || pe.Field != tc.field {
			t.Errorf("%s: err = %v, want line %d field %q", tc.name, err, tc.line, tc.field)
		}
	}
}

func TestRowsByHand(t *testing.T) {
	cb := mini(t)
	at := func(m int) time.Time { return time.Date(2019, 5, 1, 10, m, 0, 0, time.UTC) }
	c := &corpus.Corpus{
		Communities: []corpus.Community{{ID: "ad", Profession: corpus.HomeCareAide}, {ID: "mg", Profession: corpus.GP}},
		Messages: []corpus.Message{
			{Community: "ad", ID: "1", Kind: corpus.Post, Created: at(0), Text: "Mon salaire ?"},
			{Community: "ad", ID: "2", Kind: corpus.Comment, ParentID: "1", Created: at(1), Text: "pareil"},
			{Community: "ad", ID: "3", Kind: corpus.Post, Created: at(2), Text: "Les frais km"},
			{Community: "ad", ID: "4", Kind: corpus.Post, Created: at(3), Text: "qqun a une idée"},
			{Community: "mg", ID: "5", Kind: corpus.Tweet, Created: at(0), Text: "posologie ?"},
			{Community: "mg", ID: "6", Kind: corpus.Retweet, Created: at(1), Text: "RT posologie ?"},
		},
	}
	got := map[string]float64{}
	for _, r := range Rows(c, cb) {
		got[r.Community+"/"+r.Indicator] = r.Value
	}
	want := map[string]float64{
		"ad/theme_share_conditions":          0.5, // 1 and 3 of 4
		"ad/theme_share_other":               0.5,
		"ad/theme_share_practice":            0,
		"ad/question_share":                  2.0 / 3, // 1 and 4 of the 3 posts
		"ad/question_type_share_rights":      0.5,
		"ad/question_type_share_none":        0.5,
		"mg/theme_share_practice":            1, // the retweet is not counted
		"mg/question_share":                  1,
		"mg/question_type_share_therapeutic": 1,
		"*/question_type_share_rights":       0.5, // aide profession = ad
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || !indicatortest.Near(g, v) {
			t.Errorf("%s = %v (present %v), want %v", k, g, ok, v)
		}
	}
	if _, ok := got["ad/question_type_share_therapeutic"]; ok {
		t.Error("GP question type reported for aides")
	}
	sh := Measure(c, cb)
	df := ThemeFrame(sh)
	if df.Nrow() != 4*3 || df.Elem(0, 0).String() != "ad" || df.Elem(0, 2).String() != "conditions" || df.Elem(11, 0).String() != indicator.AllCommunities {
		t.Errorf("theme frame:\n%v", df)
	}
	if q := QuestionTypeFrame(sh); q.Nrow() != 2+2+2+2 || q.Elem(1, 2).String() != NoType {
		t.Errorf("question type frame:\n%v", q)
	}
	// ad: 3 thread starts, 2 questions, one of them of a type (rights):
	// the counts behind question_share and Figure 4's typed shares.
	ad := sh.Groups[0]
	if sh.Codebook != cb || ad.Community.ID != "ad" || ad.Threads != 3 || ad.Questions != 2 || ad.Typed() != 1 ||
		!indicatortest.Near(ad.QuestionShare(), 2.0/3) || !indicatortest.Near(ad.TypeShare(0), 0.5) {
		t.Errorf("ad = %+v, typed %d", ad, ad.Typed())
	}
	if ad.TypedShare(0) != 1 || !math.IsNaN(ad.TypedShare(len(ad.Types)-1)) || ad.UntypedShare() != 0.5 {
		t.Errorf("typed share %v, none %v, untyped %v", ad.TypedShare(0), ad.TypedShare(len(ad.Types)-1), ad.UntypedShare())
	}
}

func TestRowsDeterministic(t *testing.T) {
	cb := defaultCB(t)
	c := themestest.Corpus(3, 3000)
	var a, b bytes.Buffer
	if err := indicator.WriteCSV(&a, Rows(c, cb)); err != nil {
		t.Fatal(err)
	}
	indicator.WriteCSV(&b, Rows(c, cb))
	if a.String() != b.String() || !strings.Contains(a.String(), "theme_share_conditions") {
		t.Errorf("rows differ or are missing:\n%s", a.String())
	}
}

func FuzzReadCodebook(f *testing.F) {
	for _, p := range []string{"testdata/mini.json", "../../../data/codebook/codebook.json"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"version":1,"categories":[{"id":"other"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cb, err := ReadCodebook(bytes.NewReader(data), "f.json")
		if err != nil {
			var pe *rawio.ParseError
			if !errors.As(err, &pe) || pe.File != "f.json" {
				t.Fatalf("error %v is not a ParseError", err)
			}
			return
		}
		c := cb.Code(string(data), "")
		if len(c.Themes) == 0 {
			t.Fatal("no theme")
		}
	})
}

func FuzzReadSample(f *testing.F) {
	if b, err := os.ReadFile("testdata/sample.csv"); err == nil {
		f.Add(b)
	}
	if b, err := os.ReadFile("../../../data/codebook/hand-coded.csv"); err == nil {
		f.Add(b[:min(len(b), 2000)])
	}
	f.Add([]byte("id,profession,text,themes,question,question_type\n\"a\n"))
	cb := mini(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadSample(bytes.NewReader(data), "f.csv")
		if err != nil {
			var pe *rawio.ParseError
			if !errors.As(err, &pe) || pe.File != "f.csv" {
				t.Fatalf("error %v is not a ParseError", err)
			}
			return
		}
		v := Validate(cb, s)
		if v.N != len(s) {
			t.Fatalf("N = %d for %d", v.N, len(s))
		}
	})
}

func FuzzCode(f *testing.F) {
	for _, s := range []string{"Qqun a un pb ?", "+1 je confirme", "Non, article L1234", "é́́́", "+", "\xff\xfe"} {
		f.Add(s)
	}
	cb := defaultCB(f)
	f.Fuzz(func(t *testing.T, s string) {
		c := cb.Code(s, corpus.HomeCareAide)
		if len(c.Themes) == 0 || (!c.Question && c.QuestionType != "") {
			t.Fatalf("Code(%q) = %+v", s, c)
		}
	})
}
