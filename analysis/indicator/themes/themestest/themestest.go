// Package themestest builds seeded synthetic corpora for the tests and
// benchmarks of the indicator packages: French-speaking communities of
// home-care aides (Facebook groups with admins and moderators) and of
// general practitioners (Twitter), with threads of questions and answers
// whose texts are drawn from templates, so that themes, questions,
// sources, agreement and recurring questions all occur.
//
// The corpus is synthetic (Corpus.Synthetic is true): no text or
// pseudonym comes from real people.
package themestest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// Label is the generating label of a message: the themes and question
// type its template was written for ("" when not a question). It has the
// shape themes.Truth expects.
type Label = struct {
	ID           string
	Themes       []string
	QuestionType string
}

type template struct {
	text   string
	themes []string
	qtype  string
}

var aideStarts = []template{
	{"Bonjour les filles, qqun sait si l'employeur peut nous imposer des coupures de %d heures sans payer le trajet ?", []string{"conditions"}, "organisation"},
	{"Est-ce que vos frais km sont rembourses ? moi %d centimes du km c'est rien", []string{"conditions"}, "rights"},
	{"Ma beneficiaire Alzheimer refuse la toilette depuis %d jours, vous faites comment ?", []string{"practice"}, "care"},
	{"Help ! transfert lit fauteuil sans leve-personne, %d kilos, comment faire ?", []string{"practice"}, "care"},
	{"Mon planning change tous les jours, %d interventions demain, c'est normal ?", []string{"conditions"}, "organisation"},
	{"Arret maladie de %d jours, mon employeur a le droit de me retirer la prime ?", []string{"conditions"}, "rights"},
	{"Ras le bol, %d heures de route pour un salaire de misere, je suis epuisee", []string{"conditions", "support"}, ""},
	{"Greve le %d mars pour la reconnaissance du metier #BlousesInvisibles", []string{"future"}, ""},
	{"Coucou tout le monde, bonne journee a toutes ! %d degres aujourd'hui", []string{"other"}, ""},
	{"Petition pour la revalorisation des salaires : deja %d signatures, on lache rien", []string{"future", "conditions"}, ""},
}

var gpStarts = []template{
	{"#DocTocToc qqun a deja vu une hematurie apres %d jours de fievre ? ECBU sterile", []string{"practice"}, "diagnostic"},
	{"#DocTocToc quelle posologie d'amoxicilline pour un enfant de %d kilos ?", []string{"practice"}, "therapeutic"},
	{"#DocTocToc arret de travail de %d jours refuse par la CPAM, vous faites comment ?", []string{"conditions"}, "administrative"},
	{"#DocTocToc qqun a une etude recente sur le depistage du cancer de la prostate ? %d ans", []string{"practice"}, "bibliographic"},
	{"#DocTocToc sondage : vous etes combien a faire plus de %d consultations par jour ?", []string{"practice"}, "poll"},
	{"#DocTocToc eruption cutanee chez une patiente de %d ans, ca vous evoque quoi ?", []string{"practice"}, "diagnostic"},
	{"Journee de %d heures au cabinet, la paperasse me tue. Epuise.", []string{"conditions", "support"}, ""},
	{"La reforme des retraites et les deserts medicaux : %d medecins en moins dans le departement", []string{"future"}, ""},
	{"Bonne soiree a tous les confreres, %d patients vus aujourd'hui", []string{"practice"}, ""},
}

var answers = []template{
	{"Non tu n'as pas le droit, c'est dans la convention collective article %d", []string{"conditions"}, ""},
	{"+1 je confirme", []string{"other"}, ""},
	{"Pareil chez moi depuis %d mois", []string{"other"}, ""},
	{"Je ne pense pas, demande a ta responsable de secteur", []string{"conditions"}, ""},
	{"Bon courage ma belle, tu n'es pas seule", []string{"support"}, ""},
	{"Les recommandations HAS disent %d jours", []string{"other"}, ""},
	{"Appelle la CPAM ou regarde sur Ameli", []string{"other"}, ""},
	{"Pas d'accord, ca depend du contrat", []string{"conditions"}, ""},
	{"Merci pour l'info !", []string{"support"}, ""},
	{"Voir le lien https://www.legifrance.gouv.fr/article%d", []string{"other"}, ""},
	{"Chez nous c'est pareil, %d euros de frais par mois", []string{"conditions"}, ""},
}

// Corpus returns a synthetic corpus of about n messages (exactly n when n
// is large enough for its communities), generated from seed.
func Corpus(seed uint64, n int) *corpus.Corpus {
	c, _ := Labelled(seed, n)
	return c
}

// Labelled is Corpus with the generating label of every message.
func Labelled(seed uint64, n int) (*corpus.Corpus, []Label) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	comms := []corpus.Community{
		{ID: "aide-avs", Name: "AVS - Auxiliaire de Vie Sociale", Platform: corpus.Facebook, Profession: corpus.HomeCareAide, Visibility: corpus.Closed},
		{ID: "aide-colere", Name: "Auxiliaires de vie et Aides a domicile en colere", Platform: corpus.Facebook, Profession: corpus.HomeCareAide, Visibility: corpus.Closed},
		{ID: "aide-tusais", Name: "Tu sais que tu es Aide a Domicile quand", Platform: corpus.Facebook, Profession: corpus.HomeCareAide, Visibility: corpus.Closed},
		{ID: "mg-doctoctoc", Name: "#DocTocToc", Platform: corpus.Twitter, Profession: corpus.GP, Visibility: corpus.Public},
		{ID: "mg-mgfrance", Name: "#MedecineGenerale", Platform: corpus.Twitter, Profession: corpus.GP, Visibility: corpus.Public},
	}
	c := &corpus.Corpus{Study: "synthetic", Synthetic: true, Communities: comms}
	c.Messages = make([]corpus.Message, 0, n)
	labels := make([]Label, 0, n)
	per := n / len(comms)
	start := time.Date(2019, 1, 1, 8, 0, 0, 0, time.UTC)
	for ci, com := range comms {
		count := per
		if ci == len(comms)-1 {
			count = n - per*(len(comms)-1)
		}
		// authors: a pool shared in part between communities of a
		// profession, with a heavy-tailed activity
		pool := 200 + count/25
		prefix := "a"
		if com.Profession == corpus.GP {
			prefix = "g"
		}
		author := func() string {
			// Pareto-like: low ids post much more
			x := rng.Float64()
			id := int(float64(pool) * x * x * x)
			return fmt.Sprintf("%s%06d", prefix, id+ci*pool/3)
		}
		role := func(a string) corpus.Role {
			if com.Platform != corpus.Facebook {
				return corpus.Unknown
			}
			var k int
			fmt.Sscanf(a[1:], "%d", &k)
			switch k - ci*pool/3 {
			case 0, 1:
				return corpus.Admin
			case 2:
				return corpus.Moderator
			}
			return corpus.Member
		}
		starts := aideStarts
		if com.Profession == corpus.GP {
			starts = gpStarts
		}
		t := start
		made := 0
		th := 0
		for made < count {
			th++
			tpl := starts[rng.IntN(len(starts))]
			asker := author()
			startID := fmt.Sprintf("%s-%d", com.ID, th)
			kind, ck, rk := corpus.Post, corpus.Comment, corpus.Reply
			if com.Platform == corpus.Twitter {
				kind, ck, rk = corpus.Tweet, corpus.Reply, corpus.Reply
			}
			t = t.Add(time.Duration(1+rng.IntN(600)) * time.Second)
			c.Messages = append(c.Messages, corpus.Message{
				Platform: com.Platform, Community: com.ID, ID: startID, Kind: kind, ThreadID: startID,
				Author: asker, AuthorRole: role(asker), Created: t, Text: fmt.Sprintf(tpl.text, 2+rng.IntN(40)),
			})
			labels = append(labels, Label{startID, tpl.themes, tpl.qtype})
			made++
			ids := []string{startID}
			nrep := rng.IntN(7)
			if tpl.qtype == "" {
				nrep = rng.IntN(3)
			}
			for r := 0; r < nrep && made < count; r++ {
				a := author()
				if rng.IntN(6) == 0 {
					a = asker // the asker comes back
				}
				p := rng.IntN(len(ids))
				if rng.IntN(3) > 0 {
					p = 0
				}
				k := ck
				if p > 0 {
					k = rk
				}
				at := answers[rng.IntN(len(answers))]
				text := at.text
				if countVerbs(text) {
					text = fmt.Sprintf(text, 1+rng.IntN(30))
				}
				var links []string
				if rng.IntN(10) == 0 {
					links = []string{[]string{"https://www.legifrance.gouv.fr/x", "https://www.has-sante.fr/y", "https://www.ameli.fr/z", "https://www.youtube.com/w"}[rng.IntN(4)]}
				}
				t = t.Add(time.Duration(1+rng.IntN(900)) * time.Second)
				id := fmt.Sprintf("%s-%d-%d", com.ID, th, r+1)
				parent := ids[p]
				if rng.IntN(50) == 0 {
					parent = id + "-missing" // parent outside the data
				}
				c.Messages = append(c.Messages, corpus.Message{
					Platform: com.Platform, Community: com.ID, ID: id, Kind: k, ParentID: parent, ThreadID: startID,
					Author: a, AuthorRole: role(a), Created: t, Text: text, Links: links,
				})
				labels = append(labels, Label{id, at.themes, ""})
				ids = append(ids, id)
				made++
			}
		}
	}
	c.Sort()
	return c, labels
}

func countVerbs(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '%' && s[i+1] == 'd' {
			return true
		}
	}
	return false
}
