package indicator

import (
	"sort"
	"time"

	"github.com/faire-communaute/compendium/analysis/corpus"
)

// Latest is the one rule by which every measure and figure picks the
// latest of several observations of the same thing (a group's panel, an
// account's profile): the observation with the largest time; among
// observations made at the same instant, the one that comes last in the
// given order (for the corpus's observations, the later line of the
// observation file). It returns the index of that observation among the n
// given, at(i) being the time of the i-th, and -1 when n is 0.
func Latest(n int, at func(i int) time.Time) int {
	best := -1
	for i := range n {
		if best < 0 || !at(i).Before(at(best)) {
			best = i
		}
	}
	return best
}

// LatestPanel returns the latest panel observation of a community
// (Latest), and false when the community has none.
func LatestPanel(panels []corpus.PanelObservation, community string) (corpus.PanelObservation, bool) {
	var own []corpus.PanelObservation
	for _, p := range panels {
		if p.Community == community {
			own = append(own, p)
		}
	}
	i := Latest(len(own), func(i int) time.Time { return own[i].Observed })
	if i < 0 {
		return corpus.PanelObservation{}, false
	}
	return own[i], true
}

// LatestPanels returns the latest panel observation (Latest) of every
// community that has one, in community id order.
func LatestPanels(panels []corpus.PanelObservation) []corpus.PanelObservation {
	return latestBy(panels, func(p corpus.PanelObservation) string { return p.Community },
		func(p corpus.PanelObservation) time.Time { return p.Observed },
		func(a, b corpus.PanelObservation) bool { return a.Community < b.Community })
}

// LatestProfiles returns the latest profile observation (Latest) of every
// account, ordered by label then account.
func LatestProfiles(profiles []corpus.ProfileObservation) []corpus.ProfileObservation {
	return latestBy(profiles, func(p corpus.ProfileObservation) string { return p.Account },
		func(p corpus.ProfileObservation) time.Time { return p.Observed },
		func(a, b corpus.ProfileObservation) bool {
			if a.Label != b.Label {
				return a.Label < b.Label
			}
			return a.Account < b.Account
		})
}

// latestBy applies Latest to the observations of each key, and returns
// the latest of each sorted by less.
func latestBy[T any](obs []T, key func(T) string, at func(T) time.Time, less func(a, b T) bool) []T {
	byKey := map[string][]T{}
	var keys []string
	for _, o := range obs {
		k := key(o)
		if _, seen := byKey[k]; !seen {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], o)
	}
	out := make([]T, 0, len(keys))
	for _, k := range keys {
		own := byKey[k]
		out = append(out, own[Latest(len(own), func(i int) time.Time { return at(own[i]) })])
	}
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	return out
}
