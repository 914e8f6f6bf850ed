package norms

import (
	"sort"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/indicator/themes"
)

// OverlapPair compares two communities, A < B.
type OverlapPair struct {
	A, B                         string
	SharedAuthors, SharedDomains int
	AuthorsJaccard               float64 // NaN when neither has authors
	DomainsJaccard               float64 // NaN when neither has links
}

// OverlapReport is the overlap between the communities of a corpus: what
// Figure 15 draws.
type OverlapReport struct {
	Pairs []OverlapPair // sorted by A then B
	// AuthorsInSeveral is the number of authors active in at least two
	// communities, among Authors distinct authors in all.
	AuthorsInSeveral, Authors int
	// IDs are the community ids, sorted; Communities[i] is community
	// IDs[i] as the study declares it (only its ID when undeclared),
	// AuthorsOf[i] the number of its authors and InOthers[i] the number of
	// them also active in another community.
	IDs         []string
	Communities []corpus.Community
	AuthorsOf   []int
	InOthers    []int
}

// InOthersShare returns the share of the authors of community IDs[i]
// also active in another community, NaN when it has no author.
func (r OverlapReport) InOthersShare(i int) float64 { return ratio(r.InOthers[i], r.AuthorsOf[i]) }

// SeveralShare returns the share of all authors active in at least two
// communities, NaN without authors.
func (r OverlapReport) SeveralShare() float64 { return ratio(r.AuthorsInSeveral, r.Authors) }

// Overlap compares the author sets and link-domain sets of every pair of
// communities of c.
func Overlap(c *corpus.Corpus) OverlapReport {
	authors := map[string]map[string]bool{}
	domains := map[string]map[string]bool{}
	for _, com := range c.Communities {
		authors[com.ID], domains[com.ID] = map[string]bool{}, map[string]bool{}
	}
	for i := range c.Messages {
		m := &c.Messages[i]
		if authors[m.Community] == nil {
			authors[m.Community], domains[m.Community] = map[string]bool{}, map[string]bool{}
		}
		if m.Author != "" {
			authors[m.Community][m.Author] = true
		}
		for _, l := range m.Links {
			if h := themes.Host(l); h != "" {
				domains[m.Community][h] = true
			}
		}
	}
	var r OverlapReport
	for id := range authors {
		r.IDs = append(r.IDs, id)
	}
	sort.Strings(r.IDs)
	count := map[string]int{}
	for _, id := range r.IDs {
		for a := range authors[id] {
			count[a]++
		}
	}
	for _, n := range count {
		if n >= 2 {
			r.AuthorsInSeveral++
		}
	}
	r.Authors = len(count)
	for _, id := range r.IDs {
		n := 0
		for a := range authors[id] {
			if count[a] >= 2 {
				n++
			}
		}
		com := corpus.Community{ID: id}
		if d := c.Community(id); d != nil {
			com = *d
		}
		r.Communities = append(r.Communities, com)
		r.AuthorsOf = append(r.AuthorsOf, len(authors[id]))
		r.InOthers = append(r.InOthers, n)
	}
	for i, a := range r.IDs {
		for _, b := range r.IDs[i+1:] {
			p := OverlapPair{A: a, B: b}
			p.SharedAuthors, p.AuthorsJaccard = setJaccard(authors[a], authors[b])
			p.SharedDomains, p.DomainsJaccard = setJaccard(domains[a], domains[b])
			r.Pairs = append(r.Pairs, p)
		}
	}
	return r
}

func setJaccard(a, b map[string]bool) (int, float64) {
	inter := 0
	for x := range a {
		if b[x] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0, nan()
	}
	return inter, float64(inter) / float64(union)
}
