package themes

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// ManualFile is the coding manual's path relative to the repository root:
// generated from the codebook by WriteManual (`go run ./scripts/code
// manual`), never edited by hand.
const ManualFile = "data/codebook/manual.md"

// WriteManual writes the coding manual of cb as Markdown: the procedure
// coders follow, then every theme, question type, source kind and thread
// status with its definition (French, then an English line), inclusion
// and exclusion rules, examples and counter-examples, all read from the
// codebook (its Guidance fields). The keywords are left out on purpose:
// coders read the message, not the keyword coder's lists. The output
// depends on cb only.
func WriteManual(w io.Writer, cb *Codebook) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("<!-- Generated from data/codebook/codebook.json by `go run ./scripts/code manual`: do not edit; edit the codebook and regenerate. -->\n\n")
	p("# Manuel de codage\n\n")
	p("*Coding manual. Every code is defined in French, then in one English line.*\n\n")
	p("Ce manuel est la grille que deux codeurs appliquent, chacun de son côté, à un échantillon tiré par `scripts/code sample`. ")
	p("Il est produit à partir de `codebook.json` : le fichier du codeur automatique et ce manuel sont une seule source. ")
	p("Les exemples sont écrits pour le manuel, dans le registre des groupes étudiés ; ce ne sont pas des messages réels.\n\n")
	p("## Procédure\n\n")
	for _, s := range procedure {
		p("- %s\n", s)
	}
	p("\n*Procedure: code alone and blind to the automatic codes; mark 1 (or x) when a code applies, leave it empty otherwise; a row left entirely empty is \"not coded\"; write doubts in `note`.*\n\n")

	p("## Feuille des messages (`messages.csv`)\n\n")
	p("| colonne | à remplir |\n|---|---|\n")
	p("| `unit`, `community`, `profession`, `platform`, `kind`, `created`, `parent_text`, `text` | non : le message à coder (`parent_text` : le message auquel il répond, quand les données l'ont) |\n")
	for _, c := range cb.Categories {
		p("| `%s` | 1 si le thème « %s » s'applique (plusieurs thèmes possibles ; `%s` seulement si aucun autre) |\n", c.ID, c.Label, Other)
	}
	p("| `question` | toujours rempli dans une ligne codée : 1 si le message est une question (voir « Pas une question »), 0 sinon |\n")
	p("| `question_type` | pour une question, l'identifiant d'un type de sa profession, vide s'il n'en a aucun |\n")
	p("| `note` | libre |\n\n")
	p("## Feuille des fils (`threads.csv`)\n\n")
	p("Un fil occupe plusieurs lignes : la question (`position` 0) puis les réponses dans l'ordre (`position` 1, 2...). ")
	p("`author` vaut `A` pour l'auteur de la question, `R1`, `R2`... pour les autres personnes, dans l'ordre de leur première réponse : ")
	p("les relances de `A` ne sont pas des réponses.\n\n")
	p("| colonne | à remplir |\n|---|---|\n")
	p("| `status`, `question_type` | sur la ligne `position` 0 seulement : statut du fil (%s ; « pas une question » tient lieu de question = 0), type de la question |\n", statusList(cb))
	for _, s := range cb.Sources {
		p("| `%s` | sur chaque ligne de réponse : 1 si la réponse cite une source « %s » |\n", s.Kind, s.Label)
	}
	p("| `note` | libre |\n\n")

	p("## Thèmes (`themes`)\n\n")
	p("Un message reçoit tous les thèmes qui s'y appliquent ; « %s » seulement quand aucun ne s'applique.\n\n", Other)
	for _, c := range cb.Categories {
		entry(b, "###", c.ID, c.Label, c.Definition, c.Guidance)
	}
	p("## Types de question (`question_type`)\n\n")
	p("Pour une question seulement : le type dominant parmi ceux de la profession de la communauté ; vide si aucun ne convient.\n\n")
	for _, prof := range []corpus.Profession{corpus.GP, corpus.HomeCareAide} {
		p("### %s\n\n", professionLabel(prof))
		for _, q := range cb.QuestionTypes {
			mask, _ := profMask(q.Professions)
			if mask != 0 && !applies(mask, prof) {
				continue
			}
			entry(b, "####", q.ID, q.Label, q.Definition, q.Guidance)
		}
	}
	p("## Sources citées dans les réponses\n\n")
	p("Sur chaque réponse d'un fil : toutes les sortes de règle ou de source que la réponse invoque.\n\n")
	for _, s := range cb.Sources {
		entry(b, "###", s.Kind, s.Label, s.Definition, s.Guidance)
	}
	p("## Statut d'un fil de question (`status`)\n\n")
	p("Sur la question d'un fil, après lecture de toutes ses réponses.\n\n")
	for _, t := range cb.ThreadStatuses {
		entry(b, "###", t.ID, t.Label, t.Definition, t.Guidance)
	}
	return b.Flush()
}

// procedure is the part of the manual that is about coding, not about the
// codes.
var procedure = []string{
	"Coder seul, sans en parler avec l'autre codeur avant la fin, et sans regarder les codes automatiques : la fiabilité mesure ce que deux lecteurs indépendants lisent.",
	"Lire tout le message (et, pour un fil, la question puis toutes les réponses) avant de coder. Coder ce que le message dit, pas ce que l'on devine de son auteur.",
	"Pour chaque code : 1 (ou x) s'il s'applique, case vide (ou 0) sinon ; `question` se remplit toujours (1 ou 0). Une ligne dont toutes les cases de code sont vides compte comme « non codée » ; dans un fil, les réponses sont codées dès que la ligne de la question l'est.",
	"Un message codé a au moins un thème ; « other » seulement quand aucun autre ne s'applique.",
	"En cas de doute, choisir selon les règles d'exclusion ci-dessous et l'écrire dans `note` : les désaccords seront arbitrés.",
	"Enregistrer le fichier au même format (CSV, UTF-8, séparateur `;`), sans changer l'ordre ni le nom des colonnes, sous un nom à soi (par exemple `messages-A.csv`).",
}

func statusList(cb *Codebook) string {
	var ids []string
	for _, t := range cb.ThreadStatuses {
		if t.ID != "too-recent" {
			ids = append(ids, "`"+t.ID+"`")
		}
	}
	return strings.Join(ids, ", ")
}

func professionLabel(p corpus.Profession) string {
	switch p {
	case corpus.GP:
		return "Médecins généralistes (general practitioners)"
	case corpus.HomeCareAide:
		return "Aides à domicile (home-care aides)"
	}
	return string(p)
}

func entry(b *bufio.Writer, level, id, label, def string, g Guidance) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("%s `%s` — %s", level, id, label)
	if g.LabelEN != "" {
		p(" (*%s*)", g.LabelEN)
	}
	p("\n\n")
	if def != "" {
		p("%s\n\n", def)
	}
	if g.DefinitionEN != "" {
		p("*%s*\n\n", g.DefinitionEN)
	}
	list := func(title string, xs []string) {
		if len(xs) == 0 {
			return
		}
		p("**%s**\n\n", title)
		for _, x := range xs {
			p("- %s\n", x)
		}
		p("\n")
	}
	list("Inclure", g.Include)
	list("Exclure", g.Exclude)
	examples := func(title string, xs []Example) {
		if len(xs) == 0 {
			return
		}
		p("**%s**\n\n", title)
		for _, e := range xs {
			p("- « %s »", e.Text)
			if e.Profession != "" {
				p(" (%s)", e.Profession)
			}
			if e.Note != "" {
				p(" → %s", e.Note)
			}
			p("\n")
			for i, a := range e.Answers {
				p("  %d. « %s »\n", i+1, a)
			}
		}
		p("\n")
	}
	examples("Exemples", g.Examples)
	examples("Contre-exemples", g.CounterExamples)
}
