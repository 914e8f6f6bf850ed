// Package paper builds the figures and tables of the study, one function
// per figure, from the loaded corpus. Notebooks call these functions and
// publish what they return; tests call them on small known data. Keeping
// the construction here rather than in notebook cells means every figure is
// covered by go test, and a notebook reads as the study's argument.
//
// Figure identifiers (the file names under figures/) follow the study's
// numbering: t1-groups, f02-members, and so on (see the README's list).
package paper

import (
	"fmt"
	"sort"
	"strings"

	"github.com/faire-communaute/compendium/analysis/chart"
	"github.com/faire-communaute/compendium/analysis/corpus"
	"github.com/faire-communaute/compendium/analysis/figure"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// Latest returns, for each community, its most recent panel observation,
// in community order.
func Latest(panels []corpus.PanelObservation) []corpus.PanelObservation {
	last := map[string]corpus.PanelObservation{}
	for _, p := range panels {
		if q, ok := last[p.Community]; !ok || p.Observed.After(q.Observed) {
			last[p.Community] = p
		}
	}
	out := make([]corpus.PanelObservation, 0, len(last))
	for _, p := range last {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Community < out[j].Community })
	return out
}

// T1Groups is Table 1 of the study: each Facebook group's "Activité"
// panel at its latest observation — members, new members in the last 30
// days, posts today, posts in the last 30 days, admins and moderators,
// creation as displayed.
func T1Groups(panels []corpus.PanelObservation, prov figure.Provenance) (*figure.Figure, error) {
	latest := Latest(panels)
	if len(latest) == 0 {
		return nil, fmt.Errorf("t1-groups: no panel observation")
	}
	data := figure.NewTable("community", "group_name", "observed_at", "members", "new_members_30d",
		"posts_today", "posts_30d", "admins", "moderators", "created_display")
	for _, p := range latest {
		data.Add(p.Community, p.Name, p.Observed, p.Members, p.NewMembers30d, p.PostsToday, p.Posts30d,
			p.Admins, p.Moderators, p.CreatedApprox)
	}
	shown := figure.NewTable(
		figure.T("Groupe", "Group"),
		figure.T("Membres", "Members"),
		figure.T("Nouveaux (30 j)", "New (30 d)"),
		figure.T("Publications aujourd'hui", "Posts today"),
		figure.T("Publications (30 j)", "Posts (30 d)"),
		figure.T("Admins / modérateurs", "Admins / moderators"),
		figure.T("Création", "Created"),
	)
	for _, p := range latest {
		shown.Add(p.Name, figure.Integer(int64(p.Members)), "+"+figure.Integer(int64(p.NewMembers30d)),
			p.PostsToday, p.Posts30d, fmt.Sprintf("%d / %d", p.Admins, p.Moderators), p.CreatedApprox)
	}
	return &figure.Figure{
		ID:    "t1-groups",
		Title: figure.T("Tableau 1 – Les groupes Facebook étudiés", "Table 1 – The Facebook groups studied"),
		Caption: figure.T(
			fmt.Sprintf("Panneau « Activité » de chaque groupe, relevé le %s.", figure.Date(latest[0].Observed.In(corpus.Paris))),
			fmt.Sprintf("Each group's \"Activity\" panel, read on %s.", figure.Date(latest[0].Observed.In(corpus.Paris)))),
		Data:    data,
		Drawing: figure.TableDrawing{Table: shown},
		Width:   18 * vg.Centimeter,
		Prov:    prov,
	}, nil
}

// MemberSeries returns, per community, the members observed over time:
// the panel's member counts by observation date.
func MemberSeries(panels []corpus.PanelObservation) map[string][]corpus.PanelObservation {
	out := map[string][]corpus.PanelObservation{}
	for _, p := range panels {
		out[p.Community] = append(out[p.Community], p)
	}
	for _, s := range out {
		sort.Slice(s, func(i, j int) bool { return s[i].Observed.Before(s[j].Observed) })
	}
	return out
}

// F02Members draws the members of each group and their growth over the
// last 30 days: members over time when the panels were read at several
// dates, and the latest members and 30-day growth side by side.
func F02Members(panels []corpus.PanelObservation, names map[string]string, prov figure.Provenance) (*figure.Figure, error) {
	latest := Latest(panels)
	if len(latest) == 0 {
		return nil, fmt.Errorf("f02-members: no panel observation")
	}
	data := figure.NewTable("community", "observed_at", "members", "new_members_30d")
	series := MemberSeries(panels)
	var ids []string
	for id := range series {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	label := func(id string) string {
		if n := names[id]; n != "" {
			return Short(n, 18)
		}
		return id
	}
	var ts []chart.Series
	multi := false
	for _, id := range ids {
		s := chart.Series{Name: label(id)}
		for _, p := range series[id] {
			data.Add(p.Community, p.Observed, p.Members, p.NewMembers30d)
			s.Times = append(s.Times, p.Observed)
			s.Values = append(s.Values, float64(p.Members))
		}
		multi = multi || len(s.Times) > 1
		ts = append(ts, s)
	}
	groups := make([]string, len(latest))
	values := make([][]float64, len(latest))
	for i, p := range latest {
		groups[i] = label(p.Community)
		values[i] = []float64{float64(p.Members), float64(p.NewMembers30d)}
	}
	bars, _, err := chart.Bars(groups, []string{figure.T("Membres", "Members"), figure.T("Nouveaux membres (30 j)", "New members (30 d)")}, values, false)
	if err != nil {
		return nil, fmt.Errorf("f02-members: %w", err)
	}
	bars.Title.Text = figure.T("Membres et croissance sur 30 jours", "Members and 30-day growth")
	f := &figure.Figure{
		ID:    "f02-members",
		Title: figure.T("Figure 2 – Membres des groupes", "Figure 2 – Group members"),
		Caption: figure.T("Membres et nouveaux membres des 30 derniers jours, d'après les panneaux « Activité ».",
			"Members and new members in the last 30 days, from the groups' \"Activity\" panels."),
		Data: data,
		Plot: bars,
		Prov: prov,
	}
	if multi {
		line, _, err := chart.TimeSeries(ts, chart.TimeSeriesOptions{})
		if err != nil {
			return nil, fmt.Errorf("f02-members: %w", err)
		}
		line.Title.Text = figure.T("Membres au fil du temps", "Members over time")
		line.Y.Label.Text = figure.T("membres", "members")
		f.Plot = nil
		f.Tiles = [][]*plot.Plot{{line, bars}}
		f.Width = 24 * vg.Centimeter
	}
	return f, nil
}

// Short shortens a group name for an axis label: at most max characters,
// cut at a word boundary, with an ellipsis when cut.
func Short(name string, max int) string {
	r := []rune(strings.TrimSpace(name))
	if len(r) <= max {
		return string(r)
	}
	cut := max - 1
	for i := cut; i > max/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " -.,") + "…"
}
