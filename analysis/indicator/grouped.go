package indicator

import "github.com/faire-communaute/compendium/analysis/corpus"

// Grouped is a family's result for one Groups group: every family's group
// type (activity.Group, rhythm.Group, themes.Shares, norms.Group...)
// implements it, and so does Group.
type Grouped interface {
	// Of returns the community the result is of; its ID is AllCommunities
	// for a profession as a whole.
	Of() corpus.Community
}

// Of returns g.Community.
func (g Group) Of() corpus.Community { return g.Community }

// IsProfession reports whether a group is a profession as a whole (its
// community's ID is AllCommunities) rather than one community.
func IsProfession(g Grouped) bool { return g.Of().ID == AllCommunities }

// Communities returns the results of single communities among gs, leaving
// out the professions as a whole, in the order of gs (for a family's
// Measure, community id order).
func Communities[G Grouped](gs []G) []G {
	var out []G
	for _, g := range gs {
		if !IsProfession(g) {
			out = append(out, g)
		}
	}
	return out
}

// Professions returns the results of the professions as a whole among gs,
// in the order of gs (for a family's Measure, profession name order).
func Professions[G Grouped](gs []G) []G {
	var out []G
	for _, g := range gs {
		if IsProfession(g) {
			out = append(out, g)
		}
	}
	return out
}

// ProfessionOf returns the result of profession p as a whole among gs, and
// false when gs hold none.
func ProfessionOf[G Grouped](gs []G, p corpus.Profession) (G, bool) {
	for _, g := range gs {
		if IsProfession(g) && g.Of().Profession == p {
			return g, true
		}
	}
	var zero G
	return zero, false
}
