package simulate

import (
	"fmt"
	"strconv"
	"strings"
)

// grammar is a random text grammar: each symbol has alternatives, which may
// hold slots: {sym} expands a symbol, {?sym} expands it half the time,
// {n:a-b} is a random integer in [a, b], {@topic} is replaced by the topic
// given to expand.
type grammar map[string][]string

// parseGrammar reads "sym = alt | alt" lines; a line starting with "|"
// continues the previous symbol. Blank lines and lines starting with "#"
// followed by a space are ignored.
func parseGrammar(src string) grammar {
	g := grammar{}
	last := ""
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "// ") {
			continue
		}
		var alts string
		if strings.HasPrefix(line, "|") {
			alts = line[1:]
		} else {
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				panic("simulate: bad grammar line: " + line)
			}
			last = strings.TrimSpace(k)
			alts = v
		}
		for _, a := range strings.Split(alts, "|") {
			a = strings.TrimSpace(a)
			if a == "~" {
				a = ""
			}
			g[last] = append(g[last], a)
		}
	}
	return g
}

// check panics if a slot names an unknown symbol: a programming error.
func (g grammar) check() {
	for k, alts := range g {
		for _, a := range alts {
			for _, s := range slots(a) {
				s = strings.TrimPrefix(s, "?")
				if strings.HasPrefix(s, "n:") || s == "@topic" {
					continue
				}
				if _, ok := g[s]; !ok {
					panic(fmt.Sprintf("simulate: grammar symbol %q uses unknown %q", k, s))
				}
			}
		}
	}
}

func slots(a string) []string {
	var out []string
	for {
		i := strings.IndexByte(a, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(a[i:], '}')
		if j < 0 {
			return out
		}
		out = append(out, a[i+1:i+j])
		a = a[i+j+1:]
	}
}

// expand expands sym with r.
func (g grammar) expand(r rng, sym, topic string) string {
	alts, ok := g[sym]
	if !ok {
		panic("simulate: unknown grammar symbol " + sym)
	}
	return g.fill(r, alts[r.IntN(len(alts))], topic, 0)
}

func (g grammar) fill(r rng, a, topic string, depth int) string {
	if depth > 12 {
		return a
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(a, '{')
		if i < 0 {
			b.WriteString(a)
			break
		}
		j := strings.IndexByte(a[i:], '}')
		b.WriteString(a[:i])
		s := a[i+1 : i+j]
		a = a[i+j+1:]
		switch {
		case s == "@topic":
			b.WriteString(topic)
		case strings.HasPrefix(s, "n:"):
			lo, hi, _ := strings.Cut(s[2:], "-")
			l, _ := strconv.Atoi(lo)
			h, _ := strconv.Atoi(hi)
			b.WriteString(strconv.Itoa(l + r.IntN(h-l+1)))
		case strings.HasPrefix(s, "?"):
			if r.chance(0.5) {
				alts := g[s[1:]]
				b.WriteString(g.fill(r, alts[r.IntN(len(alts))], topic, depth+1))
			}
		default:
			alts := g[s]
			b.WriteString(g.fill(r, alts[r.IntN(len(alts))], topic, depth+1))
		}
	}
	return b.String()
}

// The aides' grammar: written in full words; abbreviations, missing
// accents, typos and emoji are added afterwards per author and message.
var aideGrammar = parseGrammar(`
greet = Bonjour | Bonjour à toutes | Bonjour à tous | Coucou les filles | Coucou | Coucou tout le monde | Bonsoir
 | Bonsoir les collègues | Hello | Salut tout le monde | Bonjour les AVS | Coucou les collègues | Bonjour les filles
 | Bonjour à toutes et à tous | Hello les filles | Bonsoir à toutes | ~ | ~ | ~
close = merci d'avance | Merci pour vos réponses | merci beaucoup | merci à vous | Merci les filles | s'il vous plaît merci
 | d'avance merci | merci de m'éclairer | merci pour votre aide | bonne soirée et merci | merci merci | ~ | ~
introq = est-ce que | quelqu'un sait si | vous savez si | je voudrais savoir si | ~ | ~ | petite question : est-ce que
 | question bête mais est-ce que | j'aimerais savoir si | quelqu'un peut me dire si
introh = ~ | ~ | quelqu'un peut me dire | vous savez | dites moi | je voudrais savoir | besoin de vos conseils :
 | question pour les anciennes : | je débute, | petite question,
self = je suis AVS depuis {n:2-25} ans chez {employer}, | je travaille chez {employer} depuis {n:2-18} ans, | je suis nouvelle dans le métier,
 | AD en emploi direct depuis {n:3-20} ans, | je suis auxiliaire de vie en {contract} à {n:20-35}h, | ~ | ~ | ~ | ~
employer = mon asso | mon employeur | ma structure | l'ADMR | mon SAAD | l'agence | ma responsable | le CCAS | mon service
 | la mairie | une grosse boîte privée | une association | un particulier
benef = ma bénéficiaire | mon bénéficiaire | ma petite mamie | mon monsieur | une dame que j'ai | un papy
 | la personne que j'accompagne | ma mamie du matin | mon papy de {n:80-99} ans | une dame de {n:70-99} ans
condition = atteinte d'Alzheimer | en fin de vie | hémiplégique | diabétique | qui a Parkinson | en fauteuil | très désorientée
 | qui refuse la toilette | sous oxygène | qui sort de l'hôpital | avec une sonde urinaire | grabataire | qui chute souvent
 | sous tutelle | qui perd la mémoire | avec un ulcère à la jambe | qui ne marche plus
reason = une absence | un retard de {n:5-30} min | les frais de tenue | la mutuelle | un trop perçu | un jour de carence | la formation
prime = Macron | d'ancienneté | du dimanche | de fin d'année | de tutorat | de nuit | de panier
contract = CDD | CDI | CESU | emploi direct | temps partiel | intérim
month = juillet | août | décembre | mai | juin | septembre
when = la veille au soir | le vendredi pour le lundi | par SMS à 22h | le dimanche soir | au dernier moment
rights = on est payé combien pour les trajets entre deux bénéficiaires | l'employeur peut nous imposer {n:2-4} week-ends par mois
 | les heures d'attente entre deux interventions sont payées | c'est normal qu'on me retire {n:20-95} € sur ma fiche de paie pour {reason}
 | on a droit à combien d'indemnités kilométriques | ils peuvent changer mon planning {when} | avec un {contract} de {n:18-30}h on peut refuser les heures en plus
 | on a combien de jours pour enfant malade | les jours fériés sont majorés de combien | j'ai droit à la prime {prime}
 | la visite médicale c'est sur mon temps de travail | on peut faire une rupture conventionnelle en {contract}
 | l'arrêt maladie est payé à partir de quel jour | l'employeur peut refuser mes congés en {month}
 | la pause de {n:20-45} min est obligatoire au bout de {n:5-6}h | c'est légal de faire {n:10-13}h d'amplitude dans la journée
 | on doit être payé quand le bénéficiaire annule au dernier moment | le CESU donne droit aux congés payés
 | mon employeur peut me demander de faire le ménage chez la fille de {benef} | le temps de trajet compte comme temps de travail
 | on peut être licenciée si on refuse une intervention à {n:25-60} km | les heures complémentaires sont majorées à {n:10-25}%
 | la mutuelle d'entreprise est obligatoire même en {contract} | j'ai droit au chômage si je démissionne après {n:2-10} ans
 | le dimanche est payé double dans la convention | on peut cumuler deux employeurs en {contract}
care = comment faire une toilette au lit quand on est seule | comment vous faites avec {benef} {condition}
 | quelles astuces pour éviter les escarres au talon | on a le droit de donner les médicaments du pilulier
 | comment gérer {benef} qui crie toute la nuit | vous utilisez quoi pour le transfert lit fauteuil sans lève personne
 | que faire quand {benef} ne veut plus manger | comment mettre des bas de contention sans se casser le dos
 | comment réagir quand {benef} {condition} devient agressive | quelle crème pour les rougeurs de {benef}
 | comment faire manger {benef} qui fait des fausses routes | comment vous faites la douche de {benef} {condition}
 | que faire si {benef} tombe et que je suis seule | comment convaincre {benef} de boire assez avec cette chaleur
 | comment on fait pour les ongles de {benef} diabétique | vous faites comment pour le change de {benef} {condition}
organisation = comment vous faites pour caser {n:6-11} interventions dans la matinée | vous mangez où le midi entre deux interventions
 | quelle appli vous utilisez pour noter vos heures | vous restez combien de temps chez chaque personne
 | comment vous gérez les clés des bénéficiaires | comment faire {n:15-45} min de trajet pour {n:30-60} min d'intervention
 | comment vous vous organisez avec le planning qui arrive {when} | vous prenez votre voiture perso pour les trajets
 | comment vous faites les courses pour {benef} | comment vous gérez {n:2-4} enfants avec des horaires pareils
 | comment vous notez les transmissions pour les collègues | comment vous faites quand la famille de {benef} vous appelle le soir
q.rights = {greet} {?self} {introq} {@topic} ? {close} | {introq} {@topic} ? {close} | {greet}, {introq} {@topic} svp
 | {greet} besoin d'un renseignement : {@topic} ? {close} | {@topic} ?? {close} | {greet} {self} {introq} {@topic} ? merci
q.care = {greet} {?self} {introh} {@topic} ? {close} | {introh} {@topic} ? | {greet}, {@topic} svp ?
 | {greet} besoin de vos astuces : {@topic} ? {close} | {@topic} ?? | {greet} {introh} {@topic} ? j'ai tout essayé
q.organisation = {q.care}
vent = journée horrible aujourd'hui, {n:4-9} bénéficiaires et pas une minute pour souffler | je suis épuisée, {n:45-62}h cette semaine
 | ma petite mamie est partie cette nuit, je suis triste | encore une journée où on m'a prise pour la bonne | j'en peux plus de ce métier
 | {benef} m'a dit merci aujourd'hui et ça m'a fait du bien | la famille de {benef} me parle comme à une moins que rien
 | je pleure dans ma voiture entre deux interventions | personne ne nous remercie jamais | j'ai mal au dos depuis {n:2-8} semaines
 | {n:12-14}h d'amplitude aujourd'hui, je rentre à peine | j'aime ce métier mais on nous tue à petit feu
 | je viens de finir ma tournée, {n:80-160} km dans la journée | quand je vois ma fiche de paie j'ai envie de pleurer
ventend = ~ | ~ | besoin de vider mon sac | désolée pour le pavé | ça fait du bien de pouvoir le dire ici | vous tenez comment vous ?
 | heureusement que vous êtes là | bonne soirée les filles
protest = rassemblement le {n:2-28} {month} devant la préfecture pour nos salaires | signez la pétition pour la revalorisation des aides à domicile
 | la réforme du grand âge va encore nous oublier | on n'est pas des bonnes à tout faire #BlousesInvisibles
 | le rapport Libault parle de nous mais rien de concret | grève le {n:2-28} {month}, qui vient ? | toujours rien pour les aides à domicile dans les annonces du gouvernement
 | il faut qu'on se fasse entendre, on est {n:500-700} mille | nos kilomètres ne sont toujours pas remboursés correctement, stop
 | la prime Macron on ne l'a pas vue | il faut une vraie reconnaissance du métier et un vrai diplôme | on manifeste avec les gilets jaunes samedi
 | écrivez à votre député pour la revalorisation de la convention collective | #AidesADomicileEnColère on lâche rien
 | le Ségur du grand âge sans nous ce sera sans nous | {n:1000-1300} € pour {n:120-150}h par mois, qui accepterait ça ?
conds = encore un problème de planning, {n:3-6} changements cette semaine | encore {n:40-140} km non payés ce mois ci | mon salaire {n:850-1250} € pour {n:100-145}h, c'est une honte
 | on m'a encore changé mon planning {when} | pas de pause repas aujourd'hui, encore | {n:3-8} week-ends travaillés d'affilée
 | ma voiture est morte à cause des trajets et personne ne rembourse | un an d'ancienneté de plus et toujours payée au SMIC
 | on nous met {n:20-30} min pour une toilette et un petit déjeuner | mon employeur refuse de payer les temps d'attente
tip = petite astuce pour les bas de contention : un sac plastique sur le pied et ça glisse tout seul | pour les refus de toilette, je chante, ça marche à tous les coups
 | pour {benef} {condition} je prépare tout avant d'entrer dans la salle de bain | je note tout dans un petit carnet pour les transmissions
 | une serviette chaude sur les épaules pendant la toilette, ils adorent | je mets une alarme sur mon téléphone pour l'hydratation
 | pour les fausses routes, eau gélifiée et petite cuillère | je coupe les ongles après la douche, c'est plus facile
tsq = tu connais le code de toutes les boîtes à clés de ta ville | ton coffre de voiture est une armoire à gants et à charlottes
 | tu manges un sandwich au volant entre deux toilettes | tu reconnais une infection urinaire à l'odeur | tu connais tous les feuilletons de l'après midi
 | ta mamie du matin te demande {n:3-6} fois qui tu es | tu fais {n:80-150} km par jour pour aller à {n:3-9} endroits
 | tu sais faire une toilette en {n:15-25} minutes chrono | tu as plus de clés que le concierge | tu connais les prénoms de tous les chats de tes bénéficiaires
 | tu dis "on va faire la toilette" à ton mari | ton planning change plus souvent que la météo | tu tutoies le médecin traitant de la moitié du village
 | tu connais par cœur le pilulier de {n:5-12} personnes | tu fais le ménage chez les autres et pas chez toi
other = Tu sais que tu es aide à domicile quand {tsq} | tu sais que tu es AD quand {tsq} 😂 | Bonne soirée à toutes
 | Joyeux Noël à toutes les collègues qui travaillent aujourd'hui | bon courage pour la reprise les filles | bienvenue aux nouvelles
 | bon week-end à celles qui ne travaillent pas et courage aux autres | je partage, c'est tellement nous | qui travaille ce week-end ?
 | Tu sais que tu es aide à domicile quand {tsq}, et que {tsq}
post.support = {greet} {vent}. {ventend} | {vent}... {ventend} | {greet}, {vent}
post.future = {greet} {protest} | {protest} ! | {protest}, partagez un maximum | {greet}, {protest}. Qui est partante ?
post.conditions = {conds}... | {greet} {conds}. ras le bol | {conds}, et chez vous ? | {conds} 😡
post.practice = {greet} {tip} | {tip}, si ça peut aider | {greet}, je partage : {tip}
post.other = {other}
// Context clauses: what makes two short answers differ.
lead = Oui | Ah | Franchement | Alors là | Clairement | Bien dit | Tellement | Mais oui | Eh oui | Moi je dis | Perso | Honnêtement
 | Bah | Ben | Grave | Ah ça | Voilà | Sincèrement | Je dirais | Pour moi | En vrai | Carrément | Hé oui
ctx = moi ça fait {n:2-25} ans que je suis dans le métier | chez nous à {city} c'est pareil | ça m'est arrivé {when3}
 | pareil le {n:1-28} {month} | depuis {n:2-20} ans c'est la même chose | avec mes {n:3-12} bénéficiaires | ici dans le {dept} aussi
 | j'en parlais avec une collègue {when3} | on en a parlé à la réunion d'équipe {when3} | dans mon secteur à {city}
 | j'ai eu le cas chez une dame de {n:75-99} ans | je vois ça tous les jours depuis {n:2-20} ans | et ça depuis {n:2009-2019}
 | à {city} on est {n:8-40} dans le service | ma collègue de {city} dit pareil | avec {n:20-45} ans de métier derrière moi
 | je suis à {n:24-35}h par semaine | après {n:6-12}h de route aujourd'hui | mon employeur à {city} fait pareil
when3 = hier | la semaine dernière | ce matin | ce week-end | le mois dernier | lundi | avant-hier | l'an dernier | en {month}
city = Brest | Quimper | Rennes | Nantes | Lorient | Vannes | Saint-Brieuc | Morlaix | Angers | Le Mans | Laval | Caen | Lille | Amiens
 | Rouen | Tours | Limoges | Poitiers | Niort | La Rochelle | Bordeaux | Pau | Toulouse | Albi | Rodez | Montpellier | Nîmes
 | Marseille | Toulon | Nice | Lyon | Grenoble | Annecy | Dijon | Besançon | Metz | Nancy | Strasbourg | Reims | Troyes
 | Orléans | Bourges | Clermont | Saint-Étienne | Valence | Perpignan | Carcassonne | Périgueux | Guéret | Aurillac
dept = 29 | 56 | 22 | 35 | 44 | 49 | 53 | 72 | 14 | 50 | 61 | 59 | 62 | 80 | 76 | 37 | 87 | 86 | 79 | 17 | 33 | 64 | 31 | 81
 | 12 | 34 | 30 | 13 | 83 | 06 | 69 | 38 | 74 | 21 | 25 | 57 | 54 | 67 | 51 | 10 | 45 | 18 | 63 | 42 | 26 | 66 | 11 | 24 | 23 | 15
// Answers.
a.advice.rights = normalement oui, {adv_tail} | chez nous c'est payé au bout de {n:1-3} mois | il faut voir ce que dit ton contrat
 | normalement c'est {n:10-25}% de plus | demande ta fiche de paie détaillée | ils te doivent les heures, réclame
 | non normalement ils n'ont pas le droit | ça dépend si tu es en {contract} ou pas | moi j'ai eu gain de cause après {n:2-6} mois
 | oui mais il faut le demander par écrit | normalement c'est au bout de {n:3-12} mois d'ancienneté
a.advice.care = moi je fais {caretip} | essaie {caretip} | faut en parler à l'infirmière | il faut le signaler à ta responsable, {adv_tail}
 | avec {benef} {condition} je fais {caretip} | surtout ne reste pas seule avec ça, {adv_tail}
a.advice.organisation = moi je fais {orgtip} | perso {orgtip} | on s'organise entre collègues, {adv_tail} | j'ai arrêté de courir, {orgtip}
caretip = doucement en expliquant chaque geste | avec une serviette chaude | en passant par le côté | en laissant faire ce qu'elle peut seule
 | en mettant de la musique | avec le drap de glisse | en proposant plutôt qu'en imposant | en demandant un lit médicalisé
orgtip = je prépare mon planning la veille | je mange dans la voiture | je note tout sur une appli gratuite | je refuse les trous de plus d'une heure
 | je fais mes courses entre deux | je garde un classeur pour les clés | je demande toujours le planning par écrit
adv_tail = fais toi aider | il faut insister | garde bien tous les papiers | note tout | ne te laisse pas faire | fais un courrier
 | va voir les syndicats | demande un rendez-vous | ça m'est arrivé aussi | ~
a.agree = +1 {agree_tail} | pareil {agree_tail} | je confirme {agree_tail} | tout à fait {agree_tail} | oui c'est ça {agree_tail}
 | exactement, {agree_tail} | même chose chez moi, {agree_tail} | je suis d'accord {agree_tail} | voilà, {agree_tail} | oui {agree_tail}
agree_tail = chez nous aussi | ça m'est arrivé le mois dernier | dans mon asso c'est pareil | depuis {n:2-20} ans que je fais ce métier c'est comme ça
 | c'est ce qu'on m'a dit aussi | on a eu le cas avec une collègue | c'est ce que je fais depuis {n:2-15} ans | pareil chez {employer}
 | j'ai vérifié avec ma responsable | c'est la bonne réponse
a.disagree = non pas du tout, {dis_tail} | ah non chez nous c'est pas comme ça, {dis_tail} | c'est faux, {dis_tail} | pas d'accord, {dis_tail}
 | attention c'est pas vrai, {dis_tail} | non non, {dis_tail} | je ne suis pas d'accord, {dis_tail}
dis_tail = ça dépend des employeurs | moi on me l'a refusé | ça a changé depuis {n:2016-2019} | c'est pas la même chose en {contract}
 | il ne faut pas dire n'importe quoi | vérifie avant | chez {employer} c'est l'inverse | ça ne marche pas comme ça
a.cite.law = c'est dans la convention collective, {ccn} | article L{n:3121-3123}-{n:1-60} du code du travail | regarde sur Légifrance, {lawd}
 | la CCN de la branche de l'aide à domicile dit que {lawd} | code du travail art. L{n:1225-3171}-{n:1-40}, {lawd} | c'est écrit dans la convention collective : {lawd}
 | selon la convention collective de la branche, {lawd}
ccn = titre {n:4-6} chapitre {n:1-4} | avenant {n:36-43} | article {n:14-30} | c'est noir sur blanc
lawd = les temps de trajet sont du temps de travail | les dimanches sont majorés de {n:25-45}% | la pause est obligatoire au bout de 6h
 | les indemnités kilométriques sont de 0,{n:22-38} € du km | le délai de prévenance est de {n:4-7} jours | tu as droit à {n:3-5} jours
a.cite.employer = demande à ta responsable de secteur, {empd} | c'est dans le règlement intérieur de ton asso | vois avec les RH, ils doivent te répondre par écrit
 | regarde ton contrat de travail c'est écrit dedans | ta direction a une note de service là dessus | demande le livret d'accueil de ton employeur
empd = elle doit te le donner par écrit | c'est elle qui décide | chez nous elle l'a fait en {n:2-10} jours | ils ont une procédure
a.cite.insurance = appelle la CPAM, {insd} | sur ameli.fr c'est expliqué | la CAF peut t'aider, {insd} | la sécu rembourse si c'est prescrit
 | va sur ameli.fr rubrique arrêt de travail | la CPAM m'a répondu en {n:2-15} jours | demande à la CAF pour la prime d'activité
insd = ils sont gentils | prends rendez-vous | il te faut une attestation de salaire | c'est en ligne | ça prend {n:2-6} semaines
a.cite.guidelines = il y a une recommandation HAS sur la bientraitance | les recos de l'ANESM disent {lawd} | c'est dans le guide de bonnes pratiques de ton service
 | regarde les fiches de l'INRS sur les manutentions
a.encourage = courage 💪 | bon courage à toi | on est toutes passées par là | tiens bon | prends soin de toi | gros bisous ma belle
 | je te comprends tellement | pense à toi aussi | ne lâche rien | on est avec toi | tu n'es pas seule
 | courage, ça ira mieux {when2} | je t'envoie plein de force
when2 = demain | la semaine prochaine | après les vacances | ~
a.thanks = merci {thx_tail} | merci les filles {thx_tail} | ok merci beaucoup | super merci je vais voir ça | merci pour vos réponses {thx_tail}
 | merci c'est gentil | ok je vais demander, merci | merci ça m'aide
thx_tail = ~ | je vais voir avec ma responsable | je vais appeler demain | c'est plus clair | vous êtes top | je vais essayer
c.support = {a.encourage} | moi aussi {vent} | je te comprends, {a.encourage}
c.future = on lâche rien ✊ | il faut se mobiliser | je signe | partagé | j'y serai | c'est sûr il faut bouger | trop c'est trop
 | il faudrait qu'on soit toutes dans la rue | ils nous méprisent | #BlousesInvisibles | j'ai signé et partagé | je viens avec {n:2-5} collègues
c.conditions = c'est honteux | pareil chez nous, {conds} | on est vraiment pas reconnues | c'est scandaleux | pareil, {agree_tail}
 | il faut aller voir les syndicats | change d'employeur
c.practice = merci pour l'astuce | je vais essayer | super idée | je fais pareil | merci je ne savais pas | top merci
c.poster = merci les filles | merci à toutes | merci pour vos messages | oui c'est clair | merci ça fait du bien de vous lire
 | vous êtes adorables | ah oui carrément | exactement | c'est ça le pire | merci {thx_tail} | merci, {agree_tail}
c.other = mdr trop vrai | 😂😂 | tellement ça | c'est tout à fait nous | mdr {tsq} aussi | hahaha trop vrai | j'adore | bienvenue à toutes
 | 😂 {tsq}
`)

// The GPs' grammar.
var gpGrammar = parseGrammar(`
pat = patiente de {n:18-95} ans | patient de {n:18-95} ans | Mme {n:40-95} ans | M. {n:30-95} ans | pt {n:18-90} ans
 | ado de {n:13-17} ans | enfant de {n:2-12} ans | nourrisson de {n:2-18} mois | femme enceinte de {n:20-42} ans
 | homme de {n:20-80} ans | patiente {n:18-95} ans | patient {n:18-95} ans
cond = HTA mal contrôlée sous {drug} | diabète type 2 HbA1c à {n:7-10},{n:1-9} | otite récidivante | cystite récidivante | lombalgie chronique
 | insomnie depuis {dur} | eczéma du nourrisson | gonarthrose | migraine résistante à {drug} | syndrome anxio-dépressif
 | FA nouvellement découverte | zona intercostal | acné sévère | douleurs neuropathiques | reflux résistant aux IPP | angine à strepto
 | hypothyroïdie TSH à {n:5-15} | goutte | sevrage tabagique | bronchiolite | dyslipidémie LDL à {n:1-2},{n:1-9}
drug = amoxicilline | ramipril | metformine | amlodipine | paroxétine | prégabaline | lévothyroxine | allopurinol | oméprazole
 | zolpidem | tramadol | bisoprolol | atorvastatine | sertraline | apixaban | ibuprofène | doxycycline | prednisolone
dur = {n:2-10} jours | {n:2-8} semaines | {n:2-12} mois | {n:2-5} ans
symptoms = fièvre à {n:38-40} | toux sèche | douleur thoracique atypique | asthénie | vertiges | éruption maculo-papuleuse | prurit diffus
 | douleurs abdominales | céphalées | arthralgies | palpitations | dyspnée d'effort | perte de poids de {n:3-10} kg | adénopathies cervicales
exam = examen normal | CRP à {n:5-150} | bilan bio normal | ECG normal | TA {n:10-18}/{n:6-10} | sat {n:90-99}% | NFS normale
 | un peu de sensibilité en FID | auscultation sans particularité | pas de signe de gravité
hash = #MG | #médecinegénérale | #pédiatrie | #dermato | #gériatrie | #cardio | #PDS | #SASPAS | ~ | ~ | ~ | ~
tq = quel traitement en 1re intention | vous mettez quoi | antibiotique ou pas | vous switchez sur quoi | relais par quoi
 | vous faites comment pour arrêter le {drug} | quelle durée de traitement | vous adaptez la dose comment | vous ajoutez quoi
therapeutic = {pat}, {@topic} ? | {pat} : {@topic} ? | {pat} avec {@topic} ?
therapeutic.topic = {cond}, {tq} | {cond} depuis {dur}, {tq}
diagnostic = {pat}, {@topic}. {dq} | {pat} : {@topic}. {dq} | {pat}, {@topic}... {dq}
diagnostic.topic = {symptoms} et {symptoms} depuis {dur}, {exam} | {symptoms} depuis {dur}, {exam}, {exam}
dq = vous pensez à quoi ? | vous feriez quoi comme bilan ? | j'ai raté quelque chose ? | diagnostic ? | des idées ? | on adresse ou pas ?
 | ça vous évoque quoi ? | vous imageriez ?
admin = comment on cote {acte} | accident du travail ou maladie pour {admincase} | le certificat de {certif} est obligatoire
 | la CPAM me réclame {n:200-4000} € d'indus, un recours possible | la téléconsultation est remboursée pour {admincase}
 | arrêt de travail de plus de {n:3-6} mois, on fait quoi pour la reprise | la ROSP tient compte de {admincase}
 | la permanence des soins le dimanche, l'astreinte est payée combien | on peut refuser un nouveau patient sans médecin traitant
 | un patient demande son dossier, on a combien de jours | comment remplir le formulaire de MDPH pour {admincase}
acte = une suture | un frottis | une MRT | une consultation longue | un ECG | une visite à domicile | une infiltration | un certificat de décès
admincase = une lombalgie au travail | un burn-out | une chute dans l'escalier du bureau | un patient en ALD | un enfant de {n:2-12} ans
certif = sport | non contre-indication | décès | crèche | absence scolaire
biblio = l'arrêt des IPP au long cours | la vitamine D chez l'adulte | les statines après {n:75-80} ans | la durée des antibiotiques dans les cystites
 | la kiné dans la lombalgie aiguë | les probiotiques dans les diarrhées | l'aspirine en prévention primaire | le dépistage du cancer de la prostate
 | la mélatonine chez l'enfant | l'homéopathie | la sophrologie dans l'insomnie | le sevrage des benzodiazépines
bq = quelqu'un a une référence sur {@topic} ? | une bonne biblio sur {@topic} ? | vous avez une méta-analyse sur {@topic} ? | des données récentes sur {@topic} ?
poll = vous prescrivez {drug} en 1re intention | vous faites des visites à domicile | vous prenez des internes | vous faites de la téléconsultation
 | vous êtes en secteur 2 | vous faites la PDS le week-end | vous travaillez plus de {n:45-70}h par semaine | vous prenez des nouveaux patients
 | vous utilisez un logiciel d'aide à la prescription | vous êtes en maison de santé
q.therapeutic = #DocTocToc {therapeutic} {hash} | {therapeutic} #DocTocToc {hash} | #DocTocToc {therapeutic} merci ! {hash}
q.diagnostic = #DocTocToc {diagnostic} {hash} | {diagnostic} #DocTocToc | #DocTocToc {diagnostic} merci d'avance {hash}
q.administrative = #DocTocToc {@topic} ? {hash} | #DocTocToc question administrative : {@topic} ? | {@topic} ? #DocTocToc {hash}
 | #DocTocToc les confrères, {@topic} ?
q.bibliographic = #DocTocToc {bq} {hash} | {bq} #DocTocToc | #DocTocToc biblio : {bq}
q.poll = Sondage #DocTocToc : {@topic} ? 🅰️ oui 🅱️ non {hash} | #DocTocToc petit sondage : {@topic} ? RT pour la visibilité
 | #DocTocToc question aux confrères : {@topic} ? {hash}
// Context clauses.
lead = Oui | Perso | Pour ma part | Honnêtement | Franchement | En pratique | Chez moi | Clairement | Bon | Alors | Hmm | En vrai
 | De mon côté | Dans ma pratique | À mon avis | Ah
ctx = en {n:5-35} ans d'exercice | dans mon cabinet rural du {dept} | chez mes patients âgés | en maison de santé à {city}
 | depuis mon installation en {n:2002-2018} | d'après mon expérience | à la PDS de {day} | encore {n:2-6} fois cette semaine
 | avec mes {n:800-2500} patients médecin traitant | en remplacement à {city} | quand j'étais interne à {city} | au cabinet ce matin
 | en SOS médecins à {city} | en zone sous-dotée | chez mes co-internes aussi | dans mon groupe de pairs à {city}
day = samedi | dimanche | la nuit | lundi | hier soir | ce week-end
city = Brest | Rennes | Nantes | Angers | Caen | Lille | Rouen | Tours | Limoges | Poitiers | Bordeaux | Toulouse | Montpellier
 | Marseille | Nice | Lyon | Grenoble | Dijon | Besançon | Nancy | Strasbourg | Reims | Orléans | Clermont | Saint-Étienne
 | Amiens | Le Mans | Brive | Pau | Bayonne | Périgueux | Vannes | Quimper | Laval | Niort | Valence
dept = 29 | 56 | 22 | 35 | 44 | 49 | 53 | 72 | 14 | 50 | 61 | 59 | 62 | 80 | 76 | 37 | 87 | 86 | 79 | 17 | 33 | 64 | 31 | 81
 | 12 | 34 | 30 | 13 | 83 | 69 | 38 | 74 | 21 | 25 | 57 | 54 | 67 | 51 | 10 | 45 | 18 | 63 | 42 | 26 | 66 | 11 | 24 | 23 | 15
// Answers.
a.advice.therapeutic = moi je mets {drug} {dose} | {drug} en 1re intention, {dur} | je ferais {drug} {dose} et réévaluation à {dur}
 | personnellement je commence par {drug} | j'essaierais {drug} à petite dose | rien pour l'instant, surveillance {dur}
a.advice.diagnostic = tu as pensé à {diag} ? | je penserais à {diag} | je ferais {bilan} d'abord | {diag} ? je demanderais {bilan}
 | ça ressemble à {diag}, {bilan} | j'adresserais aux urgences si ça persiste
a.advice.administrative = tu cotes {cot} | c'est en AT si {atcase} | moi je le fais toujours {how} | appelle le médecin conseil
 | on n'est pas obligé, {how} | il faut faire un courrier au directeur de la caisse
a.advice.bibliographic = il y a une revue Cochrane de {n:2012-2019} | regarde {n:2015-2019} dans le BMJ | il y a eu un article dans exercer en {n:2014-2019}
 | la revue Minerva en a parlé | je t'envoie ça en DM
a.advice.poll = 🅰️ sans hésiter | 🅱️ {pollwhy} | oui, {pollwhy} | non, {pollwhy} | A mais {pollwhy} | B, {pollwhy}
pollwhy = pas le temps | trop de demande | pour les patients âgés seulement | je n'ai pas le choix | depuis {n:2-15} ans | c'est rentable | c'est épuisant
dose = {n:1-3} cp/j | {n:5-100} mg x{n:1-3}/j | matin et soir | en dose unique | {n:5-14} jours
diag = une Lyme | une thyroïdite | une EP | une PPR | une mono | une Horton | un zona débutant | une sarcoïdose | une dépression masquée
 | une carence en B12 | une appendicite | une origine médicamenteuse | une maladie de Still | un phéochromocytome
bilan = NFS CRP | un écho | une radio thoracique | TSH | un ECG | sérologies | un bilan hépatique | une ferritine | un scanner
cot = G + MEG | APC | G + {n:5-50} € | MCG | VG + MD | une CCAM | G + MTX
atcase = c'est survenu au poste de travail | il y a un témoin | l'employeur a fait la déclaration | c'est dans les 24h
how = par courrier | en ligne | avec un certificat descriptif | sur ameli pro | par fax | à la fin de la consult
a.agree = +1 {gagree} | pareil {gagree} | je confirme {gagree} | tout à fait {gagree} | d'accord avec ça {gagree} | idem, {gagree}
 | exactement {gagree} | même avis {gagree} | je plussoie, {gagree} | oui {gagree}
gagree = c'est ce que je fais | je fais pareil depuis {n:2-20} ans | c'est la reco | c'est le plus simple | ça marche bien en pratique
 | mêmes résultats chez mes patients | rien à ajouter | c'est raisonnable | j'ai eu le cas la semaine dernière | ~
a.disagree = pas d'accord, {gdis} | attention, {gdis} | non, {gdis} | je ne ferais pas ça, {gdis} | bof, {gdis} | je suis plus réservé, {gdis}
gdis = {drug} n'a pas fait ses preuves | il faut éliminer {diag} d'abord | c'est hors AMM | risque d'interactions | ce n'est pas la reco actuelle
 | c'est remboursé seulement en ALD | trop de risques à cet âge | il faut un avis spécialisé
a.cite.guidelines = reco HAS {n:2014-2019} : {recod} | cf Prescrire n°{n:380-429}, {recod} | le Vidal dit {recod} | voir antibioclic, {recod}
 | recos SPILF {n:2016-2019} : {recod} | la HAS a publié une fiche en {n:2016-2019}, {recod} | cf les recommandations HAS, {recod}
recod = {drug} en 1re intention | pas d'antibiotique | {n:5-10} jours suffisent | pas avant {n:3-6} ans | contrôle à {dur} | réévaluation à 48h
a.cite.insurance = ameli.fr : {insd} | la CPAM rembourse si {insd} | c'est dans la NGAP, {insd} | le médecin conseil de la CPAM m'a dit {insd}
 | c'est expliqué sur ameli pro, {insd}
insd = c'est en ALD | la demande est faite avant | il y a une entente préalable | le patient a moins de {n:6-16} ans | ça passe en 100%
a.cite.law = code de la santé publique art. R4127-{n:1-112} | code de déontologie art. {n:1-112}, {lawd} | voir Légifrance, {lawd}
 | code de la sécu art. L{n:160-330}-{n:1-20}, {lawd} | c'est dans la loi, article L{n:1110-1111}-{n:1-10} du CSP
lawd = tu n'es pas obligé | le patient a {n:8-60} jours | c'est le secret médical | il faut son accord écrit | c'est une obligation
a.encourage = courage, {gagree} | bon courage | ça arrive à tout le monde | tiens nous au courant | on est tous passés par là | bon courage pour la suite
a.thanks = merci à tous ! | merci pour vos réponses 🙏 | top merci | merci {gthx} | super, merci les confrères | merci, {gthx}
gthx = je vais faire comme ça | c'est plus clair | je vous tiens au courant | je m'en doutais | ça me rassure | ~
quote = question intéressante | bonne question | je me posais la même | à suivre | je suis curieux des réponses | RT pour les confrères
 | très bonne question, j'attends les réponses | pareil cette semaine en consult
`)

func init() {
	aideGrammar.check()
	gpGrammar.check()
}
