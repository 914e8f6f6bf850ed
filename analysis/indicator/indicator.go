// Package indicator holds what every family of indicators shares: the long
// table of values written as indicators.csv (community, profession,
// indicator, value), the grouping of a corpus by community and by
// profession, and the gota DataFrame view notebooks use.
//
// The measures themselves live in the sub-packages, one family each:
// activity, participation, responsiveness, rhythm, network, themes, norms
// and retention; package all assembles their rows into the study's one
// table. All of them work on a community's distinct messages: the loaders
// have already counted duplicates out.
//
// Each family's Measure returns, per Groups group, a result that carries
// the counts behind each of its ratios and everything the study's figures
// draw, so that figures (package paper) only draw what was measured here.
// Every such per-group result is a Grouped (its method Of names its
// community); Communities and Professions keep the results of single
// communities or of professions as a whole, ProfessionOf finds one
// profession's, so that no caller rewrites that filter. Latest is the one
// rule for picking the latest panel or profile observation.
package indicator

import (
	"encoding/csv"
	"io"
	"math"
	"sort"
	"strconv"

	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/stats"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// AllCommunities is the Community of a row that aggregates every community
// of one profession.
const AllCommunities = "*"

// Row is one value of one indicator for one community (or, with Community
// AllCommunities, for one profession).
type Row struct {
	Community  string
	Profession corpus.Profession
	Indicator  string
	Value      float64
	// Reason, when not empty, says why the measure cannot be computed
	// from this study's data (one of the Reason constants, set by the
	// family that defines the measure): indicators.csv then writes the
	// value empty, never a number computed from missing data. Value is
	// NaN. A NaN without Reason is a measure the data allow but whose
	// definition leaves undefined (a zero denominator, see each family).
	Reason string
	// Lo and Hi bound the value's confidence interval (Level 95 %), N
	// counts the units behind it (threads, authors, messages, cohorts:
	// Unit), and Method says how the interval was computed (a
	// stats.Estimate method: "wilson", "bca-bootstrap",
	// "greenwood-loglog", ...). Method is empty for a value without
	// interval (a count, a network statistic compared with its null model
	// elsewhere); Lo and Hi are then ignored. SetEstimate fills them.
	Lo, Hi float64
	N      int
	Unit   string
	Method string
}

// SetEstimate sets the row's value and interval from e.
func (r *Row) SetEstimate(e stats.Estimate) {
	r.Value, r.Lo, r.Hi, r.N, r.Unit, r.Method = e.Value, e.Lo, e.Hi, e.N, e.Unit, e.Method
}

// Why a measure cannot be computed from a study's data: the reason column
// of indicators.csv. Each matches a need of the figures (paper.Needs):
// ReasonNoMessageLinks is paper.NeedMessageLinks, ReasonNoReplyLinks
// paper.NeedReplyLinks, ReasonNoPanel paper.NeedPanels.
const (
	// ReasonNoMessageLinks: the group has messages but its replies are
	// not linked to their message (corpus.Links.Strength below
	// corpus.MessageLinks): threads cannot be told from replies.
	ReasonNoMessageLinks = "no message-level reply links"
	// ReasonNoReplyLinks: the group has messages but none names the
	// message or the account it answers (corpus.NoLinks): there is no
	// reply network to measure.
	ReasonNoReplyLinks = "no reply link"
	// ReasonNoPanel: no observation of the group's "Activité" panel
	// (a Twitter community, a group collected without its panel).
	ReasonNoPanel = "no panel observation"
)

// LinksReason is the one rule for measures that need reply links of at
// least strength need: it returns ReasonNoMessageLinks (need
// corpus.MessageLinks) or ReasonNoReplyLinks (need corpus.AccountLinks)
// when the messages counted by l are some but linked more weakly than
// need, and "" otherwise. A group without messages gets "": its measures
// are empty counts, not missing links.
func LinksReason(l corpus.Links, need corpus.LinkStrength) string {
	if l.Messages == 0 || l.Strength() >= need {
		return ""
	}
	if need == corpus.MessageLinks {
		return ReasonNoMessageLinks
	}
	return ReasonNoReplyLinks
}

// Sort puts rows in the canonical order: community, then indicator.
// Aggregate rows ("*") sort after communities of their profession.
func Sort(rows []Row) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Profession != b.Profession {
			return a.Profession < b.Profession
		}
		if a.Community != b.Community {
			if a.Community == AllCommunities || b.Community == AllCommunities {
				return b.Community == AllCommunities
			}
			return a.Community < b.Community
		}
		return a.Indicator < b.Indicator
	})
}

// FormatValue writes a value with the fixed precision of every derived
// table: six decimals, "NaN" when undefined.
func FormatValue(v float64) string {
	if math.IsNaN(v) {
		return "NaN"
	}
	if math.IsInf(v, 0) {
		if v > 0 {
			return "Inf"
		}
		return "-Inf"
	}
	return strconv.FormatFloat(v, 'f', 6, 64)
}

// WriteCSV writes rows as indicators.csv: a header (community,
// profession, indicator, value, lo, hi, n, unit, method, reason) and the
// rows in canonical order, values and bounds with six decimals
// (FormatValue). A row with a Reason is written with an empty value and
// interval and its reason; a row without Method with an empty interval
// (lo, hi, n, unit, method); every other row with an empty reason.
func WriteCSV(w io.Writer, rows []Row) error {
	sorted := append([]Row(nil), rows...)
	Sort(sorted)
	cw := csv.NewWriter(w)
	cw.Write([]string{"community", "profession", "indicator", "value", "lo", "hi", "n", "unit", "method", "reason"})
	for _, r := range sorted {
		v := FormatValue(r.Value)
		lo, hi, n := FormatValue(r.Lo), FormatValue(r.Hi), strconv.Itoa(r.N)
		if r.Method == "" || r.Reason != "" {
			lo, hi, n, r.Unit, r.Method = "", "", "", "", ""
		}
		if r.Reason != "" {
			v = ""
		}
		cw.Write([]string{r.Community, string(r.Profession), r.Indicator, v, lo, hi, n, r.Unit, r.Method, r.Reason})
	}
	cw.Flush()
	return cw.Error()
}

// Frame returns rows as a gota DataFrame in canonical order.
func Frame(rows []Row) dataframe.DataFrame {
	sorted := append([]Row(nil), rows...)
	Sort(sorted)
	n := len(sorted)
	com, prof, ind := make([]string, n), make([]string, n), make([]string, n)
	val := make([]float64, n)
	for i, r := range sorted {
		com[i], prof[i], ind[i], val[i] = r.Community, string(r.Profession), r.Indicator, r.Value
	}
	return dataframe.New(
		series.New(com, series.String, "community"),
		series.New(prof, series.String, "profession"),
		series.New(ind, series.String, "indicator"),
		series.New(val, series.Float, "value"),
	)
}

// Group is the distinct messages of one community, or of every community
// of one profession (Community.ID == AllCommunities).
type Group struct {
	Community corpus.Community
	Messages  []corpus.Message
}

// Groups splits a corpus by community, in community id order, followed by
// one group per profession gathering its communities. Messages keep the
// corpus order (by time within a community once the corpus is sorted).
//
// A community's messages are a sub-slice of c.Messages when the corpus is
// in canonical order (corpus.Sort), so nothing is copied for them; each
// profession's messages are copied once into a slice of the exact size.
// Callers must not modify the returned messages.
func Groups(c *corpus.Corpus) []Group {
	comms := append([]corpus.Community(nil), c.Communities...)
	sort.Slice(comms, func(i, j int) bool { return comms[i].ID < comms[j].ID })
	byID := communitySlices(c.Messages)
	var out []Group
	size := map[corpus.Profession]int{}
	var profs []corpus.Profession
	for _, com := range comms {
		msgs := byID[com.ID]
		out = append(out, Group{Community: com, Messages: msgs})
		if _, seen := size[com.Profession]; !seen {
			profs = append(profs, com.Profession)
		}
		size[com.Profession] += len(msgs)
	}
	sort.Slice(profs, func(i, j int) bool { return profs[i] < profs[j] })
	for _, p := range profs {
		msgs := make([]corpus.Message, 0, size[p])
		for _, g := range out {
			if g.Community.Profession == p && g.Community.ID != AllCommunities {
				msgs = append(msgs, g.Messages...)
			}
		}
		out = append(out, Group{
			Community: corpus.Community{ID: AllCommunities, Name: string(p), Profession: p},
			Messages:  msgs,
		})
	}
	return out
}

// communitySlices returns each community's messages: sub-slices of msgs
// when they are grouped by community (the canonical order), copies in
// corpus order otherwise.
func communitySlices(msgs []corpus.Message) map[string][]corpus.Message {
	out := map[string][]corpus.Message{}
	contiguous := true
	for i := 0; i < len(msgs); {
		j := i
		for j < len(msgs) && msgs[j].Community == msgs[i].Community {
			j++
		}
		if _, seen := out[msgs[i].Community]; seen {
			contiguous = false
			break
		}
		out[msgs[i].Community] = msgs[i:j:j]
		i = j
	}
	if contiguous {
		return out
	}
	out = map[string][]corpus.Message{}
	for _, m := range msgs {
		out[m.Community] = append(out[m.Community], m)
	}
	return out
}

// Inference holds the options every family's intervals use: replicates
// of bootstraps and permutation tests, level and seed. Its Reps (1000)
// keeps the second decimal of a 95 % bound stable on the sample; tests of
// small corpora may lower it. A family copies it and sets only Unit.
var Inference = stats.Options{Reps: 1000, Level: 0.95, Seed: stats.DefaultSeed}
