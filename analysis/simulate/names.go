package simulate

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// Fictional names. First names are common French first names; surnames are
// generated from syllables, so that a display name is never a real
// person's on purpose. Names are drawn by a bijection of the person's
// index, so that two persons never share a display name.

var femaleFirst = strings.Fields(`Sandrine Nathalie Isabelle Sylvie Stéphanie Valérie Céline Karine Christelle
Aurélie Émilie Laetitia Virginie Séverine Sabrina Audrey Mélanie Julie Sophie Caroline Vanessa Elodie
Marie Amandine Jessica Laura Sarah Manon Camille Chloé Océane Pauline Anaïs Justine Coralie
Martine Monique Brigitte Catherine Nadia Fatima Samia Leïla Yasmina Corinne Patricia Françoise Annie
Josiane Ghislaine Murielle Delphine Magali Nadège Cindy Gaëlle Maryse Odile Agnès Fabienne Pascale
Hélène Estelle Angélique Lydie Noémie Mylène Cécile Peggy Jennifer Kelly Morgane Lucie Léa Inès Alice
Mathilde Clémence Solène Lina Sonia Rachida Khadija Aïcha Nora Dominique Claudine Rose Lise Emma`)

var maleFirst = strings.Fields(`Laurent Stéphane Nicolas Julien Sébastien Christophe David Frédéric Olivier
Thierry Philippe Pascal Éric Franck Cédric Jérôme Mickaël Romain Thomas Antoine Maxime Kévin Yannick
Karim Mehdi Rachid Patrick Didier Alain Bruno Hervé Fabrice Guillaume Benoît Vincent Mathieu Arnaud
Damien Loïc Yann Grégory Lucas Hugo Théo Baptiste Quentin Florian Jean Paul Pierre Louis`)

var surnameRoots = strings.Fields(`Ber Mar Gil Lan Rou Cha Pel Val Mor Tes Bou Fer Gar Per Lar Mich Dub Rich
Gaut Fourn Brun Blanch Guér Chev Roch Lamb Bon Clém Fauc Marc Duv Ren Leg Hub Gir Mass Tour Vinc Pouj Corn
Bess Ferr Jacqu Loz Maill Quém Trév Kerv Pich Sauv`)

var surnameEnds = strings.Fields(`et ard in ier eau ot elle ac on and ault oux enne ille at el ès y is aud
erie ais ane ou`)

// plainSurnames is the number of surnames without particle; a quarter of
// as many again take "Le " and another quarter "Du ".
var plainSurnames = uint64(len(surnameRoots) * len(surnameEnds))

// nameSpace is the number of distinct single-surname names of a table.
func nameSpace(firsts []string) uint64 {
	return uint64(len(firsts)) * (plainSurnames + 2*(plainSurnames/4))
}

// surname returns surname i: distinct for distinct i below
// plainSurnames*3/2.
func surname(i uint64) string {
	prefix := ""
	switch q := plainSurnames / 4; {
	case i >= plainSurnames+q:
		prefix, i = "Du ", i-plainSurnames-q
	case i >= plainSurnames:
		prefix, i = "Le ", i-plainSurnames
	}
	root := surnameRoots[i%uint64(len(surnameRoots))]
	end := surnameEnds[i/uint64(len(surnameRoots))%uint64(len(surnameEnds))]
	return prefix + root + end
}

// permute is a bijection of [0, n): an invertible mix of the next power of
// two, cycle-walked into range.
func permute(x, n, key uint64) uint64 {
	bits := uint(1)
	for uint64(1)<<bits < n {
		bits++
	}
	mask := uint64(1)<<bits - 1
	for {
		x = (x*0x9E3779B97F4A7C15 + key) & mask
		x ^= x >> (bits/2 + 1)
		x = (x * 0xBF58476D1CE4E5B9) & mask
		x ^= x >> (bits/3 + 1)
		if x < n {
			return x
		}
	}
}

// personName returns the display name of person idx from a first-name
// table: unique over idx.
func personName(idx uint64, firsts []string, key uint64) string {
	space := nameSpace(firsts)
	surnames := space / uint64(len(firsts))
	if idx < space {
		x := permute(idx, space, key)
		return firsts[x%uint64(len(firsts))] + " " + surname(x/uint64(len(firsts)))
	}
	// Beyond one table (very large scales): double-barrelled surnames.
	idx -= space
	x := permute(idx%space, space, key+1)
	second := surname(idx/space%surnames + 0)
	second = strings.TrimPrefix(strings.TrimPrefix(second, "Le "), "Du ")
	return firsts[x%uint64(len(firsts))] + " " + surname(x/uint64(len(firsts))) + "-" + second + suffixFor(idx/space/surnames)
}

func suffixFor(n uint64) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" %d", n+1)
}

// aideFirsts interleaves female and male first names (about 9 in 10
// aides are women).
var aideFirsts = func() []string {
	var out []string
	m := 0
	for i, f := range femaleFirst {
		out = append(out, f)
		if i%8 == 7 && m < len(maleFirst) {
			out = append(out, maleFirst[m])
			m++
		}
	}
	return out
}()

// gpFirsts mixes female and male first names equally.
var gpFirsts = func() []string {
	var out []string
	for i := range max(len(femaleFirst), len(maleFirst)) {
		if i < len(femaleFirst) {
			out = append(out, femaleFirst[i])
		}
		if i < len(maleFirst) {
			out = append(out, maleFirst[i])
		}
	}
	return out
}()

// facebookID returns the fictional Facebook account id of person idx.
func facebookID(idx uint64) string {
	return fmt.Sprintf("%d", 100000000000000+permute(idx, 1<<40, 77))
}

// netvizzHash returns the hash Netvizz would show for a Facebook account.
func netvizzHash(fbID string) string {
	s := sha256.Sum256([]byte("netvizz:" + fbID))
	return hex.EncodeToString(s[:16])
}

// twitterUserID returns the fictional Twitter account id of GP idx.
func twitterUserID(idx uint64) string {
	return fmt.Sprintf("%d", 200000000+permute(idx, 1<<31, 91))
}

var depts = []string{"29", "35", "44", "56", "22", "49", "53", "72", "14", "50", "61", "59", "62", "69", "13", "31", "33", "67", "75", "93", "63", "87", "24", "46", "12", "81", "38", "74"}

// gpHandle returns a fictional Twitter handle and display name for GP idx
// built from a fictional name; the caller makes handles unique.
func gpIdentity(r rng, name string) (handle, display string) {
	parts := strings.SplitN(name, " ", 2)
	first, last := parts[0], parts[1]
	f, l := asciiFold(first), strings.ReplaceAll(asciiFold(last), " ", "")
	d := r.pick(depts)
	switch r.IntN(9) {
	case 0:
		handle, display = "Dr"+f+l, "Dr "+name
	case 1:
		handle, display = "doc_"+strings.ToLower(f)+d, "Doc "+first
	case 2:
		handle, display = "MG"+f+l[:1]+d, first+" "+l[:1]+". MG"
	case 3:
		handle, display = f+"_MG"+d, first+" "+last
	case 4:
		handle, display = strings.ToLower(f)+"."+strings.ToLower(l), first+" "+last+" 🩺"
	case 5:
		handle, display = "DocteurDe"+l, "Docteur "+last
	case 6:
		handle, display = "GeneMed"+d+f[:1]+l[:1], "Médecin généraliste ("+d+")"
	case 7:
		handle, display = "MG_"+strings.ToLower(l), first+" "+l[:1]+"."
	default:
		handle, display = f+l[:min(3, len(l))]+"Doc", first+" "+last
	}
	handle = strings.ReplaceAll(handle, ".", "_")
	handle = strings.ReplaceAll(handle, "-", "")
	if len(handle) > 15 {
		handle = handle[:15]
	}
	return handle, display
}

var foldReplacer = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "É", "E", "à", "a", "â", "a",
	"î", "i", "ï", "i", "ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ç", "c", "Ç", "C", "À", "A", "È", "E",
	"œ", "oe", "Ê", "E", "Î", "I", "Ô", "O")

// asciiFold removes accents.
func asciiFold(s string) string { return foldReplacer.Replace(s) }
